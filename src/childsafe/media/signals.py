"""Signal types: hash algorithms whose output is always a plain, normalised string.

Names follow ThreatExchange (``pdq``, ``video_md5``, ``vpdq``, ``md5``…) and double as storage
keys, so they never change.  A signal type carries everything the rest of childsafe asks about
its algorithm, so adding one is one module plus its registration:

* what it hashes (``content_types``) and how: capability mixins, tested by callers with
  ``issubclass`` (:class:`BytesHasher`: a streaming digest of the raw bytes; :class:`PhotoHasher`:
  a decoded picture; :class:`VideoHasher`: a video file);
* whether it is ``exact`` (equal or nothing: a byte-identical copy) and how far a match may be
  (``threshold``; ``bank_threshold`` when each bank sets its own, as for PDQ);
* its ``index`` class (:mod:`childsafe.media.signal_index`), which the matcher builds;
* how to validate, normalise and compare its strings, and a few ``examples``.

Signal types are found through the entry-point group ``childsafe.signal_types`` (built-ins are
declared the same way, see :data:`BUILTIN_SIGNAL_TYPES`); :func:`get_signal_type` and
:func:`signal_types` ask that registry.  ``childsafe.testing.signal_types`` is the conformance
suite a plug-in's tests subclass.

Why one module of ~500 lines: the base class, its capabilities, the seven built-ins (20-80 lines each)
and the registry are read together by whoever adds a type, and the built-ins' entry points name
this module; the index classes, which are larger, live in :mod:`childsafe.media.signal_index`.
"""

# long-module: the base, its three hasher capabilities and the six built-ins read best side by side

from __future__ import annotations

import hashlib
import inspect
import json
import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol

from childsafe.errors import ConfigError, InvalidSignalError
from childsafe.media.content import ContentType
from childsafe.media.signal_index import (
    ExactSignalIndex,
    PdqSignalIndex,
    SignalIndex,
    VpdqSignalIndex,
)
from childsafe.plugins import Registry

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # hashing.py imports this module; the hashers only receive its options
    from PIL.Image import Image

    from childsafe.media.hashing import HashOptions

__all__ = [
    "SignalType",
    "ExactSignalType",
    "BytesHasher",
    "PhotoHasher",
    "VideoHasher",
    "StreamDigest",
    "ByteDigests",
    "HashedSignal",
    "Md5Signal",
    "Sha1Signal",
    "Sha256Signal",
    "VideoMd5Signal",
    "PdqSignal",
    "VpdqSignal",
    "VpdqFrame",
    "SIGNAL_TYPES",
    "SIGNAL_TYPE_GROUP",
    "BUILTIN_SIGNAL_TYPES",
    "signal_type_registry",
    "signal_types",
    "get_signal_type",
    "pdq_distance",
]

_HEX = re.compile(r"^[0-9a-f]+$")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class SignalType(ABC):
    """One hash algorithm.  Subclasses are stateless; use the class, never an instance."""

    name: ClassVar[str]
    content_types: ClassVar[tuple[ContentType, ...]]
    examples: ClassVar[tuple[str, ...]]
    #: True when signals match only if equal (so a hash table answers lookups).
    exact: ClassVar[bool]
    #: The class that searches many signals of this type (built by the matcher from the store).
    index: ClassVar[type[SignalIndex]]
    #: Largest distance that is still a match (0 for exact types).
    threshold: ClassVar[int] = 0
    #: True when each bank sets its own threshold for this type (the store keeps one per bank, PDQ's);
    #: the index is then searched with the widest one and every hit filtered by its bank's.
    bank_threshold: ClassVar[bool] = False
    #: True when every ``childsafe hash`` record carries this type's key (null where it does not
    #: apply), as records always have for md5, sha1, sha256 and pdq; other types appear on the
    #: records of their content types.
    in_every_record: ClassVar[bool] = False
    #: False for a type HMA does not enable by default: HMA-compatible answers leave it out unless asked.
    hma_default: ClassVar[bool] = True

    @classmethod
    @abstractmethod
    def validate(cls, signal: str) -> str:
        """Return the normalised form of ``signal`` or raise :class:`InvalidSignalError`."""

    @classmethod
    @abstractmethod
    def distance(cls, a: str, b: str) -> int:
        """Distance between two normalised signals (0 = identical)."""

    @classmethod
    def matches(cls, a: str, b: str, threshold: int | None = None) -> bool:
        """Whether two normalised signals match (within ``threshold``, default :attr:`threshold`)."""
        return cls.distance(a, b) <= (cls.threshold if threshold is None else threshold)


