"""The third, independent suite generator: platform shapes, diluted moves, grammar-built ordinary chat.

Why a third generator: the first two suites were both used for tuning, so their seeds are in-sample now.
This one was written without reading the indicator packs, the scorer or the other generators' phrase
banks, and makes other structural assumptions:

* **platform shapes**: a game-lobby group chat (3–6 players) where the offender moves one child to
  private messages; a comment thread under a child's post where the offender moves to DMs; and DM
  conversations of 5 to 150 messages where the risky moves are diluted in ordinary chat;
* **ordinary chat comes from a grammar**: templates with slot fillers (subjects, games, artists, sports,
  food, days, places), run-on voice-to-text clauses, emoji-only replies, all caps, no punctuation and
  chat abbreviations;
* **offenders** pose as a peer, a talent scout or a gaming coach offering skins and credits; sextortion
  comes from a stranger claiming to have pictures or threatening to post the whole chat, with local
  payment forms, currencies and deadlines; a third of offenders write in another language (code-switching);
* **hard negatives share the vocabulary**: siblings, youth-group trips, adult romance scams, adult
  modelling, true-crime talk and safety posts quoting offender lines, teen parties, parents' groups;
* **ages** are stated as numbers, words, school years, "turning N", or a birth year, and adults state
  adult ages; each label records the age, its form and its line.

Everything is a pure function of ``(seed, language, family, index)``.
"""

# long-module: one builder per platform shape and family sharing the dilution and noise helpers

from __future__ import annotations

import json
import random
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from childsafe.errors import ConfigError
from childsafe.text.suites3.lang import LANGUAGES, load_language
from childsafe.text.suites3.language import Language

__all__ = [
    "DEFAULT_PER_FAMILY", "FAMILIES", "FROZEN_SEEDS", "GENERATOR_NAME", "LANGUAGES", "NEGATIVE_FAMILIES",
    "POSITIVE_FAMILIES", "AGE_FORMS", "Line", "StatedAge", "Suite3Conversation", "Suite3Summary",
    "build_conversation", "generate_conversations", "generate_suite",
]

GENERATOR_NAME = "suites3"
POSITIVE_FAMILIES: dict[str, str] = {
    "lobby_to_dm": "grooming", "comments_to_dm": "grooming", "dm_peer": "grooming", "dm_scout": "grooming",
    "dm_coach": "grooming", "sextortion_claims_pics": "sextortion", "sextortion_posts_chat": "sextortion",
}
NEGATIVE_FAMILIES: tuple[str, ...] = (
    "siblings", "youth_trip", "romance_scam_adults", "modelling_adults", "true_crime", "safety_post",
    "teen_party", "parents_group",
)
FAMILIES: tuple[str, ...] = (*POSITIVE_FAMILIES, *NEGATIVE_FAMILIES)
GROUP_FAMILIES: frozenset[str] = frozenset({"lobby_to_dm", "youth_trip", "true_crime", "teen_party",
                                            "parents_group"})
COMMENT_FAMILIES: frozenset[str] = frozenset({"comments_to_dm", "safety_post"})
AGE_FORMS: tuple[str, ...] = ("number", "word", "school_year", "turning", "birth_year")
#: Seeds generated and measured once after the generator was frozen.
FROZEN_SEEDS: tuple[int, ...] = (301, 302)
#: 9 languages x 15 families x 4 = 540 conversations per seed.
DEFAULT_PER_FAMILY = 4
YEAR = 2026

_START = datetime(YEAR, 3, 2, tzinfo=UTC)
_EMOJI = ("😂", "💀", "👍", "😭", "🔥", "❤️", "🙄", "😅", "👀", "🤣🤣", "😴", "🙏")
_AMOUNTS = (20, 30, 50, 80, 100, 150, 200, 300, 500, 1000)


@dataclass(frozen=True)
class Line:
    author: str
    text: str
    platform: str  # "dm", "game_lobby", "comments", "group"
    recipient: str | None = None  # set in DMs; None in group chats and comment threads
    move: str = ""  # the offender move or family line this is, "" for ordinary chat


@dataclass(frozen=True)
class StatedAge:
    author: str
    age: int
    form: str  # one of AGE_FORMS
    line: int  # 0-based index of the message in the conversation


