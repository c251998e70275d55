"""Chat export readers: JSONL, CSV, PAN 2012 XML; bad records, hostile XML, bounded memory."""

from __future__ import annotations

import json
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from childsafe.errors import ConfigError
from childsafe.text.messages import MAX_MESSAGE_CHARS, Message, RecordError
from childsafe.text.readers import (
    FORMATS,
    MAX_RECORD_BYTES,
    detect_format,
    iter_conversations,
    iter_messages,
)

BOM = b"\xef\xbb\xbf"
GOOD = {"conversation_id": "c1", "author": "amy", "text": "hi"}
HEADER = b"conversation_id,author,text,timestamp\n"
PAN_HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<conversations>\n'


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def pan_message(line: object, author: str, text: str | None, time: str | None = None) -> bytes:
    parts = f"<author>{author}</author>"
    if time is not None:
        parts += f"<time>{time}</time>"
    if text is not None:
        parts += f"<text>{text}</text>"
    return f'<message line="{line}">{parts}</message>\n'.encode()


def pan(*conversations: tuple[str, bytes]) -> bytes:
    body = b"".join(
        f'<conversation id="{cid}">\n'.encode() + msgs + b"</conversation>\n" for cid, msgs in conversations
    )
    return PAN_HEAD + body + b"</conversations>\n"


def peak_bytes(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def errors(items: Iterator[object]) -> list[RecordError]:
    return [item for item in items if isinstance(item, RecordError)]


# --------------------------------------------------------------------------- round trips


def test_jsonl_round_trip_with_optional_fields_and_coercion(tmp_path: Path) -> None:
    data = jsonl(
        {"conversation_id": 17, "author": 42, "text": "hi", "timestamp": 1700000000, "platform": "kik"},
        {"conversation_id": "c1", "author": "bob", "text": "how was school", "recipient": "amy", "timestamp": None},
        {"conversation_id": 1.5, "author": True, "text": "see you tomorrow", "platform": "", "extra": [1]},
        {"conversation_id": "c2", "author": "amy", "text": "hi \ud800 there"},  # lone surrogate escape
    )
    path = write(tmp_path, "chat.jsonl", b"\n" + data + b"   \n")  # blank lines are skipped, not counted as errors
    assert list(iter_messages(path, "jsonl")) == [
        Message("17", "42", "hi", timestamp="1700000000", platform="kik", record=2),
        Message("c1", "bob", "how was school", recipient="amy", record=3),
        Message("1.5", "true", "see you tomorrow", record=4),
        Message("c2", "amy", "hi \ufffd there", record=5),
    ]


def test_csv_round_trip_with_quoting_multiline_and_optional_columns(tmp_path: Path) -> None:
    data = (
        b" Conversation_ID ,author,text,Timestamp,recipient,platform,notes\r\n"
        b'c1,amy,"hi, you",2024-01-01T10:00,bob,,x\r\n'
        b'c1,bob,"how was\r\nschool\r\ntoday",,,sms,\r\n'
        b"\r\n"
        b'c2,amy,"say ""see you tomorrow""",,,,\r\n'
    )
    path = write(tmp_path, "chat.csv", data)
    assert list(iter_messages(path, "csv")) == [
        Message("c1", "amy", "hi, you", timestamp="2024-01-01T10:00", recipient="bob", record=2),
        Message("c1", "bob", "how was\r\nschool\r\ntoday", platform="sms", record=3),
        Message("c2", "amy", 'say "see you tomorrow"', record=7),
    ]


def test_pan12_round_trip(tmp_path: Path) -> None:
    msgs = (
        pan_message(1, " a1b2 ", "hi &amp; hello", time="03:20")
        + pan_message("x", "c3d4", "<![CDATA[how was <school>]]>")
        + b"<message><author>a1b2</author><text>see you tomorrow</text><extra>ignored</extra></message>\n"
    )
    path = write(tmp_path, "chat.xml", pan(("conv-1", msgs), ("conv-2", pan_message(7, "e5", "ok"))))
    assert list(iter_messages(path, "pan12")) == [
        Message("conv-1", "a1b2", "hi & hello", timestamp="03:20", record=1),
        Message("conv-1", "c3d4", "how was <school>", record=2),  # non-integer line: position
        Message("conv-1", "a1b2", "see you tomorrow", record=3),
        Message("conv-2", "e5", "ok", record=7),
    ]


# --------------------------------------------------------------------------- format detection


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (jsonl(GOOD), "jsonl"),
        (BOM + b"\n  \n" + jsonl(GOOD), "jsonl"),
        (HEADER + b"c1,amy,hi,\n", "csv"),
        (BOM + b"author,TEXT,conversation_id\n", "csv"),
        (pan(("c", pan_message(1, "a", "hi"))), "pan12"),
        (BOM + b"\r\n  <conversations/>", "pan12"),
        ("<conversations/>".encode("utf-16"), "pan12"),
    ],
    ids=["jsonl", "jsonl-bom-blank-lines", "csv", "csv-bom-any-order", "pan12", "pan12-bom-space", "pan12-utf16"],
)
def test_detect_format(tmp_path: Path, data: bytes, expected: str) -> None:
    path = write(tmp_path, "chat", data)
    assert detect_format(path) == expected
    assert expected in FORMATS
    assert all(isinstance(m, Message) for m in iter_messages(path))  # auto picks the same reader


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (BOM + b" \n\t\n", "empty"),
        (b"conversation_id,author,message\nc1,amy,hi\n", "lacks text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "cannot tell"),
        (json.dumps(GOOD).encode("utf-16"), "UTF-16"),
    ],
    ids=["empty", "blank", "csv-missing-column", "binary", "utf16-jsonl"],
)
def test_detect_format_refuses(tmp_path: Path, data: bytes, says: str) -> None:
    with pytest.raises(ConfigError, match=says):
        detect_format(write(tmp_path, "chat", data))


