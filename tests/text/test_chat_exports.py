"""The apps' chat exports (WhatsApp, Telegram, Discord, Instagram/Facebook): read, recognised, never crashing.

Every fixture is synthetic and written here; none is copied from a real chat.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from childsafe.text.exports.meta import repair_mojibake
from childsafe.text.messages import Message, RecordError
from childsafe.text.readers import detect_format, iter_conversations, iter_messages

NNBSP = "\u202f"
LRM = "\u200e"


def _messages(path: Path, fmt: str = "auto") -> list[Message]:
    return [m for m in iter_messages(path, fmt) if isinstance(m, Message)]


def _errors(path: Path, fmt: str = "auto") -> list[RecordError]:
    return [m for m in iter_messages(path, fmt) if isinstance(m, RecordError)]


def _write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


# --------------------------------------------------------------------------- WhatsApp

ANDROID_US = (
    f"12/31/23, 9:05{NNBSP}PM - Messages and calls are end-to-end encrypted. No one outside of this chat, "
    "not even WhatsApp, can read or listen to them. Tap to learn more.\n"
    f"12/31/23, 9:05{NNBSP}PM - Amy: hi\nhow old are you\n"
    f"12/31/23, 9:06{NNBSP}PM - Bob: <Media omitted>\n"
    f"1/1/24, 12:07{NNBSP}AM - Bob: IMG-20240101-WA0001.jpg (file attached)\nlook\n"
    f"1/1/24, 12:08{NNBSP}AM - Amy added Cat\n"
    f"1/1/24, 12:09{NNBSP}AM - Amy: This message was deleted\n"
)


def test_whatsapp_android_us_12_hour_with_narrow_spaces(tmp_path: Path) -> None:
    path = _write(tmp_path, "WhatsApp Chat with Bob.txt", ANDROID_US)
    assert detect_format(path) == "whatsapp"
    messages = _messages(path)
    assert [(m.author, m.text) for m in messages] == [
        ("Amy", "hi\nhow old are you"), ("Bob", "<Media omitted>"),
        ("Bob", "IMG-20240101-WA0001.jpg (file attached)\nlook"), ("Amy", "This message was deleted")]
    assert [m.timestamp for m in messages] == ["2023-12-31T21:05:00", "2023-12-31T21:06:00",
                                               "2024-01-01T00:07:00", "2024-01-01T00:09:00"]
    assert messages[2].attachments == ("IMG-20240101-WA0001.jpg",)
    assert {m.conversation_id for m in messages} == {"WhatsApp Chat with Bob"}
    assert all(m.platform == "whatsapp" and m.display_name == m.author for m in messages)
    assert [m.record for m in messages] == [2, 4, 5, 8]
    assert _errors(path) == []


def test_whatsapp_ios_brackets_marks_and_attachments(tmp_path: Path) -> None:
    text = (
        f"{LRM}[31/12/2023, 21:05:13] Group: {LRM}Messages and calls are end-to-end encrypted.\n"
        f"[31/12/2023, 21:05:14] Group: {LRM}Amy added Bob\n"
        f"[31/12/2023, 21:06:00] {LRM}\u202a+1 555 0100\u202c: add me on snap\n"
        f"{LRM}[31/12/2023, 21:07:00] Amy: {LRM}<attached: 00000012-PHOTO-2023-12-31-21-07-00.jpg>\n"
        f"[01/01/2024, 09:00:00] Amy: {LRM}image omitted\n"
        f"[01/01/2024, 09:01:00] Amy: {LRM}This message was deleted.\n"
    )
    path = _write(tmp_path, "_chat.txt", text)
    assert detect_format(path) == "whatsapp"
    messages = _messages(path)
    assert [m.author for m in messages] == ["+1 555 0100", "Amy", "Amy", "Amy"]
    assert messages[1].attachments == ("00000012-PHOTO-2023-12-31-21-07-00.jpg",)
    assert messages[1].timestamp == "2023-12-31T21:07:00"
    assert messages[2].timestamp == "2024-01-01T09:00:00"  # day first: 31/12 told the order
    assert messages[3].text == "This message was deleted."


def test_whatsapp_german_dots(tmp_path: Path) -> None:
    path = _write(tmp_path, "WhatsApp-Chat mit Bob.txt",
                  f"{LRM}31.12.23, 21:05 - Amy: hallo\n"
                  "01.01.24, 09:15 - Bob: IMG-20240101-WA0002.jpg (Datei angehängt)\n")
    messages = _messages(path)
    assert [m.timestamp for m in messages] == ["2023-12-31T21:05:00", "2024-01-01T09:15:00"]
    assert messages[1].attachments == ("IMG-20240101-WA0002.jpg",)


@pytest.mark.parametrize(("line", "timestamp"), [
    ("[12/31/23, 9:05:13 PM] Amy: hi", "2023-12-31T21:05:13"),  # iOS, US
    ("[31.12.23, 21:05:13] Amy: hi", "2023-12-31T21:05:13"),  # iOS, German
    ("2023-12-31, 21:05 - Amy: hi", "2023-12-31T21:05:00"),  # ISO dates
    ("31/12/2023 21:05 - Amy: hi", "2023-12-31T21:05:00"),  # no comma
    ("31/12/2023, 9:05 p. m. - Amy: hi", "2023-12-31T21:05:00"),  # Spanish 12-hour
    (f"31/12/2023, 12:05{NNBSP}a.m. - Amy: hi", "2023-12-31T00:05:00"),  # midnight in 12-hour time
    (f"{LRM}[31/12/2023, 21:05:13] Amy: hi", "2023-12-31T21:05:13"),
])
def test_whatsapp_header_styles(tmp_path: Path, line: str, timestamp: str) -> None:
    path = _write(tmp_path, "chat.txt", line + "\n")
    assert detect_format(path) == "whatsapp"
    assert [(m.author, m.text, m.timestamp) for m in _messages(path)] == [("Amy", "hi", timestamp)]


def test_whatsapp_day_month_order_waits_for_evidence(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.txt", "02/03/24, 10:00 - Amy: first\n13/03/24, 10:00 - Bob: second\n")
    assert [m.timestamp for m in _messages(path)] == ["2024-03-02T10:00:00", "2024-03-13T10:00:00"]
    path = _write(tmp_path, "d.txt", "02/03/24, 10:00 - Amy: first\n03/13/24, 10:00 - Bob: second\n")
    assert [m.timestamp for m in _messages(path)] == ["2024-02-03T10:00:00", "2024-03-13T10:00:00"]


def test_whatsapp_without_evidence_defaults_by_style(tmp_path: Path) -> None:
    us = _write(tmp_path, "us.txt", "02/03/24, 10:00 AM - Amy: hi\n")
    assert [m.timestamp for m in _messages(us)] == ["2024-02-03T10:00:00"]
    eu = _write(tmp_path, "eu.txt", "02/03/24, 10:00 - Amy: hi\n")
    assert [m.timestamp for m in _messages(eu)] == ["2024-03-02T10:00:00"]


def test_whatsapp_bad_lines_are_record_errors_and_reading_goes_on(tmp_path: Path) -> None:
    text = ("not a chat line\n31/12/23, 21:05 - Amy: hi\n"
            "31/13/23, 21:05 - Bob: impossible month\n" "31/12/23, 21:06 - Bob: " + "x" * 30_000 + "\n"
            "31/12/23, 21:07 - Bob: still here\n")
    path = _write(tmp_path, "bad.txt", text.encode() + b"31/12/23, 21:08 - Amy: caf\xe9\n")
    messages = _messages(path, "whatsapp")
    assert [m.text for m in messages] == ["hi", "still here", "caf\ufffd"]
    errors = _errors(path, "whatsapp")
    assert [e.record for e in errors] == [1, 3, 4]
    assert "impossible" in errors[1].message and "characters" in errors[2].message


# --------------------------------------------------------------------------- Telegram

def _telegram_chat(chat_id: int = 4242, name: str = "Bob") -> dict[str, object]:
    return {"name": name, "type": "personal_chat", "id": chat_id, "messages": [
        {"id": 1, "type": "service", "date": "2023-12-31T21:00:00", "actor": "Amy", "action": "phone_call"},
        {"id": 2, "type": "message", "date": "2023-12-31T21:05:13", "from": "Amy", "from_id": "user1", "text": "hi"},
        {"id": 3, "type": "message", "date": "2023-12-31T21:06:13", "from": name, "from_id": f"user{chat_id}",
         "text": ["add me on ", {"type": "bold", "text": "snap"}], "photo": "photos/photo_1@31-12-2023.jpg"},
        {"id": 4, "type": "message", "date": "2023-12-31T21:07:13", "from": name, "from_id": f"user{chat_id}",
         "text": "", "file": "(File not included. Change data exporting settings to download.)"},
        "junk",
    ]}


def test_telegram_single_chat(tmp_path: Path) -> None:
    path = _write(tmp_path, "result.json", json.dumps(_telegram_chat(), indent=1))
    assert detect_format(path) == "telegram"
    items = list(iter_messages(path))
    messages = [m for m in items if isinstance(m, Message)]
    assert [(m.author, m.display_name, m.text) for m in messages] == [
        ("user1", "Amy", "hi"), ("user4242", "Bob", "add me on snap"),
        ("user4242", "Bob", "<file not included in the export>")]
    assert messages[1].attachments == ("photos/photo_1@31-12-2023.jpg",)
    assert messages[0].recipient == "user4242" and messages[1].recipient is None
    assert {m.conversation_id for m in messages} == {"4242"}
    assert [m.record for m in messages] == [2, 3, 4]
    assert [(e.record, e.message) for e in items if isinstance(e, RecordError)] == [
        (5, "message must be a JSON object, not a string")]


def test_telegram_whole_account_export_has_one_conversation_per_chat(tmp_path: Path) -> None:
    export = {"about": "synthetic", "personal_information": {"first_name": "Amy"},
              "chats": {"about": "x", "list": [_telegram_chat(1, "Bob"), _telegram_chat(2, "Cat")]}}
    path = _write(tmp_path, "result.json", json.dumps(export))
    assert detect_format(path) == "telegram"
    conversations = [c for c in iter_conversations(path) if not isinstance(c, RecordError)]
    assert [(cid, len(ms)) for cid, ms in conversations] == [("1", 3), ("2", 3)]


def test_telegram_truncated_and_badly_encoded(tmp_path: Path) -> None:
    data = json.dumps(_telegram_chat(), indent=1).encode().replace(b'"Amy"', b'"A\xffmy"')
    path = _write(tmp_path, "result.json", data[: data.index(b'"id": 4,')])
    items = list(iter_messages(path, "telegram"))
    assert [m.display_name for m in items if isinstance(m, Message)] == ["A\ufffdmy", "Bob"]
    errors = [e for e in items if isinstance(e, RecordError)]
    assert "malformed" in errors[0].message and errors[0].record == 4
    assert errors[1].record == 0 and "UTF-8" in errors[1].message


# --------------------------------------------------------------------------- Discord

DISCORD = {
    "guild": {"id": "100", "name": "Test server"},
    "channel": {"id": "200", "type": "GuildTextChat", "name": "general"},
    "messages": [
        {"id": "1", "type": "GuildMemberJoin", "timestamp": "2023-12-31T21:00:00+00:00", "content": "",
         "author": {"id": "7", "name": "amy", "nickname": "Amy"}},
        {"id": "2", "type": "Default", "timestamp": "2023-12-31T21:05:13+00:00", "content": "how old are you",
         "author": {"id": "7", "name": "amy", "nickname": "Amy"}, "attachments": []},
        {"id": "3", "type": "Reply", "timestamp": "2023-12-31T21:06:00+00:00", "content": "",
         "author": {"id": "8", "name": "bob", "nickname": None},
         "attachments": [{"id": "9", "url": "https://cdn.invalid/x.jpg", "fileName": "cat.jpg"}]},
        {"id": "4", "type": "Default", "content": "no author"},
    ],
    "messageCount": 4,
}


def test_discord_chat_exporter_json(tmp_path: Path) -> None:
    path = _write(tmp_path, "general.json", json.dumps(DISCORD, indent=2))
    assert detect_format(path) == "discord"
    messages = _messages(path)
    assert [(m.author, m.display_name) for m in messages] == [("7", "Amy"), ("8", "bob")]
    assert messages[1].attachments == ("cat.jpg",) and messages[1].text == "<attached: cat.jpg>"
    assert {m.conversation_id for m in messages} == {"200"}
    assert [(e.record, e.message) for e in _errors(path)] == [(4, "message has no author object")]


def test_discord_cut_short_keeps_what_came_before(tmp_path: Path) -> None:
    data = json.dumps(DISCORD, indent=2)
    path = _write(tmp_path, "general.json", data[: data.index('"id": "3"')])
    assert [m.text for m in _messages(path)] == ["how old are you"]
    assert "malformed" in _errors(path)[0].message


# --------------------------------------------------------------------------- Instagram / Facebook

def _meta_mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


def _meta_thread(participants: list[str], **extra: object) -> dict[str, object]:
    return {"participants": [{"name": _meta_mojibake(p)} for p in participants], **extra, "messages": [
        {"sender_name": _meta_mojibake("Zoë"), "timestamp_ms": 1704056713000,
         "content": _meta_mojibake("café tomorrow? don't tell your mom"),
         "photos": [{"uri": "messages/inbox/zoe_1/photos/1.jpg", "creation_timestamp": 1}]},
        {"sender_name": "Amy", "timestamp_ms": 1704056000000, "content": "hi"},
        {"sender_name": "Amy", "timestamp_ms": "soon"},
    ], "title": "Zoë", "thread_path": "inbox/zoe_1"}


def test_instagram_thread_repairs_mojibake(tmp_path: Path) -> None:
    folder = tmp_path / "inbox" / "zoe_1"
    folder.mkdir(parents=True)
    path = _write(folder, "message_1.json", json.dumps(_meta_thread(["Zoë", "Amy"]), indent=2))
    assert detect_format(path) == "instagram"
    messages = _messages(path)
    assert [(m.author, m.recipient, m.text) for m in messages] == [
        ("Zoë", "Amy", "café tomorrow? don't tell your mom"), ("Amy", "Zoë", "hi")]
    assert messages[0].timestamp == "2023-12-31T21:05:13+00:00"
    assert messages[0].attachments == ("messages/inbox/zoe_1/photos/1.jpg",)
    assert {m.conversation_id for m in messages} == {"inbox/zoe_1"}
    assert _errors(path)[0].record == 3  # no content, no media


def test_facebook_is_told_apart_and_groups_have_no_single_recipient(tmp_path: Path) -> None:
    path = _write(tmp_path, "message_1.json", json.dumps(_meta_thread(["Zoë", "Amy", "Cat"], thread_type="Regular")))
    assert detect_format(path) == "facebook"
    messages = _messages(path)
    assert messages[0].platform == "facebook" and all(m.recipient is None for m in messages)


def test_repair_mojibake_leaves_proper_text_alone() -> None:
    assert repair_mojibake(_meta_mojibake("Zoë ✓")) == "Zoë ✓"
    assert repair_mojibake("Zoë") == "Zoë"  # not valid UTF-8 once encoded as latin-1: kept
    assert repair_mojibake("日本") == "日本"


def test_a_million_participants_stream_in_flat_memory(tmp_path: Path) -> None:
    path = tmp_path / "message_1.json"
    with path.open("w") as fh:
        fh.write('{"participants": [')
        fh.write(",".join(f'{{"name": "p{i}"}}' for i in range(1_000_000)))
        fh.write('], "messages": [{"sender_name": "p1", "timestamp_ms": 1, "content": "hi"}]}')
    messages = _messages(path)
    assert [(m.author, m.recipient) for m in messages] == [("p1", None)]


# --------------------------------------------------------------------------- forcing, sniffing


@pytest.mark.parametrize("fmt", ["whatsapp", "telegram", "discord", "instagram", "facebook"])
def test_forcing_a_format_on_the_wrong_file_gives_errors_not_crashes(tmp_path: Path, fmt: str) -> None:
    path = _write(tmp_path, "x", '{"conversation_id": "c", "author": "a", "text": "t"}\n[1, 2\n')
    items = list(iter_messages(path, fmt))
    assert all(isinstance(i, RecordError) for i in items) and items


def test_a_telegram_export_forced_as_discord_reports_its_records(tmp_path: Path) -> None:
    path = _write(tmp_path, "result.json", json.dumps(_telegram_chat()))
    errors = _errors(path, "discord")
    assert [e.record for e in errors] == [1, 2, 3, 4, 5]
    assert _messages(path, "discord") == []


def test_a_discord_export_forced_as_telegram_reports_its_records(tmp_path: Path) -> None:
    path = _write(tmp_path, "general.json", json.dumps(DISCORD))
    assert [e.record for e in _errors(path, "telegram")] == [1, 2, 3, 4]


def test_jsonl_is_still_jsonl(tmp_path: Path) -> None:
    path = _write(tmp_path, "c.jsonl", '{"conversation_id": "c", "author": "a", "text": "hi"}\n')
    assert detect_format(path) == "jsonl"


def test_text_score_takes_kind_as_the_name_of_format(tmp_path: Path) -> None:
    from tests.cli_runner import Cli

    path = _write(tmp_path, "WhatsApp Chat with Bob.txt", ANDROID_US)
    cli = Cli(tmp_path / "home")
    results = cli.json_lines("text", "score", "--kind", "whatsapp", "--no-store", str(path))
    assert [r["conversation_id"] for r in results] == ["WhatsApp Chat with Bob"]
    assert {a["author"] for a in results[0]["authors"]} == {"Amy", "Bob"}


def test_whatsapp_an_oversized_line_refuses_its_message_not_the_next(tmp_path: Path) -> None:
    text = "31/12/23, 21:05 - Amy: start\n" + "y" * (1 << 21) + "\n31/12/23, 21:06 - Bob: next\n"
    path = _write(tmp_path, "big.txt", text)
    items = list(iter_messages(path, "whatsapp"))
    assert isinstance(items[0], RecordError) and items[0].record == 1 and "exceeds" in items[0].message
    assert [(m.author, m.text) for m in items[1:] if isinstance(m, Message)] == [("Bob", "next")]
