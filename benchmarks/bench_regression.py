#!/usr/bin/env python
"""Performance regression check: media, text and graph workloads on a base revision and on the working tree.

Issue 13's goal "no performance regression: the media, text and graph benchmarks within 5 % of today's
figures in the same run".  The base revision (default: the merge-base of HEAD with ``main``; ``--base REV``
otherwise) is exported with ``git archive`` into a temporary folder; the working tree is used as it is,
uncommitted changes included.  Every measurement runs in a child process of the same interpreter with
``PYTHONPATH=<tree>/src`` (the child checks that ``childsafe`` really comes from that tree), pinned to
one core, on inputs prepared once for both trees:

* ``media hash``: ``childsafe.media.hash_file`` over generated camera-like JPEGs (read, decode, md5, sha1,
  sha256, PDQ);
* ``media match``: a fresh SQLite store with a bank of PDQ and MD5 entries; building the
  ``Matcher`` and looking up PDQ queries (near and far) and MD5 queries with ``match_signal``;
* ``text score``: ``EarlyWarning.add`` per message (normalise, indicator packs, language id, model,
  alert check) over ordinary chat from the ``chitchat-dataset`` wheel and a few synthetic phrases;
* ``graph``: ingest of a synthetic platform's four event files into a fresh SQLite store, ``load``
  with a media matcher, and ``rank_accounts`` from the ring seeds.

Time is the child's CPU time (``time.process_time``: every workload is single-threaded and pinned to one
core), not wall time: on a machine that others share, waiting for the core is not the code's cost, and a
wall-clock A/A run here differed by up to 30 %.  Rounds alternate the order (base, head), (head, base), ...;
each child repeats its workload and keeps its fastest time, and a tree's figure is the fastest over the
rounds: the least disturbed measure of the code's own cost.  ``--base HEAD`` with a clean tree is an A/A
run that shows the noise left.  The ratio is head / base time; above 1 + the
tolerance (5 %) the line is flagged and the exit status is 1.  A workload that fails on one tree
(an API that changed, say) is reported as such and also fails the check.

Run:
    python benchmarks/bench_regression.py                 # merge-base with main vs the working tree
    python benchmarks/bench_regression.py --base 05f4541  # any revision git knows
    python benchmarks/bench_regression.py --quick         # smaller inputs, one round (checks the script)
Stdout: a table, then one JSON line with every figure.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported (children inherit it)

import argparse  # noqa: E402
import json  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tarfile  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WORKLOADS = ("media_hash", "media_match", "text_score", "graph")
LABELS = {
    "media_hash": "media: hash_file (decode, md5/sha1/sha256, PDQ)",
    "media_match": "media: Matcher build + PDQ/MD5 lookups",
    "text_score": "text: EarlyWarning.add per message",
    "graph": "graph: ingest + load + rank_accounts",
}
TOLERANCE = 0.05


# --------------------------------------------------------------------------- inputs (prepared once)


def prepare(folder: Path, quick: bool) -> None:
    """Write the shared inputs: photos, chat messages, PDQ/MD5 signals and a synthetic platform.

    Runs in a child with the working tree on PYTHONPATH (the platform generator is childsafe's own),
    so both trees read byte-identical inputs.
    """
    import hashlib
    import random

    import numpy as np
    from PIL import Image

    rng = np.random.default_rng(13)
    photos = folder / "photos"
    photos.mkdir()
    for i in range(6 if quick else 24):
        w, h = (2000, 1500) if i % 2 else (1500, 2000)
        y, x = np.mgrid[0:h, 0:w]
        base = np.stack([(x * (i + 1) % 256), (y * 3 % 256), ((x + y) // 7 % 256)], axis=-1).astype(np.int16)
        grain = rng.integers(-12, 13, size=(h, w, 3), dtype=np.int16)
        pixels = np.clip(base + grain, 0, 255).astype(np.uint8)
        Image.fromarray(pixels).save(photos / f"photo{i:03d}.jpg", quality=90)

    from childsafe.text.corpora import chitchat_conversations

    limit = 2_000 if quick else 12_000
    messages: list[dict[str, str]] = []
    synthetic = ("how old are you", "don't tell your mom about us", "add me on snap", "what school do you go to")
    for n, (cid, conv) in enumerate(chitchat_conversations().items()):
        for turn in conv["messages"]:
            for m in turn:
                messages.append({"conversation_id": str(cid), "author": str(m["sender"]), "text": str(m["text"])})
        if n % 10 == 0:
            messages.append({"conversation_id": str(cid), "author": "x", "text": synthetic[n % len(synthetic)]})
        if len(messages) >= limit:
            break
    (folder / "messages.json").write_text(json.dumps(messages[:limit]), encoding="utf-8")

    pick = random.Random(13)
    entries = ["".join(pick.choice("0123456789abcdef") for _ in range(64)) for _ in range(2_000 if quick else 20_000)]
    near = [_flip_bits(e, pick, 8) for e in entries[:: 20]]
    far = ["".join(pick.choice("0123456789abcdef") for _ in range(64)) for _ in range(len(near))]
    md5s = [hashlib.md5(str(i).encode()).hexdigest() for i in range(len(entries))]  # noqa: S324 - a bank value
    signals = {"pdq_entries": entries, "pdq_queries": near + far, "md5_entries": md5s,
               "md5_queries": md5s[:: 10] + [hashlib.md5(f"x{i}".encode()).hexdigest()  # noqa: S324
                                             for i in range(len(md5s) // 10)]}
    (folder / "signals.json").write_text(json.dumps(signals), encoding="utf-8")

    from childsafe.graph.synthetic import PlatformSpec, generate_platform

    truth = generate_platform(folder / "platform", PlatformSpec(seed=7, accounts=1_500 if quick else 6_000))
    files = {kind: str(getattr(truth, kind)) for kind in ("accounts", "messages", "identifiers", "media")}
    (folder / "platform.json").write_text(json.dumps({"files": files, "seeds": list(truth.seeds)}), encoding="utf-8")


def _flip_bits(hex64: str, pick: Any, bits: int) -> str:
    value = int(hex64, 16)
    for bit in pick.sample(range(256), bits):
        value ^= 1 << bit
    return f"{value:064x}"


# --------------------------------------------------------------------------- workloads (in a child)


def run_workload(name: str, inputs: Path, repeat: int) -> dict[str, Any]:
    """Time one workload ``repeat`` times on the tree this process imports; the fastest time counts."""
    setup: Callable[[Path, Path], Callable[[], None]] = {
        "media_hash": _media_hash, "media_match": _media_match, "text_score": _text_score, "graph": _graph,
    }[name]
    cpu, wall = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-regression-") as tmp:
            work = setup(inputs, Path(tmp))  # untimed: stores, parsed inputs
            started, started_cpu = time.perf_counter(), time.process_time()
            work()
            cpu.append(time.process_time() - started_cpu)
            wall.append(time.perf_counter() - started)
    return {"best_s": min(cpu), "cpu_s": cpu, "wall_s": wall}


def _media_hash(inputs: Path, tmp: Path) -> Callable[[], None]:
    from childsafe.media import hash_file

    photos = sorted((inputs / "photos").glob("*.jpg"))
    for path in photos:
        path.read_bytes()  # page cache warm for both trees alike

    def work() -> None:
        for path in photos:
            result = hash_file(path)
            if result.error or not result.pdq:
                raise RuntimeError(f"hash_file failed on {path.name}: {result.error}")

    return work


def _media_match(inputs: Path, tmp: Path) -> Callable[[], None]:
    from childsafe.matching import Matcher
    from childsafe.store.base import NewEntry
    from childsafe.store.sql import open_store

    signals = json.loads((inputs / "signals.json").read_text(encoding="utf-8"))
    store = open_store(f"sqlite:///{tmp / 'store.db'}")
    store.create_bank("known")
    store.add_entries("known", (NewEntry("pdq", s, "label") for s in signals["pdq_entries"]))
    store.add_entries("known", (NewEntry("md5", s, "label") for s in signals["md5_entries"]))

    def work() -> None:
        matcher = Matcher(store, None)
        found = sum(bool(matcher.match_signal("pdq", q).matches) for q in signals["pdq_queries"])
        found += sum(bool(matcher.match_signal("md5", q).matches) for q in signals["md5_queries"])
        if not found:
            raise RuntimeError("no query matched: the workload is not measuring matching")

    return work


def _text_score(inputs: Path, tmp: Path) -> Callable[[], None]:
    from childsafe.text.messages import Message
    from childsafe.text.scoring import EarlyWarning

    raw = json.loads((inputs / "messages.json").read_text(encoding="utf-8"))
    messages = [Message(m["conversation_id"], m["author"], m["text"]) for m in raw]
    warm = EarlyWarning()  # loads the packs and the model once, outside the timing
    for m in messages[:50]:
        warm.add(m)

    def work() -> None:
        warning = EarlyWarning()
        for m in messages:
            warning.add(m)

    return work


def _graph(inputs: Path, tmp: Path) -> Callable[[], None]:
    from childsafe.graph.rank import rank_accounts
    from childsafe.matching import Matcher
    from childsafe.store.graph import GraphStore, media_matcher
    from childsafe.store.sql import open_store

    platform = json.loads((inputs / "platform.json").read_text(encoding="utf-8"))
    store = open_store(f"sqlite:///{tmp / 'store.db'}")

    def work() -> None:
        graph = GraphStore(store)
        for kind, path in platform["files"].items():
            graph.ingest_file(Path(path), kind)
        net = graph.load(media_matcher(Matcher(store, None)))
        result = rank_accounts(net, platform["seeds"], top=50)
        if not result.leads:
            raise RuntimeError("rank_accounts found no leads")

    return work


def child_main(args: argparse.Namespace) -> None:
    import childsafe

    where = Path(childsafe.__file__).resolve()
    if not where.is_relative_to(Path(args.tree).resolve()):
        sys.exit(f"childsafe imported from {where}, not from {args.tree}")
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    if args.prepare:
        prepare(Path(args.prepare), args.quick)
        return
    print(json.dumps(run_workload(args.workload, Path(args.inputs), args.repeat)))


# --------------------------------------------------------------------------- the parent


def base_revision(requested: str | None) -> str:
    rev = requested or _git("merge-base", "HEAD", "main")
    return _git("rev-parse", "--verify", f"{rev}^{{commit}}")


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()


def export_tree(rev: str, folder: Path) -> Path:
    """``git archive`` of the revision's ``src`` into ``folder`` (no checkout, no worktree to clean up)."""
    folder.mkdir(parents=True)
    archive = folder / "src.tar"
    with open(archive, "wb") as fh:
        subprocess.run(["git", "archive", "--format=tar", rev, "src"], cwd=ROOT, stdout=fh, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    archive.unlink()
    return folder


def run_child(tree: Path, extra: Sequence[str], cpu: int, quick: bool) -> dict[str, Any]:
    env = dict(os.environ, PYTHONPATH=str(tree / "src"))
    command = [sys.executable, str(Path(__file__).resolve()), "--child", "--tree", str(tree / "src"),
               "--cpu", str(cpu), *(["--quick"] if quick else []), *extra]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        tail = (done.stderr.strip().splitlines() or ["(no message)"])[-1]
        return {"error": tail[:300]}
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {}


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--base", help="the revision to compare with (default: merge-base of HEAD and main)")
    p.add_argument("--quick", action="store_true", help="small inputs, one round: checks the script works")
    p.add_argument("--rounds", type=int, default=3, help="alternating rounds (each tree once per round)")
    p.add_argument("--repeat", type=int, default=3, help="repetitions inside each child; its fastest counts")
    p.add_argument("--workloads", nargs="+", choices=WORKLOADS, default=list(WORKLOADS))
    p.add_argument("--tolerance", type=float, default=TOLERANCE, help="flag head/base time above 1 + this")
    p.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--tree", help=argparse.SUPPRESS)
    p.add_argument("--cpu", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--prepare", help=argparse.SUPPRESS)
    p.add_argument("--inputs", help=argparse.SUPPRESS)
    p.add_argument("--workload", choices=WORKLOADS, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        child_main(args)
        return 0
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from _common import ForeignCpu, cpu_name, progress

    rounds, repeat = (1, 2) if args.quick else (args.rounds, args.repeat)
    cpu = max(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 0
    rev = base_revision(args.base)
    head_label = f"working tree ({_git('rev-parse', '--short', 'HEAD')}"
    head_label += ", with uncommitted changes)" if _git("status", "--porcelain", "--untracked-files=no", "src") else ")"
    with tempfile.TemporaryDirectory(prefix="bench-regression-") as tmp:
        base = export_tree(rev, Path(tmp) / "base")
        head = ROOT
        inputs = Path(tmp) / "inputs"
        inputs.mkdir()
        progress(f"preparing inputs in {inputs} ...")
        prepared = run_child(head, ["--prepare", str(inputs)], cpu, args.quick)
        if "error" in prepared:
            sys.exit(f"preparing the inputs failed: {prepared['error']}")
        foreign = ForeignCpu()
        best: dict[str, dict[str, float]] = {w: {} for w in args.workloads}
        errors: dict[str, dict[str, str]] = {w: {} for w in args.workloads}
        for r in range(rounds):
            order = [("base", base), ("head", head)] if r % 2 == 0 else [("head", head), ("base", base)]
            for workload in args.workloads:
                for side, tree in order:
                    progress(f"round {r + 1}/{rounds}: {workload} on {side} ...")
                    got = run_child(tree, ["--inputs", str(inputs), "--workload", workload,
                                           "--repeat", str(repeat)], cpu, args.quick)
                    if "error" in got:
                        errors[workload][side] = got["error"]
                    else:
                        best[workload][side] = min(best[workload].get(side, float("inf")), got["best_s"])
        busy = foreign.stop()

    print(f"Regression check, one core ({cpu_name()}): base {rev[:10]} vs {head_label}; "
          f"{rounds} rounds x {repeat} repetitions, fastest CPU time each; flag above +{args.tolerance:.0%}")
    if busy and busy["other_cores_busy"] > 0.3:
        print(f"CAUTION: other processes used {busy['other_cores_busy']:.0%} of a core while measuring")
    head_row = f"{'workload (CPU seconds)':<52} {'base s':>9} {'head s':>9} {'head/base':>10}"
    print(head_row)
    print("-" * len(head_row))
    out: dict[str, Any] = {"base": rev, "head": head_label, "rounds": rounds, "repeat": repeat,
                           "tolerance": args.tolerance, "other_cores_busy": busy and busy["other_cores_busy"]}
    regressed = False
    for workload in args.workloads:
        b, h = best[workload].get("base"), best[workload].get("head")
        if errors[workload] or b is None or h is None:
            regressed = True
            why = "; ".join(f"{side}: {msg}" for side, msg in errors[workload].items())
            print(f"{LABELS[workload]:<52} {'':>9} {'':>9} {'FAILED':>10}  {why}")
            out[workload] = {"error": errors[workload]}
            continue
        ratio = h / b
        flag = ratio > 1 + args.tolerance
        regressed |= flag
        print(f"{LABELS[workload]:<52} {b:>9.3f} {h:>9.3f} {ratio:>10.3f}" + ("  REGRESSION" if flag else ""))
        out[workload] = {"base_s": round(b, 4), "head_s": round(h, 4), "ratio": round(ratio, 4), "regression": flag}
    print("No regression beyond the tolerance." if not regressed else "Regression or failure: see the flagged rows.")
    print(json.dumps(out))
    return 1 if regressed else 0


if __name__ == "__main__":
    sys.exit(main())
