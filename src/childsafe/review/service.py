"""Deciding review items: the rules every door follows (the review pages and the API's review routes).

A decision is checked against what the reviewer was shown (the item's fingerprint, the allowlist
preview), against the reviewer's role (a child at risk is never "confirmed"; a lead on a minor's
account needs an administrator; reviewers may not save an allowlist that suppresses other items),
then stored and audited by :class:`~childsafe.store.review.ReviewStore`, with its effects.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from childsafe.accounts import can
from childsafe.errors import ConfigError
from childsafe.review.queue import ReviewQueue
from childsafe.store.review import DECISIONS, Decision, ReviewStore
from childsafe.store.service import User

__all__ = ["ReviewService"]


class ReviewService:
    """The queue and its decisions.  ``bank_changed`` is told when a decision writes allowlist entries
    (a server refreshes its matcher)."""

    def __init__(self, queue: ReviewQueue, reviews: ReviewStore,
                 bank_changed: Callable[[], None] | None = None) -> None:
        self.queue = queue
        self.reviews = reviews
        self._bank_changed = bank_changed or (lambda: None)

    def decide(self, user: User, key: str, decision: str, reason: str, fingerprint: str, *,
               allowlist_preview: int | None = None, preview_required: bool = False) -> Decision:
        """One decision, from a page or the API: checked against what was shown, audited, with its effects.

        A false positive that adds allowlist entries is checked against the preview the caller was
        shown (``allowlist_preview``: how many other stored items they would suppress); the review
        page always sends it, an API client may.  Reviewers may not save one that suppresses others.
        """
        found = self.queue.item(key)
        if fingerprint != found.fingerprint:
            raise ConfigError("this item changed since you opened it (its file or scores were updated): "
                              "open it again before deciding")
        if decision not in DECISIONS:
            raise ConfigError(f"unknown decision {decision!r}")
        self.queue.check(found, decision, reason, admin=can(user, "audit"))  # never "confirmed" on a child
        effects = self.queue.effects(found, decision, user.name)
        if effects.allowlist and (preview_required or allowlist_preview is not None):
            now = len(effects.allowlist_others)
            if allowlist_preview != now:
                shown = "no preview" if allowlist_preview is None else f"{allowlist_preview}"
                raise ConfigError(f"the allowlist preview changed: this false positive would now suppress {now} "
                                  f"other stored item(s), you were shown {shown}; open the item again")
        made = self.reviews.decide(found.key, found.source, found.fingerprint, decision, reason,
                                   actor=user.name, admin=can(user, "audit"), effects=effects,
                                   details={"urgency": round(found.urgency, 4), "summary": found.summary})
        if effects.allowlist:
            self._bank_changed()
        if found.source in ("graph", "at_risk"):
            self.queue.invalidate_graph()
        return made

    def remove_allowlist(self, user: User, key: str, reason: str) -> dict[str, Any]:
        """An administrator undoes a false positive's allowlist entries (audited; the item reopens)."""
        done = self.reviews.remove_allowlist(key, actor=user.name, admin=can(user, "audit"), reason=reason)
        self._bank_changed()
        return done
