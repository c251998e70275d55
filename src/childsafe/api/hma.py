"""The HMA drop-in, hashing and matching: same paths, parameters, shapes and statuses as Meta's
Hasher-Matcher-Actioner (OpenMediaMatch's ``/h`` and ``/m`` blueprints and its ``/status`` routes).
Curation (``/c``) is in :mod:`childsafe.api.hma_curation`.

An HMA client adds ``Authorization: Bearer TOKEN``, or calls from a network listed in
``hma_open_networks`` (:mod:`childsafe.api.open_networks`).  Differences, on purpose:

- Allowlist banks suppress matches (HMA has no allowlists): a lookup that hits an allowlist answers
  ``{}``; raw lookups list the allowlist entry too.  Disabled banks never match (HMA's raw lookup
  and ``bypass_coinflip`` ignore the switch); a partial ``matching_enabled_ratio`` is HMA's coin flip.
- ``?url=`` fetching is off unless ``fetch_urls`` is set, and never reaches private addresses.
"""

from __future__ import annotations

import random
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, Request
from fastapi.responses import JSONResponse, PlainTextResponse
from starlette.concurrency import run_in_threadpool

from childsafe.accounts import Principal
from childsafe.api.fetch import fetch_url
from childsafe.api.state import BEARER_DOC, ServiceState, authorize, get_state, needs
from childsafe.api.uploads import HMA_FIELDS, hash_blob, hash_form_upload, hma_signals
from childsafe.errors import ConfigError, PermissionDeniedError
from childsafe.matching import Match, MatchResult
from childsafe.media.signals import get_signal_type, signal_types
from childsafe.store.bank_contents import BankContents

__all__ = ["router", "hma_distance", "fetch_and_hash"]

router = APIRouter(tags=["HMA-compatible"])
State = Annotated[ServiceState, Depends(get_state)]
_UPLOAD_DOC: dict[str, Any] = {"requestBody": {"content": {"multipart/form-data": {"schema": {
    "type": "object", "properties": {"photo": {"type": "string", "format": "binary"},
                                     "video": {"type": "string", "format": "binary"}}}}}}}
_ALIVE = "I-AM-ALIVE"
#: Where HMA serves its OpenAPI document (childsafe's is also at /openapi.json).
HMA_OPENAPI = "/openapi/openapi.json"


def hma_distance(match: Match) -> str:
    """HMA's ``pretty_str`` of a match: ``"4"``, or ``query%[compared%]`` for vPDQ."""
    query, compared = match.detail.get("query_match_percent"), match.detail.get("compared_match_percent")
    if isinstance(query, int | float) and isinstance(compared, int | float):
        return f"{query:.0f}%[{compared:.0f}%]"
    return str(match.distance)


def _banks_param(banks: str | None) -> set[str] | None:
    return set(banks.split(",")) if banks else None


def _match(state: ServiceState, principal: Principal, signal_type: str, signal: str) -> MatchResult:
    state.lookup_limiter.check(("lookup", principal.token_id), "lookups for this token")
    return state.matchers.use(lambda m: m.match_signal(signal_type, signal))


def _lookup(state: ServiceState, principal: Principal, signal_type: str, signal: str, wanted: set[str] | None,
            seed: str | None, bypass_coinflip: bool) -> dict[str, list[dict[str, Any]]]:
    """HMA's ``lookup()``: matches of enabled contents by bank, one per content, after the coin flip."""
    result = _match(state, principal, signal_type, signal)
    coinflip = 0.0 if bypass_coinflip else random.Random(seed).random()  # noqa: S311 - HMA's sampling, not a secret
    out: dict[str, list[dict[str, Any]]] = {}
    for m in result.matches:
        if not m.content_enabled or m.matching_ratio < coinflip:
            continue
        if wanted is None or m.bank in wanted:
            out.setdefault(m.bank, []).append({"bank_content_id": m.content_id or m.entry_id,
                                               "distance": hma_distance(m)})
    return out


