"""Hash-list formats as the other tools write them: ThreatExchange, Project VIC (IPED), CAID, NCMEC.

Each sample below is written here, by hand, in the shape the other tool writes or reads; the
upstream file it follows is named beside it.  Nothing of theirs is copied.
"""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import pytest

from childsafe.errors import HashListFormatError
from childsafe.media.hashlists import HashListEntry, detect_format, iter_hash_list, read_hash_list, write_hash_list
from childsafe.media.hashlists_vics import CAID_CONTEXT, VICS_13_CONTEXT, VICS_20_CONTEXT
from childsafe.media.signals import SIGNAL_TYPES

PDQ = SIGNAL_TYPES["pdq"].examples[0]
VPDQ = SIGNAL_TYPES["vpdq"].examples[0]


def digests(data: bytes) -> tuple[str, str, str]:
    return (hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest(), hashlib.sha256(data).hexdigest())


MD5_A, SHA1_A, SHA256_A = digests(b"first file")
MD5_B, SHA1_B, SHA256_B = digests(b"second file")
MD5_C, SHA1_C, SHA256_C = digests(b"third file")


def make(tmp_path: Path, data: bytes | str, name: str = "list") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def rows(entries: list[HashListEntry]) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.signal_type, e.signal, e.label, e.source) for e in entries]


# --- ThreatExchange ----------------------------------------------------------------------------

# python-threatexchange cli/tests/hash_cmd_test.py prints "<signal_type> <signal>" lines, among them
# video_sha256; exchanges/impl/file_api.py reads them split on the first space.  A collaboration
# file holds every signal type TE has, url, raw_text and trend_query included (signal_type/*.py).
TE_LOCAL_FILE = (
    f"pdq {PDQ}\n"
    "url https://example.com/some/page\n"
    "raw_text how old are you\n"
    'trend_query {"and": [["add me"]], "not": []}\n'
    f"video_sha256 {SHA256_A}\n"
    f"video_md5 {MD5_A}\n"
    "url_md5 0d4f4e5e4ab7d1a1a5f6b7c8d9e0f1a2\n"
)


def test_te_file_with_non_media_types_is_read_and_those_lines_skipped(tmp_path: Path) -> None:
    path = make(tmp_path, TE_LOCAL_FILE, "collab.te")
    assert detect_format(TE_LOCAL_FILE.encode()) == "te"
    result = read_hash_list(path)  # all-or-nothing: a skipped line is not a bad line
    assert rows(result.entries) == [("pdq", PDQ, None, None), ("video_sha256", SHA256_A, None, None),
                                    ("video_md5", MD5_A, None, None)]
    assert [line for line, _ in result.skipped] == [2, 3, 4, 7]
    assert "'url' is not a media hash" in result.skipped[0][1]
    assert result.problems == []


def test_te_file_starting_with_a_url_line_is_still_recognised(tmp_path: Path) -> None:
    assert detect_format(b"url https://example.com/\npdq " + PDQ.encode()) == "te"


def test_te_bad_signal_of_a_known_type_is_still_a_problem(tmp_path: Path) -> None:
    path = make(tmp_path, TE_LOCAL_FILE + "video_sha256 nothex\n", "collab.te")
    with pytest.raises(HashListFormatError) as caught:
        read_hash_list(path)
    assert [line for line, _ in caught.value.problems] == [8]
    partial = read_hash_list(path, skip_invalid=True)
    assert len(partial.entries) == 3 and len(partial.skipped) == 4


def test_video_sha256_round_trips_in_te_and_csv(tmp_path: Path) -> None:
    entries = [HashListEntry("video_sha256", SHA256_A, "x", "y"), HashListEntry("sha256", SHA256_A)]
    for fmt in ("te", "csv", "te_csv"):
        buffer = io.BytesIO()
        write_hash_list(entries, buffer, fmt)
        assert b"video_sha256" in buffer.getvalue()
        back = read_hash_list(make(tmp_path, buffer.getvalue(), f"list.{fmt}"), fmt).entries
        assert [e.signal_type for e in back] == ["video_sha256", "sha256"]


