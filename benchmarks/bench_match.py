#!/usr/bin/env python
"""Bank-aware matching (``Matcher``): this checkout against a base git revision, in the same run.

Each side runs in its own process (``PYTHONPATH`` = this checkout's ``src``, or the base revision's
``src`` exported with ``git archive`` into a temporary folder) over the same data:

* a SQLite store with ``--entries`` PDQ hashes (random, 1 % planted near-duplicates), as many MD5
  and SHA-256 digests, and 20 vPDQ videos of 30 frames;
* ``--queries`` hashed files (``FileHashes`` of a photo: md5, sha1, sha256, PDQ; half near-duplicates
  of banked PDQ hashes at 0-34 bits, a tenth exact digest hits) matched with ``Matcher.match_file``,
  then the same PDQ hashes with ``match_signal`` and once with ``match_signals`` (batch);
* cold ``Matcher(store, index_dir)`` (builds and saves every index snapshot) and warm (loads them).

The base side's ``FileHashes`` is built with the constructor both versions accept.  Every answer
is compared between the two sides (same matched entry ids), so a faster wrong answer is caught.

Run:
    python benchmarks/bench_match.py                 # 200k entries per type, 2,000 queries, base 05f4541
    python benchmarks/bench_match.py --base 05f4541 --quick
Stdout: a table, then one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ForeignCpu, cpu_name, progress  # noqa: E402

DEFAULT_SEED = 20261203
REPO = Path(__file__).resolve().parents[1]


def _hex_rows(rng: np.random.Generator, n: int, digits: int) -> list[str]:
    raw = rng.integers(0, 256, size=(n, digits // 2), dtype=np.uint8)
    return [row.tobytes().hex() for row in raw]


def _flip(hex_hash: str, bits: int, rng: np.random.Generator) -> str:
    value = int(hex_hash, 16)
    for b in rng.choice(256, size=bits, replace=False).tolist():
        value ^= 1 << int(b)
    return f"{value:064x}"


def build_data(args: argparse.Namespace) -> dict[str, Any]:
    rng = np.random.default_rng(args.seed)
    n = args.entries
    pdq = _hex_rows(rng, n, 64)
    md5 = _hex_rows(rng, n, 32)
    sha256 = _hex_rows(rng, n, 64)
    videos = []
    for _ in range(20):
        frames = _hex_rows(rng, 30, 64)
        videos.append(json.dumps([f"{h},100,{t:.3f}" for t, h in enumerate(frames)]))
    queries = []
    for q in range(args.queries):
        if q % 2 == 0:
            query_pdq = _flip(pdq[int(rng.integers(n))], int(rng.integers(0, 35)), rng)
        else:
            query_pdq = _hex_rows(rng, 1, 64)[0]
        hit = q % 10 == 0
        queries.append({
            "pdq": query_pdq,
            "md5": md5[int(rng.integers(n))] if hit else _hex_rows(rng, 1, 32)[0],
            "sha1": _hex_rows(rng, 1, 40)[0],
            "sha256": sha256[int(rng.integers(n))] if hit else _hex_rows(rng, 1, 64)[0],
        })
    return {"pdq": pdq, "md5": md5, "sha256": sha256, "vpdq": videos, "queries": queries}


def child(data_path: Path, work: Path) -> dict[str, Any]:
    """One side's measurements (runs with that side's ``childsafe`` on PYTHONPATH)."""
    from childsafe.matching import Matcher
    from childsafe.media.content import ContentType
    from childsafe.media.hashing import FileHashes
    from childsafe.media.photo import PdqHash
    from childsafe.store import NewEntry, open_store

    data = json.loads(data_path.read_text())
    store = open_store(f"sqlite:///{work / 'db.sqlite3'}")
    store.create_bank("bank")
    for kind in ("pdq", "md5", "sha256", "vpdq"):
        store.add_entries("bank", (NewEntry(kind, s, None) for s in data[kind]))
    index_dir = work / "index"

    started = time.perf_counter()
    Matcher(store, index_dir)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    matcher = Matcher(store, index_dir)
    warm = time.perf_counter() - started

    files = []
    for q in data["queries"]:
        h = FileHashes(path="q.jpg", content_type=ContentType.PHOTO, size=1)
        h.md5, h.sha1, h.sha256 = q["md5"], q["sha1"], q["sha256"]
        h.pdq = PdqHash(q["pdq"], 100)
        files.append(h)
    for h in files[:50]:  # warm up
        matcher.match_file(h)

    def timed(fn: Any, items: list[Any]) -> tuple[list[float], list[list[int]]]:
        times, answers = [], []
        for item in items:
            t0 = time.perf_counter()
            result = fn(item)
            times.append(time.perf_counter() - t0)
            answers.append(sorted(m.entry_id for m in result.matches))
        return times, answers

    foreign = ForeignCpu()
    file_times, file_answers = timed(matcher.match_file, files)
    pdqs = [q["pdq"] for q in data["queries"]]
    signal_times, signal_answers = timed(lambda s: matcher.match_signal("pdq", s), pdqs)
    t0 = time.perf_counter()
    batch = matcher.match_signals("pdq", pdqs)
    batch_s = time.perf_counter() - t0
    other = foreign.stop()
    store.close()

    def summary(times: list[float]) -> dict[str, float]:
        ordered = sorted(times)
        return {"p50_ms": 1000 * statistics.median(ordered), "p99_ms": 1000 * ordered[int(0.99 * (len(ordered) - 1))],
                "per_s": len(times) / sum(times)}

    return {"cold_s": cold, "warm_s": warm, "match_file": summary(file_times), "match_signal": summary(signal_times),
            "match_signals_s": batch_s, "other_cores_busy": (other or {}).get("other_cores_busy"),
            "answers": [file_answers, signal_answers, [sorted(m.entry_id for m in r.matches) for r in batch]]}


def run_side(src: Path, data_path: Path, tmp: Path, name: str) -> dict[str, Any]:
    work = tmp / f"side_{name}"
    work.mkdir()
    env = dict(os.environ, PYTHONPATH=str(src), OMP_NUM_THREADS="1")
    out = work / "result.json"
    subprocess.run([sys.executable, __file__, "--child", str(data_path), "--work", str(work), "--out", str(out)],
                   env=env, check=True)
    return json.loads(out.read_text())  # type: ignore[no-any-return]


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="20k entries, 300 queries: checks the script")
    p.add_argument("--entries", type=int, default=200_000)
    p.add_argument("--queries", type=int, default=2_000)
    p.add_argument("--base", default="05f4541", help="git revision to compare against")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    p.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child:
        args.out.write_text(json.dumps(child(args.child, args.work)))
        return
    if args.quick:
        args.entries, args.queries = 20_000, 300
    with tempfile.TemporaryDirectory(prefix="bench_match_") as tmp_name:
        tmp = Path(tmp_name)
        progress(f"exporting {args.base} into {tmp}")
        base_src = tmp / "base"
        base_src.mkdir()
        archive = subprocess.run(["git", "-C", str(REPO), "archive", args.base, "src"], check=True,
                                 capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(base_src)], input=archive, check=True)
        progress(f"building {args.entries:,} entries per type and {args.queries:,} queries")
        data_path = tmp / "data.json"
        data_path.write_text(json.dumps(build_data(args)))
        results = {}
        for name, src in (("base", base_src / "src"), ("ours", REPO / "src"), ("base again", base_src / "src")):
            progress(f"measuring {name}")
            results[name] = run_side(src, data_path, tmp, name.replace(" ", "_"))
    answers_equal = results["ours"].pop("answers") == results["base"].pop("answers")
    results["base again"].pop("answers")
    base = {k: min(results["base"][k], results["base again"][k]) for k in ("cold_s", "warm_s")}
    for k in ("match_file", "match_signal"):
        runs = (results["base"][k], results["base again"][k])
        base[k] = {"p50_ms": min(r["p50_ms"] for r in runs), "p99_ms": min(r["p99_ms"] for r in runs),
                   "per_s": max(r["per_s"] for r in runs)}
    base["match_signals_s"] = min(results["base"]["match_signals_s"], results["base again"]["match_signals_s"])
    ours = results["ours"]
    print(f"{args.entries:,} entries per type, {args.queries:,} queries, {cpu_name()}; base = best of two runs")
    print("| measure | base | ours | ours / base |")
    print("|---|---|---|---|")
    for label, b, o in (
        ("Matcher() cold, s", base["cold_s"], ours["cold_s"]),
        ("Matcher() warm, s", base["warm_s"], ours["warm_s"]),
        ("match_file p50 ms", base["match_file"]["p50_ms"], ours["match_file"]["p50_ms"]),
        ("match_file p99 ms", base["match_file"]["p99_ms"], ours["match_file"]["p99_ms"]),
        ("match_file per s", base["match_file"]["per_s"], ours["match_file"]["per_s"]),
        ("match_signal pdq p50 ms", base["match_signal"]["p50_ms"], ours["match_signal"]["p50_ms"]),
        ("match_signal pdq per s", base["match_signal"]["per_s"], ours["match_signal"]["per_s"]),
        ("match_signals batch s", base["match_signals_s"], ours["match_signals_s"]),
    ):
        print(f"| {label} | {b:.4g} | {o:.4g} | {o / b:.3f} |")
    print(f"answers identical: {answers_equal}")
    print(json.dumps({"entries": args.entries, "queries": args.queries, "base_rev": args.base,
                      "answers_identical": answers_equal, "base": base, "ours": ours,
                      "base_runs": [results["base"], results["base again"]]}))


if __name__ == "__main__":
    main()