@dataclass
class Suite3Conversation:
    conversation_id: str
    language: str
    family: str
    kind: str
    offender: str | None = None
    offender_language: str | None = None
    offender_claimed_age: int | None = None  # an offender posing as a peer claims the child's age
    children: list[str] = field(default_factory=list)
    adults: list[str] = field(default_factory=list)
    ages: dict[str, StatedAge] = field(default_factory=dict)
    lines: list[Line] = field(default_factory=list)

    def label(self) -> dict[str, object]:
        def age_of(author: str) -> dict[str, object]:
            s = self.ages.get(author)
            return {"author": author, "stated_age": s.age if s else None, "age_form": s.form if s else None,
                    "age_line": s.line if s else None}

        return {
            "conversation_id": self.conversation_id, "language": self.language, "family": self.family,
            "generator": GENERATOR_NAME, "kind": self.kind, "offender": self.offender,
            "offender_language": self.offender_language, "offender_claimed_age": self.offender_claimed_age,
            "children": [age_of(c) for c in self.children], "adults": list(self.adults),
            "adult_ages": [age_of(a) for a in self.adults if a in self.ages],
            "participants": len({line.author for line in self.lines}),
            "platforms": sorted({line.platform for line in self.lines}), "messages": len(self.lines),
        }


@dataclass(frozen=True)
class Suite3Summary:
    out_dir: Path
    seed: int
    conversations: int
    messages: int
    by_family: dict[str, int]
    by_language: dict[str, int]


class _Writer:
    """Fills templates and adds chat noise for one conversation; holds its random generator."""

    def __init__(self, rng: random.Random, lang: Language, offender_lang: Language) -> None:
        self.rng, self.lang, self.offender_lang = rng, lang, offender_lang

    def fill(self, template: str, lang: Language, **values: object) -> str:
        rng = self.rng
        slots: dict[str, object] = {k: rng.choice(v) for k, v in lang.slots.items()}
        slots.update(amount=rng.choice(_AMOUNTS), currency=rng.choice(lang.currencies),
                     method=rng.choice(lang.payments), hours=rng.choice((2, 3, 6, 12, 24, 48)))
        slots.update(values)
        return template.format(**slots)

    def say(self, key: str, *, offender: bool = False, **values: object) -> str:
        lang = self.offender_lang if offender else self.lang
        return self.noise(self.fill(self.rng.choice(lang.templates[key]), lang, **values), lang)

    def chatter(self, adult: bool = False) -> str:
        """Ordinary chat: a grammar sentence, a run-on of two or three, a short reply or emoji only."""
        rng, lang = self.rng, self.lang
        grammar = lang.templates["adult_chat" if adult else "chat"]
        roll = rng.random()
        if roll < 0.12:
            return "".join(rng.choice(_EMOJI) for _ in range(rng.randint(1, 3)))
        if roll < 0.35:
            return self.noise(rng.choice(lang.templates["reply"]), lang)
        if roll < 0.5:  # voice-to-text: clauses run on with no punctuation
            parts = [self.fill(rng.choice(grammar), lang) for _ in range(rng.randint(2, 3))]
            return f" {rng.choice(lang.connectors)} ".join(parts).lower()
        return self.noise(self.fill(rng.choice(grammar), lang), lang)

    def noise(self, text: str, lang: Language) -> str:
        rng = self.rng
        if rng.random() < 0.35:
            for full, short in lang.abbreviations:
                text = re.sub(rf"(?<!\w){re.escape(full)}(?!\w)", short, text, flags=re.IGNORECASE)
        if rng.random() < 0.3:
            text = re.sub(r"[.,!?¿¡;:]", "", text)
        if rng.random() < 0.1:
            text = text.upper()
        if rng.random() < 0.12:
            text = f"{text} {rng.choice(_EMOJI)}"
        return text


def _state_age(w: _Writer, age: int, form: str) -> tuple[str, int]:
    """A child's (or adult's) age statement in the given form, and the age it states."""
    lang = w.lang
    if form == "word" and age in lang.number_words:
        return w.say("age_word", w=lang.number_words[age]), age
    if form == "school_year" and age in lang.school_years:
        return w.say("age_school", s=lang.school_years[age]), age
    if form == "turning":
        return w.say("age_turning", n=age + 1), age
    if form == "birth_year":
        return w.say("age_born", y=YEAR - age), age
    return w.say("age_number", n=age), age


