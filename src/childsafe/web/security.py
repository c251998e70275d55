"""Sessions, CSRF and response headers of the review UI.

* **Session cookie** ``childsafe_review``: 256 random bits naming a server-side session (only its
  SHA-256 is stored), ``HttpOnly``, ``SameSite=Strict``, ``Path=/review``, ``Secure`` when served
  over HTTPS.  Server-side rather than a signed cookie: logout, an idle timeout and disabling a user
  end a session at once in every worker, and no signing key has to be shared between workers.
  The API's request gate (:mod:`childsafe.api.gate`) looks the session up before a form's body is read:
  without a live one only the login form (64 KiB at most) is read.
* **CSRF**: every form carries the session's own random token (session-bound), compared in constant
  time; the login form, which has no session yet, uses a double-submit cookie.  ``SameSite=Strict``
  and an ``Origin`` check come on top.
* **Headers**: a Content-Security-Policy allowing only this origin's own scripts, styles and media
  (no inline script, no CDN, no framing), referrers only to this origin (browsers then send
  the Origin the check needs), and ``Cache-Control: no-store`` (set by the
  API's middleware for every response).
"""

from __future__ import annotations

import hmac
import secrets
from typing import Final

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from childsafe.errors import PermissionDeniedError
from childsafe.store.review import SESSION_MAX

__all__ = ["LOGIN_CSRF_COOKIE", "SESSION_COOKIE", "PREFIX", "SecurityHeaders", "check_origin", "check_token",
           "clear_cookie", "client_address", "login_csrf", "set_cookie"]

PREFIX: Final = "/review"
SESSION_COOKIE: Final = "childsafe_review"
LOGIN_CSRF_COOKIE: Final = "childsafe_login_csrf"
_LOGIN_CSRF_SECONDS: Final = 3600

CSP: Final = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; media-src 'self'; "
              "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")


def client_address(request: Request) -> str:
    """The caller's address, as audited and rate-limited (the proxy's client when the proxy is trusted)."""
    return request.client.host if request.client else "unknown"


def set_cookie(request: Request, response: Response, name: str, value: str, max_age: int) -> None:
    response.set_cookie(name, value, max_age=max_age, path=PREFIX, httponly=True, samesite="strict",
                        secure=request.url.scheme == "https")


def clear_cookie(request: Request, response: Response, name: str) -> None:
    response.delete_cookie(name, path=PREFIX, httponly=True, samesite="strict", secure=request.url.scheme == "https")


def session_cookie(request: Request, response: Response, token: str) -> None:
    set_cookie(request, response, SESSION_COOKIE, token, int(SESSION_MAX.total_seconds()))


def login_csrf(request: Request) -> tuple[str, bool]:
    """The login form's double-submit token: (token, whether the cookie must be set)."""
    current = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if len(current) >= 32:
        return current, False
    return secrets.token_urlsafe(32), True


def set_login_csrf(request: Request, response: Response, token: str) -> None:
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, _LOGIN_CSRF_SECONDS)


def check_token(expected: str, given: str | None) -> None:
    """Refuse a form whose token is missing or differs (constant-time comparison)."""
    if not expected or not given or not hmac.compare_digest(expected.encode(), given.encode()):
        raise PermissionDeniedError("this form has expired or did not come from this site: reload the page "
                                    "and try again")


def check_origin(request: Request) -> None:
    """Refuse a cross-site write when the browser says where it came from."""
    origin = request.headers.get("origin")
    if origin is None:  # not sent by every browser on same-origin posts; SameSite and the token still hold
        return
    expected = f"{request.url.scheme}://{request.headers.get('host', request.url.netloc)}"
    if origin != expected:
        raise PermissionDeniedError("cross-site request refused")


class SecurityHeaders:
    """Adds the UI's security headers to every response of the review sub-application."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                extra = [(b"content-security-policy", CSP.encode()), (b"x-frame-options", b"DENY"),
                         (b"referrer-policy", b"same-origin"),
                         (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
                         (b"cross-origin-opener-policy", b"same-origin")]
                headers += [(k, v) for k, v in extra if k not in names]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)
