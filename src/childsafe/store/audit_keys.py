"""The audit log's key: HMAC-SHA256 signing with a key kept outside the database.

A hash chain alone can be recomputed by anyone who can write the database; a MAC cannot be
recomputed without the key.  The key lives in a file only its owner may read (mode 0600; a file
group or others may read is refused) or behind any other :class:`AuditSigner` (an HSM, a KMS, a
signing service): the store only ever asks a signer for a MAC and never sees the key.

The key never appears in a message, a ``repr`` or the log; only its *key id* (a digest of the key,
useless for signing) is stored beside each entry and checkpoint.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import secrets
import stat
import tempfile
from pathlib import Path
from typing import Final, Protocol, runtime_checkable

from childsafe.errors import ConfigError

__all__ = ["AuditSigner", "FileKeySigner", "mac_matches"]

log = logging.getLogger("childsafe.audit")

_KEY_BYTES: Final = 32
_KEY_ID_LABEL: Final = b"childsafe audit key id\x00"


@runtime_checkable
class AuditSigner(Protocol):
    """Computes MACs for the audit log.  Implement it to keep the key somewhere else than a file."""

    @property
    def key_id(self) -> str:
        """A short public name of the key (stored with every MAC; reveals nothing about the key)."""
        ...

    def mac(self, message: bytes) -> str:
        """HMAC-SHA256 of ``message`` under the key, as 64 hex digits."""
        ...


def mac_matches(signer: AuditSigner, message: bytes, mac: str) -> bool:
    """Whether ``mac`` is ``signer``'s MAC of ``message`` (constant-time comparison)."""
    # As bytes: compare_digest refuses str with non-ASCII characters, and a tampered MAC may have some.
    return hmac.compare_digest(signer.mac(message).encode("utf-8"), mac.encode("utf-8"))


class FileKeySigner:
    """An :class:`AuditSigner` whose 256-bit key is a hex line in a file readable by its owner only."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = path
        if create and not path.exists():
            _create_key_file(path)
        key = _read_key_file(path)
        self._key_id = hashlib.sha256(_KEY_ID_LABEL + key).hexdigest()[:16]
        self.__keyed = hmac.new(key, digestmod=hashlib.sha256)  # copied per message: the key is set up once

    @property
    def key_id(self) -> str:
        return self._key_id

    def mac(self, message: bytes) -> str:
        mac = self.__keyed.copy()
        mac.update(message)
        return mac.hexdigest()

    def __repr__(self) -> str:
        return f"FileKeySigner(path={str(self.path)!r}, key_id={self._key_id!r})"


def _create_key_file(path: Path) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    # Written whole under a temporary name, then linked into place: a process starting at the same
    # time never reads a half-written key, and never replaces one (link fails when the name exists).
    try:
        fd, temporary = tempfile.mkstemp(prefix=".audit-key-", dir=path.parent)  # mode 0600
    except OSError as exc:
        raise ConfigError(f"cannot create the audit key file {path}: {exc.strerror}") from exc
    try:
        with os.fdopen(fd, "w", encoding="ascii") as out:
            out.write(secrets.token_hex(_KEY_BYTES) + "\n")
            out.flush()
            os.fsync(out.fileno())
        os.link(temporary, path)
    except FileExistsError:
        return  # another process made it first: use theirs
    except OSError as exc:
        raise ConfigError(f"cannot create the audit key file {path}: {exc.strerror}") from exc
    finally:
        os.unlink(temporary)
    log.warning("created the audit key file %s (mode 0600): back it up and keep it away from the database; "
                "without it the audit log cannot be verified (setting audit_key_file)", path)


def _read_key_file(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise ConfigError(f"the audit key file {path} does not exist (setting audit_key_file)") from exc
    except OSError as exc:
        raise ConfigError(f"cannot read the audit key file {path}: {exc.strerror}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise ConfigError(f"the audit key file {path} is not a regular file")
    if os.name == "posix" and info.st_mode & 0o077:
        raise ConfigError(f"the audit key file {path} is open to group or others "
                          f"(mode {stat.S_IMODE(info.st_mode):04o}): run 'chmod 600 {path}'")
    try:
        text = path.read_text(encoding="ascii").strip()
        key = bytes.fromhex(text)
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        # Never echo the content: it is (or was meant to be) the key.
        raise ConfigError(f"the audit key file {path} does not hold a hex key") from exc
    if len(key) < _KEY_BYTES:
        raise ConfigError(f"the audit key in {path} is shorter than {_KEY_BYTES} bytes")
    return key
