"""One conversation being written: its people, its lines, its clock, and what the label must say."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from childsafe.text.suites4.bank import REFERENCE_YEAR, Lang
from childsafe.text.suites4.noise import Style, apply_style, random_style

__all__ = ["Person", "Script", "AGE_FORMS"]

#: How a child may state an age (``none``: never states it).
AGE_FORMS = ("bare", "sentence", "word", "asl", "birth_year", "school_year", "plea")


@dataclass
class Person:
    handle: str
    role: str  # "offender", "child" or "adult"
    age: int | None  # true age; for a child, the age a statement would give
    style: Style
    switch: float = 0.0  # chance a line is written in English instead (code-switching)
    stated_age: int | None = None
    age_form: str | None = None
    sex: str = "f"


@dataclass
class Script:
    rng: random.Random
    lang: Lang
    english: Lang
    people: list[Person] = field(default_factory=list)
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # author, text, timestamp
    clock: datetime = field(default_factory=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    written: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.clock = datetime(2026, 1, 5, tzinfo=UTC) + timedelta(
            days=self.rng.randrange(300), hours=self.rng.randrange(24), minutes=self.rng.randrange(60))

    # ------------------------------------------------------------------ people

    def person(self, role: str, age: int | None, young: bool | None = None, sex: str | None = None) -> Person:
        young = young if young is not None else (age is not None and age < 18)
        taken = {p.handle for p in self.people}
        while True:
            handle = self._handle()
            if handle not in taken:
                break
        person = Person(handle, role, age, random_style(self.rng, young), sex=sex or self.rng.choice("fm"))
        self.people.append(person)
        return person

    def _handle(self) -> str:
        name = self.lang.pick(self.rng, "_name").lower()
        shape = self.rng.randrange(6)
        if shape == 0:
            return name
        if shape == 1:
            return f"{name}_{self.rng.randrange(100, 999)}"
        if shape == 2:
            return f"{name}.{self.lang.pick(self.rng, '_nick').lower()}"
        if shape == 3:
            return f"x{name}x"
        if shape == 4:
            return f"{self.lang.pick(self.rng, '_nick').lower()}{self.rng.randrange(100, 999)}"
        return f"{name}{self.rng.choice(('', '_', '.'))}{self.rng.choice(('official', 'xo', 'real', 'gg', 'ttv'))}"

    # ------------------------------------------------------------------ lines

    def _tick(self) -> str:
        self.clock += timedelta(seconds=self.rng.randint(8, 240))
        return self.clock.isoformat().replace("+00:00", "Z")

    def pause(self, hours_low: float, hours_high: float) -> None:
        """Hours or days pass; after them the everyday questions may come back ("what r u doing")."""
        self.clock += timedelta(hours=self.rng.uniform(hours_low, hours_high))
        self.written -= set(self.lang.slots["o_q"]) | set(self.english.slots["o_q"])

    def say(self, who: Person, slot: str, values: dict[str, str] | None = None) -> None:
        """``who`` writes a variant of ``slot``; a code-switching writer may write it in English."""
        lang = self.lang
        if lang.code != "en" and who.switch and self.rng.random() < who.switch and slot in self.english.slots:
            lang = self.english
        text = lang.render(self.rng, slot, values)
        for _ in range(6):  # a line already written in this conversation is drawn again
            if text not in self.written:
                break
            text = lang.render(self.rng, slot, values)
        self.written.add(text)
        if who.switch and self.rng.random() < who.switch / 2 and lang is self.lang:
            text = f"{text} {self.english.pick(self.rng, '_tag')}"  # an English tag inside a native line
        self._add(who, text, keeps_age=False)

    def chat(self, a: Person, b: Person, low: int, high: int) -> None:
        """Ordinary chat: ``a`` asks or says something from ``o_q``, ``b`` answers with the matching ``o_r``."""
        lang = self.english if a.switch and self.rng.random() < a.switch else self.lang
        questions, answers = lang.slots["o_q"], lang.slots["o_r"]
        indexes = [i for i in range(min(len(questions), len(answers))) if questions[i] not in self.written]
        self.rng.shuffle(indexes)
        for n, i in enumerate(indexes[:self.rng.randint(low, high)]):
            first, second = (a, b) if n % 2 == 0 else (b, a)
            self.written.add(questions[i])
            self._add(first, questions[i], keeps_age=False)
            if self.rng.random() < 0.9:
                self._add(second, answers[i], keeps_age=False)

    def _add(self, who: Person, text: str, keeps_age: bool) -> None:
        laughs = self.lang.slots.get("_laugh", ())
        self.lines.append((who.handle, apply_style(self.rng, who.style, text, laughs, keeps_age), self._tick()))

    def state_age(self, who: Person, form: str) -> None:
        """``who`` states their age in ``form`` (in the conversation's language), recorded for the label."""
        assert who.age is not None
        age = who.age
        values = {"n": str(age), "sex": self.lang.pick(self.rng, f"_sex_{who.sex}")}
        if form == "word":
            words = self.lang.numbers.get(age)
            if not words:
                form = "sentence"
            else:
                values["w"] = self.rng.choice(words)
        if form == "birth_year":
            values["y"] = str(REFERENCE_YEAR - age)
        if form == "school_year":
            school = self.lang.school_year(age, self.rng)
            if school is None:
                form = "sentence"
            else:
                values["s"] = school
        text = self.lang.render(self.rng, f"age_{form}", values)
        self._add(who, text, keeps_age=True)
        who.stated_age, who.age_form = age, form

    def claim_age(self, who: Person, slot: str, claimed: int) -> None:
        """An adult claiming to be younger (peer-posing); not a statement the label records."""
        self._add(who, self.lang.render(self.rng, slot, {"n": str(claimed)}), keeps_age=True)
