"""The HMA drop-in, curation: OpenMediaMatch's ``/c`` blueprint (banks, bank content, signals,
signal and content types) with HMA's shapes, statuses and validation; exchanges are in
:mod:`childsafe.api.hma_exchanges`.

A bank content is one piece of media under one id whatever its signals
(:mod:`childsafe.store.bank_contents`).  Difference, on purpose: a signal already in the bank is not
stored twice (adding it again answers the content that holds it, leaving its note and metadata).
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from childsafe.accounts import Principal
from childsafe.api.hma import fetch_and_hash
from childsafe.api.state import MAX_ID, RowId, ServiceState, get_state, needs
from childsafe.api.uploads import HMA_FIELDS, hash_form_file, hma_signals
from childsafe.errors import BankExistsError, BankNotFoundError, ConfigError, InvalidSignalError, NotFoundError
from childsafe.media.content import ContentType
from childsafe.media.signals import get_signal_type, signal_types
from childsafe.store.bank_contents import BankContent, BankContents

__all__ = ["router", "HMA_BANK_NAME"]

router = APIRouter(tags=["HMA-compatible"])
State = Annotated[ServiceState, Depends(get_state)]
Reader = Annotated[Principal, Depends(needs("banks:read"))]
Writer = Annotated[Principal, Depends(needs("banks:write"))]
#: HMA's rule for bank names (OpenMediaMatch's storage: ``UPPER_WITH_UNDERSCORE``).
HMA_BANK_NAME = re.compile(r"[A-Z_][A-Z0-9_]*")
NOTE_MAX = 255
_METADATA_KEYS = frozenset({"content_id", "content_uri", "json"})
_UPLOAD_DOC: dict[str, Any] = {"requestBody": {"content": {"multipart/form-data": {"schema": {
    "type": "object", "properties": {"photo": {"type": "string", "format": "binary"},
                                     "video": {"type": "string", "format": "binary"},
                                     "metadata": {"type": "string"}, "note": {"type": "string"}}}}}}}


class BankCreate(BaseModel):
    name: str
    enabled_ratio: float | None = None
    enabled: bool | None = None


def _refuse(status: int, message: str) -> JSONResponse:
    return JSONResponse({"message": message, "error": "HMAError"}, status_code=status)


def _check_name(name: object) -> str:
    if not isinstance(name, str) or not HMA_BANK_NAME.fullmatch(name) or len(name) > 200:
        raise ConfigError("Bank names must be UPPER_WITH_UNDERSCORE")
    return name


def _ratio(enabled_ratio: object, enabled: object) -> float | None:
    # PUT takes a free-form body (HMA sends either key): check the types here, not in the database.
    if enabled_ratio is not None:
        if isinstance(enabled_ratio, bool) or not isinstance(enabled_ratio, int | float):
            raise ConfigError(f"enabled_ratio must be a number from 0.0 to 1.0, not {enabled_ratio!r}")
        if not 0.0 <= enabled_ratio <= 1.0:
            raise ConfigError("enabled_ratio must be from 0.0 to 1.0")
        return float(enabled_ratio)
    if enabled is None:
        return None
    if not isinstance(enabled, bool):
        raise ConfigError(f"enabled must be true or false, not {enabled!r}")
    return 1.0 if enabled else 0.0


def _bank(contents: BankContents, name: str) -> dict[str, Any]:
    return {"name": name, "matching_enabled_ratio": contents.ratio(name)}


# -- banks ---------------------------------------------------------------------------------------
@router.get("/c/banks", summary="List banks")
def list_banks(state: State, _p: Reader) -> list[dict[str, Any]]:
    ratios = BankContents(state.service).ratios()
    return [{"name": b.name, "matching_enabled_ratio": ratios.get(b.name, 0.0)} for b in state.store.list_banks()]


@router.post("/c/banks", status_code=201, summary="Create a bank")
def create_bank(body: BankCreate, state: State, principal: Writer) -> Any:
    name = _check_name(body.name)
    ratio = _ratio(body.enabled_ratio, body.enabled)
    ratio = 1.0 if ratio is None else ratio
    try:
        state.banks.create(name, actor=principal.actor, enabled=ratio > 0.0)
    except BankExistsError:
        return _refuse(403, "Bank already exists")  # HMA's status (our own routes say 409)
    contents = BankContents(state.service)
    if ratio not in (0.0, 1.0):
        contents.configure(name, actor=principal.actor, ratio=ratio)
    state.bank_changed()
    return _bank(contents, name)


@router.get("/c/bank/{bank_name}", summary="One bank")
def get_bank(bank_name: str, state: State, _p: Reader) -> dict[str, Any]:
    return _bank(BankContents(state.service), bank_name)


@router.put("/c/bank/{bank_name}", summary="Rename a bank, enable or disable it, or set its matching ratio")
def update_bank(bank_name: str, state: State, principal: Writer, body: Annotated[dict[str, Any], Body()]) -> Any:
    contents = BankContents(state.service)
    contents.ratio(bank_name)  # 404 first, as HMA
    new_name = _check_name(body["name"]) if body.get("name") is not None else None
    # HMA applies enabled, then enabled_ratio: the ratio wins when both are given.
    ratio = _ratio(body.get("enabled_ratio"), body.get("enabled"))
    try:
        name = contents.configure(bank_name, actor=principal.actor, new_name=new_name, ratio=ratio)
    except BankExistsError:
        return _refuse(403, "Bank name already exists")
    state.bank_changed()
    return _bank(contents, name)


@router.delete("/c/bank/{bank_name}", summary="Delete a bank (a missing bank is not an error, as in HMA)")
def delete_bank(bank_name: str, state: State, principal: Writer) -> dict[str, str]:
    try:
        state.banks.delete(bank_name, actor=principal.actor)
    except BankNotFoundError:
        pass
    state.bank_changed()
    return {"message": "Done"}


# -- bank content --------------------------------------------------------------------------------
def _note(note: object) -> str | None:
    if not note:
        return None
    if not isinstance(note, str):
        raise ConfigError("note should be a string")
    if len(note) > NOTE_MAX:
        raise ConfigError(f"note must be at most {NOTE_MAX} characters")
    return note


def _metadata(raw: object) -> dict[str, Any] | None:
    """HMA's ``BankedContentMetadata``: ``content_id``, ``content_uri`` (strings), ``json`` (an object)."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ConfigError("metadata should be a json object")
    raw = {k: v for k, v in raw.items() if k != "collab"}  # the exchanges' field, never the caller's
    unknown = sorted(set(raw) - _METADATA_KEYS)
    if unknown:
        raise ConfigError(f"Invalid metadata: unknown field {unknown[0]!r} (use content_id, content_uri, json)")
    for key in ("content_id", "content_uri"):
        if raw.get(key) is not None and not isinstance(raw[key], str):
            raise ConfigError(f"Invalid metadata: {key} must be a string")
    if raw.get("json") is not None and not isinstance(raw["json"], dict):
        raise ConfigError("Invalid metadata: json must be an object")
    kept = {k: v for k, v in raw.items() if v is not None}
    return kept or None


