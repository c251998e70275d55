"""``kill -9`` at random moments of scans and uploads: what is left behind? (issue 10)

Goal: zero media files left on disk, zero lost results and zero orphan processes once the next
run has started.  Each round:

* **scans**: ``childsafe scan`` of a case (photos, videos inside a zip, which are copied to the
  spool while hashed, a nested archive) is started and its main process alone gets ``kill -9``
  after a random delay in [0, one clean scan's duration].  Then: media copies still in the spool
  and helper processes still alive (after a short grace) are counted *at the crash*; the next run
  starts (``childsafe bank list``: every command cleans up at start) and they are counted again.
  When a run was not killed in time it finished: its report is compared with a clean reference
  scan (a result missing or different is *lost*) and the store is reset for a new cycle.  A last
  uninterrupted scan is compared too.
* **uploads**: ``childsafe serve`` (one process) gets ``POST /h/hash`` of a video and ``kill -9``
  after a random delay in [0, one upload's duration]; the next start cleans up the spool.

Processes are found through an environment marker they inherit (psutil reads it), so nothing
else on the machine is counted.  Run: ``python benchmarks/bench_kill_scan.py [--kills 50]``.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import cpu_name, progress  # noqa: E402

MARKER_ENV = "CHILDSAFE_BENCH_KILL"
_COMPARED = ("sha256", "pdq", "vpdq", "pdq_dihedral", "error")


# -- the case ------------------------------------------------------------------------------------
def make_video(path: Path, seconds: int, size: str, pattern: str) -> None:
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"{pattern}=size={size}:rate=25",
                    "-t", str(seconds), "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast",
                    str(path)], check=True)


def make_case(root: Path, photos: int) -> Path:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from tests.conftest import make_picture

    case = root / "case"
    (case / "photos").mkdir(parents=True)
    for i in range(photos):
        make_picture(i, (480, 360)).save(case / "photos" / f"{i:03d}.jpg", quality=90)
    videos = root / "videos"
    videos.mkdir()
    with zipfile.ZipFile(case / "clips.zip", "w", zipfile.ZIP_STORED) as zf:
        for i, pattern in enumerate(("testsrc2", "mandelbrot", "life")):
            make_video(videos / f"{i}.mp4", 12, "480x360", pattern)
            zf.write(videos / f"{i}.mp4", f"clip{i}.mp4")
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as zf:
        for i in range(5):
            zf.writestr(f"p{i}.jpg", (case / "photos" / f"{i:03d}.jpg").read_bytes())
    with zipfile.ZipFile(case / "nested.zip", "w") as zf:
        zf.writestr("inner.zip", inner.getvalue())
        zf.write(videos / "0.mp4", "again.mp4")
    return case


# -- processes -----------------------------------------------------------------------------------
def marked(marker: str) -> list[psutil.Process]:
    out = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get(MARKER_ENV) == marker and proc.status() != psutil.STATUS_ZOMBIE:
                out.append(proc)
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            continue
    return out


def media_files(spool: Path) -> int:
    if not spool.exists():
        return 0
    return sum(1 for p in spool.rglob("*") if p.is_file() and p.name != "owner")


def env_for(home: Path, marker: str) -> dict[str, str]:
    return dict(os.environ, CHILDSAFE_HOME=str(home), **{MARKER_ENV: marker})


def run_cli(home: Path, marker: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "childsafe", *args], env=env_for(home, marker), text=True,
                          capture_output=True, timeout=900, check=False)


def scan_records(report: Path) -> dict[str, dict[str, Any]]:
    out = {}
    for line in report.read_text().splitlines():
        rec = json.loads(line)
        out[rec["path"]] = {k: rec.get(k) for k in _COMPARED}
    return out


def lost(reference: dict[str, dict[str, Any]], got: dict[str, dict[str, Any]]) -> int:
    missing = [path for path, rec in reference.items() if got.get(path) != rec]
    for path in missing[:5]:
        progress(f"LOST {path}: expected {reference[path]}, got {got.get(path)}")
    return len(missing)


# -- scans ---------------------------------------------------------------------------------------
def kill_scans(work: Path, case: Path, kills: int, workers: int, rng: random.Random) -> dict[str, Any]:
    ref_home = work / "reference"
    started = time.monotonic()
    proc = run_cli(ref_home, "reference", "scan", str(case), "--workers", str(workers),
                   "--report", str(work / "reference.jsonl"))
    clean_seconds = time.monotonic() - started
    assert proc.returncode == 0, proc.stderr
    reference = scan_records(work / "reference.jsonl")
    progress(f"reference scan: {len(reference)} items in {clean_seconds:.1f} s")
    home = work / "home"
    spool = home / "spool"
    totals = {"kills": 0, "finished_before_kill": 0, "media_left_at_crash": 0, "media_left_after_next_start": 0,
              "orphans_at_crash": 0, "orphans_after_next_start": 0, "lost_results": 0, "cycles_compared": 0}
    round_no = 0
    while totals["kills"] < kills:
        round_no += 1
        marker = f"scan-{os.getpid()}-{round_no}"
        report = work / f"round-{round_no}.jsonl"
        scan = subprocess.Popen([sys.executable, "-m", "childsafe", "scan", str(case), "--workers", str(workers),
                                 "--report", str(report)], env=env_for(home, marker),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        delay = rng.uniform(0.0, clean_seconds)
        try:
            scan.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            os.kill(scan.pid, signal.SIGKILL)  # the main process only: helpers must follow by themselves
            scan.wait()
            totals["kills"] += 1
            totals["media_left_at_crash"] += media_files(spool)
            helpers = marked(marker)
            _gone, alive = psutil.wait_procs(helpers, timeout=5)
            totals["orphans_at_crash"] += len(alive)
            run_cli(home, marker + "-next", "bank", "list")  # the next run starts
            totals["media_left_after_next_start"] += media_files(spool)
            orphans = marked(marker)
            totals["orphans_after_next_start"] += len(orphans)
            for orphan in orphans:
                orphan.kill()
            progress(f"kill {totals['kills']:2d} after {delay:5.2f} s: {len(helpers)} helpers, "
                     f"{len(alive)} alive 5 s later, {len(orphans)} after the next start, "
                     f"spool files now {media_files(spool)}")
            continue
        # Finished before the kill: its report must equal the reference; start a new cycle.
        totals["finished_before_kill"] += 1
        totals["lost_results"] += lost(reference, scan_records(report))
        totals["cycles_compared"] += 1
        progress(f"round {round_no}: finished before the kill at {delay:.2f} s; new cycle")
        shutil.rmtree(home)
    final = run_cli(home, "final", "scan", str(case), "--workers", str(workers), "--report",
                    str(work / "final.jsonl"))
    assert final.returncode == 0, final.stderr
    totals["lost_results"] += lost(reference, scan_records(work / "final.jsonl"))
    totals["cycles_compared"] += 1
    totals["items"] = len(reference)
    totals["clean_scan_seconds"] = round(clean_seconds, 2)
    return totals


# -- uploads -------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def setup_token(home: Path) -> str:
    from childsafe.accounts import issue_token
    from childsafe.config import load_settings
    from childsafe.store import open_store
    from childsafe.store.service import ServiceStore

    settings = load_settings({"home": home}, {})
    home.mkdir(parents=True, exist_ok=True)
    store = open_store(settings.db_url)
    service = ServiceStore(store)
    service.create_user("bench-client", "api-client", None, actor="bench")
    _, token = issue_token(service, "bench-client", actor="bench")
    store.close()
    return token


def start_server(home: Path, port: int, marker: str) -> subprocess.Popen[bytes]:
    import httpx

    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "serve", "--port", str(port), "--workers", "1",
                             "--no-access-log"], env=env_for(home, marker), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/status", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit("server exited at start")
        time.sleep(0.2)
    raise SystemExit("server did not start")


def post_video(port: int, token: str, data: bytes, out: list[float]) -> None:
    import httpx

    started = time.monotonic()
    try:
        response = httpx.post(f"http://127.0.0.1:{port}/h/hash", files={"video": ("clip.mp4", data, "video/mp4")},
                              headers={"Authorization": f"Bearer {token}"}, timeout=300)
        if response.status_code == 200:
            out.append(time.monotonic() - started)
    except httpx.HTTPError:
        pass


def kill_uploads(work: Path, video: Path, kills: int, rng: random.Random) -> dict[str, Any]:
    home = work / "server"
    token = setup_token(home)
    spool = home / "spool"
    data = video.read_bytes()
    port = free_port()
    marker = f"upload-{os.getpid()}-ref"
    server = start_server(home, port, marker)
    timings: list[float] = []
    post_video(port, token, data, timings)
    server.send_signal(signal.SIGTERM)
    server.wait(60)
    if not timings:
        raise SystemExit("the reference upload failed")
    upload_seconds = timings[0]
    progress(f"reference upload: {len(data)} bytes hashed in {upload_seconds:.2f} s")
    totals = {"kills": 0, "media_left_at_crash": 0, "media_left_after_next_start": 0,
              "orphans_after_next_start": 0, "upload_seconds": round(upload_seconds, 2)}
    for i in range(kills):
        marker = f"upload-{os.getpid()}-{i}"
        server = start_server(home, port, marker)
        done: list[float] = []
        client = threading.Thread(target=post_video, args=(port, token, data, done))
        client.start()
        time.sleep(rng.uniform(0.0, upload_seconds))
        os.kill(server.pid, signal.SIGKILL)
        server.wait()
        client.join()
        totals["kills"] += 1
        totals["media_left_at_crash"] += media_files(spool)
        psutil.wait_procs(marked(marker), timeout=5)
        run_cli(home, marker + "-next", "bank", "list")
        totals["media_left_after_next_start"] += media_files(spool)
        orphans = marked(marker)
        totals["orphans_after_next_start"] += len(orphans)
        for orphan in orphans:
            orphan.kill()
        progress(f"upload kill {i + 1}: spool files now {media_files(spool)}, orphans {len(orphans)}")
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=50, help="kill -9 of scans")
    parser.add_argument("--upload-kills", type=int, default=10, help="kill -9 of the server during an upload")
    parser.add_argument("--photos", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=10)
    args = parser.parse_args()
    if shutil.which("ffmpeg") is None:
        raise SystemExit("needs ffmpeg to make the test videos")
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="childsafe-bench-kill-") as tmp:
        work = Path(tmp)
        case = make_case(work, args.photos)
        scans = kill_scans(work, case, args.kills, args.workers, rng)
        uploads = kill_uploads(work, work / "videos" / "1.mp4", args.upload_kills, rng) if args.upload_kills else {}
    result = {"cpu": cpu_name(), "cores": os.cpu_count(), "scans": scans, "uploads": uploads}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
