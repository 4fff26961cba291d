"""The audit trail read through the API (B3, issue 14): an institution's main account reads its own
institution's trail — who read which learner's full ID number, what was exported, what changed,
from where — bank staff read all of it, with filters by user, action and Beijing date; partner
calls likewise. Sub-users, partner keys, learners, other institutions and nobody read none of it."""

from __future__ import annotations

import json

import ast
from datetime import timedelta
from pathlib import Path
from typing import Any

from models.audit import AuditAction
from tests.support import catalogue, partners
from tests.support.api import Api
from tests.support.flows import CSUST, CSUST_TEACHER, STAFF, code_for, login
from tests.support.learner_records import (
    DETAIL,
    beijing_today,
    hnu_admin,
    learner_login,
    person,
    register,
    store_course,
    store_record,
)
from tests.support.learners import EXPORT_RECORDS

ROOT = Path(__file__).resolve().parents[2]
ENTRY = """id action actorName actorKind actor { id username } partnerName institution { name } objectType
  object { __typename id ... on Learner { name } } detail { name value } ip createdAt"""
ENTRIES = f"""
query Trail($filter: AuditEntryFilter) {{ auditEntries(filter: $filter, first: 100) {{ totalCount nodes {{ {ENTRY} }} }} }}
"""
ENTRY_NODE = f"query($id: ID!) {{ node(id: $id) {{ __typename ... on AuditEntry {{ {ENTRY} }} }} }}"
CALLS = """
query Calls($filter: PartnerCallFilter) {
  partnerCalls(filter: $filter, first: 100) { totalCount nodes { partnerName operationName outcome ip createdAt } }
}
"""
ME = "{ me { id } }"
STORE_BY_PARTNER = """mutation PartnerStore($input: StoreAchievementInput!) {
  storeAchievement(input: $input) { achievement { id } errors { code } } }"""
CSUST_PHONE = "13800000001"
ZHANG = ("张同学", person(81))


async def trail(api: Api, token: str | None, **filter: Any) -> dict[str, Any]:
    result = await api(ENTRIES, {"filter": filter or None}, token=token)
    assert not result.errors, result.errors
    found = result.data["auditEntries"]
    assert found["totalCount"] == len(found["nodes"])
    return found


async def my_id(api: Api, token: str) -> str:
    return (await api(ME, token=token)).data["me"]["id"]


async def a_full_id_read(api: Api) -> tuple[str, str, dict[str, Any]]:
    """长沙理工大学 stores a record; its sub-user 李老师 opens the detail with the full ID number."""
    admin = await login(api, *CSUST)
    course = await store_course(api, admin)
    record = await store_record(api, admin, course["id"], *ZHANG, "kc081")
    teacher = await login(api, *CSUST_TEACHER)
    detail = await api(DETAIL, {"id": record["id"]}, token=teacher)
    assert detail.data["learnerAchievementDetail"]["idNumber"] == ZHANG[1]
    return admin, teacher, record


