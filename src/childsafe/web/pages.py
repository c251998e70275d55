"""The review UI's routes (see :mod:`childsafe.web.app` for the helpers they call)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from childsafe.accounts import can
from childsafe.case.registry import count_records
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
#: The case a page is about (``?case=``; none: the default case).  Every page a case's page links to carries it.
CaseQ = Annotated[str | None, Query(max_length=200)]


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

    @router.get("/cases", response_class=HTMLResponse)
    def cases(request: Request, case: CaseQ = None) -> HTMLResponse:
        session = ui.session(request)
        rows = []
        for listed in ui.state.cases.house.cases().list():
            rows.append({"case": listed, "counts": count_records(ui.scope(listed.name).store)})
        return ui.render(request, "cases.html", session=session, scope=ui.scope(case), nav="cases", cases=rows)

    @router.get("/", response_class=HTMLResponse)
    def queue(request: Request, source: Annotated[str | None, Query(max_length=16)] = None,
              done: int | None = None, case: CaseQ = None) -> HTMLResponse:
        session = ui.session(request)
        scope = ui.scope(case)
        result = scope.review.queue.items(source or None)
        return ui.render(request, "queue.html", session=session, scope=scope, nav="queue", result=result,
                         shown=result.items[:QUEUE_PAGE], source=source or "", done=done)

    @router.get("/item", response_class=HTMLResponse)
    def item(request: Request, key: Key, case: CaseQ = None) -> HTMLResponse:
        session = ui.session(request)
        scope = ui.scope(case)
        queue, reviews = scope.review.queue, scope.review.reviews
        found = queue.item(key)
        reviews.record_exposure(session.user.name, found.key, "view")
        media = ui.media_state(found.subject, scope) if found.source == "media" else None
        conversations = reviews.conversations(found.subject) if found.source == "text" else []
        may_decide = not found.closed and (not found.escalated or can(session.user, "audit"))
        # The preview step: what a false positive would allowlist and suppress, shown before saving.
        preview = queue.allowlist_preview(found, session.user.name) if may_decide else None
        return ui.render(request, "item.html", session=session, scope=scope, nav="queue", item=found, media=media,
                         conversations=conversations, history=reviews.history(found.key),
                         may_decide=may_decide, decisions=queue.decisions_for(found), preview=preview,
                         preview_names=PREVIEW_NAMES)

    @router.get("/media")
    def media(request: Request, key: Key, case: CaseQ = None) -> Response:
        return ui.media(request, key, ui.scope(case))

    @router.post("/reveal")
    def reveal(request: Request, key: Text, csrf: Token = "", case: CaseQ = None) -> JSONResponse:
        return ui.reveal(request, key, csrf, ui.scope(case))

    @router.get("/conversation", response_class=HTMLResponse)
    def conversation(request: Request, author: Key, n: Annotated[int, Query(ge=0)] = 0,
                     case: CaseQ = None) -> HTMLResponse:
        return ui.conversation(request, author, n, ui.scope(case))

    @router.post("/decide")
    def decide(request: Request, key: Text, decision: Text, reason: Text, fingerprint: Annotated[str, Form()] = "",
               csrf: Token = "", allowlist_preview: Annotated[str, Form(max_length=20)] = "",
               case: Annotated[str, Form(max_length=200)] = "") -> Response:
        session = ui.checked(request, csrf)
        scope = ui.scope(case)
        shown = int(allowlist_preview) if allowlist_preview.isdigit() else None
        made = ui.decide(session.user, key, decision, reason, fingerprint, allowlist_preview=shown,
                         preview_required=True, scope=scope)
        back = "" if scope.is_default else f"&case={quote(scope.name, safe='')}"
        return RedirectResponse(f"{PREFIX}/?done={made.audit_id}{back}", status_code=303)

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
