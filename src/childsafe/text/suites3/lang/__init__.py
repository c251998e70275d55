"""The nine suites3 languages, one module each, loaded by code."""

from __future__ import annotations

import importlib
from functools import cache

from childsafe.errors import ConfigError
from childsafe.text.suites3.language import Language

__all__ = ["LANGUAGES", "load_language"]

LANGUAGES: tuple[str, ...] = ("en", "es", "pt", "de", "fr", "sv", "nl", "it", "pl")


@cache
def load_language(code: str) -> Language:
    if code not in LANGUAGES:
        raise ConfigError(f"unknown suites3 language {code!r} (known: {', '.join(LANGUAGES)})")
    language: Language = importlib.import_module(f"childsafe.text.suites3.lang.{code}").LANGUAGE
    return language