@dataclass(frozen=True)
class HashedSignal:
    """What a hasher computed for one item."""

    value: str
    #: 0-100 where the algorithm rates its own output (PDQ): below the ``pdq_quality_min`` setting
    #: the signal is reported but never matched.  None: always usable.
    quality: int | None = None
    #: The signals of the item's 8 rotations and flips (original first), matched too (``--dihedral``).
    dihedral: tuple[str, ...] = ()
    #: A photo hasher's signal of the pixels as stored, when the photo's EXIF orientation is not 1:
    #: ``value`` is the photo as shown (orientation applied), this is what HMA and ThreatExchange
    #: compute (they ignore the orientation).  Matched too; a match says which one it came from.
    as_stored: str | None = None


class StreamDigest(Protocol):
    """An incremental digest, as :mod:`hashlib` objects are."""

    def update(self, data: bytes, /) -> None: ...

    def hexdigest(self) -> str: ...


class BytesHasher(ABC):
    """Capability: hashes the raw bytes of every item of its content types, in the one streaming
    pass that reads the item (so it also runs on items too large or too broken to decode)."""

    #: Types with the same family are one computation (``video_md5`` is ``md5`` of a video's bytes).
    digest_family: ClassVar[str | None] = None

    @classmethod
    @abstractmethod
    def new_digest(cls) -> StreamDigest:
        """A fresh digest; its ``hexdigest()`` is the signal (validated by the type)."""


class PhotoHasher(ABC):
    """Capability: hashes a decoded photo (upright RGB, reduced for speed: see :mod:`.photo`)."""

    @classmethod
    @abstractmethod
    def hash_photo(cls, image: Image, options: HashOptions) -> HashedSignal: ...


class VideoHasher(ABC):
    """Capability: hashes a video file (within ``options.video_limits``; it may be a spooled copy)."""

    @classmethod
    @abstractmethod
    def hash_video(cls, path: Path, options: HashOptions) -> HashedSignal: ...


class ByteDigests:
    """One streaming pass over an item's bytes feeding every byte hasher of its content type (one
    digest per ``digest_family``).  Used for files, uploads and the nested archives of a scan."""

    def __init__(self, content_type: ContentType) -> None:
        self._families: dict[str, tuple[StreamDigest, list[type[SignalType]]]] = {}
        for kind in signal_types():
            if issubclass(kind, BytesHasher) and content_type in kind.content_types:
                family = kind.digest_family or kind.name
                if family not in self._families:
                    self._families[family] = (kind.new_digest(), [])
                self._families[family][1].append(kind)
        self._all = [digest for digest, _ in self._families.values()]
        self.size = 0

    def update(self, chunk: bytes) -> None:
        self.size += len(chunk)
        for h in self._all:
            h.update(chunk)

    def signals(self) -> dict[str, str]:
        """Each byte hasher's signal, by type name (normalised by its type)."""
        out: dict[str, str] = {}
        for digest, kinds in self._families.values():
            value = digest.hexdigest()
            for kind in kinds:
                out[kind.name] = kind.validate(value)
        return out


class ExactSignalType(SignalType):
    """A cryptographic digest, hex encoded: matches only when equal."""

    exact = True
    index = ExactSignalIndex
    hex_length: ClassVar[int]

    @classmethod
    def validate(cls, signal: str) -> str:
        value = signal.strip().lower()
        if len(value) != cls.hex_length or not _HEX.match(value):
            raise InvalidSignalError(
                f"{cls.name}: expected {cls.hex_length} hex digits, got {_preview(signal)}"
            )
        return value

    @classmethod
    def distance(cls, a: str, b: str) -> int:
        return 0 if a == b else 1


#: Every item: the chain-of-custody digests.
_ANY_CONTENT = (ContentType.PHOTO, ContentType.VIDEO, ContentType.OTHER)


