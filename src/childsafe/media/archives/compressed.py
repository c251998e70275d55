"""A gzip, bzip2 or xz stream: the tar it holds, or else a one-member archive of its content."""

from __future__ import annotations

import bz2
import gzip
import lzma
from collections.abc import Iterator
from typing import BinaryIO, cast

from childsafe.media.archives import iterate, tar
from childsafe.media.archives.items import ArchiveProblem, _Item, _members_message
from childsafe.media.archives.limits import ArchiveLimits, _Budget, _RatioCheck
from childsafe.media.archives.names import _member_path, _single_member_name
from childsafe.media.archives.readers import _CountingReader, _LimitedReader, _Readable
from childsafe.media.archives.sniff import _TAR_BLOCK, _looks_like_tar

_COMPRESSION_FAMILY = {"tar.gz": "gz", "gz": "gz", "tar.bz2": "bz2", "bz2": "bz2", "tar.xz": "xz", "xz": "xz"}


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
            yield from tar._iter_tar(plain, display, limits, depth, budget)
        elif limits.max_members < 1:
            yield ArchiveProblem(display, _members_message(limits))
        else:
            path = _member_path(display, _single_member_name(display))
            member = _LimitedReader(plain, limit=limits.max_member_bytes)
            yield from iterate._emit(member, path, None, limits, depth, budget)
