"""Network leads, children at risk and linked persons as Findings naming the detector and the evidence."""

from __future__ import annotations

import json

from tests.graph.graphkit import Message, make_network
from tests.graph.test_roles import at

from childsafe.findings import Finding
from childsafe.graph.atrisk import children_at_risk
from childsafe.graph.findings import path_evidence, reason_evidence
from childsafe.graph.linkage import Person
from childsafe.graph.network import AuthorRisk
from childsafe.graph.rank import rank_accounts


def _ranked():  # type: ignore[no-untyped-def]
    ages: dict[str, int | None] = {"seed": 40, "helper": 45, "kid00": 13, "kid01": 14}
    messages: list[Message] = [("seed", "helper", at(0, 10), "chat"), ("helper", "kid00", at(0, 22), "game"),
                               ("helper", "kid00", at(0, 23), "dm"), ("helper", "kid01", at(1, 22), "game")]
    net = make_network(ages, messages)
    net.author_risk = {net.account_index()["helper"]: AuthorRisk(0.8, True, 2, ("secrecy",))}
    return rank_accounts(net, ["seed"], top=5)


def test_a_lead_explains_itself_with_its_reasons_and_paths() -> None:
    result = _ranked()
    lead = next(lead for lead in result.leads if lead.account == "helper")
    finding = lead.finding()
    assert (finding.source, finding.label, finding.detector) == ("graph", "suspect", "network_rank")
    assert finding.score == lead.score
    assert (finding.where.account, finding.where.node) == ("helper", "account:helper")
    kinds = [e.kind for e in finding.explanation.evidence]
    assert kinds[: len(lead.reasons)] == [r["type"] for r in lead.reasons] and "text_risk" in kinds
    assert kinds[len(lead.reasons):] == ["path"] * len(lead.paths) and lead.paths
    text_risk = next(e for e in finding.explanation.evidence if e.kind == "text_risk")
    assert text_risk.weight is not None and "grooming risk 0.80" in text_risk.text
    assert finding.reasons(leave_out=("path",)) == [r["text"] for r in lead.reasons]
    assert Finding.from_record(json.loads(json.dumps(finding.to_record()))) == finding


def test_a_child_at_risk_explains_who_reached_it() -> None:
    children = children_at_risk(_ranked())
    assert children
    finding = children[0].finding()
    assert (finding.source, finding.label, finding.detector) == ("at_risk", "at_risk", "network_at_risk")
    assert finding.explanation.evidence[0].kind == "contacted_by_suspects"
    assert finding.explanation.context["stated_age"] == children[0].stated_age
    path = next(e for e in finding.explanation.evidence if e.kind == "path")
    assert path.text.startswith(f"account:{children[0].account} -contact- account:")


def test_a_person_lists_what_its_accounts_share() -> None:
    person = Person("person-1", ["alt1", "alt2"], [{"accounts": ["alt1", "alt2"], "confidence": 0.9, "shared": [
        {"what": "email:sam@example.org", "weight": 0.8}, {"what": "phone:+447700900123", "weight": 0.7}]}], 0.94)
    finding = person.finding()
    assert (finding.label, finding.detector, finding.score) == ("same_person", "account_linkage", 0.94)
    assert [e.text for e in finding.explanation.evidence] == ["alt1 & alt2 share email:sam@example.org",
                                                              "alt1 & alt2 share phone:+447700900123"]
    assert [e.weight for e in finding.explanation.evidence] == [0.8, 0.7]


def test_odd_reason_and_path_records_still_become_evidence() -> None:
    evidence = reason_evidence([{"type": "reports", "count": 3, "score": 0.4}, {"text": "no type"},
                                {"type": "x", "score": True, "nested": {"a": 1}}])
    assert [(e.kind, e.text, e.value, e.weight) for e in evidence] == [
        ("reports", "reports", 3, 0.4), ("reason", "no type", None, None), ("x", "x", None, None)]
    assert path_evidence([{}])[0].text == ""
