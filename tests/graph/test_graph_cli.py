"""``childsafe graph …`` and ``childsafe text score`` feeding it, run as a user runs them (subprocess)."""

from __future__ import annotations

import json
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import igraph as ig
import pytest
from tests.cli_runner import Cli
from tests.graph.graphkit import EVENT_KINDS, f1, same_person_pairs, write_csv, write_jsonl

from childsafe.graph.synthetic import PlatformSpec, PlatformTruth, generate_platform

CLI_SPEC = PlatformSpec(accounts=800, public_ip_users=50, viral_sharers=20, hub_fraction=0.005)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Cli, PlatformTruth]:
    """A home with a small platform ingested through the CLI; tests here only read it."""
    root = tmp_path_factory.mktemp("cli_platform")
    truth = generate_platform(root / "events", CLI_SPEC)
    cli = Cli(root / "home")
    files = [str(getattr(truth, kind)) for kind in EVENT_KINDS]
    reports = cli.json_lines("graph", "ingest", *files)
    assert [r["path"] for r in reports] == files
    assert all(r["rows"] > 0 and r["added"] == r["rows"] and r["errors"] == 0 and not r["already_ingested"]
               for r in reports if r["kind"] != "accounts")
    return cli, truth


def test_ingest_again_adds_nothing(ingested: tuple[Cli, PlatformTruth]) -> None:
    cli, truth = ingested
    before = cli.json_lines("graph", "stats")[0]
    assert before["sources"] == 4 and before["messages"] > 0 and before["labels"] == 0
    again = cli.json_lines("graph", "ingest", str(truth.messages), str(truth.identifiers))
    assert [(r["already_ingested"], r["added"], r["kind"]) for r in again] == [
        (True, 0, "messages"), (True, 0, "identifiers")]
    assert cli.json_lines("graph", "stats")[0] == before


def test_rank_prints_explained_leads(ingested: tuple[Cli, PlatformTruth]) -> None:
    cli, truth = ingested
    leads = cli.json_lines("graph", "rank", "--seeds", str(truth.seeds_file), "--top", "10")
    assert len(leads) == 10
    for lead in leads:
        assert set(lead) == {"account", "role", "score", "reasons", "paths"}
        assert lead["role"] == "suspect"
        assert lead["reasons"] and lead["paths"] and all("type" in r for r in lead["reasons"])
        assert all(set(p) == {"nodes", "edges", "source"} for p in lead["paths"])
    assert [lead["score"] for lead in leads] == sorted((lead["score"] for lead in leads), reverse=True)
    accounts = [lead["account"] for lead in leads]
    assert not set(accounts) & set(truth.seeds)
    assert sum(a in set(truth.offenders) for a in accounts) >= 9


def test_at_risk_prints_children_most_exposed_first(ingested: tuple[Cli, PlatformTruth]) -> None:
    cli, truth = ingested
    children = cli.json_lines("graph", "at-risk", "--seeds", str(truth.seeds_file), "--top", "20")
    assert len(children) == 20
    for child in children:
        assert set(child) == {"account", "role", "exposure", "reasons", "paths", "stated_age"}
        assert child["role"] == "at_risk" and child["stated_age"] < 18 and child["paths"]
        assert child["paths"][0]["nodes"][0] == f"account:{child['account']}"
    assert [c["exposure"] for c in children] == sorted((c["exposure"] for c in children), reverse=True)
    assert sum(c["account"] in set(truth.victims) for c in children) >= 18
    assert not {c["account"] for c in children} & set(truth.offenders)


def test_link_prints_persons(ingested: tuple[Cli, PlatformTruth]) -> None:
    cli, truth = ingested
    persons = cli.json_lines("graph", "link")
    assert persons and all(set(p) == {"person", "accounts", "evidence", "confidence"} for p in persons)
    assert all(len(p["accounts"]) >= 2 and 0.85 <= p["confidence"] <= 1 for p in persons)
    precision, recall, score = f1(same_person_pairs(p["accounts"] for p in persons),
                                  same_person_pairs(truth.persons))
    assert score >= 0.95, (precision, recall)
    assert cli.json_lines("graph", "link", "--threshold", "0.999") == []


