"""A second, independent synthetic suite for the grooming and sextortion detectors, in nine languages.

``python -m childsafe.text.suites2 --out DIR --seed N`` writes ``DIR/conversations.jsonl`` and
``DIR/labels.jsonl`` in the format ``childsafe text eval --suite DIR`` reads.  Written apart from the
indicator packs and the first suite's phrase banks; seeds 201 and 202 were measured once after freezing.
"""

from childsafe.text.suites2.generator import (
    DEFAULT_PER_FAMILY,
    FAMILIES,
    FROZEN_SEEDS,
    GENERATOR_NAME,
    LANGUAGES,
    NEGATIVE_FAMILIES,
    POSITIVE_FAMILIES,
    StatedAge,
    Suite2Conversation,
    Suite2Summary,
    build_conversation,
    generate_conversations,
    generate_suite,
)

__all__ = [
    "DEFAULT_PER_FAMILY",
    "FAMILIES",
    "FROZEN_SEEDS",
    "GENERATOR_NAME",
    "LANGUAGES",
    "NEGATIVE_FAMILIES",
    "POSITIVE_FAMILIES",
    "StatedAge",
    "Suite2Conversation",
    "Suite2Summary",
    "build_conversation",
    "generate_conversations",
    "generate_suite",
]
