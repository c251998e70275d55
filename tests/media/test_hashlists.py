"""Hash-list formats: round trips, detection, line-numbered problems, hostile input."""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import pytest

from childsafe.errors import HashListFormatError, InvalidSignalError
from childsafe.media import hashlists, hashlists_vics
from childsafe.media.hashlists import (
    FORMATS,
    MAX_LINE_BYTES,
    HashListEntry,
    detect_format,
    get_format,
    iter_hash_list,
    read_hash_list,
    write_hash_list,
)
from childsafe.media.signals import SIGNAL_TYPES

EX = {name: cls.examples[0] for name, cls in SIGNAL_TYPES.items()}
MD5, SHA1, SHA256, PDQ, VPDQ = EX["md5"], EX["sha1"], EX["sha256"], EX["pdq"], EX["vpdq"]
MD5_B = SIGNAL_TYPES["md5"].examples[1]
BOM = b"\xef\xbb\xbf"

# Every example signal of every type, with and without label and source.
ENTRIES = [
    HashListEntry(
        name,
        example,
        label=f"category:{i}" if i % 2 else None,
        source="ncmec" if i % 3 == 0 else None,
    )
    for i, (name, example) in enumerate(
        (name, example) for name, cls in SIGNAL_TYPES.items() for example in cls.examples
    )
]


def make(tmp_path: Path, data: bytes | str, name: str = "list") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def vics(*media: object) -> str:
    return json.dumps({"odata.metadata": "x", "value": list(media)})


def lines_of(problems: list[tuple[int, str]]) -> list[int]:
    return [line for line, _ in problems]


# --- round trips -------------------------------------------------------------------------------


#: Formats that write (ncmec_xml is import-only: NCMEC's lists come from NCMEC).
WRITABLE = sorted(set(FORMATS) - {"ncmec_xml"})
VICS_FAMILY = ("vics", "vics2", "caid")


def carried(fmt: str, entry: HashListEntry) -> tuple[str, str, str | None, str | None]:
    """What of an entry ``fmt`` can carry (te: no label/source; vics: category label only; caid
    labels what has no category ``caid``; te_csv: an opinion category before the tags)."""
    if fmt == "te":
        return entry.signal_type, entry.signal, None, None
    if fmt == "caid":
        return entry.signal_type, entry.signal, entry.label or "caid", None
    if fmt in VICS_FAMILY:
        return entry.signal_type, entry.signal, entry.label, None
    if fmt == "te_csv":
        return entry.signal_type, entry.signal, " ".join(["POSITIVE_CLASS", *(entry.label or "").split()]), entry.source
    return entry.signal_type, entry.signal, entry.label, entry.source


@pytest.mark.parametrize("fmt", WRITABLE)
def test_round_trip(tmp_path: Path, fmt: str) -> None:
    buffer = io.BytesIO()
    count = write_hash_list(ENTRIES, buffer, fmt)
    path = make(tmp_path, buffer.getvalue())

    vics_types = ("md5", "sha1", "sha256")
    expected = [carried(fmt, e) for e in ENTRIES if fmt not in VICS_FAMILY or e.signal_type in vics_types]
    assert count == len(expected)
    for how in (fmt, "auto"):
        result = read_hash_list(path, how)
        assert result.problems == []
        assert [(e.signal_type, e.signal, e.label, e.source) for e in result.entries] == expected
    assert detect_format(buffer.getvalue()) == ("vics" if fmt == "vics2" else fmt)


@pytest.mark.parametrize("fmt", WRITABLE)
def test_round_trip_empty(tmp_path: Path, fmt: str) -> None:
    buffer = io.BytesIO()
    assert write_hash_list([], buffer, fmt) == 0
    assert read_hash_list(make(tmp_path, buffer.getvalue()), fmt).entries == []


@pytest.mark.parametrize("fmt", WRITABLE)
def test_write_normalises_so_it_reads_back_the_same(tmp_path: Path, fmt: str) -> None:
    buffer = io.BytesIO()
    write_hash_list([HashListEntry("MD5", f"  {MD5.upper()} ")], buffer, fmt)
    (entry,) = read_hash_list(make(tmp_path, buffer.getvalue()), fmt).entries
    assert (entry.signal_type, entry.signal) == ("md5", MD5)


