"""The findings a stored scan item holds for review, worked out once when it is stored.

A scan record (``childsafe scan``, the API's jobs) carries hash matches; a triage record carries a
``finding`` of its own (:meth:`~childsafe.triage.priority.TriageResult.to_record`) or, when written
by hand or by an older version, a ``priority`` and its ``reasons``.  Either becomes one file-level
:class:`~childsafe.findings.Finding` with triage's priority as its score (0.90-1.00 for a hash match,
closer higher), so the review queue reads findings back with ``Finding.from_record`` and orders them
by an indexed column instead of searching records with LIKE.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from childsafe.errors import InvalidFindingError
from childsafe.findings import Evidence, Finding, clamp_score
from childsafe.matching import Match
from childsafe.media.content import ContentType
from childsafe.triage.priority import TriageSignals, score_priority

__all__ = ["dump_findings", "load_findings", "scan_record_findings"]


def scan_record_findings(key: str, record: dict[str, Any]) -> list[Finding]:
    """What the record at ``key`` holds for review: [] when nothing (no match, no triage priority)."""
    own = record.get("finding")
    if isinstance(own, dict):
        try:
            found = Finding.from_record(own)
        except InvalidFindingError:
            pass  # worked out again below from what the record says
        else:
            return [replace(found, where=replace(found.where, path=found.where.path or key))]
    matches = [Match.from_record(m) for m in record.get("matches") or [] if isinstance(m, dict)]
    stored = record.get("priority")
    has_priority = isinstance(stored, int | float) and not isinstance(stored, bool)
    if not matches and not has_priority:
        return []
    try:
        content = ContentType(record.get("content_type") or "other")
    except ValueError:
        content = ContentType.OTHER
    sha256 = record.get("sha256")
    result = score_priority(TriageSignals(key, content, matches=matches,
                                          sha256=sha256 if isinstance(sha256, str) else None))
    if has_priority:
        # A stored priority was decided where the item was triaged: it stands.
        result = replace(result, priority=clamp_score(float(stored)))  # type: ignore[arg-type]
    finding = result.finding()
    reasons = [str(r) for r in record.get("reasons") or []]
    if reasons:  # ... and so do its reasons, kept as words
        finding = replace(finding, explanation=replace(
            finding.explanation, evidence=tuple(Evidence("reason", text) for text in reasons)))
    return [finding]


def dump_findings(findings: list[Finding]) -> tuple[str, float | None]:
    """The ``findings`` and ``urgency`` columns of a scan item."""
    if not findings:  # nearly every item of a scan
        return "[]", None
    return json.dumps([f.to_record() for f in findings]), max((f.score for f in findings), default=None)


def load_findings(text: str) -> list[Finding]:
    """The ``findings`` column read back; a malformed entry is left out (never a crash of the queue)."""
    try:
        raw = json.loads(text)
    except ValueError:
        return []
    out = []
    for item in raw if isinstance(raw, list) else []:
        try:
            out.append(Finding.from_record(item))
        except InvalidFindingError:
            continue
    return out
