"""The shipped model meets the issue's goals on authors held out from its training."""

from __future__ import annotations

from pathlib import Path

import pytest

from childsafe.text.model import load_default_model
from childsafe.text.training import evaluate_model, held_out_authors


@pytest.fixture(scope="module")
def report(shared_data: Path) -> dict:
    pytest.importorskip("chitchat_dataset")
    model = load_default_model()
    seed = model.info["trained_on"]["seed"]
    return evaluate_model(model, held_out_authors(shared_data / "text", seed))


def test_full_history_f05(report: dict) -> None:
    assert report["windows"]["all"]["all"]["f05"] >= 0.93


def test_early_detection(report: dict) -> None:
    assert report["early"]["median_messages_to_alert"] <= 30
    assert report["windows"]["first_50"]["all"]["f05"] >= 0.85


def test_false_alarms_on_ordinary_chat(report: dict) -> None:
    assert report["false_alarms"]["ordinary_authors_20plus"] >= 100
    assert report["false_alarms"]["rate"] <= 0.01


def test_matches_the_metrics_recorded_beside_the_model(report: dict) -> None:
    recorded = load_default_model().info["test_metrics"]
    assert report["windows"]["all"]["all"] == recorded["windows"]["all"]["all"]
    assert report["early"] == recorded["early"]
