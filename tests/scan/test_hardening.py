"""Issue 10 for ``childsafe scan``: crashes leave no media and no processes; archives at every depth
get one line; scan_roots hold per file; hashing options count on a rescan; names that lie warn."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import struct
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path
from typing import Any

import psutil
import pytest
from tests.cli_runner import Cli
from tests.conftest import make_picture

from childsafe.matching import Matcher
from childsafe.media.hashing import HashOptions
from childsafe.scan import ScanOptions, run_scan, walk
from childsafe.scan.walk import WalkError, WalkItem
from childsafe.store.sql import open_store

needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")


def records(report: Path) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for line in report.read_text().splitlines():
        rec = json.loads(line)
        assert rec["path"] not in out, f"two report lines for {rec['path']}"
        out[rec["path"]] = rec
    return out


def summary(proc: subprocess.CompletedProcess[str]) -> dict[str, Any]:
    last: dict[str, Any] = json.loads(proc.stdout.splitlines()[-1])
    return last


def jpeg(seed: int) -> bytes:
    buf = io.BytesIO()
    make_picture(seed).save(buf, "JPEG", quality=90)
    return buf.getvalue()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def tar_bytes(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return buf.getvalue()


# --------------------------------------------------------------------------- archives


def test_every_archive_at_every_depth_has_one_line_with_hashes_and_is_matched(cli: Cli, tmp_path: Path) -> None:
    banked = zip_bytes({"x.jpg": jpeg(3)})
    (tmp_path / "banked.zip").write_bytes(banked)
    cli.run("bank", "create", "known")
    cli.run("bank", "add", "known", str(tmp_path / "banked.zip"), "--label", "known-archive")
    depth3 = zip_bytes({"d3.jpg": jpeg(4)})
    depth2 = tar_bytes({"d3.zip": depth3, "d2.txt": b"two"})
    depth1 = zip_bytes({"d2.tar.gz": depth2, "banked.zip": banked})
    case = tmp_path / "case"
    case.mkdir()
    (case / "top.zip").write_bytes(zip_bytes({"d1.zip": depth1, "a.jpg": jpeg(5)}))
    report = tmp_path / "r.jsonl"
    cli.run("scan", str(case), "--report", str(report), "--workers", "1")
    recs = records(report)
    top = f"{case}/top.zip"
    archives = {top: "zip", f"{top}!/d1.zip": "zip", f"{top}!/d1.zip!/d2.tar.gz": "tar.gz",
                f"{top}!/d1.zip!/d2.tar.gz!/d3.zip": "zip", f"{top}!/d1.zip!/banked.zip": "zip"}
    for path, kind in archives.items():
        assert recs[path]["archive"] == kind, path
        assert recs[path]["sha256"] and recs[path]["md5"] and recs[path]["error"] is None, path
    assert recs[f"{top}!/d1.zip!/d2.tar.gz"]["sha256"] == hashlib.sha256(depth2).hexdigest()
    inner = recs[f"{top}!/d1.zip!/banked.zip"]
    assert {m["label"] for m in inner["matches"]} == {"known-archive"}  # a banked zip inside a zip
    assert recs[f"{top}!/d1.zip!/d2.tar.gz!/d3.zip!/d3.jpg"]["pdq"]
    assert recs[f"{top}!/d1.zip"]["members"] == 6
    # A rescan reports the same lines from the store.
    again = tmp_path / "r2.jsonl"
    assert summary(cli.run("scan", str(case), "--report", str(again)))["resumed"] == 1
    assert records(again).keys() == recs.keys()
    assert records(again)[f"{top}!/d1.zip!/banked.zip"]["matches"]


def test_an_archive_beyond_the_depth_limit_gets_exactly_one_line(cli: Cli, tmp_path: Path) -> None:
    cli.home.mkdir(parents=True, exist_ok=True)
    (cli.home / "config.toml").write_text("max_archive_depth = 1\n")
    case = tmp_path / "case"
    case.mkdir()
    deep = zip_bytes({"d3.jpg": jpeg(4)})
    (case / "top.zip").write_bytes(zip_bytes({"d1.zip": zip_bytes({"d2.zip": deep})}))
    report = tmp_path / "r.jsonl"
    cli.run("scan", str(case), "--report", str(report))
    recs = records(report)  # asserts one line per path
    too_deep = recs[f"{case}/top.zip!/d1.zip!/d2.zip"]
    assert too_deep["sha256"] and "exceeds 1, not opened" in too_deep["warning"]
    assert not [p for p in recs if p.startswith(f"{case}/top.zip!/d1.zip!/d2.zip!/")]


def overlapping_zip(copies: int, payload: bytes) -> bytes:
    data = zip_bytes({"f00": payload})
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<LL", data, eocd + 12)
    entry = data[cd_offset : cd_offset + cd_size]
    entries = b"".join(entry.replace(b"f00", b"f%02d" % i) for i in range(copies))
    end = bytearray(data[eocd:])
    struct.pack_into("<HHL", end, 8, copies, copies, len(entries))
    return data[:cd_offset] + entries + bytes(end)


def test_overlapping_zip_entries_are_refused_as_a_bomb(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    (case / "o.zip").write_bytes(overlapping_zip(40, os.urandom(100_000)))
    report = tmp_path / "r.jsonl"
    cli.run("scan", str(case), "--report", str(report))
    recs = records(report)
    assert list(recs) == [f"{case}/o.zip"]
    assert "zip bomb" in recs[f"{case}/o.zip"]["error"]


# --------------------------------------------------------------------------- scan_roots


def test_links_out_of_the_scan_roots_are_not_read(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "case" / "sub").mkdir(parents=True)
    outside = tmp_path / "secret"
    outside.mkdir()
    make_picture(1).save(outside / "private.jpg")
    make_picture(2).save(root / "case" / "inside.jpg")
    os.symlink(outside / "private.jpg", root / "case" / "link.jpg")
    os.symlink(outside, root / "case" / "sub" / "linked-folder")
    os.symlink(root / "case" / "inside.jpg", root / "case" / "sub" / "ok-link.jpg")  # stays inside
    found = {Path(i.path).name: i for i in walk(root / "case", (root,))}
    assert isinstance(found["link.jpg"], WalkError) and "scan_roots" in found["link.jpg"].message
    assert isinstance(found["linked-folder"], WalkError)
    assert isinstance(found["ok-link.jpg"], WalkItem) and isinstance(found["inside.jpg"], WalkItem)
    assert "private.jpg" not in found
    # The scan itself (as API jobs run it): the file outside is neither read nor stored.
    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        reported: list[dict[str, Any]] = []
        run_scan(root / "case", store, Matcher(store), ScanOptions(progress=False, roots=(root,)), reported.append)
        by_name = {Path(r["path"]).name: r for r in reported}
        assert by_name["link.jpg"]["sha256"] is None and "scan_roots" in by_name["link.jpg"]["error"]
        assert by_name["inside.jpg"]["pdq"]
        stored = store.load_scan_records([r["path"] for r in reported])
        assert stored[str(root / "case" / "link.jpg")].record["sha256"] is None
    finally:
        store.close()


# --------------------------------------------------------------------------- rescans


def test_hashing_options_and_no_resume_change_what_a_rescan_hashes(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    for i in range(3):
        make_picture(i).save(case / f"{i}.jpg")
    first = tmp_path / "r1.jsonl"
    cli.run("scan", str(case), "--report", str(first))
    assert not any("pdq_dihedral" in r for r in records(first).values())
    second = tmp_path / "r2.jsonl"
    s2 = summary(cli.run("scan", str(case), "--dihedral", "--report", str(second)))
    assert s2["resumed"] == 0
    assert all(len(r["pdq_dihedral"]) == 8 for r in records(second).values())
    s3 = summary(cli.run("scan", str(case), "--dihedral", "--report", str(tmp_path / "r3.jsonl")))
    assert s3["resumed"] == 3  # same options: nothing hashed again
    s4 = summary(cli.run("scan", str(case), "--dihedral", "--no-resume", "--report", str(tmp_path / "r4.jsonl")))
    assert s4["resumed"] == 0 and s4["files"] == 3


def test_options_fingerprint_covers_hashing_not_matching() -> None:
    base = ScanOptions()
    assert ScanOptions(hash_options=HashOptions(dihedral=True)).hashed_with() != base.hashed_with()
    assert ScanOptions(hash_options=HashOptions(pdq_quality_min=90)).hashed_with() == base.hashed_with()


# --------------------------------------------------------------------------- warnings


def test_a_name_that_lies_about_the_content_gets_a_warning(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    (case / "empty.jpg").write_bytes(b"")
    (case / "text.jpg").write_text("not a picture")
    make_picture(1).save(case / "fine.jpg")
    (case / "in.zip").write_bytes(zip_bytes({"x.png": b"plain text"}))
    report = tmp_path / "r.jsonl"
    cli.run("scan", str(case), "--report", str(report))
    recs = records(report)
    assert recs[f"{case}/empty.jpg"]["warning"] == "extension .jpg but the file is empty"
    assert recs[f"{case}/text.jpg"]["warning"] == "extension .jpg but content is not a photo or video"
    assert recs[f"{case}/in.zip!/x.png"]["warning"] == "extension .png but content is not a photo or video"
    assert "warning" not in recs[f"{case}/fine.jpg"]
    assert all(r["error"] is None for r in recs.values())


# --------------------------------------------------------------------------- kill -9


def make_video(path: Path, seconds: int) -> None:
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=640x480:rate=30",
                    "-t", str(seconds), "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast",
                    str(path)], check=True)


def descendants_by_marker(marker: str) -> list[psutil.Process]:
    """Processes started for one test run (the marker is in their inherited environment)."""
    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get("CHILDSAFE_TEST_RUN") == marker:
                found.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return [p for p in found if p.status() != psutil.STATUS_ZOMBIE]


@needs_ffmpeg
def test_kill_9_during_video_hashing_leaves_no_media_and_no_process(cli: Cli, tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    video = tmp_path / "v.mp4"
    make_video(video, 40)
    with zipfile.ZipFile(case / "clips.zip", "w", zipfile.ZIP_STORED) as zf:
        zf.write(video, "clip.mp4")
    spool = cli.home / "spool"
    marker = f"kill9-{os.getpid()}-{time.monotonic_ns()}"
    env = dict(os.environ, CHILDSAFE_HOME=str(cli.home), CHILDSAFE_TEST_RUN=marker)
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "scan", str(case), "--workers", "2"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        media: list[Path] = []
        while time.monotonic() < deadline and proc.poll() is None and not media:
            time.sleep(0.05)
            media = [p for p in spool.rglob("media-*")] if spool.exists() else []
        assert proc.poll() is None and media, "the scan should be hashing the video now"
        helpers = [p for p in descendants_by_marker(marker) if p.pid != proc.pid]
        assert helpers, "a scan runs worker processes"
        os.kill(proc.pid, signal.SIGKILL)  # the scan only: its workers must follow by themselves
        proc.wait()
        _gone, alive = psutil.wait_procs(helpers, timeout=30)
        assert alive == [], f"orphans survived the scan: {[p.cmdline() for p in alive]}"
        # The next run starts: the copy of the video is removed before anything else.
        cli.run("bank", "list")
        assert not any(p.is_file() for p in spool.rglob("*")), list(spool.rglob("*"))
        assert list(spool.iterdir()) == []
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for leftover in descendants_by_marker(marker):
            leftover.kill()


# --------------------------------------------------------------------------- durability of archives


def test_an_archive_is_not_stored_before_a_member_waiting_for_its_owner(tmp_path: Path) -> None:
    # Found by benchmarks/bench_kill_scan.py: a member whose identical content was being hashed
    # elsewhere waited for that owner; the archive's own record was committed meanwhile, so after
    # a kill -9 the next run resumed the archive and never reported the member.
    from concurrent.futures import Future

    from childsafe.media.hashing import FileHashes
    from childsafe.scan.runner import _ScanRun
    from childsafe.scan.walk import WalkItem
    from childsafe.scan.worker import ItemResult

    store = open_store(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        run = _ScanRun(tmp_path, store, Matcher(store), ScanOptions(progress=False), lambda _r: None)
        archive = str(tmp_path / "a.zip")
        container = ItemResult(archive, 10, 1, FileHashes(path=archive, sha256="aa"), archive="zip", members=2)
        member = ItemResult(f"{archive}!/x.jpg", 3, 1, FileHashes(path=f"{archive}!/x.jpg", sha256="bb"))
        waiting = ItemResult(f"{archive}!/dup.jpg", 3, 1,
                             FileHashes(path=f"{archive}!/dup.jpg", sha256="cc", duplicate_of="/elsewhere.jpg"))
        future: Future[list[ItemResult]] = Future()
        future.set_result([container, member, waiting])
        run._collect({future}, {future: WalkItem(archive, 10, 1)}, [])
        assert archive not in [r.key for r in run.batch]  # held back: a kill now re-hashes the archive
        owner_future: Future[list[ItemResult]] = Future()
        owner_future.set_result([ItemResult("/elsewhere.jpg", 3, 1, FileHashes(path="/elsewhere.jpg", sha256="cc"))])
        run._collect({owner_future}, {owner_future: WalkItem("/elsewhere.jpg", 3, 1)}, [])
        keys = [r.key for r in run.batch]
        assert archive in keys and f"{archive}!/dup.jpg" in keys
        assert keys.index(archive) > keys.index(f"{archive}!/dup.jpg")
    finally:
        store.close()


def test_a_link_swapped_after_the_walk_is_caught_by_the_worker(tmp_path: Path) -> None:
    from childsafe.scan.worker import ItemTask, process_item

    root = tmp_path / "root"
    root.mkdir()
    outside = tmp_path / "secret.jpg"
    make_picture(1).save(outside)
    link = root / "x.jpg"
    os.symlink(outside, link)  # the walk saw a regular file here; now it is a link out of the root
    [result] = process_item(ItemTask(str(link), 1, 1, (str(root),)), HashOptions(), ScanOptions().archive_limits)
    assert result.hashes.sha256 is None and "scan_roots" in (result.hashes.error or "")
    [inside] = process_item(ItemTask(str(link), 1, 1, (str(tmp_path),)), HashOptions(), ScanOptions().archive_limits)
    assert inside.hashes.sha256
