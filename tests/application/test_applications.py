"""Conversion applications (manual 2.3.2 申请转换, 2.4 成果转化管理): institution batches from
"rules related to me" (F9.7), personal applications of learners (F15), the review of the rule's
publisher (F10, D1 ``reviewConversion``), records, history, results and exports (F11, F10.5), rule
versions (B1), the rule checks (B2), re-review (B4) and the messages these events leave (F12.3).
Everything goes through the GraphQL API; the database is only read, to prove what was kept or
that a refusal changed nothing — except to let time pass over a rule's end date, and, on
PostgreSQL, to hold the rows for a moment so that two reviewers truly meet at them."""

from __future__ import annotations

import asyncio
import os
from datetime import datetime, timedelta
from typing import Any

import asyncpg
import pytest

from models.account import Account
from models.application import (
    ApplicationBatch,
    ConversionApplication,
    ConversionResult,
    ReviewEvent,
)
from models.audit import AuditLog
from models.base import SHANGHAI
from models.conversion import ConversionRule, RuleVersion
from models.message import Message, MessageKind
from resolvers.ids import decode_id, encode_id
from tests.support.api import Api
from tests.support.applications import (
    CSUST_PHONE,
    ELIGIBLE,
    EXPORT,
    HNU_PHONE,
    Scene,
    add_holder,
    apply,
    apply_personal,
    apply_personal_refused,
    apply_personal_result,
    apply_refused,
    apply_result,
    batches,
    eligible,
    export,
    initiated,
    learner,
    mine,
    node,
    re_review,
    re_review_result,
    received,
    review,
    review_result,
    revoke_rule,
    row_codes,
    scene,
    take_down_rule,
    teacher,
)
from tests.support.catalogue import recognize
from tests.support.db import backend, snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, code_for
from tests.support.learner_records import (
    person,
    store_certificate,
    store_course,
    store_record,
    withdraw_result,
)
from tests.support.rules import (
    PUBLISH,
    act,
    create_rule,
    degree_rule,
    related_rules,
    source,
    update_result,
)
from tests.support.xlsx import download, read_rows

LABELS = """{ labels(names: ["ApplicationStatus", "ApplicationKind", "ReviewAction"]) {
  name values { value label } } }"""
EXPORT_HEADERS = ["规则编码", "申请类型", "批次", "学员姓名", "身份证号", "源成果", "个人成果编号", "申请时间",
                  "转换状态", "审核时间", "不通过原因"]


# --- shared steps ---------------------------------------------------------------------------


def beijing_today() -> str:
    return datetime.now(SHANGHAI).date().isoformat()


def pk(global_id: str, type_name: str = "ConversionApplication") -> int:
    return decode_id(global_id, type_name)


def codes_of(refusal: list[tuple[str | None, str]]) -> list[str]:
    return [code for _, code in refusal]


async def account_id(username: str) -> int:
    return (await Account.get(username=username)).id


async def messages(kind: MessageKind) -> list[dict[str, Any]]:
    return await Message.filter(kind=kind).order_by("id").values("account_id", "module", "object_id", "title", "body")


async def decisions(application_id: str) -> list[str]:
    """The decisions (PASSED / FAILED) recorded in an application's review events."""
    rows = await ReviewEvent.filter(application_id=pk(application_id)).order_by("id").values_list("action", flat=True)
    return [str(getattr(a, "value", a)) for a in rows if str(getattr(a, "value", a)) in ("PASSED", "FAILED")]


