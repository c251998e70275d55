"""The service's tables: accounts, API tokens, the hash-chained audit log, jobs, audited bank writes.

:class:`ServiceStore` wraps a :class:`~childsafe.store.sql.SqlStore` (same engine, same file) the
way :class:`~childsafe.store.graph.GraphStore` does.  Every write that must be attributable runs in
:meth:`ServiceStore.transaction` and appends its audit entry in that same transaction: the action
and its record commit together or not at all.

**The chain.**  Entry *n* stores ``hash = SHA-256(canonical JSON of {id, at, actor, action, target,
details, prev_hash})`` with ``prev_hash`` the hash of entry *n-1* (64 zeros for entry 1).  Ids are
1, 2, 3... with no gap, and the row ``audit_head`` holds the last id, the number of entries and the
last hash, updated in the same transaction as each append.  :meth:`ServiceStore.verify_audit`
recomputes everything and so detects: an edited entry (its hash), an entry removed or reordered
(a gap in the ids, or a ``prev_hash`` that no longer matches), and a removed tail (the head says
there were more).  What it cannot detect: someone with write access to the database who rewrites
every later hash *and* the head consistently, or a restore of an older copy of the whole database.
Both need an anchor kept outside the database: record the head hash that ``childsafe audit verify``
prints (a ticket, a signed e-mail, a second system) and compare later.

**Serialising appends.**  Each append reads the head and writes the next entry; two appends that
read the same head would fork the chain.  So the head row is locked before it is read: PostgreSQL
``SELECT ... FOR UPDATE``; SQLite has one writer per database, and the first statement of an audited
transaction is a write to the head row, which takes the write lock before anything is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateIndex

from childsafe.errors import AlreadyExistsError, AuditIntegrityError, ConfigError, NotFoundError
from childsafe.store.schema import api_tokens, audit_head, audit_log, ix_entries_type_id, jobs, review_sessions, users
from childsafe.store.sql import SqlStore

__all__ = [
    "ROLES", "GENESIS", "User", "AuditEntry", "AuditReport", "Job", "ServiceStore",
    "token_digest", "entry_hash", "canonical_json",
]

ROLES = ("admin", "reviewer", "api-client")
GENESIS = "0" * 64
_BATCH = 5_000


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def canonical_json(obj: Any) -> str:
    """The one serialisation that is hashed: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def entry_hash(entry_id: int, at: str, actor: str, action: str, target: str | None,
               details: dict[str, Any], prev_hash: str) -> str:
    body = {"id": entry_id, "at": at, "actor": actor, "action": action, "target": target,
            "details": details, "prev_hash": prev_hash}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def token_digest(token: str) -> str:
    """What is stored for an API token.  Tokens carry 256 random bits, so a fast hash is enough."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str
    disabled: bool
    has_password: bool
    created_at: datetime

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "disabled": self.disabled,
                "has_password": self.has_password, "created_at": self.created_at.isoformat()}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    target: str | None
    details: dict[str, Any]
    prev_hash: str
    hash: str

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "actor": self.actor, "action": self.action,
                "target": self.target, "details": self.details, "prev_hash": self.prev_hash,
                "hash": self.hash}


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries: int
    head: str  # hash of the last intact entry (GENESIS when empty)
    first_bad: int | None = None
    problem: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"ok": self.ok, "entries": self.entries, "head": self.head,
                "first_bad": self.first_bad, "problem": self.problem}


@dataclass(frozen=True)
class Job:
    id: int
    kind: str
    state: str
    params: dict[str, Any]
    progress: dict[str, Any]
    result: dict[str, Any] | None
    error: str | None
    created_by: str
    owner: str | None
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    def to_record(self) -> dict[str, Any]:
        def iso(d: datetime | None) -> str | None:
            return None if d is None else d.isoformat()
        return {"id": self.id, "kind": self.kind, "state": self.state, "params": self.params,
                "progress": self.progress, "result": self.result, "error": self.error,
                "created_by": self.created_by, "created_at": iso(self.created_at),
                "started_at": iso(self.started_at), "finished_at": iso(self.finished_at)}


def process_owner() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


class ServiceStore:
    """Accounts, tokens, audit and jobs in the store's database."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self.engine = store.engine
        with self.engine.begin() as conn:  # additive v4 migration for stores made before it
            conn.execute(CreateIndex(ix_entries_type_id, if_not_exists=True))
        self._ensure_head()

    def _ensure_head(self) -> None:
        # Created once, for an empty log only: a head deleted from a non-empty log must stay
        # missing so that verification reports it instead of silently starting over.
        with self.engine.begin() as conn:
            if conn.execute(select(audit_head.c.id).where(audit_head.c.id == 1)).first() is not None:
                return
            if conn.execute(select(func.count()).select_from(audit_log)).scalar_one():
                return
        try:
            with self.engine.begin() as conn:
                conn.execute(insert(audit_head).values(id=1, last_id=0, entries=0, hash=GENESIS))
        except IntegrityError:
            pass  # another process created it first

    # -- transactions and the audit chain ---------------------------------------------------
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """A write transaction holding the audit lock; pass the connection to :meth:`append_audit`."""
        with self.engine.begin() as conn:
            self._lock_head(conn)
            yield conn

    def _lock_head(self, conn: Connection) -> None:
        if self.engine.dialect.name == "sqlite":
            conn.execute(update(audit_head).where(audit_head.c.id == 1)
                         .values(entries=audit_head.c.entries))
        else:
            conn.execute(select(audit_head.c.id).where(audit_head.c.id == 1).with_for_update())

    def append_audit(self, conn: Connection | None, actor: str, action: str, target: str | None = None,
                     details: dict[str, Any] | None = None) -> AuditEntry:
        """Append one entry; inside ``conn``'s transaction when given, else in its own.

        ``details`` must be JSON (and must never hold a secret: it is kept forever).
        """
        if conn is None:
            with self.transaction() as own:
                return self.append_audit(own, actor, action, target, details)
        self._lock_head(conn)  # no-op when the caller used transaction(); needed when it did not
        head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
        if head is None:
            raise AuditIntegrityError("the audit head row is missing: run 'childsafe audit verify'")
        body = json.loads(canonical_json(details or {}))  # what is hashed is what reads back
        entry_id = int(head.last_id) + 1
        at = _now().isoformat(timespec="microseconds")
        digest = entry_hash(entry_id, at, actor, action, target, body, head.hash)
        conn.execute(insert(audit_log).values(id=entry_id, at=at, actor=actor, action=action, target=target,
                                              details=canonical_json(body), prev_hash=head.hash, hash=digest))
        conn.execute(update(audit_head).where(audit_head.c.id == 1)
                     .values(last_id=entry_id, entries=audit_head.c.entries + 1, hash=digest))
        return AuditEntry(entry_id, at, actor, action, target, body, head.hash, digest)

    def audit_entries(self, after_id: int = 0, limit: int = 100) -> list[AuditEntry]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(audit_log).where(audit_log.c.id > after_id)
                                .order_by(audit_log.c.id).limit(limit)).all()
        return [AuditEntry(int(r.id), r.at, r.actor, r.action, r.target, json.loads(r.details),
                           r.prev_hash, r.hash) for r in rows]

    def verify_audit(self) -> AuditReport:
        """Recompute the whole chain and compare with the head (see the module docstring)."""
        expected, prev, count = 1, GENESIS, 0
        with self.engine.connect() as conn:
            last = 0
            while True:
                rows = conn.execute(select(audit_log).where(audit_log.c.id > last)
                                    .order_by(audit_log.c.id).limit(_BATCH)).all()
                if not rows:
                    break
                for r in rows:
                    bad = _check_entry(r, expected, prev)
                    if bad is not None:
                        return AuditReport(False, count, prev, bad[0], bad[1])
                    prev, expected, count = r.hash, expected + 1, count + 1
                last = int(rows[-1].id)
            head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
        if head is None:
            if count:
                return AuditReport(False, count, prev, count, "the audit head row is missing")
            return AuditReport(True, 0, GENESIS)
        if int(head.last_id) != count or int(head.entries) != count:
            return AuditReport(False, count, prev, count + 1,
                               f"entries {count + 1}..{int(head.last_id)} are missing "
                               f"(the head records {int(head.entries)} entries, the log holds {count})")
        if head.hash != prev:
            return AuditReport(False, count, prev, count or None, "the head hash differs from the last entry")
        return AuditReport(True, count, prev)

    # -- users --------------------------------------------------------------------------------
    def create_user(self, name: str, role: str, password_hash: str | None, *, actor: str) -> User:
        _check_user_name(name)
        if role not in ROLES:
            raise ConfigError(f"unknown role {role!r}: use {', '.join(ROLES)}")
        try:
            with self.transaction() as conn:
                conn.execute(insert(users).values(name=name, role=role, password_hash=password_hash,
                                                  disabled=False, created_at=_now()))
                self.append_audit(conn, actor, "user.create", name,
                                  {"role": role, "password": password_hash is not None})
        except IntegrityError as exc:
            raise AlreadyExistsError(f"user {name!r} already exists") from exc
        return self.get_user(name)

    def get_user(self, name: str) -> User:
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).first()
        if row is None:
            raise NotFoundError(f"no user named {name!r} (see 'childsafe user list')")
        return _user(row)

    def list_users(self) -> list[User]:
        with self.engine.connect() as conn:
            return [_user(r) for r in conn.execute(select(users).order_by(users.c.name))]

    def password_hash(self, name: str) -> tuple[User, str | None] | None:
        """The user and their stored password hash, for login; None when there is no such user."""
        with self.engine.connect() as conn:
            row = conn.execute(select(users).where(users.c.name == name)).first()
        return None if row is None else (_user(row), row.password_hash)

    def update_user(self, name: str, *, actor: str, role: str | None = None, disabled: bool | None = None,
                    password_hash: str | None = None) -> User:
        values: dict[str, Any] = {}
        if role is not None:
            if role not in ROLES:
                raise ConfigError(f"unknown role {role!r}: use {', '.join(ROLES)}")
            values["role"] = role
        if disabled is not None:
            values["disabled"] = disabled
        if password_hash is not None:
            values["password_hash"] = password_hash
        if not values:
            return self.get_user(name)
        with self.transaction() as conn:
            done = conn.execute(update(users).where(users.c.name == name).values(**values))
            if not done.rowcount:
                raise NotFoundError(f"no user named {name!r}")
            shown = {k: v for k, v in values.items() if k != "password_hash"}
            if password_hash is not None:
                shown["password_changed"] = True
            if password_hash is not None or disabled:
                # A new password or a disabled account ends every review UI session the user had:
                # whoever held the old password (or the account) keeps nothing, also after re-enabling.
                ended = conn.execute(delete(review_sessions).where(review_sessions.c.user_name == name))
                shown["sessions_ended"] = ended.rowcount or 0
            self.append_audit(conn, actor, "user.update", name, shown)
        return self.get_user(name)

    # -- tokens -------------------------------------------------------------------------------
    def add_token(self, user_name: str, digest: str, *, actor: str, label: str | None = None) -> int:
        """Store a token's digest for a user; the caller shows the token itself once, then forgets it."""
        with self.transaction() as conn:
            row = conn.execute(select(users.c.id).where(users.c.name == user_name)).first()
            if row is None:
                raise NotFoundError(f"no user named {user_name!r} (create it with 'childsafe user create')")
            result = conn.execute(insert(api_tokens).values(user_id=row.id, token_sha256=digest, label=label,
                                                            created_at=_now()))
            token_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            self.append_audit(conn, actor, "token.create", user_name, {"token_id": token_id, "label": label})
        return token_id

    def user_for_token(self, digest: str) -> tuple[User, int] | None:
        """(user, token id) for a live token of an enabled user, else None."""
        query = (select(users, api_tokens.c.id.label("token_id"))
                 .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
                 .where(api_tokens.c.token_sha256 == digest, api_tokens.c.revoked_at.is_(None),
                        users.c.disabled.is_(False)))
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else (_user(row), int(row.token_id))

    def list_tokens(self, user_name: str) -> list[dict[str, Any]]:
        user = self.get_user(user_name)
        with self.engine.connect() as conn:
            rows = conn.execute(select(api_tokens).where(api_tokens.c.user_id == user.id)
                                .order_by(api_tokens.c.id)).all()
        return [{"id": int(r.id), "user": user.name, "label": r.label,
                 "created_at": _aware(r.created_at).isoformat(),  # type: ignore[union-attr]
                 "revoked": r.revoked_at is not None} for r in rows]

    def revoke_token(self, token_id: int, *, actor: str) -> None:
        with self.transaction() as conn:
            row = conn.execute(select(api_tokens.c.id, users.c.name)
                               .select_from(api_tokens.join(users, users.c.id == api_tokens.c.user_id))
                               .where(api_tokens.c.id == token_id)).first()
            if row is None:
                raise NotFoundError(f"no token with id {token_id}")
            conn.execute(update(api_tokens).where(api_tokens.c.id == token_id, api_tokens.c.revoked_at.is_(None))
                         .values(revoked_at=_now()))
            self.append_audit(conn, actor, "token.revoke", row.name, {"token_id": token_id})

    # -- jobs ---------------------------------------------------------------------------------
    def create_job(self, kind: str, params: dict[str, Any], *, actor: str) -> Job:
        with self.transaction() as conn:
            result = conn.execute(insert(jobs).values(kind=kind, state="queued", params=json.dumps(params),
                                                      progress="{}", created_by=actor, created_at=_now()))
            job_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            self.append_audit(conn, actor, f"{kind}.submit", str(job_id), params)
        return self.get_job(job_id)

    def update_job(self, job_id: int, **values: Any) -> None:
        for key in ("progress", "result", "params"):
            if key in values and not isinstance(values[key], str):
                values[key] = json.dumps(values[key])
        with self.engine.begin() as conn:
            conn.execute(update(jobs).where(jobs.c.id == job_id).values(**values))

    def get_job(self, job_id: int) -> Job:
        with self.engine.connect() as conn:
            row = conn.execute(select(jobs).where(jobs.c.id == job_id)).first()
        if row is None:
            raise NotFoundError(f"no job with id {job_id}")
        return _job(row)

    def list_jobs(self, limit: int = 100) -> list[Job]:
        with self.engine.connect() as conn:
            return [_job(r) for r in conn.execute(select(jobs).order_by(jobs.c.id.desc()).limit(limit))]

    def mark_orphaned_jobs(self) -> int:
        """Jobs left queued or running by a server process of this host that no longer exists."""
        host = socket.gethostname()
        orphaned = 0
        with self.engine.begin() as conn:
            rows = conn.execute(select(jobs.c.id, jobs.c.owner)
                                .where(jobs.c.state.in_(["queued", "running"]))).all()
            for r in rows:
                owner_host, _, pid = (r.owner or "").rpartition(":")
                if owner_host == host and pid.isdigit() and not _alive(int(pid)):
                    conn.execute(update(jobs).where(jobs.c.id == r.id).values(
                        state="interrupted", finished_at=_now(), error="the server process stopped"))
                    orphaned += 1
        return orphaned


