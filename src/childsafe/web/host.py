"""The port the review UI runs behind: what it needs from the process that hosts it.

The UI is mounted by the API (``childsafe serve``), whose per-process state provides all of this; the
UI imports nothing from :mod:`childsafe.api`, so the arrow points one way (api -> web -> services), as
the import-linter contracts in ``pyproject.toml`` check.
"""

from __future__ import annotations

from typing import Protocol

from childsafe.accounts import RateLimiter
from childsafe.review import ReviewService
from childsafe.services.scopes import CaseScopes
from childsafe.store.service import ServiceStore
from childsafe.store.sql import SqlStore

__all__ = ["ReviewHost"]


class ReviewHost(Protocol):
    @property
    def store(self) -> SqlStore:
        """The store (scan records for media items, allowlist grants)."""

    @property
    def service(self) -> ServiceStore:
        """Service tables: users, sessions, the audit log."""

    @property
    def review(self) -> ReviewService:
        """The review queue and its decisions (shared with the API's review routes)."""

    @property
    def cases(self) -> CaseScopes:
        """Each case's store and review queue, by name (``?case=``); the default case is :attr:`review`'s."""

    @property
    def login_limiter(self) -> RateLimiter:
        """Login attempts per client and per user name."""
