"""The report's sections as rows: grouped, counted and cut to the top rows per table.

Each table lists at most :class:`~childsafe.case.report.model.ReportLimits` rows, highest score first,
and says how many there are in all; findings.jsonl holds every finding.  Rows are plain strings and
numbers; escaping is the template's job (autoescape), highlighting builds its own escaped markup.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

from markupsafe import Markup, escape

from childsafe.case.report.kinds import KINDS, face_group_paths, finding_kind
from childsafe.case.report.model import CaseReportInput, ChatMessage, ReportLimits, TimelineEvent
from childsafe.findings import Finding

__all__ = ["Cut", "Person", "build_sections", "highlight"]

_REASONS_SHOWN = 8
_PATHS_SHOWN = 20


@dataclass
class Cut:
    """The first rows of a table and how many there are in all."""

    rows: list[Any]
    total: int

    @property
    def hidden(self) -> int:
        return self.total - len(self.rows)


def _cut(rows: Sequence[Any], limit: int) -> Cut:
    return Cut(list(rows[:limit]), len(rows))


def _top(findings: Iterable[Finding], limit: int) -> Cut:
    ranked = sorted(findings, key=lambda f: (-f.score, f.subject))
    return _cut(ranked, limit)


def highlight(text: str, needles: Iterable[str]) -> Markup:
    """``text`` escaped, with the first occurrence of each needle (matched words) in ``<mark>``."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for needle in {n for n in needles if n and len(n) >= 2}:
        at = lowered.find(needle.lower())
        if at >= 0 and all(at >= e or at + len(needle) <= s for s, e in spans):
            spans.append((at, at + len(needle)))
    out, last = Markup(""), 0
    for start, end in sorted(spans):
        out += escape(text[last:start]) + Markup("<mark>") + escape(text[start:end]) + Markup("</mark>")
        last = end
    return out + escape(text[last:])


#: The words an indicator found, as text scoring writes them: ``dont_tell matched "don't tell your mom" (...)``.
_MATCHED: Final = re.compile(r"""matched (['"])(.+?)\1""")


def matched_words(f: Finding) -> list[str]:
    """The words each evidence item says it matched (so the message shows them highlighted)."""
    return [m.group(2) for e in f.explanation.evidence for m in _MATCHED.finditer(e.text)]


def reasons(f: Finding) -> list[str]:
    return list(dict.fromkeys(f.reasons()))[:_REASONS_SHOWN]


@dataclass
class Person:
    account: str
    display_name: str
    score: float
    sources: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    conversations: list[str] = field(default_factory=list)


def _people(findings: Iterable[Finding], names: Mapping[str, str], limit: int) -> Cut:
    people: dict[str, Person] = {}
    for f in findings:
        account = f.where.account or f.subject or "(unknown)"
        p = people.setdefault(account, Person(account, names.get(account, ""), f.score))
        p.score = max(p.score, f.score)
        shown = f.explanation.context.get("display_name")
        if not p.display_name and isinstance(shown, str):
            p.display_name = shown
        p.sources = list(dict.fromkeys([*p.sources, f"{f.source}:{f.detector}"]))
        p.reasons = list(dict.fromkeys([*p.reasons, *reasons(f)]))[:_REASONS_SHOWN]
        found = [p for p in (f.where.path, *(e.where.path for e in f.explanation.evidence)) if p]
        p.paths = list(dict.fromkeys([*p.paths, *found]))[:_PATHS_SHOWN]
        convs = [c for c in (f.where.conversation, *(e.where.conversation for e in f.explanation.evidence)) if c]
        p.conversations = list(dict.fromkeys([*p.conversations, *convs]))[:_PATHS_SHOWN]
    return _cut(sorted(people.values(), key=lambda p: (-p.score, p.account)), limit)


@dataclass
class Indicator:
    finding: Finding
    author: str
    display_name: str
    message: Markup | None
    reasons: list[str]


@dataclass
class Conversation:
    name: str
    score: float
    findings: int
    authors: list[str]
    indicators: Cut