def _child_form(rng: random.Random, lang: Language, age: int) -> str:
    form = rng.choice(AGE_FORMS)
    if (form == "word" and age not in lang.number_words) or (form == "school_year" and age not in lang.school_years):
        return "number"
    return form


class _Builder:
    """Accumulates lines and records stated ages with their line numbers."""

    def __init__(self, conv: Suite3Conversation, writer: _Writer) -> None:
        self.conv, self.w = conv, writer

    def add(self, author: str, text: str, platform: str, recipient: str | None = None, move: str = "") -> None:
        self.conv.lines.append(Line(author, text, platform, recipient, move))

    def age(self, author: str, age: int, form: str, platform: str, recipient: str | None = None) -> None:
        text, stated = _state_age(self.w, age, form)
        self.conv.ages.setdefault(author, StatedAge(author, stated, form, len(self.conv.lines)))
        self.add(author, text, platform, recipient, move="age")

    def dilute(self, people: Sequence[str], count: int, platform: str, dm: bool = False, adult: bool = False) -> None:
        """``count`` lines of ordinary chat among ``people`` (alternating in DMs)."""
        for _ in range(count):
            author = self.w.rng.choice(people)
            recipient = next((p for p in people if p != author), None) if dm else None
            self.add(author, self.w.chatter(adult), platform, recipient)


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """``total`` filler lines spread over ``parts`` gaps, unevenly."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    return [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]


_Step = tuple[str, str]  # (who: "o" offender / "c" child, key or "AGE")


def _grooming_steps(rng: random.Random, pitch: str) -> list[list[_Step]]:
    """The offender's moves as small exchanges; the order varies a little, the stages stay recognisable."""
    opening = [[("o", pitch)], [("o", "compliment"), ("c", "child_ok")]]
    rng.shuffle(opening)
    middle = [[("o", "alone"), ("c", "alone_answer")], [("o", "secret"), ("c", "child_ok")]]
    rng.shuffle(middle)
    late = [[("o", "picture"), ("c", "child_unsure")], [("o", "meet"), ("c", rng.choice(("child_ok", "child_unsure")))]]
    rng.shuffle(late)
    return [*opening, [("o", "ask_age"), ("c", "AGE")], *middle, *late]


def _run_dm(b: _Builder, off: str, child: str, steps: list[list[_Step]], length: int, age: int, form: str) -> None:
    core = sum(len(s) for s in steps)
    gaps = _split(b.w.rng, max(0, length - core), len(steps) + 1)
    for gap, step in zip(gaps, [*steps, []], strict=True):
        b.dilute((off, child), gap, "dm", dm=True)
        for who, key in step:
            author, other = (off, child) if who == "o" else (child, off)
            if key == "AGE":
                b.age(child, age, form, "dm", off)
            elif key == "peer_claim":
                b.add(author, b.w.say(key, offender=True, n=age), "dm", other, key)
            else:
                b.add(author, b.w.say(key, offender=who == "o"), "dm", other, key)


