"""GraphStore: idempotent streaming ingest, bad rows, identifier hashing, labels, text risk, loading."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import text
from tests.graph.graphkit import flip_bits, pdq_of, sha_of, write_csv, write_jsonl

import childsafe.store.graph as store_graph
from childsafe.errors import ConfigError
from childsafe.graph.events import MAX_RECORD_BYTES, hash_identifier
from childsafe.graph.network import NO_TIME, MediaEvidence
from childsafe.matching import Matcher
from childsafe.store.base import NewEntry, ScanRecord
from childsafe.store.graph import GraphStore, media_matcher
from childsafe.store.sql import SqlStore

MESSAGE_COLUMNS = ("sender", "recipient", "timestamp", "platform")
KEY = b"k" * 32


def messages(lo: int, hi: int) -> list[tuple[str, str, int, str]]:
    """Messages ``lo..hi-1``: distinct rows, a few accounts."""
    return [(f"u{i % 4}", f"u{(i + 1) % 4}", 1_700_000_000 + i, "chat") for i in range(lo, hi)]


def test_reingesting_a_file_adds_nothing_and_says_already_ingested(tmp_path: Path, graph: GraphStore) -> None:
    path = write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, messages(0, 5))
    first = graph.ingest_file(path)
    assert (first.rows, first.added, first.error_count, first.kind) == (5, 5, 0, "messages")
    assert first.to_record()["already_ingested"] is False
    counts = graph.counts()
    assert (counts["messages"], counts["accounts"], counts["sources"]) == (5, 4, 1)

    again = graph.ingest_file(path)
    assert again.skipped_file and again.to_record()["already_ingested"] is True
    assert (again.rows, again.added, again.kind) == (0, 0, "messages")
    # the same bytes under another name are the same file
    copy = tmp_path / "copy.csv"
    copy.write_bytes(path.read_bytes())
    assert graph.ingest_file(copy).skipped_file
    assert graph.counts() == counts


def test_an_overlapping_export_adds_only_its_new_rows(tmp_path: Path, graph: GraphStore) -> None:
    a = write_csv(tmp_path / "a.csv", MESSAGE_COLUMNS, messages(0, 6))
    b_rows = messages(3, 9)
    b = write_csv(tmp_path / "b.csv", MESSAGE_COLUMNS, [*b_rows, b_rows[-1]])  # and one row twice
    assert graph.ingest_file(a).added == 6
    report = graph.ingest_file(b)
    assert (report.rows, report.added, report.skipped_file) == (7, 3, False)
    assert graph.counts()["messages"] == 9

    ids_a = write_csv(tmp_path / "ids_a.csv", ("account", "kind", "value"),
                      [("u0", "email", "Jo.Doe@gmail.com"), ("u1", "phone", "+44 7700 900123")])
    ids_b = write_csv(tmp_path / "ids_b.csv", ("account", "kind", "value"),
                      [("u0", "email", "jodoe+x@googlemail.com"),  # the same email, spelled otherwise
                       ("u1", "phone", "+447700900123"), ("u2", "phone", "+447700900123")])
    assert graph.ingest_file(ids_a).added == 2
    assert graph.ingest_file(ids_b).added == 1  # only u2's use of the phone is new
    counts = graph.counts()
    assert (counts["identifiers"], counts["identifier_uses"]) == (2, 3)


def test_bad_rows_are_counted_kept_and_do_not_lose_stored_data(tmp_path: Path, graph: GraphStore) -> None:
    graph.ingest_file(write_csv(tmp_path / "good.csv", MESSAGE_COLUMNS, messages(0, 4)))
    before = graph.counts()
    lines = [
        json.dumps({"sender": "a", "recipient": "b", "timestamp": 1_700_000_100}),  # 1 good
        json.dumps({"sender": "a"}),  # 2 no recipient
        json.dumps({"sender": "a", "recipient": "c", "timestamp": "yesterday"}),  # 3 bad time
        json.dumps(["a", "b"]),  # 4 not an object
        json.dumps({"sender": "a", "recipient": "d", "pad": "x" * (MAX_RECORD_BYTES + 10)}),  # 5 huge
        json.dumps({"sender": "a", "recipient": "e", "timestamp": 1_700_000_200}),  # 6 good
        '{"sender": "a", "recipient": "f", "timest',  # 7 truncated (the export was cut off)
    ]
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    report = graph.ingest_file(path, keep_errors=3)
    assert (report.rows, report.added, report.error_count) == (2, 2, 5)
    assert [e.row for e in report.errors] == [2, 3, 4]  # only the first keep_errors are kept
    assert "recipient" in report.errors[0].message
    counts = graph.counts()
    assert counts["messages"] == before["messages"] + 2
    assert counts["sources"] == before["sources"] + 1
    # the bad rows are all reported when asked for (and a re-run is recognised)
    copy = path.with_name("again.jsonl")
    copy.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    again = graph.ingest_file(copy)
    assert [e.row for e in again.errors] == [2, 3, 4, 5, 7] and again.added == 0


def test_a_csv_cut_off_inside_a_quoted_field_keeps_the_rows_before(tmp_path: Path, graph: GraphStore) -> None:
    path = tmp_path / "cut.csv"
    path.write_text("sender,recipient,timestamp,platform\na,b,1700000000,chat\nc,d,1700000001,chat\n"
                    'e,"f\n', encoding="utf-8")
    report = graph.ingest_file(path)
    assert (report.rows, report.added, report.error_count) == (2, 2, 1)
    assert report.errors[0].row == 4
    assert graph.counts()["messages"] == 2


@pytest.mark.parametrize("content", [b"\x00\x01\x02garbage\xff\xfe" * 50, b"\xff\xfeu\x00t\x00f\x001\x006\x00",
                                     b"name,age\nx,3\n"])
def test_files_that_are_not_event_files_store_nothing(tmp_path: Path, graph: GraphStore, content: bytes) -> None:
    path = tmp_path / "junk.csv"
    path.write_bytes(content)
    report = graph.ingest_file(path)
    assert report.rows == 0 and report.added == 0 and report.error_count >= 1
    assert graph.counts() == dict.fromkeys(graph.counts(), 0)


def test_missing_and_unreadable_files_are_a_row_zero_error(tmp_path: Path, graph: GraphStore) -> None:
    for path in (tmp_path / "absent.csv", tmp_path):  # a folder cannot be read as a file
        report = graph.ingest_file(path)
        assert (report.rows, report.error_count, report.skipped_file) == (0, 1, False)
        assert report.errors[0].row == 0 and str(path) in report.errors[0].message
    assert graph.counts()["sources"] == 0


def test_a_file_read_as_the_wrong_kind_can_be_ingested_again_as_the_right_one(tmp_path: Path,
                                                                                graph: GraphStore) -> None:
    csv_path = write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, messages(0, 3))
    jsonl_path = write_jsonl(tmp_path / "m.jsonl", [dict(zip(MESSAGE_COLUMNS, m, strict=True))
                                                    for m in messages(10, 13)])
    for path in (csv_path, jsonl_path):
        wrong = graph.ingest_file(path, "identifiers")
        assert wrong.rows == 0 and wrong.error_count >= 1
        right = graph.ingest_file(path, "messages")
        assert not right.skipped_file and (right.rows, right.added) == (3, 3)
        assert graph.ingest_file(path, "messages").skipped_file  # now it is remembered
    assert graph.counts()["messages"] == 6


def test_an_interrupted_ingest_completes_on_the_next_run_without_doubling(tmp_path: Path, graph: GraphStore,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store_graph, "_BATCH", 4)
    path = write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, messages(0, 10))

    def crash(rows: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        graph.ingest_file(path, progress=crash)
    assert graph.counts()["messages"] == 4 and graph.counts()["sources"] == 0  # one batch committed
    report = graph.ingest_file(path)
    assert (report.rows, report.added) == (10, 6)
    assert graph.counts()["messages"] == 10


def test_with_a_key_no_raw_identifier_reaches_the_store(tmp_path: Path, store: SqlStore, graph: GraphStore) -> None:
    raw = [("u1", "email", "Jo.Doe+kids@googlemail.com"), ("u2", "email", "jodoe@gmail.com"),
           ("u1", "phone", "+44 7700 900123"), ("u3", "device", "DEV-QUIXOTIC-123456")]
    report = graph.ingest_file(write_csv(tmp_path / "ids.csv", ("account", "kind", "value"), raw), hmac_key=KEY)
    assert (report.rows, report.error_count) == (4, 0)
    with store.engine.connect() as conn:
        stored = conn.execute(text("SELECT kind, value, hashed FROM graph_identifiers ORDER BY kind")).all()
    assert sorted((k, v) for k, v, _ in stored) == sorted({
        ("email", hash_identifier("email", "jodoe@gmail.com", KEY)),
        ("phone", hash_identifier("phone", "+447700900123", KEY)),
        ("device", hash_identifier("device", "dev-quixotic-123456", KEY))})
    assert all(hashed for _, _, hashed in stored)
    store.close()
    db = Path(store.url.removeprefix("sqlite:///"))
    blob = b"".join(p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name))
    for needle in (b"jodoe", b"doe", b"googlemail", b"gmail", b"7700900123", b"quixotic"):
        assert needle not in blob.lower(), needle
    # the two spellings of one email are one (hashed) identifier, used by two accounts
    reopened = SqlStore(store.url)
    net = GraphStore(reopened).load()
    reopened.close()
    emails = [i for i, k in enumerate(net.ident_kind) if k == "email"]
    assert len(emails) == 1 and int(np.sum(net.uses_identifier == emails[0])) == 2
    assert net.identifier_name(emails[0]).startswith("email_hmac:")


def test_prehashed_identifiers_meet_identifiers_hashed_at_ingest(tmp_path: Path, graph: GraphStore) -> None:
    ours = write_csv(tmp_path / "ours.csv", ("account", "kind", "value"), [("a1", "phone", "+44 7700 900123")])
    theirs = write_csv(tmp_path / "theirs.csv", ("account", "kind", "value"),
                       [("b1", "phone_hmac", hash_identifier("phone", "+447700900123", KEY).upper())])
    graph.ingest_file(ours, hmac_key=KEY)
    graph.ingest_file(theirs, hmac_key=KEY)
    counts = graph.counts()
    assert (counts["identifiers"], counts["identifier_uses"]) == (1, 2)


def test_account_attributes_merge_across_files(tmp_path: Path, graph: GraphStore, store: SqlStore) -> None:
    graph.ingest_file(write_csv(tmp_path / "a1.csv", ("account", "declared_age", "created_at", "country"),
                                [("kid", "14", "2024-01-01T00:00:00Z", "NL"), ("adult", "35", "", "")]))
    report = graph.ingest_file(write_csv(tmp_path / "a2.csv", ("account", "declared_age", "nickname"),
                                         [("kid", "", "sunny"), ("adult", "36", "")]))
    assert report.added == 2  # both accounts changed
    net = graph.load()
    index = net.account_index()
    assert net.declared_age[index["kid"]] == 14 and net.declared_age[index["adult"]] == 36
    assert net.created_at[index["kid"]] == 1_704_067_200 and net.created_at[index["adult"]] == NO_TIME
    assert net.minors().tolist() == [name == "kid" for name in net.accounts]
    with store.engine.connect() as conn:
        attrs = conn.execute(text("SELECT attributes FROM graph_accounts WHERE name = 'kid'")).scalar_one()
    assert json.loads(attrs) == {"country": "NL", "nickname": "sunny"}


def test_labels_latest_decision_wins_and_reports_count(graph: GraphStore, tmp_path: Path) -> None:
    graph.ingest_file(write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, messages(0, 4)))
    graph.add_label("u0", "confirmed", reason="reviewed")
    graph.add_label("u1", "confirmed")
    graph.add_label("u1", "cleared", reason="false positive")
    graph.add_label("u2", "reported")
    graph.add_label("u2", "reported")
    graph.add_label("nobody", "confirmed")  # not in the graph: kept, but not loaded
    with pytest.raises(ConfigError, match="unknown label"):
        graph.add_label("u3", "suspicious")
    net = graph.load()
    index = net.account_index()
    assert net.confirmed() == {index["u0"]}
    assert net.cleared() == {index["u1"]}
    assert net.reports(index["u2"]) == 2 and net.reports(index["u0"]) == 0
    assert net.labels[index["u0"]][0].reason == "reviewed"
    assert graph.counts()["labels"] == 6


def test_author_risk_keeps_the_highest_and_counts_conversations(graph: GraphStore, tmp_path: Path) -> None:
    graph.ingest_file(write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, messages(0, 4)))
    graph.save_author_risk("u0", 0.9, True, ["secrecy", "meeting"])
    graph.save_author_risk("u0", 0.4, False, ["platform_move", "secrecy"])
    graph.save_author_risk("u1", 0.2, False, [])
    graph.save_author_risk("u1", 0.6, False, ["age_identity"])
    graph.save_author_risk("stranger", 0.99, True, [])  # no account of that name: not joined
    net = graph.load()
    index = net.account_index()
    u0, u1 = net.author_risk[index["u0"]], net.author_risk[index["u1"]]
    assert (u0.risk, u0.alert, u0.conversations) == (0.9, True, 2)
    assert u0.indicators == ("meeting", "platform_move", "secrecy")
    assert (u1.risk, u1.alert, u1.conversations, u1.indicators) == (0.6, False, 2, ("age_identity",))
    assert set(net.author_risk) == {index["u0"], index["u1"]}


def test_author_risk_keeps_role_stated_age_language_and_labels(graph: GraphStore, tmp_path: Path) -> None:
    graph.ingest_file(write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, messages(0, 4)))
    graph.save_author_risk("u0", 0.3, False, [], "other", None, "en", ["not_pertinent"])
    graph.save_author_risk("u0", 0.9, True, ["secrecy"], "suspect", 34, "es", ["child_access"])
    graph.save_author_risk("u0", 0.2, False, [], "other", 40, None, [])  # a later, milder view
    graph.save_author_risk("u1", 0.1, False, [], "at_risk", 13, "en", ["has_minor"])
    graph.save_author_risk("u2", 0.1, False, [])  # a caller that gives no role
    net = graph.load()
    index = net.account_index()
    u0, u1, u2 = (net.author_risk[index[a]] for a in ("u0", "u1", "u2"))
    assert (u0.role, u0.stated_age, u1.role, u1.stated_age) == ("suspect", 34, "at_risk", 13)
    assert (u2.role, u2.stated_age) == (None, None)
    with graph.engine.connect() as conn:
        row = conn.execute(text("SELECT language, labels FROM author_risk WHERE author = 'u0'")).one()
    assert row[0] == "es" and json.loads(row[1]) == ["child_access", "not_pertinent"]
    assert graph.looks_minor("u1") is not None and graph.looks_minor("u0") is None


def test_load_gives_dense_arrays_that_match_the_events(tmp_path: Path, graph: GraphStore) -> None:
    rows = [("ann", "bob", "2024-01-01T00:00:00Z", "game"), ("bob", "ann", "", "dm"), ("cat", "ann", "60", "")]
    graph.ingest_file(write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, rows))
    graph.ingest_file(write_csv(tmp_path / "p.csv", ("account", "sha256", "pdq", "timestamp"),
                                [("cat", sha_of("x"), "", "10"), ("dan", "", pdq_of(1), "")]))
    net = graph.load()
    triples = {(net.accounts[s], net.accounts[r], int(t), net.platforms[p]) for s, r, t, p in
               zip(net.msg_sender, net.msg_recipient, net.msg_ts, net.msg_platform, strict=True)}
    assert triples == {("ann", "bob", 1_704_067_200, "game"), ("bob", "ann", NO_TIME, "dm"), ("cat", "ann", 60, "")}
    posts = {(net.accounts[a], net.media_name(m), int(t)) for a, m, t in
             zip(net.post_account, net.post_media, net.post_ts, strict=True)}
    assert posts == {("cat", f"sha256:{sha_of('x')}", 10), ("dan", f"pdq:{pdq_of(1)}", NO_TIME)}
    assert math.isnan(net.declared_age[0]) and net.n_accounts == 4


def test_hundreds_of_platform_names_are_bounded(tmp_path: Path, graph: GraphStore) -> None:
    rows = [("a", "b", str(i), f"p{i:04d}") for i in range(store_graph._MAX_PLATFORMS + 5)]
    graph.ingest_file(write_csv(tmp_path / "m.csv", MESSAGE_COLUMNS, rows))
    net = graph.load()
    assert len(net.platforms) == store_graph._MAX_PLATFORMS and net.platforms[-1] == "(other)"
    assert int(net.msg_platform.max()) == store_graph._MAX_PLATFORMS - 1
    by_time = dict(zip(net.msg_ts.tolist(), net.msg_platform.tolist(), strict=True))
    assert net.platforms[by_time[3]] == "p0003"
    assert net.platforms[by_time[len(rows) - 1]] == "(other)"


def test_media_evidence_comes_from_banks_and_from_recorded_scans(tmp_path: Path, store: SqlStore,
                                                                 graph: GraphStore) -> None:
    known_sha, scanned_sha, other_sha = sha_of("known"), sha_of("scanned"), sha_of("other")
    base = pdq_of(7)
    graph.ingest_file(write_csv(tmp_path / "p.csv", ("account", "sha256", "pdq"), [
        ("a", known_sha, ""), ("b", sha_of("near"), flip_bits(base, [0])),
        ("c", scanned_sha, ""), ("d", other_sha, pdq_of(8))]))
    store.create_bank("ncmec-like")
    store.add_entries("ncmec-like", [NewEntry("sha256", known_sha, label="case-1"), NewEntry("pdq", base)])
    scan = store.start_scan("/evidence")
    store.save_scan_records(scan, [
        ScanRecord("/evidence/v.mp4", 1, 1, {"sha256": scanned_sha, "matches": [
            {"bank": "video-list", "signal_type": "vpdq", "signal": "v1", "distance": 3, "label": "clip-9"}]}),
        ScanRecord("/evidence/n.jpg", 1, 1, {"sha256": sha_of("not in graph"), "matches": [
            {"bank": "video-list", "signal_type": "md5", "signal": "m", "distance": 0}]})])
    with store.engine.begin() as conn:  # a damaged record is skipped, not fatal
        conn.execute(text("INSERT INTO scan_items (key, sha256, record, scanned_at) "
                          "VALUES ('/evidence/bad', :sha, 'not json', '2024-01-01')"), {"sha": other_sha})

    net = graph.load(media_matcher(Matcher(store)))
    by_account = {net.accounts[int(a)]: net.media_evidence.get(int(m), [])
                  for a, m in zip(net.post_account, net.post_media, strict=True)}
    assert by_account["a"] == [MediaEvidence("ncmec-like", "sha256", known_sha, 0, "case-1")]
    assert by_account["b"] == [MediaEvidence("ncmec-like", "pdq", base, 1, None)]
    assert by_account["c"] == [MediaEvidence("video-list", "vpdq", "v1", 3, "clip-9", source="scan")]
    assert by_account["d"] == []
    assert by_account["a"][0].entry == "ncmec-like:case-1"
    assert by_account["b"][0].entry == f"ncmec-like/pdq:{base}"
    # without a matcher only the recorded scan evidence is joined
    c_media = int(net.post_media[net.post_account == net.accounts.index("c")][0])
    assert set(graph.load().media_evidence) == {c_media}


def test_the_store_file_is_plain_sqlite_with_no_message_text(tmp_path: Path, store: SqlStore,
                                                             graph: GraphStore) -> None:
    path = write_jsonl(tmp_path / "m.jsonl", [{"sender": "a", "recipient": "b", "timestamp": 5,
                                               "text": "a secret sentence"}])
    assert graph.ingest_file(path).added == 1
    store.close()
    db = store.url.removeprefix("sqlite:///")
    with sqlite3.connect(db) as conn:
        dump = "\n".join(conn.iterdump())
    assert "secret sentence" not in dump
