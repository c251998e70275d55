"""Review priority of one item from what triage saw in it.

Faces and nudity alone never decide; they order human review.  The priority is a number in
[0, 1] that sorts a queue so that reviewers reach likely victims sooner and see less of the
rest; every number comes with reasons, which are explanations ("why is this near the top?"),
never verdicts.  Bands do not overlap, so a stronger kind of evidence always sorts first:

==================================  ================================================  =============
Signal                              Priority                                          Band
==================================  ================================================  =============
known-hash match (enabled bank)     0.90 + 0.10 x closeness; closeness is 1 for an     [0.90, 1.00]
                                    exact digest, 1 - distance/64 for PDQ and vPDQ
                                    (floor 0).  Dominates everything below.
classifier finding(s)               0.40 + 0.35 x c + 0.10 x f, where c is the         [0.40, 0.85]
                                    noisy-OR over labels of weight(label) x the
                                    label's best score (``abuse`` 1.0, ``explicit``
                                    0.9, ``minor`` 0.6, any other label 0.5)
faces only                          0.10 + 0.20 x f                                    [0.10, 0.30]
nothing found                       0.0
error that prevented analysis       0.0, with the error as a reason (unless a hash     0.0
                                    matched: digests exist even for corrupt files)
==================================  ================================================  =============

f, the face strength in [0, 1], is 0.5 x min(faces, 4)/4 + 0.5 x min(1, largest face area /
25 % of the image): more people to identify, and larger (more identifiable) faces, raise it a
little.  Allowlist matches suppress hash matches only (the :class:`~childsafe.matching.Matcher`
rule) and are named in the reasons; they do not lower the content bands.  Every weight lives in
:class:`PriorityWeights`, so a unit can tune them without touching the code.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from childsafe.errors import ChildsafeError, ConfigError
from childsafe.findings import Evidence, Explanation, Finding, Location, box_location, context_of
from childsafe.matching import Match
from childsafe.media.content import ContentType
from childsafe.media.signals import get_signal_type, signal_types
from childsafe.triage.classifiers import ABUSE, EXPLICIT, MINOR, ClassifierFinding

__all__ = ["PriorityWeights", "TriageResult", "TriageSignals", "score_priority", "EXACT_SIGNAL_TYPES"]



class _ExactSignalTypes:
    """The exact (cryptographic) signal types, as the signal type registry says: ``in`` asks it."""

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        try:
            return get_signal_type(name).exact
        except ChildsafeError:
            return False  # a type no longer installed: its match is scored by distance

    def __iter__(self) -> Iterator[str]:
        return iter([k.name for k in signal_types() if k.exact])


EXACT_SIGNAL_TYPES = _ExactSignalTypes()

DEFAULT_LABEL_WEIGHTS: Mapping[str, float] = MappingProxyType({ABUSE: 1.0, EXPLICIT: 0.9, MINOR: 0.6})


@dataclass(frozen=True)
class PriorityWeights:
    """The weights of the table in this module's docstring (validated, with named defaults)."""

    match_floor: float = 0.90
    match_span: float = 0.10
    match_distance_scale: float = 64.0  # PDQ/vPDQ distance at which closeness reaches 0
    finding_floor: float = 0.40
    finding_span: float = 0.35
    finding_face_bonus: float = 0.10
    face_floor: float = 0.10
    face_span: float = 0.20
    face_count_saturation: int = 4
    face_area_saturation: float = 0.25  # largest face / image area at which the size term is full
    label_weights: Mapping[str, float] = field(default_factory=lambda: DEFAULT_LABEL_WEIGHTS)
    default_label_weight: float = 0.5

    def __post_init__(self) -> None:
        for name in ("match_floor", "match_span", "finding_floor", "finding_span", "finding_face_bonus",
                     "face_floor", "face_span", "face_area_saturation", "default_label_weight"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError(f"priority weight {name} = {value!r} must be in [0, 1]")
        if any(not 0.0 <= w <= 1.0 for w in self.label_weights.values()):
            raise ConfigError("priority label weights must be in [0, 1]")
        if self.match_distance_scale <= 0 or self.face_count_saturation < 1 or self.face_area_saturation <= 0:
            raise ConfigError("priority saturation points must be positive")
        finding_top = self.finding_floor + self.finding_span + self.finding_face_bonus
        if not (self.face_floor + self.face_span <= self.finding_floor and finding_top < self.match_floor
                and self.match_floor + self.match_span <= 1.0):
            raise ConfigError("priority bands must not overlap: faces < findings < known matches <= 1")

    def label_weight(self, label: str) -> float:
        return self.label_weights.get(label, self.default_label_weight)


@dataclass
class TriageSignals:
    """Everything triage learnt about one item, before it is turned into a priority."""

    path: str
    content_type: ContentType = ContentType.OTHER
    matches: list[Match] = field(default_factory=list)
    #: Allowlist entries that matched (they suppressed any hash match).
    allowlisted: list[Match] = field(default_factory=list)
    faces: int = 0
    #: Area of the largest face over the area of its image (or video frame), in [0, 1].
    largest_face_fraction: float = 0.0
    findings: list[ClassifierFinding] = field(default_factory=list)
    #: What prevented analysis (decode failure, size limit, unreadable file).
    error: str | None = None
    #: What was not analysed or partly failed, said as reasons (videos, a classifier error).
    notes: list[str] = field(default_factory=list)
    sha256: str | None = None
    #: False when no image content was looked at (not a photo or video, or undecodable).
    analysed: bool = False


@dataclass
class TriageResult:
    path: str
    priority: float
    reasons: list[str]
    signals: TriageSignals | None = None

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path, "priority": self.priority, "reasons": self.reasons}
        s = self.signals
        if s is not None:
            out.update({
                "content_type": s.content_type.value,
                "sha256": s.sha256,
                "matches": [m.to_record() for m in s.matches],
                "faces": s.faces,
                "largest_face_fraction": round(s.largest_face_fraction, 4),
                "findings": [f.to_record() for f in s.findings],
                "analysed": s.analysed,
                "error": s.error,
            })
            if s.allowlisted:
                out["allowlisted"] = [m.to_record() for m in s.allowlisted]
        out["finding"] = self.finding().to_record()
        return out

    def finding(self) -> Finding:
        """This result as a :class:`~childsafe.findings.Finding`: the priority, and one evidence item per
        reason (same words, same order), typed by what produced it."""
        return Finding("media", _triage_label(self.signals), self.priority, Location(path=self.path),
                       Explanation("triage_priority", tuple(_reason_evidence(self)), _triage_context(self.signals)))


