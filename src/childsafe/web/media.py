"""Media for the review UI: the scanned file, streamed from its original path on demand.

Media bytes are never stored, so the only copy shown is the file the scan read.  It is shown only
if it is still the file that was scanned: opened (following a link, as the scan did), checked on
the open descriptor to be a regular file of the scanned size and modification time, and its type
sniffed from its first bytes (never its name).  The bytes go out through that same descriptor, so
the file cannot be swapped between the check and the read.  Anything else is said in words.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from starlette.responses import Response, StreamingResponse

from childsafe.store.base import ScanRecord

__all__ = ["MediaCheck", "check_media", "media_response", "open_media"]

_CHUNK: Final = 256 * 1024
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
#: Video container brands browsers play (ISO base media); still-image brands are handled as photos.
_MP4_BRANDS: Final = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash",
                      b"MSNV", b"f4v ", b"3gp4", b"3gp5", b"3gp6", b"3g2a"}


@dataclass(frozen=True)
class MediaCheck:
    ok: bool
    kind: str = ""  # photo | video when ok
    mime: str = ""
    message: str = ""  # why it cannot be shown
    size: int = 0


def _sniff(head: bytes) -> tuple[str, str]:
    if head.startswith(b"\xff\xd8\xff"):
        return "photo", "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "photo", "image/png"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "photo", "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "photo", "image/webp"
    if head.startswith(b"BM"):
        return "photo", "image/bmp"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"avif", b"avis"):
            return "photo", "image/avif"
        if brand == b"qt  ":
            return "video", "video/quicktime"
        if brand in _MP4_BRANDS:
            return "video", "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video", "video/webm"
    return "", ""


def open_media(path: str, scanned: ScanRecord | None) -> tuple[int | None, MediaCheck]:
    """An open descriptor and its check; the descriptor is None (and closed) when not ``ok``."""
    if scanned is None:
        return None, MediaCheck(False, message="not a scanned item: only files a scan recorded are shown")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        if "!/" in path:
            return None, MediaCheck(False, message="this item is inside an archive: open the archive with your "
                                                   "forensic tools (members are not extracted here)")
        return None, MediaCheck(False, message="the file is gone: it was moved or deleted after the scan "
                                               "(its hashes and matches above remain the record)")
    except OSError as exc:
        return None, MediaCheck(False, message=f"the file cannot be opened: {exc.strerror or exc}")
    try:
        check = _check_open(fd, scanned)
    except OSError as exc:
        check = MediaCheck(False, message=f"the file cannot be read: {exc.strerror or exc}")
    if not check.ok:
        os.close(fd)
        return None, check
    return fd, check


def check_media(path: str, scanned: ScanRecord | None) -> MediaCheck:
    fd, check = open_media(path, scanned)
    if fd is not None:
        os.close(fd)
    return check


def _check_open(fd: int, scanned: ScanRecord) -> MediaCheck:
    st = os.fstat(fd)
    if not stat.S_ISREG(st.st_mode):
        return MediaCheck(False, message="the path is no longer a regular file; not shown")
    if (scanned.size is not None and st.st_size != scanned.size) or (
            scanned.mtime_ns is not None and st.st_mtime_ns != scanned.mtime_ns):
        return MediaCheck(False, message="the file at this path changed after it was scanned (size or time "
                                         "differ): scan it again to review it")
    kind, mime = _sniff(os.pread(fd, 64, 0))
    if not kind:
        return MediaCheck(False, message="this format cannot be shown in a browser; its hashes above are the record")
    return MediaCheck(True, kind, mime, size=st.st_size)


def media_response(fd: int, check: MediaCheck, range_header: str | None) -> Response:
    """Stream ``fd`` (closed when done), honouring one ``Range`` for video seeking."""
    size = check.size
    start, end, status = 0, size - 1, 200
    if range_header:
        match = _RANGE.match(range_header.strip())
        first, last = (match.group(1), match.group(2)) if match else ("", "")
        if match and first:
            start, end = int(first), min(int(last), size - 1) if last else size - 1
        elif match and last:
            start, end = max(0, size - int(last)), size - 1
        if not match or (not first and not last) or start > end or start >= size:
            os.close(fd)
            return Response(status_code=416, headers={"Content-Range": f"bytes */{size}"})
        status = 206
    headers = {"Accept-Ranges": "bytes", "Content-Length": str(end - start + 1),
               "Content-Disposition": 'inline; filename="review-item"',
               "Content-Security-Policy": "default-src 'none'; sandbox", "Cross-Origin-Resource-Policy": "same-origin"}
    if status == 206:
        headers["Content-Range"] = f"bytes {start}-{end}/{size}"
    return StreamingResponse(_Chunks(fd, start, end), status_code=status, media_type=check.mime, headers=headers)


class _Chunks:
    """The byte range of ``fd`` in chunks; closes ``fd`` at the end, on error, or when dropped unread."""

    def __init__(self, fd: int, start: int, end: int) -> None:
        self.fd: int | None = fd
        self.position, self.end = start, end

    def __iter__(self) -> Iterator[bytes]:
        return self

    def __next__(self) -> bytes:
        if self.fd is None or self.position > self.end:
            self.close()
            raise StopIteration
        try:
            data = os.pread(self.fd, min(_CHUNK, self.end - self.position + 1), self.position)
        except OSError:
            self.close()
            raise
        if not data:
            self.close()
            raise StopIteration
        self.position += len(data)
        return data

    def close(self) -> None:
        if self.fd is not None:
            fd, self.fd = self.fd, None
            os.close(fd)

    def __del__(self) -> None:
        self.close()
