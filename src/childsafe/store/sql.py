"""The SQLAlchemy store: SQLite (WAL, one writer) by default, any SQLAlchemy URL otherwise."""
# long-module: SqlStore implements the whole Store port (banks, entries, scans, matches) for SQLite and every other
#   SQLAlchemy URL; the port's methods belong to one class.

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, create_engine, delete, event, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from childsafe.errors import BankExistsError, BankNotFoundError, ConfigError, StoreError
from childsafe.media.signals import get_signal_type
from childsafe.store.base import (
    CONTENT_ENABLED,
    AllowlistScope,
    Bank,
    BankEntry,
    EntryRef,
    NewEntry,
    ScanRecord,
    content_enabled,
)
from childsafe.store.migrate import upgrade
from childsafe.store.schema import (
    allowlist_scopes,
    bank_contents,
    bank_entries,
    banks,
    face_media,
    faces,
    scan_items,
    scans,
    schema_info,
)

__all__ = ["SqlStore", "open_store", "SCHEMA_VERSION"]

SCHEMA_VERSION = 13  # v2 faces, v3 network, v4 service, v5 review, v6 audit MACs, v7 allowlist scopes,
#                    v8 author roles, v9 scan findings, v10 network media signals, v11 cases,
#                    v12 case run stages, v13 HMA bank contents (Alembic)
_INSERT_BATCH = 5_000
# SQLite limits bound parameters per statement; stay far below it for IN (...) lists.
_IN_BATCH = 500


def _now() -> datetime:
    return datetime.now(UTC)


def open_store(url: str) -> SqlStore:
    """Open (creating and migrating if needed) the store at a SQLAlchemy URL."""
    return SqlStore(url)


