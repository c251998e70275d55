"""``childsafe audit``: read and verify the hash-chained audit log."""

from __future__ import annotations

from typing import Annotated

import typer

from childsafe.cli.context import AppContext
from childsafe.cli.output import say, write_json
from childsafe.errors import AuditIntegrityError
from childsafe.store.service import ServiceStore

app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


@app.command("verify")
def verify(ctx: typer.Context) -> None:
    """Recompute the hash chain: prints 'ok', or exits 6 naming the first bad entry.

    Keep the head hash printed on stderr somewhere outside this database: comparing it later also
    catches a log rewritten from scratch, which no check inside the database can.
    """
    app_ctx: AppContext = ctx.obj
    report = ServiceStore(app_ctx.store).verify_audit()
    if not report.ok:
        raise AuditIntegrityError(f"audit log broken at entry {report.first_bad}: {report.problem}",
                                  report.first_bad)
    print("ok", flush=True)
    say(f"audit verify: {report.entries} entries, head {report.head}")


@app.command("list")
def list_entries(
    ctx: typer.Context,
    after: Annotated[int, typer.Option(help="Only entries with a larger id.")] = 0,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 100,
) -> None:
    """Audit entries as JSON lines, oldest first."""
    app_ctx: AppContext = ctx.obj
    for entry in ServiceStore(app_ctx.store).audit_entries(after, limit):
        write_json(entry.to_record())
