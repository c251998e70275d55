"""The report's input, read back from a case's store after ``case run``.

Findings are the stages' stored findings; custody is every scanned file's record (path, size, time,
digests); the stages, their per-item errors and the network drawing are what the run recorded; the
indicator messages are re-read from the chat files (the store never keeps message text), as the
review UI does.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

from sqlalchemy import select

from childsafe import __version__
from childsafe.case.report import (
    BankVersion,
    CaseReportInput,
    ChatMessage,
    CustodyFile,
    Decision,
    NetworkEdge,
    NetworkNode,
    RunError,
    StageSummary,
    TimelineEvent,
)
from childsafe.case.run import STAGES, RunInput, bank_store, distinct_roots
from childsafe.case.stages import RunServices, scan_records
from childsafe.findings import Finding, Scalar
from childsafe.store.case_stages import CaseStageStore
from childsafe.store.schema import graph_accounts, review_decisions

__all__ = ["build_report_input"]

#: Indicator messages looked up per chat file (the report lists the riskiest conversations only).
_MESSAGES_PER_FILE: Final = 500
_DIGESTS: Final = ("md5", "sha1", "sha256")


def build_report_input(services: RunServices, case: str, inputs: Sequence[RunInput],
                       settings: Mapping[str, Scalar] | None = None,
                       added: Mapping[str, datetime] | None = None) -> CaseReportInput:
    """Everything ``write_report`` needs about ``case``, from its store; ``added`` maps an added path to
    when it was added (the custody's receipt time for the files under it)."""
    saved = CaseStageStore(services.store, case)
    stages = {s.stage: s for s in saved.all()}
    findings = saved.findings()
    roots = distinct_roots([i.path for i in inputs])
    custody = _custody(services, roots, added or {})
    wanted_banks = sorted({b for i in inputs for b in i.banks})
    banks = [BankVersion(b.name, f"{b.entry_count} entries at {datetime.now(UTC):%Y-%m-%dT%H:%M:%SZ}",
                         b.entry_count, "allowlist" if b.allowlist else None)
             for b in bank_store(services).list_banks()
             if (b.name in wanted_banks if wanted_banks else b.enabled)]
    summaries: list[StageSummary] = []
    errors: list[RunError] = []
    for name in ("survey", *STAGES):
        stage = stages.get(name)
        if stage is None:
            summaries.append(StageSummary(name, 0, note="not run"))
            continue
        s = stage.summary
        summaries.append(StageSummary(name, int(s.get("items", 0)), int(s.get("errors", 0)),
                                      float(s.get("seconds") or 0.0), str(s.get("note", ""))))
        errors += [RunError(name, str(e.get("error")), e.get("path")) for e in s.get("error_items", [])]
    messages = _messages(findings)
    decisions = _decisions(services)
    drawing = (stages["ranking"].summary.get("output") or {}).get("drawing", {}) if "ranking" in stages else {}
    return CaseReportInput(
        case=case, tool_version=__version__, findings=findings, custody=custody, banks=banks,
        settings={**dict(settings or {}), **_run_options(stages)}, stages=summaries, errors=errors,
        nodes=[NetworkNode(n["id"], n.get("role") or "other", n.get("label") or "", n.get("score"))
               for n in drawing.get("nodes", [])],
        edges=[NetworkEdge(e["source"], e["target"], e.get("kind") or "message", float(e.get("weight") or 1.0))
               for e in drawing.get("edges", [])],
        timeline=[TimelineEvent(datetime.fromtimestamp(t["at"], UTC), t["kind"], t["text"], t.get("account"))
                  for t in drawing.get("timeline", [])] + _alerts(findings, messages)
                 + [TimelineEvent(d.at, "decision", f"{d.reviewer}: {d.decision} {d.item}") for d in decisions],
        messages=messages, display_names=_display_names(services), decisions=decisions,
        created=datetime.now(UTC))


def _run_options(stages: Mapping[str, Any]) -> dict[str, Scalar]:
    """How the last run was made (banks, faces, triage, rotations, workers), as ``run_*`` settings."""
    survey = stages.get("survey")
    found = survey.summary.get("options") if survey is not None else None
    if not isinstance(found, dict):
        return {}
    return {f"run_{k}": v for k, v in found.items() if v is None or isinstance(v, str | int | float | bool)}


def _custody(services: RunServices, roots: list[Path], added: Mapping[str, datetime]) -> list[CustodyFile]:
    out = []
    for path, stored in sorted(scan_records(services.store, roots).items()):
        record = stored.record
        modified = (datetime.fromtimestamp(stored.mtime_ns / 1e9, UTC)
                    if stored.mtime_ns is not None and "!/" not in path else None)
        received = next((when for root, when in added.items() if path == root or path.startswith(root.rstrip("/") + "/")
                         or path.startswith(root + "!/")), None)
        hashes = {k: str(record[k]) for k in _DIGESTS if record.get(k)}
        out.append(CustodyFile(path, int(stored.size or record.get("size") or 0), modified, received, hashes))
    return out


def _alerts(findings: list[Finding], messages: list[ChatMessage]) -> list[TimelineEvent]:
    """Each conversation alert (an author the text analysis concluded is a suspect, at the message where
    it alerted), dated by that message as the chat file gives it."""
    dated = {(m.conversation, m.author, m.index): m.at for m in messages if m.at is not None}
    out = []
    for f in findings:
        w = f.where
        if f.source == "text" and f.label == "suspect" and w.conversation and w.account and w.message_index is not None:
            at = dated.get((w.conversation, w.account, w.message_index))
            if at is not None:
                out.append(TimelineEvent(at, "alert", f"{w.account} alerted in conversation {w.conversation}",
                                         w.account, w.path))
    return out


def _messages(findings: list[Finding]) -> list[ChatMessage]:
    """The text of every indicator message the conversation findings point at, re-read from the chat file."""
    from childsafe.text.messages import Message
    from childsafe.text.readers import iter_messages

    wanted: dict[str, set[tuple[str, str, int]]] = defaultdict(set)
    for f in findings:
        w = f.where
        if (f.source == "text" and w.path and w.conversation and w.account and w.message_index is not None
                and "!/" not in w.path and len(wanted[w.path]) < _MESSAGES_PER_FILE):
            wanted[w.path].add((w.conversation, w.account, w.message_index))
    out: list[ChatMessage] = []
    for path, keys in wanted.items():
        if not Path(path).is_file():
            continue
        counts: dict[tuple[str, str], int] = defaultdict(int)
        left = set(keys)
        for item in iter_messages(Path(path)):
            if not isinstance(item, Message):
                continue
            index = counts[(item.conversation_id, item.author)]
            counts[(item.conversation_id, item.author)] += 1
            key = (item.conversation_id, item.author, index)
            if key in left:
                left.discard(key)
                out.append(ChatMessage(item.conversation_id, item.author, index, item.text, _when(item.timestamp)))
                if not left:
                    break
    return out


def _when(timestamp: str | None) -> datetime | None:
    if not timestamp:
        return None
    try:
        when = datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _decisions(services: RunServices) -> list[Decision]:
    """The reviewers' decisions on the case's items (the case's own store keeps them)."""
    with services.store.engine.connect() as conn:
        rows = conn.execute(select(review_decisions).order_by(review_decisions.c.id)).all()
    out = []
    for r in rows:
        at = r.decided_at if r.decided_at.tzinfo else r.decided_at.replace(tzinfo=UTC)
        out.append(Decision(at, r.actor, r.item_key, r.decision, r.reason))
    return out


def _display_names(services: RunServices) -> dict[str, str]:
    out: dict[str, str] = {}
    with services.store.engine.connect() as conn:
        for name, attributes in conn.execute(select(graph_accounts.c.name, graph_accounts.c.attributes)
                                             .where(graph_accounts.c.attributes.is_not(None))):
            try:
                found: Any = json.loads(attributes)
            except ValueError:
                continue
            shown = found.get("display_name") if isinstance(found, dict) else None
            if isinstance(shown, str) and shown:
                out[name] = shown
    return out
