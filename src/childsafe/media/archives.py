"""Read zip and tar archives in place, safely, so their members can be hashed like files.

Nothing is ever written to disk under a member's name: members are handed out as bounded
streams.  Seized archives are hostile input, so every byte passes through a reader that enforces
the limits of :class:`ArchiveLimits` *while* it reads (headers lie), and every failure of the
archive libraries becomes an :class:`ArchiveProblem` for the analyst instead of an exception.

Design decisions worth knowing:

* zip members are decompressed here, not by :mod:`zipfile`, which inflates bzip2 and LZMA
  members without an output bound (4 KiB of bzip2 can expand to gigabytes in one call before
  zipfile truncates to the declared size).  zipfile only parses the central directory.
* tar is read as a stream (``r|``), never seeking back; tar.gz/bz2/xz are decompressed here so
  the compressed bytes can be counted for the expansion ratio.
* A gzip, bzip2 or xz file that does not hold a tar is a one-member archive (``x.jpg.gz!/x.jpg``)
  so that a photo hidden in a plain ``.gz`` is still hashed.
* Bytes are counted against ``max_archive_bytes`` at every level they pass through, so a nested
  archive costs its outer archive's budget too.
* A nested zip needs seeking: it is spooled to an anonymous temporary file (memory up to 8 MiB,
  then the system temp dir, unlinked at once on POSIX).
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import os
import stat
import struct
import tarfile
import tempfile
import weakref
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, fields
from pathlib import Path
from typing import IO, TYPE_CHECKING, BinaryIO, Protocol, Self, cast

from childsafe import config
from childsafe.errors import (
    ChildsafeError,
    ConfigError,
    MediaDecodeError,
    MediaTooLargeError,
    UnsafeArchiveError,
)

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

__all__ = [
    "ARCHIVE_SNIFF_BYTES",
    "ArchiveLimits",
    "ArchiveMember",
    "ArchiveProblem",
    "archive_kind",
    "iter_archive",
]

#: How many leading bytes to give :func:`archive_kind`.  Enough to see a tar header inside a
#: gzip or xz stream; bzip2 works in blocks of up to 900 kB and may stay undecided (see there).
ARCHIVE_SNIFF_BYTES = 4096

_CHUNK = 64 * 1024  # small pulls, so a bomb is caught a few chunks after it starts expanding
_TAR_BLOCK = 512
# Members expanding to less than this are never called bombs: a small file of zeros compresses
# absurdly well and is harmless.
_RATIO_FLOOR = 1024**2
# Decompressors read a little compressed input ahead of what they have expanded; without this
# credit a legitimate member starting just after such a read-ahead would look like a bomb.
_READAHEAD_CREDIT = 64 * 1024
# zipfile reads the whole central directory into memory (plus a ZipInfo per entry); refuse
# larger ones before it does.  128 MiB is over a million ordinary entries.
_MAX_ZIP_DIRECTORY_BYTES = 128 * 1024**2
# tarfile reads a pax or GNU long-name header whole into memory; real ones are a few kB.
_MAX_TAR_METADATA_BYTES = 8 * 1024**2
_SPOOL_IN_MEMORY = 8 * 1024**2

_ZIP_ENCRYPTED = 0x1
_TAR_METADATA_TYPES = (
    tarfile.XHDTYPE,
    tarfile.XGLTYPE,
    tarfile.SOLARIS_XHDTYPE,
    tarfile.GNUTYPE_LONGNAME,
    tarfile.GNUTYPE_LONGLINK,
)
_COMPRESSION_FAMILY = {"tar.gz": "gz", "gz": "gz", "tar.bz2": "bz2", "bz2": "bz2", "tar.xz": "xz", "xz": "xz"}

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


@dataclass(frozen=True)
class ArchiveLimits:
    """Expansion limits for one archive; see :mod:`childsafe.config` for the defaults."""

    max_member_bytes: int = config.DEFAULT_MAX_MEMBER_BYTES
    #: Total uncompressed bytes read from one archive, nested archives included.
    max_archive_bytes: int = config.DEFAULT_MAX_ARCHIVE_BYTES
    #: Per member uncompressed/compressed (whole stream window for tar.gz & co.): zip bombs.
    max_ratio: int = config.DEFAULT_MAX_ARCHIVE_RATIO
    #: Archives inside archives opened at most this deep (0: none).
    max_depth: int = config.DEFAULT_MAX_ARCHIVE_DEPTH
    #: Entries (of every kind) read from one archive.
    max_members: int = config.DEFAULT_MAX_ARCHIVE_MEMBERS

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if value < 0:
                raise ConfigError(f"archive limit {f.name} must not be negative, got {value}")

    @classmethod
    def from_settings(cls, settings: config.Settings) -> ArchiveLimits:
        return cls(
            max_member_bytes=settings.max_member_bytes,
            max_archive_bytes=settings.max_archive_bytes,
            max_ratio=settings.max_archive_ratio,
            max_depth=settings.max_archive_depth,
            max_members=settings.max_archive_members,
        )


_DEFAULT_LIMITS = ArchiveLimits()


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
class ArchiveProblem:
    """Something in an archive was refused or could not be read; for the analyst's report."""

    path: str  # display path of the member, or of the archive itself
    message: str


