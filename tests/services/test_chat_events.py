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


def test_small_groups_reach_everyone_seen_and_big_ones_the_last_speaker() -> None:
    group = [_msg("a"), _msg("a", "anyone?"), _msg("b"), _msg("c"), _msg("a")]
    small = [(e.sender, e.recipient, e.row) for e in chat_events(group) if isinstance(e, MessageEvent)]
    assert small == [("a", "b", 0), ("a", "b", 0), ("b", "a", 0), ("c", "a", 0), ("c", "b", 0),
                     ("a", "b", 0), ("a", "c", 0)]
    big = [(e.sender, e.recipient) for e in chat_events(group, max_fanout=2) if isinstance(e, MessageEvent)]
    assert big == [("a", "b"), ("a", "b"), ("b", "a"), ("c", "b"), ("a", "c")]


def test_a_crowd_costs_one_edge_per_message() -> None:
    crowd = (_msg(f"p{i}") for i in range(200_000))  # a generator: nothing holds the crowd
    edges = 0
    for event in chat_events(crowd):
        edges += isinstance(event, MessageEvent)
    # The first 20 speakers reach everyone before them (the first one's message waits for the second), then
    # every later speaker replies to the one before.
    assert edges == 1 + sum(range(1, 20)) + (200_000 - 20)


def test_conversations_change_with_their_id() -> None:
    first = Message(conversation_id="c1", author="a", text="hi")
    second = Message(conversation_id="c2", author="b", text="hi")
    third = Message(conversation_id="c2", author="a", text="hi")
    edges = [(e.sender, e.recipient) for e in chat_events([first, second, third]) if isinstance(e, MessageEvent)]
    assert edges == [("b", "a"), ("a", "b")]  # a's message in c1 reached nobody


def test_a_named_recipient_wins_unknown_media_are_left_out_and_errors_pass_through() -> None:
    error = RecordError(3, "bad")
    items = [error, ("c", [_msg("a", recipient="z", attachments=("x.jpg",), timestamp="2024-01-01T10:00:00+02:00")])]
    events = list(chat_events(items, resolve_attachment=lambda name: None))
    assert events[0] is error
    messages = [e for e in events if isinstance(e, MessageEvent)]
    assert [(m.sender, m.recipient, m.timestamp) for m in messages] == [
        ("a", "z", datetime(2024, 1, 1, 8, 0, tzinfo=UTC))]
    assert not [e for e in events if isinstance(e, MediaEvent)]


def test_a_participant_first_seen_as_a_recipient_keeps_the_name_it_shows_when_it_speaks() -> None:
    """Telegram names a personal chat's peer as every message's recipient: the peer is announced first
    without a name, then with the name the export shows once it writes; its own messages are no self-loop."""
    conversation = ("c", [_msg("u1", recipient="u2", display_name="max_t"),
                          _msg("u2", recipient="u2", display_name="Lena"), _msg("u1", recipient="u2")])
    events = list(chat_events([conversation]))
    names = {(e.account, e.attributes.get("display_name")) for e in events if isinstance(e, AccountEvent)}
    assert ("u2", "Lena") in names and ("u1", "max_t") in names
    messages = [(m.sender, m.recipient) for m in events if isinstance(m, MessageEvent)]
    assert ("u2", "u2") not in messages and ("u2", "u1") in messages
