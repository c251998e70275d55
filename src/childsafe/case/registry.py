"""The case registry: create, list, open and delete cases, each one its own evidence store.

**A case is its own evidence store** (:mod:`childsafe.case.stores`): a SQLite file per case, or a
PostgreSQL schema per case.  Forensic tools keep one case database per case; here that gives
isolation by construction (no ``case_id`` column on twenty tables, so no query can forget to filter
by it) and retention by dropping one store.  Opening a case's store runs the normal migrations on it.

**The main store is the house's**: banks, bank entries and allowlists, users, tokens, review
sessions, this registry (the ``cases`` table) and the main audit log.  **A case's store holds the
case's evidence**: scans and scan items, faces, the network, author risks, conversations, review
decisions and exposure, its inputs, and its own audit chain (a decision is written in the same
transaction as its audit entry, so both live in one database), whose checkpoints go beside the
case's store.  Matching in a case reads the main store's banks, and a false positive decided in a
case writes its allowlist entry to the main store's reviewer allowlist
(:class:`~childsafe.store.review.ReviewStore`).

**The default case is the main store itself**: records made outside a case (every command without
``--case``) stay valid in the case named ``default``, which is always listed first and can never be
deleted.

The registry works over the main store's services.  Those are :class:`childsafe.services.Services`,
a layer above this package, so they are described here by the small protocol :class:`CaseServices`:
:meth:`CaseRegistry.open` returns the same type it was given.
"""

from __future__ import annotations

import shutil
import unicodedata
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final, Generic, Protocol, Self, TypeVar

from sqlalchemy import func, insert, inspect, select, text, update

from childsafe.case.model import DEFAULT_CASE, Case, DeleteSummary
from childsafe.case.stores import case_folder, case_schema, case_store_exists, prepare_case_store
from childsafe.config import Settings
from childsafe.errors import CaseExistsError, CaseNotFoundError, ConfigError, StoreError
from childsafe.store.schema import cases, metadata

if TYPE_CHECKING:
    from collections.abc import Sequence

    from childsafe.matching import Matcher
    from childsafe.media.archives import ArchiveLimits
    from childsafe.media.hashing import HashOptions
    from childsafe.store.service import ServiceStore
    from childsafe.store.sql import SqlStore

__all__ = ["MAX_CASE_NAME", "CaseRegistry", "CaseServices", "check_case_name", "count_records"]

MAX_CASE_NAME: Final = 100
#: Tables not counted as a case's records when it is deleted: the schema's own bookkeeping.
_BOOKKEEPING: Final = frozenset({"schema_info", "alembic_version", "audit_head"})


class CaseServices(Protocol):
    """What the registry (and code of this layer, such as a case's run) may use of the services it is given.

    :class:`childsafe.services.Services` is one; its other methods are there too, but are named here only
    when their types live at or below this layer.
    """

    settings: Settings

    @property
    def store(self) -> SqlStore:
        """Where the case's records go (the case's own store; the main one for the default case)."""

    @property
    def bank_store(self) -> SqlStore:
        """The main store: banks, bank entries, the reviewer allowlist."""

    @property
    def case_name(self) -> str: ...

    def service_store(self) -> ServiceStore:
        """The case's audit log (with the house's key and the case's checkpoint file)."""

    def matcher(self, banks: Sequence[str] | None = None) -> Matcher:
        """A matcher over the main store's enabled banks (or only ``banks``)."""

    def hash_options(self, *, dihedral: bool = False, max_file_bytes: int | None = None) -> HashOptions: ...

    def archive_limits(self) -> ArchiveLimits: ...

    def for_case(self, case: Case) -> Self: ...

    def close(self) -> None: ...


S = TypeVar("S", bound=CaseServices)


def check_case_name(name: str) -> str:
    """The one rule for case names: shown everywhere and typed on command lines, never used in a path.

    No ``/`` or ``\\`` (a deleted case's row is renamed ``<name>/deleted-<id>``, which no live case
    can then take), no control or format characters, no surrounding spaces, 1-100 characters.
    """
    if not name or len(name) > MAX_CASE_NAME:
        raise ConfigError(f"invalid case name {name!r}: use 1-{MAX_CASE_NAME} characters, e.g. 'op-harbour-2026'")
    if "/" in name or "\\" in name:
        raise ConfigError(f"invalid case name {name!r}: '/' and '\\' are not allowed")
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in name):
        raise ConfigError(f"invalid case name {name!r}: control characters are not allowed")
    if name != name.strip():
        raise ConfigError(f"invalid case name {name!r}: no spaces at the start or end")
    return name


