from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import numpy as np
import pdqhash
import pytest
from PIL import Image

from childsafe.media import ContentType, HashOptions, hash_bytes, hash_file
from childsafe.media.signals import pdq_distance


def test_digests_are_the_file_bytes_digests(picture_file) -> None:
    path = picture_file("a.jpg")
    data = path.read_bytes()
    h = hash_file(path)
    assert h.error is None
    assert h.content_type is ContentType.PHOTO
    assert (h.md5, h.sha1, h.sha256) == (hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest(),
                                         hashlib.sha256(data).hexdigest())
    assert h.size == len(data)
    assert h.pdq is not None and h.pdq.quality >= 50


def test_hash_matches_the_reference_binding_on_a_small_photo(picture_file) -> None:
    path = picture_file("b.png", seed=3)
    bits, quality = pdqhash.compute(np.asarray(Image.open(path).convert("RGB")))
    expected = np.packbits(bits.astype(np.uint8)).tobytes().hex()
    h = hash_file(path)
    assert h.pdq is not None
    assert h.pdq.hash == expected
    assert h.pdq.quality == quality


def test_large_jpeg_fast_path_stays_close_to_the_full_decode(picture_file) -> None:
    path = picture_file("big.jpg", seed=5, size=(3000, 2000), quality=90)
    bits, _ = pdqhash.compute(np.asarray(Image.open(path).convert("RGB")))
    plain = np.packbits(bits.astype(np.uint8)).tobytes().hex()
    h = hash_file(path)
    assert h.pdq is not None
    assert pdq_distance(h.pdq.hash, plain) <= 16


def test_near_duplicates_are_close_and_different_pictures_far(picture_file, tmp_path: Path) -> None:
    a = hash_file(picture_file("a.jpg", seed=7)).pdq
    with Image.open(tmp_path / "a.jpg") as im:
        im.resize((160, 120)).save(tmp_path / "a_small.jpg", quality=50)
    small = hash_file(tmp_path / "a_small.jpg").pdq
    other = hash_file(picture_file("c.jpg", seed=8)).pdq
    assert a and small and other
    assert pdq_distance(a.hash, small.hash) <= 31
    assert pdq_distance(a.hash, other.hash) > 31


def test_dihedral_hashes_cover_a_rotation(picture_file, tmp_path: Path) -> None:
    path = picture_file("r.png", seed=9)
    with Image.open(path) as im:
        im.transpose(Image.Transpose.ROTATE_90).save(tmp_path / "rot.png")
    original = hash_file(path, HashOptions(dihedral=True))
    rotated = hash_file(tmp_path / "rot.png").pdq
    assert original.pdq and rotated and len(original.pdq_dihedral) == 8
    assert pdq_distance(original.pdq.hash, rotated.hash) > 31
    assert min(pdq_distance(v, rotated.hash) for v in original.pdq_dihedral) <= 31


def test_exif_orientation_is_applied(picture_file, tmp_path: Path) -> None:
    upright = picture_file("up.jpg", seed=11, quality=95)
    with Image.open(upright) as im:
        stored = im.transpose(Image.Transpose.ROTATE_90)  # stored sideways (counter-clockwise)
        exif = Image.Exif()
        exif[0x0112] = 6  # "rotate 90 CW to display"
        stored.save(tmp_path / "sideways.jpg", quality=95, exif=exif)
    a = hash_file(upright).pdq
    b = hash_file(tmp_path / "sideways.jpg").pdq
    assert a and b
    assert pdq_distance(a.hash, b.hash) <= 16


@pytest.mark.parametrize("mode", ["1", "L", "LA", "P", "PA", "RGBA", "CMYK", "YCbCr", "I", "F",
                                  "I;16", "HSV", "LAB"])
def test_every_pillow_mode_hashes_like_rgb(mode: str) -> None:
    from tests.conftest import make_picture

    rgb = make_picture(21)
    base = hash_bytes(_encode(rgb, "RGB"), "rgb").pdq
    if mode == "I;16":
        converted = Image.fromarray(np.asarray(rgb.convert("L")).astype(np.uint16) * 257)
    else:
        converted = rgb.convert(mode)
    h = hash_bytes(_encode(converted, mode), mode)
    assert h.error is None, h.error
    assert base and h.pdq
    limit = 40 if mode == "1" else 16  # 1-bit dithering changes the picture itself
    assert pdq_distance(base.hash, h.pdq.hash) <= limit


