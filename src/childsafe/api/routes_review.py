"""The review queue and decisions for API clients: the same queue, checks and audit as the review UI."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from childsafe.api.accounts import Principal
from childsafe.api.state import needs

__all__ = ["router"]

router = APIRouter(prefix="/api/v1/review")


class DecisionIn(BaseModel):
    key: str = Field(description="The item's key, as the queue lists it.")
    decision: str = Field(description="confirmed, false_positive or escalate.")
    reason: str = Field(min_length=1, max_length=4000, description="Why; kept in the audit log.")
    fingerprint: str = Field(description="The item's fingerprint from the queue: refused if the item changed since.")


@router.get("/queue", tags=["review"], summary="Open review items, most urgent first")
async def queue(request: Request, _p: Annotated[Principal, Depends(needs("review"))],
                source: Annotated[str | None, Query(description="media, text or graph")] = None) -> dict[str, Any]:
    """Hash matches, conversation risk and graph leads without a final decision; escalated items included."""
    result = await run_in_threadpool(request.app.state.review_ui.queue.items, source)
    return {"items": [item.to_record() for item in result.items], "counts": result.counts,
            "notes": result.notes, "warnings": result.warnings}


@router.post("/decisions", tags=["review"], summary="Decide an item (audited)", status_code=201)
async def decide(request: Request, body: DecisionIn,
                 principal: Annotated[Principal, Depends(needs("review"))]) -> dict[str, Any]:
    """A false positive on a hash match allowlists the file; on a graph lead it clears the account."""
    made = await run_in_threadpool(request.app.state.review_ui.decide, principal.user, body.key, body.decision,
                                   body.reason, body.fingerprint)
    record: dict[str, Any] = made.to_record()
    return record
