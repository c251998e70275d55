"""``python -m childsafe.text.suites3 --out DIR --seed N [--languages ...] [--per-family K]``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from childsafe.errors import ChildsafeError
from childsafe.text.suites3.generator import DEFAULT_PER_FAMILY, LANGUAGES, generate_suite


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m childsafe.text.suites3",
        description="Write the third, independent synthetic chat suite (conversations.jsonl, labels.jsonl).",
    )
    parser.add_argument("--out", required=True, help="output folder (created if missing)")
    parser.add_argument("--seed", type=int, required=True, help="301 and 302 are the frozen evaluation seeds")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES), metavar="CODE",
                        help=f"language codes (default: all of {' '.join(LANGUAGES)})")
    parser.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY,
                        help=f"conversations per language and family (default {DEFAULT_PER_FAMILY})")
    args = parser.parse_args(argv)
    try:
        summary = generate_suite(args.out, args.seed, languages=args.languages, per_family=args.per_family)
    except ChildsafeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {summary.conversations} conversations ({summary.messages} messages) to {summary.out_dir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
