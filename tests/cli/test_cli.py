"""The command-line interface exactly as later checks call it."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

from tests.cli_runner import Cli

PDQ = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"


def test_hash_prints_one_object_per_file(cli: Cli, picture_file, tmp_path: Path) -> None:
    photo = picture_file("a.jpg")
    other = tmp_path / "notes.txt"
    other.write_text("hello")
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 truncated")
    # Every file gets its line; the missing path then exits 2 (README: usage error, missing path).
    lines = cli.json_lines("hash", str(photo), str(other), str(bad), str(tmp_path / "missing.jpg"), check=2)
    assert [line["path"] for line in lines] == [str(photo), str(other), str(bad), str(tmp_path / "missing.jpg")]
    for line in lines:
        assert {"path", "content_type", "md5", "sha1", "sha256", "pdq", "error"} <= set(line)
    assert lines[0]["content_type"] == "photo" and lines[0]["error"] is None
    assert set(lines[0]["pdq"]) == {"hash", "quality"} and len(lines[0]["pdq"]["hash"]) == 64
    assert lines[0]["sha256"] == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert lines[1]["content_type"] == "other" and lines[1]["pdq"] is None
    assert lines[1]["md5"] == hashlib.md5(b"hello").hexdigest()
    assert lines[2]["error"] and lines[3]["error"]


def test_bank_commands_and_match(cli: Cli, picture_file, tmp_path: Path) -> None:
    assert cli.json_lines("bank", "create", "known", "--threshold", "20")[0]["pdq_threshold"] == 20
    cli.json_lines("bank", "create", "fp", "--allowlist")
    listed = cli.json_lines("bank", "list")
    assert [(b["name"], b["allowlist"]) for b in listed] == [("fp", True), ("known", False)]
    photo = picture_file("a.jpg")
    added = cli.json_lines("bank", "add", "known", str(photo), "--label", "cat-a")
    assert added[0]["added"] == 4 and added[0]["signals"] == ["md5", "pdq", "sha1", "sha256"]
    pdq = cli.json_lines("hash", str(photo))[0]["pdq"]["hash"]
    result = cli.json_lines("match", "pdq", pdq)[0]
    assert result == {"matches": [{"bank": "known", "signal_type": "pdq", "signal": pdq, "distance": 0,
                                   "label": "cat-a", "source": "a.jpg"}]}
    md5 = hashlib.md5(photo.read_bytes()).hexdigest()
    assert cli.json_lines("match", "md5", md5)[0]["matches"][0]["signal_type"] == "md5"
    assert cli.json_lines("match", "sha1", "0" * 40)[0] == {"matches": []}
    cli.json_lines("bank", "disable", "known")
    assert cli.json_lines("match", "pdq", pdq)[0] == {"matches": []}
    cli.json_lines("bank", "enable", "known")
    cli.json_lines("bank", "delete", "known")
    assert [b["name"] for b in cli.json_lines("bank", "list")] == ["fp"]


def test_import_export_round_trip_in_every_format(cli: Cli, tmp_path: Path) -> None:
    src = tmp_path / "list.csv"
    with open(src, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["signal_type", "signal", "label", "source"])
        w.writerow(["pdq", PDQ, "category:1", "hotline"])
        w.writerow(["md5", "d41d8cd98f00b204e9800998ecf8427e", "category:2", "police"])
        w.writerow(["sha1", "da39a3ee5e6b4b0d3255bfef95601890afd80709", "category:2", "police"])
    cli.json_lines("bank", "create", "b")
    summary = cli.json_lines("bank", "import", "b", str(src))[0]
    assert (summary["read"], summary["added"], summary["invalid"]) == (3, 3, 0)
    for fmt in ("te", "csv", "vics"):
        out = tmp_path / f"out.{fmt}"
        cli.run("bank", "export", "b", "--format", fmt, "-o", str(out))
        cli.json_lines("bank", "create", f"copy-{fmt}")
        again = cli.json_lines("bank", "import", f"copy-{fmt}", str(out), "--format", fmt)[0]
        expected = 2 if fmt == "vics" else 3  # VICS carries no PDQ
        assert again["added"] == expected, fmt
    stdout = cli.run("bank", "export", "b", "--format", "te").stdout
    assert f"pdq {PDQ}" in stdout.splitlines()


def test_malformed_list_is_rejected_whole_with_line_numbers(cli: Cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text(f"pdq {PDQ}\nmd5 nothex\n# comment\npdq {PDQ[:-2]}\n")
    cli.json_lines("bank", "create", "b")
    proc = cli.run("bank", "import", "b", str(bad), "--format", "te", check=4)
    assert "line 2" in proc.stderr and "line 4" in proc.stderr
    assert cli.json_lines("bank", "list")[0]["entries"] == 0
    ok = cli.json_lines("bank", "import", "b", str(bad), "--format", "te", "--skip-invalid")[0]
    assert (ok["added"], ok["invalid"]) == (1, 2)
    assert [p["line"] for p in ok["problems"]] == [2, 4]


def test_usage_and_lookup_errors_have_distinct_exit_codes(cli: Cli, tmp_path: Path) -> None:
    assert cli.run("scan", str(tmp_path / "nowhere"), check=None).returncode == 2
    assert cli.run("match", "pdq", "xyz", check=None).returncode == 2
    assert cli.run("match", "photodna", "00", check=None).returncode == 2
    assert cli.run("bank", "delete", "nope", check=None).returncode == 3
    assert cli.run("bank", "import", "nope", str(tmp_path), check=None).returncode == 2
    assert cli.run("frobnicate", check=None).returncode == 2
    proc = cli.run("bank", "add", "nope", str(tmp_path), check=3)
    assert "bank list" in proc.stderr  # says how to fix it


def test_home_and_db_options(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere"
    cli.run("--home", str(other), "bank", "create", "x")
    assert (other / "childsafe.sqlite3").exists()
    assert cli.json_lines("bank", "list") == []
    db = tmp_path / "custom.db"
    cli.run("--db", f"sqlite:///{db}", "bank", "create", "y")
    assert db.exists()
    assert [b["name"] for b in cli.json_lines("--db", f"sqlite:///{db}", "bank", "list")] == ["y"]


def test_demo_finds_what_the_samples_plant(cli: Cli) -> None:
    proc = cli.run("demo")
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    summary = lines[-1]
    assert summary["summary"] is True and summary["errors"] == 1
    by_path = {r["path"]: r for r in lines[:-1]}
    matched = {p for p, r in by_path.items() if r["matches"]}
    assert {"IMG_0001.jpg", "backup/IMG_0001 (copy).jpg", "forest_small.jpg", "tiles_rotated.png",
            "download.jpg", "clip.mp4", "export.zip!/DCIM/harbour.jpg"} <= matched
    assert "holiday.jpg" not in matched and "wallpaper.jpg" not in matched
    assert by_path["wallpaper.jpg"]["allowlisted"]
    assert by_path["broken.jpg"]["error"]
    assert {m["signal_type"] for m in by_path["clip.mp4"]["matches"]} == {"vpdq", "video_md5"}
    assert "MATCH" in proc.stderr
    # The whole sample case: chats and events join the media, and the report is written.
    case = summary["case"]
    assert case["inputs"]["chat"] == 2 and case["inputs"]["events"] == 3
    assert case["findings"]["suspect"] >= 2 and case["findings"]["at_risk"] >= 2
    findings = [json.loads(x) for x in (Path(summary["report"]).parent / "findings.jsonl").read_text().splitlines()]
    suspects = {f["where"].get("account"): f for f in findings if f["kind"] == "suspect" and f["source"] == "graph"}
    assert any(e["kind"] == "known_media" for e in suspects["user1001"]["explanation"]["evidence"])
    assert {"user2002", "Sam"} <= {f["where"].get("account") for f in findings if f["kind"] == "at_risk"}
    assert suspects["user1001"]["where"]["display_name"] == "max_t"
    assert Path(summary["report"]).parent.joinpath("report.pdf").is_file()
    assert "AT-RISK" in proc.stderr and "report written to" in proc.stderr


def test_bank_changes_from_the_cli_are_audited(cli: Cli, tmp_path: Path) -> None:
    """Creating, importing into, re-thresholding and deleting a bank each leave a verified audit entry."""
    from childsafe.store import open_store
    from childsafe.store.service import ServiceStore

    hashes = tmp_path / "list.csv"
    hashes.write_text("signal_type,signal\nmd5," + "a" * 32 + "\nmd5," + "b" * 32 + "\n", encoding="utf-8")
    cli.run("bank", "create", "audited")
    assert cli.json_lines("bank", "import", "audited", str(hashes))[0]["added"] == 2
    cli.run("bank", "threshold", "audited", "20")
    cli.run("bank", "delete", "audited")
    store = open_store(f"sqlite:///{cli.home / 'childsafe.sqlite3'}")
    try:
        service = ServiceStore(store)
        entries = service.audit_entries()
        assert [(e.action, e.target) for e in entries] == [
            ("bank.create", "audited"), ("bank.import", "audited"), ("bank.update", "audited"),
            ("bank.delete", "audited")]
        assert all(e.actor.startswith("cli:") for e in entries)
        assert service.verify_audit().ok
    finally:
        store.close()
