"""What runs in a hashing process: one walked file, or every member of one archive."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from childsafe.media.archives import (
    ARCHIVE_SNIFF_BYTES,
    ArchiveLimits,
    ArchiveMember,
    archive_kind,
    iter_archive,
)
from childsafe.media.hashing import Claim, FileHashes, HashOptions, hash_file, hash_stream

__all__ = ["ItemTask", "ItemResult", "process_item", "init_worker"]

_claims: Any = None  # a Manager dict shared by all workers: sha256 -> key of the item hashing it


@dataclass(frozen=True)
class ItemTask:
    path: str
    size: int
    mtime_ns: int


@dataclass
class ItemResult:
    key: str
    size: int | None
    mtime_ns: int | None
    hashes: FileHashes
    archive: str | None = None  # archive kind when this record is an archive container
    members: int = 0


def init_worker(claims: Any, quiet: bool) -> None:
    global _claims
    _claims = claims
    # Ctrl-C is the parent's to handle: it stops handing out work and saves what is done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if quiet:
        # FFmpeg and the vPDQ bindings print decoder chatter on stderr; errors reach the report
        # through exceptions, so keep the terminal (and the progress bar) clean.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)


def _claim_for(key: str) -> Claim | None:
    if _claims is None:
        return None

    def claim(sha256: str) -> str | None:
        owner = _claims.setdefault(sha256, key)
        return None if owner == key else str(owner)

    return claim


def process_item(task: ItemTask, options: HashOptions, limits: ArchiveLimits) -> list[ItemResult]:
    """Hash one walked file; an archive yields its own record plus one per member."""
    try:
        with open(task.path, "rb") as fh:
            kind = archive_kind(fh.read(ARCHIVE_SNIFF_BYTES))
    except OSError:
        kind = None  # hash_file reports why it cannot be read
    container = hash_file(task.path, options if kind is None else _digest_only(options),
                          _claim_for(task.path) if kind is None else None)
    result = ItemResult(task.path, task.size, task.mtime_ns, container)
    if kind is None or container.error:
        return [result]
    result.archive = kind
    out = [result]
    for member in iter_archive(Path(task.path), task.path, limits):
        if isinstance(member, ArchiveMember):
            hashes = hash_stream(member.stream, member.path, options, _claim_for(member.path))
            out.append(ItemResult(member.path, hashes.size, task.mtime_ns, hashes))
        elif member.path == task.path:  # the archive itself is corrupt or over a limit
            container.error = member.message
        else:
            out.append(ItemResult(member.path, None, task.mtime_ns,
                                  FileHashes(path=member.path, error=member.message)))
    result.members = len(out) - 1
    return out


def _digest_only(options: HashOptions) -> HashOptions:
    return replace(options, perceptual=False)
