"""``childsafe case`` and ``--case``: records go to the case's store, delete removes them (SQLite, PostgreSQL)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from tests.cli_runner import Cli
from tests.postgres import postgres_url, reset_postgres

from childsafe.samples import SAMPLES_DIR

PG_URL = postgres_url()


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def backend_cli(request: pytest.FixtureRequest, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> Cli:
    if request.param == "postgresql":
        reset_postgres(PG_URL)
        monkeypatch.setenv("CHILDSAFE_DB", PG_URL)
        request.addfinalizer(lambda: reset_postgres(PG_URL))
    else:
        monkeypatch.delenv("CHILDSAFE_DB", raising=False)
    return cli


def _listed(cli: Cli) -> dict[str, dict]:
    return {c["name"]: c for c in cli.json_lines("case", "list")}


def test_cases_keep_their_scans_apart_and_delete_removes_one(backend_cli: Cli, tmp_path: Path) -> None:
    cli = backend_cli
    evidence = tmp_path / "evidence"
    evidence.mkdir()
    for name in ("forest.jpg", "harbour.jpg"):
        shutil.copy(SAMPLES_DIR / name, evidence / name)
    cli.json_lines("bank", "create", "known")
    cli.json_lines("bank", "add", "known", str(evidence / "forest.jpg"), "--label", "listed")
    made = cli.json_lines("case", "new", "alpha", "--note", "reference folder")[0]
    assert made["name"] == "alpha" and made["created_by"].startswith("cli")
    cli.json_lines("case", "new", "beta")
    assert cli.run("case", "new", "alpha", check=3).stderr.count("already exists") == 1
    assert cli.run("case", "new", "a/b", check=2).stderr.startswith("error: invalid case name")

    summary = cli.json_lines("scan", str(evidence), "--case", "alpha", "--workers", "1")[-1]
    assert summary["files"] == 2 and summary["matched"] == 1
    listed = _listed(cli)
    assert list(listed) == ["default", "alpha", "beta"]
    assert listed["alpha"]["counts"]["scan_items"] == 2
    assert "scan_items" not in listed["beta"]["counts"] and "scan_items" not in listed["default"]["counts"]
    assert cli.run("scan", str(evidence), "--case", "nope", check=3).stderr.startswith("error: no case named")

    added = cli.json_lines("case", "add", "beta", str(evidence), str(tmp_path / "gone"), check=2)[0]
    assert [i["path"] for i in added["added"]] == [str(evidence.resolve())] and len(added["errors"]) == 1
    again = cli.json_lines("case", "add", "beta", str(evidence))[0]
    assert again["added"] == [] and again["already"] == [str(evidence.resolve())]
    assert _listed(cli)["beta"]["inputs"] == 1

    assert cli.run("case", "delete", "alpha", check=2).stderr.count("--yes") == 1  # not a terminal
    assert cli.run("case", "delete", "default", "--yes", check=2).stderr.count("main store") == 1
    deleted = cli.json_lines("case", "delete", "alpha", "--yes")[0]
    assert deleted["removed"]["scan_items"] == 2 and deleted["deleted"] is True
    listed = _listed(cli)
    assert list(listed) == ["default", "beta"] and listed["beta"]["inputs"] == 1
    assert [b["name"] for b in cli.json_lines("bank", "list")] == ["known"]
    assert not (cli.home / "cases" / str(made["id"])).exists()
    audit = cli.json_lines("audit", "list")
    assert [e["action"] for e in audit if e["action"].startswith("case.")] == ["case.create", "case.create",
                                                                               "case.delete"]
    assert audit[-1]["details"]["removed"]["scan_items"] == 2
    assert cli.run("audit", "verify").stdout.strip() == "ok"
    beta_log = cli.json_lines("audit", "list", "--case", "beta")
    assert [e["action"] for e in beta_log] == ["case.add"]  # the case's own chain
    assert cli.run("audit", "verify", "--case", "beta").stdout.strip() == "ok"


def test_text_and_graph_records_go_to_the_case(cli: Cli, tmp_path: Path) -> None:
    chats = tmp_path / "chats.jsonl"
    chats.write_text('{"conversation_id": "c1", "author": "grown", "text": "how old are you"}\n'
                     '{"conversation_id": "c1", "author": "kid", "text": "13"}\n'
                     '{"conversation_id": "c1", "author": "grown", "text": "don\'t tell your mom about us"}\n'
                     '{"conversation_id": "c1", "author": "grown", "text": "add me on snap"}\n')
    events = tmp_path / "messages.csv"
    events.write_text("sender,recipient,timestamp\ngrown,kid,2024-01-01T00:00:00\n")
    cli.json_lines("case", "new", "alpha")
    cli.json_lines("text", "score", str(chats), "--case", "alpha")
    cli.json_lines("graph", "ingest", str(events), "--case", "alpha")
    assert cli.json_lines("graph", "stats", "--case", "alpha")[0]["messages"] == 1
    assert cli.json_lines("graph", "stats")[0]["messages"] == 0
    counts = _listed(cli)
    assert counts["alpha"]["counts"]["author_risk"] >= 1 and "author_risk" not in counts["default"]["counts"]