def _conversations(findings: Sequence[Finding], messages: Sequence[ChatMessage], names: Mapping[str, str],
                   limits: ReportLimits) -> Cut:
    texts = {(m.conversation, m.author, m.index): m.text for m in messages}
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        groups[f.where.conversation or "(no conversation)"].append(f)
    ranked_groups = sorted(groups.items(), key=lambda kv: (-max(f.score for f in kv[1]), kv[0]))
    out = []
    for name, group in ranked_groups[: limits.conversations]:  # only the shown ones are laid out
        ranked = sorted(group, key=lambda f: (f.where.message_index is None, -f.score))
        indicators = []
        for f in ranked[: limits.messages_per_conversation]:
            author = f.where.account or ""
            text = texts.get((name, author, f.where.message_index)) if f.where.message_index is not None else None
            needles = [e.text for e in f.explanation.evidence] + [str(e.value) for e in f.explanation.evidence
                                                                  if isinstance(e.value, str)]
            needles += matched_words(f)
            indicators.append(Indicator(f, author, names.get(author, ""),
                                        None if text is None else highlight(text, needles), reasons(f)))
        authors = sorted({f.where.account for f in group if f.where.account})
        out.append(Conversation(name, max(f.score for f in group), len(group), authors,
                                Cut(indicators, len(group))))
    return Cut(out, len(groups))


@dataclass
class FaceGroup:
    name: str
    score: float
    files: int
    paths: list[str]
    accounts: list[str]
    #: From the grouping's context when it gives them (:mod:`childsafe.faces.groups`): how many faces, and
    #: the largest distance between two of them ('' when not given).
    faces: str = ""
    max_distance: str = ""


def _context_text(f: Finding, key: str, fmt: str) -> str:
    value = f.explanation.context.get(key)
    return format(value, fmt) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _face_groups(findings: Iterable[Finding], limit: int) -> Cut:
    groups = []
    for f in findings:
        paths = face_group_paths(f)
        accounts = [e.where.account for e in f.explanation.evidence if e.where.account]
        groups.append(FaceGroup(f.where.node or f.subject, f.score, len(paths), paths[:_PATHS_SHOWN],
                                list(dict.fromkeys(accounts)), _context_text(f, "faces", "d"),
                                _context_text(f, "max_distance", ".2f")))
    # the score first: a face across several accounts' media (victim identification) leads the section
    groups.sort(key=lambda g: (-g.score, -g.files, g.name))
    return _cut(groups, limit)


def _known_by_bank(findings: Iterable[Finding]) -> list[tuple[str, str, int]]:
    counts: Counter[tuple[str, str]] = Counter()
    for f in findings:
        bank, label = f.explanation.context.get("bank"), f.explanation.context.get("label")
        counts[(str(bank) if bank is not None else "(no bank)", str(label) if label else "(no category)")] += 1
    return sorted(((b, c, n) for (b, c), n in counts.items()), key=lambda r: (-r[2], r[0], r[1]))


def _timeline(data: CaseReportInput) -> list[TimelineEvent]:
    events = list(data.timeline)
    recorded = {(e.at, e.text) for e in events if e.kind == "decision"}
    for d in data.decisions:
        text = f"{d.decision} by {d.reviewer}: {d.item}" + (f" ({d.reason})" if d.reason else "")
        if (d.at, text) not in recorded:
            events.append(TimelineEvent(d.at, "decision", text, path=d.item))
    return sorted(events, key=lambda e: (_sortable(e.at), e.kind, e.text))


def _sortable(at: datetime) -> float:
    return at.timestamp()


def build_sections(data: CaseReportInput, findings: Sequence[Finding], limits: ReportLimits) -> dict[str, Any]:
    """The template's context: every section's rows, counts and totals (``findings`` include the run's
    errors as findings)."""
    by_kind: dict[str, list[Finding]] = {k: [] for k in KINDS}
    for f in findings:
        by_kind[finding_kind(f)].append(f)
    names = data.display_names
    timeline = _timeline(data)
    errors_by_stage = Counter(e.stage for e in data.errors)
    return {
        "counts": {k: len(v) for k, v in by_kind.items()},
        "known_by_bank": _known_by_bank(by_kind["known_media"]),
        "known_media": _top(by_kind["known_media"], limits.top),
        "face_groups": _face_groups(by_kind["face_group"], limits.top),
        "conversations": _conversations(by_kind["conversation"], data.messages, names, limits),
        "suspects": _people(by_kind["suspect"], names, limits.top),
        "at_risk": _people(by_kind["at_risk"], names, limits.top),
        "errors": _cut(list(data.errors), limits.top),
        "errors_by_stage": sorted(errors_by_stage.items(), key=lambda kv: (-kv[1], kv[0])),
        "other": _top(by_kind["other"], limits.top),
        "timeline": _cut(timeline, limits.timeline),
        "timeline_counts": sorted(Counter(e.kind for e in timeline).items()),
        "timeline_events": timeline,
        "custody": _cut(list(data.custody), limits.custody),
        "custody_bytes": sum(c.size for c in data.custody),
        "reasons": reasons,
    }
