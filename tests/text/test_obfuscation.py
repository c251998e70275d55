"""Letters spelled out one by one and leetspeak in any language hide indicator words from the packs; the
scorer undoes them for the indicators and cues.  Short synthetic, non-explicit phrases."""

from __future__ import annotations

import numpy as np
import pytest

from childsafe.text.features import N_FEATURES
from childsafe.text.messages import Message
from childsafe.text.model import AuthorModel
from childsafe.text.normalize import join_spelled_letters, undo_leet
from childsafe.text.scoring import score_conversation

QUIET = AuthorModel(np.zeros(N_FEATURES, np.float32), -5.0, 0.99, 1, {})


@pytest.mark.parametrize(("text", "expected"), [
    ("add me on d-i-s-c-o-r-d", "add me on discord"), ("s.e.c.r.e.t ok", "secret ok"),
    ("w h a t music", "what music"), ("how r u", "how r u"), ("a e i", "a e i"), ("e-mail me", "e-mail me"),
])
def test_spelled_out_letters_are_joined(text: str, expected: str) -> None:
    assert join_spelled_letters(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("n4d13 lo sabe", "nadie lo sabe"), ("f4mili4", "familia"), ("s3", "se"), ("24h", "24h"), ("10min", "10min"),
    ("m15", "m15"), ("14f", "14f"), ("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjh", "bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjh"),
])
def test_leetspeak_is_undone_inside_words_only(text: str, expected: str) -> None:
    assert undo_leet(text) == expected


def categories(text: str) -> set[str]:
    context = [Message("c", "x", "hola que tal como estas hoy"), Message("c", "x", "yo estoy en casa tranquilo")]
    record = score_conversation([*context, Message("c", "x", text)], QUIET).to_record()
    return {i["category"] for i in record["authors"][0]["indicators"]}


def test_an_obfuscated_indicator_is_found() -> None:
    assert "secrecy" in categories("d-o-n-t t-e-l-l your mom about us")
    assert "secrecy" in categories("n0 s3 l0 d1g4s a n4d13")
