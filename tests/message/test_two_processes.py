"""D2 across processes: two real server processes (uvicorn running the app factory, configured by
environment variables as in production) on the session's PostgreSQL database and a Redis of the
test's own. A change made through worker A reaches the subscriber connected to worker B, and only
the recipient: the subscriber of another institution on B gets nothing of it.

Runs in the PostgreSQL pass (TEST_DATABASE=postgres); on SQLite two processes cannot share the
session's database the way production workers share PostgreSQL, so it is skipped there.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections import defaultdict, deque
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio

from models.account import Account
from models.achievement import AchievementSubtype
from models.message import Message
from server.settings import Settings
from tests.support.api import Api
from tests.support.catalogue import REVOKE, grant, institution_id
from tests.support.db import backend
from tests.support.flows import CSUST, HNU_SYNCED, STAFF, login
from tests.support.live import TRANSPORT_WS, WAIT, WSClient
from tests.support.processes import (
    AppProcess,
    RedisServer,
    app_env,
    app_processes,
    describe,
    redis_server,
)
from tests.support.services import SmsGateway

pytestmark = pytest.mark.skipif(
    backend() != "postgres",
    reason="two server processes share the database only on PostgreSQL (run with TEST_DATABASE=postgres)",
)

MESSAGE_RECEIVED = "subscription { messageReceived { id kind title objectId read } }"
UNREAD = "subscription { unreadMessageCount }"
METRICS_TOKEN = "two-processes-metrics-token"
MESSAGES = "query { messages(first: 10) { totalCount nodes { id title } } }"


# --- the processes ---------------------------------------------------------------------------------

class Cluster:
    def __init__(self, redis: RedisServer, a: AppProcess, b: AppProcess) -> None:
        self.redis, self.a, self.b = redis, a, b
        self.api_a = Api(httpx.AsyncClient(base_url=a.url, timeout=WAIT))

    async def subscriptions_on(self, worker: AppProcess) -> int:
        """The worker's open subscriptions, from its /metrics (one process: its own count)."""
        async with httpx.AsyncClient(base_url=worker.url, timeout=WAIT) as client:
            text = (await client.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})).text
        found = re.search(r"^graphql_subscriptions(?:\{[^}]*\})? ([0-9.e+]+)$", text, re.MULTILINE)
        assert found, "no graphql_subscriptions gauge in /metrics"
        return int(float(found.group(1)))


@pytest_asyncio.fixture
async def cluster(settings: Settings, tmp_path: Path, sms_gateway: SmsGateway) -> AsyncIterator[Cluster]:
    """Redis and workers A and B on the session's database (migrated by the session; the workers
    never migrate PostgreSQL). Stopped before the autouse fixture empties the tables. When the
    test fails, the processes' output is printed (pytest shows it under the failure)."""
    with redis_server(tmp_path / "redis") as redis:
        env = app_env(settings.database_url, tmp_path / "app", redis_url=redis.url, METRICS_TOKEN=METRICS_TOKEN,
                      SMS_GATEWAY_URL=sms_gateway.url)
        async with app_processes(env, 2, names=["worker-A", "worker-B"]) as (a, b):
            cluster = Cluster(redis, a, b)
            try:
                yield cluster
            finally:
                await cluster.api_a.client.aclose()
                print(describe(a, b, redis))


# --- a websocket client that keeps every operation's messages --------------------------------------

class Subscriber:
    """A graphql-transport-ws client whose messages are kept per operation, so reading one
    operation never drops another's (needed to show what did NOT arrive)."""

    def __init__(self, url: str) -> None:
        self.client = WSClient(url, TRANSPORT_WS)
        self.inbox: dict[str, deque[dict[str, Any]]] = defaultdict(deque)

    async def connect(self, token: str) -> None:
        ack = await self.client.connect({"token": token})
        assert ack["type"] == "connection_ack", ack

    async def subscribe(self, query: str) -> str:
        return await self.client.subscribe(query)

    async def next_data(self, op: str, timeout: float = WAIT) -> dict[str, Any]:
        deadline = time.monotonic() + timeout
        while not self.inbox[op]:
            message = await self.client.receive(max(deadline - time.monotonic(), 0.01))
            self.inbox[message.get("id", "")].append(message)
        message = self.inbox[op].popleft()
        assert message["type"] == "next", message
        assert not message["payload"].get("errors"), message["payload"]["errors"]
        return message["payload"]["data"]

    def pending(self) -> list[dict[str, Any]]:
        return [message for queue in self.inbox.values() for message in queue]

    async def close(self) -> None:
        await self.client.close()


