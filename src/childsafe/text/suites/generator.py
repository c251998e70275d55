"""Synthetic evaluation suites: short, non-explicit conversations in nine languages, with labels.

Why a generator and not a fixed file: a detector tuned on one set of phrasings should be measured on
phrasings it has not seen.  Two generators make different assumptions about chat:

* ``A`` -- stage-ordered templates: a grooming conversation walks the stages in the literature's order
  (compliments, age, school, isolation, gifts, secrecy, platform, pictures, meeting) with small talk
  between them; messages are clean.
* ``B`` -- a different half of every phrase bank, free stage order, small talk interleaved anywhere,
  chat spelling and typos, dropped accents, split messages and English slang inside other languages.

The phrase banks (:mod:`childsafe.text.suites.banks`) are written apart from the indicator packs and
deliberately in other words, so a suite measures how rules generalise instead of replaying them.
Everything is deterministic per ``(seed, conversation)``: one :class:`random.Random` per conversation,
seeded with a string (stable across processes, unlike ``hash``).

Seed 1 is the tuning suite.  Seeds 101 and 102 are frozen for the final evaluation: generate them,
score them, and do not tune on what they show.
"""
# long-module: generators A and B share the phrase-bank sampling and the labels; side by side, what each assumes about
#   chat is visible in one place.

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from childsafe.errors import ConfigError
from childsafe.text.suites.banks import BANKS, Bank

__all__ = [
    "LANGUAGES",
    "POSITIVE_FAMILIES",
    "NEGATIVE_FAMILIES",
    "FAMILIES",
    "GENERATORS",
    "TUNING_SEED",
    "FROZEN_SEEDS",
    "Line",
    "Child",
    "SuiteConversation",
    "SuiteSummary",
    "build_conversation",
    "generate_conversations",
    "generate_suite",
]

LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "de", "fr", "sv", "nl", "it", "pl")
#: Positive family -> kind.
POSITIVE_FAMILIES: dict[str, str] = {
    "grooming_short": "grooming",
    "grooming_long": "grooming",
    "grooming_reordered": "grooming",
    "grooming_evasive": "grooming",
    "sextortion_short": "sextortion",
    "sextortion_long": "sextortion",
}
#: Hard negatives: they share the positives' vocabulary (ages, handles, secrets, pick-ups, payments).
NEGATIVE_FAMILIES: tuple[str, ...] = (
    "adult_dating", "teens", "parent_child", "teacher_coach", "gaming", "customer_support",
)
FAMILIES: tuple[str, ...] = (*POSITIVE_FAMILIES, *NEGATIVE_FAMILIES)
GENERATORS: tuple[str, ...] = ("A", "B")
TUNING_SEED = 1
FROZEN_SEEDS: tuple[int, ...] = (101, 102)

#: Default conversations per (language, family): 9 x 12 x 4 = 432 per seed.
DEFAULT_PER_FAMILY = 4

_START = datetime(2026, 1, 5, tzinfo=UTC)
_ENGLISH_SLANG = ("lol", "bro", "ngl", "fr", "tbh", "xd", "gg", "omg", "btw", "lmao", "idk")
_ENGLISH_GAMING = ("gg ez", "brb", "wanna play ranked?", "lag again smh", "gg wp", "afk 5 min", "nice clutch")
_AGE_MARK = "@age? "  # in negative role lines: an age question the other side answers with an age


@dataclass(frozen=True)
class Line:
    author: str
    text: str


@dataclass(frozen=True)
class Child:
    author: str
    stated_age: int | None
    age_form: str | None  # "number", "age_sex", "sentence", "school_year" or None (not stated)


@dataclass
class SuiteConversation:
    conversation_id: str
    language: str
    family: str
    generator: str
    kind: str
    offender: str | None
    children: list[Child] = field(default_factory=list)
    adults: list[str] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # grooming: the steps the offender takes, in order

    @property
    def authors(self) -> set[str]:
        return {line.author for line in self.lines}

    def label(self) -> dict[str, object]:
        return {
            "conversation_id": self.conversation_id,
            "language": self.language,
            "family": self.family,
            "generator": self.generator,
            "kind": self.kind,
            "offender": self.offender,
            "children": [
                {"author": c.author, "stated_age": c.stated_age, "age_form": c.age_form} for c in self.children
            ],
            "adults": list(self.adults),
            "stages": list(self.stages),
            "messages": len(self.lines),
        }


