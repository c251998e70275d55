"""Network event readers: four kinds in CSV and JSONL, bad rows, identifier normalisation and HMAC."""

from __future__ import annotations

import json
import tracemalloc
from datetime import UTC, datetime
from pathlib import Path

import pytest

from childsafe.errors import ConfigError
from childsafe.graph.events import (
    EVENT_KINDS,
    MAX_FIELD_CHARS,
    MAX_RECORD_BYTES,
    AccountEvent,
    IdentifierEvent,
    InvalidIdentifierError,
    MediaEvent,
    MessageEvent,
    RowError,
    detect_kind,
    hash_identifier,
    iter_events,
    normalize_identifier,
)
from childsafe.media.signals import PdqSignal

SHA = "ab" * 32
PDQ = PdqSignal.examples[0]
T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
KEY = b"k" * 32


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def jsonl(*records: object) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def csv_bytes(header: str, *rows: str) -> bytes:
    return ("\n".join((header, *rows)) + "\n").encode()


def read(path: Path, kind: str = "auto") -> list[object]:
    return list(iter_events(path, kind))


# --------------------------------------------------------------------------- each kind, both formats

GOOD = {
    "messages": (
        {"sender": "a1", "recipient": "b2", "timestamp": "2024-03-01T12:00:00Z", "platform": "chat"},
        MessageEvent("a1", "b2", T0, "chat", row=2),
    ),
    "identifiers": (
        {"account": "a1", "kind": "Email", "value": " J.Doe+x@GoogleMail.com "},
        IdentifierEvent("a1", "email", "jdoe@gmail.com", hashed=False, row=2),
    ),
    "media": (
        {"account": "a1", "sha256": SHA.upper(), "pdq": PDQ, "timestamp": "1709294400"},
        MediaEvent("a1", SHA, PDQ, T0, row=2),
    ),
    "accounts": (
        {"account": "a1", "declared_age": "14", "created_at": "2024-03-01 13:00:00+01:00", "bio": "hi"},
        AccountEvent("a1", 14, T0, {"bio": "hi"}, row=2),
    ),
}


@pytest.mark.parametrize("kind", EVENT_KINDS)
@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
@pytest.mark.parametrize("given", ["auto", "named"])
def test_each_kind_in_both_formats(tmp_path: Path, kind: str, fmt: str, given: str) -> None:
    record, expected = GOOD[kind]
    if fmt == "csv":
        data = csv_bytes(",".join(record), ",".join(f'"{v}"' for v in record.values()))
        row = 2
    else:
        data = b"\n" + jsonl(record)  # a leading blank line: the record is on line 2 either way
        row = 2
    path = write(tmp_path, f"x.{fmt}", b"\xef\xbb\xbf" + data)
    assert detect_kind(path) == kind
    events = read(path, kind if given == "named" else "auto")
    assert events == [expected]
    assert events[0].row == row  # type: ignore[attr-defined]


def test_json_numbers_and_optional_fields(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "m.jsonl",
        jsonl(
            {"sender": 17, "recipient": "b", "timestamp": 1709294400},
            {"sender": "a", "recipient": "b", "timestamp": 1709294400.5, "platform": None},
        ),
    )
    a, b = read(path)
    assert a == MessageEvent("17", "b", T0, None, row=1)
    assert isinstance(b, MessageEvent) and b.timestamp == datetime(2024, 3, 1, 12, 0, 0, 500000, tzinfo=UTC)
    accounts = write(tmp_path, "a.jsonl", jsonl({"account": "x", "declared_age": 9, "n": 3, "flag": True}))
    (acct,) = read(accounts)
    assert acct == AccountEvent("x", 9, None, {"n": "3", "flag": "true"}, row=1)