async def fetch_and_hash(state: ServiceState, principal: Principal, url: str, types: str | None) -> dict[str, str]:
    """HMA's ``hash_url_content``: the media at ``url`` as ``{signal_type: hash}``."""
    if not state.settings.fetch_urls:
        raise PermissionDeniedError("fetching URLs is disabled on this server (setting fetch_urls); "
                                    "upload the file with POST instead")
    state.charge_hash(principal)  # (uploads are charged by the request gate, before they are read)
    data, _content_type = await run_in_threadpool(fetch_url, url, state.settings.max_upload_bytes)
    return hma_signals(await hash_blob(data, "url", state.hash_options()), types)


# -- status --------------------------------------------------------------------------------------
@router.get("/status", response_class=PlainTextResponse, summary="Readiness (no authentication)",
            responses={503: {"description": "INDEX-NOT-LOADED: the index is still loading"}})
async def status(request: Request) -> PlainTextResponse:
    """HMA's health check: 503 until this process has loaded its index (the server loads it before
    it serves; an application called in-process loads it on first use)."""
    if not get_state(request).matchers.ready:
        return PlainTextResponse("INDEX-NOT-LOADED", status_code=503)
    return PlainTextResponse(_ALIVE)


@router.get("/status/live", response_class=PlainTextResponse, summary="Liveness (no authentication)")
async def status_live() -> str:
    """The process answers HTTP; never fails on the index state (HMA's liveness probe)."""
    return _ALIVE


@router.get("/site-map", summary="Every route's path (no authentication)")
async def site_map(request: Request) -> list[str]:
    # The documented routes, and the undocumented ones the application holds itself (the OpenAPI
    # documents, the review UI's mount); included routers are not listed one route each by FastAPI.
    paths = set(request.app.openapi()["paths"]) | {HMA_OPENAPI}
    paths |= {str(path) for route in request.app.routes if (path := getattr(route, "path", None))}
    return sorted(paths)


@router.get(HMA_OPENAPI, include_in_schema=False)
async def openapi_at_hma_path(request: Request) -> JSONResponse:
    """The OpenAPI document also where HMA serves it (public, as ``/openapi.json``)."""
    return JSONResponse(request.app.openapi())


# -- hashing -------------------------------------------------------------------------------------
@router.post("/h/hash", summary="Hash an uploaded photo or video", openapi_extra=_UPLOAD_DOC)
async def hash_upload(request: Request, state: State, _p: Annotated[Principal, Depends(needs("hash"))],
                      types: str | None = None) -> dict[str, str]:
    """Multipart upload in a field named ``photo`` or ``video``: ``{signal_type: hash}``."""
    _field, hashes = await hash_form_upload(request, state.hash_options(), HMA_FIELDS)
    return hma_signals(hashes, types)


@router.get("/h/hash", summary="Hash media fetched from a public URL")
async def hash_url(state: State, principal: Annotated[Principal, Depends(needs("hash"))], url: str,
                   types: str | None = None, content_type: str | None = None) -> dict[str, str]:
    return await fetch_and_hash(state, principal, url, types)


# -- matching ------------------------------------------------------------------------------------
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
    signal, signal_type, seed = q.get("signal"), q.get("signal_type"), q.get("seed")
    bypass = _flag(q.get("bypass_coinflip"), "bypass_coinflip")
    if q.get("url"):
        hashes = await fetch_and_hash(state, principal, q["url"], q.get("types"))
        by_type = {st: _lookup(state, principal, st, value, wanted, seed, bypass) for st, value in hashes.items()}
        return JSONResponse(by_type.get(signal_type, {}) if signal_type else by_type)
    if not signal or not signal_type:
        raise ConfigError("Either url or both signal and signal_type are required")
    return JSONResponse(_lookup(state, principal, signal_type, signal, wanted, seed, bypass))


