"""The gate in front of every route: credentials before bodies, bodies bounded and timed.

FastAPI reads and parses a JSON or multipart body *before* a route's dependencies run, so a token
checked by a dependency was checked after the body sat in memory (a 160 MB JSON array sent without a
token cost the server a gigabyte before its 401).  This pure-ASGI middleware decides from the headers
alone, before the application sees the request:

* A request that carries a body (``Content-Length`` above 0, or chunked) must show its credentials in
  its headers: a valid API token, or under ``/review`` a live review session; only the login form is read
  without one.  The route still checks what the caller may do; the gate only keeps strangers' bodies out.
* Bodies are bounded per route: the upload routes (:data:`UPLOAD_ROUTES`) by ``max_upload_bytes``, every
  other route by ``max_json_bytes``.  A declared length is checked up front, a chunked body counted as it
  arrives; either way over the limit is a 413, never a parser's 400.
* A body that pauses longer than ``body_timeout_seconds`` gets a 408.  (Headers that arrive too slowly
  are cut off by the server's protocol, :mod:`childsafe.api.server`: the application never sees them.)

A refused request is answered with ``Connection: close``, so the server stops reading the rest of the
body instead of draining it.  Every response also gets ``Cache-Control: no-store`` (answers about abuse
material must not sit in shared caches) and ``X-Content-Type-Options: nosniff``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable
from typing import Final

from starlette.concurrency import run_in_threadpool
from starlette.requests import cookie_parser
from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from childsafe.accounts import Principal
from childsafe.errors import (
    AuthenticationError,
    ChildsafeError,
    ConfigError,
    MediaTooLargeError,
    RequestTimeoutError,
)

__all__ = ["RequestGate", "UPLOAD_ROUTES", "is_hashing_upload", "is_upload_route", "scope_client"]

log = logging.getLogger("childsafe.api")

#: Routes whose body is a media file or a hash list (method, path pattern, whether it hashes media);
#: every other body is small.  The media ones spend the caller's ``hash_rate`` here, before the upload
#: is read (the ``?url=`` variants spend it in their routes).
UPLOAD_ROUTES: Final[tuple[tuple[str, re.Pattern[str], bool], ...]] = (
    ("POST", re.compile(r"/h/hash"), True),
    ("POST", re.compile(r"/m/lookup"), True),
    ("POST", re.compile(r"/api/v1/hash"), True),
    ("POST", re.compile(r"/api/v1/banks/[^/]+/import"), False),
    ("POST", re.compile(r"/c/bank/[^/]+/content"), True),  # HMA's banking of media (or of a ?url=)
)
REVIEW_PREFIX: Final = "/review"
#: The one route under /review that takes a body without a session (the session does not exist yet).
REVIEW_LOGIN: Final = "/review/login"
#: ...and is read from anyone, so it gets a limit of its own: a name, a password and two tokens.
LOGIN_FORM_BYTES: Final = 64 * 1024
SESSION_COOKIE: Final = "childsafe_review"  # the review UI's cookie (childsafe.web.security; a test pins it)
_AUTH_MESSAGE: Final = ("authentication required: send 'Authorization: Bearer TOKEN' "
                        "(an administrator creates one with 'childsafe token create NAME')")


def is_upload_route(method: str, path: str) -> bool:
    return any(method == m and pattern.fullmatch(path) for m, pattern, _hashes in UPLOAD_ROUTES)


def is_hashing_upload(method: str, path: str) -> bool:
    return any(method == m and pattern.fullmatch(path) and hashes for m, pattern, hashes in UPLOAD_ROUTES)


def scope_client(scope: Scope) -> str:
    """The client's address (after the trusted-proxy rewrite, when one is configured)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return bytes(value)
    return None


#: Checks an API token for a client address: the caller, else AuthenticationError or RateLimitedError.
TokenCheck = Callable[[str, str], Principal]
#: Spends one of the caller's hashing requests, else RateLimitedError.
HashCharge = Callable[[Principal], None]
#: True when a review session token names a live session.
SessionCheck = Callable[[str], bool]
#: (method, path, client) -> the caller when that client may send this body without a token, else None
#: (:meth:`childsafe.api.open_networks.OpenNetworks.body_principal`).
OpenCheck = Callable[[str, str, str], Principal | None]


