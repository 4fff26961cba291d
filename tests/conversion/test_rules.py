"""Conversion rules 转换规则 (manual 2.3.2): the four rule types and what a rule is made of (F9.2,
F9.3), rule codes (F9.4), save / publish / revoke / modify / delete and the staff take-down
(F9.5, F16), ``publishRule``'s completeness checks (D1), effective periods and versions (B1), the
two lists (F9.1), the detail (F9.6), the public portal (F17) and the account-centre counts (F3.1).
Everything goes through the GraphQL API; the database is only read, to prove what was kept (and,
on PostgreSQL, to hold a rule's row lock so two requests meet in a known order)."""

from __future__ import annotations

import asyncio
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest

from models.account import Account
from models.base import SHANGHAI
from models.conversion import (
    ConversionRule,
    ExemptModule,
    RuleCodeCounter,
    RuleSource,
    RuleTarget,
    RuleVersion,
)
from models.message import Message, MessageKind
from resolvers.ids import decode_id, encode_id
from server.settings import Settings
from tests.support.api import Api
from tests.support.catalogue import DELETE as DELETE_ACHIEVEMENTS
from tests.support.catalogue import NODE as ACHIEVEMENT_NODE
from tests.support.catalogue import certificate_input, recognize, run_batch, store, store_course
from tests.support.db import backend, snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, login
from tests.support.rules import (
    CREATE,
    DELETE,
    DELETE_METHOD,
    NODE,
    PDF_TYPE,
    PUBLISH,
    REVOKE,
    RULE_COUNTS,
    RULE_FILE,
    RULE_PDF,
    TAKE_DOWN,
    World,
    act,
    act_refused,
    certificate_rule,
    codes,
    create_refused,
    create_result,
    create_rule,
    degree_rule,
    my_rules,
    portal_rules,
    refusal,
    related_rules,
    source,
    synced_x_certificate,
    update_result,
    upload_method,
    world,
)

LABELS = '{ labels(names: ["RuleType", "PublishStatus"]) { name values { value label } } }'


# --- shared steps ---------------------------------------------------------------------------


def beijing_today() -> date:
    return datetime.now(SHANGHAI).date()


def pk(global_id: str, type_name: str = "ConversionRule") -> int:
    return decode_id(global_id, type_name)


def basic_rule(w: World, **fields: Any) -> dict[str, Any]:
    """非学历转学历: HNU's certificate (5 credits) to CSUST's major and course."""
    return degree_rule([source(w.hnu.certificate)], [w.csust.course], majors=[w.csust.diploma], **fields)


async def rule_in(api: Api, w: World, status: str, input: dict[str, Any] | None = None) -> dict[str, Any]:
    """A CSUST rule brought to ``status`` the way the screens do it."""
    rule = await create_rule(api, w.csust.token, input or basic_rule(w), publish=status != "UNSUBMITTED")
    if status == "UNPUBLISHED":
        rule = await act(api, w.csust.token, REVOKE, "revokeConversionRule", rule["id"])
    elif status == "TAKEN_DOWN":
        rule = await act(api, w.staff, TAKE_DOWN, "takeDownConversionRule", rule["id"], reason="信息有误")
    assert rule["status"] == status
    return rule


async def detail(api: Api, token: str | None, rule_id: str) -> Any:
    return await api(NODE, {"id": rule_id}, token=token)


async def delete_achievement(api: Api, token: str, achievement_id: str) -> None:
    answer = await run_batch(api, DELETE_ACHIEVEMENTS, "deleteAchievements", token, [achievement_id])
    assert answer["succeeded"] == 1, answer


# --- F9.2 / F9.3 making a rule ----------------------------------------------------------------


async def test_f9_2_rule_types_and_statuses_carry_the_manuals_labels(api: Api) -> None:
    enums = {e["name"]: {v["value"]: v["label"] for v in e["values"]}
             for e in (await api(LABELS)).data["labels"]}
    assert enums["RuleType"] == {
        "NON_DEGREE_TO_DEGREE": "非学历转学历",
        "DEGREE_TO_NON_DEGREE": "学历转非学历",
        "DEGREE_TO_DEGREE": "学历转学历",
        "NON_DEGREE_TO_NON_DEGREE": "非学历转非学历",
    }
    assert enums["PublishStatus"] == {
        "UNSUBMITTED": "未提交", "PUBLISHED": "已发布", "UNPUBLISHED": "未发布", "TAKEN_DOWN": "下架",
    }


@pytest.mark.parametrize("rule_type", ["NON_DEGREE_TO_DEGREE", "DEGREE_TO_DEGREE",
                                       "DEGREE_TO_NON_DEGREE", "NON_DEGREE_TO_NON_DEGREE"])
async def test_f9_2_f9_3_each_rule_type_is_made_and_published(api: Api, demo: None, rule_type: str) -> None:
    w = await world(api)
    x_certificate = await synced_x_certificate(api, w.staff, w.csust.token)
    assert (x_certificate["category"], x_certificate["recognitionStatus"]) == ("NON_DEGREE", "RECOGNIZED")
    modules = [("实操", 2), ("机考", 2.5)]
    inputs = {
        # Sources of another institution and of the publisher itself, as the manual's rows.
        "NON_DEGREE_TO_DEGREE": degree_rule([source(w.hnu.certificate, 5), source(x_certificate, 7)],
                                            [w.csust.course], majors=[w.csust.diploma]),
        "DEGREE_TO_DEGREE": degree_rule([source(w.hnu.course, 4), source(w.hnu.diploma, 2.5)],
                                        [w.csust.course], rule_type="DEGREE_TO_DEGREE"),
        "DEGREE_TO_NON_DEGREE": certificate_rule([source(w.hnu.diploma, 5)], w.csust.certificate,
                                                 credits=5, modules=modules),
        "NON_DEGREE_TO_NON_DEGREE": certificate_rule([source(x_certificate, 3)], w.csust.certificate,
                                                     credits=6, modules=modules,
                                                     rule_type="NON_DEGREE_TO_NON_DEGREE"),
    }
    input = inputs[rule_type]
    rule = await create_rule(api, w.csust.token, input, publish=True)

    assert (rule["ruleType"], rule["status"], rule["version"]) == (rule_type, "PUBLISHED", 1)
    assert sorted((s["achievement"]["id"], s["credits"]) for s in rule["sources"]) == sorted(
        (s["achievementId"], float(s["credits"])) for s in input["sources"]
    )
    stored = await ConversionRule.get(id=pk(rule["id"]))
    kinds = sorted(await RuleTarget.filter(rule_id=stored.id).values_list("kind", flat=True))
    if rule_type.endswith("TO_DEGREE"):
        assert rule["targetCertificate"] is None
        assert [c["id"] for c in rule["targetCourses"]] == [w.csust.course["id"]]
        assert kinds == (["COURSE", "MAJOR"] if input["targetMajorIds"] else ["COURSE"])
        assert await ExemptModule.filter(rule_id=stored.id).count() == 0
    else:
        assert rule["targetCourses"] == [] and rule["targetMajors"] == []
        target = rule["targetCertificate"]
        assert target["achievement"]["id"] == w.csust.certificate["id"]
        assert target["credits"] == float(input["targetCertificate"]["credits"])
        assert [(m["name"], m["credits"]) for m in target["modules"]] == [("实操", 2.0), ("机考", 2.5)]
        assert kinds == ["CERTIFICATE"]
    assert await RuleSource.filter(rule_id=stored.id).count() == len(input["sources"])
    assert codes(await portal_rules(api, {"ruleType": rule_type})) == {rule["code"]}