def test_naive_iso_time_is_utc(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", csv_bytes("sender,recipient,timestamp", "a,b,2024-03-01T12:00:00"))
    assert read(path) == [MessageEvent("a", "b", T0, row=2)]


def test_media_needs_only_one_hash(tmp_path: Path) -> None:
    path = write(tmp_path, "m.csv", csv_bytes("account,sha256,pdq", f"a,{SHA},", f"b,,{PDQ}"))
    assert read(path) == [MediaEvent("a", SHA, None, row=2), MediaEvent("b", None, PDQ, row=3)]


# --------------------------------------------------------------------------- detection


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"sender,recipient\n", "messages"),
        (b" Account , Kind , Value \n", "identifiers"),
        (b"account,pdq\n", "media"),
        (b"account,nickname\n", "accounts"),
        (b'{"account": "a", "sha256": "x"}\n', "media"),
        (b'\n  {"sender": "a", "recipient": "b"}\n', "messages"),
    ],
)
def test_detect_kind(tmp_path: Path, data: bytes, kind: str) -> None:
    assert detect_kind(write(tmp_path, "f", data)) == kind


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        (b"sender,recipient,sha256\n", "fit messages and media"),
        (b"account,kind,value,pdq\n", "fit identifiers and media"),
        (b"name,age\n", "expected columns"),
        (b"{not json\n", "not JSON"),
        (b"", "empty"),
        (b"\xff\xfes\x00", "UTF-16"),
    ],
)
def test_detect_kind_refuses(tmp_path: Path, data: bytes, complaint: str) -> None:
    path = write(tmp_path, "f", data)
    with pytest.raises(ConfigError, match=complaint):
        detect_kind(path)
    if data:
        (error,) = read(path)
        assert isinstance(error, RowError) and error.row == 0 and complaint in error.message


