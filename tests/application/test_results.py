"""Typed conversion results (F11.2, B1; issue 14 "Typed results with global IDs"): what a rule
version and a decided application recorded comes back as objects — credits as one number type,
global IDs a front end follows with ``node(id:)`` where the read policy lets it, the snapshot's
own values kept when the live achievement is gone — and the types say what counts toward the
granted credits. Also: applying on one's own rule has its own code, and the date filters and rule
codes say that they use the Beijing date."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLInputObjectType, GraphQLObjectType, GraphQLScalarType, get_named_type

from schema import build_schema
from tests.support.api import Api
from tests.support.applications import (
    ELIGIBLE,
    NODE,
    Scene,
    apply,
    apply_refused,
    initiated,
    received,
    review,
    scene,
)
from tests.support.catalogue import DELETE, run_batch
from tests.support.db import snapshot
from tests.support.learner_records import (
    person,
    store_certificate,
    store_course,
    store_diploma,
    store_record,
)
from tests.support.rules import REVOKE, act, certificate_rule, create_rule, degree_rule, source

ACHIEVEMENT_NODE = """query Achievement($id: ID!) { node(id: $id) { __typename id
  ... on Achievement { name originalCredits } ... on LearnerAchievement { personalNumber } } }"""
# A major is not granted credits: its type has none to ask for.
MAJOR_RECOGNISED = """query($id: ID!) { node(id: $id) { ... on ConversionApplication {
  result { granted { majors { recognisedCredits } } } } } }"""


@dataclass
class Story:
    """CSUST publishes a rule from 湖南大学's X certificate to its course 烹饪进阶课程 (5 credits,
    32 hours) — within a major (经济统计学毕业证书(本科), 4 credits, 12 hours) when told; HNU sends
    its learner 李毅 in a batch, CSUST passes it."""

    s: Scene
    rule: dict[str, Any]
    course: dict[str, Any]
    major: dict[str, Any] | None
    application: str


async def story(api: Api, *, with_major: bool = True) -> Story:
    s = await scene(api, learners=[("李毅", 1)])
    # A course of its own in no other published rule: private to CSUST once this rule is revoked.
    course = await store_course(api, s.csust, "烹饪进阶课程", credits=5)
    major = await store_diploma(api, s.csust) if with_major else None
    rule = await create_rule(api, s.csust, degree_rule([source(s.x_certificate)], [course],
                                                       majors=[major] if major else None), publish=True)
    application = (await apply(api, s.hnu, rule["id"], s.ids(0)))["applications"][0]["id"]
    await review(api, s.csust, "PASSED", ids=[application])
    return Story(s=s, rule=rule, course=course, major=major, application=application)


async def read(api: Api, token: str, application: str) -> dict[str, Any]:
    result = await api(NODE, {"id": application}, token=token)
    assert not result.errors, result.errors
    node: dict[str, Any] = result.data["node"]
    return node


async def follow(api: Api, token: str, global_id: str) -> Any:
    return await api(ACHIEVEMENT_NODE, {"id": global_id}, token=token)


def credit_values(body: Any, key: str = "") -> list[tuple[str, Any]]:
    """Every value under a key naming credits or hours, at any depth of an answer."""
    if isinstance(body, dict):
        return [found for k, v in body.items() for found in credit_values(v, k)]
    if isinstance(body, list):
        return [found for item in body for found in credit_values(item, key)]
    return [(key, body)] if key.lower().endswith(("credits", "hours")) else []


# --- global IDs a front end follows ------------------------------------------------------------


async def test_f11_2_b1_the_result_and_target_are_objects_whose_global_ids_node_follows(api: Api, demo: None) -> None:
    st = await story(api)
    assert st.major is not None
    for token in (st.s.csust, st.s.hnu):  # the reviewer and the initiator
        application = await read(api, token, st.application)
        target, result = application["target"], application["result"]
        assert [(t["name"], t["originalHours"], t["originalCredits"], t["achievement"]["id"])
                for t in target["courses"]] == [("烹饪进阶课程", 32, 5.0, st.course["id"])]
        assert [(t["name"], t["originalCredits"], t["achievement"]["id"]) for t in target["majors"]] == [
            (st.major["name"], 4.0, st.major["id"])]
        assert target["certificate"] is None
        [course] = result["granted"]["courses"]
        [major] = result["granted"]["majors"]
        assert (course["achievement"]["id"], major["achievement"]["id"]) == (st.course["id"], st.major["id"])
        assert result["source"]["learnerAchievement"]["id"] == st.s.holders[0].record["id"]
        assert (result["source"]["ruleCode"], result["source"]["ruleVersion"]) == (st.rule["code"], 1)
        # No internal key is left in the answer: every ID is a global one.
        assert "achievementId" not in str(application) and "learnerAchievementId" not in str(application)
        # The granted course's global ID is the course, through node(id:).
        followed = await follow(api, token, course["achievement"]["id"])
        assert followed.data["node"] == {"__typename": "Achievement", "id": st.course["id"],
                                         "name": "烹饪进阶课程", "originalCredits": 5.0}
    # The source record's global ID is the learner achievement, for its holder.
    followed = await follow(api, st.s.hnu, (await read(api, st.s.hnu, st.application))["result"]["source"][
        "learnerAchievement"]["id"])
    assert followed.data["node"] == {"__typename": "LearnerAchievement", "id": st.s.holders[0].record["id"],
                                     "personalNumber": "hn0001"}


async def test_f11_2_a_certificate_result_is_typed_and_grants_its_exempt_modules(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    certificate = await store_certificate(api, s.csust, s.staff, "中式烹调师")
    rule = await create_rule(api, s.csust, certificate_rule(
        [source(s.x_certificate)], certificate, credits=5, modules=[("实操", 2), ("机考", 2.5)],
        rule_type="NON_DEGREE_TO_NON_DEGREE"), publish=True)
    application = (await apply(api, s.hnu, rule["id"], s.ids(0)))["applications"][0]["id"]
    await review(api, s.csust, "PASSED", ids=[application])
    read_back = await read(api, s.csust, application)
    expected = {"name": "中式烹调师", "credits": 5.0, "modules": [{"name": "实操", "credits": 2.0},
                                                            {"name": "机考", "credits": 2.5}],
                "achievement": {"id": certificate["id"], "name": "中式烹调师"}}
    assert read_back["target"] == {"courses": [], "majors": [], "certificate": expected}
    granted = read_back["result"]["granted"]
    assert granted == {"courses": [], "majors": [], "certificate": expected}
    # What counts: the exempt modules, not the certificate's own credits.
    assert read_back["result"]["grantedCredits"] == sum(m["credits"] for m in granted["certificate"]["modules"]) == 4.5
    assert (await follow(api, s.csust, expected["achievement"]["id"])).data["node"]["name"] == "中式烹调师"


# --- what counts toward the granted credits ---------------------------------------------------------


async def test_f11_2_the_major_is_not_summed_with_the_granted_courses(api: Api, demo: None) -> None:
    """A screen that sums what it is shown gets grantedCredits: the major (4 credits) is listed
    apart from the course (5) and has no recognised credits to add."""
    st = await story(api)
    result = (await read(api, st.s.csust, st.application))["result"]
    granted = result["granted"]
    assert [c["recognisedCredits"] for c in granted["courses"]] == [5.0]
    assert [(m["name"], m["originalCredits"]) for m in granted["majors"]] == [("经济统计学毕业证书(本科)", 4.0)]
    assert result["grantedCredits"] == sum(c["recognisedCredits"] for c in granted["courses"]) == 5.0
    answer = await api(MAJOR_RECOGNISED, {"id": st.application}, token=st.s.csust)
    assert answer.error_codes == ["GRAPHQL_VALIDATION_FAILED"], answer.body


async def test_credits_are_one_number_type_on_the_wire_and_in_the_schema(api: Api, demo: None) -> None:
    """Credits are Float and hours Int everywhere — never a decimal string — and no field is
    untyped JSON."""
    st = await story(api)
    for rows in (await received(api, st.s.csust), await initiated(api, st.s.hnu)):
        values = credit_values(rows)
        for key, value in values:
            if value is not None:
                assert isinstance(value, int if key.lower().endswith("hours") else float), (key, value)
        assert len(values) == 10, values  # the target, the grant and the total
    schema = build_schema()._schema
    assert "JSON" not in schema.type_map
    wrong = []
    for type_name, graphql_type in schema.type_map.items():
        if type_name.startswith("__") or not isinstance(graphql_type, GraphQLObjectType | GraphQLInputObjectType):
            continue
        for field_name, field in graphql_type.fields.items():
            places = [(field_name, field.type)] + [(a, arg.type) for a, arg in getattr(field, "args", {}).items()]
            for name, type_ in places:
                named = get_named_type(type_)
                expected = "Int" if name.lower().endswith("hours") else "Float"
                if name.lower().endswith(("credits", "hours")) and (
                        not isinstance(named, GraphQLScalarType) or named.name != expected):
                    wrong.append(f"{type_name}.{name}: {named}")
    assert wrong == []


# --- the read policy over the references ---------------------------------------------------------


async def test_f11_2_another_institution_cannot_follow_the_ids_but_keeps_the_recorded_values(
        api: Api, demo: None) -> None:
    st = await story(api, with_major=False)
    course_id = st.course["id"]
    # Revoked, the rule no longer makes CSUST's unrecognised course public.
    await act(api, st.s.csust, REVOKE, "revokeConversionRule", st.rule["id"])
    as_hnu = await read(api, st.s.hnu, st.application)
    [granted] = as_hnu["result"]["granted"]["courses"]
    [target] = as_hnu["target"]["courses"]
    assert granted == {"name": "烹饪进阶课程", "originalHours": 32, "originalCredits": 5.0,
                       "recognisedCredits": 5.0, "achievement": None}
    assert target == {"name": "烹饪进阶课程", "originalHours": 32, "originalCredits": 5.0, "achievement": None}
    assert as_hnu["result"]["grantedCredits"] == 5.0
    assert (await follow(api, st.s.hnu, course_id)).error_codes == ["NOT_FOUND"]
    assert course_id not in str(as_hnu)
    # Its owner still follows it.
    as_csust = await read(api, st.s.csust, st.application)
    assert as_csust["result"]["granted"]["courses"][0]["achievement"]["id"] == course_id
    # Deleted, the course is nobody's to follow; what the result recorded stays.
    deleted = await run_batch(api, DELETE, "deleteAchievements", st.s.csust, [course_id])
    assert deleted["succeeded"] == 1
    for token in (st.s.csust, st.s.hnu):
        again = await read(api, token, st.application)
        assert again["result"]["granted"]["courses"] == [granted]
        assert again["target"]["courses"] == [target]


# --- applying on one's own rule --------------------------------------------------------------------


async def test_f9_7_applying_on_ones_own_rule_answers_own_rule(api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    own = await store_course(api, s.csust, "本校课程")
    record = await store_record(api, s.csust, own["id"], "张三", person(50), "cs0050")
    before = await snapshot()
    assert await apply_refused(api, s.csust, s.rule["id"], [record["id"]]) == [("ruleId", "OWN_RULE")]
    answer = await api("""mutation($input: ApplyConversionInput!) { applyConversion(input: $input) {
        errors { field code message } } }""", {"input": {"ruleId": s.rule["id"], "learnerAchievementIds": [
        record["id"]]}}, token=s.csust)
    assert answer.data["applyConversion"]["errors"] == [
        {"field": "ruleId", "code": "OWN_RULE", "message": "不能对本机构发布的规则发起转换"}]
    assert await snapshot() == before
    # Listing whom it could apply for on its own rule is answered the same way.
    listed = await api(ELIGIBLE, {"ruleId": s.rule["id"], "first": 10}, token=s.csust)
    assert listed.error_codes == ["OWN_RULE"], listed.body


# --- Beijing dates -----------------------------------------------------------------------------------


def test_date_filters_and_rule_codes_say_they_use_the_beijing_date() -> None:
    schema = build_schema()._schema
    missing = []
    for type_name, graphql_type in schema.type_map.items():
        if not isinstance(graphql_type, GraphQLObjectType | GraphQLInputObjectType) or type_name.startswith("__"):
            continue
        is_filter = isinstance(graphql_type, GraphQLInputObjectType) and type_name.endswith("Filter")
        for field_name, field in graphql_type.fields.items():
            named = get_named_type(field.type).name
            dated = is_filter and (named == "Date" or field_name.lower().endswith("year"))
            coded = field_name == "ruleCode" or (field_name == "code" and "Rule" in type_name)
            if (dated or coded) and "北京时间" not in (field.description or ""):
                missing.append(f"{type_name}.{field_name}")
            for arg_name, arg in getattr(field, "args", {}).items():
                arg_type = get_named_type(arg.type).name
                if ((arg_type == "Date" or arg_name.lower().endswith("year") or arg_name == "ruleCode")
                        and "北京时间" not in (arg.description or "")):
                    missing.append(f"{type_name}.{field_name}({arg_name})")
    assert missing == []
