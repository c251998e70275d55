"""``triage`` and ``faces index`` as runs of the one walk (``scan`` is :func:`~childsafe.scan.run_scan`).

Each is the walk of :mod:`childsafe.scan.runner` with one analyser, so each reads zip and tar
archives, resumes (a finished item is stored with its analysers' fingerprints and skipped next
time), runs in worker processes, shows progress on a terminal and reports every item's error
the same way: ``path`` and ``error`` (the walk's or the hasher's, else the analyser's).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from childsafe.faces.describe import DESCRIPTOR_SIZE
from childsafe.faces.indexing import FaceAnalyser, FaceStore
from childsafe.matching import Matcher
from childsafe.scan.runner import ItemReport, ScanOptions, ScanSummary, run_pipeline
from childsafe.store.base import Store
from childsafe.triage.engine import TriageAnalyser, triage_result
from childsafe.triage.priority import TriageResult

__all__ = ["FaceIndexStore", "FaceIndexSummary", "index_faces_tree", "triage_tree"]

#: Fields of a faces line besides ``path``, ``faces`` and ``error``, when the item has them.
_FACE_LINE_EXTRAS = ("warning", "archive", "members")


def triage_tree(root: Path, store: Store | None, matcher: Matcher | None, analyser: TriageAnalyser,
                options: ScanOptions | None = None, *, in_process: bool = False
                ) -> tuple[list[TriageResult], ScanSummary]:
    """Triage every item under ``root``, in walk order; ``store`` None neither resumes nor stores."""
    walk = options or ScanOptions(progress=False, in_process=in_process)
    walk = replace(walk, hash_options=analyser.hash_options, analysers=(analyser,))
    weights = analyser.options.weights if analyser.options is not None else None
    results: list[TriageResult] = []
    summary = run_pipeline(root, store, matcher, walk,
                           lambda item: results.append(triage_result(item.record, item.matched, weights)))
    return results, summary


class FaceIndexStore(Store, FaceStore, Protocol):
    """A store that keeps scan records (resume) and faces (:class:`~childsafe.store.sql.SqlStore`)."""


FaceIndexSummary = dict[str, int]


def index_faces_tree(root: Path, store: FaceIndexStore, analyser: FaceAnalyser, options: ScanOptions,
                     on_item: Callable[[dict[str, Any]], None] = lambda _r: None
                     ) -> tuple[FaceIndexSummary, ScanSummary]:
    """Index every face under ``root``; items unchanged since they were indexed are skipped.

    ``on_item`` gets ``{path, faces, error}`` (plus ``warning``, ``archive``, ``members``) for every item
    analysed in this run; the summary counts files, indexed, skipped, faces and errors.
    """
    counts = {"files": 0, "indexed": 0, "skipped": 0, "faces": 0, "errors": 0}

    def take(item: ItemReport) -> None:
        counts["files"] += 1
        if item.resumed:
            counts["skipped"] += 1
            return
        found = (item.record.get("analysis") or {}).get(FaceAnalyser.name) or {}
        boxes: list[dict[str, Any]] = found.get("faces", [])
        vectors = np.frombuffer(found.get("_descriptors", b""), np.float32).reshape(-1, DESCRIPTOR_SIZE)
        error = item.error
        # Stored before the walk stores the item's scan record: a kill in between re-indexes it.
        store.replace_faces(item.path, item.size, item.mtime_ns, error, [
            (*f["box"], f["score"], f.get("time"), vectors[i].tobytes()) for i, f in enumerate(boxes)])
        counts["indexed"] += 1
        counts["faces"] += len(boxes)
        counts["errors"] += error is not None
        line: dict[str, Any] = {"path": item.path, "faces": boxes, "error": error}
        line.update({k: item.record[k] for k in _FACE_LINE_EXTRAS if item.record.get(k)})
        on_item(line)

    summary = run_pipeline(root, store, None, replace(options, analysers=(analyser,)), take)
    return counts, summary
