"""Rule matching (B10): a learner sees which published rules their own achievements meet — every
source held (``myMatchingRules``) or some of them (``myPartlyMatchingRules``, with what is
missing) — and the public portal answers which published rules accept an achievement.

The scene: 长沙理工大学 (CSUST) publishes three rules whose sources are 湖南大学's (HNU)
achievements — HNU's certificate → CSUST's course (one source), HNU's course and a second HNU
course → CSUST's course (two sources), HNU's course → CSUST's certificate with two exempt modules —
and HNU publishes one whose source is CSUST's course. The learner 李毅 holds HNU's certificate and
course (stored by HNU, activated by registering). Everything goes through the GraphQL API; the
database is only touched to let time pass over a rule's end date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest

from models.base import SHANGHAI
from models.conversion import ConversionRule, RuleVersion
from resolvers.ids import decode_id, encode_id
from tests.support.api import Api
from tests.support.applications import (
    apply,
    apply_personal,
    review,
)
from tests.support.catalogue import recognize
from tests.support.db import snapshot
from tests.support.learner_records import (
    learner_login,
    person,
    register,
    store_course,
    store_record,
    withdraw,
)
from tests.support.learners import UPDATE as UPDATE_LEARNER
from tests.support.rules import (
    PUBLISH,
    REVOKE,
    TAKE_DOWN,
    World,
    act,
    certificate_rule,
    create_rule,
    degree_rule,
    portal_rules,
    source,
    update_result,
    world,
)

MATCH = """
  fullyMet canApply alreadyApplied
  application { id status }
  rule {
    id code ruleType version inForce institution { id name }
    targetCourses { id name originalCredits }
    targetCertificate { credits achievement { id name } modules { name credits } }
  }
  sources { held source { credits achievement { id name } } records { id personalNumber } }
  missingSources { credits achievement { id name } }
