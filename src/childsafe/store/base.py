"""The store interface.  Callers depend on :class:`Store`, never on SQLAlchemy."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

__all__ = ["AllowlistScope", "Bank", "BankEntry", "EntryRef", "NewEntry", "ScanRecord", "Store", "CONTENT_ENABLED",
           "CONTENT_DISABLED", "content_enabled"]


@dataclass(frozen=True)
class Bank:
    id: int
    name: str
    allowlist: bool
    pdq_threshold: int
    enabled: bool
    created_at: datetime
    entry_count: int = 0


@dataclass(frozen=True)
class NewEntry:
    signal_type: str
    signal: str
    label: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class BankEntry:
    id: int
    bank: str
    signal_type: str
    signal: str
    label: str | None
    source: str | None
    added_at: datetime


#: HMA's magic values of a content's ``disable_until_ts``; any other value is a Unix time.
CONTENT_ENABLED = 1
CONTENT_DISABLED = 0


def content_enabled(disable_until_ts: int, now: float) -> bool:
    """HMA's rule: 0 disabled, 1 enabled, else enabled once that time has passed."""
    if disable_until_ts in (CONTENT_DISABLED, CONTENT_ENABLED):
        return disable_until_ts == CONTENT_ENABLED
    return disable_until_ts <= now


@dataclass(frozen=True)
class EntryRef:
    """An entry joined with its bank: what a match needs to explain itself."""

    id: int
    bank: str
    allowlist: bool
    enabled: bool
    pdq_threshold: int
    signal_type: str
    signal: str
    label: str | None
    source: str | None
    #: HMA's bank content (:mod:`childsafe.store.bank_contents`): its id (the entry's own when it is
    #: a content of its own), whether it matches now (``disable_until_ts``), and the bank's matching ratio.
    content_id: int = 0
    content_enabled: bool = True
    matching_ratio: float = 1.0


@dataclass(frozen=True)
class AllowlistScope:
    """A bank entry that a reviewed file matched, and how far it was from it.

    An allowlist entry made by a review decision suppresses a match only to this bank entry, only
    at ``distance`` or farther, and never an exact (cryptographic) match.
    """

    bank: str
    signal_type: str
    signal: str
    distance: int

    def to_record(self) -> dict[str, Any]:
        return {"bank": self.bank, "signal_type": self.signal_type, "signal": self.signal,
                "distance": self.distance}


@dataclass(frozen=True)
class ScanRecord:
    key: str
    size: int | None
    mtime_ns: int | None
    record: dict[str, Any]


class Store(Protocol):
    # banks
    def create_bank(self, name: str, *, pdq_threshold: int = 31, allowlist: bool = False) -> Bank: ...
    def get_bank(self, name: str) -> Bank: ...
    def list_banks(self) -> list[Bank]: ...
    def delete_bank(self, name: str) -> None: ...
    def set_bank_enabled(self, name: str, enabled: bool) -> Bank: ...
    def set_bank_threshold(self, name: str, threshold: int) -> Bank: ...
    # entries
    def add_entries(self, bank: str, entries: Iterable[NewEntry]) -> int: ...
    def remove_entries(self, bank: str, signal_type: str, signals: Sequence[str]) -> int: ...
    def iter_entries(self, bank: str) -> Iterator[BankEntry]: ...
    def iter_signals(
        self, signal_types: Sequence[str], after_id: int = 0, batch: int = 100_000
    ) -> Iterator[list[tuple[int, str]]]: ...
    def max_entry_id(self) -> int: ...
    def count_entries(self, signal_types: Sequence[str], up_to_id: int | None = None) -> int: ...
    def resolve_entries(self, ids: Sequence[int]) -> dict[int, EntryRef]: ...
    def find_exact(self, signal_type: str, signals: Sequence[str]) -> list[EntryRef]: ...
    def allowlist_scopes(self, entry_ids: Sequence[int]) -> dict[int, list[AllowlistScope]]: ...
    # scans
    def start_scan(self, root: str) -> int: ...
    def finish_scan(self, scan_id: int, summary: dict[str, Any]) -> None: ...
    def save_scan_records(self, scan_id: int, records: Sequence[ScanRecord]) -> None: ...
    def load_scan_records(self, keys: Sequence[str]) -> dict[str, ScanRecord]: ...
    def load_scan_records_under(self, prefix: str) -> dict[str, ScanRecord]: ...
    def close(self) -> None: ...
