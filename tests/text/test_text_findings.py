"""Conversation risk as Findings: the detector, the indicators with their messages, cues and context."""

from __future__ import annotations

import json

from childsafe.findings import AuthorRiskSummary, Finding
from childsafe.graph.network import AuthorRisk as NetworkAuthorRisk
from childsafe.text.findings import alert_finding, author_summary, conversation_findings, indicator_finding
from childsafe.text.messages import Message
from childsafe.text.scoring import EarlyWarning, score_conversation

#: Synthetic phrases (as in the indicator tests) from one author to a child who states an age.
CHAT = [("sam_k", "hey whats up"), ("jo_14", "not much"), ("sam_k", "how old are you"), ("jo_14", "14"),
        ("sam_k", "are you home alone"), ("sam_k", "this is our little secret ok"),
        ("sam_k", "don't tell your mom about us"), ("sam_k", "add me on snap")]


def _messages() -> list[Message]:
    return [Message("c-1", author, text) for author, text in CHAT]


def test_each_author_finding_names_the_detector_and_the_messages_that_show_it() -> None:
    conv = score_conversation(_messages())
    by_author = {f.where.account: f for f in conversation_findings(conv)}
    suspect = by_author["sam_k"]
    risk = conv.authors["sam_k"]
    assert suspect.source == "text" and suspect.label == risk.role and suspect.score == risk.risk
    assert suspect.detector.startswith("text_") and suspect.where.conversation == "c-1"
    indicators = [e for e in suspect.explanation.evidence if e.kind == "indicator"]
    assert [e.value for e in indicators] == [f.category for f in risk.findings] and indicators
    assert [e.where.message_index for e in indicators] == [f.message_index for f in risk.findings]
    assert suspect.explanation.context["language"] == "en"
    child = by_author["jo_14"]
    assert any(e.kind == "stated_age" and e.value == 14 for e in child.explanation.evidence)
    assert Finding.from_record(json.loads(json.dumps(suspect.to_record()))) == suspect


def test_an_indicator_and_an_alert_are_findings_too() -> None:
    conv = score_conversation(_messages())
    hit = conv.authors["sam_k"].findings[0]
    one = indicator_finding(hit, "sam_k", "c-1")
    assert (one.label, one.detector, one.where.message_index) == (hit.category, "text_indicators", hit.message_index)
    assert one.explanation.evidence[0].text == hit.explanation and one.explanation.context["stage"] == hit.stage
    warning = EarlyWarning()
    alerts = [a for a in map(warning.add, _messages()) if a is not None]
    assert alerts  # secrecy and platform moves after an age question, to a child who said 14
    found = alert_finding(alerts[0])
    assert found.label == f"alert_{alerts[0].kind}" and found.detector == f"text_early_warning:{alerts[0].kind}"
    assert (found.where.account, found.where.message_index) == ("sam_k", alerts[0].message_index)
    assert [e.value for e in found.explanation.evidence if e.kind == "indicator"] == [
        f.category for f in alerts[0].evidence] and alerts[0].evidence
    assert found.explanation.context["reason"] == alerts[0].reason


def test_a_stored_author_summary_keeps_the_queue_s_words() -> None:
    found = AuthorRiskSummary(0.7, True, 2, ("secrecy", "platform_move")).finding("sam_k")
    assert (found.detector, found.where.account) == ("text_score", "sam_k")
    assert found.reasons() == ["indicator: secrecy", "indicator: platform move"]
    assert found.explanation.context == {"alert": True, "conversations": 2}
    assert AuthorRiskSummary(1.3, False, 1).finding("x").reasons() == ["model risk only"]
    assert AuthorRiskSummary(1.3, False, 1).finding("x").score == 1.0


def test_the_network_and_the_scorer_share_one_summary_type() -> None:
    assert NetworkAuthorRisk is AuthorRiskSummary
    conv = score_conversation(_messages())
    summary = author_summary(conv.finish().authors["sam_k"])
    risk = conv.authors["sam_k"]
    assert summary == AuthorRiskSummary(risk.risk, risk.alert_at is not None, 1,
                                        tuple(sorted({f.category for f in risk.findings})), risk.role,
                                        risk.stated_age)
    assert summary.alert and summary.role == "suspect" and "secrecy" in summary.indicators
