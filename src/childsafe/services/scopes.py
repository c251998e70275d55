"""Per-case services for a long-running process (the API and the review UI behind it).

A server answers requests about any case (``?case=NAME``).  Opening a case's store costs an engine
and a migration check, so each case's :class:`~childsafe.services.Services` and its review queue (with
the queue's graph cache) are kept once opened.  Each lookup asks the registry first (one query), so a
case deleted meanwhile is a 404 at once, and a case deleted and made again under the same name is a
new store; the stale one is closed.  The default case is the main store's own queue.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from childsafe.case.model import DEFAULT_CASE
from childsafe.services.factory import Services

if TYPE_CHECKING:
    from childsafe.review import ReviewService
    from childsafe.store.service import ServiceStore
    from childsafe.store.sql import SqlStore

__all__ = ["CaseScope", "CaseScopes"]


@dataclass
class CaseScope:
    """One case as a request sees it: its store, its review queue and decisions, its audit log."""

    name: str
    case_id: int
    services: Services
    review: ReviewService

    @property
    def is_default(self) -> bool:
        return self.case_id == 0

    @property
    def store(self) -> SqlStore:
        return self.services.store

    @property
    def service(self) -> ServiceStore:
        """The case's own service store: its audit log (the main one for the default case)."""
        return self.services.service_store()


class CaseScopes:
    """The cases a server has opened, by name; ``make_review`` builds a case's review service."""

    def __init__(self, house: Services, default_review: ReviewService,
                 make_review: Callable[[Services], ReviewService]) -> None:
        self.house = house
        self.default = CaseScope(DEFAULT_CASE, 0, house, default_review)
        self._make_review = make_review
        self._open: dict[str, CaseScope] = {}
        self._lock = threading.Lock()

    def get(self, name: str | None) -> CaseScope:
        """The scope of case ``name`` (None or '' or 'default': the main store); CaseNotFoundError when none."""
        if not name or name == DEFAULT_CASE:
            return self.default
        case = self.house.cases().get(name)
        with self._lock:
            scope = self._open.get(name)
            if scope is not None and scope.case_id == case.id:
                return scope
            if scope is not None:  # deleted and made again: a different store
                scope.services.close()
            services = self.house.for_case(case)
            scope = CaseScope(case.name, case.id, services, self._make_review(services))
            self._open[name] = scope
            return scope

    def forget(self, name: str) -> None:
        """Close a case's store (before deleting it in this process)."""
        with self._lock:
            scope = self._open.pop(name, None)
        if scope is not None:
            scope.services.close()

    def close(self) -> None:
        with self._lock:
            scopes, self._open = list(self._open.values()), {}
        for scope in scopes:
            scope.services.close()
