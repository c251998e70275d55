"""Command-line interface (``childsafe``): :data:`childsafe.cli.main.app` (Typer) and
:func:`childsafe.cli.main.run`, the console script.  Each command group lives in its own module and
registers itself on ``app`` when imported."""

__all__ = ["main"]
