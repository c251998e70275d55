"""Fuzzing the photo and video hashers with damaged copies of small generated pictures and clips."""

from __future__ import annotations

import functools
import io
import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from PIL import Image

from childsafe.errors import ChildsafeError
from childsafe.media import ContentType, hash_bytes, video
from childsafe.media.hashing import HashOptions
from childsafe.media.photo import decode_photo
from tests.fuzz.fuzzkit import fuzz_settings, mutated

OPTIONS = HashOptions(max_image_pixels=4_000_000, dihedral=True)


def _picture(fmt: str, mode: str = "RGB", size: tuple[int, int] = (48, 32), **save: object) -> bytes:
    rng = np.random.default_rng(7)
    image = Image.fromarray(rng.integers(0, 256, (size[1], size[0], 3), dtype=np.uint8), "RGB").convert(mode)
    buf = io.BytesIO()
    image.save(buf, fmt, **save)
    return buf.getvalue()


PICTURES = {
    "png": _picture("PNG"),
    "png16": _picture("PNG", "I;16"),
    "png_palette_alpha": _picture("PNG", "P", transparency=0),
    "jpeg": _picture("JPEG", quality=80),
    "jpeg_progressive": _picture("JPEG", "L", progressive=True),
    "gif": _picture("GIF", "P"),
    "webp": _picture("WEBP", quality=80),
    "webp_lossless": _picture("WEBP", "RGBA", lossless=True),
    "tiff": _picture("TIFF", compression="tiff_deflate"),
    "bmp": _picture("BMP"),
}


def _check_hashes(data: bytes) -> None:
    result = hash_bytes(data, "fuzz", OPTIONS)  # must not raise
    assert result.sha256 is not None and len(result.sha256) == 64
    if result.content_type is ContentType.PHOTO and result.error is None:
        assert result.pdq is not None and len(result.pdq.hash) == 64 and 0 <= result.pdq.quality <= 100
        assert result.pdq_dihedral is not None and len(result.pdq_dihedral) == 8


# Pillow warns (UserWarning) about damage it reads past, e.g. corrupt EXIF: not an error here.
@pytest.mark.filterwarnings("ignore::UserWarning")
@fuzz_settings(500)
@given(data=st.one_of(*(mutated(sample) for sample in PICTURES.values())))
@example(data=PICTURES["png"][:40])
@example(data=b"\x89PNG\r\n\x1a\n")
@example(data=b"GIF89a\xff\xff\xff\xff")
@example(data=b"II*\x00\x14\x12\x00\x00")  # TIFF whose EXIF/IFD offset points past the end
def test_damaged_pictures_hash_or_report_an_error(data: bytes) -> None:
    _check_hashes(data)
    try:
        image = decode_photo(io.BytesIO(data), OPTIONS.max_image_pixels)
    except ChildsafeError:
        return
    assert image.mode == "RGB" and image.size[0] > 0 and image.size[1] > 0


@pytest.mark.parametrize("name", sorted(PICTURES))
def test_the_undamaged_pictures_hash(name: str) -> None:
    result = hash_bytes(PICTURES[name], f"p.{name}", OPTIONS)
    assert result.content_type is ContentType.PHOTO and result.error is None and result.pdq is not None


@functools.cache
def _clip() -> bytes:
    """A one-second 64x48 H.264 MP4, made by FFmpeg (no clip ships with the tests)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "clip.mp4"
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=5",
                        "-t", "1", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-movflags", "+faststart", str(path)],
                       check=True, timeout=60)
        return path.read_bytes()


needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")
# Found by this suite: FFmpeg aborts the whole process (SIGABRT, an assertion in libswscale) on
# about one damaged MP4 in fifteen.  Video hashing runs in a bounded child process
# (``childsafe.media.video.VideoLimits``), so an abort is one item's error, not a dead worker.


@needs_ffmpeg
def test_the_undamaged_clip_hashes() -> None:
    result = hash_bytes(_clip(), "clip.mp4", OPTIONS)
    assert result.content_type is ContentType.VIDEO and result.error is None and result.vpdq


@needs_ffmpeg
@fuzz_settings(12, heavy=True)
@given(data=st.data())
def test_damaged_video_containers_hash_or_report_an_error(data: st.DataObject) -> None:
    damaged = data.draw(mutated(_clip(), max_mutations=4))
    options = HashOptions(video_limits=video.VideoLimits(max_seconds=30))
    result = hash_bytes(damaged, "clip.mp4", options)  # must not raise, nor abort the process
    assert result.sha256 is not None
    if result.content_type is ContentType.VIDEO:
        assert result.video_md5 == result.md5
        assert result.error is not None or result.vpdq