@pytest.mark.parametrize("fmt", WRITABLE)
def test_write_refuses_invalid_signal(fmt: str) -> None:
    with pytest.raises(InvalidSignalError):
        write_hash_list([HashListEntry("md5", "abc")], io.BytesIO(), fmt)


def test_vics_write_skips_and_counts_what_it_cannot_express(
    caplog: pytest.LogCaptureFixture,
) -> None:
    entries = [
        HashListEntry("md5", MD5, label="category:2"),
        HashListEntry("pdq", PDQ),
        HashListEntry("vpdq", VPDQ),
        HashListEntry("sha1", SHA1, label="csam"),
    ]
    buffer = io.BytesIO()
    with caplog.at_level(logging.WARNING, logger=hashlists_vics.__name__):
        assert write_hash_list(entries, buffer, "vics") == 2
    assert "skipped 2 entries" in caplog.text and "1 pdq, 1 vpdq" in caplog.text
    assert "dropped 1 labels" in caplog.text
    document = json.loads(buffer.getvalue())
    assert "odata.metadata" in document
    assert document["value"] == [
        {"MediaID": 1, "MD5": MD5.upper(), "Category": 2},
        {"MediaID": 2, "SHA1": SHA1.upper()},
    ]


def test_te_write_is_threatexchange_local_file() -> None:
    buffer = io.BytesIO()
    write_hash_list([HashListEntry("pdq", PDQ), HashListEntry("vpdq", VPDQ)], buffer, "te")
    assert buffer.getvalue().decode() == f"pdq {PDQ}\nvpdq {VPDQ}\n"


def test_write_refuses_a_line_it_could_not_read_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hashlists, "MAX_LINE_BYTES", 50)
    with pytest.raises(HashListFormatError, match="would not read back"):
        write_hash_list([HashListEntry("sha256", SHA256)], io.BytesIO(), "te")


# --- detection ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (f"pdq {PDQ}\n", "te"),
        (f"# exported 2024\n\n  \nMD5\t{MD5}\n", "te"),
        (f"vpdq {VPDQ}", "te"),
        (b"", "te"),
        ("# only a comment\n", "te"),
        ("signal_type,signal,label,source\n", "csv"),
        (BOM + b"Signal_Type,Signal\r\n", "csv"),
        ('"signal","signal_type"\n', "csv"),
        (vics(), "vics"),
        (BOM + b'\n  {"@odata.context": "x", "value": [', "vics"),
    ],
)
def test_detect_format(head: str | bytes, expected: str) -> None:
    assert detect_format(head.encode() if isinstance(head, str) else head) == expected


@pytest.mark.parametrize(
    "head",
    [b"hello world\n", b"\x89PNG\r\n\x1a\n", b"md5\n", b"[1, 2]", b"photodna abcd\n"],
)
def test_detect_format_refuses_unknown(head: bytes) -> None:
    with pytest.raises(HashListFormatError, match="unknown hash-list format"):
        detect_format(head)


def test_auto_names_the_file_when_format_unknown(tmp_path: Path) -> None:
    path = make(tmp_path, "what is this\n", "mystery.txt")
    with pytest.raises(HashListFormatError, match="mystery.txt"):
        read_hash_list(path)


def test_unknown_format_name(tmp_path: Path) -> None:
    with pytest.raises(HashListFormatError, match="known: caid, csv, ncmec_xml, te, te_csv, vics, vics2"):
        read_hash_list(make(tmp_path, ""), "xml")
    with pytest.raises(HashListFormatError):
        write_hash_list([], io.BytesIO(), "auto")
    assert get_format(" TE ") is FORMATS["te"]


def test_missing_file_is_a_format_error(tmp_path: Path) -> None:
    with pytest.raises(HashListFormatError, match="cannot read"):
        read_hash_list(tmp_path / "nope.txt")


# --- te ----------------------------------------------------------------------------------------


def test_te_reads_aliases_comments_and_whitespace(tmp_path: Path) -> None:
    text = f"# header\n\nPDQ_HASH {PDQ.upper()}\r\n  md5\t\t{MD5}  \nvpdq {VPDQ}\n"
    result = read_hash_list(make(tmp_path, text))
    assert [(e.signal_type, e.signal, e.line) for e in result.entries] == [
        ("pdq", PDQ, 3),
        ("md5", MD5, 4),
        ("vpdq", VPDQ, 5),
    ]


