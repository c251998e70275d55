"""Scan jobs: submit a server-side path, follow its progress (see :mod:`childsafe.api.jobs`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from childsafe.accounts import Principal
from childsafe.api.state import RowId32, ServiceState, get_state, needs

__all__ = ["router"]

router = APIRouter(prefix="/api/v1/scans", tags=["scans"])
State = Annotated[ServiceState, Depends(get_state)]
Scanner = Annotated[Principal, Depends(needs("scan"))]


class ScanRequest(BaseModel):
    path: str
    banks: list[str] | None = None
    case: str | None = Field(default=None, max_length=200, description="Store the records in this case "
                             "(see 'childsafe case list'); default: the main store.")


@router.post("", status_code=202, summary="Scan a folder, file or archive on the server")
def submit(body: ScanRequest, state: State, principal: Scanner) -> dict[str, Any]:
    """Queued at once; follow ``GET /api/v1/scans/{id}`` (``state``, ``progress``, then ``result``
    with the summary and up to 1,000 matched items; every item's record is in the store)."""
    for name in body.banks or []:
        state.store.get_bank(name)  # 404 now rather than a failed job later
    case = state.scope(body.case)  # an unknown case too
    return state.jobs.submit(body.path, body.banks, actor=principal.actor,
                             case=None if case.is_default else case.name).to_record()


@router.get("", summary="Recent scan jobs, newest first")
def list_jobs(state: State, _p: Scanner, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[dict[str, Any]]:
    return [j.to_record() for j in state.service.list_jobs(limit) if j.kind == "scan"]


@router.get("/{job_id}", summary="One scan job: state, progress, result")
def get_job(job_id: RowId32, state: State, _p: Scanner) -> dict[str, Any]:
    return state.service.get_job(job_id).to_record()
