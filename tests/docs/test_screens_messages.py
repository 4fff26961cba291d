"""我的消息 (manual 2.5, F12, D2, B8) as a front end runs it with docs/operations: the bell's live
unread count and new messages over the websocket, the list, a message and its object, 标为已读,
mail preferences, and an export's progress."""

from __future__ import annotations

from tests.message.test_subscriptions import registered
from tests.support.catalogue import grant
from tests.support.flows import CSUST, STAFF, login
from tests.support.live import LiveServer, ws_client
from tests.support.operations import Operations, sms_code


async def test_f12_d2_b8_messages_live_count_list_detail_read_preferences_progress(
        demo: None, live_server: LiveServer) -> None:
    ops = Operations(live_server.api)
    admin = await login(ops.api, *CSUST)
    staff = await login(ops.api, *STAFF)
    institution = (await ops.data("Session", token=admin))["me"]["institution"]["id"]
    async with ws_client(live_server, admin) as client:
        count = await ops.subscribe(client, "OnUnreadMessageCount")
        assert (await client.next_data(count))["unreadMessageCount"] == 0
        received = await ops.subscribe(client, "OnMessageReceived")
        await registered(live_server, CSUST[0], 2)

        await grant(ops.api, staff, institution, "SKILL_LEVEL_CERTIFICATE")
        message = (await client.next_data(received))["messageReceived"]
        assert message["kind"] == "GRANT_CHANGED" and message["read"] is False
        assert (await client.next_data(count))["unreadMessageCount"] == 1

        listed = await ops.data("Messages", {"filter": {"read": False}}, token=admin)
        assert [m["id"] for m in listed["messages"]["nodes"]] == [message["id"]]
        assert (await ops.data("UnreadMessageCount", token=admin))["unreadMessageCount"] == 1
        detail = (await ops.data("MessageDetail", {"id": message["id"]}, token=admin))["node"]
        assert detail["title"] == message["title"] and detail["module"] == "ACHIEVEMENTS"
        target = (await ops.data("MessageObject", {"id": detail["objectId"]}, token=admin))["node"]
        assert target["__typename"] == "Institution"  # the grant is about the institution

        marked = await ops.ok("MarkMessagesRead", {"input": {"ids": [message["id"]], "allMatching": False}},
                              token=admin)
        assert (marked["marked"], marked["unreadCount"]) == (1, 0)
        assert (await client.next_data(count))["unreadMessageCount"] == 0

        preferences = await ops.ok("SetMessagePreferences", {"input": {
            "byEmail": True, "email": "zhang@csust.example.cn"}}, token=admin)
        assert preferences["account"]["notifyByEmail"] is True

        # B8: an export given a progressKey reports its rows to the subscription of that key.
        await ops.ok("StoreAchievement", {"input": {"subtype": "HIGHER_EDUCATION_COURSE", "course": {
            "courseName": "餐厅创建课程", "introduction": "餐饮企业的选址、筹建与开业管理。"}}}, token=admin)
        progress = await ops.subscribe(client, "OnProgress", {"key": "export-achievements-1"})
        await registered(live_server, CSUST[0], 3)
        code = await sms_code(ops, "EXPORT", token=admin, bound_phone="13800000001")
        exported = await ops.ok("ExportAchievements", {"input": {
            "allMatching": True, "code": code, "progressKey": "export-achievements-1"}}, token=admin)
        assert exported["rowCount"] == 1
        last = (await client.next_data(progress))["progress"]
        while not last["finished"]:
            last = (await client.next_data(progress))["progress"]
        assert (last["done"], last["total"]) == (1, 1)
