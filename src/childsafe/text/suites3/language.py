"""What a suites3 language file holds: templates by key, number words, school years, payment forms.

Each language is written natively in its own module (``text/suites3/lang/<code>.py``), with chat spelling;
the generator only fills slots (``{n}``, ``{game}``, ``{amount}``...) and never translates.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["REQUIRED_KEYS", "SLOT_KEYS", "Language"]

#: Template keys every language defines (a test checks each is non-empty).
REQUIRED_KEYS: tuple[str, ...] = (
    # ordinary chat, built from a grammar with slot fillers
    "chat", "adult_chat", "reply", "lobby", "post", "comment",
    # offender moves
    "compliment", "ask_age", "alone", "alone_answer", "secret", "private", "picture", "meet",
    "peer_claim", "scout", "coach", "child_ok", "child_unsure",
    # stated ages, one key per form
    "age_number", "age_word", "age_school", "age_turning", "age_born",
    # sextortion
    "claim_pics", "threat_chat", "demand", "deadline", "child_plea",
    # hard negatives
    "sibling", "trip", "romance", "model_adult", "crime", "crime_reply", "psa", "psa_comment", "party", "parents",
)
#: Slot fillers of the ordinary-chat grammar.
SLOT_KEYS: tuple[str, ...] = ("subject", "game", "artist", "sport", "food", "day", "place")


@dataclass(frozen=True)
class Language:
    code: str
    templates: dict[str, tuple[str, ...]]
    slots: dict[str, tuple[str, ...]]
    number_words: dict[int, str]  # 11..17 at least
    school_years: dict[int, str]  # age -> the school year a child of that age is in, in this country's system
    payments: tuple[str, ...]  # local payment forms: apps, gift cards, game credits, crypto
    currencies: tuple[str, ...]
    abbreviations: tuple[tuple[str, str], ...]  # (full word or phrase, chat spelling)
    connectors: tuple[str, ...]  # voice-to-text run-ons glue clauses with these
    neighbour: str  # the language a code-switching offender writes in
