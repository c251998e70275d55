"""WhatsApp's "Export chat" text file (``WhatsApp Chat with NAME.txt``, or ``_chat.txt`` from iOS).

One message starts on a line with a date, a time and the sender; the lines after it that do not
start that way continue it.  The two layouts and the date styles seen in the wild::

    12/31/23, 9:05 PM - Name: text          Android, US (12-hour, AM/PM after a space or U+202F)
    31/12/2023, 21:05 - Name: text          Android, day first
    31.12.23, 21:05 - Name: text            Android, German style
    [31/12/2023, 21:05:13] Name: text       iOS (often led by U+200E)
    [2023-12-31 21:05:13] Name: text        iOS, ISO dates

Whether ``01/02/23`` is the 1st of February or January the 2nd is told from the file: the first date
whose day or month part exceeds 12 decides, and the messages before it wait (at most
:data:`_MAX_UNDECIDED` of them) for that evidence.  Without any, slashes with AM/PM mean month first
(US) and everything else day first.  Timestamps are ISO 8601 in the phone's local time (the export
carries no zone).

System lines (the end-to-end encryption notice, "X added Y", "X left") are skipped; they have no
sender.  Media: ``IMG-20231231-WA0001.jpg (file attached)`` (Android) and ``<attached: NAME>``
(iOS) name the file, kept in ``Message.attachments``; ``<Media omitted>`` / ``image omitted`` and
deleted messages are kept as messages with the text the export shows, so the sender's activity counts.
The conversation id is the file's name without its suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Final

from childsafe.records import ByteLines, Oversized, oversized_message
from childsafe.text.exports.common import build_message, clean_name, source_stem
from childsafe.text.messages import MAX_MESSAGE_CHARS, Message, RecordError
from childsafe.text.readers import MAX_RECORD_BYTES

__all__ = ["looks_like_whatsapp", "read_whatsapp"]

PLATFORM: Final = "whatsapp"
_MARKS: Final = "[\u200e\u200f\u202a-\u202e\ufeff]*"
_DATE: Final = r"(?P<a>\d{1,4})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{2,4})\.?"
_TIME: Final = (r"(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.](?P<s>\d{2}))?"
                r"(?:[ \u202f\u00a0]?(?P<ampm>[AaPp])\.?[ \u202f\u00a0]?[Mm]\.?)?")
_IOS: Final = re.compile(_MARKS + r"\[" + _DATE + r",?[ \u202f\u00a0]" + _TIME + r"\][ \u202f\u00a0]" + _MARKS
                         + r"(?P<rest>.*)", re.DOTALL)
_ANDROID: Final = re.compile(_MARKS + _DATE + r",?[ \u202f\u00a0]" + _TIME + r"[ \u202f\u00a0]?[-\u2013][ \u202f\u00a0]"
                             + _MARKS + r"(?P<rest>.*)", re.DOTALL)
# "NAME (file attached)" in the languages WhatsApp is most exported in.
_FILE_ATTACHED: Final = re.compile(
    r"^" + _MARKS + r"(?P<name>[^\n<>]{1,255}?\.[A-Za-z0-9]{1,8}) \((?:file attached|Datei angehängt|archivo adjunto|"
    r"fichier joint|arquivo anexado|file allegato|bestand bijgevoegd)\)(?:\n(?P<caption>.*))?$", re.DOTALL)
_ATTACHED: Final = re.compile(r"<(?:attached|Anhang|adjunto|pièce jointe|anexo|allegato): (?P<name>[^\n<>]{1,255})>")
#: Messages, and characters, held while the day/month order is still unknown.
_MAX_UNDECIDED: Final = 5_000
_MAX_UNDECIDED_CHARS: Final = 4_000_000


@dataclass
class _Pending:
    """A message being read: its first line's parts and the lines that continue it."""

    line: int
    date: tuple[int, int, int, str]  # the three date numbers as written, and the separator
    time: tuple[int, int, int, str | None]
    ios: bool
    rest: list[str] = field(default_factory=list)
    chars: int = 0
    problem: str | None = None

    def add(self, text: str) -> None:
        self.chars += len(text) + 1
        if self.chars > MAX_MESSAGE_CHARS + 1000:  # the author's name is in the first line too
            self.problem = self.problem or f"message of more than {MAX_MESSAGE_CHARS} characters"
            return
        self.rest.append(text)


def looks_like_whatsapp(head: bytes) -> bool:
    """True when one of the first non-empty lines of ``head`` starts like a WhatsApp export's message."""
    text = head.decode("utf-8", "replace")
    lines = [line for line in text.splitlines()[:5] if line.strip()]
    return any(_IOS.match(line) or _ANDROID.match(line) for line in lines[:3])


