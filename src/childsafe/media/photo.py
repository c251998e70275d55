"""Photo decoding and PDQ hashing.

Decoding is where the time goes: a 12 MP JPEG takes ~0.25-0.5 s to decode in full, while PDQ
itself only needs a 64x64 luminance image.  For JPEG we let libjpeg decode at 1/2, 1/4 or 1/8
scale in the DCT domain (Pillow's ``draft``), keeping at least :data:`DRAFT_SIZE` pixels on the
short side; other formats are box-reduced after decoding.  ``benchmarks/bench_photo_hash.py``
measures the speed-up and the Hamming drift against the plain full-size path.
"""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from dataclasses import dataclass
from typing import Any, BinaryIO

import numpy as np
import numpy.typing as npt
import pdqhash
from PIL import Image, ImageFile, ImageOps, UnidentifiedImageError

from childsafe.errors import MediaDecodeError, MediaTooLargeError

__all__ = ["PdqHash", "PhotoViews", "DRAFT_SIZE", "EXIF_ORIENTATION", "decode_photo", "decode_photo_views",
           "pdq_hash_image", "pdq_hash_photo"]

#: Smallest short side we ask libjpeg for.  benchmarks/bench_photo_hash.py, 120 photos of 8-12 MP:
#: 10x faster than a full decode, mean 4 / max 16 bits from the full-size hash (1/8 scale: up to 32).
DRAFT_SIZE = 512
#: Non-JPEG images whose short side exceeds this are box-reduced before hashing.
REDUCE_ABOVE = 1024

#: The EXIF tag that says how a camera held the photo (1: as stored; 2-8: flipped and/or rotated).
EXIF_ORIENTATION = 0x0112

_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error, zlib.error,
                  IndexError, TypeError, KeyError, MemoryError)


@dataclass(frozen=True)
class PdqHash:
    hash: str
    quality: int


@dataclass(frozen=True)
class PhotoViews:
    """A decoded photo as shown and, when its EXIF orientation turns it, as stored.

    Phone cameras store pixels as the sensor read them and note the turn in EXIF.  childsafe hashes
    the photo as shown; HMA and ThreatExchange hash the pixels as stored, so a list they made only
    matches a turned photo through ``as_stored``.
    """

    upright: Image.Image
    #: The pixels as stored (RGB, reduced like ``upright``); None when the orientation is 1 or absent.
    as_stored: Image.Image | None = None
    #: The EXIF orientation (1-8), 1 when absent or invalid.
    orientation: int = 1


def decode_photo(source: BinaryIO, max_pixels: int) -> Image.Image:
    """Decode a photo to an upright RGB image small enough for PDQ; raise MediaDecodeError."""
    return decode_photo_views(source, max_pixels, keep_stored=False).upright


def decode_photo_views(source: BinaryIO, max_pixels: int, *, keep_stored: bool = True) -> PhotoViews:
    """Decode a photo as shown and (``keep_stored``) as stored; raise MediaDecodeError."""
    # Pillow's own bomb guard fires at 2x MAX_IMAGE_PIXELS inside open() (~179 M by default):
    # set from ``max_pixels`` so ours is the only limit (a larger setting is honoured, and our
    # check below, at 1x, fires first); silence its warning band between 1x and 2x.
    Image.MAX_IMAGE_PIXELS = max_pixels
    # A truncated file is an error, whatever another library in this process set (WeasyPrint turns
    # Pillow's process-wide LOAD_TRUNCATED_IMAGES on when it is imported).
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return _decode_photo(source, max_pixels, keep_stored)


