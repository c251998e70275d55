"""Which kind of finding a report shows it as, and its findings.jsonl line.

The kinds (``known_media``, ``conversation``, ``suspect``, ``at_risk``, ``face_group``, ``error``) are
read off the core :class:`~childsafe.findings.Finding` (its label and source), so every producer's
findings land in the right section without a translation table per producer; what fits none is
``other`` and still goes to findings.jsonl.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any, Final

from childsafe.case.report.model import RunError
from childsafe.errors import InvalidFindingError
from childsafe.findings import Evidence, Explanation, Finding, Location

__all__ = ["KINDS", "SAME_WHERE", "error_finding", "face_group_finding", "face_group_paths", "finding_kind",
           "finding_line", "finding_where", "read_finding_line"]

KINDS: Final = ("known_media", "conversation", "suspect", "at_risk", "face_group", "error", "other")

#: Labels naming a person's role, whichever detector (text scoring, network ranking) concluded it.
_PERSON_KINDS: Final = {"suspect": "suspect", "at_risk": "at_risk"}


def finding_kind(finding: Finding) -> str:
    label = finding.label
    if label in ("known_media", "face_group", "error"):
        return label
    if label in _PERSON_KINDS:
        return _PERSON_KINDS[label]
    role = finding.explanation.context.get("role")
    where = finding.where
    if isinstance(role, str) and role in _PERSON_KINDS and where.account and where.conversation is None:
        return _PERSON_KINDS[role]  # an author's stored risk (AuthorRiskSummary) names the role it concluded
    if finding.source == "text":  # indicators, alerts, an author's overall risk in a conversation
        return "conversation"
    return "other"


def face_group_paths(finding: Finding) -> list[str]:
    """The files of a face group: its evidence items' paths (and its own path), each once, in order."""
    paths = [finding.where.path] + [e.where.path for e in finding.explanation.evidence]
    return list(dict.fromkeys(p for p in paths if p))


def face_group_finding(group: str, paths: Iterable[str], score: float = 1.0,
                       accounts: Iterable[str] = ()) -> Finding:
    """A group of faces of one person across files (``face_group:<group>``): one evidence item per
    file, and per account whose media it is in (the same child across accounts: victim identification)."""
    files = list(dict.fromkeys(paths))
    evidence = [Evidence("face", f"face in {p}", where=Location(path=p)) for p in files]
    evidence += [Evidence("account", f"in media of {a}", a, Location(account=a)) for a in dict.fromkeys(accounts)]
    return Finding("faces", "face_group", score, Location(node=f"face_group:{group}"),
                   Explanation("face_grouping", tuple(evidence), {"files": len(files)}))


def error_finding(error: RunError) -> Finding:
    """A run error as a finding (score 1: the error certainly happened), so findings.jsonl lists it."""
    return Finding(error.stage or "case", "error", 1.0, Location(path=error.path),
                   Explanation(f"case_run:{error.stage or 'case'}", (Evidence("error", error.message),)))


def finding_where(finding: Finding, kind: str, display_names: Mapping[str, str]) -> dict[str, Any]:
    """``where`` as findings.jsonl gives it: ``path`` for media, ``account`` (and the chat's display
    name) for people and conversations, ``paths`` for a face group; plus the location's other parts."""
    where = finding.where.to_record()
    if kind == "face_group":
        where["paths"] = face_group_paths(finding)
    account = finding.where.account
    if account is not None:
        shown = display_names.get(account) or _context_text(finding, "display_name")
        if shown:
            where["display_name"] = shown
    return where


def _context_text(finding: Finding, key: str) -> str | None:
    value = finding.explanation.context.get(key)
    return value if isinstance(value, str) and value else None


#: An evidence item's ``where`` in findings.jsonl when it is exactly the finding's own location (a text
#: indicator's message, say): the line says so in four letters instead of repeating the location.
SAME_WHERE: Final = "same"


def _explanation_record(finding: Finding) -> dict[str, Any]:
    """The explanation as findings.jsonl writes it: empty parts left out (an evidence item without
    ``text``, an explanation without ``context``), an evidence location equal to the finding's as
    :data:`SAME_WHERE`.  :func:`read_finding_line` gives back the very same :class:`Explanation`."""
    own = finding.where
    evidence = []
    for item in finding.explanation.evidence:
        record = item.to_record()
        if not item.text:
            del record["text"]
        if not own.empty and item.where == own:
            record["where"] = SAME_WHERE
        evidence.append(record)
    out: dict[str, Any] = {"detector": finding.explanation.detector}
    if evidence:
        out["evidence"] = evidence
    if finding.explanation.context:
        out["context"] = dict(finding.explanation.context)
    return out


def finding_line(finding: Finding, display_names: Mapping[str, str]) -> str:
    """One findings.jsonl line (compact JSON, no trailing newline)."""
    kind = finding_kind(finding)
    record = {"kind": kind, "score": finding.score, "label": finding.label, "source": finding.source,
              "where": finding_where(finding, kind, display_names), "explanation": _explanation_record(finding)}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def read_finding_line(line: str | Mapping[str, Any]) -> Finding:
    """A findings.jsonl line (text or parsed) back as the :class:`Finding` it was written from; the
    line's added parts (``kind``, ``paths``, ``display_name``) are left out, they are derived.

    Raises :class:`~childsafe.errors.InvalidFindingError` on a malformed line."""
    record = _line_record(line)
    where = {k: v for k, v in _mapping_of(record.get("where")).items() if k not in ("paths", "display_name")}
    explanation = dict(_mapping_of(record.get("explanation")))
    evidence = explanation.get("evidence", [])
    if isinstance(evidence, list):
        explanation["evidence"] = [dict(e, where=where) if isinstance(e, dict) and e.get("where") == SAME_WHERE
                                   else e for e in evidence]
    return Finding.from_record({"source": record.get("source"), "label": record.get("label"),
                                "score": record.get("score"), "where": where, "explanation": explanation})


def _line_record(line: str | Mapping[str, Any]) -> Mapping[str, Any]:
    if not isinstance(line, str):
        return line
    try:
        return _mapping_of(json.loads(line))
    except ValueError as exc:
        raise InvalidFindingError(f"a findings.jsonl line is not JSON: {exc}") from exc


def _mapping_of(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise InvalidFindingError(f"expected an object in a findings.jsonl line, not {type(value).__name__}")
    return value
