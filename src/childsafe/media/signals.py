"""Signal types: hash algorithms whose output is always a plain, normalised string.

Names follow ThreatExchange (``pdq``, ``video_md5``, ``vpdq``, ``md5``…) and double as storage
keys, so they never change.  Each type validates and normalises its string, compares two
signals, and ships a few examples that feed the tests and the demo.
"""

from __future__ import annotations

import json
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import ClassVar

from childsafe.errors import InvalidSignalError
from childsafe.media.content import ContentType

__all__ = [
    "SignalType",
    "ExactSignalType",
    "Md5Signal",
    "Sha1Signal",
    "Sha256Signal",
    "VideoMd5Signal",
    "PdqSignal",
    "VpdqSignal",
    "VpdqFrame",
    "SIGNAL_TYPES",
    "get_signal_type",
    "pdq_distance",
]

_HEX = re.compile(r"^[0-9a-f]+$")


class SignalType(ABC):
    """One hash algorithm.  Subclasses are stateless; use the class, never an instance."""

    name: ClassVar[str]
    content_types: ClassVar[tuple[ContentType, ...]]
    examples: ClassVar[tuple[str, ...]]
    #: True when signals match only if equal (so a hash table answers lookups).
    exact: ClassVar[bool]

    @classmethod
    @abstractmethod
    def validate(cls, signal: str) -> str:
        """Return the normalised form of ``signal`` or raise :class:`InvalidSignalError`."""

    @classmethod
    @abstractmethod
    def distance(cls, a: str, b: str) -> int:
        """Distance between two normalised signals (0 = identical)."""


class ExactSignalType(SignalType):
    """A cryptographic digest, hex encoded: matches only when equal."""

    exact = True
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


class Md5Signal(ExactSignalType):
    name = "md5"
    hex_length = 32
    content_types = (ContentType.PHOTO, ContentType.VIDEO, ContentType.OTHER)
    examples = ("d41d8cd98f00b204e9800998ecf8427e", "9e107d9d372bb6826bd81d3542a419d6")


class Sha1Signal(ExactSignalType):
    name = "sha1"
    hex_length = 40
    content_types = (ContentType.PHOTO, ContentType.VIDEO, ContentType.OTHER)
    examples = ("da39a3ee5e6b4b0d3255bfef95601890afd80709",)


class Sha256Signal(ExactSignalType):
    name = "sha256"
    hex_length = 64
    content_types = (ContentType.PHOTO, ContentType.VIDEO, ContentType.OTHER)
    examples = ("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",)


class VideoMd5Signal(ExactSignalType):
    """MD5 of a video file's bytes, as ThreatExchange and HMA name it."""

    name = "video_md5"
    hex_length = 32
    content_types = (ContentType.VIDEO,)
    examples = ("d35c785545392755e7e4164457657269",)


def pdq_distance(a: str, b: str) -> int:
    """Hamming distance of two 64-digit PDQ hex strings."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


class PdqSignal(SignalType):
    """Meta's PDQ: 256-bit perceptual photo hash, 64 hex digits, compared by Hamming distance."""

    name = "pdq"
    exact = False
    content_types = (ContentType.PHOTO,)
    #: ThreatExchange's default match threshold (distance <= 31 of 256 bits).
    default_threshold: ClassVar[int] = 31
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


@dataclass(frozen=True)
class VpdqFrame:
    """One vPDQ feature in ThreatExchange's compact form ``hex,quality,timestamp``."""

    pdq: str
    quality: int
    timestamp: float

    def __str__(self) -> str:
        return f"{self.pdq},{self.quality},{self.timestamp:.3f}"


class VpdqSignal(SignalType):
    """Meta's vPDQ: one PDQ hash per sampled frame.

    Serialised exactly as ThreatExchange does: a JSON list of ``"pdq_hex,quality,timestamp"``.
    Two videos match when enough of the query's good frames are within the PDQ threshold of
    some frame of the other (:data:`QUERY_MATCH_PERCENT`, ThreatExchange's default 80%).
    """

    name = "vpdq"
    exact = False
    content_types = (ContentType.VIDEO,)
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


SIGNAL_TYPES: dict[str, type[SignalType]] = {
    cls.name: cls
    for cls in (Md5Signal, Sha1Signal, Sha256Signal, VideoMd5Signal, PdqSignal, VpdqSignal)
}


def get_signal_type(name: str) -> type[SignalType]:
    """The signal type registered under ``name`` (case-insensitive; ``pdq_hash`` etc. accepted)."""
    key = name.strip().lower()
    key = _ALIASES.get(key, key)
    try:
        return SIGNAL_TYPES[key]
    except KeyError:
        known = ", ".join(sorted(SIGNAL_TYPES))
        raise InvalidSignalError(f"unknown signal type {name!r} (known: {known})") from None


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
