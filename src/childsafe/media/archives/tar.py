"""Tar archives, read strictly forward as a stream; metadata headers are bounded."""

from __future__ import annotations

import tarfile
import weakref
from collections.abc import Iterator
from typing import BinaryIO, Self, cast

from childsafe.media.archives import iterate
from childsafe.media.archives.items import ArchiveProblem, _budget_problem, _Item, _members_message
from childsafe.media.archives.limits import ArchiveLimits, _Budget
from childsafe.media.archives.names import _member_path, _printable, _unsafe_name
from childsafe.media.archives.readers import _LimitedReader

# tarfile reads a pax or GNU long-name header whole into memory; real ones are a few kB.
_MAX_TAR_METADATA_BYTES = 8 * 1024**2
_TAR_METADATA_TYPES = (
    tarfile.XHDTYPE,
    tarfile.XGLTYPE,
    tarfile.SOLARIS_XHDTYPE,
    tarfile.GNUTYPE_LONGNAME,
    tarfile.GNUTYPE_LONGLINK,
)


# Why tarfile stopped, per TarFile: it ends iteration silently at a truncated or corrupt header
# after the first, and evidence must not be cut short without a word.
_TAR_STOPS: weakref.WeakKeyDictionary[tarfile.TarFile, tarfile.HeaderError] = weakref.WeakKeyDictionary()


# HeaderError subclasses (in tarfile since Python 3.2) that the typeshed stubs do not list.
_TAR_END_MARKER: type[tarfile.HeaderError] = tarfile.EOFHeaderError  # type: ignore[attr-defined]
_TAR_CUT_SHORT: tuple[type[tarfile.HeaderError], ...] = (
    tarfile.EmptyHeaderError,  # type: ignore[attr-defined]
    tarfile.TruncatedHeaderError,  # type: ignore[attr-defined]
)


class _CheckedTarInfo(tarfile.TarInfo):
    """TarInfo that refuses oversized metadata headers and remembers why parsing stopped."""

    @classmethod
    def frombuf(cls, buf: bytes | bytearray, encoding: str, errors: str) -> Self:
        info = super().frombuf(buf, encoding, errors)
        if info.type in _TAR_METADATA_TYPES and info.size > _MAX_TAR_METADATA_BYTES:
            raise tarfile.HeaderError(
                f"metadata header of {info.size} bytes exceeds the limit of {_MAX_TAR_METADATA_BYTES}"
            )
        return info

    @classmethod
    def fromtarfile(cls, tarfile_: tarfile.TarFile) -> Self:
        try:
            return super().fromtarfile(tarfile_)
        except tarfile.HeaderError as exc:
            _TAR_STOPS[tarfile_] = exc
            raise


def _iter_tar(
    stream: _LimitedReader, display: str, limits: ArchiveLimits, depth: int, budget: _Budget
) -> Iterator[_Item]:
    """A tar read strictly forward; ``stream`` already counts the budget (and the ratio)."""
    archive = tarfile.open(fileobj=cast(BinaryIO, stream), mode="r|", tarinfo=_CheckedTarInfo)
    with archive:
        count = 0
        while (info := archive.next()) is not None:
            # tarfile keeps every header it has read; forget them, or memory grows with the tar.
            archive.members.clear()  # type: ignore[attr-defined]
            stream.mark()
            count += 1
            if count > limits.max_members:
                yield ArchiveProblem(display, _members_message(limits))
                return
            yield from _tar_entry(archive, info, display, limits, depth, budget)
            if budget.exceeded:
                yield from _budget_problem(display, budget)
                return
        problem = _tar_end_problem(_TAR_STOPS.pop(archive, None), archive.offset)
        if problem is not None:
            yield ArchiveProblem(display, problem)


def _tar_entry(
    archive: tarfile.TarFile,
    info: tarfile.TarInfo,
    display: str,
    limits: ArchiveLimits,
    depth: int,
    budget: _Budget,
) -> Iterator[_Item]:
    path = _member_path(display, info.name)
    unsafe = _unsafe_name(info.name)
    if unsafe is not None:
        yield ArchiveProblem(path, f"unsafe member path ({unsafe}), not read")
        return
    if info.isdir():
        return
    refused = _tar_refusal(info, limits)
    if refused is not None:
        yield ArchiveProblem(path, refused)
        return
    data = archive.extractfile(info)
    if data is None:  # a type tarfile knows but cannot read as a file
        yield ArchiveProblem(path, f"member of type {info.type!r} not read")
        return
    reader = _LimitedReader(data, limit=limits.max_member_bytes)
    yield from iterate._emit(reader, path, info.size, limits, depth, budget)


def _tar_refusal(info: tarfile.TarInfo, limits: ArchiveLimits) -> str | None:
    """Why a tar entry is not read, or None to read it."""
    if info.issym():
        return f"link member not followed (symbolic link to {_printable(info.linkname)})"
    if info.islnk():
        return f"link member not followed (hard link to {_printable(info.linkname)})"
    if info.ischr() or info.isblk() or info.isfifo():
        return "special file member (device or FIFO), not read"
    # Anything else, unknown types included, is a regular file to tar and to tarfile alike:
    # read it, or it would hide data.
    if info.size > limits.max_member_bytes:
        return f"member of {info.size} bytes exceeds the limit of {limits.max_member_bytes}, not read"
    return None


def _tar_end_problem(stop: tarfile.HeaderError | None, offset: int) -> str | None:
    if stop is None or isinstance(stop, _TAR_END_MARKER):
        return None
    if isinstance(stop, _TAR_CUT_SHORT):
        return "truncated archive: it ends without the end-of-archive marker"
    return f"corrupt archive: {stop} at offset {offset}; the rest not read"