def _check_entry(r: Any, expected: int, prev: str) -> tuple[int, str] | None:
    entry_id = int(r.id)
    if entry_id != expected:
        return expected, f"entry {expected} is missing (the next entry is {entry_id})"
    if r.prev_hash != prev:
        return entry_id, (f"entry {entry_id} does not follow entry {entry_id - 1}: an entry before it was "
                          "removed, reordered or rewritten")
    try:
        details = json.loads(r.details)
    except ValueError:
        return entry_id, f"entry {entry_id}: details are not JSON (edited)"
    if entry_hash(entry_id, r.at, r.actor, r.action, r.target, details, r.prev_hash) != r.hash:
        return entry_id, f"entry {entry_id} was changed after it was written (hash mismatch)"
    return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _check_user_name(name: str) -> None:
    if not name or len(name) > 200 or not name.isprintable() or name.strip() != name or ":" in name:
        raise ConfigError(f"invalid user name {name!r}: use 1-200 printable characters, no ':' or outer spaces")


def _user(r: Any) -> User:
    return User(int(r.id), r.name, r.role, bool(r.disabled), r.password_hash is not None,
                _aware(r.created_at) or _now())


def _job(r: Any) -> Job:
    return Job(int(r.id), r.kind, r.state, json.loads(r.params), json.loads(r.progress or "{}"),
               json.loads(r.result) if r.result else None, r.error, r.created_by, r.owner,
               _aware(r.created_at) or _now(), _aware(r.started_at), _aware(r.finished_at))
