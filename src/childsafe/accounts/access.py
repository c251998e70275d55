"""Who may do what: roles, passwords (argon2id), API tokens, and the login check the web UI calls.

Nothing here imports the web framework, so the CLI and the review UI use the same functions.
Secrets never leave this module except once: :func:`issue_token` returns the new token to show it.
Passwords and tokens are never logged and never written to the audit log.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from childsafe.accounts.ratelimit import RateLimiter
from childsafe.errors import AuthenticationError, ConfigError, PermissionDeniedError
from childsafe.store.service import ServiceStore, User, token_digest

__all__ = [
    "CAPABILITIES", "Principal", "TokenAuthenticator", "authenticate", "can", "hash_password",
    "issue_token", "require", "MIN_PASSWORD_CHARS", "TOKEN_PREFIX",
]

#: What each role may do.  Routes ask for a capability, never for a role name.
_CLIENT = frozenset({"hash", "lookup", "score", "banks:read"})
_REVIEWER = _CLIENT | {"review", "scan", "graph"}
_ADMIN = _REVIEWER | {"banks:write", "users", "audit"}
CAPABILITIES: dict[str, frozenset[str]] = {"api-client": _CLIENT, "reviewer": _REVIEWER, "admin": _ADMIN}

MIN_PASSWORD_CHARS = 10
#: Makes leaked tokens easy to find with secret scanners.
TOKEN_PREFIX = "cs_"  # noqa: S105 - a public prefix, not a secret

# argon2-cffi's defaults are argon2id with RFC 9106's low-memory profile (t=3, 64 MiB, p=4).
_HASHER = PasswordHasher()
_DUMMY_HASH: list[str] = []  # computed on first use; checked against for unknown users


@dataclass(frozen=True)
class Principal:
    """The authenticated caller: the user, and the token used (None for a UI session)."""

    user: User
    token_id: int | None = None

    @property
    def actor(self) -> str:
        return self.user.name


def can(user: User, capability: str) -> bool:
    return not user.disabled and capability in CAPABILITIES.get(user.role, frozenset())


def require(principal: Principal, capability: str) -> Principal:
    if not can(principal.user, capability):
        raise PermissionDeniedError(f"role {principal.user.role!r} may not {capability}")
    return principal


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise ConfigError(f"password too short: use at least {MIN_PASSWORD_CHARS} characters")
    return _HASHER.hash(password)


def _verify(stored: str | None, password: str) -> bool:
    if not _DUMMY_HASH:
        _DUMMY_HASH.append(_HASHER.hash(secrets.token_urlsafe(16)))
    try:
        # An unknown user or one without a password costs the same time as a wrong password,
        # so response times do not reveal which names exist.
        return _HASHER.verify(stored or _DUMMY_HASH[0], password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def issue_token(service: ServiceStore, user_name: str, *, actor: str, label: str | None = None) -> tuple[int, str]:
    """Create an API token for ``user_name``: (token id, the token).  Only its SHA-256 is stored."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token_id = service.add_token(user_name, token_digest(token), actor=actor, label=label)
    return token_id, token


def authenticate(service: ServiceStore, limiter: RateLimiter, name: str, password: str, client: str) -> User:
    """Check a user name and password (the review UI's login); every attempt is audited.

    Raises :class:`~childsafe.errors.RateLimitedError` when the client address or the user name
    has made too many attempts (those are refused unchecked and not audited, so a flood cannot fill
    the log), else :class:`~childsafe.errors.AuthenticationError` with one message whatever was wrong.
    """
    limiter.check(("login-client", client), "login attempts from this address")
    limiter.check(("login-user", name), "login attempts for this user")
    found = service.password_hash(name)
    user, stored = found if found is not None else (None, None)
    ok = _verify(stored, password)
    if user is None:
        # A typo'd password pasted into the name field must not end up in the log: keep a digest.
        target = "unknown:" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:16]
        reason = "unknown user"
    else:
        target = user.name
        reason = "disabled" if user.disabled else ("no password" if stored is None else "wrong password")
    if ok and user is not None and not user.disabled:
        service.append_audit(None, user.name, "login.success", user.name, {"client": client})
        return user
    service.append_audit(None, "anonymous", "login.failure", target, {"client": client, "reason": reason})
    raise AuthenticationError("wrong user name or password")


class TokenAuthenticator:
    """Bearer tokens to users, with a short in-process cache (``token_cache_seconds``).

    The cache keeps lookups off the database on the hot path; a revoked token or disabled user is
    refused at once by the process that made the change and within the cache time by the others.
    """

    def __init__(self, service: ServiceStore, ttl_seconds: float, failures: RateLimiter) -> None:
        self.service = service
        self.ttl = ttl_seconds
        self.failures = failures
        self._cache: dict[str, tuple[float, Principal]] = {}
        self._lock = threading.Lock()

    def authenticate(self, token: str, client: str) -> Principal:
        digest = token_digest(token)
        now = time.monotonic()
        cached = self._cache.get(digest)
        if cached is not None and cached[0] > now:
            return cached[1]
        found = self.service.user_for_token(digest)
        if found is None:
            # Tokens carry 256 random bits; the limit only keeps a guessing flood off the database.
            self.failures.check(("token-failure", client), "failed authentications from this address")
            raise AuthenticationError("invalid or revoked API token")
        principal = Principal(found[0], found[1])
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[digest] = (now + self.ttl, principal)
        return principal

    def forget(self) -> None:
        """Drop every cached token (after a revocation or a user change in this process)."""
        with self._lock:
            self._cache.clear()
