#!/usr/bin/env python
"""Network analysis: ranking and linkage quality on the synthetic platform, and scale at 10M edges.

``quality`` (default): for each generator seed, a platform of ``--accounts`` ordinary users (with
hubs, families, alts, public IPs and viral media as noise, and six offender rings) is written,
ingested with ``childsafe graph ingest`` semantics into a fresh store, and ranked from the ring
seeds (one confirmed account per ring).  A hash list holds a share (``--bank-share``) of the rings'
known media.  Printed in the same run:

* precision@50 of the fused ranking (``rank_accounts``) among non-seed accounts;
* the same for degree centrality alone (distinct contacts), the named baseline, and the ratio;
* the ceiling (non-seed offenders / 50: a platform with fewer than 50 cannot reach 1.0);
* ablations: fused without the hash list, without the seeds, and without contact patterns;
* linkage precision, recall and F1 over account pairs of multi-account persons.

Seed 7 is the platform the weights were looked at on; the other seeds are held out.

``scale``: ``--scale-accounts`` ordinary users (1M gives about 10.7M message rows and 13M edge
rows in all) are generated, then ``childsafe graph ingest`` and ``childsafe graph rank`` run as
subprocesses; wall time and the peak resident memory of each are printed.  Goal (issue 5):
ingest + rank of 10M edges in <= 10 minutes and <= 8 GB on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

import numpy as np
from _common import cpu_name, pkg_version, progress

from childsafe.graph.build import contact_pairs
from childsafe.graph.linkage import link_accounts
from childsafe.graph.rank import RankSettings, rank_accounts
from childsafe.graph.synthetic import PlatformSpec, PlatformTruth, generate_platform
from childsafe.matching import Matcher
from childsafe.store.base import NewEntry
from childsafe.store.graph import GraphStore, media_matcher
from childsafe.store.sql import open_store

KINDS = ("accounts", "identifiers", "media", "messages")


def precision_at(ranked: list[str], offenders: set[str], k: int) -> float:
    return sum(a in offenders for a in ranked[:k]) / k


def quality(seed: int, accounts: int, bank_share: float, k: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        truth = generate_platform(root / "platform", PlatformSpec(seed=seed, accounts=accounts))
        store = open_store(f"sqlite:///{root / 'store.db'}")
        graph = GraphStore(store)
        started = time.perf_counter()
        for kind in KINDS:
            graph.ingest_file(getattr(truth, kind), kind)
        ingest_s = time.perf_counter() - started
        _bank(store, truth, bank_share, seed)
        matcher = media_matcher(Matcher(store, None))
        net = graph.load(matcher)
        offenders = set(truth.offenders)
        seeds = set(truth.seeds)
        started = time.perf_counter()
        fused = rank_accounts(net, truth.seeds, top=k)
        rank_s = time.perf_counter() - started
        p_fused = precision_at([lead.account for lead in fused.leads], offenders, k)
        a, b, _ = contact_pairs(net)
        degree = np.bincount(a, minlength=net.n_accounts) + np.bincount(b, minlength=net.n_accounts)
        by_degree = [net.accounts[i] for i in np.argsort(-degree, kind="stable") if net.accounts[i] not in seeds]
        p_degree = precision_at(by_degree, offenders, k)
        bare = graph.load(None)
        p_no_bank = precision_at([lead.account for lead in rank_accounts(bare, truth.seeds, top=k).leads], offenders, k)
        no_contact = rank_accounts(net, truth.seeds, top=k, settings=RankSettings(contact=0.0))
        p_no_contact = precision_at([lead.account for lead in no_contact.leads], offenders, k)
        no_seed = rank_accounts(net, (), top=k + len(seeds))
        p_no_seeds = precision_at([lead.account for lead in no_seed.leads if lead.account not in seeds], offenders, k)
        started = time.perf_counter()
        persons = link_accounts(bare)
        link_s = time.perf_counter() - started
        store.close()
    truth_pairs = _pairs(p for p in truth.persons if len(p) > 1)
    found_pairs = _pairs(p.accounts for p in persons)
    tp = len(truth_pairs & found_pairs)
    precision = tp / len(found_pairs) if found_pairs else 0.0
    recall = tp / len(truth_pairs) if truth_pairs else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "seed": seed, "accounts": net.n_accounts, "messages": int(net.msg_sender.size),
        "offenders": len(offenders), "seeds": len(seeds), "media_matching_bank": len(net.media_evidence),
        f"precision@{k}": p_fused, f"degree_precision@{k}": p_degree,
        "ratio_vs_degree": round(p_fused / p_degree, 2) if p_degree else None,
        f"ceiling@{k}": min(len(offenders - seeds), k) / k,
        f"no_bank_precision@{k}": p_no_bank, f"no_seeds_precision@{k}": p_no_seeds,
        f"no_contact_pattern_precision@{k}": p_no_contact,
        "link_precision": round(precision, 4), "link_recall": round(recall, 4), "link_f1": round(f1, 4),
        "link_pairs_truth": len(truth_pairs), "link_pairs_found": len(found_pairs),
        "ingest_s": round(ingest_s, 2), "rank_s": round(rank_s, 2), "link_s": round(link_s, 2),
    }


def _bank(store: object, truth: PlatformTruth, share: float, seed: int) -> None:
    rng = random.Random(seed)
    items = [m for m in truth.known_abuse_media if rng.random() < share]
    store.create_bank("known-abuse", pdq_threshold=31)  # type: ignore[attr-defined]
    entries = [NewEntry(kind, value, label=f"item-{m.ring}-{j}")
               for j, m in enumerate(items) for kind, value in (("sha256", m.sha256), ("pdq", m.pdq))]
    store.add_entries("known-abuse", entries)  # type: ignore[attr-defined]


def _pairs(groups: object) -> set[tuple[str, str]]:
    return {tuple(sorted(p)) for g in groups for p in combinations(g, 2)}  # type: ignore[attr-defined, misc]


def scale(accounts: int, workdir: Path, keep: bool) -> dict[str, object]:
    platform = workdir / "platform"
    home = workdir / "home"
    if not (platform / "truth.json").exists():
        progress(f"generating {accounts:,} accounts ...")
        started = time.perf_counter()
        generate_platform(platform, PlatformSpec(accounts=accounts))
        progress(f"generated in {time.perf_counter() - started:.0f} s")
    rows = {k: sum(1 for _ in (platform / f"{k}.csv").open("rb")) - 1 for k in KINDS}
    env = dict(os.environ, CHILDSAFE_HOME=str(home))
    exe = [str(Path(sys.executable).parent / "childsafe")]
    out: dict[str, object] = {"accounts": accounts, "rows": rows, "edge_rows": sum(rows[k] for k in KINDS[1:])}
    for step, args in (("ingest", ["graph", "ingest", *(str(platform / f"{k}.csv") for k in KINDS)]),
                       ("rank", ["graph", "rank", "--seeds", str(platform / "seeds.txt"), "--top", "50"])):
        progress(f"{step} ...")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        done = subprocess.run([*exe, *args], env=env, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        if done.returncode != 0:
            raise SystemExit(f"{step} failed ({done.returncode}): {done.stderr[-2000:]}")
        out[f"{step}_s"] = round(seconds, 1)
        # ru_maxrss of children is the largest of any child so far: report it only when it grew.
        out[f"{step}_peak_gb"] = round(peak_kb / 1024**2, 2) if peak_kb > before else f"<= {before / 1024**2:.2f}"
        progress(f"{step}: {seconds:.0f} s; {done.stderr.strip().splitlines()[-1] if done.stderr.strip() else ''}")
        if step == "rank":
            leads = [json.loads(line) for line in done.stdout.splitlines()]
            truth = json.loads((platform / "truth.json").read_text())
            offenders = set(truth["offenders"])
            out["rank_precision@50"] = sum(lead["account"] in offenders for lead in leads) / 50
    out["total_s"] = round(float(out["ingest_s"]) + float(out["rank_s"]), 1)  # type: ignore[arg-type]
    out["store_gb"] = round(sum(p.stat().st_size for p in home.glob("*")) / 1024**3, 2)
    if not keep:
        for p in home.glob("*"):
            p.unlink()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mode", choices=("quality", "scale"), default="quality")
    parser.add_argument("--seeds", default="7,11,23", help="generator seeds (quality)")
    parser.add_argument("--accounts", type=int, default=20_000, help="ordinary accounts (quality)")
    parser.add_argument("--bank-share", type=float, default=0.5, help="share of ring media in the hash list")
    parser.add_argument("--k", type=int, default=50)
    parser.add_argument("--scale-accounts", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=Path(__file__).parent / "out" / "graph-scale")
    parser.add_argument("--keep", action="store_true", help="keep the scale store")
    args = parser.parse_args()
    header = {"cpu": cpu_name(), "cores": os.cpu_count(), "igraph": pkg_version("igraph"),
              "sqlite": __import__("sqlite3").sqlite_version}
    print(json.dumps(header))
    if args.mode == "scale":
        args.workdir.mkdir(parents=True, exist_ok=True)
        print(json.dumps(scale(args.scale_accounts, args.workdir, args.keep)))
        return 0
    results = []
    for seed in (int(s) for s in args.seeds.split(",")):
        progress(f"seed {seed} ...")
        result = quality(seed, args.accounts, args.bank_share, args.k)
        results.append(result)
        print(json.dumps(result))
    k = args.k
    worst = {name: min(float(r[name]) for r in results)  # type: ignore[arg-type]
             for name in (f"precision@{k}", f"degree_precision@{k}", "link_f1")}
    print(json.dumps({"summary": True, "worst_" + f"precision@{k}": worst[f"precision@{k}"],
                      "worst_degree_precision": worst[f"degree_precision@{k}"],
                      "min_ratio_vs_degree": min(float(r["ratio_vs_degree"] or 0) for r in results),  # type: ignore[arg-type]
                      "worst_link_f1": worst["link_f1"],
                      "goals": {"precision@50 >= 0.9": worst[f"precision@{k}"] >= 0.9,
                                ">= 2x degree": all((r["ratio_vs_degree"] or 0) >= 2 for r in results),  # type: ignore[operator]
                                "link F1 >= 0.95": worst["link_f1"] >= 0.95}}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
