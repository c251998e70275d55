"""Fuzzing the chat readers (JSONL, CSV, PAN 2012 XML): messages or numbered record errors, never a crash."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from childsafe.text.messages import Message, RecordError
from childsafe.text.readers import iter_conversations, iter_messages
from tests.fuzz.fuzzkit import fuzz_settings, mutated, no_newline_text, printable_line

JSONL_SAMPLE = b"".join(json.dumps({"conversation_id": f"c{i % 2}", "author": a, "text": t}).encode() + b"\n"
                        for i, (a, t) in enumerate([("amy", "hi"), ("bob", "how old are you"), ("amy", "lol ok")]))
CSV_SAMPLE = b'conversation_id,author,text,timestamp\nc1,amy,"hi, there",1\nc1,bob,"two\nlines",2\nc2,amy,ok,\n'
PAN_SAMPLE = (b'<?xml version="1.0"?>\n<conversations><conversation id="c1">'
              b'<message line="1"><author>amy</author><time>10:00</time><text>hi</text></message>'
              b'<message line="2"><author>bob</author><text>add me on snap</text></message>'
              b"</conversation><conversation id=\"c2\"><message><author>x</author><text>y</text></message>"
              b"</conversation></conversations>\n")
NAME_FIELDS = ("conversation_id", "author", "recipient", "platform", "timestamp")
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | \
    st.text(max_size=12)


def _read(data: bytes, fmt: str) -> tuple[list[Message | RecordError], list[object]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chat"
        path.write_bytes(data)
        return list(iter_messages(path, fmt)), list(iter_conversations(path, fmt))


def _check(items: list[Message | RecordError], conversations: list[object]) -> None:
    for item in items:
        if isinstance(item, RecordError):
            assert isinstance(item.record, int) and item.record >= 0 and item.message
        else:
            assert isinstance(item, Message) and item.author.strip() and item.text.strip()
            assert item.record >= 1
            for name in NAME_FIELDS:  # stored and exported: no NUL, no control character
                value = getattr(item, name) or ""
                assert not any(ord(c) < 32 or ord(c) == 127 or 0xD800 <= ord(c) <= 0xDFFF for c in value), name
                value.encode("utf-8")
    for conversation in conversations:
        assert isinstance(conversation, RecordError) or (isinstance(conversation, tuple) and conversation[1])


@fuzz_settings(400)
@given(data=st.one_of(st.binary(max_size=400), mutated(JSONL_SAMPLE), mutated(CSV_SAMPLE), mutated(PAN_SAMPLE)),
       fmt=st.sampled_from(("auto", "jsonl", "csv", "pan12")))
@example(data=b'conversation_id,author,text\nc1,"a\x00b",hi\n', fmt="csv")
@example(data=b'{"conversation_id": "c", "author": "a\\u0000", "text": "t"}\n', fmt="jsonl")
@example(data=b'<conversations><conversation id="c"><message><author>a&#0;</author><text>t</text></message>'
              b"</conversation></conversations>", fmt="pan12")
@example(data=b'<conversations><conversation id="\x7f"><message><author>x</author><text>y</text></message>'
              b"</conversation></conversations>", fmt="auto")  # found: a DEL in a conversation id was kept
def test_any_bytes_give_messages_or_numbered_errors(data: bytes, fmt: str) -> None:
    items, conversations = _read(data, fmt)
    _check(items, conversations)
    if fmt in ("jsonl", "csv"):  # line-based: a record number is a physical line of the file
        lines = data.count(b"\n") + 1
        assert all(item.record <= lines for item in items)


@fuzz_settings(250)
@given(lines=st.lists(st.one_of(st.just("good"), no_newline_text(),
                                st.dictionaries(st.sampled_from(NAME_FIELDS + ("text",)), json_scalars, max_size=6)),
                      min_size=1, max_size=10))
@example(lines=["0", "good"])  # found: a damaged first line made the whole file unreadable (auto)
def test_jsonl_good_records_around_bad_ones_all_come_out(lines: list[object]) -> None:
    good = {"conversation_id": "c1", "author": "amy", "text": "how old are you"}
    text = "".join((json.dumps(good) if line == "good" else line if isinstance(line, str) else json.dumps(line)) + "\n"
                   for line in lines)
    # Told apart by content unless the first line looks like another format (PAN XML, a CSV header).
    first = lines[0]
    fmt = "auto" if not isinstance(first, str) or not first.lstrip().startswith(("<", "{")) else "jsonl"
    items, conversations = _read(text.encode(), fmt)
    _check(items, conversations)
    found = {item.record for item in items if isinstance(item, Message) and item.text == good["text"]}
    assert {n for n, line in enumerate(lines, 1) if line == "good"} <= found


@fuzz_settings(250)
@given(lines=st.lists(st.one_of(st.just("good"), printable_line()), min_size=1, max_size=10))
def test_csv_good_rows_around_bad_ones_all_come_out(lines: list[str]) -> None:
    text = "conversation_id,author,text\n" + "".join(
        ("c1,amy,how old are you" if line == "good" else line) + "\n" for line in lines)
    items, conversations = _read(text.encode(), "csv")
    _check(items, conversations)
    found = {item.record for item in items if isinstance(item, Message) and item.text == "how old are you"}
    assert {n for n, line in enumerate(lines, 2) if line == "good"} <= found


# --------------------------------------------------------------------------- the apps' exports

WHATSAPP_SAMPLE = ("12/31/23, 9:05\u202fPM - Amy: hi\nhow old are you\n"
                   "\u200e[31/12/2023, 21:06:00] Bob: \u200e<attached: 0001-PHOTO.jpg>\n"
                   "1/1/24, 12:07 AM - Bob: IMG-20240101-WA0001.jpg (file attached)\n"
                   "1/1/24, 12:08 AM - Amy added Cat\n").encode()
TELEGRAM_SAMPLE = json.dumps({"name": "Bob", "type": "personal_chat", "id": 42, "messages": [
    {"id": 1, "type": "message", "date": "2023-12-31T21:05:13", "from": "Amy", "from_id": "user1", "text": "hi"},
    {"id": 2, "type": "message", "from": "Bob", "from_id": "user42", "text": ["a", {"type": "bold", "text": "b"}],
     "photo": "photos/p.jpg"},
    {"id": 3, "type": "service", "action": "phone_call"}]}, indent=1).encode()
DISCORD_SAMPLE = json.dumps({"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": [
    {"id": "3", "type": "Default", "timestamp": "2023-12-31T21:05:13+00:00", "content": "hi",
     "author": {"id": "4", "name": "amy", "nickname": "Amy"}, "attachments": [{"fileName": "cat.jpg"}]}]},
    indent=2).encode()
META_SAMPLE = json.dumps({"participants": [{"name": "Zo\u00c3\u00ab"}, {"name": "Amy"}], "messages": [
    {"sender_name": "Zo\u00c3\u00ab", "timestamp_ms": 1704056713000, "content": "caf\u00c3\u00a9",
     "photos": [{"uri": "photos/1.jpg"}]}, {"sender_name": "Amy", "timestamp_ms": 1, "content": "hi"}]}).encode()
EXPORT_FORMATS = ("auto", "whatsapp", "telegram", "discord", "instagram", "facebook")


@fuzz_settings(300)
@given(data=st.one_of(mutated(WHATSAPP_SAMPLE), mutated(TELEGRAM_SAMPLE), mutated(DISCORD_SAMPLE),
                      mutated(META_SAMPLE), st.binary(max_size=200)),
       fmt=st.sampled_from(EXPORT_FORMATS))
@example(data=b'{"messages": [{"from_id": "u\\u0000", "from": "a", "text": "t"}], "type": "x"}', fmt="auto")
@example(data=b'{"participants": [], "messages": [{"sender_name": "a", "content": "t", "photos": [1, {"uri": 2}]}]}',
         fmt="auto")
@example(data=b"1/1/24, 12:07 AM - \x00: hi\n", fmt="whatsapp")
def test_exports_give_messages_or_numbered_errors(data: bytes, fmt: str) -> None:
    items, conversations = _read(data, fmt)
    _check(items, conversations)
    for item in items:
        if isinstance(item, Message):
            for name in (item.display_name or "", *item.attachments):
                assert not any(ord(c) < 32 or ord(c) == 127 for c in name)
                name.encode("utf-8")


@fuzz_settings(100)
@given(messages=st.lists(st.tuples(st.sampled_from(("amy", "bob", "cat")), no_newline_text()), min_size=1,
                         max_size=8),
       cut=st.integers(0, 2000))
def test_a_cut_json_export_keeps_every_message_before_the_cut(messages: list[tuple[str, str]], cut: int) -> None:
    export = {"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": [
        {"id": str(i), "type": "Default", "content": text, "author": {"id": author, "name": author}}
        for i, (author, text) in enumerate(messages)]}
    data = json.dumps(export, indent=1).encode()
    items, conversations = _read(data[:cut] if cut < len(data) else data, "discord")
    _check(items, conversations)
    read = [(m.author, m.text) for m in items if isinstance(m, Message)]
    wanted = [(a, t) for a, t in messages if t.strip()]
    assert read == wanted[: len(read)]  # a prefix: nothing invented, nothing reordered
    if cut >= len(data):
        assert read == wanted
