"""The audit log's two chains and their verification (used by :class:`~childsafe.store.service.ServiceStore`).

**Hash chain** (every entry, unkeyed, as before issue 10): ``hash = SHA-256(canonical JSON of {id, at,
actor, action, target, details, prev_hash})``.  Anyone can recompute it, so on its own it only
catches clumsy edits.

**MAC chain** (entries written with an :class:`~childsafe.store.audit_keys.AuditSigner`):
``mac = HMAC(key, canonical JSON of {id, at, actor, action, target, details, key_id, prev})`` where
``prev`` is the *link* of the entry before: its MAC, or its hash when it has none (entries written
before keys existed, "legacy"), or 64 zeros for entry 1.  So the first MACed entry seals the whole
legacy chain before it, every MAC binds its entry's id and content to all entries before it, and a
legacy entry after a MACed one is a downgrade, refused.  The MAC chain leaves out ``prev_hash``
on purpose: when ids were renumbered, an entry's MAC still verifies at its old id against its
real predecessor, which is how a deletion hidden by renumbering is told apart from an edit.

**Checkpoints** (:mod:`~childsafe.store.audit_checkpoints`) anchor the link of an entry and the
number of entries outside the database; verification requires every anchored entry to still carry
its anchored link and the log to be at least as long as the checkpoint said.

Each failure names its class of tampering (:data:`TAMPERING`).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import select
from sqlalchemy.engine import Connection

from childsafe.store.audit_checkpoints import Checkpoint
from childsafe.store.audit_keys import AuditSigner, mac_matches
from childsafe.store.schema import audit_head, audit_log

__all__ = [
    "GENESIS", "EDITED", "RECHAINED", "RENUMBERED", "TRUNCATED", "WIPED", "CHECKPOINT_FORGED", "WRONG_KEY",
    "TAMPERING", "AuditReport", "canonical_json", "entry_hash", "entry_mac_message", "entry_link", "verify_log",
]

GENESIS: Final = "0" * 64

# The classes of tampering verification tells apart (the report's ``tampering``).
EDITED: Final = "edited"  # an entry (or the head row) no longer matches its own hash
RECHAINED: Final = "re-chained"  # hashes consistent, but rewritten without the key (MAC chain or checkpoint broken)
RENUMBERED: Final = "deleted/renumbered"  # entries missing from the id sequence, or ids shifted to hide it
TRUNCATED: Final = "truncated"  # the tail is gone (fewer entries than the head or a checkpoint recorded)
WIPED: Final = "wiped"  # the log is empty but was not
CHECKPOINT_FORGED: Final = "checkpoint forged"  # a checkpoint line without a valid MAC
WRONG_KEY: Final = "wrong key"  # MACed with another key than the configured one
TAMPERING: Final = (EDITED, RECHAINED, RENUMBERED, TRUNCATED, WIPED, CHECKPOINT_FORGED, WRONG_KEY)

_BATCH: Final = 5_000
#: How far an id may have been shifted for verification to recognise a renumbering (cheap: one MAC each).
_SHIFT_LIMIT: Final = 1_000
_ENTRY_MAC_LABEL: Final = b"childsafe-audit-entry-v1\n"


def canonical_json(obj: Any) -> str:
    """The one serialisation that is hashed: sorted keys, no spaces, UTF-8, no NaN."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def entry_hash(entry_id: int, at: str, actor: str, action: str, target: str | None,
               details: dict[str, Any], prev_hash: str) -> str:
    body = {"id": entry_id, "at": at, "actor": actor, "action": action, "target": target,
            "details": details, "prev_hash": prev_hash}
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


def entry_mac_message(entry_id: int, at: str, actor: str, action: str, target: str | None,
                      details: Any, key_id: str, prev_link: str) -> bytes:
    body = {"id": entry_id, "at": at, "actor": actor, "action": action, "target": target,
            "details": details, "key_id": key_id, "prev": prev_link}
    return _ENTRY_MAC_LABEL + canonical_json(body).encode("utf-8")


