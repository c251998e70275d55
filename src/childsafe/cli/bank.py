"""``childsafe bank``: named hash lists with provenance."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from childsafe.cli.context import AppContext
from childsafe.cli.output import missing_paths_message, write_json
from childsafe.cli.user import cli_actor
from childsafe.errors import BankNotFoundError, ConfigError, HashListFormatError
from childsafe.media.hashing import hash_file
from childsafe.media.hashlists import FORMATS, HashListEntry, bare_signal_reader, iter_hash_list, write_hash_list
from childsafe.media.signals import PdqSignal
from childsafe.store.base import Bank, NewEntry

if TYPE_CHECKING:
    from childsafe.store.service_banks import AuditedBanks

app = typer.Typer(help="Create, list, fill and export hash banks.", no_args_is_help=True)


def _banks(ctx: typer.Context) -> AuditedBanks:
    """Bank changes go through the audited path: each lands with its audit entry, as in the API."""
    from childsafe.store.service_banks import AuditedBanks

    return AuditedBanks(ctx.obj.service())


def _bank_record(b: Bank) -> dict[str, object]:
    return {"name": b.name, "allowlist": b.allowlist, "pdq_threshold": b.pdq_threshold,
            "enabled": b.enabled, "entries": b.entry_count, "created_at": b.created_at.isoformat()}


def _check_format(name: str, *, allow_auto: bool) -> None:
    """A format the user names must exist: a typo is a usage error (exit 2), not a bad list (4)."""
    known = (["auto"] if allow_auto else []) + sorted(FORMATS)
    if name.strip().lower() not in known:
        raise ConfigError(f"unknown hash-list format {name!r}: use {', '.join(known)}")


@app.command("create")
def create(
    ctx: typer.Context,
    name: str,
    threshold: Annotated[int, typer.Option(min=0, max=128, help="PDQ match distance.")] = PdqSignal.default_threshold,
    allowlist: Annotated[bool, typer.Option(help="Entries suppress matches (known false positives).")] = False,
) -> None:
    """Create a bank."""
    write_json(_bank_record(_banks(ctx).create(name, actor=cli_actor(), pdq_threshold=threshold,
                                               allowlist=allowlist)))


@app.command("list")
def list_banks(ctx: typer.Context) -> None:
    """List banks, one JSON object per line."""
    for b in ctx.obj.store.list_banks():
        write_json(_bank_record(b))


@app.command("delete")
def delete(ctx: typer.Context, name: str) -> None:
    """Delete a bank and all its entries."""
    _banks(ctx).delete(name, actor=cli_actor())
    write_json({"deleted": name})


@app.command("enable")
def enable(ctx: typer.Context, name: str) -> None:
    """Match against this bank again."""
    write_json(_bank_record(_banks(ctx).update(name, actor=cli_actor(), enabled=True)))


@app.command("disable")
def disable(ctx: typer.Context, name: str) -> None:
    """Keep the bank but stop matching against it."""
    write_json(_bank_record(_banks(ctx).update(name, actor=cli_actor(), enabled=False)))


@app.command("threshold")
def threshold(ctx: typer.Context, name: str,
              distance: Annotated[int, typer.Argument(min=0, max=128)]) -> None:
    """Set the bank's PDQ match distance."""
    write_json(_bank_record(_banks(ctx).update(name, actor=cli_actor(), pdq_threshold=distance)))


@app.command("add")
def add(
    ctx: typer.Context,
    name: str,
    files: Annotated[list[Path], typer.Argument(help="Files to hash and add.")],
    label: Annotated[str | None, typer.Option(help="Label or category for these entries.")] = None,
    source: Annotated[str | None, typer.Option(help="Provenance (default: the file name).")] = None,
) -> None:
    """Hash files and add their signals to the bank (low-quality PDQ hashes are left out).

    Nothing is added when a path is missing (exit 2: e.g. a pattern that matched no file); a file
    that could not be hashed is reported on its line (``error``) and the others are added.
    """
    app_ctx: AppContext = ctx.obj
    store = app_ctx.store
    store.get_bank(name)
    missing = [path for path in files if not path.is_file()]
    if missing:
        raise ConfigError(f"{missing_paths_message(missing)}; nothing added")
    banks = _banks(ctx)
    options = app_ctx.services.hash_options()
    for path in files:
        hashes = hash_file(path, options)
        signals = hashes.signals(app_ctx.settings.pdq_quality_min)
        entries = [NewEntry(kind, value, label, source or path.name) for kind, value in signals.items()]
        added = banks.add(name, entries, actor=cli_actor(), details={"file": path.name})[0] if entries else 0
        write_json({"path": str(path), "added": added, "signals": sorted(signals),
                    "error": hashes.error})


@app.command("import")
def import_list(
    ctx: typer.Context,
    name: str,
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False)],
    format: Annotated[str, typer.Option("--format", help="auto or a format of 'childsafe plugins'.")] = "auto",
    signal_type: Annotated[str | None, typer.Option(
        "--signal-type", help="A file of bare signals, one per line, all of this type (te).")] = None,
    skip_invalid: Annotated[bool, typer.Option(help="Import the valid lines, report the rest.")] = False,
    create: Annotated[bool, typer.Option(help="Create the bank if it does not exist.")] = False,
) -> None:
    """Import a hash list.  A malformed list is rejected whole, with line numbers; lines of signal
    types childsafe does not match (url, raw_text…) are reported as skipped."""
    _check_format(format, allow_auto=True)
    if signal_type is not None:
        try:
            bare_signal_reader(format, signal_type)
        except HashListFormatError as exc:  # a wrong option, not a bad list: exit 2
            raise ConfigError(str(exc)) from None
    banks = _banks(ctx)
    try:
        ctx.obj.store.get_bank(name)
    except BankNotFoundError:
        if not create:
            raise
        banks.create(name, actor=cli_actor())
    # Streamed in one transaction with its audit entry; a malformed list is rolled back whole.
    items = iter_hash_list(file, format, default_source=file.name, signal_type=signal_type)
    report = banks.import_items(name, items, actor=cli_actor(), source=file.name, fmt=format,
                                skip_invalid=skip_invalid)
    write_json({**report.to_record(), "file": str(file)})


@app.command("export")
def export(
    ctx: typer.Context,
    name: str,
    format: Annotated[str, typer.Option("--format", help="te, csv, te_csv, vics, vics2 or caid.")] = "te",
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File (default stdout).")] = None,
) -> None:
    """Export a bank's entries."""
    _check_format(format, allow_auto=False)
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
