"""The case benchmark's driver reads the run's summary and the findings as the issue's interface gives them."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_case.py"


@pytest.fixture(scope="module")
def driver() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_case", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_case"] = module
    spec.loader.exec_module(module)
    return module


def test_stage_seconds_from_either_summary_shape(driver: ModuleType) -> None:
    listed = {"stages": [{"stage": "media", "items": 3, "seconds": 1.5}, {"stage": "network", "seconds": 2}]}
    mapped = {"stages": {"media": {"seconds": 1.5}, "network": 2}}
    assert driver.stage_seconds(listed) == driver.stage_seconds(mapped) == {"media": 1.5, "network": 2.0}
    assert driver.stage_seconds(None) == {}
    assert driver.last_json("progress\n{\"case\": \"bench\"}\n") == {"case": "bench"}
    assert driver.last_json("no json here") is None


def test_planted_items_are_counted_from_findings(driver: ModuleType, tmp_path: Path) -> None:
    truth = {"known": [{"path": "photos/a.jpg"}, {"path": "photos/b.jpg"}],
             "chats": {"suspects": ["Adult 0001", "Adult 0002"]},
             "face_sharers": {"astronaut": ["s0", "s1"]}, "trader_children": ["child_t_0", "child_t_1"]}
    lines = [
        {"kind": "known_media", "score": 1, "label": "known_media", "where": {"path": "/case/evidence/photos/a.jpg"},
         "explanation": {"detector": "hash_match"}},
        {"kind": "suspect", "score": 0.5, "label": "suspect", "where": {"account": "Adult 0002"},
         "explanation": {"detector": "network_rank"}},
        {"kind": "at_risk", "score": 0.6, "label": "at_risk", "where": {"account": "child_t_1"},
         "explanation": {"detector": "exposure"}},
        {"kind": "face_group", "score": 0.7, "label": "face_group", "where": {"paths": ["x", "y"]},
         "explanation": {"detector": "face_grouping", "evidence": [
             {"kind": "account", "value": "s0"}, {"kind": "account", "value": "s1"}]}},
    ]
    findings = tmp_path / "findings.jsonl"
    findings.write_text("".join(json.dumps(x) + "\n" for x in lines))
    found = driver.planted_found(findings, truth)
    assert found == {"findings": 4, "known_planted": 2, "known_found": 1, "chat_suspects_planted": 2,
                     "chat_suspects_named": 1, "trader_children_planted": 2, "trader_children_at_risk": 1,
                     "face_groups": 1, "face_group_naming_all_astronaut_sharers": True}
    assert driver.planted_found(tmp_path / "missing.jsonl", truth)["findings"] == 0


def test_findings_compared_to_nine_decimals(driver: ModuleType) -> None:
    clean = ['{"kind": "suspect", "score": 0.5210184387125709, "where": {"account": "a"}}']
    resumed = ['{"kind": "suspect", "score": 0.5210184387126298, "where": {"account": "a"}}']
    assert driver.rounded_findings(clean) == driver.rounded_findings(resumed) and clean != resumed
    assert driver.rounded_findings(clean) != driver.rounded_findings(['{"kind": "suspect", "score": 0.53}'])