_Item = ArchiveMember | ArchiveProblem


# --------------------------------------------------------------------------- detection


def archive_kind(head: bytes) -> str | None:
    """Kind of archive from its first bytes (give :data:`ARCHIVE_SNIFF_BYTES`), else None.

    Returns ``"zip"``, ``"tar"``, ``"tar.gz"``, ``"tar.bz2"``, ``"tar.xz"``, or ``"gz"``,
    ``"bz2"``, ``"xz"`` for a compressed file that holds no tar: those are opened as one-member
    archives.  Compressed heads are decompressed to look for a tar header; when ``head`` is too
    short to tell (bzip2, whose first block can be 900 kB), the answer is the ``tar.`` kind, as
    missing an archive is worse than a wrong label, and :func:`iter_archive` decides for itself.
    Office documents, JARs and EPUBs are zips, and are meant to be opened as such.
    """
    if _looks_like_tar(head):
        return "tar"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")):
        return "zip"
    family = _compression_family(head)
    if family is None:
        return None
    holds_tar = _compressed_head_holds_tar(family, head)
    return family if holds_tar is False else f"tar.{family}"


def _compression_family(head: bytes) -> str | None:
    if head.startswith(b"\x1f\x8b\x08"):
        return "gz"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    # "BZh", block size 1-9, then a block or an end-of-stream marker.
    if head[:3] == b"BZh" and head[3:4].isdigit() and head[3:4] != b"0":
        if head[4:10] in (b"1AY&SY", b"\x17rE8P\x90"):
            return "bz2"
    return None


def _compressed_head_holds_tar(family: str, head: bytes) -> bool | None:
    """True/False once the first decompressed block is seen; None when head is too short."""
    decompressor: zlib._Decompress | bz2.BZ2Decompressor | lzma.LZMADecompressor
    if family == "gz":
        decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    elif family == "bz2":
        decompressor = bz2.BZ2Decompressor()
    else:
        decompressor = lzma.LZMADecompressor()
    try:
        block = decompressor.decompress(head, _TAR_BLOCK)
    except _FORMAT_ERRORS:
        return False  # corrupt: opened as a single stream, where the error is reported
    if len(block) >= _TAR_BLOCK:
        return _looks_like_tar(block)
    return False if decompressor.eof else None


def _looks_like_tar(head: bytes) -> bool:
    """A tar header is recognised by its checksum (old v7 tars have no "ustar" magic)."""
    if len(head) < _TAR_BLOCK:
        return False
    block = head[:_TAR_BLOCK]
    field = block[148:156].split(b"\x00", 1)[0].strip()
    try:
        stored = int(field, 8)
    except ValueError:
        return False
    # The checksum is computed with its own field read as eight spaces; some old tars summed
    # signed bytes, which tarfile also accepts.
    unsigned = sum(block) - sum(block[148:156]) + 8 * 32
    signed = sum(struct.unpack("512b", block)) - sum(struct.unpack("8b", block[148:156])) + 8 * 32
    return stored in (unsigned, signed)


