"""Content types and sniffing by magic bytes (never by file extension: names lie)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["ContentType", "sniff_content_type", "SNIFF_BYTES"]

SNIFF_BYTES = 512


class ContentType(StrEnum):
    """ThreatExchange content type names; stable storage keys."""

    PHOTO = "photo"
    VIDEO = "video"
    OTHER = "other"


# ISO base media (MP4/MOV/3GP) brands that hold still images, not video.
_STILL_IMAGE_BRANDS = {b"heic", b"heix", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis"}

# A dozen magic numbers cover what platforms and seized devices hold.  Written here rather than
# pulled from a sniffing library because we need the photo/video split, ISO-brand handling and
# MPEG-TS detection that generic MIME sniffers get wrong or lack.
_PHOTO_MAGIC: tuple[bytes, ...] = (
    b"\xff\xd8\xff",  # JPEG
    b"\x89PNG\r\n\x1a\n",
    b"GIF87a",
    b"GIF89a",
    b"BM",  # BMP
    b"II*\x00",  # TIFF little endian
    b"MM\x00*",  # TIFF big endian
    b"\x00\x00\x01\x00",  # ICO
)
_VIDEO_MAGIC: tuple[bytes, ...] = (
    b"\x1a\x45\xdf\xa3",  # Matroska / WebM
    b"FLV\x01",
    b"\x00\x00\x01\xba",  # MPEG program stream
    b"\x00\x00\x01\xb3",  # MPEG-1/2 video elementary stream
    b"\x30\x26\xb2\x75\x8e\x66\xcf\x11",  # ASF / WMV
)


def sniff_content_type(head: bytes) -> ContentType:
    """Classify content from its first :data:`SNIFF_BYTES` bytes."""
    if head.startswith(_PHOTO_MAGIC):
        return ContentType.PHOTO
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return ContentType.PHOTO
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return ContentType.VIDEO
    if head[4:8] == b"ftyp":
        return ContentType.PHOTO if head[8:12] in _STILL_IMAGE_BRANDS else ContentType.VIDEO
    if head.startswith(_VIDEO_MAGIC):
        return ContentType.VIDEO
    # MPEG transport stream: a sync byte every 188 bytes.
    if len(head) > 376 and head[0] == head[188] == head[376] == 0x47:
        return ContentType.VIDEO
    return ContentType.OTHER


# What a name promises; only these are checked, other extensions promise nothing we can test.
_PROMISED: dict[str, ContentType] = {
    **dict.fromkeys((".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp",
                     ".heic", ".heif", ".avif", ".ico"), ContentType.PHOTO),
    **dict.fromkeys((".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".wmv", ".asf", ".flv", ".mpg",
                     ".mpeg", ".ts", ".m2ts", ".3gp"), ContentType.VIDEO),
}
_DESCRIBED = {ContentType.PHOTO: "a photo", ContentType.VIDEO: "a video",
              ContentType.OTHER: "not a photo or video"}


def extension_mismatch(name: str, content_type: ContentType, size: int | None) -> str | None:
    """A warning when the name's extension promises a photo or video the bytes are not."""
    last = name.rsplit("!/", 1)[-1].rsplit("/", 1)[-1]
    stem, dot, ext = last.rpartition(".")
    if not dot or not stem:
        return None
    extension = "." + ext.lower()
    promised = _PROMISED.get(extension)
    if promised is None:
        return None
    if size == 0:
        return f"extension {extension} but the file is empty"
    if content_type is not promised:
        return f"extension {extension} but content is {_DESCRIBED[content_type]}"
    return None