def entry_link(hash_: str, mac: str | None) -> str:
    """What the next entry's MAC binds: the MAC when there is one, else the hash."""
    return mac if mac is not None else hash_


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    entries: int
    head: str  # hash of the last intact entry (GENESIS when empty)
    first_bad: int | None = None
    problem: str | None = None
    tampering: str | None = None  # one of TAMPERING when not ok
    legacy_entries: int = 0  # entries written before the log had a key (sealed by the first MAC after them)
    macs_checked: bool = False  # False when verified without the key: only the hash chain was checked
    checkpoint: Checkpoint | None = field(default=None)  # the last checkpoint compared with

    def to_record(self) -> dict[str, Any]:
        cp = self.checkpoint
        return {"ok": self.ok, "entries": self.entries, "head": self.head,
                "first_bad": self.first_bad, "problem": self.problem, "tampering": self.tampering,
                "legacy_entries": self.legacy_entries, "macs_checked": self.macs_checked,
                "checkpoint": None if cp is None else {"at": cp.at, "entries": cp.entries, "last_id": cp.last_id}}


@dataclass(frozen=True)
class _Problem:
    entry_id: int | None
    tampering: str
    message: str


@dataclass
class _Walk:
    """What verification knows about the entries read so far."""
    expected: int = 1
    prev_hash: str = GENESIS
    prev_link: str = GENESIS
    prev_keyed: bool = False
    count: int = 0
    legacy: int = 0
    last_mac: str | None = None


def verify_log(conn: Connection, signer: AuditSigner | None, checkpoints: Sequence[Checkpoint]) -> AuditReport:
    """Check every entry, the head and the checkpoints; the first failure is reported."""
    anchors = {cp.last_id: cp for cp in checkpoints}
    last_cp = max(checkpoints, key=lambda cp: cp.entries, default=None)
    walk = _Walk()

    def report(problem: _Problem | None) -> AuditReport:
        if problem is None:
            return AuditReport(True, walk.count, walk.prev_hash, legacy_entries=walk.legacy,
                               macs_checked=signer is not None, checkpoint=last_cp)
        return AuditReport(False, walk.count, walk.prev_hash, problem.entry_id, problem.message, problem.tampering,
                           walk.legacy, signer is not None, last_cp)

    last = 0
    while True:
        rows = conn.execute(select(audit_log).where(audit_log.c.id > last)
                            .order_by(audit_log.c.id).limit(_BATCH)).all()
        if not rows:
            break
        for r in rows:
            problem = _check_entry(conn, r, walk, signer)
            if problem is None and int(r.id) in anchors:
                problem = _check_anchor(r, anchors[int(r.id)])
            if problem is not None:
                return report(problem)
            keyed = r.mac is not None
            walk.expected, walk.count = walk.expected + 1, walk.count + 1
            walk.prev_hash, walk.prev_link, walk.prev_keyed = r.hash, entry_link(r.hash, r.mac), keyed
            walk.legacy += 0 if keyed else 1
            walk.last_mac = r.mac
        last = int(rows[-1].id)
    head = conn.execute(select(audit_head).where(audit_head.c.id == 1)).first()
    return report(_check_head(head, walk, last_cp))


def _check_entry(conn: Connection, r: Any, walk: _Walk, signer: AuditSigner | None) -> _Problem | None:
    entry_id = int(r.id)
    if entry_id != walk.expected:
        return _Problem(walk.expected, RENUMBERED, f"entry {walk.expected} is missing (the next entry is {entry_id})")
    try:
        details = json.loads(r.details)
        # NaN and Infinity parse, but were never written (and cannot be hashed: ValueError too).
        own_hash = entry_hash(entry_id, r.at, r.actor, r.action, r.target, details, r.prev_hash)
    except ValueError:
        return _Problem(entry_id, EDITED, f"entry {entry_id}: details are not JSON (edited)")
    if r.prev_hash != walk.prev_hash:
        shift = _hash_shift(r, details)
        if shift:
            return _Problem(entry_id, RENUMBERED, f"entry {entry_id} does not follow entry {entry_id - 1}: it was "
                            f"written as entry {entry_id + shift} (entries removed or reordered, ids renumbered)")
        return _Problem(entry_id, RECHAINED, f"entry {entry_id} does not follow entry {entry_id - 1}: an entry "
                        "before it was removed, reordered or rewritten")
    if own_hash != r.hash:
        shift = _hash_shift(r, details)
        if shift:
            return _Problem(entry_id, RENUMBERED, f"entry {entry_id} was written as entry {entry_id + shift}: "
                            "entries were removed or reordered and the ids renumbered")
        return _Problem(entry_id, EDITED, f"entry {entry_id} was changed after it was written (hash mismatch)")
    if r.mac is None and r.key_id is None:
        if walk.prev_keyed:
            return _Problem(entry_id, RECHAINED, f"entry {entry_id} has no MAC but follows MACed entries: "
                            "the log was rewritten without the key")
        return None
    if r.mac is None or r.key_id is None:
        return _Problem(entry_id, RECHAINED, f"entry {entry_id} has half of a MAC (key id or MAC missing): rewritten")
    if signer is None:
        return None  # verified without the key: the hash chain is all that can be checked
    if r.key_id != signer.key_id:
        return _Problem(entry_id, WRONG_KEY, f"entry {entry_id} was MACed with key {r.key_id}, not with the "
                        f"configured key {signer.key_id}: the wrong audit_key_file, or a forged entry")
    if mac_matches(signer, _mac_message(r, details, entry_id, walk.prev_link), r.mac):
        return None
    shift = _mac_shift(conn, r, details, walk.prev_link, signer)
    if shift:
        return _Problem(entry_id, RENUMBERED, f"entry {entry_id} does not match its MAC, and the MACs show entries "
                        f"shifted by {shift}: entries were deleted or reordered, the ids renumbered and the hashes "
                        "recomputed without the key")
    return _Problem(entry_id, RECHAINED, f"entry {entry_id} does not match its MAC: it was rewritten and its hash "
                    "recomputed without the key")


