"""The one walk: skip what a previous run finished, hash in worker processes, run the analysers,
match, report and store results in small durable batches.

``childsafe scan``, ``childsafe triage`` and ``childsafe faces index`` are this loop with
different analysers (:mod:`childsafe.media.analysis`; the triage and faces runs are in
:mod:`childsafe.scan.jobs`): every one of them reads archives, resumes, runs in parallel, shows
progress and reports each item's error the same way.

Durability: results are committed every :data:`COMMIT_EVERY` items or seconds, an archive's
records together; a run stopped by Ctrl-C or ``kill -9`` loses at most the uncommitted batch,
and re-running the same command skips every item stored with the same size, mtime and hashing
options (``--dihedral``, limits: stored with each record as ``hashed_with``).

Why one module of about 450 lines: the run's state (items held back until identical content is
hashed, top-level archives stored only with all their members, the open batch) is shared by the
walk, the pool, resume and the report, and reads best as one class; the walk itself
(:mod:`.walk`), a worker's item (:mod:`.worker`) and the triage/faces runs (:mod:`.jobs`) are apart.

Crashes: the hashing processes die with the scan (``PR_SET_PDEATHSIG`` and an owner watch), and
every run starts by removing what a killed one left: its spool folders (video copies) and any
worker still alive (:func:`childsafe.media.spool.clean_stale_spools`).
"""

# long-module: the one walk's loop (resume, workers, analysers, matching, storing, progress) is one state machine

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from multiprocessing.managers import SyncManager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from childsafe.matching import Matcher, MatchResult
from childsafe.media.analysis import Analyser, analysis_fingerprints
from childsafe.media.archives import ArchiveLimits
from childsafe.media.hashing import FileHashes, HashOptions
from childsafe.media.spool import clean_stale_spools, process_identity, spool_base
from childsafe.scan import worker
from childsafe.scan.walk import WalkError, WalkItem, walk
from childsafe.scan.worker import ItemResult, ItemTask, init_manager, init_worker, process_item
from childsafe.store.base import ScanRecord, Store

__all__ = ["ItemReport", "ScanOptions", "ScanSummary", "run_pipeline", "run_scan"]

COMMIT_EVERY = 200
COMMIT_SECONDS = 1.0