# --------------------------------------------------------------------------- limits


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class _Consumed(Protocol):
    """Anything that knows how many compressed bytes it has taken so far."""

    @property
    def consumed(self) -> int: ...


class _Budget:
    """Uncompressed bytes one archive may expand to, shared with the archives nested in it."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.spent = 0
        self.reported = False

    @property
    def exceeded(self) -> bool:
        return self.spent > self.limit

    def message(self) -> str:
        return f"archive expands beyond the limit of {self.limit} bytes"

    def spend(self, count: int) -> None:
        self.spent += count
        if self.exceeded:
            raise UnsafeArchiveError(self.message())


class _RatioCheck:
    """Refuses output growing faster than ``max_ratio`` times the compressed input taken."""

    def __init__(self, compressed: _Consumed, max_ratio: int, label: str) -> None:
        self._compressed = compressed
        self._max_ratio = max_ratio
        self._label = label
        self._base = compressed.consumed

    def mark(self) -> None:
        """Start a new window (a new tar member): ratios are judged per member."""
        self._base = self._compressed.consumed

    def check(self, produced: int) -> None:
        if produced <= _RATIO_FLOOR:
            return
        consumed = self._compressed.consumed - self._base
        if produced > self._max_ratio * (consumed + _READAHEAD_CREDIT):
            ratio = produced // max(consumed, 1)
            raise UnsafeArchiveError(
                f"{self._label}: {produced} bytes expanded from {consumed} (ratio {ratio}:1 exceeds {self._max_ratio})"
            )


class _LimitedReader(io.BufferedIOBase):
    """Every byte of an archive passes through one of these; it enforces limits as it reads.

    ``read(n)`` returns n bytes unless the end comes first, like a buffered file (hash_stream
    relies on that), but pulls from its source in small chunks and checks after each one, so a
    bomb stops a few chunks in whatever n was asked for.  Library errors become
    :class:`MediaDecodeError`; any failure is sticky, so later reads fail the same way.
    Closing does not close the source: its owner does.
    """

    def __init__(
        self,
        source: _Readable,
        *,
        limit: int | None = None,
        budget: _Budget | None = None,
        ratio: _RatioCheck | None = None,
        keep_partial: bool = False,
    ) -> None:
        super().__init__()
        # read1 where there is one: a buffered decompressor then hands over what it has
        # before failing at a truncation, instead of losing it with the error.
        self._read_source: Callable[[int], bytes] = getattr(source, "read1", source.read)
        self._keep_partial = keep_partial
        self._limit = limit
        self._budget = budget
        self._ratio = ratio
        self._pending = b""  # peeked, not yet returned
        self._produced = 0
        self._window = 0  # produced since the last mark(), for the ratio
        self._eof = False
        self._failure: ChildsafeError | None = None

    def readable(self) -> bool:
        return True

    def mark(self) -> None:
        self._window = 0
        if self._ratio is not None:
            self._ratio.mark()

    def peek(self, size: int = 1) -> bytes:
        """Up to ``size`` bytes without consuming them (fewer only at the end)."""
        self._check_open()
        parts = [self._pending]
        have = len(self._pending)
        while have < size and (chunk := self._pull(size - have)):
            parts.append(chunk)
            have += len(chunk)
        self._pending = b"".join(parts)
        return self._pending[:size]

    def read(self, size: int | None = -1) -> bytes:
        self._check_open()
        want = -1 if size is None or size < 0 else size
        parts: list[bytes] = []
        have = 0
        if self._pending:
            taken = self._pending if want < 0 else self._pending[:want]
            self._pending = self._pending[len(taken) :]
            parts.append(taken)
            have = len(taken)
        try:
            while want < 0 or have < want:
                chunk = self._pull(_CHUNK if want < 0 else want - have)
                if not chunk:
                    break
                parts.append(chunk)
                have += len(chunk)
        except ChildsafeError:
            # Under tarfile, which reads ahead in records, hand over the bytes before a
            # truncation (the members in them stay readable); the failure is sticky, so the
            # next read raises it.  Never for a member itself: a short read would pass for
            # its end and a truncated file would be hashed without an error.
            if not (self._keep_partial and parts):
                raise
        return b"".join(parts)

    def read1(self, size: int = -1) -> bytes:
        self._check_open()
        if self._pending:
            return self.read(size if size >= 0 else len(self._pending))
        return self._pull(_CHUNK if size < 0 else size)

    def readinto(self, buffer: WriteableBuffer, /) -> int:
        view = memoryview(buffer).cast("B")
        data = self.read(len(view))
        view[: len(data)] = data
        return len(data)

    def _check_open(self) -> None:
        if self.closed:
            raise ValueError("archive member stream read after the archive iterator moved on")

    def _pull(self, size: int) -> bytes:
        if self._failure is not None:
            raise type(self._failure)(str(self._failure))
        if self._eof or size == 0:
            return b""
        try:
            chunk = self._read_source(min(size, _CHUNK))
            if not chunk:
                self._eof = True
                return b""
            self._produced += len(chunk)
            self._window += len(chunk)
            self._enforce(len(chunk))
        except ChildsafeError as exc:
            self._failure = exc
            raise
        except _FORMAT_ERRORS as exc:
            failure = MediaDecodeError(f"corrupt archive data: {_describe(exc)}")
            self._failure = failure
            raise failure from exc
        return chunk

    def _enforce(self, count: int) -> None:
        if self._limit is not None and self._produced > self._limit:
            raise MediaTooLargeError(f"archive member larger than the limit of {self._limit} bytes")
        if self._budget is not None:
            self._budget.spend(count)
        if self._ratio is not None:
            self._ratio.check(self._window)


class _CountingReader:
    """Counts the compressed bytes a decompressor takes from the archive file."""

    def __init__(self, source: _Readable) -> None:
        self._source = source
        self.consumed = 0

    def read(self, size: int = -1, /) -> bytes:
        data = self._source.read(size)
        self.consumed += len(data)
        return data


# --------------------------------------------------------------------------- entry points


def iter_archive(
    source: Path | BinaryIO,
    display: str,
    limits: ArchiveLimits = _DEFAULT_LIMITS,
    depth: int = 0,
) -> Iterator[ArchiveMember | ArchiveProblem]:
    """Yield the regular-file members of a zip or tar archive, and problems, in archive order.

    ``display`` names the archive in paths (``display!/member``).  Nested archives are opened
    up to ``limits.max_depth`` and their members yielded in place of them.  Never raises for
    bad input: corrupt, truncated, hostile or oversized archives end in an
    :class:`ArchiveProblem`, after any members already yielded.  A ``source`` stream is read
    from its current position and not closed; a path is opened and closed here.  Exhaust or
    close the iterator to release files promptly.
    """
    if depth > limits.max_depth:
        yield ArchiveProblem(display, _depth_message(depth, limits))
        return
    budget = _Budget(limits.max_archive_bytes)
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
                yield from _iter_zip(seekable, display, limits, depth, budget)
            elif kind == "tar":
                plain = _LimitedReader(stream, budget=budget, keep_partial=True)
                yield from _iter_tar(plain, display, limits, depth, budget)
            else:
                yield from _iter_compressed(stream, _COMPRESSION_FAMILY[kind], display, limits, depth, budget)
    except ChildsafeError as exc:
        yield from _archive_failure(display, exc, budget)
    except _FORMAT_ERRORS as exc:
        yield ArchiveProblem(display, f"corrupt archive: {_describe(exc)}")
    else:
        if budget.exceeded:  # spent up by its last member
            yield from _budget_problem(display, budget)


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


def _spool(stream: _Readable, cap: int) -> tempfile.SpooledTemporaryFile[bytes]:
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY, prefix="childsafe-")
    copied = 0
    try:
        while chunk := stream.read(_CHUNK):
            copied += len(chunk)
            if copied > cap:
                raise MediaTooLargeError(f"archive larger than the limit of {cap} bytes")
            spool.write(chunk)
        spool.seek(0)
    except BaseException:
        spool.close()
        raise
    return spool


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
        else:
            yield from _iter_stream(reader, kind, path, limits, depth + 1, budget)
    finally:
        reader.close()


# --------------------------------------------------------------------------- zip


def _iter_zip(fh: IO[bytes], display: str, limits: ArchiveLimits, depth: int, budget: _Budget) -> Iterator[_Item]:
    directory = _zip_directory_size(fh)
    if directory is not None and directory > _MAX_ZIP_DIRECTORY_BYTES:
        yield ArchiveProblem(
            display, f"zip directory of {directory} bytes exceeds the limit of {_MAX_ZIP_DIRECTORY_BYTES}, not read"
        )
        return
    with zipfile.ZipFile(fh) as archive:
        for index, info in enumerate(archive.infolist()):
            if budget.exceeded:
                yield from _budget_problem(display, budget)
                return
            if index >= limits.max_members:
                yield ArchiveProblem(display, _members_message(limits))
                return
            yield from _zip_entry(fh, info, display, limits, depth, budget)


def _zip_entry(
    fh: IO[bytes],
    info: zipfile.ZipInfo,
    display: str,
    limits: ArchiveLimits,
    depth: int,
    budget: _Budget,
) -> Iterator[_Item]:
    name = info.orig_filename  # zipfile cuts ``filename`` at a NUL; the analyst must see it
    path = _member_path(display, name)
    unsafe = _unsafe_name(name)
    if unsafe is not None:
        yield ArchiveProblem(path, f"unsafe member path ({unsafe}), not read")
        return
    if info.is_dir() or _zip_file_type(info) == stat.S_IFDIR:
        return
    refused = _zip_refusal(info, limits)
    if refused is not None:
        yield ArchiveProblem(path, refused)
        return
    try:
        entry = _ZipEntryReader(fh, info)
    except _FORMAT_ERRORS as exc:
        yield ArchiveProblem(path, f"corrupt member: {_describe(exc)}")
        return
    ratio = _RatioCheck(entry, limits.max_ratio, "zip bomb")
    reader = _LimitedReader(entry, limit=limits.max_member_bytes, budget=budget, ratio=ratio)
    yield from _emit(reader, path, info.file_size, limits, depth, budget)


def _zip_refusal(info: zipfile.ZipInfo, limits: ArchiveLimits) -> str | None:
    """Why a zip entry is not read, judged from its header before any byte is inflated."""
    file_type = _zip_file_type(info)
    if file_type == stat.S_IFLNK:
        return "link member not followed (symbolic link)"
    if file_type not in (0, stat.S_IFREG):
        return "special file member (device, FIFO or socket), not read"
    if info.flag_bits & _ZIP_ENCRYPTED:
        return "encrypted member, not read"
    if info.compress_type not in _ZIP_INFLATERS:
        return f"unsupported compression method {info.compress_type}, not read"
    if info.file_size > limits.max_member_bytes:
        return f"member of {info.file_size} bytes exceeds the limit of {limits.max_member_bytes}, not read"
    ratio = info.file_size // max(info.compress_size, 1)
    if info.file_size > _RATIO_FLOOR and ratio > limits.max_ratio:
        return f"zip bomb: ratio {ratio}:1 exceeds {limits.max_ratio}, not read"
    return None


def _zip_file_type(info: zipfile.ZipInfo) -> int:
    """The Unix file type of an entry made on Unix (0 when the zip does not say)."""
    return stat.S_IFMT(info.external_attr >> 16) if info.create_system == 3 else 0


_EOCD = struct.Struct("<4s4H2LH")
_ZIP64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_EOCD = struct.Struct("<4sQ2H2L4Q")


def _zip_directory_size(fh: IO[bytes]) -> int | None:
    """Central directory size from the end records, read before zipfile loads it whole."""
    end = fh.seek(0, os.SEEK_END)
    start = max(0, end - (_EOCD.size + 0xFFFF + _ZIP64_LOCATOR.size))
    fh.seek(start)
    tail = fh.read()
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + _EOCD.size > len(tail):
        return None  # zipfile will report the archive as corrupt
    size = int(_EOCD.unpack_from(tail, at)[5])
    if size != 0xFFFFFFFF:
        return size
    locator = at - _ZIP64_LOCATOR.size
    if locator < 0 or tail[locator : locator + 4] != b"PK\x06\x07":
        return None
    fh.seek(_ZIP64_LOCATOR.unpack_from(tail, locator)[2])
    record = fh.read(_ZIP64_EOCD.size)
    if len(record) != _ZIP64_EOCD.size or record[:4] != b"PK\x06\x06":
        return None  # e.g. a self-extractor whose offsets are relative; let zipfile decide
    return int(_ZIP64_EOCD.unpack(record)[8])


class _Inflater(Protocol):
    @property
    def eof(self) -> bool: ...
    @property
    def needs_input(self) -> bool: ...
    def decompress(self, data: bytes, max_length: int = ..., /) -> bytes: ...


class _Deflate:
    """zlib's raw inflater, given the ``needs_input`` of the bz2 and lzma decompressors."""

    def __init__(self) -> None:
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)

    @property
    def eof(self) -> bool:
        return self._inflater.eof

    @property
    def needs_input(self) -> bool:
        return not self._inflater.unconsumed_tail

    def decompress(self, data: bytes, max_length: int = 0, /) -> bytes:
        return self._inflater.decompress(self._inflater.unconsumed_tail + data, max_length)


