"""``childsafe audit``: read, verify and checkpoint the MACed, hash-chained audit log."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from childsafe.cli.case import CaseOption
from childsafe.cli.context import AppContext
from childsafe.cli.output import say, write_json
from childsafe.errors import AuditIntegrityError
from childsafe.store.audit_checkpoints import CheckpointFile
from childsafe.store.service import ServiceStore

app = typer.Typer(help="The tamper-evident audit log.", no_args_is_help=True)


@app.command("verify")
def verify(
    ctx: typer.Context,
    against: Annotated[Path | None, typer.Option(
        help="Checkpoint file to compare with (default: the audit_checkpoint_file setting).")] = None,
    checkpoint: Annotated[bool, typer.Option(
        "--checkpoint", help="When the log verifies, append a checkpoint of it (for a cron job).")] = False,
    case: CaseOption = None,
) -> None:
    """Check every entry's MAC and the chain, and the log against the last checkpoint (a case's own with --case).

    Prints 'ok', or exits 6 naming the first bad entry and the kind of tampering (edited, re-chained,
    deleted/renumbered, truncated, wiped, checkpoint forged, wrong key).
    """
    ctx.obj.use_case(case)
    app_ctx: AppContext = ctx.obj
    service = app_ctx.service()
    report = service.verify_audit(CheckpointFile(against) if against else None)
    if not report.ok:
        where = f"at entry {report.first_bad}" if report.first_bad is not None else "in its checkpoints"
        raise AuditIntegrityError(f"audit log broken {where} ({report.tampering}): {report.problem}",
                                  report.first_bad)
    written = service.checkpoint() if checkpoint else None
    print("ok", flush=True)
    legacy = f" ({report.legacy_entries} legacy, without MAC)" if report.legacy_entries else ""
    cp = report.checkpoint
    anchored = (f"consistent with the checkpoint of {cp.at} ({cp.entries} entries)" if cp is not None
                else "no checkpoint yet ('childsafe audit checkpoint')")
    say(f"audit verify: {report.entries} entries{legacy}, head {report.head}; {anchored}")
    if written is not None and service.checkpoints is not None:
        say(f"audit verify: checkpoint of {written.entries} entries written to {service.checkpoints.path}")


@app.command("checkpoint")
def checkpoint(
    ctx: typer.Context,
    to: Annotated[Path | None, typer.Option(
        help="Append to this file (default: the audit_checkpoint_file setting); keep it outside the database.")] = None,
    case: CaseOption = None,
) -> None:
    """Verify the log, then append a signed checkpoint (entries, last id, hash and MAC, time) as one JSON line."""
    ctx.obj.use_case(case)
    app_ctx: AppContext = ctx.obj
    service = app_ctx.service()
    target = CheckpointFile(to) if to else service.checkpoints
    written = service.checkpoint(target)
    if written is None:
        say("audit checkpoint: the file already holds a later checkpoint; nothing written")
        return
    write_json(written.to_record())
    say(f"audit checkpoint: {written.entries} entries, written to {target.path if target else '?'}")


@app.command("list")
def list_entries(
    ctx: typer.Context,
    after: Annotated[int, typer.Option(help="Only entries with a larger id.")] = 0,
    limit: Annotated[int, typer.Option(min=1, help="At most this many.")] = 100,
    case: CaseOption = None,
) -> None:
    """Audit entries as JSON lines, oldest first."""
    ctx.obj.use_case(case)
    app_ctx: AppContext = ctx.obj
    for entry in ServiceStore(app_ctx.store).audit_entries(after, limit):  # reading needs no key
        write_json(entry.to_record())
