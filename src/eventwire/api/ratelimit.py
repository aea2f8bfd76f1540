"""Per-client rate limits: a token bucket for each client address, one for reads, one for writes.

A write runs the whole pipeline (a second of CPU or more), so ``POST`` gets a small budget: a
client that floods the endpoint waits, instead of taking the server from everyone else.
Reads are cheap and the dashboard sends several per view, so they are not limited unless the
operator sets a budget. A client past its budget gets ``429 Too Many Requests`` with
``Retry-After`` (whole seconds).

Clients are told apart by the connection's address. Behind a reverse proxy every request comes
from the proxy; run uvicorn with ``--proxy-headers --forwarded-allow-ips=PROXY`` so the address
is the real client's. The buckets of the least recently seen clients are forgotten past
:attr:`RateLimits.max_clients`, so memory stays bounded however many addresses call.
"""

from __future__ import annotations

import json
import math
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Receive, Scope, Send

#: Methods that only read; anything else is a write.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class RateLimit:
    """``per_minute`` requests on average, up to ``burst`` at once."""

    per_minute: float
    burst: int

    def __post_init__(self) -> None:
        if self.per_minute <= 0 or self.burst < 1:
            raise ValueError(f"a rate limit needs per_minute > 0 and burst ≥ 1, not {self}")


@dataclass(frozen=True, slots=True)
class RateLimits:
    """The server's limits per client; ``None`` turns a kind of request's limit off."""

    reads: RateLimit | None = None
    writes: RateLimit | None = field(default_factory=lambda: RateLimit(per_minute=30, burst=10))
    max_clients: int = 10_000


@dataclass(slots=True)
class TokenBucket:
    """Holds up to ``limit.burst`` tokens, refilled at ``limit.per_minute``; a request takes one."""

    limit: RateLimit
    tokens: float
    updated: float

    def take(self, now: float) -> float:
        """Take a token: 0.0 when there was one, else the seconds until there will be."""
        rate = self.limit.per_minute / 60.0
        self.tokens = min(float(self.limit.burst), self.tokens + (now - self.updated) * rate)
        self.updated = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return 0.0
        return (1.0 - self.tokens) / rate


class RateLimiter:
    """ASGI middleware applying :class:`RateLimits` to every HTTP request."""

    def __init__(self, app: ASGIApp, limits: RateLimits, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.limits = limits
        self.clock = clock
        # Runs on the event loop only, so no lock: one request is checked at a time.
        self.buckets: OrderedDict[tuple[str, str], TokenBucket] = OrderedDict()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        kind = "reads" if scope["method"] in READ_METHODS else "writes"
        limit: RateLimit | None = getattr(self.limits, kind)
        wait = self._take(kind, _client(scope), limit) if limit else 0.0
        if wait <= 0:
            await self.app(scope, receive, send)
            return
        body = json.dumps({"detail": f"too many requests: try again in {math.ceil(wait)} s"}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 429,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"retry-after", str(math.ceil(wait)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _take(self, kind: str, client: str, limit: RateLimit) -> float:
        now = self.clock()
        key = (kind, client)
        bucket = self.buckets.get(key)
        if bucket is None:
            bucket = self.buckets[key] = TokenBucket(limit, float(limit.burst), now)
            while len(self.buckets) > self.limits.max_clients:
                self.buckets.popitem(last=False)
        else:
            self.buckets.move_to_end(key)
        return bucket.take(now)


def _client(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "unknown"
