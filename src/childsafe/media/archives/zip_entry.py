"""One zip entry's data, decompressed here (not by zipfile) with a bound on every output."""

from __future__ import annotations

import bz2
import lzma
import struct
import zipfile
import zlib
from typing import IO, Protocol

from childsafe.media.archives.readers import _CHUNK


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
