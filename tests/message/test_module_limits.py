"""B9 and the message centre (issue 14): a sub-user's messages follow its CURRENT modules. Once
an administrator takes a module away, what was delivered before of that module (batch names, rule
codes) leaves the list, the counts, ``node(id:)``, "mark all read", the live stream and its
catch-up after a gap; given back, it is there again. A message about no module (a password reset)
stays with every reader of the message centre.

Every step goes through the API (HTTP, and real websockets against a real uvicorn, on Redis for
the gap); the database is only read to prove a refusal changed nothing — except that the live
tests write a message of a lost module the way the resolvers write every message
(``write_messages``), as an import the sub-user started would when it finishes after the module
was taken away."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from tortoise.transactions import in_transaction

from models.account import Account, Module
from models.message import MessageKind
from resolvers.messages import message_row, write_messages
from server.context import Context
from tests.account.test_sub_users import RESET, change_initial, user_id
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, STAFF, login
from tests.support.live import LiveServer, WSClient, ws_client
from tests.support.messages import (
    all_messages,
    grant_change,
    inbox,
    mark_read,
    marked,
    message_node,
    unread,
)
from tests.support.methods import TAKE_DOWN, act, limited_sub_user, uploaded
from tests.support.processes import RedisServer

UPDATE = """mutation($id: ID!, $input: UpdateSubUserInput!) { updateSubUser(id: $id, input: $input) {
  account { modules } errors { code } } }"""
MESSAGE_RECEIVED = "subscription { messageReceived { id kind title module } }"
UNREAD = "subscription { unreadMessageCount }"
USERNAME, PHONE = "limited_reader", "13900000066"
EVERY_MODULE = ["ACHIEVEMENTS", "CONVERSION_RULES", "MESSAGES"]


# --- steps -------------------------------------------------------------------------------------------


async def sub_user(api: Api, admin: str, modules: list[str]) -> tuple[str, str]:
    """A sub-user of 长沙理工大学 limited to ``modules``: its ID and its token."""
    token = await limited_sub_user(api, admin, modules, username=USERNAME, phone=PHONE)
    return await user_id(api, admin, USERNAME), token


async def limit(api: Api, admin: str, user: str, modules: list[str]) -> None:
    result = await api(UPDATE, {"id": user, "input": {"modules": modules}}, token=admin)
    assert result.ok("updateSubUser")["account"]["modules"] == sorted(modules)


async def take_down_method(api: Api, admin: str, staff: str) -> None:
    """Staff take down the institution's published method: METHOD_TAKEN_DOWN (转换办法与规则)."""
    method = await uploaded(api, admin, name="长沙理工大学转换办法", publish=True)
    (await act(api, staff, TAKE_DOWN, method["id"], reason="盖章不清晰")).ok("takeDownConversionMethod")


async def by_kind(api: Api, token: str) -> dict[str, str]:
    return {m["kind"]: m["id"] for m in await all_messages(api, token)}


async def write_for(services: Any, account_id: int, module: Module | None, title: str) -> None:
    """A message for one account, written as every resolver writes them (in a transaction, its
    live event after commit)."""
    ctx = Context(request=None, response=None, services=services)  # type: ignore[arg-type]
    async with in_transaction():
        await write_messages(ctx, [message_row(account_id, MessageKind.IMPORT_FINISHED, title, "共导入1条",
                                               module=module)])
    ctx.flush_after_commit()
    await services.background.drain()


# --- the message centre over HTTP ----------------------------------------------------------------------


