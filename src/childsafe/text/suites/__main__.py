"""``python -m childsafe.text.suites --out DIR --seed N [--generator A|B|both] [--languages ...]``."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from childsafe.text.suite_cli import generator_main
from childsafe.text.suites.generator import DEFAULT_PER_FAMILY, LANGUAGES, generate_suite


def _generator_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--generator", default="both", choices=("A", "B", "both"),
                        help="A: stage-ordered templates; B: other phrasings, free order, noise; both: alternate")


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, module="childsafe.text.suites",
        description="Write a synthetic, labelled chat suite (conversations.jsonl, labels.jsonl).",
        seed_help="1 = tuning; 101 and 102 are frozen for evaluation", languages=LANGUAGES,
        default_per_family=DEFAULT_PER_FAMILY, generate=generate_suite, extra=_generator_option,
        extra_kwargs=lambda args: {"generator": args.generator})


if __name__ == "__main__":
    raise SystemExit(main())
