"""Streaming readers for chat exports: JSON Lines, CSV, PAN 2012 XML and the apps' own exports.

The apps' exports (WhatsApp, Telegram, Discord, Instagram/Facebook) live in
:mod:`childsafe.text.exports`, one module each, registered here like the three generic formats.

Every reader yields :class:`~childsafe.text.messages.Message` objects and, for input it cannot
use, :class:`~childsafe.text.messages.RecordError` objects; a bad record never stops the stream.
Memory stays flat on multi-gigabyte files: JSONL and CSV are read one line at a time with a size
cap per line (:data:`MAX_RECORD_BYTES`), and PAN 2012 XML goes through a hardened streaming parser
(defusedxml: no DTDs, no entities) whose finished elements are discarded as it goes.

``record`` numbers are the 1-based line of a JSONL record, the starting line of a CSV record, or
the ``line`` attribute (else the 1-based position) of a PAN 2012 message in its conversation.
``record == 0`` means the problem is not tied to one record: the file could not be opened, its
format not recognised or its XML refused, or a PAN 2012 conversation as a whole is at fault.
Record errors carry a message without the record number; callers print ``record`` beside it.
"""
# long-module: the generic chat formats, and the dispatch to every format behind one iterator; most of the
#   length is the hardened PAN 2012 XML reader (bounded tree builder, per-message checks); the line and CSV
#   mechanics are in childsafe.records, the apps' exports in childsafe.text.exports.

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final, cast
from xml.etree.ElementTree import Element, ParseError, TreeBuilder

import defusedxml
import defusedxml.ElementTree as defused_etree

from childsafe.errors import ConfigError
from childsafe.plugins import Registry
from childsafe.records import (
    ByteLines,
    CsvProblem,
    control_char_problem,
    iter_csv_records,
    json_kind,
    json_object_line,
)
from childsafe.records import os_reason as _os_reason
from childsafe.records import strip_bom as _strip_bom
from childsafe.text.messages import MAX_MESSAGE_CHARS, Message, RecordError

__all__ = [
    "CHAT_FORMATS",
    "FORMATS",
    "ChatReader",
    "MAX_RECORD_BYTES",
    "detect_format",
    "iter_conversations",
    "iter_messages",
]

#: The chat formats the readers understand; ``"auto"`` picks one from the content.
FORMATS: Final = ("jsonl", "csv", "pan12", "whatsapp", "telegram", "discord", "instagram", "facebook")

#: A JSONL line, or a CSV record (all its lines), longer than this is refused unread.  A message
#: of MAX_MESSAGE_CHARS characters needs at most 12 bytes a character even as JSON ``\\u`` escapes.
MAX_RECORD_BYTES: Final = 1 << 20

_REQUIRED: Final = ("conversation_id", "author", "text")
_OPTIONAL: Final = ("timestamp", "recipient", "platform")
# Fields that name something (stored, joined, exported): no control characters.  ``text`` is
# read for scoring only and kept as written.
_NAMES: Final = ("conversation_id", "author", "recipient", "platform", "timestamp")
_UTF16_BOMS: Final = (b"\xff\xfe", b"\xfe\xff")
_SNIFF_BYTES: Final = 64 * 1024
#: Lines of the sniffed start looked at to tell JSON Lines whose first record is damaged.
_SNIFF_LINES: Final = 50
_LONE_SURROGATE: Final = re.compile("[\ud800-\udfff]")
_LINE_NUMBER: Final = re.compile(r"\s*0*([1-9][0-9]{0,17})\s*")
# Attribute the bounded XML tree builder sets on an element whose text it had to cut short.
# The namespace URI keeps it apart from PAN 2012's own (un-namespaced) attributes.
_TRUE_LENGTH: Final = "{urn:x-childsafe:readers}length"


# --------------------------------------------------------------------------- public API