# python-threatexchange cli/dataset_cmd.py, _print_csv: csv.DictWriter on stdout (so "\r\n" line
# ends) with the fields signal_type, signal_str, collab, category (SignalOpinionCategory's name) and
# tags joined by spaces.
TE_DATASET_CSV = (
    "signal_type,signal_str,collab,category,tags\r\n"
    f"pdq,{PDQ},Sample Collab,POSITIVE_CLASS,tag1 tag2\r\n"
    "url,https://example.com/,Sample Collab,INVESTIGATION_SEED,\r\n"
    f"video_md5,{MD5_B},Other Collab,NEGATIVE_CLASS,\r\n"
    'vpdq,"' + VPDQ.replace('"', '""') + '",Sample Collab,POSITIVE_CLASS,\r\n'  # csv's quoting
)


def test_te_dataset_csv_layout(tmp_path: Path) -> None:
    assert detect_format(TE_DATASET_CSV.encode()) == "te_csv"
    result = read_hash_list(make(tmp_path, TE_DATASET_CSV, "collab.csv"))
    assert rows(result.entries) == [
        ("pdq", PDQ, "POSITIVE_CLASS tag1 tag2", "Sample Collab"),
        ("video_md5", MD5_B, "NEGATIVE_CLASS", "Other Collab"),
        ("vpdq", VPDQ, "POSITIVE_CLASS", "Sample Collab"),
    ]
    assert [line for line, _ in result.skipped] == [3]


def test_te_dataset_csv_round_trip(tmp_path: Path) -> None:
    first = read_hash_list(make(tmp_path, TE_DATASET_CSV, "a.csv")).entries
    buffer = io.BytesIO()
    assert write_hash_list(first, buffer, "te_csv") == 3
    assert buffer.getvalue().startswith(b"signal_type,signal_str,collab,category,tags\n")
    again = read_hash_list(make(tmp_path, buffer.getvalue(), "b.csv"))
    assert rows(again.entries) == rows(first)


def test_bare_signals_one_per_line_with_a_signal_type(tmp_path: Path) -> None:
    # file_api.py: a collaboration configured with signal_type reads each stripped line as a signal.
    path = make(tmp_path, f"{MD5_A}\n\n{MD5_B.upper()}  \nnot-a-hash\n", "hashes.txt")
    with pytest.raises(HashListFormatError, match="needs --signal-type"):
        detect_format(path.read_bytes())
    result = read_hash_list(path, signal_type="md5", skip_invalid=True)
    assert [(e.signal_type, e.signal) for e in result.entries] == [("md5", MD5_A), ("md5", MD5_B)]
    assert [line for line, _ in result.problems] == [4]
    vpdq = read_hash_list(make(tmp_path, VPDQ + "\n", "v.txt"), signal_type="vpdq").entries
    assert vpdq[0].signal == VPDQ  # a whole line, spaces and all
    with pytest.raises(HashListFormatError, match="format te"):
        list(iter_hash_list(path, "csv", signal_type="md5"))
    with pytest.raises(HashListFormatError, match="unknown signal type"):
        list(iter_hash_list(path, signal_type="nope"))


# --- VICS --------------------------------------------------------------------------------------

# IPED iped-engine/.../hashdb/HashDBTool.java, readProjectVic: the data-model key and string first
# (checkDataModel), then "value"; per media object Category (int), MD5, SHA1, PhotoDNA,
# VictimIdentified, IsDistributed, Series, IsPrecategorized, Tags.
VICS_13_MEDIA = json.dumps({
    "odata.metadata": VICS_13_CONTEXT,
    "value": [
        {"MediaID": 1, "Category": 1, "MD5": MD5_A.upper(), "SHA1": SHA1_A.upper(), "VictimIdentified": "false",
         "IsDistributed": True, "Series": "", "IsPrecategorized": False, "Tags": "a|b",
         "MediaFiles": [{"FileName": "a.jpg", "MD5": MD5_A.upper()}]},
        {"MediaID": 2, "Category": 2, "MD5": MD5_B.upper(), "PhotoDNA": "AQID" * 36},
        {"MediaID": 3, "Category": 0, "PhotoDNA": "AQID" * 36},
    ],
})

# VICS 2.0 as a Project VIC export writes it: "@odata.context" with the 2.0 data model, numbers
# for MediaID, Category and MediaSize, DateUpdated, upper-case hex.
VICS_20_MEDIA = json.dumps({
    "@odata.context": VICS_20_CONTEXT,
    "value": [
        {"MediaID": 1, "Category": 1, "MD5": MD5_A.upper(), "SHA1": SHA1_A.upper(), "MediaSize": 2835,
         "DateUpdated": "2026-01-02T03:04:05.0000Z", "IsPrecategorized": "true"},
        {"MediaID": 2, "Category": 3, "SHA1": SHA1_B.upper(), "MediaSize": 1000,
         "Hashes": [{"HashName": "SHA256", "HashValue": SHA256_B.upper()},
                    {"HashName": "PhotoDNA", "HashValue": "AQID" * 36}]},
    ],
})

