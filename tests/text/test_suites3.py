"""The third, independent suite generator: determinism, counts, age labels, shared vocabulary, group shapes."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from childsafe.errors import ConfigError
from childsafe.text.suite_eval import read_labels
from childsafe.text.suites3 import (
    AGE_FORMS,
    FAMILIES,
    LANGUAGES,
    NEGATIVE_FAMILIES,
    POSITIVE_FAMILIES,
    build_conversation,
    generate_suite,
)
from childsafe.text.suites3.__main__ import main
from childsafe.text.suites3.generator import COMMENT_FAMILIES, GROUP_FAMILIES
from childsafe.text.suites3.lang import load_language
from childsafe.text.suites3.language import REQUIRED_KEYS, SLOT_KEYS

Suite = tuple[list[dict[str, Any]], list[dict[str, Any]]]
_WORD = re.compile(r"[^\W\d_]{3,}")
_OFFENDER_MOVES = {"compliment", "ask_age", "alone", "secret", "private", "picture", "meet", "scout", "coach",
                   "claim_pics", "threat_chat", "demand", "deadline"}


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def suite(tmp_path_factory: pytest.TempPathFactory) -> Suite:
    out = tmp_path_factory.mktemp("suite3")
    generate_suite(out, seed=5, per_family=2)
    return _jsonl(out / "conversations.jsonl"), _jsonl(out / "labels.jsonl")


def _by_conversation(messages: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in messages:
        grouped[m["conversation_id"]].append(m)
    return grouped


def test_same_seed_same_bytes_other_seed_other_text(tmp_path: Path) -> None:
    for name in ("a", "b"):
        generate_suite(tmp_path / name, seed=9, languages=["en", "pl"], per_family=1)
    generate_suite(tmp_path / "c", seed=10, languages=["en", "pl"], per_family=1)
    for file in ("conversations.jsonl", "labels.jsonl"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()
    chats = [(tmp_path / name / "conversations.jsonl").read_bytes() for name in ("a", "c")]
    assert chats[0] != chats[1]


def test_default_size_is_at_least_450_per_seed(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path), "--seed", "3"]) == 0
    labels = _jsonl(tmp_path / "labels.jsonl")
    assert len(labels) >= 450
    assert len(read_labels(tmp_path / "labels.jsonl")) == len(labels)  # the format text eval reads


def test_counts_per_language_and_family(suite: Suite) -> None:
    _, labels = suite
    assert Counter(lab["language"] for lab in labels) == dict.fromkeys(LANGUAGES, 2 * len(FAMILIES))
    assert Counter(lab["family"] for lab in labels) == dict.fromkeys(FAMILIES, 2 * len(LANGUAGES))
    for lab in labels:
        assert lab["kind"] == POSITIVE_FAMILIES.get(lab["family"], "negative")
        assert (lab["offender"] is None) == (lab["family"] in NEGATIVE_FAMILIES)


def test_every_language_defines_every_key_and_slot() -> None:
    for code in LANGUAGES:
        lang = load_language(code)
        assert all(lang.templates.get(key) for key in REQUIRED_KEYS), code
        assert all(lang.slots.get(key) for key in SLOT_KEYS), code
        assert set(range(11, 17)) <= set(lang.number_words), code
        assert lang.neighbour in LANGUAGES and lang.neighbour != code
    with pytest.raises(ConfigError):
        load_language("xx")
    with pytest.raises(ConfigError):
        build_conversation(1, "en", "no_such_family", 0)


def test_stated_ages_sit_on_the_right_line_in_the_right_form(suite: Suite) -> None:
    messages, labels = suite
    grouped = _by_conversation(messages)
    forms: Counter[str] = Counter()
    for lab in labels:
        for person in (*lab["children"], *lab["adult_ages"]):
            if person["stated_age"] is None:
                continue
            line = grouped[lab["conversation_id"]][person["age_line"]]
            assert line["author"] == person["author"]
            age, form = person["stated_age"], person["age_form"]
            lang = load_language(lab["language"])
            text = line["text"].lower()
            expected = {"number": str(age), "word": lang.number_words.get(age, "?"),
                        "turning": str(age + 1), "birth_year": str(2026 - age),
                        "school_year": re.sub(r"[.,!?]", "", lang.school_years.get(age, "?")).lower()}[form]
            assert expected in re.sub(r"[.,!?]", "", text), (lab["conversation_id"], text, form)
            if person in lab["children"]:
                forms[form] += 1
                assert age < 18
            else:
                assert age >= 18
    assert set(forms) == set(AGE_FORMS)
    positives = [lab for lab in labels if lab["kind"] == "grooming"]
    assert all(lab["children"][0]["stated_age"] is not None for lab in positives)


def test_group_chats_and_threads_have_three_or_more_speakers(suite: Suite) -> None:
    messages, labels = suite
    grouped = _by_conversation(messages)
    shaped = [lab for lab in labels if lab["family"] in GROUP_FAMILIES | COMMENT_FAMILIES]
    assert shaped
    for lab in shaped:
        public = [m for m in grouped[lab["conversation_id"]] if m["platform"] != "dm"]
        assert len({m["author"] for m in public}) >= 3, lab["conversation_id"]
        assert all(m["recipient"] is None for m in public)
    for lab in labels:
        if lab["family"] in ("lobby_to_dm", "comments_to_dm"):  # the offender moves one child to private messages
            private = [m for m in grouped[lab["conversation_id"]] if m["platform"] == "dm"]
            assert {m["author"] for m in private} == {lab["offender"], lab["children"][0]["author"]}


def test_dm_lengths_span_short_and_long(suite: Suite) -> None:
    _, labels = suite
    lengths = [lab["messages"] for lab in labels]
    assert min(lengths) <= 8 and max(lengths) >= 100


def test_positives_and_negatives_share_vocabulary_in_every_language(suite: Suite) -> None:
    """Of the words offenders use in their risky moves, a measurable share also occurs in the negatives."""
    messages, labels = suite
    label_of = {lab["conversation_id"]: lab for lab in labels}
    used: dict[str, set[str]] = defaultdict(set)
    negative_words: dict[str, set[str]] = defaultdict(set)
    for m in messages:
        lab = label_of[m["conversation_id"]]
        words = set(_WORD.findall(m["text"].lower()))
        if lab["kind"] == "negative":
            negative_words[lab["language"]] |= words
        elif m["author"] == lab["offender"] and lab["offender_language"] == lab["language"]:
            used[lab["language"]] |= words
    for code in LANGUAGES:
        templates = load_language(code).templates
        move_words = {w for key in _OFFENDER_MOVES for t in templates[key] for w in _WORD.findall(t.lower())}
        offender_words = used[code] & move_words
        shared = len(offender_words & negative_words[code]) / len(offender_words)
        assert shared >= 0.3, (code, round(shared, 3))


def test_code_switching_offenders_write_in_the_neighbour_language(suite: Suite) -> None:
    _, labels = suite
    switched = [lab for lab in labels if lab["offender_language"] not in (None, lab["language"])]
    assert switched
    assert all(lab["offender_language"] == load_language(lab["language"]).neighbour for lab in switched)


def test_cli_rejects_an_unknown_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path), "--seed", "1", "--languages", "xx"]) == 2
    assert "unknown suites3 language" in capsys.readouterr().err