def detect_format(path: Path) -> str:
    """The format of the chat export at ``path``, told from its content.

    After an optional byte-order mark and whitespace, ``<`` means PAN 2012 XML; ``{`` a Telegram,
    Discord, Instagram or Facebook export when the document's first keys say so
    (:mod:`childsafe.text.exports.sniffing`), else JSON Lines; a first line with a date, a time and a
    sender a WhatsApp export; anything else must be CSV whose header names ``conversation_id``,
    ``author`` and ``text``.  Raises :class:`~childsafe.errors.ConfigError` when the file cannot be read, is
    empty or fits none of the formats.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF_BYTES)
    except OSError as exc:
        raise ConfigError(f"cannot open chat export {path}: {_os_reason(exc)}") from exc
    return _sniff(head, path)


def iter_messages(path: Path, fmt: str = "auto") -> Iterator[Message | RecordError]:
    """Every message of the chat export at ``path``, in file order, streamed.

    ``fmt`` is one of :data:`FORMATS` or ``"auto"`` (see :func:`detect_format`); an unknown name
    raises :class:`~childsafe.errors.ConfigError` at once.  Nothing about the file's content
    raises: a file that cannot be opened, or whose format cannot be told, yields one
    ``RecordError(0, ...)``; each unusable record yields a ``RecordError`` and reading goes on.
    An empty file yields nothing.
    """
    chosen = _check_format(fmt)

    def messages() -> Iterator[Message | RecordError]:
        for item in _iter_items(Path(path), chosen):
            if not isinstance(item, _ConversationEnd):
                yield item

    return messages()


def iter_conversations(path: Path, fmt: str = "auto") -> Iterator[tuple[str, list[Message]] | RecordError]:
    """``(conversation_id, messages)`` for each conversation of the export at ``path``, streamed.

    PAN 2012 yields one item per ``<conversation>`` element.  JSONL and CSV are expected grouped
    by conversation: consecutive messages with the same ``conversation_id`` form one item, and an
    id that comes back after another conversation is yielded again as a separate item (the
    reader holds one conversation in memory, never the file).  Record errors are yielded as they
    are met, so an error inside a conversation comes out before that conversation.  A PAN 2012
    conversation with no readable message yields ``RecordError(0, "empty conversation...")``;
    one cut short by malformed XML yields the messages read so far, then the error.
    """
    chosen = _check_format(fmt)
    return _group_conversations(_iter_items(Path(path), chosen))


# --------------------------------------------------------------------------- dispatch


@dataclass(frozen=True)
class _ConversationEnd:
    """Internal marker: a PAN 2012 ``<conversation>`` element closed (or the document broke off)."""

    conversation_id: str
    messages: int  # message elements seen, readable or not
    complete: bool


_Item = Message | RecordError | _ConversationEnd


def _check_format(fmt: str) -> str:
    if fmt != "auto" and fmt not in CHAT_FORMATS.entries():
        raise ConfigError(f"unknown chat format {fmt!r}; use one of: auto, {', '.join(CHAT_FORMATS.names())}")
    return fmt


def _iter_items(path: Path, fmt: str) -> Iterator[_Item]:
    try:
        # A buffer as large as the sniffing window lets peek() see it without seeking, so pipes
        # (e.g. a decompressor's output) work as well as files.
        fh = io.BufferedReader(open(path, "rb", buffering=0), _SNIFF_BYTES)
    except OSError as exc:
        yield RecordError(0, f"cannot open {path}: {_os_reason(exc)}")
        return
    with fh:
        try:
            if fmt == "auto":
                head = fh.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
                if not _strip_bom(head).strip():
                    return
                try:
                    fmt = _sniff(head, path)
                except ConfigError as exc:
                    yield RecordError(0, str(exc))
                    return
            items = CHAT_FORMATS.load(fmt)(fh)
            # A plug-in cannot take a built-in's name, so only plug-ins' output needs checking.
            yield from items if fmt in FORMATS else _checked_items(fmt, items)
        except OSError as exc:
            yield RecordError(0, f"cannot read {path}: {_os_reason(exc)}")


def _sniff(head: bytes, path: Path) -> str:
    if head.startswith(_UTF16_BOMS):
        if head.decode("utf-16", "ignore").lstrip().startswith("<"):
            return "pan12"
        raise ConfigError(f"{path} is UTF-16; JSON Lines and CSV chat exports must be UTF-8")
    data = _strip_bom(head).lstrip()
    if not data:
        raise ConfigError(f"cannot tell the chat format of {path}: it is empty")
    if data.startswith(b"<"):
        return "pan12"
    # Imported here: the export readers build their messages with this module's _to_message.
    from childsafe.text.exports.sniffing import sniff_json_export
    from childsafe.text.exports.whatsapp import looks_like_whatsapp

    if data.startswith(b"{"):
        return sniff_json_export(data) or "jsonl"
    if looks_like_whatsapp(data):
        return "whatsapp"
    first_line = data.split(b"\n", 1)[0].decode("utf-8", "replace")
    try:
        header = next(csv.reader([first_line]), [])
    except csv.Error:
        header = []
    missing = [name for name in _REQUIRED if name not in {h.strip().lower() for h in header}]
    if not missing:
        return "csv"
    # JSON Lines whose first record is damaged: the records after it must still be read.
    if any(line.lstrip().startswith(b"{") for line in data.split(b"\n")[1:_SNIFF_LINES]):
        return "jsonl"
    raise ConfigError(
        f"cannot tell the chat format of {path}: it is not PAN 2012 XML (starting with '<'), "
        f"JSON (Lines, or a Telegram, Discord, Instagram or Facebook export: starting with '{{'), "
        f"a WhatsApp export (starting with a date) or CSV whose header names {', '.join(_REQUIRED)} "
        f"(its first line lacks {', '.join(missing)})"
    )


def _group_conversations(items: Iterator[_Item]) -> Iterator[tuple[str, list[Message]] | RecordError]:
    batch: list[Message] = []
    for item in items:
        if isinstance(item, Message):
            if batch and item.conversation_id != batch[0].conversation_id:
                yield batch[0].conversation_id, batch
                batch = []
            batch.append(item)
        elif isinstance(item, RecordError):
            yield item
        elif batch:
            yield batch[0].conversation_id, batch
            batch = []
        elif item.complete:
            message = "empty conversation"
            if item.messages:
                message += f": none of its {item.messages} messages could be read"
            yield RecordError(0, message, item.conversation_id)
    if batch:
        yield batch[0].conversation_id, batch


# --------------------------------------------------------------------------- fields


class _FieldError(Exception):
    """A field value has the wrong type; internal to the readers."""


def _as_text(value: object, name: str) -> str | None:
    """A field as a string (numbers and booleans written out), or None when absent."""
    if value is None:
        return None
    if isinstance(value, str):
        # JSON may escape a lone surrogate, which no UTF-8 writer downstream would accept.
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    raise _FieldError(f"field {name!r} must be a string or a number, not {json_kind(value)}")


def _to_message(fields: Mapping[str, object], record: int) -> Message | RecordError:
    """Validate one JSONL object or CSV row; ``fields`` maps column names to raw values."""
    try:
        conversation_id = _as_text(fields.get("conversation_id"), "conversation_id")
    except _FieldError as exc:
        return RecordError(record, str(exc))
    if conversation_id is None or not conversation_id.strip():
        return RecordError(record, _absent("conversation_id", conversation_id))
    try:
        values = {name: _as_text(fields.get(name), name) for name in _REQUIRED[1:] + _OPTIONAL}
    except _FieldError as exc:
        return RecordError(record, str(exc), conversation_id)
    author, text = values["author"], values["text"]
    if author is None or not author.strip():
        return RecordError(record, _absent("author", author), conversation_id)
    if text is None or not text.strip():
        return RecordError(record, _absent("text", text), conversation_id)
    problem = _too_long({"conversation_id": len(conversation_id), **{k: len(v or "") for k, v in values.items()}})
    problem = problem or _control_chars({"conversation_id": conversation_id, **values})
    if problem:
        return RecordError(record, problem, conversation_id)
    return Message(
        conversation_id=conversation_id,
        author=author,
        text=text,
        timestamp=values["timestamp"] or None,
        recipient=values["recipient"] or None,
        platform=values["platform"] or None,
        record=record,
    )


def _control_chars(values: Mapping[str, str | None]) -> str | None:
    """The complaint about the first name field holding a control character (NUL...), if any."""
    for name in _NAMES:
        value = values.get(name)
        problem = None if value is None else control_char_problem(name, value)
        if problem:
            return problem
    return None


def _absent(name: str, value: str | None) -> str:
    return f"missing field {name!r}" if value is None else f"empty field {name!r}"


def _too_long(lengths: Mapping[str, int]) -> str | None:
    """The complaint about the first over-long field, if any (``text`` is "the message")."""
    for name, length in lengths.items():
        if length > MAX_MESSAGE_CHARS:
            what = "message" if name == "text" else f"field {name!r}"
            return f"{what} of {length} characters exceeds {MAX_MESSAGE_CHARS}"
    return None


# --------------------------------------------------------------------------- lines (JSONL, CSV)


def _read_jsonl(fh: IO[bytes]) -> Iterator[_Item]:
    lines = _ByteLines(fh)
    while (raw := lines.next_line()) is not None:
        value = json_object_line(raw, MAX_RECORD_BYTES)
        if isinstance(value, str):
            yield RecordError(lines.line_no, value)
        elif value is not None:
            yield _to_message(value, lines.line_no)


def _read_csv(fh: IO[bytes]) -> Iterator[_Item]:
    return iter_csv_records(fh, MAX_RECORD_BYTES, header_problem=_csv_header_problem, id_columns=("conversation_id",),
                            record=_to_message, problem=_record_error)


def _record_error(problem: CsvProblem) -> RecordError:
    return RecordError(problem.line, problem.message)


def _csv_header_problem(names: list[str]) -> str | None:
    """Why a (normalised) CSV header cannot be read, or None: a known column twice, a required one missing."""
    seen: set[str] = set()
    for name in names:
        if name in _REQUIRED + _OPTIONAL:
            if name in seen:
                return f"CSV header names column {name!r} twice"
            seen.add(name)
    missing = [name for name in _REQUIRED if name not in seen]
    if missing:
        found = ", ".join(repr(n[:40]) for n in names[:12]) + (", ..." if len(names) > 12 else "")
        return f"CSV header lacks required column(s) {', '.join(missing)} (found {found})"
    return None


# --------------------------------------------------------------------------- PAN 2012 XML


class _BoundedTreeBuilder(TreeBuilder):
    """A tree builder that keeps at most MAX_MESSAGE_CHARS + 1 characters of any text run.

    A ``<text>`` of a gigabyte would otherwise be buffered whole.  The true length of a text it
    cut short is recorded on the element (attribute ``_TRUE_LENGTH``) for the error message.
    """

    _CAP: Final = MAX_MESSAGE_CHARS + 1

    def __init__(self) -> None:
        super().__init__()
        self._run = 0

    def start(self, tag: object, attrs: dict[object, object], /) -> Element:
        self._run = 0
        return super().start(tag, attrs)

    def end(self, tag: str, /) -> Element:
        element = super().end(tag)
        if self._run > self._CAP:
            element.set(_TRUE_LENGTH, str(self._run))
        self._run = 0
        return element

    def data(self, data: str, /) -> None:
        room = self._CAP - self._run
        self._run += len(data)
        if room > 0:
            super().data(data[:room])


def _read_pan12(fh: IO[bytes]) -> Iterator[_Item]:
    parser = defused_etree.XMLParser(
        target=_BoundedTreeBuilder(), forbid_dtd=True, forbid_entities=True, forbid_external=True
    )
    stack: list[Element] = []
    conversation_depth = 0  # stack depth of the open <conversation>, 0 when none is open
    conversation_id: str | None = None  # None while in a conversation without an id
    conversations = 0
    position = 0  # message elements seen in the open conversation
    message_depth = 0  # stack depth of the open <message>, 0 when none is open
    try:
        for event, element in defused_etree.iterparse(fh, events=("start", "end"), parser=parser):
            name = _local_name(element.tag)
            if event == "start":
                stack.append(element)
                if message_depth:
                    continue
                if name == "conversation" and not conversation_depth:
                    conversations += 1
                    conversation_depth, position = len(stack), 0
                    conversation_id = (element.get("id") or "").strip() or None
                    problem = conversation_id and control_char_problem("id", conversation_id)
                    if conversation_id is None:
                        yield RecordError(0, f"conversation {conversations} has no id attribute; skipped")
                    elif problem:
                        conversation_id = None
                        yield RecordError(0, f"conversation {conversations}: {problem}; skipped")
                elif name == "message":
                    message_depth = len(stack)
                    position += 1
                continue
            depth = len(stack)
            stack.pop()
            if message_depth and depth > message_depth:
                continue  # a part of the open message: kept until the message is done
            if depth == message_depth:
                message_depth = 0
                if not conversation_depth:
                    yield RecordError(0, "message outside a <conversation> element; skipped")
                elif conversation_id is not None:
                    yield _pan_message(element, conversation_id, position)
            elif depth == conversation_depth:
                conversation_depth = 0
                if conversation_id is not None:
                    yield _ConversationEnd(conversation_id, position, complete=True)
            # Done with this element: drop it and its children so memory stays flat.
            element.clear()
            if stack:
                stack[-1].remove(element)
        return
    except ParseError as exc:
        reason = f"PAN 2012 XML is malformed ({exc})"
    except defusedxml.DTDForbidden:
        reason = (
            "PAN 2012 XML with a document type declaration (DTD) is refused: DTDs can define "
            "entity-expansion ('billion laughs') and external-entity attacks"
        )
    except defusedxml.DefusedXmlException as exc:
        reason = f"PAN 2012 XML uses a forbidden construct ({exc})"
    # Everything complete before the failure has been yielded; the open message (or the next
    # one) is where reading stopped.
    if conversation_depth and conversation_id is not None:
        yield _ConversationEnd(conversation_id, position, complete=False)
        record = position if message_depth else position + 1
        yield RecordError(record, f"{reason}; stopped reading", conversation_id)
    else:
        yield RecordError(0, f"{reason}; stopped reading")


def _pan_message(element: Element, conversation_id: str, position: int) -> Message | RecordError:
    match = _LINE_NUMBER.fullmatch(element.get("line") or "")
    record = int(match.group(1)) if match else position
    parts: dict[str, Element] = {}
    for child in element:
        parts.setdefault(_local_name(child.tag), child)
    author = _pan_text(parts.get("author")).strip()
    timestamp = _pan_text(parts.get("time")).strip()
    text = _pan_text(parts.get("text"))
    if not author:
        return RecordError(record, "message has no author", conversation_id)
    if not text.strip():
        return RecordError(record, "message has no text", conversation_id)
    lengths = {"author": _pan_length(parts.get("author"), author)}
    lengths["timestamp"] = _pan_length(parts.get("time"), timestamp)
    lengths["text"] = _pan_length(parts.get("text"), text)
    problem = _too_long(lengths) or _control_chars({"author": author, "timestamp": timestamp})
    if problem:
        return RecordError(record, problem, conversation_id)
    return Message(
        conversation_id=conversation_id,
        author=author,
        text=text,
        timestamp=timestamp or None,
        record=record,
    )


def _pan_text(element: Element | None) -> str:
    return "" if element is None else element.text or ""


def _pan_length(element: Element | None, value: str) -> int:
    """The true length of an element's text, even when the tree builder cut it short."""
    true_length = None if element is None else element.get(_TRUE_LENGTH)
    return int(true_length) if true_length else len(value)


