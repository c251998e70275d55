"""Indicator packs: one TOML file per language, loaded and validated into :class:`IndicatorPack`.

A pack is data (``childsafe/text/data/packs/<code>.toml``)::

    language = "es"
    name = "Spanish"
    [spelling]            # whole-word chat spellings -> words, applied after lower-casing
    q = "que"
    [[rule]]
    name = "es_age_question"        # lower_snake, unique across packs
    category = "age_identity"       # one of the English categories
    stage = "risk_assessment"       # the English stage of that category
    score = 0.5
    patterns = ['cu[aá]ntos a[ñn]os tienes']
    context = ["chico o chica"]     # optional
    positive = ["cuantos años tienes?", "..."]   # >= 2 messages that must fire this rule
    negative = ["cuántos años tiene tu perro?"]  # >= 1 message that must fire no rule of the category

English text is normalised by :func:`childsafe.text.normalize.normalize_text` (its own chat table,
leetspeak, number units).  Every other language by :func:`normalize_pack_text`: NFKC, lower case, one
apostrophe, letter runs squeezed, whole words mapped through the pack's ``[spelling]``; accents are
kept (patterns accept the accentless spellings themselves).
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from childsafe.errors import ConfigError
from childsafe.text.indicators import IndicatorRule
from childsafe.text.normalize import normalize_text

__all__ = ["PACKS_DIR", "IndicatorPack", "RuleExamples", "load_pack", "shipped_packs", "normalize_pack_text",
           "STAGE_OF_CATEGORY", "OPTIONAL_CATEGORIES"]

PACKS_DIR = Path(__file__).parent / "data" / "packs"

#: The English categories and the grooming stage each evidences: every pack uses exactly these.
STAGE_OF_CATEGORY: dict[str, str] = {
    "age_identity": "risk_assessment",
    "personal_details": "risk_assessment",
    "isolation_check": "risk_assessment",
    "compliments_trust": "relationship",
    "gifts_money": "relationship",
    "secrecy": "exclusivity",
    "platform_move": "exclusivity",
    "image_request": "sexual",
    "sexualisation": "sexual",
    "meeting": "meeting",
    "sextortion_threat": "sextortion",
    "sextortion_payment": "sextortion",
    "sextortion_deadline": "sextortion",
}
#: Categories a pack may add beyond the shared ones (the English pack has them; others may follow).
OPTIONAL_CATEGORIES: dict[str, str] = {"csam_discussion": "sexual"}
# compliments_trust is "friendship" for looks compliments in the English pack: a category may
# evidence an earlier stage of the same conversation phase, never a later one.
_ALSO_ALLOWED = {"compliments_trust": {"friendship"}}

_RULE_KEYS = {"name", "category", "stage", "score", "patterns", "context", "context_boost", "positive", "negative"}
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_REPEATS = re.compile(r"(\w)\1{2,}")  # as normalize.py: "holaaaa" -> "holaa"
_SPACES = re.compile(r"\s+")
_EDGES = re.compile(r"^([^\w']*)(.*?)([^\w']*)$", re.DOTALL)
_CODE = re.compile(r"[a-z]{2}")


@dataclass(frozen=True)
class RuleExamples:
    positive: tuple[str, ...]
    negative: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorPack:
    """One language's indicator rules, its chat spelling table and each rule's examples."""

    language: str
    name: str
    rules: tuple[IndicatorRule, ...]
    spelling: Mapping[str, str] = field(default_factory=dict)
    examples: Mapping[str, RuleExamples] = field(default_factory=dict)
    source: str = ""

    def normalize(self, text: str) -> str:
        """The text this pack's patterns are written for."""
        if self.language == "en":
            return normalize_text(text)
        return normalize_pack_text(text, self.spelling)


def normalize_pack_text(text: str, spelling: Mapping[str, str]) -> str:
    """NFKC, lower case, one apostrophe, runs squeezed, whole words through ``spelling``; accents kept."""
    t = unicodedata.normalize("NFKC", text).lower().translate(_APOSTROPHES)
    t = _REPEATS.sub(r"\1\1", t)
    if not spelling:
        return " ".join(_SPACES.split(t.strip()))
    out = []
    for raw in _SPACES.split(t.strip()):
        if not raw:
            continue
        lead, core, trail = _EDGES.match(raw).groups()  # type: ignore[union-attr]
        out.append(f"{lead}{spelling.get(core, core)}{trail}")
    return " ".join(out)


def _strings(value: object, where: str, key: str, minimum: int) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(f"{where}: {key} must be a list of non-empty strings")
    if len(value) < minimum:
        raise ConfigError(f"{where}: give at least {minimum} {key} example(s)")
    return tuple(value)


