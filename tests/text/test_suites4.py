"""The fourth synthetic suite (``childsafe.text.suites4``): deterministic, readable by ``text eval``, complete on
its frozen seeds, and honest about the ages its children state.

The ages are checked by a small parser written here, independently of the generator's renderers and of the
project's own age reading: it knows the forms (bare numbers, "14 f", number words, birth years, school years in
each school system) and reads every line a child wrote.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from childsafe.text.messages import RecordError
from childsafe.text.readers import iter_conversations
from childsafe.text.suite_eval import read_labels
from childsafe.text.suites4 import (
    DEV_SEEDS,
    FAMILIES,
    FROZEN_SEEDS,
    LANGUAGES,
    SuiteConversation,
    generate_suite,
    write_suite,
)
from childsafe.text.suites4.__main__ import main
from childsafe.text.suites4.lang import load_language

NINE = ("en", "es", "pt", "de", "fr", "sv", "nl", "it", "pl")
REFERENCE_YEAR = 2026

WORDS: dict[str, dict[str, int]] = {
    "en": {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
           "seventeen": 17},
    "es": {"diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
           "diecisiete": 17},
    "pt": {"dez": 10, "onze": 11, "doze": 12, "treze": 13, "catorze": 14, "quatorze": 14, "quinze": 15,
           "dezesseis": 16, "dezasseis": 16, "dezessete": 17, "dezassete": 17},
    "de": {"zehn": 10, "elf": 11, "zwolf": 12, "zwoelf": 12, "dreizehn": 13, "vierzehn": 14, "funfzehn": 15,
           "fuenfzehn": 15, "sechzehn": 16, "siebzehn": 17},
    "fr": {"dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
           "dix-sept": 17, "dix sept": 17},
    "sv": {"tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
           "sjutton": 17},
    "nl": {"tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
           "zeventien": 17},
    "it": {"dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16,
           "diciassette": 17},
    "pl": {"dziesiec": 10, "jedenascie": 11, "dwanascie": 12, "trzynascie": 13, "czternascie": 14,
           "pietnascie": 15, "szesnascie": 16, "siedemnascie": 17},
}
_ORDINAL_IT = {"prima": 1, "seconda": 2, "terza": 3, "quarta": 4, "quinta": 5}
_SV_YEARS = {"femman": 11, "sexan": 12, "sjuan": 13, "attan": 14, "nian": 15}
_SV_GYMNASIUM = {"ettan": 16, "tvaan": 17}

# language -> [(pattern, age from the match)], tried in order; each match is blanked before the next.
SCHOOL: dict[str, list[tuple[str, object]]] = {
    "en": [(r"\b(\d{1,2})(?:st|nd|rd|th) grade\b", lambda m: int(m[1]) + 5),
           (r"\bgrade (\d{1,2})\b", lambda m: int(m[1]) + 5), (r"\byear (\d{1,2})\b", lambda m: int(m[1]) + 4),
           (r"\bfreshman\b", lambda m: 14), (r"\bsophomore\b", lambda m: 15)],
    "es": [(r"\b(\d)\s*[ºo°]?\s*(?:de )?(?:la )?eso\b", lambda m: int(m[1]) + 11),
           (r"\b(\d)\s*[ºo°]?\s*(?:de )?bach(?:i|illerato)?\b", lambda m: int(m[1]) + 15),
           (r"\b(\d)\s*[ºo°]?\s*(?:de )?primaria\b", lambda m: int(m[1]) + 5)],
    "pt": [(r"\b(\d)\s*[ºo°]?\s*ano (?:do )?(?:ensino )?medio\b", lambda m: int(m[1]) + 14),
           (r"\b(\d)\s*[ºo°]?\s*ano\b", lambda m: int(m[1]) + 5)],
    "de": [(r"\b(\d{1,2})\s*(?:\.|te)?\s*klasse\b", lambda m: int(m[1]) + 5),
           (r"\bklasse\s*(\d{1,2})\b", lambda m: int(m[1]) + 5)],
    "fr": [(r"\b([3-6])\s*(?:e|eme|ieme)\b", lambda m: 17 - int(m[1])), (r"\b(?:2nde|seconde)\b", lambda m: 15),
           (r"\b(?:1ere|premiere)\b", lambda m: 16), (r"\bterminale\b", lambda m: 17)],
    "sv": [(r"\b(ettan|tvaan) pa gymnasiet\b", lambda m: _SV_GYMNASIUM[m[1]]),
           (r"\b(?:ak|arskurs)\s*(\d)\b", lambda m: int(m[1]) + 6),
           (r"\b(femman|sexan|sjuan|attan|nian)\b", lambda m: _SV_YEARS[m[1]])],
    "nl": [(r"\bgroep\s*(\d)\b", lambda m: int(m[1]) + 3), (r"\bbrugklas\b", lambda m: 12),
           (r"\b(\d)\s*(?:e|de)?\s*klas\b", lambda m: int(m[1]) + 11), (r"\bklas\s*(\d)\b", lambda m: int(m[1]) + 11)],
    "it": [(r"\b(prima|seconda|terza|[1-3]a|[1-3]°) media\b", lambda m: 10 + _it_ordinal(m[1])),
           (r"\b(prima|seconda|terza|quarta|[1-4]a|[1-4]°) superiore\b", lambda m: 13 + _it_ordinal(m[1]))],
    "pl": [(r"\b(\d)\s*\.?\s*(?:klasa |klasie |kl\.? )?(?:liceum|lo|technikum)\b", lambda m: int(m[1]) + 14),
           (r"\b(\d)\s*\.?\s*(?:klasa|klasie|kl)\b", lambda m: int(m[1]) + 6),
           (r"\bklas(?:a|ie)\s*(\d)\b", lambda m: int(m[1]) + 6)],
}


def _it_ordinal(text: str) -> int:
    return _ORDINAL_IT.get(text) or int(text[0])


def _plain(text: str) -> str:
    text = text.lower().replace("ł", "l").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def ages_stated(text: str, language: str) -> set[int]:
    """Every age ``text`` states, in any of the suite's forms for ``language``."""
    t = _plain(text)
    found: set[int] = set()

    def take(pattern: str, age_of: object) -> None:
        nonlocal t
        for match in re.finditer(pattern, t):
            found.add(age_of(match))  # type: ignore[operator]
        t = re.sub(pattern, " ", t)

    take(r"\b(19\d\d|20[0-2]\d)(?:er)?\b", lambda m: REFERENCE_YEAR - int(m[1]))
    for pattern, age_of in SCHOOL[language]:
        take(pattern, age_of)
    # "<3" is a heart, not a three.
    take(r"(?<![\d$€£.,<])\b(\d{1,2})\b(?![.,]\d)", lambda m: int(m[1]))
    for word, age in sorted(WORDS[language].items(), key=lambda kv: -len(kv[0])):
        take(rf"\b{re.escape(word)}\b", lambda m, age=age: age)
    return found


