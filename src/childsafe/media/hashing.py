"""Hash one file or one blob: chain-of-custody digests plus the perceptual hash of its type.

Errors in the content never raise: they are recorded on the result (``error``), because a scan
must go on past a corrupt file.  Only programming errors propagate.
"""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from childsafe.config import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_PDQ_QUALITY_MIN, Settings
from childsafe.errors import ChildsafeError, MediaTooLargeError
from childsafe.media.content import SNIFF_BYTES, ContentType, extension_mismatch, sniff_content_type
from childsafe.media.photo import PdqHash, decode_photo, pdq_dihedral_hashes, pdq_hash_image
from childsafe.media.signals import VpdqSignal
from childsafe.media.spool import spooled_file
from childsafe.media.video import VideoLimits, vpdq_hash_video

__all__ = ["FileHashes", "HashOptions", "hash_file", "hash_bytes", "hash_stream"]

_CHUNK = 1 << 20
#: Photos are read into memory once (digest + decode from the same bytes); larger ones refused.
MAX_PHOTO_BYTES = 512 * 1024**2


@dataclass(frozen=True)
class HashOptions:
    max_image_pixels: int = DEFAULT_MAX_IMAGE_PIXELS
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES
    pdq_quality_min: int = DEFAULT_PDQ_QUALITY_MIN
    dihedral: bool = False
    perceptual: bool = True
    video_limits: VideoLimits = field(default_factory=VideoLimits)

    @classmethod
    def from_settings(cls, settings: Settings, *, dihedral: bool = False,
                      max_file_bytes: int | None = None) -> HashOptions:
        """Every hashing bound from the settings (``max_file_bytes`` overridden for uploads)."""
        return cls(max_image_pixels=settings.max_image_pixels,
                   max_file_bytes=settings.max_file_bytes if max_file_bytes is None else max_file_bytes,
                   pdq_quality_min=settings.pdq_quality_min, dihedral=dihedral,
                   video_limits=VideoLimits.from_settings(settings))

    def fingerprint(self) -> dict[str, Any]:
        """What an item was hashed with, as stored beside its result: a rescan with other options
        hashes it again.  ``pdq_quality_min`` is left out: it changes matching, not hashing."""
        out = asdict(self)
        del out["pdq_quality_min"]
        return out


@dataclass
class FileHashes:
    """Everything we compute for one item.  Never holds media bytes."""

    path: str
    content_type: ContentType = ContentType.OTHER
    size: int | None = None
    md5: str | None = None
    sha1: str | None = None
    sha256: str | None = None
    pdq: PdqHash | None = None
    pdq_dihedral: list[str] = field(default_factory=list)
    vpdq: str | None = None
    video_md5: str | None = None
    error: str | None = None
    #: Set when identical content (same sha256) was hashed for another item in the same run:
    #: perceptual hashing was skipped here and the owner's result is copied in later.
    duplicate_of: str | None = None
    #: Something the analyst should know that is not a failure (a name that lies about the content,
    #: an archive too deep to open).
    warning: str | None = None

    def signals(self, pdq_quality_min: int = DEFAULT_PDQ_QUALITY_MIN) -> dict[str, str]:
        """Signals fit for matching.  Low-quality PDQ hashes are reported but not matched."""
        out: dict[str, str] = {}
        for name in ("md5", "sha1", "sha256", "video_md5", "vpdq"):
            value = getattr(self, name)
            if value:
                out[name] = value
        if self.pdq is not None and self.pdq.quality >= pdq_quality_min:
            out["pdq"] = self.pdq.hash
        return out

    def to_record(self) -> dict[str, Any]:
        """The JSON object of ``childsafe hash``."""
        record: dict[str, Any] = {
            "path": self.path,
            "content_type": self.content_type.value,
            "size": self.size,
            "md5": self.md5,
            "sha1": self.sha1,
            "sha256": self.sha256,
            "pdq": None if self.pdq is None else {"hash": self.pdq.hash, "quality": self.pdq.quality},
        }
        if self.pdq_dihedral:
            record["pdq_dihedral"] = self.pdq_dihedral
        if self.duplicate_of:
            record["duplicate_of"] = self.duplicate_of
        if self.content_type is ContentType.VIDEO:
            record["video_md5"] = self.video_md5
            record["vpdq"] = self.vpdq
        record["error"] = self.error
        if self.warning:
            record["warning"] = self.warning
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> FileHashes:
        pdq = record.get("pdq")
        return cls(
            path=record["path"],
            content_type=ContentType(record.get("content_type") or "other"),
            size=record.get("size"),
            md5=record.get("md5"),
            sha1=record.get("sha1"),
            sha256=record.get("sha256"),
            pdq=PdqHash(pdq["hash"], int(pdq["quality"])) if pdq else None,
            pdq_dihedral=list(record.get("pdq_dihedral") or []),
            vpdq=record.get("vpdq"),
            video_md5=record.get("video_md5"),
            error=record.get("error"),
            duplicate_of=record.get("duplicate_of"),
            warning=record.get("warning"),
        )


def _warn_mismatch(result: FileHashes) -> None:
    if result.size is not None and not result.warning:
        result.warning = extension_mismatch(result.path, result.content_type, result.size)


