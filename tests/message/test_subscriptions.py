"""Live notifications over GraphQL subscriptions (D2) and import/export progress (B8).

Everything runs against a real uvicorn on loopback (``live_server``/``make_live_server``), with
real websocket clients speaking graphql-transport-ws and the older graphql-ws. Where a test must
show that something did NOT arrive, it proves it by order: a later event for the same subscriber
arrives first, and events reach one subscriber in the order they were published.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.pubsub import QUEUE_SIZE, Broker, Subscriber
from models.account import Account, Session
from models.achievement import Achievement
from models.message import Message, MessageKind
from resolvers.ids import decode_id
from resolvers.messages import message_row, write_messages
from server.app import create_app
from server.context import Context
from server.security import token_digest
from tests.support.api import Api
from tests.support.catalogue import GRANT, REVOKE, institution_id
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, STAFF, code_for, login
from tests.support.live import (
    GRAPHQL_WS,
    TRANSPORT_WS,
    WAIT,
    Closed,
    LiveServer,
    TcpProxy,
    WSClient,
    ws_client,
)
from tests.support.processes import RedisServer
from tests.support.xlsx import workbook_bytes

MESSAGE_RECEIVED = "subscription { messageReceived { id kind title read module } }"
UNREAD = "subscription { unreadMessageCount }"
PROGRESS = "subscription($key: String!) { progress(key: $key) { key done total finished stage } }"
MESSAGES = "query { messages(first: 100) { totalCount nodes { id kind title read } } }"
UNREAD_NOW = "{ unreadMessageCount }"
MARK_READ = """mutation($input: MarkMessagesReadInput!) {
  markMessagesRead(input: $input) { marked unreadCount errors { code } } }"""
CHANGE_INITIAL = """mutation($input: ChangeInitialPasswordInput!) {
  changeInitialPassword(input: $input) { account { mustChangePassword } errors { code } } }"""
CHANGE_PASSWORD = """mutation($input: ChangePasswordInput!) {
  changePassword(input: $input) { account { id } errors { field code } } }"""
SUB_USERS = "query($filter: SubUserFilter) { subUsers(filter: $filter) { nodes { id username } } }"
DISABLE = "mutation($id: ID!) { disableSubUser(id: $id) { account { status } errors { code } } }"
RESET = "mutation($id: ID!) { resetSubUserPassword(id: $id) { temporaryPassword errors { code } } }"
LOGOUT = "mutation { logout { ok errors { code } } }"
IMPORT = """mutation($input: ImportAchievementsInput!) {
  importAchievements(input: $input) { totalRows importedCount rejectedCount errors { code } } }"""
EXPORT = """mutation($input: ExportAchievementsInput!) {
  exportAchievements(input: $input) { rowCount file { url } errors { field code } } }"""
COURSE_HEADERS = ["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"]
HNU_PASSWORD = "Hnu2024new"
CSUST_PHONE = "13800000001"

PROTOCOLS = pytest.mark.parametrize("protocol", [TRANSPORT_WS, GRAPHQL_WS])


# --- steps ---------------------------------------------------------------------------------------

class Grants:
    """Staff granting and revoking a restricted subtype: each call writes one GRANT_CHANGED
    message to every user of the institution (the cheapest real event through the API)."""

    def __init__(self, api: Api, staff: str) -> None:
        self.api, self.staff = api, staff
        self.granted: set[tuple[str, str]] = set()

    async def flip(self, institution: str, subtype: str = "SKILL_LEVEL_CERTIFICATE") -> None:
        key = (institution, subtype)
        document, field = (REVOKE, "revokeSubtype") if key in self.granted else (GRANT, "grantSubtype")
        result = await self.api(document, {"institutionId": institution, "subtype": subtype},
                                token=self.staff)
        result.ok(field)
        self.granted ^= {key}


async def hnu_admin(api: Api) -> str:
    """The other institution's admin, past its forced first password change."""
    token = await login(api, *HNU_SYNCED)
    result = await api(CHANGE_INITIAL, {"input": {"newPassword": HNU_PASSWORD,
                                                  "confirmation": HNU_PASSWORD}}, token=token)
    assert result.ok("changeInitialPassword")["account"]["mustChangePassword"] is False
    return token


async def messages_of(api: Api, token: str) -> list[dict[str, Any]]:
    result = await api(MESSAGES, token=token)
    assert not result.errors, result.errors
    return result.data["messages"]["nodes"]


async def latest_id(api: Api, token: str) -> str:
    return (await messages_of(api, token))[0]["id"]


async def unread_now(api: Api, token: str) -> int:
    result = await api(UNREAD_NOW, token=token)
    assert not result.errors, result.errors
    return result.data["unreadMessageCount"]


