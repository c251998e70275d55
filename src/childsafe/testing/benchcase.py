"""A generated, seeded investigation for the case benchmark (``benchmarks/bench_case.py``, issue 14).

:func:`generate` writes into a folder:

* ``evidence/photos/``: photos of ``min_mp``-``max_mp`` megapixels: textured abstract pictures; some
  are planted known items (edits of the bank's originals: the exact file, rescaled, cropped,
  brightened, re-encoded), some show a real face pasted in (the portraits scikit-image ships,
  :mod:`childsafe.testing.face_photos`);
* ``evidence/videos/``: short generated clips (ffmpeg's test sources);
* ``evidence/chats/``: conversations in the WhatsApp, Telegram, Discord and Instagram exports, with
  a planted grooming pattern of short non-explicit phrases in a few
  (:mod:`childsafe.testing.benchcase_text`);
* ``evidence/events/``: account events (messages, identifiers, shared media, accounts) as CSV; the
  face photos are shared by planted accounts (the astronaut's by three: the same child across
  accounts) and the known items by planted suspects;
* ``bank.csv``: the originals' PDQ and SHA-256 (``signal_type,signal,label,source``);
* ``truth.json``: what was planted where, for checking a run's findings.

Nothing here is sexual imagery: the "known items" are abstract pictures, the faces ordinary portraits.
Photos are made in worker processes (``workers``); the same seed gives the same files.
"""

from __future__ import annotations

import functools
import hashlib
import io
import json
import math
import random
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, Final

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter

from childsafe.media.hashing import hash_bytes
from childsafe.testing.benchcase_text import trader_children, write_chats, write_events
from childsafe.testing.face_photos import FACE_NAMES, edited_face, face_photo

__all__ = ["KNOWN_EDITS", "BenchCaseSpec", "generate"]

KNOWN_EDITS: Final = ("exact", "rescale", "crop", "brighten", "reencode")
#: The bank's originals are 2 MP, so an exact copy is a photo of the case like the others.
_ORIGINAL_SIZE: Final = (1632, 1224)
_TEXTURE_SIZE: Final = (320, 240)
#: Seed spaces of the pictures: a photo of the case never repeats a bank original by chance.
_ORIGINAL: Final = 1
_PLAIN: Final = 2
#: The pasted portrait's width as a share of the photo's short side: the astronaut's face then spans
#: about 12 % of it, above the 7-9 % under which dlib's detector misses faces at the default
#: ``max_side`` (README, faces).
_PORTRAIT_SHARE: Final = 0.7
#: How many accounts share the astronaut's photos (the same child across accounts), and the others'.
_ASTRONAUT_SHARERS: Final = 3


@dataclass(frozen=True)
class BenchCaseSpec:
    """How big the case is; :meth:`scaled` shrinks the counts (never the megapixels) for tests."""

    photos: int = 5_000
    min_mp: float = 2.0
    max_mp: float = 12.0
    originals: int = 25
    known_share: float = 0.06
    face_share: float = 0.08
    videos: int = 20
    video_seconds: float = 2.0
    messages: int = 100_000
    events: int = 1_000_000
    seed: int = 14
    workers: int = 2

    def scaled(self, scale: float) -> BenchCaseSpec:
        def part(n: int, least: int) -> int:
            return max(least, round(n * scale))
        return replace(self, photos=part(self.photos, 20), originals=part(self.originals, 3),
                       videos=part(self.videos, 2), messages=part(self.messages, 400),
                       events=part(self.events, 2_000))