def _grooming(conv: Suite3Conversation, b: _Builder, rng: random.Random) -> None:
    off, child = "u1", "u2"
    conv.offender, conv.children, conv.adults = off, [child], [off]
    age = rng.randint(11, 16)
    form = _child_form(rng, b.w.lang, age)
    pitch = {"dm_peer": "peer_claim", "dm_scout": "scout", "dm_coach": "coach",
             "lobby_to_dm": "coach", "comments_to_dm": "scout"}[conv.family]
    steps = _grooming_steps(rng, pitch)
    if conv.family == "dm_peer":  # asks first, then claims the same age
        body = [s for s in steps if s[0][1] not in ("ask_age", "peer_claim")]
        steps = [[("o", "ask_age"), ("c", "AGE")], [("o", "peer_claim")], *body]
        conv.offender_claimed_age = age
    if conv.family in ("lobby_to_dm", "comments_to_dm"):
        others = [f"u{i}" for i in range(3, 3 + rng.randint(1, 4))]
        conv.children.extend(others)  # other players / commenters: ages unknown
        platform = "game_lobby" if conv.family == "lobby_to_dm" else "comments"
        people = [off, child, *others]
        if platform == "comments":
            b.add(child, b.w.say("post"), platform)
        for author in others + [child]:  # everyone speaks in the public part
            key = "lobby" if platform == "game_lobby" else "comment"
            b.add(author, b.w.say(key) if author != child or platform == "game_lobby" else b.w.say("reply"),
                  platform)
        b.dilute(people, rng.randint(2, 12), platform)
        for key in ("compliment", pitch):
            b.add(off, b.w.say(key, offender=True), platform, move=key)
            b.dilute([p for p in people if p != off], rng.randint(0, 3), platform)
        b.add(off, b.w.say("ask_age", offender=True), platform, move="ask_age")
        b.age(child, age, form, platform)
        b.dilute(people, rng.randint(0, 6), platform)
        b.add(off, b.w.say("private", offender=True), platform, move="private")
        b.add(child, b.w.say("child_ok"), platform)
        rest = [s for s in steps if s[0][1] not in ("compliment", "ask_age", pitch)]
        _run_dm(b, off, child, rest, rng.randint(len(rest) * 2, 60), age, form)
        return
    if rng.random() < 0.5:
        steps.insert(rng.randint(1, 3), [("o", "private"), ("c", "child_ok")])
    _run_dm(b, off, child, steps, rng.choice((rng.randint(14, 30), rng.randint(30, 80), rng.randint(80, 150))),
            age, form)


def _sextortion(conv: Suite3Conversation, b: _Builder, rng: random.Random) -> None:
    off, child = "u1", "u2"
    conv.offender, conv.children, conv.adults = off, [child], [off]
    threat = "claim_pics" if conv.family == "sextortion_claims_pics" else "threat_chat"
    steps: list[list[_Step]] = [[("o", threat), ("c", "child_plea")], [("o", "demand")],
                                [("o", "deadline"), ("c", "child_plea")]]
    if rng.random() < 0.5:
        steps[1].append(("o", "deadline"))
        steps.pop()
    if rng.random() < 0.4:  # the child tells her age while pleading
        steps.append([("c", "AGE")])
    if conv.family == "sextortion_posts_chat" and rng.random() < 0.6:  # a friendship came first
        steps[0:0] = [[("o", "compliment"), ("c", "child_ok")], [("o", "private"), ("c", "child_ok")]]
    age = rng.randint(12, 16)
    length = rng.choice((rng.randint(5, 8), rng.randint(8, 25), rng.randint(25, 80)))
    _run_dm(b, off, child, steps, length, age, _child_form(rng, b.w.lang, age))


def _negative(conv: Suite3Conversation, b: _Builder, rng: random.Random) -> None:
    family, w = conv.family, b.w
    size = rng.randint(3, 6) if family in GROUP_FAMILIES | COMMENT_FAMILIES else 2
    people = [f"u{i}" for i in range(1, size + 1)]
    key = {"siblings": "sibling", "youth_trip": "trip", "romance_scam_adults": "romance",
           "modelling_adults": "model_adult", "true_crime": "crime", "safety_post": "psa", "teen_party": "party",
           "parents_group": "parents"}[family]
    minors = family in ("siblings", "teen_party")
    if minors:
        conv.children = list(people)
    else:
        conv.adults = list(people)
    platform = "dm" if size == 2 else ("comments" if family in COMMENT_FAMILIES else "group")
    dm = platform == "dm"
    quotes = [k for k in ("ask_age", "secret", "alone", "picture", "meet", "claim_pics", "threat_chat")]
    planned = rng.sample(w.lang.templates[key], min(len(w.lang.templates[key]), rng.randint(3, 6)))
    if platform == "comments":
        b.add(people[0], w.say("psa", quote=w.fill(rng.choice(w.lang.templates[rng.choice(quotes)]), w.lang)),
              platform, move=key)
        planned = [rng.choice(w.lang.templates["psa_comment"]) for _ in range(rng.randint(2, 6))]
    total = rng.choice((rng.randint(5, 20), rng.randint(20, 60), rng.randint(60, 150)))
    gaps = _split(rng, max(0, total - len(planned)), len(planned) + 1)
    speakers = people if platform != "comments" else people[1:]
    if not dm:  # everyone in a group or thread says something, so the shape is really a group
        for person in speakers:
            b.add(person, w.chatter(adult=not minors), platform)
    stated = 0
    for gap, template in zip(gaps, [*planned, ""], strict=True):
        b.dilute(people, gap, platform, dm=dm, adult=not minors)
        if not template:
            break
        author = rng.choice(speakers)
        recipient = next((p for p in people if p != author), None) if dm else None
        quote = w.fill(rng.choice(w.lang.templates[rng.choice(quotes)]), w.lang)
        b.add(author, w.noise(w.fill(template, w.lang, quote=quote), w.lang), platform, recipient, key)
        if family == "true_crime":
            b.add(rng.choice(people), w.say("crime_reply"), platform, move=key)
        if stated < 2 and rng.random() < 0.5 and family != "true_crime":  # someone states an age
            speaker = rng.choice([p for p in people if p not in conv.ages])
            age = rng.randint(13, 17) if minors else rng.randint(19, 58)
            form = _child_form(rng, w.lang, age) if minors else rng.choice(("number", "number", "birth_year"))
            b.age(speaker, age, form, platform, recipient)
            stated += 1


