"""Chat-export participants into the network: accounts, messages and shared media as graph events.

Text reads chat exports and graph ingests events, and neither may import the other; this module
sits above both (in the case layer), so a case run puts a chat's participants into the network
without helper scripts.  It streams (:func:`~childsafe.text.readers.iter_messages` of a 2 GB export is never held
whole; :func:`~childsafe.text.readers.iter_conversations` output is accepted too) and emits:

* one :class:`~childsafe.graph.events.AccountEvent` per participant when first seen, with
  ``display_name`` (the name the export shows; the account itself is the export's id when it has
  one) and ``platform``;
* :class:`~childsafe.graph.events.MessageEvent` edges: to the message's own recipient when the export
  names one; else, while the conversation has at most ``max_fanout`` participants, to every other
  participant seen so far in it (a group chat reaches its members; the first messages, sent before
  anyone answered, wait for the first other participant: at most :data:`MAX_WAITING` of them); in a
  bigger conversation to the last other participant who spoke (a reply), so a hostile export with a
  million participants costs one edge per message, not a million;
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

__all__ = ["DEFAULT_MAX_FANOUT", "MAX_WAITING", "AttachmentResolver", "chat_events"]

#: Participants up to which a message counts as sent to every other participant of its conversation.
DEFAULT_MAX_FANOUT: Final = 20
#: Messages held, per conversation, until a second participant shows whom they were sent to.
MAX_WAITING: Final = 1_000
#: Accounts remembered per conversation to announce each once; past it an account may be announced
#: again, which the store merges (a bound for exports with millions of participants).
_MAX_REMEMBERED: Final = 100_000

#: Maps an attachment's name as the export shows it to the file's ``(sha256, pdq)``, or None when unknown.
AttachmentResolver = Callable[[str], tuple[str | None, str | None] | None]


def chat_events(items: Iterable[Message | RecordError | tuple[str, list[Message]]], *,
                resolve_attachment: AttachmentResolver | None = None,
                max_fanout: int = DEFAULT_MAX_FANOUT) -> Iterator[Event | RecordError]:
    """Graph events for the messages (or conversations) read from a chat export; record errors pass through."""
    current: _Conversation | None = None
    for item in items:
        if isinstance(item, RecordError):
            yield item
            continue
        for message in item[1] if isinstance(item, tuple) else (item,):
            if current is None or current.conversation_id != message.conversation_id:
                current = _Conversation(message.conversation_id, resolve_attachment, max_fanout)
            yield from current.add(message)


class _Conversation:
    """What is known of the conversation being read: its first participants and the last speaker."""

    def __init__(self, conversation_id: str, resolve: AttachmentResolver | None, max_fanout: int) -> None:
        self.conversation_id = conversation_id
        self.resolve = resolve
        self.max_fanout = max_fanout
        self.members: list[str] = []  # the first participants, in order; complete unless crowded
        self.crowded = False
        self.remembered: set[str] = set()
        self.named: set[str] = set()  # remembered with the name the export shows
        self.waiting: list[Message] = []
        self.last_speaker: str | None = None

    def add(self, message: Message) -> Iterator[Event]:
        yield from self._announce(message.author, message.display_name, message.platform)
        when = _utc(message.timestamp)
        if message.recipient and message.recipient != message.author:
            # (A Telegram personal chat names its peer as every message's recipient, the peer's own too.)
            yield from self._announce(message.recipient, None, message.platform)
            yield MessageEvent(message.author, message.recipient, when, message.platform, message.record)
        elif not self.crowded and len(self.members) < 2:
            if len(self.waiting) < MAX_WAITING:
                self.waiting.append(message)
        else:
            for waiting in self.waiting:  # sent before anyone else spoke: to those who have now
                for member in self.members:
                    if member != waiting.author:
                        yield MessageEvent(waiting.author, member, _utc(waiting.timestamp), waiting.platform,
                                           waiting.record)
            self.waiting.clear()
            if not self.crowded:
                recipients = [member for member in self.members if member != message.author]
            else:
                recipients = [self.last_speaker] if self.last_speaker not in (None, message.author) else []
            for recipient in recipients:
                if recipient is not None:
                    yield MessageEvent(message.author, recipient, when, message.platform, message.record)
        self.last_speaker = message.author
        if self.resolve is not None:
            for name in message.attachments:
                hashes = self.resolve(name)
                if hashes is not None and (hashes[0] or hashes[1]):
                    yield MediaEvent(message.author, hashes[0], hashes[1], when, message.record)

    def _announce(self, account: str, display_name: str | None, platform: str | None) -> Iterator[Event]:
        if account in self.remembered and (display_name is None or account in self.named):
            return  # (a recipient is announced without a name; its name comes when it first speaks)
        if len(self.remembered) >= _MAX_REMEMBERED:
            self.remembered.clear()
            self.named.clear()
        self.remembered.add(account)
        if display_name is not None:
            self.named.add(account)
        if not self.crowded and account not in self.members:
            if len(self.members) < self.max_fanout:
                self.members.append(account)
            else:
                self.crowded = True
        attributes = {k: v for k, v in (("display_name", display_name), ("platform", platform)) if v}
        yield AccountEvent(account, attributes=MappingProxyType(attributes))


def _utc(timestamp: str | None) -> datetime | None:
    if not timestamp:
        return None
    try:
        when = datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