def test_te_vpdq_with_spaces_is_split_on_first_whitespace(tmp_path: Path) -> None:
    assert " " in VPDQ
    spaced = VPDQ.replace(", ", " ,   ")  # extra spaces inside the JSON list are still valid
    (entry,) = read_hash_list(make(tmp_path, f"vpdq\t{spaced}\n"), "te").entries
    assert entry.signal == VPDQ


BAD_TE_LINES = [
    ("md5", "expected '<signal_type> <signal>'"),
    (f"bad-type {MD5}", "unknown signal type 'bad-type'"),
    (f"md5 {MD5}0", "md5: expected 32 hex digits"),
    (f"sha1 {MD5}", "sha1: expected 40 hex digits"),
    (f"pdq {PDQ[:-1]}g", "pdq: expected 64 hex digits"),
    ("vpdq [not json", "vpdq: not a JSON list"),
    ("vpdq [" + "1" * 5000 + "]", "vpdq: not a JSON list"),  # json digit limit
]


@pytest.mark.parametrize(("line", "message"), BAD_TE_LINES)
def test_te_bad_line_is_reported_with_its_number(tmp_path: Path, line: str, message: str) -> None:
    path = make(tmp_path, f"# list\nmd5 {MD5}\n{line}\nsha1 {SHA1}\n", "bad.te")
    with pytest.raises(HashListFormatError) as caught:
        read_hash_list(path)
    assert caught.value.problems == [(3, caught.value.problems[0][1])]
    assert message in caught.value.problems[0][1]
    assert f"bad.te: 1 invalid line: line 3: {message}" in str(caught.value)


def test_all_or_nothing_lists_every_bad_line(tmp_path: Path) -> None:
    text = "\n".join([f"md5 {MD5}", "md5 x", f"sha1 {SHA1}", "nope", "", "pdq 00"]) + "\n"
    path = make(tmp_path, text)
    with pytest.raises(HashListFormatError, match="3 invalid lines") as caught:
        read_hash_list(path)
    assert lines_of(caught.value.problems) == [2, 4, 6]
    assert "line 2:" in str(caught.value) and "line 6:" in str(caught.value)

    kept = read_hash_list(path, skip_invalid=True)
    assert [(e.signal, e.line) for e in kept.entries] == [(MD5, 1), (SHA1, 3)]
    assert lines_of(kept.problems) == [2, 4, 6]


def test_invalid_utf8_line_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    data = f"md5 {MD5}\n".encode() + b"md5 \xff\xfe\n" + f"sha1 {SHA1}\n".encode()
    result = read_hash_list(make(tmp_path, data), "te", skip_invalid=True)
    assert [e.line for e in result.entries] == [1, 3]
    assert result.problems == [(2, "not valid UTF-8 (byte 5)")]


def test_bom_is_ignored(tmp_path: Path) -> None:
    (entry,) = read_hash_list(make(tmp_path, BOM + f"md5 {MD5}\n".encode())).entries
    assert (entry.signal_type, entry.line) == ("md5", 1)


def test_huge_single_line_is_a_problem(tmp_path: Path) -> None:
    huge = b"md5 " + b"a" * (MAX_LINE_BYTES + 10)
    data = f"md5 {MD5}\n".encode() + huge + f"\nsha1 {SHA1}".encode()
    path = make(tmp_path, data)
    with pytest.raises(HashListFormatError, match="line 2: line longer than"):
        read_hash_list(path, "te")
    result = read_hash_list(path, "te", skip_invalid=True)
    assert [e.line for e in result.entries] == [1, 3]  # reading went on after the long line


def test_file_of_one_huge_line_without_newline(tmp_path: Path) -> None:
    path = make(tmp_path, b"x" * (3 * MAX_LINE_BYTES))
    result = read_hash_list(path, "te", skip_invalid=True)
    assert result.entries == [] and lines_of(result.problems) == [1]


@pytest.mark.parametrize("fmt", ["te", "auto"])
def test_empty_file_is_an_empty_list(tmp_path: Path, fmt: str) -> None:
    result = read_hash_list(make(tmp_path, b""), fmt)
    assert result.entries == [] and result.problems == []