def _encode(im: Image.Image, mode: str) -> bytes:
    buf = io.BytesIO()
    formats = {"CMYK": "JPEG", "YCbCr": "JPEG", "HSV": "WEBP", "LAB": "WEBP", "F": "TIFF", "I": "TIFF",
               "PA": "WEBP"}
    fmt = formats.get(mode, "PNG")
    if mode in ("HSV", "LAB"):
        im = im.convert("RGB") if mode == "HSV" else im  # WebP keeps only RGB; still exercises I/O
        fmt = "TIFF" if mode == "LAB" else "PNG"
    im.save(buf, fmt)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expect"),
    [("empty.jpg", b"", "not a decodable image"),
     ("text.jpg", b"this is not a jpeg at all", None),
     ("header_only.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "corrupt"),
     ("garbage.png", b"\x89PNG\r\n\x1a\n" + b"\x00garbage" * 10, "corrupt")],
)
def test_bad_photos_give_an_error_not_an_exception(tmp_path: Path, name: str, data: bytes, expect: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    h = hash_file(path)
    assert h.sha256 == hashlib.sha256(data).hexdigest()
    if expect is None:
        assert h.content_type is ContentType.OTHER and h.error is None
    elif data:
        assert h.error and expect in h.error
    else:
        assert h.content_type is ContentType.OTHER and h.pdq is None


def test_truncated_jpeg_is_an_error(picture_file) -> None:
    path = picture_file("t.jpg", seed=4)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    h = hash_file(path)
    assert h.error and "truncated" in h.error
    assert h.md5 == hashlib.md5(data[: len(data) // 2]).hexdigest()


def test_decompression_bomb_is_refused_without_decoding(tmp_path: Path) -> None:
    # A 40000x40000 PNG of one colour compresses to ~2 MB: decoding it would need 4.8 GB.
    path = tmp_path / "bomb.png"
    _write_flat_png(path, 40000, 40000)
    h = hash_file(path)
    assert h.error is not None and ("bomb" in h.error or "exceeds" in h.error)
    assert h.sha256 is not None


def test_pixel_limit_is_configurable(picture_file) -> None:
    path = picture_file("p.png", size=(200, 100))
    h = hash_file(path, HashOptions(max_image_pixels=10_000))
    assert h.error and "exceeds the limit" in h.error


def test_unreadable_and_missing_files(tmp_path: Path) -> None:
    missing = hash_file(tmp_path / "nope.jpg")
    assert missing.error and "unreadable" in missing.error
    folder = hash_file(tmp_path)
    assert folder.error


def test_wrong_extension_is_sniffed(picture_file, tmp_path: Path) -> None:
    path = picture_file("x.png", seed=2)
    renamed = tmp_path / "report.pdf"
    path.rename(renamed)
    h = hash_file(renamed)
    assert h.content_type is ContentType.PHOTO and h.pdq is not None


def _write_flat_png(path: Path, width: int, height: int) -> None:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    row = b"\x00" + b"\x00" * width  # filter byte + grey pixels
    comp = zlib.compressobj(9)
    parts = [comp.compress(row) for _ in range(height)]
    parts.append(comp.flush())
    with open(path, "wb") as fh:
        fh.write(b"\x89PNG\r\n\x1a\n")
        fh.write(chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)))
        fh.write(chunk(b"IDAT", b"".join(parts)))
        fh.write(chunk(b"IEND", b""))


# -- reference data from ../shared -------------------------------------------------------------

def test_reference_images_hash_within_16_of_the_python_reference(shared_data: Path) -> None:
    pdq_dir = shared_data / "pdq"
    with open(pdq_dir / "expected-hashes.csv", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["source"] == "python-reference"]
    assert len(rows) >= 10
    worst = 0
    for row in rows:
        h = hash_file(pdq_dir / row["path"])
        assert h.error is None and h.pdq is not None, row["path"]
        d = pdq_distance(h.pdq.hash, row["pdq_hex"])
        assert d <= 16, f"{row['path']}: {d} bits from the reference"
        worst = max(worst, d)


def test_every_mode_of_the_shared_photo_hashes_close(shared_data: Path) -> None:
    modes = shared_data / "pdq" / "misc-images" / "modes"
    base = hash_file(modes / "original.jpg").pdq
    assert base
    for path in sorted(modes.iterdir()):
        if path.suffix == ".md":
            continue
        h = hash_file(path)
        assert h.error is None and h.pdq is not None, path.name
        assert pdq_distance(base.hash, h.pdq.hash) <= 16, path.name


def test_exif_rotated_shared_photos_are_hashed_upright(shared_data: Path) -> None:
    from PIL import ImageOps

    folder = shared_data / "pdq" / "reg-test-input" / "exif-rotn"
    photos = sorted(folder.glob("*.jpg"))
    assert len(photos) == 4
    for path in photos:
        with Image.open(path) as im:
            orientation = im.getexif().get(0x0112, 1)
            upright = ImageOps.exif_transpose(im).convert("RGB")
            raw = im.convert("RGB")
        ours = hash_file(path).pdq
        assert ours is not None
        assert pdq_distance(ours.hash, _reference_hash(upright)) <= 16, path.name
        if orientation != 1:  # and it really differs from ignoring the tag
            assert pdq_distance(ours.hash, _reference_hash(raw)) > 31, path.name


def _reference_hash(im: Image.Image) -> str:
    bits, _ = pdqhash.compute(np.asarray(im))
    return np.packbits(bits.astype(np.uint8)).tobytes().hex()


def test_oversized_photo_still_gets_its_digests(tmp_path: Path, monkeypatch) -> None:
    from childsafe.media import hashing

    monkeypatch.setattr(hashing, "MAX_PHOTO_BYTES", 1000)
    path = tmp_path / "big.png"
    from tests.conftest import make_picture

    make_picture(3).save(path)
    h = hash_file(path)
    assert h.error and "digests only" in h.error
    assert h.sha256 == hashlib.sha256(path.read_bytes()).hexdigest() and h.pdq is None


def test_truncated_jpeg_stays_an_error_after_the_report_renderer_loads(picture_file, tmp_path: Path) -> None:
    # WeasyPrint (the case report's PDF) turns Pillow's process-wide LOAD_TRUNCATED_IMAGES on when imported;
    # a scan in the same process must still refuse a truncated photo.
    from childsafe.case.report.render import write_pdf

    write_pdf("<p>x</p>", tmp_path / "x.pdf")
    path = picture_file("t.jpg", seed=4)
    path.write_bytes(path.read_bytes()[:2000])
    from PIL import ImageFile

    ImageFile.LOAD_TRUNCATED_IMAGES = True  # whatever any other import left behind
    try:
        h = hash_file(path)
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = False
    assert h.error and "truncated" in h.error
