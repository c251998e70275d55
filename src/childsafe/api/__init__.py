"""The HTTP service (``childsafe serve``): HMA-compatible routes, native ``/api/v1`` routes,
accounts and the audit log.  Needs the ``server`` extra (FastAPI, uvicorn, argon2-cffi).

``create_app`` is imported lazily, so importing ``childsafe.api`` does not pull in the web framework.
Accounts (users, tokens, rate limits) live in :mod:`childsafe.accounts`, below the API, the CLI and the
review UI that all use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from childsafe.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from childsafe.api.app import create_app

        return create_app
    raise AttributeError(name)
