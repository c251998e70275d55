"""The unit every text reader yields and every scorer consumes."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Message", "RecordError", "MAX_MESSAGE_CHARS"]

#: Messages longer than this are refused per record (a 10 MB "message" is an attack, not chat).
MAX_MESSAGE_CHARS = 20_000


@dataclass(frozen=True)
class Message:
    conversation_id: str
    author: str
    text: str
    timestamp: str | None = None
    recipient: str | None = None
    platform: str | None = None
    record: int = 0  # 1-based line (JSONL/CSV/WhatsApp) or message position (PAN 2012, JSON exports) in the source
    #: The name the export shows for ``author`` when ``author`` is an id (Telegram, Discord) or the
    #: name itself (WhatsApp, Instagram/Facebook); None for formats that carry no display name.
    display_name: str | None = None
    #: File names (or export-relative paths) of the media attached to this message, as the export
    #: names them, so a case run can join the media to their sender.
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordError:
    """A record that could not be read; the rest of the input is still scored."""

    record: int
    message: str
    conversation_id: str | None = None
