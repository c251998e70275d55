"""Telling the chat exports apart by their first bytes (``--format auto``).

The JSON exports are single documents, usually indented; their first keys say which exporter wrote
them.  The start of the document is parsed as far as the sniffed bytes go (the rest is cut off, which
is expected), collecting the top-level keys and those of the first message.
"""

from __future__ import annotations

import io
from typing import Final

import ijson

__all__ = ["sniff_json_export"]

#: Parse events looked at; a head of 64 KiB has far fewer, this only bounds absurd input.
_MAX_EVENTS: Final = 50_000
_FACEBOOK_KEYS: Final = frozenset({"joinable_mode", "magic_words", "thread_type", "image"})
_TELEGRAM_ACCOUNT_KEYS: Final = frozenset({"chats", "left_chats", "personal_information", "frequent_contacts"})


def sniff_json_export(head: bytes) -> str | None:
    """``"telegram"``, ``"discord"``, ``"instagram"`` or ``"facebook"`` for the start of such an export, else None."""
    top: set[str] = set()
    first_message: set[str] = set()
    try:
        for count, (prefix, event, value) in enumerate(ijson.parse(io.BytesIO(head))):
            if count > _MAX_EVENTS:
                break
            if event != "map_key" or not isinstance(value, str):
                continue
            if prefix == "":
                top.add(value)
            elif prefix in ("messages.item", "chats.list.item.messages.item"):
                first_message.add(value)
    except (ijson.JSONError, ValueError, OverflowError, RecursionError):
        pass  # the head ends mid-document, or is not JSON: decide on what was seen
    if "guild" in top or ("channel" in top and "author" in first_message):
        return "discord"
    if "participants" in top or {"sender_name", "timestamp_ms"} & first_message:
        return "facebook" if top & _FACEBOOK_KEYS else "instagram"
    if top & _TELEGRAM_ACCOUNT_KEYS or ("messages" in top and ("type" in top or {"from_id", "date_unixtime"}
                                                                & first_message)):
        return "telegram"
    return None
