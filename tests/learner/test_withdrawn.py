"""Withdrawn learner achievements stay explainable (F5.5, issue 14): the school lists them apart with
who, when, why and the reason file, the learner concerned sees that a record was withdrawn and why
(and is told by a message), while the normal lists, counts and exports stay without them. Nobody
else reads any of it."""

from __future__ import annotations

from typing import Any

from tests.support.api import Api
from tests.support.flows import CSUST, CSUST_TEACHER, code_for, login
from tests.support.learner_records import (
    MY_ACHIEVEMENTS,
    REASON_PDF,
    RECORD,
    hnu_admin,
    learner_login,
    overview,
    person,
    record_ids,
    register,
    store_course,
    store_record,
    withdraw,
)
from tests.support.learners import EXPORT_RECORDS, add_sub_user
from tests.support.messages import all_messages

WITHDRAWAL = "status withdrawal { withdrawnAt reason withdrawnBy file { url filename expiresInSeconds } }"
WITHDRAWN = f"""
query Withdrawn($filter: LearnerAchievementFilter) {{
  withdrawnLearnerAchievements(filter: $filter, first: 100) {{ totalCount nodes {{ {RECORD} {WITHDRAWAL} }} }}
}}
"""
MY_WITHDRAWN = f"""
{{ myWithdrawnAchievements(first: 100) {{ totalCount nodes {{ id achievementName institution {{ name }} {WITHDRAWAL} }} }} }}
"""
NODE = f"query($id: ID!) {{ node(id: $id) {{ __typename ... on LearnerAchievement {{ id {WITHDRAWAL} }} }} }}"
HELD = f"{{ learnerAchievements(first: 100) {{ totalCount nodes {{ id {WITHDRAWAL} }} }} }}"
CSUST_PHONE = "13800000001"
ZHANG = ("张同学", person(71))
LI = ("李同学", person(72))