def score_priority(signals: TriageSignals, weights: PriorityWeights | None = None) -> TriageResult:
    """Priority and reasons for one item, following the table in the module docstring."""
    w = weights or PriorityWeights()
    reasons: list[str] = []
    if signals.error:
        reasons.append(f"error: {signals.error} (not analysed; priority from hash matches only)")

    reasons.extend(_match_reasons(signals.matches))
    for m in signals.allowlisted:
        reasons.append(f"allowlisted by bank {m.bank!r}" + (f" ({m.label})" if m.label else "")
                       + f" via {m.signal_type}: hash matches suppressed, content signals still count")

    strength = _face_strength(signals, w)
    if signals.faces:
        reasons.append(f"{signals.faces} face{'s' if signals.faces != 1 else ''}; the largest covers "
                       f"{signals.largest_face_fraction:.0%} of the image (faces order review, they do not decide)")

    best_by_label: dict[str, ClassifierFinding] = {}
    for f in signals.findings:
        if f.label not in best_by_label or f.score > best_by_label[f.label].score:
            best_by_label[f.label] = f
    for label, f in sorted(best_by_label.items(), key=lambda kv: -kv[1].score):
        who = f.classifier or "a classifier"
        reasons.append(f"{who}: {label} likelihood {f.score:.2f} -- {f.explanation} (a hint for review, not a verdict)")
    reasons.extend(signals.notes)

    if signals.matches:
        closeness = max(_closeness(m, w) for m in signals.matches)
        priority = w.match_floor + w.match_span * closeness
    elif best_by_label:
        combined = 1.0 - math.prod(1.0 - w.label_weight(label) * f.score for label, f in best_by_label.items())
        priority = w.finding_floor + w.finding_span * combined + w.finding_face_bonus * strength
    elif signals.faces:
        priority = w.face_floor + w.face_span * strength
    else:
        priority = 0.0
        if not signals.error and signals.analysed:
            reasons.append("no known-hash match, no classifier finding, no face")
        elif not signals.error:
            reasons.append("no known-hash match")
    return TriageResult(signals.path, round(min(1.0, max(0.0, priority)), 4), reasons, signals)


