"""Hashed n-gram features of one message, identical at training and scoring time.

Word unigrams and bigrams plus character 2-4-grams inside words (robust to chat misspellings),
hashed with CRC-32 into :data:`N_FEATURES` buckets.  CRC-32 rather than Python's ``hash()``,
which is salted per process and would make a saved model meaningless.
"""

from __future__ import annotations

import zlib
from collections import Counter

from childsafe.text.normalize import normalize_text, tokenize

__all__ = ["N_FEATURES", "message_features", "normalized_features", "feature_name_hashes"]

N_FEATURES = 1 << 18
_MASK = N_FEATURES - 1
#: Tokens this long are not split into character n-grams (pasted hashes, URLs): cost, not signal.
_MAX_CHAR_TOKEN = 24


def _bucket(kind: str, gram: str) -> int:
    return zlib.crc32(f"{kind}|{gram}".encode()) & _MASK


def message_features(text: str) -> Counter[int]:
    """Bucket -> count for one message."""
    return normalized_features(normalize_text(text))


def normalized_features(normalized: str) -> Counter[int]:
    """Bucket -> count for a message already passed through :func:`normalize_text`."""
    return Counter(_buckets(tokenize(normalized)))


def _buckets(tokens: list[str]) -> list[int]:
    out = [_bucket("w", t) for t in tokens]
    out.extend(_bucket("b", f"{a} {b}") for a, b in zip(tokens, tokens[1:], strict=False))
    for token in tokens:
        if len(token) > _MAX_CHAR_TOKEN:
            continue
        padded = f" {token} "
        for n in (2, 3, 4):
            out.extend(_bucket("c", padded[i : i + n]) for i in range(len(padded) - n + 1))
    return out


def feature_name_hashes(normalized: str) -> dict[int, str]:
    """Bucket -> a readable n-gram for one normalised message: which words drove a score."""
    tokens = tokenize(normalized)
    names: dict[int, str] = {}
    for t in tokens:
        names.setdefault(_bucket("w", t), t)
    for a, b in zip(tokens, tokens[1:], strict=False):
        names.setdefault(_bucket("b", f"{a} {b}"), f"{a} {b}")
    return names