class Md5Signal(ExactSignalType, BytesHasher):
    name = "md5"
    in_every_record = True
    hex_length = 32
    content_types = _ANY_CONTENT
    examples = ("d41d8cd98f00b204e9800998ecf8427e", "9e107d9d372bb6826bd81d3542a419d6")

    @classmethod
    def new_digest(cls) -> StreamDigest:
        return hashlib.md5(usedforsecurity=False)


class Sha1Signal(ExactSignalType, BytesHasher):
    name = "sha1"
    in_every_record = True
    hex_length = 40
    content_types = _ANY_CONTENT
    examples = ("da39a3ee5e6b4b0d3255bfef95601890afd80709",)

    @classmethod
    def new_digest(cls) -> StreamDigest:
        return hashlib.sha1(usedforsecurity=False)


class Sha256Signal(ExactSignalType, BytesHasher):
    name = "sha256"
    in_every_record = True
    hex_length = 64
    content_types = _ANY_CONTENT
    examples = ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",)

    @classmethod
    def new_digest(cls) -> StreamDigest:
        return hashlib.sha256()


class VideoMd5Signal(ExactSignalType, BytesHasher):
    """MD5 of a video file's bytes, as ThreatExchange and HMA name it."""

    name = "video_md5"
    hex_length = 32
    content_types = (ContentType.VIDEO,)
    digest_family = "md5"
    examples = ("d35c785545392755e7e4164457657269",)

    @classmethod
    def new_digest(cls) -> StreamDigest:
        return hashlib.md5(usedforsecurity=False)


class VideoSha256Signal(ExactSignalType, BytesHasher):
    """SHA-256 of a video file's bytes, as ThreatExchange names it (``signal_type/sha256.py``)."""

    name = "video_sha256"
    hex_length = 64
    content_types = (ContentType.VIDEO,)
    digest_family = "sha256"
    #: Not among HMA's default signal types: its ``/h/hash`` answer for a video leaves it out.
    hma_default = False
    examples = ("21c2122c765204217c9ead17f4e41f59ab75dbf0e8fd7377561cfce1e622540c",)

    @classmethod
    def new_digest(cls) -> StreamDigest:
        return hashlib.sha256()


def pdq_distance(a: str, b: str) -> int:
    """Hamming distance of two 64-digit PDQ hex strings."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


class PdqSignal(SignalType, PhotoHasher):
    """Meta's PDQ: 256-bit perceptual photo hash, 64 hex digits, compared by Hamming distance."""

    name = "pdq"
    exact = False
    content_types = (ContentType.PHOTO,)
    index = PdqSignalIndex
    #: ThreatExchange's default match threshold (distance <= 31 of 256 bits).
    default_threshold: ClassVar[int] = 31
    threshold = 31
    bank_threshold = True
    in_every_record = True
    examples = (
        "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22",
        "facefacefacefacefacefacefacefacefacefacefacefacefacefacefaceface",
    )

    @classmethod
    def validate(cls, signal: str) -> str:
        value = signal.strip().lower()
        if len(value) != 64 or not _HEX.match(value):
            raise InvalidSignalError(f"pdq: expected 64 hex digits, got {_preview(signal)}")
        return value

    @classmethod
    def distance(cls, a: str, b: str) -> int:
        return pdq_distance(a, b)

    @classmethod
    def hash_photo(cls, image: Image, options: HashOptions) -> HashedSignal:
        # Imported here: validating a PDQ string must not need the image libraries.
        from childsafe.media.photo import pdq_dihedral_hashes, pdq_hash_image

        pdq = pdq_hash_image(image)
        dihedral = tuple(pdq_dihedral_hashes(image)) if options.dihedral else ()
        return HashedSignal(pdq.hash, pdq.quality, dihedral)


@dataclass(frozen=True)
class VpdqFrame:
    """One vPDQ feature in ThreatExchange's compact form ``hex,quality,timestamp``."""

    pdq: str
    quality: int
    timestamp: float

    def __str__(self) -> str:
        return f"{self.pdq},{self.quality},{self.timestamp:.3f}"