def _rule(raw: object, where_file: str, language: str) -> tuple[IndicatorRule, RuleExamples]:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where_file}: every [[rule]] must be a table")
    name = raw.get("name")
    where = f"{where_file}: rule {name!r}"
    if not isinstance(name, str):
        raise ConfigError(f"{where}: a rule needs a string name")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
    if language != "en" and not name.startswith(f"{language}_"):
        raise ConfigError(f"{where}: names of a non-English pack start with '{language}_'")
    category, stage = raw.get("category"), raw.get("stage")
    stage_of = STAGE_OF_CATEGORY | OPTIONAL_CATEGORIES
    if not isinstance(category, str) or category not in stage_of:
        raise ConfigError(f"{where}: category {category!r} is not one of {', '.join(stage_of)}")
    if stage != stage_of[category] and stage not in _ALSO_ALLOWED.get(category, set()):
        raise ConfigError(f"{where}: category {category} evidences stage {stage_of[category]}, not {stage!r}")
    score = raw.get("score")
    if not isinstance(score, int | float) or isinstance(score, bool):
        raise ConfigError(f"{where}: score must be a number in (0, 1]")
    boost = raw.get("context_boost", 0.15)
    if not isinstance(boost, int | float) or isinstance(boost, bool):
        raise ConfigError(f"{where}: context_boost must be a number in [0, 1]")
    patterns = _strings(raw.get("patterns"), where, "patterns", 1)
    for p in patterns:
        try:
            re.compile(p)
        except re.error as exc:
            raise ConfigError(f"{where}: pattern {p!r} does not compile: {exc}") from exc
    context = _strings(raw.get("context", []), where, "context", 0)
    examples = RuleExamples(_strings(raw.get("positive"), where, "positive", 2),
                            _strings(raw.get("negative"), where, "negative", 1))
    try:
        rule = IndicatorRule(name, category, stage, patterns, float(score), context, float(boost))
    except ConfigError as exc:
        raise ConfigError(f"{where_file}: {exc}") from exc
    return rule, examples


def load_pack(path: Path) -> IndicatorPack:
    """Read and validate one pack file; :class:`ConfigError` names the file and the rule at fault."""
    try:
        with open(path, "rb") as fh:
            data: dict[str, Any] = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"indicator pack {path} cannot be read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"indicator pack {path} is not valid TOML: {exc}") from exc
    where = f"indicator pack {path}"
    language, name = data.get("language"), data.get("name")
    if not isinstance(language, str) or not _CODE.fullmatch(language):
        raise ConfigError(f"{where}: language must be a two-letter code")
    if not isinstance(name, str) or not name.strip():
        raise ConfigError(f"{where}: name must be the language's name")
    spelling = data.get("spelling", {})
    if not isinstance(spelling, dict) or not all(
            isinstance(k, str) and isinstance(v, str) and k == k.lower() and v.strip() for k, v in spelling.items()):
        raise ConfigError(f"{where}: [spelling] maps lower-case words to non-empty strings")
    raw_rules = data.get("rule")
    if not isinstance(raw_rules, list) or not raw_rules:
        raise ConfigError(f"{where}: give at least one [[rule]]")
    rules, examples = [], {}
    for raw in raw_rules:
        rule, ex = _rule(raw, where, language)
        if rule.name in examples:
            raise ConfigError(f"{where}: rule {rule.name!r} is declared twice")
        rules.append(rule)
        examples[rule.name] = ex
    return IndicatorPack(language, name, tuple(rules), dict(spelling), examples, str(path))


_SHIPPED: dict[str, IndicatorPack] | None = None


def shipped_packs(folder: Path | None = None) -> dict[str, IndicatorPack]:
    """Every pack in ``folder`` (default: the packaged ones), by language code, English first.

    Rule names must be unique across packs: a finding names its rule, and the name alone says which.
    """
    global _SHIPPED
    if folder is None and _SHIPPED is not None:
        return _SHIPPED
    packs: dict[str, IndicatorPack] = {}
    seen: dict[str, str] = {}
    paths = sorted((folder or PACKS_DIR).glob("*.toml"), key=lambda p: (p.stem != "en", p.stem))
    for path in paths:
        pack = load_pack(path)
        if pack.language != path.stem:
            raise ConfigError(f"indicator pack {path}: language {pack.language!r} differs from the file name")
        for rule in pack.rules:
            if rule.name in seen:
                raise ConfigError(f"indicator pack {path}: rule {rule.name!r} is also in {seen[rule.name]}")
            seen[rule.name] = str(path)
        packs[pack.language] = pack
    if folder is None:
        _SHIPPED = packs
    return packs
