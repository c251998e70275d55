"""Chat-export participants into the network: moved to :mod:`childsafe.case.chat_events` (the case run,
a layer below the services, uses it); kept here so existing imports go on working."""

from childsafe.case.chat_events import DEFAULT_MAX_FANOUT, MAX_WAITING, AttachmentResolver, chat_events

__all__ = ["DEFAULT_MAX_FANOUT", "MAX_WAITING", "AttachmentResolver", "chat_events"]