class CaseRegistry(Generic[S]):
    """Cases over the main store's services ``house`` (never a case's)."""

    def __init__(self, house: S) -> None:
        self.house = house

    @property
    def settings(self) -> Settings:
        return self.house.settings

    # -- reading ----------------------------------------------------------------------------
    def get(self, name: str) -> Case:
        """The live case named ``name``; :class:`~childsafe.errors.CaseNotFoundError` when there is none."""
        if name == DEFAULT_CASE:
            return _default()
        try:
            check_case_name(name)
        except ConfigError:  # no case can have it (and PostgreSQL refuses a NUL in a query): not found
            raise CaseNotFoundError(f"no case named {name!r} (see 'childsafe case list')") from None
        with self.house.store.engine.connect() as conn:
            row = conn.execute(select(cases).where(cases.c.name == name, cases.c.deleted_at.is_(None))).first()
        if row is None:
            raise CaseNotFoundError(f"no case named {name!r} (see 'childsafe case list')")
        return _case(row)

    def list(self) -> list[Case]:
        """The default case first, then the live cases in the order they were made."""
        with self.house.store.engine.connect() as conn:
            rows = conn.execute(select(cases).where(cases.c.deleted_at.is_(None)).order_by(cases.c.id)).all()
        return [_default(), *(_case(r) for r in rows)]

    def open(self, name: str) -> S:
        """The services of case ``name``: its store as ``.store``, the main store's banks for matching.

        The caller closes what it opened (``close()`` closes the case's store, never the main one).
        """
        return self.house.for_case(self.get(name))

    def counts(self, name: str) -> dict[str, int]:
        """Rows per table of the case's records (tables with none left out)."""
        opened = self.open(name)
        try:
            return count_records(opened.store)
        finally:
            opened.close()

    # -- writing ----------------------------------------------------------------------------
    def create(self, name: str, actor: str, note: str | None = None) -> Case:
        """A new case with an empty store (migrated), audited in the main audit log."""
        check_case_name(name)
        if name == DEFAULT_CASE:
            raise CaseExistsError(f"{DEFAULT_CASE!r} is the main store's case: it always exists")
        service = self.house.service_store()
        with service.transaction() as conn:
            taken = conn.execute(select(cases.c.id).where(cases.c.name == name)).first()
            if taken is not None:
                raise CaseExistsError(f"a case named {name!r} already exists (see 'childsafe case list')")
            now = datetime.now(UTC)
            result = conn.execute(insert(cases).values(name=name, created_at=now, created_by=actor, note=note))
            case_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            if case_store_exists(self.house.store.engine, self.settings, case_id):
                # Never mix evidence: a store left where this id's would go (a registry restored or
                # reset without its case stores) is refused, and nothing is created.
                raise StoreError(f"a case store for id {case_id} already exists ({self._where(case_id)}) but "
                                 "no case owns it: move it away or restore the registry that listed it")
            service.append_audit(conn, actor, "case.create", name, {
                "id": case_id, "store": self._where(case_id), "note": note})
        case = Case(case_id, name, now, actor, note)
        prepare_case_store(self.house.store.engine, self.settings, case_id)
        opened = self.house.for_case(case)
        try:
            opened.service_store()  # creates and migrates the store, and its audit chain's head
        finally:
            opened.close()
        return case

    def delete(self, name: str, actor: str) -> DeleteSummary:
        """Remove everything of case ``name`` (retention): its store and folder, audited in the main log.

        The counts of what is removed are taken first and written into the audit entry; the registry
        row is kept (renamed, with ``deleted_at``) so the log's entry keeps naming a known case.  On
        PostgreSQL the schema is dropped in the same transaction as the audit entry; on SQLite the
        folder (store, WAL and SHM files, checkpoints) is removed before that transaction commits, so
        a failure leaves the case listed.  The banks, the main store and other cases are not touched.
        Any other open connection to the case's store must be closed first.
        """
        case = self.get(name)
        if case.is_default:
            raise ConfigError(f"the {DEFAULT_CASE!r} case is the main store: it cannot be deleted "
                              "(delete a case made with 'childsafe case new')")
        removed = self.counts(name)
        service = self.house.service_store()
        where = self._where(case.id)
        with service.transaction() as conn:
            conn.execute(update(cases).where(cases.c.id == case.id)
                         .values(name=f"{case.name}/deleted-{case.id}", deleted_at=datetime.now(UTC)))
            entry = service.append_audit(conn, actor, "case.delete", case.name, {
                "id": case.id, "removed": removed, "rows": sum(removed.values()), "store": where})
            if conn.dialect.name == "postgresql":
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{case_schema(case.id)}" CASCADE'))
            folder = case_folder(self.settings, case.id)
            if folder.exists():
                try:
                    shutil.rmtree(folder)
                except OSError as exc:
                    raise StoreError(f"cannot remove the case folder {folder}: {exc}; the case is kept") from exc
        return DeleteSummary(case.name, removed, where, entry.id)

    def _where(self, case_id: int) -> str:
        if self.house.store.engine.dialect.name == "postgresql":
            return f"schema {case_schema(case_id)}"
        return str(case_folder(self.settings, case_id))


def count_records(store: SqlStore) -> dict[str, int]:
    """Rows per table of a store, bookkeeping tables and empty ones left out (what a case holds)."""
    out: dict[str, int] = {}
    with store.engine.connect() as conn:
        present = set(inspect(conn).get_table_names())
        for table in metadata.sorted_tables:
            if table.name in _BOOKKEEPING or table.name not in present:
                continue
            n = int(conn.execute(select(func.count()).select_from(table)).scalar_one())
            if n:
                out[table.name] = n
    return out


def _default() -> Case:
    return Case(0, DEFAULT_CASE, None, None, "the main store: records made outside a case")


def _case(r: Any) -> Case:
    created = r.created_at if r.created_at.tzinfo else r.created_at.replace(tzinfo=UTC)
    return Case(int(r.id), r.name, created, r.created_by, r.note)