def _closeness(m: Match, w: PriorityWeights) -> float:
    if m.signal_type in EXACT_SIGNAL_TYPES:
        return 1.0
    return max(0.0, 1.0 - m.distance / w.match_distance_scale)


def _match_reasons(matches: list[Match]) -> list[str]:
    """One reason per bank entry, naming every signal that matched it."""
    groups: dict[tuple[str, str | None, str | None], list[Match]] = {}
    for m in matches:
        groups.setdefault((m.bank, m.label, m.source), []).append(m)
    out = []
    for (bank, label, source), group in groups.items():
        exact = [m.signal_type for m in group if m.signal_type in EXACT_SIGNAL_TYPES]
        how = [f"identical file ({', '.join(exact)})"] if exact else []
        how += [f"{m.signal_type} at distance {m.distance}" for m in group if m.signal_type not in EXACT_SIGNAL_TYPES]
        label_part = f", label {label!r}" if label else ""
        source_part = f", source {source!r}" if source else ""
        out.append(f"known-hash match: bank {bank!r}{label_part}{source_part}: {'; '.join(how)}")
    return out


def _face_strength(signals: TriageSignals, w: PriorityWeights) -> float:
    if signals.faces <= 0:
        return 0.0
    count = min(signals.faces, w.face_count_saturation) / w.face_count_saturation
    size = min(1.0, max(0.0, signals.largest_face_fraction) / w.face_area_saturation)
    return 0.5 * count + 0.5 * size


def _triage_label(s: TriageSignals | None) -> str:
    if s is None:
        return "triage"
    if s.matches:
        return "known_media"
    if s.findings:
        return "classifier"
    if s.faces:
        return "faces"
    return "error" if s.error else "nothing_found"


def _triage_context(s: TriageSignals | None) -> dict[str, str | int | float | bool | None]:
    if s is None:
        return {}
    banks = sorted({m.bank for m in s.matches})
    return context_of([("content_type", s.content_type.value), ("sha256", s.sha256), ("matches", len(s.matches)),
                       ("banks", ", ".join(banks) or None), ("faces", s.faces or None), ("analysed", s.analysed)])


def _reason_evidence(result: TriageResult) -> list[Evidence]:
    """Evidence for each reason, in the order :func:`score_priority` wrote them; reasons given from
    elsewhere (a stored record) are kept as words (kind ``reason``)."""
    s = result.signals
    typed: list[Evidence] = []
    if s is not None:
        if s.error:
            typed.append(Evidence("error"))
        groups: dict[tuple[str, str | None, str | None], list[Match]] = {}
        for m in s.matches:  # one reason per bank entry, as _match_reasons
            groups.setdefault((m.bank, m.label, m.source), []).append(m)
        for group in groups.values():
            typed.append(Evidence("known_media", value=min(m.distance for m in group),
                                  weight=max(m.closeness for m in group)))
        typed += [Evidence("allowlisted", value=m.bank) for m in s.allowlisted]
        if s.faces:
            typed.append(Evidence("faces", value=s.faces, weight=round(s.largest_face_fraction, 4)))
        best: dict[str, ClassifierFinding] = {}
        for f in s.findings:
            if f.label not in best or f.score > best[f.label].score:
                best[f.label] = f
        for f in sorted(best.values(), key=lambda f: -f.score):
            typed.append(Evidence("classifier", value=f.label, weight=f.score, where=box_location(f.box)))
        typed += [Evidence("note") for _ in s.notes]
        if not (s.matches or s.findings or s.faces or s.error):
            typed.append(Evidence("nothing_found"))
    if len(typed) != len(result.reasons):
        return [Evidence("reason", text) for text in result.reasons]
    return [Evidence(e.kind, text, e.value, e.where, e.weight) for e, text in zip(typed, result.reasons, strict=True)]