class _ZipLzma:
    """LZMA in zip: a 4-byte version/size header and the LZMA1 properties, then raw LZMA1."""

    def __init__(self) -> None:
        self._header = b""
        self._inflater: lzma.LZMADecompressor | None = None

    @property
    def eof(self) -> bool:
        return self._inflater is not None and self._inflater.eof

    @property
    def needs_input(self) -> bool:
        return self._inflater is None or self._inflater.needs_input

    def decompress(self, data: bytes, max_length: int = -1, /) -> bytes:
        if self._inflater is None:
            self._header += data
            props_size = int.from_bytes(self._header[2:4], "little")
            if len(self._header) < 4 + props_size:
                return b""
            props = self._header[4 : 4 + props_size]
            self._inflater = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[_lzma1_filter(props)])
            data, self._header = self._header[4 + props_size :], b""
        return self._inflater.decompress(data, max_length)


def _lzma1_filter(props: bytes) -> dict[str, int]:
    if len(props) != 5 or props[0] >= 9 * 5 * 5:
        raise lzma.LZMAError("invalid LZMA properties in zip member")
    return {
        "id": lzma.FILTER_LZMA1,
        "lc": props[0] % 9,
        "lp": props[0] // 9 % 5,
        "pb": props[0] // 45,
        "dict_size": int.from_bytes(props[1:5], "little"),
    }


