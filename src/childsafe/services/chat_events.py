"""Chat-export participants into the network: accounts, messages and shared media as graph events.

Text reads chat exports and graph ingests events, and neither may import the other; this service
sits above both, so a case run can put a chat's participants into the network without helper
scripts.  For each conversation of :func:`~childsafe.text.readers.iter_conversations`:

* one :class:`~childsafe.graph.events.AccountEvent` per participant, with ``display_name`` (the name
  the export shows; the account itself is the export's id when it has one) and ``platform``;
* one :class:`~childsafe.graph.events.MessageEvent` per message and recipient.  The recipient is the
  message's own when the export names it; else, in a conversation of at most ``max_fanout``
  participants, every other participant (a group chat reaches everyone in it); in a bigger one the
  last other participant who spoke (a reply), so a hostile export with a million participants costs
  one edge per message, not a million;
* one :class:`~childsafe.graph.events.MediaEvent` per attachment that ``resolve_attachment`` knows
  (the case run passes a look-up from the attached file's name to the hashes its scan computed),
  so media attached to chats join their sender.

Timestamps are ISO 8601 as the readers give them; one without a zone (WhatsApp and Telegram carry
the phone's local time) is taken as UTC, the graph's clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final

from childsafe.graph.events import AccountEvent, Event, MediaEvent, MessageEvent
from childsafe.text.messages import Message, RecordError

__all__ = ["DEFAULT_MAX_FANOUT", "AttachmentResolver", "chat_events"]

#: Participants up to which a message counts as sent to every other participant of its conversation.
DEFAULT_MAX_FANOUT: Final = 20

#: Maps an attachment's name as the export shows it to the file's ``(sha256, pdq)``, or None when unknown.
AttachmentResolver = Callable[[str], tuple[str | None, str | None] | None]


def chat_events(conversations: Iterable[tuple[str, list[Message]] | RecordError], *,
                resolve_attachment: AttachmentResolver | None = None,
                max_fanout: int = DEFAULT_MAX_FANOUT) -> Iterator[Event | RecordError]:
    """Graph events for the conversations read from a chat export; record errors pass through."""
    for item in conversations:
        if isinstance(item, RecordError):
            yield item
            continue
        _conversation_id, messages = item
        yield from _conversation_events(messages, resolve_attachment, max_fanout)


def _conversation_events(messages: list[Message], resolve: AttachmentResolver | None,
                         max_fanout: int) -> Iterator[Event]:
    shown: dict[str, tuple[str | None, str | None]] = {}  # account -> (display name, platform), first seen
    for message in messages:
        for account in (message.author, message.recipient):
            if account and account not in shown:
                shown[account] = (message.display_name if account == message.author else None, message.platform)
    for account, (display_name, platform) in shown.items():
        attributes = {k: v for k, v in (("display_name", display_name), ("platform", platform)) if v}
        yield AccountEvent(account, attributes=MappingProxyType(attributes), row=0)
    everyone = list(shown) if len(shown) <= max_fanout else None
    last_speaker: str | None = None
    for message in messages:
        when = _utc(message.timestamp)
        if message.recipient:
            recipients = [message.recipient]
        elif everyone is not None:
            recipients = [account for account in everyone if account != message.author]
        else:
            recipients = [last_speaker] if last_speaker and last_speaker != message.author else []
        for recipient in recipients:
            yield MessageEvent(message.author, recipient, when, message.platform, message.record)
        if message.author != last_speaker:
            last_speaker = message.author
        if resolve is not None:
            for name in message.attachments:
                hashes = resolve(name)
                if hashes is not None and (hashes[0] or hashes[1]):
                    yield MediaEvent(message.author, hashes[0], hashes[1], when, message.record)


def _utc(timestamp: str | None) -> datetime | None:
    if not timestamp:
        return None
    try:
        when = datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