@router.post("/m/lookup", summary="Hash an upload and look it up", openapi_extra=_UPLOAD_DOC)
async def lookup_upload(request: Request, state: State, principal: Annotated[Principal, Depends(needs("lookup"))],
                        banks: str | None = None, types: str | None = None, seed: str | None = None,
                        bypass_coinflip: str | None = None) -> dict[str, Any]:
    _field, hashes = await hash_form_upload(request, state.hash_options(), HMA_FIELDS)
    wanted, bypass = _banks_param(banks), _flag(bypass_coinflip, "bypass_coinflip")
    return {st: _lookup(state, principal, st, value, wanted, seed, bypass)
            for st, value in hma_signals(hashes, types).items()}


@router.get("/m/raw_lookup", summary="Content ids matching a signal",
            openapi_extra=_query_doc("signal", "signal_type", "banks", "include_distance"))
async def raw_lookup(request: Request) -> JSONResponse:
    principal = authorize(request, "lookup")
    q = request.query_params
    if not q.get("signal") or not q.get("signal_type"):
        raise ConfigError(f"{'signal' if not q.get('signal') else 'signal_type'} is required")
    state = get_state(request)
    include_distance = _flag(q.get("include_distance"), "include_distance")
    result = _match(state, principal, q["signal_type"], q["signal"])
    wanted = _banks_param(q.get("banks"))
    hits = sorted((m for m in [*result.matches, *result.allowlisted, *result.suppressed]
                   if wanted is None or m.bank in wanted), key=lambda m: (m.distance, m.entry_id))
    found = [(m.content_id or m.entry_id, m) for m in hits]
    if include_distance:
        return JSONResponse({"matches": [{"bank_content_id": cid, "distance": hma_distance(m)} for cid, m in found]})
    return JSONResponse({"matches": [cid for cid, _m in found]})


@router.get("/m/index/status", summary="Each signal type's index: present, built to, size")
def index_status(state: State, _p: Annotated[Principal, Depends(needs("lookup"))],
                 signal_type: str | None = None) -> dict[str, dict[str, Any]]:
    """HMA's shape: ``{type: {"present", "built_to" (Unix time of the newest indexed entry), "size"}}``."""
    names = [k.name for k in signal_types()]
    if signal_type is not None:
        if signal_type not in names:
            raise ConfigError(f"No such signal type '{signal_type}'")
        names = [signal_type]
    built = state.matchers.built_to()
    contents = BankContents(state.service)
    out: dict[str, dict[str, Any]] = {}
    for name in names:
        up_to = None if built is None else built.get(name)
        if up_to is None:
            out[name] = {"present": False, "built_to": -1, "size": 0}
            continue
        out[name] = {"present": True, "built_to": contents.entry_time(up_to) if up_to else -1,
                     "size": state.store.count_entries([name], up_to_id=up_to) if up_to else 0}
    return out


@router.post("/m/compare", summary="Compare pairs of signals: match and distance")
def compare(_p: Annotated[Principal, Depends(needs("lookup"))],
            body: Annotated[Any, Body()]) -> dict[str, Any]:
    """``{"pdq": [a, b]}`` answers ``{"pdq": [true, {"distance": 9}]}`` (vPDQ: the two match percents)."""
    if not isinstance(body, dict):
        raise ConfigError("Request input was not a dict")
    out: dict[str, Any] = {}
    for name, pair in body.items():
        if not isinstance(pair, list):
            raise ConfigError(f"Comparison hashes for {name} was not a list")
        if len(pair) != 2:
            raise ConfigError("Comparison hash list length must be exactly 2")
        kind = get_signal_type(name)
        if not all(isinstance(s, str) for s in pair):
            raise ConfigError(f"Invalid {name} hash: not a string")
        left, right = kind.validate(pair[0]), kind.validate(pair[1])
        if hasattr(kind, "match_percents"):
            query, compared = kind.match_percents(left, right)
            info: dict[str, Any] = {"query_match_percent": query, "compared_match_percent": compared}
        else:
            info = {"distance": kind.distance(left, right)}
        out[name] = [kind.matches(left, right), info]
    return out