def test_export_writes_each_format(ingested: tuple[Cli, PlatformTruth], tmp_path: Path) -> None:
    cli, truth = ingested
    written: dict[str, dict[str, Any]] = {}
    for fmt in ("graphml", "gexf", "json"):
        out = tmp_path / f"graph.{fmt}"
        written[fmt], = cli.json_lines("graph", "export", "--format", fmt, "-o", str(out),
                                       "--seeds", str(truth.seeds_file))
        assert written[fmt]["path"] == str(out) and written[fmt]["format"] == fmt
    assert len({(w["nodes"], w["edges"]) for w in written.values()}) == 1
    nodes, edges = written["json"]["nodes"], written["json"]["edges"]
    doc = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    assert (len(doc["nodes"]), len(doc["edges"])) == (nodes, edges)
    assert {n["kind"] for n in doc["nodes"]} == {"account", "identifier", "media"}  # no hash lists here
    assert any("community" in n for n in doc["nodes"])  # communities around the seeds are marked
    gexf = ET.parse(tmp_path / "graph.gexf").getroot()
    assert len(list(gexf.iter("{http://gexf.net/1.3}node"))) == nodes
    assert len(list(gexf.iter("{http://gexf.net/1.3}edge"))) == edges
    assert ig.Graph.Read_GraphML(str(tmp_path / "graph.graphml")).ecount() == edges

    seed = truth.seeds[0]
    around, = cli.json_lines("graph", "export", "--format", "json", "-o", str(tmp_path / "a.json"),
                             "--around", seed, "--hops", "1")
    assert 1 < around["nodes"] < nodes
    labels = [n["label"] for n in json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["nodes"]]
    assert f"account:{seed}" in labels
    assert cli.run("graph", "export", "--format", "json", "-o", str(tmp_path / "x.json"),
                   "--around", "no-such-account", check=2).stdout == ""


def test_actors_and_communities(ingested: tuple[Cli, PlatformTruth]) -> None:
    cli, truth = ingested
    seeds = str(truth.seeds_file)
    actors = cli.json_lines("graph", "actors", "--seeds", seeds, "--top", "10")
    assert 0 < len(actors) <= 10
    assert all({"account", "network_capital", "risk", "degree", "betweenness", "community", "reasons"} <= set(a)
               for a in actors)
    assert sum(a["account"] in set(truth.offenders) for a in actors) >= 7
    found = cli.json_lines("graph", "communities", "--seeds", seeds)
    with_seed = [c for c in found if c["confirmed"]]
    assert {s for c in with_seed for s in c["confirmed"]} == set(truth.seeds)
    ring_of = {a: r for r, ring in enumerate(truth.rings) for a in ring}
    for c in with_seed:
        assert len({ring_of[a["account"]] for a in c["accounts"] if a["account"] in ring_of}) == 1