_BUILDERS: dict[str, Callable[[Suite3Conversation, _Builder, random.Random], None]] = {
    **{f: (_grooming if k == "grooming" else _sextortion) for f, k in POSITIVE_FAMILIES.items()},
    **dict.fromkeys(NEGATIVE_FAMILIES, _negative),
}


def build_conversation(seed: int, language: str, family: str, index: int) -> Suite3Conversation:
    if language not in LANGUAGES:
        raise ConfigError(f"unknown suites3 language {language!r} (known: {', '.join(LANGUAGES)})")
    if family not in FAMILIES:
        raise ConfigError(f"unknown suites3 family {family!r}")
    rng = random.Random(f"childsafe-suites3:{seed}:{language}:{family}:{index}")
    lang = load_language(language)
    kind = POSITIVE_FAMILIES.get(family, "negative")
    offender_lang = lang
    if kind != "negative" and rng.random() < 1 / 3:  # code-switching offender
        offender_lang = load_language(lang.neighbour)
    conv = Suite3Conversation(f"s3-{seed}-{language}-{family}-{index:03d}", language, family, kind)
    if kind != "negative":
        conv.offender_language = offender_lang.code
    _BUILDERS[family](conv, _Builder(conv, _Writer(rng, lang, offender_lang)), rng)
    return conv


def generate_conversations(seed: int, languages: Sequence[str] = LANGUAGES,
                           per_family: int = DEFAULT_PER_FAMILY) -> list[Suite3Conversation]:
    if per_family < 1:
        raise ConfigError("per_family must be at least 1")
    return [build_conversation(seed, language, family, index)
            for language in languages for family in FAMILIES for index in range(per_family)]


def generate_suite(out_dir: str | Path, seed: int, languages: Sequence[str] = LANGUAGES,
                   per_family: int = DEFAULT_PER_FAMILY) -> Suite3Summary:
    """Write ``conversations.jsonl`` (chat JSONL) and ``labels.jsonl`` (one object per conversation)."""
    conversations = generate_conversations(seed, languages, per_family)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    messages = 0
    with (out / "conversations.jsonl").open("w", encoding="utf-8") as chat, \
            (out / "labels.jsonl").open("w", encoding="utf-8") as labels:
        for conv in conversations:
            rng = random.Random(f"childsafe-suites3-time:{conv.conversation_id}")
            moment = _START + timedelta(days=rng.randint(0, 250), hours=rng.randint(7, 22))
            for line in conv.lines:
                moment += timedelta(seconds=rng.randint(2, 900))
                record = {"conversation_id": conv.conversation_id, "author": line.author, "text": line.text,
                          "timestamp": moment.isoformat(), "recipient": line.recipient, "platform": line.platform}
                chat.write(json.dumps(record, ensure_ascii=False) + "\n")
                messages += 1
            labels.write(json.dumps(conv.label(), ensure_ascii=False) + "\n")
    return Suite3Summary(out, seed, len(conversations), messages,
                         dict(Counter(c.family for c in conversations)),
                         dict(Counter(c.language for c in conversations)))