# The #Cases layout of VICS 2.0: each item of "value" is a case, its media in "Media".
VICS_20_CASES = json.dumps({
    "@odata.context": "http://github.com/VICSDATAMODEL/ProjectVic/DataModels/2.0.xml/Default/$metadata#Cases",
    "value": [
        {"CaseID": "7c1e", "CaseNumber": "2026-001", "SourceApplicationName": "tool", "Media": [
            {"MediaID": 1, "Category": 1, "MD5": MD5_A.upper(), "SHA1": SHA1_A.upper()},
            {"MediaID": 2, "Category": 2, "MD5": "NOT-HEX"},
        ]},
        {"CaseID": "9d2f", "Media": [
            {"MediaID": 1, "Category": 1, "SHA1": SHA1_C.upper()},
        ]},
    ],
})


def test_vics_13_media_layout_as_iped_reads_it(tmp_path: Path) -> None:
    result = read_hash_list(make(tmp_path, VICS_13_MEDIA, "vics13.json"))
    assert rows(result.entries) == [("md5", MD5_A, "category:1", None), ("sha1", SHA1_A, "category:1", None),
                                    ("md5", MD5_B, "category:2", None)]
    assert [e.line for e in result.entries] == [1, 1, 2]
    assert result.entries[0].content == result.entries[1].content != result.entries[2].content
    assert [line for line, _ in result.skipped] == [2, 3]  # PhotoDNA: reported, not a bad record


def test_vics_20_media_layout_with_a_hashes_list(tmp_path: Path) -> None:
    result = read_hash_list(make(tmp_path, VICS_20_MEDIA, "vics20.json"))
    assert rows(result.entries) == [
        ("md5", MD5_A, "category:1", None), ("sha1", SHA1_A, "category:1", None),
        ("sha1", SHA1_B, "category:3", None), ("sha256", SHA256_B, "category:3", None)]
    assert [line for line, _ in result.skipped] == [2]


def test_vics_20_cases_layout_bad_media_costs_that_media_only(tmp_path: Path) -> None:
    path = make(tmp_path, VICS_20_CASES, "cases.json")
    assert detect_format(path.read_bytes()) == "vics"
    with pytest.raises(HashListFormatError) as caught:
        read_hash_list(path)
    assert [line for line, _ in caught.value.problems] == [2]  # media numbers run across cases
    result = read_hash_list(path, skip_invalid=True)
    assert rows(result.entries) == [("md5", MD5_A, "category:1", None), ("sha1", SHA1_A, "category:1", None),
                                    ("sha1", SHA1_C, "category:1", None)]
    assert [e.line for e in result.entries] == [1, 1, 3]


def test_vics_cases_media_are_streamed_not_capped_as_one_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from childsafe.media import hashlists_vics

    monkeypatch.setattr(hashlists_vics, "MAX_VICS_RECORD_EVENTS", 30)
    media = [{"MediaID": i, "Category": 1, "MD5": hashlib.md5(str(i).encode()).hexdigest()} for i in range(50)]
    document = {"@odata.context": "x#Cases", "value": [{"CaseID": "c", "Media": media}]}
    result = read_hash_list(make(tmp_path, json.dumps(document)))
    assert len(result.entries) == 50


def _iped_accepts(document: bytes) -> list[dict[str, object]]:
    """What IPED's readProjectVic checks, in its order (HashDBTool.java): the first key is a known
    data-model key with its exact string, the second is "value"; a media object is kept when it
    has MD5 or SHA1 and a property (Category)."""
    pairs = json.loads(document, object_pairs_hook=list)
    (key, model), (value_key, media) = pairs
    assert (key, model) in {("odata.metadata", VICS_13_CONTEXT), ("@odata.context", VICS_20_CONTEXT)}
    assert value_key == "value"
    kept = [dict(m) for m in media]
    return [m for m in kept if ("MD5" in m or "SHA1" in m) and isinstance(m.get("Category"), int)]


