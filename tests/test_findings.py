"""The core Finding: validation, and a JSON round trip that loses nothing."""

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from childsafe.errors import InvalidFindingError, exit_code_for, http_status_for
from childsafe.findings import Evidence, Explanation, Finding, Location, clamp_score, context_of

text = st.text(max_size=20)
names = st.text(min_size=1, max_size=12)
counts = st.integers(min_value=0, max_value=2**40)
finite = st.floats(allow_nan=False, allow_infinity=False, width=64)
scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**53), max_value=2**53), finite, text)

locations = st.builds(
    Location,
    path=st.none() | text, member=st.none() | text, frame=st.none() | counts,
    time=st.none() | st.floats(min_value=0, max_value=1e9, allow_nan=False),
    box=st.none() | st.tuples(counts, counts, counts, counts),
    conversation=st.none() | text, message_index=st.none() | counts,
    account=st.none() | text, node=st.none() | text)
evidence = st.builds(Evidence, kind=names, text=text, value=scalars, where=locations,
                     weight=st.none() | finite)
explanations = st.builds(Explanation, detector=names, evidence=st.lists(evidence, max_size=4).map(tuple),
                         context=st.dictionaries(names, scalars, max_size=4))
findings = st.builds(Finding, source=names, label=names, score=st.floats(min_value=0.0, max_value=1.0),
                     where=locations, explanation=explanations)


@settings(max_examples=200, deadline=None)
@given(findings)
def test_a_finding_survives_a_json_round_trip(finding: Finding) -> None:
    record = json.loads(json.dumps(finding.to_record(), allow_nan=False))
    assert Finding.from_record(record) == finding


def _sample() -> Finding:
    return Finding("media", "known_media", 0.97, Location(path="a.zip", member="x/b.jpg"),
                   Explanation("hash_match", (Evidence("pdq", "pdq at distance 8 in bank 'ncmec'", 8,
                                                       Location(box=(1, 2, 3, 4)), 0.9),),
                               {"bank": "ncmec", "threshold": 31}))


def test_record_shape_is_plain_json_with_a_version() -> None:
    record = _sample().to_record()
    assert record == {
        "version": 1, "source": "media", "label": "known_media", "score": 0.97,
        "where": {"path": "a.zip", "member": "x/b.jpg"},
        "explanation": {"detector": "hash_match", "context": {"bank": "ncmec", "threshold": 31}, "evidence": [
            {"kind": "pdq", "text": "pdq at distance 8 in bank 'ncmec'", "value": 8,
             "where": {"box": [1, 2, 3, 4]}, "weight": 0.9}]}}
    assert _sample().subject == "a.zip"
    assert _sample().reasons() == ["pdq at distance 8 in bank 'ncmec'"]


def test_unknown_keys_from_a_newer_writer_are_ignored() -> None:
    record = _sample().to_record()
    record["added_later"] = 1
    record["where"]["planet"] = "mars"
    record["explanation"]["evidence"][0]["colour"] = "red"
    assert Finding.from_record(record) == _sample()


def _broken(change: dict[str, Any]) -> dict[str, Any]:
    record = _sample().to_record()
    record.update(change)
    return record


@pytest.mark.parametrize("record", [
    _broken({"score": 1.5}), _broken({"score": -0.1}), _broken({"score": "0.5"}), _broken({"score": True}),
    _broken({"label": ""}), _broken({"source": None}), _broken({"explanation": {"detector": ""}}),
    _broken({"explanation": None}), _broken({"where": {"box": [1, 2, 3]}}), _broken({"where": {"frame": -1}}),
    _broken({"where": {"message_index": 1.5}}), _broken({"where": []}), _broken({"version": 2}),
    _broken({"explanation": {"detector": "d", "evidence": [{"text": "no kind"}]}}),
    _broken({"explanation": {"detector": "d", "context": {"k": [1, 2]}}}),
    _broken({"explanation": {"detector": "d", "evidence": {"kind": "not a list"}}}),
    [1, 2], "finding",
])
def test_malformed_records_are_refused_with_one_error(record: Any) -> None:
    with pytest.raises(InvalidFindingError):
        Finding.from_record(record)


@pytest.mark.parametrize("score", [float("nan"), float("inf"), 1.0000001, -1e-9])
def test_scores_outside_the_unit_interval_are_refused(score: float) -> None:
    with pytest.raises(InvalidFindingError):
        Finding("media", "x", score, Location(), Explanation("d"))


def test_non_finite_evidence_is_refused() -> None:
    with pytest.raises(InvalidFindingError):
        Evidence("distance", value=float("nan"))
    with pytest.raises(InvalidFindingError):
        Explanation("d", context={"p": float("inf")})


def test_findings_are_hashable_and_the_error_has_an_exit_code_and_status() -> None:
    assert len({_sample(), _sample()}) == 1
    error = InvalidFindingError("x")
    assert (exit_code_for(error), http_status_for(error)) == (2, 422)


def test_helpers_clamp_and_clean() -> None:
    assert [clamp_score(v) for v in (-1.0, 0.4, 3.0, float("nan"))] == [0.0, 0.4, 1.0, 0.0]
    assert context_of([("a", None), ("b", float("nan")), ("c", 1), ("d", ("x",))]) == {"c": 1, "d": "('x',)"}
