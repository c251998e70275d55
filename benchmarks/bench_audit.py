#!/usr/bin/env python
"""What the audit key costs: appends and verification, keyed (HMAC chain) against the hash chain alone.

Baseline: the audit log before issue 10 (``ServiceStore`` without a signer: SHA-256 chain only).
Ours: the same store with a :class:`~childsafe.store.audit_keys.FileKeySigner` (one HMAC per entry)
and an automatic checkpoint every 100 entries.  Both append ``--entries`` entries, one transaction
each (as every audited action is), into a fresh SQLite store in a temporary folder, then verify the
whole log (best of five); the script prints both and the ratios.

Run:
    python benchmarks/bench_audit.py                # 2,000 entries
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from childsafe.store import open_store
from childsafe.store.audit_checkpoints import CheckpointFile
from childsafe.store.audit_keys import FileKeySigner
from childsafe.store.service import ServiceStore


def run(folder: Path, entries: int, keyed: bool) -> dict[str, float]:
    store = open_store(f"sqlite:///{folder / 'db.sqlite3'}")
    try:
        if keyed:
            service = ServiceStore(store, FileKeySigner(folder / "audit.key"),
                                   checkpoints=CheckpointFile(folder / "checkpoints.jsonl"), checkpoint_every=100)
        else:
            service = ServiceStore(store)
        started = time.perf_counter()
        for i in range(entries):
            service.append_audit(None, "bench", "bench.event", f"item-{i}", {"i": i, "reason": "a short reason"})
        appended = time.perf_counter() - started
        verified = float("inf")
        for _ in range(5):  # best of five: the machine is shared
            started = time.perf_counter()
            report = service.verify_audit()
            verified = min(verified, time.perf_counter() - started)
        assert report.ok and report.entries == entries and report.macs_checked == keyed, report
        return {"appends_per_s": round(entries / appended, 1), "verify_s": round(verified, 3),
                "verify_entries_per_s": round(entries / verified, 1)}
    finally:
        store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--entries", type=int, default=2_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as base, tempfile.TemporaryDirectory() as ours:
        hash_only = run(Path(base), args.entries, keyed=False)
        keyed = run(Path(ours), args.entries, keyed=True)
    print(json.dumps({"entries": args.entries, "hash_chain_only": hash_only, "keyed": keyed,
                      "append_rate_ratio": round(keyed["appends_per_s"] / hash_only["appends_per_s"], 3),
                      "verify_time_ratio": round(keyed["verify_s"] / hash_only["verify_s"], 3)}, indent=1))


if __name__ == "__main__":
    main()