def _local_name(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


# --------------------------------------------------------------------------- helpers


#: A chat format: reads a binary file and yields its messages and record errors, streamed.
ChatReader = Callable[[IO[bytes]], Iterator[Message | RecordError]]


def _chat_reader(obj: object) -> ChatReader:
    if not callable(obj):
        raise ConfigError(f"a chat format is a function reading a binary file, not {type(obj).__name__}")
    return cast(ChatReader, obj)


def _checked_items(fmt: str, items: Iterator[object]) -> Iterator[_Item]:
    """A plug-in's output, checked: anything but a message or a record error is one record error."""
    for item in items:
        if isinstance(item, Message | RecordError | _ConversationEnd):
            yield item
        else:
            yield RecordError(0, f"chat format {fmt!r} yielded a {type(item).__name__}, not a message")


#: Chat formats by name (entry-point group ``childsafe.chat_formats``); ``"auto"`` detects the built-ins.
CHAT_FORMATS: Final = Registry[ChatReader]("childsafe.chat_formats", "chat format", {
    "jsonl": "childsafe.text.readers:_read_jsonl",
    "csv": "childsafe.text.readers:_read_csv",
    "pan12": "childsafe.text.readers:_read_pan12",
    "whatsapp": "childsafe.text.exports.whatsapp:read_whatsapp",
    "telegram": "childsafe.text.exports.telegram:read_telegram",
    "discord": "childsafe.text.exports.discord:read_discord",
    "instagram": "childsafe.text.exports.meta:read_instagram",
    "facebook": "childsafe.text.exports.meta:read_facebook",
}, _chat_reader)


def _ByteLines(fh: IO[bytes]) -> ByteLines:  # noqa: N802 - keeps the call sites as they were
    return ByteLines(fh, MAX_RECORD_BYTES)
