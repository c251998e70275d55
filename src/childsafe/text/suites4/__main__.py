"""``python -m childsafe.text.suites4 --out DIR --seed N [--per-family K]``: write the fourth suite."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from childsafe.errors import ChildsafeError, exit_code_for
from childsafe.text.suites4 import DEFAULT_PER_FAMILY, DEV_SEEDS, FROZEN_SEEDS, write_suite


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m childsafe.text.suites4",
        description=f"Write the fourth synthetic suite. Frozen test seeds: {FROZEN_SEEDS} (run once, never tune "
                    f"on them); development seeds: {DEV_SEEDS}.")
    parser.add_argument("--out", type=Path, required=True, help="folder for conversations.jsonl and labels.jsonl")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--per-family", type=int, default=DEFAULT_PER_FAMILY,
                        help=f"conversations per family and language (default {DEFAULT_PER_FAMILY})")
    args = parser.parse_args(argv)
    try:
        counts = write_suite(args.out, args.seed, args.per_family)
    except ChildsafeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return exit_code_for(exc)
    print(f"suites4 seed {args.seed}: {counts['conversations']} conversations ({counts['grooming']} grooming, "
          f"{counts['sextortion']} sextortion, {counts['negative']} negative), {counts['messages']} messages "
          f"-> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
