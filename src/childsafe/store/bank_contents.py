"""HMA's "bank content": the signals of one piece of media under one id, with a note and metadata.

A content's id is the entry id of its first signal; its other entries point at it through
``bank_entries.content_id`` (NULL: the entry is a content of its own, as every entry added by
other doors).  So one id space serves both, and a lookup that hits any signal of a video reports
the same ``bank_content_id``.  The per-content fields HMA keeps (note, user metadata,
``disable_until_ts``) live in ``bank_contents``.  Every write is audited in its transaction.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from sqlalchemy import Connection, delete, func, insert, or_, select, update

from childsafe.errors import BankExistsError, BankNotFoundError
from childsafe.store.base import CONTENT_DISABLED, CONTENT_ENABLED, Bank
from childsafe.store.schema import bank_contents, bank_entries, banks
from childsafe.store.service import ServiceStore
from childsafe.store.sql import _now

__all__ = ["BankContent", "BankContents", "ENABLED", "DISABLED"]

ENABLED = CONTENT_ENABLED
DISABLED = CONTENT_DISABLED


@dataclass(frozen=True)
class BankContent:
    id: int
    bank: Bank
    disable_until_ts: int
    note: str | None
    meta: dict[str, Any] | None
    signals: dict[str, str]


class BankContents:
    def __init__(self, service: ServiceStore) -> None:
        self.service = service
        self.store = service.store

    # -- contents ---------------------------------------------------------------------------------
    def add(self, bank_name: str, signals: Mapping[str, str], *, actor: str, note: str | None = None,
            meta: dict[str, Any] | None = None, source: str = "api") -> int:
        """One content of already validated ``{signal_type: signal}``; returns its id.

        A signal already in the bank keeps its entry (duplicates are skipped, as everywhere in this
        store): when every signal given is already there, the id is the content of the first one and
        the note and metadata are not changed.
        """
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, bank_name)
            content_id: int | None = None
            existing_content: int | None = None
            added = 0
            for kind, value in signals.items():
                row = conn.execute(select(bank_entries.c.id, bank_entries.c.content_id).where(
                    bank_entries.c.bank_id == bank.id, bank_entries.c.signal_type == kind,
                    bank_entries.c.signal == value)).first()
                if row is not None:
                    if existing_content is None:
                        existing_content = int(row.content_id or row.id)
                    continue
                entry_id = int(conn.execute(insert(bank_entries).values(
                    bank_id=bank.id, signal_type=kind, signal=value, label=None, source=source,
                    added_at=_now(), content_id=content_id).returning(bank_entries.c.id)).scalar_one())
                if content_id is None:
                    content_id = entry_id
                    conn.execute(update(bank_entries).where(bank_entries.c.id == entry_id).values(content_id=entry_id))
                added += 1
            if content_id is not None:
                conn.execute(insert(bank_contents).values(
                    id=content_id, bank_id=bank.id, disable_until_ts=ENABLED, note=note,
                    meta=json.dumps(meta, sort_keys=True) if meta else None, created_at=_now()))
            result = content_id if content_id is not None else existing_content
            assert result is not None  # signals is never empty (the route refuses that)
            self.service.append_audit(conn, actor, "bank.add_content", bank_name, {
                "content_id": result, "given": len(signals), "added": added, "note": note is not None,
                "signals": [f"{k}:{v}" for k, v in list(signals.items())[:20]]})
        return result

    def get(self, bank_name: str, content_id: int) -> BankContent | None:
        with self.store.engine.connect() as conn:
            bank = self.store._bank(conn, bank_name)
            return self._get(conn, bank, content_id)

    def _get(self, conn: Connection, bank: Bank, content_id: int) -> BankContent | None:
        rows = conn.execute(select(bank_entries.c.signal_type, bank_entries.c.signal).where(
            bank_entries.c.bank_id == bank.id, _of_content(content_id)).order_by(bank_entries.c.id)).all()
        if not rows:
            return None
        extra = conn.execute(select(bank_contents).where(bank_contents.c.id == content_id)).first()
        meta = json.loads(extra.meta) if extra is not None and extra.meta else None
        return BankContent(content_id, bank, int(extra.disable_until_ts) if extra is not None else ENABLED,
                           extra.note if extra is not None else None, meta,
                           {r.signal_type: r.signal for r in rows})

    def update(self, bank_name: str, content_id: int, changes: Mapping[str, Any], *, actor: str) -> BankContent:
        """Set ``disable_until_ts`` and/or ``note`` (None clears it); BankNotFoundError/KeyError if absent."""
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, bank_name)
            before = self._get(conn, bank, content_id)
            if before is None:
                raise KeyError(content_id)
            values = {k: changes[k] for k in ("disable_until_ts", "note") if k in changes}
            if values:
                done = conn.execute(update(bank_contents).where(bank_contents.c.id == content_id).values(**values))
                if done.rowcount == 0:
                    conn.execute(insert(bank_contents).values(
                        id=content_id, bank_id=bank.id, disable_until_ts=values.get("disable_until_ts", ENABLED),
                        note=values.get("note"), meta=None, created_at=_now()))
                self.service.append_audit(conn, actor, "bank.update_content", bank_name, {
                    "content_id": content_id,
                    "from": {k: getattr(before, k) for k in values},
                    "to": values})
            after = self._get(conn, bank, content_id)
            assert after is not None
            return after

    def remove(self, bank_name: str, content_id: int, *, actor: str) -> int:
        """Delete a content and all its signals; the number of contents deleted (0 or 1)."""
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, bank_name)
            gone = conn.execute(delete(bank_entries).where(bank_entries.c.bank_id == bank.id,
                                                           _of_content(content_id))).rowcount
            conn.execute(delete(bank_contents).where(bank_contents.c.id == content_id,
                                                     bank_contents.c.bank_id == bank.id))
            if gone:
                self.service.append_audit(conn, actor, "bank.remove_content", bank_name,
                                          {"content_id": content_id, "entries": gone})
        return 1 if gone else 0

    def entry_time(self, entry_id: int) -> int:
        """When an entry was added (Unix seconds; -1 when it is gone): HMA's index checkpoints."""
        with self.store.engine.connect() as conn:
            added = conn.execute(select(bank_entries.c.added_at).where(bank_entries.c.id == entry_id)).scalar()
        if added is None:
            return -1
        return int((added if added.tzinfo else added.replace(tzinfo=UTC)).timestamp())

    def newest_entry(self, signal_type: str) -> int | None:
        with self.store.engine.connect() as conn:
            newest = conn.execute(select(func.max(bank_entries.c.id)).where(
                bank_entries.c.signal_type == signal_type)).scalar()
        return None if newest is None else int(newest)

    # -- banks (HMA's rename and partial matching ratio) -----------------------------------------
    def ratios(self) -> dict[str, float]:
        """HMA's ``matching_enabled_ratio`` of every bank."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(banks.c.name, banks.c.enabled, banks.c.matching_ratio)).all()
        return {r.name: _ratio(bool(r.enabled), r.matching_ratio) for r in rows}

    def ratio(self, bank_name: str) -> float:
        with self.store.engine.connect() as conn:
            row = None if "\x00" in bank_name else conn.execute(
                select(banks.c.enabled, banks.c.matching_ratio).where(banks.c.name == bank_name)).first()
        if row is None:
            raise BankNotFoundError(f"no bank named {bank_name!r}")
        return _ratio(bool(row.enabled), row.matching_ratio)

    def configure(self, bank_name: str, *, actor: str, new_name: str | None = None,
                  ratio: float | None = None) -> str:
        """Rename and/or set the matching ratio (0 disables, 1 enables); returns the bank's name."""
        with self.service.transaction() as conn:
            bank = self.store._bank(conn, bank_name)
            values: dict[str, Any] = {}
            if new_name is not None and new_name != bank.name:
                if conn.execute(select(banks.c.id).where(banks.c.name == new_name)).first() is not None:
                    raise BankExistsError(f"bank {new_name!r} already exists")
                values["name"] = new_name
            if ratio is not None:
                values["enabled"] = ratio > 0.0
                values["matching_ratio"] = None if ratio in (0.0, 1.0) else ratio
            if values:
                conn.execute(update(banks).where(banks.c.id == bank.id).values(**values))
                self.service.append_audit(conn, actor, "bank.update", bank_name, {"to": values})
            return str(values.get("name", bank.name))


def _of_content(content_id: int) -> Any:
    return or_(bank_entries.c.content_id == content_id,
               (bank_entries.c.id == content_id) & bank_entries.c.content_id.is_(None))


def _ratio(enabled: bool, matching_ratio: float | None) -> float:
    if not enabled:
        return 0.0
    return 1.0 if matching_ratio is None else float(matching_ratio)
