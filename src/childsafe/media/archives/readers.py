"""The bounded streams every byte of an archive passes through, and the spool for nested zips."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from childsafe.errors import ChildsafeError, MediaDecodeError, MediaTooLargeError
from childsafe.media.archives.items import _FORMAT_ERRORS, _describe
from childsafe.media.archives.limits import _Budget, _RatioCheck
from childsafe.media.spool import process_spool_dir

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

_CHUNK = 64 * 1024  # small pulls, so a bomb is caught a few chunks after it starts expanding
_SPOOL_IN_MEMORY = 8 * 1024**2


class _Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


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
        #: Called with every byte handed out (not peeked), in order: a nested archive's digests.
        self.tap: Callable[[bytes], object] | None = None

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
        data = b"".join(parts)
        if self.tap is not None:
            self.tap(data)
        return data

    def read1(self, size: int = -1) -> bytes:
        self._check_open()
        if self._pending:
            return self.read(size if size >= 0 else len(self._pending))
        data = self._pull(_CHUNK if size < 0 else size)
        if self.tap is not None:
            self.tap(data)
        return data

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


def _spool(stream: _Readable, cap: int) -> tempfile.SpooledTemporaryFile[bytes]:
    # Beyond memory, an unnamed file (gone with the process, even after kill -9) in this
    # process's private spool folder, where every copy of media lives.
    spool = tempfile.SpooledTemporaryFile(max_size=_SPOOL_IN_MEMORY, prefix="childsafe-",
                                          dir=str(process_spool_dir()))
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
