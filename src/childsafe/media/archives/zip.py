"""Zip archives: the central directory is parsed by zipfile, every entry judged before it is read."""

from __future__ import annotations

import os
import stat
import struct
import zipfile
from collections.abc import Iterator
from typing import IO

from childsafe.media.archives import iterate
from childsafe.media.archives.items import (
    _FORMAT_ERRORS,
    ArchiveProblem,
    _budget_problem,
    _describe,
    _Item,
    _members_message,
)
from childsafe.media.archives.limits import _RATIO_FLOOR, ArchiveLimits, _Budget, _RatioCheck
from childsafe.media.archives.names import _member_path, _unsafe_name
from childsafe.media.archives.readers import _LimitedReader
from childsafe.media.archives.zip_entry import _ZIP_INFLATERS, _ZipEntryReader

# zipfile reads the whole central directory into memory (plus a ZipInfo per entry); refuse
# larger ones before it does.  128 MiB is over a million ordinary entries.
_MAX_ZIP_DIRECTORY_BYTES = 128 * 1024**2
_ZIP_ENCRYPTED = 0x1


def _iter_zip(fh: IO[bytes], display: str, limits: ArchiveLimits, depth: int, budget: _Budget) -> Iterator[_Item]:
    directory = _zip_directory_size(fh)
    if directory is not None and directory > _MAX_ZIP_DIRECTORY_BYTES:
        yield ArchiveProblem(
            display, f"zip directory of {directory} bytes exceeds the limit of {_MAX_ZIP_DIRECTORY_BYTES}, not read"
        )
        return
    with zipfile.ZipFile(fh) as archive:
        overlap = _overlapping_entries(archive.infolist())
        if overlap is not None:
            yield ArchiveProblem(display, overlap)
            return
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
    yield from iterate._emit(reader, path, info.file_size, limits, depth, budget)


_LOCAL_HEADER_MIN = 30  # a local file header without its name and extra field


def _overlapping_entries(infos: list[zipfile.ZipInfo]) -> str | None:
    """Why the zip is a bomb of overlapping entries, or None.

    A genuine zip stores each member once: a local header, then its data, then the next one.
    Directory entries pointing at the same or overlapping data let 40 entries re-read one
    100 MiB member (4 GiB of hashing); each entry's data must end before the next one starts.
    The bound used for an entry's end (header, no name, compressed size) is never past its true
    end, so a genuine zip is never refused.
    """
    ordered = sorted(infos, key=lambda i: i.header_offset)
    for before, after in zip(ordered, ordered[1:], strict=False):
        end = before.header_offset + _LOCAL_HEADER_MIN + before.compress_size
        if after.header_offset < end:
            return (f"zip bomb: entries {_printable(before.orig_filename)!r} and {_printable(after.orig_filename)!r} "
                    "share or overlap their data, not read")
    return None


def _printable(name: str) -> str:
    return "".join(ch if ch.isprintable() else "?" for ch in name)[:200]


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
