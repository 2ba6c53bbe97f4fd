"""Per-client rate limiting (a token bucket per client address)."""

from __future__ import annotations

import threading
import time


def now() -> float:
    """The limiter's clock in seconds (monotonic); a test replaces it so the buckets refill only when it says."""
    return time.monotonic()


class RateLimiter:
    def __init__(self, per_minute: int, burst: int | None = None) -> None:
        if per_minute < 0:
            raise ValueError(f"per_minute must be >= 0, got {per_minute!r}")
        self.rate = per_minute / 60.0
        self.capacity = float(burst if burst is not None else max(1, per_minute))
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        if self.rate <= 0:
            return True
        at = now()
        with self._lock:
            tokens, last = self._buckets.get(client, (self.capacity, at))
            tokens = min(self.capacity, tokens + (at - last) * self.rate)
            if tokens < 1:
                self._buckets[client] = (tokens, at)
                return False
            self._buckets[client] = (tokens - 1, at)
            if len(self._buckets) > 100_000:
                self._buckets.clear()
            return True
