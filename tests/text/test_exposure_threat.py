"""Sextortion without the word "pictures": a threat to expose or share read by code in nine languages,
turned into an alert only by a payment demand or a deadline within a few messages.  Every phrase is short,
synthetic and non-explicit, written for this test."""

from __future__ import annotations

import numpy as np
import pytest

from childsafe.text.code_cues import deadline_words, exposure_threat, possession_claim, victim_plea
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
    far = [("x", "your whole class is going to see this")] + [("x", "nice weather today")] * 25 + [
        ("x", "selling my bike for 50 euros")]
    assert kinds(*far)["x"] is None


@pytest.mark.parametrize("text", [
    "ill post everything we talked about", "vou postar tudo que a gnt conversou", "je vais publier notre conversation",
    "subo todo lo que hablamos", "ik deel ons gesprek",
])
def test_threats_to_post_the_chat(text: str) -> None:
    assert exposure_threat(text) is not None


def test_sending_the_chat_to_the_other_side_is_no_threat() -> None:
    assert exposure_threat("i will send you everything we talked about") is None


@pytest.mark.parametrize("text", [
    "i have the pics u sent", "i already have ur photos", "tengo las fotos q mandaste", "tenho as fotos que vc mandou",
    "ich hab deine bilder", "j'ai récupéré tes photos", "ho già le tue foto", "jag har dina bilder",
    "ik heb je fotos", "mam twoje zdjęcia",
])
def test_claims_to_hold_the_other_sides_pictures(text: str) -> None:
    assert possession_claim(text) is not None


@pytest.mark.parametrize("text", ["i have the photos from the trip", "i have your tickets", "i have a new phone"])
def test_holding_other_things_is_no_claim(text: str) -> None:
    assert possession_claim(text) is None


def test_pleas() -> None:
    assert victim_plea("please dont") and victim_plea("no tengo dinero") and victim_plea("ich hab angst")
    assert victim_plea("please send the file") is None


FILLER = [("x", "nice weather today")] * 5


def test_a_claim_then_a_payment_and_a_deadline_alert_at_the_deadline() -> None:
    turns = [("x", "i have the pics u sent"), ("kid", "who is this"), *FILLER, ("x", "pay 100 with paypal"),
             ("x", "you have 2 hours")]
    assert kinds(*turns)["x"] == "sextortion"
    record = score_conversation([Message("c", a, t) for a, t in turns], QUIET).to_record()
    offender = next(a for a in record["authors"] if a["author"] == "x")
    assert offender["alert_at"] == 7  # its 8th message, the deadline: not later


def test_a_claim_and_a_payment_need_a_deadline_or_a_plea() -> None:
    base = [("x", "i have the pics u sent"), *FILLER, ("x", "pay 100 with paypal")]
    assert kinds(*base)["x"] is None
    # (the offender's next message is read with the plea in view)
    assert kinds(*base, ("kid", "please dont i dont have money"), ("x", "so?"))["x"] == "sextortion"


def test_a_claim_among_adults_or_about_the_trip_does_not_alert() -> None:
    assert kinds(("x", "i have the photos from the trip"), ("y", "great"), ("x", "the trip is 50 euros"),
                 ("x", "pay by midnight"))["x"] is None
    assert kinds(("y", "im 34"), ("x", "i have the pics u sent"), ("x", "pay 100 with paypal"),
                 ("x", "you have 2 hours"))["x"] is None


def test_a_threat_to_post_the_chat_meets_a_payment_ten_messages_later() -> None:
    turns = [("x", "ill post everything we talked about"), *FILLER, *FILLER, ("x", "pay 150 with bitcoin")]
    assert kinds(*turns)["x"] == "sextortion"


def test_the_wide_window_needs_a_payment_after_the_threat() -> None:
    threat = ("x", "ill post everything we talked about")
    assert kinds(threat, *FILLER, *FILLER, ("x", "you have 30 minutes"))["x"] is None  # a bare deadline, far
    assert kinds(("x", "pay 150 with bitcoin"), *FILLER, *FILLER, threat)["x"] is None  # the payment came first
