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
    record: int = 0  # 1-based line (JSONL/CSV) or message position (PAN 2012) in the source


@dataclass(frozen=True)
class RecordError:
    """A record that could not be read; the rest of the input is still scored."""

    record: int
    message: str
    conversation_id: str | None = None
