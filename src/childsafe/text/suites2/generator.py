"""The second, independent suite generator: dialogue over days, obfuscation, euphemism, code-switching.

Why a second generator: the first suite (:mod:`childsafe.text.suites`) shares phrase banks with the
tuning seed, so its frozen seeds are partly in-sample.  This one was written without reading the
indicator packs or those banks, and makes other assumptions about chat:

* a conversation is a **dialogue**: the child answers every move (an age, "just me rn", "idk"), and
  small talk from both sides sits between the offender's moves; long conversations run over several
  days with gaps of one to five days and a "hey u there?" when they resume;
* messages are **noisy**: one sentence split over several lines, typos, leetspeak ("p1c"), spaced or
  dotted letters ("s n a p"), emoji, stretched vowels, English slang and English phrases inside the
  other eight languages;
* offenders **avoid the obvious words** (family ``grooming_evasive``: "ur still in school right?",
  "can u talk freely rn", "this stays with us"), sometimes claim to be a teen themselves, and the
  child sometimes volunteers her age instead of being asked;
* sextortion threats mostly **name no pictures** ("i'll send everything to your friends"); payment
  comes as gift cards, game credits, crypto, payment apps or amounts in local currencies, with
  deadlines in hours, minutes or clock words;
* hard negatives **reuse the positives' own phrases** (the same age question, the same "add me on",
  the same meeting line) in adult dating, teens, families, school and sport, gaming and support
  chats, and two adversarial families: a safety lesson or news item that quotes grooming lines, and a
  child reporting a threat to an adult.

Children state ages in several forms (a bare number after an age question, "14 f", a sentence, a school
year, an age inside a plea); the label records each stated age, its form and its line, so the at-risk
recall can be measured.  Adults state adult ages in dating and gaming chats.

Everything is a pure function of ``(seed, language, family, index)``: one :class:`random.Random` per
conversation, seeded with a string (stable across processes).
"""

# long-module: the families share one dialogue, noise and age-statement machinery; split, it would scatter

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from childsafe.errors import ConfigError
from childsafe.text.suites2.lexicon import LANGUAGES, Lexicon, load_lexicon

__all__ = [
    "LANGUAGES",
    "POSITIVE_FAMILIES",
    "NEGATIVE_FAMILIES",
    "FAMILIES",
    "FROZEN_SEEDS",
    "DEFAULT_PER_FAMILY",
    "GENERATOR_NAME",
    "Line",
    "StatedAge",
    "Suite2Conversation",
    "Suite2Summary",
    "build_conversation",
    "generate_conversations",
    "generate_suite",
]

GENERATOR_NAME = "suites2"
POSITIVE_FAMILIES: dict[str, str] = {
    "grooming_short": "grooming",
    "grooming_long": "grooming",
    "grooming_reordered": "grooming",
    "grooming_evasive": "grooming",
    "sextortion_short": "sextortion",
    "sextortion_long": "sextortion",
}
NEGATIVE_FAMILIES: tuple[str, ...] = (
    "adult_dating", "teens", "parent_child", "teacher_coach", "gaming", "customer_support",
    "safety_lesson", "victim_report",
)
FAMILIES: tuple[str, ...] = (*POSITIVE_FAMILIES, *NEGATIVE_FAMILIES)
#: Seeds generated and measured once after the generator was frozen.
FROZEN_SEEDS: tuple[int, ...] = (201, 202)
#: 9 languages x 14 families x 4 = 504 conversations per seed.
DEFAULT_PER_FAMILY = 4

_START = datetime(2026, 2, 2, tzinfo=UTC)
_ENGLISH_TAGS = ("lol", "ngl", "fr", "tbh", "omg", "bro", "btw", "lmao", "idk", "rn", "pls", "xd")
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "5", "t": "7"}
_AMOUNTS = (25, 40, 50, 75, 100, 120, 150, 200, 250, 300, 400, 500, 800, 1000)


@dataclass(frozen=True)
class Line:
    author: str
    text: str
    gap_days: int = 0  # days of silence before this line (multi-day conversations)


