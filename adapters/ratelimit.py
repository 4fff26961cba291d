"""Fixed-window rate limits shared by the workers (Redis) or kept per process (memory).

``hit(bucket, limit, window, count)`` counts events and answers the seconds to wait when the bucket
is over its limit, else 0. Redis keeps the counters with the window as their expiry; without
Redis each worker counts alone (so N workers allow N times the limit — set REDIS_URL for several
workers)."""

from __future__ import annotations

import logging
import time

log = logging.getLogger(__name__)


class MemoryRateLimiter:
    def __init__(self) -> None:
        self._windows: dict[str, tuple[float, int]] = {}

    async def hit(self, bucket: str, limit: int, window: int, count: int = 1) -> int:
        moment = time.monotonic()
        start, seen = self._windows.get(bucket, (moment, 0))
        if moment - start >= window:
            start, seen = moment, 0
        count += seen
        self._windows[bucket] = (start, count)
        if len(self._windows) > 100_000:
            self._forget(moment, window)
        return max(int(start + window - moment) + 1, 1) if count > limit else 0

    def _forget(self, moment: float, window: int) -> None:
        for key, (start, _) in list(self._windows.items()):
            if moment - start >= window:
                del self._windows[key]

    async def close(self) -> None:
        self._windows.clear()


class RedisRateLimiter:
    PREFIX = "creditbank:rate:"

    def __init__(self, url: str) -> None:
        from redis import asyncio as redis

        self._redis = redis
        self._client = redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)
        self._fallback = MemoryRateLimiter()

    async def hit(self, bucket: str, limit: int, window: int, count: int = 1) -> int:
        key = self.PREFIX + bucket
        try:
            async with self._client.pipeline(transaction=True) as pipe:
                pipe.incrby(key, count)
                pipe.expire(key, window, nx=True)
                pipe.ttl(key)
                count, _, ttl = await pipe.execute()
        except (self._redis.RedisError, OSError) as exc:
            # Redis away: limits still hold, per worker, until it is back.
            log.warning("rate limiter falls back to memory: %s", exc)
            return await self._fallback.hit(bucket, limit, window, count)
        return max(int(ttl), 1) if count > limit else 0

    async def close(self) -> None:
        await self._client.aclose()


def rate_limiter(redis_url: str | None) -> MemoryRateLimiter | RedisRateLimiter:
    return RedisRateLimiter(redis_url) if redis_url else MemoryRateLimiter()