async def withdrawn_list(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await api(WITHDRAWN, {"filter": filter}, token=token)
    assert not result.errors, result.errors
    found = result.data["withdrawnLearnerAchievements"]
    assert found["totalCount"] == len(found["nodes"])
    return found


async def school_with_a_withdrawn_record(api: Api) -> tuple[str, dict[str, Any], dict[str, Any], dict[str, Any]]:
    """长沙理工大学 holds a course with two records; its sub-user 李老师 withdraws 张同学's."""
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    gone = await store_record(api, token, course["id"], *ZHANG, "kc071")
    kept = await store_record(api, token, course["id"], *LI, "kc072")
    teacher = await login(api, *CSUST_TEACHER)
    await withdraw(api, teacher, [gone["id"]], reason="证书编号录入错误")
    return token, course, gone, kept


async def test_f5_5_a_school_lists_its_withdrawn_records_with_who_when_why_and_the_file(api: Api, demo: None) -> None:
    token, course, gone, kept = await school_with_a_withdrawn_record(api)

    listed = await withdrawn_list(api, token)
    assert [n["id"] for n in listed["nodes"]] == [gone["id"]]
    row = listed["nodes"][0]
    assert row["status"] == "WITHDRAWN" and row["learner"]["name"] == ZHANG[0]
    trail = row["withdrawal"]
    assert (trail["reason"], trail["withdrawnBy"]) == ("证书编号录入错误", "李老师")
    assert trail["withdrawnAt"].endswith("+08:00")
    assert trail["file"]["filename"] == "撤回说明.pdf" and trail["file"]["expiresInSeconds"] == 600
    downloaded = await api.client.get(trail["file"]["url"])
    assert downloaded.status_code == 200 and downloaded.content == REASON_PDF

    # The list's filters work on withdrawn records as on held ones.
    assert (await withdrawn_list(api, token, {"idNumber": ZHANG[1][:6]}))["totalCount"] == 1
    assert (await withdrawn_list(api, token, {"learnerName": LI[0]}))["totalCount"] == 0
    assert (await withdrawn_list(api, token, {"achievementId": course["id"]}))["totalCount"] == 1

    # node(id:) explains the withdrawn record to its holder; a held record has no withdrawal.
    node = (await api(NODE, {"id": gone["id"]}, token=token)).data["node"]
    assert node["status"] == "WITHDRAWN" and node["withdrawal"]["reason"] == "证书编号录入错误"
    held = (await api(NODE, {"id": kept["id"]}, token=token)).data["node"]
    assert (held["status"], held["withdrawal"]) == ("HELD", None)


async def test_f5_5_withdrawn_records_still_leave_the_normal_lists_counts_and_exports(api: Api, demo: None) -> None:
    token, course, _, kept = await school_with_a_withdrawn_record(api)
    assert await record_ids(api, token) == {kept["id"]}
    listed = (await api(HELD, token=token)).data["learnerAchievements"]
    assert listed["totalCount"] == 1 and listed["nodes"][0]["status"] == "HELD"
    assert await overview(api, token) == {"total": 1, "degree": 1, "nonDegree": 0}
    count = await api("query($id: ID!) { node(id: $id) { ... on Achievement { learnerCount } } }",
                      {"id": course["id"]}, token=token)
    assert count.data["node"]["learnerCount"] == 1
    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    exported = (await api(EXPORT_RECORDS, {"input": {"code": code, "allMatching": True}}, token=token)).ok("exportLearnerAchievements")
    assert exported["rowCount"] == 1


async def test_f5_5_the_learner_sees_that_a_record_was_withdrawn_and_why(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    gone = await store_record(api, token, course["id"], *ZHANG, "kc071")
    other = await store_record(api, token, course["id"], *ZHANG, "kc171")
    await register(api, *ZHANG, "13900000071")
    learner = await learner_login(api, ZHANG[1])
    await withdraw(api, token, [gone["id"]], reason="证书编号录入错误")

    mine = (await api(MY_ACHIEVEMENTS, {"first": 100}, token=learner)).data["myAchievements"]
    assert [n["id"] for n in mine["nodes"]] == [other["id"]] and mine["totalCount"] == 1
    withdrawn = (await api(MY_WITHDRAWN, token=learner)).data["myWithdrawnAchievements"]
    assert withdrawn["totalCount"] == 1
    row = withdrawn["nodes"][0]
    assert (row["id"], row["status"], row["institution"]["name"]) == (gone["id"], "WITHDRAWN", "长沙理工大学")
    # When and why; who did it and the reason file (which may cover other learners) stay with the school.
    assert row["withdrawal"]["reason"] == "证书编号录入错误" and row["withdrawal"]["withdrawnAt"]
    assert (row["withdrawal"]["withdrawnBy"], row["withdrawal"]["file"]) == (None, None)

    [message] = await all_messages(api, learner, kind="RECORD_WITHDRAWN")
    assert "长沙理工大学" in message["title"] and "证书编号录入错误" in message["body"]
    assert message["objectId"] == gone["id"]
    opened = (await api(NODE, {"id": message["objectId"]}, token=learner)).data["node"]
    assert opened["status"] == "WITHDRAWN" and opened["withdrawal"]["withdrawnBy"] is None


async def test_f5_5_nobody_else_reads_a_withdrawn_record_or_its_trail(api: Api, demo: None) -> None:
    token, course, gone, _ = await school_with_a_withdrawn_record(api)
    hnu = await hnu_admin(api)
    rules_only = await add_sub_user(api, token, "csust_rules", "13900000073", ["CONVERSION_RULES"])
    await register(api, *LI, "13900000072")
    stranger = await learner_login(api, LI[1])

    assert (await withdrawn_list(api, hnu))["totalCount"] == 0
    assert (await withdrawn_list(api, hnu, {"achievementId": course["id"]}))["totalCount"] == 0
    for caller in (hnu, stranger):
        refused = await api(NODE, {"id": gone["id"]}, token=caller)
        assert refused.error_codes == ["NOT_FOUND"] and "证书编号录入错误" not in str(refused.body)
    assert (await api(MY_WITHDRAWN, token=stranger)).data["myWithdrawnAchievements"]["totalCount"] == 0
    assert (await api(WITHDRAWN, {"filter": None}, token=rules_only)).error_codes == ["MODULE_FORBIDDEN"]
    assert (await api(NODE, {"id": gone["id"]}, token=rules_only)).error_codes == ["MODULE_FORBIDDEN"]
    assert (await api(WITHDRAWN, {"filter": None})).error_codes == ["UNAUTHENTICATED"]
    assert (await api(MY_WITHDRAWN, token=token)).error_codes == ["FORBIDDEN"]