def test_ingest_errors_and_exit_codes(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "missing.csv"
    proc = cli.run("graph", "ingest", str(missing), check=2)  # a missing path: usage (README exit codes)
    report = json.loads(proc.stdout)
    assert (report["rows"], report["errors"], report["already_ingested"]) == (0, 1, False)
    error = json.loads(proc.stderr.strip().splitlines()[0])
    assert error["row"] == 0 and error["path"] == str(missing)

    mixed = tmp_path / "mixed.csv"
    mixed.write_text("sender,recipient,timestamp\na,b,1\nc,,2\nd,e,yesterday\nf,g,3\n", encoding="utf-8")
    proc = cli.run("graph", "ingest", str(missing), str(mixed))  # one good file: success
    reports = [json.loads(line) for line in proc.stdout.splitlines()]
    assert (reports[1]["rows"], reports[1]["added"], reports[1]["errors"]) == (2, 2, 2)
    rows = [json.loads(line)["row"] for line in proc.stderr.splitlines() if line.startswith("{")]
    assert rows == [0, 3, 4]

    assert cli.run("graph", "ingest", str(mixed), "--kind", "chats", check=2).stdout == ""
    short_key = tmp_path / "short.key"
    short_key.write_bytes(b"too short")
    assert "32 bytes" in cli.run("graph", "ingest", str(mixed), "--hmac-key-file", str(short_key), check=2).stderr


def test_ingest_of_unknown_headers_exits_2_and_of_only_bad_rows_exits_1(cli: Cli, tmp_path: Path) -> None:
    unknown = tmp_path / "unknown.csv"
    unknown.write_text("from,to,when\na,b,1\n", encoding="utf-8")
    proc = cli.run("graph", "ingest", str(unknown), check=2)
    assert "cannot tell the event kind" in proc.stderr
    lacking = tmp_path / "lacking.csv"
    lacking.write_text("sender,to\na,b\n", encoding="utf-8")
    assert "lacks required column" in cli.run("graph", "ingest", str(lacking), "--kind", "messages", check=2).stderr
    bad_rows = tmp_path / "bad_rows.csv"
    bad_rows.write_text("sender,recipient\na,\n,b\n", encoding="utf-8")
    assert cli.run("graph", "ingest", str(bad_rows), check=1).stdout  # read, but no usable row


def test_cli_hmac_ingest_keeps_no_raw_identifier(cli: Cli, tmp_path: Path) -> None:
    key = tmp_path / "shared.key"
    key.write_bytes(b"0123456789abcdef0123456789abcdef\n")
    ids = write_csv(tmp_path / "ids.csv", ("account", "kind", "value"),
                    [("a", "email", "Pat.Doe@gmail.com"), ("b", "email", "patdoe@gmail.com"),
                     ("a", "phone", "+44 7700 900555"), ("b", "phone", "+447700900555")])
    cli.run("graph", "ingest", str(ids), "--hmac-key-file", str(key))
    with sqlite3.connect(cli.home / "childsafe.sqlite3") as conn:
        values = [v for (v,) in conn.execute("SELECT value FROM graph_identifiers")]
    assert len(values) == 2 and all(len(v) == 64 and "doe" not in v for v in values)
    person, = cli.json_lines("graph", "link")
    assert person["accounts"] == ["a", "b"]
    assert {s["what"].split(":")[0] for s in person["evidence"][0]["shared"]} == {"email_hmac", "phone_hmac"}


def test_labels_seed_the_ranking_and_cleared_accounts_drop_out(cli: Cli, tmp_path: Path) -> None:
    events = write_csv(tmp_path / "ids.csv", ("account", "kind", "value"),
                       [("boss", "device", "d1"), ("helper", "device", "d1"), ("helper", "payment", "p1"),
                        ("runner", "payment", "p1"), ("bystander", "email", "b@example.org")])
    cli.run("graph", "ingest", str(events))
    assert cli.json_lines("graph", "label", "boss", "--as", "confirmed", "--reason", "case 17") == [
        {"account": "boss", "label": "confirmed", "reason": "case 17"}]
    assert [lead["account"] for lead in cli.json_lines("graph", "rank")] == ["helper", "runner"]
    cli.run("graph", "label", "helper", "--as", "cleared")
    assert [lead["account"] for lead in cli.json_lines("graph", "rank")] == ["runner"]
    assert cli.run("graph", "label", "runner", "--as", "guilty", check=2).stdout == ""


GROOMING_LINES = ["hi there", "how old are you", "are you home alone", "you are so mature for your age",
                  "add me on snap", "don't tell your mom about us", "this is our secret", "let's meet at the mall"]
ORDINARY_LINES = ["hi", "13", "yes", "thanks", "ok", "ok", "ok", "maybe"]


def test_text_score_stores_author_risk_that_rank_joins(cli: Cli, tmp_path: Path) -> None:
    events = write_csv(tmp_path / "m.csv", ("sender", "recipient", "timestamp", "platform"),
                       [("stranger", "kid", "1700000000", "game"), ("kid", "stranger", "1700000100", "game"),
                        ("kid", "friend", "1700000200", "game")])
    accounts = write_csv(tmp_path / "a.csv", ("account", "declared_age"), [("kid", "13"), ("stranger", "16")])
    cli.run("graph", "ingest", str(events), str(accounts))
    chat = []
    for mine, theirs in zip(GROOMING_LINES, ORDINARY_LINES, strict=True):
        chat += [{"conversation_id": "c1", "author": "stranger", "text": mine},
                 {"conversation_id": "c1", "author": "kid", "text": theirs}]
    scored, = cli.json_lines("text", "score", str(write_jsonl(tmp_path / "chat.jsonl", chat)))
    risk = {a["author"]: a["risk"] for a in scored["authors"]}
    assert risk["stranger"] > risk["kid"]

    leads = {lead["account"]: lead for lead in cli.json_lines("graph", "rank")}
    text_risk = next(r for r in leads["stranger"]["reasons"] if r["type"] == "text_risk")
    assert text_risk["risk"] == pytest.approx(risk["stranger"], abs=1e-4)  # the score output is rounded
    assert list(leads)[0] == "stranger"

    other = [{"conversation_id": "c2", "author": "friend", "text": line} for line in GROOMING_LINES]
    cli.run("text", "score", "--no-store", str(write_jsonl(tmp_path / "other.jsonl", other)))
    with sqlite3.connect(cli.home / "childsafe.sqlite3") as conn:
        stored = dict(conn.execute("SELECT author, conversations FROM author_risk").fetchall())
    assert stored == {"stranger": 1, "kid": 1}  # --no-store kept nothing of "friend"
    # the conversation analysis' roles reach the store and the network
    with sqlite3.connect(cli.home / "childsafe.sqlite3") as conn:
        roles = {a: (r, age) for a, r, age in conn.execute("SELECT author, role, stated_age FROM author_risk")}
    assert roles == {"stranger": ("suspect", None), "kid": ("at_risk", 13)}