@dataclass(frozen=True)
class ScanOptions:
    workers: int = 1
    hash_options: HashOptions = field(default_factory=HashOptions)
    archive_limits: ArchiveLimits = field(default_factory=ArchiveLimits)
    progress: bool = True
    resume: bool = True
    #: When set (API jobs: ``scan_roots``), every file must resolve inside one of these folders.
    roots: tuple[Path, ...] = ()
    #: What looks at each hashed photo or video besides the hasher (none for a scan).
    analysers: tuple[Analyser, ...] = ()
    #: Hash and analyse in this process, one item at a time (the Python API's ``triage_path``,
    #: whose classifiers may be objects that cannot be sent to a worker process).
    in_process: bool = False
    #: The word in front of the progress bar.
    activity: str = "hashing"
    #: Whether a resumed run tries an item again whose stored record has an error (a scan does:
    #: the error may have been passing; ``faces index`` keeps its rule of skipping unchanged files).
    retry_errors: bool = True

    def hashed_with(self) -> str:
        """A short digest of every option that changes what an item's hashing produces."""
        options = {"hash": self.hash_options.fingerprint(), "archive": asdict(self.archive_limits)}
        return hashlib.sha256(json.dumps(options, sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class ScanSummary:
    scan_id: int = 0
    files: int = 0
    matched: int = 0
    errors: int = 0
    resumed: int = 0
    duplicates: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    def to_record(self) -> dict[str, Any]:
        return {"summary": True, "scan_id": self.scan_id, "files": self.files,
                "matched": self.matched, "errors": self.errors, "resumed": self.resumed,
                "duplicates": self.duplicates, "seconds": round(self.seconds, 3),
                "interrupted": self.interrupted}


@dataclass(frozen=True)
class ItemReport:
    """One item as the walk reports it to a command (every item once, resumed ones too).

    ``record`` is the scan's report line (``childsafe hash`` fields, ``matches``, ``error``,
    archive fields) plus ``analysis``: each analyser's record by name when the run has analysers.
    ``error`` is the item's one error: the walk's or hasher's, else the first analyser's.
    """

    record: dict[str, Any]
    resumed: bool
    size: int | None
    mtime_ns: int | None
    #: What ``record["matches"]`` (and ``allowlisted``) were made from.
    matched: MatchResult = field(default_factory=MatchResult)

    @property
    def path(self) -> str:
        return str(self.record["path"])

    @property
    def error(self) -> str | None:
        if self.record.get("error"):
            return str(self.record["error"])
        for analysed in self.record.get("analysis", {}).values():
            if analysed.get("error"):
                return str(analysed["error"])
        return None


def run_scan(root: Path, store: Store, matcher: Matcher, options: ScanOptions,
             emit: Callable[[dict[str, Any]], None]) -> ScanSummary:
    """``childsafe scan``: the walk without analysers, each item's record emitted as it is."""
    return run_pipeline(root, store, matcher, options, lambda item: emit(item.record))


def run_pipeline(root: Path, store: Store | None, matcher: Matcher | None, options: ScanOptions,
                 on_item: Callable[[ItemReport], None]) -> ScanSummary:
    """Walk ``root`` once, hash and analyse every item, hand each to ``on_item``.

    ``store`` None neither resumes nor stores; ``matcher`` None matches nothing.
    """
    clean_stale_spools()  # what a killed run left: video copies, orphan workers
    run = _ScanRun(root, store, matcher, options, on_item)
    # Ctrl-C (and SIGTERM) set a flag checked between items, so an interrupt never lands between
    # writing a report line and queueing it for the store; work already in flight is kept.
    previous: dict[signal.Signals, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for signum in (signal.SIGINT, signal.SIGTERM):
            previous[signum] = signal.signal(signum, run.request_stop)
    try:
        run.execute()
    except KeyboardInterrupt:
        run.summary.interrupted = True
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        run.close()
    return run.summary


class _ScanRun:
    def __init__(self, root: Path, store: Store | None, matcher: Matcher | None, options: ScanOptions,
                 on_item: Callable[[ItemReport], None]) -> None:
        self.root, self.store, self.matcher, self.options = root, store, matcher, options
        self.on_item = on_item
        scan_id = store.start_scan(str(Path(root).absolute())) if store is not None else 0
        self.summary = ScanSummary(scan_id=scan_id)
        self.started = time.monotonic()
        self.batch: list[ScanRecord] = []
        self.last_commit = time.monotonic()
        self.owners: dict[str, FileHashes] = {}  # sha256 -> item that was perceptually hashed
        self.owner_analysis: dict[str, dict[str, dict[str, Any]]] = {}  # sha256 -> its analysers' records
        self.analysed_with = analysis_fingerprints(options.analysers)
        self.waiting: dict[str, list[ItemResult]] = defaultdict(list)
        # A top-level archive's record is stored only with all its members: one waiting for an
        # owner hashed elsewhere holds it back, or a kill -9 would leave the archive "finished"
        # with that member missing, and the next run would never report it.
        self.held: dict[str, _Held] = {}
        self.progress: Progress | None = None
        self.stopping = False
        self.hashed_with = options.hashed_with()
        self.real_roots = tuple(os.path.realpath(r) for r in options.roots)

    def request_stop(self, _signum: int = 0, _frame: Any = None) -> None:
        self.stopping = True
        self.summary.interrupted = True

    # -- orchestration ----------------------------------------------------------------------
    def execute(self) -> None:
        items: list[WalkItem] = []
        for found in walk(self.root, self.options.roots):
            if self.stopping:
                return
            if isinstance(found, WalkError):
                self._finish_one(ItemResult(found.path, None, None,
                                            FileHashes(path=found.path, error=found.message)))
            else:
                items.append(found)
        todo = self._skip_finished(items)
        self._start_progress(len(items), len(items) - len(todo))
        if todo and not self.stopping:
            self._hash_all(todo)
        for results in self.waiting.values():  # owners that never came back (crashed)
            for r in results:
                r.hashes.error = r.hashes.error or "identical content could not be hashed"
                self._finish_one(r, owner_done=True)
        self.waiting.clear()

    def _skip_finished(self, items: list[WalkItem]) -> list[WalkItem]:
        if not self.options.resume or self.store is None:
            return items
        store = self.store
        stored = store.load_scan_records([i.path for i in items])
        todo = []
        for item in items:
            rec = stored.get(item.path)
            if (rec is None or rec.size != item.size or rec.mtime_ns != item.mtime_ns
                    or (rec.record.get("error") and self.options.retry_errors)
                    or rec.record.get("hashed_with") != self.hashed_with or not self._analysed(rec.record)):
                todo.append(item)
                continue
            self.summary.resumed += 1
            self._rematch(rec.record)
            if rec.record.get("archive"):
                members = store.load_scan_records_under(item.path + "!/")
                for member in sorted(members):
                    self._rematch(members[member].record)
        return todo

    def _analysed(self, record: dict[str, Any]) -> bool:
        """Whether ``record`` was made by this run's analysers, set up the same way."""
        done = record.get("analysed_with") or {}
        return all(done.get(name) == fingerprint for name, fingerprint in self.analysed_with.items())

    def _rematch(self, record: dict[str, Any]) -> None:
        hashes = FileHashes.from_record(record)
        extra: dict[str, Any] = {k: record[k] for k in ("archive", "members", "duplicate_of") if k in record}
        analysis = {name: found for name, found in (record.get("analysis") or {}).items()
                    if name in self.analysed_with}
        self._emit(hashes, extra, store=False, size=record.get("size"), mtime_ns=None, analysis=analysis)

    def _hash_all(self, todo: list[WalkItem]) -> None:
        if self.options.in_process:
            self._hash_here(todo)
            return
        workers = max(1, self.options.workers)
        manager = SyncManager(ctx=multiprocessing.get_context())
        manager.start(init_manager, (process_identity(), str(spool_base())))
        try:
            claims = manager.dict()
            suspects = self._run_pool(todo, workers, claims)
            for item in suspects:  # alone in a fresh process: only a real culprit fails twice
                if self.stopping:
                    break
                if self._run_pool([item], 1, claims):
                    self._finish_one(ItemResult(item.path, item.size, item.mtime_ns, FileHashes(
                        path=item.path, error="hashing process crashed on this file; not hashed")))
        finally:
            manager.shutdown()

    def _hash_here(self, todo: list[WalkItem]) -> None:
        """One item at a time in this process: no crash isolation, no pickling of analysers."""
        saved = worker._claims, worker._analysers
        worker._claims, worker._analysers = {}, self.options.analysers
        try:
            for item in todo:
                if self.stopping:
                    break
                self._take(item, process_item(self._task_for(item), self.options.hash_options,
                                              self.options.archive_limits))
                self._maybe_commit()
        finally:
            worker._claims, worker._analysers = saved

    def _run_pool(self, items: list[WalkItem], workers: int, claims: Any) -> list[WalkItem]:
        """Hash ``items``; returns those in flight when a worker process died."""
        quiet = not sys.stderr.isatty() or self.progress is not None
        context = multiprocessing.get_context("forkserver" if sys.platform != "win32" else "spawn")
        pool = ProcessPoolExecutor(workers, mp_context=context, initializer=init_worker,
                                   initargs=(claims, quiet, str(spool_base()), process_identity(),
                                             self.options.analysers))
        pending: dict[Future[list[ItemResult]], WalkItem] = {}
        queue: Iterator[WalkItem] = iter(items)
        broken: list[WalkItem] = []
        try:
            for item in queue:
                pending[self._submit(pool, item)] = item
                if len(pending) >= workers * 4:
                    break
            while pending:
                if self.stopping:
                    # Let running tasks finish, drop queued ones, keep every finished result.
                    pool.shutdown(wait=True, cancel_futures=True)
                    done = {f for f in pending if f.done() and not f.cancelled()}
                    self._collect(done, pending, broken)
                    return []
                done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
                self._collect(done, pending, broken)
                if not broken:
                    for item in queue:
                        pending[self._submit(pool, item)] = item
                        if len(pending) >= workers * 4:
                            break
                self._maybe_commit()
        finally:
            pool.shutdown(wait=not broken, cancel_futures=True)
        broken.extend(queue)  # a broken pool takes nothing more: the rest goes round again
        return broken

    def _collect(self, done: set[Future[list[ItemResult]]],
                 pending: dict[Future[list[ItemResult]], WalkItem], broken: list[WalkItem]) -> None:
        for future in done:
            item = pending.pop(future)
            try:
                results = future.result()
            except BrokenProcessPool:
                broken.append(item)
                continue
            self._take(item, results)

    def _take(self, item: WalkItem, results: list[ItemResult]) -> None:
        if len(results) > 1:
            self.held[item.path] = _Held()
        for r in results:
            self._finish_one(r, archive=item.path if len(results) > 1 else None)
        self._release(item.path)
        self._advance()

    def _task_for(self, item: WalkItem) -> ItemTask:
        return ItemTask(item.path, item.size, item.mtime_ns, self.real_roots)

    def _submit(self, pool: ProcessPoolExecutor, item: WalkItem) -> Future[list[ItemResult]]:
        return pool.submit(process_item, self._task_for(item), self.options.hash_options, self.options.archive_limits)

    # -- one result -------------------------------------------------------------------------
    def _finish_one(self, result: ItemResult, owner_done: bool = False, archive: str | None = None) -> None:
        hashes = result.hashes
        if hashes.duplicate_of and not owner_done:
            owner = self.owners.get(hashes.sha256 or "")
            if owner is None:
                self.waiting[hashes.sha256 or ""].append(result)
                if archive is not None and archive in self.held:
                    result.held_by = archive
                    self.held[archive].waiting += 1
                return
            _copy_perceptual(owner, hashes)
            # Identical content is analysed once: the copy gets the first one's records.
            result.analysis = {name: {**found, "same_content_as": owner.path}
                               for name, found in self.owner_analysis.get(hashes.sha256 or "", {}).items()}
            self.summary.duplicates += 1
        extra: dict[str, Any] = {}
        if result.archive:
            extra = {"archive": result.archive, "members": result.members}
        self._emit(hashes, extra, store=True, size=result.size, mtime_ns=result.mtime_ns, analysis=result.analysis)
        if result.held_by is not None:
            self.held[result.held_by].waiting -= 1
            self._release(result.held_by)
        if hashes.sha256 and not hashes.duplicate_of and hashes.sha256 not in self.owners:
            self.owners[hashes.sha256] = hashes
            if result.analysis:
                self.owner_analysis[hashes.sha256] = result.analysis
            for dup in self.waiting.pop(hashes.sha256, []):
                self._finish_one(dup)

    def _emit(self, hashes: FileHashes, extra: dict[str, Any], *, store: bool,
              size: int | None, mtime_ns: int | None, analysis: dict[str, dict[str, Any]] | None = None) -> None:
        record = hashes.to_record()
        record.update(extra)
        matched = MatchResult()
        if self.matcher is not None and (hashes.error is None or hashes.sha256):
            matched = self.matcher.match_file(hashes)
        record.update(matched.to_record())
        if self.analysed_with:
            record["analysis"] = analysis or {}
        if store and self.store is not None:
            # Queued for the store before it is reported: a reported item is never lost.
            kept = {**record, "hashed_with": self.hashed_with}
            if self.analysed_with:
                kept["analysed_with"] = self.analysed_with
                kept["analysis"] = {name: {k: v for k, v in found.items() if not k.startswith("_")}
                                    for name, found in record["analysis"].items()}
            stored = ScanRecord(hashes.path, size, mtime_ns, kept)
            held = self.held.get(hashes.path)
            if held is not None and held.record is None:
                held.record = stored  # a top-level archive: stored once all its members are
            else:
                self.batch.append(stored)
        report = ItemReport(record, not store, size if size is not None else record.get("size"), mtime_ns,
                            matched)
        self.on_item(report)
        self.summary.files += 1
        self.summary.matched += bool(record["matches"])
        self.summary.errors += report.error is not None

    def _release(self, archive: str) -> None:
        held = self.held.get(archive)
        if held is not None and held.waiting == 0:
            del self.held[archive]
            if held.record is not None:
                self.batch.append(held.record)

    def _maybe_commit(self, force: bool = False) -> None:
        due = len(self.batch) >= COMMIT_EVERY or time.monotonic() - self.last_commit >= COMMIT_SECONDS
        if self.store is None:
            self.batch = []
        elif self.batch and (force or due):
            self.store.save_scan_records(self.summary.scan_id, self.batch)
            self.batch = []
            self.last_commit = time.monotonic()

    # -- progress ---------------------------------------------------------------------------
    def _start_progress(self, total: int, done: int) -> None:
        console = Console(stderr=True)
        if not self.options.progress or not console.is_terminal:
            return
        self.progress = Progress(TextColumn(self.options.activity), BarColumn(), MofNCompleteColumn(),
                                 TimeRemainingColumn(), console=console, transient=True)
        self.progress.start()
        self._task = self.progress.add_task("scan", total=total, completed=done)

    def _advance(self) -> None:
        if self.progress is not None:
            self.progress.advance(self._task)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
        self._maybe_commit(force=True)
        self.summary.seconds = time.monotonic() - self.started
        if self.store is not None:
            self.store.finish_scan(self.summary.scan_id, self.summary.to_record())


@dataclass
class _Held:
    record: ScanRecord | None = None
    waiting: int = 0


def _copy_perceptual(owner: FileHashes, dup: FileHashes) -> None:
    dup.content_type = owner.content_type
    dup.exif_orientation = owner.exif_orientation
    for name, hashed in owner.hashed.items():  # the perceptual signals it skipped (digests are equal)
        dup.hashed.setdefault(name, hashed)
    if owner.error and not dup.error:
        dup.error = owner.error
