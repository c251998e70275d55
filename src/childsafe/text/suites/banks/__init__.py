"""Phrase banks for the synthetic suites, one module per language, written natively.

They are kept apart from the indicator packs (``text/data/packs``) and phrased in other words on
purpose: a suite built from the packs' own patterns would only measure that a regex matches itself.
"""

from __future__ import annotations

from childsafe.text.suites.banks import de, en, es, fr, it, nl, pl, pt, sv
from childsafe.text.suites.banks._bank import REQUIRED_SLOTS, Bank

__all__ = ["BANKS", "Bank", "REQUIRED_SLOTS"]

BANKS: dict[str, Bank] = {m.BANK.language: m.BANK for m in (en, es, pt, de, fr, sv, nl, it, pl)}
