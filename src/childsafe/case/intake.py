"""What was added to a case: the ``case_inputs`` table of the case's store.

``case add`` records paths (folders, archives, files) and the banks to match them against; ``case
run`` reads them back (:meth:`CaseInputs.list`).  Each path is stored once, resolved to an absolute
path, with its size and modification time at add time so that a run can tell what changed or
vanished since.  A path added twice is reported, not duplicated; a path that does not exist is a
per-item error and the others are still added.  Each add is audited in the case's own audit log.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from childsafe.case.model import AddReport, CaseInput
from childsafe.store.schema import case_inputs
from childsafe.store.service import ServiceStore

__all__ = ["CaseInputs"]


class CaseInputs:
    """The inputs of one case, over the case's :class:`~childsafe.store.service.ServiceStore`."""

    def __init__(self, service: ServiceStore) -> None:
        self.service = service

    def add(self, paths: Sequence[str | Path], banks: Sequence[str] = (), actor: str = "cli", *,
            kind: str | None = None) -> AddReport:
        report = AddReport()
        known = {i.path for i in self.list()}
        fresh: list[dict[str, Any]] = []
        for raw in paths:
            path = Path(raw).expanduser()
            try:
                resolved = path.resolve(strict=True)
                st = resolved.stat()
            except OSError as exc:  # missing, unreadable or a broken link: this path only
                report.errors.append({"path": str(raw), "error": f"cannot add: {exc.strerror or exc}"})
                continue
            key = str(resolved)
            if key in known:
                report.already.append(key)
                continue
            known.add(key)
            fresh.append({"path": key, "kind": kind, "banks": json.dumps(list(banks)),
                          "added_at": datetime.now(UTC), "added_by": actor,
                          "size": st.st_size if not resolved.is_dir() else None,
                          "mtime_ns": st.st_mtime_ns})
        if fresh:
            with self.service.transaction() as conn:
                conn.execute(insert(case_inputs), fresh)
                self.service.append_audit(conn, actor, "case.add", None, {
                    "paths": [r["path"] for r in fresh], "banks": list(banks), "kind": kind,
                    "already": len(report.already), "errors": len(report.errors)})
            by_path = {i.path: i for i in self.list()}
            report.added = [by_path[r["path"]] for r in fresh]
        return report

    def list(self) -> list[CaseInput]:
        """Every input, in the order added."""
        with self.service.engine.connect() as conn:
            rows = conn.execute(select(case_inputs).order_by(case_inputs.c.id)).all()
        return [_input(r) for r in rows]


def _input(r: Any) -> CaseInput:
    added = r.added_at if r.added_at.tzinfo else r.added_at.replace(tzinfo=UTC)
    try:
        banks = tuple(str(b) for b in json.loads(r.banks or "[]"))
    except ValueError:
        banks = ()
    return CaseInput(int(r.id), r.path, r.kind, banks, added, r.added_by,
                     None if r.size is None else int(r.size), None if r.mtime_ns is None else int(r.mtime_ns))


