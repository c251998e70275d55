#!/usr/bin/env python
"""PDQ index at 1M and 10M hashes: childsafe's ``PdqIndex`` against two FAISS baselines.

Engines, all measured in the same run, each in its own child process (so its resident memory is
its own; every child regenerates the same data from the seed and the parent checks a digest):

* ``ours``   - ``childsafe.media.pdq_index.PdqIndex`` (multi-index hashing, exact).
* ``brute``  - FAISS ``IndexBinaryFlat``: exhaustive scan, the ground truth.
* ``hma``    - HMA's configuration: FAISS ``IndexBinaryMultiHash(256, 16 hash tables, 16 bits)``
               with ``nflip = 31 // 16 = 1``, as python-threatexchange's ``PDQMultiHashIndex``
               sets it.  Used bare, without HMA's ``IndexBinaryIDMap2`` wrapper and its Python
               id dictionary (those only add time and memory to the baseline).

Data: N random 256-bit hashes; 1% of the rows are planted near-duplicates (copies of a small pool
of "source" rows with 1-30 random bits flipped, so clusters of ~4).  Queries: half random, half
near-duplicates of indexed rows (400 with 0-31 bits flipped, 50 with exactly 31, 50 with 32-34:
just outside the threshold), half of those based on cluster sources so they hit several rows.

Figures (threshold 31, i.e. distance <= 31; FAISS ``range_search`` keeps distance < radius, so
it is called with radius 32 - checked at start-up on a planted ladder of distances):

* build time; resident memory: the process's RSS once the input data is in memory, the peak RSS
  during build + queries (Linux VmHWM, reset after data generation), the increase over the data;
* single-query latency p50/p99 with one thread (FAISS ``omp_set_num_threads(1)``);
* batch queries/s with one thread for every engine, and with all cores for FAISS (its
  ``range_search`` is OpenMP-parallel; ours' ``search_many`` is a single-threaded loop);
* recall and extras against brute force over all queries; brute force itself is checked against
  an exact numpy popcount on a subset of queries;
* ours only: ``add`` of 1000 new hashes until a search finds one, search latency with that delta,
  ``remove`` of 1000 ids until they stop matching.  The FAISS engines get the same add test, and
  ``remove_ids`` where FAISS implements it.

Run:
    python benchmarks/bench_pdq_index.py             # N = 1M and 10M, ~6 minutes, ~4 GB RAM
    python benchmarks/bench_pdq_index.py --quick     # N = 100k, well under a minute
Progress goes to stderr; stdout gets the table and, last, one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from _common import ForeignCpu, cpu_name, progress

THRESHOLD = 31
DEFAULT_SEED = 20240531
ENGINES = ("ours", "brute", "hma")
ENGINE_LABELS = {
    "ours": "childsafe PdqIndex",
    "brute": "FAISS IndexBinaryFlat (brute force)",
    "hma": "HMA: FAISS IndexBinaryMultiHash 16x16, nflip 1",
}
GOALS_10M = {"recall": 1.0, "p99_ms": 5.0, "peak_rss_bytes": 2_000_000_000, "build_s": 30.0}
ADD_COUNT = 1000
WARMUP_QUERIES = 20

Words = npt.NDArray[np.uint64]


# -- data ------------------------------------------------------------------------------------
@dataclass
class Dataset:
    words: Words  # (N, 4) big-endian words, word 0 = most significant
    ids: npt.NDArray[np.int64]
    queries: Words  # (Q, 4)
    query_kind: npt.NDArray[np.int8]  # 0 random, 1 near-duplicate (0-31 flips), 2 just outside
    digest: str


def flip_random_bits(rows: Words, counts: npt.NDArray[np.int64], rng: np.random.Generator) -> Words:
    """Copy of ``rows`` with ``counts[i]`` distinct random bits flipped in row i."""
    out = rows.copy()
    batch = 8192
    for lo in range(0, len(rows), batch):
        k = counts[lo : lo + batch]
        b = len(k)
        kmax = int(k.max()) if b else 0
        if kmax == 0:
            continue
        positions = np.argsort(rng.random((b, 256), dtype=np.float32), axis=1)[:, :kmax]
        take = np.arange(kmax) < k[:, None]
        bits = np.zeros((b, 256), np.uint8)
        bits[np.nonzero(take)[0], positions[take]] = 1
        masks = np.packbits(bits, axis=1).view(">u8").astype(np.uint64)
        out[lo : lo + b] ^= masks
    return out


def make_dataset(n: int, n_queries: int, seed: int) -> Dataset:
    rng = np.random.default_rng([seed, n])
    words = rng.bit_generator.random_raw(n * 4).reshape(n, 4)
    n_copies = n // 100
    n_sources = max(1, n_copies // 4)
    sources = rng.choice(n - n_copies, n_sources, replace=False)
    copy_of = rng.choice(sources, n_copies)
    words[n - n_copies :] = flip_random_bits(words[copy_of], rng.integers(1, 31, n_copies), rng)
    ids = np.arange(n, dtype=np.int64)

    n_near = n_queries // 2
    n_edge31 = n_near // 10
    n_out = n_near // 10
    n_uniform = n_near - n_edge31 - n_out
    flips = np.concatenate([
        rng.integers(0, 32, n_uniform), np.full(n_edge31, 31), rng.integers(32, 35, n_out)
    ])
    bases = np.where(
        rng.random(n_near) < 0.5, rng.choice(sources, n_near), rng.integers(0, n, n_near)
    )
    near = flip_random_bits(words[bases], flips, rng)
    rand = rng.bit_generator.random_raw((n_queries - n_near) * 4).reshape(-1, 4)
    kind = np.concatenate([
        np.ones(n_uniform + n_edge31, np.int8), np.full(n_out, 2, np.int8),
        np.zeros(len(rand), np.int8),
    ])
    order = rng.permutation(n_queries)
    queries = np.ascontiguousarray(np.concatenate([near, rand])[order])
    h = hashlib.sha1(memoryview(words))
    h.update(memoryview(queries))
    return Dataset(words, ids, queries, kind[order], h.hexdigest())


def words_to_codes(words: Words) -> npt.NDArray[np.uint8]:
    """FAISS binary codes: the 32 bytes of the hash, most significant first."""
    return words.astype(">u8").view(np.uint8).reshape(-1, 32)


# -- memory ----------------------------------------------------------------------------------
class PeakRss:
    """Peak resident set size since :meth:`reset`: Linux VmHWM, or a sampling thread."""

    def __init__(self) -> None:
        import psutil

        self._proc = psutil.Process()
        self._sampled = 0
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.method = "VmHWM"

    def current(self) -> int:
        return int(self._proc.memory_info().rss)

    def reset(self) -> None:
        try:
            with open("/proc/self/clear_refs", "w") as fh:
                fh.write("5")
            self._status("VmHWM")
        except (OSError, KeyError):
            self.method = "psutil sampling every 5 ms"
            self._sampled = self.current()
            if self._thread is None:
                self._thread = threading.Thread(target=self._sample, daemon=True)
                self._thread.start()

    def peak(self) -> int:
        if self.method == "VmHWM":
            return self._status("VmHWM")
        return max(self._sampled, self.current())

    def _sample(self) -> None:
        while not self._stop.wait(0.005):
            self._sampled = max(self._sampled, self.current())

    @staticmethod
    def _status(field: str) -> int:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) * 1024
        raise KeyError(field)


# -- engines ---------------------------------------------------------------------------------
Triples = tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]


class Engine:
    """What the harness needs from an index: build, one query, a batch, an update test."""

    threads_note = ""

    def build(self) -> None:
        raise NotImplementedError

    def query_one(self, i: int) -> Any:
        raise NotImplementedError

    def query_batch(self, threads: int) -> Triples:
        raise NotImplementedError

    def set_threads(self, threads: int) -> None:
        pass

    def update_test(self, n: int, seed: int) -> dict[str, Any]:
        raise NotImplementedError


class OursEngine(Engine):
    threads_note = "build: PdqIndex.build(threads=2); queries: 1 thread (Python loop)"

    def __init__(self, data: Dataset, build_threads: int) -> None:
        from childsafe.media.pdq_index import PdqIndex

        self._cls = PdqIndex
        self.data = data
        self.build_threads = build_threads
        self.threads_note = (
            f"build: PdqIndex.build(threads={build_threads}); queries: 1 thread (Python loop)"
        )
        self.rows = list(data.queries)  # (4,) views, prepared outside the timed loop
        self.index: Any = None

    def build(self) -> None:
        self.index = self._cls.build(self.data.words, self.data.ids, threads=self.build_threads)

    def query_one(self, i: int) -> Any:
        return self.index.search(self.rows[i], threshold=THRESHOLD)

    def query_batch(self, threads: int) -> Triples:
        return hits_to_triples(self.index.search_many(self.data.queries, threshold=THRESHOLD))

    def layout(self) -> list[Any]:
        return [list(x) for x in self.index._layout]  # private: reported for the record only

    def update_test(self, n: int, seed: int) -> dict[str, Any]:
        rng = np.random.default_rng([seed, n, 1])
        new = rng.bit_generator.random_raw(ADD_COUNT * 4).reshape(-1, 4)
        new_ids = np.arange(n, n + ADD_COUNT, dtype=np.int64)
        t0 = time.perf_counter()
        self.index.add(new, new_ids)
        add_s = time.perf_counter() - t0
        hits = self.index.search(new[0], threshold=THRESHOLD)
        matchable_s = time.perf_counter() - t0
        found_first = any(h.id == n for h in hits)
        sample = rng.choice(ADD_COUNT, 100, replace=False)
        found_sample = sum(
            any(h.id == n + int(k) for h in self.index.search(new[k], threshold=THRESHOLD))
            for k in sample
        )
        lat = time_queries(self.query_one, range(min(200, len(self.rows))))
        # remove 500 static rows (the bases of near-duplicate hits) and 500 of the new ones
        static_gone = self.data.ids[rng.choice(n, ADD_COUNT // 2, replace=False)]
        new_gone = new_ids[: ADD_COUNT // 2]
        gone = np.concatenate([static_gone, new_gone])
        t0 = time.perf_counter()
        self.index.remove(gone.tolist())
        remove_s = time.perf_counter() - t0
        hits_new = self.index.search(new[0], threshold=THRESHOLD)
        hits_static = self.index.search(self.data.words[static_gone[0]], threshold=THRESHOLD)
        removed_effective_s = time.perf_counter() - t0
        still_found = any(h.id == n for h in hits_new) or any(
            h.id == int(static_gone[0]) for h in hits_static
        )
        lat_after = time_queries(self.query_one, range(min(200, len(self.rows))))
        return {
            "add_count": ADD_COUNT,
            "add_s": add_s,
            "add_until_matchable_s": matchable_s,
            "added_first_found": found_first,
            "added_found_of_100": int(found_sample),
            "p50_ms_with_delta": pct(lat, 50),
            "p99_ms_with_delta": pct(lat, 99),
            "remove_count": len(gone),
            "remove_s": remove_s,
            "remove_until_unmatched_s": removed_effective_s,
            "removed_still_found": still_found,
            "p50_ms_after_remove": pct(lat_after, 50),
            "p99_ms_after_remove": pct(lat_after, 99),
        }


class FaissEngine(Engine):
    def __init__(self, data: Dataset, kind: str) -> None:
        import faiss

        self.faiss = faiss
        self.kind = kind
        self.codes = words_to_codes(data.words)
        self.qcodes = words_to_codes(data.queries)
        self.rows = [self.qcodes[i : i + 1] for i in range(len(self.qcodes))]
        self.index: Any = None
        self.threads_note = (
            f"build: faiss omp {os.cpu_count()} threads; single queries: omp 1; "
            f"batch: omp 1 and omp {os.cpu_count()}"
        )

    def build(self) -> None:
        f = self.faiss
        f.omp_set_num_threads(os.cpu_count() or 1)
        if self.kind == "brute":
            index = f.IndexBinaryFlat(256)
        else:
            index = f.IndexBinaryMultiHash(256, 16, 16)
            index.nflip = THRESHOLD // 16
        index.add(self.codes)
        self.index = index

    def set_threads(self, threads: int) -> None:
        self.faiss.omp_set_num_threads(threads)

    def query_one(self, i: int) -> Any:
        return self.index.range_search(self.rows[i], THRESHOLD + 1)

    def query_batch(self, threads: int) -> Triples:
        self.faiss.omp_set_num_threads(threads)
        lims, dist, ids = self.index.range_search(self.qcodes, THRESHOLD + 1)
        qidx = np.repeat(np.arange(len(self.qcodes), dtype=np.int64), np.diff(lims).astype(np.int64))
        return qidx, ids.astype(np.int64), dist.astype(np.int64)

    def update_test(self, n: int, seed: int) -> dict[str, Any]:
        rng = np.random.default_rng([seed, n, 1])
        new = words_to_codes(rng.bit_generator.random_raw(ADD_COUNT * 4).reshape(-1, 4))
        self.faiss.omp_set_num_threads(1)
        t0 = time.perf_counter()
        self.index.add(new)
        add_s = time.perf_counter() - t0
        _, _, ids = self.index.range_search(new[:1], THRESHOLD + 1)
        matchable_s = time.perf_counter() - t0
        out: dict[str, Any] = {
            "add_count": ADD_COUNT,
            "add_s": add_s,
            "add_until_matchable_s": matchable_s,
            "added_first_found": bool((ids == n).any()),
        }
        t0 = time.perf_counter()
        try:
            self.index.remove_ids(self.faiss.IDSelectorRange(n, n + ADD_COUNT // 2))
            out["remove_s"] = time.perf_counter() - t0
            out["remove_note"] = "IndexBinaryFlat.remove_ids (shifts the ids after the removed)"
        except RuntimeError as exc:
            out["remove_s"] = None
            out["remove_note"] = "not supported: " + str(exc).splitlines()[0].split(": ")[-1]
        return out


def hits_to_triples(results: Sequence[Sequence[Any]]) -> Triples:
    counts = np.fromiter((len(r) for r in results), np.int64, len(results))
    qidx = np.repeat(np.arange(len(results), dtype=np.int64), counts)
    ids = np.fromiter((h.id for r in results for h in r), np.int64, int(counts.sum()))
    dist = np.fromiter((h.distance for r in results for h in r), np.int64, int(counts.sum()))
    return qidx, ids, dist


def time_queries(fn: Callable[[int], Any], indices: Sequence[int] | range) -> list[float]:
    out = []
    for i in indices:
        t0 = time.perf_counter()
        fn(i)
        out.append(time.perf_counter() - t0)
    return out


def pct(samples: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(samples) * 1e3, q))


def numpy_range_search(words: Words, q: Words, threshold: int) -> tuple[list[int], list[int]]:
    """Exact answer by popcount over every row (chunked to bound memory)."""
    ids: list[int] = []
    dists: list[int] = []
    step = 1 << 20
    for lo in range(0, len(words), step):
        d = np.bitwise_count(words[lo : lo + step] ^ q).sum(axis=1, dtype=np.int64)
        hit = np.nonzero(d <= threshold)[0]
        ids.extend((hit + lo).tolist())
        dists.extend(d[hit].tolist())
    return ids, dists


# -- child process ---------------------------------------------------------------------------
def run_child(engine_name: str, n: int, n_queries: int, n_single: int, n_verify: int, seed: int,
              build_threads: int, out_prefix: Path) -> None:
    t0 = time.perf_counter()
    data = make_dataset(n, n_queries, seed)
    gen_s = time.perf_counter() - t0
    progress(f"  [{engine_name} N={n:,}] data ready in {gen_s:.1f} s")
    engine: Engine
    if engine_name == "ours":
        engine = OursEngine(data, build_threads)
    else:
        engine = FaissEngine(data, engine_name)
        data.words = np.empty((0, 4), np.uint64)  # FAISS holds (N, 32) codes, not the words
    gc.collect()
    mem = PeakRss()
    mem.reset()
    rss_data = mem.current()

    t0 = time.perf_counter()
    engine.build()
    build_s = time.perf_counter() - t0
    rss_built = mem.current()
    progress(f"  [{engine_name} N={n:,}] built in {build_s:.1f} s, "
             f"RSS {rss_built / 1e6:.0f} MB (data {rss_data / 1e6:.0f} MB)")

    engine.set_threads(1)
    single = list(range(min(n_single, n_queries)))
    time_queries(engine.query_one, range(n_queries - WARMUP_QUERIES, n_queries))  # warm-up
    lat = time_queries(engine.query_one, single)
    progress(f"  [{engine_name} N={n:,}] {len(single)} single queries: "
             f"p50 {pct(lat, 50):.3f} ms, p99 {pct(lat, 99):.3f} ms")
    single_results = [engine.query_one(i) for i in single[: min(50, len(single))]]

    t0 = time.perf_counter()
    qidx, ids, dist = engine.query_batch(1)
    batch1_s = time.perf_counter() - t0
    progress(f"  [{engine_name} N={n:,}] batch of {n_queries}, 1 thread: {batch1_s:.2f} s")
    batch_all_s = None
    if engine_name != "ours" and (os.cpu_count() or 1) > 1:
        t0 = time.perf_counter()
        engine.query_batch(os.cpu_count() or 1)
        batch_all_s = time.perf_counter() - t0
        progress(f"  [{engine_name} N={n:,}] batch, {os.cpu_count()} threads: {batch_all_s:.2f} s")
    peak = mem.peak()

    consistent = single_batch_consistent(engine_name, single_results, qidx, ids)
    update = engine.update_test(n, seed)
    progress(f"  [{engine_name} N={n:,}] update test: {update}")

    verify: dict[str, Any] = {}
    if engine_name == "brute" and n_verify:
        data = make_dataset(n, n_queries, seed)  # the words again, after memory was measured
        picks = np.linspace(0, n_queries - 1, min(n_verify, n_queries)).astype(int)
        agree = 0
        for qi in picks:
            exp_ids, exp_d = numpy_range_search(data.words, data.queries[qi], THRESHOLD)
            sel = qidx == qi
            got = sorted(zip(ids[sel].tolist(), dist[sel].tolist(), strict=True))
            agree += got == sorted(zip(exp_ids, exp_d, strict=True))
        verify = {"numpy_checked_queries": len(picks), "numpy_agreeing_queries": int(agree)}
        progress(f"  [brute N={n:,}] exact numpy check: {agree}/{len(picks)} queries agree")

    record = {
        "engine": engine_name,
        "n": n,
        "digest": data.digest,
        "data_gen_s": gen_s,
        "build_s": build_s,
        "rss_data_bytes": rss_data,
        "rss_after_build_bytes": rss_built,
        "peak_rss_bytes": peak,
        "peak_increase_bytes": peak - rss_data,
        "memory_method": mem.method,
        "single_queries": len(single),
        "p50_ms": pct(lat, 50),
        "p99_ms": pct(lat, 99),
        "mean_ms": float(np.mean(lat) * 1e3),
        "max_ms": float(np.max(lat) * 1e3),
        "batch_qps_1_thread": n_queries / batch1_s,
        "batch_qps_all_threads": None if batch_all_s is None else n_queries / batch_all_s,
        "single_matches_batch": consistent,
        "threads": engine.threads_note,
        "update": update,
        **verify,
    }
    if isinstance(engine, OursEngine):
        record["layout"] = engine.layout()
    np.savez(out_prefix.with_suffix(".npz"), qidx=qidx, ids=ids, dist=dist,
             kind=data.query_kind)
    out_prefix.with_suffix(".json").write_text(json.dumps(record))


def single_batch_consistent(engine: str, single: list[Any], qidx: Any, ids: Any) -> bool:
    for i, res in enumerate(single):
        if engine == "ours":
            got = sorted(h.id for h in res)
        else:
            got = sorted(res[2].tolist())
        if got != sorted(ids[qidx == i].tolist()):
            return False
    return True


# -- parent ----------------------------------------------------------------------------------
def check_faiss_radius() -> str:
    """FAISS binary range_search keeps distance < radius: verify on a ladder of distances."""
    import faiss

    base = np.zeros(256, np.uint8)
    ladder = []
    for k in range(40):
        bits = base.copy()
        bits[::-1][:k] = 1  # flip k bits, spread over several 16-bit chunks from the end
        ladder.append(np.packbits(bits))
    db = np.stack(ladder)
    for index in (faiss.IndexBinaryFlat(256), faiss.IndexBinaryMultiHash(256, 16, 16)):
        if isinstance(index, faiss.IndexBinaryMultiHash):
            index.nflip = 1
        index.add(db)
        _, dist, ids = index.range_search(db[:1], THRESHOLD + 1)
        if sorted(ids.tolist()) != list(range(THRESHOLD + 1)) or dist.max() != THRESHOLD:
            raise SystemExit(f"unexpected FAISS range_search semantics: {sorted(ids.tolist())}")
    return "range_search(q, 32) returns exactly distances 0..31 (strict '<' radius) - checked"


def run_engine(engine: str, n: int, args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    prefix = tmp / f"{engine}-{n}"
    cmd = [sys.executable, __file__, "--child", engine, "--n", str(n), "--queries",
           str(args.queries), "--single", str(args.single), "--verify", str(args.verify),
           "--seed", str(args.seed), "--build-threads", str(args.build_threads),
           "--out-prefix", str(prefix)]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    record: dict[str, Any] = json.loads(prefix.with_suffix(".json").read_text())
    record["wall_s"] = time.perf_counter() - t0
    with np.load(prefix.with_suffix(".npz")) as z:
        record["_results"] = {k: z[k] for k in z.files}
    return record


def compare(result: dict[str, Any], truth: dict[str, Any]) -> dict[str, Any]:
    def pairs(r: dict[str, Any]) -> dict[tuple[int, int], int]:
        z = r["_results"]
        return dict(zip(zip(z["qidx"].tolist(), z["ids"].tolist(), strict=True),
                        z["dist"].tolist(), strict=True))

    got, want = pairs(result), pairs(truth)
    common = got.keys() & want.keys()
    return {
        "true_hits": len(want),
        "found": len(common),
        "recall": len(common) / len(want) if want else 1.0,
        "extra": len(got.keys() - want.keys()),
        "distance_mismatches": sum(got[k] != want[k] for k in common),
    }


def truth_summary(truth: dict[str, Any]) -> dict[str, Any]:
    z = truth["_results"]
    per_query = np.bincount(z["qidx"], minlength=len(z["kind"]))
    return {
        "hits": int(len(z["ids"])),
        "queries_with_hits": int((per_query > 0).sum()),
        "max_hits_per_query": int(per_query.max()),
        "hits_at_distance_31": int((z["dist"] == THRESHOLD).sum()),
        "hits_at_distance_28_to_31": int((z["dist"] >= 28).sum()),
        "random_queries_with_hits": int((per_query[z["kind"] == 0] > 0).sum()),
    }


def fmt_mb(b: float | None) -> str:
    return "-" if b is None else f"{b / 1e6:,.0f}"


def fmt(x: float | None, spec: str) -> str:
    return "-" if x is None else format(x, spec)


def print_size(n: int, n_queries: int, recs: dict[str, dict[str, Any]],
               ratios: dict[str, Any]) -> None:
    truth = recs["brute"]["truth"]
    print(f"\nN = {n:,} hashes (1% planted near-duplicates); {n_queries} queries, threshold "
          f"{THRESHOLD}; ground truth: {truth['hits']:,} hits, {truth['queries_with_hits']} "
          f"queries with hits, {truth['hits_at_distance_31']} hits at exactly 31, "
          f"{truth['hits_at_distance_28_to_31']} at 28-31")
    head = (f"{'engine':<48} {'build s':>8} {'data MB':>8} {'built MB':>9} {'peak MB':>8} "
            f"{'+MB':>7} {'p50 ms':>8} {'p99 ms':>8} {'q/s 1thr':>9} {'q/s all':>9} "
            f"{'recall':>7} {'extra':>6}")
    print(head)
    print("-" * len(head))
    for name in ENGINES:
        r = recs.get(name)
        if r is None:
            continue
        c = r["vs_brute"]
        print(f"{ENGINE_LABELS[name]:<48} {r['build_s']:>8.2f} {fmt_mb(r['rss_data_bytes']):>8} "
              f"{fmt_mb(r['rss_after_build_bytes']):>9} {fmt_mb(r['peak_rss_bytes']):>8} "
              f"{fmt_mb(r['peak_increase_bytes']):>7} {r['p50_ms']:>8.3f} {r['p99_ms']:>8.3f} "
              f"{r['batch_qps_1_thread']:>9,.0f} {fmt(r['batch_qps_all_threads'], ',.0f'):>9} "
              f"{c['recall']:>7.4f} {c['extra']:>6}")
    for name, label in (("brute", "brute force"), ("hma", "HMA")):
        if name in ratios:
            x = ratios[name]
            print(f"  ours/{label}: p50 {x['p50_ours_over_base']:.4f} (ours {x['p50_speedup']:.1f}x "
                  f"faster), p99 {x['p99_ours_over_base']:.4f} (ours {x['p99_speedup']:.1f}x "
                  f"faster), batch 1 thread {x['batch_1_thread_speedup']:.1f}x, "
                  f"build {x['build_ours_over_base']:.2f}x the time, "
                  f"peak RSS {x['peak_rss_ours_over_base']:.2f}x")
    ours = recs.get("ours")
    if ours:
        u = ours["update"]
        print(f"  ours updates: add {u['add_count']} in {u['add_s'] * 1e3:.2f} ms, first one "
              f"matchable after {u['add_until_matchable_s'] * 1e3:.2f} ms "
              f"(found: {u['added_first_found']}, {u['added_found_of_100']}/100 sampled found); "
              f"p50/p99 with that delta {u['p50_ms_with_delta']:.3f}/{u['p99_ms_with_delta']:.3f}"
              f" ms; remove {u['remove_count']} in {u['remove_s'] * 1e3:.1f} ms, unmatched after "
              f"{u['remove_until_unmatched_s'] * 1e3:.1f} ms (still found: "
              f"{u['removed_still_found']})")
    for name in ("brute", "hma"):
        if name in recs:
            u = recs[name]["update"]
            rm = "-" if u["remove_s"] is None else f"{u['remove_s'] * 1e3:.1f} ms"
            print(f"  {name} updates: add {u['add_count']} in {u['add_s'] * 1e3:.2f} ms, "
                  f"matchable after {u['add_until_matchable_s'] * 1e3:.2f} ms; remove {rm} "
                  f"({u['remove_note']})")
    if "brute" in recs and "numpy_checked_queries" in recs["brute"]:
        b = recs["brute"]
        print(f"  brute force vs exact numpy popcount: {b['numpy_agreeing_queries']}/"
              f"{b['numpy_checked_queries']} queries identical")
    bad = [k for k, r in recs.items() if not r["single_matches_batch"]]
    if bad:
        print(f"  WARNING: single-query results differ from batch results for {bad}")


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="N = 100k only (checks the script)")
    p.add_argument("--sizes", type=int, nargs="+", default=[1_000_000, 10_000_000])
    p.add_argument("--queries", type=int, default=1000, help="batch / recall queries")
    p.add_argument("--single", type=int, default=500, help="single queries timed for p50/p99")
    p.add_argument("--verify", type=int, default=32, help="queries re-checked with numpy")
    p.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    p.add_argument("--build-threads", type=int, default=2, help="PdqIndex.build(threads=...)")
    p.add_argument("--child", choices=ENGINES, help=argparse.SUPPRESS)
    p.add_argument("--n", type=int, help=argparse.SUPPRESS)
    p.add_argument("--out-prefix", type=Path, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.child:
        run_child(args.child, args.n, args.queries, args.single, args.verify, args.seed,
                  args.build_threads, args.out_prefix)
        return
    if args.quick:
        args.sizes = [100_000]
    if "brute" not in args.engines:
        p.error("brute force is the ground truth: keep 'brute' in --engines")
    import faiss

    radius_note = check_faiss_radius()
    progress(radius_note)
    env = {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "faiss": faiss.__version__,
        "cpu": cpu_name(),
        "cores": os.cpu_count(),
        "platform": platform.platform(),
    }
    out: dict[str, Any] = {"bench": "pdq_index", "threshold": THRESHOLD, "queries": args.queries,
                           "single_queries": args.single, "seed": args.seed,
                           "faiss_radius": radius_note, "env": env, "sizes": {}}
    foreign = ForeignCpu()
    with tempfile.TemporaryDirectory(prefix="childsafe-bench-") as tmpdir:
        for n in args.sizes:
            recs: dict[str, dict[str, Any]] = {}
            for engine in ["brute"] + [e for e in args.engines if e != "brute"]:
                progress(f"N={n:,}: {ENGINE_LABELS[engine]} ...")
                recs[engine] = run_engine(engine, n, args, Path(tmpdir))
            digests = {r["digest"] for r in recs.values()}
            if len(digests) != 1:
                raise SystemExit(f"children generated different data: {digests}")
            truth = recs["brute"]
            truth["truth"] = truth_summary(truth)
            for r in recs.values():
                r["vs_brute"] = compare(r, truth)
            ratios = {name: ratio(recs["ours"], recs[name])
                      for name in ("brute", "hma") if name in recs and "ours" in recs}
            print_size(n, args.queries, recs, ratios)
            for r in recs.values():
                r.pop("_results")
            out["sizes"][str(n)] = {"engines": recs, "ratios": ratios}
    busy = out["other_processes_cpu"] = foreign.stop()
    if busy is not None and busy["other_cores_busy"] > 0.05:
        print(f"\nCAUTION: other processes used {busy['other_cores_busy']:.0%} of a core during the "
              f"run ({busy['other_cpu_s']:.0f} CPU-s in {busy['wall_s']:.0f} s); timings may be "
              f"pessimistic.")
    big = max(args.sizes)
    ours_big = out["sizes"][str(big)]["engines"].get("ours")
    if ours_big:
        goals = {
            "size": big,
            "recall_1_no_extra": ours_big["vs_brute"]["recall"] >= GOALS_10M["recall"]
            and ours_big["vs_brute"]["extra"] == 0,
            "p99_le_5ms": ours_big["p99_ms"] <= GOALS_10M["p99_ms"],
            "peak_rss_le_2GB": ours_big["peak_rss_bytes"] <= GOALS_10M["peak_rss_bytes"],
            "build_le_30s": ours_big["build_s"] <= GOALS_10M["build_s"],
        }
        out["goals"] = goals
        label = "10M" if big == 10_000_000 else f"{big:,} (goals are stated for 10M)"
        print(f"\nGoals at {label}: recall 1.0 with no extras: {yes(goals['recall_1_no_extra'])}; "
              f"p99 {ours_big['p99_ms']:.3f} ms <= 5 ms: {yes(goals['p99_le_5ms'])}; "
              f"peak RSS {ours_big['peak_rss_bytes'] / 1e9:.2f} GB <= 2 GB: "
              f"{yes(goals['peak_rss_le_2GB'])}; build {ours_big['build_s']:.1f} s <= 30 s: "
              f"{yes(goals['build_le_30s'])}")
    print("Threads: " + "; ".join(
        f"{k}: {v['threads']}" for k, v in out["sizes"][str(big)]["engines"].items()))
    print("Memory: RSS of each engine's own process; 'data' = after generating the hashes "
          "(ours: (N,4) uint64 words + int64 ids; FAISS: (N,32) uint8 codes), 'peak' = VmHWM over "
          "build + queries, '+MB' = peak - data. MB = 10^6 bytes.")
    print(json.dumps(out))


def ratio(ours: dict[str, Any], base: dict[str, Any]) -> dict[str, float]:
    return {
        "p50_ours_over_base": ours["p50_ms"] / base["p50_ms"],
        "p99_ours_over_base": ours["p99_ms"] / base["p99_ms"],
        "p50_speedup": base["p50_ms"] / ours["p50_ms"],
        "p99_speedup": base["p99_ms"] / ours["p99_ms"],
        "batch_1_thread_speedup": ours["batch_qps_1_thread"] / base["batch_qps_1_thread"],
        "build_ours_over_base": ours["build_s"] / base["build_s"],
        "peak_rss_ours_over_base": ours["peak_rss_bytes"] / base["peak_rss_bytes"],
    }


def yes(flag: bool) -> str:
    return "MET" if flag else "NOT MET"


if __name__ == "__main__":
    main()