@dataclass(frozen=True)
class StatedAge:
    """An age an author states: the number, the form it took, and the line (0-based) where it is."""

    author: str
    age: int
    form: str  # "bare", "age_sex", "sentence", "school_year", "volunteered", "plea"
    line: int


@dataclass
class Suite2Conversation:
    conversation_id: str
    language: str
    family: str
    kind: str
    offender: str | None = None
    children: list[str] = field(default_factory=list)
    adults: list[str] = field(default_factory=list)
    ages: dict[str, StatedAge] = field(default_factory=dict)  # first stated age per author
    offender_claimed_age: int | None = None  # an offender posing as a teen
    moves: list[str] = field(default_factory=list)  # the offender's moves, in order
    lines: list[Line] = field(default_factory=list)

    def label(self) -> dict[str, object]:
        def age_of(author: str) -> dict[str, object]:
            stated = self.ages.get(author)
            return {"author": author, "stated_age": stated.age if stated else None,
                    "age_form": stated.form if stated else None, "age_line": stated.line if stated else None}

        return {
            "conversation_id": self.conversation_id,
            "language": self.language,
            "family": self.family,
            "generator": GENERATOR_NAME,
            "kind": self.kind,
            "offender": self.offender,
            "offender_claimed_age": self.offender_claimed_age,
            "children": [age_of(c) for c in self.children],
            "adults": list(self.adults),
            "adult_ages": [age_of(a) for a in self.adults if a in self.ages],
            "moves": list(self.moves),
            "messages": len(self.lines),
            "days": 1 + sum(1 for line in self.lines if line.gap_days),
        }


@dataclass(frozen=True)
class Suite2Summary:
    out_dir: Path
    seed: int
    conversations: int
    messages: int
    by_family: dict[str, int]
    by_language: dict[str, int]


# --------------------------------------------------------------------------------------------------
# Writing lines


class _Chat:
    """One conversation's lines, the phrases already used, and the noise applied to them."""

    def __init__(self, rng: random.Random, lex: Lexicon) -> None:
        self.rng = rng
        self.lex = lex
        self.lines: list[Line] = []
        self.used: set[str] = set()
        self._gap = 0
        self.values: dict[str, str] = {
            "n": str(rng.choice(_AMOUNTS)),
            "h": str(rng.choice((1, 2, 3, 5, 6, 12, 24, 48))),
            "m": str(rng.choice((10, 15, 20, 30, 45))),
            "wallet": "bc1q" + "".join(rng.choice("023456789acdefghjklmnpqrstuvwxyz") for _ in range(30)),
            "name": rng.choice(lex.pool("names")),
        }

    def gap(self, days: int) -> None:
        self._gap = days

    def pick(self, slot: str) -> str:
        # People rarely repeat themselves verbatim: prefer a phrasing not used yet in this conversation.
        pool = self.lex.pool(slot)
        fresh = [p for p in pool if (slot + p) not in self.used] or list(pool)
        phrase = self.rng.choice(fresh)
        self.used.add(slot + phrase)
        return phrase

    def fill(self, phrase: str, age: int | None = None, depth: int = 0) -> str:
        def one(match: re.Match[str]) -> str:
            key = match.group(1)
            if key.startswith("@"):
                return self.fill(self.pick(key[1:]), age, depth + 1) if depth < 3 else ""
            if key == "age":
                return str(age if age is not None else 15)
            return self.values[key]

        return re.sub(r"\{(@?[a-z_~0-9]+)\}", one, phrase)

    def say(self, author: str, text: str, *, noise: float = 0.0, split: float = 0.0) -> int:
        """Append ``text`` (maybe obfuscated, maybe split over lines); return the index of its first line."""
        rng = self.rng
        if noise and rng.random() < noise:
            text = _obfuscate(text, rng, self.lex.language)
        parts = _split(text, rng) if split and rng.random() < split else [text]
        first = len(self.lines)
        for part in parts:
            if part.strip():
                self.lines.append(Line(author, part, self._gap))
                self._gap = 0
        return first

    def move(self, author: str, slot: str, *, noise: float = 0.0, split: float = 0.0, mix: float = 0.0,
             age: int | None = None) -> int:
        mixed = f"{slot}~mix"
        if mix and mixed in self.lex.slots and self.rng.random() < mix:
            slot = mixed  # code-switching: English inside the other language
        return self.say(author, self.fill(self.pick(slot), age), noise=noise, split=split)


