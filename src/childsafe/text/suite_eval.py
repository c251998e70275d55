"""``childsafe text eval --suite DIR``: score a synthetic evaluation suite and report per family and language.

A suite is a folder with ``conversations.jsonl`` (the chat JSON Lines format) and ``labels.jsonl``, one
object per conversation: ``conversation_id``, ``language``, ``family``, ``generator``, ``kind``
(``grooming``, ``sextortion`` or ``negative``), ``offender`` (an author or null), ``children``
(``[{author, stated_age}]``, optionally ``age_form``: how the age was stated) and ``adults`` (authors).

Three detectors are measured in the same run, on the same messages:

* ``ours``: :class:`~childsafe.text.scoring.EarlyWarning` (packs, evidence fusion, gated model);
* ``model alone``: the author alerts when the trained model's probability reaches its threshold after its
  minimum number of messages (today's English-only scorer without its sextortion rule);
* ``rules, any hit``: the author alerts at their first indicator (any category, any pack).

A positive conversation is detected when its offender alerts; a negative one is a false alarm when any
author alerts.  The alert delay is the number of the offender's own messages read when ``ours`` alerted.
"""

from __future__ import annotations

import json
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from childsafe.errors import ConfigError
from childsafe.text.messages import RecordError
from childsafe.text.model import AuthorModel
from childsafe.text.readers import iter_conversations
from childsafe.text.scoring import EarlyWarning

__all__ = ["DETECTORS", "SuiteLabel", "read_labels", "evaluate_suite", "format_suite_report"]

DETECTORS = ("ours", "model_alone", "rules_any_hit")
KINDS = ("grooming", "sextortion", "negative")


@dataclass(frozen=True)
class SuiteLabel:
    conversation_id: str
    language: str
    family: str
    kind: str
    offender: str | None
    children: dict[str, int | None]
    adults: tuple[str, ...]
    generator: str = ""
    age_forms: dict[str, str] = field(default_factory=dict)  # child -> how the age was stated, when known


def read_labels(path: Path) -> dict[str, SuiteLabel]:
    labels: dict[str, SuiteLabel] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"suite labels {path} cannot be read: {exc}") from exc
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            kind = raw["kind"]
            if kind not in KINDS:
                raise ValueError(f"kind {kind!r} is not one of {', '.join(KINDS)}")
            label = SuiteLabel(
                str(raw["conversation_id"]), str(raw["language"]), str(raw["family"]), kind,
                raw.get("offender"), {str(c["author"]): c.get("stated_age") for c in raw.get("children", [])},
                tuple(str(a) for a in raw.get("adults", [])), str(raw.get("generator", "")),
                {str(c["author"]): str(c["age_form"]) for c in raw.get("children", []) if c.get("age_form")})
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}:{n}: not a suite label ({exc})") from exc
        labels[label.conversation_id] = label
    return labels


@dataclass
class _Cell:
    conversations: int = 0
    flagged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DETECTORS, 0))
    delays: list[int] = field(default_factory=list)


