"""Everything a server process shares between requests, built once by :func:`create_app`."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import Depends, Path, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from childsafe.accounts import Principal, RateLimiter, TokenAuthenticator, require
from childsafe.api.jobs import ScanJobs
from childsafe.api.matcher import MatcherHolder
from childsafe.api.open_networks import OpenNetworks
from childsafe.config import Settings
from childsafe.errors import AuthenticationError
from childsafe.media.hashing import HashOptions
from childsafe.review import ReviewService
from childsafe.services import Services
from childsafe.services.scopes import CaseScope, CaseScopes
from childsafe.store.service import ServiceStore
from childsafe.store.service_banks import AuditedBanks
from childsafe.store.sql import SqlStore

__all__ = ["CaseQuery", "ServiceState", "get_state", "authenticated", "authorize", "needs", "client_address",
           "BEARER_DOC", "MAX_ID", "MAX_ID32", "RowId", "RowId32"]

#: Ids are signed 64-bit integers in every store: larger numbers are a 400, not a driver's overflow.
MAX_ID = 2**63 - 1
#: A path parameter naming a row by id.
RowId = Annotated[int, Path(ge=1, le=MAX_ID)]
#: Ids of tables keyed by a 32-bit INTEGER on PostgreSQL (tokens, jobs): larger ids are a 422, not a
#: database overflow (found by the route fuzz on PostgreSQL).
MAX_ID32 = 2**31 - 1
RowId32 = Annotated[int, Path(ge=1, le=MAX_ID32)]

#: ``?case=NAME``: the case whose queue, decisions and records are meant (none: the default case, the
#: main store); an unknown case is a 404 (CaseNotFoundError).
CaseQuery = Annotated[str | None, Query(max_length=200, description="The case (see 'childsafe case list'); "
                                        "default: the main store's.")]


@dataclass
class ServiceState:
    """The services of one server process; it is also the host the review UI runs in
    (:class:`childsafe.web.host.ReviewHost`)."""

    settings: Settings
    services: Services
    store: SqlStore
    service: ServiceStore
    banks: AuditedBanks
    matchers: MatcherHolder
    review: ReviewService
    tokens: TokenAuthenticator
    login_limiter: RateLimiter
    lookup_limiter: RateLimiter
    hash_limiter: RateLimiter
    jobs: ScanJobs
    owns_store: bool
    cases: CaseScopes
    #: Networks that may call the HMA routes without a token (settings ``hma_open_*``; off by default).
    open_networks: OpenNetworks = field(default_factory=OpenNetworks)

    def scope(self, case: str | None) -> CaseScope:
        """The case a request names with ``?case=`` (none: the default case); unknown: 404."""
        return self.cases.get(case)

    def hash_options(self) -> HashOptions:
        return self.services.upload_hash_options()

    def charge_hash(self, principal: Principal) -> None:
        """Spend one hashing request of the caller's token (``hash_rate``), else RateLimitedError."""
        self.hash_limiter.check(("hash", principal.token_id), "hashing requests for this token")

    def bank_changed(self) -> None:
        self.matchers.invalidate()


def get_state(request: Request) -> ServiceState:
    state: ServiceState = request.app.state.childsafe
    return state


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


_bearer = HTTPBearer(auto_error=False, description="An API token from 'childsafe token create NAME'.")


async def authenticated(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> Principal:
    """The caller of this request, from ``Authorization: Bearer TOKEN``."""
    if credentials is None or not credentials.credentials:
        raise AuthenticationError("authentication required: send 'Authorization: Bearer TOKEN' "
                                  "(an administrator creates one with 'childsafe token create NAME')")
    return get_state(request).tokens.authenticate(credentials.credentials, client_address(request))


def authorize(request: Request, capability: str) -> Principal:
    """:func:`needs` as a plain call, for the hot routes that skip FastAPI's dependency solving.

    Those routes declare the bearer scheme in their OpenAPI entry by hand (``BEARER_DOC``).
    """
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        opened = _open_principal(request, capability)
        if opened is not None:
            return opened
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError("authentication required: send 'Authorization: Bearer TOKEN' "
                                  "(an administrator creates one with 'childsafe token create NAME')")
    state = get_state(request)
    return require(state.tokens.authenticate(token.strip(), client_address(request)), capability)


def _open_principal(request: Request, capability: str) -> Principal | None:
    """A caller without any ``Authorization`` header from an open network (:mod:`~childsafe.api.open_networks`)."""
    return get_state(request).open_networks.principal(request.method, request.url.path, client_address(request),
                                                      capability)


#: OpenAPI ``security`` entry for routes that call :func:`authorize` themselves.
BEARER_DOC: dict[str, Any] = {"security": [{"HTTPBearer": []}]}


def needs(capability: str) -> Callable[[Request, HTTPAuthorizationCredentials | None],
                                      Coroutine[Any, Any, Principal]]:
    """Dependency: the caller, who must hold ``capability`` (see :data:`~childsafe.accounts.CAPABILITIES`)."""

    async def dependency(
        request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
    ) -> Principal:
        if "authorization" not in request.headers:
            opened = _open_principal(request, capability)
            if opened is not None:
                return opened
        return require(await authenticated(request, credentials), capability)

    dependency.__name__ = f"needs_{capability.replace(':', '_')}"
    return dependency
