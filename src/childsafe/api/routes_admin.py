"""Accounts, tokens and the audit log (administrators only)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from childsafe.accounts import Principal, hash_password, issue_token
from childsafe.api.state import MAX_ID, RowId32, ServiceState, get_state, needs

__all__ = ["router"]

router = APIRouter(prefix="/api/v1")
State = Annotated[ServiceState, Depends(get_state)]
Admin = Annotated[Principal, Depends(needs("users"))]
Role = Literal["admin", "reviewer", "api-client"]


class UserCreate(BaseModel):
    name: str
    role: Role
    password: str | None = Field(default=None, repr=False)


class UserChange(BaseModel):
    role: Role | None = None
    disabled: bool | None = None
    password: str | None = Field(default=None, repr=False)


class TokenCreate(BaseModel):
    label: str | None = Field(default=None, max_length=200)


@router.get("/users", tags=["accounts"], summary="List users")
def list_users(state: State, _p: Admin) -> list[dict[str, Any]]:
    return [u.to_record() for u in state.service.list_users()]


@router.post("/users", tags=["accounts"], status_code=201, summary="Create a user")
def create_user(body: UserCreate, state: State, principal: Admin) -> dict[str, Any]:
    digest = hash_password(body.password) if body.password is not None else None
    return state.service.create_user(body.name, body.role, digest, actor=principal.actor).to_record()


@router.patch("/users/{name}", tags=["accounts"], summary="Change a user's role, password or disable it")
def change_user(name: str, body: UserChange, state: State, principal: Admin) -> dict[str, Any]:
    digest = hash_password(body.password) if body.password is not None else None
    user = state.service.update_user(name, actor=principal.actor, role=body.role, disabled=body.disabled,
                                     password_hash=digest)
    state.tokens.forget()  # a disabled user or changed role takes effect at once in this process
    return user.to_record()


@router.get("/users/{name}/tokens", tags=["accounts"], summary="A user's tokens (never the tokens themselves)")
def list_tokens(name: str, state: State, _p: Admin) -> list[dict[str, Any]]:
    return state.service.list_tokens(name)


@router.post("/users/{name}/tokens", tags=["accounts"], status_code=201, summary="Issue a token (shown once)")
def create_token(name: str, state: State, principal: Admin, body: TokenCreate | None = None) -> dict[str, Any]:
    token_id, token = issue_token(state.service, name, actor=principal.actor, label=body.label if body else None)
    return {"id": token_id, "user": name, "token": token}


@router.delete("/tokens/{token_id}", tags=["accounts"], summary="Revoke a token")
def revoke_token(token_id: RowId32, state: State, principal: Admin) -> dict[str, int]:
    state.service.revoke_token(token_id, actor=principal.actor)
    state.tokens.forget()
    return {"revoked": token_id}


@router.get("/audit", tags=["audit"], summary="Audit entries after an id, oldest first")
def audit_entries(state: State, _p: Annotated[Principal, Depends(needs("audit"))],
                  after: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
                  limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    return {"entries": [e.to_record() for e in state.service.audit_entries(after, limit)]}


@router.get("/audit/verify", tags=["audit"], summary="Recompute the hash chain")
def audit_verify(state: State, _p: Annotated[Principal, Depends(needs("audit"))]) -> dict[str, Any]:
    return state.service.verify_audit().to_record()