class VpdqSignal(SignalType, VideoHasher):
    """Meta's vPDQ: one PDQ hash per sampled frame.

    Serialised exactly as ThreatExchange does: a JSON list of ``"pdq_hex,quality,timestamp"``.
    Two videos match when enough of the query's good frames are within the PDQ threshold of
    some frame of the other (:data:`QUERY_MATCH_PERCENT`, ThreatExchange's default 80%).
    """

    name = "vpdq"
    exact = False
    content_types = (ContentType.VIDEO,)
    index = VpdqSignalIndex
    #: :meth:`distance` is the percent of query frames unmatched: a match leaves at most 20 %.
    threshold = 20
    QUALITY_MIN: ClassVar[int] = 50
    FRAME_THRESHOLD: ClassVar[int] = 31
    QUERY_MATCH_PERCENT: ClassVar[float] = 80.0
    examples = (
        json.dumps(
            [
                "e271017837246aaccddea259648fb7d62f435c89d9e99b2497763e216c8d055c,100,0.000",
                "c0f11178372c6aaccddea259648fbfd62f434c89c9e99b249772be216c8d055c,100,1.000",
            ]
        ),
    )

    @classmethod
    def parse(cls, signal: str) -> list[VpdqFrame]:
        try:
            items = json.loads(signal)
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, int digit limit
            raise InvalidSignalError(f"vpdq: not a JSON list ({exc.__class__.__name__})") from exc
        if not isinstance(items, list) or not items:
            raise InvalidSignalError("vpdq: expected a non-empty JSON list of frames")
        frames = []
        for item in items:
            parts = item.split(",") if isinstance(item, str) else []
            if len(parts) != 3:
                raise InvalidSignalError(f"vpdq: bad frame {_preview(str(item))}")
            try:
                frame = VpdqFrame(PdqSignal.validate(parts[0]), int(parts[1]), float(parts[2]))
            except ValueError as exc:
                raise InvalidSignalError(f"vpdq: bad frame {_preview(item)}") from exc
            if not 0 <= frame.quality <= 100 or not frame.timestamp >= 0:
                raise InvalidSignalError(f"vpdq: bad frame {_preview(item)}")
            frames.append(frame)
        return frames

    @classmethod
    def serialize(cls, frames: list[VpdqFrame]) -> str:
        return json.dumps([str(f) for f in frames])

    @classmethod
    def validate(cls, signal: str) -> str:
        return cls.serialize(cls.parse(signal))

    @classmethod
    def good_hashes(cls, frames: list[VpdqFrame]) -> list[str]:
        """Distinct frame hashes of usable quality, in first-seen order."""
        seen: dict[str, None] = {}
        for f in frames:
            if f.quality >= cls.QUALITY_MIN:
                seen.setdefault(f.pdq)
        return list(seen)

    @classmethod
    def match_percents(cls, query: str, target: str, threshold: int | None = None) -> tuple[float, float]:
        """(percent of query frames matched, percent of target frames matched), brute force."""
        limit = cls.FRAME_THRESHOLD if threshold is None else threshold
        q = [int(h, 16) for h in cls.good_hashes(cls.parse(query))]
        t = [int(h, 16) for h in cls.good_hashes(cls.parse(target))]
        if not q or not t:
            return 0.0, 0.0
        q_hit = sum(1 for a in q if any((a ^ b).bit_count() <= limit for b in t))
        t_hit = sum(1 for b in t if any((a ^ b).bit_count() <= limit for a in q))
        return 100.0 * q_hit / len(q), 100.0 * t_hit / len(t)

    @classmethod
    def distance(cls, a: str, b: str) -> int:
        """0 when the videos match both ways, else the percent of query frames unmatched."""
        q_pct, _ = cls.match_percents(a, b)
        return round(100 - q_pct)

    @classmethod
    def matches(cls, a: str, b: str, threshold: int | None = None) -> bool:
        """ThreatExchange's rule: enough of the query's good frames (``100 - threshold`` percent, 80 by
        default) within the frame threshold of some frame of the other."""
        limit = cls.threshold if threshold is None else threshold
        return cls.match_percents(a, b)[0] >= 100 - limit

    @classmethod
    def hash_video(cls, path: Path, options: HashOptions) -> HashedSignal:
        from childsafe.media.video import vpdq_hash_video  # video.py imports this module

        return HashedSignal(cls.serialize(vpdq_hash_video(path, limits=options.video_limits)))


