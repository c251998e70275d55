"""``childsafe audit verify|checkpoint`` with the key file and checkpoints, run as a user runs them."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

from tests.cli_runner import Cli


def _setup(cli: Cli) -> Path:
    made = cli.run("user", "create", "bot", "--role", "api-client")
    key = cli.home / "audit.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert f"created the audit key file {key}" in made.stderr
    assert key.read_text(encoding="ascii").strip() not in made.stderr + made.stdout
    cli.run("token", "create", "bot")
    cli.run("user", "create", "bot2", "--role", "api-client")
    return cli.home / "childsafe.sqlite3"


def test_checkpoint_then_verify_catches_a_truncation_the_head_agrees_with(cli: Cli) -> None:
    db = _setup(cli)
    written = cli.json_lines("audit", "checkpoint")
    assert [(c["entries"], c["last_id"]) for c in written] == [(3, 3)]
    lines = (cli.home / "audit-checkpoints.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["mac"] for line in lines] == [written[0]["mac"]]
    verified = cli.run("audit", "verify")
    assert verified.stdout == "ok\n" and "consistent with the checkpoint" in verified.stderr
    with sqlite3.connect(db) as conn:  # cut the last entry, and make the head agree
        conn.execute("DELETE FROM audit_log WHERE id = 3")
        conn.execute("UPDATE audit_head SET last_id = 2, entries = 2, hash = (SELECT hash FROM audit_log WHERE id = 2),"
                     " mac = (SELECT mac FROM audit_log WHERE id = 2)")
    broken = cli.run("audit", "verify", check=6)
    assert broken.stdout == "" and "(truncated)" in broken.stderr and "entry 3" in broken.stderr
    refused = cli.run("audit", "checkpoint", check=6)  # a broken log is never checkpointed
    assert "truncated" in refused.stderr
    assert len((cli.home / "audit-checkpoints.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_a_forged_checkpoint_and_a_shared_key_file_are_refused(cli: Cli, tmp_path: Path) -> None:
    _setup(cli)
    elsewhere = tmp_path / "anchors" / "cp.jsonl"
    assert cli.json_lines("audit", "checkpoint", "--to", str(elsewhere))[0]["entries"] == 3
    cli.run("audit", "verify", "--against", str(elsewhere))
    line = json.loads(elsewhere.read_text(encoding="utf-8"))
    elsewhere.write_text(json.dumps({**line, "entries": 2}) + "\n", encoding="utf-8")
    forged = cli.run("audit", "verify", "--against", str(elsewhere), check=6)
    assert "(checkpoint forged)" in forged.stderr and str(elsewhere) in forged.stderr
    os.chmod(cli.home / "audit.key", 0o644)
    shared = cli.run("audit", "verify", check=2)
    assert "chmod 600" in shared.stderr


def test_verify_with_checkpoint_appends_one(cli: Cli) -> None:
    _setup(cli)
    cli.run("audit", "verify", "--checkpoint")
    cli.run("user", "disable", "bot2")
    done = cli.run("audit", "verify", "--checkpoint")
    assert "checkpoint of 4 entries written" in done.stderr
    lines = (cli.home / "audit-checkpoints.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(x)["entries"] for x in lines] == [3, 4]