_ZIP_INFLATERS: dict[int, type[_Inflater] | None] = {
    zipfile.ZIP_STORED: None,
    zipfile.ZIP_DEFLATED: _Deflate,
    zipfile.ZIP_BZIP2: bz2.BZ2Decompressor,
    zipfile.ZIP_LZMA: _ZipLzma,
}
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")


class _ZipEntryReader:
    """One zip entry's data read straight from the file, inflated with a bounded output.

    Expanding beyond the declared size is an error at once (zipfile silently truncates), so
    once the declared ratio has been checked a lying header cannot expand further.  The CRC and
    size are verified at the end.
    """

    def __init__(self, fh: IO[bytes], info: zipfile.ZipInfo) -> None:
        fh.seek(info.header_offset)
        header = fh.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise zipfile.BadZipFile("bad local file header")
        name_size, extra_size = _LOCAL_HEADER.unpack(header)[-2:]
        self._fh = fh
        self._position = info.header_offset + _LOCAL_HEADER.size + name_size + extra_size
        self._left = info.compress_size
        self._declared_size = info.file_size
        self._declared_crc = info.CRC
        inflater = _ZIP_INFLATERS[info.compress_type]
        self._inflater = None if inflater is None else inflater()
        self._crc = 0
        self._produced = 0
        self._done = False
        self.consumed = 0  # compressed bytes taken, for the ratio

    def read(self, size: int, /) -> bytes:
        if self._done or size == 0:
            return b""
        size = _CHUNK if size < 0 else size
        data = self._read_raw(size) if self._inflater is None else self._inflate(size)
        if not data:
            self._finish()
            return b""
        self._crc = zlib.crc32(data, self._crc)
        self._produced += len(data)
        if self._produced > self._declared_size:
            raise zipfile.BadZipFile(f"member expands beyond its declared size of {self._declared_size} bytes")
        return data

    def _read_raw(self, size: int) -> bytes:
        if self._left <= 0:
            return b""
        self._fh.seek(self._position)
        data = self._fh.read(min(size, self._left))
        if not data:
            raise EOFError("zip member data ends before its declared compressed size")
        self._position += len(data)
        self._left -= len(data)
        self.consumed += len(data)
        return data

    def _inflate(self, size: int) -> bytes:
        inflater = self._inflater
        assert inflater is not None
        while not inflater.eof:
            data = b""
            if inflater.needs_input:
                data = self._read_raw(_CHUNK)
                if not data:  # compressed input used up: drain, then it must be complete
                    out = inflater.decompress(b"", size)
                    if out or self._produced == self._declared_size:  # LZMA may lack an end mark
                        return out
                    raise EOFError("compressed data ends before the member is complete")
            out = inflater.decompress(data, size)
            if out:
                return out
        return b""

    def _finish(self) -> None:
        self._done = True
        if self._produced != self._declared_size:
            raise zipfile.BadZipFile(f"member is {self._produced} bytes, its header says {self._declared_size}")
        if self._crc != self._declared_crc:
            raise zipfile.BadZipFile("CRC-32 mismatch: member data is corrupt")