@pytest.mark.parametrize("fmt", ["vics", "vics2"])
def test_vics_export_one_media_per_file_with_the_specified_data_model(tmp_path: Path, fmt: str) -> None:
    # As `bank add` stores them: each file's hashes next to each other under the file's name.
    entries = [
        HashListEntry("md5", MD5_A, "category:1", "a.jpg"), HashListEntry("sha1", SHA1_A, "category:1", "a.jpg"),
        HashListEntry("sha256", SHA256_A, "category:1", "a.jpg"), HashListEntry("pdq", PDQ, "category:1", "a.jpg"),
        HashListEntry("md5", MD5_B, "category:2", "b.jpg"), HashListEntry("sha1", SHA1_B, "category:2", "b.jpg"),
    ]
    buffer = io.BytesIO()
    assert write_hash_list(entries, buffer, fmt) == 5
    media = _iped_accepts(buffer.getvalue())
    assert media == [
        {"MediaID": 1, "Category": 1, "MD5": MD5_A.upper(), "SHA1": SHA1_A.upper(), "SHA256": SHA256_A.upper()},
        {"MediaID": 2, "Category": 2, "MD5": MD5_B.upper(), "SHA1": SHA1_B.upper()},
    ]
    back = read_hash_list(make(tmp_path, buffer.getvalue()))
    assert [e.line for e in back.entries] == [1, 1, 1, 2, 2]


def test_vics_export_keeps_the_files_of_an_imported_list_apart(tmp_path: Path) -> None:
    first = read_hash_list(make(tmp_path, VICS_13_MEDIA, "in.json")).entries
    buffer = io.BytesIO()
    write_hash_list(first, buffer, "vics")
    assert [sorted(k for k in m if k in ("MD5", "SHA1")) for m in _iped_accepts(buffer.getvalue())] == [
        ["MD5", "SHA1"], ["MD5"]]


def test_vics_export_never_merges_two_hashes_of_one_type(tmp_path: Path) -> None:
    entries = [HashListEntry("md5", MD5_A, None, "list.te"), HashListEntry("md5", MD5_B, None, "list.te")]
    buffer = io.BytesIO()
    write_hash_list(entries, buffer, "vics")
    assert len(json.loads(buffer.getvalue())["value"]) == 2


# --- CAID --------------------------------------------------------------------------------------

# IPED HashDBTool.java, readCaid (FileType.NIST_CAID): "odata.metadata" with the 1.2 data model,
# per media object MD5, SHA1 and MediaSize (a string), FileName further down (MediaFiles).
CAID_SAMPLE = json.dumps({
    "odata.metadata": CAID_CONTEXT,
    "value": [
        {"MediaID": 1, "MD5": MD5_A.upper(), "SHA1": SHA1_A.upper(), "MediaSize": "2835",
         "MediaFiles": [{"FileName": "IMG_0001.JPG", "FilePath": "c:\\x"}]},
        {"MediaID": 2, "MD5": "tooshort", "MediaSize": "10"},
        {"MediaID": 3, "Category": "A", "SHA1": SHA1_C.upper(), "MediaSize": "99"},
    ],
})


def test_caid_json_import(tmp_path: Path) -> None:
    path = make(tmp_path, CAID_SAMPLE, "caid.json")
    assert detect_format(path.read_bytes()) == "caid"
    result = read_hash_list(path, skip_invalid=True)
    assert rows(result.entries) == [("md5", MD5_A, "caid", None), ("sha1", SHA1_A, "caid", None),
                                    ("sha1", SHA1_C, "category:A", None)]
    assert [line for line, _ in result.problems] == [2]


def test_caid_round_trip(tmp_path: Path) -> None:
    first = read_hash_list(make(tmp_path, CAID_SAMPLE, "caid.json"), skip_invalid=True).entries
    buffer = io.BytesIO()
    assert write_hash_list(first, buffer, "caid") == 3
    assert json.loads(buffer.getvalue())["odata.metadata"] == CAID_CONTEXT
    assert len(json.loads(buffer.getvalue())["value"]) == 2
    again = read_hash_list(make(tmp_path, buffer.getvalue(), "again.json"))
    assert rows(again.entries) == rows(first)


# --- NCMEC hash sharing XML --------------------------------------------------------------------

