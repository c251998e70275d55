"""One :class:`~childsafe.matching.Matcher` per server process, kept fresh.

Built on first use (from the index snapshot when there is one), refreshed with the store's new
entries every ``index_refresh_seconds`` or at once after a bank write made by this process.
Deleted entries and disabled banks never match even before a refresh: every hit is resolved
against the store.  Searches and refreshes take one lock, because a refresh adds to the indexes
in place; lookups are sub-millisecond, so the lock is rarely waited on.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from sqlalchemy import func, select

from childsafe.graph.network import MediaEvidence
from childsafe.matching import Matcher
from childsafe.store.graph import MediaMatcher, media_matcher
from childsafe.store.schema import banks
from childsafe.store.sql import SqlStore

__all__ = ["MatcherHolder"]

T = TypeVar("T")


class _ServiceMatcher(Matcher):
    """A Matcher whose refresh costs a few indexed queries.

    :meth:`Matcher.refresh` asks ``list_banks()`` for the widest threshold, which counts every
    bank's entries: ~0.1 s at a million entries, every ``index_refresh_seconds``, with lookups
    waiting.  The threshold needs no counts.
    """

    def _search_radius(self) -> int:
        store = self.store
        assert isinstance(store, SqlStore)
        with store.engine.connect() as conn:
            widest = conn.execute(select(func.max(banks.c.pdq_threshold)).where(banks.c.enabled.is_(True))).scalar()
        return int(widest) if widest is not None else 31


class MatcherHolder:
    def __init__(self, store: SqlStore, index_dir: Path | None, *, pdq_quality_min: int,
                 refresh_seconds: float) -> None:
        self.store = store
        self.index_dir = index_dir
        self.pdq_quality_min = pdq_quality_min
        self.refresh_seconds = refresh_seconds
        self._matcher: Matcher | None = None
        self._checked = 0.0
        self._dirty = False
        self._lock = threading.Lock()

    def use(self, fn: Callable[[Matcher], T]) -> T:
        """Call ``fn`` with the current matcher, under the lock."""
        with self._lock:
            return fn(self._current())

    def media_matcher(self) -> MediaMatcher:
        """Network media matched against the banks with this process's matcher (under its lock)."""

        def match(signal_type: str, signals: Sequence[str]) -> list[list[MediaEvidence]]:
            return self.use(lambda m: media_matcher(m)(signal_type, signals))

        return match

    def warm(self) -> None:
        self.use(lambda _m: None)

    @property
    def ready(self) -> bool:
        """Whether the index is loaded (read without the lock: a load in progress holds it)."""
        return self._matcher is not None

    def built_to(self) -> dict[str, int] | None:
        """The last entry id each signal type's index holds, or None before the index is loaded."""
        with self._lock:
            return None if self._matcher is None else self._matcher.indexed_up_to()

    def invalidate(self) -> None:
        """A bank changed in this process: refresh before the next lookup."""
        self._dirty = True

    def _current(self) -> Matcher:
        now = time.monotonic()
        if self._matcher is None:
            if self.index_dir is not None:
                self.index_dir.mkdir(parents=True, exist_ok=True)
            self._matcher = _ServiceMatcher(self.store, self.index_dir, pdq_quality_min=self.pdq_quality_min)
            self._checked, self._dirty = now, False
        elif self._dirty or now - self._checked >= self.refresh_seconds:
            self._dirty = False  # cleared first: a write during the refresh marks it again
            self._matcher.refresh()
            self._checked = now
        return self._matcher
