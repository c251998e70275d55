"""Instagram's and Facebook Messenger's "Download your information" message JSON (``message_1.json``).

::

    {"participants": [{"name": "Amy"}, {"name": "Bob"}],
     "messages": [{"sender_name": "Bob", "timestamp_ms": 1704056713000, "content": "hi",
                   "photos": [{"uri": "messages/inbox/bob_123/photos/1.jpg"}]}],
     "title": "Bob", "thread_path": "inbox/bob_123"}

Meta writes these files as UTF-8 bytes each escaped as a ``\\u00XX`` character ("CafÃ©" for
"Café"); every string is repaired by re-reading it as UTF-8 when it is made only of such
characters and forms valid UTF-8.  The account is the name shown (the export carries no id).  In a
thread of exactly two participants the other one is the recipient.  Messages come newest first, as
the file has them.  The conversation id is ``thread_path`` (``inbox/bob_123``) when it comes before
the messages, else the folder the file is in (the same ``inbox/bob_123`` for a DYI tree, so the parts
``message_1.json``, ``message_2.json`` of one thread share it), else the file's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath
from typing import IO, Final

from childsafe.records import json_kind
from childsafe.text.exports.common import MAX_ATTACHMENTS, build_message, epoch_ms_to_iso, text_of
from childsafe.text.exports.jsonstream import JsonBroken, Scalar, Utf8Repair, Whole, iter_json_parts
from childsafe.text.messages import Message, RecordError

__all__ = ["read_facebook", "read_instagram", "repair_mojibake"]

_MEDIA_KEYS: Final = ("photos", "videos", "audio_files", "files", "gifs")
_SCALARS: Final = frozenset({"title", "thread_path"})
#: Participants remembered, enough to know whether a thread has exactly two.
_PARTICIPANTS_KEPT: Final = 3
_PART_FILE: Final = re.compile(r"message_\d+")


def repair_mojibake(value: str) -> str:
    """Undo Meta's latin-1 reading of UTF-8 bytes; text that is not such mojibake is returned as is."""
    if value.isascii():
        return value
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def read_instagram(fh: IO[bytes]) -> Iterator[Message | RecordError]:
    """Every message of an Instagram DYI message file, in file order (newest first)."""
    return _read(fh, "instagram")


def read_facebook(fh: IO[bytes]) -> Iterator[Message | RecordError]:
    """Every message of a Facebook Messenger DYI message file, in file order (newest first)."""
    return _read(fh, "facebook")


def _read(fh: IO[bytes], platform: str) -> Iterator[Message | RecordError]:
    source = Utf8Repair(fh)
    thread: dict[str, str] = {}
    participants: list[str] = []
    participant_count = 0
    position = 0
    fallback = _thread_folder(fh) or f"{platform}-thread"
    for part in iter_json_parts(source, items=("messages.item", "participants.item"), scalars=_SCALARS):
        if isinstance(part, Scalar):
            value = text_of(part.value)
            if value is not None:
                thread[part.prefix] = repair_mojibake(value)
        elif isinstance(part, Whole) and part.prefix == "participants.item":
            participant_count += 1
            name = text_of(part.value.get("name")) if isinstance(part.value, dict) else None
            if name and len(participants) < _PARTICIPANTS_KEPT:
                participants.append(repair_mojibake(name).strip())
        elif isinstance(part, Whole):
            position += 1
            conversation = (thread.get("thread_path") or thread.get("title") or "").strip() or fallback
            pair = participants if participant_count == 2 else []
            yield _message(part.value, position, conversation, platform, pair)
        elif isinstance(part, JsonBroken):
            yield RecordError(position + 1, f"{platform} JSON is malformed ({part.reason}); stopped reading")
    if source.repaired:
        yield RecordError(0, "invalid UTF-8 in the export was replaced by U+FFFD")


def _thread_folder(fh: IO[bytes]) -> str | None:
    """``inbox/bob_123`` for ``.../inbox/bob_123/message_1.json`` (a thread's parts share it), else the file's name."""
    name = getattr(fh, "name", None)
    if not isinstance(name, str) or not name:
        return None
    path = PurePath(name)
    if _PART_FILE.fullmatch(path.stem) and path.parent.name:
        return f"{path.parent.parent.name}/{path.parent.name}" if path.parent.parent.name else path.parent.name
    return path.stem or None


def _message(value: object, position: int, conversation: str, platform: str,
             pair: list[str]) -> Message | RecordError:
    if not isinstance(value, dict):
        return RecordError(position, f"message must be a JSON object, not {json_kind(value)}", conversation)
    sender = text_of(value.get("sender_name"))
    sender = repair_mojibake(sender).strip() if sender else sender
    content = text_of(value.get("content"))
    attachments: list[str] = []
    for key in _MEDIA_KEYS:
        media = value.get(key)
        if isinstance(media, list):
            for item in media[: MAX_ATTACHMENTS + 1]:
                uri = text_of(item.get("uri")) if isinstance(item, dict) else None
                if uri:
                    attachments.append(repair_mojibake(uri))
    others = [name for name in pair if name != sender]
    return build_message(conversation_id=conversation, author=sender,
                         text=repair_mojibake(content) if content else content, record=position,
                         platform=platform, timestamp=epoch_ms_to_iso(value.get("timestamp_ms")),
                         recipient=others[0] if len(others) == 1 else None, display_name=sender,
                         attachments=attachments)
