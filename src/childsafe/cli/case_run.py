"""``childsafe case run`` and ``childsafe case report``: one run over everything added, one report.

The commands are added to the ``case`` group (``cli/case.py``: ``new``, ``add``, ``list``, ``delete``)
by :func:`register`, called where the command is assembled (``cli/main.py``).
"""

from __future__ import annotations

import os
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from childsafe.cli.output import say, write_json
from childsafe.cli.user import cli_actor
from childsafe.config import Settings
from childsafe.errors import ConfigError
from childsafe.findings import Scalar

if TYPE_CHECKING:
    from childsafe.case.run import RunInput
    from childsafe.cli.context import AppContext
    from childsafe.services import Services

__all__ = ["register", "report_command", "run_command"]

#: Settings never written into a report: where the store is (a URL may carry a password) and key files.
_PRIVATE_SETTINGS = ("db", "audit_key_file", "home", "spool_dir", "audit_checkpoint_file", "trusted_proxies")


def run_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The case (see 'childsafe case list').")],
    workers: Annotated[int | None, typer.Option(min=1, help="Hashing processes (default: up to 2).")] = None,
    faces: Annotated[bool, typer.Option(help="Detect and describe faces in the media walk.")] = True,
    triage: Annotated[bool, typer.Option(help="Triage unknown media (classifiers) in the media walk.")] = True,
    dihedral: Annotated[bool, typer.Option("--dihedral", help="Also match rotations and flips of photos.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Run every stage again, changed or not.")] = False,
) -> None:
    """Run every analyser over what was added: hash and match, faces, triage, conversations, the network.

    Resumable: a stage that finished is skipped unless its inputs changed, and an interrupted walk
    resumes item by item.  A line per stage on stderr (time, counts, errors); the last stdout line is
    the run's JSON summary (per-item errors included).
    """
    from childsafe.case.run import CaseRunOptions, run_case

    opened, inputs = _open(ctx.obj, name)
    options = CaseRunOptions(workers=workers or min(2, os.cpu_count() or 1), faces=faces, triage=triage,
                             dihedral=dihedral, force=force)
    summary = run_case(opened, name, inputs, options)
    for stage in summary.stages:
        state = "skipped (unchanged)" if stage.skipped else f"{stage.seconds:.1f} s"
        say(f"case run: {stage.stage:13} {state:20} {stage.items} items, {stage.errors} errors"
            + (f"; {stage.note}" if stage.note else ""))
    record = summary.to_record()
    opened.service_store().append_audit(None, cli_actor(), "case.run", name, {
        k: record[k] for k in ("inputs", "findings", "errors", "interrupted", "seconds")})
    write_json(record)
    if summary.interrupted:
        say("case run: interrupted; what was finished is saved and the same command resumes")
        raise typer.Exit(130)


def report_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The case.")],
    out: Annotated[Path, typer.Option("--out", file_okay=False, help="Folder to write the report into.")],
) -> None:
    """Write report.html, report.pdf, findings.jsonl and custody.jsonl; the hashes go in the case's audit log."""
    from childsafe.case.report import record_report, write_report
    from childsafe.case.report_input import build_report_input

    opened, inputs = _open(ctx.obj, name)
    added = {str(i.path): i.added for i in inputs if i.added is not None}
    data = build_report_input(opened, name, inputs, report_settings(ctx.obj.settings), added)
    paths = write_report(data, out)
    entry = record_report(opened.service_store(), name, paths, cli_actor())
    say(f"case report: {paths.findings_count} findings; {paths.html} (and report.pdf, findings.jsonl, "
        f"custody.jsonl); SHA-256 recorded in the case's audit log (entry {entry.id})")
    write_json({"case": name, **paths.to_record(), "audit_id": entry.id})


def report_settings(settings: Settings) -> dict[str, Scalar]:
    """The settings a report shows: every plain value but where the store and the keys are."""
    out: dict[str, Scalar] = {}
    for f in fields(settings):
        value = getattr(settings, f.name)
        if f.name not in _PRIVATE_SETTINGS and isinstance(value, str | int | float | bool):
            out[f.name] = value
    return out


def _open(app_ctx: AppContext, name: str) -> tuple[Services, list[RunInput]]:
    """The case's services (closed with the command's context) and what was added to it."""
    from childsafe.case.intake import CaseInputs
    from childsafe.case.run import RunInput

    app_ctx.use_case(name)
    opened = app_ctx.services
    inputs = [RunInput(Path(i.path), i.banks, i.kind, i.added_at) for i in CaseInputs(opened.service_store()).list()]
    if not inputs:
        raise ConfigError(f"case {name!r} has nothing added yet: childsafe case add {name} PATH...")
    return opened, inputs


def register(group: typer.Typer) -> None:
    """Add ``run`` and ``report`` to the ``case`` command group."""
    group.command("run")(run_command)
    group.command("report")(report_command)

