"""Triage results and classifier output as Findings: one evidence item per reason, typed by its producer."""

from __future__ import annotations

import json

from childsafe.findings import Finding
from childsafe.matching import Match
from childsafe.media.content import ContentType
from childsafe.triage.classifiers import ClassifierFinding
from childsafe.triage.findings import classifier_finding
from childsafe.triage.priority import TriageSignals, score_priority


def test_a_triage_result_explains_its_priority_reason_by_reason() -> None:
    signals = TriageSignals("a.jpg", ContentType.PHOTO, analysed=True, faces=2, largest_face_fraction=0.2,
                            matches=[Match("b", "md5", "0" * 32, 0, "x", None, 1), Match("b", "pdq", "a" * 64, 8, "x",
                                                                                         None, 2)],
                            findings=[ClassifierFinding("explicit", 0.7, (1, 2, 3, 4), "skin", "toy")],
                            notes=["video frames not classified"])
    result = score_priority(signals)
    finding = result.finding()
    assert (finding.source, finding.label, finding.detector) == ("media", "known_media", "triage_priority")
    assert finding.score == result.priority and finding.where.path == "a.jpg"
    assert finding.reasons() == result.reasons
    assert [e.kind for e in finding.explanation.evidence] == ["known_media", "faces", "classifier", "note"]
    match, faces, classifier, _ = finding.explanation.evidence
    assert (match.value, match.weight) == (0, 1.0)  # md5 and pdq matched the same bank entry: one reason
    assert (faces.value, classifier.value, classifier.weight, classifier.where.box) == (2, "explicit", 0.7,
                                                                                      (1, 2, 3, 4))
    assert finding.explanation.context["banks"] == "b" and finding.explanation.context["content_type"] == "photo"
    record = json.loads(json.dumps(result.to_record()))
    assert Finding.from_record(record["finding"]) == finding and record["reasons"] == result.reasons


def test_nothing_found_and_errors_are_findings_with_their_reason() -> None:
    empty = score_priority(TriageSignals("b.jpg", ContentType.PHOTO, analysed=True)).finding()
    assert (empty.label, empty.score, [e.kind for e in empty.explanation.evidence]) == (
        "nothing_found", 0.0, ["nothing_found"])
    broken = score_priority(TriageSignals("c.jpg", error="truncated")).finding()
    assert broken.label == "error" and [e.kind for e in broken.explanation.evidence] == ["error"]


def test_a_classifier_finding_names_its_classifier_and_survives_a_bad_box() -> None:
    found = classifier_finding(ClassifierFinding("minor", 0.4, (5, 6, 7, 8), "face proportions", "toy"), "d.jpg")
    assert (found.label, found.detector, found.where.box, found.reasons()) == (
        "minor", "classifier:toy", (5, 6, 7, 8), ["face proportions"])
    odd = classifier_finding(ClassifierFinding("minor", 0.4, (-5, 6, 7, 8), "plug-in box off the image"), "d.jpg")
    assert odd.where.box is None and odd.detector == "classifier" and odd.where.path == "d.jpg"