def read_whatsapp(fh: IO[bytes]) -> Iterator[Message | RecordError]:
    """Every message of a WhatsApp "Export chat" text file, streamed."""
    conversation = source_stem(fh) or "whatsapp-chat"
    lines = ByteLines(fh, MAX_RECORD_BYTES)
    order: str | None = None  # "dmy" / "mdy" / "ymd" once known
    undecided: list[_Pending] = []
    undecided_chars = 0
    current: _Pending | None = None

    def finish(item: _Pending) -> Iterator[Message | RecordError]:
        nonlocal order, undecided_chars
        undecided.append(item)
        undecided_chars += item.chars
        if order is None:
            order = _order_from(item)
            if order is None:
                if len(undecided) < _MAX_UNDECIDED and undecided_chars < _MAX_UNDECIDED_CHARS:
                    return
                order = _default_order(undecided[0])
        held = undecided[:]
        undecided.clear()
        undecided_chars = 0
        for pending in held:
            message = _message(pending, order, conversation)
            if message is not None:
                yield message

    while (raw := lines.next_line()) is not None:
        if isinstance(raw, Oversized):
            problem = oversized_message(raw.size, MAX_RECORD_BYTES)
            if current is None:
                yield RecordError(lines.line_no, problem, conversation)
            else:  # most likely a line of the open message: refuse the message rather than cut it silently
                current.problem = current.problem or problem
            continue
        line = raw.decode("utf-8", "replace").rstrip("\r\n")
        match = _IOS.match(line) or _ANDROID.match(line)
        if match is None or not _plausible(match):
            if current is not None:
                current.add(line)
            elif line.strip():
                yield RecordError(lines.line_no, "line before the first message is not a message", conversation)
            continue
        if current is not None:
            yield from finish(current)
        ampm = match["ampm"]
        current = _Pending(
            line=lines.line_no,
            date=(int(match["a"]), int(match["b"]), int(match["c"]), match["sep"]),
            time=(int(match["h"]), int(match["m"]), int(match["s"] or 0), ampm.lower() if ampm else None),
            ios=match.re is _IOS, rest=[match["rest"]], chars=len(match["rest"]))
    if current is not None:
        yield from finish(current)
    if undecided:
        order = _default_order(undecided[0])
        for pending in undecided:
            message = _message(pending, order, conversation)
            if message is not None:
                yield message


def _plausible(match: re.Match[str]) -> bool:
    hour, minute = int(match["h"]), int(match["m"])
    return hour <= 24 and minute < 60


def _order_from(item: _Pending) -> str | None:
    a, b, _c, _sep = item.date
    if a > 31:
        return "ymd"
    if a > 12:
        return "dmy"
    if b > 12:
        return "mdy"
    return None


def _default_order(item: _Pending) -> str:
    if item.date[0] > 31:
        return "ymd"
    return "mdy" if item.date[3] == "/" and item.time[3] is not None and not item.ios else "dmy"


def _iso(item: _Pending, order: str) -> str | None:
    a, b, c, _sep = item.date
    year, month, day = (a, b, c) if order == "ymd" else (c, b, a) if order == "dmy" else (c, a, b)
    if year < 100:
        year += 2000
    hour, minute, second, ampm = item.time
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "p" else 0)
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour < 24 and second < 60):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"


def _message(item: _Pending, order: str, conversation: str) -> Message | RecordError | None:
    if item.problem:
        return RecordError(item.line, item.problem, conversation)
    body = "\n".join(item.rest)
    author, sep, text = body.partition(": ")
    if not sep or "\n" in author:
        return None  # a system line: "Messages and calls are end-to-end encrypted...", "X added Y"
    timestamp = _iso(item, order)
    if timestamp is None:
        return RecordError(item.line, "impossible date or time in the message's first line", conversation)
    if item.ios and text.startswith("\u200e") and not _is_media_or_deleted(text):
        return None  # iOS writes system lines as messages from the chat's name, led by U+200E
    text = text.lstrip("\u200e")
    attachments: list[str] = []
    attached = _FILE_ATTACHED.match(text)
    if attached:
        attachments.append(attached["name"].strip())
    attachments.extend(m["name"].strip() for m in _ATTACHED.finditer(text))
    name = clean_name(author)
    return build_message(conversation_id=conversation, author=name, text=text, record=item.line, platform=PLATFORM,
                         timestamp=timestamp, display_name=name, attachments=attachments)


def _is_media_or_deleted(text: str) -> bool:
    plain = text.lstrip("\u200e").lower()
    return (_ATTACHED.search(text) is not None or plain.endswith("omitted") or "deleted" in plain
            or "gelöscht" in plain or "eliminado" in plain or "weggelassen" in plain)
