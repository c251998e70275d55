"""Bank writes made through the service: the change and its audit entry in one transaction.

Same rules and checks as :class:`~childsafe.store.sql.SqlStore` (it reuses that module's
per-connection helpers rather than copying them); the only difference is the connection, which
holds the audit lock so that the entry recording a change commits with the change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from childsafe.errors import BankExistsError, HashListFormatError
from childsafe.media.hashlists import MAX_KEPT_PROBLEMS, HashListEntry, HashListItem, HashListSkip
from childsafe.media.signals import get_signal_type
from childsafe.store.base import Bank, NewEntry
from childsafe.store.schema import bank_entries, banks
from childsafe.store.service import ServiceStore
from childsafe.store.sql import _check_bank_name, _check_threshold, _now

__all__ = ["AuditedBanks", "ImportReport"]

_BATCH = 5_000


@dataclass
class ImportReport:
    bank: str
    read: int = 0
    added: int = 0
    invalid: int = 0
    problems: list[tuple[int, str]] = field(default_factory=list)
    #: Lines the format understood and left out (a signal type childsafe does not match).
    skipped: int = 0
    skipped_lines: list[tuple[int, str]] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"bank": self.bank, "read": self.read, "added": self.added,
                "duplicates": self.read - self.added, "invalid": self.invalid,
                "problems": [{"line": n, "error": m} for n, m in self.problems[:100]],
                "skipped": self.skipped,
                "skipped_lines": [{"line": n, "reason": m} for n, m in self.skipped_lines[:100]]}


class AuditedBanks:
    def __init__(self, service: ServiceStore) -> None:
        self.service = service
        self.store = service.store

    def create(self, name: str, *, actor: str, pdq_threshold: int = 31, allowlist: bool = False,
               enabled: bool = True) -> Bank:
        _check_bank_name(name)
        _check_threshold(pdq_threshold)
        try:
            with self.service.transaction() as conn:
                conn.execute(insert(banks).values(name=name, allowlist=allowlist, pdq_threshold=pdq_threshold,
                                                  enabled=enabled, created_at=_now()))
                self.service.append_audit(conn, actor, "bank.create", name,
                                          {"pdq_threshold": pdq_threshold, "allowlist": allowlist, "enabled": enabled})
        except IntegrityError as exc:
            raise BankExistsError(f"bank {name!r} already exists") from exc
        return self.store.get_bank(name)

    def delete(self, name: str, *, actor: str) -> None:
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, name)
            conn.execute(delete(bank_entries).where(bank_entries.c.bank_id == bank.id))
            conn.execute(delete(banks).where(banks.c.id == bank.id))
            self.service.append_audit(conn, actor, "bank.delete", name, {"entries": bank.entry_count})

    def update(self, name: str, *, actor: str, enabled: bool | None = None,
               pdq_threshold: int | None = None) -> Bank:
        """A configuration change: enable/disable, PDQ threshold."""
        values: dict[str, Any] = {}
        if enabled is not None:
            values["enabled"] = enabled
        if pdq_threshold is not None:
            _check_threshold(pdq_threshold)
            values["pdq_threshold"] = pdq_threshold
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, name)
            if values:
                conn.execute(update(banks).where(banks.c.id == bank.id).values(**values))
                before = {k: getattr(bank, k) for k in values}
                self.service.append_audit(conn, actor, "bank.update", name, {"from": before, "to": values})
            return self.store._bank(conn, name)

    def add(self, name: str, entries: Iterable[NewEntry], *, actor: str, action: str = "bank.add",
            details: dict[str, Any] | None = None) -> tuple[int, list[int]]:
        """Add entries (duplicates skipped); returns (added, entry id of each given entry, in order)."""
        wanted = [(get_signal_type(e.signal_type).name, get_signal_type(e.signal_type).validate(e.signal), e)
                  for e in entries]
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, name)
            before = self.store._count_bank(conn, bank.id)
            rows = [{"bank_id": bank.id, "signal_type": kind, "signal": signal, "label": e.label,
                     "source": e.source, "added_at": _now()} for kind, signal, e in wanted]
            if rows:
                self.store._insert_ignore(conn, rows)
            added = self.store._count_bank(conn, bank.id) - before
            ids = [int(conn.execute(select(bank_entries.c.id).where(
                bank_entries.c.bank_id == bank.id, bank_entries.c.signal_type == kind,
                bank_entries.c.signal == signal)).scalar_one()) for kind, signal, _ in wanted]
            self.service.append_audit(conn, actor, action, name, {
                **(details or {}), "given": len(wanted), "added": added,
                "signals": [f"{kind}:{signal}" for kind, signal, _ in wanted[:20]]})
        return added, ids

    def import_items(self, name: str, items: Iterable[HashListItem], *, actor: str, source: str,
                     fmt: str, skip_invalid: bool = False) -> ImportReport:
        """Import a hash list read by a format reader: all or nothing unless ``skip_invalid``.

        Entries are written in batches inside one transaction as they are read, so memory stays
        constant; the first problem without ``skip_invalid`` rolls everything back.
        """
        report = ImportReport(name)
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, name)
            before = self.store._count_bank(conn, bank.id)
            batch: list[dict[str, Any]] = []
            for item in items:
                if isinstance(item, HashListSkip):
                    report.skipped += 1
                    if len(report.skipped_lines) < 100:
                        report.skipped_lines.append((item.line, item.reason))
                    continue
                if not isinstance(item, HashListEntry):
                    report.invalid += 1
                    if len(report.problems) < MAX_KEPT_PROBLEMS:
                        report.problems.append(item)
                    continue
                report.read += 1
                if report.invalid and not skip_invalid:
                    continue  # keep reading only to list every bad line
                batch.append({"bank_id": bank.id, "signal_type": item.signal_type, "signal": item.signal,
                              "label": item.label, "source": item.source or source, "added_at": _now()})
                if len(batch) >= _BATCH:
                    self.store._insert_ignore(conn, batch)
                    batch = []
            if report.invalid and not skip_invalid:
                noun = "invalid line" if report.invalid == 1 else "invalid lines"
                raise HashListFormatError(f"{source}: {report.invalid} {noun}", report.problems)
            if batch:
                self.store._insert_ignore(conn, batch)
            report.added = self.store._count_bank(conn, bank.id) - before
            self.service.append_audit(conn, actor, "bank.import", name, {
                "source": source, "format": fmt, "read": report.read, "added": report.added,
                "invalid": report.invalid, "skipped": report.skipped})
        return report