async def subscribed(client: WSClient) -> tuple[str, str, int]:
    """Subscribe messageReceived, then unreadMessageCount; the count's first value is the point
    from which both subscriptions see every event. Answers both ids and that first count."""
    messages = await client.subscribe(MESSAGE_RECEIVED)
    unread = await client.subscribe(UNREAD)
    first = (await client.next_data(unread))["unreadMessageCount"]
    return messages, unread, first


async def received(client: WSClient, op: str) -> dict[str, Any]:
    return (await client.next_data(op))["messageReceived"]


async def teacher_id(api: Api, admin: str) -> str:
    result = await api(SUB_USERS, {"filter": {"username": CSUST_TEACHER[0]}}, token=admin)
    [node] = [n for n in result.data["subUsers"]["nodes"] if n["username"] == CSUST_TEACHER[0]]
    return node["id"]


def error_text(message: dict[str, Any]) -> str:
    """The text of an ``error`` message: a list of errors (graphql-transport-ws) or one (graphql-ws)."""
    payload = message["payload"]
    errors = payload if isinstance(payload, list) else [payload]
    return " ".join(error["message"] for error in errors)


async def until(condition: Callable[[], bool], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        await asyncio.sleep(0.01)


def subscribers(broker: Broker, account_id: int) -> list[Subscriber]:
    return [s for s in broker._subscribers.get(account_id, ()) if not s.connection]


async def account_id(username: str) -> int:
    return (await Account.get(username=username)).id


async def rejected(client: WSClient, payload: dict[str, Any]) -> None:
    """connection_init is refused: graphql-transport-ws closes with 4403 at once; graphql-ws
    answers connection_error and then closes."""
    if client.protocol == TRANSPORT_WS:
        with pytest.raises(Closed) as closed:
            await client.connect(payload)
        assert closed.value.code == 4403
        return
    answer = await client.connect(payload)
    assert answer["type"] == "connection_error", answer
    await client.wait_closed()


async def still_serving(server: LiveServer, token: str, protocol: str) -> None:
    response = await server.http.get("/healthz")
    assert response.status_code == 200
    async with ws_client(server, token, protocol) as client:
        op = await client.subscribe(UNREAD)
        assert (await client.next_data(op))["unreadMessageCount"] == await unread_now(server.api, token)


# --- D2: who gets what ---------------------------------------------------------------------------

@PROTOCOLS
async def test_d2_message_reaches_only_its_recipient(demo, live_server, protocol):
    api = live_server.api
    csust, hnu, staff = await login(api, *CSUST), await hnu_admin(api), await login(api, *STAFF)
    csust_inst, hnu_inst = await institution_id(api, csust), await institution_id(api, hnu)
    grants = Grants(api, staff)
    async with ws_client(live_server, csust, protocol) as a, ws_client(live_server, hnu, protocol) as b:
        a_messages, _, a_count = await subscribed(a)
        b_messages, _, b_count = await subscribed(b)
        assert (a_count, b_count) == (0, 0)

        await grants.flip(csust_inst)
        first = await received(a, a_messages)
        assert first["id"] == await latest_id(api, csust)
        assert first["kind"] == "GRANT_CHANGED" and first["read"] is False and first["module"] == "ACHIEVEMENTS"

        # Had CSUST's message reached HNU, it would come before HNU's own.
        await grants.flip(hnu_inst)
        other = await received(b, b_messages)
        assert other["id"] == await latest_id(api, hnu) != first["id"]

        # And HNU's never reaches CSUST: CSUST's next message is its own next one.
        await grants.flip(csust_inst)
        second = await received(a, a_messages)
        assert second["id"] == await latest_id(api, csust) not in (first["id"], other["id"])
    assert [m["id"] for m in await messages_of(api, hnu)] == [other["id"]]


@PROTOCOLS
async def test_d2_unread_count_starts_at_current_and_follows_changes(demo, live_server, protocol):
    api = live_server.api
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    inst = await institution_id(api, admin)
    grants = Grants(api, staff)
    await grants.flip(inst)
    await grants.flip(inst)
    async with ws_client(live_server, admin, protocol) as client:
        op = await client.subscribe(UNREAD)
        assert (await client.next_data(op))["unreadMessageCount"] == 2

        await grants.flip(inst)
        assert (await client.next_data(op))["unreadMessageCount"] == 3 == await unread_now(api, admin)

        newest = await latest_id(api, admin)
        marked = (await api(MARK_READ, {"input": {"ids": [newest]}}, token=admin)).ok("markMessagesRead")
        assert marked["marked"] == 1
        assert (await client.next_data(op))["unreadMessageCount"] == 2

        marked = (await api(MARK_READ, {"input": {"all": True}}, token=admin)).ok("markMessagesRead")
        assert marked["marked"] == 2
        assert (await client.next_data(op))["unreadMessageCount"] == 0

        # Marking again changes nothing and pushes nothing: the next value is the next change.
        assert (await api(MARK_READ, {"input": {"all": True}}, token=admin)).ok("markMessagesRead")["marked"] == 0
        await grants.flip(inst)
        assert (await client.next_data(op))["unreadMessageCount"] == 1


# --- D2: who may connect ---------------------------------------------------------------------------

@PROTOCOLS
async def test_d2_connection_init_without_a_valid_login_is_refused(demo, live_server, protocol):
    api = live_server.api
    admin = await login(api, *CSUST)
    logged_out, expired = await login(api, *CSUST), await login(api, *CSUST)
    assert (await api(LOGOUT, token=logged_out)).ok("logout")["ok"] is True
    await Session.filter(token_digest=token_digest(expired)).update(expires_at=now() - timedelta(seconds=1))
    cases = {
        "no token": {},
        "empty token": {"token": ""},
        "bad token": {"token": "not-a-token"},
        "not a bearer": {"Authorization": f"Basic {admin}"},
        "logged out": {"token": logged_out},
        "expired": {"authToken": expired},
        "must change password": {"token": await login(api, *HNU_SYNCED)},
    }
    for case, payload in cases.items():
        try:
            await rejected(WSClient(live_server.ws_url, protocol), payload)
        except AssertionError as failure:
            raise AssertionError(f"{case}: {failure}") from failure
    await still_serving(live_server, admin, protocol)


@PROTOCOLS
async def test_d2_token_is_taken_from_connection_init(demo, live_server, protocol):
    api = live_server.api
    admin = await login(api, *CSUST)
    for payload in ({"token": admin}, {"authToken": admin}, {"Authorization": f"Bearer {admin}"},
                    {"authorization": f"bearer {admin}"}):
        client = WSClient(live_server.ws_url, protocol)
        try:
            assert (await client.connect(payload))["type"] == "connection_ack", payload
            op = await client.subscribe(UNREAD)
            assert (await client.next_data(op))["unreadMessageCount"] == 0
        finally:
            await client.close()


@PROTOCOLS
async def test_d2_subscribe_before_connection_init_closes_4401(demo, live_server, protocol):
    admin = await login(live_server.api, *CSUST)
    client = WSClient(live_server.ws_url, protocol)
    await client.open()
    await client.subscribe(UNREAD)
    closed = await client.wait_closed()
    assert closed.code == 4401
    await still_serving(live_server, admin, protocol)


# --- D2: what may be run ---------------------------------------------------------------------------

@PROTOCOLS
async def test_d2_unknown_subscription_field_is_an_error_for_that_operation(demo, live_server, protocol):
    api = live_server.api
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    async with ws_client(live_server, admin, protocol) as client:
        bad = await client.subscribe("subscription { noSuchEvent }")
        answer = await client.next_message(bad)
        assert answer["type"] == "error" and "noSuchEvent" in error_text(answer), answer

        messages, _, first = await subscribed(client)
        assert first == 0
        await Grants(api, staff).flip(await institution_id(api, admin))
        assert (await received(client, messages))["id"] == await latest_id(api, admin)


async def test_d2_query_and_mutation_over_graphql_transport_ws(demo, live_server):
    api = live_server.api
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    await Grants(api, staff).flip(await institution_id(api, admin))
    async with ws_client(live_server, admin, TRANSPORT_WS) as client:
        unread = await client.subscribe(UNREAD)
        assert (await client.next_data(unread))["unreadMessageCount"] == 1

        answers = await client.execute("{ me { username } unreadMessageCount }")
        assert [a["type"] for a in answers] == ["next", "complete"]
        assert answers[0]["payload"]["data"] == {"me": {"username": CSUST[0]}, "unreadMessageCount": 1}

        answers = await client.execute(MARK_READ, {"input": {"all": True}})
        assert [a["type"] for a in answers] == ["next", "complete"]
        assert answers[0]["payload"]["data"]["markMessagesRead"] == {"marked": 1, "unreadCount": 0,
                                                                     "errors": []}
        # The mutation's event reached the subscription running on the same connection.
        assert (await client.next_data(unread))["unreadMessageCount"] == 0
    assert await unread_now(api, admin) == 0


async def test_d2_query_over_graphql_ws_is_refused_as_a_client_error(demo, live_server, caplog):
    admin = await login(live_server.api, *CSUST)
    async with ws_client(live_server, admin, GRAPHQL_WS) as client:
        answers = await client.execute("{ me { username } }")
        assert [a["type"] for a in answers] == ["error"], answers
        op = await client.subscribe(UNREAD)  # the connection is still usable
        assert (await client.next_data(op))["unreadMessageCount"] == 0
    assert answers[0]["payload"].get("extensions", {}).get("code") != "INTERNAL_SERVER_ERROR", answers
    assert not [r for r in caplog.records if r.name == "credit_bank.errors"]


def error_codes(message: dict[str, Any]) -> list[str | None]:
    payload = message["payload"]
    return [error.get("extensions", {}).get("code") for error in (payload if isinstance(payload, list) else [payload])]


@PROTOCOLS
async def test_d2_document_over_max_tokens_is_too_many_tokens_as_over_http(demo, live_server, protocol, caplog):
    admin = await login(live_server.api, *CSUST)
    kind = "subscription" if protocol == GRAPHQL_WS else "query"
    too_long = f"{kind} {{ " + " ".join(["unreadMessageCount"] * 4100) + " }"
    over_http = await live_server.http.post("/graphql", json={"query": too_long},
                                            headers={"authorization": f"Bearer {admin}"})
    assert [e["extensions"]["code"] for e in over_http.json()["errors"]] == ["TOO_MANY_TOKENS"], over_http.text
    async with ws_client(live_server, admin, protocol) as client:
        for document in (too_long, "subscription { " + " ".join(["unreadMessageCount"] * 4100) + " }"):
            op = await client.subscribe(document)
            answer = await client.next_message(op)
            assert answer["type"] == "error", answer
            assert error_codes(answer) == ["TOO_MANY_TOKENS"], answer
            assert "4000" in error_text(answer)
        # The connection still serves.
        op = await client.subscribe(UNREAD)
        assert (await client.next_data(op))["unreadMessageCount"] == 0
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]


