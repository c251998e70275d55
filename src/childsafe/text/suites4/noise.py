"""Chat spelling: each speaker has a style (case, accents, typos, emoji, laughter) applied to every line.

A line that states a child's age gets the style's case, accents, emoji and laughter but never a typo or a
stretched letter, so the age it states stays what the label records.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass

__all__ = ["Style", "random_style", "apply_style", "strip_accents"]

EMOJI = ("😂", "😅", "🙄", "😊", "🥺", "😭", "💀", "👀", "😬", "🔥", "❤️", "🙈", "😳", "👍", "😡", "😏", "✨", ":)",
         ":P", "xd", "<3", ":/")
_NOT_DECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ß": "ss", "ø": "o", "æ": "ae", "œ": "oe"})
_WORD = re.compile(r"[^\W\d_]{4,}")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_NOT_DECOMPOSED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Style:
    lowercase: float  # chance a line is all lower case
    no_accents: float  # chance a line loses its accents
    typo: float  # chance a line gets one typo
    emoji: float  # chance of an emoji at the end
    laugh: float  # chance of the language's laughter at the end
    stretch: float  # chance a word's last letter is stretched ("nooo")
    no_period: bool  # drops a final full stop


def random_style(rng: random.Random, young: bool) -> Style:
    """Younger writers are sloppier on average, but any writer may be careful or careless."""
    sloppy = rng.random() * (1.0 if young else 0.7)
    emoji = rng.choice((0.0, 0.1, 0.25, 0.4) if young else (0.0, 0.0, 0.05, 0.15))
    return Style(lowercase=min(1.0, 0.3 + sloppy), no_accents=sloppy, typo=0.12 * sloppy, emoji=emoji,
                 laugh=rng.choice((0.0, 0.08, 0.2)), stretch=0.1 * sloppy, no_period=rng.random() < 0.7)


def _typo(rng: random.Random, text: str) -> str:
    words = list(_WORD.finditer(text))
    if not words:
        return text
    word = rng.choice(words)
    w = word.group()
    i = rng.randrange(1, len(w) - 1)
    if rng.random() < 0.5:
        w = w[:i] + w[i + 1] + w[i] + w[i + 2:]  # two letters swapped
    else:
        w = w[:i] + w[i + 1:]  # a letter dropped
    return text[:word.start()] + w + text[word.end():]


def _stretch(rng: random.Random, text: str) -> str:
    words = list(_WORD.finditer(text))
    if not words:
        return text
    word = rng.choice(words)
    return text[:word.end()] + word.group()[-1] * rng.randint(1, 3) + text[word.end():]


def apply_style(rng: random.Random, style: Style, text: str, laughs: tuple[str, ...], keeps_age: bool) -> str:
    if rng.random() < style.lowercase:
        text = text.lower()
    if rng.random() < style.no_accents:
        text = strip_accents(text)
    if not keeps_age:
        if rng.random() < style.typo:
            text = _typo(rng, text)
        if rng.random() < style.stretch:
            text = _stretch(rng, text)
    if style.no_period and text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    if laughs and rng.random() < style.laugh:
        text = f"{text} {rng.choice(laughs)}"
    if rng.random() < style.emoji:
        text = f"{text} {rng.choice(EMOJI)}"
    return text