def evaluate_suite(folder: Path, model: AuthorModel | None = None) -> dict[str, Any]:
    """Every figure of the suite report (see the module docstring)."""
    labels = read_labels(folder / "labels.jsonl")
    warning = EarlyWarning(model)
    model = warning.model
    cells: dict[tuple[str, str], _Cell] = defaultdict(_Cell)
    children_minor = children_minor_at_risk = adults = adults_at_risk = 0
    by_form: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # age form -> [minors, marked at_risk]
    unlabelled = errors = 0
    for chunk in iter_conversations(folder / "conversations.jsonl", "jsonl"):
        if isinstance(chunk, RecordError):
            errors += 1
            continue
        conversation_id, messages = chunk
        label = labels.get(conversation_id)
        if label is None or not messages:
            unlabelled += 1
            continue
        first_model: dict[str, int] = {}
        first_rule: dict[str, int] = {}
        for m in messages:
            warning.add(m)
            author = warning.conversations[m.conversation_id].authors[m.author]
            index = author.messages - 1
            if (m.author not in first_model and index + 1 >= model.min_messages
                    and author.stream.probability >= model.threshold):
                first_model[m.author] = index
            if m.author not in first_rule and author.findings:
                first_rule[m.author] = index
        result = warning.pop(messages[0].conversation_id)
        ours = {name for name, a in result.authors.items() if a.alert_at is not None}
        flagged = {"ours": ours, "model_alone": set(first_model), "rules_any_hit": set(first_rule)}
        cell = cells[(label.family, label.language)]
        cell.conversations += 1
        for detector, authors in flagged.items():
            hit = label.offender in authors if label.kind != "negative" else bool(authors)
            cell.flagged[detector] += int(hit)
        if label.kind != "negative" and label.offender in result.authors:
            alert_at = result.authors[label.offender].alert_at
            if alert_at is not None:
                cell.delays.append(alert_at + 1)
        for child, age in label.children.items():
            if age is not None and age < 18 and child in result.authors:
                children_minor += 1
                children_minor_at_risk += result.authors[child].role == "at_risk"
                if child in label.age_forms:
                    form = by_form[label.age_forms[child]]
                    form[0] += 1
                    form[1] += result.authors[child].role == "at_risk"
        # An offender may also be listed among the adults: count each adult author once.
        for adult in dict.fromkeys((*label.adults, *([label.offender] if label.offender else []))):
            if adult in result.authors:
                adults += 1
                adults_at_risk += result.authors[adult].role == "at_risk"
    kind_of = {lab.family: lab.kind for lab in labels.values()}
    rows = []
    for (family, language), cell in sorted(cells.items(), key=lambda kv: (KINDS.index(kind_of[kv[0][0]]), kv[0])):
        rows.append({
            "family": family, "language": language, "kind": kind_of[family], "conversations": cell.conversations,
            **{d: round(cell.flagged[d] / cell.conversations, 4) for d in DETECTORS},
            "median_alert": statistics.median(cell.delays) if cell.delays else None,
        })
    return {
        "suite": str(folder), "conversations": sum(c.conversations for c in cells.values()),
        "rows": rows, "by_language": _by_language(cells, kind_of),
        "median_alert": _median([d for (f, _), c in cells.items() if kind_of[f] != "negative" for d in c.delays]),
        "children": {"minors": children_minor, "at_risk": children_minor_at_risk,
                     "rate": round(children_minor_at_risk / max(1, children_minor), 4),
                     "adults": adults, "adults_at_risk": adults_at_risk,
                     "adult_rate": round(adults_at_risk / max(1, adults), 4),
                     "by_form": {form: {"minors": n, "at_risk": hit} for form, (n, hit) in sorted(by_form.items())}},
        "unlabelled_conversations": unlabelled, "record_errors": errors,
    }


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def _by_language(cells: dict[tuple[str, str], _Cell], kind_of: dict[str, str]) -> list[dict[str, Any]]:
    """Per language and kind (grooming / sextortion: recall; negative: false-alarm rate)."""
    totals: dict[tuple[str, str], _Cell] = defaultdict(_Cell)
    for (family, language), cell in cells.items():
        total = totals[(language, kind_of[family])]
        total.conversations += cell.conversations
        for d in DETECTORS:
            total.flagged[d] += cell.flagged[d]
        total.delays.extend(cell.delays)
    return [{"language": language, "kind": kind, "conversations": t.conversations,
             **{d: round(t.flagged[d] / t.conversations, 4) for d in DETECTORS},
             "median_alert": _median(t.delays)}
            for (language, kind), t in sorted(totals.items(), key=lambda kv: (kv[0][0] != "en", kv[0]))]


def format_suite_report(report: dict[str, Any]) -> str:
    """Markdown tables: recall for positive families, false-alarm rate for negative ones."""
    def table(rows: list[dict[str, Any]], first: list[str]) -> list[str]:
        head = [*first, "kind", "conversations", "ours", "model alone", "rules, any hit", "median alert (ours)"]
        out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in rows:
            measure = "false alarms" if r["kind"] == "negative" else "recall"
            median = "" if r["median_alert"] is None else f"{r['median_alert']:g}"
            out.append("| " + " | ".join([*(str(r[f]) for f in first), f"{r['kind']} ({measure})",
                                           str(r["conversations"]), *(f"{r[d]:.3f}" for d in DETECTORS),
                                           median]) + " |")
        return out

    c = report["children"]
    lines = [f"Suite {report['suite']}: {report['conversations']} conversations", "",
             *table(report["rows"], ["family", "language"]), "", "Per language:", "",
             *table(report["by_language"], ["language"]), "",
             f"Median alert (ours, positives): {report['median_alert']} of the offender's messages.",
             f"Children who state an age under 18 marked at_risk: {c['at_risk']}/{c['minors']} ({c['rate']:.1%}); "
             f"adults marked at_risk: {c['adults_at_risk']}/{c['adults']} ({c['adult_rate']:.1%}).", ""]
    if c.get("by_form"):
        forms = ", ".join(f"{form} {v['at_risk']}/{v['minors']}" for form, v in c["by_form"].items())
        lines[-1:-1] = [f"By how the age was stated (at_risk/minors): {forms}."]
    if report["unlabelled_conversations"] or report["record_errors"]:
        lines.append(f"Skipped: {report['unlabelled_conversations']} unlabelled conversations, "
                     f"{report['record_errors']} unreadable records.")
    return "\n".join(lines)
