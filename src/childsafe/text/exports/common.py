"""What every export reader shares: building a checked message, attachment names, file names."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import PurePath
from typing import IO, Final

from childsafe.records import control_char_problem
from childsafe.text.messages import MAX_MESSAGE_CHARS, Message, RecordError
from childsafe.text.readers import _to_message

__all__ = ["MAX_ATTACHMENTS", "build_message", "epoch_ms_to_iso", "source_stem", "text_of"]

#: Attachment names kept per message; an export claiming more is hostile, not a chat.
MAX_ATTACHMENTS: Final = 100
_MAX_NAME_CHARS: Final = 1_000
# Bidirectional and zero-width marks WhatsApp and others wrap names and system lines in.
_INVISIBLE: Final = re.compile("[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_name(value: str) -> str:
    """A display name without the invisible direction marks exporters wrap around it."""
    return _INVISIBLE.sub("", value).strip()


def text_of(value: object) -> str | None:
    """A JSON scalar as text (ids are often numbers), or None for anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    return None


def epoch_ms_to_iso(value: object) -> str | None:
    """Milliseconds since the epoch (Meta's ``timestamp_ms``) as ISO 8601 UTC, or None when unusable."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return datetime.fromtimestamp(value / 1000, UTC).isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def source_stem(fh: IO[bytes]) -> str | None:
    """The file's name without its suffix, when the reader was given a named file."""
    name = getattr(fh, "name", None)
    if not isinstance(name, str) or not name:
        return None
    return PurePath(name).stem or None


def build_message(*, conversation_id: str, author: str | None, text: str | None, record: int, platform: str,
                  timestamp: str | None = None, recipient: str | None = None, display_name: str | None = None,
                  attachments: Iterable[str] = ()) -> Message | RecordError:
    """One message, checked like every other format's (through the readers' ``_to_message``).

    A message with attachments but no text gets a stand-in text naming them (``<attached: NAME>``,
    as WhatsApp shows it), so it is scored and counted as the sender's message rather than lost.
    """
    names = tuple(n for n in (a.strip() for a in attachments) if n)
    if len(names) > MAX_ATTACHMENTS:
        return RecordError(record, f"message names {len(names)} attachments; more than {MAX_ATTACHMENTS}",
                           conversation_id)
    for name in names:
        problem = _name_problem("attachment", name)
        if problem:
            return RecordError(record, problem, conversation_id)
    if (text is None or not text.strip()) and names:
        text = " ".join(f"<attached: {name}>" for name in names)[:MAX_MESSAGE_CHARS]
    fields = {"conversation_id": conversation_id, "author": author, "text": text, "timestamp": timestamp,
              "recipient": recipient, "platform": platform}
    message = _to_message(fields, record)
    if isinstance(message, RecordError):
        return message
    display = clean_name(display_name) if display_name else None
    problem = display and _name_problem("display_name", display)
    if problem:
        return RecordError(record, problem, conversation_id)
    return replace(message, display_name=display or None, attachments=names)


def _name_problem(field: str, value: str) -> str | None:
    if len(value) > _MAX_NAME_CHARS:
        return f"field {field!r} of {len(value)} characters exceeds {_MAX_NAME_CHARS}"
    return control_char_problem(field, value)
