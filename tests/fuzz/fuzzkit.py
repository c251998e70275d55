"""Shared settings and strategies of the fuzzing suite.

Every property runs a fixed, derandomised set of examples so CI is reproducible and bounded (the
whole suite well under three minutes on two cores).  For a longer local campaign set
``CHILDSAFE_FUZZ_EXAMPLES`` (e.g. 5000): every property then runs that many examples (the video
one a tenth of it), still derandomised unless ``CHILDSAFE_FUZZ_RANDOM=1`` asks for fresh ones.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

__all__ = ["fuzz_settings", "mutated", "no_newline_text", "printable_line"]

_T = TypeVar("_T", bound=Callable[..., Any])


def fuzz_settings(default_examples: int, *, heavy: bool = False) -> Callable[[_T], _T]:
    """Hypothesis settings for one property: ``default_examples`` in CI, more on request."""
    requested = os.environ.get("CHILDSAFE_FUZZ_EXAMPLES")
    examples = default_examples
    if requested:
        examples = max(1, int(requested) // 10) if heavy else int(requested)
    fresh = os.environ.get("CHILDSAFE_FUZZ_RANDOM") == "1"
    return settings(
        max_examples=examples,
        deadline=None,  # a slow example is not a failure; the example counts bound the time
        derandomize=not fresh,
        database=None,  # nothing written to .hypothesis/ in the worktree
        print_blob=True,  # a failure prints the @reproduce_failure blob to pin it as an @example
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                               HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much],
    )


@st.composite
def mutated(draw: st.DrawFn, base: bytes, max_mutations: int = 6) -> bytes:
    """``base`` with a few byte flips, overwrites, deletions, insertions or a truncation."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, max_mutations))):
        op = draw(st.sampled_from(("flip", "set", "delete", "insert", "truncate", "duplicate")))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[at] = draw(st.sampled_from((0x00, 0xFF, 0x7F, 0x80, 0x01)))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 64))]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=32))
        elif op == "truncate":
            del data[at:]
        elif op == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(1, 256))]
    return bytes(data)


def no_newline_text(max_size: int = 40) -> st.SearchStrategy[str]:
    """Any text without a line break (what one garbage line of a line-based file holds)."""
    return st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e"
                                 "\x85\u2028\u2029"), max_size=max_size)


def printable_line(max_size: int = 40) -> st.SearchStrategy[str]:
    """Text of letters, digits, spaces and punctuation but no quote, comma or line break."""
    return st.text(st.characters(whitelist_categories=("L", "N", "Zs", "Po", "Sm"),
                                 blacklist_characters='"\',\n\r\x85\u2028\u2029'), max_size=max_size)