def _obfuscate(text: str, rng: random.Random, language: str) -> str:
    """One or two of: leetspeak, spaced letters, typo, stretched vowel, emoji, lower case, English tag."""
    words = text.split(" ")
    tricks = rng.sample(("leet", "spaced", "typo", "stretch", "emoji", "lower", "tag"), k=rng.randint(1, 2))
    for trick in tricks:
        candidates = [i for i, w in enumerate(words) if len(w) >= 4 and w.isalpha()]
        if trick in ("leet", "spaced", "typo") and candidates:
            i = rng.choice(candidates)
            word = words[i]
            if trick == "leet":
                words[i] = "".join(_LEET.get(ch, ch) if rng.random() < 0.7 else ch for ch in word)
            elif trick == "spaced":
                words[i] = rng.choice((" ", ".", "-")).join(word)
            else:
                j = rng.randint(1, len(word) - 2)
                words[i] = rng.choice((word[:j] + word[j + 1:], word[:j] + word[j] + word[j:],
                                       word[:j] + word[j + 1] + word[j] + word[j + 2:]))
        elif trick == "stretch":
            words[-1] = re.sub(r"([aeiouy])(\W*)$", lambda m: m.group(1) * rng.randint(3, 5) + m.group(2),
                               words[-1], count=1)
        elif trick == "emoji":
            words.append(rng.choice(("😘", "🤫", "😉", "🙈", "❤️", "😏", "🥺", "😍", "👀", "🔥", "😇")))
        elif trick == "lower":
            words = [w.lower() for w in words]
            words[-1] = words[-1].rstrip(".!")
        elif trick == "tag" and language != "en":
            tag = rng.choice(_ENGLISH_TAGS)
            words = [tag, *words] if rng.random() < 0.4 else [*words, tag]
    return " ".join(w for w in words if w)