class _Digests:
    def __init__(self) -> None:
        self._all = (hashlib.md5(usedforsecurity=False), hashlib.sha1(usedforsecurity=False),
                     hashlib.sha256())
        self.size = 0

    def update(self, chunk: bytes) -> None:
        self.size += len(chunk)
        for h in self._all:
            h.update(chunk)

    def fill(self, result: FileHashes) -> None:
        result.md5, result.sha1, result.sha256 = (h.hexdigest() for h in self._all)
        result.size = self.size


#: Called with a sha256 before the (costly) perceptual hash; returns the key of the item that
#: already claimed that content, or None when the caller should hash it.
Claim = Callable[[str], str | None]


def hash_file(
    path: str | os.PathLike[str], options: HashOptions | None = None, claim: Claim | None = None
) -> FileHashes:
    """Hash the file at ``path``; content problems land in ``error``, never raise."""
    opts = options or HashOptions()
    result = FileHashes(path=str(path))
    try:
        size = os.stat(path).st_size
        if size > opts.max_file_bytes:
            raise MediaTooLargeError(f"file of {size} bytes exceeds the limit of {opts.max_file_bytes}")
        with open(path, "rb") as fh:
            _hash_into(result, fh, Path(path), opts, claim)
    except ChildsafeError as exc:
        result.error = str(exc)
    except OSError as exc:
        result.error = f"unreadable: {exc.strerror or exc}"
    _warn_mismatch(result)
    return result


def hash_bytes(data: bytes, name: str, options: HashOptions | None = None) -> FileHashes:
    """Hash an in-memory blob (an upload, an archive member) named ``name`` in reports."""
    return hash_stream(io.BytesIO(data), name, options)


def hash_stream(
    stream: BinaryIO, name: str, options: HashOptions | None = None, claim: Claim | None = None
) -> FileHashes:
    """Hash a readable binary stream with no path on disk (videos are spooled, see :mod:`.spool`)."""
    opts = options or HashOptions()
    result = FileHashes(path=name)
    try:
        _hash_into(result, stream, None, opts, claim)
    except ChildsafeError as exc:
        result.error = str(exc)
    except OSError as exc:
        result.error = f"unreadable: {exc.strerror or exc}"
    _warn_mismatch(result)
    return result


def _hash_into(
    result: FileHashes, fh: BinaryIO, path: Path | None, opts: HashOptions, claim: Claim | None
) -> None:
    def wanted() -> bool:
        if not opts.perceptual:
            return False
        if claim is not None and result.sha256:
            result.duplicate_of = claim(result.sha256)
        return result.duplicate_of is None

    head = fh.read(SNIFF_BYTES)
    result.content_type = sniff_content_type(head)
    digests = _Digests()
    digests.update(head)
    if result.content_type is ContentType.PHOTO:
        cap = min(MAX_PHOTO_BYTES, opts.max_file_bytes)
        body = fh.read(cap + 1 - len(head))
        digests.update(body)
        if len(head) + len(body) > cap:
            # Too big to decode in memory, but the chain-of-custody digests are still computed.
            _copy(fh, digests, None, opts.max_file_bytes)
            digests.fill(result)
            raise MediaTooLargeError(f"photo larger than {cap} bytes: digests only, not decoded")
        digests.fill(result)
        if wanted():
            _hash_photo(result, head + body, opts)
    elif result.content_type is ContentType.VIDEO:
        if path is None:
            _hash_video_stream(result, fh, head, digests, opts, wanted)
        else:
            _copy(fh, digests, None, opts.max_file_bytes)
            digests.fill(result)
            result.video_md5 = result.md5
            if wanted():
                result.vpdq = VpdqSignal.serialize(vpdq_hash_video(path, limits=opts.video_limits))
    else:
        _copy(fh, digests, None, opts.max_file_bytes)
        digests.fill(result)


def _hash_photo(result: FileHashes, data: bytes, opts: HashOptions) -> None:
    try:
        image = decode_photo(io.BytesIO(data), opts.max_image_pixels)
        result.pdq = pdq_hash_image(image)
        if opts.dihedral:
            result.pdq_dihedral = pdq_dihedral_hashes(image)
    except ChildsafeError as exc:
        result.error = str(exc)


def _hash_video_stream(
    result: FileHashes, fh: BinaryIO, head: bytes, digests: _Digests, opts: HashOptions,
    wanted: Callable[[], bool],
) -> None:
    # FFmpeg needs a seekable file: a private spool file, deleted as soon as it is hashed, and
    # by the next run if this process is killed meanwhile.
    with spooled_file(".video") as tmp:
        _copy(fh, digests, tmp, opts.max_file_bytes, head=head)
        digests.fill(result)
        result.video_md5 = result.md5
        if wanted():
            tmp.flush()
            result.vpdq = VpdqSignal.serialize(vpdq_hash_video(Path(tmp.name), limits=opts.video_limits))


def _copy(fh: BinaryIO, digests: _Digests, sink: Any, max_bytes: int, head: bytes = b"") -> None:
    if sink is not None and head:
        sink.write(head)
    while chunk := fh.read(_CHUNK):
        digests.update(chunk)
        if digests.size > max_bytes:
            raise MediaTooLargeError(f"content larger than {max_bytes} bytes refused")
        if sink is not None:
            sink.write(chunk)
