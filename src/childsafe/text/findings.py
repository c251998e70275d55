"""Conversation risk as :class:`~childsafe.findings.Finding` objects.

An adapter over the result types of :mod:`childsafe.text.scoring` (read, never changed here):
each indicator an author's messages showed, each alert and each author's overall risk become
the same Finding, with the detector, the evidence (indicators with their message, cues such as a
stated age, the model's top terms) and the context (language, rule, stage) that explain it.

Message indices are 0-based within the author's messages, as in the text results.  The stored
per-author summary (``author_risk`` rows, the network's evidence) is the core's
:class:`~childsafe.findings.AuthorRiskSummary`; :func:`author_summary` makes one from a scored author.
"""

from __future__ import annotations

from collections.abc import Iterable

from childsafe.findings import AuthorRiskSummary, Evidence, Explanation, Finding, Location, clamp_score, context_of
from childsafe.text.scoring import Alert, AuthorRisk, ConversationRisk, Cue
from childsafe.text.scoring import Finding as IndicatorFinding

__all__ = ["alert_finding", "author_finding", "author_summary", "conversation_findings", "cue_evidence",
           "indicator_evidence", "indicator_finding"]

#: Detector names: the indicator packs, the early-warning rules, and ``childsafe text score`` as a whole.
INDICATOR_DETECTOR = "text_indicators"
ALERT_DETECTOR = "text_early_warning"
SCORE_DETECTOR = "text_score"


def _message(conversation: str | None, author: str, index: int) -> Location:
    return Location(conversation=conversation or None, message_index=index, account=author)


def indicator_evidence(f: IndicatorFinding, author: str, conversation: str | None = None) -> Evidence:
    """One indicator hit: its words (the pack's explanation), the category, the message, the score."""
    return Evidence("indicator", f.explanation, f.category, _message(conversation, author, f.message_index),
                    clamp_score(f.score))


def cue_evidence(c: Cue, author: str, conversation: str | None = None) -> Evidence:
    """Language-independent evidence (a stated age, a payment or deadline...): its kind and matched words."""
    value: str | int = c.age if c.kind == "stated_age" and c.age is not None else c.matched
    return Evidence(c.kind, c.matched, value, _message(conversation, author, c.message_index))


def _term_evidence(terms: Iterable[tuple[str, float]]) -> list[Evidence]:
    return [Evidence("model_term", term, weight=round(float(weight), 4)) for term, weight in terms]


def indicator_finding(f: IndicatorFinding, author: str, conversation: str | None = None) -> Finding:
    """One indicator as a finding: the category is the label, the pack's score the score."""
    return Finding("text", f.category, clamp_score(f.score), _message(conversation, author, f.message_index),
                   Explanation(INDICATOR_DETECTOR, (indicator_evidence(f, author, conversation),),
                               context_of([("stage", f.stage), ("rule", f.rule or None), ("language", f.language)])))


def alert_finding(alert: Alert) -> Finding:
    """An early-warning alert: the rule that fired (``sextortion``, ``evidence``, ``model``), at which
    message, with the indicators so far and the model's top terms."""
    evidence = [indicator_evidence(f, alert.author, alert.conversation_id) for f in alert.evidence]
    evidence += _term_evidence(alert.top_terms)
    return Finding("text", f"alert_{alert.kind}", clamp_score(alert.risk),
                   _message(alert.conversation_id, alert.author, alert.message_index),
                   Explanation(f"{ALERT_DETECTOR}:{alert.kind}", tuple(evidence),
                               context_of([("reason", alert.reason), ("kind", alert.kind)])))


def author_finding(risk: AuthorRisk, conversation: str | None = None) -> Finding:
    """An author's overall risk in a conversation: the role is the label; indicators, cues and top
    terms are the evidence; the alert, the model's probability and the language the context."""
    evidence = [indicator_evidence(f, risk.author, conversation) for f in risk.findings]
    evidence += [cue_evidence(c, risk.author, conversation) for c in risk.cues]
    evidence += _term_evidence(risk.stream.top_terms())
    detector = f"{ALERT_DETECTOR}:{risk.alert_kind}" if risk.alert_kind else SCORE_DETECTOR
    where = Location(conversation=conversation or None, account=risk.author,
                     message_index=risk.alert_at)
    return Finding("text", risk.role, clamp_score(risk.risk), where, Explanation(detector, tuple(evidence), context_of([
        ("alert_reason", risk.alert_reason), ("alert_kind", risk.alert_kind),
        ("model_risk", round(float(risk.stream.probability), 4)), ("language", risk.language),
        ("stated_age", risk.stated_age), ("labels", ", ".join(risk.labels) or None)])))


def conversation_findings(conv: ConversationRisk) -> list[Finding]:
    """One finding per author of a scored conversation, riskiest first."""
    conv.finish()
    ranked = sorted(conv.authors.values(), key=lambda a: -a.risk)
    return [author_finding(a, conv.conversation_id) for a in ranked]


def author_summary(risk: AuthorRisk, conversations: int = 1) -> AuthorRiskSummary:
    """The stored, shared summary of an author scored in ``conversations`` conversation(s) (what
    ``childsafe text score`` keeps, and the network reads as evidence)."""
    return AuthorRiskSummary(risk.risk, risk.alert_at is not None, conversations,
                             tuple(sorted({f.category for f in risk.findings})), risk.role, risk.stated_age)
