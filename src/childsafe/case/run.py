"""``case run``: every analyser over everything added to a case, as stages that resume.

The survey (:func:`childsafe.case.inputs.survey`) says what each added file holds; then the stages of
:mod:`childsafe.case.stages` run in order: ``media`` (hash and match, faces, triage: the scan's one walk),
``conversations``, ``network``, ``face_groups`` (after the network: a group names the accounts whose
media it is in) and ``ranking``.  Signals join through the store: the
scan's records carry the matches the network's media pick up, the author risks carry the conversation
roles the ranking reads.

Resuming: a stage is recorded when it finishes, with the digest of what it ran over (the surveyed
files' paths, sizes and times, the banks, the options, and the digests of the stages before it); a
rerun skips a stage whose digest is unchanged (a new event file makes the media walk, which hashes
every file for the custody, resume, and the network and what reads it run again; the conversations
stay as they were).  A stage killed midway is run again: the media walk
skips every item it had stored, ingest skips sources already ingested and adds each edge once, and a
stage's findings are replaced only when it finishes.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from childsafe.case.inputs import KINDS, InputItem, survey
from childsafe.case.stages import (
    MAX_ERRORS,
    RunServices,
    StageContext,
    StageResult,
    conversations_stage,
    face_groups_stage,
    media_stage,
)
from childsafe.case.stages_network import network_stage, ranking_stage
from childsafe.media.spool import process_spool_dir
from childsafe.store.case_stages import CaseStageStore
from childsafe.store.sql import SqlStore

__all__ = ["STAGES", "CaseRunOptions", "CaseRunSummary", "RunInput", "StageRun", "distinct_roots", "run_case"]

#: The stages in the order they run; each one's digest includes those before it.
STAGES: Final = ("media", "conversations", "network", "face_groups", "ranking")
_STAGE_FUNCTIONS: Final[dict[str, Callable[[StageContext], StageResult]]] = {
    "media": media_stage, "face_groups": face_groups_stage, "conversations": conversations_stage,
    "network": network_stage, "ranking": ranking_stage}
#: What a stage depends on among the surveyed kinds (its digest covers only those files) ...
_STAGE_KINDS: Final = {"survey": KINDS, "media": KINDS, "face_groups": (), "conversations": ("chat",),
                       "network": ("chat", "events"), "ranking": ()}
#: ... and the stages whose results it reads (their digests are part of its own).
_STAGE_NEEDS: Final = {"media": (), "conversations": (), "network": ("media",), "face_groups": ("media", "network"),
                       "ranking": ("media", "conversations", "network", "face_groups")}


@dataclass(frozen=True)
class RunInput:
    """A path added to the case, with the banks to match it against (none: every enabled bank)."""

    path: Path
    banks: tuple[str, ...] = ()
    kind: str | None = None
    #: When it was added to the case (the custody's receipt time of the files under it).
    added: datetime | None = None


@dataclass(frozen=True)
class CaseRunOptions:
    workers: int = 1
    faces: bool = True
    triage: bool = True
    progress: bool = True
    #: Run every stage again even when its inputs did not change.
    force: bool = False
    #: Also match the 8 rotations and flips of each photo (``scan --dihedral``).
    dihedral: bool = False
    #: Called with each media item's scan record as the walk reports it.
    on_record: Callable[[dict[str, Any]], None] | None = None


@dataclass
class StageRun:
    stage: str
    items: int = 0
    errors: int = 0
    seconds: float = 0.0
    skipped: bool = False
    note: str = ""
    error_items: list[dict[str, Any]] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"stage": self.stage, "items": self.items, "errors": self.errors, "seconds": round(self.seconds, 3),
                "skipped": self.skipped, "note": self.note}


@dataclass
class CaseRunSummary:
    case: str
    inputs: dict[str, int] = field(default_factory=dict)
    stages: list[StageRun] = field(default_factory=list)
    findings: dict[str, int] = field(default_factory=dict)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def errors(self) -> list[dict[str, Any]]:
        return [dict(e, stage=s.stage) for s in self.stages for e in s.error_items]

    def to_record(self) -> dict[str, Any]:
        return {"case": self.case, "inputs": self.inputs, "stages": [s.to_record() for s in self.stages],
                "errors": sum(s.errors for s in self.stages), "error_items": self.errors[:MAX_ERRORS],
                "findings": self.findings, "interrupted": self.interrupted, "seconds": round(self.seconds, 3)}


def run_case(services: RunServices, case: str, inputs: Sequence[RunInput],
             options: CaseRunOptions | None = None) -> CaseRunSummary:
    """Run every stage over ``inputs`` into ``services``' store (the case's evidence store)."""
    options = options or CaseRunOptions()
    started = time.monotonic()
    summary = CaseRunSummary(case)
    saved = CaseStageStore(services.store, case)
    console = Console(stderr=True)
    # Archive members read as chats go to this process's private spool folder, which the next run
    # reaps if this one is killed (media.spool), never to a shared temporary folder.
    with tempfile.TemporaryDirectory(prefix="case-", dir=process_spool_dir()) as work, Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
            console=console, transient=True, disable=not (options.progress and console.is_terminal)) as progress:
        survey_task = progress.add_task("survey", total=None)
        forced = {str(i.path): i.kind for i in inputs if i.kind}
        items: list[InputItem] = []
        roots = distinct_roots([i.path for i in inputs])
        for item in survey(roots, Path(work), services.archive_limits(), forced):
            items.append(item)
            progress.advance(survey_task)
        survey_run = StageRun("survey", len(items))
        for item in items:
            summary.inputs[item.kind] = summary.inputs.get(item.kind, 0) + 1
            if item.kind == "error":
                survey_run.errors += 1
                if len(survey_run.error_items) < MAX_ERRORS:
                    survey_run.error_items.append({"path": item.path, "error": item.note})
        survey_run.note = ", ".join(f"{n} {k}" for k, n in sorted(summary.inputs.items()))
        survey_run.seconds = time.monotonic() - started
        summary.stages.append(survey_run)
        # Kept like a stage (its errors belong in the report); unknown files are notes, listed, not errors.
        notes = [{"path": i.path, "note": i.note} for i in items if i.kind == "unknown"][:MAX_ERRORS]
        run_options = {"banks": ", ".join(sorted({b for i in inputs for b in i.banks})) or "(every enabled bank)",
                       "faces": options.faces, "triage": options.triage, "dihedral": options.dihedral,
                       "workers": options.workers}
        saved.save("survey", _digest("survey", items, []), {**survey_run.to_record(), "error_items":
                                                              survey_run.error_items, "unknown": notes,
                                                              "options": run_options}, ())
        progress.remove_task(survey_task)
        banks = sorted({b for i in inputs for b in i.banks})
        # The banks as they are now: an entry added or a bank switched off makes the media stage run again.
        bank_state = [(b.name, b.entry_count, b.enabled, b.pdq_threshold) for b in bank_store(services).list_banks()]
        options_digest = hashlib.sha256(json.dumps({"banks": banks, "bank_state": bank_state, "faces": options.faces,
                                              "triage": options.triage, "dihedral": options.dihedral,
                                              "roots": [str(r) for r in roots]},
                                             default=str).encode()).hexdigest()
        digests: dict[str, str] = {}
        for stage in STAGES:
            needs = [options_digest, *(digests[n] for n in _STAGE_NEEDS[stage])]
            digest = digests[stage] = _digest(stage, items, needs)
            task = progress.add_task(stage, total=_stage_total(stage, items))
            ctx = StageContext(services, case, items, roots, banks, options.workers, options.faces, options.triage,
                               tick=_ticker(progress, task), on_record=options.on_record,
                               dihedral=options.dihedral)
            run = _run_stage(stage, ctx, saved, digest, options.force)
            progress.remove_task(task)
            summary.stages.append(run)
            if run.note == "interrupted":
                summary.interrupted = True
                break
    findings = saved.findings()
    from childsafe.case.report import finding_kind

    for finding in findings:
        kind = finding_kind(finding)
        summary.findings[kind] = summary.findings.get(kind, 0) + 1
    summary.seconds = time.monotonic() - started
    return summary


def distinct_roots(paths: Sequence[Path]) -> list[Path]:
    """The added paths, absolute, each once, leaving out any inside another added folder (walked with it)."""
    roots = list(dict.fromkeys(Path(p).absolute() for p in paths))
    return [r for r in roots if not any(r != other and r.is_relative_to(other) for other in roots)]


def bank_store(services: RunServices) -> SqlStore:
    """Where the banks are: the main store (a case's own store keeps none)."""
    return services.bank_store


def _ticker(progress: Progress, task: TaskID) -> Callable[[int], None]:
    return lambda n: progress.advance(task, n)


def _run_stage(stage: str, ctx: StageContext, saved: CaseStageStore, digest: str, force: bool) -> StageRun:
    before = saved.load(stage)
    if before is not None and before.fingerprint == digest and not force:
        kept = before.summary
        return StageRun(stage, int(kept.get("items", 0)), int(kept.get("errors", 0)), 0.0, True,
                        str(kept.get("note", "")), list(kept.get("error_items", [])))
    started = time.monotonic()
    try:
        result = _STAGE_FUNCTIONS[stage](ctx)
    except KeyboardInterrupt:  # Ctrl-C outside the walk (which stops cleanly by itself): nothing is saved
        return StageRun(stage, seconds=time.monotonic() - started, note="interrupted")
    seconds = time.monotonic() - started
    if result.interrupted:
        return StageRun(stage, result.items, result.error_count, seconds, note="interrupted",
                        error_items=result.errors)
    run = StageRun(stage, result.items, result.error_count, seconds, note=result.note, error_items=result.errors)
    saved.save(stage, digest, {**run.to_record(), "error_items": result.errors, "output": result.output},
               result.findings)
    return run


def _digest(stage: str, items: list[InputItem], before: list[str]) -> str:
    """What the stage runs over: its kinds of files (path, size, time, format), the options, and the
    digests of the stages it reads."""
    wanted = _STAGE_KINDS[stage]
    lines = [*before, stage] + [f"{i.kind}\t{i.path}\t{i.size}\t{i.mtime_ns}\t{i.fmt}" for i in items
                                 if i.kind in wanted]
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def _stage_total(stage: str, items: list[InputItem]) -> int | None:
    if stage == "media":
        return None  # archive members are counted as the walk finds them
    if stage == "conversations":
        return sum(i.kind == "chat" for i in items)
    if stage == "network":
        return sum(i.kind in ("chat", "events") for i in items)
    return 1
