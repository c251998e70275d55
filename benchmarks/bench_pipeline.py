"""``childsafe scan`` and ``childsafe triage`` on one generated case: this tree against a base revision.

The one-walk pipeline (issue 13.1) must not make scanning slower, and triage now runs on the
scan's walk (worker processes, archives).  Both source trees run the same commands on the same
case in the same run, alternately, each in a fresh home (nothing to resume): the base revision is
extracted with ``git archive`` into a temporary folder and put first on ``PYTHONPATH``.

The case: ``--photos`` generated JPEGs (640x480) in a folder and ``--zipped`` more inside a zip.
``triage`` is timed on the photo folder alone (``--triage-photos`` of them: the base reads no
archives) with its defaults (NudeNet when installed, dlib HOG faces).

Run: ``python benchmarks/bench_pipeline.py [--base 05f4541] [--rounds 3] [--workers 2]``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ForeignCpu, cpu_name, progress  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
#: CPU seconds of each timed command, in order (less disturbed than wall time on a shared machine).
CPU_SECONDS: list[float] = []


def make_case(root: Path, photos: int, zipped: int, triage_photos: int) -> tuple[Path, Path]:
    sys.path.insert(0, str(REPO))
    from tests.conftest import make_picture

    case = root / "case"
    (case / "photos").mkdir(parents=True)
    for i in range(photos):
        make_picture(i, (640, 480)).save(case / "photos" / f"{i:04d}.jpg", quality=90)
    with zipfile.ZipFile(case / "more.zip", "w") as zf:
        for i in range(zipped):
            path = root / "member.jpg"
            make_picture(10_000 + i, (640, 480)).save(path, quality=90)
            zf.write(path, f"m{i:04d}.jpg")
    folder = root / "triage"
    folder.mkdir()
    for i in range(min(triage_photos, photos)):
        (folder / f"{i:04d}.jpg").write_bytes((case / "photos" / f"{i:04d}.jpg").read_bytes())
    return case, folder


def extract(base: str, into: Path) -> Path:
    archive = subprocess.run(["git", "-C", str(REPO), "archive", base, "src"], check=True, capture_output=True)
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)
    return into / "src"


def timed(src: Path, home: Path, *args: str) -> tuple[float, int]:
    """Wall seconds and report lines of one command; its CPU seconds (workers included) go to CPU_SECONDS."""
    env = dict(os.environ, PYTHONPATH=str(src), CHILDSAFE_HOME=str(home))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "childsafe", *args], env=env, capture_output=True, text=True,
                          check=False, timeout=3600)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU_SECONDS.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"{args[0]} failed with {proc.returncode}: {proc.stderr[-2000:]}")
    lines = [json.loads(x) for x in proc.stdout.splitlines() if x.strip()]
    return seconds, sum(1 for x in lines if "path" in x)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="05f4541", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--zipped", type=int, default=50)
    parser.add_argument("--triage-photos", type=int, default=40)
    parser.add_argument("--commands", nargs="*", default=["scan", "triage"], help="scan and/or triage")
    parser.add_argument("--triage-workers", type=int, nargs="*", default=[],
                        help="also time ours with these --workers (the base has no such option)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="childsafe-bench-pipeline-") as tmp:
        work = Path(tmp)
        progress("making the case")
        case, folder = make_case(work, args.photos, args.zipped, args.triage_photos)
        trees = {"base": extract(args.base, work), "ours": REPO / "src"}
        commands = {"scan": ("scan", str(case), "--workers", str(args.workers)),
                    "triage": ("triage", str(folder))}
        commands = {name: argv for name, argv in commands.items() if name in args.commands}
        variants = {f"triage --workers {n}": ("triage", str(folder), "--workers", str(n)) for n in args.triage_workers}
        times: dict[tuple[str, str], list[float]] = {}
        items: dict[tuple[str, str], int] = {}
        cpu: dict[tuple[str, str], list[float]] = {}
        foreign = ForeignCpu()
        run = 0
        for round_no in range(args.rounds):
            order = list(trees) if round_no % 2 == 0 else list(reversed(trees))
            for command, argv in commands.items():
                for tree in order:
                    run += 1
                    seconds, count = timed(trees[tree], work / f"home-{run}", *argv)
                    times.setdefault((command, tree), []).append(seconds)
                    cpu.setdefault((command, tree), []).append(CPU_SECONDS[-1])
                    items[(command, tree)] = count
                    progress(f"round {round_no + 1}: {command} {tree}: {seconds:.2f} s "
                             f"(CPU {CPU_SECONDS[-1]:.2f} s), {count} items")
            for command, argv in variants.items():
                run += 1
                seconds, count = timed(trees["ours"], work / f"home-{run}", *argv)
                times.setdefault((command, "ours"), []).append(seconds)
                progress(f"round {round_no + 1}: {command} ours: {seconds:.2f} s, {count} items")
        load = foreign.stop()
    result: dict[str, object] = {"cpu": cpu_name(), "cores": os.cpu_count(), "base": args.base,
                                 "workers": args.workers, "other_load": load}
    for command in commands:
        base, ours = statistics.median(times[(command, "base")]), statistics.median(times[(command, "ours")])
        result[command] = {"base_s": round(base, 2), "ours_s": round(ours, 2),
                           "ratio_base_over_ours": round(base / ours, 3),
                           "cpu_base_s": round(statistics.median(cpu[(command, "base")]), 2),
                           "cpu_ours_s": round(statistics.median(cpu[(command, "ours")]), 2),
                           "base_items": items[(command, "base")], "ours_items": items[(command, "ours")],
                           "base_runs": [round(x, 2) for x in times[(command, "base")]],
                           "ours_runs": [round(x, 2) for x in times[(command, "ours")]]}
    for command in variants:
        ours = statistics.median(times[(command, "ours")])
        base = statistics.median(times[("triage", "base")])
        result[command] = {"ours_s": round(ours, 2), "ratio_base_over_ours": round(base / ours, 3),
                           "ours_runs": [round(x, 2) for x in times[(command, "ours")]]}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
