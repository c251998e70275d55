"""What runs in a hashing process: one walked file, or every member of one archive."""

from __future__ import annotations

import io
import os
import signal
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any, BinaryIO, cast

from childsafe.media.analysis import Analyser, MediaItem, analyse_item
from childsafe.media.archives import (
    ARCHIVE_SNIFF_BYTES,
    ArchiveContainer,
    ArchiveLimits,
    ArchiveMember,
    ArchiveProblem,
    archive_kind,
    iter_archive,
)
from childsafe.media.content import ContentType, sniff_content_type
from childsafe.media.hashing import MAX_PHOTO_BYTES, Claim, FileHashes, HashOptions, hash_file, hash_stream
from childsafe.media.lifeline import die_with_parent, watch_owner
from childsafe.media.signals import HashedSignal
from childsafe.media.spool import configure_spool, process_spool_dir, remove_process_spool, spooled_file

__all__ = ["ItemTask", "ItemResult", "process_item", "init_worker"]

_claims: Any = None  # a Manager dict shared by all workers: sha256 -> key of the item hashing it
#: The run's analysers, given once per process (models are set up once, not per item).
_analysers: tuple[Analyser, ...] = ()


@dataclass(frozen=True)
class ItemTask:
    path: str
    size: int
    mtime_ns: int
    #: scan_roots, already resolved; checked again here, just before the file is opened, in case
    #: a link changed since the walk.
    roots: tuple[str, ...] = ()


@dataclass
class ItemResult:
    key: str
    size: int | None
    mtime_ns: int | None
    hashes: FileHashes
    archive: str | None = None  # archive kind when this record is an archive container
    members: int = 0
    #: Set by the scan on a member whose result waits for identical content hashed elsewhere:
    #: the top-level archive it belongs to is stored only once this member is.
    held_by: str | None = None
    #: Each analyser's record, by analyser name (empty for a scan, an error item or a duplicate).
    analysis: dict[str, dict[str, Any]] = field(default_factory=dict)


def init_worker(claims: Any, quiet: bool, spool_base: str, owner: tuple[int, float],
                analysers: tuple[Analyser, ...] = ()) -> None:
    global _claims, _analysers
    _claims = claims
    _analysers = analysers
    # A worker never outlives the scan: its parent (the fork server, which exits when the scan
    # does) is watched by the kernel, and the scan itself by a thread.
    die_with_parent()
    watch_owner(owner)
    # Its spool folder is made now, naming its owner, so a next run can reap it if orphaned.
    configure_spool(spool_base, owner)
    process_spool_dir()
    # Ctrl-C is the parent's to handle: it stops handing out work and saves what is done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _terminate)
    if quiet:
        # FFmpeg and the vPDQ bindings print decoder chatter on stderr; errors reach the report
        # through exceptions, so keep the terminal (and the progress bar) clean.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)


def _terminate(_signum: int, _frame: Any) -> None:
    # Workers leave through os._exit (no atexit): remove the spool (a video being copied) first.
    remove_process_spool()
    os._exit(128 + signal.SIGTERM)


def init_manager(owner: tuple[int, float], spool_base: str) -> None:
    """The claims Manager's process: dies with the scan, like the workers."""
    die_with_parent(owner[0])
    watch_owner(owner)
    configure_spool(spool_base, owner)
    process_spool_dir()
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _claim_for(key: str) -> Claim | None:
    if _claims is None:
        return None

    def claim(sha256: str) -> str | None:
        owner = _claims.setdefault(sha256, key)
        return None if owner == key else str(owner)

    return claim


def process_item(task: ItemTask, options: HashOptions, limits: ArchiveLimits) -> list[ItemResult]:
    """Hash one walked file; an archive yields its own record plus one per member."""
    outside = _outside_roots(task)
    if outside is not None:
        return [ItemResult(task.path, task.size, task.mtime_ns, FileHashes(path=task.path, error=outside))]
    try:
        with open(task.path, "rb") as fh:
            kind = archive_kind(fh.read(ARCHIVE_SNIFF_BYTES))
    except OSError:
        kind = None  # hash_file reports why it cannot be read
    container = hash_file(task.path, options if kind is None else _digest_only(options),
                          _claim_for(task.path) if kind is None else None)
    result = ItemResult(task.path, task.size, task.mtime_ns, container)
    if kind is None and _wanted(container):
        result.analysis = analyse_item(MediaItem(task.path, container, local_path=Path(task.path)), _analysers)
    if kind is None or container.error:
        return [result]
    result.archive = kind
    out = [result]
    # One line per path: a problem naming the member that follows it (an archive too deep to
    # open, still hashed as a file) becomes that member's warning.
    pending: ArchiveProblem | None = None
    for member in iter_archive(Path(task.path), task.path, limits, containers=True):
        if isinstance(member, ArchiveMember):
            out.append(_member_result(member, options, task))
            if pending is not None and pending.path == member.path:
                hashes = out[-1].hashes
                hashes.warning = "; ".join(w for w in (pending.message, hashes.warning) if w)
                pending = None
            continue
        if pending is not None:
            out.append(_problem_result(pending, task))
            pending = None
        if isinstance(member, ArchiveContainer):
            out.append(_container_result(member, task))
        elif member.path == task.path:  # the archive itself is corrupt or over a limit
            container.error = member.message
        else:
            pending = member
    if pending is not None:
        out.append(_problem_result(pending, task))
    result.members = len(out) - 1
    return out