def _split(text: str, rng: random.Random) -> list[str]:
    """Chat sends one sentence as two or three messages."""
    words = text.split(" ")
    if len(words) < 4:
        return [text]
    parts = 3 if len(words) >= 6 and rng.random() < 0.4 else 2
    cuts = sorted(rng.sample(range(2, len(words) - 1), k=min(parts - 1, len(words) - 3)))
    bounds = [0, *cuts, len(words)]
    return [" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


def _handles(rng: random.Random, lex: Lexicon, index: int, count: int) -> list[str]:
    out: list[str] = []
    while len(out) < count:
        base = rng.choice(lex.pool("names")).lower()
        style = rng.randrange(4)
        name = (f"{base}_{rng.randint(1, 99)}", f"x{base}x{rng.randint(1, 9)}", f"{base}.{rng.randint(10, 999)}",
                f"the_{base}")[style] + f"-{index:03d}{len(out)}"
        if name not in out:
            out.append(name)
    return out


def _state_age(chat: _Chat, conv: Suite2Conversation, author: str, age: int, sex: str,
               forms: Sequence[str] = ("bare", "age_sex", "sentence", "school_year")) -> None:
    """``author`` answers with their age in one of ``forms``; the label records the form and the line."""
    rng = chat.rng
    usable = [f for f in forms if f != "school_year" or chat.lex.grades(age)]
    form = rng.choice(usable)
    if form == "bare":
        text = chat.fill(chat.pick("age_bare"), age)
    elif form == "age_sex":
        text = chat.fill(chat.pick(f"age_sex_{sex}"), age)
    elif form == "sentence":
        text = chat.fill(chat.pick("age_sentence" if age < 18 else "adult_age_sentence"), age)
    elif form == "volunteered":
        text = chat.fill(chat.pick("age_volunteer"), age)
    else:
        text = rng.choice(chat.lex.grades(age))
    line = chat.say(author, text)  # never obfuscated: the age must stay readable for the measurement
    conv.ages.setdefault(author, StatedAge(author, age, form, line))


# --------------------------------------------------------------------------------------------------
# Positive families

_GROUPS = {"exclusivity": ("secret", "move"), "sexual": ("pic",), "meeting": ("meet",)}
_CANONICAL = ("compliment", "age", "school", "trust", "gift", "alone", "move", "secret", "pic", "meet")
_NOISE = {"grooming_short": 0.15, "grooming_long": 0.2, "grooming_reordered": 0.25, "grooming_evasive": 0.55}
_SPLIT = {"grooming_short": 0.15, "grooming_long": 0.2, "grooming_reordered": 0.3, "grooming_evasive": 0.3}


def _grooming(conv: Suite2Conversation, chat: _Chat, off: str, kid: str) -> None:
    rng = chat.rng
    family = conv.family
    age, sex = rng.randint(11, 16), rng.choice("fm")
    noise, split, mix = _NOISE[family], _SPLIT[family], 0.25
    evasive = family == "grooming_evasive"
    # Risk assessment (age and/or an isolation check), then two or three of exclusivity / sexual / meeting.
    risk = ["age", "alone"] if rng.random() < 0.7 else [rng.choice(("age", "alone"))]
    groups = rng.sample(sorted(_GROUPS), k=2 if family == "grooming_short" else rng.randint(2, 3))
    later = [rng.choice(_GROUPS[g]) for g in groups]
    if "exclusivity" in groups and family != "grooming_short" and rng.random() < 0.5:
        later = list(dict.fromkeys([*later, "secret", "move"]))
    extra: list[str] = []
    if family == "grooming_short":
        extra = ["compliment"] if rng.random() < 0.4 else []
    else:
        extra = [s for s in ("compliment", "school", "trust", "gift") if rng.random() < 0.6]
    moves = [*risk, *later, *extra]
    volunteer = "age" not in moves and rng.random() < 0.7  # the child says her age unasked
    if family == "grooming_reordered":
        rng.shuffle(moves)
    else:
        moves.sort(key=_CANONICAL.index)
    conv.offender, conv.children, conv.adults = off, [kid], [off]
    conv.moves = moves

    days: list[list[str]] = [moves]
    if family == "grooming_long":
        cuts = sorted(rng.sample(range(1, len(moves)), k=min(len(moves) - 1, rng.randint(2, 4))))
        bounds = [0, *cuts, len(moves)]
        days = [moves[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    elif family != "grooming_short" and rng.random() < 0.5:
        cut = rng.randint(1, len(moves) - 1)
        days = [moves[:cut], moves[cut:]]
    small_talk = {"grooming_short": (0, 1), "grooming_long": (1, 3)}.get(family, (0, 2))

    chat.move(off, "hello", noise=noise)
    chat.move(kid, "hello")
    if evasive and rng.random() < 0.3:  # posing as a teen
        conv.offender_claimed_age = rng.choice((15, 16, 17))
        chat.say(off, chat.fill(chat.pick("age_sentence"), conv.offender_claimed_age))
    elif family == "grooming_long" and rng.random() < 0.4:
        adult = rng.randint(19, 45)
        chat.say(off, chat.fill(chat.pick("adult_age_sentence"), adult))
        conv.ages.setdefault(off, StatedAge(off, adult, "sentence", len(chat.lines) - 1))
    for d, day in enumerate(days):
        if d:
            chat.gap(rng.randint(1, 5))
            chat.move(rng.choice((off, kid)), "later")
            chat.move(rng.choice((off, kid)), "ack")
        for move in day:
            for _ in range(rng.randint(*small_talk)):
                chat.move(off, "small_adult", noise=noise / 2, mix=mix)
                chat.move(kid, "small_child" if rng.random() < 0.6 else "ack")
            if volunteer and kid not in conv.ages and rng.random() < 0.5:
                _state_age(chat, conv, kid, age, sex, ("volunteered",))
            slot = f"e_{move}" if evasive and f"e_{move}" in chat.lex.slots else f"g_{move}"
            chat.move(off, slot, noise=noise, split=split, mix=mix)
            _child_reply(chat, conv, kid, move, age, sex)
    if volunteer and kid not in conv.ages:
        _state_age(chat, conv, kid, age, sex, ("volunteered",))
    if family == "grooming_long":
        chat.move(off, "small_adult", noise=noise)
        chat.move(kid, "ack")


def _child_reply(chat: _Chat, conv: Suite2Conversation, kid: str, move: str, age: int, sex: str) -> None:
    rng = chat.rng
    if move == "age":
        if rng.random() < 0.85:
            _state_age(chat, conv, kid, age, sex)
        else:
            chat.move(kid, "c_hesitant")  # dodges the question: no age stated
    elif move == "school":
        if kid not in conv.ages and chat.lex.grades(age) and rng.random() < 0.5:
            _state_age(chat, conv, kid, age, sex, ("school_year",))
        else:
            chat.move(kid, "c_school")
    elif move == "alone":
        chat.move(kid, "c_alone" if rng.random() < 0.8 else "c_not_alone")
    elif move in ("secret", "pic", "meet", "move"):
        chat.move(kid, "c_hesitant" if rng.random() < 0.5 else "c_agree")
    else:
        chat.move(kid, "c_agree" if rng.random() < 0.5 else "ack")


def _sextortion(conv: Suite2Conversation, chat: _Chat, off: str, kid: str) -> None:
    rng = chat.rng
    age, sex = rng.randint(13, 17), rng.choice("fm")
    conv.offender, conv.children, conv.adults = off, [kid], [off]
    threat = "x_threat" if rng.random() < 0.7 else "x_threat_pic"  # most threats name no pictures

    def plead() -> None:
        if kid not in conv.ages and rng.random() < 0.4:
            line = chat.move(kid, "v_plead_age", age=age)
            conv.ages[kid] = StatedAge(kid, age, "plea", line)
        else:
            chat.move(kid, "v_plead")

    if conv.family == "sextortion_short":
        plan = rng.choice(([threat, "x_pay"], ["x_claim", threat, "x_pay"], [threat, "x_deadline"],
                           [threat, "x_pay", "x_deadline"], ["x_pay", threat], ["both"]))
        for i, step in enumerate(plan):
            if step == "both":  # threat and demand in one message
                text = chat.fill(chat.pick(threat)) + rng.choice((" ", ". ", ", ", "\u2026 ")) + chat.fill(
                    chat.pick("x_pay"))
                chat.say(off, text, noise=0.2, split=0.3)
            else:
                chat.move(off, step, noise=0.2, split=0.25, mix=0.2)
            if i < len(plan) - 1 and rng.random() < 0.5:
                plead()
        if rng.random() < 0.5:
            plead()
        conv.moves = plan
        return
    chat.move(off, "hello")
    chat.move(kid, "hello")
    for _ in range(rng.randint(2, 4)):
        chat.move(off, rng.choice(("x_flirt", "small_adult")), noise=0.15, mix=0.2)
        chat.move(kid, rng.choice(("ack", "small_child", "c_agree")))
    if rng.random() < 0.5:
        chat.move(off, "g_age", noise=0.1)
        _state_age(chat, conv, kid, age, sex)
    chat.move(off, "g_move", mix=0.2)
    chat.move(kid, "c_agree")
    chat.gap(rng.randint(1, 4))
    chat.move(off, "x_flirt", noise=0.15)
    chat.move(kid, "ack")
    steps = ["x_claim", threat, "x_pay", "x_deadline"]
    if rng.random() < 0.3:
        steps[1], steps[2] = steps[2], steps[1]
    if rng.random() < 0.5:
        steps.append("x_threat")
    for step in steps:
        chat.move(off, step, noise=0.2, split=0.25, mix=0.2)
        if rng.random() < 0.7:
            plead()
    conv.moves = steps


# --------------------------------------------------------------------------------------------------
# Hard negatives


def _alternate(chat: _Chat, a: str, b: str, slot_a: str, slot_b: str, turns: int, noise: float = 0.1) -> None:
    for _ in range(turns):
        chat.move(a, slot_a, noise=noise, split=0.1)
        chat.move(b, slot_b, noise=noise, split=0.1)


def _exchange_ages(chat: _Chat, conv: Suite2Conversation, asker: str, answerer: str, ages: dict[str, int],
                   sexes: dict[str, str], teens: bool) -> None:
    """The same age question the offenders use; the answer, and often the question returned."""
    chat.move(asker, "g_age", noise=0.1)
    forms = ("bare", "age_sex", "sentence", "school_year") if teens else ("bare", "age_sex", "sentence")
    _state_age(chat, conv, answerer, ages[answerer], sexes[answerer], forms)
    if chat.rng.random() < 0.75:
        _state_age(chat, conv, asker, ages[asker], sexes[asker], forms)


def _negative(conv: Suite2Conversation, chat: _Chat, a: str, b: str) -> None:
    rng = chat.rng
    family = conv.family
    sexes = {a: rng.choice("fm"), b: rng.choice("fm")}
    chat.move(a, "hello")
    chat.move(b, "hello")
    if family in ("adult_dating", "teens", "gaming"):
        group = "adults" if family == "adult_dating" else "teens" if family == "teens" else rng.choice(
            ("adults", "teens", "unknown"))
        if group == "teens":
            ages = {a: rng.randint(13, 16), b: rng.randint(13, 16)}
            conv.children = [a, b]
        else:
            ages = {a: rng.randint(19, 48), b: rng.randint(19, 48)}
            conv.adults = [a, b]
        if group == "unknown":
            conv.adults = []  # gamers who never say: neither counted as a child nor as an adult
        slot = {"adult_dating": "d_line", "teens": "t_line", "gaming": "m_line"}[family]
        plan = ["talk", "talk", "talk", "talk"]
        if group != "unknown":
            plan.insert(rng.randint(0, 2), "ages")
        for shared, p in (("g_move", 0.8), ("g_meet", 0.5), ("g_pic", 0.35), ("g_compliment", 0.4)):
            if rng.random() < p and (shared != "g_compliment" or family != "gaming"):
                plan.insert(rng.randint(1, len(plan)), shared)
        for i, step in enumerate(plan):
            speaker, other = (a, b) if i % 2 == 0 else (b, a)
            if i and rng.random() < 0.15:
                chat.gap(rng.randint(1, 3))
                chat.move(speaker, "later")
            if step == "ages":
                _exchange_ages(chat, conv, speaker, other, ages, sexes, group == "teens")
            elif step == "talk":
                _alternate(chat, speaker, other, slot, slot, rng.randint(1, 2))
            else:
                chat.move(speaker, step, noise=0.1, mix=0.2)
                chat.move(other, rng.choice(("c_agree", "ack", slot)))
        return
    if family in ("parent_child", "teacher_coach"):
        adult, kid = a, b
        conv.adults, conv.children = [adult], [kid]
        slots = ("p_parent", "p_child") if family == "parent_child" else ("k_adult", "k_kid")
        turns = rng.randint(4, 7)
        say_grade = rng.random() < 0.3
        for t in range(turns):
            chat.move(adult, slots[0], noise=0.05, split=0.1)
            if say_grade and t == 1:
                age = rng.randint(11, 15)
                if chat.lex.grades(age):
                    _state_age(chat, conv, kid, age, sexes[kid], ("school_year",))
                    continue
            chat.move(kid, slots[1], noise=0.1)
        return
    if family == "customer_support":
        agent, customer = a, b
        conv.adults = [agent, customer]
        _alternate(chat, customer, agent, "s_customer", "s_agent", rng.randint(3, 6), noise=0.05)
        return
    if family == "safety_lesson":
        poster, reader = a, b
        conv.adults = [poster, reader]
        slot = "n_lesson" if rng.random() < 0.6 else "n_news"
        for _ in range(rng.randint(2, 4)):
            chat.move(poster, slot, split=0.2)
        for _ in range(rng.randint(1, 2)):
            chat.move(reader, "n_react")
            if rng.random() < 0.5:
                chat.move(poster, slot)
        return
    # victim_report: a child tells an adult what someone wrote to them, quoting it.
    kid, helper = a, b
    conv.children, conv.adults = [kid], [helper]
    if rng.random() < 0.5:
        _state_age(chat, conv, kid, rng.randint(12, 16), sexes[kid], ("sentence", "volunteered"))
    for _ in range(rng.randint(2, 4)):
        chat.move(kid, "r_kid", split=0.2)
        chat.move(helper, "r_help")


# --------------------------------------------------------------------------------------------------
# Public API


def build_conversation(seed: int, language: str, family: str, index: int) -> Suite2Conversation:
    """One labelled conversation, a pure function of its arguments."""
    if language not in LANGUAGES:
        raise ConfigError(f"no lexicon for language {language!r}; choose from {', '.join(LANGUAGES)}")
    if family not in FAMILIES:
        raise ConfigError(f"unknown family {family!r}; choose from {', '.join(FAMILIES)}")
    rng = random.Random(f"childsafe-suites2:{seed}:{language}:{family}:{index}")
    lex = _lexicon(language)
    chat = _Chat(rng, lex)
    a, b = _handles(rng, lex, index, 2)
    kind = POSITIVE_FAMILIES.get(family, "negative")
    conv = Suite2Conversation(f"t2-{seed}-{language}-{family}-{index:03d}", language, family, kind)
    if kind == "grooming":
        _grooming(conv, chat, a, b)
    elif kind == "sextortion":
        _sextortion(conv, chat, a, b)
    else:
        _negative(conv, chat, a, b)
    conv.lines = chat.lines
    return conv


_LEXICONS: dict[str, Lexicon] = {}


def _lexicon(language: str) -> Lexicon:
    if language not in _LEXICONS:
        _LEXICONS[language] = load_lexicon(language)
    return _LEXICONS[language]


def generate_conversations(seed: int, languages: Sequence[str] = LANGUAGES,
                           per_family: int = DEFAULT_PER_FAMILY) -> list[Suite2Conversation]:
    """Every conversation of a suite, in a stable order (language, family, index)."""
    unknown = [code for code in languages if code not in LANGUAGES]
    if unknown:
        raise ConfigError(f"no lexicon for {', '.join(unknown)}; choose from {', '.join(LANGUAGES)}")
    if per_family < 1:
        raise ConfigError("per_family must be at least 1")
    return [build_conversation(seed, language, family, index)
            for language in languages for family in FAMILIES for index in range(per_family)]


def generate_suite(out_dir: str | Path, seed: int, languages: Sequence[str] = LANGUAGES,
                   per_family: int = DEFAULT_PER_FAMILY) -> Suite2Summary:
    """Write ``conversations.jsonl`` (chat JSONL) and ``labels.jsonl`` (one object per conversation)."""
    conversations = generate_conversations(seed, languages, per_family)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    messages = 0
    with (out / "conversations.jsonl").open("w", encoding="utf-8") as chat, \
            (out / "labels.jsonl").open("w", encoding="utf-8") as labels:
        for conv in conversations:
            rng = random.Random(f"childsafe-suites2-time:{conv.conversation_id}")
            moment = _START + timedelta(days=rng.randint(0, 200), hours=rng.randint(8, 21),
                                        minutes=rng.randint(0, 59))
            participants = sorted({line.author for line in conv.lines} | set(conv.children) | set(conv.adults))
            for line in conv.lines:
                if line.gap_days:
                    moment += timedelta(days=line.gap_days, hours=rng.randint(-3, 3), minutes=rng.randint(0, 59))
                moment += timedelta(seconds=rng.randint(3, 300))
                recipient = next((p for p in participants if p != line.author), None)
                record = {"conversation_id": conv.conversation_id, "author": line.author, "text": line.text,
                          "timestamp": moment.isoformat(), "recipient": recipient}
                chat.write(json.dumps(record, ensure_ascii=False) + "\n")
                messages += 1
            labels.write(json.dumps(conv.label(), ensure_ascii=False) + "\n")
    return Suite2Summary(
        out_dir=out, seed=seed, conversations=len(conversations), messages=messages,
        by_family=dict(Counter(c.family for c in conversations)),
        by_language=dict(Counter(c.language for c in conversations)),
    )
