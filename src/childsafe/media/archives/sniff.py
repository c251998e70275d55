"""Recognising an archive from its first bytes: magic numbers and the tar header checksum."""

from __future__ import annotations

import bz2
import lzma
import struct
import zlib

from childsafe.media.archives.items import _FORMAT_ERRORS

#: How many leading bytes to give :func:`archive_kind`.  Enough to see a tar header inside a
#: gzip or xz stream; bzip2 works in blocks of up to 900 kB and may stay undecided (see there).
ARCHIVE_SNIFF_BYTES = 4096

_TAR_BLOCK = 512


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