def _decode_photo(source: BinaryIO, max_pixels: int, keep_stored: bool) -> PhotoViews:
    im: Image.Image
    try:
        im = Image.open(source)
        im.seek(0)  # first frame of animated GIF/WebP/TIFF
    except Image.DecompressionBombError as exc:  # Pillow's guard, at 2x the limit, fired first
        raise MediaTooLargeError(f"image exceeds the limit of {max_pixels} pixels: decompression bomb refused"
                                 ) from exc
    except UnidentifiedImageError as exc:
        raise MediaDecodeError("not a decodable image (unknown or unsupported format)") from exc
    except _DECODE_ERRORS as exc:
        raise MediaDecodeError(f"corrupt image header: {exc}") from exc
    width, height = im.size
    if width <= 0 or height <= 0:
        raise MediaDecodeError("image has no pixels")
    if width * height > max_pixels:
        raise MediaTooLargeError(
            f"image of {width}x{height} = {width * height} pixels exceeds the limit of {max_pixels}"
        )
    try:
        if im.format == "JPEG":
            im.draft(im.mode, (DRAFT_SIZE, DRAFT_SIZE))
        im.load()
        orientation = _orientation(im)
        upright = ImageOps.exif_transpose(im) or im
        stored = _reduced_rgb(im) if keep_stored and orientation != 1 and upright is not im else None
        return PhotoViews(_reduced_rgb(upright), stored, orientation)
    except Image.DecompressionBombError as exc:
        raise MediaTooLargeError(f"decompression bomb refused: {exc}") from exc
    except _DECODE_ERRORS as exc:
        raise MediaDecodeError(f"corrupt or truncated image: {exc}") from exc


def _orientation(im: Image.Image) -> int:
    """The EXIF orientation, 1 when absent or not one of the 8 defined values."""
    try:
        value = im.getexif().get(EXIF_ORIENTATION, 1)
    except _DECODE_ERRORS:
        return 1
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _reduced_rgb(im: Image.Image) -> Image.Image:
    if min(im.size) > REDUCE_ABOVE:
        im = im.reduce(max(1, min(im.size) // DRAFT_SIZE))
    return _to_rgb(im)


def _to_rgb(im: Image.Image) -> Image.Image:
    """Every Pillow mode to 8-bit RGB, keeping the picture's contrast."""
    if im.mode == "RGB":
        return im
    if im.mode.startswith("I;16"):
        high_bytes = np.asarray(im).astype(np.uint32) >> 8
        return Image.fromarray(high_bytes.astype(np.uint8), "L").convert("RGB")
    if im.mode in ("I", "F"):
        arr: npt.NDArray[Any] = np.asarray(im, dtype=np.float64)
        lo, hi = float(np.nanmin(arr)), float(np.nanmax(arr))
        if lo < 0 or hi > 255:  # wide range: stretch; 0..255 data (common) stays as it is
            arr = (arr - lo) * (255.0 / (hi - lo)) if hi > lo else np.zeros_like(arr)
        arr = np.nan_to_num(np.clip(arr, 0, 255))
        return Image.fromarray(arr.astype(np.uint8), "L").convert("RGB")
    if im.mode == "LAB":
        # Pillow has no LAB->RGB matrix; go through ImageCms' standard profiles.
        from PIL import ImageCms

        transform = ImageCms.buildTransform(
            ImageCms.createProfile("LAB"), ImageCms.createProfile("sRGB"), "LAB", "RGB"
        )
        return ImageCms.applyTransform(im, transform) or im.convert("RGB")
    if im.mode in ("RGBA", "LA", "PA") or (im.mode == "P" and "transparency" in im.info):
        # Flatten on white, as viewers show it, so transparent regions hash stably.
        rgba = im.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, rgba).convert("RGB")
    return im.convert("RGB")


def pdq_hash_image(im: Image.Image) -> PdqHash:
    """PDQ hash and quality of an RGB image, through Meta's reference (``pdqhash``)."""
    bits, quality = pdqhash.compute(np.asarray(im))
    return PdqHash(np.packbits(bits.astype(np.uint8)).tobytes().hex(), int(quality))


def pdq_dihedral_hashes(im: Image.Image) -> list[str]:
    """The 8 PDQ hashes of the image's rotations and flips (original first)."""
    hashes, _quality = pdqhash.compute_dihedral(np.asarray(im))
    return [np.packbits(h.astype(np.uint8)).tobytes().hex() for h in hashes]


def pdq_hash_photo(data: bytes, max_pixels: int) -> PdqHash:
    """Decode ``data`` and hash it; raise MediaDecodeError on bad input."""
    return pdq_hash_image(decode_photo(io.BytesIO(data), max_pixels))
