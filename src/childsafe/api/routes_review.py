"""The review queue and decisions for API clients: the same queue, checks and audit as the review UI."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from childsafe.accounts import Principal
from childsafe.api.state import CaseQuery, get_state, needs
from childsafe.errors import ConfigError
from childsafe.store.allowlist import list_grants

__all__ = ["router"]

router = APIRouter(prefix="/api/v1/review")


class DecisionIn(BaseModel):
    key: str = Field(description="The item's key, as the queue lists it.")
    decision: str = Field(description="confirmed, false_positive or escalate.")
    reason: str = Field(min_length=1, max_length=4000, description="Why; kept in the audit log.")
    fingerprint: str = Field(description="The item's fingerprint from the queue: refused if the item changed since.")
    allowlist_preview: int | None = Field(
        default=None, ge=0, le=2**31,
        description="For a false positive on a hash match: the 'suppresses_other_items' count from "
                    "GET /api/v1/review/allowlist/preview; refused (400) when it changed since.")


class AllowlistRemoveIn(BaseModel):
    item: str = Field(min_length=1, max_length=4096, description="The review item whose allowlist entries to remove.")
    reason: str = Field(min_length=1, max_length=2000, description="Why; kept in the audit log.")


@router.get("/queue", tags=["review"], summary="Open review items, most urgent first")
async def queue(request: Request, _p: Annotated[Principal, Depends(needs("review"))],
                source: Annotated[str | None, Query(description="media, text or graph")] = None,
                case: CaseQuery = None) -> dict[str, Any]:
    """Hash matches, conversation risk and graph leads without a final decision; escalated items included."""
    scope = await run_in_threadpool(get_state(request).scope, case)
    result = await run_in_threadpool(scope.review.queue.items, source)
    return {"case": scope.name, "items": [item.to_record() for item in result.items], "counts": result.counts,
            "notes": result.notes, "warnings": result.warnings}


@router.post("/decisions", tags=["review"], summary="Decide an item (audited)", status_code=201)
async def decide(request: Request, body: DecisionIn,
                 principal: Annotated[Principal, Depends(needs("review"))], case: CaseQuery = None) -> dict[str, Any]:
    """A false positive on a hash match allowlists the file; on a graph lead it clears the account."""
    review = (await run_in_threadpool(get_state(request).scope, case)).review
    made = await run_in_threadpool(lambda: review.decide(principal.user, body.key, body.decision, body.reason,
                                                     body.fingerprint, allowlist_preview=body.allowlist_preview))
    record: dict[str, Any] = made.to_record()
    return record


@router.get("/allowlist/preview", tags=["review"], summary="What a false positive would allowlist and suppress")
async def allowlist_preview(request: Request, principal: Annotated[Principal, Depends(needs("review"))],
                            key: Annotated[str, Query(min_length=1, max_length=4096)],
                            case: CaseQuery = None) -> dict[str, Any]:
    """The entries a false positive on a hash match would add, the bank entries they answer, and how many
    other stored items of the case they would suppress.  When that is more than zero only an administrator
    may save it."""
    review = (await run_in_threadpool(get_state(request).scope, case)).review

    def preview() -> dict[str, Any]:
        found = review.queue.item(key)
        shown = review.queue.allowlist_preview(found, principal.user.name)
        if shown is None:
            raise ConfigError(f"{key!r} is not a hash match: a false positive on it allowlists nothing")
        record: dict[str, Any] = shown.to_record()
        return record

    return await run_in_threadpool(preview)


@router.get("/allowlist", tags=["review"], summary="Allowlist entries made by review decisions")
async def allowlist(request: Request, _p: Annotated[Principal, Depends(needs("review"))],
                    case: CaseQuery = None) -> dict[str, Any]:
    """The reviewer allowlist is one bank in the main store, shared by every case; with ``?case=`` only the
    entries made by that case's decisions (their ``review_item`` is ``case/NAME/KEY``)."""
    state = get_state(request)
    grants = await run_in_threadpool(list_grants, state.store)
    if case is not None:
        scope = await run_in_threadpool(state.scope, case)
        grants = [g for g in grants if scope.review.reviews.owns_grant(g.review_item)]
    return {"entries": [g.to_record() for g in grants]}


@router.post("/allowlist/remove", tags=["review"], summary="Remove a decision's allowlist entries (admins, audited)")
async def allowlist_remove(request: Request, body: AllowlistRemoveIn,
                           principal: Annotated[Principal, Depends(needs("review"))],
                           case: CaseQuery = None) -> dict[str, Any]:
    """Undo a false positive: its allowlist entries go (an entry another decision also made stays) and the
    item reopens.  Administrators only; audited as ``allowlist.remove``.  ``item`` is the case's item key."""
    review = (await run_in_threadpool(get_state(request).scope, case)).review
    done: dict[str, Any] = await run_in_threadpool(review.remove_allowlist, principal.user, body.item, body.reason)
    return done
