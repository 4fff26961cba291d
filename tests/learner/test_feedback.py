"""Problem feedback 问题反馈 (manual 2.2.3): a learner reports a problem on one of their own
achievements (F7.1); the institution lists reports by time range and status, reads one, and
handles it once with a reply that resolves or rejects it, which the learner then sees (F7.2)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import pytest

from models.account import Account
from models.audit import AuditLog
from models.learner import Feedback, FeedbackStatus
from resolvers.ids import decode_id, encode_id
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, STAFF, login
from tests.support.learner_records import (
    BEIJING,
    FEEDBACK_NODE,
    beijing_today,
    feedbacks,
    handle,
    hnu_admin,
    masked,
    person,
    register,
    report,
    store_course,
    store_diploma,
    store_record,
    withdraw,
)

ZHANG = ("毕志刚", person(1, region="530127", born="19850315"))
LI = ("测试2", person(2, region="632323", born="19060526"))
ZHANG_PHONE = "17000009087"
LI_PHONE = "13900000022"


@dataclass
class Scene:
    csust: str
    course: dict[str, Any]
    diploma: dict[str, Any]
    zhang_course: dict[str, Any]
    zhang_diploma: dict[str, Any]
    li_course: dict[str, Any]
    zhang: str
    li: str


async def scene(api: Api) -> Scene:
    """长沙理工大学 stores a course and a diploma for 毕志刚 and the course for 测试2; both register."""
    csust = await login(api, *CSUST)
    course = await store_course(api, csust, "省厅创建课程")
    diploma = await store_diploma(api, csust, subtype="VOCATIONAL_DIPLOMA", major="410106", level="高职")
    zhang_course = await store_record(api, csust, course["id"], *ZHANG, "kc001")
    zhang_diploma = await store_record(api, csust, diploma["id"], *ZHANG, "zy001")
    li_course = await store_record(api, csust, course["id"], *LI, "kc002")
    zhang = (await register(api, *ZHANG, ZHANG_PHONE))["token"]
    li = (await register(api, *LI, LI_PHONE))["token"]
    return Scene(csust, course, diploma, zhang_course, zhang_diploma, li_course, zhang, li)


async def reported(api: Api, token: str, record_id: str, content: str = "发证日期有误") -> dict[str, Any]:
    return (await report(api, token, record_id, content)).ok("reportProblem")["feedback"]


async def refused_codes(result: Any, field: str) -> set[tuple[str | None, str]]:
    assert result.refused(field)
    return {(e["field"], e["code"]) for e in result.payload(field)["errors"]}


def pk(global_id: str) -> int:
    return decode_id(global_id, "Feedback")


# --- F7.1 reporting -------------------------------------------------------------------------------


async def test_f7_1_learner_reports_a_problem_on_their_own_achievement(api: Api, demo: None) -> None:
    s = await scene(api)
    feedback = await reported(api, s.zhang, s.zhang_diploma["id"], "  个人照片有误  ")
    assert feedback["content"] == "个人照片有误"
    assert (feedback["status"], feedback["reply"], feedback["handledAt"]) == ("UNRESOLVED", "", None)
    assert feedback["learner"] == {"name": "毕志刚", "maskedIdNumber": masked(ZHANG[1])}
    assert feedback["learnerAchievement"] == {
        "id": s.zhang_diploma["id"], "achievementName": "植物保护与检疫技术毕业证书(高职)"}
    assert datetime.fromisoformat(feedback["reportedAt"]).date() == beijing_today().date()

    # It reaches the institution that stored the achievement, with the manual's columns.
    listed = (await feedbacks(api, s.csust))["nodes"]
    assert [(f["id"], f["learner"]["name"], f["learner"]["maskedIdNumber"],
             f["learnerAchievement"]["achievementName"], f["content"], f["status"]) for f in listed] == [
        (feedback["id"], "毕志刚", masked(ZHANG[1]), "植物保护与检疫技术毕业证书(高职)", "个人照片有误", "UNRESOLVED")
    ]
    assert ZHANG[1] not in str(listed)
    # The learner sees their own report.
    assert [f["id"] for f in (await feedbacks(api, s.zhang))["nodes"]] == [feedback["id"]]

    row = await Feedback.get(id=pk(feedback["id"]))
    assert row.account_id == (await Account.get(username=ZHANG[1])).id
    assert row.institution_id == (await Account.get(username=CSUST[0])).institution_id  # type: ignore[attr-defined]
    assert await AuditLog.filter(action="feedback.report", object_id=str(row.id)).count() == 1


async def test_f7_1_a_report_goes_to_the_institution_holding_that_record(api: Api, demo: None) -> None:
    s = await scene(api)
    hnu = await hnu_admin(api)
    hnu_course = await store_course(api, hnu, "湖大课程")
    hnu_record = await store_record(api, hnu, hnu_course["id"], *ZHANG, "hd001")
    at_hnu = await reported(api, s.zhang, hnu_record["id"], "成绩有误")
    at_csust = await reported(api, s.zhang, s.zhang_course["id"])
    assert [f["id"] for f in (await feedbacks(api, hnu))["nodes"]] == [at_hnu["id"]]
    assert [f["id"] for f in (await feedbacks(api, s.csust))["nodes"]] == [at_csust["id"]]
    assert {f["id"] for f in (await feedbacks(api, s.zhang))["nodes"]} == {at_hnu["id"], at_csust["id"]}


async def test_f7_1_someone_elses_or_a_withdrawn_achievement_is_not_found(api: Api, demo: None) -> None:
    s = await scene(api)
    await withdraw(api, s.csust, [s.zhang_course["id"]])
    before = await snapshot()
    for record_id in (s.li_course["id"], s.zhang_course["id"], encode_id("LearnerAchievement", 99999),
                      s.course["id"], "garbage"):
        result = await report(api, s.zhang, record_id)
        assert result.error_codes == ["NOT_FOUND"], record_id
        assert result.data is None
    assert await snapshot() == before
    # 测试2 cannot report on 毕志刚's record either.
    assert (await report(api, s.li, s.zhang_diploma["id"])).error_codes == ["NOT_FOUND"]
    assert await snapshot() == before


async def test_f7_1_only_learners_report(api: Api, demo: None) -> None:
    s = await scene(api)
    teacher = await login(api, *CSUST_TEACHER)
    staff = await login(api, *STAFF)
    before = await snapshot()
    for token in (s.csust, teacher, staff):
        assert (await report(api, token, s.zhang_course["id"])).error_codes == ["FORBIDDEN"]
    assert (await report(api, None, s.zhang_course["id"])).error_codes == ["UNAUTHENTICATED"]  # type: ignore[arg-type]
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("content", "code"),
    [(None, "REQUIRED"), ("", "REQUIRED"), (" \n\t ", "REQUIRED"), ("问" * 501, "TOO_LONG")],
    ids=["missing", "empty", "blank", "501-characters"],
)
async def test_f7_1_content_is_required_and_limited(api: Api, demo: None, content: str | None, code: str) -> None:
    s = await scene(api)
    before = await snapshot()
    result = await report(api, s.zhang, s.zhang_course["id"], content)  # type: ignore[arg-type]
    assert await refused_codes(result, "reportProblem") == {("content", code)}
    assert result.payload("reportProblem")["feedback"] is None
    assert await snapshot() == before


async def test_f7_1_content_of_500_characters_is_accepted(api: Api, demo: None) -> None:
    s = await scene(api)
    assert (await reported(api, s.zhang, s.zhang_course["id"], "问" * 500))["content"] == "问" * 500


# --- F7.2 list, detail, handling ------------------------------------------------------------------------


async def test_f7_2_list_filters_by_time_range_and_status(api: Api, demo: None) -> None:
    s = await scene(api)
    resolved = await reported(api, s.zhang, s.zhang_diploma["id"], "发证日期有误")
    rejected = await reported(api, s.li, s.li_course["id"], "发证日期有误")
    open_ = await reported(api, s.zhang, s.zhang_diploma["id"], "个人照片有误")
    (await handle(api, s.csust, resolved["id"], "RESOLVED")).ok("handleFeedback")
    (await handle(api, s.csust, rejected["id"], "REJECTED", "信息无误")).ok("handleFeedback")
    # Report times cannot be chosen through the API: move two reports into the manual's past,
    # written as the UTC instants the app itself stores. The range is in Beijing days: 23:30 on
    # 1 March in Beijing is 15:30 UTC, and 00:10 on 28 December is still the 27th in UTC.
    await Feedback.filter(id=pk(resolved["id"])).update(
        created_at=datetime(2022, 3, 1, 23, 30, tzinfo=BEIJING).astimezone(timezone.utc))
    await Feedback.filter(id=pk(rejected["id"])).update(
        created_at=datetime(2021, 12, 28, 0, 10, tzinfo=BEIJING).astimezone(timezone.utc))
    names = {resolved["id"]: "resolved", rejected["id"]: "rejected", open_["id"]: "open"}

    async def found(filter: dict[str, Any] | None) -> list[str]:
        return [names[f["id"]] for f in (await feedbacks(api, s.csust, filter))["nodes"]]

    today = beijing_today().date().isoformat()
    reported_at = {f["id"]: f["reportedAt"] for f in (await feedbacks(api, s.csust))["nodes"]}
    assert reported_at[resolved["id"]].startswith("2022-03-01T23:30:00")
    assert reported_at[rejected["id"]].startswith("2021-12-28T00:10:00")
    # Newest first.
    assert await found(None) == ["open", "resolved", "rejected"]
    assert await found({"status": "UNRESOLVED"}) == ["open"]
    assert await found({"status": "RESOLVED"}) == ["resolved"]
    assert await found({"status": "REJECTED"}) == ["rejected"]
    assert await found({"startDate": "2022-03-01", "endDate": "2022-03-01"}) == ["resolved"]
    assert await found({"startDate": "2022-03-02", "endDate": today}) == ["open"]
    assert await found({"endDate": "2022-03-01"}) == ["resolved", "rejected"]
    assert await found({"endDate": "2022-02-28"}) == ["rejected"]
    assert await found({"startDate": "2021-12-28", "endDate": "2021-12-28"}) == ["rejected"]
    assert await found({"startDate": "2021-12-29", "endDate": "2022-02-28"}) == []
    assert await found({"startDate": today}) == ["open"]
    assert await found({"startDate": "2021-01-01", "endDate": "2022-12-31", "status": "RESOLVED"}) == ["resolved"]
    assert await found({"startDate": "2021-01-01", "endDate": "2022-12-31", "status": "UNRESOLVED"}) == []


async def test_f7_2_detail_through_node(api: Api, demo: None) -> None:
    s = await scene(api)
    feedback = await reported(api, s.zhang, s.zhang_diploma["id"])
    result = await api(FEEDBACK_NODE, {"id": feedback["id"]}, token=s.csust)
    assert not result.errors, result.errors
    node = result.data["node"]
    assert node["__typename"] == "Feedback"
    assert {k: v for k, v in node.items() if k != "__typename"} == feedback
    # A sub-user of the institution reads it too; the reporting learner reads their own.
    teacher = await login(api, *CSUST_TEACHER)
    assert (await api(FEEDBACK_NODE, {"id": feedback["id"]}, token=teacher)).data["node"]["id"] == feedback["id"]
    assert (await api(FEEDBACK_NODE, {"id": feedback["id"]}, token=s.zhang)).data["node"]["id"] == feedback["id"]
    # Another institution and another learner do not.
    hnu = await hnu_admin(api)
    for token in (hnu, s.li):
        denied = await api(FEEDBACK_NODE, {"id": feedback["id"]}, token=token)
        assert denied.error_codes == ["NOT_FOUND"]


async def test_f7_2_reply_resolves_and_the_learner_sees_it(api: Api, demo: None) -> None:
    s = await scene(api)
    feedback = await reported(api, s.zhang, s.zhang_diploma["id"])
    teacher = await login(api, *CSUST_TEACHER)
    started = datetime.now(BEIJING)
    handled = (await handle(api, teacher, feedback["id"], "RESOLVED", "  已更正颁证日期  ")).ok("handleFeedback")
    finished = datetime.now(BEIJING)
    answer = handled["feedback"]
    assert (answer["status"], answer["reply"]) == ("RESOLVED", "已更正颁证日期")
    assert started.replace(microsecond=0) <= datetime.fromisoformat(answer["handledAt"]) <= finished

    mine = (await feedbacks(api, s.zhang))["nodes"]
    assert [(f["id"], f["status"], f["reply"]) for f in mine] == [(feedback["id"], "RESOLVED", "已更正颁证日期")]
    row = await Feedback.get(id=pk(feedback["id"]))
    assert row.status == FeedbackStatus.RESOLVED
    assert row.handled_by_id == (await Account.get(username=CSUST_TEACHER[0])).id
    audit = await AuditLog.get(action="feedback.handle")
    assert (audit.object_id, audit.detail) == (str(row.id), {"outcome": "RESOLVED"})


async def test_f7_2_reply_rejects_and_the_learner_sees_it(api: Api, demo: None) -> None:
    s = await scene(api)
    feedback = await reported(api, s.li, s.li_course["id"])
    answer = (await handle(api, s.csust, feedback["id"], "REJECTED", "经核实颁证日期无误")).ok("handleFeedback")
    assert (answer["feedback"]["status"], answer["feedback"]["reply"]) == ("REJECTED", "经核实颁证日期无误")
    mine = (await feedbacks(api, s.li))["nodes"]
    assert [(f["status"], f["reply"]) for f in mine] == [("REJECTED", "经核实颁证日期无误")]
    # The other learner sees nothing of it.
    assert (await feedbacks(api, s.zhang))["totalCount"] == 0


@pytest.mark.parametrize(
    ("outcome", "reply", "expected"),
    [
        # UNRESOLVED is no outcome: the input's enum (FeedbackOutcome) does not hold it.
        ("UNRESOLVED", "已处理", {("outcome", "INVALID_CHOICE")}),
        ("RESOLVED", None, {("reply", "REQUIRED")}),
        ("REJECTED", "   ", {("reply", "REQUIRED")}),
        ("RESOLVED", "复" * 501, {("reply", "TOO_LONG")}),
        # A value the schema cannot read is answered before the form's rules are checked.
        ("UNRESOLVED", None, {("outcome", "INVALID_CHOICE")}),
    ],
    ids=["unresolved-is-no-outcome", "no-reply", "blank-reply", "long-reply", "both"],
)
async def test_f7_2_handling_needs_an_outcome_and_a_reply(
    api: Api, demo: None, outcome: str, reply: str | None, expected: set[tuple[str, str]]
) -> None:
    s = await scene(api)
    feedback = await reported(api, s.zhang, s.zhang_course["id"])
    before = await snapshot()
    result = await handle(api, s.csust, feedback["id"], outcome, reply)
    assert await refused_codes(result, "handleFeedback") == expected
    assert result.payload("handleFeedback")["feedback"] is None
    assert await snapshot() == before


async def test_f7_2_a_feedback_is_handled_once(api: Api, demo: None) -> None:
    s = await scene(api)
    feedback = await reported(api, s.zhang, s.zhang_course["id"])
    (await handle(api, s.csust, feedback["id"], "RESOLVED", "已更正")).ok("handleFeedback")
    teacher = await login(api, *CSUST_TEACHER)
    before = await snapshot()
    for token, outcome in ((s.csust, "RESOLVED"), (teacher, "REJECTED")):
        result = await handle(api, token, feedback["id"], outcome, "再次处理")
        assert await refused_codes(result, "handleFeedback") == {("id", "FEEDBACK_HANDLED")}
    assert await snapshot() == before
    mine = (await feedbacks(api, s.zhang))["nodes"]
    assert [(f["status"], f["reply"]) for f in mine] == [("RESOLVED", "已更正")]


async def test_f7_2_two_handlers_at_once_decide_it_once(api: Api, demo: None) -> None:
    s = await scene(api)
    feedback = await reported(api, s.zhang, s.zhang_course["id"])
    teacher = await login(api, *CSUST_TEACHER)
    results = await asyncio.gather(
        handle(api, s.csust, feedback["id"], "RESOLVED", "已更正"),
        handle(api, teacher, feedback["id"], "REJECTED", "信息无误"),
    )
    outcomes = sorted(
        "ok" if not r.payload("handleFeedback")["errors"] else r.payload("handleFeedback")["errors"][0]["code"]
        for r in results
    )
    assert outcomes == ["FEEDBACK_HANDLED", "ok"]
    winner = next(r.payload("handleFeedback")["feedback"] for r in results if not r.payload("handleFeedback")["errors"])
    row = await Feedback.get(id=pk(feedback["id"]))
    assert (row.status.value, row.reply) == (winner["status"], winner["reply"])
    assert await AuditLog.filter(action="feedback.handle").count() == 1


async def test_f7_2_another_institutions_feedback_is_not_found(api: Api, demo: None) -> None:
    s = await scene(api)
    feedback = await reported(api, s.zhang, s.zhang_course["id"])
    hnu = await hnu_admin(api)
    staff = await login(api, *STAFF)
    assert (await feedbacks(api, hnu))["totalCount"] == 0
    before = await snapshot()
    for feedback_id in (feedback["id"], encode_id("Feedback", 99999), s.zhang_course["id"]):
        result = await handle(api, hnu, feedback_id, "REJECTED", "不是我们的")
        assert result.error_codes == ["NOT_FOUND"], feedback_id
    assert await snapshot() == before
    # Nor does a learner, or bank staff, handle feedback.
    for token in (s.zhang, staff):
        assert (await handle(api, token, feedback["id"], "RESOLVED")).error_codes == ["FORBIDDEN"]
    assert await snapshot() == before
