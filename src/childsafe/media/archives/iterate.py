"""The entry point, and the dispatch that nested archives recurse through.

The format modules call :func:`_emit` for each member, which opens a nested archive with
:func:`_iter_stream`, which calls the format modules again: they refer to each other through
module attributes, resolved at call time, so the import cycle is harmless.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path
from typing import IO, BinaryIO, cast

from childsafe.errors import ChildsafeError
from childsafe.media.archives import compressed, tar
from childsafe.media.archives import zip as zip_format
from childsafe.media.archives.items import (
    _FORMAT_ERRORS,
    ArchiveContainer,
    ArchiveMember,
    ArchiveProblem,
    _archive_failure,
    _budget_problem,
    _depth_message,
    _describe,
    _Item,
)
from childsafe.media.archives.limits import _DEFAULT_LIMITS, ArchiveLimits, _Budget
from childsafe.media.archives.readers import _CHUNK, _LimitedReader, _spool
from childsafe.media.archives.sniff import ARCHIVE_SNIFF_BYTES, archive_kind
from childsafe.media.content import ContentType
from childsafe.media.signals import ByteDigests


def iter_archive(
    source: Path | BinaryIO,
    display: str,
    limits: ArchiveLimits = _DEFAULT_LIMITS,
    depth: int = 0,
    *,
    containers: bool = False,
) -> Iterator[ArchiveMember | ArchiveProblem | ArchiveContainer]:
    """Yield the regular-file members of a zip or tar archive, and problems, in archive order.

    ``display`` names the archive in paths (``display!/member``).  Nested archives are opened
    up to ``limits.max_depth`` and their members yielded in place of them.  Never raises for
    bad input: corrupt, truncated, hostile or oversized archives end in an
    :class:`ArchiveProblem`, after any members already yielded.  A ``source`` stream is read
    from its current position and not closed; a path is opened and closed here.  Exhaust or
    close the iterator to release files promptly.

    With ``containers``, each nested archive also yields one :class:`ArchiveContainer` (its
    digests, after its members) and its own problems are folded into it, so a report can give
    every archive at every depth exactly one line.
    """
    if depth > limits.max_depth:
        yield ArchiveProblem(display, _depth_message(depth, limits))
        return
    budget = _Budget(limits.max_archive_bytes, containers)
    with ExitStack() as stack:
        try:
            stream, head = _open_source(source, stack)
        except ChildsafeError as exc:
            yield ArchiveProblem(display, f"unreadable archive: {exc}")
            return
        except _FORMAT_ERRORS as exc:
            yield ArchiveProblem(display, f"unreadable archive: {_describe(exc)}")
            return
        kind = archive_kind(head)
        if kind is None:
            yield ArchiveProblem(display, "not an archive (no zip, tar, gzip, bzip2 or xz header)")
            return
        yield from _iter_stream(stream, kind, display, limits, depth, budget)


def _open_source(source: Path | BinaryIO, stack: ExitStack) -> tuple[BinaryIO | _LimitedReader, bytes]:
    if isinstance(source, str | os.PathLike):
        fh = stack.enter_context(open(source, "rb"))
        head = fh.read(ARCHIVE_SNIFF_BYTES)
        fh.seek(0)
        return fh, head
    if _is_seekable(source):
        start = source.tell()
        head = source.read(ARCHIVE_SNIFF_BYTES)
        source.seek(start)
        return source, head
    reader = _LimitedReader(source)  # no limits: only to peek at a pipe's head
    return reader, reader.peek(ARCHIVE_SNIFF_BYTES)


def _is_seekable(stream: BinaryIO) -> bool:
    try:
        return bool(stream.seekable())
    except (AttributeError, OSError, ValueError):
        return False


def _iter_stream(
    stream: BinaryIO | _LimitedReader,
    kind: str,
    display: str,
    limits: ArchiveLimits,
    depth: int,
    budget: _Budget,
) -> Iterator[_Item]:
    """One archive of a known kind; every failure ends it with a problem, never an exception."""
    try:
        with ExitStack() as stack:
            if kind == "zip":
                seekable: IO[bytes]
                if isinstance(stream, _LimitedReader):  # a member or a pipe: zip needs seeking
                    seekable = stack.enter_context(_spool(stream, limits.max_archive_bytes))
                else:
                    seekable = stream
                yield from zip_format._iter_zip(seekable, display, limits, depth, budget)
            elif kind == "tar":
                plain = _LimitedReader(stream, budget=budget, keep_partial=True)
                yield from tar._iter_tar(plain, display, limits, depth, budget)
            else:
                yield from compressed._iter_compressed(
                    stream, compressed._COMPRESSION_FAMILY[kind], display, limits, depth, budget
                )
    except ChildsafeError as exc:
        yield from _archive_failure(display, exc, budget)
    except _FORMAT_ERRORS as exc:
        yield ArchiveProblem(display, f"corrupt archive: {_describe(exc)}")
    else:
        if budget.exceeded:  # spent up by its last member
            yield from _budget_problem(display, budget)


def _emit(
    reader: _LimitedReader,
    path: str,
    size: int | None,
    limits: ArchiveLimits,
    depth: int,
    budget: _Budget,
) -> Iterator[_Item]:
    """Yield one member, or the members of the archive it holds; its stream dies afterwards."""
    try:
        try:
            head = reader.peek(ARCHIVE_SNIFF_BYTES)
        except ChildsafeError as exc:
            if not budget.exceeded:  # that one is reported by the archive, which stops
                yield ArchiveProblem(path, str(exc))
            return
        kind = archive_kind(head)
        if kind is None:
            yield ArchiveMember(path, size, cast(BinaryIO, reader))
        elif depth + 1 > limits.max_depth:
            # Not opened, but still hashed as a file: the archive itself may be a known one.
            yield ArchiveProblem(path, f"{_depth_message(depth + 1, limits)}, not opened")
            yield ArchiveMember(path, size, cast(BinaryIO, reader))
        elif budget.containers:
            yield from _nested_with_container(reader, kind, path, size, limits, depth + 1, budget)
        else:
            yield from _iter_stream(reader, kind, path, limits, depth + 1, budget)
    finally:
        reader.close()


def _nested_with_container(
    reader: _LimitedReader,
    kind: str,
    path: str,
    size: int | None,
    limits: ArchiveLimits,
    depth: int,
    budget: _Budget,
) -> Iterator[_Item]:
    """A nested archive's members, then its own item with the digests of all its bytes."""
    digests = ByteDigests(ContentType.OTHER)  # an archive's own bytes are hashed as any other file's
    reader.tap = digests.update
    errors: list[str] = []
    members: set[str] = set()  # paths: a problem and the member it names make one report line
    for item in _iter_stream(reader, kind, path, limits, depth, budget):
        if isinstance(item, ArchiveProblem) and item.path == path:
            errors.append(item.message)
        else:
            members.add(item.path)
            yield item
    complete = True
    try:  # the bytes after what the format read (tar padding, trailing data) count too
        while reader.read(_CHUNK):
            pass
    except ChildsafeError as exc:
        complete = False
        if str(exc) not in errors:
            errors.append(f"{exc}; its digests not computed")
    yield ArchiveContainer(path, kind, digests.size if complete else size, digests.signals() if complete else {},
                           len(members), "; ".join(errors) or None)
