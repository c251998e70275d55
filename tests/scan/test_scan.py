"""``childsafe scan``: bad input never crashes the run, nothing finished is lost."""

from __future__ import annotations

import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from tests.cli_runner import Cli
from tests.conftest import make_picture


def _records(report: Path) -> dict[str, dict]:
    out = {}
    for line in report.read_text().splitlines():
        rec = json.loads(line)
        assert rec["path"] not in out, f"duplicate report line for {rec['path']}"
        out[rec["path"]] = rec
    return out


def _summary(proc: subprocess.CompletedProcess[str]) -> dict:
    last = json.loads(proc.stdout.splitlines()[-1])
    assert last["summary"] is True
    return last


@pytest.fixture
def case(tmp_path: Path) -> Path:
    """A folder with every kind of bad input next to good photos."""
    root = tmp_path / "case"
    (root / "sub").mkdir(parents=True)
    make_picture(1).save(root / "known.jpg", quality=90)
    make_picture(1).resize((160, 120)).save(root / "sub" / "known_small.png")
    make_picture(2).save(root / "other.jpg")
    (root / "zero.jpg").write_bytes(b"")
    data = (root / "other.jpg").read_bytes()
    (root / "truncated.jpg").write_bytes(data[: len(data) // 2])
    (root / "corrupt.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(300))
    (root / "photo.mp4").write_bytes(data)  # a JPEG named like a video
    (root / "fake.mp4").write_bytes(b"\x00\x00\x00\x18ftypisom" + os.urandom(500))
    (root / "notes.txt").write_text("plain text")
    os.symlink(root / "nowhere", root / "dangling")
    os.symlink(root / "loop", root / "loop")
    os.symlink(root, root / "sub" / "back-to-root")
    for i in range(3):  # identical content: perceptually hashed once
        make_picture(7).save(root / f"dup{i}.png")
    buf = io.BytesIO()
    make_picture(1).save(buf, "JPEG", quality=90)
    with zipfile.ZipFile(root / "photos.zip", "w") as zf:
        zf.writestr("inner/known.jpg", (root / "known.jpg").read_bytes())
        zf.writestr("../../escape.jpg", b"x")
        zf.writestr("readme.txt", "hi")
    with tarfile.open(root / "photos.tar.gz", "w:gz") as tf:
        info = tarfile.TarInfo("deep/other.jpg")
        info.size = len(data)
        tf.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("evil-link")
        link.type = tarfile.SYMTYPE
        link.linkname = "/etc/passwd"
        tf.addfile(link)
    with zipfile.ZipFile(root / "bomb.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        with zf.open("zeros.bin", "w") as member:
            chunk = b"\0" * (1 << 20)
            for _ in range(64):
                member.write(chunk)
    (root / "broken.zip").write_bytes(b"PK\x03\x04" + os.urandom(200))
    return root


def test_scan_reports_every_item_and_never_crashes(cli: Cli, case: Path, tmp_path: Path) -> None:
    cli.run("bank", "create", "known")
    cli.run("bank", "add", "known", str(case / "known.jpg"), "--label", "cat-a")
    report = tmp_path / "report.jsonl"
    proc = cli.run("scan", str(case), "--report", str(report), "--workers", "2")
    summary = _summary(proc)
    recs = _records(report)
    assert len(proc.stdout.splitlines()) == 1  # only the summary on stdout with --report
    assert summary["files"] == len(recs)
    assert summary["errors"] == sum(1 for r in recs.values() if r["error"])
    assert summary["matched"] == sum(1 for r in recs.values() if r["matches"])

    def rec(name: str) -> dict:
        return recs[str(case / name)]

    assert rec("known.jpg")["matches"][0]["distance"] == 0
    assert rec("known.jpg")["matches"][0]["label"] == "cat-a"
    assert 0 < rec("sub/known_small.png")["matches"][0]["distance"] <= 31
    assert rec("other.jpg")["matches"] == []
    assert rec("photo.mp4")["content_type"] == "photo" and rec("photo.mp4")["pdq"]
    for name in ("truncated.jpg", "corrupt.png", "fake.mp4", "dangling", "loop"):
        assert rec(name)["error"], name
    assert "loop" in rec("loop")["error"]
    assert "symlink loop" in recs[str(case / "sub" / "back-to-root")]["error"]
    assert rec("zero.jpg")["error"] is None and rec("zero.jpg")["content_type"] == "other"
    assert rec("zero.jpg")["sha256"] == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
    # archives are read in place, members reported under the archive's path
    zip_member = recs[f"{case}/photos.zip!/inner/known.jpg"]
    assert zip_member["matches"] and zip_member["matches"][0]["distance"] == 0
    assert any("escape" in p and recs[p]["error"] for p in recs)
    assert not (tmp_path / "escape.jpg").exists()
    assert recs[f"{case}/photos.tar.gz!/deep/other.jpg"]["pdq"]
    assert any(p.endswith("evil-link") and recs[p]["error"] for p in recs)
    assert rec("photos.zip")["archive"] == "zip" and rec("photos.zip")["sha256"]
    bomb_errors = [r for p, r in recs.items() if p.startswith(f"{case}/bomb.zip") and r["error"]]
    assert bomb_errors
    assert any(p.startswith(f"{case}/broken.zip") and r["error"] for p, r in recs.items())
    # identical files: one perceptual hash, copied to the others
    dups = [rec(f"dup{i}.png") for i in range(3)]
    assert len({d["pdq"]["hash"] for d in dups}) == 1
    assert sum(1 for d in dups if "duplicate_of" not in d) == 1
    assert summary["duplicates"] >= 2


def test_scan_exits_zero_when_only_items_failed(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(b"\xff\xd8\xff garbage")
    proc = cli.run("scan", str(folder), "--workers", "1")
    lines = [json.loads(x) for x in proc.stdout.splitlines()]
    assert lines[0]["error"] and lines[-1]["errors"] == 1  # no --report: lines on stdout


def test_rescan_skips_finished_files_and_reports_them_all(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    for i in range(5):
        make_picture(i).save(folder / f"{i}.png")
    first = _summary(cli.run("scan", str(folder), "--report", str(tmp_path / "r1")))
    second = _summary(cli.run("scan", str(folder), "--report", str(tmp_path / "r2")))
    assert (first["files"], first["resumed"]) == (5, 0)
    assert (second["files"], second["resumed"]) == (5, 5)
    assert _records(tmp_path / "r1").keys() == _records(tmp_path / "r2").keys()
    # a changed file is hashed again
    make_picture(99).save(folder / "0.png")
    third = _summary(cli.run("scan", str(folder), "--report", str(tmp_path / "r3")))
    assert third["resumed"] == 4
    changed = str(folder / "0.png")
    assert _records(tmp_path / "r3")[changed]["pdq"] != _records(tmp_path / "r1")[changed]["pdq"]


def test_matches_are_recomputed_for_resumed_files(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    make_picture(5).save(folder / "a.png")
    cli.run("scan", str(folder))
    cli.run("bank", "create", "late")
    cli.run("bank", "add", "late", str(folder / "a.png"))
    lines = cli.json_lines("scan", str(folder))
    assert lines[-1]["resumed"] == 1 and lines[0]["matches"]


@pytest.mark.slow
def test_kill_minus_nine_loses_nothing(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(150):
        make_picture(i, (480, 360)).save(folder / f"{i:03d}.png")
    env = dict(os.environ, CHILDSAFE_HOME=str(cli.home))
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "scan", str(folder), "--workers", "1",
                             "--report", str(tmp_path / "r1")], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    db = cli.home / "childsafe.sqlite3"
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=1) as conn:
                    stored = conn.execute("select count(*) from scan_items").fetchone()[0]
            except sqlite3.Error:
                continue
            if stored >= 10:
                break
    assert proc.poll() is None, "scan finished before it could be killed; make it bigger"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    second = cli.run("scan", str(folder), "--report", str(tmp_path / "r2"))
    summary = _summary(second)
    recs = _records(tmp_path / "r2")
    assert len(recs) == 150 and summary["files"] == 150
    assert summary["resumed"] >= stored >= 10
    assert all(r["pdq"] and r["error"] is None for r in recs.values())


def test_ctrl_c_saves_what_is_done(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(120):
        make_picture(i, (480, 360)).save(folder / f"{i:03d}.png")
    env = dict(os.environ, CHILDSAFE_HOME=str(cli.home))
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "scan", str(folder), "--workers", "1"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    seen = 0
    for _ in proc.stdout:
        seen += 1
        if seen == 5:
            proc.send_signal(signal.SIGINT)
            break
    rest, _ = proc.communicate(timeout=120)
    summary = json.loads(rest.splitlines()[-1])
    assert proc.returncode == 130 and summary["interrupted"] is True
    again = _summary(cli.run("scan", str(folder)))
    assert again["files"] == 120 and again["resumed"] >= 5


def test_single_file_and_bank_filter(cli: Cli, tmp_path: Path) -> None:
    photo = tmp_path / "p.png"
    make_picture(3).save(photo)
    for bank in ("a", "b"):
        cli.run("bank", "create", bank)
        cli.run("bank", "add", bank, str(photo))
    lines = cli.json_lines("scan", str(photo), "--bank", "b")
    assert {m["bank"] for m in lines[0]["matches"]} == {"b"}
    assert lines[-1]["files"] == 1


def test_file_size_limit_comes_from_settings(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "big.bin").write_bytes(b"x" * 5000)
    (folder / "small.bin").write_bytes(b"x" * 10)
    cli.home.mkdir(parents=True)
    (cli.home / "config.toml").write_text("max_file_bytes = 1000\n")
    lines = cli.json_lines("scan", str(folder))
    by_name = {Path(r["path"]).name: r for r in lines[:-1]}
    assert "exceeds the limit" in by_name["big.bin"]["error"]
    assert by_name["small.bin"]["error"] is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_reported(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    secret = folder / "secret.jpg"
    secret.write_bytes(b"\xff\xd8\xff")
    secret.chmod(0)
    lines = cli.json_lines("scan", str(folder))
    assert "permission denied" in lines[0]["error"].lower()


def test_rescan_reports_archive_members_from_the_store(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    with zipfile.ZipFile(folder / "a.zip", "w") as zf:
        for i in range(3):
            buf = io.BytesIO()
            make_picture(i).save(buf, "PNG")
            zf.writestr(f"p{i}.png", buf.getvalue())
    first = cli.json_lines("scan", str(folder))
    second = cli.json_lines("scan", str(folder))
    assert second[-1]["resumed"] == 1  # the archive itself; its members come back from the store
    assert sorted(r["path"] for r in first[:-1]) == sorted(r["path"] for r in second[:-1])
    assert len(second) - 1 == 4 and all(r["error"] is None for r in second[:-1])