def test_default_source_fills_only_missing_sources(tmp_path: Path) -> None:
    text = f"signal_type,signal,source\nmd5,{MD5},ncmec\nsha1,{SHA1},\n"
    result = read_hash_list(make(tmp_path, text), default_source="list.csv")
    assert [e.source for e in result.entries] == ["ncmec", "list.csv"]
    (te_entry,) = read_hash_list(make(tmp_path, f"md5 {MD5}\n"), default_source="x.te").entries
    assert te_entry.source == "x.te"


def test_problems_kept_are_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hashlists, "MAX_KEPT_PROBLEMS", 3)
    path = make(tmp_path, "bad\n" * 10 + f"md5 {MD5}\n")
    result = read_hash_list(path, "te", skip_invalid=True)
    assert len(result.entries) == 1
    assert lines_of(result.problems) == [1, 2, 3, 10]
    assert result.problems[-1][1] == "7 more invalid lines not listed"
    with pytest.raises(HashListFormatError, match="10 invalid lines"):
        read_hash_list(path, "te")


def test_iter_hash_list_streams_entries_and_problems(tmp_path: Path) -> None:
    items = list(iter_hash_list(make(tmp_path, f"md5 {MD5}\nbad\n"), default_source="s"))
    assert items == [
        HashListEntry("md5", MD5, None, "s", 1),
        (2, "expected '<signal_type> <signal>' (a bare signal per line needs --signal-type)"),
    ]


# --- csv ---------------------------------------------------------------------------------------


def test_csv_columns_in_any_order_extra_ignored_optional_missing(tmp_path: Path) -> None:
    text = f"id,Signal,SIGNAL_TYPE,label\n7,{MD5},md5,category:1\n8,{PDQ},pdq\n\n9,{SHA1},sha1,\n"
    result = read_hash_list(make(tmp_path, text))
    assert [(e.signal_type, e.label, e.source, e.line) for e in result.entries] == [
        ("md5", "category:1", None, 2),
        ("pdq", None, None, 3),
        ("sha1", None, None, 5),
    ]


def test_csv_line_numbers_are_physical_lines(tmp_path: Path) -> None:
    text = (
        "signal_type,signal,label\n"
        f'md5,{MD5},"two\nline label"\n'  # lines 2-3
        "md5,nothex,\n"  # line 4
        f"sha1,{SHA1},\n"  # line 5
        ",,\n"  # line 6: blank record
        "sha1,,\n"  # line 7
        "bo gus,aa\n"  # line 8
        "bogus,aa\n"  # line 9: a signal type childsafe does not match is skipped, not rejected
    )
    result = read_hash_list(make(tmp_path, text), "csv", skip_invalid=True)
    assert [(e.line, e.label) for e in result.entries] == [(2, "two\nline label"), (5, None)]
    assert lines_of(result.problems) == [4, 7, 8]
    assert result.problems[1][1] == "missing signal"
    assert "unknown signal type 'bo gus'" in result.problems[2][1]
    assert result.skipped == [(9, "signal type 'bogus' is not a signal type childsafe matches: skipped")]


@pytest.mark.parametrize(
    "text",
    ["", "\n", f"md5,{MD5}\n", f"md5 {MD5}\n"],
    ids=["empty", "blank", "no-header", "te-content"],
)
def test_csv_header_is_required(tmp_path: Path, text: str) -> None:
    with pytest.raises(HashListFormatError, match="line 1: .*missing header"):
        read_hash_list(make(tmp_path, text), "csv")


def test_csv_bom_invalid_utf8_and_huge_line(tmp_path: Path) -> None:
    overlong = b"md5," + b"a" * (MAX_LINE_BYTES + 1) + b"\n"
    data = (
        BOM
        + b"signal_type,signal\n"
        + b"md5,\xc3\x28\n"  # line 2: invalid UTF-8
        + overlong  # line 3
        + f"md5,{MD5}\n".encode()  # line 4
    )
    result = read_hash_list(make(tmp_path, data), skip_invalid=True)
    assert [(e.signal, e.line) for e in result.entries] == [(MD5, 4)]
    assert result.problems[0] == (2, "not valid UTF-8 (byte 5)")
    assert result.problems[1][0] == 3 and "longer than" in result.problems[1][1]


