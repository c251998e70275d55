"""The service's tables: accounts, API tokens, the hash-chained audit log, jobs, audited bank writes.

:class:`ServiceStore` wraps a :class:`~childsafe.store.sql.SqlStore` (same engine, same file) the
way :class:`~childsafe.store.graph.GraphStore` does.  Every write that must be attributable runs in
:meth:`ServiceStore.transaction` and appends its audit entry in that same transaction: the action
and its record commit together or not at all.

**The chain.**  Entry *n* stores ``hash = SHA-256(canonical JSON of {id, at, actor, action, target,
details, prev_hash})`` with ``prev_hash`` the hash of entry *n-1* (64 zeros for entry 1).  Ids are
1, 2, 3... with no gap, and the row ``audit_head`` holds the last id, the number of entries, the
last hash and MAC, updated in the same transaction as each append.

**The key and the checkpoints** (issue 10).  A hash chain can be recomputed by anyone who can write
the database.  So, given an :class:`~childsafe.store.audit_keys.AuditSigner` (a key file outside the
database, see :meth:`ServiceStore.for_settings`), each entry also carries an HMAC that chains to the
entry before (:mod:`~childsafe.store.audit_chain`), and :meth:`ServiceStore.checkpoint` writes signed
checkpoints to a file outside the database (:mod:`~childsafe.store.audit_checkpoints`), also
automatically every ``checkpoint_every`` entries.  :meth:`ServiceStore.verify_audit` then catches an
edited entry, a chain recomputed without the key, deleted and renumbered entries, a truncated tail
(up to the last checkpoint) and a wiped log, and names which.  Entries written before the store had
a key ("legacy", no MAC) still verify by their hash chain; the first MACed entry and the first
checkpoint seal them.  A ``ServiceStore`` without a signer verifies the hash chain only, and refuses
to append to a log that already has MACs (that would be a downgrade verification reports).

**Serialising appends.**  Each append reads the head and writes the next entry; two appends that
read the same head would fork the chain.  So the head row is locked before it is read: PostgreSQL
``SELECT ... FOR UPDATE``; SQLite has one writer per database, and the first statement of an audited
transaction is a write to the head row, which takes the write lock before anything is read.
"""
# long-module: accounts, tokens, jobs and audited bank writes all run in ServiceStore.transaction, which appends each
#   write's audit entry to the hash chain; the chain's checks stay next to the writes they cover.

from __future__ import annotations

import hashlib
import json
import logging
import os
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Final

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError
from sqlalchemy.schema import CreateIndex

from childsafe.errors import AlreadyExistsError, AuditIntegrityError, ConfigError, NotFoundError
from childsafe.store.audit_chain import (
    CHECKPOINT_FORGED,
    GENESIS,
    AuditReport,
    canonical_json,
    entry_hash,
    entry_link,
    entry_mac_message,
    verify_log,
)
from childsafe.store.audit_checkpoints import Checkpoint, CheckpointFile
from childsafe.store.audit_keys import AuditSigner, FileKeySigner, mac_matches
from childsafe.store.schema import api_tokens, audit_head, audit_log, ix_entries_type_id, jobs, review_sessions, users
from childsafe.store.sql import SqlStore

if TYPE_CHECKING:
    from childsafe.config import Settings

__all__ = [
    "ROLES", "GENESIS", "User", "AuditEntry", "AuditReport", "Job", "ServiceStore",
    "token_digest", "entry_hash", "canonical_json",
]

log = logging.getLogger("childsafe.audit")

