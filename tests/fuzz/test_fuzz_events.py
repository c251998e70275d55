"""Fuzzing the network event readers (CSV, JSONL, every kind): events or numbered row errors."""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Mapping
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from childsafe.graph.events import EVENT_KINDS, AccountEvent, MessageEvent, RowError, iter_events
from childsafe.media.signals import PdqSignal
from tests.fuzz.fuzzkit import fuzz_settings, mutated, no_newline_text, printable_line

SHA = "ab" * 32
SAMPLES = {
    "messages": b"sender,recipient,timestamp,platform\na,b,2024-01-01T10:00:00,x\nc,d,1700000000,\n",
    "identifiers": b'{"account": "a", "kind": "email", "value": "J.Doe+x@googlemail.com"}\n'
                   b'{"account": "b", "kind": "ip", "value": "::ffff:10.0.0.1"}\n'
                   b'{"account": "c", "kind": "phone_hmac", "value": "' + SHA.encode() + b'"}\n',
    "media": f"account,sha256,pdq,timestamp\na,{SHA},{PdqSignal.examples[0]},1\nb,,{PdqSignal.examples[0]},\n".encode(),
    "accounts": b'account,declared_age,created_at,bio\na,13,2020-01-01,"two\nlines"\nb,,,\n',
}
GOOD_ROW = {"messages": "a,b,1", "identifiers": "a,email,a@b.c", "media": f"a,{SHA}", "accounts": "a,13"}
HEADERS = {"messages": "sender,recipient,timestamp", "identifiers": "account,kind,value", "media": "account,sha256",
           "accounts": "account,declared_age"}
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | \
    st.text(max_size=12)
FIELD_NAMES = ("sender", "recipient", "timestamp", "platform", "account", "kind", "value", "sha256", "pdq",
               "declared_age", "created_at", "bio")


def _read(data: bytes, kind: str) -> list[object]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events"
        path.write_bytes(data)
        return list(iter_events(path, kind))


def _check(events: list[object]) -> None:
    for event in events:
        if isinstance(event, RowError):
            assert isinstance(event.row, int) and event.row >= 0 and event.message
            continue
        assert event.row >= 1  # type: ignore[attr-defined]
        for spec in dataclasses.fields(event):  # type: ignore[arg-type]
            name, value = spec.name, getattr(event, spec.name)
            texts = list(value.items()) if isinstance(value, Mapping) else [value]
            for text in texts:
                for part in text if isinstance(text, tuple) else (text,):
                    if isinstance(part, str):
                        part.encode("utf-8")  # storable
                        assert "\x00" not in part, name
                        if name != "attributes":
                            assert not any(ord(c) < 32 or ord(c) == 127 for c in part), name
        if isinstance(event, MessageEvent | AccountEvent) and getattr(event, "timestamp", None):
            assert event.timestamp.tzinfo is not None  # type: ignore[union-attr]


@fuzz_settings(400)
@given(data=st.one_of(st.binary(max_size=400), *(mutated(sample) for sample in SAMPLES.values())),
       kind=st.sampled_from(("auto", *EVENT_KINDS)))
@example(data=b'sender,recipient\na,"b\x00"\n', kind="auto")
@example(data=b'{"sender": "a\\ud800", "recipient": "b"}\n', kind="messages")
@example(data=b'account,declared_age,created_at\na,1,99999999999999999999\n', kind="accounts")
@example(data=b'{"account": "a", "kind": "ip", "value": "[::1"}\n', kind="identifiers")
def test_any_bytes_give_events_or_numbered_errors(data: bytes, kind: str) -> None:
    events = _read(data, kind)
    _check(events)
    lines = data.count(b"\n") + 1
    assert all(event.row <= lines for event in events)  # type: ignore[attr-defined]


@fuzz_settings(250)
@given(kind=st.sampled_from(EVENT_KINDS),
       rows=st.lists(st.one_of(st.just("good"), printable_line()), min_size=1, max_size=10))
def test_csv_good_rows_around_bad_ones_all_come_out(kind: str, rows: list[str]) -> None:
    text = HEADERS[kind] + "\n" + "".join((GOOD_ROW[kind] if row == "good" else row) + "\n" for row in rows)
    events = _read(text.encode(), kind)
    _check(events)
    found = {event.row for event in events if not isinstance(event, RowError)}  # type: ignore[attr-defined]
    assert {n for n, row in enumerate(rows, 2) if row == "good"} <= found


@fuzz_settings(250)
@given(kind=st.sampled_from(EVENT_KINDS),
       lines=st.lists(st.one_of(st.just("good"), no_newline_text(),
                                st.dictionaries(st.sampled_from(FIELD_NAMES), json_scalars, max_size=5)),
                      min_size=1, max_size=10))
@example(kind="messages", lines=["0", "good"])  # found: a damaged first line made the file read as CSV
def test_jsonl_good_records_around_bad_ones_all_come_out(kind: str, lines: list[object]) -> None:
    names = HEADERS[kind].split(",")
    good = json.dumps(dict(zip(names, GOOD_ROW[kind].split(","), strict=True)))
    text = "".join((good if line == "good" else line if isinstance(line, str) else json.dumps(line)) + "\n"
                   for line in lines)
    events = _read(text.encode(), kind)
    _check(events)
    found = {event.row for event in events if not isinstance(event, RowError)}  # type: ignore[attr-defined]
    assert {n for n, line in enumerate(lines, 1) if line == "good"} <= found
