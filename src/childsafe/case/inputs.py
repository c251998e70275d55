"""What every path added to a case holds: media, chat exports, account-event files, or unknown files.

The paths are walked with the scan's walk (:func:`childsafe.scan.walk`: no symlink loops, unreadable
folders and vanished paths are per-item errors) and archives are read in place with the scan's safe
archive reader (:func:`childsafe.media.archives.iter_archive`: limits enforced while reading, no
member ever written under its own name).  Each file is told by its content, never its name:

* ``media``: a photo or video (the content sniffing of ``scan``), and archives, whose media members the
  scan itself hashes;
* ``chat``: a chat export, by the chat-format registry's sniffing (JSON Lines, CSV, PAN 2012, WhatsApp,
  Telegram, Discord, Instagram/Facebook, plug-ins);
* ``events``: an account-event file as ``graph ingest`` reads it, by its CSV header or first JSON keys;
* ``unknown``: anything else, a note and not an error.

JSON Lines and CSV could be either chats or events: a file whose header or first record fits an event
kind is an event file; one that names ``conversation_id`` (the chat readers' required column) a chat.
An archive member that is a chat or an event file is copied, bounded by :data:`MAX_CHAT_BYTES`, into
``work_dir`` (a private folder of the run, removed after it) so the streaming readers can read it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from childsafe.errors import ChildsafeError, ConfigError
from childsafe.graph.events import detect_kind
from childsafe.media.archives import ARCHIVE_SNIFF_BYTES, ArchiveLimits, ArchiveMember, archive_kind, iter_archive
from childsafe.media.content import ContentType, sniff_content_type
from childsafe.scan.walk import WalkError, walk
from childsafe.text.readers import CHAT_FORMATS, detect_format

__all__ = ["KINDS", "MAX_CHAT_BYTES", "InputItem", "classify_file", "survey"]

#: What a file can be, as the run summary counts them.
KINDS: Final = ("media", "chat", "events", "unknown", "error")
#: A chat export or event file larger than this is a per-item error, not read: the scorer holds one
#: conversation at a time, and a single conversation of gigabytes is an attack, not a chat.
MAX_CHAT_BYTES: Final = 256 * 1024 * 1024
_HEAD_BYTES: Final = 64 * 1024
_COPY_CHUNK: Final = 1 << 20


@dataclass(frozen=True)
class InputItem:
    """One file found under an added path.

    ``path`` is how reports name it (``archive.zip!/member`` inside archives); ``local`` is where it
    can be read (the file itself, or a private copy of an archive member), None for media and errors;
    ``fmt`` the chat format or event kind; ``note`` why it is unknown or what failed.
    """

    path: str
    kind: str
    size: int | None = None
    mtime_ns: int | None = None
    fmt: str | None = None
    note: str | None = None
    local: Path | None = None
    #: The added path it was found under (the scan walks each added path once).
    root: str = ""


def classify_file(path: Path, forced: str | None = None) -> tuple[str, str | None, str | None]:
    """``(kind, format, note)`` of the file at ``path``, from its content (``forced``: a chat format or
    event kind named by the user, taken for every file that is not media)."""
    from childsafe.graph.events import EVENT_BUILDERS

    if forced and forced not in EVENT_BUILDERS.names() and forced not in CHAT_FORMATS.names():
        raise ConfigError(f"unknown kind {forced!r}: use a chat format ({', '.join(CHAT_FORMATS.names())}) "
                          f"or an event kind ({', '.join(EVENT_BUILDERS.names())})")
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD_BYTES)
    except OSError as exc:
        return "error", None, f"cannot read: {exc.strerror or exc}"
    if not head.strip():
        return "unknown", None, "empty file"
    # Media and archives are told by their bytes even under a forced kind (a folder added with
    # --kind whatsapp still has its photos hashed).
    if archive_kind(head[:ARCHIVE_SNIFF_BYTES]) is not None:
        return "media", "archive", None
    if sniff_content_type(head) in (ContentType.PHOTO, ContentType.VIDEO):
        return "media", None, None
    if forced:
        return ("events" if forced in EVENT_BUILDERS.names() else "chat"), forced, None
    try:
        chat = detect_format(path)
    except ConfigError:
        chat = None
    if chat is not None and chat not in ("jsonl", "csv"):
        return "chat", chat, None
    try:
        return "events", detect_kind(path), None
    except ConfigError as exc:
        event_problem = str(exc)
    if chat is not None and b"conversation_id" in head:
        return "chat", chat, None
    return "unknown", None, f"neither media, a chat export nor an event file ({_short(event_problem)})"


def survey(paths: Iterable[Path], work_dir: Path, limits: ArchiveLimits | None = None,
           forced: dict[str, str] | None = None) -> Iterator[InputItem]:
    """Every file under ``paths``, classified; archives' non-media members too (copied into ``work_dir``).

    Never raises for bad input: a vanished path, an unreadable folder, a damaged archive or an
    oversized chat file is an ``error`` item.  ``forced`` maps an added path to a kind named for it.
    """
    limits = limits or ArchiveLimits()
    forced = forced or {}
    copies = _Copies(work_dir)
    for root in paths:
        root_text = str(Path(root).absolute())
        force = forced.get(str(root)) or forced.get(root_text)
        for found in walk(Path(root)):
            if isinstance(found, WalkError):
                yield InputItem(found.path, "error", note=found.message, root=root_text)
                continue
            local = Path(found.path)
            try:
                kind, fmt, note = classify_file(local, force)
            except ConfigError as exc:
                yield InputItem(found.path, "error", found.size, found.mtime_ns, note=str(exc), root=root_text)
                continue
            item = InputItem(found.path, kind, found.size, found.mtime_ns, fmt, note,
                             local if kind in ("chat", "events") else None, root_text)
            if kind in ("chat", "events") and found.size > MAX_CHAT_BYTES:
                item = InputItem(found.path, "error", found.size, found.mtime_ns, fmt,
                                 f"{kind} file of {found.size:,} bytes is over the {MAX_CHAT_BYTES:,}-byte limit; "
                                 "not read (split it)", root=root_text)
            yield item
            if fmt == "archive":
                yield from _archive_items(local, found.mtime_ns, limits, copies, root_text)


def _archive_items(archive: Path, mtime_ns: int, limits: ArchiveLimits, copies: _Copies,
                   root: str) -> Iterator[InputItem]:
    """The chat exports and event files inside an archive (its media are the scan's)."""
    for member in iter_archive(archive, str(archive), limits):
        if not isinstance(member, ArchiveMember):
            continue  # the scan reports the archive's problems on its own lines
        try:
            head = member.stream.read(_HEAD_BYTES)
        except (ChildsafeError, OSError) as exc:
            yield InputItem(member.path, "error", member.size, mtime_ns, note=f"cannot read: {exc}", root=root)
            continue
        if (not head.strip() or archive_kind(head[:ARCHIVE_SNIFF_BYTES]) is not None
                or sniff_content_type(head) in (ContentType.PHOTO, ContentType.VIDEO)):
            continue  # media and nested archives: hashed by the scan
        copied = copies.copy(member, head)
        if isinstance(copied, str):
            yield InputItem(member.path, "error", member.size, mtime_ns, note=copied, root=root)
            continue
        kind, fmt, note = classify_file(copied)
        if kind not in ("chat", "events"):
            copied.unlink(missing_ok=True)
            yield InputItem(member.path, kind, member.size, mtime_ns, fmt, note, root=root)
            continue
        yield InputItem(member.path, kind, copied.stat().st_size, mtime_ns, fmt, None, copied, root)


class _Copies:
    """Private, numbered copies of archive members (never named after the member)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.count = 0

    def copy(self, member: ArchiveMember, head: bytes) -> Path | str:
        """The copy's path, or why it could not be made (over the limit, damaged member)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.count += 1
        target = self.folder / f"member-{self.count:06d}"
        written = len(head)
        try:
            with target.open("wb") as out:
                chunk = head
                while chunk:
                    if written > MAX_CHAT_BYTES:
                        raise _TooLarge
                    out.write(chunk)
                    chunk = member.stream.read(_COPY_CHUNK)
                    written += len(chunk)
        except _TooLarge:
            target.unlink(missing_ok=True)
            return f"archive member over the {MAX_CHAT_BYTES:,}-byte limit for chats and event files; not read"
        except (ChildsafeError, OSError) as exc:
            target.unlink(missing_ok=True)
            return f"cannot read: {exc}"
        return target

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


class _TooLarge(Exception):
    pass


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
