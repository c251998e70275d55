"""Regenerate the sample data shipped in ``src/childsafe/samples`` (run from the repo root).

Everything is synthetic: seeded abstract pictures (gradients, shapes, smooth noise) and a short
abstract video rendered by FFmpeg from generated frames.  Nothing depicts a person.
"""

from __future__ import annotations

import csv
import subprocess
import tempfile
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

OUT = Path("src/childsafe/samples")
NAMES = ["harbour", "forest", "tiles", "sunset", "marble", "stripes"]


def picture(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    rng = np.random.default_rng(seed)
    w, h = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    img = np.zeros((h, w, 3))
    for c in range(3):
        for _ in range(4):
            fx, fy, phase = rng.uniform(0.002, 0.03, 2).tolist() + [rng.uniform(0, 6.28)]
            img[..., c] += np.sin(x * fx * 6.28 + y * fy * 6.28 + phase)
    img = (img - img.min()) / (img.max() - img.min()) * 255
    im = Image.fromarray(img.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(12):
        x0, y0 = int(rng.integers(0, w - 40)), int(rng.integers(0, h - 40))
        x1, y1 = x0 + int(rng.integers(30, 220)), y0 + int(rng.integers(30, 180))
        colour = tuple(int(v) for v in rng.integers(0, 256, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)([x0, y0, x1, y1], fill=colour)
    noise = Image.fromarray(rng.integers(0, 256, (h // 8, w // 8, 3), dtype=np.uint8), "RGB")
    noise = noise.resize((w, h), Image.BICUBIC).filter(ImageFilter.GaussianBlur(3))
    return Image.blend(im, noise, 0.25)


def video(path: Path, seed: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        base = picture(seed, (320, 240))
        for i in range(48):  # 4 s at 12 fps: a slow pan and fade over a generated picture
            frame = base.rotate(i * 2, resample=Image.BILINEAR).point(lambda v, i=i: min(255, v + i))
            frame.save(Path(tmp) / f"f{i:03d}.png")
        subprocess.run(
            ["ffmpeg", "-loglevel", "error", "-y", "-framerate", "12", "-i", f"{tmp}/f%03d.png",
             "-c:v", "libx264", "-pix_fmt", "yuv420p", "-crf", "30", "-movflags", "+faststart",
             "-fflags", "+bitexact", "-map_metadata", "-1", str(path)],
            check=True,
        )


def main() -> None:
    from childsafe.media import hash_file

    OUT.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(NAMES):
        picture(1000 + i).save(OUT / f"{name}.jpg", quality=85, optimize=True)
    video(OUT / "clip.mp4", 2000)
    h = {name: hash_file(OUT / f"{name}.jpg") for name in NAMES}
    v = hash_file(OUT / "clip.mp4")
    rows = [
        ("pdq", h["harbour"].pdq.hash, "sample-category-a", "childsafe sample list"),
        ("pdq", h["forest"].pdq.hash, "sample-category-a", "childsafe sample list"),
        ("pdq", h["tiles"].pdq.hash, "sample-category-b", "childsafe sample list"),
        ("md5", h["sunset"].md5, "sample-category-b", "childsafe sample list"),
        ("pdq", h["stripes"].pdq.hash, "sample-category-b", "childsafe sample list"),
        ("vpdq", v.vpdq, "sample-category-a", "childsafe sample list"),
        ("video_md5", v.video_md5, "sample-category-a", "childsafe sample list"),
    ]
    with open(OUT / "sample-bank.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["signal_type", "signal", "label", "source"])
        w.writerows(rows)
    with open(OUT / "sample-allowlist.te", "w", encoding="utf-8") as fh:
        fh.write("# known false positives: suppress matches\n")
        fh.write(f"pdq {h['stripes'].pdq.hash}\n")
    for name, x in h.items():
        print(name, x.pdq, x.error)
    print("clip", v.error, len(v.vpdq or ""))


if __name__ == "__main__":
    main()
