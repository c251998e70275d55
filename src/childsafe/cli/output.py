"""Machine output is JSON Lines on stdout; humans get messages on stderr."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console
from rich.file_proxy import FileProxy
from rich.text import Text

__all__ = ["missing_paths_message", "say", "write_json"]


def write_json(obj: Any, stream: TextIO | None = None) -> None:
    """One JSON object on one line, never wrapped, whatever a progress display is doing."""
    line = json.dumps(obj, ensure_ascii=False)
    out = stream or sys.stdout
    if isinstance(out, FileProxy):
        _write_past_display(out, line)
        return
    out.write(line + "\n")
    out.flush()


def _write_past_display(proxy: FileProxy, line: str) -> None:
    """Write ``line`` while a Rich progress display (on stderr) has taken over ``sys.stdout``.

    Rich's stand-in prints what it is given through the display's console, which hard-wraps at the
    terminal's width (80 columns by default) and writes to stderr: a report piped to a file would
    lose its lines.  When stdout is not a terminal, the line goes straight to it; when it is (the
    display's terminal), it goes through the display's console with soft wrapping, so the terminal
    may fold it visually but no newline is inserted and the display stays intact.
    """
    real = proxy.rich_proxied_file
    # Rich keeps the display's console private to its stand-in; without it, write directly.
    console = getattr(proxy, "_FileProxy__console", None)
    if not real.isatty() or not isinstance(console, Console):
        real.write(line + "\n")
        real.flush()
        return
    console.print(Text(line), soft_wrap=True)


def say(message: str) -> None:
    sys.stderr.write(message + "\n")
    sys.stderr.flush()


def missing_paths_message(paths: list[Path]) -> str:
    """What to say about paths that are not files ("no such file: a.jpg"), with a hint for a pattern."""

    def listed(group: list[Path]) -> str:
        more = f" and {len(group) - 5} more" if len(group) > 5 else ""
        return ", ".join(str(p) for p in group[:5]) + more

    absent = [p for p in paths if not p.exists()]
    others = [p for p in paths if p.exists()]
    parts = [f"{what}: {listed(group)}" for what, group in (("no such file", absent), ("not a file", others))
             if group]
    message = "; ".join(parts)
    if any(set(str(p)) & set("*?[") for p in absent):
        message += " (a shell pattern that matched no file is passed on unexpanded)"
    return message