@pytest.mark.parametrize(("rule_type", "which"), [
    ("NON_DEGREE_TO_DEGREE", "diploma"),
    ("NON_DEGREE_TO_DEGREE", "course"),
    ("NON_DEGREE_TO_NON_DEGREE", "course"),
    ("DEGREE_TO_DEGREE", "certificate"),
    ("DEGREE_TO_NON_DEGREE", "certificate"),
])
async def test_f9_3_source_category_must_match_the_rule_type(api: Api, demo: None, rule_type: str,
                                                            which: str) -> None:
    w = await world(api)
    wrong = getattr(w.hnu, which)
    input = (degree_rule([source(wrong)], [w.csust.course], rule_type=rule_type)
             if rule_type.endswith("TO_DEGREE")
             else certificate_rule([source(wrong)], w.csust.certificate, rule_type=rule_type))
    before = await snapshot()
    assert await create_refused(api, w.csust.token, input) == [("sources.0.achievementId", "SOURCE_CATEGORY")]
    assert await create_refused(api, w.csust.token, input, publish=True) == [
        ("sources.0.achievementId", "SOURCE_CATEGORY")]
    assert await snapshot() == before


async def test_f9_3_deleted_or_unknown_source_is_refused(api: Api, demo: None) -> None:
    w = await world(api, recognised=False)
    await delete_achievement(api, w.hnu.token, w.hnu.certificate["id"])
    before = await snapshot()
    for missing in (w.hnu.certificate["id"],                       # deleted by its institution
                    encode_id("Achievement", 999999),               # never existed
                    w.csust.extra["method"]["id"],                  # not an achievement
                    "not-an-id"):
        input = degree_rule([source({"id": missing})], [w.csust.course])
        assert await create_refused(api, w.csust.token, input) == [("sources.0.achievementId", "SOURCE_NOT_FOUND")]
    assert await snapshot() == before


async def test_f9_3_another_institutions_private_achievement_is_answered_as_a_missing_source(
        api: Api, demo: None) -> None:
    """A source is an achievement the publisher may see (DESIGN, Security rules): another
    institution's unrecognised achievement, in no published rule, is answered exactly as an ID
    that matches nothing — same field, code and message, no name — on create and update, with
    or without publishing, and nothing is stored. Once the bank recognises it (the public
    catalogue), it may be a source."""
    w = await world(api, recognised=False)
    private = w.hnu.certificate
    missing = encode_id("Achievement", 999_999)
    draft = await create_rule(api, w.csust.token, degree_rule([source(w.csust.certificate)], [w.csust.course]))
    before = await snapshot()
    for publish in (False, True):
        answers = []
        for achievement_id in (private["id"], missing):
            input = degree_rule([source({"id": achievement_id})], [w.csust.course])
            created = (await create_result(api, w.csust.token, input, publish=publish)).payload(
                "createConversionRule")
            updated = (await update_result(api, w.csust.token, draft["id"], input)).payload(
                "updateConversionRule")
            answers.append((created, updated))
        assert answers[0] == answers[1], answers
        assert refusal(answers[0][0]) == [("sources.0.achievementId", "SOURCE_NOT_FOUND")]
        assert private["name"] not in str(answers[0])
    assert await snapshot() == before

    await recognize(api, w.staff, [private["id"]])
    rule = await create_rule(api, w.csust.token, degree_rule([source(private)], [w.csust.course]))
    assert [s["achievement"]["id"] for s in rule["sources"]] == [private["id"]]


async def test_f4_1_holder_counts_of_another_institutions_achievement_are_not_shown(
        api: Api, demo: None) -> None:
    """The learner count and related-rule count of an achievement are its institution's (and
    the staff's): read through another institution's rule they are null; its owner reads them."""
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    through_rule = """query($id: ID!) { node(id: $id) { ... on ConversionRule {
      sources { achievement { id learnerCount relatedRuleCount } } } } }"""
    for reader in (w.csust.token, None):  # the publisher, and the portal's visitor
        [seen] = (await api(through_rule, {"id": rule["id"]}, token=reader)).data["node"]["sources"]
        assert (seen["achievement"]["learnerCount"], seen["achievement"]["relatedRuleCount"]) == (None, None)
    source_id = seen["achievement"]["id"]
    counts = "query($id: ID!) { node(id: $id) { ... on Achievement { learnerCount relatedRuleCount } } }"
    assert (await api(counts, {"id": source_id}, token=w.csust.token)).data["node"] == {
        "learnerCount": None, "relatedRuleCount": None}
    assert (await api(counts, {"id": source_id}, token=w.hnu.token)).data["node"] == {
        "learnerCount": 0, "relatedRuleCount": 1}
    assert (await api(counts, {"id": source_id}, token=w.staff)).data["node"] == {
        "learnerCount": 0, "relatedRuleCount": 1}


