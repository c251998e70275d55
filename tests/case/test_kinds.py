"""Findings from the real producers land in the report's kinds, with the ``where`` findings.jsonl gives."""

from __future__ import annotations

import json

import pytest

from childsafe.case.report import RunError, error_finding, face_group_finding, finding_kind, finding_line
from childsafe.case.report.kinds import SAME_WHERE, read_finding_line
from childsafe.errors import InvalidFindingError
from childsafe.faces.detect import FaceBox
from childsafe.faces.findings import face_finding
from childsafe.findings import AuthorRiskSummary, Evidence, Explanation, Finding, Location
from childsafe.graph.rank import Lead
from childsafe.matching import Match

MATCH = Match("ncmec", "pdq", "ab" * 32, 5, "category_a", None, 1)
CASES = [
    (MATCH.finding(Location(path="photos/a.jpg")), "known_media", {"path": "photos/a.jpg"}),
    (Lead("bob", 0.7, [], [], role="suspect").finding(), "suspect", {"account": "bob", "node": "account:bob",
                                                                     "display_name": "Bob B"}),
    (Lead("kid", 0.6, [], [], role="at_risk").finding(), "at_risk", {"account": "kid", "node": "account:kid"}),
    (Lead("bot", 0.2, [], [], role="service").finding(), "other", {"account": "bot", "node": "account:bot"}),
    (AuthorRiskSummary(0.8, True, 2, ("age_probe",), role="suspect").finding("bob"), "suspect",
     {"account": "bob", "display_name": "Bob B"}),
    (AuthorRiskSummary(0.3, False, 1, (), role="other").finding("amy"), "conversation", {"account": "amy"}),
    (Finding("text", "alert_sextortion", 0.9, Location(conversation="c1", account="bob", message_index=4),
             Explanation("text_alert:sextortion", (Evidence("indicator", "add me on snap"),))), "conversation",
     {"conversation": "c1", "account": "bob", "message_index": 4, "display_name": "Bob B"}),
    (face_group_finding("7", ["a.jpg", "b.jpg", "a.jpg"], 0.8), "face_group", {"node": "face_group:7",
                                                                              "paths": ["a.jpg", "b.jpg"]}),
    (face_finding(FaceBox(1, 2, 30, 40, 0.9), "a.jpg"), "other", {"path": "a.jpg", "box": [1, 2, 30, 40]}),
    (error_finding(RunError("text", "malformed export", "chats/x.json")), "error", {"path": "chats/x.json"}),
]


@pytest.mark.parametrize(("finding", "kind", "where"), CASES, ids=[c[1] + "-" + c[0].detector for c in CASES])
def test_kind_and_where_of_each_producer(finding: Finding, kind: str, where: dict[str, object]) -> None:
    assert finding_kind(finding) == kind
    line = json.loads(finding_line(finding, {"bob": "Bob B"}))
    assert line["kind"] == kind and line["where"] == where
    assert line["score"] == finding.score and line["label"] == finding.label
    assert read_finding_line(line) == finding  # every part of the finding is on its line


def test_an_evidence_location_equal_to_the_findings_is_written_once() -> None:
    where = Location(conversation="c1", account="bob", message_index=4)
    finding = Finding("text", "age_probe", 0.7, where,
                      Explanation("text_indicators", (Evidence("indicator", "how old are you", "age", where, 0.5),
                                                       Evidence("model_term", weight=0.2))))
    text = finding_line(finding, {})
    line = json.loads(text)
    assert line["explanation"]["evidence"][0]["where"] == SAME_WHERE and text.count('"c1"') == 1
    assert "where" not in line["explanation"]["evidence"][1] and "text" not in line["explanation"]["evidence"][1]
    assert read_finding_line(text) == finding
    with pytest.raises(InvalidFindingError):
        read_finding_line("{not json")
    with pytest.raises(InvalidFindingError):
        read_finding_line('{"kind": "known_media", "score": 2, "label": "x", "where": {}, "explanation": {}}')