def _signals(given: dict[str, Any]) -> dict[str, str]:
    if not given:
        raise ConfigError("No signals given")
    out: dict[str, str] = {}
    for name, value in given.items():
        try:
            kind = get_signal_type(name)
        except (ConfigError, InvalidSignalError) as exc:
            raise ConfigError(f"No such signal type {name}") from exc
        if not isinstance(value, str):
            raise ConfigError(f"Invalid {name} signal: not a string")
        try:
            out[kind.name] = kind.validate(value)
        except InvalidSignalError as exc:
            raise ConfigError(f"Invalid {name} signal: {exc}") from exc
    return out


def _content_record(content: BankContent, ratio: float, *, signals: bool, metadata: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"id": content.id, "disable_until_ts": content.disable_until_ts,
                           "original_media_uri": None,
                           "bank": {"name": content.bank.name, "matching_enabled_ratio": ratio}}
    if signals and content.signals:
        out["signals"] = dict(content.signals)
    if metadata and content.meta:
        out["metadata"] = {"content_id": None, "content_uri": None, "json": None, "collab": None, **content.meta}
    if content.note is not None:
        out["note"] = content.note
    return out


def _true(value: str | None, default: bool) -> bool:
    return default if value is None else value.lower() == "true"


def _content_id(content_id: int) -> int:
    if not 1 <= content_id <= MAX_ID:
        raise NotFoundError(f"content '{content_id}' not found")
    return content_id


