"""The suite's nine languages, one module each: a bank text block (``BANK``) and ``school_year(age, rng)``."""

from __future__ import annotations

import importlib
from functools import cache

from childsafe.text.suites4.bank import Lang, parse_bank

__all__ = ["LANGUAGES", "load_language"]

LANGUAGES = ("en", "es", "pt", "de", "fr", "sv", "nl", "it", "pl")


@cache
def load_language(code: str) -> Lang:
    module = importlib.import_module(f"childsafe.text.suites4.lang.{code}")
    return Lang(code, parse_bank(module.BANK), module.school_year)
