"""Fuzzing the hash-list readers (te, csv, te_csv, vics, caid, ncmec_xml): only per-line problems and skips,
never an exception."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from childsafe.errors import HashListFormatError
from childsafe.media.hashlists import HashListEntry, HashListItem, HashListSkip, iter_hash_list, read_hash_list
from childsafe.media.signals import SIGNAL_TYPES
from tests.fuzz.fuzzkit import fuzz_settings, mutated, no_newline_text, printable_line

GOOD = [(name, example) for name, cls in SIGNAL_TYPES.items() for example in cls.examples if name != "vpdq"]
TE_SAMPLE = "".join(f"{name} {signal}\n" for name, signal in GOOD).encode()
CSV_SAMPLE = ("signal_type,signal,label,source\n"
              + "".join(f'{name},{signal},"cat, {i}",src\n' for i, (name, signal) in enumerate(GOOD))).encode()
VICS_SAMPLE = json.dumps({"odata.metadata": "x", "value": [
    {"MediaID": 1, "MD5": SIGNAL_TYPES["md5"].examples[0], "Category": 1,
     "MediaFiles": [{"SHA1": SIGNAL_TYPES["sha1"].examples[0]}]},
    {"MediaID": 2, "SHA256": SIGNAL_TYPES["sha256"].examples[0], "Category": "2"}]}).encode()

NCMEC_SAMPLE = (
    '<?xml version="1.0"?><queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2"><images count="2">'
    f'<image><member id="1">m</member><id>a</id><fingerprints><md5>{SIGNAL_TYPES["md5"].examples[0]}</md5>'
    f'<pdna>x</pdna></fingerprints></image><deletedImage><id>b</id></deletedImage></images><videos count="1">'
    f'<video><id>c</id><fingerprints><md5>{SIGNAL_TYPES["md5"].examples[1]}</md5></fingerprints></video>'
    '</videos></queryResult>').encode()
TE_CSV_SAMPLE = ("signal_type,signal_str,collab,category,tags\r\n"
                 + "".join(f"{name},{signal},c,POSITIVE_CLASS,t\r\n" for name, signal in GOOD)
                 + "url,https://example.com/,c,POSITIVE_CLASS,\r\n").encode()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


def _read_all(data: bytes, fmt: str) -> list[HashListItem]:
    """Every item the reader yields; only HashListFormatError may escape (checked by callers)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list"
        path.write_bytes(data)
        items = list(iter_hash_list(path, fmt))
        try:
            read_hash_list(path, fmt, skip_invalid=True)
        except HashListFormatError:
            pass
        return items


def _check_items(items: list[HashListItem]) -> None:
    for item in items:
        if isinstance(item, HashListEntry):
            assert item.line >= 1 and item.signal
            assert "\x00" not in (item.label or "") + (item.source or "")
        elif isinstance(item, HashListSkip):
            assert item.line >= 1 and item.reason
        else:
            line, message = item
            assert isinstance(line, int) and line >= 0 and isinstance(message, str) and message


@fuzz_settings(400)
@given(data=st.one_of(st.binary(max_size=400), mutated(TE_SAMPLE), mutated(CSV_SAMPLE), mutated(VICS_SAMPLE),
                      mutated(NCMEC_SAMPLE), mutated(TE_CSV_SAMPLE)),
       fmt=st.sampled_from(("auto", "te", "csv", "te_csv", "vics", "caid", "ncmec_xml")))
@example(data=b'<!DOCTYPE q [<!ENTITY a "aa">]><q><i><image>&a;</image></i></q>', fmt="ncmec_xml")
@example(data=b'signal_type,signal\nmd5,"x\nmd5,d41d8cd98f00b204e9800998ecf8427e\n', fmt="csv")
@example(data=b"\xef\xbb\xbf{", fmt="vics")
@example(data=b"md5 \x00", fmt="te")
def test_any_bytes_give_entries_or_numbered_problems(data: bytes, fmt: str) -> None:
    try:
        items = _read_all(data, fmt)
    except HashListFormatError:
        return  # only for a format that cannot be told (auto)
    _check_items(items)
    if fmt in ("te", "csv", "te_csv"):  # line-based: a problem's number is a physical line of the file
        lines = data.count(b"\n") + 1
        assert all((item[0] if isinstance(item, tuple) else item.line) <= lines for item in items)


@fuzz_settings(250)
@given(lines=st.lists(st.one_of(st.sampled_from(GOOD), no_newline_text()), min_size=1, max_size=12))
def test_te_good_lines_around_bad_ones_all_come_out(lines: list[tuple[str, str] | str]) -> None:
    text = "".join(f"{line[0]} {line[1]}\n" if isinstance(line, tuple) else f"{line}\n" for line in lines)
    items = _read_all(text.encode(), "te")
    _check_items(items)
    found = {(item.line, item.signal_type, item.signal) for item in items if isinstance(item, HashListEntry)}
    for number, line in enumerate(lines, 1):
        if isinstance(line, tuple):
            assert (number, *line) in found


@fuzz_settings(250)
@given(lines=st.lists(st.one_of(st.sampled_from(GOOD), printable_line()), min_size=1, max_size=12))
def test_csv_good_rows_around_bad_ones_all_come_out(lines: list[tuple[str, str] | str]) -> None:
    text = "signal_type,signal,label\n" + "".join(
        f"{line[0]},{line[1]},l\n" if isinstance(line, tuple) else f"{line}\n" for line in lines)
    items = _read_all(text.encode(), "csv")
    _check_items(items)
    found = {(item.line, item.signal_type, item.signal) for item in items if isinstance(item, HashListEntry)}
    for number, line in enumerate(lines, 2):
        if isinstance(line, tuple):
            assert (number, *line) in found


@fuzz_settings(250)
@given(records=st.lists(st.one_of(st.just("good"), json_values), min_size=1, max_size=8))
@example(records=[9223372036854775808, "good"])  # found: yajl stopped the list at a 64-bit overflow
@example(records=["good", -(10**30), "good", 1e300])
def test_vics_good_records_around_bad_ones_all_come_out(records: list[object]) -> None:
    md5 = SIGNAL_TYPES["md5"].examples[0]
    value = [{"MD5": md5, "MediaID": i} if record == "good" else record for i, record in enumerate(records)]
    items = _read_all(json.dumps({"value": value}).encode(), "vics")
    _check_items(items)
    good_records = {item.line for item in items if isinstance(item, HashListEntry) and item.signal == md5}
    assert {i for i, record in enumerate(records, 1) if record == "good"} <= good_records