async def test_b9_messages_of_a_lost_module_leave_the_list_count_node_and_mark_all_read(
        api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    user, token = await sub_user(api, admin, EVERY_MODULE)
    await take_down_method(api, admin, staff)                      # CONVERSION_RULES
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")      # ACHIEVEMENTS
    delivered = await by_kind(api, token)
    assert list(delivered) == ["GRANT_CHANGED", "METHOD_TAKEN_DOWN"]

    await limit(api, admin, user, ["ACHIEVEMENTS", "MESSAGES"])
    assert [m["kind"] for m in await all_messages(api, token)] == ["GRANT_CHANGED"]
    assert (await inbox(api, token))["totalCount"] == 1
    assert await all_messages(api, token, kind="METHOD_TAKEN_DOWN") == []
    assert await unread(api, token) == 1
    hidden = delivered["METHOD_TAKEN_DOWN"]
    assert (await message_node(api, token, hidden)).error_codes == ["NOT_FOUND"]
    assert (await message_node(api, token, delivered["GRANT_CHANGED"])).data["node"]["kind"] == "GRANT_CHANGED"

    before = await snapshot()
    assert (await mark_read(api, token, [hidden])).error_codes == ["NOT_FOUND"]
    assert (await mark_read(api, token, [hidden, delivered["GRANT_CHANGED"]])).error_codes == ["NOT_FOUND"]
    assert await snapshot() == before
    # "All" is all the sub-user sees: the hidden message stays unread.
    assert await marked(api, token, everything=True) == (1, 0)

    # Given the module back, the message is there again, still unread.
    await limit(api, admin, user, EVERY_MODULE)
    assert list(await by_kind(api, token)) == ["GRANT_CHANGED", "METHOD_TAKEN_DOWN"]
    assert await unread(api, token) == 1
    assert (await message_node(api, token, hidden)).data["node"]["read"] is False
    # The main account's own messages were never touched.
    assert await unread(api, admin) == 2


async def test_b9_a_message_about_no_module_stays_with_a_sub_user_limited_to_messages(
        api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    user, token = await sub_user(api, admin, ["ACHIEVEMENTS", "MESSAGES"])
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    temporary = (await api(RESET, {"id": user}, token=admin)).ok("resetSubUserPassword")["temporaryPassword"]
    token = await login(api, USERNAME, temporary)
    await change_initial(api, token, "Limit2026")

    await limit(api, admin, user, ["MESSAGES"])
    [message] = await all_messages(api, token)
    assert (message["kind"], message["module"]) == ("PASSWORD_RESET", None)
    assert await unread(api, token) == 1
    assert (await message_node(api, token, message["id"])).data["node"]["id"] == message["id"]
    assert await marked(api, token, everything=True) == (1, 0)


# --- live: what is pushed, and the catch-up after a gap --------------------------------------------------


async def subscribed(client: WSClient) -> tuple[str, str, int]:
    """messageReceived, then unreadMessageCount; the count's first value is the point from which
    both see every event."""
    messages = await client.subscribe(MESSAGE_RECEIVED)
    count = await client.subscribe(UNREAD)
    return messages, count, (await client.next_data(count))["unreadMessageCount"]


async def test_b9_the_live_stream_follows_the_sub_users_current_modules(demo: None, live_server: LiveServer) -> None:
    api = live_server.api
    services = live_server.app.state.services
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    user, token = await sub_user(api, admin, EVERY_MODULE)
    account = (await Account.get(username=USERNAME)).id
    await take_down_method(api, admin, staff)
    async with ws_client(live_server, token) as client:
        messages, count, first = await subscribed(client)
        assert first == 1

        # The module goes: the count follows at once, without any new message.
        await limit(api, admin, user, ["ACHIEVEMENTS", "MESSAGES"])
        assert (await client.next_data(count))["unreadMessageCount"] == 0

        # A message of the lost module (an import finishing after it was taken away) is not
        # pushed: the next message of a module it holds arrives first, and the count ignores it.
        await write_for(services, account, Module.CONVERSION_RULES, "规则导入完成")
        await write_for(services, account, Module.ACHIEVEMENTS, "课程导入完成")
        pushed = (await client.next_data(messages))["messageReceived"]
        assert (pushed["title"], pushed["module"]) == ("课程导入完成", "ACHIEVEMENTS")
        assert (await client.next_data(count))["unreadMessageCount"] == 1

        # Given back, its messages count again and new ones are pushed.
        await limit(api, admin, user, EVERY_MODULE)
        assert (await client.next_data(count))["unreadMessageCount"] == 3
        await write_for(services, account, Module.CONVERSION_RULES, "办法导入完成")
        assert (await client.next_data(messages))["messageReceived"]["title"] == "办法导入完成"

    # The same connection's queries see the current modules too (HTTP and websocket alike).
    assert [m["title"] for m in await all_messages(api, token, kind="IMPORT_FINISHED")] == [
        "办法导入完成", "课程导入完成", "规则导入完成"]


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
    built: list[LiveServer] = []

    async def build(redis_url: str) -> LiveServer:
        server = await make_live_server(redis_url=redis_url)
        built.append(server)
        return server

    yield build
    for server in built:
        await server.app.state.services.limiter.close()


async def test_b9_the_catch_up_after_a_gap_skips_messages_of_a_module_lost_meanwhile(
        demo: None, workers: Any, redis_server: RedisServer) -> None:
    """Redis goes away; meanwhile a message of each module arrives and one module is taken away
    (its event lost with Redis). When Redis is back the subscription re-reads what it missed:
    only what the sub-user may still read."""
    from tests.message.test_subscriptions import until

    a, b = await workers(redis_server.url), await workers(redis_server.url)
    api = a.api
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    user, token = await sub_user(api, admin, EVERY_MODULE)
    b_broker = b.app.state.services.broker
    async with ws_client(b, token) as client:
        messages, count, first = await subscribed(client)
        assert first == 0

        redis_server.kill()
        await until(lambda: not b_broker.connected.is_set(), "worker B sees Redis gone")
        await take_down_method(api, admin, staff)                  # CONVERSION_RULES
        await grant_change(api, staff, admin, "OTHER_NON_DEGREE")  # ACHIEVEMENTS
        await limit(api, admin, user, ["ACHIEVEMENTS", "MESSAGES"])
        await a.app.state.services.background.drain()  # their live events were tried, and lost

        redis_server.start()
        caught_up = (await client.next_data(messages))["messageReceived"]
        assert caught_up["kind"] == "GRANT_CHANGED"
        assert (await client.next_data(count))["unreadMessageCount"] == 1

        # Nothing else came from the gap: the next message pushed is a new one.
        await grant_change(api, staff, admin, "OTHER_NON_DEGREE", revoke=True)
        assert (await client.next_data(messages))["messageReceived"]["kind"] == "GRANT_CHANGED"
        assert (await client.next_data(count))["unreadMessageCount"] == 2
        newest = (await all_messages(api, token))[0]["id"]
        assert newest != caught_up["id"]


async def test_b9_taking_the_messages_module_away_ends_the_live_streams(demo: None, live_server: LiveServer) -> None:
    api = live_server.api
    admin = await login(api, *CSUST)
    user, token = await sub_user(api, admin, EVERY_MODULE)
    async with ws_client(live_server, token) as client:
        _, count, first = await subscribed(client)
        assert first == 0
        await limit(api, admin, user, ["ACHIEVEMENTS"])
        ended = await client.next_message(count)
        assert ended["type"] == "next" and ended["payload"]["data"] is None
        assert [e["extensions"]["code"] for e in ended["payload"]["errors"]] == ["MODULE_FORBIDDEN"]
        # The connection itself now reads with the current modules.
        [answer, *_] = await client.execute("{ messages { totalCount } }")
        assert [e["extensions"]["code"] for e in answer["payload"]["errors"]] == ["MODULE_FORBIDDEN"]