async def by_name(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """The publisher's received rows, by learner name (one row each)."""
    rows = await received(api, token, filter)
    found = {row["learnerName"]: row for row in rows}
    assert len(found) == len(rows), rows
    return found


async def batch_of(api: Api, s: Scene, *indexes: int) -> dict[str, Any]:
    """HNU sends the holders at ``indexes`` (with none given, all eligible: allMatching) as one batch."""
    if not indexes:
        return await apply(api, s.hnu, s.rule["id"], all_matching=True)
    return await apply(api, s.hnu, s.rule["id"], s.ids(*indexes))


async def personal(api: Api, s: Scene, index: int, phone: str) -> tuple[str, dict[str, Any]]:
    """The holder registers and applies personally; their token and the application."""
    token = await learner(api, s.holders[index], phone)
    return token, await apply_personal(api, token, s.rule["id"], s.holders[index].record["id"])


# --- F9.7 institution batches ------------------------------------------------------------------


async def test_f9_7_chosen_learners_go_to_the_publisher_as_one_named_batch(api: Api, demo: None) -> None:
    s = await scene(api)
    related = await related_rules(api, s.hnu)
    assert [r["id"] for r in related["nodes"]] == [s.rule["id"]]
    assert {h.record["id"] for h in s.holders} == {r["id"] for r in await eligible(api, s.hnu, s.rule["id"])}

    applied = await batch_of(api, s, 0, 1)
    batch = applied["batch"]
    assert batch["name"] == f"湖南大学{beijing_today()} 批量学员转换"
    assert (batch["learnerCount"], batch["pendingCount"]) == (2, 2)
    assert (batch["initiator"]["name"], batch["target"]["name"], batch["rule"]["id"]) == (
        "湖南大学", "长沙理工大学", s.rule["id"])
    rows = applied["applications"]
    assert sorted(r["learnerName"] for r in rows) == ["李二", "李毅"]
    assert {(r["kind"], r["status"], r["ruleCode"], r["ruleVersion"], r["batch"]["id"]) for r in rows} == {
        ("INSTITUTION", "PENDING", s.rule["code"], 1, batch["id"])}
    assert all([e["action"] for e in r["history"]] == ["SUBMITTED"] for r in rows)
    assert {r["source"]["id"] for r in rows} == set(s.ids(0, 1))

    # The chosen learners are no longer eligible on this rule; the third still is.
    assert [r["id"] for r in await eligible(api, s.hnu, s.rule["id"])] == s.ids(2)
    # The publisher receives the batch (机构发起) and its rows; the initiator sees what it sent.
    received_batches = await batches(api, s.csust)
    assert [(b["id"], b["learnerCount"], b["initiator"]["name"]) for b in received_batches] == [
        (batch["id"], 2, "湖南大学")]
    assert [b["id"] for b in await batches(api, s.hnu, received=False)] == [batch["id"]]
    assert await batches(api, s.hnu) == [] and await batches(api, s.csust, received=False) == []
    assert {r["id"] for r in await received(api, s.csust)} == {r["id"] for r in rows}
    assert {r["id"] for r in await initiated(api, s.hnu)} == {r["id"] for r in rows}
    audit = await AuditLog.get(action="application.batch")
    assert audit.detail == {"rule": s.rule["code"], "learners": 2}


async def test_f9_7_all_matching_applies_for_every_eligible_learner(api: Api, demo: None) -> None:
    s = await scene(api)
    # An empty selection is not "all" (issue 14): refused, nothing written.
    before = await snapshot()
    assert await apply_refused(api, s.hnu, s.rule["id"], []) == [("learnerAchievementIds", "NOTHING_SELECTED")]
    assert await apply_refused(api, s.hnu, s.rule["id"], None) == [("learnerAchievementIds", "NOTHING_SELECTED")]
    assert await snapshot() == before
    applied = await batch_of(api, s)
    assert applied["batch"]["learnerCount"] == 3
    assert sorted(r["source"]["id"] for r in applied["applications"]) == sorted(s.ids(0, 1, 2))
    assert await eligible(api, s.hnu, s.rule["id"]) == []
    # Nobody is left: a second "all" is refused, and nothing is written.
    before = await snapshot()
    assert await apply_refused(api, s.hnu, s.rule["id"], all_matching=True) == [
        ("learnerAchievementIds", "NOTHING_SELECTED")]
    assert await snapshot() == before


async def test_f9_7_without_eligible_learners_nothing_is_selected(api: Api, demo: None) -> None:
    s = await scene(api, learners=[])
    before = await snapshot()
    assert await apply_refused(api, s.hnu, s.rule["id"], all_matching=True) == [
        ("learnerAchievementIds", "NOTHING_SELECTED")]
    assert await snapshot() == before


async def test_f9_7_b2_withdrawn_foreign_and_non_source_records_are_refused_item_by_item(
        api: Api, demo: None) -> None:
    s = await scene(api)
    withdrawn = s.holders[2].record["id"]
    assert (await withdraw_result(api, s.hnu, [withdrawn])).ok("withdrawRecords")["succeeded"] == 1
    # A record of another institution (CSUST's own learner on its course), and one of HNU on an
    # achievement that is not the rule's source.
    foreign = await store_record(api, s.csust, s.course["id"], "张三", person(50), "cs0050")
    hnu_course = await store_course(api, s.hnu, "测试成果1")
    non_source = await add_holder(api, s, "赵四", 60, achievement=hnu_course)

    before = await snapshot()
    chosen = [s.holders[0].record["id"], withdrawn, foreign["id"], non_source.record["id"]]
    assert await apply_refused(api, s.hnu, s.rule["id"], chosen) == [
        ("learnerAchievementIds.1", "ALREADY_WITHDRAWN"),
        ("learnerAchievementIds.2", "NOT_FOUND"),
        ("learnerAchievementIds.3", "NOT_A_SOURCE"),
    ]
    assert await snapshot() == before
    # The publisher cannot apply on its own rule: a code of its own, not NOT_A_SOURCE.
    assert await apply_refused(api, s.csust, s.rule["id"], [foreign["id"]]) == [("ruleId", "OWN_RULE")]
    assert await snapshot() == before
    # The good record alone goes through.
    assert (await batch_of(api, s, 0))["batch"]["learnerCount"] == 1


async def test_f9_7_b2_a_learner_holding_two_sources_is_applied_for_once(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    tea = await store_certificate(api, s.hnu, s.staff, "茶艺师")
    await recognize(api, s.staff, [tea["id"]])  # in the public catalogue: another's rule may use it
    rule = await create_rule(api, s.csust, degree_rule([source(s.x_certificate), source(tea)], [s.course]),
                             publish=True)
    await store_record(api, s.hnu, tea["id"], "李毅", s.holders[0].id_number, "tea0001")
    assert len(await eligible(api, s.hnu, rule["id"])) == 2  # two records, one learner
    applied = (await apply_result(api, s.hnu, rule["id"], all_matching=True)).payload("applyConversion")
    assert applied["errors"] == [], applied["errors"]
    assert applied["batch"]["learnerCount"] == 1
    assert [r["learnerName"] for r in applied["applications"]] == ["李毅"]


async def test_f9_7_f15_b10_a_rule_of_two_sources_takes_only_learners_holding_both(api: Api, demo: None) -> None:
    """A rule of several sources converts learners who hold them all (as B10's matching says): one
    who holds only one is not eligible for a batch, is refused by name when chosen, and cannot
    apply personally — and nothing is stored."""
    s = await scene(api, learners=[("李毅", 1), ("王二", 2)])
    tea = await store_certificate(api, s.hnu, s.staff, "茶艺师")
    await recognize(api, s.staff, [tea["id"]])
    rule = await create_rule(api, s.csust, degree_rule([source(s.x_certificate), source(tea)], [s.course]),
                             publish=True)
    await store_record(api, s.hnu, tea["id"], "李毅", s.holders[0].id_number, "tea0001")
    token = await learner(api, s.holders[1], "13700000002")
    assert {r["learner"]["name"] for r in await eligible(api, s.hnu, rule["id"])} == {"李毅"}
    before = await snapshot()
    refused = (await apply_result(api, s.hnu, rule["id"], s.ids(1))).payload("applyConversion")
    assert [(e["field"], e["code"]) for e in refused["errors"]] == [
        ("learnerAchievementIds.0", "SOURCES_NOT_ALL_HELD")]
    assert "王二" in refused["errors"][0]["message"]
    assert await apply_personal_refused(api, token, rule["id"], s.ids(1)[0]) == [
        ("learnerAchievementId", "SOURCES_NOT_ALL_HELD")]
    assert await snapshot() == before


# --- F15 personal applications -------------------------------------------------------------------


async def test_f15_a_learner_applies_personally_with_their_own_record(api: Api, demo: None) -> None:
    s = await scene(api)
    token, application = await personal(api, s, 0, "13700000001")
    assert (application["kind"], application["status"], application["batch"], application["ruleVersion"]) == (
        "PERSONAL", "PENDING", None, 1)
    assert (application["learnerName"], application["source"]["id"]) == ("李毅", s.holders[0].record["id"])
    assert [a["id"] for a in await mine(api, token)] == [application["id"]]
    # The publisher sees it in the 个人申请 tab, not in the batches; HNU did not initiate it.
    assert [r["id"] for r in await received(api, s.csust, {"kind": "PERSONAL"})] == [application["id"]]
    assert await received(api, s.csust, {"kind": "INSTITUTION"}) == []
    assert await batches(api, s.csust) == [] and await initiated(api, s.hnu) == []
    audit = await AuditLog.get(action="application.personal")
    assert audit.detail["rule"] == s.rule["code"]


async def test_f15_someone_elses_record_is_not_found(api: Api, demo: None) -> None:
    s = await scene(api)
    token = await learner(api, s.holders[0], "13700000001")
    before = await snapshot()
    answer = await apply_personal_result(api, token, s.rule["id"], s.holders[1].record["id"])
    assert answer.error_codes == ["NOT_FOUND"]
    # Institutions apply by batch; the personal application is the learner's own.
    answer = await apply_personal_result(api, s.hnu, s.rule["id"], s.holders[0].record["id"])
    assert answer.error_codes == ["FORBIDDEN"]
    assert await snapshot() == before


# --- B2 rule checks ------------------------------------------------------------------------------------


async def test_b2_a_second_live_application_for_a_learner_and_rule_is_refused(api: Api, demo: None) -> None:
    s = await scene(api)
    first = await batch_of(api, s, 0)
    token_li = await learner(api, s.holders[0], "13700000001")
    token_er, second = await personal(api, s, 1, "13700000002")
    before = await snapshot()
    # Batch after batch, personal after batch, batch after personal: each refused, nothing kept.
    assert await apply_refused(api, s.hnu, s.rule["id"], s.ids(0)) == [
        ("learnerAchievementIds.0", "ALREADY_APPLIED")]
    assert await apply_personal_refused(api, token_li, s.rule["id"], s.ids(0)[0]) == [("ruleId", "ALREADY_APPLIED")]
    assert await apply_refused(api, s.hnu, s.rule["id"], s.ids(2, 1)) == [
        ("learnerAchievementIds.1", "ALREADY_APPLIED")]
    assert await snapshot() == before
    # Once passed, the learner stays converted on this rule.
    await review(api, s.csust, "PASSED", ids=[first["applications"][0]["id"], second["id"]])
    before = await snapshot()
    assert await apply_personal_refused(api, token_li, s.rule["id"], s.ids(0)[0]) == [("ruleId", "ALREADY_APPLIED")]
    assert await apply_personal_refused(api, token_er, s.rule["id"], s.ids(1)[0]) == [("ruleId", "ALREADY_APPLIED")]
    assert await apply_refused(api, s.hnu, s.rule["id"], s.ids(0)) == [
        ("learnerAchievementIds.0", "ALREADY_APPLIED")]
    assert await snapshot() == before
    assert await ConversionApplication.all().count() == 2


async def test_b2_after_a_failed_review_the_learner_may_apply_again(api: Api, demo: None) -> None:
    s = await scene(api)
    failed = (await batch_of(api, s, 0, 1))["applications"]
    await review(api, s.csust, "FAILED", ids=[a["id"] for a in failed], reason="证书等级不符")
    assert {r["id"] for r in await eligible(api, s.hnu, s.rule["id"])} == set(s.ids(0, 1, 2))
    again = await batch_of(api, s, 0)
    assert [(a["learnerName"], a["status"]) for a in again["applications"]] == [("李毅", "PENDING")]
    # The other failed learner applies personally this time.
    _, personal_again = await personal(api, s, 1, "13700000002")
    assert personal_again["status"] == "PENDING"
    # A failed row whose learner has applied again cannot go back to review as well (B2 + B4).
    before = await snapshot()
    answer = await re_review_result(api, s.hnu, failed[0]["id"], "请复核")
    assert answer.refused("requestReReview") == ["ALREADY_APPLIED"]
    assert await snapshot() == before


async def test_b2_a_learner_without_the_source_cannot_apply(api: Api, demo: None) -> None:
    s = await scene(api, learners=[])
    hnu_course = await store_course(api, s.hnu, "测试成果1")
    holder = await add_holder(api, s, "赵四", 60, achievement=hnu_course)
    token = await learner(api, holder, "13700000009")
    before = await snapshot()
    assert await apply_personal_refused(api, token, s.rule["id"], holder.record["id"]) == [
        ("learnerAchievementId", "NOT_A_SOURCE")]
    assert await apply_refused(api, s.hnu, s.rule["id"], [holder.record["id"]]) == [
        ("learnerAchievementIds.0", "NOT_A_SOURCE")]
    assert await apply_refused(api, s.hnu, s.rule["id"], all_matching=True) == [
        ("learnerAchievementIds", "NOTHING_SELECTED")]
    assert await snapshot() == before


async def test_b2_f11_2_granted_credits_never_exceed_what_the_target_offers(api: Api, demo: None) -> None:
    # The source is worth 5 credit-bank credits; the target course offers 4: 4 are granted.
    s = await scene(api, learners=[("李毅", 1)])
    application = (await batch_of(api, s))["applications"][0]
    await review(api, s.csust, "PASSED", ids=[application["id"]])
    result = (await node(api, s.csust, application["id"]))["result"]
    assert result["grantedCredits"] == s.course["originalCredits"] == 4
    for course in result["granted"]["courses"]:
        assert course["recognisedCredits"] <= course["originalCredits"]
    assert (await ConversionResult.get(application_id=pk(application["id"]))).granted_credits == 4


# --- rules that are not in force ---------------------------------------------------------------------


async def _unsubmitted(api: Api, s: Scene) -> str:
    return (await create_rule(api, s.csust, degree_rule([source(s.x_certificate)], [s.course])))["id"]


async def _revoked(api: Api, s: Scene) -> str:
    return (await revoke_rule(api, s.csust, s.rule["id"]))["id"]


async def _taken_down(api: Api, s: Scene) -> str:
    return (await take_down_rule(api, s.staff, s.rule["id"]))["id"]


async def _expired(api: Api, s: Scene) -> str:
    """Published for a period that has ended since: time is let pass by moving the end date."""
    rule = await create_rule(api, s.csust, degree_rule([source(s.x_certificate)], [s.course],
                                                       validFrom="2020-01-01", validTo=beijing_today()),
                             publish=True)
    yesterday = datetime.now(SHANGHAI).date() - timedelta(days=1)
    await ConversionRule.filter(id=pk(rule["id"], "ConversionRule")).update(valid_to=yesterday)
    await RuleVersion.filter(rule_id=pk(rule["id"], "ConversionRule")).update(valid_to=yesterday)
    return rule["id"]


async def _not_yet(api: Api, s: Scene) -> str:
    start = (datetime.now(SHANGHAI).date() + timedelta(days=30)).isoformat()
    rule = await create_rule(api, s.csust, degree_rule([source(s.x_certificate)], [s.course], validFrom=start),
                             publish=True)
    assert (rule["status"], rule["inForce"]) == ("PUBLISHED", False)
    return rule["id"]


async def test_b1_another_institutions_draft_rule_does_not_exist_for_applicants(api: Api, demo: None) -> None:
    """A rule never published is its institution's draft: applying on it answers NOT_FOUND, as for
    an ID that matches nothing, so its existence does not leak (the tenant walker found this)."""
    s = await scene(api, learners=[("李毅", 1)])
    token = await learner(api, s.holders[0], "13700000001")
    rule_id = await _unsubmitted(api, s)
    before = await snapshot()
    for answer in (await apply_result(api, s.hnu, rule_id, s.ids(0)),
                   await apply_personal_result(api, token, rule_id, s.ids(0)[0])):
        assert answer.error_codes == ["NOT_FOUND"], answer.body
    assert await snapshot() == before


@pytest.mark.parametrize("make", [_expired, _not_yet], ids=["expired", "not-yet-in-force"])
async def test_b1_f9_7_f15_a_rule_not_in_force_takes_no_application(api: Api, demo: None, make: Any) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    token = await learner(api, s.holders[0], "13700000001")
    rule_id = await make(api, s)
    before = await snapshot()
    assert await apply_refused(api, s.hnu, rule_id, s.ids(0)) == [("ruleId", "RULE_NOT_IN_FORCE")]
    assert await apply_refused(api, s.hnu, rule_id, all_matching=True) == [("ruleId", "RULE_NOT_IN_FORCE")]
    assert await apply_personal_refused(api, token, rule_id, s.ids(0)[0]) == [("ruleId", "RULE_NOT_IN_FORCE")]
    assert await snapshot() == before


@pytest.mark.parametrize("make", [_revoked, _taken_down], ids=["revoked", "taken-down"])
async def test_b1_f9_7_f15_a_rule_taken_off_the_portal_is_not_found_for_applicants(
        api: Api, demo: None, make: Any) -> None:
    """Revoked or taken down, a rule is its institution's again (one read policy): to another
    institution and to learners it answers as a rule that does not exist, and nothing changes."""
    s = await scene(api, learners=[("李毅", 1)])
    token = await learner(api, s.holders[0], "13700000001")
    rule_id = await make(api, s)
    before = await snapshot()
    for answer in (await apply_result(api, s.hnu, rule_id, s.ids(0)),
                   await apply_personal_result(api, token, rule_id, s.ids(0)[0]),
                   await api(ELIGIBLE, {"ruleId": rule_id, "first": 10}, token=s.hnu)):
        assert answer.error_codes == ["NOT_FOUND"], answer.body
    assert await snapshot() == before


async def test_f9_7_eligible_learners_of_a_rule_not_in_force_is_a_clear_error(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    rule_id = await _not_yet(api, s)
    answer = await api(ELIGIBLE, {"ruleId": rule_id, "first": 10}, token=s.hnu)
    assert answer.error_codes == ["RULE_NOT_IN_FORCE"], answer.body


# --- F10.1 / F10.2 the review lists ----------------------------------------------------------------


async def test_f10_1_personal_applications_and_institution_batches_are_two_tabs(api: Api, demo: None) -> None:
    s = await scene(api)
    _, own = await personal(api, s, 2, "13700000003")
    batch = (await batch_of(api, s, 0, 1))["batch"]
    personal_tab = await received(api, s.csust, {"kind": "PERSONAL"})
    assert [(r["id"], r["learnerName"], r["batch"]) for r in personal_tab] == [(own["id"], "王小明", None)]
    assert personal_tab[0]["maskedIdNumber"] == f"{s.holders[2].id_number[:6]}*****{s.holders[2].id_number[-4:]}"
    assert personal_tab[0]["source"]["achievement"]["name"] == "学习成果名录3(高级)"
    assert personal_tab[0]["target"]["courses"][0]["name"] == "餐厅创建课程"
    # 机构发起: batch, initiator, source, target, learner count; its learners drill through.
    listed = await batches(api, s.csust)
    assert len(listed) == 1
    row = listed[0]
    assert (row["name"], row["initiator"]["name"], row["learnerCount"]) == (batch["name"], "湖南大学", 2)
    assert [src["achievement"]["name"] for src in row["rule"]["sources"]] == ["学习成果名录3(高级)"]
    assert [c["name"] for c in row["rule"]["targetCourses"]] == ["餐厅创建课程"]
    learners = await received(api, s.csust, {"batchId": batch["id"]})
    assert sorted(r["learnerName"] for r in learners) == ["李二", "李毅"]
    assert {r["kind"] for r in learners} == {"INSTITUTION"}
    # The sub-user of the review module sees the same lists.
    assert {r["id"] for r in await received(api, await teacher(api))} == {r["id"] for r in await received(api, s.csust)}


async def test_f10_2_filters_year_rule_code_learner_name_and_id_number(api: Api, demo: None) -> None:
    s = await scene(api)
    other = await create_rule(api, s.csust, degree_rule([source(s.x_certificate)], [s.course]), publish=True)
    await batch_of(api, s, 0, 1)
    await apply(api, s.hnu, other["id"], s.ids(2))
    everything = await by_name(api, s.csust)
    assert len(await received(api, s.csust)) == 3
    year = datetime.now(SHANGHAI).year
    assert len(await received(api, s.csust, {"year": year})) == 3
    assert await received(api, s.csust, {"year": year - 1}) == []
    assert set(await by_name(api, s.csust, {"ruleCode": s.rule["code"]})) == {"李毅", "李二"}
    assert set(await by_name(api, s.csust, {"ruleCode": other["code"]})) == {"王小明"}
    assert set(await by_name(api, s.csust, {"ruleCode": s.rule["code"][:8]})) == set(everything)
    assert set(await by_name(api, s.csust, {"learnerName": "小明"})) == {"王小明"}
    assert set(await by_name(api, s.csust, {"learnerName": "李"})) == {"李毅", "李二"}
    assert set(await by_name(api, s.csust, {"idNumber": s.holders[1].id_number})) == {"李二"}
    assert set(await by_name(api, s.csust, {"idNumber": s.holders[1].id_number[:6]})) == set(everything)
    assert set(await by_name(api, s.csust, {"learnerName": "李", "ruleCode": other["code"]})) == set()
    assert [b["learnerCount"] for b in await batches(api, s.csust, rule_code=other["code"])] == [1]
    assert [b["learnerCount"] for b in await batches(api, s.csust, rule_code=s.rule["code"])] == [2]
    assert len(await initiated(api, s.hnu, {"learnerName": "王"})) == 1


# --- F10.3 / D1 reviewConversion -------------------------------------------------------------------


async def test_f10_3_d1_pass_and_fail_with_a_reason(api: Api, demo: None) -> None:
    s = await scene(api)
    rows = {a["learnerName"]: a for a in (await batch_of(api, s))["applications"]}
    passed = await review(api, s.csust, "PASSED", ids=[rows["李毅"]["id"]])
    assert (passed["succeeded"], passed["failed"], row_codes(passed)) == (1, 0, {rows["李毅"]["id"]: None})
    failed = await review(api, s.csust, "FAILED", ids=[rows["李二"]["id"]], reason="  证书等级不符  ")
    assert (failed["succeeded"], failed["failed"]) == (1, 0)
    now = await by_name(api, s.csust)
    assert (now["李毅"]["status"], now["李毅"]["failReason"], now["李毅"]["result"] is not None) == ("PASSED", "", True)
    assert (now["李二"]["status"], now["李二"]["failReason"], now["李二"]["result"]) == ("FAILED", "证书等级不符", None)
    assert now["李毅"]["decidedAt"] and now["李二"]["decidedAt"] and now["王小明"]["decidedAt"] is None
    assert [(e["action"], e["reason"]) for e in now["李二"]["history"]] == [("SUBMITTED", ""), ("FAILED", "证书等级不符")]
    assert [a.detail["decision"] for a in await AuditLog.filter(action="application.review").order_by("id")] == [
        "PASSED", "FAILED"]


async def test_f10_3_failing_needs_a_reason_of_at_most_500_characters(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    application = (await batch_of(api, s))["applications"][0]["id"]
    before = await snapshot()
    for reason, expected in ((None, "REASON_REQUIRED"), ("   ", "REASON_REQUIRED"), ("理" * 501, "TOO_LONG")):
        answer = await review_result(api, s.csust, "FAILED", ids=[application], reason=reason)
        assert answer.refused("reviewConversion") == [expected]
        assert answer.data["reviewConversion"]["errors"][0]["field"] == "reason"
        assert await snapshot() == before
    done = await review(api, s.csust, "FAILED", ids=[application], reason="理" * 500)
    assert done["succeeded"] == 1
    assert (await node(api, s.csust, application))["failReason"] == "理" * 500


async def test_f10_3_a_batch_is_reviewed_per_learner_and_all_matching_means_all_pending_of_the_filter(
        api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1), ("李二", 2), ("王小明", 3), ("赵六", 4)])
    _, outside = await personal(api, s, 3, "13700000004")
    batch = await batch_of(api, s, 0, 1, 2)
    rows = {a["learnerName"]: a["id"] for a in batch["applications"]}
    # One learner of the batch first.
    await review(api, s.csust, "PASSED", ids=[rows["李毅"]])
    # Then "all" (不勾选时默认审核全部, sent as allMatching) under the batch's filter: every
    # still-pending row of that batch.
    rest = await review(api, s.csust, "FAILED", filter={"batchId": batch["batch"]["id"]}, reason="材料不全",
                        all_matching=True)
    assert sorted(r["id"] for r in rest["results"]) == sorted([rows["李二"], rows["王小明"]])
    assert (rest["succeeded"], rest["failed"]) == (2, 0)
    statuses = {name: row["status"] for name, row in (await by_name(api, s.csust)).items()}
    assert statuses == {"李毅": "PASSED", "李二": "FAILED", "王小明": "FAILED", "赵六": "PENDING"}
    assert [b["pendingCount"] for b in await batches(api, s.csust)] == [0]
    assert (await node(api, s.csust, outside["id"]))["status"] == "PENDING"
    # A filter with nothing pending left is refused, and nothing changes.
    before = await snapshot()
    for filter in ({"batchId": batch["batch"]["id"]}, {"learnerName": "没有这个人"}, {"kind": "INSTITUTION"}):
        answer = await review_result(api, s.csust, "PASSED", filter=filter, all_matching=True)
        assert answer.refused("reviewConversion") == ["NOTHING_SELECTED"]
    assert await snapshot() == before
    # "All" without a filter: all pending rows of the publisher (the personal one).
    last = await review(api, s.csust, "PASSED", all_matching=True)
    assert [r["id"] for r in last["results"]] == [outside["id"]]


async def test_f10_3_d1_each_row_is_answered(api: Api, demo: None) -> None:
    s = await scene(api)
    rows = {a["learnerName"]: a["id"] for a in (await batch_of(api, s))["applications"]}
    await review(api, s.csust, "PASSED", ids=[rows["李毅"]])
    answer = await review(api, s.csust, "FAILED", reason="不符合",
                          ids=[rows["李毅"], rows["李二"], encode_id("ConversionApplication", 9999)])
    assert row_codes(answer) == {rows["李毅"]: "ALREADY_DECIDED", rows["李二"]: None,
                                 encode_id("ConversionApplication", 9999): "NOT_FOUND"}
    assert [r["id"] for r in answer["results"]] == [rows["李毅"], rows["李二"], encode_id("ConversionApplication", 9999)]
    assert (answer["succeeded"], answer["failed"]) == (1, 2)
    assert (await node(api, s.csust, rows["李毅"]))["status"] == "PASSED"
    # Another institution cannot decide the publisher's rows.
    before = await snapshot()
    foreign = await review(api, s.hnu, "PASSED", ids=[rows["王小明"]])
    assert row_codes(foreign) == {rows["王小明"]: "NOT_FOUND"}
    assert await snapshot() == before
    assert (await node(api, s.csust, rows["王小明"]))["status"] == "PENDING"


async def test_f10_3_a_row_named_twice_is_decided_and_counted_once(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    application = (await batch_of(api, s))["applications"][0]["id"]
    answer = await review(api, s.csust, "PASSED", ids=[application, application])
    assert await decisions(application) == ["PASSED"]
    assert answer["succeeded"] == 1, answer


# --- F10.4 two reviewers at the same moment ----------------------------------------------------------


async def _waiting_for_locks(probe: asyncpg.Connection, count: int) -> None:
    """Until ``count`` other sessions of this database wait for a lock (the reviews reached it)."""
    for _ in range(2000):
        waiting = await probe.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'")
        if waiting >= count:
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"{count} reviews never reached the rows' locks")


async def at_the_same_moment(application_ids: list[int], *actions: Any) -> list[Any]:
    """Run ``actions`` together. On PostgreSQL another session holds the rows until every action
    waits for them, so the reviews truly meet at the rows every run; SQLite runs one writing
    transaction at a time anyway."""
    if backend() != "postgres":
        return list(await asyncio.gather(*actions))
    dsn = os.environ["CREDIT_BANK_TEST_DB_URL"]
    holder, probe = await asyncpg.connect(dsn), await asyncpg.connect(dsn)
    try:
        holding = holder.transaction()
        await holding.start()
        await holder.execute("SELECT id FROM conversion_application WHERE id = ANY($1::int[]) FOR UPDATE",
                             application_ids)
        running = asyncio.gather(*actions)
        try:
            await _waiting_for_locks(probe, len(actions))
        finally:
            await holding.rollback()
        return list(await running)
    finally:
        await holder.close()
        await probe.close()


def decided_rows(answer: Any) -> dict[str, str | None]:
    """A reviewer's per-row answers; a filter that found nothing pending any more (the other
    reviewer came first) decided nothing."""
    payload = answer.payload("reviewConversion")
    if [e["code"] for e in payload["errors"]] == ["NOTHING_SELECTED"]:
        return {}
    return row_codes(answer.ok("reviewConversion"))


@pytest.mark.parametrize("teacher_selects", ["ids", "filter"])
async def test_f10_4_two_reviewers_at_the_same_moment_decide_each_row_once(
        api: Api, demo: None, teacher_selects: str) -> None:
    s = await scene(api)
    applied = await batch_of(api, s)
    ids = [a["id"] for a in applied["applications"]]
    second = await teacher(api)
    selection: dict[str, Any] = {"ids": ids} if teacher_selects == "ids" else {
        "filter": {"batchId": applied["batch"]["id"]}, "all_matching": True}
    main_answer, teacher_answer = await at_the_same_moment(
        [pk(i) for i in ids],
        review_result(api, s.csust, "PASSED", ids=ids),
        review_result(api, second, "FAILED", reason="材料不全", **selection),
    )
    by_main, by_teacher = decided_rows(main_answer), decided_rows(teacher_answer)
    assert by_main or by_teacher
    for application in ids:
        # Exactly one of the two decided it; the other was told it was already decided.
        deciders = [who for who, answers in (("main", by_main), ("teacher", by_teacher))
                    if application in answers and answers[application] is None]
        assert len(deciders) == 1, (application, by_main, by_teacher)
        other = by_teacher if deciders == ["main"] else by_main
        assert other.get(application, "ALREADY_DECIDED") == "ALREADY_DECIDED"
        expected = "PASSED" if deciders == ["main"] else "FAILED"
        assert (await node(api, s.csust, application))["status"] == expected
        assert await decisions(application) == [expected]
        assert await ConversionResult.filter(application_id=pk(application)).count() == (expected == "PASSED")
    assert [b["pendingCount"] for b in await batches(api, s.csust)] == [0]


# --- F10.5 / F11.1 exports --------------------------------------------------------------------------


async def test_f10_5_f11_1_received_and_initiated_rows_are_exported_with_a_code(api: Api, demo: None) -> None:
    s = await scene(api)
    rows = {a["learnerName"]: a["id"] for a in (await batch_of(api, s, 0, 1))["applications"]}
    await review(api, s.csust, "FAILED", ids=[rows["李二"]], reason="证书等级不符")
    # Without a code the export is refused.
    missing = (await api(EXPORT, {"input": {"received": True, "allMatching": True}}, token=s.csust)).payload(
        "exportApplications")
    assert [e["code"] for e in missing["errors"]] == ["REQUIRED"]

    # 机构接收: the selected row only.
    received_export = await export(api, s.csust, CSUST_PHONE, received=True, ids=[rows["李二"]])
    assert (received_export["errors"], received_export["rowCount"]) == ([], 1)
    sheet = read_rows(await download(api, received_export["file"]))
    assert sheet[0] == EXPORT_HEADERS
    row = dict(zip(EXPORT_HEADERS, sheet[1], strict=True))
    assert (row["规则编码"], row["申请类型"], row["学员姓名"], row["身份证号"]) == (
        s.rule["code"], "机构发起", "李二", s.holders[1].id_number)
    assert (row["源成果"], row["个人成果编号"], row["转换状态"], row["不通过原因"]) == (
        "学习成果名录3(高级)", "hn0002", "转换失败", "证书等级不符")
    assert row["批次"] == f"湖南大学{beijing_today()} 批量学员转换"
    assert row["申请时间"].startswith(beijing_today()) and row["审核时间"].startswith(beijing_today())
    audit = await AuditLog.get(action="application.export")
    assert audit.detail["received"] is True and audit.detail["rows"] == 1 and audit.detail["selected"] == 1
    assert audit.actor_id == await account_id(CSUST[0])

    # 机构发起: HNU's rows of the current filter (nothing ticked: "all", allMatching).
    initiated_export = await export(api, s.hnu, HNU_PHONE, received=False, filter={"status": "PENDING"},
                                    allMatching=True)
    assert (initiated_export["errors"], initiated_export["rowCount"]) == ([], 1)
    sheet = read_rows(await download(api, initiated_export["file"]))
    assert [(r[3], r[8]) for r in sheet[1:]] == [("李毅", "审核中")]
    audits = await AuditLog.filter(action="application.export").order_by("id")
    assert [a.detail["received"] for a in audits] == [True, False]
    assert audits[1].actor_id == await account_id(HNU_SYNCED[0])


async def test_f10_5_an_export_of_nothing_is_refused_before_the_code_is_used(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    await batch_of(api, s)
    code = await code_for(api, "EXPORT", token=s.csust, bound_phone=CSUST_PHONE)
    before = await snapshot()
    empty = (await api(EXPORT, {"input": {"received": True, "filter": {"learnerName": "没有这个人"}, "code": code,
                                          "allMatching": True}},
                       token=s.csust)).payload("exportApplications")
    assert [e["code"] for e in empty["errors"]] == ["NOTHING_SELECTED"]
    assert await snapshot() == before
    again = (await api(EXPORT, {"input": {"received": True, "code": code, "allMatching": True}},
                       token=s.csust)).payload(
        "exportApplications")
    assert (again["errors"], again["rowCount"]) == ([], 1)


# --- F11.1 records and history, F11.2 results, B1 versions ---------------------------------------------


async def test_f11_1_initiated_records_show_status_and_the_whole_history(api: Api, demo: None) -> None:
    enums = {e["name"]: {v["value"]: v["label"] for v in e["values"]} for e in (await api(LABELS)).data["labels"]}
    assert enums["ApplicationStatus"] == {"PENDING": "审核中", "PASSED": "转换成功", "FAILED": "转换失败"}
    assert enums["ApplicationKind"] == {"PERSONAL": "个人申请", "INSTITUTION": "机构发起"}
    assert enums["ReviewAction"] == {"SUBMITTED": "提交申请", "PASSED": "审核通过", "FAILED": "审核不通过",
                                     "RE_REVIEW_REQUESTED": "申请复核"}

    s = await scene(api)
    rows = {a["learnerName"]: a["id"] for a in (await batch_of(api, s))["applications"]}
    await review(api, s.csust, "PASSED", ids=[rows["李毅"]])
    await review(api, s.csust, "FAILED", ids=[rows["李二"], rows["王小明"]], reason="证书等级不符")
    await re_review(api, s.hnu, rows["王小明"], "已补充高级证书")
    await review(api, s.csust, "PASSED", ids=[rows["王小明"]])

    records = {r["learnerName"]: r for r in await initiated(api, s.hnu)}
    assert {name: r["status"] for name, r in records.items()} == {
        "李毅": "PASSED", "李二": "FAILED", "王小明": "PASSED"}
    assert [(e["action"], e["reason"]) for e in records["王小明"]["history"]] == [
        ("SUBMITTED", ""), ("FAILED", "证书等级不符"), ("RE_REVIEW_REQUESTED", "已补充高级证书"), ("PASSED", "")]
    assert [e["action"] for e in records["李毅"]["history"]] == ["SUBMITTED", "PASSED"]
    assert {r["learnerName"] for r in await initiated(api, s.hnu, {"status": "FAILED"})} == {"李二"}
    assert {r["learnerName"] for r in await initiated(api, s.hnu, {"status": "PASSED"})} == {"李毅", "王小明"}
    # The publisher's 机构接收 tab has the same rows and history.
    received_rows = await by_name(api, s.csust)
    assert received_rows["王小明"]["history"] == records["王小明"]["history"]


async def test_f11_2_a_passed_row_records_the_learners_result(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    token, application = await personal(api, s, 0, "13700000001")
    await review(api, s.csust, "PASSED", ids=[application["id"]])
    result = (await mine(api, token))[0]["result"]
    assert result["source"] == {
        "learnerAchievement": {"id": s.holders[0].record["id"]},
        "name": "学习成果名录3(高级)", "personalNumber": "hn0001", "issuedOn": "2022-03-01",
        "ruleCode": s.rule["code"], "ruleVersion": 1,
    }
    [course] = result["granted"]["courses"]
    assert (course["name"], course["originalHours"], course["achievement"]["id"]) == ("餐厅创建课程", 32, s.course["id"])
    assert course["originalCredits"] == course["recognisedCredits"] == 4
    assert result["granted"]["majors"] == [] and result["granted"]["certificate"] is None
    assert result["grantedCredits"] == 4
    stored = await ConversionResult.get(application_id=pk(application["id"]))
    assert stored.id_number == s.holders[0].id_number


async def test_b1_an_application_keeps_the_rule_version_in_force_when_it_was_made(api: Api, demo: None) -> None:
    s = await scene(api)
    earlier = (await batch_of(api, s, 0))["applications"][0]
    assert earlier["ruleVersion"] == 1
    # Revoke, edit (another course with more credits, another description), publish again.
    await revoke_rule(api, s.csust, s.rule["id"])
    bigger = await store_course(api, s.csust, "烹饪进阶课程", credits=6)
    edited = await update_result(api, s.csust, s.rule["id"],
                                 degree_rule([source(s.x_certificate, 3)], [bigger], description="第二版"))
    edited.ok("updateConversionRule")
    republished = await act(api, s.csust, PUBLISH, "publishRule", s.rule["id"])
    assert (republished["version"], republished["description"]) == (2, "第二版")

    later = (await batch_of(api, s, 1))["applications"][0]
    assert later["ruleVersion"] == 2
    assert [t["name"] for t in later["target"]["courses"]] == ["烹饪进阶课程"]
    kept = await node(api, s.csust, earlier["id"])
    assert kept["ruleVersion"] == 1 and kept["rule"]["version"] == 2
    assert [t["name"] for t in kept["target"]["courses"]] == ["餐厅创建课程"]
    # Passing the earlier row grants what version 1 offered, not what the rule offers now.
    await review(api, s.csust, "PASSED", ids=[earlier["id"], later["id"]])
    first = (await node(api, s.csust, earlier["id"]))["result"]
    second = (await node(api, s.csust, later["id"]))["result"]
    assert (first["source"]["ruleVersion"], first["grantedCredits"]) == (1, 4)
    assert [c["name"] for c in first["granted"]["courses"]] == ["餐厅创建课程"]
    assert (second["source"]["ruleVersion"], second["grantedCredits"]) == (2, 6)


# --- B4 re-review ------------------------------------------------------------------------------------------


async def test_b4_the_initiator_of_a_failed_batch_row_asks_re_review_once(api: Api, demo: None) -> None:
    s = await scene(api)
    rows = {a["learnerName"]: a["id"] for a in (await batch_of(api, s))["applications"]}
    await review(api, s.csust, "FAILED", ids=[rows["李毅"]], reason="证书等级不符")
    await review(api, s.csust, "PASSED", ids=[rows["李二"]])
    before = await snapshot()
    # Not failed (pending or passed), not the applicant's (the publisher, unknown), or no reason.
    assert (await re_review_result(api, s.hnu, rows["王小明"], "请复核")).refused("requestReReview") == ["NOT_FAILED"]
    assert (await re_review_result(api, s.hnu, rows["李二"], "请复核")).refused("requestReReview") == ["NOT_FAILED"]
    assert (await re_review_result(api, s.csust, rows["李毅"], "请复核")).refused("requestReReview") == ["NOT_APPLICANT"]
    assert (await re_review_result(api, s.hnu, rows["李毅"], "  ")).refused("requestReReview") == ["REQUIRED"]
    assert (await re_review_result(api, s.hnu, rows["李毅"], "理" * 501)).refused("requestReReview") == ["TOO_LONG"]
    assert await snapshot() == before

    back = await re_review(api, s.hnu, rows["李毅"], "已补充材料")
    assert (back["status"], back["reReviewReason"], back["reReviewRequestedAt"] is not None) == (
        "PENDING", "已补充材料", True)
    # Back with the reviewer, among the pending rows.
    pending = await by_name(api, s.csust, {"status": "PENDING"})
    assert set(pending) == {"李毅", "王小明"} and pending["李毅"]["reReviewReason"] == "已补充材料"
    before = await snapshot()
    assert (await re_review_result(api, s.hnu, rows["李毅"], "再次复核")).refused("requestReReview") == ["NOT_FAILED"]
    assert await snapshot() == before
    await review(api, s.csust, "FAILED", ids=[rows["李毅"]], reason="仍不符合")
    before = await snapshot()
    assert (await re_review_result(api, s.hnu, rows["李毅"], "再次复核")).refused("requestReReview") == ["RE_REVIEW_USED"]
    assert await snapshot() == before
    assert (await node(api, s.hnu, rows["李毅"]))["status"] == "FAILED"


async def test_b4_a_learner_asks_re_review_of_their_failed_personal_application(api: Api, demo: None) -> None:
    s = await scene(api)
    token, application = await personal(api, s, 0, "13700000001")
    other_learner, _ = await personal(api, s, 1, "13700000002")
    await review(api, s.csust, "FAILED", ids=[application["id"]], reason="证书等级不符")
    before = await snapshot()
    for someone_else in (other_learner, s.hnu):
        assert (await re_review_result(api, someone_else, application["id"], "请复核")).error_codes == ["NOT_FOUND"]
    # The publisher reads the row: it is told it is not the applicant.
    assert (await re_review_result(api, s.csust, application["id"], "请复核")).refused("requestReReview") == [
        "NOT_APPLICANT"]
    assert await snapshot() == before
    back = await re_review(api, token, application["id"], "证书已更新")
    assert back["status"] == "PENDING"
    pending = await received(api, s.csust, {"kind": "PERSONAL", "status": "PENDING"})
    assert application["id"] in {r["id"] for r in pending}
    await review(api, s.csust, "FAILED", ids=[application["id"]], reason="仍不符合")
    assert (await re_review_result(api, token, application["id"], "再请复核")).refused("requestReReview") == [
        "RE_REVIEW_USED"]
    history = (await mine(api, token))
    mine_row = next(r for r in history if r["id"] == application["id"])
    assert [e["action"] for e in mine_row["history"]] == ["SUBMITTED", "FAILED", "RE_REVIEW_REQUESTED", "FAILED"]


# --- F12.3 messages ----------------------------------------------------------------------------------------


async def test_f12_3_application_events_leave_messages_for_those_concerned(api: Api, demo: None) -> None:
    s = await scene(api)
    csust_users = {await account_id(CSUST[0]), await account_id(CSUST_TEACHER[0])}
    hnu_users = {await account_id(HNU_SYNCED[0])}

    applied = await batch_of(api, s, 0, 1)
    token, own = await personal(api, s, 2, "13700000003")
    learner_account = (await Account.get(username=s.holders[2].id_number)).id
    received_messages = await messages(MessageKind.APPLICATION_RECEIVED)
    assert {m["account_id"] for m in received_messages} == csust_users
    assert {m["object_id"] for m in received_messages} == {applied["batch"]["id"], own["id"]}
    assert len(received_messages) == 2 * len(csust_users)
    assert {m["module"] for m in received_messages} == {"CONVERSION_REVIEW"}

    rows = [a["id"] for a in applied["applications"]]
    await review(api, s.csust, "FAILED", ids=rows + [own["id"]], reason="证书等级不符")
    decided = await messages(MessageKind.APPLICATION_DECIDED)
    assert {m["account_id"] for m in decided} == hnu_users | {learner_account}
    to_learner = [m for m in decided if m["account_id"] == learner_account]
    assert [(m["object_id"], m["body"]) for m in to_learner] == [(own["id"], "证书等级不符")]
    assert all("不通过" in m["title"] for m in decided)
    assert not any(m["account_id"] in csust_users for m in decided)

    await re_review(api, s.hnu, rows[0], "已补充材料")
    await re_review(api, token, own["id"], "证书已更新")
    requested = await messages(MessageKind.REVIEW_REQUESTED)
    assert {m["account_id"] for m in requested} == csust_users
    assert {m["object_id"] for m in requested} == {rows[0], own["id"]}
    assert {m["body"] for m in requested} == {"已补充材料", "证书已更新"}


# --- concurrency of applying -------------------------------------------------------------------------------


async def test_b2_a_batch_and_a_personal_application_at_the_same_moment_leave_one_live_application(
        api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    token = await learner(api, s.holders[0], "13700000001")
    by_batch, by_learner = await asyncio.gather(
        apply_result(api, s.hnu, s.rule["id"], s.ids(0)),
        apply_personal_result(api, token, s.rule["id"], s.ids(0)[0]),
    )
    answers = [by_batch.payload("applyConversion"), by_learner.payload("applyForConversion")]
    assert sorted(bool(a["errors"]) for a in answers) == [False, True], answers
    refused = next(a for a in answers if a["errors"])
    assert [e["code"] for e in refused["errors"]] == ["ALREADY_APPLIED"]
    assert await ConversionApplication.all().count() == 1
    assert await ReviewEvent.all().count() == 1
    assert await ApplicationBatch.all().count() == (0 if by_batch.data["applyConversion"]["errors"] else 1)

