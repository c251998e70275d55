"""Native routes for media and text: hash an upload, look signals up, score a conversation.

Graph ranking and linkage run on the network in the store, as the ``childsafe graph`` commands do.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Query, Request, UploadFile
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from childsafe.accounts import Principal
from childsafe.api.state import BEARER_DOC, CaseQuery, ServiceState, authorize, get_state, needs
from childsafe.api.uploads import hash_upload as hash_upload_file
from childsafe.errors import ConfigError
from childsafe.media.hashing import FileHashes
from childsafe.text.messages import MAX_MESSAGE_CHARS, Message

__all__ = ["router", "MAX_MESSAGES"]

router = APIRouter(prefix="/api/v1")
State = Annotated[ServiceState, Depends(get_state)]
#: Messages accepted in one scoring request (a conversation longer than this is a batch job).
MAX_MESSAGES = 20_000


@router.get("/me", tags=["accounts"], summary="Who am I")
async def me(principal: Annotated[Principal, Depends(needs("hash"))]) -> dict[str, Any]:
    from childsafe.accounts import CAPABILITIES

    return {**principal.user.to_record(), "token_id": principal.token_id,
            "capabilities": sorted(CAPABILITIES[principal.user.role])}


@router.post("/hash", tags=["media"], summary="Hash an uploaded file (not kept)")
async def hash_upload(state: State, principal: Annotated[Principal, Depends(needs("hash"))],
                      file: Annotated[UploadFile, File(description="The photo or video.")],
                      match: bool = False) -> dict[str, Any]:
    """The record of ``childsafe hash`` (``path`` is the uploaded file's name); with ``match=true``
    also the bank matches, as ``childsafe scan`` reports them."""
    hashes = await hash_upload_file(file, state.hash_options())
    record = hashes.to_record()
    if match:
        state.lookup_limiter.check(("lookup", principal.token_id), "lookups for this token")
        record.update(await run_in_threadpool(_match_file, state, hashes))
    return record


def _match_file(state: ServiceState, hashes: FileHashes) -> dict[str, Any]:
    if hashes.error is not None and not hashes.sha256:
        return {"matches": []}
    return state.matchers.use(lambda m: m.match_file(hashes)).to_record()


_LOOKUP_DOC: dict[str, Any] = {**BEARER_DOC, "parameters": [
    {"name": "signal_type", "in": "query", "required": True, "schema": {"type": "string"},
     "description": "pdq, md5, sha1, sha256, video_md5 or vpdq"},
    {"name": "signal", "in": "query", "required": True, "schema": {"type": "string"}},
    {"name": "bank", "in": "query", "required": False, "schema": {"type": "array", "items": {"type": "string"}},
     "description": "only these banks' matches (repeatable)"}]}


@router.get("/lookup", tags=["media"], summary="Look one signal up in the enabled banks", openapi_extra=_LOOKUP_DOC)
async def lookup(request: Request) -> JSONResponse:
    """``{"matches": [...]}`` as ``childsafe match`` prints it (with ``allowlisted``/``suppressed``
    when an allowlist entry matched).  Reads its query itself: see ``/m/lookup``."""
    principal = authorize(request, "lookup")
    state = get_state(request)
    q = request.query_params
    signal_type, signal = q.get("signal_type"), q.get("signal")
    if not signal_type or not signal:
        raise ConfigError("signal_type and signal are required")
    state.lookup_limiter.check(("lookup", principal.token_id), "lookups for this token")
    record = state.matchers.use(lambda m: m.match_signal(signal_type, signal)).to_record()
    banks = q.getlist("bank")
    if banks:
        record["matches"] = [m for m in record["matches"] if m["bank"] in banks]
    return JSONResponse(record)


class ChatMessage(BaseModel):
    author: str = Field(min_length=1, max_length=500)
    text: str = Field(max_length=MAX_MESSAGE_CHARS)
    timestamp: str | None = None
    recipient: str | None = None
    platform: str | None = None


class Conversation(BaseModel):
    conversation_id: str = Field(default="api", max_length=500)
    messages: list[ChatMessage] = Field(min_length=1, max_length=MAX_MESSAGES)


@router.post("/text/score", tags=["text"], summary="Grooming and sextortion risk of one conversation")
def score(body: Conversation, _p: Annotated[Principal, Depends(needs("score"))]) -> dict[str, Any]:
    """The record of ``childsafe text score`` for one conversation, messages in order.  The text is
    scored in memory and not stored."""
    from childsafe.text.scoring import score_conversation

    messages = [Message(body.conversation_id, m.author, m.text, m.timestamp, m.recipient, m.platform, i + 1)
                for i, m in enumerate(body.messages)]
    return score_conversation(messages).to_record()


@router.get("/graph/rank", tags=["graph"], summary="Ranked accounts with reasons and paths")
def graph_rank(state: State, _p: Annotated[Principal, Depends(needs("graph"))],
               seeds: Annotated[list[str] | None, Query(description="Confirmed account ids.")] = None,
               top: Annotated[int, Query(ge=1, le=1000)] = 50, case: CaseQuery = None) -> dict[str, Any]:
    """``childsafe graph rank``: the network in the store, hash lists matched in, confirmed labels and
    ``seeds`` as sources.  ``{"leads": [{account, role, score, reasons, paths}]}``: suspects only."""
    from childsafe.graph.rank import rank_accounts
    from childsafe.store.graph import GraphStore, media_matcher

    store = state.scope(case).store  # the case's network; the main store's banks
    net = state.matchers.use(lambda m: GraphStore(store).load(media_matcher(m)))
    return {"leads": [lead.to_record() for lead in rank_accounts(net, seeds or (), top=top).leads]}


@router.get("/graph/at-risk", tags=["graph"], summary="Children in contact with suspects, most exposed first")
def graph_at_risk(state: State, _p: Annotated[Principal, Depends(needs("graph"))],
                  seeds: Annotated[list[str] | None, Query(description="Confirmed account ids.")] = None,
                  top: Annotated[int, Query(ge=1, le=1000)] = 100, case: CaseQuery = None) -> dict[str, Any]:
    """``childsafe graph at-risk``: ``{"children": [{account, role, exposure, reasons, paths, stated_age}]}``."""
    from childsafe.graph.atrisk import children_at_risk
    from childsafe.graph.rank import rank_accounts
    from childsafe.store.graph import GraphStore, media_matcher

    store = state.scope(case).store  # the case's network; the main store's banks
    net = state.matchers.use(lambda m: GraphStore(store).load(media_matcher(m)))
    result = rank_accounts(net, seeds or (), top=0)
    return {"children": [child.to_record() for child in children_at_risk(result, top)]}


@router.get("/graph/link", tags=["graph"], summary="Accounts linked into persons")
def graph_link(state: State, _p: Annotated[Principal, Depends(needs("graph"))],
               threshold: Annotated[float, Query(gt=0, le=1)] = 0.85, case: CaseQuery = None) -> dict[str, Any]:
    """``childsafe graph link``: ``{"persons": [{person, accounts, evidence, confidence}]}``."""
    from childsafe.graph.linkage import LinkSettings, link_accounts
    from childsafe.store.graph import GraphStore

    net = GraphStore(state.scope(case).store).load(None)
    return {"persons": [p.to_record() for p in link_accounts(net, LinkSettings(threshold=threshold))]}