@dataclass(frozen=True)
class SuiteSummary:
    out_dir: Path
    seed: int
    conversations: int
    messages: int
    by_family: dict[str, int]
    by_language: dict[str, int]
    by_generator: dict[str, int]


# --------------------------------------------------------------------------------------------------
# Building blocks


class _Writer:
    """Accumulates one conversation's lines, applying generator B's noise as it goes."""

    def __init__(self, rng: random.Random, bank: Bank, generator: str) -> None:
        self.rng = rng
        self.bank = bank
        self.generator = generator
        self.lines: list[Line] = []
        self.used: set[tuple[str, str]] = set()

    def say(self, author: str, text: str, *, noisy: bool = True) -> None:
        if self.generator == "B" and noisy:
            text = self._noise(text)
            parts = self._split(text)
        else:
            parts = [text]
        self.lines.extend(Line(author, part) for part in parts if part.strip())

    def slot(self, author: str, slot: str, **values: object) -> None:
        # Prefer a phrasing not used yet in this conversation: people rarely repeat themselves verbatim.
        pool = self.bank.pool(slot, self.generator)
        fresh = [p for p in pool if (slot, p) not in self.used] or pool
        choice = self.rng.choice(fresh)
        self.used.add((slot, choice))
        self.say(author, self.bank.fill(choice, self.rng, **values))

    def _noise(self, text: str) -> str:
        rng = self.rng
        if self.bank.language != "en" and rng.random() < 0.5:
            text = _strip_accents(text)
        text = self.bank.chatify(text, rng, 0.6)
        words = text.split(" ")
        for i, word in enumerate(words):
            if len(word) > 4 and word.isalpha() and rng.random() < 0.05:
                words[i] = _typo(word, rng)
        text = " ".join(words)
        if rng.random() < 0.3:
            text = text.lower().rstrip(".!")
        if rng.random() < 0.08:
            text = re.sub(r"([aeiouy])(\W*)$", lambda m: m.group(1) * 4 + m.group(2), text, count=1)
        if self.bank.language != "en" and rng.random() < 0.15:
            slang = rng.choice(_ENGLISH_SLANG)
            text = f"{slang} {text}" if rng.random() < 0.4 else f"{text} {slang}"
        return text

    def _split(self, text: str) -> list[str]:
        words = text.split(" ")
        if len(words) >= 5 and self.rng.random() < 0.2:
            cut = self.rng.randint(2, len(words) - 2)
            return [" ".join(words[:cut]), " ".join(words[cut:])]
        return [text]


def _strip_accents(text: str) -> str:
    # Chat often drops accents ("estas sola", "jestes"); "ß" and "ł" are letters, not accents.
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn"))


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randint(1, len(word) - 2)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # dropped letter
    if kind == 1:
        return word[:i] + word[i] + word[i:]  # doubled letter
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # swapped neighbours


def _handle(rng: random.Random, bank: Bank, index: int, taken: set[str]) -> str:
    while True:
        base = bank.pick(rng, "names", "A" if rng.random() < 0.5 else "B")
        name = f"{base}{rng.randint(1, 99)}_{index:04d}"
        if name not in taken:
            taken.add(name)
            return name


def _age_statement(w: _Writer, author: str, age: int) -> str:
    """The child (or adult) says an age in one of the forms chat uses; returns the form."""
    rng = w.rng
    forms = ["number", "age_sex", "sentence"]
    if age in w.bank.school_years:
        forms.append("school_year")
    form = rng.choice(forms)
    if form == "number":
        w.say(author, rng.choice((f"{age}", f"{age}", f"{age}?", f"{age} {w.bank.pick(rng, 'ack', 'A')}")), noisy=False)
    elif form == "age_sex":
        sex = rng.choice(w.bank.sexes)
        w.say(author, rng.choice((f"{age}/{sex}", f"{age} {sex}", f"{age}/{sex} u?")), noisy=False)
    elif form == "sentence":
        w.slot(author, "c_age", age=age)
    else:
        w.say(author, rng.choice(w.bank.school_years[age]))
    return form


# --------------------------------------------------------------------------------------------------
# Families

