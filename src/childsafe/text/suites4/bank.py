"""A language of the fourth suite: its phrase bank (data), how a school year is said, and its number words.

Each language module under :mod:`childsafe.text.suites4.lang` holds one text block, one slot a line::

    g_alone: r u home alone rn? | who's home atm | parents asleep yet?

Variants are separated by ``|``; ``{name}``-style fields are filled from the bank's own ``_lists`` (lines whose
key starts with ``_``) or from values the script passes (``{n}``, ``{w}``, ``{y}``, ``{s}``, ``{sex}``).
``_numbers`` maps 10..17 to words (``11=once, 12=doce``).  Every language has every slot English has (a test
checks it), so a family script can be written once and played in any language.
"""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from childsafe.errors import ConfigError

__all__ = ["Lang", "parse_bank", "REFERENCE_YEAR"]

#: Birth years are stated against this year ("im a 2012 kid" means 2026 - 2012 = 14).
REFERENCE_YEAR = 2026

_LINE = re.compile(r"^([a-z_][a-z0-9_]*)\s*:\s*(.*)$")


def parse_bank(text: str) -> dict[str, tuple[str, ...]]:
    """Slots of a bank text block; a line that does not start a slot continues the previous one."""
    bank: dict[str, list[str]] = {}
    key = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match:
            key = match.group(1)
            if key in bank:
                raise ConfigError(f"suites4 bank: slot {key!r} twice")
            bank[key] = []
            rest = match.group(2)
        elif key:
            rest = line
        else:
            raise ConfigError(f"suites4 bank: text before the first slot: {line[:40]!r}")
        bank[key].extend(v.strip() for v in rest.split("|") if v.strip())
    return {k: tuple(v) for k, v in bank.items()}


def _numbers(variants: tuple[str, ...]) -> dict[int, tuple[str, ...]]:
    words: dict[int, list[str]] = {}
    for item in variants:
        for pair in item.split(","):
            if pair.strip():
                n, _, word = pair.partition("=")
                words.setdefault(int(n), []).append(word.strip())
    return {n: tuple(w) for n, w in words.items()}


@dataclass(frozen=True)
class Lang:
    """One language of the suite: slots, lists, number words and a school-year renderer."""

    code: str
    slots: Mapping[str, tuple[str, ...]]
    school_year: Callable[[int, random.Random], str | None]  # the school year a child of that age is in

    @property
    def numbers(self) -> dict[int, tuple[str, ...]]:
        return _numbers(self.slots.get("_numbers", ()))

    def fields(self, template: str) -> list[str]:
        return [f for _, f, _, _ in string.Formatter().parse(template) if f]

    def pick(self, rng: random.Random, slot: str) -> str:
        try:
            return rng.choice(self.slots[slot])
        except KeyError:
            raise ConfigError(f"suites4 language {self.code!r} has no slot {slot!r}") from None

    def render(self, rng: random.Random, slot: str, values: Mapping[str, str] | None = None) -> str:
        """A variant of ``slot`` with its fields filled: from ``values`` first, else from the ``_field`` list."""
        template = self.pick(rng, slot)
        filled: dict[str, str] = {}
        for field in self.fields(template):
            if values and field in values:
                filled[field] = values[field]
            else:
                filled[field] = self.render(rng, "_" + field, values)
        return template.format(**filled)