class SqlStore:
    def __init__(self, url: str) -> None:
        self.url = url
        try:
            if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
                Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, future=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            self._migrate()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open store: {exc.__class__.__name__}: {exc}") from exc
        except OSError as exc:
            raise StoreError(f"cannot open store: {exc}") from exc

    def _migrate(self) -> None:
        # Numbered Alembic revisions (store/migrations), the same on SQLite and PostgreSQL.
        # ``schema_info.version`` is kept so that releases from before Alembic refuse a newer store.
        upgrade(self.engine)
        with self.engine.begin() as conn:
            row = conn.execute(select(schema_info.c.value).where(schema_info.c.key == "version")).first()
            if row is None:
                conn.execute(insert(schema_info).values(key="version", value=str(SCHEMA_VERSION)))
            elif int(row[0]) != SCHEMA_VERSION:
                conn.execute(update(schema_info).where(schema_info.c.key == "version")
                             .values(value=str(SCHEMA_VERSION)))

    def close(self) -> None:
        self.engine.dispose()

    # -- banks ------------------------------------------------------------------------------
    def create_bank(self, name: str, *, pdq_threshold: int = 31, allowlist: bool = False) -> Bank:
        _check_bank_name(name)
        _check_threshold(pdq_threshold)
        try:
            with self.engine.begin() as conn:
                conn.execute(
                    insert(banks).values(
                        name=name, allowlist=allowlist, pdq_threshold=pdq_threshold,
                        enabled=True, created_at=_now(),
                    )
                )
        except IntegrityError as exc:
            raise BankExistsError(f"bank {name!r} already exists") from exc
        return self.get_bank(name)

    def get_bank(self, name: str) -> Bank:
        with self.engine.connect() as conn:
            return self._bank(conn, name)

    def _bank(self, conn: Connection, name: str) -> Bank:
        count = (
            select(func.count()).select_from(bank_entries)
            .where(bank_entries.c.bank_id == banks.c.id).scalar_subquery()
        )
        # No bank name holds a NUL (creation refuses it), and PostgreSQL refuses it in any text: not found.
        row = None if "\x00" in name else conn.execute(
            select(banks, count.label("n")).where(banks.c.name == name)).first()
        if row is None:
            raise BankNotFoundError(f"no bank named {name!r} (see 'childsafe bank list')")
        return _bank_from_row(row)

    def list_banks(self) -> list[Bank]:
        count = (
            select(bank_entries.c.bank_id, func.count().label("n"))
            .group_by(bank_entries.c.bank_id).subquery()
        )
        query = (
            select(banks, func.coalesce(count.c.n, 0).label("n"))
            .select_from(banks.outerjoin(count, count.c.bank_id == banks.c.id))
            .order_by(banks.c.name)
        )
        with self.engine.connect() as conn:
            return [_bank_from_row(r) for r in conn.execute(query)]

    def delete_bank(self, name: str) -> None:
        with self.engine.begin() as conn:
            bank = self._bank(conn, name)
            conn.execute(delete(bank_entries).where(bank_entries.c.bank_id == bank.id))
            conn.execute(delete(banks).where(banks.c.id == bank.id))

    def set_bank_enabled(self, name: str, enabled: bool) -> Bank:
        with self.engine.begin() as conn:
            bank = self._bank(conn, name)
            conn.execute(update(banks).where(banks.c.id == bank.id).values(enabled=enabled))
            return self._bank(conn, name)

    def set_bank_threshold(self, name: str, threshold: int) -> Bank:
        _check_threshold(threshold)
        with self.engine.begin() as conn:
            bank = self._bank(conn, name)
            conn.execute(update(banks).where(banks.c.id == bank.id).values(pdq_threshold=threshold))
            return self._bank(conn, name)

    # -- entries ----------------------------------------------------------------------------
    def add_entries(self, bank: str, entries: Iterable[NewEntry]) -> int:
        """Add entries in one transaction (all or nothing); duplicates in the bank are skipped.

        Returns how many new entries were stored.
        """
        added = 0
        now = _now()
        with self.engine.begin() as conn:
            bank_id = self._bank(conn, bank).id
            before = self._count_bank(conn, bank_id)
            batch: list[dict[str, Any]] = []
            for e in entries:
                signal = get_signal_type(e.signal_type).validate(e.signal)
                batch.append({"bank_id": bank_id, "signal_type": get_signal_type(e.signal_type).name,
                              "signal": signal, "label": e.label, "source": e.source, "added_at": now})
                if len(batch) >= _INSERT_BATCH:
                    self._insert_ignore(conn, batch)
                    batch = []
            if batch:
                self._insert_ignore(conn, batch)
            added = self._count_bank(conn, bank_id) - before
        return added

    @staticmethod
    def _count_bank(conn: Connection, bank_id: int) -> int:
        q = select(func.count()).select_from(bank_entries).where(bank_entries.c.bank_id == bank_id)
        return int(conn.execute(q).scalar_one())

    def _insert_ignore(self, conn: Connection, rows: list[dict[str, Any]]) -> None:
        dialect = self.engine.dialect.name
        if dialect == "sqlite":
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        elif dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert  # type: ignore[assignment]
        else:  # pragma: no cover - other back ends: check first, then insert
            existing = {
                (r["signal_type"], r["signal"]) for r in rows
                if conn.execute(select(bank_entries.c.id).where(
                    bank_entries.c.bank_id == r["bank_id"], bank_entries.c.signal_type == r["signal_type"],
                    bank_entries.c.signal == r["signal"])).first()
            }
            fresh = [r for r in rows if (r["signal_type"], r["signal"]) not in existing]
            if fresh:
                conn.execute(insert(bank_entries), fresh)
            return
        conn.execute(dialect_insert(bank_entries).on_conflict_do_nothing(), rows)

    def remove_entries(self, bank: str, signal_type: str, signals: Sequence[str]) -> int:
        kind = get_signal_type(signal_type)
        normalised = [kind.validate(s) for s in signals]
        removed = 0
        with self.engine.begin() as conn:
            bank_id = self._bank(conn, bank).id
            for i in range(0, len(normalised), _IN_BATCH):
                result = conn.execute(
                    delete(bank_entries).where(
                        bank_entries.c.bank_id == bank_id,
                        bank_entries.c.signal_type == kind.name,
                        bank_entries.c.signal.in_(normalised[i : i + _IN_BATCH]),
                    )
                )
                removed += result.rowcount or 0
        return removed

    def iter_entries(self, bank: str) -> Iterator[BankEntry]:
        with self.engine.connect() as conn:
            b = self._bank(conn, bank)
            last = 0
            while True:
                rows = conn.execute(
                    select(bank_entries).where(bank_entries.c.bank_id == b.id, bank_entries.c.id > last)
                    .order_by(bank_entries.c.id).limit(_INSERT_BATCH)
                ).all()
                if not rows:
                    return
                for r in rows:
                    yield BankEntry(r.id, b.name, r.signal_type, r.signal, r.label, r.source,
                                    r.added_at)
                last = rows[-1].id

    def iter_signals(
        self, signal_types: Sequence[str], after_id: int = 0, batch: int = 100_000
    ) -> Iterator[list[tuple[int, str]]]:
        """(entry id, signal) of the given types with id > ``after_id``, in id order, batched."""
        last = after_id
        with self.engine.connect() as conn:
            while True:
                rows = conn.execute(
                    select(bank_entries.c.id, bank_entries.c.signal)
                    .where(bank_entries.c.signal_type.in_(list(signal_types)), bank_entries.c.id > last)
                    .order_by(bank_entries.c.id).limit(batch)
                ).all()
                if not rows:
                    return
                yield [(int(r[0]), str(r[1])) for r in rows]
                last = int(rows[-1][0])

    def max_entry_id(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.coalesce(func.max(bank_entries.c.id), 0))).scalar_one())

    def count_entries(self, signal_types: Sequence[str], up_to_id: int | None = None) -> int:
        q = select(func.count()).select_from(bank_entries).where(
            bank_entries.c.signal_type.in_(list(signal_types))
        )
        if up_to_id is not None:
            q = q.where(bank_entries.c.id <= up_to_id)
        with self.engine.connect() as conn:
            return int(conn.execute(q).scalar_one())

    def resolve_entries(self, ids: Sequence[int]) -> dict[int, EntryRef]:
        """Entries (with their bank) for ids that still exist; deleted ids are simply absent."""
        out: dict[int, EntryRef] = {}
        unique = sorted(set(int(i) for i in ids))
        with self.engine.connect() as conn:
            for i in range(0, len(unique), _IN_BATCH):
                rows = conn.execute(
                    _ref_query().where(bank_entries.c.id.in_(unique[i : i + _IN_BATCH]))
                )
                out.update((r.id, _ref_from_row(r)) for r in rows)
        return out

    def allowlist_scopes(self, entry_ids: Sequence[int]) -> dict[int, list[AllowlistScope]]:
        """The scopes of allowlist entries made by review decisions; entries made by hand have none."""
        out: dict[int, list[AllowlistScope]] = {}
        unique = sorted(set(int(i) for i in entry_ids))
        s = allowlist_scopes.c
        with self.engine.connect() as conn:
            for i in range(0, len(unique), _IN_BATCH):
                rows = conn.execute(select(s.entry_id, s.bank, s.signal_type, s.signal, s.distance)
                                    .where(s.entry_id.in_(unique[i : i + _IN_BATCH])).order_by(s.id))
                for r in rows:
                    out.setdefault(int(r.entry_id), []).append(
                        AllowlistScope(r.bank, r.signal_type, r.signal, int(r.distance)))
        return out

    def find_exact(self, signal_type: str, signals: Sequence[str]) -> list[EntryRef]:
        kind = get_signal_type(signal_type)
        values = sorted({kind.validate(s) for s in signals})
        out: list[EntryRef] = []
        with self.engine.connect() as conn:
            for i in range(0, len(values), _IN_BATCH):
                rows = conn.execute(
                    _ref_query().where(bank_entries.c.signal_type == kind.name,
                                       bank_entries.c.signal.in_(values[i : i + _IN_BATCH]))
                )
                out.extend(_ref_from_row(r) for r in rows)
        return out

    # -- scans ------------------------------------------------------------------------------
    def start_scan(self, root: str) -> int:
        with self.engine.begin() as conn:
            result = conn.execute(insert(scans).values(root=root, started_at=_now()))
            return int(result.inserted_primary_key[0])  # type: ignore[index]

    def finish_scan(self, scan_id: int, summary: dict[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(scans).where(scans.c.id == scan_id)
                         .values(finished_at=_now(), summary=json.dumps(summary)))

    def save_scan_records(self, scan_id: int, records: Sequence[ScanRecord]) -> None:
        """Upsert a batch of item results in one transaction (durable once this returns)."""
        if not records:
            return
        # Imported here: findings come from matching and triage, which import the store's base types.
        from childsafe.store.scan_findings import dump_findings, scan_record_findings

        now = _now()
        records = list({r.key: r for r in records}.values())  # one row per key, last wins
        rows = []
        for r in records:
            findings, urgency = dump_findings(scan_record_findings(r.key, r.record))
            rows.append({"key": r.key, "scan_id": scan_id, "size": r.size, "mtime_ns": r.mtime_ns,
                         "sha256": r.record.get("sha256"), "record": json.dumps(r.record), "scanned_at": now,
                         "findings": findings, "urgency": urgency})
        with self.engine.begin() as conn:
            keys = [r["key"] for r in rows]
            for i in range(0, len(keys), _IN_BATCH):
                conn.execute(delete(scan_items).where(scan_items.c.key.in_(keys[i : i + _IN_BATCH])))
            conn.execute(insert(scan_items), rows)

    def load_scan_records(self, keys: Sequence[str]) -> dict[str, ScanRecord]:
        out: dict[str, ScanRecord] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), _IN_BATCH):
                rows = conn.execute(
                    select(scan_items.c.key, scan_items.c.size, scan_items.c.mtime_ns, scan_items.c.record)
                    .where(scan_items.c.key.in_(list(keys[i : i + _IN_BATCH])))
                )
                for r in rows:
                    out[r.key] = ScanRecord(r.key, r.size, r.mtime_ns, json.loads(r.record))
        return out

    def load_scan_records_under(self, prefix: str) -> dict[str, ScanRecord]:
        """Every stored item whose key starts with ``prefix`` (an archive's members)."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        out: dict[str, ScanRecord] = {}
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(scan_items.c.key, scan_items.c.size, scan_items.c.mtime_ns, scan_items.c.record)
                .where(scan_items.c.key.like(escaped + "%", escape="\\"))
            )
            for r in rows:
                out[r.key] = ScanRecord(r.key, r.size, r.mtime_ns, json.loads(r.record))
        return out


    # -- faces ------------------------------------------------------------------------------
    def face_media_state(self, keys: Sequence[str]) -> dict[str, tuple[int | None, int | None]]:
        """(size, mtime_ns) of already indexed media, to skip unchanged files."""
        out: dict[str, tuple[int | None, int | None]] = {}
        with self.engine.connect() as conn:
            for i in range(0, len(keys), _IN_BATCH):
                rows = conn.execute(select(face_media.c.key, face_media.c.size, face_media.c.mtime_ns)
                                    .where(face_media.c.key.in_(list(keys[i : i + _IN_BATCH]))))
                out.update((r.key, (r.size, r.mtime_ns)) for r in rows)
        return out

    def replace_faces(self, key: str, size: int | None, mtime_ns: int | None, error: str | None,
                      found: Sequence[tuple[int, int, int, int, float, float | None, bytes]]) -> None:
        """Store one media item's faces (x, y, w, h, score, frame_time, descriptor), replacing old ones."""
        with self.engine.begin() as conn:
            conn.execute(delete(faces).where(faces.c.media_key == key))
            conn.execute(delete(face_media).where(face_media.c.key == key))
            conn.execute(insert(face_media).values(key=key, size=size, mtime_ns=mtime_ns, faces=len(found),
                                                   error=error, indexed_at=_now()))
            if found:
                conn.execute(insert(faces), [
                    {"media_key": key, "x": x, "y": y, "w": w, "h": h, "score": sc, "frame_time": t,
                     "descriptor": d} for x, y, w, h, sc, t, d in found])

    def load_faces(self) -> list[tuple[str, tuple[int, int, int, int], float | None, bytes]]:
        """Every stored face: (media key, box, frame time, descriptor bytes), in id order."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(faces.c.media_key, faces.c.x, faces.c.y, faces.c.w, faces.c.h,
                                       faces.c.frame_time, faces.c.descriptor).order_by(faces.c.id))
            return [(r.media_key, (r.x, r.y, r.w, r.h), r.frame_time, bytes(r.descriptor)) for r in rows]


def _ref_query() -> Select[Any]:
    return select(
        bank_entries.c.id, banks.c.name.label("bank"), banks.c.allowlist, banks.c.enabled,
        banks.c.pdq_threshold, bank_entries.c.signal_type, bank_entries.c.signal,
        bank_entries.c.label, bank_entries.c.source, bank_entries.c.content_id,
        bank_contents.c.disable_until_ts, banks.c.matching_ratio,
    ).select_from(bank_entries.join(banks, banks.c.id == bank_entries.c.bank_id)
                  .outerjoin(bank_contents, bank_contents.c.id == bank_entries.c.content_id))


def _ref_from_row(r: Any) -> EntryRef:
    until = CONTENT_ENABLED if r.disable_until_ts is None else int(r.disable_until_ts)
    ratio = (1.0 if r.matching_ratio is None else float(r.matching_ratio)) if r.enabled else 0.0
    return EntryRef(int(r.id), r.bank, bool(r.allowlist), bool(r.enabled), int(r.pdq_threshold),
                    r.signal_type, r.signal, r.label, r.source, int(r.content_id or r.id),
                    content_enabled(until, time.time()), ratio)


def _bank_from_row(r: Any) -> Bank:
    created = r.created_at if r.created_at.tzinfo else r.created_at.replace(tzinfo=UTC)
    return Bank(int(r.id), r.name, bool(r.allowlist), int(r.pdq_threshold), bool(r.enabled),
                created, int(r.n))


def _check_bank_name(name: str) -> None:
    """The one rule for new bank names (CLI, API, imports): they are used in URL paths and file names.

    A ``/`` made a bank that no route could reach; ``.``/``..`` and ``\\`` are path tricks.  Existing
    banks with other names keep working: only creation checks.
    """
    if (not name or len(name) > 200 or name.startswith(".")
            or not all(ch.isalnum() or ch in "_-." for ch in name)):
        raise ConfigError(f"invalid bank name {name!r}: use 1-200 letters, digits, '_', '-' or '.' "
                          "(not starting with '.'), e.g. 'ncmec-2024'")


def _check_threshold(threshold: int) -> None:
    if not 0 <= threshold <= 128:
        raise ConfigError(f"PDQ threshold {threshold} out of range 0..128 (default 31)")


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # NORMAL in WAL mode: a killed process loses no committed transaction (only power loss can).
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
