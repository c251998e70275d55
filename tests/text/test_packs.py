"""Indicator packs through the real loader and detector: English equals the built-in rules, every pack
covers every category, every positive fires its rule and no negative fires its category."""

from __future__ import annotations

from pathlib import Path

import pytest

from childsafe.errors import ConfigError
from childsafe.text.indicators import DEFAULT_RULES, IndicatorDetector
from childsafe.text.packs import (
    OPTIONAL_CATEGORIES,
    STAGE_OF_CATEGORY,
    IndicatorPack,
    load_pack,
    normalize_pack_text,
    shipped_packs,
)

PACKS = shipped_packs()


def test_english_pack_equals_the_built_in_rules() -> None:
    assert PACKS["en"].rules == DEFAULT_RULES


def test_english_is_shipped_and_first() -> None:
    assert next(iter(PACKS)) == "en"
    assert PACKS["en"].name == "English"


@pytest.fixture(params=sorted(PACKS), ids=sorted(PACKS))
def pack(request: pytest.FixtureRequest) -> IndicatorPack:
    return PACKS[request.param]


def test_pack_covers_every_category(pack: IndicatorPack) -> None:
    covered = {r.category for r in pack.rules}
    assert set(STAGE_OF_CATEGORY) <= covered <= set(STAGE_OF_CATEGORY) | set(OPTIONAL_CATEGORIES)


def test_english_pack_has_the_optional_categories_too() -> None:
    assert {r.category for r in PACKS["en"].rules} == set(STAGE_OF_CATEGORY) | set(OPTIONAL_CATEGORIES)


def test_every_rule_has_examples(pack: IndicatorPack) -> None:
    for rule in pack.rules:
        examples = pack.examples[rule.name]
        assert len(examples.positive) >= 2 and len(examples.negative) >= 1, rule.name


def test_positives_fire_their_rule_through_the_detector(pack: IndicatorPack) -> None:
    missed = []
    for rule in pack.rules:
        alone = IndicatorDetector([rule])
        for example in pack.examples[rule.name].positive:
            if not alone.detect_normalized(pack.normalize(example)):
                missed.append(f"{rule.name}: {example!r}")
    assert not missed, missed


def test_negatives_fire_nothing_of_their_category(pack: IndicatorPack) -> None:
    detector = IndicatorDetector(pack.rules)
    fired = []
    for rule in pack.rules:
        for example in pack.examples[rule.name].negative:
            hits = detector.detect_normalized(pack.normalize(example))
            fired += [f"{rule.name}: {example!r} -> {h.rule}" for h in hits if h.category == rule.category]
    assert not fired, fired


def test_non_english_normalisation_keeps_accents_and_maps_spelling() -> None:
    assert normalize_pack_text("Holaaaa, XQ no?  Está", {"xq": "porque"}) == "holaa, porque no? está"
    assert normalize_pack_text("l’école", {}) == "l'école"


_GOOD_RULE = """
[[rule]]
name = "xx_age"
category = "age_identity"
stage = "risk_assessment"
score = 0.5
patterns = ['age\\\\?']
positive = ["age?", "your age?"]
negative = ["old age"]
"""


def _write(tmp_path: Path, body: str, code: str = "xx") -> Path:
    path = tmp_path / f"{code}.toml"
    path.write_text(f'language = "{code}"\nname = "Test"\n[spelling]\nq = "que"\n{body}', encoding="utf-8")
    return path


def test_a_valid_pack_loads(tmp_path: Path) -> None:
    pack = load_pack(_write(tmp_path, _GOOD_RULE))
    assert pack.language == "xx" and pack.rules[0].name == "xx_age" and pack.spelling == {"q": "que"}
    assert pack.examples["xx_age"].negative == ("old age",)


@pytest.mark.parametrize(("old", "new", "message"), [
    ("patterns = ['age\\\\?']", "patterns = ['age(']", "does not compile"),
    ('category = "age_identity"', 'category = "weather"', "category"),
    ('stage = "risk_assessment"', 'stage = "meeting"', "stage"),
    ('positive = ["age?", "your age?"]', 'positive = ["age?"]', "at least 2 positive"),
    ('negative = ["old age"]', "negative = []", "at least 1 negative"),
    ('name = "xx_age"', 'name = "age"', "start with 'xx_'"),
    ("score = 0.5", "score = 1.5", "score"),
    ("score = 0.5", 'score = 0.5\ncolour = "red"', "unknown keys"),
])
def test_invalid_packs_name_the_file_and_the_rule(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in _GOOD_RULE
    path = _write(tmp_path, _GOOD_RULE.replace(old, new))
    with pytest.raises(ConfigError) as info:
        load_pack(path)
    assert message in str(info.value) and str(path) in str(info.value)
    assert "xx_age" in str(info.value) or "'age'" in str(info.value)


def test_packs_load_by_language_and_a_rule_declared_twice_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, _GOOD_RULE, "xx")
    _write(tmp_path, _GOOD_RULE.replace("xx_age", "yy_age"), "yy")
    assert set(shipped_packs(tmp_path)) == {"xx", "yy"}
    _write(tmp_path, _GOOD_RULE.replace("xx_age", "yy_age") * 2, "yy")
    with pytest.raises(ConfigError, match="declared twice"):
        shipped_packs(tmp_path)


def test_bad_toml_is_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "xx.toml"
    path.write_text("language = ", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_pack(path)