_STAGE_ORDER = ("compliment", "age", "school", "alone", "gift", "secret", "platform", "pic", "meet")
_GROOMING_SLOT = {
    "compliment": "g_compliment", "age": "g_age", "school": "g_school", "alone": "g_alone", "gift": "g_gift",
    "secret": "g_secret", "platform": "g_platform", "pic": "g_pic", "meet": "g_meet",
}
_EVASIVE_SLOT = {"age": "e_age", "alone": "e_alone", "secret": "e_secret", "pic": "e_pic", "meet": "e_meet"}


def _grooming(conv: SuiteConversation, w: _Writer, offender: str, child: str, family: str) -> None:
    rng = w.rng
    age = rng.randint(11, 16)
    # Risk assessment (age + isolation) plus at least two *different* stages of exclusivity / sexual /
    # meeting: secrecy and a platform move are both exclusivity, so they count once.
    groups = {"exclusivity": ("secret", "platform"), "sexual": ("pic",), "meeting": ("meet",)}
    chosen = rng.sample(sorted(groups), k=2 if family == "grooming_short" else rng.randint(2, 3))
    later = [rng.choice(groups[g]) for g in chosen]
    if family != "grooming_short" and "exclusivity" in chosen and rng.random() < 0.5:
        later.extend(s for s in groups["exclusivity"] if s not in later)
    if family == "grooming_short":
        stages = ["age", "alone", *later]
        if rng.random() < 0.5:
            stages.insert(0, "compliment")
    else:
        extra = [s for s in ("compliment", "school", "gift") if rng.random() < 0.8]
        stages = ["age", "alone", *later, *extra]
    if family == "grooming_reordered":
        rng.shuffle(stages)
    elif w.generator == "A" or family == "grooming_short":
        stages.sort(key=_STAGE_ORDER.index)
    else:  # B: free order, but people usually ask the age early
        rng.shuffle(stages)
        if rng.random() < 0.6:
            stages.remove("age")
            stages.insert(rng.randint(0, 1), "age")
    filler = {"grooming_short": (0, 1), "grooming_long": (2, 4)}.get(family, (1, 2))

    stated: tuple[int, str] | None = None
    w.slot(offender, "greet")
    w.slot(child, "greet")
    for stage in stages:
        for _ in range(rng.randint(*filler) if w.generator == "B" or family == "grooming_long" else 0):
            w.slot(rng.choice((offender, child)), "small")
        if w.generator == "A" and family != "grooming_short" and rng.random() < 0.5:
            w.slot(offender, "small")
            w.slot(child, "ack")
        slot = _GROOMING_SLOT[stage]
        if family == "grooming_evasive" and stage in _EVASIVE_SLOT:
            slot = _EVASIVE_SLOT[stage]
        w.slot(offender, slot)
        if stage == "age":
            stated = (age, _age_statement(w, child, age))
        elif stage == "alone":
            w.slot(child, "c_alone")
        elif stage == "school":
            w.slot(child, "c_school")
        elif stage in ("pic", "meet", "secret"):
            w.slot(child, "hesitant" if rng.random() < 0.6 else "ack")
        else:
            w.slot(child, "ack")
    if family == "grooming_long":
        w.slot(offender, "small")
        w.slot(child, "ack")
    conv.offender = offender
    conv.adults = [offender]
    conv.children = [Child(child, stated[0] if stated else None, stated[1] if stated else None)]
    conv.stages = stages


def _sextortion(conv: SuiteConversation, w: _Writer, offender: str, victim: str, family: str) -> None:
    rng = w.rng
    age = rng.randint(13, 17)
    values = {"n": rng.choice((50, 80, 100, 150, 200, 250, 300, 500)), "h": rng.choice((1, 2, 3, 6, 12, 24, 48))}
    stated: tuple[int, str] | None = None
    if family == "sextortion_short":
        # 2-4 messages: a threat meeting a payment demand or a deadline, few offender messages.
        plan = rng.choice((["x_threat", "x_pay"], ["x_claim", "x_threat", "x_pay"], ["x_threat", "x_deadline"],
                           ["x_threat", "x_pay", "x_deadline"], ["x_pay", "x_threat"]))
        for i, slot in enumerate(plan):
            w.slot(offender, slot, **values)
            if i == 0 and len(plan) < 4 and rng.random() < 0.5:
                w.slot(victim, "v_plead", age=age)
        # The plea may state an age ("im only 15"): remember it when the bank's plea did.
        stated = _plea_age(w, victim, age)
    else:
        w.slot(offender, "greet")
        w.slot(victim, "greet")
        for _ in range(rng.randint(2, 4)):
            w.slot(offender, rng.choice(("x_flirt", "small")))
            w.slot(victim, rng.choice(("ack", "small")))
        if rng.random() < 0.5:
            w.slot(offender, "g_age")
            stated = (age, _age_statement(w, victim, age))
        w.slot(offender, "x_flirt")
        w.slot(victim, "ack")
        w.slot(offender, "x_claim")
        w.slot(victim, "v_plead", age=age)
        w.slot(offender, "x_threat", **values)
        w.slot(victim, "v_plead", age=age)
        w.slot(offender, "x_pay", **values)
        w.slot(victim, "v_plead", age=age)
        w.slot(offender, "x_deadline", **values)
        if rng.random() < 0.5:
            w.slot(offender, "x_threat", **values)
        stated = stated or _plea_age(w, victim, age)
    conv.offender = offender
    conv.adults = [offender]
    conv.children = [Child(victim, stated[0] if stated else None, stated[1] if stated else None)]


