"""``childsafe case``: cases, each its own evidence store (:mod:`childsafe.case.registry`).

``case new``, ``case add``, ``case list`` and ``case delete`` live here; ``case run`` and ``case
report`` register onto :data:`case_app` from :mod:`childsafe.cli.case_run`.  Every change is audited:
creating and deleting a case in the main audit log, adding inputs in the case's own.  Commands that
make records take ``--case NAME`` (:data:`CaseOption`) and call :meth:`AppContext.use_case`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from childsafe.case.intake import CaseInputs
from childsafe.case.registry import count_records
from childsafe.cli.context import AppContext
from childsafe.cli.output import say, write_json
from childsafe.cli.user import cli_actor
from childsafe.errors import ConfigError

__all__ = ["CaseOption", "case_app"]

case_app = typer.Typer(help="Cases: one investigation's evidence in its own store, deleted as one.",
                       no_args_is_help=True)

#: ``--case NAME`` on the commands that make or read records (scan, triage, faces, text, graph, review).
CaseOption = Annotated[str | None, typer.Option(
    "--case", help="Write to and read from this case's store (see 'childsafe case list'); default: the main store.")]


@case_app.command("new")
def new_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The case's name (no '/', no control characters, 1-100 characters).")],
    note: Annotated[str | None, typer.Option(help="A free-text note kept with the case.")] = None,
) -> None:
    """Create an empty case with its own store (audited)."""
    app_ctx: AppContext = ctx.obj
    write_json(app_ctx.house.cases().create(name, cli_actor(), note).to_record())


@case_app.command("add")
def add_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The case.")],
    paths: Annotated[list[Path], typer.Argument(help="Folders, archives and files to add.")],
    bank: Annotated[list[str] | None, typer.Option("--bank", help="Match only against these banks (repeatable).")]
    = None,
    kind: Annotated[str | None, typer.Option(help="Force what the paths are (default: recognised at run time).")]
    = None,
) -> None:
    """Add evidence to a case: {"added": [...], "already": [...], "errors": [...]}.

    A path the case already has is listed under "already", not added twice; a path that does not
    exist is an error for that path only (the others are added), and then the command exits 2.
    """
    app_ctx: AppContext = ctx.obj
    banks = list(bank or [])
    for b in banks:  # a typo in a bank name must not wait for the run to fail
        app_ctx.house.store.get_bank(b)
    app_ctx.use_case(name)
    report = CaseInputs(app_ctx.services.service_store()).add(paths, banks, cli_actor(), kind=kind)
    write_json({"case": name, **report.to_record()})
    if report.errors:
        raise ConfigError(f"{len(report.errors)} path(s) could not be added: " +
                          "; ".join(f"{e['path']}: {e['error']}" for e in report.errors[:5]))


@case_app.command("list")
def list_command(ctx: typer.Context) -> None:
    """Every case (default first), one JSON object per line, with its records' counts and inputs."""
    app_ctx: AppContext = ctx.obj
    registry = app_ctx.house.cases()
    for case in registry.list():
        opened = registry.open(case.name)
        try:
            counts = count_records(opened.store)
            inputs = len(CaseInputs(opened.service_store()).list())
        finally:
            opened.close()
        write_json({**case.to_record(), "counts": counts, "inputs": inputs})


@case_app.command("delete")
def delete_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The case to delete with all its records.")],
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask (needed when not in a terminal).")] = False,
) -> None:
    """Delete a case and every record in it (retention); audited with the counts; banks untouched."""
    app_ctx: AppContext = ctx.obj
    registry = app_ctx.house.cases()
    case = registry.get(name)  # unknown: exit 3 before asking anything
    if not yes:
        if not sys.stdin.isatty():
            raise ConfigError("case delete removes every record of the case: pass --yes to confirm")
        counts = registry.counts(case.name)
        say(f"case {case.name!r}: {sum(counts.values())} records ({', '.join(f'{k} {v}' for k, v in counts.items())})")
        if not typer.confirm("Delete them for good?", default=False):
            raise typer.Exit(1)
    write_json(registry.delete(case.name, cli_actor()).to_record())
