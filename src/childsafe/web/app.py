"""The review UI: server-rendered pages mounted at ``/review`` in the API's process.

A sub-application of its own, so that its errors render as pages (the API answers JSON) and it stays
out of the OpenAPI document.  Pages need a logged-in user whose role may ``review`` (reviewer,
admin); the audit page needs ``audit`` (admin).  Sessions, CSRF and headers: :mod:`.security`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

from fastapi import APIRouter, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from starlette.staticfiles import StaticFiles

from childsafe.accounts import authenticate, can
from childsafe.errors import AuthenticationError, ChildsafeError, RateLimitedError, http_status_for
from childsafe.services.scopes import CaseScope
from childsafe.store.allowlist import split_grant
from childsafe.store.review import REOPENED, Decision, Session, details_json
from childsafe.store.service import User
from childsafe.web.conversation import rescore
from childsafe.web.host import ReviewHost
from childsafe.web.media import MediaCheck, check_media, media_response, open_media
from childsafe.web.security import (
    LOGIN_CSRF_COOKIE,
    PREFIX,
    SESSION_COOKIE,
    SecurityHeaders,
    check_origin,
    check_token,
    clear_cookie,
    client_address,
    login_csrf,
    session_cookie,
    set_login_csrf,
)

__all__ = ["ReviewUI", "mount_review_ui"]

log = logging.getLogger("childsafe.web")

QUEUE_PAGE: Final = 200
AUDIT_PAGE: Final = 100
DECISION_NAMES: Final = {"confirmed": "Confirmed", "false_positive": "False positive", "escalate": "Escalate",
                          REOPENED: "Reopened (allowlist removed)",
                          "safeguarding": "Safeguarding referral", "no_concern": "No concern"}


class LoginRequired(Exception):
    """No live session: pages redirect to the login form."""


def mount_review_ui(app: FastAPI, state: ReviewHost) -> ReviewUI:
    """Mount the review UI at ``/review`` on ``app`` (and send ``/`` there)."""
    ui = ReviewUI(state)
    app.mount(PREFIX, ui.app, name="review")

    async def home() -> RedirectResponse:
        return RedirectResponse(f"{PREFIX}/", status_code=303)

    app.add_api_route("/", home, methods=["GET"], include_in_schema=False)
    app.state.review_ui = ui
    return ui


class ReviewUI:
    def __init__(self, state: ReviewHost) -> None:
        self.state = state
        # The host's queue: the API's /api/v1/review routes use the same one (and its graph cache).
        self.queue = state.review.queue
        self.reviews = state.review.reviews
        self.env = Environment(loader=PackageLoader("childsafe.web", "templates"), autoescape=True,
                               undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(prefix=PREFIX, decision_names=DECISION_NAMES)
        self.env.filters.update(basename=lambda p: Path(str(p)).name or str(p),
                                dirname=lambda p: str(Path(str(p)).parent), details=details_json)
        self.app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
        self.app.state.review_ui = self
        self.app.add_middleware(SecurityHeaders)
        self.app.mount("/static", StaticFiles(packages=[("childsafe.web", "static")]), name="static")
        self._handlers()
        from childsafe.web import pages

        router = APIRouter()
        pages.add_routes(router, self)
        self.app.include_router(router)

    # -- helpers the pages use -------------------------------------------------------------------
    def scope(self, case: str | None) -> CaseScope:
        """The case a page names (``?case=``, or the form's ``case``); none: the default case.  Unknown: 404."""
        return self.state.cases.get(case or None)

    def render(self, request: Request, template: str, status: int = 200, session: Session | None = None,
               scope: CaseScope | None = None, **context: Any) -> HTMLResponse:
        scope = scope or self.state.cases.default
        user = session.user if session is not None else None
        # Exposure is counted where the items were seen: the case's store (the banner shows this case's).
        exposure = scope.review.reviews.exposure(user.name) if user is not None else None
        # Every link a page makes carries its case: ``cq`` after a query, ``cq1`` as the query.
        quoted = "" if scope.is_default else quote(scope.name, safe="")
        html = self.env.get_template(template).render(
            user=user, csrf=session.csrf if session else "", exposure=exposure,
            is_admin=user is not None and can(user, "audit"), case=scope.name,
            cq=f"&case={quoted}" if quoted else "", cq1=f"?case={quoted}" if quoted else "", **context)
        return HTMLResponse(html, status_code=status)

    def session(self, request: Request) -> Session:
        """The caller's live session with the review capability, else :class:`LoginRequired`."""
        token = request.cookies.get(SESSION_COOKIE)
        session = self.reviews.session(token) if token else None
        if session is None:
            raise LoginRequired()
        if not can(session.user, "review"):
            raise LoginRequired()
        return session

    def checked(self, request: Request, csrf: str | None) -> Session:
        """:meth:`session` for a form post: origin and the session's form token checked."""
        session = self.session(request)
        check_origin(request)
        check_token(session.csrf, csrf)
        return session

    def login(self, request: Request, name: str, password: str, csrf: str, next_url: str) -> Response:
        check_origin(request)
        check_token(request.cookies.get(LOGIN_CSRF_COOKIE, ""), csrf)
        try:
            user = authenticate(self.state.service, self.state.login_limiter, name, password,
                                client_address(request))
        except RateLimitedError as exc:
            return self.login_form(request, str(exc), 429, name)
        except AuthenticationError as exc:
            return self.login_form(request, str(exc), 401, name)
        if not can(user, "review"):
            self.state.service.append_audit(None, user.name, "review.login_refused", user.name, {"role": user.role})
            return self.login_form(request, f"the role {user.role!r} may not use the review UI", 403, name)
        token, _csrf = self.reviews.open_session(user, client_address(request))
        target = next_url if next_url.startswith(f"{PREFIX}/") and "//" not in next_url else f"{PREFIX}/"
        response = RedirectResponse(target, status_code=303)
        session_cookie(request, response, token)
        clear_cookie(request, response, LOGIN_CSRF_COOKIE)
        return response

    def login_form(self, request: Request, error: str | None = None, status: int = 200, name: str = "",
                   next_url: str = "") -> HTMLResponse:
        token, fresh = login_csrf(request)
        response = self.render(request, "login.html", status, login_csrf=token, error=error, name=name,
                               next_url=next_url)
        if fresh:
            set_login_csrf(request, response, token)
        return response

    def logout(self, request: Request, csrf: str | None) -> Response:
        session = self.checked(request, csrf)
        self.reviews.close_session(request.cookies.get(SESSION_COOKIE, ""))
        self.state.service.append_audit(None, session.user.name, "logout", session.user.name,
                                        {"client": client_address(request)})
        response = RedirectResponse(f"{PREFIX}/login", status_code=303)
        clear_cookie(request, response, SESSION_COOKIE)
        return response

    def decide(self, user: User, key: str, decision: str, reason: str, fingerprint: str, *,
               allowlist_preview: int | None = None, preview_required: bool = False,
               scope: CaseScope | None = None) -> Decision:
        """:meth:`childsafe.review.ReviewService.decide` (the rules are the same for the API)."""
        review = (scope or self.state.cases.default).review
        return review.decide(user, key, decision, reason, fingerprint,
                             allowlist_preview=allowlist_preview, preview_required=preview_required)

    def remove_allowlist(self, user: User, grant: str, reason: str) -> dict[str, Any]:
        """Undo the allowlist entries of ``grant`` (a listed ``review_item``: ``case/NAME/KEY`` in a case)."""
        case, key = split_grant(grant)
        return self.scope(case).review.remove_allowlist(user, key, reason)

    def media(self, request: Request, key: str, scope: CaseScope) -> Response:
        session = self.session(request)
        item = scope.review.queue.item(key)  # only review items: no other path on the server is served
        if item.source != "media":
            raise StarletteHTTPException(404, "not a media item")
        scanned = scope.store.load_scan_records([item.subject]).get(item.subject)
        fd, check = open_media(item.subject, scanned)
        range_header = request.headers.get("range")
        # Audited where the item lives: the case's own log (the main one for the default case).
        scope.service.append_audit(None, session.user.name, "review.media", key, {
            "served": check.ok, "problem": check.message or None, "range": range_header})
        if fd is None:
            return PlainTextResponse(check.message, status_code=410 if "gone" in check.message else 404)
        if not range_header or range_header.replace(" ", "").startswith("bytes=0-"):
            scope.review.reviews.record_exposure(session.user.name, key, "media")
        return media_response(fd, check, range_header)

    def reveal(self, request: Request, key: str, csrf: str | None, scope: CaseScope) -> JSONResponse:
        session = self.checked(request, csrf)
        item = scope.review.queue.item(key)
        scope.review.reviews.record_exposure(session.user.name, item.key, "reveal")
        scope.service.append_audit(None, session.user.name, "review.reveal", item.key, {})
        return JSONResponse(scope.review.reviews.exposure(session.user.name).to_record())

    def media_state(self, item_subject: str, scope: CaseScope) -> MediaCheck:
        scanned = scope.store.load_scan_records([item_subject]).get(item_subject)
        return check_media(item_subject, scanned)

    def conversation(self, request: Request, author: str, n: int, scope: CaseScope) -> HTMLResponse:
        session = self.session(request)
        item = scope.review.queue.item(f"text:{author}")
        refs = scope.review.reviews.conversations(author)
        if not 0 <= n < len(refs):
            raise StarletteHTTPException(404, "no such conversation for this author")
        view = rescore(refs[n])
        scope.review.reviews.record_exposure(session.user.name, item.key, "view")
        scope.service.append_audit(None, session.user.name, "review.conversation", item.key, {
            "path": refs[n].path, "conversation_id": refs[n].conversation_id, "error": view.error})
        return self.render(request, "conversation.html", session=session, scope=scope, item=item, view=view,
                           nav="queue")

    # -- errors as pages ---------------------------------------------------------------------------
    def _handlers(self) -> None:
        async def login_required(request: Request, _exc: Exception) -> Response:
            if request.method == "GET":
                path = request.url.path
                query = f"?next={path}" if path.startswith(f"{PREFIX}/") and path != f"{PREFIX}/login" else ""
                return RedirectResponse(f"{PREFIX}/login{query}", status_code=303)
            return self._error(request, 401, "Please log in again: your session has ended.")

        async def childsafe_error(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, ChildsafeError)
            response = self._error(request, http_status_for(exc), str(exc))
            if isinstance(exc, RateLimitedError):
                response.headers["Retry-After"] = str(max(1, int(exc.retry_after + 0.999)))
            return response

        async def validation(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, RequestValidationError)
            fields = sorted({str(e.get("loc", ("", "?"))[-1]) for e in exc.errors()})
            return self._error(request, 400, f"missing or invalid: {', '.join(fields)}")

        async def http_error(request: Request, exc: Exception) -> Response:
            assert isinstance(exc, StarletteHTTPException)
            message = "There is no page at this address." if exc.detail == "Not Found" else str(exc.detail)
            return self._error(request, exc.status_code, message)

        async def unexpected(request: Request, exc: Exception) -> Response:
            log.error("review UI: unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path,
                      exc_info=(type(exc), exc, exc.__traceback__))
            return self._error(request, 500, "Something went wrong; it has been logged.")

        self.app.add_exception_handler(LoginRequired, login_required)
        self.app.add_exception_handler(ChildsafeError, childsafe_error)
        self.app.add_exception_handler(RequestValidationError, validation)
        self.app.add_exception_handler(StarletteHTTPException, http_error)
        self.app.add_exception_handler(Exception, unexpected)

    def _error(self, request: Request, status: int, message: str) -> Response:
        session = None
        try:
            session = self.session(request)
        except (LoginRequired, ChildsafeError):
            session = None
        return self.render(request, "error.html", status, session=session, code=status, message=message,
                           nav="")