async def test_b3_the_main_account_sees_who_read_its_learners_full_id_numbers(api: Api, demo: None) -> None:
    admin, teacher, record = await a_full_id_read(api)
    reads = await trail(api, admin, actions=["LEARNER_ID_NUMBER_READ"])
    assert reads["totalCount"] == 1
    entry = reads["nodes"][0]
    assert (entry["action"], entry["actorName"], entry["actorKind"]) == ("LEARNER_ID_NUMBER_READ", "李老师", "INSTITUTION_USER")
    assert entry["actor"] == {"id": await my_id(api, teacher), "username": CSUST_TEACHER[0]}
    assert (entry["objectType"], entry["object"]["__typename"], entry["object"]["name"]) == ("Learner", "Learner", ZHANG[0])
    assert details(entry) == {"record": record["id"]}  # a global ID, never the row number
    assert entry["institution"]["name"] == "长沙理工大学"
    assert entry["ip"] and entry["createdAt"].endswith("+08:00")
    node = (await api(ENTRY_NODE, {"id": entry["id"]}, token=admin)).data["node"]
    assert node["action"] == "LEARNER_ID_NUMBER_READ"

    labels = (await api('{ labels(names: ["AuditAction"]) { values { value label } } }')).data["labels"][0]
    names = {v["value"]: v["label"] for v in labels["values"]}
    assert names["LEARNER_ID_NUMBER_READ"] == "查看学员完整身份证号" and names["LEARNER_ACHIEVEMENT_EXPORT"] == "导出学员成果"

    # By user, action and Beijing date.
    teacher_id, admin_id = await my_id(api, teacher), await my_id(api, admin)
    by_teacher = await trail(api, admin, userId=teacher_id)
    assert {n["action"] for n in by_teacher["nodes"]} >= {"LEARNER_ID_NUMBER_READ", "ACCOUNT_LOGIN"}
    assert all(n["actorName"] == "李老师" for n in by_teacher["nodes"])
    by_admin = await trail(api, admin, userId=admin_id)
    assert "LEARNER_ID_NUMBER_READ" not in {n["action"] for n in by_admin["nodes"]}
    assert {"ACHIEVEMENT_STORE", "LEARNER_ACHIEVEMENT_STORE"} <= {n["action"] for n in by_admin["nodes"]}
    today = beijing_today().date()
    assert (await trail(api, admin, actions=["LEARNER_ID_NUMBER_READ"], startDate=today.isoformat(),
                        endDate=today.isoformat()))["totalCount"] == 1
    yesterday = (today - timedelta(days=1)).isoformat()
    assert (await trail(api, admin, actions=["LEARNER_ID_NUMBER_READ"], endDate=yesterday))["totalCount"] == 0
    reversed_range = await api(ENTRIES, {"filter": {"startDate": today.isoformat(), "endDate": yesterday}}, token=admin)
    assert reversed_range.error_codes == ["BAD_FILTER"]

    # An export is there too: how many rows, with which filter; never the stored file's key.
    code = await code_for(api, "EXPORT", token=admin, bound_phone=CSUST_PHONE)
    (await api(EXPORT_RECORDS, {"input": {"code": code, "allMatching": True, "filter": {"name": "课程"}}}, token=admin)).ok(
        "exportLearnerAchievements")
    [export] = (await trail(api, admin, actions=["LEARNER_ACHIEVEMENT_EXPORT"]))["nodes"]
    assert export["actorName"] == "张老师" and details(export)["rows"] == "1"
    assert json.loads(details(export)["filter"]) == {"name": "课程"} and "file" not in details(export)


async def test_b3_bank_staff_read_every_trail_and_institutions_see_staff_actions_unnamed(api: Api, demo: None) -> None:
    admin, _, _ = await a_full_id_read(api)
    staff = await login(api, *STAFF)
    csust = await catalogue.institution_id(api, admin)
    hnu = await hnu_admin(api)
    hnu_institution = await catalogue.institution_id(api, hnu)
    await catalogue.grant(api, staff, csust, "OTHER_NON_DEGREE")

    everything = await trail(api, staff)
    assert {"长沙理工大学", "湖南大学"} <= {n["institution"]["name"] for n in everything["nodes"] if n["institution"]}
    reads = await trail(api, staff, institutionId=csust, actions=["LEARNER_ID_NUMBER_READ"])
    assert [n["actorName"] for n in reads["nodes"]] == ["李老师"]
    assert (await trail(api, staff, institutionId=hnu_institution, actions=["LEARNER_ID_NUMBER_READ"]))["totalCount"] == 0

    [granted_to_staff] = (await trail(api, staff, actions=["GRANT_CREATE"]))["nodes"]
    assert granted_to_staff["actorName"] == "学分银行管理员" and granted_to_staff["actor"] is not None
    [granted] = (await trail(api, admin, actions=["GRANT_CREATE"]))["nodes"]
    assert (granted["actorName"], granted["actorKind"], granted["actor"]) == ("学分银行工作人员", "STAFF", None)
    assert details(granted) == {"subtype": "OTHER_NON_DEGREE"}


