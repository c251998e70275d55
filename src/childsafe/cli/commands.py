"""Top-level commands: hash, match, scan, demo."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from childsafe.cli.case import CaseOption
from childsafe.cli.context import AppContext
from childsafe.cli.main import app
from childsafe.cli.output import missing_paths_message, write_json
from childsafe.errors import ConfigError
from childsafe.media.archives import ArchiveLimits
from childsafe.media.hashing import HashOptions, hash_file
from childsafe.scan import ScanOptions, run_scan


def _hash_options(ctx: AppContext, dihedral: bool = False) -> HashOptions:
    return ctx.services.hash_options(dihedral=dihedral)


@app.command("hash")
def hash_command(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="Files to hash.")],
    dihedral: Annotated[bool, typer.Option(help="Also print the 8 rotated/flipped PDQ hashes.")] = False,
) -> None:
    """Hash files: one JSON object per line (md5, sha1, sha256, pdq or vpdq, error).

    Every file gets its line (a file that could not be hashed carries ``error``); then a missing
    path (or one that is not a file) exits 2, as the README's table says.
    """
    options = _hash_options(ctx.obj, dihedral)
    missing: list[Path] = []
    for path in files:
        write_json(hash_file(path, options).to_record())
        if not path.is_file():
            missing.append(path)
    if missing:
        raise ConfigError(missing_paths_message(missing))


@app.command("match")
def match_command(
    ctx: typer.Context,
    signal_type: Annotated[str, typer.Argument(help="pdq, md5, sha1, sha256, video_md5 or vpdq.")],
    signal: Annotated[str, typer.Argument(help="The hash to look up.")],
    bank: Annotated[list[str] | None, typer.Option("--bank", help="Only these banks (repeatable).")] = None,
) -> None:
    """Look one signal up in the enabled banks: {"matches": [...]}."""
    matcher = ctx.obj.matcher(bank or None)
    write_json(matcher.match_signal(signal_type, signal).to_record())


@app.command("scan")
def scan_command(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(exists=True, help="Folder, file or archive to scan.")],
    bank: Annotated[list[str] | None, typer.Option("--bank", help="Only these banks (repeatable).")] = None,
    report: Annotated[Path | None, typer.Option(help="Write the JSON Lines report here.")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Hashing processes (default: all cores).")] = None,
    dihedral: Annotated[bool, typer.Option(help="Also match rotations and flips of photos.")] = False,
    resume: Annotated[bool, typer.Option(help="Skip items a previous run already finished.")] = True,
    case: CaseOption = None,
) -> None:
    """Hash everything under PATH (folders, zip/tar archives), match, report and store.

    Exits 0 when only individual items failed (they are in the report); the last line on
    stdout is a JSON summary.
    """
    ctx.obj.use_case(case)
    app_ctx: AppContext = ctx.obj
    settings = app_ctx.settings
    n_workers = workers or settings.effective_workers
    matcher = app_ctx.matcher(bank or None)
    limits = ArchiveLimits.from_settings(settings)
    options = ScanOptions(workers=n_workers, hash_options=_hash_options(app_ctx, dihedral),
                          archive_limits=limits, resume=resume)
    out = open(report, "w", encoding="utf-8") if report else None  # noqa: SIM115
    try:
        summary = run_scan(path, app_ctx.store, matcher, options,
                           lambda rec: write_json(rec, out))
    finally:
        if out is not None:
            out.close()
    write_json(summary.to_record())
    if summary.interrupted:
        raise typer.Exit(130)


@app.command("demo")
def demo_command(
    ctx: typer.Context,
    workers: Annotated[int | None, typer.Option(min=1, help="Hashing processes.")] = None,
    out: Annotated[Path | None, typer.Option(
        "--out", file_okay=False, help="Where to write the sample case's report (default: demo-report in the home).")
    ] = None,
) -> None:
    """Run a whole sample case shipped with the package (media, chats, account events), write its report
    and say what it found."""
    from childsafe.cli.demo import run_demo

    run_demo(ctx.obj, workers or min(2, os.cpu_count() or 1), sys.stdout, out)


from childsafe.cli import triage as _triage  # noqa: E402,F401
