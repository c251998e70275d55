"""Machine output is JSON Lines on stdout; humans get messages on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

__all__ = ["write_json", "say"]


def write_json(obj: Any, stream: TextIO | None = None) -> None:
    out = stream or sys.stdout
    out.write(json.dumps(obj, ensure_ascii=False) + "\n")
    out.flush()


def say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()
