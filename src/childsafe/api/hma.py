"""The HMA-compatible subset: same paths, parameters and response shapes as Meta's
Hasher-Matcher-Actioner (OpenMediaMatch blueprints ``/h``, ``/m``, ``/c`` and ``/status``).

An HMA client needs only to add ``Authorization: Bearer TOKEN``.  Differences, on purpose:

- ``bank_content_id`` is our bank entry id (one per signal; HMA groups the signals of one piece of
  content under one id).  ``POST /c/bank/{name}/signal`` returns the id of the first signal given.
- Allowlist banks suppress matches (HMA has no allowlists): a lookup that hits an allowlist
  answers ``{}``; raw lookups list the allowlist entry too.  Disabled banks never match.
- ``enabled_ratio`` (HMA's coin flip) is 1.0 or 0.0: a bank is enabled or not.
- ``?url=`` fetching is off unless ``fetch_urls`` is set, and never reaches private addresses.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from childsafe.accounts import Principal
from childsafe.api.fetch import fetch_url
from childsafe.api.state import BEARER_DOC, ServiceState, authorize, get_state, needs
from childsafe.api.uploads import HMA_FIELDS, hash_blob, hash_form_upload, hma_signals
from childsafe.errors import BankExistsError, BankNotFoundError, ConfigError, PermissionDeniedError
from childsafe.matching import MatchResult
from childsafe.media.signals import get_signal_type
from childsafe.store.base import Bank, NewEntry

__all__ = ["router"]

router = APIRouter(tags=["HMA-compatible"])
State = Annotated[ServiceState, Depends(get_state)]
_UPLOAD_DOC: dict[str, Any] = {"requestBody": {"content": {"multipart/form-data": {"schema": {
    "type": "object", "properties": {"photo": {"type": "string", "format": "binary"},
                                     "video": {"type": "string", "format": "binary"}}}}}}}


class BankCreate(BaseModel):
    name: str
    enabled_ratio: float | None = None
    enabled: bool | None = None


def _ratio(enabled_ratio: object, enabled: object, default: bool = True) -> bool:
    # PUT takes a free-form body (HMA sends either key): check the types here, not in the database.
    if enabled_ratio is not None:
        if isinstance(enabled_ratio, bool) or not isinstance(enabled_ratio, int | float):
            raise ConfigError(f"enabled_ratio must be a number (1.0 or 0.0), not {enabled_ratio!r}")
        if enabled_ratio not in (0.0, 1.0):
            raise ConfigError("enabled_ratio must be 1.0 or 0.0 here (no partial matching)")
        return enabled_ratio == 1.0
    if enabled is None:
        return default
    if not isinstance(enabled, bool):
        raise ConfigError(f"enabled must be true or false, not {enabled!r}")
    return enabled


def _hma_bank(bank: Bank) -> dict[str, Any]:
    return {"name": bank.name, "matching_enabled_ratio": 1.0 if bank.enabled else 0.0}


def _banks_param(banks: str | None) -> set[str] | None:
    return {b for b in banks.split(",") if b} if banks else None


def _by_bank(result: MatchResult, banks: set[str] | None) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for m in result.matches:
        if banks is None or m.bank in banks:
            out.setdefault(m.bank, []).append({"bank_content_id": m.entry_id, "distance": str(m.distance)})
    return out


def _match(state: ServiceState, principal: Principal, signal_type: str, signal: str) -> MatchResult:
    state.lookup_limiter.check(("lookup", principal.token_id), "lookups for this token")
    return state.matchers.use(lambda m: m.match_signal(signal_type, signal))


async def _hash_url(state: ServiceState, principal: Principal, url: str, types: str | None) -> dict[str, str]:
    if not state.settings.fetch_urls:
        raise PermissionDeniedError("fetching URLs is disabled on this server (setting fetch_urls); "
                                    "upload the file with POST instead")
    state.charge_hash(principal)  # (uploads are charged by the request gate, before they are read)
    data, _content_type = await run_in_threadpool(fetch_url, url, state.settings.max_upload_bytes)
    return hma_signals(await hash_blob(data, "url", state.hash_options()), types)


@router.get("/status", response_class=PlainTextResponse, summary="Liveness (no authentication)")
async def status() -> str:
    return "I-AM-ALIVE"


@router.post("/h/hash", summary="Hash an uploaded photo or video", openapi_extra=_UPLOAD_DOC)
async def hash_upload(request: Request, state: State, _p: Annotated[Principal, Depends(needs("hash"))],
                      types: str | None = None) -> dict[str, str]:
    """Multipart upload in a field named ``photo`` or ``video``: ``{signal_type: hash}``."""
    _field, hashes = await hash_form_upload(request, state.hash_options(), HMA_FIELDS)
    return hma_signals(hashes, types)


@router.get("/h/hash", summary="Hash media fetched from a public URL")
async def hash_url(state: State, principal: Annotated[Principal, Depends(needs("hash"))], url: str,
                   types: str | None = None, content_type: str | None = None) -> dict[str, str]:
    return await _hash_url(state, principal, url, types)


def _query_doc(*names: str) -> dict[str, Any]:
    return {**BEARER_DOC, "parameters": [{"name": n, "in": "query", "required": False, "schema": {"type": "string"}}
                                         for n in names]}


def _flag(value: str | None, name: str) -> bool:
    if value is None or value.lower() in ("false", "0"):
        return False
    if value.lower() in ("true", "1"):
        return True
    raise ConfigError(f"{name}: invalid boolean parameter - prefer true/false")


# The two lookups are the hot path: they read the query themselves instead of going through
# FastAPI's parameter and dependency solving (which cost more than the PDQ search; see the README).
@router.get("/m/lookup", summary="Look a signal (or a URL's media) up: matches by bank",
            openapi_extra=_query_doc("signal", "signal_type", "banks", "url", "types", "content_type", "seed",
                                     "bypass_coinflip"))
async def lookup(request: Request) -> JSONResponse:
    """``{bank: [{"bank_content_id", "distance"}]}``; with ``url``, one such object per signal type."""
    principal = authorize(request, "lookup")
    state = get_state(request)
    q = request.query_params
    wanted = _banks_param(q.get("banks"))
    signal, signal_type = q.get("signal"), q.get("signal_type")
    if q.get("url"):
        hashes = await _hash_url(state, principal, q["url"], q.get("types"))
        by_type = {st: _by_bank(_match(state, principal, st, value), wanted) for st, value in hashes.items()}
        return JSONResponse(by_type.get(signal_type, {}) if signal_type else by_type)
    if not signal or not signal_type:
        raise ConfigError("Either url or both signal and signal_type are required")
    return JSONResponse(_by_bank(_match(state, principal, signal_type, signal), wanted))


@router.post("/m/lookup", summary="Hash an upload and look it up", openapi_extra=_UPLOAD_DOC)
async def lookup_upload(request: Request, state: State, principal: Annotated[Principal, Depends(needs("lookup"))],
                        banks: str | None = None, types: str | None = None) -> dict[str, Any]:
    _field, hashes = await hash_form_upload(request, state.hash_options(), HMA_FIELDS)
    wanted = _banks_param(banks)
    return {st: _by_bank(_match(state, principal, st, value), wanted)
            for st, value in hma_signals(hashes, types).items()}


@router.get("/m/raw_lookup", summary="Entry ids matching a signal",
            openapi_extra=_query_doc("signal", "signal_type", "banks", "include_distance"))
async def raw_lookup(request: Request) -> JSONResponse:
    principal = authorize(request, "lookup")
    q = request.query_params
    if not q.get("signal") or not q.get("signal_type"):
        raise ConfigError(f"{'signal' if not q.get('signal') else 'signal_type'} is required")
    result = _match(get_state(request), principal, q["signal_type"], q["signal"])
    wanted = _banks_param(q.get("banks"))
    hits = sorted((m for m in [*result.matches, *result.allowlisted, *result.suppressed]
                   if wanted is None or m.bank in wanted), key=lambda m: (m.distance, m.entry_id))
    if _flag(q.get("include_distance"), "include_distance"):
        return JSONResponse({"matches": [{"bank_content_id": m.entry_id, "distance": str(m.distance)} for m in hits]})
    return JSONResponse({"matches": [m.entry_id for m in hits]})


@router.get("/c/banks", summary="List banks")
def list_banks(state: State, _p: Annotated[Principal, Depends(needs("banks:read"))]) -> list[dict[str, Any]]:
    return [_hma_bank(b) for b in state.store.list_banks()]


@router.post("/c/banks", status_code=201, summary="Create a bank")
def create_bank(body: BankCreate, state: State,
                principal: Annotated[Principal, Depends(needs("banks:write"))]) -> Any:
    enabled = _ratio(body.enabled_ratio, body.enabled)
    try:
        bank = state.banks.create(body.name, actor=principal.actor, enabled=enabled)
    except BankExistsError:
        # HMA answers 403 here (our own routes say 409); kept for its clients.
        return JSONResponse({"message": "Bank already exists", "error": "BankExistsError"}, status_code=403)
    state.bank_changed()
    return _hma_bank(bank)


@router.get("/c/bank/{bank_name}", summary="One bank")
def get_bank(bank_name: str, state: State, _p: Annotated[Principal, Depends(needs("banks:read"))]) -> dict[str, Any]:
    return _hma_bank(state.store.get_bank(bank_name))


@router.put("/c/bank/{bank_name}", summary="Enable or disable a bank")
def update_bank(bank_name: str, state: State, principal: Annotated[Principal, Depends(needs("banks:write"))],
                body: Annotated[dict[str, Any], Body()]) -> dict[str, Any]:
    if "name" in body and body["name"] != bank_name:
        raise ConfigError("renaming banks is not supported")
    current = state.store.get_bank(bank_name)
    enabled = _ratio(body.get("enabled_ratio"), body.get("enabled"), default=current.enabled)
    bank = state.banks.update(bank_name, actor=principal.actor, enabled=enabled)
    state.bank_changed()
    return _hma_bank(bank)


@router.delete("/c/bank/{bank_name}", summary="Delete a bank")
def delete_bank(bank_name: str, state: State,
                principal: Annotated[Principal, Depends(needs("banks:write"))]) -> dict[str, str]:
    try:
        state.banks.delete(bank_name, actor=principal.actor)
    except BankNotFoundError:
        pass  # HMA: deleting a missing bank is not an error
    state.bank_changed()
    return {"message": "Done"}


@router.post("/c/bank/{bank_name}/signal", summary="Add signals to a bank")
def add_signals(bank_name: str, state: State, principal: Annotated[Principal, Depends(needs("banks:write"))],
                body: Annotated[dict[str, str], Body()]) -> dict[str, Any]:
    """Body ``{signal_type: signal, ...}``; answers ``{"id": ..., "signals": {signal_type: signal}}``."""
    if not body:
        raise ConfigError("No signals given")
    state.store.get_bank(bank_name)
    entries = [NewEntry(kind, value, source="api") for kind, value in body.items()]
    _added, ids = state.banks.add(bank_name, entries, actor=principal.actor, action="bank.add_signal")
    state.bank_changed()
    return {"id": ids[0], "signals": {get_signal_type(k).name: get_signal_type(k).validate(v) for k, v in body.items()}}