SIGNAL_TYPE_GROUP = "childsafe.signal_types"
#: The built-in signal types, declared as entry points exactly as a plug-in declares its own.
BUILTIN_SIGNAL_TYPES: Mapping[str, str] = {
    name: f"childsafe.media.signals:{cls}"
    for name, cls in (("md5", "Md5Signal"), ("sha1", "Sha1Signal"), ("sha256", "Sha256Signal"),
                      ("video_md5", "VideoMd5Signal"), ("video_sha256", "VideoSha256Signal"),
                      ("pdq", "PdqSignal"), ("vpdq", "VpdqSignal"))
}


def check_signal_type(obj: object) -> type[SignalType]:
    """The registry's check: a concrete :class:`SignalType` subclass that declares what it must."""
    if not (isinstance(obj, type) and issubclass(obj, SignalType)):
        raise ConfigError(f"a signal type is a SignalType subclass, not {obj!r}")
    missing = [a for a in ("name", "content_types", "examples", "exact", "index") if not hasattr(obj, a)]
    if missing or inspect.isabstract(obj):
        left = missing or sorted(getattr(obj, "__abstractmethods__", ()))
        raise ConfigError(f"signal type {obj.__qualname__} does not define {', '.join(left)}")
    if not isinstance(obj.name, str) or not _NAME.match(obj.name):
        raise ConfigError(f"signal type {obj.__qualname__}: name {obj.name!r} is not lower_snake_case")
    if not obj.content_types or not all(isinstance(c, ContentType) for c in obj.content_types):
        raise ConfigError(f"signal type {obj.name!r}: content_types must name at least one ContentType")
    if not (isinstance(obj.index, type) and issubclass(obj.index, SignalIndex)):
        raise ConfigError(f"signal type {obj.name!r}: index must be a SignalIndex subclass")
    if not obj.examples:
        raise ConfigError(f"signal type {obj.name!r}: give at least one example signal")
    return obj


signal_type_registry: Registry[type[SignalType]] = Registry(
    SIGNAL_TYPE_GROUP, "signal type", BUILTIN_SIGNAL_TYPES, check_signal_type)


def signal_types() -> list[type[SignalType]]:
    """Every signal type that loads, built-ins first (a broken plug-in is logged and left out)."""
    out = []
    for name, kind in signal_type_registry.load_all().items():
        if kind.name == name:
            out.append(kind)
        else:
            log.warning("signal type entry point %r loads a type named %r: left out", name, kind.name)
    return out


class _SignalTypesView(Mapping[str, type[SignalType]]):
    """:data:`SIGNAL_TYPES`: the registry seen as a read-only dict, kept for existing callers."""

    def __getitem__(self, name: str) -> type[SignalType]:
        if name not in signal_type_registry.entries():
            raise KeyError(name)
        return _load_checked(name)

    def __iter__(self) -> Iterator[str]:
        return iter([kind.name for kind in signal_types()])

    def __len__(self) -> int:
        return len(signal_types())


SIGNAL_TYPES: Mapping[str, type[SignalType]] = _SignalTypesView()


def _load_checked(name: str) -> type[SignalType]:
    kind = signal_type_registry.load(name)
    if kind.name != name:
        raise ConfigError(f"signal type entry point {name!r} loads a type named {kind.name!r}")
    return kind


def get_signal_type(name: str) -> type[SignalType]:
    """The signal type registered under ``name`` (case-insensitive; ``pdq_hash`` etc. accepted)."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    if key not in signal_type_registry.entries():
        known = ", ".join(sorted(signal_type_registry.entries()))
        raise InvalidSignalError(f"unknown signal type {name!r} (known: {known})")
    return _load_checked(key)


# Names other tools use for the same algorithms (ThreatExchange's API, VICS, HMA).
_ALIASES = {
    "hash_pdq": "pdq",
    "pdq_hash": "pdq",
    "hash_md5": "md5",
    "hash_sha1": "sha1",
    "hash_sha256": "sha256",
    "photo_md5": "md5",
    "video_vpdq": "vpdq",
}


def _preview(text: str, limit: int = 40) -> str:
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
