"""Native bank routes: CRUD, entries, import and export of hash lists (te, csv, vics).

Every change is written with its audit entry in one transaction (:mod:`childsafe.store.service_banks`)
and makes this process's matcher pick it up before the next lookup.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from typing import IO, Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, File, UploadFile
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from childsafe.accounts import Principal
from childsafe.api.state import ServiceState, get_state, needs
from childsafe.errors import BankNotFoundError, ConfigError, HashListFormatError
from childsafe.media.hashlists import (
    DETECT_BYTES,
    HashListEntry,
    bare_signal_reader,
    detect_format,
    get_format,
    write_hash_list,
)
from childsafe.store.base import Bank, NewEntry
from childsafe.store.service_banks import ImportReport

__all__ = ["router", "bank_record"]

router = APIRouter(prefix="/api/v1/banks", tags=["banks"])
State = Annotated[ServiceState, Depends(get_state)]
_MEDIA_TYPES = {"te": "text/plain; charset=utf-8", "csv": "text/csv; charset=utf-8", "vics": "application/json"}


def bank_record(b: Bank) -> dict[str, Any]:
    return {"name": b.name, "allowlist": b.allowlist, "pdq_threshold": b.pdq_threshold,
            "enabled": b.enabled, "entries": b.entry_count, "created_at": b.created_at.isoformat()}


class BankCreate(BaseModel):
    name: str
    pdq_threshold: int = Field(default=31, ge=0, le=128)
    allowlist: bool = False


class BankChange(BaseModel):
    enabled: bool | None = None
    pdq_threshold: int | None = Field(default=None, ge=0, le=128)


class EntryIn(BaseModel):
    signal_type: str
    signal: str
    label: str | None = None
    source: str | None = None


class EntriesIn(BaseModel):
    entries: list[EntryIn] = Field(min_length=1, max_length=10_000)


@router.get("", summary="List banks")
def list_banks(state: State, _p: Annotated[Principal, Depends(needs("banks:read"))]) -> list[dict[str, Any]]:
    return [bank_record(b) for b in state.store.list_banks()]


@router.post("", status_code=201, summary="Create a bank")
def create_bank(body: BankCreate, state: State,
                principal: Annotated[Principal, Depends(needs("banks:write"))]) -> dict[str, Any]:
    bank = state.banks.create(body.name, actor=principal.actor, pdq_threshold=body.pdq_threshold,
                              allowlist=body.allowlist)
    state.bank_changed()
    return bank_record(bank)


@router.get("/{name}", summary="One bank")
def get_bank(name: str, state: State, _p: Annotated[Principal, Depends(needs("banks:read"))]) -> dict[str, Any]:
    return bank_record(state.store.get_bank(name))


@router.patch("/{name}", summary="Enable, disable or set the PDQ threshold (a configuration change)")
def change_bank(name: str, body: BankChange, state: State,
                principal: Annotated[Principal, Depends(needs("banks:write"))]) -> dict[str, Any]:
    bank = state.banks.update(name, actor=principal.actor, enabled=body.enabled, pdq_threshold=body.pdq_threshold)
    state.bank_changed()
    return bank_record(bank)


@router.delete("/{name}", summary="Delete a bank and its entries")
def delete_bank(name: str, state: State,
                principal: Annotated[Principal, Depends(needs("banks:write"))]) -> dict[str, str]:
    state.banks.delete(name, actor=principal.actor)
    state.bank_changed()
    return {"deleted": name}


@router.post("/{name}/entries", summary="Add signals (duplicates skipped)")
def add_entries(name: str, body: EntriesIn, state: State,
                principal: Annotated[Principal, Depends(needs("banks:write"))]) -> dict[str, Any]:
    entries = [NewEntry(e.signal_type, e.signal, e.label, e.source or f"api:{principal.actor}") for e in body.entries]
    added, ids = state.banks.add(name, entries, actor=principal.actor)
    state.bank_changed()
    return {"bank": name, "added": added, "ids": ids}


@router.post("/{name}/import", summary="Import a hash list: all or nothing unless skip_invalid")
async def import_list(name: str, state: State, principal: Annotated[Principal, Depends(needs("banks:write"))],
                      file: Annotated[UploadFile, File(description="te, csv, te_csv, VICS, CAID or NCMEC XML")],
                      format: str = "auto", skip_invalid: bool = False, create: bool = False,
                      signal_type: str | None = None) -> dict[str, Any]:
    """A malformed list is rejected whole (422) with the line numbers of every bad line; lines of signal
    types childsafe does not match are skipped and listed.  ``signal_type``: bare signals, one per line."""
    report = await run_in_threadpool(_import, state, principal, name, file, format, skip_invalid, create,
                                     signal_type)
    state.bank_changed()
    return report.to_record()


def _import(state: ServiceState, principal: Principal, name: str, upload: UploadFile, fmt: str,
            skip_invalid: bool, create: bool, signal_type: str | None = None) -> ImportReport:
    bare = None
    if signal_type is not None:
        try:
            bare = bare_signal_reader(fmt, signal_type)
        except HashListFormatError as exc:  # a wrong parameter, not a bad list
            raise ConfigError(str(exc)) from None
    try:
        state.store.get_bank(name)
    except BankNotFoundError:
        if not create:
            raise
        state.banks.create(name, actor=principal.actor)
    stream = upload.file
    if bare is None and fmt == "auto":
        fmt = detect_format(stream.read(DETECT_BYTES))
        stream.seek(0)
    reader = bare or get_format(fmt)
    source = upload.filename or "upload"
    return state.banks.import_items(name, reader.read(stream), actor=principal.actor, source=source,
                                    fmt=reader.name, skip_invalid=skip_invalid)


@router.get("/{name}/export", summary="Export a bank's entries (te, csv or vics)")
async def export_bank(name: str, state: State, _p: Annotated[Principal, Depends(needs("banks:read"))],
                      format: str = "te") -> StreamingResponse:
    fmt = get_format(format).name
    # Written to a spool first (memory, then an anonymous temp file): an error is still a clean 4xx.
    spool = await run_in_threadpool(_export, state, name, fmt)
    filename = quote(f"{name}.{'json' if fmt == 'vics' else fmt}")
    return StreamingResponse(_chunks(spool), media_type=_MEDIA_TYPES.get(fmt, "application/octet-stream"),
                             headers={"Content-Disposition": f"attachment; filename*=UTF-8''{filename}"})


def _export(state: ServiceState, name: str, fmt: str) -> IO[bytes]:
    state.store.get_bank(name)
    spool = tempfile.SpooledTemporaryFile(max_size=16 * 1024 * 1024)  # noqa: SIM115 - closed by _chunks
    try:
        entries = (HashListEntry(e.signal_type, e.signal, e.label, e.source) for e in state.store.iter_entries(name))
        write_hash_list(entries, spool, fmt)  # type: ignore[arg-type]
    except HashListFormatError:
        spool.close()
        raise
    spool.seek(0)
    return spool


def _chunks(spool: IO[bytes]) -> Iterator[bytes]:
    try:
        while chunk := spool.read(1 << 16):
            yield chunk
    finally:
        spool.close()
