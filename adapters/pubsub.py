"""Live events for subscriptions: in-process by default, over Redis pub/sub with ``REDIS_URL``.

An event is a small JSON object addressed to one account (``{"type": …, "account": id, …}``).
Every process listens on one Redis channel and hands each event to the subscribers of that
account connected to it, so a worker needs one Redis connection however many websockets it
holds. Events only wake clients up: what they report is already committed in the database, so
when Redis goes away nothing is lost — when it comes back every subscriber is told to ``resync``
(read what it missed from the database) and carries on.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

log = logging.getLogger(__name__)

Event = dict[str, Any]
RESYNC: Event = {"type": "resync"}
# Events a subscriber may have waiting; a client that stops reading loses its queue, not the
# process's memory: it is told to resync from the database once it reads again.
QUEUE_SIZE = 256


class Subscriber:
    """One subscription's queue of events for one account."""

    def __init__(self, account_id: int, *, connection: bool = False) -> None:
        self.account_id = account_id
        # True for a websocket's own watcher (it only listens for its login ending).
        self.connection = connection
        self._queue: asyncio.Queue[Event] = asyncio.Queue(maxsize=QUEUE_SIZE)
        self._overflowed = False

    def offer(self, event: Event) -> None:
        try:
            self._queue.put_nowait(event)
        except asyncio.QueueFull:
            self._overflowed = True

    async def next(self) -> Event:
        if self._overflowed:
            self._overflowed = False
            while not self._queue.empty():
                self._queue.get_nowait()
            return RESYNC
        return await self._queue.get()


class Broker:
    """In-process fan-out: events reach the subscribers of this process only."""

    def __init__(self) -> None:
        self._subscribers: dict[int, set[Subscriber]] = defaultdict(set)

    @property
    def subscriber_count(self) -> int:
        """Open subscriptions (websockets' own watchers not counted)."""
        return sum(1 for group in self._subscribers.values() for s in group if not s.connection)

    @contextmanager
    def subscribe(self, account_id: int, *, connection: bool = False) -> Iterator[Subscriber]:
        subscriber = Subscriber(account_id, connection=connection)
        self._subscribers[account_id].add(subscriber)
        self.start()
        try:
            yield subscriber
        finally:
            group = self._subscribers.get(account_id)
            if group is not None:
                group.discard(subscriber)
                if not group:
                    del self._subscribers[account_id]

    async def publish(self, events: list[Event]) -> None:
        for event in events:
            self.dispatch(event)

    def dispatch(self, event: Event) -> None:
        for subscriber in self._subscribers.get(event.get("account", -1), ()):
            subscriber.offer(event)

    def dispatch_all(self, event: Event) -> None:
        for group in self._subscribers.values():
            for subscriber in group:
                subscriber.offer(event)

    def start(self) -> None:
        """Start listening (brokers with a listener; also done on first subscription)."""

    async def ready(self, timeout: float = 2.0) -> bool:
        """Whether events published from now on reach this process's subscribers."""
        return True

    async def close(self) -> None:
        self._subscribers.clear()


class RedisBroker(Broker):
    """Fan-out between processes through one Redis channel."""

    CHANNEL = "creditbank:events"

    def __init__(self, url: str, *, retry_seconds: float = 0.5) -> None:
        super().__init__()
        from redis import asyncio as redis

        self._redis = redis
        self._url = url
        self._retry_seconds = retry_seconds
        self._publisher = redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        self._listener: asyncio.Task[None] | None = None
        self.connected = asyncio.Event()

    def start(self) -> None:
        if self._listener is None or self._listener.done():
            self._listener = asyncio.get_running_loop().create_task(self._listen())

    async def ready(self, timeout: float = 2.0) -> bool:
        try:
            await asyncio.wait_for(self.connected.wait(), timeout)
        except asyncio.TimeoutError:
            return False
        return True

    async def publish(self, events: list[Event]) -> None:
        if not events:
            return
        try:
            async with self._publisher.pipeline(transaction=False) as pipe:
                for event in events:
                    pipe.publish(self.CHANNEL, json.dumps(event, ensure_ascii=False))
                await pipe.execute()
        except (self._redis.RedisError, OSError) as exc:
            # Subscribers catch up from the database when Redis is back (see _listen).
            log.warning("redis publish failed, %d live events not sent: %s", len(events), exc)

    async def _listen(self) -> None:
        lost = False
        while True:
            client = self._redis.Redis.from_url(
                self._url, socket_connect_timeout=2, health_check_interval=15
            )
            pubsub = client.pubsub(ignore_subscribe_messages=True)
            try:
                await pubsub.subscribe(self.CHANNEL)
                self.connected.set()
                if lost:
                    log.info("redis is back; subscribers resync from the database")
                    self.dispatch_all(RESYNC)
                    lost = False
                async for message in pubsub.listen():
                    if message.get("type") == "message":
                        try:
                            self.dispatch(json.loads(message["data"]))
                        except (ValueError, AttributeError):
                            log.warning("ignored a malformed event on %s", self.CHANNEL)
            except asyncio.CancelledError:
                raise
            except (self._redis.RedisError, OSError) as exc:
                if not lost:
                    log.warning("redis subscription lost: %s; retrying", exc)
                lost = True
                self.connected.clear()
                await asyncio.sleep(self._retry_seconds)
            finally:
                with suppress(Exception):
                    await pubsub.aclose()
                    await client.aclose()

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with suppress(asyncio.CancelledError, Exception):
                await self._listener
            self._listener = None
        with suppress(Exception):
            await self._publisher.aclose()
        await super().close()


def broker_for(redis_url: str | None) -> Broker:
    return RedisBroker(redis_url) if redis_url else Broker()