# --------------------------------------------------------------------------- tar


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


def _iter_compressed(
    stream: _Readable,
    family: str,
    display: str,
    limits: ArchiveLimits,
    depth: int,
    budget: _Budget,
) -> Iterator[_Item]:
    counted = _CountingReader(stream)
    decompressed: gzip.GzipFile | bz2.BZ2File | lzma.LZMAFile
    compressed = cast(BinaryIO, counted)  # the typeshed stubs ask for seeking; reading suffices
    if family == "gz":
        decompressed = gzip.GzipFile(fileobj=compressed, mode="rb")
    elif family == "bz2":
        decompressed = bz2.BZ2File(compressed)
    else:
        decompressed = lzma.LZMAFile(compressed)
    with decompressed:
        ratio = _RatioCheck(counted, limits.max_ratio, "decompression bomb")
        plain = _LimitedReader(decompressed, budget=budget, ratio=ratio, keep_partial=True)
        if _looks_like_tar(plain.peek(_TAR_BLOCK)):
            yield from _iter_tar(plain, display, limits, depth, budget)
        elif limits.max_members < 1:
            yield ArchiveProblem(display, _members_message(limits))
        else:
            path = _member_path(display, _single_member_name(display))
            member = _LimitedReader(plain, limit=limits.max_member_bytes)
            yield from _emit(member, path, None, limits, depth, budget)


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
    yield from _emit(reader, path, info.size, limits, depth, budget)


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


