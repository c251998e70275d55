"""``childsafe bank``: named hash lists with provenance."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from childsafe.cli.context import AppContext
from childsafe.cli.output import write_json
from childsafe.errors import BankNotFoundError
from childsafe.media.hashing import HashOptions, hash_file
from childsafe.media.hashlists import HashListEntry, read_hash_list, write_hash_list
from childsafe.media.signals import PdqSignal
from childsafe.store.base import Bank, NewEntry

app = typer.Typer(help="Create, list, fill and export hash banks.", no_args_is_help=True)


def _bank_record(b: Bank) -> dict[str, object]:
    return {"name": b.name, "allowlist": b.allowlist, "pdq_threshold": b.pdq_threshold,
            "enabled": b.enabled, "entries": b.entry_count, "created_at": b.created_at.isoformat()}


@app.command("create")
def create(
    ctx: typer.Context,
    name: str,
    threshold: Annotated[int, typer.Option(min=0, max=128, help="PDQ match distance.")] = PdqSignal.default_threshold,
    allowlist: Annotated[bool, typer.Option(help="Entries suppress matches (known false positives).")] = False,
) -> None:
    """Create a bank."""
    app_ctx: AppContext = ctx.obj
    write_json(_bank_record(app_ctx.store.create_bank(name, pdq_threshold=threshold, allowlist=allowlist)))


@app.command("list")
def list_banks(ctx: typer.Context) -> None:
    """List banks, one JSON object per line."""
    for b in ctx.obj.store.list_banks():
        write_json(_bank_record(b))


@app.command("delete")
def delete(ctx: typer.Context, name: str) -> None:
    """Delete a bank and all its entries."""
    ctx.obj.store.delete_bank(name)
    write_json({"deleted": name})


@app.command("enable")
def enable(ctx: typer.Context, name: str) -> None:
    """Match against this bank again."""
    write_json(_bank_record(ctx.obj.store.set_bank_enabled(name, True)))


@app.command("disable")
def disable(ctx: typer.Context, name: str) -> None:
    """Keep the bank but stop matching against it."""
    write_json(_bank_record(ctx.obj.store.set_bank_enabled(name, False)))


@app.command("threshold")
def threshold(ctx: typer.Context, name: str,
              distance: Annotated[int, typer.Argument(min=0, max=128)]) -> None:
    """Set the bank's PDQ match distance."""
    write_json(_bank_record(ctx.obj.store.set_bank_threshold(name, distance)))


@app.command("add")
def add(
    ctx: typer.Context,
    name: str,
    files: Annotated[list[Path], typer.Argument(help="Files to hash and add.")],
    label: Annotated[str | None, typer.Option(help="Label or category for these entries.")] = None,
    source: Annotated[str | None, typer.Option(help="Provenance (default: the file name).")] = None,
) -> None:
    """Hash files and add their signals to the bank (low-quality PDQ hashes are left out)."""
    app_ctx: AppContext = ctx.obj
    store = app_ctx.store
    store.get_bank(name)
    options = HashOptions(max_image_pixels=app_ctx.settings.max_image_pixels,
                          max_file_bytes=app_ctx.settings.max_file_bytes)
    for path in files:
        hashes = hash_file(path, options)
        signals = hashes.signals(app_ctx.settings.pdq_quality_min)
        entries = [NewEntry(kind, value, label, source or path.name) for kind, value in signals.items()]
        added = store.add_entries(name, entries) if entries else 0
        write_json({"path": str(path), "added": added, "signals": sorted(signals),
                    "error": hashes.error})


@app.command("import")
def import_list(
    ctx: typer.Context,
    name: str,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    format: Annotated[str, typer.Option("--format", help="auto, te, csv or vics.")] = "auto",
    skip_invalid: Annotated[bool, typer.Option(help="Import the valid lines, report the rest.")] = False,
    create: Annotated[bool, typer.Option(help="Create the bank if it does not exist.")] = False,
) -> None:
    """Import a hash list.  A malformed list is rejected whole, with line numbers."""
    store = ctx.obj.store
    try:
        store.get_bank(name)
    except BankNotFoundError:
        if not create:
            raise
        store.create_bank(name)
    result = read_hash_list(file, format, skip_invalid=skip_invalid, default_source=file.name)
    added = store.add_entries(name, (
        NewEntry(e.signal_type, e.signal, e.label, e.source) for e in result.entries))
    write_json({"bank": name, "file": str(file), "read": len(result.entries), "added": added,
                "duplicates": len(result.entries) - added, "invalid": len(result.problems),
                "problems": [{"line": n, "error": m} for n, m in result.problems[:100]]})


@app.command("export")
def export(
    ctx: typer.Context,
    name: str,
    format: Annotated[str, typer.Option("--format", help="te, csv or vics.")] = "te",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default stdout).")] = None,
) -> None:
    """Export a bank's entries."""
    entries = (HashListEntry(e.signal_type, e.signal, e.label, e.source)
               for e in ctx.obj.store.iter_entries(name))
    if output is None:
        write_hash_list(entries, sys.stdout.buffer, format)
        sys.stdout.buffer.flush()
    else:
        tmp = output.with_name(output.name + ".partial")
        with open(tmp, "wb") as fh:
            write_hash_list(entries, fh, format)
        tmp.replace(output)
