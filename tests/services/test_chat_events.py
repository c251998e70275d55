"""Chat-export participants become accounts, messages and shared media in the network."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from childsafe.graph.events import AccountEvent, MediaEvent, MessageEvent
from childsafe.services.chat_events import chat_events
from childsafe.text.messages import Message, RecordError
from childsafe.text.readers import iter_conversations


def _msg(author: str, text: str = "hi", **extra: Any) -> Message:
    return Message(conversation_id="c", author=author, text=text, platform="discord", **extra)


def test_a_whatsapp_export_becomes_accounts_messages_and_media(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat with Bob.txt"
    path.write_text("31/12/23, 21:05 - Amy: how old are you\n"
                    "31/12/23, 21:06 - Bob: IMG-20231231-WA0001.jpg (file attached)\n", encoding="utf-8")
    known = {"IMG-20231231-WA0001.jpg": ("a" * 64, None)}
    events = list(chat_events(iter_conversations(path), resolve_attachment=known.get))
    accounts = [e for e in events if isinstance(e, AccountEvent)]
    assert [(a.account, dict(a.attributes)) for a in accounts] == [
        ("Amy", {"display_name": "Amy", "platform": "whatsapp"}),
        ("Bob", {"display_name": "Bob", "platform": "whatsapp"})]
    messages = [e for e in events if isinstance(e, MessageEvent)]
    assert [(m.sender, m.recipient, m.row) for m in messages] == [("Amy", "Bob", 1), ("Bob", "Amy", 2)]
    assert messages[0].timestamp == datetime(2023, 12, 31, 21, 5, tzinfo=UTC)
    assert [(e.account, e.sha256, e.row) for e in events if isinstance(e, MediaEvent)] == [("Bob", "a" * 64, 2)]


def test_ids_are_the_accounts_and_names_their_display_names() -> None:
    conversation = ("c", [_msg("7", display_name="Amy"), _msg("8", display_name="Bob")])
    accounts = [e for e in chat_events([conversation]) if isinstance(e, AccountEvent)]
    assert [(a.account, a.attributes["display_name"]) for a in accounts] == [("7", "Amy"), ("8", "Bob")]


def test_small_groups_reach_everyone_and_big_ones_the_last_speaker() -> None:
    group = [_msg("a"), _msg("b"), _msg("c")]
    small = [(e.sender, e.recipient) for e in chat_events([("c", group)]) if isinstance(e, MessageEvent)]
    assert small == [("a", "b"), ("a", "c"), ("b", "a"), ("b", "c"), ("c", "a"), ("c", "b")]
    big = [(e.sender, e.recipient) for e in chat_events([("c", group)], max_fanout=2) if isinstance(e, MessageEvent)]
    assert big == [("b", "a"), ("c", "b")]


def test_a_named_recipient_wins_unknown_media_are_left_out_and_errors_pass_through() -> None:
    error = RecordError(3, "bad")
    items = [error, ("c", [_msg("a", recipient="z", attachments=("x.jpg",), timestamp="2024-01-01T10:00:00+02:00")])]
    events = list(chat_events(items, resolve_attachment=lambda name: None))
    assert events[0] is error
    messages = [e for e in events if isinstance(e, MessageEvent)]
    assert [(m.sender, m.recipient, m.timestamp) for m in messages] == [
        ("a", "z", datetime(2024, 1, 1, 8, 0, tzinfo=UTC))]
    assert not [e for e in events if isinstance(e, MediaEvent)]
