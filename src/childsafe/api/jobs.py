"""Scan jobs submitted through the API: one at a time per server process, in a background thread.

A job's state and progress live in the ``jobs`` table (progress written about once a second), so
they survive the request and can be followed from any server process.  The scan itself is the
CLI's (:func:`~childsafe.scan.run_scan`: worker processes, durable batches, resumable); a job
whose server process died is marked ``interrupted`` when a process of the same host starts, and
submitting the same path again resumes where it stopped.  Only paths inside ``scan_roots`` (when
set) are accepted, after resolving symbolic links and ``..``.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from childsafe.errors import ChildsafeError, ConfigError, PermissionDeniedError
from childsafe.scan import ScanOptions, run_scan
from childsafe.services import Services
from childsafe.store.service import Job, process_owner

__all__ = ["ScanJobs", "MAX_KEPT_MATCHES"]

log = logging.getLogger(__name__)

#: Matched items kept in a job's result (the full report of every item is in the store).
MAX_KEPT_MATCHES = 1_000
PROGRESS_SECONDS = 1.0


class ScanJobs:
    def __init__(self, services: Services) -> None:
        self.services = services
        self.service = services.service_store()
        self.settings = services.settings
        self._queue: queue.Queue[int] = queue.Queue()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def allowed_path(self, raw: str) -> Path:
        shown = raw if len(raw) <= 200 else raw[:200] + "..."
        if "\0" in raw:
            raise ConfigError(f"scan path contains a NUL character: {shown!r}")
        path = Path(raw).expanduser()
        if not path.is_absolute():
            raise ConfigError(f"scan path must be absolute: {shown!r}")
        try:
            resolved = path.resolve()
        except (OSError, ValueError, RuntimeError) as exc:  # a name too long, a symlink loop...
            raise ConfigError(f"scan path cannot be resolved: {shown!r} ({exc.__class__.__name__})") from exc
        roots = self._roots()
        if roots and not any(resolved == r or resolved.is_relative_to(r) for r in roots):
            raise PermissionDeniedError(f"{shown!r} is outside the folders API scans may read (scan_roots)")
        try:
            exists = resolved.exists()
        except (OSError, ValueError) as exc:
            raise ConfigError(f"scan path cannot be read: {shown!r} ({exc.__class__.__name__})") from exc
        if not exists:
            raise ConfigError(f"no such file or folder on the server: {shown!r}")
        return resolved

    def _roots(self) -> tuple[Path, ...]:
        # Checked for the job's path here, and for every file (links resolved) by the scan's walk.
        return tuple(Path(r).expanduser().resolve() for r in self.settings.scan_roots.split(os.pathsep) if r.strip())

    def submit(self, raw_path: str, banks: list[str] | None, *, actor: str, case: str | None = None) -> Job:
        path = self.allowed_path(raw_path)
        params: dict[str, Any] = {"path": str(path), "banks": banks or None}
        if case is not None:
            params["case"] = case
        job = self.service.create_job("scan", params, actor=actor)
        self.service.update_job(job.id, owner=process_owner())
        self._queue.put(job.id)
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._work, name="childsafe-scan-jobs", daemon=True)
                self._thread.start()
        return self.service.get_job(job.id)

    def _work(self) -> None:
        while True:
            job_id = self._queue.get()
            try:
                self._run(job_id)
            except Exception:  # noqa: BLE001 - a failed job must not stop the queue
                log.exception("scan job %s failed", job_id)
                self.service.update_job(job_id, state="failed", error="internal error",
                                        finished_at=datetime.now(UTC))

    def _run(self, job_id: int) -> None:
        job = self.service.get_job(job_id)
        s = self.settings
        self.service.update_job(job_id, state="running", started_at=datetime.now(UTC))
        progress: dict[str, Any] = {"files": 0, "matched": 0, "errors": 0}
        matches: list[dict[str, Any]] = []
        last = time.monotonic()

        def emit(record: dict[str, Any]) -> None:
            nonlocal last
            progress["files"] += 1
            progress["errors"] += record.get("error") is not None
            if record.get("matches"):
                progress["matched"] += 1
                if len(matches) < MAX_KEPT_MATCHES:
                    matches.append({k: record.get(k) for k in ("path", "sha256", "matches")})
            if time.monotonic() - last >= PROGRESS_SECONDS:
                self.service.update_job(job_id, progress=progress)
                last = time.monotonic()

        scoped = None
        try:
            matcher = self.services.matcher(job.params.get("banks"))
            options = ScanOptions(
                workers=s.effective_workers, progress=False, archive_limits=self.services.archive_limits(),
                hash_options=self.services.hash_options(), roots=self._roots())
            store = self.service.store
            if job.params.get("case"):  # the case's store for the records; the jobs table stays the house's
                scoped = self.services.cases().open(str(job.params["case"]))
                store = scoped.store
            summary = run_scan(Path(job.params["path"]), store, matcher, options, emit)
        except ChildsafeError as exc:
            self.service.update_job(job_id, state="failed", error=str(exc), progress=progress,
                                    finished_at=datetime.now(UTC))
            return
        finally:
            if scoped is not None:
                scoped.close()
        result = {**summary.to_record(), "matches": matches}
        state = "interrupted" if summary.interrupted else "done"
        self.service.update_job(job_id, state=state, progress=progress, result=result,
                                finished_at=datetime.now(UTC))
        self.service.append_audit(None, job.created_by, "scan.finish", str(job_id),
                                  {"path": job.params["path"], "files": summary.files, "matched": summary.matched,
                                   "errors": summary.errors, "scan_id": summary.scan_id})
