"""``childsafe case run`` and ``case report`` as users run them: the JSON summary as the last stdout
line, the report's four files and its hashes in the case's audit log, and a run killed with SIGKILL in
the middle of the media walk that, run again, gives the same findings as an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from PIL import ImageDraw
from tests.case.mixed import build_mixed_case, services_with_bank
from tests.cli_runner import Cli
from tests.conftest import make_picture

from childsafe.case.registry import CaseRegistry
from childsafe.config import load_settings
from childsafe.services import Services
from childsafe.store.case_stages import CaseStageStore

#: Pictures in the case killed mid-walk: with faces on, seconds of walk even on an idle machine.
_PICTURES = 80


def _new_case(home: Path, name: str, paths: list[Path]) -> Path:
    """A case made with ``case new`` and ``case add`` in a home holding the sample bank; the case
    store's SQLite file."""
    services_with_bank(home).close()
    cli = Cli(home)
    cli.run("case", "new", name)
    if paths:
        cli.run("case", "add", name, *map(str, paths))
    house = Services(load_settings({"home": home}, environ={}))
    try:
        opened = CaseRegistry(house).open(name)
        try:
            url = opened.store.url
        finally:
            opened.close()
    finally:
        house.close()
    return Path(url.removeprefix("sqlite:///"))


def _findings(folder: Path) -> list[str]:
    return sorted((folder / "findings.jsonl").read_text(encoding="utf-8").splitlines())


def test_case_run_and_report_from_the_command_line(tmp_path: Path) -> None:
    case = build_mixed_case(tmp_path / "evidence")
    cli = Cli(tmp_path / "home")
    _new_case(cli.home, "op-harbour", [case, tmp_path / "evidence" / "phone.zip"])
    proc = cli.run("case", "run", "op-harbour", "--no-faces", "--no-triage", "--workers", "1")
    summary = json.loads(proc.stdout.splitlines()[-1])
    assert summary["case"] == "op-harbour" and not summary["interrupted"]
    assert summary["findings"]["known_media"] >= 2 and summary["findings"]["at_risk"] >= 2
    assert "case run: media" in proc.stderr and "case run: ranking" in proc.stderr
    again = json.loads(cli.run("case", "run", "op-harbour", "--no-faces", "--no-triage").stdout.splitlines()[-1])
    assert all(s["skipped"] for s in again["stages"] if s["stage"] != "survey")

    out = tmp_path / "report"
    written = json.loads(cli.run("case", "report", "op-harbour", "--out", str(out)).stdout.splitlines()[-1])
    for name in ("report.html", "report.pdf", "findings.jsonl", "custody.jsonl"):
        assert (out / name).is_file()
    raw = _findings(out)
    assert len(set(raw)) == len(raw), "the zip was added inside its folder too: walked once, each finding once"
    lines = [json.loads(x) for x in raw]
    assert all({"kind", "score", "label", "where", "explanation"} <= set(x) for x in lines)
    media = [x for x in lines if x["kind"] == "known_media"]
    assert media and all("path" in x["where"] for x in media)
    people = [x for x in lines if x["kind"] in ("suspect", "at_risk")]
    assert people and all("account" in x["where"] for x in people)
    assert any(x["where"].get("display_name") == "max_t" for x in people)
    custody = [json.loads(x) for x in (out / "custody.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any(c["path"].endswith("result.json") and c["hashes"]["sha256"] for c in custody)
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "don&#39;t tell your mom" in html or "don't tell your mom" in html  # the indicator message, re-read
    # The report's hashes are in the case's own audit log.
    house = Services(load_settings({"home": cli.home}, environ={}))
    try:
        opened = CaseRegistry(house).open("op-harbour")
        try:
            entries = [e for e in opened.service_store().audit_entries() if e.action == "case.report"]
        finally:
            opened.close()
    finally:
        house.close()
    assert entries and json.dumps(entries[-1].details).count(written["html_sha256"]) == 1


def test_a_case_with_nothing_added_or_unknown_is_refused(tmp_path: Path) -> None:
    cli = Cli(tmp_path / "home")
    _new_case(cli.home, "empty", [])
    proc = cli.run("case", "run", "empty", check=None)
    assert proc.returncode == 2 and "nothing added" in proc.stderr
    assert cli.run("case", "report", "no-such-case", "--out", str(tmp_path / "r"), check=None).returncode == 3


def test_a_run_killed_mid_walk_reruns_to_the_same_report_findings(tmp_path: Path) -> None:
    evidence = build_mixed_case(tmp_path / "evidence")
    many = evidence / "many"
    many.mkdir()
    bases = [make_picture(i) for i in range(4)]
    for i in range(_PICTURES):  # with faces on, the walk takes seconds: it is still running when killed
        picture = bases[i % 4].copy()
        ImageDraw.Draw(picture).rectangle((i, i, i + 12, i + 9), fill=(i * 3 % 256, 40, 200))  # each one its own
        picture.save(many / f"p{i:03d}.jpg", quality=90)
    clean = Cli(tmp_path / "clean")
    _new_case(clean.home, "op", [evidence])
    clean.run("case", "run", "op", "--no-triage", "--workers", "1")

    killed = Cli(tmp_path / "killed")
    store = _new_case(killed.home, "op", [evidence])
    env = dict(os.environ, CHILDSAFE_HOME=str(killed.home))
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "case", "run", "op", "--no-triage", "--workers", "1"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while proc.poll() is None and time.monotonic() < deadline:
            if _scanned(store) > 0:  # the walk has committed its first batch: kill it mid-stage
                proc.send_signal(signal.SIGKILL)
                break
            time.sleep(0.02)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL, "the run finished before it could be killed"
    assert 0 < _scanned(store) < _PICTURES
    rerun = json.loads(killed.run("case", "run", "op", "--no-triage", "--workers", "1").stdout.splitlines()[-1])
    media = next(s for s in rerun["stages"] if s["stage"] == "media")
    assert "resumed" in media["note"] and not media["note"].startswith("0 matched")
    # What the report is made of (its findings.jsonl is these, one line each) is the same.
    assert _stored_findings(killed.home) == _stored_findings(clean.home)


def _stored_findings(home: Path) -> list[str]:
    house = Services(load_settings({"home": home}, environ={}))
    try:
        opened = CaseRegistry(house).open("op")
        try:
            found = CaseStageStore(opened.store, "op").findings()
            return sorted(json.dumps(f.to_record(), sort_keys=True) for f in found)
        finally:
            opened.close()
    finally:
        house.close()


def _scanned(store: Path) -> int:
    try:
        with sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=0.1) as conn:
            return int(conn.execute("SELECT count(*) FROM scan_items").fetchone()[0])
    except sqlite3.Error:
        return 0
