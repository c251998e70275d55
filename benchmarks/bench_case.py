#!/usr/bin/env python
"""The benchmark case (issue 14): one generated investigation, end to end through ``childsafe case``.

Generates (seeded, into a temporary folder unless ``--workdir``) 5,000 photos of 2-12 MP with planted
known items (edits of the bank's originals) and pasted real faces, 20 short videos, 100,000 chat
messages in the WhatsApp, Telegram, Discord and Instagram exports and 1M account events, plus
``bank.csv`` (:mod:`childsafe.testing.benchcase`).  Then, as subprocesses in a throw-away home:

    childsafe bank create bench ; childsafe bank import bench bank.csv
    childsafe case new bench ; childsafe case add bench evidence --bank bench
    childsafe case run bench ; childsafe case report bench --out report

and prints the time of each command, each stage's time from the run's JSON summary (its last
stdout line), the total against the 20-minute goal, the report's files and their sizes, and how
many planted items the findings name.

``--kill-at SECONDS``: a second home runs the same case, ``kill -9``s the run's process group
SECONDS after it started, runs it again to the end and reports; the two findings.jsonl are
compared (the same findings, line for line once sorted).

``--baseline``: also time the separate commands a user ran before ``case`` existed (scan, faces
index, text score per chat file, graph ingest) and print the ratio.

Run:
    python benchmarks/bench_case.py                       # full size (~10 min to generate, goal 20 min to run)
    python benchmarks/bench_case.py --scale 0.02          # small: to try the script
    python benchmarks/bench_case.py --generate-only --workdir /tmp/case   # write the case and stop
Progress goes to stderr; stdout gets the figures and, last, one JSON line with all of them.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ForeignCpu, cpu_name, progress  # noqa: E402

from childsafe.testing.benchcase import BenchCaseSpec, generate  # noqa: E402

GOAL_SECONDS = 20 * 60
CASE = "bench"


def childsafe(home: Path, *args: str, timeout: float | None = None) -> tuple[float, subprocess.CompletedProcess[str]]:
    env = dict(os.environ, CHILDSAFE_HOME=str(home))
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "childsafe", *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)
    return time.perf_counter() - t0, done


def last_json(stdout: str) -> dict[str, Any] | None:
    for line in reversed(stdout.strip().splitlines()):
        try:
            value = json.loads(line)
        except ValueError:
            continue
        return value if isinstance(value, dict) else None
    return None


def stage_seconds(summary: dict[str, Any] | None) -> dict[str, float]:
    """Seconds per stage from the run's summary, whichever shape it has (a list of
    ``{stage, seconds}`` or a mapping of stage to ``{seconds}`` or to a number)."""
    if not summary:
        return {}
    stages = summary.get("stages", summary.get("stage_seconds", {}))
    out: dict[str, float] = {}
    if isinstance(stages, list):
        for s in stages:
            if isinstance(s, dict) and isinstance(s.get("seconds"), int | float):
                out[str(s.get("stage", s.get("name", "?")))] = float(s["seconds"])
    elif isinstance(stages, dict):
        for name, s in stages.items():
            seconds = s.get("seconds") if isinstance(s, dict) else s
            if isinstance(seconds, int | float):
                out[str(name)] = float(seconds)
    return out


def prepare(home: Path, case_dir: Path) -> dict[str, float]:
    """Bank, case and its evidence; seconds per command.  Fails loudly when a command fails."""
    times = {}
    for label, args in (("bank create", ("bank", "create", CASE, "--threshold", "31")),
                        ("bank import", ("bank", "import", CASE, str(case_dir / "bank.csv"))),
                        ("case new", ("case", "new", CASE)),
                        ("case add", ("case", "add", CASE, str(case_dir / "evidence"), "--bank", CASE))):
        seconds, done = childsafe(home, *args)
        if done.returncode != 0:
            raise SystemExit(f"`childsafe {' '.join(args)}` failed ({done.returncode}): {done.stderr.strip()[-800:]}")
        times[label] = seconds
    return times


def run_case(home: Path, kill_at: float | None = None) -> tuple[float, dict[str, Any] | None, int]:
    """``case run``: its seconds, its JSON summary and its exit code; with ``kill_at`` the process
    group gets SIGKILL that many seconds in (exit code -9 unless it finished first)."""
    env = dict(os.environ, CHILDSAFE_HOME=str(home))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "case", "run", CASE], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=kill_at)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return time.perf_counter() - t0, None, -9
    if proc.returncode != 0:
        progress(f"case run exited {proc.returncode}: {err.strip()[-800:]}")
    return time.perf_counter() - t0, last_json(out), proc.returncode


def report(home: Path, out: Path) -> tuple[float, dict[str, int]]:
    seconds, done = childsafe(home, "case", "report", CASE, "--out", str(out))
    if done.returncode != 0:
        progress(f"case report exited {done.returncode}: {done.stderr.strip()[-800:]}")
    sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir())} if out.is_dir() else {}
    return seconds, sizes


def planted_found(findings: Path, truth: dict[str, Any]) -> dict[str, Any]:
    """How many planted items the findings name: known items by path, the chats' adults as suspects or in
    conversations, the traders' children at risk, face groups, and a group naming the astronaut's sharers."""
    lines = [json.loads(x) for x in findings.read_text(encoding="utf-8").splitlines()] if findings.exists() else []
    known_paths = {k["path"] for k in truth["known"]}
    named = {str(x["where"].get("path", "")) for x in lines if x["kind"] == "known_media"}
    found = sum(1 for p in known_paths if any(n.endswith(p) for n in named))
    accounts = {str(x["where"].get("account", "")) for x in lines if x["kind"] in ("suspect", "conversation")}
    at_risk = {str(x["where"].get("account", "")) for x in lines if x["kind"] == "at_risk"}
    children = truth.get("trader_children", [])
    groups = [x for x in lines if x["kind"] == "face_group"]
    sharers = set(truth["face_sharers"].get("astronaut", []))
    across = [g for g in groups if sharers and sharers <= {str(e.get("value")) for e in g["explanation"].get(
        "evidence", []) if e.get("kind") == "account"}]
    return {"findings": len(lines), "known_planted": len(known_paths), "known_found": found,
            "chat_suspects_planted": len(truth["chats"]["suspects"]),
            "chat_suspects_named": len(set(truth["chats"]["suspects"]) & accounts),
            "trader_children_planted": len(children), "trader_children_at_risk": len(set(children) & at_risk),
            "face_groups": len(groups), "face_group_naming_all_astronaut_sharers": bool(across)}


def sorted_findings(path: Path) -> list[str]:
    return sorted(path.read_text(encoding="utf-8").splitlines()) if path.exists() else []


def _rounded(value: Any) -> Any:
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: _rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_rounded(v) for v in value]
    return value


def rounded_findings(lines: list[str]) -> list[str]:
    """The lines with every number rounded to 9 decimals: network scores summed in another order (ids
    interned in another order after a resume) differ in their last bits."""
    return sorted(json.dumps(_rounded(json.loads(line)), sort_keys=True) for line in lines)


def baseline(home: Path, case_dir: Path) -> float:
    """The separate commands of the issue's story (without the hand-written glue scripts)."""
    ev = case_dir / "evidence"
    t0 = time.perf_counter()
    childsafe(home, "bank", "create", CASE, "--threshold", "31")
    childsafe(home, "bank", "import", CASE, str(case_dir / "bank.csv"))
    childsafe(home, "scan", str(ev / "photos"), str(ev / "videos"))
    childsafe(home, "faces", "index", str(ev / "photos"))
    for chat in sorted(p for p in (ev / "chats").rglob("*") if p.is_file()):
        childsafe(home, "text", "score", str(chat))
    childsafe(home, "graph", "ingest", *[str(p) for p in sorted((ev / "events").glob("*.csv"))])
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0, help="shrink the case's counts (0.02: 100 photos...)")
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--workers", type=int, default=2, help="processes generating photos")
    parser.add_argument("--workdir", type=Path, help="generate here (kept); reused when it holds truth.json")
    parser.add_argument("--generate-only", action="store_true", help="write the case and stop")
    parser.add_argument("--kill-at", type=float, metavar="SECONDS", help="kill -9 a second run once, rerun, compare")
    parser.add_argument("--baseline", action="store_true", help="also time the separate commands")
    parser.add_argument("--keep-reports", type=Path, metavar="DIR", help="copy the reports here before cleaning up")
    args = parser.parse_args()
    spec = BenchCaseSpec(seed=args.seed, workers=args.workers)
    spec = spec.scaled(args.scale) if args.scale != 1.0 else spec
    with tempfile.TemporaryDirectory(prefix="bench-case-") as tmp:
        root = args.workdir or Path(tmp) / "case"
        root.mkdir(parents=True, exist_ok=True)
        figures: dict[str, Any] = {"cpu": cpu_name(), "scale": args.scale, "spec": spec.__dict__}
        if (root / "truth.json").exists():
            progress(f"reusing the case in {root}")
            truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
        else:
            progress(f"generating {spec.photos} photos, {spec.videos} videos, {spec.messages} messages, "
                     f"{spec.events} events into {root}")
            t0 = time.perf_counter()
            truth = generate(root, spec)
            figures["generate_seconds"] = round(time.perf_counter() - t0, 1)
            print(f"generated in {figures['generate_seconds']} s: {truth['photos']} photos "
                  f"({len(truth['known'])} known items, {len(truth['faces'])} with a face), {len(truth['videos'])} "
                  f"videos, {truth['chats']['messages']} messages in {truth['chats']['files']} chat files, "
                  f"{sum(truth['events'].values())} account events")
        if args.generate_only:
            print(json.dumps(figures))
            return
        home = Path(tmp) / "home"
        foreign = ForeignCpu()
        progress("case: bank, new, add")
        commands = prepare(home, root)
        progress("case run")
        run_s, summary, code = run_case(home)
        commands["case run"] = run_s
        progress("case report")
        report_s, sizes = report(home, Path(tmp) / "report")
        commands["case report"] = report_s
        figures["foreign_cpu"] = foreign.stop()
        total = sum(commands.values())
        goal = GOAL_SECONDS * min(1.0, args.scale)  # a smaller case gets a proportionally smaller budget
        stages = stage_seconds(summary)
        figures.update({"commands_seconds": {k: round(v, 1) for k, v in commands.items()}, "run_exit": code,
                        "stages_seconds": stages, "total_seconds": round(total, 1),
                        "goal_seconds": round(goal), "goal_met": total <= goal, "report_bytes": sizes,
                        "report_mb": round(sum(sizes.values()) / 2**20, 2),
                        "planted": planted_found(Path(tmp) / "report" / "findings.jsonl", truth)})
        for name, seconds in commands.items():
            print(f"  {name:12s} {seconds:8.1f} s")
        for name, seconds in stages.items():
            print(f"    stage {name:14s} {seconds:8.1f} s")
        print(f"total {total:.1f} s against the {GOAL_SECONDS // 60}-minute goal ({goal:.0f} s at this scale): "
              f"{'met' if figures['goal_met'] else 'NOT met'}")
        for name, size in sizes.items():
            print(f"  {name:16s} {size / 2**20:8.2f} MB")
        print(f"planted items named: {json.dumps(figures['planted'])}")
        if args.kill_at is not None:
            other = Path(tmp) / "home-killed"
            prepare(other, root)
            progress(f"case run, kill -9 at {args.kill_at} s")
            _, _, first = run_case(other, args.kill_at)
            progress("case run again, to the end")
            again_s, _, code2 = run_case(other)
            report(other, Path(tmp) / "report-killed")
            a = sorted_findings(Path(tmp) / "report" / "findings.jsonl")
            b = sorted_findings(Path(tmp) / "report-killed" / "findings.jsonl")
            same_rounded = rounded_findings(a) == rounded_findings(b)
            figures["kill"] = {"at_seconds": args.kill_at, "killed": first == -9, "rerun_seconds": round(again_s, 1),
                               "rerun_exit": code2, "findings": len(b), "same_findings": a == b,
                               "same_findings_to_1e-9": same_rounded,
                               "only_in_clean": len(set(a) - set(b)), "only_after_kill": len(set(b) - set(a))}
            for line in sorted(set(a) - set(b))[:2] + sorted(set(b) - set(a))[:2]:
                print(f"  differs: {line[:400]}")
            print(f"kill -9 at {args.kill_at} s ({'killed' if first == -9 else 'finished first'}), rerun "
                  f"{again_s:.1f} s: findings {'the same' if a == b else 'DIFFER'} "
                  f"({figures['kill']['only_in_clean']} only in the clean run, "
                  f"{figures['kill']['only_after_kill']} only after the kill); with numbers to 9 decimals "
                  f"{'the same' if same_rounded else 'DIFFER'}")
        if args.baseline:
            progress("baseline: the separate commands")
            base_s = baseline(Path(tmp) / "home-baseline", root)
            figures["baseline_seconds"] = round(base_s, 1)
            print(f"baseline (separate commands, no glue): {base_s:.1f} s; ratio baseline/case "
                  f"{base_s / total:.2f}")
        if args.keep_reports:
            for name in ("report", "report-killed"):
                if (Path(tmp) / name).is_dir():
                    shutil.copytree(Path(tmp) / name, args.keep_reports / name, dirs_exist_ok=True)
        print(json.dumps(figures, default=str))


if __name__ == "__main__":
    main()
