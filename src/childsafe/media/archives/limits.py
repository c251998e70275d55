"""Expansion limits, and the accounting that enforces them: the archive budget and the ratio."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Protocol

from childsafe import config
from childsafe.errors import ConfigError, UnsafeArchiveError

# Members expanding to less than this are never called bombs: a small file of zeros compresses
# absurdly well and is harmless.
_RATIO_FLOOR = 1024**2
# Decompressors read a little compressed input ahead of what they have expanded; without this
# credit a legitimate member starting just after such a read-ahead would look like a bomb.
_READAHEAD_CREDIT = 64 * 1024


@dataclass(frozen=True)
class ArchiveLimits:
    """Expansion limits for one archive; see :mod:`childsafe.config` for the defaults."""

    max_member_bytes: int = config.DEFAULT_MAX_MEMBER_BYTES
    #: Total uncompressed bytes read from one archive, nested archives included.
    max_archive_bytes: int = config.DEFAULT_MAX_ARCHIVE_BYTES
    #: Per member uncompressed/compressed (whole stream window for tar.gz & co.): zip bombs.
    max_ratio: int = config.DEFAULT_MAX_ARCHIVE_RATIO
    #: Archives inside archives opened at most this deep (0: none).
    max_depth: int = config.DEFAULT_MAX_ARCHIVE_DEPTH
    #: Entries (of every kind) read from one archive.
    max_members: int = config.DEFAULT_MAX_ARCHIVE_MEMBERS

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value < 0:
                raise ConfigError(f"archive limit {f.name} must not be negative, got {value}")

    @classmethod
    def from_settings(cls, settings: config.Settings) -> ArchiveLimits:
        return cls(
            max_member_bytes=settings.max_member_bytes,
            max_archive_bytes=settings.max_archive_bytes,
            max_ratio=settings.max_archive_ratio,
            max_depth=settings.max_archive_depth,
            max_members=settings.max_archive_members,
        )


_DEFAULT_LIMITS = ArchiveLimits()


class _Consumed(Protocol):
    """Anything that knows how many compressed bytes it has taken so far."""

    @property
    def consumed(self) -> int: ...


class _Budget:
    """Uncompressed bytes one archive may expand to, shared with the archives nested in it."""

    def __init__(self, limit: int, containers: bool = False) -> None:
        self.limit = limit
        self.spent = 0
        self.reported = False
        #: Whether nested archives get an ArchiveContainer item (the iteration's one shared state).
        self.containers = containers

    @property
    def exceeded(self) -> bool:
        return self.spent > self.limit

    def message(self) -> str:
        return f"archive expands beyond the limit of {self.limit} bytes"

    def spend(self, count: int) -> None:
        self.spent += count
        if self.exceeded:
            raise UnsafeArchiveError(self.message())


class _RatioCheck:
    """Refuses output growing faster than ``max_ratio`` times the compressed input taken."""

    def __init__(self, compressed: _Consumed, max_ratio: int, label: str) -> None:
        self._compressed = compressed
        self._max_ratio = max_ratio
        self._label = label
        self._base = compressed.consumed

    def mark(self) -> None:
        """Start a new window (a new tar member): ratios are judged per member."""
        self._base = self._compressed.consumed

    def check(self, produced: int) -> None:
        if produced <= _RATIO_FLOOR:
            return
        consumed = self._compressed.consumed - self._base
        if produced > self._max_ratio * (consumed + _READAHEAD_CREDIT):
            ratio = produced // max(consumed, 1)
            raise UnsafeArchiveError(
                f"{self._label}: {produced} bytes expanded from {consumed} (ratio {ratio}:1 exceeds {self._max_ratio})"
            )