"""
FULLY = f"""
query Fully($filter: RuleMatchFilter, $first: Int, $offset: Int) {{
  myMatchingRules(filter: $filter, first: $first, offset: $offset) {{
    totalCount pageInfo {{ hasNextPage }} nodes {{ {MATCH} }}
  }}
}}
"""
PARTLY = f"""
query Partly($filter: RuleMatchFilter, $first: Int) {{
  myPartlyMatchingRules(filter: $filter, first: $first) {{ totalCount nodes {{ {MATCH} }} }}
}}
"""
LI = ("李毅", person(1), "13700000001")
ZHAO = ("赵四", person(2), "13700000002")


@dataclass
class Scene:
    w: World
    second_course: dict[str, Any]  # HNU's second course: the other source of ``double``
    single: dict[str, Any]
    double: dict[str, Any]
    certificate: dict[str, Any]
    hnu_rule: dict[str, Any]
    learner: str  # 李毅's token
    records: dict[str, dict[str, Any]]  # 李毅's records: "certificate", "course"


async def scene(api: Api) -> Scene:
    w = await world(api, hnu_method=True)
    csust, hnu = w.csust, w.hnu
    second = await store_course(api, hnu.token, "高等数学")
    await recognize(api, w.staff, [second["id"]])
    single = await create_rule(api, csust.token, degree_rule([source(hnu.certificate, 3)], [csust.course]),
                               publish=True)
    double = await create_rule(api, csust.token, degree_rule(
        [source(hnu.course, 2), source(second, 2)], [csust.course], rule_type="DEGREE_TO_DEGREE"), publish=True)
    certificate = await create_rule(api, csust.token, certificate_rule(
        [source(hnu.course)], csust.certificate, credits=6, modules=[("茶叶基础", 2), ("冲泡技艺", 3)]),
        publish=True)
    hnu_rule = await create_rule(api, hnu.token, degree_rule(
        [source(csust.course)], [hnu.course], rule_type="DEGREE_TO_DEGREE"), publish=True)
    records = {
        "certificate": await store_record(api, hnu.token, hnu.certificate["id"], LI[0], LI[1], "HN-C-1"),
        "course": await store_record(api, hnu.token, hnu.course["id"], LI[0], LI[1], "HN-K-1"),
    }
    await register(api, *LI)
    return Scene(w, second, single, double, certificate, hnu_rule, await learner_login(api, LI[1]), records)


async def fully(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """myMatchingRules on one page, by rule code."""
    return await _listed(api, token, FULLY, "myMatchingRules", filter)


async def partly(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    return await _listed(api, token, PARTLY, "myPartlyMatchingRules", filter)


async def _listed(api: Api, token: str, document: str, field: str,
                  filter: dict[str, Any] | None) -> dict[str, dict[str, Any]]:
    result = await api(document, {"filter": filter, "first": 100}, token=token)
    assert not result.errors, result.errors
    found = result.data[field]
    assert found["totalCount"] == len(found["nodes"]), found
    return {node["rule"]["code"]: node for node in found["nodes"]}


def codes(*rules: dict[str, Any]) -> set[str]:
    return {rule["code"] for rule in rules}


def held(match: dict[str, Any]) -> dict[str, list[str]]:
    """Each source's name and the learner's records meeting it."""
    return {s["source"]["achievement"]["name"]: [r["id"] for r in s["records"]] for s in match["sources"]}


# --- what matches, and what it would grant ------------------------------------------------------------


async def test_b10_a_rule_matches_when_every_source_is_held_and_partly_with_what_is_missing(
        api: Api, demo: None) -> None:
    s = await scene(api)
    hnu = s.w.hnu
    matched = await fully(api, s.learner)
    assert set(matched) == codes(s.single, s.certificate)
    one = matched[s.single["code"]]
    assert (one["fullyMet"], one["canApply"], one["alreadyApplied"], one["application"]) == (True, True, False, None)
    assert one["missingSources"] == []
    assert held(one) == {hnu.certificate["name"]: [s.records["certificate"]["id"]]}
    assert [(s_["held"], s_["source"]["credits"]) for s_ in one["sources"]] == [(True, 3.0)]
    # What it would grant: CSUST's course with its credits, or the certificate and its modules.
    assert [(c["name"], c["originalCredits"]) for c in one["rule"]["targetCourses"]] == [("餐厅创建课程", 56.0)]
    assert one["rule"]["institution"]["name"] == "长沙理工大学" and one["rule"]["inForce"] is True
    target = matched[s.certificate["code"]]["rule"]["targetCertificate"]
    assert (target["achievement"]["name"], target["credits"]) == (s.w.csust.certificate["name"], 6.0)
    assert [(m["name"], m["credits"]) for m in target["modules"]] == [("茶叶基础", 2.0), ("冲泡技艺", 3.0)]

    # Two sources, one held: partly met, with the missing one named; not applicable yet.
    some = await partly(api, s.learner)
    assert set(some) == codes(s.double)
    two = some[s.double["code"]]
    assert (two["fullyMet"], two["canApply"]) == (False, False)
    assert [m["achievement"]["name"] for m in two["missingSources"]] == ["高等数学"]
    assert held(two) == {hnu.course["name"]: [s.records["course"]["id"]], "高等数学": []}
    # HNU's rule asks for CSUST's course, which the learner does not hold: in neither list.
    assert s.hnu_rule["code"] not in {**matched, **some}

    # Once the second course is held too, the rule is met.
    await store_record(api, hnu.token, s.second_course["id"], LI[0], LI[1], "HN-K-2")
    assert set(await fully(api, s.learner)) == codes(s.single, s.double, s.certificate)
    assert await partly(api, s.learner) == {}


async def test_b10_every_match_is_one_apply_for_conversion_away_and_then_says_so(api: Api, demo: None) -> None:
    s = await scene(api)
    applied = {}
    for code, match in (await fully(api, s.learner)).items():
        record = match["sources"][0]["records"][0]["id"]
        applied[code] = (await apply_personal(api, s.learner, match["rule"]["id"], record))["id"]
    assert set(applied) == codes(s.single, s.certificate)
    after = await fully(api, s.learner)
    assert {code: (m["alreadyApplied"], m["canApply"], m["application"]) for code, m in after.items()} == {
        code: (True, False, {"id": applied[code], "status": "PENDING"}) for code in applied}
    # A failed application is not live (B2): the learner may apply again.
    await review(api, s.w.csust.token, "FAILED", ids=[applied[s.single["code"]]], reason="证书等级不符")
    again = (await fully(api, s.learner))[s.single["code"]]
    assert (again["alreadyApplied"], again["canApply"], again["application"]) == (False, True, None)


async def test_b10_b2_an_institution_batch_for_the_learner_counts_as_applied(api: Api, demo: None) -> None:
    """B2 holds one live application per person and rule, whoever sent it: HNU's batch for 李毅
    means applyForConversion would be refused, so the match says it is applied."""
    s = await scene(api)
    await apply(api, s.w.hnu.token, s.single["id"], [s.records["certificate"]["id"]])
    match = (await fully(api, s.learner))[s.single["code"]]
    assert (match["alreadyApplied"], match["canApply"]) == (True, False)
    assert (await fully(api, s.learner))[s.certificate["code"]]["alreadyApplied"] is False


# --- whose records count ---------------------------------------------------------------------------------


async def test_b10_withdrawn_records_are_not_held(api: Api, demo: None) -> None:
    s = await scene(api)
    await withdraw(api, s.w.hnu.token, [s.records["certificate"]["id"]])
    assert set(await fully(api, s.learner)) == codes(s.certificate)
    await withdraw(api, s.w.hnu.token, [s.records["course"]["id"]])
    assert await fully(api, s.learner) == {}
    assert await partly(api, s.learner) == {}


async def test_b10_a_record_not_activated_is_not_held_until_it_is_attached(api: Api, demo: None) -> None:
    """CSUST stores its course for 李毅's ID number under another name: the record stays 未激活 and
    unattached (name mismatch), so HNU's rule on that course does not match — until CSUST
    corrects the name and the record is attached to 李毅's account."""
    s = await scene(api)
    csust = s.w.csust
    typo = await store_record(api, csust.token, csust.course["id"], "李一", LI[1], "CS-K-1")
    assert typo["learner"]["status"] == "INACTIVE"
    assert s.hnu_rule["code"] not in {**await fully(api, s.learner), **await partly(api, s.learner)}
    fixed = await api(UPDATE_LEARNER, {"id": typo["learner"]["id"], "input": {"name": LI[0], "idNumber": LI[1]}},
                      token=csust.token)
    assert fixed.ok("updateLearner")["learner"]["status"] == "ACTIVE"
    match = (await fully(api, s.learner))[s.hnu_rule["code"]]
    assert held(match) == {csust.course["name"]: [typo["id"]]}


