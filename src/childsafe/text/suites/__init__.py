"""Synthetic, labelled evaluation suites for the grooming and sextortion detectors, in nine languages.

``python -m childsafe.text.suites --out DIR --seed N`` writes ``DIR/conversations.jsonl`` (chat JSON
Lines, readable by ``childsafe text score``) and ``DIR/labels.jsonl`` (one object per conversation:
family, kind, offender, children with their stated age, adults).  Seed 1 is the tuning suite; seeds
101 and 102 are frozen for the final evaluation.
"""

from childsafe.text.suites.generator import (
    FAMILIES,
    FROZEN_SEEDS,
    GENERATORS,
    LANGUAGES,
    NEGATIVE_FAMILIES,
    POSITIVE_FAMILIES,
    TUNING_SEED,
    SuiteConversation,
    SuiteSummary,
    build_conversation,
    generate_conversations,
    generate_suite,
)

__all__ = [
    "FAMILIES",
    "FROZEN_SEEDS",
    "GENERATORS",
    "LANGUAGES",
    "NEGATIVE_FAMILIES",
    "POSITIVE_FAMILIES",
    "TUNING_SEED",
    "SuiteConversation",
    "SuiteSummary",
    "build_conversation",
    "generate_conversations",
    "generate_suite",
]