def _plea_age(w: _Writer, victim: str, age: int) -> tuple[int, str] | None:
    for line in w.lines:
        if line.author == victim and re.search(rf"(?<!\d){age}(?!\d)", line.text):
            return (age, "sentence")
    return None


def _dialogue(w: _Writer, a: str, b: str, slot_a: str, slot_b: str, ages: dict[str, int], turns: int,
              stated: dict[str, tuple[int, str]], chatty: bool = True) -> None:
    """Alternate role lines; an age question is answered at once with the other side's age."""
    rng = w.rng
    pool = {a: w.bank.pool(slot_a, w.generator), b: w.bank.pool(slot_b, w.generator)}
    for key in pool:
        rng.shuffle(pool[key])
    if ages:  # people who compare ages do it early: bring one age question near the start
        asker = rng.choice((a, b))
        marked = [t for t in pool[asker] if t.startswith(_AGE_MARK)]
        if marked and rng.random() < 0.85:
            pool[asker].remove(marked[0])
            pool[asker].insert(len(pool[asker]) - rng.randint(0, min(2, len(pool[asker]))), marked[0])
    speaker, other = a, b
    for _ in range(min(turns, len(pool[a]) + len(pool[b]) + 2)):
        if not pool[speaker]:  # said everything this role says: a short reply, never a verbatim repeat
            w.slot(speaker, "ack")
            speaker, other = other, speaker
            continue
        text = pool[speaker].pop()
        if text.startswith(_AGE_MARK):
            w.say(speaker, w.bank.fill(text[len(_AGE_MARK):], rng))
            if other in ages and other not in stated:
                stated[other] = (ages[other], _age_statement(w, other, ages[other]))
            else:
                w.slot(other, "ack")
        else:
            w.say(speaker, w.bank.fill(text, rng))
        if w.generator == "B" and chatty and rng.random() < 0.25:
            if w.bank.language != "en" and rng.random() < 0.3:
                w.say(speaker, rng.choice(_ENGLISH_GAMING), noisy=False)
            else:
                w.slot(speaker, "small")
        speaker, other = other, speaker


def _negative(conv: SuiteConversation, w: _Writer, a: str, b: str, family: str) -> None:
    rng = w.rng
    roles = {
        "adult_dating": ("d_a", "d_b"), "teens": ("t_a", "t_b"), "parent_child": ("p_parent", "p_child"),
        "teacher_coach": ("k_teacher", "k_student"), "gaming": ("m_a", "m_b"),
        "customer_support": ("s_agent", "s_customer"),
    }[family]
    ages: dict[str, int] = {}
    minors: set[str] = set()
    if family == "adult_dating":
        ages = {a: rng.randint(22, 45), b: rng.randint(22, 45)}
    elif family == "teens" or (family == "gaming" and rng.random() < 0.5):
        ages = {a: rng.randint(13, 16), b: rng.randint(13, 16)}
        minors = {a, b}
    elif family == "gaming":
        ages = {a: rng.randint(19, 34), b: rng.randint(19, 34)}
    elif family in ("parent_child", "teacher_coach"):
        minors = {b}
    stated: dict[str, tuple[int, str]] = {}
    w.slot(a, "greet")
    w.slot(b, "greet")
    # Support agents do not drop small talk or gaming slang into a ticket; everyone else may.
    _dialogue(w, a, b, *roles, ages=ages, turns=rng.randint(6, 12), stated=stated,
              chatty=family != "customer_support")
    conv.offender = None
    conv.children = [
        Child(x, stated[x][0] if x in stated else None, stated[x][1] if x in stated else None)
        for x in (a, b) if x in minors
    ]
    conv.adults = [x for x in (a, b) if x not in minors]


