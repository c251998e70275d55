"""Risk assessment and platform moves read by code in any language where no pack rule words them, and the
asker's own age given back as a bare number.  Short synthetic, non-explicit phrases written for the test."""

from __future__ import annotations

import numpy as np
import pytest

from childsafe.text.code_cues import age_question_phrase, isolation_question, private_app
from childsafe.text.features import N_FEATURES
from childsafe.text.messages import Message
from childsafe.text.model import AuthorModel
from childsafe.text.scoring import score_conversation

QUIET = AuthorModel(np.zeros(N_FEATURES, np.float32), -5.0, 0.99, 1, {})


@pytest.mark.parametrize("text", [
    "is your dad home", "tu papá está en casa", "seu pai ta em casa", "ist dein vater zuhause",
    "ton père est à la maison", "tuo padre è a casa", "is je vader thuis", "är din pappa hemma",
    "czy tata jest w domu", "can u talk freely", "wer ist gerade bei dir",
])
def test_isolation_checks_in_each_language(text: str) -> None:
    assert isolation_question(text) is not None


@pytest.mark.parametrize("text", ["my dad made dinner", "we played at home", "is the shop open"])
def test_ordinary_lines_are_not_isolation_checks(text: str) -> None:
    assert isolation_question(text) is None


def test_age_questions_without_a_question_mark_and_private_apps() -> None:
    assert age_question_phrase("hoe oud ben je") and age_question_phrase("a ty ile masz")
    assert not age_question_phrase("the old house")
    assert private_app("use telegram instead") and private_app("hast du kik")
    assert private_app("signal strength is low") is None


def record(*turns: tuple[str, str]) -> dict[str, dict]:  # type: ignore[type-arg]
    r = score_conversation([Message("c", a, t) for a, t in turns], QUIET).to_record()
    return {a["author"]: a for a in r["authors"]}


def test_a_split_age_question_and_a_parent_check_cover_risk_assessment() -> None:
    authors = record(("x", "hoi"), ("kid", "hoi"), ("x", "hoe oud"), ("x", "ben je"), ("kid", "12"),
                     ("x", "is je vader thuis"), ("kid", "nee"), ("x", "dit blijft tussen ons"))
    assert authors["kid"]["stated_age"] == 12
    rules = {i["rule"] for i in authors["x"]["indicators"]}
    assert {"age_question_cue", "isolation_cue"} <= rules


def test_the_asker_gives_their_own_age_back() -> None:
    authors = record(("a", "hoe oud ben je?"), ("b", "13"), ("a", "14 haha"))
    assert authors["a"]["stated_age"] == 14 and authors["a"]["role"] == "at_risk"


@pytest.mark.parametrize("text", [
    "cuantos tienes?", "vc tem quantos", "tu quanti ne hai", "u in high school?", "what grade are you in",
    "vas al insti?", "welche klasse bist du", "t'es en quelle classe", "vilken klass går du i",
    "w której klasie jesteś",
])
def test_elliptic_age_and_school_year_questions(text: str) -> None:
    assert age_question_phrase(text)


@pytest.mark.parametrize("text", ["how many do you have", "i left high school years ago", "que tienes hoy"])
def test_not_age_questions(text: str) -> None:
    assert not age_question_phrase(text)


def test_a_number_after_an_elliptic_age_question_is_an_age() -> None:
    authors = record(("x", "hola"), ("kid", "hola"), ("x", "cuantos tienes"), ("kid", "13 jaja"))
    assert authors["kid"]["stated_age"] == 13 and authors["kid"]["role"] != "suspect"
