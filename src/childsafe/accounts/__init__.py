"""Accounts: who may do what (roles and capabilities, argon2id passwords, API tokens, the login check)
and the in-process rate limits that guard them.

An application service: the CLI (``childsafe user``/``token``), the API and the review UI all call it;
it needs no web framework and stores through :class:`~childsafe.store.service.ServiceStore`.
"""

from childsafe.accounts.access import (
    CAPABILITIES,
    MIN_PASSWORD_CHARS,
    TOKEN_PREFIX,
    Principal,
    TokenAuthenticator,
    authenticate,
    can,
    hash_password,
    issue_token,
    require,
)
from childsafe.accounts.ratelimit import RateLimiter

__all__ = [
    "CAPABILITIES", "MIN_PASSWORD_CHARS", "TOKEN_PREFIX", "Principal", "RateLimiter", "TokenAuthenticator",
    "authenticate", "can", "hash_password", "issue_token", "require",
]