@PROTOCOLS
async def test_d2_document_that_does_not_parse_is_answered_not_crashed(demo, live_server, protocol, caplog):
    admin = await login(live_server.api, *CSUST)
    async with ws_client(live_server, admin, protocol) as client:
        op = await client.subscribe("subscription { unreadMessageCount")
        if protocol == TRANSPORT_WS:
            # graphql-transport-ws closes the connection on a document that is not GraphQL.
            closed = await client.wait_closed()
            assert closed.code == 4400 and "Syntax Error" in closed.reason, closed
        else:
            answer = await client.next_message(op)
            assert answer["type"] == "error" and error_codes(answer) == ["GRAPHQL_PARSE_FAILED"], answer
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], [r.getMessage() for r in caplog.records]
    await still_serving(live_server, admin, protocol)


@PROTOCOLS
async def test_d2_subscriptions_beyond_50_per_connection_are_refused(demo, live_server, protocol):
    api = live_server.api
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    inst = await institution_id(api, admin)
    grants = Grants(api, staff)
    limit = live_server.app.state.services.settings.max_subscriptions_per_connection
    assert limit == 50
    async with ws_client(live_server, admin, protocol) as client:
        ops = [await client.subscribe(UNREAD) for _ in range(200)]
        first: dict[str, dict[str, Any]] = {}
        while len(first) < len(ops):
            message = await client.receive()
            first.setdefault(message["id"], message)
        accepted = [op for op in ops if first[op]["type"] in ("next", "data")]
        refused = [op for op in ops if first[op]["type"] == "error"]
        assert accepted == ops[:limit] and refused == ops[limit:]
        assert all(first[op]["payload"]["data"] == {"unreadMessageCount": 0} for op in accepted)
        assert all("Subscription limit reached" in error_text(first[op]) for op in refused)

        # The accepted ones still get events, and the server still answers.
        await grants.flip(inst)
        counts: dict[str, int] = {}
        while len(counts) < limit:
            message = await client.receive()
            assert message["id"] in accepted and message["type"] in ("next", "data"), message
            counts[message["id"]] = message["payload"]["data"]["unreadMessageCount"]
        assert set(counts.values()) == {1}
        assert await unread_now(api, admin) == 1

        # Ending one frees its place for a new one.
        await client.stop(accepted[0])
        again = await client.subscribe(UNREAD)
        while (message := await client.receive())["id"] != again:
            assert message["id"] == accepted[0] and message["type"] == "complete", message
        assert message["type"] in ("next", "data") and message["payload"]["data"] == {"unreadMessageCount": 1}
    await still_serving(live_server, admin, protocol)