def test_missing_file_and_unknown_kind(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot open"):
        detect_kind(tmp_path / "nope")
    (error,) = read(tmp_path / "nope")
    assert isinstance(error, RowError) and error.row == 0
    with pytest.raises(ConfigError, match="unknown event kind"):
        iter_events(tmp_path / "nope", "chats")
    assert read(write(tmp_path, "empty", b"  \n")) == []


# --------------------------------------------------------------------------- bad rows

LONG = "x" * (MAX_FIELD_CHARS + 1)

BAD_JSONL = [
    ("messages", {"recipient": "b"}, "missing field 'sender'"),
    ("messages", {"sender": " ", "recipient": "b"}, "empty field 'sender'"),
    ("messages", {"sender": "a", "recipient": ["b"]}, "must be a string or a number, not an array"),
    ("messages", {"sender": "a", "recipient": "b", "timestamp": "yesterday"}, "not an ISO-8601 time"),
    ("messages", {"sender": "a", "recipient": "b", "timestamp": 1e300}, "out of range"),
    ("messages", {"sender": "a", "recipient": LONG}, f"exceeds {MAX_FIELD_CHARS}"),
    ("identifiers", {"account": "a", "kind": "shoe", "value": "x"}, "unknown identifier kind"),
    ("identifiers", {"account": "a", "kind": "email", "value": "nobody"}, "not an email address"),
    ("identifiers", {"account": "a", "kind": "phone", "value": "call me"}, "not a phone number"),
    ("identifiers", {"account": "a", "kind": "ip", "value": "300.1.1.1"}, "not an IP address"),
    ("identifiers", {"account": "a", "kind": "email_hmac", "value": "beef"}, "64-hex-digit"),
    ("identifiers", {"account": "a", "kind": "phone_sha256", "value": "g" * 64}, "64-hex-digit"),
    ("media", {"account": "a"}, "neither is set"),
    ("media", {"account": "a", "sha256": "abc"}, "sha256: expected 64 hex digits"),
    ("media", {"account": "a", "pdq": "zz" * 32}, "pdq: expected 64 hex digits"),
    ("accounts", {"declared_age": 3}, "missing field 'account'"),
    ("accounts", {"account": "a", "declared_age": 121}, "from 0 to 120"),
    ("accounts", {"account": "a", "declared_age": "-1"}, "from 0 to 120"),
    ("accounts", {"account": "a", "declared_age": "14.5"}, "from 0 to 120"),
    ("accounts", {"account": "a", "declared_age": True}, "from 0 to 120"),
    ("accounts", {"account": "a", "created_at": "soon"}, "'created_at' is not an ISO-8601"),
    ("accounts", {"account": "a", "note": LONG}, "field 'note'"),
]


@pytest.mark.parametrize(("kind", "record", "complaint"), BAD_JSONL)
def test_bad_rows_jsonl(tmp_path: Path, kind: str, record: dict[str, object], complaint: str) -> None:
    good, expected = GOOD[kind]
    path = write(tmp_path, "f.jsonl", jsonl(good, record, good))
    events = read(path, kind)
    assert events[0] == expected.__class__(**{**vars(expected), "row": 1})
    assert events[2] == expected.__class__(**{**vars(expected), "row": 3})
    error = events[1]
    assert isinstance(error, RowError) and error.row == 2
    assert complaint in error.message, error.message


@pytest.mark.parametrize(
    ("line", "complaint"),
    [
        (b"{oops", "not valid JSON"),
        (b"[1, 2]", "expected a JSON object, found an array"),
        (b'{"sender": "\xff", "recipient": "b"}', "not valid UTF-8"),
        (b'{"sender": "' + b"a" * MAX_RECORD_BYTES + b'"}', "exceeds the"),
    ],
)
def test_bad_lines_jsonl(tmp_path: Path, line: bytes, complaint: str) -> None:
    good = jsonl({"sender": "a", "recipient": "b"})
    events = read(write(tmp_path, "f.jsonl", good + line + b"\n" + good), "messages")
    assert events[0] == MessageEvent("a", "b", row=1) and events[2] == MessageEvent("a", "b", row=3)
    assert isinstance(events[1], RowError) and events[1].row == 2 and complaint in events[1].message


@pytest.mark.parametrize(
    ("row", "complaint"),
    [
        (b"a,b,c", "expected 2 fields as in the header, found 3"),
        (b"a", "expected 2 fields as in the header, found 1"),
        (b"a,", "empty field 'recipient'"),
        (b"\xffa,b", "not valid UTF-8"),
        (b'"' + b"a" * (MAX_RECORD_BYTES + 10), "exceeds the"),
        (b'a,"' + b"x\n" * (MAX_RECORD_BYTES // 2), "an unclosed quote?"),
        ("a," + LONG, f"exceeds {MAX_FIELD_CHARS}"),
    ],
)
def test_bad_rows_csv(tmp_path: Path, row: bytes | str, complaint: str) -> None:
    raw = row.encode() if isinstance(row, str) else row
    data = b"sender,recipient\nx,y\n" + raw + b"\nx,y\n"
    events = read(write(tmp_path, "f.csv", data))
    assert events[0] == MessageEvent("x", "y", row=2)
    assert isinstance(events[1], RowError) and events[1].row == 3 and complaint in events[1].message
    assert isinstance(events[-1], MessageEvent) and events[-1].sender == "x"


def test_multiline_csv_field_counts_lines(tmp_path: Path) -> None:
    data = b'account,bio\na,"two\nlines"\nb,\n'
    assert read(write(tmp_path, "f.csv", data)) == [
        AccountEvent("a", attributes={"bio": "two\nlines"}, row=2),
        AccountEvent("b", row=4),
    ]


@pytest.mark.parametrize(
    ("header", "kind", "complaint"),
    [
        (b"sender,platform", "messages", "lacks required column(s) recipient"),
        (b"account,colour", "media", "lacks required column(s) sha256 or pdq"),
        (b"account,account", "accounts", "names column 'account' twice"),
    ],
)
def test_bad_csv_header_stops(tmp_path: Path, header: bytes, kind: str, complaint: str) -> None:
    (error,) = read(write(tmp_path, "f.csv", header + b"\na,b\n"), kind)
    assert isinstance(error, RowError) and error.row == 1 and complaint in error.message


# --------------------------------------------------------------------------- identifiers

NORMALIZE = [
    ("email", "  Alice@Example.COM ", "alice@example.com"),
    ("email", "a.l.i.c.e+tag@gmail.com", "alice@gmail.com"),
    ("email", "A.Lice+x+y@googlemail.com", "alice@gmail.com"),
    ("email", "a.lice+tag@example.com", "a.lice+tag@example.com"),
    ("email", "weird@name@example.org", "weird@name@example.org"),
    ("phone", "+44 (0) 20-7946 0958", "+4402079460958"),
    ("phone", "(555) 123-4567", "5551234567"),
    ("phone", "+1.555.123.4567", "+15551234567"),
    ("phone", "0049 30/1234", "0049301234"),
    ("ip", " 192.168.1.1 ", "192.168.1.1"),
    ("ip", "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
    ("ip", "[::1]", "::1"),
    ("ip", "::ffff:10.0.0.1", "10.0.0.1"),
    ("username", "  CoolKid99 ", "coolkid99"),
    ("URL", "HTTPS://Example.com/X", "https://example.com/x"),
    ("device", "ABC-123", "abc-123"),
]


@pytest.mark.parametrize(("kind", "value", "expected"), NORMALIZE)
def test_normalize_identifier(kind: str, value: str, expected: str) -> None:
    assert normalize_identifier(kind, value) == expected


@pytest.mark.parametrize(
    ("kind", "value"),
    [
        ("email", "no-at-sign"),
        ("email", "@example.com"),
        ("email", "+tag@gmail.com"),
        ("phone", "12"),
        ("phone", "555-CALL-NOW"),
        ("ip", "1.2.3"),
        ("ip", "::g"),
        ("other", "   "),
        ("shoe", "x"),
    ],
)
def test_normalize_identifier_refuses(kind: str, value: str) -> None:
    with pytest.raises(InvalidIdentifierError):
        normalize_identifier(kind, value)


def test_hash_identifier_is_deterministic_and_keyed() -> None:
    digest = hash_identifier("email", "J.Doe+a@gmail.com", KEY)
    assert len(digest) == 64 and digest == digest.lower()
    assert digest == hash_identifier("EMAIL", " jdoe@googlemail.com", KEY)  # same after normalising
    assert digest != hash_identifier("email", "jdoe@gmail.com", b"another key")
    assert digest != hash_identifier("username", "jdoe@gmail.com", KEY)  # the kind is hashed too
    with pytest.raises(ConfigError, match="key is empty"):
        hash_identifier("email", "a@b.c", b"")


def test_hashed_identifier_rows_match_local_hashes(tmp_path: Path) -> None:
    digest = hash_identifier("phone", "+1 555 123 4567", KEY)
    data = csv_bytes(
        "account,kind,value",
        f"partner1,phone_hmac,{digest.upper()}",
        f"partner2,email_sha256,{SHA}",
        "local,phone,+1 (555) 123-4567",
    )
    remote, other, local = read(write(tmp_path, "ids.csv", data))
    assert remote == IdentifierEvent("partner1", "phone", digest, hashed=True, row=2)
    assert other == IdentifierEvent("partner2", "email", SHA, hashed=True, row=3)
    assert isinstance(local, IdentifierEvent) and not local.hashed
    assert hash_identifier(local.kind, local.value, KEY) == remote.value  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- memory


def test_large_file_streams_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    line = f"acct{{}},{SHA},{PDQ},1709294400\n"
    with path.open("w") as fh:
        fh.write("account,sha256,pdq,timestamp\n")
        chunk = "".join(line.format(i) for i in range(1000))
        for _ in range(20 * 1024 * 1024 // len(chunk) + 1):
            fh.write(chunk)
    assert path.stat().st_size > 20 * 1024 * 1024
    tracemalloc.start()
    try:
        count = 0
        for event in iter_events(path):
            assert isinstance(event, MediaEvent)
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count > 100_000
    assert peak < 4 * 1024 * 1024, peak


# --------------------------------------------------------------------------- issue 10: leftovers


@pytest.mark.parametrize("char", ["\x00", "\x01", "\t", "\n", "\x7f", "\ud800"])
def test_control_characters_in_senders_and_identifiers_are_refused(tmp_path: Path, char: str) -> None:
    lines = [{"sender": "a", "recipient": "b"}, {"sender": f"x{char}y", "recipient": "b"},
             {"sender": "a", "recipient": f"c{char}d"}, {"sender": "d", "recipient": "e"}]
    path = write(tmp_path, "m.jsonl", "".join(json.dumps(line) + "\n" for line in lines).encode())
    events = list(iter_events(path))
    assert [type(e) for e in events] == [MessageEvent, RowError, RowError, MessageEvent]
    assert [e.row for e in events] == [1, 2, 3, 4]
    assert all("control character" in e.message for e in events if isinstance(e, RowError))
    ids = write(tmp_path, "i.jsonl", json.dumps({"account": "a", "kind": "username", "value": "n\x00"}).encode())
    (error,) = iter_events(ids)
    assert isinstance(error, RowError) and "'value'" in error.message


def test_account_attributes_may_hold_line_breaks_but_not_nul(tmp_path: Path) -> None:
    data = b'account,bio\na,"line one\nline two"\nb,"x\x00y"\n'
    events = list(iter_events(write(tmp_path, "acc.csv", data)))
    assert isinstance(events[0], AccountEvent) and events[0].attributes["bio"] == "line one\nline two"
    assert isinstance(events[1], RowError) and events[1].row == 4 and "U+0000" in events[1].message


def test_an_unbalanced_quote_that_swallows_rows_is_reported(tmp_path: Path) -> None:
    data = b'sender,recipient,timestamp\na,"b,1\nc,d,2\ne,f,3\ng,h,4\n'
    events = list(iter_events(write(tmp_path, "m.csv", data)))
    assert len(events) == 1 and isinstance(events[0], RowError) and events[0].row == 2
    assert "unbalanced quote" in events[0].message and "Lines 2-5" in events[0].message
    closed = b'sender,recipient,timestamp\na,"b\nc,d,2\ne,f",3\ng,h,4\n'
    events = list(iter_events(write(tmp_path, "m2.csv", closed)))
    assert isinstance(events[0], RowError) and events[0].row == 2
    assert [(e.sender, e.row) for e in events[1:] if isinstance(e, MessageEvent)] == [("g", 5)]


def test_file_level_errors_are_marked_whole_file(tmp_path: Path) -> None:
    (unknown,) = iter_events(write(tmp_path, "x.csv", b"foo,bar\n1,2\n"))
    assert unknown.row == 0 and isinstance(unknown, RowError) and unknown.whole_file
    (header,) = iter_events(write(tmp_path, "y.csv", b"sender,bar\n1,2\n"), "messages")
    assert isinstance(header, RowError) and header.whole_file
    (missing,) = iter_events(tmp_path / "nowhere.csv")
    assert isinstance(missing, RowError) and missing.whole_file
    bad_row = list(iter_events(write(tmp_path, "z.csv", b"sender,recipient\na,\n")))[0]
    assert isinstance(bad_row, RowError) and not bad_row.whole_file


def test_jsonl_with_a_damaged_first_line_is_still_read(tmp_path: Path) -> None:
    # Found by tests/fuzz: a first line that is not JSON made the file read as CSV, and lost.
    good = json.dumps({"sender": "a", "recipient": "b"}).encode()
    path = write(tmp_path, "m", b"0\n" + good + b"\n[1]\n" + good + b"\n")
    for kind in ("auto", "messages"):
        events = list(iter_events(path, kind))
        assert [type(e) for e in events] == [RowError, MessageEvent, RowError, MessageEvent]
        assert [e.row for e in events] == [1, 2, 3, 4]
    assert detect_kind(path) == "messages"
