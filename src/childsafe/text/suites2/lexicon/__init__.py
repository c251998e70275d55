"""Phrase lexicons of the second suite generator, one module per language, written natively.

Each module holds ``TEXT``: lines ``slot: phrase | phrase | ...`` (a slot may span several lines; they
add up).  Written without reading the indicator packs or the first generator's banks, so the suite
measures how the detector generalises rather than replaying phrasings it was tuned on.

Placeholders inside a phrase: ``{age}``, ``{n}`` (an amount), ``{h}`` (hours), ``{m}`` (minutes),
``{wallet}``, ``{name}``, and ``{@slot}``: a phrase drawn from another slot of the same lexicon (how a
safety lesson quotes an offender's question, or a pay demand names a payment form).  Slots named
``grade_<age>`` hold the school years a child of that age states ("im in 8th grade").
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from childsafe.errors import ConfigError

__all__ = ["LANGUAGES", "REQUIRED_SLOTS", "Lexicon", "parse_lexicon", "load_lexicon"]

LANGUAGES: Final = ("en", "es", "pt", "de", "fr", "sv", "nl", "it", "pl")

#: Every lexicon defines these (a test checks it); ``~mix`` slots (code-switching) and grades are extra.
REQUIRED_SLOTS: Final = (
    # chat in general
    "names", "hello", "ack", "later", "small_adult", "small_child", "emoji",
    # ages: the child's (or an adult's) answer forms
    "age_bare", "age_sex_f", "age_sex_m", "age_sentence", "age_volunteer", "adult_age_sentence",
    # grooming, plain
    "g_compliment", "g_age", "g_school", "g_alone", "g_trust", "g_gift", "g_secret", "g_move", "g_pic", "g_meet",
    # grooming, evasive (no obvious words)
    "e_age", "e_alone", "e_secret", "e_pic", "e_meet", "e_move",
    # the child's side
    "c_alone", "c_not_alone", "c_school", "c_hesitant", "c_agree",
    # sextortion
    "x_flirt", "x_claim", "x_threat", "x_threat_pic", "x_pay", "x_deadline", "pay", "deadline",
    "v_plead", "v_plead_age",
    # places, apps, gifts
    "apps", "places", "gifts",
    # hard negatives
    "d_line", "t_line", "p_parent", "p_child", "k_adult", "k_kid", "m_line", "s_agent", "s_customer",
    "n_lesson", "n_news", "n_react", "r_kid", "r_help",
)

_PLACEHOLDER = re.compile(r"\{(@?[a-z_~0-9]+)\}")
_SIMPLE = frozenset({"age", "n", "h", "m", "wallet", "name"})


@dataclass(frozen=True)
class Lexicon:
    language: str
    slots: MappingProxyType[str, tuple[str, ...]]

    def pool(self, slot: str) -> tuple[str, ...]:
        try:
            return self.slots[slot]
        except KeyError:
            raise ConfigError(f"lexicon {self.language!r} has no slot {slot!r}") from None

    def grades(self, age: int) -> tuple[str, ...]:
        return self.slots.get(f"grade_{age}", ())


def parse_lexicon(language: str, text: str) -> Lexicon:
    """Read ``slot: a | b`` lines; check every required slot is there and every placeholder is known."""
    slots: dict[str, list[str]] = {}
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        name, sep, rest = line.partition(":")
        if not sep or not re.fullmatch(r"[a-z_~0-9]+", name.strip()):
            raise ConfigError(f"lexicon {language!r} line {n}: expected 'slot: phrase | phrase'")
        phrases = [p.strip() for p in rest.split("|") if p.strip()]
        slots.setdefault(name.strip(), []).extend(phrases)
    missing = [s for s in REQUIRED_SLOTS if not slots.get(s)]
    if missing:
        raise ConfigError(f"lexicon {language!r} lacks slots: {', '.join(missing)}")
    for slot, phrases in slots.items():
        for phrase in phrases:
            for key in _PLACEHOLDER.findall(phrase):
                if key not in _SIMPLE and not (key.startswith("@") and key[1:] in slots):
                    raise ConfigError(f"lexicon {language!r} slot {slot!r}: unknown placeholder {{{key}}}")
    return Lexicon(language, MappingProxyType({k: tuple(v) for k, v in slots.items()}))


def load_lexicon(language: str) -> Lexicon:
    if language not in LANGUAGES:
        raise ConfigError(f"no lexicon for language {language!r}; choose from {', '.join(LANGUAGES)}")
    module = importlib.import_module(f"childsafe.text.suites2.lexicon.{language}")
    text: str = module.TEXT
    return parse_lexicon(language, text)