@router.get("/c/bank/{bank_name}/content/{content_id}", summary="One content: id, disabling, note, metadata")
def get_content(bank_name: str, content_id: int, state: State, _p: Reader,
                include_signals: str | None = None, include_metadata: str | None = None) -> dict[str, Any]:
    contents = BankContents(state.service)
    content = contents.get(bank_name, _content_id(content_id))
    if content is None:
        raise NotFoundError(f"content '{content_id}' not found")
    return _content_record(content, contents.ratio(bank_name), signals=_true(include_signals, False),
                           metadata=_true(include_metadata, True))


@router.post("/c/bank/{bank_name}/content", summary="Bank media: an upload, or ?url= (with fetch_urls)",
             openapi_extra=_UPLOAD_DOC)
async def add_content(bank_name: str, request: Request, state: State, principal: Writer,
                      url: str | None = None, types: str | None = None,
                      content_type: str | None = None) -> dict[str, Any]:
    """``{"id": content id, "signals": {signal_type: hash}}``; ``metadata`` and ``note`` from the JSON
    body (with ``?url=``) or from form fields (with an upload)."""
    state.store.get_bank(bank_name)
    media_type = request.headers.get("content-type", "")
    if media_type.startswith("multipart/form-data"):
        if url:
            raise ConfigError("send either ?url= or a file upload, not both")
        async with request.form(max_files=1, max_fields=20) as form:
            raw_meta, raw_note = form.get("metadata"), form.get("note")
            try:
                meta = _metadata(json.loads(raw_meta) if isinstance(raw_meta, str) else None)
            except ValueError as exc:
                raise ConfigError("metadata form field must be valid JSON") from exc
            note = _note(raw_note if isinstance(raw_note, str) else None)
            _field, hashes = await hash_form_file(form, state.hash_options(), HMA_FIELDS)
        signals = hma_signals(hashes, types)
    else:
        body = await _json_object(request)
        meta, note = _metadata(body.get("metadata")), _note(body.get("note"))
        if not url:
            raise ConfigError("Neither `url` nor multipart file upload was received")
        signals = await fetch_and_hash(state, principal, url, types)
    content_id = BankContents(state.service).add(bank_name, _signals(signals), actor=principal.actor, note=note,
                                                 meta=meta, source=f"api:{principal.actor}")
    state.bank_changed()
    return {"id": content_id, "signals": signals}