ROLES = ("admin", "reviewer", "api-client")
_APPENDED: Final = "childsafe.audit.appended"  # connection info: ids appended in this transaction


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


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
    key_id: str | None = None  # None: written before the log had a key (legacy)
    mac: str | None = None

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "actor": self.actor, "action": self.action,
                "target": self.target, "details": self.details, "prev_hash": self.prev_hash,
                "hash": self.hash, "key_id": self.key_id, "mac": self.mac}


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
    """Accounts, tokens, audit and jobs in the store's database.

    ``signer`` MACs new audit entries and checkpoints; ``checkpoints`` is where checkpoints go, one
    every ``checkpoint_every`` entries (0: only :meth:`checkpoint`).  Commands and the server use
    :meth:`for_settings`; without a signer the store is keyless (see the module docstring).
    """

    def __init__(self, store: SqlStore, signer: AuditSigner | None = None, *,
                 checkpoints: CheckpointFile | None = None, checkpoint_every: int = 0) -> None:
        self.store = store
        self.engine = store.engine
        self.signer = signer
        self.checkpoints = checkpoints
        self.checkpoint_every = checkpoint_every
        with self.engine.begin() as conn:  # additive v4 migration for stores made before it
            conn.execute(CreateIndex(ix_entries_type_id, if_not_exists=True))
        self._ensure_head()

    @classmethod
    def for_settings(cls, store: SqlStore, settings: Settings) -> ServiceStore:
        """The keyed service: the key file of ``audit_key_file`` (created on first use), the checkpoint file."""
        path = settings.audit_key_path
        if not path.exists():
            with store.engine.connect() as conn:
                maced = conn.execute(select(audit_head.c.mac).where(audit_head.c.id == 1)).scalar()
            if maced is not None:  # a new key would make every MAC unverifiable, and the next ones differ
                raise ConfigError(f"the audit key file {path} is missing, but the audit log is MACed: restore it "
                                  "from its backup (setting audit_key_file)")
        return cls(store, FileKeySigner(path),
                   checkpoints=CheckpointFile(settings.audit_checkpoint_path),
                   checkpoint_every=settings.audit_checkpoint_every)

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
        appended: list[int] = []
        with self.engine.begin() as conn:
            self._lock_head(conn)
            conn.info[_APPENDED] = appended
            try:
                yield conn
            finally:
                conn.info.pop(_APPENDED, None)
        # After the commit: a checkpoint must never anchor an entry that could still be rolled back.
        every = self.checkpoint_every
        if every and any(entry_id % every == 0 for entry_id in appended):
            self._auto_checkpoint()

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
        if self.signer is None and head.mac is not None:
            raise ConfigError("this audit log is MACed: appending needs its key (open the service with "
                              "ServiceStore.for_settings, setting audit_key_file)")
        body = json.loads(canonical_json(details or {}))  # what is hashed is what reads back
        entry_id = int(head.last_id) + 1
        at = _now().isoformat(timespec="microseconds")
        digest = entry_hash(entry_id, at, actor, action, target, body, head.hash)
        key_id = mac = None
        if self.signer is not None:
            key_id = self.signer.key_id
            mac = self.signer.mac(entry_mac_message(entry_id, at, actor, action, target, body, key_id,
                                                    entry_link(head.hash, head.mac)))
        conn.execute(insert(audit_log).values(id=entry_id, at=at, actor=actor, action=action, target=target,
                                              details=canonical_json(body), prev_hash=head.hash, hash=digest,
                                              key_id=key_id, mac=mac))
        conn.execute(update(audit_head).where(audit_head.c.id == 1)
                     .values(last_id=entry_id, entries=audit_head.c.entries + 1, hash=digest, mac=mac))
        pending = conn.info.get(_APPENDED)
        if pending is not None:
            pending.append(entry_id)
        return AuditEntry(entry_id, at, actor, action, target, body, head.hash, digest, key_id, mac)

    def audit_entries(self, after_id: int = 0, limit: int = 100) -> list[AuditEntry]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(audit_log).where(audit_log.c.id > after_id)
                                .order_by(audit_log.c.id).limit(limit)).all()
        return [AuditEntry(int(r.id), r.at, r.actor, r.action, r.target, json.loads(r.details),
                           r.prev_hash, r.hash, r.key_id, r.mac) for r in rows]

    def verify_audit(self, against: CheckpointFile | None = None) -> AuditReport:
        """Check every entry's hash and MAC, the head, and the checkpoints (``against``, else the configured file).

        Without a signer only the hash chain and the head are checked (``macs_checked`` is False).
        """
        checkpoints: list[Checkpoint] = []
        source = against or self.checkpoints
        if self.signer is not None and source is not None:
            try:
                checkpoints = source.read(self.signer)
            except AuditIntegrityError as exc:
                return AuditReport(False, 0, GENESIS, None, str(exc), CHECKPOINT_FORGED, macs_checked=True)
        with self.engine.connect() as conn:
            return verify_log(conn, self.signer, checkpoints)

    def checkpoint(self, to: CheckpointFile | None = None) -> Checkpoint | None:
        """Verify the whole log, then append a signed checkpoint of its head to ``to`` (else the configured file).

        Refuses (:class:`AuditIntegrityError`) when the log does not verify: a checkpoint must never
        bless a tampered log.  None when the file already holds a later checkpoint.
        """
        target = to or self.checkpoints
        if self.signer is None or target is None:
            raise ConfigError("audit checkpoints need the audit key and a checkpoint file (settings audit_key_file, "
                              "audit_checkpoint_file)")
        report = self.verify_audit()
        if not report.ok:
            raise AuditIntegrityError(f"not checkpointing a broken audit log ({report.tampering}): {report.problem}",
                                      report.first_bad)
        return self._write_checkpoint(target)

    def _write_checkpoint(self, target: CheckpointFile) -> Checkpoint | None:
        assert self.signer is not None
        with self.engine.connect() as conn:
            anchor = _head_anchor(conn, self.signer)
        return target.append(self.signer, *anchor)

    def _auto_checkpoint(self) -> None:
        # The action has committed: a failed checkpoint is logged, never raised (the caller's action
        # succeeded, and the next boundary, or 'audit verify', will try again).
        if self.signer is None or self.checkpoints is None:
            return
        try:
            self._write_checkpoint(self.checkpoints)
        except (AuditIntegrityError, OSError) as exc:
            log.error("audit checkpoint not written to %s: %s", self.checkpoints.path, exc)

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