# python-threatexchange exchanges/clients/ncmec/hash_api.py (NCMECEntryUpdate.from_xml) and its
# tests/data.py: a namespaced queryResult with images and videos, each entry with member, id,
# timestamp, classification and fingerprints; deletedImage/deletedVideo; paging.
NCMEC_XML = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<queryResult xmlns="https://hashsharing.ncmec.org/hashsharing/v2">
    <images count="3" maxTimestamp="2026-01-02T10:00:00Z">
        <image>
            <member id="7">A Member</member>
            <timestamp>2026-01-02T09:00:00Z</timestamp>
            <id>img-1</id>
            <classification>A1</classification>
            <fingerprints>
                <md5>{MD5_A}</md5>
                <sha1>{SHA1_A}</sha1>
                <pdna>{"0" * 40}...</pdna>
            </fingerprints>
            <feedback />
        </image>
        <image>
            <member id="7">A Member</member>
            <id>img-2</id>
            <fingerprints><md5>12345</md5></fingerprints>
        </image>
        <deletedImage>
            <member id="7">A Member</member>
            <id>img-0</id>
            <timestamp>2026-01-02T10:00:00Z</timestamp>
        </deletedImage>
        <image>
            <member id="8">Another</member>
            <id>img-3</id>
            <classification>B1</classification>
            <fingerprints><pdq>{PDQ}</pdq></fingerprints>
        </image>
    </images>
    <videos count="1" maxTimestamp="2026-01-02T10:00:00Z">
        <video>
            <member id="8">Another</member>
            <id>vid-1</id>
            <fingerprints><md5>{MD5_C}</md5><sha1>{SHA1_C}</sha1></fingerprints>
        </video>
    </videos>
    <paging><next>/v2/entries?from=x&amp;start=2001</next></paging>
</queryResult>
"""


def test_ncmec_xml_import(tmp_path: Path) -> None:
    path = make(tmp_path, NCMEC_XML, "ncmec.xml")
    assert detect_format(path.read_bytes()) == "ncmec_xml"
    result = read_hash_list(path, skip_invalid=True)
    assert rows(result.entries) == [
        ("md5", MD5_A, "ncmec:A1", "ncmec member 7"), ("sha1", SHA1_A, "ncmec:A1", "ncmec member 7"),
        ("pdq", PDQ, "ncmec:B1", "ncmec member 8"),
        ("video_md5", MD5_C, "ncmec", "ncmec member 8"), ("sha1", SHA1_C, "ncmec", "ncmec member 8"),
    ]
    assert [e.line for e in result.entries] == [1, 1, 4, 5, 5]
    assert [line for line, _ in result.problems] == [2]
    assert [line for line, _ in result.skipped] == [1, 3]  # pdna; the deleted entry
    with pytest.raises(HashListFormatError):
        read_hash_list(path)


def test_ncmec_xml_round_trips_through_csv(tmp_path: Path) -> None:
    # Import-only: what it reads keeps every field through the csv format.
    first = read_hash_list(make(tmp_path, NCMEC_XML, "ncmec.xml"), skip_invalid=True).entries
    buffer = io.BytesIO()
    write_hash_list(first, buffer, "csv")
    assert rows(read_hash_list(make(tmp_path, buffer.getvalue(), "x.csv")).entries) == rows(first)
    with pytest.raises(HashListFormatError, match="import-only"):
        write_hash_list(first, io.BytesIO(), "ncmec_xml")


@pytest.mark.parametrize("hostile", [
    # billion laughs: entities are refused, nothing is expanded
    '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
    "<queryResult><images><image><id>&b;</id></image></images></queryResult>",
    # an external entity: never fetched, never read
    '<?xml version="1.0"?><!DOCTYPE q [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    "<queryResult><images><image><id>&x;</id></image></images></queryResult>",
    "<queryResult><images><image><id>unclosed</images></queryResult>",
])
def test_ncmec_xml_hostile_or_broken_input_is_a_problem_not_a_crash(tmp_path: Path, hostile: str) -> None:
    result = read_hash_list(make(tmp_path, hostile, "bad.xml"), "ncmec_xml", skip_invalid=True)
    assert result.entries == [] and len(result.problems) == 1
    assert "XML" in result.problems[0][1]


def test_ncmec_xml_entries_before_a_broken_tail_are_kept(tmp_path: Path) -> None:
    cut = NCMEC_XML[: NCMEC_XML.index("<videos")]
    result = read_hash_list(make(tmp_path, cut, "cut.xml"), skip_invalid=True)
    assert len(result.entries) == 3 and result.problems[-1][0] == 5  # after the 4th entry

