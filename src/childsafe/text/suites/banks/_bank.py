"""The phrase-bank type: per language, slots of alternative phrasings written natively.

A slot is one string of alternatives separated by ``|``.  Generator ``A`` draws from the alternatives
at even positions and generator ``B`` from those at odd positions, so the two generators never share a
phrasing.  Placeholders: ``{age}`` (the child's age), ``{n}`` (an amount), ``{h}`` (hours) and
``{platform}`` (a chat app from the ``platforms`` slot).  In negative role slots a line starting with
``@age? `` is an age question; the generator answers it with an age in one of the forms chat uses.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["Bank", "REQUIRED_SLOTS"]

#: Every bank fills every slot, each with at least two alternatives (one per generator).
REQUIRED_SLOTS: tuple[str, ...] = (
    "names", "platforms", "greet", "small", "ack", "hesitant",
    "g_age", "g_school", "g_alone", "g_compliment", "g_gift", "g_secret", "g_platform", "g_pic", "g_meet",
    "e_age", "e_alone", "e_secret", "e_pic", "e_meet",
    "c_age", "c_alone", "c_school",
    "x_claim", "x_threat", "x_pay", "x_deadline", "x_flirt", "v_plead",
    "d_a", "d_b", "t_a", "t_b", "p_parent", "p_child", "k_teacher", "k_student", "m_a", "m_b",
    "s_agent", "s_customer",
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class Bank:
    language: str
    phrases: Mapping[str, str]
    school_years: Mapping[int, tuple[str, ...]]
    sexes: tuple[str, ...] = ("f", "m")
    chat: Mapping[str, str] = field(default_factory=dict)

    def alternatives(self, slot: str) -> list[str]:
        return [p.strip() for p in self.phrases[slot].split("|") if p.strip()]

    def pool(self, slot: str, generator: str) -> list[str]:
        """The alternatives one generator may use: even positions for A, odd for B."""
        every = self.alternatives(slot)
        half = every[0::2] if generator == "A" else every[1::2]
        return list(half or every)

    def pick(self, rng: random.Random, slot: str, generator: str, **values: object) -> str:
        return self.fill(rng.choice(self.pool(slot, generator)), rng, **values)

    def fill(self, text: str, rng: random.Random, **values: object) -> str:
        def value(match: re.Match[str]) -> str:
            key = match.group(1)
            if key in values:
                return str(values[key])
            if key == "platform":
                return rng.choice(self.alternatives("platforms"))
            if key == "n":
                return str(rng.choice((50, 100, 150, 200, 300)))
            if key == "h":
                return str(rng.choice((1, 2, 6, 12, 24)))
            if key == "age":
                return str(rng.randint(12, 16))
            return match.group(0)

        return _PLACEHOLDER.sub(value, text)

    def chatify(self, text: str, rng: random.Random, probability: float) -> str:
        """Replace whole words by their chat spelling, each occurrence with ``probability``."""
        for word, short in self.chat.items():
            pattern = re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)
            text = pattern.sub(_Replacer(short, rng, probability), text)
        return text


@dataclass(frozen=True)
class _Replacer:
    """``re.sub`` callback: the chat spelling, or the word unchanged, by chance."""

    short: str
    rng: random.Random
    probability: float

    def __call__(self, match: re.Match[str]) -> str:
        return self.short if self.rng.random() < self.probability else match.group(0)
