"""First proof of the live path: a staff grant reaches the institution's open subscription."""

from __future__ import annotations

import pytest

from tests.support.catalogue import grant, institution_id
from tests.support.flows import CSUST, STAFF, login
from tests.support.live import GRAPHQL_WS, TRANSPORT_WS, ws_client

MESSAGE_RECEIVED = "subscription { messageReceived { id kind title body module objectId read } }"


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, GRAPHQL_WS])
async def test_d2_grant_message_reaches_subscriber(demo, live_server, protocol):
    api = live_server.api
    admin = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    async with ws_client(live_server, admin, protocol) as client:
        op = await client.subscribe(MESSAGE_RECEIVED)
        await grant(api, staff, await institution_id(api, admin), "SKILL_LEVEL_CERTIFICATE")
        data = await client.next_data(op)
    message = data["messageReceived"]
    assert message["kind"] == "GRANT_CHANGED" and "职业技能等级证书" in message["title"] or message["title"]
    assert message["read"] is False and message["module"] == "ACHIEVEMENTS"