def test_csv_invalid_header_line_stops_reading(tmp_path: Path) -> None:
    result = read_hash_list(make(tmp_path, b"signal_type,\xff\nmd5,x\n"), "csv", skip_invalid=True)
    assert result.entries == [] and lines_of(result.problems) == [1]


def test_csv_long_vpdq_field_reads_back(tmp_path: Path) -> None:
    frame = json.loads(VPDQ)[0]
    long_vpdq = json.dumps([frame] * 3000)  # ~230 kB: over csv's default field limit
    buffer = io.BytesIO()
    write_hash_list([HashListEntry("vpdq", long_vpdq)], buffer, "csv")
    (entry,) = read_hash_list(make(tmp_path, buffer.getvalue()), "csv").entries
    assert entry.signal == long_vpdq


# --- vics --------------------------------------------------------------------------------------


def test_vics_nested_media_files_photodna_and_case(tmp_path: Path) -> None:
    text = vics(
        {
            "MediaID": 1,
            "Category": 1,
            "MD5": MD5.upper(),
            "SHA1": SHA1,
            "PhotoDNA": "AAEC" * 36,
            "MediaFiles": [
                {"MD5": MD5, "FileName": "a.jpg"},  # same hash again: one entry
                {"md5": MD5_B, "Category": "3"},
                {"SHA256": SHA256, "PhotoDNA": "AQID"},
            ],
        },
        {"mediaid": 2, "category": None, "sha1": "", "md5": MD5_B},
    )
    result = read_hash_list(make(tmp_path, text), default_source="vic.json")
    assert [(e.signal_type, e.signal, e.label, e.source, e.line) for e in result.entries] == [
        ("md5", MD5, "category:1", "vic.json", 1),
        ("sha1", SHA1, "category:1", "vic.json", 1),
        ("md5", MD5_B, "category:3", "vic.json", 1),
        ("sha256", SHA256, "category:1", "vic.json", 1),
        ("md5", MD5_B, None, "vic.json", 2),
    ]


def test_vics_2_context_key_and_bom(tmp_path: Path) -> None:
    text = json.dumps({"@odata.context": "x", "Value": [{"MD5": MD5, "Category": 0}]})
    (entry,) = read_hash_list(make(tmp_path, BOM + text.encode())).entries
    assert (entry.signal, entry.label) == (MD5, "category:0")


BAD_VICS_RECORDS = [
    ({"MediaID": 1}, "no MD5, SHA1 or SHA256"),
    ({"MD5": "zz" * 16}, "md5: expected 32 hex digits"),
    ({"MD5": MD5, "SHA1": SHA1[:-2]}, "sha1: expected 40 hex digits"),
    ({"MD5": 12}, "MD5 is not a string"),
    ({"MD5": MD5, "Category": [1]}, "Category is neither"),
    ({"MD5": MD5, "MediaFiles": {"MD5": MD5}}, "MediaFiles is not a list"),
    ({"MD5": MD5, "MediaFiles": [{"SHA1": "x"}]}, "sha1: expected 40 hex digits"),
    ("a string", "media is not a JSON object"),
]


@pytest.mark.parametrize(("media", "message"), BAD_VICS_RECORDS)
def test_vics_bad_record_is_reported_with_its_number(
    tmp_path: Path, media: object, message: str
) -> None:
    path = make(tmp_path, vics({"MD5": MD5}, media, {"SHA1": SHA1}))
    with pytest.raises(HashListFormatError) as caught:
        read_hash_list(path)
    ((line, problem),) = caught.value.problems
    assert line == 2 and message in problem
    result = read_hash_list(path, skip_invalid=True)
    assert [e.line for e in result.entries] == [1, 3]  # a bad record yields no entry at all


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"{", 0, "not valid JSON"),
        (b"{}", 0, "no 'value' list"),
        (b'{"value": {"MD5": "x"}}', 0, "'value' is not a list"),
        (b"[]", 0, "not a JSON object"),
        (vics({"MD5": MD5}) + " trailing", 0, "not valid JSON"),
        (b'{"value": [{"MD5": "' + MD5.encode() + b'"}, {"MD5": "\xff', 2, "not valid"),
        (b'{"value": [{"MD5": "' + MD5.encode() + b'"}, {"MD5": ', 2, "not valid JSON"),
    ],
    ids=["truncated", "no-value", "value-object", "array", "trailing", "bad-utf8", "cut-in-record"],
)
def test_vics_bad_document(tmp_path: Path, data: str | bytes, line: int, message: str) -> None:
    path = make(tmp_path, data)
    with pytest.raises(HashListFormatError) as caught:
        read_hash_list(path, "vics")
    assert caught.value.problems[-1][0] == line
    assert message in caught.value.problems[-1][1]


