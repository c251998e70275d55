"""The review UI's routes (see :mod:`childsafe.web.app` for the helpers they call)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from childsafe.accounts import can
from childsafe.errors import PermissionDeniedError
from childsafe.store.allowlist import PREVIEW_NAMES, list_grants
from childsafe.web.security import PREFIX

if TYPE_CHECKING:
    from childsafe.web.app import ReviewUI

__all__ = ["add_routes"]

Text = Annotated[str, Form(max_length=10_000)]
#: A missing form token is refused like a wrong one (403), not as a malformed form.
Token = Annotated[str, Form(max_length=200)]
Key = Annotated[str, Query(min_length=1, max_length=4096)]


def add_routes(router: APIRouter, ui: ReviewUI) -> None:
    from childsafe.web.app import AUDIT_PAGE, QUEUE_PAGE, LoginRequired

    @router.get("/login", response_class=HTMLResponse)
    def login_page(request: Request, next: Annotated[str, Query(max_length=2048)] = "") -> Response:
        try:
            ui.session(request)
            return RedirectResponse(f"{PREFIX}/", status_code=303)
        except LoginRequired:
            return ui.login_form(request, next_url=next)

    @router.post("/login")
    def login(request: Request, username: Text, password: Text, csrf: Token = "",
              next: Annotated[str, Form(max_length=2048)] = "") -> Response:
        return ui.login(request, username, password, csrf, next)

    @router.post("/logout")
    def logout(request: Request, csrf: Token = "") -> Response:
        return ui.logout(request, csrf)

    @router.get("/", response_class=HTMLResponse)
    def queue(request: Request, source: Annotated[str | None, Query(max_length=16)] = None,
              done: int | None = None) -> HTMLResponse:
        session = ui.session(request)
        result = ui.queue.items(source or None)
        return ui.render(request, "queue.html", session=session, nav="queue", result=result,
                         shown=result.items[:QUEUE_PAGE], source=source or "", done=done)

    @router.get("/item", response_class=HTMLResponse)
    def item(request: Request, key: Key) -> HTMLResponse:
        session = ui.session(request)
        found = ui.queue.item(key)
        ui.reviews.record_exposure(session.user.name, found.key, "view")
        media = ui.media_state(found.subject) if found.source == "media" else None
        conversations = ui.reviews.conversations(found.subject) if found.source == "text" else []
        may_decide = not found.closed and (not found.escalated or can(session.user, "audit"))
        # The preview step: what a false positive would allowlist and suppress, shown before saving.
        preview = ui.queue.allowlist_preview(found, session.user.name) if may_decide else None
        return ui.render(request, "item.html", session=session, nav="queue", item=found, media=media,
                         conversations=conversations, history=ui.reviews.history(found.key),
                         may_decide=may_decide, decisions=ui.queue.decisions_for(found), preview=preview,
                         preview_names=PREVIEW_NAMES)

    @router.get("/media")
    def media(request: Request, key: Key) -> Response:
        return ui.media(request, key)

    @router.post("/reveal")
    def reveal(request: Request, key: Text, csrf: Token = "") -> JSONResponse:
        return ui.reveal(request, key, csrf)

    @router.get("/conversation", response_class=HTMLResponse)
    def conversation(request: Request, author: Key, n: Annotated[int, Query(ge=0)] = 0) -> HTMLResponse:
        return ui.conversation(request, author, n)

    @router.post("/decide")
    def decide(request: Request, key: Text, decision: Text, reason: Text, fingerprint: Annotated[str, Form()] = "",
               csrf: Token = "", allowlist_preview: Annotated[str, Form(max_length=20)] = "") -> Response:
        session = ui.checked(request, csrf)
        shown = int(allowlist_preview) if allowlist_preview.isdigit() else None
        made = ui.decide(session.user, key, decision, reason, fingerprint, allowlist_preview=shown,
                         preview_required=True)
        return RedirectResponse(f"{PREFIX}/?done={made.audit_id}", status_code=303)

    @router.get("/allowlist", response_class=HTMLResponse)
    def allowlist(request: Request, removed: Annotated[int | None, Query(ge=1)] = None) -> HTMLResponse:
        session = ui.session(request)
        return ui.render(request, "allowlist.html", session=session, nav="allowlist",
                         grants=list_grants(ui.state.store), removed=removed)

    @router.post("/allowlist/remove")
    def allowlist_remove(request: Request, key: Text, reason: Text, csrf: Token = "") -> Response:
        session = ui.checked(request, csrf)
        done = ui.remove_allowlist(session.user, key, reason)
        return RedirectResponse(f"{PREFIX}/allowlist?removed={done['audit_id']}", status_code=303)

    @router.get("/me", response_class=HTMLResponse)
    def me(request: Request) -> HTMLResponse:
        session = ui.session(request)
        return ui.render(request, "me.html", session=session, nav="me",
                         decisions=ui.reviews.decisions_by(session.user.name))

    @router.get("/audit", response_class=HTMLResponse)
    def audit(request: Request, before: Annotated[int | None, Query(ge=2)] = None) -> HTMLResponse:
        session = ui.session(request)
        if not can(session.user, "audit"):
            raise PermissionDeniedError(f"role {session.user.role!r} may not read the audit log")
        report = ui.state.service.verify_audit()
        last = min(before - 1, report.entries) if before else report.entries
        entries = ui.state.service.audit_entries(max(0, last - AUDIT_PAGE), AUDIT_PAGE)
        entries.reverse()
        older = entries[-1].id if entries and entries[-1].id > 1 else None
        return ui.render(request, "audit.html", session=session, nav="audit", report=report, entries=entries,
                         older=older)
