"""Telegram Desktop's JSON export (``result.json``), streamed.

Two shapes: one chat (``{"name", "type", "id", "messages": [...]}``) or a whole account
(``{"about", ..., "chats": {"list": [chat, ...]}, "left_chats": {"list": [...]}}``).  A message::

    {"id": 7, "type": "message", "date": "2023-12-31T21:05:13", "from": "Amy", "from_id": "user123",
     "text": "hi" | ["plain ", {"type": "bold", "text": "formatted"}], "photo": "photos/photo_1.jpg",
     "file": "files/a.pdf"}

The account is ``from_id`` (display name ``from``); ``service`` messages (joins, calls, pins) are
skipped.  ``photo`` and ``file`` (unless the export left the file out) are the attachments.  The
conversation id is the chat's ``id`` (else its name, else its position in the export).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Final

from childsafe.records import json_kind
from childsafe.text.exports.common import build_message, clean_name, text_of
from childsafe.text.exports.jsonstream import ContainerStart, JsonBroken, Scalar, Utf8Repair, Whole, iter_json_parts
from childsafe.text.messages import MAX_MESSAGE_CHARS, Message, RecordError

__all__ = ["read_telegram"]

PLATFORM: Final = "telegram"
_CHAT_PREFIXES: Final = ("", "chats.list.item", "left_chats.list.item")
_ITEMS: Final = frozenset(f"{p}.messages.item".lstrip(".") for p in _CHAT_PREFIXES)
_SCALARS: Final = frozenset(f"{p}.{key}".lstrip(".") for p in _CHAT_PREFIXES for key in ("id", "name", "type"))
_CONTAINERS: Final = frozenset(_CHAT_PREFIXES[1:])
_NOT_INCLUDED: Final = "(File not included"


def read_telegram(fh: IO[bytes]) -> Iterator[Message | RecordError]:
    """Every message of a Telegram Desktop JSON export, in file order."""
    source = Utf8Repair(fh)
    chats = 0
    chat: dict[str, str] = {}
    position = 0  # messages seen in the current chat
    for part in iter_json_parts(source, items=_ITEMS, scalars=_SCALARS, containers=_CONTAINERS):
        if isinstance(part, ContainerStart):
            chats += 1
            chat, position = {}, 0
        elif isinstance(part, Scalar):
            value = text_of(part.value)
            if value is not None:
                chat[part.prefix.rpartition(".")[2]] = value
        elif isinstance(part, Whole):
            position += 1
            conversation = _conversation_id(chat, chats)
            message = _message(part.value, position, conversation, chat)
            if message is not None:
                yield message
        elif isinstance(part, JsonBroken):
            yield RecordError(position + 1, f"Telegram JSON is malformed ({part.reason}); stopped reading",
                              _conversation_id(chat, chats) if chat or position else None)
    if source.repaired:
        yield RecordError(0, "invalid UTF-8 in the export was replaced by U+FFFD")


def _conversation_id(chat: Mapping[str, str], chats: int) -> str:
    chosen = (chat.get("id") or chat.get("name") or "").strip()
    return chosen if chosen else f"telegram-chat-{max(chats, 1)}"


def _message(value: object, position: int, conversation: str, chat: Mapping[str, str]) -> Message | RecordError | None:
    if not isinstance(value, dict):
        return RecordError(position, f"message must be a JSON object, not {json_kind(value)}", conversation)
    if value.get("type") == "service":
        return None  # joins, calls, pinned messages, group renames; any other type is read as a message
    author = text_of(value.get("from_id"))
    shown = text_of(value.get("from"))
    if not author or not author.strip():
        author = shown
    text = _flatten(value.get("text"))
    attachments = [name for key in ("photo", "file") if (name := text_of(value.get(key)))
                   and not name.startswith(_NOT_INCLUDED)]
    if isinstance(text, RecordError):
        return RecordError(position, text.message, conversation)
    if not (text or "").strip() and not attachments and any(
            (text_of(value.get(key)) or "").startswith(_NOT_INCLUDED) for key in ("photo", "file")):
        text = "<file not included in the export>"  # still the sender's message: keep it
    recipient = None
    if chat.get("type") == "personal_chat" and chat.get("id") and author != f"user{chat['id']}":
        recipient = f"user{chat['id']}"  # a personal chat's id is the other person's user id
    return build_message(conversation_id=conversation, author=author, text=text, record=position,
                         platform=PLATFORM, timestamp=text_of(value.get("date")), recipient=recipient,
                         display_name=clean_name(shown) if shown else None, attachments=attachments)


def _flatten(value: object) -> str | RecordError | None:
    """Telegram's ``text``: a string, or a list of strings and ``{"type", "text"}`` entities."""
    if value is None or isinstance(value, str):
        return value
    if not isinstance(value, list):
        return RecordError(0, f"field 'text' must be a string or a list, not {json_kind(value)}")
    parts: list[str] = []
    size = 0
    for entity in value:
        piece = entity if isinstance(entity, str) else entity.get("text") if isinstance(entity, dict) else None
        if isinstance(piece, str):
            parts.append(piece)
            size += len(piece)
            if size > MAX_MESSAGE_CHARS:
                break  # the length check in build_message refuses it; no need to join more
    return "".join(parts)
