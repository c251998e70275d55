"""The second, independent suite generator: determinism, counts, label truth, shared vocabulary, the CLI."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from childsafe.errors import ConfigError
from childsafe.text.suite_eval import read_labels
from childsafe.text.suites2 import (
    FAMILIES,
    LANGUAGES,
    NEGATIVE_FAMILIES,
    POSITIVE_FAMILIES,
    build_conversation,
    generate_conversations,
    generate_suite,
)
from childsafe.text.suites2.__main__ import main
from childsafe.text.suites2.lexicon import REQUIRED_SLOTS, load_lexicon, parse_lexicon

Suite = tuple[list[dict[str, Any]], list[dict[str, Any]]]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def suite(tmp_path_factory: pytest.TempPathFactory) -> Suite:
    out = tmp_path_factory.mktemp("suite2")
    generate_suite(out, seed=3)
    return _jsonl(out / "conversations.jsonl"), _jsonl(out / "labels.jsonl")


def _by_conversation(messages: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in messages:
        out[m["conversation_id"]].append(m)
    return out


def test_same_seed_same_bytes_other_seed_other_text(tmp_path: Path) -> None:
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        generate_suite(tmp_path / name, seed=seed, languages=("en", "sv"), per_family=1)
    for file in ("conversations.jsonl", "labels.jsonl"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()
    conversations = "conversations.jsonl"
    assert (tmp_path / "a" / conversations).read_bytes() != (tmp_path / "c" / conversations).read_bytes()


def test_one_conversation_does_not_depend_on_the_others() -> None:
    alone = build_conversation(4, "it", "grooming_evasive", 2)
    among = [c for c in generate_conversations(4, languages=("it",)) if c.conversation_id == alone.conversation_id]
    assert among and among[0].lines == alone.lines


def test_counts_every_language_and_family(suite: Suite) -> None:
    messages, labels = suite
    assert len(labels) == 9 * 14 * 4 >= 400
    assert Counter(lab["language"] for lab in labels) == dict.fromkeys(LANGUAGES, 14 * 4)
    assert Counter(lab["family"] for lab in labels) == dict.fromkeys(FAMILIES, 9 * 4)
    assert {lab["kind"] for lab in labels} == {"grooming", "sextortion", "negative"}
    assert len(NEGATIVE_FAMILIES) == 8 and len(POSITIVE_FAMILIES) == 6
    by_conv = _by_conversation(messages)
    assert set(by_conv) == {lab["conversation_id"] for lab in labels}
    assert all(lab["messages"] == len(by_conv[lab["conversation_id"]]) for lab in labels)


def test_labels_read_by_the_suite_evaluator(tmp_path: Path) -> None:
    generate_suite(tmp_path, seed=1, languages=("pl",), per_family=1)
    labels = read_labels(tmp_path / "labels.jsonl")
    assert len(labels) == 14 and {lab.generator for lab in labels.values()} == {"suites2"}
    assert any(lab.age_forms for lab in labels.values())


def test_positives_have_an_offender_who_writes_and_negatives_none(suite: Suite) -> None:
    messages, labels = suite
    authors = {cid: {m["author"] for m in ms} for cid, ms in _by_conversation(messages).items()}
    for lab in labels:
        if lab["kind"] == "negative":
            assert lab["offender"] is None
        else:
            assert lab["offender"] in authors[lab["conversation_id"]]
            assert lab["offender"] in lab["adults"]


def test_structure_days_splits_obfuscation_and_code_switching(suite: Suite) -> None:
    messages, labels = suite
    long_ones = [lab for lab in labels if lab["family"] == "grooming_long"]
    assert all(lab["days"] >= 3 for lab in long_ones)
    texts = [m["text"] for m in messages]
    assert any(re.search(r"\b\w(?:[ .-]\w){3,}\b", t) for t in texts)  # spaced or dotted letters
    assert any(re.search(r"[a-z][0-9][a-z]", t) for t in texts)  # leetspeak inside a word
    assert any(" its our secret" in t or "send me" in t for t in texts if not t.isascii())  # English mixed in
    short = [lab for lab in labels if lab["family"] == "sextortion_short"]
    assert max(sum(1 for m in _by_conversation(messages)[lab["conversation_id"]] if m["author"] == lab["offender"])
               for lab in short) <= 12


def _age_phrases(language: str, age: int) -> set[str]:
    lex = load_lexicon(language)
    slots = ("age_bare", "age_sex_f", "age_sex_m", "age_sentence", "age_volunteer", "adult_age_sentence",
             "v_plead_age")
    forms = [p.replace("{age}", str(age)) for slot in slots for p in lex.pool(slot)]
    return {*forms, *lex.grades(age)}


def test_stated_ages_are_in_the_line_the_label_names(suite: Suite) -> None:
    messages, labels = suite
    by_conv = _by_conversation(messages)
    checked = Counter[str]()
    for lab in labels:
        lines = by_conv[lab["conversation_id"]]
        for person in (*lab["children"], *lab["adult_ages"]):
            if person["stated_age"] is None:
                continue
            line = lines[person["age_line"]]
            assert line["author"] == person["author"]
            assert line["text"] in _age_phrases(lab["language"], person["stated_age"]), (lab, line)
            checked[person["age_form"]] += 1
    assert {"bare", "age_sex", "sentence", "school_year", "volunteered", "plea"} <= set(checked)
    minors = sum(1 for lab in labels for c in lab["children"] if c["stated_age"] is not None)
    assert minors >= 200
    assert all(a["stated_age"] >= 18 for lab in labels for a in lab["adult_ages"])
    assert all(c["stated_age"] < 18 for lab in labels for c in lab["children"] if c["stated_age"] is not None)


def test_children_without_a_stated_age_never_state_one(suite: Suite) -> None:
    messages, labels = suite
    by_conv = _by_conversation(messages)
    phrases = {lang: set().union(*(_age_phrases(lang, age) for age in range(10, 18))) for lang in LANGUAGES}
    for lab in labels:
        silent = {c["author"] for c in lab["children"] if c["stated_age"] is None}
        for m in by_conv[lab["conversation_id"]]:
            if m["author"] in silent:
                assert m["text"] not in phrases[lab["language"]], (lab["conversation_id"], m["text"])


def _tokens(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]{3,}", text.lower()))


def test_negatives_share_the_positives_vocabulary(suite: Suite) -> None:
    """Per language, at least 40 % of the words offenders use also occur in the hard negatives, and the
    negatives of every language contain the very age questions offenders ask."""
    messages, labels = suite
    by_conv = _by_conversation(messages)
    for language in LANGUAGES:
        offender_words: set[str] = set()
        negative_words: set[str] = set()
        negative_lines: set[str] = set()
        for lab in labels:
            if lab["language"] != language:
                continue
            for m in by_conv[lab["conversation_id"]]:
                if lab["kind"] == "negative":
                    negative_words |= _tokens(m["text"])
                    negative_lines.add(m["text"])
                elif m["author"] == lab["offender"]:
                    offender_words |= _tokens(m["text"])
        overlap = len(offender_words & negative_words) / len(offender_words)
        assert overlap >= 0.4, (language, overlap)
        assert negative_lines & set(load_lexicon(language).pool("g_age")), language


def test_every_lexicon_has_every_slot_and_grades() -> None:
    for language in LANGUAGES:
        lex = load_lexicon(language)
        assert all(lex.pool(slot) for slot in REQUIRED_SLOTS)
        assert all(lex.grades(age) for age in range(11, 17)), language


def test_bad_lexicon_and_arguments_are_config_errors() -> None:
    with pytest.raises(ConfigError, match="lacks slots"):
        parse_lexicon("xx", "hello: hi")
    full = "\n".join(f"{slot}: x" for slot in REQUIRED_SLOTS)
    with pytest.raises(ConfigError, match="unknown placeholder"):
        parse_lexicon("xx", full + "\nhello: {@nowhere}")
    with pytest.raises(ConfigError, match="no lexicon"):
        build_conversation(1, "xx", "teens", 0)
    with pytest.raises(ConfigError, match="unknown family"):
        build_conversation(1, "en", "poetry", 0)
    with pytest.raises(ConfigError):
        generate_conversations(1, per_family=0)


def test_cli_writes_a_suite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path / "s"), "--seed", "2", "--languages", "de", "--per-family", "1"]) == 0
    assert "wrote 14 conversations" in capsys.readouterr().out
    assert main(["--out", str(tmp_path / "t"), "--seed", "2", "--languages", "klingon"]) == 2
