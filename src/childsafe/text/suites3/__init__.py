"""A third, independent synthetic suite: platform shapes (game lobbies, comment threads, long DMs), nine languages.

``python -m childsafe.text.suites3 --out DIR --seed N`` writes ``DIR/conversations.jsonl`` and
``DIR/labels.jsonl`` in the format ``childsafe text eval --suite DIR`` reads.  Written apart from the
indicator packs, the scorer and the other two generators; seeds 301 and 302 were measured once after freezing.
"""

from childsafe.text.suites3.generator import (
    AGE_FORMS,
    DEFAULT_PER_FAMILY,
    FAMILIES,
    FROZEN_SEEDS,
    GENERATOR_NAME,
    LANGUAGES,
    NEGATIVE_FAMILIES,
    POSITIVE_FAMILIES,
    Line,
    StatedAge,
    Suite3Conversation,
    Suite3Summary,
    build_conversation,
    generate_conversations,
    generate_suite,
)

__all__ = [
    "AGE_FORMS",
    "DEFAULT_PER_FAMILY",
    "FAMILIES",
    "FROZEN_SEEDS",
    "GENERATOR_NAME",
    "LANGUAGES",
    "NEGATIVE_FAMILIES",
    "POSITIVE_FAMILIES",
    "Line",
    "StatedAge",
    "Suite3Conversation",
    "Suite3Summary",
    "build_conversation",
    "generate_conversations",
    "generate_suite",
]