async def test_b10_another_learners_records_never_count(api: Api, demo: None) -> None:
    s = await scene(api)
    hnu = s.w.hnu
    # 赵四 holds the second course (and nothing else) and has registered too.
    await store_record(api, hnu.token, s.second_course["id"], ZHAO[0], ZHAO[1], "HN-K-9")
    await register(api, *ZHAO)
    zhao = await learner_login(api, ZHAO[1])
    assert set(await fully(api, s.learner)) == codes(s.single, s.certificate)
    assert set(await partly(api, s.learner)) == codes(s.double)
    # 赵四 sees only what 赵四 holds: the two-source rule partly, with 李毅's course missing.
    assert await fully(api, zhao) == {}
    zhao_partly = await partly(api, zhao)
    assert set(zhao_partly) == codes(s.double)
    assert [m["achievement"]["name"] for m in zhao_partly[s.double["code"]]["missingSources"]] == [hnu.course["name"]]
    assert {r["id"] for m in zhao_partly.values() for s_ in m["sources"] for r in s_["records"]} == {
        zhao_partly[s.double["code"]]["sources"][1]["records"][0]["id"]}


# --- which rules: versions (B1) and the period in force --------------------------------------------------


async def test_b10_b1_a_republished_rule_matches_on_its_current_version(api: Api, demo: None) -> None:
    s = await scene(api)
    csust, hnu = s.w.csust, s.w.hnu
    assert s.single["code"] in await fully(api, s.learner)
    # Revoked, the rule is in force nowhere: no match.
    await act(api, csust.token, REVOKE, "revokeConversionRule", s.single["id"])
    assert s.single["code"] not in {**await fully(api, s.learner), **await partly(api, s.learner)}
    # Edited to ask for HNU's diploma (not held) and published again: version 2 asks for it.
    edited = await update_result(api, csust.token, s.single["id"], degree_rule(
        [source(hnu.diploma)], [csust.course], rule_type="DEGREE_TO_DEGREE"))
    edited.ok("updateConversionRule")
    assert s.single["code"] not in {**await fully(api, s.learner), **await partly(api, s.learner)}
    assert (await act(api, csust.token, PUBLISH, "publishRule", s.single["id"]))["version"] == 2
    assert s.single["code"] not in {**await fully(api, s.learner), **await partly(api, s.learner)}
    # The learner earns the diploma: the rule matches on version 2's source.
    diploma = await store_record(api, hnu.token, hnu.diploma["id"], LI[0], LI[1], "HN-D-1")
    match = (await fully(api, s.learner))[s.single["code"]]
    assert match["rule"]["version"] == 2
    assert held(match) == {hnu.diploma["name"]: [diploma["id"]]}