def _member_result(member: ArchiveMember, options: HashOptions, task: ItemTask) -> ItemResult:
    """Hash a member; when analysers want its content, keep it (photo bytes, video spool copy)."""
    with ExitStack() as stack:
        kept = _Kept(member.stream, stack) if _analysers else None
        hashes = hash_stream(cast(BinaryIO, kept) if kept else member.stream, member.path, options,
                             _claim_for(member.path))
        result = ItemResult(member.path, hashes.size, task.mtime_ns, hashes)
        if kept is not None and _wanted(hashes):
            result.analysis = analyse_item(kept.item(member.path, hashes), _analysers)
        return result


def _wanted(hashes: FileHashes) -> bool:
    """Whether any analyser looks at this item (hashed without error, not a duplicate)."""
    return (not hashes.error and hashes.duplicate_of is None
            and any(hashes.content_type in a.wants for a in _analysers))


class _Kept(io.RawIOBase):
    """A member's stream, read once by the hasher, keeping what the analysers will need.

    The kind is sniffed from the first read (the hasher's sniffing read): a photo is kept in
    memory up to the hasher's photo limit (past it the hasher refuses the photo, and nothing is
    kept), a video is copied to a private spool file (deleted with ``stack``), anything else no
    analyser wants is not kept.
    """

    def __init__(self, stream: IO[bytes], stack: ExitStack) -> None:
        super().__init__()
        self._stream, self._stack = stream, stack
        self._chunks: list[bytes] | None = None
        self._copy: IO[bytes] | None = None
        self._started = False
        self._kept_bytes = 0

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        chunk = self._stream.read(-1 if size is None else size)
        if not self._started:
            self._started = True
            kind = sniff_content_type(chunk)
            if any(kind in a.wants for a in _analysers):
                if kind is ContentType.PHOTO:
                    self._chunks = []
                elif kind is ContentType.VIDEO:
                    self._copy = self._stack.enter_context(spooled_file(".analysed"))
        if self._chunks is not None:
            self._kept_bytes += len(chunk)
            if self._kept_bytes > MAX_PHOTO_BYTES:
                self._chunks = None  # the hasher refuses it too: keep nothing
            else:
                self._chunks.append(chunk)
        elif self._copy is not None:
            self._copy.write(chunk)
        return chunk

    def item(self, key: str, hashes: FileHashes) -> MediaItem:
        if self._copy is not None:
            self._copy.flush()
            return MediaItem(key, hashes, local_path=Path(self._copy.name))
        return MediaItem(key, hashes, data=b"".join(self._chunks or []))


def _outside_roots(task: ItemTask) -> str | None:
    if not task.roots:
        return None
    real = os.path.realpath(task.path)
    if any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in task.roots):
        return None
    return "outside the folders scans may read (scan_roots): a link leads out, not read"


def _problem_result(problem: ArchiveProblem, task: ItemTask) -> ItemResult:
    return ItemResult(problem.path, None, task.mtime_ns, FileHashes(path=problem.path, error=problem.message))


def _container_result(nested: ArchiveContainer, task: ItemTask) -> ItemResult:
    """A nested archive's own line: its digests (so a banked archive matches), kind and count."""
    hashes = FileHashes(path=nested.path, content_type=ContentType.OTHER, size=nested.size,
                        hashed={name: HashedSignal(value) for name, value in nested.signals.items()},
                        error=nested.error)
    return ItemResult(nested.path, nested.size, task.mtime_ns, hashes, archive=nested.kind,
                      members=nested.members)


def _digest_only(options: HashOptions) -> HashOptions:
    return replace(options, perceptual=False)
