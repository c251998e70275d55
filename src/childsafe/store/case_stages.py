"""A case run's finished stages and their findings (tables ``case_stages`` and ``case_findings``).

A stage is saved once, when it finishes: its fingerprint (the digest of what it ran over), its
summary and its findings go in one transaction that replaces the stage's previous row and findings.
A run killed mid-stage therefore leaves the last complete state, and a rerun either skips the stage
(same fingerprint) or does it again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, insert, select

from childsafe.errors import InvalidFindingError
from childsafe.findings import Finding
from childsafe.store.schema import case_findings, case_stages
from childsafe.store.sql import SqlStore

__all__ = ["CaseStageStore", "SavedStage"]

_INSERT_BATCH = 5_000


@dataclass(frozen=True)
class SavedStage:
    stage: str
    fingerprint: str
    summary: dict[str, Any]
    finished_at: datetime


class CaseStageStore:
    """The stages of one case's runs, in ``store``."""

    def __init__(self, store: SqlStore, case: str) -> None:
        self.store = store
        self.case = case

    def load(self, stage: str) -> SavedStage | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(case_stages).where(case_stages.c.case_name == self.case,
                                                         case_stages.c.stage == stage)).first()
        return None if row is None else _saved(row._mapping)

    def all(self) -> list[SavedStage]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(case_stages).where(case_stages.c.case_name == self.case)).all()
        return [_saved(r._mapping) for r in rows]

    def save(self, stage: str, fingerprint: str, summary: dict[str, Any], findings: Iterable[Finding]) -> None:
        """Replace the stage's row and findings with these, at once."""
        rows = [{"case_name": self.case, "stage": stage, "record": json.dumps(f.to_record(), ensure_ascii=False)}
                for f in findings]
        with self.store.engine.begin() as conn:
            conn.execute(delete(case_findings).where(case_findings.c.case_name == self.case,
                                                     case_findings.c.stage == stage))
            conn.execute(delete(case_stages).where(case_stages.c.case_name == self.case,
                                                   case_stages.c.stage == stage))
            for start in range(0, len(rows), _INSERT_BATCH):
                conn.execute(insert(case_findings), rows[start:start + _INSERT_BATCH])
            conn.execute(insert(case_stages).values(case_name=self.case, stage=stage, fingerprint=fingerprint,
                                                    summary=json.dumps(summary, ensure_ascii=False),
                                                    finished_at=datetime.now(UTC)))

    def findings(self) -> list[Finding]:
        """Every stored finding of the case, stage by stage in the order they were saved."""
        out: list[Finding] = []
        with self.store.engine.connect() as conn:
            for (record,) in conn.execute(select(case_findings.c.record).where(case_findings.c.case_name == self.case)
                                          .order_by(case_findings.c.id)):
                try:
                    out.append(Finding.from_record(json.loads(record)))
                except (ValueError, InvalidFindingError):
                    continue  # written by this module; a damaged row is left out, not fatal
        return out

    def forget(self) -> None:
        """Remove every stage and finding of the case (the next run does everything again)."""
        with self.store.engine.begin() as conn:
            conn.execute(delete(case_findings).where(case_findings.c.case_name == self.case))
            conn.execute(delete(case_stages).where(case_stages.c.case_name == self.case))


def _saved(m: Any) -> SavedStage:
    try:
        summary = json.loads(m["summary"])
    except ValueError:
        summary = {}
    finished = m["finished_at"]
    if finished is not None and finished.tzinfo is None:
        finished = finished.replace(tzinfo=UTC)
    return SavedStage(m["stage"], m["fingerprint"], summary if isinstance(summary, dict) else {}, finished)
