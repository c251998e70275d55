"""Issue 10: ``max_image_pixels`` is the only pixel limit; names that lie about content are flagged."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from childsafe.media import ContentType, HashOptions, hash_bytes, hash_file


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares ``width`` x ``height`` and holds one tiny (truncated) IDAT."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 64))


def test_a_limit_above_pillows_own_is_honoured() -> None:
    # 20000 x 19000 = 380 M pixels: over Pillow's default bomb error (2 x 89.5 M = 179 M).
    data = png_header(20_000, 19_000)
    allowed = hash_bytes(data, "big.png", HashOptions(max_image_pixels=400_000_000))
    assert allowed.error is not None  # the data is truncated, so decoding fails ...
    assert "bomb" not in allowed.error and "exceeds the limit" not in allowed.error  # ... but it was allowed
    refused = hash_bytes(data, "big.png", HashOptions(max_image_pixels=300_000_000))
    assert refused.error and "exceeds the limit of 300000000" in refused.error


def test_a_limit_below_pillows_own_refuses_first() -> None:
    refused = hash_bytes(png_header(5000, 5000), "p.png", HashOptions(max_image_pixels=1_000_000))
    assert refused.error and "exceeds the limit of 1000000" in refused.error
    assert Image.MAX_IMAGE_PIXELS == 1_000_000


@pytest.mark.parametrize(
    ("name", "data", "warning"),
    [
        ("empty.jpg", b"", "extension .jpg but the file is empty"),
        ("notes.JPG", b"just some text", "extension .jpg but content is not a photo or video"),
        ("clip.mp4", b"\xff\xd8\xff\xe0" + bytes(100), "extension .mp4 but content is a photo"),
        ("a.zip!/inner/x.png", b"plain", "extension .png but content is not a photo or video"),
    ],
)
def test_extension_content_mismatch_is_a_warning(tmp_path: Path, name: str, data: bytes, warning: str) -> None:
    hashes = hash_bytes(data, name)
    assert hashes.warning == warning
    assert hashes.to_record()["warning"] == warning
    if "!/" not in name:
        (tmp_path / name).write_bytes(data)
        assert hash_file(tmp_path / name).to_record()["warning"] == warning


@pytest.mark.parametrize(("name", "data"), [("notes.txt", b"text"), ("noext", b""), (".jpg", b"x"),
                                            ("real.png", None)])
def test_no_warning_when_the_name_promises_nothing_or_tells_the_truth(name: str, data: bytes | None) -> None:
    if data is None:
        import io

        buf = io.BytesIO()
        Image.new("RGB", (64, 64), (10, 200, 30)).save(buf, "PNG")
        data = buf.getvalue()
    hashes = hash_bytes(data, name)
    assert hashes.warning is None and "warning" not in hashes.to_record()
    assert hashes.content_type in (ContentType.PHOTO, ContentType.OTHER)