async def test_b3_nobody_but_the_main_account_and_the_staff_reads_an_institutions_trail(api: Api, demo: None) -> None:
    admin, teacher, _ = await a_full_id_read(api)
    staff = await login(api, *STAFF)
    csust = await catalogue.institution_id(api, admin)
    hnu = await hnu_admin(api)
    await register(api, *ZHANG, "13900000081")
    learner = await learner_login(api, ZHANG[1])
    [read] = (await trail(api, admin, actions=["LEARNER_ID_NUMBER_READ"]))["nodes"]
    partner = await partners.onboard(api, staff, csust, ENTRIES, CALLS, name="甲教务系统")

    # Another institution's main account: its own trail only, however it filters.
    own = await trail(api, hnu)
    assert own["totalCount"] > 0 and {n["institution"]["name"] for n in own["nodes"]} == {"湖南大学"}
    assert ZHANG[0] not in str(own) and read["id"] not in str(own)
    assert (await trail(api, hnu, userId=await my_id(api, teacher)))["totalCount"] == 0
    assert (await trail(api, hnu, institutionId=csust))["totalCount"] == 0
    assert (await api(ENTRY_NODE, {"id": read["id"]}, token=hnu)).error_codes == ["NOT_FOUND"]

    # Sub-users (whatever their modules), learners and nobody: refused outright.
    for token, code in ((teacher, "FORBIDDEN"), (learner, "FORBIDDEN"), (None, "UNAUTHENTICATED")):
        for document, variables in ((ENTRIES, {}), (CALLS, {}), (ENTRY_NODE, {"id": read["id"]})):
            refused = await api(document, variables, token=token)
            assert refused.error_codes == [code] and "李老师" not in str(refused.body), (document, refused.body)
    # A partner key acts as the main account, but the trail watches it: it reads none.
    for document in (ENTRIES, CALLS):
        response = await partners.call(api, partner.key, document=document)
        assert partners.error_code(response) == "FORBIDDEN" and "李老师" not in response.text


async def test_b3_d3_partner_calls_and_what_partners_did_are_in_their_institutions_trail(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    csust = await catalogue.institution_id(api, admin)
    hnu = await hnu_admin(api)
    teacher = await login(api, *CSUST_TEACHER)
    partner = await partners.onboard(api, staff, csust, STORE_BY_PARTNER, name="甲教务系统")
    stored = await partners.call(api, partner.key, document=STORE_BY_PARTNER,
                                 variables={"input": catalogue.course_input("合作方课程")})
    assert stored.json()["data"]["storeAchievement"]["errors"] == []
    await partners.call(api, partner.key, query="{ me { id } }", via="none")  # refused: not registered

    calls = (await api(CALLS, token=admin)).data["partnerCalls"]
    assert calls["totalCount"] == 2
    assert {(c["partnerName"], c["operationName"], c["outcome"]) for c in calls["nodes"]} == {
        ("甲教务系统", "PartnerStore", "OK"), ("甲教务系统", "", "REFUSED")}
    ok_only = await api(CALLS, {"filter": {"outcome": "OK", "partnerId": partner.id}}, token=admin)
    assert ok_only.data["partnerCalls"]["totalCount"] == 1
    assert (await api(CALLS, token=staff)).data["partnerCalls"]["totalCount"] == 2
    assert (await api(CALLS, token=hnu)).data["partnerCalls"]["totalCount"] == 0
    assert (await api(CALLS, {"filter": {"partnerId": partner.id}}, token=hnu)).data["partnerCalls"]["totalCount"] == 0
    assert (await api(CALLS, token=teacher)).error_codes == ["FORBIDDEN"]

    [store] = (await trail(api, admin, actions=["ACHIEVEMENT_STORE"]))["nodes"]
    assert (store["actorName"], store["partnerName"]) == ("张老师", "甲教务系统")


def test_b3_every_recorded_action_has_a_chinese_label() -> None:
    """Every action name the code records (``audit.record(ctx, "…")``, an export's ``action=``) is
    one of AuditAction's, so the trail never shows OTHER for what this code wrote."""
    known = {a.value for a in AuditAction}
    used: dict[str, str] = {}
    for path in (ROOT / "resolvers").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            values = [node.args[1]] if name == "record" and len(node.args) > 1 else []
            values += [k.value for k in node.keywords if k.arg == "action"]
            for value in values:
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    used[value.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    assert len(used) >= 40, used
    assert not {a: where for a, where in used.items() if a not in known}
    assert all(AuditAction(a).label for a in used)


def details(entry: dict[str, Any]) -> dict[str, str]:
    return {item["name"]: item["value"] for item in entry["detail"]}
