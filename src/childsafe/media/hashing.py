"""Hash one file or one blob: chain-of-custody digests plus the perceptual hash of its type.

Errors in the content never raise: they are recorded on the result (``error``), because a scan
must go on past a corrupt file.  Only programming errors propagate.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from childsafe.config import DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_IMAGE_PIXELS, DEFAULT_PDQ_QUALITY_MIN, Settings
from childsafe.errors import ChildsafeError, MediaTooLargeError
from childsafe.media.content import SNIFF_BYTES, ContentType, extension_mismatch, sniff_content_type
from childsafe.media.photo import PdqHash, decode_photo_views
from childsafe.media.signals import (
    ByteDigests,
    HashedSignal,
    PhotoHasher,
    SignalType,
    VideoHasher,
    signal_types,
)
from childsafe.media.spool import spooled_file
from childsafe.media.video import VideoLimits

__all__ = ["FileHashes", "HashOptions", "HASHING_VERSION", "hash_file", "hash_bytes", "hash_stream", "record_signals"]

_CHUNK = 1 << 20
#: Raised when hashing computes something new for the same file (2: photos turned by EXIF orientation
#: also get their as-stored signals), so a rescan hashes what an older version stored again.
HASHING_VERSION = 2
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
        """What an item was hashed with, as stored beside its result: a rescan with other options,
        other installed signal types or another :data:`HASHING_VERSION` hashes it again.
        ``pdq_quality_min`` is left out: it changes matching, not hashing."""
        out = asdict(self)
        del out["pdq_quality_min"]
        out["version"] = HASHING_VERSION
        out["signal_types"] = sorted(kind.name for kind in signal_types())
        return out


class _SignalAttribute:
    """``hashes.md5`` for ``hashes.value("md5")`` (and assignment), typed."""

    def __set_name__(self, owner: type[FileHashes], name: str) -> None:
        self.name = name

    def __get__(self, obj: FileHashes, owner: type[FileHashes] | None = None) -> str | None:
        return obj.value(self.name)

    def __set__(self, obj: FileHashes, value: str | None) -> None:
        obj.set_value(self.name, value)


class FileHashes:
    """Everything we compute for one item: its signals by signal type name, never media bytes.

    ``hashed`` maps a signal type's name to what its hasher computed.  The built-in names are also
    attributes (``md5``, ``sha256``, ``pdq`` as a :class:`PdqHash`, ``pdq_dihedral``, ``vpdq``…) and
    constructor keywords, so callers and the JSON record keep their shape.
    """

    def __init__(
        self,
        path: str,
        content_type: ContentType = ContentType.OTHER,
        size: int | None = None,
        *,
        hashed: dict[str, HashedSignal] | None = None,
        md5: str | None = None,
        sha1: str | None = None,
        sha256: str | None = None,
        pdq: PdqHash | None = None,
        pdq_dihedral: list[str] | None = None,
        vpdq: str | None = None,
        video_md5: str | None = None,
        error: str | None = None,
        duplicate_of: str | None = None,
        warning: str | None = None,
        exif_orientation: int | None = None,
    ) -> None:
        self.path = path
        self.content_type = content_type
        self.size = size
        self.hashed: dict[str, HashedSignal] = dict(hashed or {})
        self.error = error
        #: Set when identical content (same sha256) was hashed for another item in the same run:
        #: perceptual hashing was skipped here and the owner's result is copied in later.
        self.duplicate_of = duplicate_of
        #: Something the analyst should know that is not a failure (a name that lies about the content,
        #: an archive too deep to open).
        self.warning = warning
        #: A photo's EXIF orientation when it is not 1: its photo signals then also carry ``as_stored``.
        self.exif_orientation = exif_orientation
        for name, value in (("md5", md5), ("sha1", sha1), ("sha256", sha256), ("vpdq", vpdq),
                            ("video_md5", video_md5)):
            if value is not None:
                self.hashed[name] = HashedSignal(value)
        if pdq is not None:
            self.pdq = pdq
        if pdq_dihedral:
            self.pdq_dihedral = pdq_dihedral

    def __repr__(self) -> str:
        return (f"FileHashes(path={self.path!r}, content_type={self.content_type}, size={self.size}, "
                f"hashed={self.hashed!r}, error={self.error!r})")

    def value(self, name: str) -> str | None:
        """The signal of type ``name``, if computed."""
        found = self.hashed.get(name)
        return None if found is None else found.value

    def set_value(self, name: str, value: str | None) -> None:
        if value is None:
            self.hashed.pop(name, None)
        else:
            self.hashed[name] = HashedSignal(value)

    # The built-in names as attributes (the fields FileHashes had before it was a mapping).
    md5 = _SignalAttribute()
    sha1 = _SignalAttribute()
    sha256 = _SignalAttribute()
    vpdq = _SignalAttribute()
    video_md5 = _SignalAttribute()

    @property
    def pdq(self) -> PdqHash | None:
        found = self.hashed.get("pdq")
        return None if found is None else PdqHash(found.value, found.quality or 0)

    @pdq.setter
    def pdq(self, value: PdqHash | None) -> None:
        if value is None:
            self.hashed.pop("pdq", None)
        else:
            self.hashed["pdq"] = HashedSignal(value.hash, value.quality, self.pdq_dihedral_tuple())

    def pdq_dihedral_tuple(self) -> tuple[str, ...]:
        found = self.hashed.get("pdq")
        return () if found is None else found.dihedral

    @property
    def pdq_dihedral(self) -> list[str]:
        return list(self.pdq_dihedral_tuple())

    @pdq_dihedral.setter
    def pdq_dihedral(self, value: list[str]) -> None:
        found = self.hashed.get("pdq")
        if found is not None:
            self.hashed["pdq"] = replace(found, dihedral=tuple(value))

    def signals(self, pdq_quality_min: int = DEFAULT_PDQ_QUALITY_MIN) -> dict[str, str]:
        """Signals fit for matching.  Low-quality hashes (PDQ's) are reported but not matched."""
        return {name: h.value for name, h in self.hashed.items()
                if h.value and (h.quality is None or h.quality >= pdq_quality_min)}

    def to_record(self) -> dict[str, Any]:
        """The JSON object of ``childsafe hash``: a key per signal type that applies to the item."""
        record: dict[str, Any] = {"path": self.path, "content_type": self.content_type.value, "size": self.size}
        for kind in signal_types():
            found = self.hashed.get(kind.name)
            if found is None and not (kind.in_every_record or self.content_type in kind.content_types):
                continue
            if found is None or found.quality is None:
                record[kind.name] = None if found is None else found.value
            else:
                record[kind.name] = {"hash": found.value, "quality": found.quality}
            if found is not None and found.dihedral:
                record[f"{kind.name}_dihedral"] = list(found.dihedral)
            if found is not None and found.as_stored:
                record[f"{kind.name}_as_stored"] = found.as_stored
        if self.exif_orientation is not None:
            record["exif_orientation"] = self.exif_orientation
        if self.duplicate_of:
            record["duplicate_of"] = self.duplicate_of
        record["error"] = self.error
        if self.warning:
            record["warning"] = self.warning
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> FileHashes:
        return cls(
            path=record["path"],
            content_type=ContentType(record.get("content_type") or "other"),
            size=record.get("size"),
            hashed=record_signals(record),
            error=record.get("error"),
            duplicate_of=record.get("duplicate_of"),
            warning=record.get("warning"),
            exif_orientation=_orientation_or_none(record.get("exif_orientation")),
        )


def _orientation_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 2 <= value <= 8 else None


def record_signals(record: dict[str, Any]) -> dict[str, HashedSignal]:
    """The signals of a stored ``childsafe hash`` record, by type name (types no longer installed
    are left out; malformed values too: a record is read, never trusted)."""
    hashed: dict[str, HashedSignal] = {}
    for kind in signal_types():
        raw = record.get(kind.name)
        variants = record.get(f"{kind.name}_dihedral")
        dihedral = tuple(str(v) for v in variants) if isinstance(variants, list) else ()
        stored = record.get(f"{kind.name}_as_stored")
        as_stored = stored if isinstance(stored, str) and stored else None
        if isinstance(raw, str) and raw:
            hashed[kind.name] = HashedSignal(raw, None, dihedral, as_stored)
        elif isinstance(raw, dict) and isinstance(raw.get("hash"), str) and raw["hash"]:
            quality = raw.get("quality")
            hashed[kind.name] = HashedSignal(raw["hash"], quality if isinstance(quality, int) else 0, dihedral,
                                             as_stored)
    return hashed


def _warn_mismatch(result: FileHashes) -> None:
    if result.size is not None and not result.warning:
        result.warning = extension_mismatch(result.path, result.content_type, result.size)


class _Digests(ByteDigests):
    def fill(self, result: FileHashes) -> None:
        for name, value in self.signals().items():
            result.hashed[name] = HashedSignal(value)
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
    kinds = [k for k in signal_types() if result.content_type in k.content_types]
    digests = _Digests(result.content_type)
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
        photo_hashers = [k for k in kinds if issubclass(k, PhotoHasher)]
        if photo_hashers and wanted():
            _hash_photo(result, head + body, opts, photo_hashers)
    elif result.content_type is ContentType.VIDEO:
        video_hashers = [k for k in kinds if issubclass(k, VideoHasher)]
        if path is None:
            _hash_video_stream(result, fh, head, digests, opts, wanted, video_hashers)
        else:
            _copy(fh, digests, None, opts.max_file_bytes)
            digests.fill(result)
            if video_hashers and wanted():
                _hash_video(result, path, opts, video_hashers)
    else:
        _copy(fh, digests, None, opts.max_file_bytes)
        digests.fill(result)


def _hash_photo(result: FileHashes, data: bytes, opts: HashOptions, hashers: Sequence[type[PhotoHasher]]) -> None:
    """Decode once, then every photo hasher; one hasher's failure leaves the others' signals.  A photo
    turned by its EXIF orientation is hashed as shown and as stored (HMA's and ThreatExchange's way)."""
    try:
        views = decode_photo_views(io.BytesIO(data), opts.max_image_pixels)
    except ChildsafeError as exc:
        result.error = str(exc)
        return
    if views.as_stored is not None:
        result.exif_orientation = views.orientation
    for kind in hashers:
        try:
            signal = kind.hash_photo(views.upright, opts)
            if views.as_stored is not None:  # (the dihedral variants already include the stored turn)
                stored = kind.hash_photo(views.as_stored, replace(opts, dihedral=False))
                signal = replace(signal, as_stored=stored.value)
            result.hashed[_name(kind)] = signal
        except ChildsafeError as exc:
            result.error = result.error or str(exc)


def _hash_video(result: FileHashes, path: Path, opts: HashOptions, hashers: Sequence[type[VideoHasher]]) -> None:
    for kind in hashers:
        result.hashed[_name(kind)] = kind.hash_video(path, opts)


def _name(kind: type[PhotoHasher] | type[VideoHasher]) -> str:
    assert issubclass(kind, SignalType)  # the hashers come from the signal type registry
    return kind.name


def _hash_video_stream(
    result: FileHashes, fh: BinaryIO, head: bytes, digests: _Digests, opts: HashOptions,
    wanted: Callable[[], bool], hashers: Sequence[type[VideoHasher]],
) -> None:
    # FFmpeg needs a seekable file: a private spool file, deleted as soon as it is hashed, and
    # by the next run if this process is killed meanwhile.
    with spooled_file(".video") as tmp:
        _copy(fh, digests, tmp, opts.max_file_bytes, head=head)
        digests.fill(result)
        if hashers and wanted():
            tmp.flush()
            _hash_video(result, Path(tmp.name), opts, hashers)


def _copy(fh: BinaryIO, digests: _Digests, sink: Any, max_bytes: int, head: bytes = b"") -> None:
    if sink is not None and head:
        sink.write(head)
    while chunk := fh.read(_CHUNK):
        digests.update(chunk)
        if digests.size > max_bytes:
            raise MediaTooLargeError(f"content larger than {max_bytes} bytes refused")
        if sink is not None:
            sink.write(chunk)
