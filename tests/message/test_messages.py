"""The message centre 我的消息 (manual 2.5): unread count, list, detail and marking read (F12.1);
each message naming its object and where to handle it (F12.2); the events that leave messages
(F12.3); module limits of sub-users (B9); and mail copies for those who ask for them.

Every step goes through the GraphQL API the way a front end takes it: the recipient logs in,
lists its messages and follows ``objectId`` with ``node(id:)``. The database is read only to
prove that a refusal changed nothing and to see the outbox row of a mail. It is written in one
place only: a trigger makes one import fail half-way (``refusing_course``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import Any


from models.outbox import DeliveryStatus, OutboundMessage
from resolvers.ids import encode_id
from tests.account.test_sub_users import RESET, change_initial, user_id
from tests.achievement.test_export import EXPORT
from tests.achievement.test_export import PHONE as CSUST_PHONE
from tests.achievement.test_import import upload as import_file
from tests.application.test_applications import batch_of, personal
from tests.learner.test_feedback import reported
from tests.learner.test_feedback import scene as feedback_scene
from tests.support.api import Api
from tests.support.applications import (
    re_review,
    review,
    review_result,
    scene,
    take_down_rule,
    teacher,
)
from tests.support.catalogue import store_course
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, STAFF, code_for, login
from tests.support.learner_records import handle
from tests.support.messages import (
    MARK_READ,
    all_messages,
    chinese,
    gated_smtp_server,
    grant_change,
    inbox,
    kinds,
    mark_read,
    marked,
    message_node,
    notify_by_email,
    open_object,
    refusing_course,
    set_by_email,
    subject_of,
    text_of,
    the_message,
    unread,
)
from tests.support.methods import TAKE_DOWN as TAKE_DOWN_METHOD
from tests.support.methods import act, hnu_login, limited_sub_user, uploaded
from tests.support.rules import hnu_token
from tests.support.services import SmtpServer
from tests.support.xlsx import workbook_bytes

COURSE_HEADERS = ["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"]
CSUST_EMAIL = "zhang@csust.example.cn"
LEARNER_PHONE = "13700000031"


async def three_grant_messages(api: Api, staff: str, token: str) -> None:
    """Two grants and a revocation: three GRANT_CHANGED messages for each CSUST user."""
    await grant_change(api, staff, token, "SKILL_LEVEL_CERTIFICATE")
    await grant_change(api, staff, token, "NATIONAL_QUALIFICATION")
    await grant_change(api, staff, token, "SKILL_LEVEL_CERTIFICATE", revoke=True)


def ids(messages: list[dict[str, Any]]) -> list[str]:
    return [m["id"] for m in messages]


# --- F12.1 unread count, list, detail ---------------------------------------------------------------


async def test_f12_1_unread_count_list_newest_first_and_detail(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    assert await unread(api, admin) == 0
    assert await all_messages(api, admin) == []

    await three_grant_messages(api, staff, admin)
    assert await unread(api, admin) == 3
    listed = await all_messages(api, admin)
    assert [m["title"] for m in listed] == [
        "学分银行已取消贵机构存储“职业技能等级证书(人社部)”类成果的授权",
        "学分银行已授权贵机构存储“国家职业资格证书”类成果",
        "学分银行已授权贵机构存储“职业技能等级证书(人社部)”类成果",
    ]
    moments = [datetime.fromisoformat(m["createdAt"]) for m in listed]
    assert moments == sorted(moments, reverse=True)
    assert all(m["createdAt"].endswith("+08:00") for m in listed)

    # The detail is the same message, read through node(id:).
    detail = await message_node(api, admin, listed[1]["id"])
    assert not detail.errors, detail.errors
    assert detail.data["node"] == {"__typename": "Message", **listed[1]}


async def test_f12_1_filters_by_kind_and_read_with_total_count_and_paging(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    await three_grant_messages(api, staff, admin)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    imported = await import_file(api, admin, workbook_bytes(COURSE_HEADERS, [["课程甲", "", 32, 2, "简介"]]),
                                 subtype="VOCATIONAL_COURSE")
    assert imported["errors"] == []
    everything = await all_messages(api, admin)
    assert [m["kind"] for m in everything] == ["IMPORT_FINISHED"] + ["GRANT_CHANGED"] * 4
    oldest_two = ids(everything[-2:])
    assert await marked(api, admin, oldest_two) == (2, 3)

    async def total(**filter: Any) -> int:
        return (await inbox(api, admin, filter, first=0))["totalCount"]

    assert await total() == 5
    assert await total(kind="GRANT_CHANGED") == 4
    assert await total(kind="IMPORT_FINISHED") == 1
    assert await total(kind="FEEDBACK_RECEIVED") == 0
    assert await total(read=True) == 2
    assert await total(read=False) == 3
    assert await total(kind="GRANT_CHANGED", read=False) == 2
    assert ids(await all_messages(api, admin, read=True)) == oldest_two
    assert ids(await all_messages(api, admin, kind="GRANT_CHANGED", read=False)) == ids(everything[1:3])

    # Pages of two, by cursor: the same messages in the same order, totalCount on every page.
    pages, after = [], None
    while True:
        page = await inbox(api, admin, first=2, after=after)
        assert page["totalCount"] == 5
        assert page["pageInfo"]["hasPreviousPage"] is (after is not None)
        pages.append(ids(page["nodes"]))
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [m for page in pages for m in page] == ids(everything)
    # By offset, as a page-number control does it.
    by_offset = await inbox(api, admin, first=2, offset=4)
    assert ids(by_offset["nodes"]) == ids(everything[4:]) and by_offset["pageInfo"]["hasNextPage"] is False


# --- F12.1 marking read ----------------------------------------------------------------------------


async def test_f12_1_mark_one_many_and_all_read(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    teacher_token = await login(api, *CSUST_TEACHER)
    await three_grant_messages(api, staff, admin)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    newest, second, third, oldest = ids(await all_messages(api, admin))

    assert await marked(api, admin, [second]) == (1, 3)
    detail = (await message_node(api, admin, second)).data["node"]
    assert detail["read"] is True and detail["readAt"] is not None
    # Many at once; one of them already read counts only the others; the same one twice counts once.
    assert await marked(api, admin, [second, third, oldest, oldest]) == (2, 1)
    assert await marked(api, admin, [third]) == (0, 1)
    assert ids(await all_messages(api, admin, read=False)) == [newest]
    assert await unread(api, admin) == 1
    # All: what is left; then nothing.
    assert await marked(api, admin, everything=True) == (1, 0)
    assert await marked(api, admin, everything=True) == (0, 0)
    assert all(m["read"] and m["readAt"] for m in await all_messages(api, admin))
    # Another user of the same institution keeps their own copies unread.
    assert await unread(api, teacher_token) == 4


async def test_f12_1_another_accounts_message_is_not_found_and_nothing_changes(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    teacher_token = await login(api, *CSUST_TEACHER)
    hnu = await hnu_login(api)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    [admins] = ids(await all_messages(api, admin))
    [teachers] = ids(await all_messages(api, teacher_token))
    assert admins != teachers

    # Reading: another user of the same institution, another institution, bank staff.
    for token in (teacher_token, hnu, staff):
        result = await message_node(api, token, admins)
        assert result.error_codes == ["NOT_FOUND"] and result.data is None

    before = await snapshot()
    foreign = [[admins], [teachers, admins], [admins, admins],
               [encode_id("Message", 999_999)], [encode_id("Institution", 1)], ["garbage"]]
    for selection in foreign:
        result = await mark_read(api, teacher_token, selection)
        assert result.error_codes == ["NOT_FOUND"], selection
        assert result.data is None
    assert await snapshot() == before
    assert await unread(api, admin) == 1 and await unread(api, teacher_token) == 1


async def test_f12_1_an_empty_selection_is_refused_and_changes_nothing(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    before = await snapshot()
    for selection in (None, []):
        result = await mark_read(api, admin, selection)
        assert result.refused("markMessagesRead") == ["NOTHING_SELECTED"]
        assert [e["field"] for e in result.data["markMessagesRead"]["errors"]] == ["ids"]
    assert await snapshot() == before
    assert await unread(api, admin) == 1


async def test_f12_1_the_old_all_flag_still_marks_everything_read(api: Api, demo: None) -> None:
    """``all`` is deprecated for ``allMatching`` (issue 14: one name for "all" in every bulk
    mutation) and still works, beside ticked messages refused the same way."""
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    [message] = ids(await all_messages(api, admin))
    both = await api(MARK_READ, {"input": {"ids": [message], "all": True}}, token=admin)
    assert both.refused("markMessagesRead") == ["CONFLICTING_SELECTION"]
    old = await api(MARK_READ, {"input": {"all": True}}, token=admin)
    assert (old.ok("markMessagesRead")["marked"], await unread(api, admin)) == (1, 0)


async def test_f12_1_without_login_the_message_centre_is_unauthenticated(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    [message] = ids(await all_messages(api, admin))
    before = await snapshot()
    for token in (None, "not-a-token"):
        calls = [
            await api("{ messages { totalCount } }", token=token),
            await api("{ unreadMessageCount }", token=token),
            await message_node(api, token, message),  # type: ignore[arg-type]
            await mark_read(api, token, [message]),
            await mark_read(api, token, everything=True),
            await set_by_email(api, token, False),  # type: ignore[arg-type]
        ]
        assert [c.error_codes for c in calls] == [["UNAUTHENTICATED"]] * len(calls)
    assert await snapshot() == before


# --- B9 sub-users limited to modules ---------------------------------------------------------------


async def test_b9_sub_user_without_the_messages_module_is_forbidden(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    limited = await limited_sub_user(api, admin, ["ACHIEVEMENTS"])
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    [admins] = ids(await all_messages(api, admin))
    before = await snapshot()
    calls = [
        await api("{ messages { totalCount } }", token=limited),
        await api("{ unreadMessageCount }", token=limited),
        await message_node(api, limited, admins),
        await mark_read(api, limited, everything=True),
        await set_by_email(api, limited, False),
    ]
    assert [c.error_codes for c in calls] == [["MODULE_FORBIDDEN"]] * len(calls)
    assert all(chinese(c.errors[0]["message"]) for c in calls)
    assert await snapshot() == before


async def test_b9_sub_user_limited_to_achievements_gets_only_achievement_messages(
        api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    limited = await limited_sub_user(api, s.csust, ["ACHIEVEMENTS", "MESSAGES"])
    teacher_token = await teacher(api)

    await batch_of(api, s)                                              # CONVERSION_REVIEW
    await take_down_rule(api, s.staff, s.rule["id"], "信息有误")          # CONVERSION_RULES
    await grant_change(api, s.staff, s.csust, "OTHER_NON_DEGREE")       # ACHIEVEMENTS

    assert await kinds(api, teacher_token) == ["GRANT_CHANGED", "RULE_TAKEN_DOWN", "APPLICATION_RECEIVED"]
    assert await kinds(api, limited) == ["GRANT_CHANGED"]
    message = await the_message(api, limited, "GRANT_CHANGED")
    assert message["module"] == "ACHIEVEMENTS"
    assert await open_object(api, limited, message) == "Institution"


# --- F12.3 conversion applications -----------------------------------------------------------------


async def test_f12_3_personal_application_received_tells_the_publisher(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    teacher_token = await teacher(api)
    _, application = await personal(api, s, 0, LEARNER_PHONE)

    for token in (s.csust, teacher_token):
        message = await the_message(api, token, "APPLICATION_RECEIVED")
        assert "李毅" in message["title"] and "个人转换申请" in message["title"]
        assert s.rule["code"] in message["body"]
        assert (message["module"], message["objectId"]) == ("CONVERSION_REVIEW", application["id"])
        assert await open_object(api, token, message) == "ConversionApplication"
    # The learner's own institution (湖南大学) is not the reviewer: nothing for it.
    assert await all_messages(api, s.hnu) == []


async def test_f12_3_institution_batch_received_tells_the_publisher(api: Api, demo: None) -> None:
    s = await scene(api)
    batch = (await batch_of(api, s, 0, 1))["batch"]
    message = await the_message(api, s.csust, "APPLICATION_RECEIVED")
    assert "湖南大学" in message["title"] and "2名学员" in message["title"]
    assert batch["name"] in message["body"] and s.rule["code"] in message["body"]
    assert (message["module"], message["objectId"]) == ("CONVERSION_REVIEW", batch["id"])
    assert await open_object(api, s.csust, message) == "ApplicationBatch"
    assert await all_messages(api, s.hnu) == []


async def test_f12_3_decision_tells_the_personal_applicant(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    learner_token, application = await personal(api, s, 0, LEARNER_PHONE)
    assert await all_messages(api, learner_token) == []

    await review(api, s.csust, "FAILED", ids=[application["id"]], reason="证书等级不符")
    message = await the_message(api, learner_token, "APPLICATION_DECIDED")
    assert s.rule["code"] in message["title"] and "不通过" in message["title"]
    assert message["body"] == "证书等级不符"
    assert message["objectId"] == application["id"]
    assert await open_object(api, learner_token, message) == "ConversionApplication"
    # The reviewers are not told of their own decision.
    assert await kinds(api, s.csust) == ["APPLICATION_RECEIVED"]


async def test_f12_3_decision_tells_the_initiating_institution(api: Api, demo: None) -> None:
    s = await scene(api)
    rows = [a["id"] for a in (await batch_of(api, s, 0, 1))["applications"]]
    await review(api, s.csust, "FAILED", ids=rows, reason="证书等级不符")
    message = await the_message(api, s.hnu, "APPLICATION_DECIDED")
    assert "2名学员" in message["title"] and "不通过" in message["title"]
    assert message["body"] == "证书等级不符"
    assert message["module"] == "CONVERSION_REVIEW"
    assert await kinds(api, s.csust) == ["APPLICATION_RECEIVED"]


async def test_f12_2_decision_message_to_the_initiating_institution_points_at_its_batch(
        api: Api, demo: None) -> None:
    s = await scene(api)
    applied = await batch_of(api, s, 0, 1)
    batch = applied["batch"]
    await review(api, s.csust, "PASSED", ids=[a["id"] for a in applied["applications"]])
    [message] = await all_messages(api, s.hnu, kind="APPLICATION_DECIDED")
    assert message["objectId"] == batch["id"]
    assert await open_object(api, s.hnu, message) == "ApplicationBatch"
    text = message["title"] + message["body"]
    assert s.rule["code"] in text or batch["name"] in text
    assert chinese(message["body"])


async def test_f12_3_re_review_request_tells_the_publisher(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    learner_token, application = await personal(api, s, 0, LEARNER_PHONE)
    await review(api, s.csust, "FAILED", ids=[application["id"]], reason="证书等级不符")
    await re_review(api, learner_token, application["id"], "证书已更新，请复核")

    message = await the_message(api, s.csust, "REVIEW_REQUESTED")
    assert "李毅" in message["title"] and s.rule["code"] in message["title"]
    assert message["body"] == "证书已更新，请复核"
    assert (message["module"], message["objectId"]) == ("CONVERSION_REVIEW", application["id"])
    assert await open_object(api, s.csust, message) == "ConversionApplication"
    assert await kinds(api, learner_token) == ["APPLICATION_DECIDED"]


# --- F12.3 feedback ------------------------------------------------------------------------------


async def test_f12_3_feedback_received_tells_the_institution_users(api: Api, demo: None) -> None:
    f = await feedback_scene(api)
    teacher_token = await login(api, *CSUST_TEACHER)
    review_only = await limited_sub_user(api, f.csust, ["CONVERSION_REVIEW", "MESSAGES"])
    feedback = await reported(api, f.zhang, f.zhang_diploma["id"], "发证日期有误")

    for token in (f.csust, teacher_token):
        message = await the_message(api, token, "FEEDBACK_RECEIVED")
        assert "植物保护与检疫技术毕业证书(高职)" in message["title"]
        assert message["body"] == "发证日期有误"
        assert (message["module"], message["objectId"]) == ("ACHIEVEMENTS", feedback["id"])
        assert await open_object(api, token, message) == "Feedback"
    # A sub-user without the achievements module is not told (B9); nor is the reporter.
    assert await all_messages(api, review_only) == []
    assert await all_messages(api, f.zhang) == []


async def test_f12_3_feedback_answered_tells_the_learner(api: Api, demo: None) -> None:
    f = await feedback_scene(api)
    feedback = await reported(api, f.zhang, f.zhang_course["id"])
    (await handle(api, f.csust, feedback["id"], "RESOLVED", "已更正发证日期")).ok("handleFeedback")

    message = await the_message(api, f.zhang, "FEEDBACK_ANSWERED")
    assert "已解决" in message["title"] and message["body"] == "已更正发证日期"
    assert message["objectId"] == feedback["id"]
    assert await open_object(api, f.zhang, message) == "Feedback"
    # Only the learner who reported.
    assert await all_messages(api, f.li) == []
    assert await kinds(api, f.csust) == ["FEEDBACK_RECEIVED"]


# --- F12.3 imports and exports ---------------------------------------------------------------------


async def test_f12_3_import_finished_tells_the_operator(api: Api, demo: None) -> None:
    admin, operator = await login(api, *CSUST), await login(api, *CSUST_TEACHER)
    rows = [["课程甲", "", 32, 2, "简介"], ["课程乙", "", 32, 2, ""]]
    result = await import_file(api, operator, workbook_bytes(COURSE_HEADERS, rows),
                               subtype="VOCATIONAL_COURSE", filename="课程.xlsx")
    assert (result["importedCount"], result["rejectedCount"]) == (1, 1)

    message = await the_message(api, operator, "IMPORT_FINISHED")
    assert message["title"] == "课程.xlsx导入完成"
    assert message["body"] == "共2条，成功导入1条，未导入1条。"
    assert (message["module"], message["objectId"]) == ("ACHIEVEMENTS", result["job"]["id"])
    assert await open_object(api, operator, message) == "ImportJob"
    # Only the operator is told.
    assert await all_messages(api, admin) == []


async def test_f12_3_import_failed_tells_the_operator(api: Api, demo: None) -> None:
    operator = await login(api, *CSUST)
    rows = [["课程甲", "", 32, 2, "简介"], ["有毒课程", "", 32, 2, "简介"]]
    async with refusing_course("有毒课程"):
        result = await import_file(api, operator, workbook_bytes(COURSE_HEADERS, rows),
                                   subtype="VOCATIONAL_COURSE", filename="课程.xlsx")
    assert [e["code"] for e in result["errors"]] == ["IMPORT_FAILED"]

    message = await the_message(api, operator, "IMPORT_FAILED")
    assert message["title"] == "课程.xlsx导入失败"
    assert message["body"] == result["job"]["error"] and "撤销" in message["body"]
    assert (message["module"], message["objectId"]) == ("ACHIEVEMENTS", result["job"]["id"])
    assert await open_object(api, operator, message) == "ImportJob"


async def test_f12_3_export_finished_tells_the_exporter(api: Api, demo: None) -> None:
    exporter, other = await login(api, *CSUST), await login(api, *CSUST_TEACHER)
    await store_course(api, exporter, "课程甲")
    code = await code_for(api, "EXPORT", token=exporter, bound_phone=CSUST_PHONE)
    (await api(EXPORT, {"input": {"code": code, "allMatching": True}}, token=exporter)).ok("exportAchievements")

    message = await the_message(api, exporter, "EXPORT_FINISHED")
    assert "机构成果" in message["title"] and "导出完成" in message["title"]
    assert "共导出1条" in message["body"]
    assert await all_messages(api, other) == []


# --- F12.3 staff actions ---------------------------------------------------------------------------


async def test_f12_3_rule_taken_down_tells_the_institution(api: Api, demo: None) -> None:
    s = await scene(api, learners=[])
    teacher_token = await teacher(api)
    achievements_only = await limited_sub_user(api, s.csust, ["ACHIEVEMENTS", "MESSAGES"])
    await take_down_rule(api, s.staff, s.rule["id"], "源成果信息有误")

    for token in (s.csust, teacher_token):
        message = await the_message(api, token, "RULE_TAKEN_DOWN")
        assert s.rule["code"] in message["title"] and "下架" in message["title"]
        assert "源成果信息有误" in message["body"]
        assert (message["module"], message["objectId"]) == ("CONVERSION_RULES", s.rule["id"])
        assert await open_object(api, token, message) == "ConversionRule"
    assert await all_messages(api, achievements_only) == []
    assert await all_messages(api, s.hnu) == []


async def test_f12_3_method_taken_down_tells_the_institution(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    teacher_token = await login(api, *CSUST_TEACHER)
    method = await uploaded(api, admin, name="长沙理工大学转换办法", publish=True)
    (await act(api, staff, TAKE_DOWN_METHOD, method["id"], reason="盖章不清晰")).ok("takeDownConversionMethod")

    for token in (admin, teacher_token):
        message = await the_message(api, token, "METHOD_TAKEN_DOWN")
        assert "长沙理工大学转换办法" in message["title"] and "下架" in message["title"]
        assert "盖章不清晰" in message["body"]
        assert (message["module"], message["objectId"]) == ("CONVERSION_RULES", method["id"])
        assert await open_object(api, token, message) == "ConversionMethod"


async def test_f12_3_grant_and_revocation_tell_the_institution_users(api: Api, demo: None) -> None:
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    teacher_token = await login(api, *CSUST_TEACHER)
    hnu = await hnu_token(api)
    await grant_change(api, staff, admin, "NATIONAL_QUALIFICATION")
    await grant_change(api, staff, admin, "NATIONAL_QUALIFICATION", revoke=True)

    for token in (admin, teacher_token):
        revoked, granted = await all_messages(api, token)
        for message in (revoked, granted):
            assert message["kind"] == "GRANT_CHANGED" and chinese(message["body"])
            assert "国家职业资格证书" in message["title"] and message["module"] == "ACHIEVEMENTS"
            assert await open_object(api, token, message) == "Institution"
        assert "已授权" in granted["title"] and "取消" in revoked["title"]
    assert await all_messages(api, hnu) == []


async def test_f12_3_password_reset_tells_the_sub_user(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    reset = (await api(RESET, {"id": teacher_id}, token=admin)).ok("resetSubUserPassword")
    temporary = reset["temporaryPassword"]

    token = await login(api, CSUST_TEACHER[0], temporary)
    # The temporary password opens nothing but the password change, the message centre included.
    assert (await api("{ unreadMessageCount }", token=token)).error_codes == ["PASSWORD_CHANGE_REQUIRED"]
    await change_initial(api, token, "Teacher2025")

    message = await the_message(api, token, "PASSWORD_RESET")
    assert "密码" in message["title"] and "重置" in message["title"]
    assert "临时密码" in message["body"]
    assert await unread(api, token) == 1
    assert await all_messages(api, admin) == []


# --- F12.3 no message without its change -----------------------------------------------------------


async def test_f12_3_a_refused_review_writes_no_message(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    learner_token, application = await personal(api, s, 0, LEARNER_PHONE)
    before = await snapshot()
    missing_reason = await review_result(api, s.csust, "FAILED", ids=[application["id"]], reason=None)
    assert missing_reason.refused("reviewConversion") == ["REASON_REQUIRED"]
    assert await snapshot() == before
    assert await all_messages(api, learner_token) == []

    await review(api, s.csust, "PASSED", ids=[application["id"]])
    assert await kinds(api, learner_token) == ["APPLICATION_DECIDED"]
    # Deciding it again is refused row by row, and nothing is written.
    before = await snapshot()
    again = await review(api, s.csust, "FAILED", ids=[application["id"]], reason="再审")
    assert (again["succeeded"], again["results"][0]["error"]["code"]) == (0, "ALREADY_DECIDED")
    assert await snapshot() == before
    assert await kinds(api, learner_token) == ["APPLICATION_DECIDED"]


async def test_f12_3_a_refused_feedback_handling_writes_no_message(api: Api, demo: None) -> None:
    f = await feedback_scene(api)
    first = await reported(api, f.zhang, f.zhang_course["id"])
    second = await reported(api, f.zhang, f.zhang_diploma["id"], "姓名有误")
    (await handle(api, f.csust, first["id"], "RESOLVED")).ok("handleFeedback")
    assert await kinds(api, f.zhang) == ["FEEDBACK_ANSWERED"]

    before = await snapshot()
    assert (await handle(api, f.csust, first["id"], "REJECTED", "重复处理")).refused("handleFeedback") == [
        "FEEDBACK_HANDLED"]
    blank = await handle(api, f.csust, second["id"], "RESOLVED", "  ")
    assert blank.refused("handleFeedback") == ["REQUIRED"]
    assert await snapshot() == before
    assert await kinds(api, f.zhang) == ["FEEDBACK_ANSWERED"]


# --- mail copies -------------------------------------------------------------------------------------


async def test_f12_1_mail_copies_need_an_email(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    before = await snapshot()
    result = await set_by_email(api, admin, True)
    assert result.refused("setMessagePreferences") == ["EMAIL_REQUIRED"]
    assert result.data["setMessagePreferences"]["account"] is None
    assert await snapshot() == before
    assert await notify_by_email(api, admin) is False
    # Turning copies off needs no email.
    off = (await set_by_email(api, admin, False)).ok("setMessagePreferences")
    assert off["account"]["notifyByEmail"] is False


async def test_f12_3_a_message_is_mailed_to_an_account_that_asked(
        make_api: Callable[..., Any], demo: None, smtp_server: SmtpServer) -> None:
    api = await make_api(smtp_url=smtp_server.url)
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    account = (await set_by_email(api, admin, True, CSUST_EMAIL)).ok("setMessagePreferences")["account"]
    assert account["notifyByEmail"] is True and await notify_by_email(api, admin) is True

    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")
    message = await the_message(api, admin, "GRANT_CHANGED")
    await api.app.state.services.background.drain()  # type: ignore[attr-defined]
    mails = await asyncio.to_thread(smtp_server.inbox.wait_for, 1)
    # One mail: the teacher got the message too, but has no email and did not ask.
    assert len(mails) == 1
    assert mails[0]["To"] == CSUST_EMAIL
    assert message["title"] in subject_of(mails[0])
    assert message["body"] in text_of(mails[0])
    row = await OutboundMessage.get(recipient=CSUST_EMAIL)
    assert (row.status, row.attempts) == (DeliveryStatus.SENT, 1)


async def test_f12_3_no_mail_without_by_email(
        make_api: Callable[..., Any], demo: None, smtp_server: SmtpServer) -> None:
    api = await make_api(smtp_url=smtp_server.url)
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")           # never asked
    (await set_by_email(api, admin, True, CSUST_EMAIL)).ok("setMessagePreferences")
    account = (await set_by_email(api, admin, False)).ok("setMessagePreferences")["account"]
    assert account["notifyByEmail"] is False
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE", revoke=True)  # asked, then stopped

    assert await kinds(api, admin) == ["GRANT_CHANGED", "GRANT_CHANGED"]
    await api.app.state.services.background.drain()  # type: ignore[attr-defined]
    assert smtp_server.inbox.messages == []
    assert await OutboundMessage.filter(recipient=CSUST_EMAIL).count() == 0


async def test_f12_3_a_refusing_mail_server_leaves_the_message_and_a_failed_outbox_row(
        make_api: Callable[..., Any], demo: None, smtp_server: SmtpServer) -> None:
    api = await make_api(smtp_url=smtp_server.url, mail_retries=2, mail_backoff_seconds=0.01)
    smtp_server.inbox.refuse = True
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    (await set_by_email(api, admin, True, CSUST_EMAIL)).ok("setMessagePreferences")

    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")  # succeeds, mail or not
    await api.app.state.services.background.drain()  # type: ignore[attr-defined]
    message = await the_message(api, admin, "GRANT_CHANGED")
    row = await OutboundMessage.get(recipient=CSUST_EMAIL)
    assert (row.status, row.attempts) == (DeliveryStatus.FAILED, 2)
    assert "554" in row.last_error and message["title"] in row.subject
    assert smtp_server.inbox.messages == []


async def test_f12_3_a_slow_mail_server_does_not_hold_the_request(
        make_api: Callable[..., Any], demo: None) -> None:
    """The SMTP server holds the mail's DATA step until the test lets it go, which the test does
    only after the mutation has answered: had the request waited for the mail, it would never
    have answered (the guard below turns that into a failure instead of a hang)."""
    with gated_smtp_server() as smtp:
        api = await make_api(smtp_url=smtp.url, mail_retries=1, mail_timeout_seconds=300)
        admin, staff = await login(api, *CSUST), await login(api, *STAFF)
        (await set_by_email(api, admin, True, CSUST_EMAIL)).ok("setMessagePreferences")

        await asyncio.wait_for(grant_change(api, staff, admin, "OTHER_NON_DEGREE"), timeout=30)
        message = await the_message(api, admin, "GRANT_CHANGED")
        # The delivery is under way and held at the server: not delivered, not yet sent.
        assert await asyncio.to_thread(smtp.inbox.entered.wait, 30)
        assert smtp.inbox.messages == []
        assert (await OutboundMessage.get(recipient=CSUST_EMAIL)).status == DeliveryStatus.PENDING

        smtp.inbox.gate.set()
        await api.app.state.services.background.drain()  # type: ignore[attr-defined]
        mails = await asyncio.to_thread(smtp.inbox.wait_for, 1)
        assert len(mails) == 1 and message["title"] in subject_of(mails[0])
        row = await OutboundMessage.get(recipient=CSUST_EMAIL)
        assert (row.status, row.attempts) == (DeliveryStatus.SENT, 1)


async def test_f12_3_a_mail_copy_of_a_long_title_does_not_break_the_change(api: Api, demo: None) -> None:
    operator = await login(api, *CSUST)
    (await set_by_email(api, operator, True, CSUST_EMAIL)).ok("setMessagePreferences")
    filename = "二〇二四年秋季学期课程" * 17 + ".xlsx"  # 192 characters; the title adds 导入完成
    result = await import_file(api, operator, workbook_bytes(COURSE_HEADERS, [["课程甲", "", 32, 2, "简介"]]),
                               subtype="VOCATIONAL_COURSE", filename=filename)
    assert result["errors"] == [] and result["importedCount"] == 1
    message = await the_message(api, operator, "IMPORT_FINISHED")
    assert message["title"].startswith("二〇二四年秋季学期课程")
    row = await OutboundMessage.get(recipient=CSUST_EMAIL)
    assert row.subject.startswith("【学分银行】二〇二四年秋季学期课程")
