"""DiscordChatExporter's JSON export (one channel per file), streamed.

::

    {"guild": {"id": "1", "name": "Server"}, "channel": {"id": "2", "type": "GuildTextChat", "name": "general"},
     "messages": [{"id": "3", "type": "Default", "timestamp": "2023-12-31T21:05:13+00:00", "content": "hi",
                   "author": {"id": "4", "name": "amy", "nickname": "Amy"},
                   "attachments": [{"id": "5", "url": "...", "fileName": "cat.jpg"}]}]}

The account is the author's ``id`` (display name: ``nickname``, else ``name``); messages of the
system types (joins, pins, calls, thread creation) are skipped.  The conversation id is the
channel's id (``discord:`` prefix avoided: ids are already unique Discord snowflakes).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import IO, Final

from childsafe.records import json_kind
from childsafe.text.exports.common import MAX_ATTACHMENTS, build_message, text_of
from childsafe.text.exports.jsonstream import JsonBroken, Scalar, Utf8Repair, Whole, iter_json_parts
from childsafe.text.messages import Message, RecordError

__all__ = ["read_discord"]

PLATFORM: Final = "discord"
# DiscordChatExporter's MessageKind names for what Discord itself writes (joins, calls, pins, renames);
# every other type (Default, Reply, a kind a newer exporter adds) is read as a message, so a file
# forced to the wrong format reports its records instead of silently yielding nothing.
_SYSTEM_TYPES: Final = frozenset({"RecipientAdd", "RecipientRemove", "Call", "ChannelNameChange", "ChannelIconChange",
                                  "ChannelPinnedMessage", "GuildMemberJoin", "ThreadCreated"})
_SCALARS: Final = frozenset({"channel.id", "channel.name", "guild.id"})


def read_discord(fh: IO[bytes]) -> Iterator[Message | RecordError]:
    """Every message of a DiscordChatExporter JSON export, in file order."""
    source = Utf8Repair(fh)
    channel: dict[str, str] = {}
    position = 0
    for part in iter_json_parts(source, items=("messages.item",), scalars=_SCALARS):
        if isinstance(part, Scalar):
            value = text_of(part.value)
            if value is not None:
                channel[part.prefix] = value
        elif isinstance(part, Whole):
            position += 1
            message = _message(part.value, position, _conversation_id(channel))
            if message is not None:
                yield message
        elif isinstance(part, JsonBroken):
            yield RecordError(position + 1, f"Discord JSON is malformed ({part.reason}); stopped reading",
                              _conversation_id(channel) if channel else None)
    if source.repaired:
        yield RecordError(0, "invalid UTF-8 in the export was replaced by U+FFFD")


def _conversation_id(channel: Mapping[str, str]) -> str:
    return (channel.get("channel.id") or channel.get("channel.name") or "").strip() or "discord-channel"


def _message(value: object, position: int, conversation: str) -> Message | RecordError | None:
    if not isinstance(value, dict):
        return RecordError(position, f"message must be a JSON object, not {json_kind(value)}", conversation)
    if value.get("type") in _SYSTEM_TYPES:
        return None
    author = value.get("author")
    if not isinstance(author, dict):
        return RecordError(position, "message has no author object", conversation)
    account = text_of(author.get("id"))
    name = text_of(author.get("name"))
    shown = text_of(author.get("nickname")) or name
    attachments: list[str] = []
    found = value.get("attachments")
    if isinstance(found, list):
        for attachment in found[: MAX_ATTACHMENTS + 1]:
            file_name = text_of(attachment.get("fileName")) if isinstance(attachment, dict) else None
            if file_name:
                attachments.append(file_name)
    return build_message(conversation_id=conversation, author=account if account and account.strip() else name,
                         text=text_of(value.get("content")), record=position, platform=PLATFORM,
                         timestamp=text_of(value.get("timestamp")), display_name=shown, attachments=attachments)
