"""The fourth synthetic evaluation suite for grooming and sextortion detection (issue 11), nine languages.

Written without reading the indicator packs, the scorer or the earlier suites: its phrase banks
(:mod:`childsafe.text.suites4.lang`), its families (:mod:`.positives`, :mod:`.negatives`) and its chat spelling
(:mod:`.noise`) are its author's own assumptions about how such chats read.  ``python -m childsafe.text.suites4
--out DIR --seed N`` writes ``DIR/conversations.jsonl`` (chat JSON Lines) and ``DIR/labels.jsonl`` (the format
:func:`childsafe.text.suite_eval.read_labels` reads).

Seeds :data:`FROZEN_SEEDS` (401, 402) are the held-out test: run once by the integrator, never tuned on.
Seeds :data:`DEV_SEEDS` (403, 404) are for development.  Every conversation's random stream is derived from
(seed, language, family, index), so a seed always writes the same suite.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from childsafe.errors import ConfigError
from childsafe.text.suites4.bank import Lang
from childsafe.text.suites4.lang import LANGUAGES, load_language
from childsafe.text.suites4.negatives import NEGATIVE
from childsafe.text.suites4.positives import GROOMING, SEXTORTION
from childsafe.text.suites4.script import Script

__all__ = ["FROZEN_SEEDS", "DEV_SEEDS", "GENERATOR", "FAMILIES", "LANGUAGES", "DEFAULT_PER_FAMILY",
           "SuiteConversation", "generate_suite", "write_suite"]

GENERATOR = "suites4"
FROZEN_SEEDS = (401, 402)
DEV_SEEDS = (403, 404)
#: Conversations per family and language: 17 families x 9 languages x 3 = 459 per seed.
DEFAULT_PER_FAMILY = 3

#: family -> (kind, script)
FAMILIES: dict[str, tuple[str, Callable[[Script], None]]] = {
    **{name: ("grooming", play) for name, play in GROOMING.items()},
    **{name: ("sextortion", play) for name, play in SEXTORTION.items()},
    **{name: ("negative", play) for name, play in NEGATIVE.items()},
}


@dataclass(frozen=True)
class SuiteConversation:
    messages: list[dict[str, str]]
    label: dict[str, Any]


def _conversation(seed: int, lang: Lang, english: Lang, family: str, index: int) -> SuiteConversation:
    kind, play = FAMILIES[family]
    conversation_id = f"s4-{seed}-{lang.code}-{family}-{index:02d}"
    script = Script(random.Random(f"suites4:{seed}:{lang.code}:{family}:{index}"), lang, english)
    play(script)
    written = {author for author, _, _ in script.lines}
    people = [p for p in script.people if p.handle in written]
    offender = next((p.handle for p in people if p.role == "offender"), None)
    messages = []
    for author, text, timestamp in script.lines:
        recipient = next(p.handle for p in script.people if p.handle != author)
        messages.append({"conversation_id": conversation_id, "author": author, "recipient": recipient,
                         "timestamp": timestamp, "text": text})
    label = {
        "conversation_id": conversation_id, "language": lang.code, "family": family, "generator": GENERATOR,
        "kind": kind, "offender": offender,
        "children": [{"author": p.handle, "stated_age": p.stated_age, "age_form": p.age_form or "none"}
                     for p in people if p.role == "child"],
        "adults": [p.handle for p in people if p.role == "adult"],
    }
    return SuiteConversation(messages, label)


def _check_per_family(per_family: int) -> None:
    if per_family < 1:
        raise ConfigError(f"--per-family must be at least 1, not {per_family}")


def generate_suite(seed: int, per_family: int = DEFAULT_PER_FAMILY) -> Iterator[SuiteConversation]:
    """Every conversation of the suite for ``seed``, language by language, family by family."""
    _check_per_family(per_family)
    return _generate(seed, per_family)


def _generate(seed: int, per_family: int) -> Iterator[SuiteConversation]:
    english = load_language("en")
    for code in LANGUAGES:
        lang = load_language(code)
        for family in FAMILIES:
            for index in range(per_family):
                yield _conversation(seed, lang, english, family, index)


def write_suite(out: Path, seed: int, per_family: int = DEFAULT_PER_FAMILY) -> dict[str, int]:
    """Write ``out/conversations.jsonl`` and ``out/labels.jsonl``; returns counts by kind and in all."""
    counts = {"conversations": 0, "messages": 0, "grooming": 0, "sextortion": 0, "negative": 0}
    conversations = generate_suite(seed, per_family)  # checks the count before any file is opened
    try:
        out.mkdir(parents=True, exist_ok=True)
        with (out / "conversations.jsonl").open("w", encoding="utf-8") as chats, \
                (out / "labels.jsonl").open("w", encoding="utf-8") as labels:
            for conversation in conversations:
                for message in conversation.messages:
                    chats.write(json.dumps(message, ensure_ascii=False) + "\n")
                labels.write(json.dumps(conversation.label, ensure_ascii=False) + "\n")
                counts["conversations"] += 1
                counts["messages"] += len(conversation.messages)
                counts[conversation.label["kind"]] += 1
    except OSError as exc:
        raise ConfigError(f"cannot write the suite to {out}: {exc}") from exc
    return counts