@cache
def suite(seed: int) -> tuple[SuiteConversation, ...]:
    return tuple(generate_suite(seed))


def test_the_nine_languages_and_the_seeds_are_as_documented() -> None:
    assert LANGUAGES == NINE
    assert FROZEN_SEEDS == (401, 402) and DEV_SEEDS == (403, 404)


def test_a_seed_always_writes_the_same_suite_and_two_seeds_differ() -> None:
    again = tuple(generate_suite(401))
    assert [c.messages for c in again] == [c.messages for c in suite(401)]
    assert [c.label for c in again] == [c.label for c in suite(401)]
    assert [c.messages for c in suite(402)] != [c.messages for c in suite(401)]


@pytest.mark.parametrize("seed", FROZEN_SEEDS)
def test_a_frozen_seed_has_every_language_and_family_and_enough_conversations(seed: int) -> None:
    labels = [c.label for c in suite(seed)]
    assert len(labels) >= 450
    cells = Counter((lab["language"], lab["family"]) for lab in labels)
    assert set(cells) == {(lang, fam) for lang in NINE for fam in FAMILIES}
    kinds = Counter(lab["kind"] for lab in labels)
    assert set(kinds) == {"grooming", "sextortion", "negative"}
    assert len({fam for fam, (kind, _) in FAMILIES.items() if kind == "negative"}) >= 6
    assert len({fam for fam, (kind, _) in FAMILIES.items() if kind != "negative"}) >= 6


