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
    """What to say about missing paths ("no such file: a.jpg"), with a hint for an unexpanded pattern."""
    shown = ", ".join(str(p) for p in paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
    message = f"no such file: {shown}"
    if any(set(str(p)) & set("*?[") for p in paths):
        message += " (a shell pattern that matched no file is passed on unexpanded)"
    return message