# --- D2: a client that does not read -----------------------------------------------------------------

FLOOD_BODY = "x" * 100_000  # big enough that a few dozen fill every buffer between server and client


async def write_own_messages(services: Any, account: int, count: int, body: str = "") -> None:
    """Messages written the way every resolver writes them (``write_messages`` in a transaction,
    live events after commit), without the cost of an HTTP mutation each."""
    ctx = Context(request=None, response=None, services=services)  # type: ignore[arg-type]
    rows = [message_row(account, MessageKind.FEEDBACK_RECEIVED, "压力测试", body) for _ in range(count)]
    async with in_transaction():
        await write_messages(ctx, rows)
    ctx.flush_after_commit()
    await services.background.drain()


async def flood_a_client_that_never_reads(live_server: LiveServer, after_overflow: int) -> None:
    """A raw, never-reading websocket subscribes to messageReceived; messages for its account
    are written until its queue has overflowed, then ``after_overflow`` more (some through the
    API, with other requests served in between). Then it reads: every message written since it
    subscribed must come exactly once."""
    api = live_server.api
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    inst = await institution_id(api, admin)
    grants = Grants(api, staff)
    services = live_server.app.state.services
    broker: Broker = services.broker
    account = await account_id(CSUST[0])
    async with ws_client(live_server, admin, TRANSPORT_WS, slow=True) as slow:
        op = await slow.subscribe("subscription { messageReceived { id body } }")
        await until(lambda: len(subscribers(broker, account)) == 1, "the subscription is registered")
        [subscriber] = subscribers(broker, account)
        written = 0
        deepest = 0

        def watch() -> None:
            nonlocal deepest
            deepest = max(deepest, subscriber._queue.qsize())
            assert subscriber._queue.qsize() <= QUEUE_SIZE

        # Big messages until the server can no longer hand them to the socket.
        for _ in range(150):
            await write_own_messages(services, account, 1, FLOOD_BODY)
            written += 1
            await asyncio.sleep(0.02)
            watch()
            if subscriber._queue.qsize():
                break
        assert subscriber._queue.qsize(), "the client's buffers never filled"

        # Small ones until the queue overflows, some through the API, other requests answered.
        slowest = 0.0
        while not subscriber._overflowed:
            await write_own_messages(services, account, 10)
            written += 10
            watch()
            assert written < 1000, "the queue never overflowed"
            if written % 50 < 10:
                started = time.monotonic()
                await grants.flip(inst)
                written += 1
                assert (await live_server.http.get("/healthz")).status_code == 200
                slowest = max(slowest, time.monotonic() - started)
                watch()
        assert deepest == QUEUE_SIZE
        for _ in range(after_overflow // 10):
            await write_own_messages(services, account, 9)
            started = time.monotonic()
            await grants.flip(inst)
            slowest = max(slowest, time.monotonic() - started)
            written += 10
            watch()
        assert slowest < 2.0, f"a request took {slowest:.1f}s while the client was not reading"
        assert await unread_now(api, admin) == written
        expected = {m.id for m in await Message.filter(account_id=account)}
        assert len(expected) == written

        # Now it reads. Once the resync has been handled, one more message marks the end.
        reader = Reader(slow, op)
        try:
            await until(lambda: not subscriber._overflowed, "the subscription resyncs")
            await write_own_messages(services, account, 1)
            marker = max(await Message.filter(account_id=account).values_list("id", flat=True))
            expected.add(marker)
            seen = await reader.until_seen(marker)
        finally:
            reader.stop()
        duplicates = [i for i, n in Counter(seen).items() if n > 1]
        assert duplicates == [], f"{len(duplicates)} messages came twice"
        missing = expected - set(seen)
        assert not missing, f"{len(missing)} of {len(expected)} messages never came"
        assert set(seen) == expected

        # And it carries on live.
        await grants.flip(inst)
        newest = await latest_id(api, admin)
        assert (await slow.next_data(op))["messageReceived"]["id"] == newest
    await until(lambda: not subscribers(broker, account), "the subscription is gone")


class Reader:
    """Reads one subscription's messageReceived IDs in the background."""

    def __init__(self, client: WSClient, op: str) -> None:
        self.client, self.op = client, op
        self.ids: list[int] = []
        self.task = asyncio.get_running_loop().create_task(self._run())

    async def _run(self) -> None:
        while True:
            data = await self.client.next_data(self.op, timeout=60)
            self.ids.append(decode_id(data["messageReceived"]["id"], "Message"))

    async def until_seen(self, marker: int, timeout: float = 20) -> list[int]:
        deadline = time.monotonic() + timeout
        while marker not in self.ids:
            if self.task.done():
                self.task.result()
            assert time.monotonic() < deadline, f"message {marker} never came ({len(self.ids)} read)"
            await asyncio.sleep(0.01)
        return list(self.ids)

    def stop(self) -> None:
        self.task.cancel()


async def test_d2_client_that_never_reads_is_bounded_then_resynced(demo, live_server):
    await flood_a_client_that_never_reads(live_server, after_overflow=100)


async def test_d2_client_that_never_reads_gets_more_than_500_missed_messages(demo, live_server):
    await flood_a_client_that_never_reads(live_server, after_overflow=300)


# --- D2: logins that end close their connections ----------------------------------------------------

@PROTOCOLS
async def test_d2_disabling_a_sub_user_closes_their_connection(demo, live_server, protocol):
    api = live_server.api
    admin, teacher, staff = await login(api, *CSUST), await login(api, *CSUST_TEACHER), await login(api, *STAFF)
    inst = await institution_id(api, admin)
    async with ws_client(live_server, teacher, protocol) as victim, ws_client(live_server, admin, protocol) as other:
        await subscribed(victim)
        other_messages, _, _ = await subscribed(other)
        result = await api(DISABLE, {"id": await teacher_id(api, admin)}, token=admin)
        assert result.ok("disableSubUser")["account"]["status"] == "DISABLED"
        assert (await victim.wait_closed()).code == 4403
        # The admin's own connection is untouched.
        await Grants(api, staff).flip(inst)
        assert (await received(other, other_messages))["id"] == await latest_id(api, admin)
    await rejected(WSClient(live_server.ws_url, protocol), {"token": teacher})


@PROTOCOLS
async def test_d2_logout_closes_only_that_logins_connection(demo, live_server, protocol):
    api = live_server.api
    staff = await login(api, *STAFF)
    first, second = await login(api, *CSUST_TEACHER), await login(api, *CSUST_TEACHER)
    inst = await institution_id(api, first)
    async with ws_client(live_server, first, protocol) as one, ws_client(live_server, second, protocol) as two:
        await subscribed(one)
        two_messages, _, _ = await subscribed(two)
        assert (await api(LOGOUT, token=first)).ok("logout")["ok"] is True
        assert (await one.wait_closed()).code == 4403
        # The other login's subscription got the later event, so it was not closed by the logout.
        await Grants(api, staff).flip(inst)
        assert (await received(two, two_messages))["id"] == await latest_id(api, second)


@PROTOCOLS
async def test_d2_password_reset_of_a_sub_user_closes_their_connection(demo, live_server, protocol):
    api = live_server.api
    admin, teacher = await login(api, *CSUST), await login(api, *CSUST_TEACHER)
    async with ws_client(live_server, teacher, protocol) as victim:
        await subscribed(victim)
        result = await api(RESET, {"id": await teacher_id(api, admin)}, token=admin)
        assert result.ok("resetSubUserPassword")["temporaryPassword"]
        assert (await victim.wait_closed()).code == 4403


async def test_d2_password_change_closes_the_other_logins_connections_only(demo, live_server):
    api = live_server.api
    staff = await login(api, *STAFF)
    here, elsewhere = await login(api, *CSUST), await login(api, *CSUST)
    inst = await institution_id(api, here)
    async with ws_client(live_server, here, TRANSPORT_WS) as kept, ws_client(live_server, elsewhere) as gone:
        kept_messages, _, _ = await subscribed(kept)
        await subscribed(gone)
        code = await code_for(api, "CHANGE_PASSWORD", token=here, bound_phone=CSUST_PHONE)
        result = await api(CHANGE_PASSWORD, {"input": {"oldPassword": CSUST[1], "newPassword": "Csust2024x",
                                                       "confirmation": "Csust2024x", "code": code}}, token=here)
        result.ok("changePassword")
        assert (await gone.wait_closed()).code == 4403
        await Grants(api, staff).flip(inst)
        assert (await received(kept, kept_messages))["id"] == await latest_id(api, here)


STORE_COURSE = """mutation($name: String!) {
  storeAchievement(input: {subtype: VOCATIONAL_COURSE, course: {courseName: $name, introduction: "简介"}}) {
    achievement { id } errors { code } } }"""


@pytest.mark.parametrize("ending", ["sub-user disabled", "logged out"])
async def test_d2_ended_login_cannot_use_an_open_connection(demo, live_server, ending):
    api = live_server.api
    admin, teacher = await login(api, *CSUST), await login(api, *CSUST_TEACHER)
    async with ws_client(live_server, teacher) as client:
        answers = await client.execute("{ me { username } }")
        assert answers[0]["payload"]["data"] == {"me": {"username": CSUST_TEACHER[0]}}
        if ending == "logged out":
            (await api(LOGOUT, token=teacher)).ok("logout")
        else:
            (await api(DISABLE, {"id": await teacher_id(api, admin)}, token=admin)).ok("disableSubUser")
        over_http = await api(STORE_COURSE, {"name": "HTTP"}, token=teacher)
        assert over_http.errors and not (over_http.data or {}).get("storeAchievement")  # refused at once
        try:
            answers = await client.execute(STORE_COURSE, {"name": "websocket"})
        except Closed as closed:
            assert closed.code == 4403
        else:
            assert answers[0]["type"] == "error" or answers[0]["payload"].get("errors"), answers
        assert await Achievement.all().count() == 0


# --- D2: Redis going away and coming back -----------------------------------------------------------

@pytest.fixture
def redis_server(tmp_path: Path) -> Any:
    redis = RedisServer(tmp_path)
    redis.start()
    try:
        yield redis
    finally:
        redis.kill()


@pytest_asyncio.fixture
async def workers(make_live_server: Callable[..., Awaitable[LiveServer]]) -> AsyncIterator[Any]:
    """Build apps ("workers") on Redis; their Redis rate limiters are closed afterwards (the app
    never closes them itself)."""
    built: list[LiveServer] = []

    async def build(redis_url: str) -> LiveServer:
        server = await make_live_server(redis_url=redis_url)
        built.append(server)
        return server

    yield build
    for server in built:
        await server.app.state.services.limiter.close()


async def test_d2_shutdown_releases_its_redis_connections(settings, redis_server):
    def clients() -> int:
        return redis_server.command("CLIENT", "LIST").count(b"id=") - 1  # less this connection

    app = create_app(settings.with_(redis_url=redis_server.url), manage_database=False)
    services = app.state.services
    try:
        async with app.router.lifespan_context(app):
            assert await services.broker.ready()
            assert await services.limiter.hit("test", 10, 60) == 0
            assert clients() == 2  # the broker's listener and the rate limiter
        await until(lambda: clients() == 0, "every Redis connection is closed", timeout=2)
    finally:
        await services.limiter.close()


async def test_d2_redis_restart_missed_message_is_resynced(demo, workers, redis_server):
    a, b = await workers(redis_server.url), await workers(redis_server.url)
    admin, staff = await login(a.api, *CSUST), await login(a.api, *STAFF)
    inst = await institution_id(a.api, admin)
    grants = Grants(a.api, staff)
    b_broker = b.app.state.services.broker
    async with ws_client(b, admin) as client:
        messages, unread, _ = await subscribed(client)
        await grants.flip(inst)
        assert (await received(client, messages))["id"] == await latest_id(a.api, admin)

        redis_server.kill()
        await until(lambda: not b_broker.connected.is_set(), "worker B sees Redis gone")
        await grants.flip(inst)
        missed = await latest_id(a.api, admin)
        assert len(await messages_of(a.api, admin)) == 2
        await a.app.state.services.background.drain()  # its live event was tried, and lost

        redis_server.start()
        assert (await received(client, messages))["id"] == missed
        assert [(await client.next_data(unread))["unreadMessageCount"] for _ in range(2)] == [1, 2]

        await grants.flip(inst)
        assert (await received(client, messages))["id"] == await latest_id(a.api, admin)


async def test_d2_worker_cut_off_from_redis_resyncs_when_back(demo, workers, redis_server):
    proxy = TcpProxy(redis_server.port)
    await proxy.start()
    try:
        a, b = await workers(redis_server.url), await workers(proxy.url)
        admin, staff = await login(a.api, *CSUST), await login(a.api, *STAFF)
        inst = await institution_id(a.api, admin)
        grants = Grants(a.api, staff)
        b_broker = b.app.state.services.broker
        async with ws_client(b, admin) as client:
            messages, _, _ = await subscribed(client)
            proxy.cut()
            await until(lambda: not b_broker.connected.is_set(), "worker B sees Redis gone")
            await grants.flip(inst)  # Redis is up: the event is published, B is not listening
            missed = await latest_id(a.api, admin)
            await a.app.state.services.background.drain()
            proxy.restore()
            assert (await received(client, messages))["id"] == missed
            await grants.flip(inst)
            assert (await received(client, messages))["id"] == await latest_id(a.api, admin)
    finally:
        await proxy.stop()


# --- B8: progress of imports and exports -------------------------------------------------------------

async def progress_until_complete(client: WSClient, op: str, forbidden: frozenset[str] = frozenset()
                                  ) -> list[dict[str, Any]]:
    """The progress events of ``op`` up to its ``complete``; no message may come for ``forbidden``."""
    events = []
    while True:
        message = await client.next_message(op)
        if message["type"] == "complete":
            assert [m for m in client.pending if m.get("id") in forbidden] == [], client.pending
            return events
        assert message["type"] in ("next", "data") and not message["payload"].get("errors"), message
        events.append(message["payload"]["data"]["progress"])


def check_progress(events: list[dict[str, Any]], key: str, total: int, stage: str) -> None:
    assert len(events) >= 3, events
    assert all(e["key"] == key and e["total"] == total and e["stage"] == stage for e in events), events
    done = [e["done"] for e in events]
    assert done == sorted(done) and len(set(done[:-1])) == len(done) - 1, done
    assert [e["finished"] for e in events] == [False] * (len(events) - 1) + [True]
    assert done[-1] == total


async def import_courses(api: Api, token: str, rows: int, key: str | None) -> dict[str, Any]:
    content = workbook_bytes(COURSE_HEADERS, [[f"课程{i:05d}", f"K{i:05d}", 32, 2, "简介"] for i in range(rows)])
    result = await api(IMPORT, {"input": {"subtype": "VOCATIONAL_COURSE", "file": None, "progressKey": key}},
                       token=token, files={"input.file": ("课程.xlsx", content, "application/octet-stream")})
    return result.payload("importAchievements")


async def registered(server: LiveServer, username: str, count: int) -> None:
    """Wait until ``count`` subscriptions of the account listen (in-process broker)."""
    account = await account_id(username)
    broker = server.app.state.services.broker
    await until(lambda: len(subscribers(broker, account)) == count, f"{count} subscriptions listen")


@PROTOCOLS
async def test_b8_import_progress_reaches_only_the_importer(demo, live_server, protocol):
    api = live_server.api
    csust, hnu = await login(api, *CSUST), await hnu_admin(api)
    async with ws_client(live_server, csust, protocol) as mine, ws_client(live_server, hnu, protocol) as theirs:
        watched = await mine.subscribe(PROGRESS, {"key": "k1"})
        other_key = await mine.subscribe(PROGRESS, {"key": "k2"})
        spying = await theirs.subscribe(PROGRESS, {"key": "k1"})
        await registered(live_server, CSUST[0], 2)
        await registered(live_server, HNU_SYNCED[0], 1)

        outcome = await import_courses(api, csust, 3000, "k1")
        assert outcome["errors"] == [] and outcome["importedCount"] == 3000
        events = await progress_until_complete(mine, watched, forbidden=frozenset({other_key}))
        check_progress(events, "k1", 3000, "导入")

        # HNU's subscription to the same key saw none of it: its first event is its own import's.
        outcome = await import_courses(api, hnu, 10, "k1")
        assert outcome["errors"] == [] and outcome["importedCount"] == 10
        events = await progress_until_complete(theirs, spying)
        assert [(e["done"], e["total"], e["finished"]) for e in events] == [(10, 10, True)]


async def test_b8_export_progress_then_complete(demo, live_server):
    api = live_server.api
    admin = await login(api, *CSUST)
    assert (await import_courses(api, admin, 4500, None))["importedCount"] == 4500
    async with ws_client(live_server, admin) as client:
        op = await client.subscribe(PROGRESS, {"key": "export-1"})
        await registered(live_server, CSUST[0], 1)
        code = await code_for(api, "EXPORT", token=admin, bound_phone=CSUST_PHONE)
        result = (await api(EXPORT, {"input": {"code": code, "progressKey": "export-1", "allMatching": True}},
                            token=admin)).payload("exportAchievements")
        assert result["errors"] == [] and result["rowCount"] == 4500
        check_progress(await progress_until_complete(client, op), "export-1", 4500, "导出")


async def test_b8_a_refused_import_or_export_still_ends_its_progress(demo, live_server):
    """A file that is not a spreadsheet, or an export with a wrong code, is refused before any row:
    the progress subscription still gets its end (stage 未完成) and completes."""
    api = live_server.api
    admin = await login(api, *CSUST)
    async with ws_client(live_server, admin) as client:
        imported = await client.subscribe(PROGRESS, {"key": "refused-import"})
        exported = await client.subscribe(PROGRESS, {"key": "refused-export"})
        await registered(live_server, CSUST[0], 2)
        result = await api(IMPORT, {"input": {"subtype": "VOCATIONAL_COURSE", "file": None,
                                              "progressKey": "refused-import"}},
                           token=admin, files={"input.file": ("课程.xlsx", b"not a spreadsheet", "application/octet-stream")})
        assert [e["code"] for e in result.payload("importAchievements")["errors"]] == ["NOT_A_SPREADSHEET"]
        events = await progress_until_complete(client, imported)
        assert [(e["done"], e["finished"], e["stage"]) for e in events] == [(0, True, "未完成")]

        result = await api(EXPORT, {"input": {"code": "000000", "progressKey": "refused-export",
                                                  "allMatching": True}}, token=admin)
        assert result.payload("exportAchievements")["errors"]
        events = await progress_until_complete(client, exported)
        assert [(e["finished"], e["stage"]) for e in events] == [(True, "未完成")]