def test_vics_other_top_level_keys_are_skipped(tmp_path: Path) -> None:
    text = json.dumps({"odata.metadata": "x", "Cases": [{"value": [1]}], "value": [{"MD5": MD5}]})
    assert len(read_hash_list(make(tmp_path, text)).entries) == 1


def test_vics_record_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hashlists_vics, "MAX_VICS_RECORD_EVENTS", 50)
    big = {"MD5": MD5, "MediaFiles": [{"SHA1": SHA1}] * 20}
    path = make(tmp_path, vics(big, {"SHA1": SHA1}))
    result = read_hash_list(path, skip_invalid=True)
    assert result.problems == [(1, "record larger than 50 JSON events")]
    assert [e.line for e in result.entries] == [2]  # parsing resumes after the big record


# --- registry ----------------------------------------------------------------------------------


def test_registry_and_public_names() -> None:
    assert set(FORMATS) == {"te", "csv", "te_csv", "vics", "vics2", "caid", "ncmec_xml"}
    assert all(name == fmt.name for name, fmt in FORMATS.items())
    assert all(hasattr(hashlists, name) for name in hashlists.__all__)


# --- issue 10: leftovers -----------------------------------------------------------------------


def test_csv_unbalanced_quote_that_swallows_entries_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(f'signal_type,signal,label,source\nmd5,{MD5},"cat,x\nmd5,{MD5_B},a,b\nsha1,{SHA1},a,b\n'.encode())
    with pytest.raises(HashListFormatError) as caught:
        read_hash_list(path)
    assert caught.value.problems[0][0] == 2 and "unbalanced quote" in caught.value.problems[0][1]
    result = read_hash_list(path, skip_invalid=True)
    assert result.entries == [] and len(result.problems) == 1


def test_csv_multi_line_label_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(f'signal_type,signal,label,source\nmd5,{MD5},"two\nlines",src\n'.encode())
    (entry,) = read_hash_list(path).entries
    assert entry.label == "two\nlines" and entry.line == 2


def test_control_characters_in_labels_and_sources_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_bytes(f"signal_type,signal,label,source\nmd5,{MD5},a\x00b,s\nsha1,{SHA1},ok,s\x01\n".encode())
    result = read_hash_list(path, skip_invalid=True)
    assert [n for n, _ in result.problems] == [2, 3] and all("control character" in m for _, m in result.problems)
    vics = tmp_path / "list.json"
    vics.write_text(json.dumps({"value": [{"MD5": MD5, "Category": "a\u0000"}, {"MD5": MD5_B, "Category": 1}]}))
    result = read_hash_list(vics, skip_invalid=True)
    assert [e.signal for e in result.entries] == [MD5_B] and result.problems[0][0] == 1


def test_vics_numbers_beyond_64_bits_do_not_stop_the_list(tmp_path: Path) -> None:
    # Found by tests/fuzz: yajl stops at an integer >= 2**63 (valid JSON) and every later record was lost.
    path = tmp_path / "list.json"
    path.write_bytes(b'{"value": [{"MD5": "%s"}, {"MediaID": 9223372036854775808, "MD5": "%s"}, 1e999,'
                     b' {"SHA1": "%s"}, 1%s]}' % (MD5.encode(), MD5_B.encode(), SHA1.encode(), b"0" * 5000))
    result = read_hash_list(path, skip_invalid=True)
    assert [(e.line, e.signal) for e in result.entries] == [(1, MD5), (2, MD5_B), (4, SHA1)]
    assert [n for n, _ in result.problems] == [3, 5] and all(len(m) < 300 for _, m in result.problems)
