"""Sextortion without the word "pictures": a threat to expose or share read by code in nine languages,
turned into an alert only by a payment demand or a deadline within a few messages.  Every phrase is short,
synthetic and non-explicit, written for this test."""

from __future__ import annotations

import numpy as np
import pytest

from childsafe.text.code_cues import deadline_words, exposure_threat
from childsafe.text.features import N_FEATURES
from childsafe.text.messages import Message
from childsafe.text.model import AuthorModel
from childsafe.text.scoring import score_conversation

QUIET = AuthorModel(np.zeros(N_FEATURES, np.float32), -5.0, 0.99, 1, {})  # never alerts


@pytest.mark.parametrize("text", [
    "i will forward all of it to your classmates", "your whole class is going to see this",
    "le paso todo a tus contactos", "todo mundo da sua turma vai saber", "ich zeige das allen deinen freunden",
    "je vais tout montrer à ta famille", "mando tutto ai tuoi genitori",
    "ik stuur alles naar je ouders", "jag skickar allt till dina kompisar", "roześlę to twoim rodzicom",
    "your screenshots go public tonight", "bye bye your reputation",
])
def test_threats_to_expose_in_each_language(text: str) -> None:
    assert exposure_threat(text) is not None


@pytest.mark.parametrize("text", [
    "send me a pic of your friends", "my friends will see you at school", "show me your new shoes",
    "see you tomorrow", "i told my mom", "everyone will see the new map", "all of you will know soon",
])
def test_ordinary_lines_are_not_threats(text: str) -> None:
    assert exposure_threat(text) is None


@pytest.mark.parametrize("text", ["you have until before school tomorrow", "pay by midnight",
                                  "tienes hasta mañana", "bis heute abend", "avant ce soir", "przed północy"])
def test_deadlines_in_words(text: str) -> None:
    assert deadline_words(text) is not None


def kinds(*turns: tuple[str, str]) -> dict[str, str | None]:
    record = score_conversation([Message("c", a, t) for a, t in turns], QUIET).to_record()
    return {a["author"]: a["alert_kind"] for a in record["authors"]}


def test_a_short_threat_without_pictures_and_a_payment_alerts() -> None:
    # (the English pack has no rule for this wording: the cue reads it)
    assert kinds(("x", "your whole class is going to see this"), ("kid", "please no"),
                 ("x", "50 in game credits"))["x"] == "sextortion"


def test_a_threat_cue_alone_or_far_from_the_demand_does_not_alert() -> None:
    assert kinds(("x", "your whole class is going to see this"), ("kid", "lol ok"))["x"] is None
    far = [("x", "your whole class is going to see this")] + [("x", "nice weather today")] * 8 + [
        ("x", "selling my bike for 50 euros")]
    assert kinds(*far)["x"] is None
