"""``python -m childsafe.text.suites3 --out DIR --seed N [--languages ...] [--per-family K]``."""

from __future__ import annotations

from collections.abc import Sequence

from childsafe.text.suite_cli import generator_main
from childsafe.text.suites3.generator import DEFAULT_PER_FAMILY, LANGUAGES, generate_suite


def main(argv: Sequence[str] | None = None) -> int:
    return generator_main(
        argv, module="childsafe.text.suites3",
        description=(
            "Write the third, independent synthetic chat suite (conversations.jsonl, labels.jsonl)."),
        seed_help=(
            "301 and 302 are the frozen evaluation seeds"),
        languages=LANGUAGES, default_per_family=DEFAULT_PER_FAMILY, generate=generate_suite)


if __name__ == "__main__":
    raise SystemExit(main())