def test_detect_format_of_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot open"):
        detect_format(tmp_path / "nope.jsonl")


def test_unknown_format_name_raises_at_call(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown chat format 'xml'"):
        iter_messages(tmp_path / "x", "xml")
    with pytest.raises(ConfigError, match="unknown chat format"):
        iter_conversations(tmp_path / "x", "JSONL")


def test_auto_reading_an_unrecognised_or_empty_file(tmp_path: Path) -> None:
    junk = write(tmp_path, "junk.bin", b"\x00\x01 not a chat\n")
    [error] = list(iter_messages(junk))
    assert isinstance(error, RecordError) and error.record == 0 and "cannot tell the chat format" in error.message
    assert list(iter_messages(write(tmp_path, "empty.jsonl", b""))) == []


@pytest.mark.parametrize("read", [iter_messages, iter_conversations])
def test_file_that_cannot_be_opened_yields_record_zero(tmp_path: Path, read: Callable[..., Iterator[object]]) -> None:
    for path in (tmp_path / "missing.jsonl", tmp_path):  # absent, and a directory
        [error] = list(read(path, "jsonl"))
        assert isinstance(error, RecordError) and error.record == 0 and "cannot open" in error.message


# --------------------------------------------------------------------------- bad records


@pytest.mark.parametrize(
    ("line", "says", "conversation_id"),
    [
        (b'{"conversation_id": "c9", "author": "amy", "text": "h\xffi"}', "not valid UTF-8 (byte 0xff", None),
        (b'{"conversation_id": "c9", "author": ', "not valid JSON", None),
        (b'["c9", "amy", "hi"]', "expected a JSON object, found an array", None),
        (b'"hi"', "expected a JSON object, found a string", None),
        (b"[" * 100_000, "not valid JSON (nested too deeply)", None),
        (b'{"conversation_id": ' + b"9" * 5000 + b"}", "not valid JSON", None),
        (b'{"author": "amy", "text": "hi"}', "missing field 'conversation_id'", None),
        (b'{"conversation_id": " ", "author": "amy", "text": "hi"}', "empty field 'conversation_id'", None),
        (b'{"conversation_id": "c9", "text": "hi"}', "missing field 'author'", "c9"),
        (b'{"conversation_id": "c9", "author": "amy", "text": ""}', "empty field 'text'", "c9"),
        (b'{"conversation_id": "c9", "author": "amy", "text": null}', "missing field 'text'", "c9"),
        (b'{"conversation_id": "c9", "author": ["amy"], "text": "hi"}', "'author' must be a string or a number", "c9"),
        (b'{"conversation_id": {}, "author": "amy", "text": "hi"}', "not an object", None),
        (
            json.dumps({"conversation_id": "c9", "author": "amy", "text": "x" * 25_000}).encode(),
            "message of 25000 characters exceeds 20000",
            "c9",
        ),
        (
            json.dumps({"conversation_id": "c9", "author": "amy", "text": "hi", "platform": "p" * 20_001}).encode(),
            "field 'platform' of 20001 characters exceeds 20000",
            "c9",
        ),
    ],
    ids=[
        "utf8",
        "json",
        "array",
        "string",
        "deep-nesting",
        "huge-int",
        "no-conversation",
        "blank-conversation",
        "no-author",
        "empty-text",
        "null-text",
        "author-list",
        "conversation-object",
        "text-too-long",
        "platform-too-long",
    ],
)
def test_jsonl_bad_record_is_reported_and_reading_goes_on(
    tmp_path: Path, line: bytes, says: str, conversation_id: str | None
) -> None:
    data = jsonl(GOOD) + line + b"\n" + jsonl({**GOOD, "text": "see you tomorrow"})
    items = list(iter_messages(write(tmp_path, "chat.jsonl", data)))
    assert len(items) == 3
    first, error, last = items
    assert first == Message("c1", "amy", "hi", record=1)
    assert isinstance(error, RecordError) and error.record == 2 and error.conversation_id == conversation_id
    assert says in error.message
    assert last == Message("c1", "amy", "see you tomorrow", record=3)


@pytest.mark.parametrize(
    ("rows", "says", "conversation_id"),
    [
        (b"c9,amy,hi\n", "expected 4 fields as in the header, found 3", None),
        (b"c9,amy,hi,1,2\n", "expected 4 fields as in the header, found 5", None),
        (b'c9,amy,"how\nwas\xfe school",1\n', "line 4: not valid UTF-8 (byte 0xfe", None),
        (b"c9,amy,,1\n", "empty field 'text'", "c9"),
        (b"c9, ,hi,1\n", "empty field 'author'", "c9"),
        (b",amy,hi,1\n", "empty field 'conversation_id'", None),
        (b'c9,amy,"' + b"y" * 200_000 + b'",1\n', "message of 200000 characters exceeds 20000", "c9"),
    ],
    ids=[
        "too-few-fields",
        "too-many-fields",
        "utf8-in-multiline",
        "empty-text",
        "blank-author",
        "no-conversation",
        "long",
    ],
)
def test_csv_bad_record_is_reported_and_reading_goes_on(
    tmp_path: Path, rows: bytes, says: str, conversation_id: str | None
) -> None:
    data = HEADER + b"c1,amy,hi,\n" + rows + b"c1,amy,see you tomorrow,\n"
    items = list(iter_messages(write(tmp_path, "chat.csv", data)))
    assert len(items) == 3
    first, error, last = items
    assert first == Message("c1", "amy", "hi", record=2)
    assert isinstance(error, RecordError) and error.record == 3 and error.conversation_id == conversation_id
    assert says in error.message
    assert isinstance(last, Message) and last.text == "see you tomorrow" and last.record == 3 + rows.count(b"\n")


def test_csv_header_without_required_columns_stops_with_one_error(tmp_path: Path) -> None:
    path = write(tmp_path, "chat.csv", b"\n" + b"conversation_id,user,text\nc1,amy,hi\n")
    [error] = list(iter_messages(path, "csv"))
    assert error == RecordError(
        2, "CSV header lacks required column(s) author (found 'conversation_id', 'user', 'text')"
    )


def test_csv_runaway_quote_is_cut_off_at_the_record_limit(tmp_path: Path) -> None:
    data = HEADER + b'c1,amy,"hi,\n' + b"how was school\n" * (MAX_RECORD_BYTES // 15 + 10)
    first, *rest = iter_messages(write(tmp_path, "chat.csv", data))
    assert isinstance(first, RecordError) and first.record == 2 and "runs past" in first.message
    assert all(isinstance(item, RecordError) for item in rest)  # the cut-off tail is not mistaken for messages


@pytest.mark.parametrize(
    ("message", "says"),
    [
        (pan_message(5, "b", None), "message has no text"),
        (pan_message(5, "b", ""), "message has no text"),
        (b'<message line="5"><author>b</author><text/></message>\n', "message has no text"),
        (pan_message(5, "b", "  \n "), "message has no text"),
        (pan_message(5, "", "hi"), "message has no author"),
        (pan_message(5, "b", "z" * 20_001), "message of 20001 characters exceeds 20000"),
    ],
    ids=["no-text", "empty-text", "self-closed-text", "blank-text", "no-author", "too-long"],
)
def test_pan12_bad_message_is_reported_and_reading_goes_on(tmp_path: Path, message: bytes, says: str) -> None:
    msgs = pan_message(4, "a", "hi") + message + pan_message(6, "a", "see you tomorrow")
    items = list(iter_messages(write(tmp_path, "chat.xml", pan(("c1", msgs)))))
    assert items == [
        Message("c1", "a", "hi", record=4),
        RecordError(5, says, "c1"),
        Message("c1", "a", "see you tomorrow", record=6),
    ]


@pytest.mark.parametrize(
    ("tail", "record"),
    [
        (b'<message line="3"><author>b</author><text>how was', 3),  # truncated inside a message
        (b'<message line="3"><author>b</text></message>', 3),  # mismatched tags
        (b"</conversation><conversation", 0),  # truncated between conversations
        (b"</conversation></conversations><junk/>", 0),  # content after the document
    ],
    ids=["truncated-message", "mismatched", "truncated-between", "junk-after-root"],
)
def test_pan12_malformed_document_fails_after_the_messages_read(tmp_path: Path, tail: bytes, record: int) -> None:
    data = PAN_HEAD + b'<conversation id="c1">' + pan_message(1, "a", "hi") + pan_message(2, "b", "hey") + tail
    items = list(iter_messages(write(tmp_path, "chat.xml", data)))
    assert items[:2] == [Message("c1", "a", "hi", record=1), Message("c1", "b", "hey", record=2)]
    [error] = items[2:]
    assert isinstance(error, RecordError) and error.record == record
    assert "PAN 2012 XML is malformed" in error.message and "stopped reading" in error.message


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE conversations [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<conversations><conversation id="c1"><message line="1"><author>a</author><text>&lol9;</text></message>
</conversation></conversations>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE conversations [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<conversations><conversation id="c1"><message line="1"><author>a</author><text>&x;</text></message>
</conversation></conversations>
"""
EXTERNAL_PARAMETER_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE conversations [<!ENTITY % x SYSTEM "file:///etc/passwd"> %x;]>
<conversations/>
"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE conversations SYSTEM "file:///etc/passwd">
<conversations/>
"""


@pytest.mark.parametrize(
    "data",
    [BILLION_LAUGHS, EXTERNAL_ENTITY, EXTERNAL_PARAMETER_ENTITY, EXTERNAL_DTD],
    ids=["billion-laughs", "external-entity", "external-parameter-entity", "external-dtd"],
)
@pytest.mark.parametrize("read", [iter_messages, iter_conversations])
def test_pan12_entity_attacks_are_refused(tmp_path: Path, data: bytes, read: Callable[..., Iterator[object]]) -> None:
    path = write(tmp_path, "attack.xml", data)
    assert detect_format(path) == "pan12"
    items = list(read(path))
    [error] = items
    assert isinstance(error, RecordError) and error.record == 0
    assert "document type declaration (DTD) is refused" in error.message
    assert "root:" not in repr(items) and "lollol" not in repr(items)


# --------------------------------------------------------------------------- size limits and memory


@pytest.mark.parametrize(
    ("name", "before", "huge", "after"),
    [
        (
            "chat.jsonl",
            jsonl(GOOD),
            b'{"conversation_id": "c1", "author": "amy", "text": "' + b"a" * 10_000_000 + b'"}\n',
            jsonl({**GOOD, "text": "see you tomorrow"}),
        ),
        (
            "chat.csv",
            HEADER + b"c1,amy,hi,\n",
            b'c1,amy,"' + b"a" * 10_000_000 + b'",\n',
            b"c1,amy,see you tomorrow,\n",
        ),
    ],
    ids=["jsonl", "csv"],
)
def test_ten_megabyte_line_is_refused_unread_and_the_next_line_is_read(
    tmp_path: Path, name: str, before: bytes, huge: bytes, after: bytes
) -> None:
    path = write(tmp_path, name, before + huge + after)
    items: list[object] = []
    peak = peak_bytes(lambda: items.extend(iter_messages(path)))
    assert peak < 4 * MAX_RECORD_BYTES, peak  # never the 10 MB line
    good, error, last = items
    assert isinstance(good, Message) and good.text == "hi"
    assert isinstance(error, RecordError) and error.record == before.count(b"\n") + 1
    assert f"record of {len(huge)} bytes exceeds the {MAX_RECORD_BYTES}-byte limit" in error.message
    assert isinstance(last, Message) and last.text == "see you tomorrow" and last.record == error.record + 1


def test_pan12_ten_megabyte_text_is_refused_without_being_held(tmp_path: Path) -> None:
    msgs = pan_message(1, "a", "hi") + pan_message(2, "b", "a" * 10_000_000) + pan_message(3, "a", "see you tomorrow")
    path = write(tmp_path, "chat.xml", pan(("c1", msgs)))
    items: list[object] = []
    peak = peak_bytes(lambda: items.extend(iter_messages(path)))
    assert peak < 2_000_000, peak
    assert items == [
        Message("c1", "a", "hi", record=1),
        RecordError(2, f"message of 10000000 characters exceeds {MAX_MESSAGE_CHARS}", "c1"),
        Message("c1", "a", "see you tomorrow", record=3),
    ]


def test_large_jsonl_streams_in_bounded_memory(tmp_path: Path) -> None:
    text = "how was school today " * 50  # ~1 KB a message, 100 messages a conversation
    line = json.dumps({"conversation_id": "c0", "author": "amy", "text": text}).encode() + b"\n"
    conversations = 20_000_000 // (100 * len(line))
    path = tmp_path / "big.jsonl"
    with path.open("wb") as fh:
        for i in range(conversations):
            fh.write(line.replace(b'"c0"', f'"c{i}"'.encode()) * 100)
    size = path.stat().st_size
    assert size > 19_000_000

    counted: list[int] = []
    peak = peak_bytes(lambda: counted.append(sum(isinstance(item, Message) for item in iter_messages(path))))
    assert counted == [conversations * 100]
    assert peak < 1_000_000, (peak, size)  # about one line and the read buffer

    sizes: list[int] = []
    peak = peak_bytes(lambda: sizes.extend(len(c[1]) for c in iter_conversations(path) if isinstance(c, tuple)))
    assert sizes == [100] * conversations
    assert peak < 1_000_000 + 200 * len(line), (peak, size)  # plus the conversation being grouped


def test_large_pan12_streams_in_bounded_memory(tmp_path: Path) -> None:
    msgs = b"".join(pan_message(i, "a", "see you tomorrow " * 100) for i in range(1, 201))
    path = tmp_path / "big.xml"
    with path.open("wb") as fh:
        fh.write(PAN_HEAD)
        for i in range(30):
            fh.write(f'<conversation id="c{i}">'.encode() + msgs + b"</conversation>\n")
        fh.write(b"</conversations>\n")
    size = path.stat().st_size
    counts: list[int] = []
    peak = peak_bytes(lambda: counts.extend(len(c[1]) for c in iter_conversations(path) if isinstance(c, tuple)))
    assert counts == [200] * 30
    assert peak < size / 2, (peak, size)  # one conversation held (by contract), never the document


# --------------------------------------------------------------------------- conversations


def test_jsonl_conversations_group_consecutive_ids_and_pass_errors_through(tmp_path: Path) -> None:
    data = (
        jsonl({**GOOD, "conversation_id": "a"}, {**GOOD, "conversation_id": "a", "text": "how was school"})
        + b"not json\n"
        + jsonl({**GOOD, "conversation_id": "b"}, {**GOOD, "conversation_id": "a", "text": "see you tomorrow"})
    )
    items = list(iter_conversations(write(tmp_path, "chat.jsonl", data)))
    assert [(i[0], [m.record for m in i[1]]) if isinstance(i, tuple) else i.record for i in items] == [
        3,  # the error is yielded when met, before the conversation it interrupts is complete
        ("a", [1, 2]),
        ("b", [4]),
        ("a", [5]),  # a reappearing id is a separate chunk
    ]


def test_csv_conversations(tmp_path: Path) -> None:
    data = HEADER + b"a,amy,hi,\na,bob,hey,\nb,amy,see you tomorrow,\n"
    items = list(iter_conversations(write(tmp_path, "chat.csv", data)))
    assert [(i[0], [m.text for m in i[1]]) for i in items if isinstance(i, tuple)] == [
        ("a", ["hi", "hey"]),
        ("b", ["see you tomorrow"]),
    ]
    assert len(items) == 2


def test_pan12_conversations_including_empty_ones(tmp_path: Path) -> None:
    data = pan(
        ("c1", pan_message(1, "a", "hi") + pan_message(2, "b", "how was school")),
        ("c2", b""),
        ("c3", pan_message(1, "a", None) + pan_message(2, "b", " ")),
        ("c1", pan_message(1, "a", "see you tomorrow")),
    )
    data = data.replace(b"</conversations>", b'<conversation id=" "><message line="1"/></conversation></conversations>')
    items = list(iter_conversations(write(tmp_path, "chat.xml", data)))
    assert items == [
        ("c1", [Message("c1", "a", "hi", record=1), Message("c1", "b", "how was school", record=2)]),
        RecordError(0, "empty conversation", "c2"),
        RecordError(1, "message has no text", "c3"),
        RecordError(2, "message has no text", "c3"),
        RecordError(0, "empty conversation: none of its 2 messages could be read", "c3"),
        ("c1", [Message("c1", "a", "see you tomorrow", record=1)]),  # same id, separate element
        RecordError(0, "conversation 5 has no id attribute; skipped"),
    ]


def test_pan12_conversation_cut_short_yields_its_messages_then_the_error(tmp_path: Path) -> None:
    data = PAN_HEAD + b'<conversation id="c1">' + pan_message(1, "a", "hi") + b'<message line="2"><author>b'
    items = list(iter_conversations(write(tmp_path, "chat.xml", data)))
    assert len(items) == 2
    assert items[0] == ("c1", [Message("c1", "a", "hi", record=1)])
    assert isinstance(items[1], RecordError) and items[1].record == 2 and items[1].conversation_id == "c1"
    assert "malformed" in items[1].message


# --------------------------------------------------------------------------- issue 10: leftovers


@pytest.mark.parametrize("field", ["author", "conversation_id", "recipient"])
@pytest.mark.parametrize("char", ["\x00", "\x1b", "\n", "\x7f"])
def test_control_characters_in_names_are_refused_per_record(tmp_path: Path, field: str, char: str) -> None:
    bad = {**GOOD, "recipient": "bo", field: f"am{char}y"}
    path = write(tmp_path, "chat.jsonl", jsonl(GOOD, bad, GOOD))
    items = list(iter_messages(path))
    assert [type(i) for i in items] == [Message, RecordError, Message]
    assert items[1].record == 2 and f"field {field!r} contains control character U+{ord(char):04X}" in items[1].message


def test_control_characters_in_csv_authors_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "chat.csv", HEADER + b"c1,amy,hi,\nc1,a\x00my,hi,\nc1,bob,yo,\n")
    items = list(iter_messages(path))
    assert [getattr(i, "record") for i in items] == [2, 3, 4]
    assert isinstance(items[1], RecordError) and "U+0000" in items[1].message


def test_message_text_keeps_its_line_breaks_and_tabs(tmp_path: Path) -> None:
    path = write(tmp_path, "chat.jsonl", jsonl(dict(GOOD, text="line one\n\tline two")))
    assert [m.text for m in iter_messages(path)] == ["line one\n\tline two"]


def test_an_unbalanced_quote_that_swallows_records_is_reported_not_merged(tmp_path: Path) -> None:
    data = (HEADER + b'c1,amy,"hello,\n'
            b"c1,bob,how are you,\n"
            b'c1,amy,fine",\n'
            b"c1,bob,ok,\n")
    items = list(iter_messages(write(tmp_path, "chat.csv", data)))
    assert isinstance(items[0], RecordError) and items[0].record == 2
    assert "unbalanced quote" in items[0].message and "Lines 2-4" in items[0].message
    assert [(m.author, m.text, m.record) for m in items[1:] if isinstance(m, Message)] == [("bob", "ok", 5)]


def test_an_unclosed_quote_at_the_end_is_reported(tmp_path: Path) -> None:
    data = HEADER + b"c1,amy,hi,\nc1,bob,\"oops,\nc1,amy,still here,\nc1,bob,and here,\n"
    items = list(iter_messages(write(tmp_path, "chat.csv", data)))
    assert isinstance(items[0], Message) and isinstance(items[1], RecordError)
    assert items[1].record == 3 and "Lines 3-5" in items[1].message


def test_legitimate_multi_line_messages_are_kept(tmp_path: Path) -> None:
    data = HEADER + b'c1,amy,"first line\nsecond, with, commas\nthird",\nc1,bob,ok,\n'
    items = list(iter_messages(write(tmp_path, "chat.csv", data)))
    assert [m.text for m in items if isinstance(m, Message)] == ["first line\nsecond, with, commas\nthird", "ok"]


def test_jsonl_with_a_damaged_first_line_is_still_read(tmp_path: Path) -> None:
    # Found by tests/fuzz: a first line that is not JSON made the whole file unreadable.
    path = write(tmp_path, "chat", b"0\n" + jsonl(GOOD, GOOD))
    items = list(iter_messages(path))
    assert [type(i) for i in items] == [RecordError, Message, Message] and [i.record for i in items] == [1, 2, 3]
    assert detect_format(path) == "jsonl"


def test_pan12_conversation_id_with_a_control_character_is_refused(tmp_path: Path) -> None:
    # Found by tests/fuzz: XML allows DEL (and C1 controls) in an attribute; the id was kept as it was.
    data = pan(("c\x7f1", pan_message(1, "amy", "hi")), ("c2", pan_message(1, "bob", "yo")))
    items = list(iter_messages(write(tmp_path, "chat.xml", data)))
    assert isinstance(items[0], RecordError) and items[0].record == 0 and "U+007F" in items[0].message
    assert [(m.conversation_id, m.author) for m in items[1:] if isinstance(m, Message)] == [("c2", "bob")]


def test_csv_header_that_is_not_utf8_stops_with_one_error(tmp_path: Path) -> None:
    # The event reader always stopped here; the chat reader took the first message for the header.
    path = write(tmp_path, "chat.csv", b"conversation_id,author,te\xffxt\nc1,amy,hi\nc1,bob,hello\n")
    [error] = list(iter_messages(path, "csv"))
    assert isinstance(error, RecordError) and error.record == 1 and "not valid UTF-8" in error.message