def _beijing_today() -> datetime:
    return datetime.now(SHANGHAI)


async def _expire(rule: dict[str, Any]) -> None:
    """Let time pass over the rule's end date (its period ended yesterday)."""
    yesterday = _beijing_today().date() - timedelta(days=1)
    pk = decode_id(rule["id"], "ConversionRule")
    await ConversionRule.filter(id=pk).update(valid_to=yesterday)
    await RuleVersion.filter(rule_id=pk).update(valid_to=yesterday)


async def test_b10_b1_rules_outside_their_period_or_off_the_portal_do_not_match(api: Api, demo: None) -> None:
    s = await scene(api)
    csust, hnu = s.w.csust, s.w.hnu
    today = _beijing_today().date()
    # Rules the learner would meet, each of them not in force or not published.
    def rule(**fields: Any) -> dict[str, Any]:
        return degree_rule([source(hnu.certificate)], [csust.course], **fields)

    expired = await create_rule(api, csust.token, rule(validFrom="2020-01-01", validTo=today.isoformat()), publish=True)
    await _expire(expired)
    not_yet = await create_rule(api, csust.token, rule(validFrom=(today + timedelta(days=30)).isoformat()),
                                publish=True)
    draft = await create_rule(api, csust.token, rule())
    taken_down = await create_rule(api, csust.token, rule(), publish=True)
    await act(api, s.w.staff, TAKE_DOWN, "takeDownConversionRule", taken_down["id"], reason="信息有误")
    ending_today = await create_rule(api, csust.token, rule(validTo=today.isoformat()), publish=True)
    listed = {**await fully(api, s.learner), **await partly(api, s.learner)}
    assert not codes(expired, not_yet, draft, taken_down) & set(listed)
    assert ending_today["code"] in listed  # the end date is the last day in force


# --- filters, pages ----------------------------------------------------------------------------------------


async def test_b10_filters_by_institution_rule_type_and_target_name_with_total_count(api: Api, demo: None) -> None:
    s = await scene(api)
    csust, hnu = s.w.csust, s.w.hnu
    await store_record(api, csust.token, csust.course["id"], LI[0], LI[1], "CS-K-1")
    everything = codes(s.single, s.certificate, s.hnu_rule)
    assert set(await fully(api, s.learner)) == everything
    assert set(await fully(api, s.learner, {"institutionId": hnu.institution_id})) == codes(s.hnu_rule)
    assert set(await fully(api, s.learner, {"institutionId": csust.institution_id})) == codes(s.single, s.certificate)
    assert set(await fully(api, s.learner, {"institutionName": "湖南"})) == codes(s.hnu_rule)
    assert set(await fully(api, s.learner, {"ruleType": "DEGREE_TO_NON_DEGREE"})) == codes(s.certificate)
    assert set(await fully(api, s.learner, {"targetName": "茶艺"})) == codes(s.certificate)
    assert set(await fully(api, s.learner, {"targetName": hnu.course["name"]})) == codes(s.hnu_rule)
    assert set(await partly(api, s.learner, {"ruleType": "DEGREE_TO_DEGREE"})) == codes(s.double)
    assert await partly(api, s.learner, {"institutionId": hnu.institution_id}) == {}
    # An ID of nothing, or of another type, narrows to nothing.
    assert await fully(api, s.learner, {"institutionId": encode_id("Institution", 999_999)}) == {}
    assert await fully(api, s.learner, {"institutionId": s.single["id"]}) == {}
    # Pages: newest first, totalCount over all of them.
    pages = []
    for offset in range(3):
        result = await api(FULLY, {"first": 1, "offset": offset}, token=s.learner)
        page = result.data["myMatchingRules"]
        assert page["totalCount"] == 3 and page["pageInfo"]["hasNextPage"] is (offset < 2)
        pages += [node["rule"]["code"] for node in page["nodes"]]
    assert pages == [s.hnu_rule["code"], s.certificate["code"], s.single["code"]]


