"""Signed checkpoints of the audit log, kept outside the database.

A checkpoint records how many entries the log had, the last entry's id, hash and MAC, and when; it
is one JSON line, MACed with the audit key, appended to a file (``audit_checkpoint_file``).  Someone
who can write the database but not that file (nor read the key) can then neither cut entries off
the end, nor wipe the log, nor rewrite it from scratch without ``audit verify`` noticing.

Appends take an exclusive ``flock`` on the file, so server workers and commands may checkpoint at
the same time; a checkpoint older than the file's last one (two processes racing) is not written.
"""

from __future__ import annotations

import fcntl
import json
import os
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from childsafe.errors import AuditIntegrityError
from childsafe.store.audit_keys import AuditSigner, mac_matches

__all__ = ["Checkpoint", "CheckpointFile"]

_LABEL: Final = b"childsafe-audit-checkpoint-v1\n"
_FIELDS: Final = ("v", "at", "entries", "last_id", "last_hash", "last_mac", "key_id", "mac")
_TAIL_BYTES: Final = 16_384  # more than one line: enough to find the last one


@dataclass(frozen=True)
class Checkpoint:
    at: str
    entries: int
    last_id: int
    last_hash: str
    last_mac: str | None
    key_id: str
    mac: str
    v: int = 1

    @property
    def link(self) -> str:
        """The anchored entry's link (its MAC, or its hash for a legacy entry): what must still be there."""
        return self.last_mac if self.last_mac is not None else self.last_hash

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


def _message(body: dict[str, Any]) -> bytes:
    unsigned = {k: v for k, v in body.items() if k != "mac"}
    return _LABEL + json.dumps(unsigned, sort_keys=True, separators=(",", ":")).encode("utf-8")


class CheckpointFile:
    """A JSON Lines file of checkpoints, each line MACed."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __repr__(self) -> str:
        return f"CheckpointFile({str(self.path)!r})"

    def read(self, signer: AuditSigner) -> list[Checkpoint]:
        """Every checkpoint, oldest first; :class:`AuditIntegrityError` names the first line that is not genuine."""
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return []
        except (OSError, UnicodeDecodeError) as exc:
            raise AuditIntegrityError(f"cannot read the checkpoint file {self.path}: {exc}") from exc
        found: list[Checkpoint] = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                found.append(_parse(line, signer, f"{self.path}, line {number}"))
        return found

    def append(self, signer: AuditSigner, entries: int, last_id: int, last_hash: str,
               last_mac: str | None) -> Checkpoint | None:
        """Sign and append a checkpoint; None when the file already holds a later one."""
        body: dict[str, Any] = {"v": 1, "at": datetime.now(UTC).isoformat(timespec="seconds"), "entries": entries,
                                "last_id": last_id, "last_hash": last_hash, "last_mac": last_mac,
                                "key_id": signer.key_id}
        body["mac"] = signer.mac(_message(body))
        line = (json.dumps(body, sort_keys=True, separators=(",", ":")) + "\n").encode("utf-8")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            latest = _last_line(fd)
            if latest is not None:
                try:
                    previous = json.loads(latest)
                    if isinstance(previous, dict) and int(previous.get("last_id", 0)) > last_id:
                        return None
                except ValueError:
                    pass  # a damaged last line: verification reports it; a new checkpoint still helps
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)  # releases the lock
        return Checkpoint(**body)


def _last_line(fd: int) -> str | None:
    size = os.fstat(fd).st_size
    if not size:
        return None
    start = max(0, size - _TAIL_BYTES)
    data = os.pread(fd, size - start, start).decode("utf-8", errors="replace")
    lines = [x for x in data.splitlines() if x.strip()]
    return lines[-1] if lines else None


def _parse(line: str, signer: AuditSigner, where: str) -> Checkpoint:
    try:
        body = json.loads(line)
    except ValueError as exc:
        raise AuditIntegrityError(f"{where}: not JSON (damaged or forged)") from exc
    if not isinstance(body, dict) or set(body) != set(_FIELDS) or body["v"] != 1:
        raise AuditIntegrityError(f"{where}: not a checkpoint (forged or from another version)")
    try:
        cp = Checkpoint(at=str(body["at"]), entries=int(body["entries"]), last_id=int(body["last_id"]),
                        last_hash=str(body["last_hash"]),
                        last_mac=None if body["last_mac"] is None else str(body["last_mac"]),
                        key_id=str(body["key_id"]), mac=str(body["mac"]))
    except (TypeError, ValueError) as exc:
        raise AuditIntegrityError(f"{where}: malformed checkpoint (forged)") from exc
    if cp.key_id != signer.key_id:
        raise AuditIntegrityError(f"{where}: signed with key {cp.key_id}, not with the configured key "
                                  f"{signer.key_id} (forged, or the wrong audit_key_file)")
    if not mac_matches(signer, _message(body), cp.mac):
        raise AuditIntegrityError(f"{where}: the MAC does not match (forged or edited)")
    return cp