class RequestGate:
    def __init__(self, app: ASGIApp, *, max_upload_bytes: int, max_json_bytes: int, body_timeout: float,
                 check_token: TokenCheck, check_session: SessionCheck, charge_hash: HashCharge,
                 check_open: OpenCheck | None = None) -> None:
        self.app = app
        self.max_upload_bytes = max_upload_bytes
        self.max_json_bytes = max_json_bytes
        self.body_timeout = body_timeout
        self.check_token = check_token
        self.check_session = check_session
        self.charge_hash = charge_hash
        self.check_open = check_open

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"cache-control", b"no-store"))
                headers.append((b"x-content-type-options", b"nosniff"))
                message = {**message, "headers": headers}
            await send(message)

        if "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            # No name, key or path of this service holds a NUL, and PostgreSQL text cannot: refused here,
            # rather than as a driver error (500) in whichever route looks it up (found by the route fuzz).
            await _close_with(_error(ConfigError("a NUL character is not allowed in a URL")), scope, send_no_store)
            return
        length_header = _header(scope, b"content-length")
        chunked = _header(scope, b"transfer-encoding") is not None
        declared = int(length_header) if length_header is not None and length_header.isdigit() else 0
        if declared == 0 and not chunked:  # no body: the route checks its credentials itself
            await self.app(scope, receive, send_no_store)
            return
        upload = is_upload_route(scope["method"], scope["path"])
        limit, setting = ((self.max_upload_bytes, "max_upload_bytes") if upload
                          else (self.max_json_bytes, "max_json_bytes"))
        if scope["path"] == REVIEW_LOGIN:
            limit, setting = min(limit, LOGIN_FORM_BYTES), "the login form's limit"
        if declared > limit:
            await _close_with(_error(MediaTooLargeError(
                f"request body of {declared} bytes exceeds {setting} ({limit})")), scope, send_no_store)
            return
        refusal = await self._refusal(scope)
        if refusal is not None:
            await _close_with(refusal, scope, send_no_store)
            return
        await self._bounded(scope, receive, send_no_store, limit, setting)

    async def _refusal(self, scope: Scope) -> Response | None:
        """Why this body may not be read (a response to send instead), or None."""
        path: str = scope["path"]
        if path == REVIEW_PREFIX or path.startswith(REVIEW_PREFIX + "/"):
            if path == REVIEW_LOGIN:
                return None
            cookies = cookie_parser((_header(scope, b"cookie") or b"").decode("latin-1"))
            token = cookies.get(SESSION_COOKIE, "")
            alive: bool = bool(token) and await run_in_threadpool(self.check_session, token)
            if alive:
                return None
            return PlainTextResponse("Please log in again: your session has ended.", status_code=401)
        header = _header(scope, b"authorization")
        if header is None and self.check_open is not None:
            # A client of an open network (hma_open_networks), on an HMA route it may use.
            opened = await run_in_threadpool(self.check_open, scope["method"], path, scope_client(scope))
            if opened is not None:
                return self._charged(scope, opened)
        scheme, _, token = (header or b"").decode("latin-1").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return _error(AuthenticationError(_AUTH_MESSAGE))
        try:
            principal = await run_in_threadpool(self.check_token, token.strip(), scope_client(scope))
        except ChildsafeError as exc:
            return _error(exc)
        return self._charged(scope, principal)

    def _charged(self, scope: Scope, principal: Principal) -> Response | None:
        """Spend the caller's hashing allowance on a media upload (a refusal when it is spent), or None."""
        # Only a multipart body is media: a JSON body (HMA's metadata with ``?url=``) is charged by
        # the route that fetches the URL.
        media_type = (_header(scope, b"content-type") or b"").lower()
        if is_hashing_upload(scope["method"], scope["path"]) and media_type.startswith(b"multipart/"):
            try:
                self.charge_hash(principal)
            except ChildsafeError as exc:
                return _error(exc)
        return None

    async def _bounded(self, scope: Scope, receive: Receive, send: Send, limit: int, setting: str) -> None:
        """Run the app with a ``receive`` that counts and times the body, answering 413 or 408 itself."""
        received = 0
        body_done = False
        started = False
        cut_off = False

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if cut_off:
                return  # the app's answer to a body it never got: ours has gone out already
            started = started or message["type"] == "http.response.start"
            await send(message)

        async def cut(response: Response) -> Message:
            nonlocal cut_off
            if not started:
                await _close_with(response, scope, send)
            cut_off = True
            return {"type": "http.disconnect"}

        async def bounded_receive() -> Message:
            nonlocal received, body_done
            if cut_off:
                return {"type": "http.disconnect"}
            if body_done:  # after the body only a disconnect can come: no deadline on waiting for it
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), self.body_timeout)
            except TimeoutError:
                return await cut(_error(RequestTimeoutError(
                    f"the request body stalled for more than {self.body_timeout:g} s (body_timeout_seconds)")))
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if received > limit:
                    return await cut(_error(MediaTooLargeError(f"request body exceeds {setting} ({limit})")))
            return message

        try:
            await self.app(scope, bounded_receive, guarded_send)
        except Exception:
            if not cut_off:
                raise
            # The app failed reading a body we cut off (a disconnect mid-parse): already answered.


def _error(exc: ChildsafeError) -> Response:
    from childsafe.api.app import error_response

    return error_response(exc)


async def _close_with(response: Response, scope: Scope, send: Send) -> None:
    """Send ``response`` and have the server close the connection instead of reading the rest."""
    response.headers["connection"] = "close"

    async def no_body() -> Message:
        return {"type": "http.disconnect"}

    await response(scope, no_body, send)
