"""The one command line of the synthetic suite generators (``python -m childsafe.text.suites*``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from childsafe.errors import ChildsafeError

__all__ = ["SuiteSummaryLike", "generator_main"]


class SuiteSummaryLike(Protocol):
    @property
    def conversations(self) -> int: ...
    @property
    def messages(self) -> int: ...
    @property
    def out_dir(self) -> Path: ...


def generator_main(argv: Sequence[str] | None, *, module: str, description: str, seed_help: str,
                   languages: Sequence[str], default_per_family: int, generate: Callable[..., SuiteSummaryLike],
                   extra: Callable[[argparse.ArgumentParser], None] | None = None,
                   extra_kwargs: Callable[[argparse.Namespace], dict[str, Any]] | None = None) -> int:
    """Parse ``--out --seed --languages --per-family`` (plus a generator's own options) and write the suite."""
    parser = argparse.ArgumentParser(prog=f"python -m {module}", description=description)
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--seed", type=int, required=True, help=seed_help)
    if extra is not None:
        extra(parser)
    parser.add_argument("--languages", nargs="+", default=list(languages), metavar="CODE",
                        help=f"language codes (default: all of {' '.join(languages)})")
    parser.add_argument("--per-family", type=int, default=default_per_family,
                        help=f"conversations per language and family (default {default_per_family})")
    args = parser.parse_args(argv)
    kwargs = extra_kwargs(args) if extra_kwargs is not None else {}
    try:
        summary = generate(args.out, args.seed, languages=args.languages, per_family=args.per_family, **kwargs)
    except ChildsafeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {summary.conversations} conversations ({summary.messages} messages) to {summary.out_dir}")
    return 0
