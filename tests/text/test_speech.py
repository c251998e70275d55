"""Quoted and reported speech is not the author's own indicator: a safety lesson quoting grooming lines, a
child telling an adult what someone wrote to her.  Every phrase is short, synthetic and non-explicit."""

from __future__ import annotations

import numpy as np
import pytest

from childsafe.text.features import N_FEATURES
from childsafe.text.messages import Message
from childsafe.text.model import AuthorModel
from childsafe.text.scoring import score_conversation
from childsafe.text.speech import reported_speech, strip_quotes

QUIET = AuthorModel(np.zeros(N_FEATURES, np.float32), -5.0, 0.99, 1, {})  # never alerts


def alerts(*turns: tuple[str, str]) -> dict[str, str | None]:
    record = score_conversation([Message("c", a, t) for a, t in turns], QUIET).to_record()
    return {a["author"]: a["alert_kind"] for a in record["authors"]}


def test_quoted_spans_are_removed_and_an_open_quote_runs_on() -> None:
    assert strip_quotes('they wrote "how old are you" and "meet me"') == ("they wrote and", False)
    assert strip_quotes("warning: someone asks «are you") == ("warning: someone asks", True)
    assert strip_quotes('alone" or „secret“ ok', quote_open=True) == ("or ok", False)
    assert strip_quotes('i am 5\'10" tall') == ('i am 5\'10" tall', False)  # inches, not a quote
    assert strip_quotes("no quotes here") == ("no quotes here", False)


@pytest.mark.parametrize("text", [
    "he said i have one hour", "someone told me to keep it secret", "if anyone asks you for a pic tell us",
    "me dijo que tengo una hora", "er schreibt dass ich zahlen soll", "il veut de l'argent",
    "lui vuole i soldi", "hij wil geld", "han vill ha pengar", "on chce kasę", "ele disse q tenho 1h",
])
def test_reporting_frames_in_each_language(text: str) -> None:
    assert reported_speech(text) is not None


@pytest.mark.parametrize("text", ["how old are you", "what if someone sees us", "i wrote you a song",
                                  "send me a pic", "quiero verte"])
def test_own_words_are_not_reported_speech(text: str) -> None:
    assert reported_speech(text) is None


def test_a_safety_lesson_quoting_grooming_lines_does_not_alert() -> None:
    kinds = alerts(("teacher", "hi class"), ("pupil", "hi"),
                   ("teacher", 'warning signs: someone asks "how old are you"'),
                   ("teacher", 'or "are you home alone"'),
                   ("teacher", 'if anyone writes "dont tell your mom about us" tell an adult'),
                   ("teacher", 'another red flag: "send me a pic"'),
                   ("teacher", 'and "lets meet on saturday"'), ("pupil", "ok"))
    assert kinds["teacher"] is None


def test_the_same_lines_in_the_authors_own_words_alert() -> None:
    kinds = alerts(("adult", "hi"), ("kid", "hi"), ("adult", "how old are you"), ("kid", "idk"),
                   ("adult", "are you home alone"), ("adult", "dont tell your mom about us"),
                   ("adult", "send me a pic"), ("adult", "lets meet on saturday"), ("kid", "ok"))
    assert kinds["adult"] == "evidence"


def test_a_child_reporting_a_threat_does_not_alert_but_the_threat_itself_does() -> None:
    reported = alerts(("kid", "hey"), ("mom", "hi sweetie"),
                      ("kid", 'this guy keeps writing "ill send everything to your friends"'),
                      ("kid", "he said i"), ("kid", "have"), ("kid", "30 minutes"),
                      ("kid", "he wants 50 in gift cards"), ("mom", "we will report it"))
    assert reported["kid"] is None
    direct = alerts(("x", "ill send everything to your friends"), ("x", "you have 30 minutes"),
                    ("x", "50 in gift cards"))
    assert direct["x"] == "sextortion"
