#!/usr/bin/env python
"""Server memory under unauthenticated request bodies (issue 10): goal < 50 MB of growth for 1 GB.

``childsafe serve`` (one process, access log off) runs in a subprocess on 127.0.0.1 with a fresh home;
this process pushes ``--gigabytes`` of request bodies *without a token* through the server's socket (a
refused connection is closed after a few MB, so it opens the next one until the bytes are sent), a
quarter each as: a JSON array
with Content-Length to ``POST /api/v1/text/score``, a chunked JSON array to ``POST /c/banks``, a
multipart upload with Content-Length to ``POST /api/v1/hash`` and a chunked multipart upload to
``POST /api/v1/banks/B/import``, four connections at a time.  The server's RSS is sampled every 20 ms;
the figure is its peak minus its RSS after one warm-up request.

Baseline: the same run against the code before the request gate (``--baseline-rev``, exported with
``git archive`` into a temporary folder and run from there).  That server reads and parses every
body, so its run is kept small (``--baseline-megabytes``, default 128) not to exhaust the machine;
growth is compared per MB sent.

Run:
    python benchmarks/bench_unauth_bodies.py                  # 1 GB, and a 128 MB baseline run
    python benchmarks/bench_unauth_bodies.py --no-baseline
Progress goes to stderr; stdout gets the figures and, last, one JSON line with all of them.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import socket
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import progress  # noqa: E402

MB = 1024 * 1024
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(src: Path, home: Path, port: int) -> subprocess.Popen[bytes]:
    env = dict(os.environ, CHILDSAFE_HOME=str(home), CHILDSAFE_DB="", PYTHONPATH=str(src))
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "serve", "--port", str(port), "--workers", "1",
                             "--no-access-log"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as r:
                r.read()
            return proc
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit("the server did not start") from None
            time.sleep(0.2)


def send(port: int, head: bytes, chunks: int, chunk: bytes, sent: list[int]) -> None:
    """Requests of ``chunks`` x ``chunk`` bytes, again and again until that many bytes went through."""
    requests = 0
    while sent[0] < chunks * len(chunk):
        requests += 1
        with socket.create_connection(("127.0.0.1", port), timeout=120) as sock:
            try:
                sock.sendall(head)
                for _ in range(chunks):
                    sock.sendall(chunk)
                    sent[0] += len(chunk)
                sock.shutdown(socket.SHUT_WR)
                while sock.recv(65536):
                    pass
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server closed the connection: it refused to read on; send the next request
    sent[1] += requests


def bodies(port: int, total: int) -> tuple[int, int]:
    """Push ``total`` bytes of unauthenticated bodies through: (bytes sent, requests it took)."""
    json_piece = b"0," * (MB // 2)
    quarter = total // 4
    parts = [
        (b"POST /api/v1/text/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
         b"Content-Length: %d\r\n\r\n[" % (quarter + 1), json_piece),
        (b"POST /c/banks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n",
         b"%x\r\n" % len(json_piece) + json_piece + b"\r\n"),
        (b"POST /api/v1/hash HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
         b"Content-Length: %d\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n"
         % (quarter + 100), b"\0" * MB),
        (b"POST /api/v1/banks/B/import HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
         b"Transfer-Encoding: chunked\r\n\r\n", b"%x\r\n" % MB + b"\0" * MB + b"\r\n"),
    ]
    counters = [[0, 0] for _ in parts]
    threads = [threading.Thread(target=send, args=(port, head, quarter // len(chunk), chunk, counter))
               for (head, chunk), counter in zip(parts, counters, strict=True)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(c[0] for c in counters), sum(c[1] for c in counters)


def measure(src: Path, total: int, label: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        proc = start(src, Path(tmp) / "home", port)
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=5) as r:
                r.read()
            server = psutil.Process(proc.pid)
            baseline = server.memory_info().rss
            peak = baseline
            done = threading.Event()

            def sample() -> None:
                nonlocal peak
                while not done.is_set():
                    try:
                        peak = max(peak, server.memory_info().rss)
                    except psutil.NoSuchProcess:
                        return
                    time.sleep(0.02)

            sampler = threading.Thread(target=sample)
            sampler.start()
            began = time.monotonic()
            try:
                through, requests = bodies(port, total)
            finally:
                done.set()
                sampler.join()
            seconds = time.monotonic() - began
        finally:
            proc.terminate()
            proc.wait(60)
    growth = (peak - baseline) / MB
    progress(f"{label}: {through / MB:.0f} MB sent in {requests} requests, RSS "
             f"{baseline / MB:.0f} -> peak {peak / MB:.0f} MB (+{growth:.1f} MB) in {seconds:.1f} s")
    return {"sent_mb": through / MB, "requests": requests, "rss_start_mb": baseline / MB,
            "rss_peak_mb": peak / MB, "rss_growth_mb": growth, "seconds": seconds}


def export_rev(rev: str, into: Path) -> Path:
    data = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "src"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into / "src"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--baseline-rev", default="3379acf", help="the code before the request gate")
    parser.add_argument("--baseline-megabytes", type=int, default=128)
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args()
    ours = measure(ROOT / "src", int(args.gigabytes * 1024 * MB), "ours")
    results: dict[str, object] = {"ours": ours}
    print(f"ours: {ours['sent_mb']:.0f} MB of unauthenticated bodies in {ours['requests']:.0f} requests, "
          f"server RSS +{ours['rss_growth_mb']:.1f} MB (goal < 50 MB) in {ours['seconds']:.1f} s")
    if not args.no_baseline:
        with tempfile.TemporaryDirectory() as tmp:
            old = measure(export_rev(args.baseline_rev, Path(tmp)), args.baseline_megabytes * MB,
                          f"baseline {args.baseline_rev}")
        results["baseline"] = old
        per_mb_old = old["rss_growth_mb"] / old["sent_mb"]
        per_mb_ours = ours["rss_growth_mb"] / ours["sent_mb"]
        print(f"baseline ({args.baseline_rev}, before the gate): {old['sent_mb']:.0f} MB sent, RSS "
              f"+{old['rss_growth_mb']:.1f} MB ({per_mb_old:.2f} MB per MB sent; ours {per_mb_ours:.4f})")
        if per_mb_ours > 0:
            results["ratio_per_mb"] = per_mb_old / per_mb_ours
            print(f"ratio (baseline growth per MB / ours): {per_mb_old / per_mb_ours:.0f}x")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
