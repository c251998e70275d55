"""Hashed n-gram features of one message, identical at training and scoring time.

Word unigrams and bigrams plus character 2-4-grams inside words (robust to chat misspellings),
hashed with CRC-32 into :data:`N_FEATURES` buckets.  CRC-32 rather than Python's ``hash()``,
which is salted per process and would make a saved model meaningless.
"""

from __future__ import annotations

import zlib
from collections import Counter

from childsafe.text.normalize import normalize_text, tokenize

__all__ = ["N_FEATURES", "message_features", "normalized_features", "feature_name_hashes",
           "features_and_names"]

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


#: Memo of each token's buckets (its word bucket first, then its character n-grams) and of word pairs:
#: chat repeats its words, so most messages hash nothing new.  Emptied when it grows past this many entries
#: (a bound on memory over an endless stream, not an LRU: refilling is cheap).
CACHE_LIMIT = 200_000
_TOKEN_BUCKETS: dict[str, tuple[int, ...]] = {}
_PAIR_BUCKETS: dict[str, int] = {}


def _token_buckets(token: str) -> tuple[int, ...]:
    cached = _TOKEN_BUCKETS.get(token)
    if cached is not None:
        return cached
    out = [_bucket("w", token)]
    if len(token) <= _MAX_CHAR_TOKEN:
        padded = f" {token} "
        for n in (2, 3, 4):
            out.extend(_bucket("c", padded[i : i + n]) for i in range(len(padded) - n + 1))
    if len(_TOKEN_BUCKETS) >= CACHE_LIMIT:
        _TOKEN_BUCKETS.clear()
    result = _TOKEN_BUCKETS[token] = tuple(out)
    return result


def _pair_bucket(pair: str) -> int:
    cached = _PAIR_BUCKETS.get(pair)
    if cached is None:
        if len(_PAIR_BUCKETS) >= CACHE_LIMIT:
            _PAIR_BUCKETS.clear()
        cached = _PAIR_BUCKETS[pair] = _bucket("b", pair)
    return cached


def _buckets(tokens: list[str]) -> list[int]:
    per_token = [_token_buckets(t) for t in tokens]
    out = [b[0] for b in per_token]
    out.extend(_pair_bucket(f"{a} {b}") for a, b in zip(tokens, tokens[1:], strict=False))
    for b in per_token:
        out.extend(b[1:])
    return out


def feature_name_hashes(normalized: str) -> dict[int, str]:
    """Bucket -> a readable n-gram for one normalised message: which words drove a score."""
    tokens = tokenize(normalized)
    names: dict[int, str] = {}
    for t in tokens:
        names.setdefault(_token_buckets(t)[0], t)
    for a, b in zip(tokens, tokens[1:], strict=False):
        pair = f"{a} {b}"
        names.setdefault(_pair_bucket(pair), pair)
    return names


def features_and_names(normalized: str) -> tuple[Counter[int], list[tuple[int, str]]]:
    """:func:`normalized_features` and the readable words and word pairs of :func:`feature_name_hashes`,
    from one tokenisation (the scorer wants both for every message)."""
    tokens = tokenize(normalized)
    per_token = [_token_buckets(t) for t in tokens]
    pairs = [f"{a} {b}" for a, b in zip(tokens, tokens[1:], strict=False)]
    pair_buckets = [_pair_bucket(pair) for pair in pairs]
    out = [b[0] for b in per_token]
    out.extend(pair_buckets)
    for b in per_token:
        out.extend(b[1:])
    names = [(b[0], t) for b, t in zip(per_token, tokens, strict=True)]
    names.extend(zip(pair_buckets, pairs, strict=True))
    return Counter(out), names