async def test_f9_3_same_source_twice_is_refused(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    input = degree_rule([source(w.hnu.certificate, 5), source(w.hnu.certificate, 3)], [w.csust.course])
    assert await create_refused(api, w.csust.token, input) == [("sources.1.achievementId", "DUPLICATE_ITEM")]
    assert await snapshot() == before


async def test_f9_3_targets_must_be_the_publishers_own(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    cases = [
        (degree_rule([source(w.hnu.certificate)], [w.hnu.course]), "targetCourseIds.0"),
        (degree_rule([source(w.hnu.certificate)], [w.csust.course], majors=[w.hnu.diploma]), "targetMajorIds.0"),
        (degree_rule([source(w.hnu.certificate)], [{"id": encode_id("Achievement", 999999)}]), "targetCourseIds.0"),
        (certificate_rule([source(w.hnu.diploma)], w.hnu.certificate), "targetCertificate.achievementId"),
    ]
    for input, field in cases:
        assert await create_refused(api, w.csust.token, input) == [(field, "TARGET_NOT_FOUND")]
    assert await snapshot() == before


async def test_f9_3_targets_must_fit_the_rule_type(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    cases = [
        # A diploma is a major, not a course; a course is not a major.
        (degree_rule([source(w.hnu.certificate)], [w.csust.diploma]), "targetCourseIds.0"),
        (degree_rule([source(w.hnu.certificate)], [w.csust.course], majors=[w.csust.course]), "targetMajorIds.0"),
        # A degree achievement is not a non-degree target certificate.
        (certificate_rule([source(w.hnu.diploma)], w.csust.diploma), "targetCertificate.achievementId"),
    ]
    for input, field in cases:
        assert await create_refused(api, w.csust.token, input) == [(field, "TARGET_CATEGORY")]
    assert await snapshot() == before


@pytest.mark.parametrize("credits", [0, -1, -0.5])
async def test_f9_3_zero_or_negative_credits_are_refused(api: Api, demo: None, credits: float) -> None:
    w = await world(api)
    before = await snapshot()
    assert await create_refused(api, w.csust.token, degree_rule(
        [source(w.hnu.certificate, credits)], [w.csust.course])) == [("sources.0.credits", "OUT_OF_RANGE")]
    assert await create_refused(api, w.csust.token, certificate_rule(
        [source(w.hnu.diploma)], w.csust.certificate, credits=credits)) == [
        ("targetCertificate.credits", "OUT_OF_RANGE")]
    assert await create_refused(api, w.csust.token, certificate_rule(
        [source(w.hnu.diploma)], w.csust.certificate, credits=5, modules=[("实操", credits)])) == [
        ("targetCertificate.modules.0.credits", "OUT_OF_RANGE")]
    assert await snapshot() == before


async def test_f9_3_credits_must_be_given(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    assert await create_refused(api, w.csust.token, degree_rule(
        [source(w.hnu.certificate, None)], [w.csust.course])) == [("sources.0.credits", "REQUIRED")]
    assert await create_refused(api, w.csust.token, certificate_rule(
        [source(w.hnu.diploma)], w.csust.certificate, credits=None)) == [("targetCertificate.credits", "REQUIRED")]
    assert await snapshot() == before


async def test_f9_3_exempt_modules_may_not_exceed_the_certificates_credits(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    too_much = certificate_rule([source(w.hnu.diploma)], w.csust.certificate, credits=5,
                                modules=[("实操", 3), ("机考", 2.5)])
    assert await create_refused(api, w.csust.token, too_much) == [
        ("targetCertificate.modules", "MODULE_CREDITS_EXCEED")]
    assert await create_refused(api, w.csust.token, too_much, publish=True) == [
        ("targetCertificate.modules", "MODULE_CREDITS_EXCEED")]
    assert await snapshot() == before
    exact = certificate_rule([source(w.hnu.diploma)], w.csust.certificate, credits=5,
                             modules=[("实操", 2.5), ("机考", 2.5)])
    rule = await create_rule(api, w.csust.token, exact, publish=True)
    assert sum(m["credits"] for m in rule["targetCertificate"]["modules"]) == rule["targetCertificate"]["credits"] == 5


async def test_f9_3_a_method_must_be_uploaded_first(api: Api, demo: None) -> None:
    w = await world(api, csust_method=False)
    before = await snapshot()
    assert set(await create_refused(api, w.csust.token, basic_rule(w))) == {
        (None, "METHOD_REQUIRED"), ("securityCommitmentAccepted", "SECURITY_COMMITMENT_REQUIRED")}
    assert await create_refused(api, w.csust.token, basic_rule(w, securityCommitmentAccepted=True),
                                publish=True) == [(None, "METHOD_REQUIRED")]
    assert await snapshot() == before
    # The method upload accepts the security commitment; from then on only the pledge is asked.
    await upload_method(api, w.csust.token)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    assert rule["status"] == "PUBLISHED"


async def test_f9_3_every_save_needs_the_pledge(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    for publish in (False, True):
        assert await create_refused(api, w.csust.token, basic_rule(w, pledgeAccepted=False), publish=publish) == [
            ("pledgeAccepted", "PLEDGE_REQUIRED")]
    assert await snapshot() == before
    rule = await create_rule(api, w.csust.token, basic_rule(w))
    before = await snapshot()
    refused = await update_result(api, w.csust.token, rule["id"], basic_rule(w, pledgeAccepted=False,
                                                                              description="改"))
    assert refusal(refused.payload("updateConversionRule")) == [("pledgeAccepted", "PLEDGE_REQUIRED")]
    assert await snapshot() == before


@pytest.mark.parametrize(("name", "content", "code"), [
    ("转换规则.pdf", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "NOT_A_PDF"),         # a renamed image
    ("转换规则.pdf", b"PK\x03\x04" + b"\x00" * 64, "NOT_A_PDF"),                 # a renamed .docx
    ("转换规则.pdf", RULE_PDF[: len(RULE_PDF) // 2], "NOT_A_PDF"),               # cut short
    ("转换规则.pdf", b"", "FILE_EMPTY"),
])
async def test_f9_3_rule_file_is_checked_by_content(api: Api, demo: None, name: str, content: bytes,
                                                   code: str) -> None:
    w = await world(api)
    before = await snapshot()
    for publish in (False, True):
        assert await create_refused(api, w.csust.token, basic_rule(w), publish=publish,
                                    file=(name, content, PDF_TYPE)) == [("file", code)]
    assert await snapshot() == before
    rule = await create_rule(api, w.csust.token, basic_rule(w), file=None)
    before = await snapshot()
    refused = await update_result(api, w.csust.token, rule["id"], basic_rule(w), file=(name, content, PDF_TYPE))
    assert refusal(refused.payload("updateConversionRule")) == [("file", code)]
    assert await snapshot() == before


async def test_f9_3_a_real_pdf_is_accepted_whatever_its_name(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True,
                             file=("盖章规则.bin", RULE_PDF, "application/octet-stream"))
    assert rule["file"]["filename"] == "盖章规则.pdf"  # named by the type it was checked as
    assert (await api.client.get(rule["file"]["url"])).content == RULE_PDF


def pdf_of_size(size: int) -> bytes:
    """A well-formed PDF padded with a comment to exactly ``size`` bytes."""
    tail = b"%%EOF\n"
    body = RULE_PDF[: -len(tail)]
    padding = size - len(body) - len(tail) - 2
    return body + b"%" + b"0" * padding + b"\n" + tail


async def test_f9_3_rule_file_of_11_mb_is_refused(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    big = pdf_of_size(11 * 1024 * 1024)
    assert big.startswith(b"%PDF-") and big.endswith(b"%%EOF\n")
    assert await create_refused(api, w.csust.token, basic_rule(w), publish=True,
                                file=("转换规则.pdf", big, PDF_TYPE)) == [("file", "FILE_TOO_LARGE")]
    assert await snapshot() == before
    at_limit = pdf_of_size(10 * 1024 * 1024)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True,
                             file=("转换规则.pdf", at_limit, PDF_TYPE))
    assert rule["status"] == "PUBLISHED"


async def test_f9_3_only_institution_users_make_rules(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    assert (await create_result(api, w.staff, basic_rule(w))).error_codes == ["FORBIDDEN"]
    assert (await api(CREATE, {"input": basic_rule(w)})).error_codes == ["UNAUTHENTICATED"]
    assert await snapshot() == before
    # A sub-user makes rules for its institution.
    teacher = await login(api, *CSUST_TEACHER)
    rule = await create_rule(api, teacher, basic_rule(w))
    assert rule["institution"]["id"] == w.csust.institution_id
    assert rule["code"] in codes(await my_rules(api, w.csust.token))


# --- F9.4 rule codes --------------------------------------------------------------------------


async def test_f9_4_codes_are_the_beijing_date_and_a_daily_sequence(api: Api, demo: None) -> None:
    w = await world(api)
    day_before = beijing_today().strftime("%Y%m%d")
    first = await create_rule(api, w.csust.token, basic_rule(w))
    # A refused publication keeps nothing, not even a number of the day's sequence.
    assert await create_refused(api, w.csust.token, basic_rule(w), publish=True, file=None) == [
        ("file", "RULE_FILE_REQUIRED")]
    second = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    teacher = await login(api, *CSUST_TEACHER)
    third = await create_rule(api, teacher, basic_rule(w))
    day_after = beijing_today().strftime("%Y%m%d")
    made = [first["code"], second["code"], third["code"]]
    for code in made:
        assert re.fullmatch(r"\d{12}", code), code
        assert code[:8] in {day_before, day_after}
    if day_before == day_after:
        assert made == [f"{day_before}0001", f"{day_before}0002", f"{day_before}0003"]
    assert sorted(await ConversionRule.all().values_list("code", flat=True)) == sorted(made)


async def test_f9_4_fifty_concurrent_creations_get_fifty_distinct_codes(api: Api, demo: None) -> None:
    w = await world(api)
    day_before = beijing_today().strftime("%Y%m%d")
    results = await asyncio.gather(*(
        create_result(api, w.csust.token, basic_rule(w, description=f"规则{n}"), file=None) for n in range(50)
    ))
    day_after = beijing_today().strftime("%Y%m%d")
    made = [result.ok("createConversionRule")["rule"]["code"] for result in results]
    assert len(set(made)) == 50
    assert await ConversionRule.all().count() == 50
    assert sorted(await ConversionRule.all().values_list("code", flat=True)) == sorted(made)
    if day_before == day_after:
        # Consecutive: the day's numbers 0001..0050, none skipped, none twice.
        assert sorted(made) == [f"{day_before}{n:04d}" for n in range(1, 51)]
        assert (await RuleCodeCounter.get(day=day_before)).last_number == 50


# --- F9.5 save, publish, revoke, modify, delete, take down -----------------------------------


async def test_f9_5_save_keeps_the_rule_unsubmitted_even_incomplete(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, {"ruleType": "NON_DEGREE_TO_DEGREE", "pledgeAccepted": True},
                             file=None)
    assert (rule["status"], rule["version"], rule["publishedAt"], rule["inForce"]) == ("UNSUBMITTED", 0, None, False)
    assert (rule["sources"], rule["targetCourses"], rule["file"]) == ([], [], None)
    assert rule["validFrom"] == beijing_today().isoformat() or rule["validFrom"] == (
        beijing_today() - timedelta(days=1)).isoformat()
    assert codes(await my_rules(api, w.csust.token)) == {rule["code"]}
    assert (await portal_rules(api))["totalCount"] == 0
    assert await RuleVersion.all().count() == 0


async def test_f9_5_publishing_at_creation_keeps_nothing_when_refused(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    no_course = degree_rule([source(w.hnu.certificate)], [], majors=[w.csust.diploma])
    assert await create_refused(api, w.csust.token, no_course, publish=True, file=None) == [
        ("targetCourseIds", "TARGET_COURSE_REQUIRED"), ("file", "RULE_FILE_REQUIRED")]
    assert await create_refused(api, w.csust.token, no_course, publish=True) == [
        ("targetCourseIds", "TARGET_COURSE_REQUIRED")]
    assert await snapshot() == before
    # The same rule can still be saved (未提交): saving asks validity, publishing completeness.
    saved = await create_rule(api, w.csust.token, no_course)
    assert saved["status"] == "UNSUBMITTED"


def stored_files(settings: Settings) -> list[Path]:
    return sorted(path for path in Path(settings.file_dir).rglob("*") if path.is_file())


async def test_f9_5_a_refused_rule_file_is_not_stored(api: Api, demo: None, settings: Settings) -> None:
    w = await world(api)
    before = stored_files(settings)
    await create_refused(api, w.csust.token, basic_rule(w, pledgeAccepted=False), publish=True)
    await create_refused(api, w.csust.token, basic_rule(w), file=("转换规则.pdf", b"not a pdf", PDF_TYPE))
    assert stored_files(settings) == before
    await create_rule(api, w.csust.token, basic_rule(w))
    assert len(stored_files(settings)) == len(before) + 1


async def test_f9_5_a_refused_publication_at_creation_keeps_no_file(api: Api, demo: None,
                                                                   settings: Settings) -> None:
    w = await world(api)
    before = stored_files(settings)
    no_course = degree_rule([source(w.hnu.certificate)], [], majors=[w.csust.diploma])
    assert await create_refused(api, w.csust.token, no_course, publish=True) == [
        ("targetCourseIds", "TARGET_COURSE_REQUIRED")]
    assert stored_files(settings) == before


async def test_f9_5_revoke_makes_the_rule_unpublished_and_takes_it_off_the_portal(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    assert codes(await portal_rules(api)) == {rule["code"]}
    assert (await detail(api, w.hnu.token, rule["id"])).data["node"]["code"] == rule["code"]

    revoked = await act(api, w.csust.token, REVOKE, "revokeConversionRule", rule["id"])
    assert (revoked["status"], revoked["inForce"], revoked["version"]) == ("UNPUBLISHED", False, 1)
    assert (await portal_rules(api))["totalCount"] == 0
    assert (await detail(api, w.hnu.token, rule["id"])).error_codes == ["NOT_FOUND"]
    assert codes(await my_rules(api, w.csust.token, {"status": "UNPUBLISHED"})) == {rule["code"]}

    before = await snapshot()
    assert await act_refused(api, w.csust.token, REVOKE, "revokeConversionRule", rule["id"]) == [
        ("id", "STATUS_FORBIDS")]
    assert await snapshot() == before


async def test_f9_5_a_published_rule_is_neither_modified_nor_deleted(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    before = await snapshot()
    changed = basic_rule(w, description="改过的说明")
    for file in (None, RULE_FILE):
        refused = await update_result(api, w.csust.token, rule["id"], changed, file=file)
        assert refusal(refused.payload("updateConversionRule")) == [("id", "STATUS_FORBIDS")]
    assert await act_refused(api, w.csust.token, DELETE, "deleteConversionRule", rule["id"]) == [
        ("id", "STATUS_FORBIDS")]
    assert await act_refused(api, w.csust.token, PUBLISH, "publishRule", rule["id"]) == [("id", "STATUS_FORBIDS")]
    assert await snapshot() == before


@pytest.mark.parametrize(("status", "after"), [
    ("UNSUBMITTED", "UNSUBMITTED"), ("UNPUBLISHED", "UNPUBLISHED"), ("TAKEN_DOWN", "UNPUBLISHED"),
])
async def test_f9_5_modify_in_unsubmitted_unpublished_and_taken_down(api: Api, demo: None, status: str,
                                                                    after: str) -> None:
    w = await world(api)
    rule = await rule_in(api, w, status)
    changed = certificate_rule([source(w.hnu.diploma, 6)], w.csust.certificate, credits=4,
                               modules=[("实操", 2)], description="修改后的说明")
    result = await update_result(api, w.csust.token, rule["id"], changed)
    updated = result.ok("updateConversionRule")["rule"]
    assert (updated["status"], updated["code"], updated["ruleType"]) == (after, rule["code"], "DEGREE_TO_NON_DEGREE")
    assert updated["description"] == "修改后的说明"
    assert [(s["achievement"]["id"], s["credits"]) for s in updated["sources"]] == [(w.hnu.diploma["id"], 6.0)]
    assert updated["targetCourses"] == [] and updated["targetMajors"] == []
    assert updated["targetCertificate"]["modules"] == [{"name": "实操", "credits": 2.0}]
    # No file sent: the rule keeps the one it had.
    assert updated["file"]["filename"] == rule["file"]["filename"]
    stored = await ConversionRule.get(id=pk(rule["id"]))
    assert await RuleSource.filter(rule_id=stored.id).count() == 1
    assert await RuleTarget.filter(rule_id=stored.id).values_list("kind", flat=True) == ["CERTIFICATE"]
    # A new file replaces the old one.
    replaced = (await update_result(api, w.csust.token, rule["id"], changed,
                                    file=("新规则.pdf", RULE_PDF, PDF_TYPE))).ok("updateConversionRule")["rule"]
    assert replaced["file"]["filename"] == "新规则.pdf"


async def test_f9_5_an_update_changes_only_the_fields_it_is_given(api: Api, demo: None) -> None:
    """Sources, targets, period, description and file left out of an update keep their values
    (they used to be wiped: a rule renamed lost its sources and targets)."""
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w, validFrom="2024-01-01", validTo="2030-12-31"))
    kept = ("sources", "targetMajors", "targetCourses", "targetCertificate", "validFrom", "validTo", "file")
    described = (await update_result(api, w.csust.token, rule["id"], {
        "ruleType": "NON_DEGREE_TO_DEGREE", "description": "只改说明", "pledgeAccepted": True,
    })).ok("updateConversionRule")["rule"]
    assert described["description"] == "只改说明"
    assert {k: described[k] for k in kept} == {k: rule[k] for k in kept}
    # Given fields replace what they name, and only that.
    credits = (await update_result(api, w.csust.token, rule["id"], {
        "ruleType": "NON_DEGREE_TO_DEGREE", "sources": [source(w.hnu.certificate, 7)], "pledgeAccepted": True,
    })).ok("updateConversionRule")["rule"]
    assert [s["credits"] for s in credits["sources"]] == [7.0]
    assert credits["description"] == "只改说明" and credits["validTo"] == "2030-12-31"
    # validTo: left out keeps it, null makes the rule long-term.
    long_term = (await update_result(api, w.csust.token, rule["id"], {
        "ruleType": "NON_DEGREE_TO_DEGREE", "validTo": None, "pledgeAccepted": True,
    })).ok("updateConversionRule")["rule"]
    assert (long_term["validFrom"], long_term["validTo"]) == ("2024-01-01", None)
    assert long_term["targetCourses"] == rule["targetCourses"]
    # What is kept is checked under the type the update names: sources of another category are refused.
    before = await snapshot()
    refused = await update_result(api, w.csust.token, rule["id"], {
        "ruleType": "DEGREE_TO_DEGREE", "pledgeAccepted": True,
    })
    assert refusal(refused.payload("updateConversionRule")) == [("sources.0.achievementId", "SOURCE_CATEGORY")]
    assert await snapshot() == before


@pytest.mark.parametrize("status", ["UNSUBMITTED", "UNPUBLISHED", "TAKEN_DOWN"])
async def test_f9_5_delete_in_unsubmitted_unpublished_and_taken_down(api: Api, demo: None, status: str) -> None:
    w = await world(api)
    rule = await rule_in(api, w, status)
    kept = await create_rule(api, w.csust.token, basic_rule(w))
    deleted = (await api(DELETE, {"id": rule["id"]}, token=w.csust.token)).ok("deleteConversionRule")["rule"]
    assert deleted["code"] == rule["code"]
    assert codes(await my_rules(api, w.csust.token)) == {kept["code"]}
    assert (await detail(api, w.csust.token, rule["id"])).error_codes == ["NOT_FOUND"]
    assert (await ConversionRule.get(id=pk(rule["id"]))).deleted_at is not None
    assert (await api(DELETE, {"id": rule["id"]}, token=w.csust.token)).error_codes == ["NOT_FOUND"]


async def test_f9_5_other_institutions_cannot_touch_my_rules(api: Api, demo: None) -> None:
    w = await world(api, hnu_method=True)
    saved = await create_rule(api, w.csust.token, basic_rule(w))
    published = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    before = await snapshot()
    hnu_input = degree_rule([source(w.csust.certificate)], [w.hnu.course])
    for rule in (saved, published):
        for document, variables in ((PUBLISH, {}), (REVOKE, {}), (DELETE, {})):
            result = await api(document, {"id": rule["id"], **variables}, token=w.hnu.token)
            assert result.error_codes == ["NOT_FOUND"]
        assert (await update_result(api, w.hnu.token, rule["id"], hnu_input)).error_codes == ["NOT_FOUND"]
    assert await snapshot() == before


async def test_f9_5_f16_staff_take_a_rule_down_and_the_institution_is_told(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    before = await snapshot()
    for reason in (None, "  ", "长" * 501):
        refused = await act_refused(api, w.staff, TAKE_DOWN, "takeDownConversionRule", rule["id"], reason=reason)
        assert refused == [("reason", "TOO_LONG" if reason and reason.strip() else "REQUIRED")]
    assert await snapshot() == before

    down = await act(api, w.staff, TAKE_DOWN, "takeDownConversionRule", rule["id"], reason="源成果信息有误")
    assert (down["status"], down["takenDownReason"], down["inForce"]) == ("TAKEN_DOWN", "源成果信息有误", False)
    assert (await portal_rules(api))["totalCount"] == 0
    assert codes(await my_rules(api, w.csust.token, {"status": "TAKEN_DOWN"})) == {rule["code"]}
    stored = await ConversionRule.get(id=pk(rule["id"]))
    assert stored.taken_down_at is not None and stored.taken_down_by_id is not None

    csust_users = set(await Account.filter(username__in=[CSUST[0], CSUST_TEACHER[0]]).values_list("id", flat=True))
    messages = await Message.filter(kind=MessageKind.RULE_TAKEN_DOWN).all()
    assert {m.account_id for m in messages} == csust_users and len(messages) == 2
    for message in messages:
        assert message.institution_id == pk(w.csust.institution_id, "Institution")
        assert (message.module, message.object_id) == ("CONVERSION_RULES", rule["id"])
        assert rule["code"] in message.title and "源成果信息有误" in message.body

    # Only a published rule is taken down.
    saved = await create_rule(api, w.csust.token, basic_rule(w))
    before = await snapshot()
    for refused_id in (rule["id"], saved["id"]):
        assert await act_refused(api, w.staff, TAKE_DOWN, "takeDownConversionRule", refused_id,
                                 reason="再次下架") == [("id", "STATUS_FORBIDS")]
    assert await snapshot() == before
    # A taken-down rule is not published again as it is: modified (→ 未发布) first.
    assert await act_refused(api, w.csust.token, PUBLISH, "publishRule", rule["id"]) == [("id", "STATUS_FORBIDS")]


async def test_f9_5_only_staff_take_rules_down(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    teacher = await login(api, *CSUST_TEACHER)
    before = await snapshot()
    for token in (w.csust.token, teacher, w.hnu.token):
        result = await api(TAKE_DOWN, {"id": rule["id"], "reason": "自己下架"}, token=token)
        assert result.error_codes == ["FORBIDDEN"]
    assert (await api(TAKE_DOWN, {"id": rule["id"], "reason": "匿名"})).error_codes == ["UNAUTHENTICATED"]
    assert await snapshot() == before
    assert (await detail(api, w.csust.token, rule["id"])).data["node"]["status"] == "PUBLISHED"


# --- D1 publishRule ---------------------------------------------------------------------------


async def test_d1_publish_rule_publishes_a_complete_saved_rule(api: Api, demo: None) -> None:
    w = await world(api)
    saved = await create_rule(api, w.csust.token, basic_rule(w))
    published = await act(api, w.csust.token, PUBLISH, "publishRule", saved["id"])
    assert (published["status"], published["version"], published["code"]) == ("PUBLISHED", 1, saved["code"])
    assert published["publishedAt"] is not None and published["publishedAt"].endswith("+08:00")
    assert codes(await portal_rules(api)) == {saved["code"]}
    assert await RuleVersion.filter(rule_id=pk(saved["id"])).values_list("number", flat=True) == [1]


async def _no_source(api: Api, w: World) -> dict[str, Any]:
    return await create_rule(api, w.csust.token, degree_rule([], [w.csust.course]))


async def _source_deleted(api: Api, w: World) -> dict[str, Any]:
    # A certificate of CSUST's own, still 未认定, is the source; CSUST then deletes it (F4.7).
    own = await store(api, w.csust.token, certificate_input("待删除的证书"))
    rule = await create_rule(api, w.csust.token, degree_rule([source(own)], [w.csust.course]))
    await delete_achievement(api, w.csust.token, own["id"])
    return rule


async def _target_deleted(api: Api, w: World) -> dict[str, Any]:
    # A course of CSUST's own, still 未认定, is the target; CSUST then deletes it (F4.7).
    course = await store_course(api, w.csust.token, "待删除的课程")
    rule = await create_rule(api, w.csust.token, degree_rule([source(w.hnu.certificate)], [course]))
    await delete_achievement(api, w.csust.token, course["id"])
    return rule


async def _no_course(api: Api, w: World) -> dict[str, Any]:
    return await create_rule(api, w.csust.token, degree_rule([source(w.hnu.certificate)], [],
                                                             majors=[w.csust.diploma]))


async def _no_certificate(api: Api, w: World) -> dict[str, Any]:
    return await create_rule(api, w.csust.token, {"ruleType": "DEGREE_TO_NON_DEGREE", "pledgeAccepted": True,
                                                  "sources": [source(w.hnu.diploma)]})


async def _no_pdf(api: Api, w: World) -> dict[str, Any]:
    return await create_rule(api, w.csust.token, basic_rule(w), file=None)


async def _method_deleted(api: Api, w: World) -> dict[str, Any]:
    rule = await create_rule(api, w.csust.token, basic_rule(w))
    method = w.csust.extra["method"]["id"]
    assert (await api(DELETE_METHOD, {"id": method}, token=w.csust.token)).ok("deleteConversionMethod")
    return rule


async def _period_over(api: Api, w: World) -> dict[str, Any]:
    return await create_rule(api, w.csust.token, basic_rule(w, validFrom="2020-01-01", validTo="2020-12-31"))


@pytest.mark.parametrize(("make", "expected"), [
    (_no_source, ("sources", "RULE_INCOMPLETE")),
    (_source_deleted, ("sources", "SOURCE_NOT_FOUND")),
    (_target_deleted, ("targets", "TARGET_NOT_FOUND")),
    (_no_course, ("targetCourseIds", "TARGET_COURSE_REQUIRED")),
    (_no_certificate, ("targetCertificate", "TARGET_CERTIFICATE_REQUIRED")),
    (_no_pdf, ("file", "RULE_FILE_REQUIRED")),
    (_method_deleted, (None, "METHOD_REQUIRED")),
    (_period_over, ("validTo", "INVALID_PERIOD")),
], ids=lambda value: getattr(value, "__name__", None) or value[1])
async def test_d1_publish_rule_refuses_an_incomplete_or_inconsistent_rule(api: Api, demo: None, make: Any,
                                                                         expected: tuple[str | None, str]) -> None:
    w = await world(api)
    rule = await make(api, w)
    assert rule["status"] == "UNSUBMITTED"
    before = await snapshot()
    assert await act_refused(api, w.csust.token, PUBLISH, "publishRule", rule["id"]) == [expected]
    assert await snapshot() == before
    assert (await portal_rules(api))["totalCount"] == 0


async def test_d1_publish_rule_sent_five_times_at_once_publishes_once(api: Api, demo: None) -> None:
    w = await world(api)
    saved = await create_rule(api, w.csust.token, basic_rule(w))
    results = await asyncio.gather(*(api(PUBLISH, {"id": saved["id"]}, token=w.csust.token) for _ in range(5)))
    answers = [result.payload("publishRule") for result in results]
    assert sum(1 for a in answers if not a["errors"]) == 1
    assert sorted(refusal(a)[0][1] for a in answers if a["errors"]) == ["STATUS_FORBIDS"] * 4
    assert await RuleVersion.filter(rule_id=pk(saved["id"])).values_list("number", flat=True) == [1]
    assert (await ConversionRule.get(id=pk(saved["id"]))).version == 1


async def _waiting_for_locks(probe: asyncpg.Connection, count: int) -> None:
    """Until ``count`` other sessions of this database wait for a lock (requests reached it)."""
    for _ in range(2000):
        waiting = await probe.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock'")
        if waiting >= count:
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"{count} requests never reached the rule's row lock")


@pytest.mark.skipif(backend() != "postgres", reason="row locks between connections: PostgreSQL only "
                    "(SQLite runs one transaction at a time)")
async def test_d1_publish_rule_checks_the_rule_it_publishes_under_a_concurrent_modification(
        api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w))
    no_course = degree_rule([source(w.hnu.certificate)], [], majors=[w.csust.diploma])
    dsn = os.environ["CREDIT_BANK_TEST_DB_URL"]
    holder, probe = await asyncpg.connect(dsn), await asyncpg.connect(dsn)
    try:
        # Another session holds the rule's row for a moment, so both requests queue on it in order:
        # first the modification (dropping the course), then the publication.
        holding = holder.transaction()
        await holding.start()
        await holder.execute("SELECT id FROM conversion_rule WHERE id = $1 FOR UPDATE", pk(rule["id"]))
        modify = asyncio.ensure_future(update_result(api, w.csust.token, rule["id"], no_course))
        await _waiting_for_locks(probe, 1)
        publish = asyncio.ensure_future(api(PUBLISH, {"id": rule["id"]}, token=w.csust.token))
        await _waiting_for_locks(probe, 2)
        await holding.rollback()
        modified, published = await modify, await publish
    finally:
        await holder.close()
        await probe.close()
    modified.ok("updateConversionRule")
    stored = await ConversionRule.get(id=pk(rule["id"]))
    kinds = await RuleTarget.filter(rule_id=stored.id).values_list("kind", flat=True)
    assert "COURSE" not in kinds
    # The modified rule has no course, so it must not have been published.
    assert published.payload("publishRule")["errors"], published.body
    assert stored.status == "UNSUBMITTED"
    assert await RuleVersion.filter(rule_id=stored.id).count() == 0


# --- B1 effective period and versions ---------------------------------------------------------


async def test_b1_period_may_not_end_before_it_starts(api: Api, demo: None) -> None:
    w = await world(api)
    before = await snapshot()
    backwards = basic_rule(w, validFrom="2030-01-02", validTo="2030-01-01")
    for publish in (False, True):
        assert await create_refused(api, w.csust.token, backwards, publish=publish) == [("validTo", "INVALID_PERIOD")]
    assert await snapshot() == before
    one_day = await create_rule(api, w.csust.token, basic_rule(w, validFrom="2030-01-02", validTo="2030-01-02"))
    assert (one_day["validFrom"], one_day["validTo"]) == ("2030-01-02", "2030-01-02")
    before = await snapshot()
    refused = await update_result(api, w.csust.token, one_day["id"], backwards)
    assert refusal(refused.payload("updateConversionRule")) == [("validTo", "INVALID_PERIOD")]
    assert await snapshot() == before


async def test_b1_each_publication_is_a_version_and_old_versions_keep_their_values(api: Api, demo: None) -> None:
    w = await world(api)
    first_input = basic_rule(w, description="第一版", validFrom="2024-01-01")
    rule = await create_rule(api, w.csust.token, first_input, publish=True)
    assert rule["version"] == 1

    await act(api, w.csust.token, REVOKE, "revokeConversionRule", rule["id"])
    second_input = degree_rule([source(w.hnu.certificate, 7)], [w.csust.course], description="第二版",
                               validFrom="2025-01-01", validTo="2099-12-31")
    updated = (await update_result(api, w.csust.token, rule["id"], second_input)).ok("updateConversionRule")["rule"]
    assert (updated["status"], updated["version"]) == ("UNPUBLISHED", 1)
    republished = await act(api, w.csust.token, PUBLISH, "publishRule", rule["id"])
    assert (republished["version"], republished["description"]) == (2, "第二版")

    versions = await RuleVersion.filter(rule_id=pk(rule["id"])).order_by("number")
    assert [v.number for v in versions] == [1, 2]
    first, second = versions
    assert (first.valid_from, first.valid_to) == (date(2024, 1, 1), None)
    assert first.snapshot["description"] == "第一版"
    assert [(s["name"], s["credits"]) for s in first.snapshot["sources"]] == [("学习成果名录3", "5.0")]
    assert {t["kind"] for t in first.snapshot["targets"]} == {"MAJOR", "COURSE"}
    assert (second.valid_from, second.valid_to) == (date(2025, 1, 1), date(2099, 12, 31))
    assert second.snapshot["description"] == "第二版"
    assert [(s["name"], s["credits"]) for s in second.snapshot["sources"]] == [("学习成果名录3", "7.0")]
    assert {t["kind"] for t in second.snapshot["targets"]} == {"COURSE"}
    course = next(t for t in first.snapshot["targets"] if t["kind"] == "COURSE")
    assert (course["name"], course["originalHours"], course["originalCredits"]) == ("餐厅创建课程", 45, "56.0")

    # Taken down, modified (→ 未发布), published again: version 3; the others stay.
    await act(api, w.staff, TAKE_DOWN, "takeDownConversionRule", rule["id"], reason="请修改")
    (await update_result(api, w.csust.token, rule["id"], dict(second_input, description="第三版"))).ok(
        "updateConversionRule")
    third = await act(api, w.csust.token, PUBLISH, "publishRule", rule["id"])
    assert third["version"] == 3
    numbers = await RuleVersion.filter(rule_id=pk(rule["id"])).order_by("number").values_list("number", flat=True)
    assert numbers == [1, 2, 3]
    assert (await RuleVersion.get(rule_id=pk(rule["id"]), number=1)).snapshot == first.snapshot


async def test_b1_only_rules_in_force_are_on_the_portal(api: Api, demo: None) -> None:
    w = await world(api)
    today = beijing_today()
    future = await create_rule(api, w.csust.token, basic_rule(w, validFrom=(today + timedelta(days=30)).isoformat()),
                               publish=True)
    assert (future["status"], future["inForce"]) == ("PUBLISHED", False)
    # The period includes its last day.
    ends_today = await create_rule(api, w.csust.token, basic_rule(
        w, validFrom=(today - timedelta(days=30)).isoformat(), validTo=today.isoformat()), publish=True)
    open_ended = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    assert ends_today["inForce"] is True and open_ended["inForce"] is True
    assert codes(await portal_rules(api)) == {ends_today["code"], open_ended["code"]}
    assert codes(await my_rules(api, w.csust.token, {"status": "PUBLISHED"})) == {
        future["code"], ends_today["code"], open_ended["code"]}


# --- F9.1 the two lists -------------------------------------------------------------------------


async def test_f9_1_my_rules_with_filters(api: Api, demo: None) -> None:
    w = await world(api, hnu_method=True)
    token = w.csust.token
    cert_to_course = await rule_in(api, w, "PUBLISHED")   # 学习成果名录3 → 餐厅创建课程 + 经济统计学毕业证书(本科)
    diploma_to_cert = await rule_in(api, w, "UNSUBMITTED", certificate_rule(
        [source(w.hnu.diploma)], w.csust.certificate, modules=[("实操", 2)]))
    course_to_course = await rule_in(api, w, "UNPUBLISHED", degree_rule(
        [source(w.hnu.course)], [w.csust.course], rule_type="DEGREE_TO_DEGREE"))
    taken_down = await rule_in(api, w, "TAKEN_DOWN")
    # Another institution's rule is never in my list.
    theirs = await create_rule(api, w.hnu.token, degree_rule([source(w.csust.certificate)], [w.hnu.course]),
                               publish=True)

    everything = {cert_to_course["code"], diploma_to_cert["code"], course_to_course["code"], taken_down["code"]}
    assert codes(await my_rules(api, token)) == everything
    assert codes(await my_rules(api, token, {})) == everything
    assert codes(await my_rules(api, token, {"code": cert_to_course["code"]})) == {cert_to_course["code"]}
    assert codes(await my_rules(api, token, {"code": cert_to_course["code"][:8]})) == everything
    assert codes(await my_rules(api, token, {"code": theirs["code"]})) == set()
    assert codes(await my_rules(api, token, {"ruleType": "NON_DEGREE_TO_DEGREE"})) == {
        cert_to_course["code"], taken_down["code"]}
    assert codes(await my_rules(api, token, {"ruleType": "DEGREE_TO_NON_DEGREE"})) == {diploma_to_cert["code"]}
    assert codes(await my_rules(api, token, {"ruleType": "NON_DEGREE_TO_NON_DEGREE"})) == set()
    assert codes(await my_rules(api, token, {"sourceName": "成果名录"})) == {cert_to_course["code"], taken_down["code"]}
    assert codes(await my_rules(api, token, {"sourceName": "测试成果"})) == {course_to_course["code"]}
    assert codes(await my_rules(api, token, {"targetName": "茶艺"})) == {diploma_to_cert["code"]}
    assert codes(await my_rules(api, token, {"targetName": "经济统计学"})) == {cert_to_course["code"], taken_down["code"]}
    assert codes(await my_rules(api, token, {"targetName": "餐厅创建"})) == {
        cert_to_course["code"], course_to_course["code"], taken_down["code"]}
    for status, rule in (("PUBLISHED", cert_to_course), ("UNSUBMITTED", diploma_to_cert),
                         ("UNPUBLISHED", course_to_course), ("TAKEN_DOWN", taken_down)):
        assert codes(await my_rules(api, token, {"status": status})) == {rule["code"]}
    assert codes(await my_rules(api, token, {"sourceName": "成果名录", "status": "TAKEN_DOWN"})) == {taken_down["code"]}
    assert codes(await my_rules(api, token, {"sourceName": "不存在的成果"})) == set()
    # Newest first.
    listed = await my_rules(api, token)
    assert [n["code"] for n in listed["nodes"]] == sorted(everything, reverse=True)


async def test_f9_1_related_to_me_lists_others_published_rules_on_my_achievements(api: Api, demo: None) -> None:
    w = await world(api, hnu_method=True)
    # 湖南大学's rules: two on CSUST's certificate (one published, one only saved), one on its own.
    on_mine = await create_rule(api, w.hnu.token, degree_rule([source(w.csust.certificate, 3)], [w.hnu.course]),
                                publish=True)
    saved_on_mine = await create_rule(api, w.hnu.token, degree_rule([source(w.csust.certificate)], [w.hnu.course]))
    on_theirs = await create_rule(api, w.hnu.token, degree_rule(
        [source(w.hnu.diploma)], [w.hnu.course], rule_type="DEGREE_TO_DEGREE"), publish=True)
    # CSUST's own published rule on its own achievement is "mine", not "related to me".
    own = await create_rule(api, w.csust.token, degree_rule([source(w.csust.certificate)], [w.csust.course]),
                            publish=True)
    assert len({on_mine["code"], saved_on_mine["code"], on_theirs["code"], own["code"]}) == 4

    related = await related_rules(api, w.csust.token)
    assert codes(related) == {on_mine["code"]}
    row = related["nodes"][0]
    assert row["institution"]["name"] == "湖南大学"
    assert row["interpretationNotice"] == "本转换规则的解释权归湖南大学所有。"
    assert [(s["achievement"]["name"], s["achievement"]["institution"]["name"], s["credits"])
            for s in row["sources"]] == [("茶艺师", "长沙理工大学", 3.0)]
    assert codes(await related_rules(api, w.csust.token, {"institutionName": "湖南大学"})) == {on_mine["code"]}
    assert codes(await related_rules(api, w.csust.token, {"institutionName": "湖南"})) == {on_mine["code"]}
    assert codes(await related_rules(api, w.csust.token, {"institutionName": "北京大学"})) == set()
    assert codes(await related_rules(api, w.csust.token, {"ruleType": "DEGREE_TO_DEGREE"})) == set()
    assert codes(await related_rules(api, w.csust.token, {"sourceName": "茶艺", "targetName": "测试成果"})) == {
        on_mine["code"]}
    assert codes(await related_rules(api, w.csust.token, {"code": on_mine["code"]})) == {on_mine["code"]}
    # HNU's side: CSUST's rules have CSUST sources only, so nothing is related to HNU.
    assert codes(await related_rules(api, w.hnu.token)) == set()

    # Revoked, it is no longer related; published again, it is back.
    await act(api, w.hnu.token, REVOKE, "revokeConversionRule", on_mine["id"])
    assert codes(await related_rules(api, w.csust.token)) == set()
    await act(api, w.hnu.token, PUBLISH, "publishRule", on_mine["id"])
    assert codes(await related_rules(api, w.csust.token)) == {on_mine["code"]}


async def test_f4_11_f9_1_related_rule_count_is_what_my_rule_lists_show(api: Api, demo: None) -> None:
    w = await world(api, hnu_method=True)
    await create_rule(api, w.hnu.token, degree_rule([source(w.csust.certificate)], [w.hnu.course]))  # HNU's draft
    await create_rule(api, w.hnu.token, degree_rule([source(w.csust.certificate)], [w.hnu.course]), publish=True)
    await create_rule(api, w.csust.token, degree_rule([source(w.csust.certificate)], [w.csust.course]))
    on_certificate = {"sourceName": "茶艺师"}
    shown = ((await my_rules(api, w.csust.token, on_certificate))["totalCount"]
             + (await related_rules(api, w.csust.token, on_certificate))["totalCount"])
    assert shown == 2
    node = (await api(ACHIEVEMENT_NODE, {"id": w.csust.certificate["id"]}, token=w.csust.token)).data["node"]
    assert node["relatedRuleCount"] == shown


# --- F9.6 detail --------------------------------------------------------------------------------


async def test_f9_6_detail_of_a_degree_target_rule(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, basic_rule(w, description="按课程学分转换"))
    node = (await detail(api, w.csust.token, rule["id"])).data["node"]
    assert node["__typename"] == "ConversionRule"
    assert node["interpretationNotice"] == "本转换规则的解释权归长沙理工大学所有。"
    assert (node["ruleType"], node["status"], node["description"]) == (
        "NON_DEGREE_TO_DEGREE", "UNSUBMITTED", "按课程学分转换")
    assert node["institution"] == {"id": w.csust.institution_id, "name": "长沙理工大学"}
    assert [(s["achievement"]["name"], s["achievement"]["category"], s["achievement"]["institution"]["name"],
             s["credits"]) for s in node["sources"]] == [("学习成果名录3", "NON_DEGREE", "湖南大学", 5.0)]
    assert node["targetMajors"] == [{"id": w.csust.diploma["id"], "name": "经济统计学毕业证书(本科)"}]
    assert node["targetCourses"] == [{"id": w.csust.course["id"], "name": "餐厅创建课程", "courseCode": "001",
                                      "originalHours": 45, "originalCredits": 56.0}]
    assert node["targetCertificate"] is None
    assert node["file"]["filename"] == "转换规则.pdf"
    download = await api.client.get(node["file"]["url"])
    assert download.status_code == 200 and download.content == RULE_PDF
    # A sub-user of the same institution sees it too.
    teacher = await login(api, *CSUST_TEACHER)
    assert (await detail(api, teacher, rule["id"])).data["node"]["code"] == rule["code"]


async def test_f9_6_detail_of_a_non_degree_target_rule(api: Api, demo: None) -> None:
    w = await world(api)
    rule = await create_rule(api, w.csust.token, certificate_rule(
        [source(w.hnu.diploma, 5)], w.csust.certificate, credits=5, modules=[("实操", 2), ("机考", 2)]),
        publish=True)
    node = (await detail(api, w.csust.token, rule["id"])).data["node"]
    assert node["targetCertificate"] == {
        "credits": 5.0,
        "achievement": {"id": w.csust.certificate["id"], "name": "茶艺师", "category": "NON_DEGREE"},
        "modules": [{"name": "实操", "credits": 2.0}, {"name": "机考", "credits": 2.0}],
    }
    assert node["targetCourses"] == [] and node["targetMajors"] == []
    assert [(s["achievement"]["name"], s["credits"]) for s in node["sources"]] == [("经济统计学毕业证书(本科)", 5.0)]


async def test_f9_6_another_institutions_unpublished_rule_is_not_found(api: Api, demo: None) -> None:
    w = await world(api)
    saved = await create_rule(api, w.csust.token, basic_rule(w))
    published = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    assert (await detail(api, w.hnu.token, saved["id"])).error_codes == ["NOT_FOUND"]
    assert (await detail(api, w.hnu.token, encode_id("ConversionRule", 999999))).error_codes == ["NOT_FOUND"]
    # A published rule is public (the portal shows it), so anyone may open it, logged in or not.
    assert (await detail(api, w.hnu.token, published["id"])).data["node"]["code"] == published["code"]
    assert (await detail(api, None, published["id"])).data["node"]["code"] == published["code"]
    assert (await detail(api, None, saved["id"])).error_codes == ["UNAUTHENTICATED"]
    # Staff see every rule.
    assert (await detail(api, w.staff, saved["id"])).data["node"]["code"] == saved["code"]


# --- F17 the public portal ----------------------------------------------------------------------


async def test_f17_portal_lists_published_rules_without_a_token(api: Api, demo: None) -> None:
    w = await world(api, hnu_method=True)
    csust_course = await create_rule(api, w.csust.token, basic_rule(w), publish=True)
    csust_cert = await create_rule(api, w.csust.token, certificate_rule(
        [source(w.hnu.diploma)], w.csust.certificate, modules=[("实操", 2)]), publish=True)
    hnu_course = await create_rule(api, w.hnu.token, degree_rule([source(w.csust.certificate)], [w.hnu.course]),
                                   publish=True)
    await rule_in(api, w, "UNSUBMITTED")
    await rule_in(api, w, "UNPUBLISHED")
    await rule_in(api, w, "TAKEN_DOWN")

    everything = {csust_course["code"], csust_cert["code"], hnu_course["code"]}
    portal = await portal_rules(api)
    assert codes(portal) == everything
    assert all(n["status"] == "PUBLISHED" and n["inForce"] for n in portal["nodes"])
    assert codes(await portal_rules(api, {"institutionId": w.csust.institution_id})) == {
        csust_course["code"], csust_cert["code"]}
    assert codes(await portal_rules(api, {"institutionId": w.hnu.institution_id})) == {hnu_course["code"]}
    assert codes(await portal_rules(api, {"institutionId": "not-an-id"})) == set()
    assert codes(await portal_rules(api, {"ruleType": "DEGREE_TO_NON_DEGREE"})) == {csust_cert["code"]}
    assert codes(await portal_rules(api, {"ruleType": "NON_DEGREE_TO_DEGREE"})) == {
        csust_course["code"], hnu_course["code"]}
    assert codes(await portal_rules(api, {"sourceName": "茶艺"})) == {hnu_course["code"]}
    assert codes(await portal_rules(api, {"sourceName": "学习成果名录"})) == {csust_course["code"]}
    assert codes(await portal_rules(api, {"targetName": "茶艺师"})) == {csust_cert["code"]}
    assert codes(await portal_rules(api, {"targetName": "课程"})) == {csust_course["code"]}
    assert codes(await portal_rules(api, {"institutionId": w.csust.institution_id,
                                          "targetName": "茶艺"})) == {csust_cert["code"]}
    assert codes(await portal_rules(api, {"code": hnu_course["code"]})) == {hnu_course["code"]}
    # Signed in or not, the portal is the same.
    signed_in = await api("query($f: PortalRuleFilter) { portalConversionRules(filter: $f) { totalCount } }",
                          {"f": None}, token=w.hnu.token)
    assert signed_in.data["portalConversionRules"]["totalCount"] == 3


# --- F3.1 account-centre counts -----------------------------------------------------------------


async def test_f3_1_rule_counts_equal_the_filtered_lists(api: Api, demo: None) -> None:
    w = await world(api, hnu_method=True)
    for status in ("UNSUBMITTED", "UNSUBMITTED", "UNPUBLISHED", "PUBLISHED", "PUBLISHED", "TAKEN_DOWN"):
        await rule_in(api, w, status)
    gone = await rule_in(api, w, "UNPUBLISHED")
    (await api(DELETE, {"id": gone["id"]}, token=w.csust.token)).ok("deleteConversionRule")
    await create_rule(api, w.hnu.token, degree_rule([source(w.csust.certificate)], [w.hnu.course]), publish=True)

    async def listed(token: str, status: str | None = None) -> int:
        return (await my_rules(api, token, {"status": status} if status else None))["totalCount"]

    for token in (w.csust.token, await login(api, *CSUST_TEACHER), w.hnu.token):
        counts = (await api(RULE_COUNTS, token=token)).data["accountOverview"]["rules"]
        assert counts == {
            "total": await listed(token),
            "unpublished": await listed(token, "UNSUBMITTED") + await listed(token, "UNPUBLISHED"),
            "published": await listed(token, "PUBLISHED"),
            "takenDown": await listed(token, "TAKEN_DOWN"),
        }
    assert (await api(RULE_COUNTS, token=w.csust.token)).data["accountOverview"]["rules"] == {
        "total": 6, "unpublished": 3, "published": 2, "takenDown": 1}
    assert (await api(RULE_COUNTS, token=w.hnu.token)).data["accountOverview"]["rules"] == {
        "total": 1, "unpublished": 0, "published": 1, "takenDown": 0}