def _texture(seed: tuple[int, ...], size: tuple[int, int]) -> Image.Image:
    """A textured abstract picture (different for every seed: the case's seed, the kind of picture and
    its number), drawn small and scaled to ``size``."""
    rng = np.random.default_rng(list(seed))
    w, h = _TEXTURE_SIZE
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    img = np.zeros((h, w, 3), np.float32)
    for c in range(3):
        for _ in range(3):
            fx, fy = rng.uniform(0.003, 0.04, 2)
            img[..., c] += np.sin((x * fx + y * fy) * 6.28 + rng.uniform(0, 6.28))
    img = (img - img.min()) / (float(np.ptp(img)) or 1.0) * 255
    im = Image.fromarray(img.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(8):
        x0, y0 = int(rng.integers(0, w - 20)), int(rng.integers(0, h - 20))
        box = (x0, y0, x0 + int(rng.integers(15, w // 2)), y0 + int(rng.integers(15, h // 2)))
        draw.ellipse(box, fill=(int(rng.integers(0, 256)), int(rng.integers(0, 256)), int(rng.integers(0, 256))))
    im = im.filter(ImageFilter.SMOOTH)
    # Smooth up to about 1280 px, then pixel copies: a third of the time of one smooth resize to 12 MP
    # (the generator's bottleneck), and the picture looks the same at any size a detector looks at.
    step = min(1.0, 1280 / max(size))
    middle = (max(1, round(size[0] * step)), max(1, round(size[1] * step)))
    return im.resize(middle, Image.Resampling.BILINEAR).resize(size, Image.Resampling.NEAREST)


@functools.cache
def _original_jpeg(seed: int, number: int) -> bytes:
    out = io.BytesIO()
    _texture((seed, _ORIGINAL, number), _ORIGINAL_SIZE).save(out, "JPEG", quality=90)
    return out.getvalue()


def _size_of(megapixels: float) -> tuple[int, int]:
    w = int(math.sqrt(megapixels * 1e6 * 4 / 3))
    return w, w * 3 // 4


@dataclass(frozen=True)
class _PhotoJob:
    path: str
    seed: int
    number: int
    megapixels: float
    known: tuple[int, str] | None = None  # (original, edit)
    face: tuple[str, str] | None = None  # (portrait, edit)


def _make_photo(job: _PhotoJob) -> tuple[str, str]:
    """Write one photo; (path, its SHA-256)."""
    size = _size_of(job.megapixels)
    quality = 85
    if job.known is not None:
        original, edit = job.known
        data = _original_jpeg(job.seed, original)
        if edit == "exact":
            Path(job.path).write_bytes(data)
            return job.path, hashlib.sha256(data).hexdigest()
        im = Image.open(io.BytesIO(data)).convert("RGB")
        if edit == "crop":
            w, h = im.size
            # 0.5 % off each side: PDQ moves at most 18 bits (25 originals); 1 % up to 32, 4 % 72-94
            # (crops are PDQ's weak spot)
            im = im.crop((w // 200, h // 200, w - w // 200, h - h // 200))
        elif edit == "brighten":
            im = ImageEnhance.Brightness(im).enhance(1.15)
        elif edit == "reencode":
            quality = 60
        im = im.resize(size, Image.Resampling.BILINEAR)
    else:
        im = _texture((job.seed, _PLAIN, job.number), size)
        if job.face is not None:
            portrait = edited_face(face_photo(job.face[0]), job.face[1])
            width = int(min(size) * _PORTRAIT_SHARE)
            portrait = portrait.resize((width, portrait.height * width // portrait.width), Image.Resampling.BILINEAR)
            rng = random.Random(job.number)
            im.paste(portrait, (rng.randrange(max(1, size[0] - portrait.width)),
                                rng.randrange(max(1, size[1] - portrait.height))))
    out = io.BytesIO()
    im.save(out, "JPEG", quality=quality)
    data = out.getvalue()
    Path(job.path).write_bytes(data)
    return job.path, hashlib.sha256(data).hexdigest()


def _photo_jobs(spec: BenchCaseSpec, folder: Path, rng: random.Random) -> list[_PhotoJob]:
    kinds = ["known"] * round(spec.photos * spec.known_share) + ["face"] * round(spec.photos * spec.face_share)
    kinds += ["plain"] * (spec.photos - len(kinds))
    rng.shuffle(kinds)
    jobs = []
    faces = known = 0
    for i, kind in enumerate(kinds):
        path = folder / f"batch_{i // 500:02d}" / f"IMG_{i:06d}.jpg"
        mp = rng.uniform(spec.min_mp, spec.max_mp)
        if kind == "known":
            jobs.append(_PhotoJob(str(path), spec.seed, i, mp, known=(rng.randrange(spec.originals),
                                                                      KNOWN_EDITS[known % len(KNOWN_EDITS)])))
            known += 1
        elif kind == "face":
            jobs.append(_PhotoJob(str(path), spec.seed, i, mp, face=(FACE_NAMES[faces % len(FACE_NAMES)],
                                                                     ("none", "mirror", "scale")[faces % 3])))
            faces += 1
        else:
            jobs.append(_PhotoJob(str(path), spec.seed, i, mp))
    return jobs


def _videos(folder: Path, spec: BenchCaseSpec) -> list[str]:
    """Short clips from ffmpeg's generated sources (no input file, nothing downloaded)."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        raise RuntimeError("the case benchmark needs ffmpeg on PATH (scripts/setup.sh installs it)")
    folder.mkdir(parents=True, exist_ok=True)
    sources = ("testsrc2", "mandelbrot", "rgbtestsrc", "smptehdbars", "cellauto", "life")
    out = []
    for i in range(spec.videos):
        path = folder / f"clip_{i:02d}.mp4"
        source = f"{sources[i % len(sources)]}=size=640x360:rate=15"
        subprocess.run([ffmpeg, "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, "-t", str(spec.video_seconds),
                        "-vf", f"hue=h={(i * 37) % 360}", "-c:v", "libx264", "-preset", "ultrafast",
                        "-pix_fmt", "yuv420p", str(path)], check=True, timeout=120)
        out.append(path.relative_to(folder.parent).as_posix())
    return out


def _bank(spec: BenchCaseSpec, path: Path) -> list[dict[str, Any]]:
    rows = []
    for n in range(spec.originals):
        data = _original_jpeg(spec.seed, n)
        label = f"bench-category-{'ab'[n % 2]}"
        hashed = hash_bytes(data, f"original_{n}.jpg")  # as the scan hashes it (its decode, its PDQ)
        if hashed.pdq is None:
            raise RuntimeError(f"bank original {n} has no PDQ: {hashed.error}")
        rows.append({"original": n, "label": label, "sha256": hashlib.sha256(data).hexdigest(),
                     "pdq": hashed.pdq.hash})
    with path.open("w", encoding="utf-8") as fh:
        fh.write("signal_type,signal,label,source\n")
        for r in rows:
            fh.write(f"pdq,{r['pdq']},{r['label']},childsafe benchmark\n")
            fh.write(f"sha256,{r['sha256']},{r['label']},childsafe benchmark\n")
    return rows


def generate(out: Path, spec: BenchCaseSpec = BenchCaseSpec()) -> dict[str, Any]:
    """Write the case into ``out`` (see the module's docstring); returns the truth also saved as
    ``out/truth.json``."""
    rng = random.Random(spec.seed)
    evidence = out / "evidence"
    photos_dir = evidence / "photos"
    jobs = _photo_jobs(spec, photos_dir, rng)
    for folder in {Path(j.path).parent for j in jobs}:
        folder.mkdir(parents=True, exist_ok=True)
    if spec.workers > 1:
        with ProcessPoolExecutor(spec.workers) as pool:
            hashes = dict(pool.map(_make_photo, jobs, chunksize=8))
    else:
        hashes = dict(map(_make_photo, jobs))
    bank = _bank(spec, out / "bank.csv")
    videos = _videos(evidence / "videos", spec)

    def rel(path: str) -> str:
        return Path(path).relative_to(evidence).as_posix()

    known = [{"path": rel(j.path), "original": j.known[0], "edit": j.known[1], "label": bank[j.known[0]]["label"]}
             for j in jobs if j.known is not None]
    faces = {rel(j.path): j.face[0] for j in jobs if j.face is not None}
    # who shared what: the astronaut's photos by three accounts in turn, each other face by one account;
    # the known items by the planted suspects
    posts: list[tuple[str, str]] = []
    sharers: dict[str, list[str]] = {}
    for i, (path, who) in enumerate(sorted(faces.items())):
        account = f"sharer_{who.replace(':', '')}_{i % _ASTRONAUT_SHARERS}" if who == "astronaut" else \
            f"sharer_{who.replace(':', '')}"
        sharers.setdefault(who, [])
        if account not in sharers[who]:
            sharers[who].append(account)
        posts.append((account, hashes[str(evidence / path)]))
    suspects = [f"trader_{n}" for n in range(3)]
    posts += [(suspects[i % len(suspects)], hashes[str(evidence / k["path"])]) for i, k in enumerate(known)]
    chats = write_chats(evidence / "chats", spec.messages, rng,
                        [Path(p).name for p, who in sorted(faces.items()) if who != "astronaut"][:40])
    events = write_events(evidence / "events", spec.events, rng, posts, suspects)
    truth: dict[str, Any] = {
        "spec": asdict(spec), "photos": len(jobs), "videos": videos, "known": known,
        "bank": [{k: v for k, v in b.items() if k != "original"} for b in bank],
        "faces": faces, "face_sharers": sharers, "traders": suspects,
        "trader_children": trader_children(suspects),
        "chats": {"files": chats.files, "messages": chats.messages, "grooming": chats.grooming,
                  "suspects": chats.suspects, "children": chats.children, "attached": chats.attached},
        "events": events,
    }
    (out / "truth.json").write_text(json.dumps(truth, indent=1, sort_keys=True), encoding="utf-8")
    return truth