def _head_anchor(conn: Connection, signer: AuditSigner) -> tuple[int, int, str, str | None]:
    """(entries, last id, last hash, last MAC) of the head, after checking the last entry is genuine.

    The last entry's MAC chains to every entry before it, so a genuine last entry is enough for a
    checkpoint (cheap: two rows); the full walk is :meth:`ServiceStore.verify_audit`'s.
    """
    head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
    if head is None:
        raise AuditIntegrityError("the audit head row is missing")
    last_id = int(head.last_id)
    if last_id == 0:
        return 0, 0, GENESIS, None
    rows = conn.execute(select(audit_log).where(audit_log.c.id >= last_id - 1, audit_log.c.id <= last_id)
                        .order_by(audit_log.c.id)).all()
    last = rows[-1] if rows else None
    if last is None or int(last.id) != last_id or last.hash != head.hash or last.mac != head.mac \
            or int(head.entries) != last_id:
        raise AuditIntegrityError(f"the audit head does not match entry {last_id}: run 'childsafe audit verify'")
    if last.mac is not None:
        prev = rows[0] if len(rows) == 2 else None
        prev_link = GENESIS if last_id == 1 else (entry_link(prev.hash, prev.mac) if prev is not None else "")
        try:
            message = entry_mac_message(last_id, last.at, last.actor, last.action, last.target,
                                        json.loads(last.details), last.key_id, prev_link)
        except ValueError as exc:
            raise AuditIntegrityError(f"entry {last_id}: details are not JSON (edited)") from exc
        if last.key_id != signer.key_id or not mac_matches(signer, message, last.mac):
            raise AuditIntegrityError(f"entry {last_id} does not match its MAC: run 'childsafe audit verify'")
    return last_id, last_id, str(last.hash), last.mac


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