def _check_anchor(r: Any, cp: Checkpoint) -> _Problem | None:
    if entry_link(r.hash, r.mac) == cp.link:
        return None
    return _Problem(int(r.id), RECHAINED, f"entry {int(r.id)} is not the entry the checkpoint of {cp.at} "
                    "anchored: the log was rewritten (or wiped and refilled) since")


def _check_head(head: Any, walk: _Walk, last_cp: Checkpoint | None) -> _Problem | None:
    count = walk.count
    recorded = max(int(head.entries) if head is not None else 0, last_cp.entries if last_cp else 0)
    if count == 0 and recorded:
        return _Problem(1, WIPED, f"the audit log is empty, but the head or the last checkpoint records {recorded} "
                        "entries: it was wiped")
    if head is None:
        if count:
            return _Problem(count, EDITED, "the audit head row is missing")
    else:
        if int(head.last_id) != count or int(head.entries) != count:
            return _Problem(count + 1, TRUNCATED, f"entries {count + 1}..{int(head.last_id)} are missing "
                            f"(the head records {int(head.entries)} entries, the log holds {count})")
        if head.hash != walk.prev_hash:
            return _Problem(count or None, EDITED, "the head hash differs from the last entry")
        if head.mac != walk.last_mac:
            return _Problem(count or None, EDITED, "the head MAC differs from the last entry's")
    if last_cp is not None and count < last_cp.entries:
        return _Problem(count + 1, TRUNCATED, f"entries {count + 1}..{last_cp.last_id} are missing: the checkpoint "
                        f"of {last_cp.at} recorded {last_cp.entries} entries, the log holds {count}")
    return None


def _mac_message(r: Any, details: Any, entry_id: int, prev_link: str) -> bytes:
    return entry_mac_message(entry_id, r.at, r.actor, r.action, r.target, details, r.key_id, prev_link)


def _shifts() -> list[int]:
    return [s for d in range(1, _SHIFT_LIMIT + 1) for s in (d, -d)]


def _hash_shift(r: Any, details: Any) -> int:
    """By how much the entry's id was changed, when its hash verifies at another id (0: it does not)."""
    entry_id = int(r.id)
    for shift in _shifts():
        if entry_id + shift > 0 and entry_hash(entry_id + shift, r.at, r.actor, r.action, r.target, details,
                                               r.prev_hash) == r.hash:
            return shift
    return 0


def _mac_shift(conn: Connection, r: Any, details: Any, prev_link: str, signer: AuditSigner) -> int:
    """By how much ids were shifted, when a MAC verifies at another id: this entry's against the entry before
    it, or the next entry's against this one (the first shifted entry lost its real predecessor)."""
    candidates = [(r, details, prev_link)]
    after = conn.execute(select(audit_log).where(audit_log.c.id > r.id).order_by(audit_log.c.id).limit(1)).first()
    if after is not None and after.mac is not None and after.key_id == signer.key_id:
        try:
            candidates.append((after, json.loads(after.details), entry_link(r.hash, r.mac)))
        except ValueError:
            pass  # the next entry is broken too; this one's own shift is all there is to try
    for row, row_details, link in candidates:
        for shift in _shifts():
            entry_id = int(row.id) + shift
            if entry_id > 0 and mac_matches(signer, _mac_message(row, row_details, entry_id, link), row.mac):
                return shift
    return 0