async def _json_object(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except ValueError as exc:
        raise ConfigError("the body is not valid JSON") from exc
    if not isinstance(body, dict):
        raise ConfigError("this endpoint expects a json object payload")
    return body


def _five_years_from_now() -> int:
    return int((datetime.now() + timedelta(days=365 * 5)).timestamp())


@router.put("/c/bank/{bank_name}/content/{content_id}", summary="Set a content's disable_until_ts or note")
def update_content(bank_name: str, content_id: int, state: State, principal: Writer,
                   body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    contents = BankContents(state.service)
    if contents.get(bank_name, _content_id(content_id)) is None:
        raise NotFoundError(f"content '{content_id}' not found")
    changes: dict[str, Any] = {}
    if "disable_until_ts" in body:
        raw = body["disable_until_ts"]
        try:
            until = int(raw) if not isinstance(raw, bool) else None
        except (TypeError, ValueError):
            until = None
        if until is None:
            raise ConfigError(f"Invalid int: '{raw}'")
        if until < 0:
            raise ConfigError("disable_until_ts must be a non-negative integer")
        if until > _five_years_from_now():
            raise ConfigError("disable_until_ts must be less than 5 years in the future")
        changes["disable_until_ts"] = until
    if "note" in body:
        changes["note"] = _note(body["note"])
    try:
        content = contents.update(bank_name, content_id, changes, actor=principal.actor)
    except KeyError as exc:
        raise NotFoundError(f"content '{content_id}' not found") from exc
    state.bank_changed()
    # HMA answers its BankContentConfig as stored.
    return {"id": content.id, "disable_until_ts": content.disable_until_ts, "collab_metadata": {},
            "original_media_uri": None, "bank": _bank(contents, bank_name), "user_metadata": content.meta,
            "note": content.note}


@router.delete("/c/bank/{bank_name}/content/{content_id}", summary="Remove a content and all its signals")
def delete_content(bank_name: str, content_id: RowId, state: State, principal: Writer) -> dict[str, int]:
    deleted = BankContents(state.service).remove(bank_name, content_id, actor=principal.actor)
    state.bank_changed()
    return {"deleted": deleted}


@router.post("/c/bank/{bank_name}/signal", summary="Add one content by its signals (and a note)")
def add_signals(bank_name: str, state: State, principal: Writer,
                body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    """Body ``{signal_type: signal, ..., "note": ...}``; answers ``{"id": ..., "signals": {...}}``."""
    state.store.get_bank(bank_name)
    given = dict(body)
    note = _note(given.pop("note", None))
    signals = _signals(given)
    content_id = BankContents(state.service).add(bank_name, signals, actor=principal.actor, note=note,
                                                 source=f"api:{principal.actor}")
    state.bank_changed()
    return {"id": content_id, "signals": signals}


# -- signal and content types ---------------------------------------------------------------------
@router.get("/c/signal_type", summary="Signal types (all enabled)")
def list_signal_types(_p: Reader) -> list[dict[str, Any]]:
    return [{"name": k.name, "enabled_ratio": 1.0} for k in signal_types()]


@router.put("/c/signal_type/{signal_type_name}", status_code=204,
            summary="Set a signal type's enabled_ratio: only 1.0 (every registered type is matched)")
def update_signal_type(signal_type_name: str, _p: Writer, body: Annotated[Any, Body()] = None) -> Response:
    raw = body.get("enabled_ratio") if isinstance(body, dict) else None
    if raw is None:
        raise ConfigError("enabled_ratio is required")
    try:
        ratio = float(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"Invalid float: '{raw}'") from exc
    if signal_type_name not in {k.name for k in signal_types()}:
        raise ConfigError(f"No such signal type '{signal_type_name}'")
    if ratio != 1.0:
        raise ConfigError("signal types cannot be disabled in childsafe: every registered type is matched")
    return Response(status_code=204)


@router.get("/c/signal_type/index", summary="Index status per signal type (HMA's curation shape)")
def signal_type_index(state: State, _p: Reader, signal_type: str | None = None) -> dict[str, dict[str, Any]]:
    names = [k.name for k in signal_types()]
    if signal_type is not None:
        if signal_type not in names:
            raise ConfigError(f"No such signal type '{signal_type}'")
        names = [signal_type]
    built = state.matchers.built_to() or {}
    contents = BankContents(state.service)
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        newest = contents.newest_entry(name)
        up_to = built.get(name, 0)
        db_size = state.store.count_entries([name])
        index_size = state.store.count_entries([name], up_to_id=up_to) if up_to else 0
        out[name] = {"db_size": db_size, "index_size": index_size,
                     "index_out_of_date": (newest or 0) > up_to or db_size != index_size,
                     "newest_db_item": contents.entry_time(newest) if newest else 0,
                     "index_built_to": contents.entry_time(up_to) if up_to else 0}
    return out


@router.get("/c/content_type", summary="Content types (photo and video, enabled)")
def list_content_types(_p: Reader) -> list[dict[str, Any]]:
    return [{"name": t.value, "enabled": True} for t in (ContentType.PHOTO, ContentType.VIDEO)]