# --------------------------------------------------------------------------- names, messages


def _unsafe_name(name: str) -> str | None:
    """Why a member name could escape an extraction folder, or None.  We never write by name,
    but an archive built to escape is itself a finding the analyst must see."""
    if "\x00" in name:
        return "NUL byte"
    normalized = name.replace("\\", "/")
    if normalized.startswith("/"):
        return "absolute"
    if len(normalized) >= 2 and normalized[1] == ":" and normalized[0].isascii() and normalized[0].isalpha():
        return "drive letter"
    if ".." in normalized.split("/"):
        return "'..' component"
    return None


def _printable(text: str) -> str:
    # Names come from the archive: escape control characters so a name cannot rewrite the
    # analyst's terminal or forge lines in a report.
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def _member_path(display: str, name: str) -> str:
    return f"{display}!/{_printable(name)}"


def _single_member_name(display: str) -> str:
    """``photo.jpg.gz`` holds ``photo.jpg``; gzip's stored name is ignored (untrusted, optional)."""
    base = display.replace("\\", "/").rsplit("/", 1)[-1]
    for suffix in (".gz", ".bz2", ".xz"):
        if base.lower().endswith(suffix) and len(base) > len(suffix):
            return base[: -len(suffix)]
    return base or "data"


def _depth_message(depth: int, limits: ArchiveLimits) -> str:
    return f"nested archive depth {depth} exceeds {limits.max_depth}"


def _members_message(limits: ArchiveLimits) -> str:
    return f"more than {limits.max_members} members; the rest not read"


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