@pytest.mark.parametrize("seed", FROZEN_SEEDS)
def test_ids_are_unique_and_the_cast_is_consistent(seed: int) -> None:
    ids = [c.label["conversation_id"] for c in suite(seed)]
    assert len(ids) == len(set(ids))
    for c in suite(seed):
        label = c.label
        authors = Counter(m["author"] for m in c.messages)
        assert {m["conversation_id"] for m in c.messages} == {label["conversation_id"]}
        if label["kind"] == "negative":
            assert label["offender"] is None, label["conversation_id"]
        else:
            assert authors[label["offender"]] >= 1 and label["children"], label["conversation_id"]
            assert label["offender"] not in label["adults"]
        people = [ch["author"] for ch in label["children"]] + label["adults"] + [label["offender"]] * bool(
            label["offender"])
        assert len(people) == len(set(people)) and set(people) == set(authors), label["conversation_id"]


@pytest.mark.parametrize("seed", FROZEN_SEEDS)
def test_the_ages_recorded_are_the_ages_the_children_state(seed: int) -> None:
    stated = Counter()
    for c in suite(seed):
        label = c.label
        for child in label["children"]:
            lines = [m["text"] for m in c.messages if m["author"] == child["author"]]
            found = set().union(*(ages_stated(t, label["language"]) for t in lines))
            expected = set() if child["stated_age"] is None else {child["stated_age"]}
            assert found == expected, (label["conversation_id"], child, lines)
            assert (child["age_form"] == "none") == (child["stated_age"] is None)
            stated[child["age_form"]] += 1
    # Every form of statement, and children who never state an age, are in a frozen seed.
    assert {"bare", "sentence", "word", "asl", "birth_year", "school_year", "plea", "none"} <= set(stated)


@pytest.mark.parametrize("language", NINE)
def test_each_language_has_every_slot_and_its_ordinary_chat_pairs_up(language: str) -> None:
    english, lang = load_language("en"), load_language(language)
    assert set(english.slots) == set(lang.slots), set(english.slots) ^ set(lang.slots)
    assert len(lang.slots["o_q"]) == len(lang.slots["o_r"])
    assert set(lang.numbers) >= set(range(11, 18))


def test_the_parser_reads_each_form() -> None:
    assert ages_stated("14 f", "en") == {14} and ages_stated("catorce jaja", "es") == {14}
    assert ages_stated("soy del 2012", "es") == {14} and ages_stated("3º ESO", "es") == {14}
    assert ages_stated("en 5e", "fr") == {12} and ages_stated("går i åttan", "sv") == {14}
    assert ages_stated("dix-sept", "fr") == {17} and ages_stated("7 klasa", "pl") == {13}
    assert ages_stated("im in 8th grade", "en") == {13} and ages_stated("ok see u", "en") == set()


def test_written_suite_is_read_by_text_eval(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path), "--seed", "403", "--per-family", "1"]) == 0
    labels = read_labels(tmp_path / "labels.jsonl")
    assert len(labels) == len(NINE) * len(FAMILIES)
    assert {lab.generator for lab in labels.values()} == {"suites4"}
    read: dict[str, int] = {}
    for chunk in iter_conversations(tmp_path / "conversations.jsonl", "jsonl"):
        assert not isinstance(chunk, RecordError), chunk
        conversation_id, messages = chunk
        assert conversation_id not in read  # grouped: each conversation is one run of lines
        read[conversation_id] = len(messages)
    assert set(read) == set(labels)
    for raw in (tmp_path / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        label = json.loads(raw)
        assert set(label) == {"conversation_id", "language", "family", "generator", "kind", "offender",
                              "children", "adults"}


def test_write_suite_counts_what_it_wrote(tmp_path: Path) -> None:
    counts = write_suite(tmp_path / "s", 404, per_family=1)
    lines = (tmp_path / "s" / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    assert counts["conversations"] == len(lines) == counts["grooming"] + counts["sextortion"] + counts["negative"]


def test_some_non_english_conversations_switch_into_english() -> None:
    english_lines = {v for slot, variants in load_language("en").slots.items() if slot[:2] in ("o_", "g_", "x_", "c_")
                     for v in variants if "{" not in v}
    switching = {c.label["conversation_id"] for c in suite(401) if c.label["language"] != "en"
                 and any(any(line in m["text"].lower() for line in english_lines if len(line) > 12)
                         for m in c.messages)}
    assert len(switching) >= 40  # about one in five of the 408 non-English conversations


def test_a_bad_count_is_refused_with_the_config_exit_code(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path), "--seed", "403", "--per-family", "0"]) == 2
    assert "per-family" in capsys.readouterr().err
    assert not (tmp_path / "labels.jsonl").exists()
