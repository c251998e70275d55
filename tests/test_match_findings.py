"""A hash match as a Finding (scored by closeness, explained by bank and signal), and read back from its record."""

import json

from childsafe.findings import Finding, Location
from childsafe.matching import MATCH_DISTANCE_SCALE, Match


def test_a_match_is_a_finding_naming_the_detector_bank_and_distance() -> None:
    near = Match("ncmec", "pdq", "a" * 64, 16, "synthetic-1", "exchange", 7)
    finding = near.finding(Location(path="x.zip", member="b.jpg"))
    assert (finding.source, finding.label, finding.detector) == ("media", "known_media", "hash_match")
    assert finding.score == 1 - 16 / MATCH_DISTANCE_SCALE
    assert finding.explanation.context == {"bank": "ncmec", "signal_type": "pdq", "signal": "a" * 64,
                                           "label": "synthetic-1", "source": "exchange"}
    evidence, = finding.explanation.evidence
    assert (evidence.kind, evidence.value, evidence.weight) == ("pdq", 16, finding.score)
    assert evidence.text == "pdq at distance 16: bank 'ncmec', label 'synthetic-1'"
    assert (finding.where.path, finding.where.member) == ("x.zip", "b.jpg")
    assert Finding.from_record(json.loads(json.dumps(finding.to_record()))) == finding


def test_exact_matches_score_one_and_far_ones_zero() -> None:
    assert Match("b", "sha256", "0" * 64, 0, None, None, 1).finding().score == 1.0
    assert Match("b", "pdq", "a" * 64, 200, None, None, 1).finding().score == 0.0
    # a stored record naming a signal type this version does not know still reads
    assert Match("b", "future_hash", "x", 3, None, None, 1).finding().score == 1 - 3 / MATCH_DISTANCE_SCALE


def test_a_match_reads_back_from_its_record() -> None:
    m = Match("b", "vpdq", "f" * 64, 4, None, "src", 9, detail={"frames": 3})
    again = Match.from_record(json.loads(json.dumps(m.to_record())))
    assert again == Match("b", "vpdq", "f" * 64, 4, None, "src", 0, detail={"frames": 3})  # entry ids are not stored
    assert Match.from_record({"bank": "b", "distance": "7"}).distance == 0
