"""What iterating an archive yields, and how failures become problems for the analyst."""

from __future__ import annotations

import lzma
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO

from childsafe.errors import ChildsafeError
from childsafe.media.archives.limits import ArchiveLimits, _Budget

# Everything the archive and compression libraries raise on bad input.  Listed, not a bare
# ``except Exception``, so programming errors still surface; RuntimeError covers the
# RecursionError of a chain of pax headers.
_FORMAT_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    tarfile.TarError,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    RuntimeError,
    OverflowError,
    IndexError,
)


@dataclass
class ArchiveMember:
    """A regular file inside an archive.

    ``stream`` is valid only until the iterator advances.  Reading it raises
    :class:`MediaTooLargeError` past ``max_member_bytes``, :class:`UnsafeArchiveError` past the
    archive budget or ratio, and :class:`MediaDecodeError` on corrupt data.
    """

    path: str  # display path: "outer.zip!/inner.tar!/photo.jpg"
    size: int | None  # declared uncompressed size; None when the format does not say
    stream: BinaryIO


@dataclass(frozen=True)
class ArchiveContainer:
    """An archive nested in another one, after its members: its own digests, for its report line.

    Yielded only when :func:`~childsafe.media.archives.iter_archive` is asked for containers.
    The digests are None when its bytes could not all be read; ``error`` then says why (problems
    of the nested archive itself are folded in here rather than yielded on their own).
    """

    path: str
    kind: str  # archive_kind: zip, tar, tar.gz, gz, ...
    size: int | None
    #: Every byte hasher's signal by signal type name (md5, sha1, sha256 and any plug-in's);
    #: empty when its bytes could not all be read.
    signals: Mapping[str, str]
    members: int  # items yielded under it, nested ones included
    error: str | None

    @property
    def md5(self) -> str | None:
        return self.signals.get("md5")

    @property
    def sha1(self) -> str | None:
        return self.signals.get("sha1")

    @property
    def sha256(self) -> str | None:
        return self.signals.get("sha256")


@dataclass(frozen=True)
class ArchiveProblem:
    """Something in an archive was refused or could not be read; for the analyst's report."""

    path: str  # display path of the member, or of the archive itself
    message: str


_Item = ArchiveMember | ArchiveProblem | ArchiveContainer


def _archive_failure(display: str, exc: ChildsafeError, budget: _Budget) -> Iterator[_Item]:
    if budget.exceeded:
        yield from _budget_problem(display, budget)
    else:
        yield ArchiveProblem(display, f"{exc}; the rest of the archive not read")


def _budget_problem(display: str, budget: _Budget) -> Iterator[_Item]:
    # Reported once, by the innermost archive that noticed; the outer ones just stop.
    if not budget.reported:
        budget.reported = True
        yield ArchiveProblem(display, f"{budget.message()}; the rest not read")


def _depth_message(depth: int, limits: ArchiveLimits) -> str:
    return f"nested archive depth {depth} exceeds {limits.max_depth}"


def _members_message(limits: ArchiveLimits) -> str:
    return f"more than {limits.max_members} members; the rest not read"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
