"""The FastAPI application: :func:`create_app`, errors mapped to HTTP in one place.

Every request first passes :class:`~childsafe.api.gate.RequestGate` (credentials before bodies, bodies
bounded and timed); forwarded headers are believed only from ``trusted_proxies``.

Every error body is ``{"message": ..., "error": <class name>}`` (HMA's clients read ``message``).
Statuses come from :data:`childsafe.errors.HTTP_STATUSES`; framework errors (unknown route,
malformed parameters) are rewritten to the same shape, with 400 for bad parameters as HMA uses.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from childsafe import __version__
from childsafe.accounts import RateLimiter, TokenAuthenticator
from childsafe.api.gate import RequestGate
from childsafe.api.jobs import ScanJobs
from childsafe.api.matcher import MatcherHolder
from childsafe.api.open_networks import OpenNetworks
from childsafe.api.state import ServiceState
from childsafe.config import Settings, load_settings
from childsafe.errors import (
    AuthenticationError,
    ChildsafeError,
    ConfigError,
    HashListFormatError,
    RateLimitedError,
    http_status_for,
)
from childsafe.review import ReviewService
from childsafe.services import Services
from childsafe.services.scopes import CaseScopes
from childsafe.store.service_banks import AuditedBanks
from childsafe.store.sql import SqlStore

__all__ = ["create_app", "app_from_environment", "build_state", "trusted_proxies"]

log = logging.getLogger("childsafe.api")


def build_state(settings: Settings, store: SqlStore | None = None) -> ServiceState:
    # A bad network fails here, before the store opens.
    OpenNetworks(settings.hma_open_networks, settings.hma_open_write_networks)
    services = Services(settings, store)
    store = services.store
    service = services.service_store()
    service.mark_orphaned_jobs()
    matchers = MatcherHolder(store, settings.index_dir, pdq_quality_min=settings.pdq_quality_min,
                             refresh_seconds=settings.index_refresh_seconds)

    def make_review(scoped: Services) -> ReviewService:
        # Every case matches against the main store's banks: one matcher, one index, for all.
        return scoped.review(match_media=matchers.media_matcher, bank_changed=matchers.invalidate)

    # One queue per process and case, shared by the API's review routes and the review pages (one graph cache).
    review = make_review(services)
    return ServiceState(
        settings=settings, services=services, store=store, service=service, banks=AuditedBanks(service),
        matchers=matchers, review=review, cases=CaseScopes(services, review, make_review),
        tokens=TokenAuthenticator(service, settings.token_cache_seconds, RateLimiter(1.0, 30)),
        login_limiter=RateLimiter(settings.login_rate / 60.0, settings.login_rate),
        lookup_limiter=RateLimiter(settings.lookup_rate, settings.lookup_rate),
        # Bursts of six seconds' worth: hashing is the expensive route, the lowest role may use it.
        hash_limiter=RateLimiter(settings.hash_rate / 60.0, max(1, settings.hash_rate // 10)),
        jobs=ScanJobs(services), owns_store=services.owns_store,
        open_networks=OpenNetworks(settings.hma_open_networks, settings.hma_open_write_networks,
                                   audit=lambda actor, action, target, details: service.append_audit(
                                       None, actor, action, target, details)),
    )


def trusted_proxies(raw: str) -> list[str]:
    """The ``trusted_proxies`` setting as a list of networks; a ConfigError names a bad entry."""
    proxies = [p.strip() for p in raw.split(",") if p.strip()]
    for proxy in proxies:
        try:
            ipaddress.ip_network(proxy, strict=False)
        except ValueError as exc:
            raise ConfigError(f"setting 'trusted_proxies': {proxy!r} is not an address or network") from exc
    return proxies


def create_app(settings: Settings, store: SqlStore | None = None) -> FastAPI:
    """The service for ``settings``; uses ``store`` when given (tests), else opens the configured one."""
    from childsafe.api import (
        hma,
        hma_curation,
        hma_exchanges,
        routes_admin,
        routes_banks,
        routes_jobs,
        routes_media,
        routes_review,
    )

    state = build_state(settings, store)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        state.matchers.warm()  # load the index before the first lookup, not during it
        yield
        state.cases.close()
        if state.owns_store:
            state.store.close()

    # No /docs or /redoc: Swagger UI and ReDoc load their scripts from a CDN, and this runs offline.
    app = FastAPI(title="childsafe", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Hash, match, score and review.  Every route but /status needs "
                              "'Authorization: Bearer TOKEN'.  HMA-compatible routes live under /h, /m and /c.")
    app.state.childsafe = state
    sessions = state.review.reviews
    app.add_middleware(RequestGate, max_upload_bytes=settings.max_upload_bytes,
                       max_json_bytes=settings.max_json_bytes, body_timeout=float(settings.body_timeout_seconds),
                       check_token=state.tokens.authenticate,
                       check_session=lambda token: sessions.session(token) is not None,
                       charge_hash=state.charge_hash, check_open=state.open_networks.body_principal)
    proxies = trusted_proxies(settings.trusted_proxies)
    if proxies:  # outermost: everything after it sees the client the proxy names
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=proxies)
    _install_error_handlers(app)
    for module in (hma, hma_curation, hma_exchanges, routes_media, routes_banks, routes_jobs, routes_admin,
                   routes_review):
        app.include_router(module.router)
    from childsafe.web import mount_review_ui  # the review UI at /review (issue 6)

    mount_review_ui(app, state)
    return app


def app_from_environment() -> FastAPI:
    """Factory for ``uvicorn --factory`` (each worker process): settings from the environment."""
    return create_app(load_settings({}, os.environ))


# -- errors ------------------------------------------------------------------------------------
def error_response(exc: ChildsafeError) -> JSONResponse:
    status = http_status_for(exc)
    body: dict[str, Any] = {"message": str(exc), "error": type(exc).__name__}
    headers: dict[str, str] = {}
    if isinstance(exc, HashListFormatError):
        body["problems"] = [{"line": n, "error": m} for n, m in exc.problems[:100]]
    if isinstance(exc, AuthenticationError):
        headers["WWW-Authenticate"] = "Bearer"
    if isinstance(exc, RateLimitedError):
        headers["Retry-After"] = str(max(1, math.ceil(exc.retry_after)))
    if status >= 500:
        log.error("request failed: %s: %s", type(exc).__name__, exc)
    return JSONResponse(body, status_code=status, headers=headers)


def _install_error_handlers(app: FastAPI) -> None:
    async def childsafe_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, ChildsafeError)
        return error_response(exc)

    async def validation_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, RequestValidationError)
        # Only where and what: FastAPI's default also echoes the input, which may be a password.
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'request'}: {e.get('msg')}"
                    for e in exc.errors()]
        return JSONResponse({"message": "; ".join(problems) or "invalid request", "error": "RequestError"},
                            status_code=400)

    async def http_error(_request: Request, exc: Exception) -> JSONResponse:
        assert isinstance(exc, StarletteHTTPException)
        return JSONResponse({"message": str(exc.detail), "error": "HTTPError"}, status_code=exc.status_code,
                            headers=dict(exc.headers or {}))

    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # The type and the route only: never the request's headers or body.
        log.error("unexpected %s on %s %s", type(exc).__name__, request.method, request.url.path,
                  exc_info=(type(exc), exc, exc.__traceback__))
        return JSONResponse({"message": "internal error", "error": "InternalError"}, status_code=500)

    app.add_exception_handler(ChildsafeError, childsafe_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(Exception, unexpected)