# --------------------------------------------------------------------------------------------------
# Public API


def build_conversation(seed: int, language: str, family: str, generator: str, index: int) -> SuiteConversation:
    """One labelled conversation, a pure function of its arguments."""
    if language not in BANKS:
        raise ConfigError(f"no phrase bank for language {language!r}; choose from {', '.join(LANGUAGES)}")
    if family not in FAMILIES:
        raise ConfigError(f"unknown family {family!r}; choose from {', '.join(FAMILIES)}")
    if generator not in GENERATORS:
        raise ConfigError(f"unknown generator {generator!r}; choose A or B")
    rng = random.Random(f"childsafe-suite:{seed}:{language}:{family}:{generator}:{index}")
    bank = BANKS[language]
    w = _Writer(rng, bank, generator)
    taken: set[str] = set()
    a, b = _handle(rng, bank, index, taken), _handle(rng, bank, index, taken)
    kind = POSITIVE_FAMILIES.get(family, "negative")
    conv = SuiteConversation(
        conversation_id=f"s{seed}-{language}-{family}-{generator}{index:03d}",
        language=language, family=family, generator=generator, kind=kind, offender=None,
    )
    if kind == "grooming":
        _grooming(conv, w, a, b, family)
    elif kind == "sextortion":
        _sextortion(conv, w, a, b, family)
    else:
        _negative(conv, w, a, b, family)
    conv.lines = w.lines
    return conv


def generate_conversations(
    seed: int,
    generator: str = "both",
    languages: Sequence[str] = LANGUAGES,
    per_family: int = DEFAULT_PER_FAMILY,
) -> list[SuiteConversation]:
    """Every conversation of a suite, in a stable order (language, family, index)."""
    if generator not in (*GENERATORS, "both"):
        raise ConfigError(f"unknown generator {generator!r}; choose A, B or both")
    unknown = [code for code in languages if code not in BANKS]
    if unknown:
        raise ConfigError(f"no phrase bank for {', '.join(unknown)}; choose from {', '.join(LANGUAGES)}")
    if per_family < 1:
        raise ConfigError("per_family must be at least 1")
    out: list[SuiteConversation] = []
    for language in languages:
        for family in FAMILIES:
            for index in range(per_family):
                which = generator if generator != "both" else GENERATORS[index % 2]
                out.append(build_conversation(seed, language, family, which, index))
    return out


def generate_suite(
    out_dir: str | Path,
    seed: int,
    generator: str = "both",
    languages: Sequence[str] = LANGUAGES,
    per_family: int = DEFAULT_PER_FAMILY,
) -> SuiteSummary:
    """Write ``conversations.jsonl`` (chat JSONL) and ``labels.jsonl`` (one object per conversation)."""
    conversations = generate_conversations(seed, generator, languages, per_family)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    messages = 0
    with (out / "conversations.jsonl").open("w", encoding="utf-8") as chat, \
            (out / "labels.jsonl").open("w", encoding="utf-8") as labels:
        for conv in conversations:
            rng = random.Random(f"childsafe-suite-time:{conv.conversation_id}")
            moment = _START + timedelta(days=rng.randint(0, 300), hours=rng.randint(7, 22), minutes=rng.randint(0, 59))
            # The victim of a one-sided threat never writes, but is still the recipient.
            participants = sorted(conv.authors | {c.author for c in conv.children} | set(conv.adults))
            for line in conv.lines:
                moment += timedelta(seconds=rng.randint(4, 240))
                recipient = next((p for p in participants if p != line.author), None)
                record = {"conversation_id": conv.conversation_id, "author": line.author, "text": line.text,
                          "timestamp": moment.isoformat(), "recipient": recipient}
                chat.write(json.dumps(record, ensure_ascii=False) + "\n")
                messages += 1
            labels.write(json.dumps(conv.label(), ensure_ascii=False) + "\n")
    return SuiteSummary(
        out_dir=out, seed=seed, conversations=len(conversations), messages=messages,
        by_family=dict(Counter(c.family for c in conversations)),
        by_language=dict(Counter(c.language for c in conversations)),
        by_generator=dict(Counter(c.generator for c in conversations)),
    )