# --- who may ask --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("document", [FULLY, PARTLY], ids=["fully", "partly"])
async def test_b10_only_a_learner_has_matching_rules(api: Api, demo: None, document: str) -> None:
    s = await scene(api)
    before = await snapshot()
    for token, code in ((s.w.csust.token, "FORBIDDEN"), (s.w.staff, "FORBIDDEN"), (None, "UNAUTHENTICATED")):
        answer = await api(document, {"first": 10}, token=token)
        assert answer.error_codes == [code], answer.body
        assert answer.data is None
    assert await snapshot() == before


async def test_b10_a_learner_without_records_matches_nothing(api: Api, demo: None) -> None:
    s = await scene(api)
    await withdraw(api, s.w.hnu.token, [s.records["certificate"]["id"], s.records["course"]["id"]])
    for document, field in ((FULLY, "myMatchingRules"), (PARTLY, "myPartlyMatchingRules")):
        answer = await api(document, {"first": 10}, token=s.learner)
        assert answer.data[field] == {"totalCount": 0, "nodes": [], **(
            {"pageInfo": {"hasNextPage": False}} if field == "myMatchingRules" else {})}


# --- the portal ----------------------------------------------------------------------------------------------


async def test_b10_the_portal_lists_the_rules_accepting_an_achievement_without_login(api: Api, demo: None) -> None:
    s = await scene(api)
    csust, hnu = s.w.csust, s.w.hnu
    draft = await create_rule(api, csust.token, degree_rule(
        [source(hnu.course)], [csust.course], rule_type="DEGREE_TO_DEGREE"))
    expired = await create_rule(api, csust.token, degree_rule(
        [source(hnu.course)], [csust.course], rule_type="DEGREE_TO_DEGREE", validFrom="2020-01-01",
        validTo=_beijing_today().date().isoformat()), publish=True)
    await _expire(expired)
    # By ID: every published rule in force that names it, alone or beside other sources.
    by_id = await portal_rules(api, {"sourceAchievementId": hnu.course["id"]})
    assert {n["code"] for n in by_id["nodes"]} == codes(s.double, s.certificate)
    assert by_id["totalCount"] == 2 and not codes(draft, expired) & {n["code"] for n in by_id["nodes"]}
    assert {n["code"] for n in (await portal_rules(api, {"sourceAchievementId": hnu.certificate["id"]}))["nodes"]} == \
        codes(s.single)
    # By name, and with the other filters.
    by_name = await portal_rules(api, {"sourceName": "高等数"})
    assert {n["code"] for n in by_name["nodes"]} == codes(s.double)
    narrowed = await portal_rules(api, {"sourceAchievementId": hnu.course["id"], "ruleType": "DEGREE_TO_NON_DEGREE"})
    assert {n["code"] for n in narrowed["nodes"]} == codes(s.certificate)
    # An achievement no rule names, an unknown ID, another type's ID: nothing, and no error.
    for value in (csust.diploma["id"], encode_id("Achievement", 999_999), s.single["id"], "not-an-id"):
        assert await portal_rules(api, {"sourceAchievementId": value}) == {"totalCount": 0, "nodes": []}