async def until(check: Callable[[], Any], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not await check():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        await asyncio.sleep(0.05)


def grant_title(subtype: AchievementSubtype) -> str:
    return f"学分银行已授权贵机构存储“{subtype.label}”类成果"


def revoke_title(subtype: AchievementSubtype) -> str:
    return f"学分银行已取消贵机构存储“{subtype.label}”类成果的授权"


# --- the test --------------------------------------------------------------------------------------

async def test_d2_event_crosses_between_two_server_processes(demo, cluster: Cluster):
    # The synced HNU account would first have to choose a password; that is not what is tested.
    await Account.filter(username=HNU_SYNCED[0]).update(must_change_password=False)
    api_a, b = cluster.api_a, cluster.b
    csust = await login(api_a, *CSUST)
    hnu = await login(api_a, *HNU_SYNCED)
    staff = await login(api_a, *STAFF)
    csust_institution = await institution_id(api_a, csust)
    hnu_institution = await institution_id(api_a, hnu)

    # Both institutions' admins subscribe on worker B; the first unread count proves each
    # subscription is live (B listens on Redis), B's gauge that all four are registered.
    subscribers = {"csust": Subscriber(b.ws_url), "hnu": Subscriber(b.ws_url)}
    try:
        ops: dict[str, tuple[str, str]] = {}
        for name, token in (("csust", csust), ("hnu", hnu)):
            subscriber = subscribers[name]
            await subscriber.connect(token)
            ops[name] = (await subscriber.subscribe(MESSAGE_RECEIVED), await subscriber.subscribe(UNREAD))
            assert (await subscriber.next_data(ops[name][1]))["unreadMessageCount"] == 0
        await until(lambda: _equals(cluster.subscriptions_on(b), 4), "worker B holds the 4 subscriptions")

        # The change is made through worker A: its message reaches CSUST's admin on B.
        await grant(api_a, staff, csust_institution, AchievementSubtype.SKILL_LEVEL_CERTIFICATE.value)
        stored = (await api_a(MESSAGES, token=csust)).data["messages"]
        assert stored["totalCount"] == 1
        csust_messages, csust_unread = ops["csust"]
        received = (await subscribers["csust"].next_data(csust_messages))["messageReceived"]
        assert received["title"] == grant_title(AchievementSubtype.SKILL_LEVEL_CERTIFICATE)
        assert received["id"] == stored["nodes"][0]["id"]
        assert received["kind"] == "GRANT_CHANGED" and received["read"] is False
        assert received["objectId"] == csust_institution
        assert (await subscribers["csust"].next_data(csust_unread))["unreadMessageCount"] == 1

        # HNU's admin on B got nothing of it. Proved by order: events reach a worker in the order
        # they were published, so had CSUST's message reached HNU it would come before the
        # one now sent to HNU itself.
        await grant(api_a, staff, hnu_institution, AchievementSubtype.NATIONAL_QUALIFICATION.value)
        hnu_messages, hnu_unread = ops["hnu"]
        first = (await subscribers["hnu"].next_data(hnu_messages))["messageReceived"]
        assert first["title"] == grant_title(AchievementSubtype.NATIONAL_QUALIFICATION), first
        assert first["objectId"] == hnu_institution
        assert (await subscribers["hnu"].next_data(hnu_unread))["unreadMessageCount"] == 1
        # …and CSUST's admin nothing of HNU's: its next message is the next one sent to it.
        (await api_a(REVOKE, {"institutionId": csust_institution,
                              "subtype": AchievementSubtype.SKILL_LEVEL_CERTIFICATE.value},
                     token=staff)).ok("revokeSubtype")
        second = (await subscribers["csust"].next_data(csust_messages))["messageReceived"]
        assert second["title"] == revoke_title(AchievementSubtype.SKILL_LEVEL_CERTIFICATE), second
        assert (await subscribers["csust"].next_data(csust_unread))["unreadMessageCount"] == 2
        assert subscribers["hnu"].pending() == [] and subscribers["csust"].pending() == []
        hnu_account = await Account.get(username=HNU_SYNCED[0])
        assert await Message.filter(account_id=hnu_account.id).count() == 1
    finally:
        for subscriber in subscribers.values():
            await subscriber.close()
    assert cluster.a.alive and b.alive, describe(cluster.a, b)


async def _equals(value: Any, expected: Any) -> bool:
    return await value == expected
