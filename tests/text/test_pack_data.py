"""Conformance of the non-English indicator packs (``text/data/packs/<code>.toml``), read as plain data.

The test reads each pack with :mod:`tomllib` (not the loader) and checks its shape, so a malformed pack
fails here with the pack author's words rather than as a loader error.  Patterns are replayed over the
loader's own normalisation (:func:`childsafe.text.packs.normalize_pack_text`): every positive example must
fire its own rule; every negative example must fire no rule of that rule's category.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import pytest

from childsafe.text.packs import STAGE_OF_CATEGORY, normalize_pack_text

PACKS_DIR = Path(__file__).resolve().parents[2] / "src" / "childsafe" / "text" / "data" / "packs"
LANGUAGES = ("es", "pt", "de", "fr", "sv", "nl", "it", "pl")

#: Each category and the grooming stage it evidences (the English pack's mapping).
STAGE_OF: dict[str, str] = STAGE_OF_CATEGORY
_RULE_KEYS = {"name", "category", "stage", "score", "patterns", "context", "positive", "negative"}
_NAME = re.compile(r"[a-z][a-z0-9_]*")


def _unescaped(pattern: str) -> str:
    """A pattern without its escapes (``\\S``, ``\\W``), whose case is the regex's, not the text's."""
    return re.sub(r"\\.", "", pattern)


def normalise(text: str, spelling: dict[str, str]) -> str:
    """The normalisation a pack's patterns see: the loader's, so the test and the detector agree."""
    return normalize_pack_text(text, spelling)


def bounded(patterns: list[str]) -> re.Pattern[str]:
    """A rule's patterns as one alternation that can neither start nor end inside a word."""
    return re.compile(r"(?<!\w)(?:" + "|".join(f"(?:{p})" for p in patterns) + r")(?!\w)")


def load(code: str) -> dict[str, Any]:
    with (PACKS_DIR / f"{code}.toml").open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module", params=LANGUAGES)
def pack(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, load(request.param)


def test_every_language_has_a_pack_file() -> None:
    assert sorted(p.stem for p in PACKS_DIR.glob("*.toml") if p.stem != "en") == sorted(LANGUAGES)


def test_pack_shape(pack: tuple[str, dict[str, Any]]) -> None:
    code, data = pack
    assert data["language"] == code
    assert isinstance(data["name"], str) and data["name"]
    spelling = data.get("spelling", {})
    assert isinstance(spelling, dict)
    for word, meaning in spelling.items():
        assert word == word.lower() and " " not in word, f"{code}: spelling key {word!r} must be one lower-case word"
        assert isinstance(meaning, str) and meaning == meaning.lower() and meaning.strip()
    names: set[str] = set()
    for rule in data["rule"]:
        where = f"{code}:{rule.get('name')}"
        assert set(rule) <= _RULE_KEYS, f"{where}: unknown keys {set(rule) - _RULE_KEYS}"
        assert _NAME.fullmatch(rule["name"]) and rule["name"].startswith(f"{code}_"), where
        assert rule["name"] not in names, f"{where}: duplicate name"
        names.add(rule["name"])
        assert rule["category"] in STAGE_OF, where
        assert rule["stage"] == STAGE_OF[rule["category"]], where
        assert isinstance(rule["score"], float | int) and 0.0 < rule["score"] <= 1.0, where
        assert rule["patterns"] and all(isinstance(p, str) and p for p in rule["patterns"]), where
        assert all(_unescaped(p) == _unescaped(p).lower() for p in rule["patterns"]), f"{where}: lower case"
        assert all(isinstance(w, str) and w.strip() for w in rule.get("context", [])), where
        assert len(rule["positive"]) >= 2, f"{where}: give at least two positive examples"
        assert len(rule["negative"]) >= 1, f"{where}: give at least one negative example"


def test_pack_covers_every_category(pack: tuple[str, dict[str, Any]]) -> None:
    code, data = pack
    covered = {rule["category"] for rule in data["rule"]}
    assert covered == set(STAGE_OF), f"{code}: missing {sorted(set(STAGE_OF) - covered)}"


def test_pack_patterns_compile(pack: tuple[str, dict[str, Any]]) -> None:
    code, data = pack
    for rule in data["rule"]:
        for pattern in rule["patterns"]:
            try:
                re.compile(pattern)
            except re.error as exc:  # pragma: no cover - the message is the point
                pytest.fail(f"{code}:{rule['name']}: {pattern!r} does not compile: {exc}")


def test_positives_fire_their_rule(pack: tuple[str, dict[str, Any]]) -> None:
    code, data = pack
    spelling = data.get("spelling", {})
    missed = []
    for rule in data["rule"]:
        compiled = bounded(rule["patterns"])
        for example in rule["positive"]:
            if compiled.search(normalise(example, spelling)) is None:
                missed.append(f"{rule['name']}: {example!r} -> {normalise(example, spelling)!r}")
    assert not missed, f"{code}: positives that do not fire their rule:\n" + "\n".join(missed)


def test_negatives_fire_no_rule_of_their_category(pack: tuple[str, dict[str, Any]]) -> None:
    code, data = pack
    spelling = data.get("spelling", {})
    by_category: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
    for rule in data["rule"]:
        by_category.setdefault(rule["category"], []).append((rule["name"], bounded(rule["patterns"])))
    fired = []
    for rule in data["rule"]:
        for example in rule["negative"]:
            text = normalise(example, spelling)
            for name, compiled in by_category[rule["category"]]:
                m = compiled.search(text)
                if m is not None:
                    fired.append(f"{rule['name']}: {example!r} fired {name} on {m.group(0)!r}")
    assert not fired, f"{code}: negatives that fire their category:\n" + "\n".join(fired)


def test_normalisation_helper() -> None:
    spelling = {"q": "que", "xq": "por qué"}
    assert normalise("Holaaaa, XQ no?", spelling) == "holaa, por qué no?"
    assert normalise("q tal", spelling) == "que tal"
    assert normalise("l’école", {}) == "l'école"


def test_bounded_wraps_words() -> None:
    assert bounded(["foto"]).search("fotos") is None
    assert bounded(["fotos?"]).search("manda fotos!") is not None
