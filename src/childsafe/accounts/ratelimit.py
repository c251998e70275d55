"""In-process token buckets: login attempts and lookups.

Each server process keeps its own buckets, so with ``--workers N`` a client can get up to N times
the configured rate.  Good enough to stop password guessing and a runaway client; a shared limit
belongs in the reverse proxy in front of a multi-host deployment.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Hashable

from childsafe.errors import RateLimitedError

__all__ = ["RateLimiter"]


class RateLimiter:
    """``rate`` events per second per key, in bursts of up to ``burst``; ``rate`` 0 = unlimited."""

    def __init__(self, rate: float, burst: float, *, max_keys: int = 100_000) -> None:
        self.rate = float(rate)
        self.burst = max(1.0, float(burst))
        self.max_keys = max_keys
        self._buckets: dict[Hashable, tuple[float, float]] = {}  # key -> (tokens, last update)
        self._lock = threading.Lock()

    def take(self, key: Hashable) -> float:
        """Spend one token; returns 0.0 when allowed, else the seconds until a token is back."""
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                if len(self._buckets) > self.max_keys:
                    self._prune(now)
                return 0.0
            self._buckets[key] = (tokens, now)
            return (1.0 - tokens) / self.rate

    def check(self, key: Hashable, what: str) -> None:
        """:meth:`take`, raising :class:`RateLimitedError` when the bucket is empty."""
        wait = self.take(key)
        if wait > 0:
            raise RateLimitedError(f"too many {what}: try again in {wait:.1f} s", retry_after=wait)

    def _prune(self, now: float) -> None:
        # Buckets that have refilled completely carry no information: drop them.
        full = [k for k, (tokens, last) in self._buckets.items()
                if tokens + (now - last) * self.rate >= self.burst]
        for key in full:
            del self._buckets[key]
        if len(self._buckets) > self.max_keys:  # still too many: forget the oldest half
            oldest = sorted(self._buckets, key=lambda k: self._buckets[k][1])
            for key in oldest[: len(oldest) // 2]:
                del self._buckets[key]
