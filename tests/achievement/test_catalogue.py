"""The institution catalogue 机构成果 (manual 2.2.1): types and subtypes (F4.2), storing (F4.3–F4.5,
D1), no modification (F4.6), deletion (F4.7), recognition by bank staff (F16), the list (F4.1),
the detail (F4.11) and the account-centre counts (F3.1). Everything goes through the GraphQL API;
learners and conversion rules, which have no API yet, are set up as rows."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

import pytest
from tortoise.timezone import now

from models.achievement import Achievement
from models.audit import AuditLog
from models.base import SHANGHAI
from models.conversion import ConversionRule, PublishStatus, RuleSource, RuleType
from models.learner import Learner, LearnerAchievement
from resolvers.ids import decode_id, encode_id
from tests.support.api import Api
from tests.support.catalogue import (
    DELETE,
    GRANT,
    GRANTS,
    LIST,
    NODE,
    OVERVIEW,
    RECOGNIZE,
    RESTRICTED_SUBTYPES,
    REVOKE,
    START_RECOGNITION,
    STORE,
    Reference,
    certificate_input,
    course_input,
    diploma_input,
    grant,
    institution_id,
    listed_names,
    listing,
    recognize,
    reference,
    run_batch,
    store,
    store_course,
    store_diploma,
    store_refused,
    store_result,
)
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, STAFF, login

CHANGE_INITIAL = """
mutation($input: ChangeInitialPasswordInput!) {
  changeInitialPassword(input: $input) { account { mustChangePassword } errors { code } }
}
"""

DEGREE_SUBTYPES = {
    "VOCATIONAL_DIPLOMA": "职业教育学历证书",
    "HIGHER_EDUCATION_DIPLOMA": "普通高等教育学历证书",
    "CONTINUING_EDUCATION_DIPLOMA": "高等学历继续教育证书",
    "VOCATIONAL_COURSE": "职业教育学历课程",
    "HIGHER_EDUCATION_COURSE": "普通高等教育学历课程",
    "CONTINUING_EDUCATION_COURSE": "高等学历继续教育课程",
}
NON_DEGREE_SUBTYPES = {
    "X_CERTIFICATE": "职业技能等级证书(X证书)",
    "SKILL_LEVEL_CERTIFICATE": "职业技能等级证书(人社部)",
    "NATIONAL_QUALIFICATION": "国家职业资格证书",
    "OTHER_NON_DEGREE": "其他非学历证书",
}
DIPLOMAS = ["VOCATIONAL_DIPLOMA", "HIGHER_EDUCATION_DIPLOMA", "CONTINUING_EDUCATION_DIPLOMA"]
COURSES = ["VOCATIONAL_COURSE", "HIGHER_EDUCATION_COURSE", "CONTINUING_EDUCATION_COURSE"]


# --- shared steps ---------------------------------------------------------------------------


async def hnu_token(api: Api) -> str:
    """湖南大学, synced with the initial password: changed first, as F2.2 demands."""
    token = await login(api, *HNU_SYNCED)
    changed = await api(CHANGE_INITIAL, {"input": {"newPassword": "Hnu2024new", "confirmation": "Hnu2024new"}},
                        token=token)
    assert changed.ok("changeInitialPassword")["account"]["mustChangePassword"] is False
    return token


async def granted(api: Api, token: str, *subtypes: str) -> None:
    """Bank staff authorise the caller's institution for ``subtypes`` (F4.5)."""
    staff = await login(api, *STAFF)
    mine = await institution_id(api, token)
    for subtype in subtypes:
        await grant(api, staff, mine, subtype)


def pk(global_id: str, type_name: str = "Achievement") -> int:
    return decode_id(global_id, type_name)


async def detail(api: Api, token: str, achievement_id: str) -> Any:
    return await api(NODE, {"id": achievement_id}, token=token)


async def mutation_names(api: Api) -> list[str]:
    result = await api("{ __schema { mutationType { fields { name } } } }")
    return [field["name"] for field in result.data["__schema"]["mutationType"]["fields"]]


async def input_fields(api: Api, name: str) -> set[str]:
    result = await api("query($n: String!) { __type(name: $n) { inputFields { name } } }", {"n": name})
    return {field["name"] for field in result.data["__type"]["inputFields"]}


async def learner_on(institution: int, achievement: int, name: str, id_number: str, *,
                     withdrawn: bool = False, learner: Learner | None = None) -> LearnerAchievement:
    """Set-up: a learner holding an achievement (the learner API is not built yet)."""
    if learner is None:
        learner = await Learner.create(institution_id=institution, name=name, id_number=id_number)
    held = await Achievement.get(id=achievement)
    record = await LearnerAchievement.create(
        institution_id=institution, learner=learner, achievement_id=achievement,
        achievement_name=held.name, category=held.category, subtype=held.subtype,
        personal_number=f"P-{id_number[-4:]}", issued_on=date(2022, 6, 30),
        live_key=f"{achievement}|P-{id_number[-4:]}", withdrawn_at=now() if withdrawn else None,
    )
    if withdrawn:
        record.live_key = f"withdrawn:{record.id}"
        await record.save(update_fields=["live_key"])
    return record


async def rule_from(institution: int, code: str, *achievements: int, deleted: bool = False) -> ConversionRule:
    """Set-up: a conversion rule whose sources are ``achievements`` (the rule API is not built yet)."""
    rule = await ConversionRule.create(
        institution_id=institution, code=code, rule_type=RuleType.DEGREE_TO_DEGREE,
        valid_from=date(2022, 1, 1), pledged_by_id=0, pledged_at=now(), created_by_id=0,
        status=PublishStatus.PUBLISHED, deleted_at=now() if deleted else None,
    )
    for achievement in achievements:
        await RuleSource.create(rule=rule, achievement_id=achievement, credits=4)
    return rule


# --- F4.2 types and subtypes ----------------------------------------------------------------


async def test_f4_2_subtypes_carry_the_manuals_labels(api: Api) -> None:
    result = await api('{ labels(names: ["AchievementSubtype", "AchievementCategory", "RecognitionStatus"]) '
                       "{ name values { value label } } }")
    labels = {item["name"]: {v["value"]: v["label"] for v in item["values"]} for item in result.data["labels"]}
    assert labels["AchievementSubtype"] == {**DEGREE_SUBTYPES, **NON_DEGREE_SUBTYPES}
    assert labels["AchievementCategory"] == {"DEGREE": "学历成果", "NON_DEGREE": "非学历成果"}
    assert labels["RecognitionStatus"] == {"UNRECOGNIZED": "未认定", "RECOGNIZING": "认定中", "RECOGNIZED": "已认定"}


async def test_f4_2_each_subtype_is_stored_under_its_category(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    await granted(api, token, *RESTRICTED_SUBTYPES)
    stored = [await store(api, token, diploma_input(ref, subtype=s)) for s in DIPLOMAS]
    stored += [await store(api, token, course_input(f"课程{n}", subtype=s)) for n, s in enumerate(COURSES)]
    stored += [await store(api, token, certificate_input(f"证书{n}", subtype=s))
               for n, s in enumerate(RESTRICTED_SUBTYPES)]
    assert {a["subtype"]: a["category"] for a in stored} == {
        **{s: "DEGREE" for s in DEGREE_SUBTYPES},
        **{s: "NON_DEGREE" for s in NON_DEGREE_SUBTYPES if s != "X_CERTIFICATE"},
    }
    assert {a["recognitionStatus"] for a in stored} == {"UNRECOGNIZED"}


# --- F4.3 / D1 storing ----------------------------------------------------------------------


async def test_d1_store_achievement_stores_a_diploma_chosen_from_the_reference_lists(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    assert {"高职", "本科", "硕士"} <= set(ref.levels)
    assert {"毕业证书", "学位证书"} <= set(ref.conclusions)
    assert ref.majors["410106"]["name"] == "植物保护与检疫技术"

    achievement = await store(api, token, diploma_input(ref, major="020102", level="本科", conclusion="毕业证书"))
    assert achievement["name"] == "经济统计学毕业证书(本科)"
    assert achievement["category"] == "DEGREE"
    assert achievement["subtype"] == "HIGHER_EDUCATION_DIPLOMA"
    assert achievement["recognitionStatus"] == "UNRECOGNIZED"
    assert achievement["issuer"] == "长沙理工大学"
    assert achievement["institution"]["name"] == "长沙理工大学"
    # 学科门类 and 专业类 follow from the chosen major.
    assert achievement["major"] == {"id": ref.majors["020102"]["id"], "code": "020102", "name": "经济统计学"}
    assert achievement["majorClass"] == {"code": "0201", "name": "经济学类"}
    assert achievement["discipline"] == {"code": "02", "name": "经济学"}
    assert achievement["level"]["name"] == "本科" and achievement["graduationConclusion"]["name"] == "毕业证书"

    row = await Achievement.get(id=pk(achievement["id"]))
    assert row.name == "经济统计学毕业证书(本科)" and row.deleted_at is None
    audit = await AuditLog.get(action="achievement.store")
    assert audit.object_id == str(row.id) and audit.detail == {"name": "经济统计学毕业证书(本科)"}


@pytest.mark.parametrize(
    ("subtype", "major", "level", "conclusion", "name", "major_class", "discipline"),
    [
        ("HIGHER_EDUCATION_DIPLOMA", "020102", "本科", "毕业证书", "经济统计学毕业证书(本科)", "经济学类", "经济学"),
        ("VOCATIONAL_DIPLOMA", "410101", "高职", "学位证书", "作物生产技术学位证书(高职)", "农业类", "农林牧渔大类"),
        ("VOCATIONAL_DIPLOMA", "410106", "高职", "毕业证书", "植物保护与检疫技术毕业证书(高职)", "农业类", "农林牧渔大类"),
        ("HIGHER_EDUCATION_DIPLOMA", "010108", "硕士", "学位证书", "科学技术哲学学位证书(硕士)", "哲学类", "哲学"),
        ("VOCATIONAL_DIPLOMA", "070903", "职业教育本科", "学位证书", "国土资源调查学位证书(职业教育本科)", "地质学类", "理学"),
        ("CONTINUING_EDUCATION_DIPLOMA", "010101", "本科", "学位证书", "哲学学位证书(本科)", "哲学类", "哲学"),
    ],
)
async def test_f4_3_diploma_name_is_derived(api: Api, demo: None, subtype: str, major: str, level: str,
                                            conclusion: str, name: str, major_class: str, discipline: str) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    achievement = await store(api, token, diploma_input(ref, subtype=subtype, major=major, level=level,
                                                        conclusion=conclusion))
    assert achievement["name"] == name
    assert achievement["majorClass"]["name"] == major_class
    assert achievement["discipline"]["name"] == discipline
    assert achievement["major"]["code"] == major


@pytest.mark.parametrize(("subtype", "name", "code"), [
    ("HIGHER_EDUCATION_COURSE", "餐厅创建课程", "CT-101"),
    ("VOCATIONAL_COURSE", "测试成果1", None),
    ("CONTINUING_EDUCATION_COURSE", "34567", "34567"),
])
async def test_f4_3_course_name_is_the_course_name(api: Api, demo: None, subtype: str, name: str,
                                                   code: str | None) -> None:
    token = await login(api, *CSUST)
    achievement = await store(api, token, course_input(
        f"  {name} ", subtype=subtype, courseCode=code, originalHours=32, originalCredits=2.5,
    ))
    assert achievement["name"] == achievement["courseName"] == name
    assert achievement["courseCode"] == (code or "")
    assert (achievement["originalHours"], achievement["originalCredits"]) == (32, 2.5)
    assert achievement["category"] == "DEGREE" and achievement["issuer"] == "长沙理工大学"
    # A course asks for none of a diploma's fields.
    assert [achievement[f] for f in ("level", "major", "majorClass", "discipline", "graduationConclusion",
                                     "years", "minGraduationCredits")] == [None] * 7


async def test_f4_3_certificates_and_courses_ask_for_different_fields(api: Api) -> None:
    assert await input_fields(api, "StoreAchievementInput") == {"subtype", "diploma", "course", "certificate"}
    diploma = await input_fields(api, "DiplomaInput")
    course = await input_fields(api, "CourseInput")
    certificate = await input_fields(api, "CertificateInput")
    assert {"levelId", "majorId", "graduationConclusionId", "years", "minGraduationCredits", "validFrom",
            "originalHours", "originalCredits", "introduction"} == diploma
    assert {"courseName", "courseCode", "originalHours", "originalCredits", "introduction"} == course
    assert {"certificateName", "grade", "introduction"} <= certificate
    assert not {"courseName", "courseCode", "certificateName"} & diploma
    assert not {"levelId", "majorId", "graduationConclusionId", "years", "certificateName"} & course


async def test_f4_3_wrong_group_or_two_groups_are_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    await granted(api, token, "OTHER_NON_DEGREE")
    diploma = diploma_input(ref)["diploma"]
    course = course_input()["course"]
    certificate = certificate_input()["certificate"]
    before = await snapshot()
    cases = [
        ({"subtype": "HIGHER_EDUCATION_COURSE", "diploma": diploma}, "course"),
        ({"subtype": "HIGHER_EDUCATION_COURSE", "course": course, "diploma": diploma}, "course"),
        ({"subtype": "VOCATIONAL_DIPLOMA", "course": course}, "diploma"),
        ({"subtype": "VOCATIONAL_DIPLOMA", "diploma": diploma, "certificate": certificate}, "diploma"),
        ({"subtype": "VOCATIONAL_DIPLOMA"}, "diploma"),
        ({"subtype": "OTHER_NON_DEGREE", "course": course}, "certificate"),
        ({"subtype": "OTHER_NON_DEGREE", "certificate": certificate, "course": course}, "certificate"),
    ]
    for input, group in cases:
        assert await store_refused(api, token, input) == [(group, "WRONG_FORM")], input
    # A field of another group inside a group is not even a valid request.
    mixed = await store_result(api, token, {"subtype": "VOCATIONAL_COURSE",
                                            "course": {**course, "levelId": ref.levels["本科"]}})
    assert mixed.errors and mixed.data is None
    assert await snapshot() == before


async def test_f4_3_required_fields_are_all_named_at_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await granted(api, token, "NATIONAL_QUALIFICATION")
    before = await snapshot()
    # Fields are named by their path in the input.
    assert set(await store_refused(api, token, {"subtype": "HIGHER_EDUCATION_DIPLOMA", "diploma": {}})) == {
        ("diploma.levelId", "REQUIRED"), ("diploma.majorId", "REQUIRED"),
        ("diploma.graduationConclusionId", "REQUIRED"), ("diploma.years", "REQUIRED"),
        ("diploma.minGraduationCredits", "REQUIRED"), ("diploma.introduction", "REQUIRED"),
    }
    assert set(await store_refused(api, token, {"subtype": "VOCATIONAL_COURSE", "course": {}})) == {
        ("course.courseName", "REQUIRED"), ("course.introduction", "REQUIRED"),
    }
    assert set(await store_refused(api, token, {"subtype": "NATIONAL_QUALIFICATION", "certificate": {}})) == {
        ("certificate.certificateName", "REQUIRED"), ("certificate.introduction", "REQUIRED"),
    }
    # Blank is as good as missing.
    blank = course_input("   ", introduction=" \t ")
    assert set(await store_refused(api, token, blank)) == {("course.courseName", "REQUIRED"),
                                                           ("course.introduction", "REQUIRED")}
    assert await snapshot() == before


async def test_f4_3_optional_fields_may_be_left_out(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    achievement = await store(api, token, diploma_input(ref, originalHours=None, originalCredits=None,
                                                        validFrom=None, years=3.5, minGraduationCredits=120.5))
    assert achievement["originalHours"] is None and achievement["originalCredits"] is None
    assert achievement["validFrom"] is None
    assert (achievement["years"], achievement["minGraduationCredits"]) == (3.5, 120.5)


@pytest.mark.parametrize(("field", "value", "code"), [
    ("years", 0.4, "OUT_OF_RANGE"),
    ("years", 10.5, "OUT_OF_RANGE"),
    ("years", -4, "OUT_OF_RANGE"),
    ("years", 4.25, "TOO_MANY_DECIMALS"),
    ("minGraduationCredits", 0, "OUT_OF_RANGE"),
    ("minGraduationCredits", -1, "OUT_OF_RANGE"),
    ("minGraduationCredits", 1000.5, "OUT_OF_RANGE"),
    ("minGraduationCredits", 160.05, "TOO_MANY_DECIMALS"),
    ("originalHours", -1, "OUT_OF_RANGE"),
    ("originalHours", 100001, "OUT_OF_RANGE"),
    ("originalCredits", -0.5, "OUT_OF_RANGE"),
    ("originalCredits", 1000.1, "OUT_OF_RANGE"),
])
async def test_f4_3_numbers_out_of_range_are_refused(api: Api, demo: None, field: str, value: float,
                                                     code: str) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    before = await snapshot()
    assert await store_refused(api, token, diploma_input(ref, **{field: value})) == [(f"diploma.{field}", code)]
    assert await snapshot() == before


async def test_f4_3_numbers_at_the_edges_are_accepted(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    low = await store(api, token, diploma_input(ref, level="本科", years=0.5, minGraduationCredits=0.1,
                                                originalHours=0, originalCredits=0))
    high = await store(api, token, diploma_input(ref, level="硕士", years=10, minGraduationCredits=1000,
                                                 originalHours=100000, originalCredits=1000))
    assert [low[f] for f in ("years", "minGraduationCredits", "originalHours", "originalCredits")] == [0.5, 0.1, 0, 0]
    assert [high[f] for f in ("years", "minGraduationCredits", "originalHours", "originalCredits")] == [
        10, 1000, 100000, 1000]


@pytest.mark.parametrize(("field", "value", "code"), [
    ("years", "四年", "NOT_A_NUMBER"),
    ("minGraduationCredits", "abc", "NOT_A_NUMBER"),
    ("originalHours", 2.5, "NOT_A_WHOLE_NUMBER"),
    ("originalHours", "12", "NOT_A_WHOLE_NUMBER"),
    ("originalHours", 2 ** 40, "OUT_OF_RANGE"),
    ("validFrom", "2022-13-01", "INVALID_DATE"),
    ("validFrom", "2022-02-30", "INVALID_DATE"),
    ("validFrom", "2022/03/01", "INVALID_DATE"),
    ("validFrom", "20220301", "INVALID_DATE"),
])
async def test_f4_3_not_a_number_or_date_is_refused(api: Api, demo: None, field: str, value: Any,
                                                    code: str) -> None:
    """The schema types the numbers (Float, Int) and dates (Date): what they cannot read is a field
    error of the payload, in Chinese, and never reaches the store."""
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    before = await snapshot()
    assert await store_refused(api, token, diploma_input(ref, **{field: value})) == [(f"diploma.{field}", code)]
    assert await snapshot() == before


@pytest.mark.parametrize(("input", "field"), [
    (course_input(introduction="简" * 2001), "introduction"),
    (course_input("课" * 101), "courseName"),
    (course_input(courseCode="C" * 33), "courseCode"),
])
async def test_f4_3_too_long_texts_are_refused(api: Api, demo: None, input: dict[str, Any], field: str) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    assert await store_refused(api, token, input) == [(f"course.{field}", "TOO_LONG")]
    assert await snapshot() == before


async def test_f4_3_longest_texts_are_accepted(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    achievement = await store(api, token, course_input("课" * 100, courseCode="C" * 32, introduction="简" * 2000))
    assert achievement["name"] == "课" * 100 and len(achievement["introduction"]) == 2000


async def test_f4_3_certificate_name_too_long_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await granted(api, token, "OTHER_NON_DEGREE")
    before = await snapshot()
    assert await store_refused(api, token, certificate_input("证" * 101)) == [
        ("certificate.certificateName", "TOO_LONG")]
    assert await snapshot() == before


async def test_f4_3_unknown_reference_ids_are_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    before = await snapshot()
    unknown = diploma_input(
        ref,
        levelId=encode_id("Level", 9999),
        majorId=ref.levels["本科"],  # an ID of another type is no major
        graduationConclusionId="not-an-id",
    )
    assert set(await store_refused(api, token, unknown)) == {
        ("diploma.levelId", "UNKNOWN_LEVEL"), ("diploma.majorId", "UNKNOWN_MAJOR"),
        ("diploma.graduationConclusionId", "UNKNOWN_CONCLUSION"),
    }
    for field, type_name, code in (("majorId", "Major", "UNKNOWN_MAJOR"), ("levelId", "Level", "UNKNOWN_LEVEL"),
                                   ("graduationConclusionId", "GraduationConclusion", "UNKNOWN_CONCLUSION")):
        refused = await store_refused(api, token, diploma_input(ref, **{field: encode_id(type_name, 0)}))
        assert [c for _, c in refused] == [code], field
    assert await snapshot() == before


async def test_f4_3_same_achievement_twice_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    await store(api, token, diploma_input(ref))
    await store(api, token, course_input("餐厅创建课程", courseCode="CT-101"))
    before = await snapshot()
    # The same major, level and conclusion is the same diploma, whatever the other fields say.
    again = diploma_input(ref, years=3, introduction="另一段简介", minGraduationCredits=150)
    assert await store_refused(api, token, again) == [(None, "ACHIEVEMENT_EXISTS")]
    assert await store_refused(api, token, course_input(" 餐厅创建课程 ", courseCode="CT-101",
                                                        introduction="再存一次")) == [(None, "ACHIEVEMENT_EXISTS")]
    assert await snapshot() == before
    # Another level, conclusion or subtype is another achievement.
    await store(api, token, diploma_input(ref, level="硕士"))
    await store(api, token, diploma_input(ref, conclusion="学位证书"))
    await store(api, token, diploma_input(ref, subtype="CONTINUING_EDUCATION_DIPLOMA"))
    assert (await listing(api, token))["totalCount"] == 5


async def test_f4_3_same_achievement_sent_twice_at_once_is_stored_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    first, second = await asyncio.gather(*(store_result(api, token, diploma_input(ref)) for _ in range(2)))
    payloads = [first.payload("storeAchievement"), second.payload("storeAchievement")]
    assert sorted(len(p["errors"]) for p in payloads) == [0, 1]
    assert [e["code"] for p in payloads for e in p["errors"]] == ["ACHIEVEMENT_EXISTS"]
    assert await Achievement.all().count() == 1


async def test_f4_3_another_institution_may_store_the_same_achievement(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    ref = await reference(api, csust)
    mine = await store(api, csust, diploma_input(ref))
    theirs = await store_diploma(api, hnu, ref)
    assert mine["name"] == theirs["name"] == "经济统计学毕业证书(本科)"
    assert (mine["issuer"], theirs["issuer"]) == ("长沙理工大学", "湖南大学")


async def test_f4_3_sub_user_stores_for_its_institution(api: Api, demo: None) -> None:
    main = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    achievement = await store_course(api, teacher, "教师存储的课程")
    assert achievement["issuer"] == "长沙理工大学"
    assert await listed_names(api, main) == ["教师存储的课程"]
    # The same course from the main account is the same achievement.
    assert await store_refused(api, main, course_input("教师存储的课程")) == [(None, "ACHIEVEMENT_EXISTS")]


async def test_f4_3_only_institution_users_store(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    hnu = await login(api, *HNU_SYNCED)  # initial password not changed yet
    before = await snapshot()
    assert (await store_result(api, staff, course_input())).error_codes == ["FORBIDDEN"]
    assert (await store_result(api, hnu, course_input())).error_codes == ["PASSWORD_CHANGE_REQUIRED"]
    assert (await api(STORE, {"input": course_input()})).error_codes == ["UNAUTHENTICATED"]
    assert await snapshot() == before


# --- F4.4 X certificates ----------------------------------------------------------------------


async def test_f4_4_x_certificate_cannot_be_stored_by_hand(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    before = await snapshot()
    for input in (
        certificate_input("Web前端开发", subtype="X_CERTIFICATE", grade="PRIMARY"),
        {"subtype": "X_CERTIFICATE"},
    ):
        # The form's subtype enum (StorableSubtype) does not even hold it.
        assert await store_refused(api, token, input) == [("subtype", "INVALID_CHOICE")]
    # Nor can staff open the subtype to hand storing.
    refused = await api(GRANT, {"institutionId": await institution_id(api, token), "subtype": "X_CERTIFICATE"},
                        token=staff)
    assert refused.refused("grantSubtype") == ["INVALID_CHOICE"]
    assert await snapshot() == before


# --- F4.5 restricted subtypes and grants (F16) ------------------------------------------------


@pytest.mark.parametrize("subtype", RESTRICTED_SUBTYPES)
async def test_f4_5_restricted_subtype_needs_a_grant(api: Api, demo: None, subtype: str) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    mine = await institution_id(api, token)
    input = certificate_input("茶艺师", subtype=subtype, grade="INTERMEDIATE", validFrom="2023-01-01")

    before = await snapshot()
    assert await store_refused(api, token, input) == [("subtype", "SUBTYPE_NOT_GRANTED")]
    assert await snapshot() == before

    row = await grant(api, staff, mine, subtype)
    assert row["subtype"] == subtype and row["institution"]["id"] == mine and row["revokedAt"] is None
    assert row["grantedAt"].endswith("+08:00")
    achievement = await store(api, token, input)
    assert achievement["name"] == "茶艺师(中级)"
    assert (achievement["category"], achievement["subtype"]) == ("NON_DEGREE", subtype)
    assert (achievement["certificateName"], achievement["grade"], achievement["validFrom"]) == (
        "茶艺师", "INTERMEDIATE", "2023-01-01")

    revoked = (await api(REVOKE, {"institutionId": mine, "subtype": subtype}, token=staff)).ok("revokeSubtype")
    assert revoked["grant"]["revokedAt"] is not None
    before = await snapshot()
    assert await store_refused(api, token, certificate_input("花艺师", subtype=subtype)) == [
        ("subtype", "SUBTYPE_NOT_GRANTED")]
    assert await snapshot() == before
    # What was stored under the grant stays.
    assert await listed_names(api, token, {"subtype": subtype}) == ["茶艺师(中级)"]

    # A grant can be given again after it was revoked.
    await grant(api, staff, mine, subtype)
    assert (await store(api, token, certificate_input("花艺师", subtype=subtype)))["name"] == "花艺师"


async def test_f4_5_granting_twice_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    mine = await institution_id(api, token)
    await grant(api, staff, mine, "NATIONAL_QUALIFICATION")
    before = await snapshot()
    again = await api(GRANT, {"institutionId": mine, "subtype": "NATIONAL_QUALIFICATION"}, token=staff)
    assert again.refused("grantSubtype") == ["GRANT_EXISTS"]
    assert await snapshot() == before
    assert [g["subtype"] for g in (await api(GRANTS, token=token)).data["subtypeGrants"]] == [
        "NATIONAL_QUALIFICATION"]


@pytest.mark.parametrize("subtype", ["VOCATIONAL_DIPLOMA", "HIGHER_EDUCATION_COURSE", "X_CERTIFICATE"])
async def test_f4_5_granting_a_subtype_that_needs_no_grant_is_refused(api: Api, demo: None, subtype: str) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    before = await snapshot()
    result = await api(GRANT, {"institutionId": await institution_id(api, token), "subtype": subtype}, token=staff)
    assert result.refused("grantSubtype") == ["INVALID_CHOICE"]  # not a GrantableSubtype
    assert await snapshot() == before


async def test_f4_5_revoking_a_grant_that_is_not_there_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    before = await snapshot()
    result = await api(REVOKE, {"institutionId": await institution_id(api, token), "subtype": "OTHER_NON_DEGREE"},
                       token=staff)
    assert result.refused("revokeSubtype") == ["GRANT_NOT_FOUND"]
    unknown = await api(GRANT, {"institutionId": encode_id("Institution", 9999), "subtype": "OTHER_NON_DEGREE"},
                        token=staff)
    assert unknown.error_codes == ["NOT_FOUND"]
    assert await snapshot() == before


async def test_f4_5_only_staff_grant_and_revoke(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    staff = await login(api, *STAFF)
    mine = await institution_id(api, token)
    await grant(api, staff, mine, "SKILL_LEVEL_CERTIFICATE")
    before = await snapshot()
    for caller in (token, teacher):
        variables = {"institutionId": mine, "subtype": "OTHER_NON_DEGREE"}
        assert (await api(GRANT, variables, token=caller)).error_codes == ["FORBIDDEN"]
        variables = {"institutionId": mine, "subtype": "SKILL_LEVEL_CERTIFICATE"}
        assert (await api(REVOKE, variables, token=caller)).error_codes == ["FORBIDDEN"]
    assert (await api(GRANT, {"institutionId": mine, "subtype": "OTHER_NON_DEGREE"})).error_codes == [
        "UNAUTHENTICATED"]
    assert await snapshot() == before


async def test_f4_5_grants_are_listed_per_institution(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    staff = await login(api, *STAFF)
    csust_id, hnu_id = await institution_id(api, csust), await institution_id(api, hnu)
    await grant(api, staff, csust_id, "SKILL_LEVEL_CERTIFICATE")
    await grant(api, staff, csust_id, "OTHER_NON_DEGREE")
    await grant(api, staff, hnu_id, "NATIONAL_QUALIFICATION")
    await api(REVOKE, {"institutionId": csust_id, "subtype": "SKILL_LEVEL_CERTIFICATE"}, token=staff)

    def subtypes(result: Any) -> set[tuple[str, str]]:
        assert not result.errors, result.errors
        return {(g["institution"]["name"], g["subtype"]) for g in result.data["subtypeGrants"]}

    assert subtypes(await api(GRANTS, token=csust)) == {("长沙理工大学", "OTHER_NON_DEGREE")}
    # An institution cannot look at another's grants: the filter narrows its own, to nothing.
    assert subtypes(await api(GRANTS, {"institutionId": hnu_id}, token=csust)) == set()
    assert subtypes(await api(GRANTS, token=hnu)) == {("湖南大学", "NATIONAL_QUALIFICATION")}
    assert subtypes(await api(GRANTS, token=staff)) == {
        ("长沙理工大学", "OTHER_NON_DEGREE"), ("湖南大学", "NATIONAL_QUALIFICATION")}
    assert subtypes(await api(GRANTS, {"institutionId": hnu_id}, token=staff)) == {
        ("湖南大学", "NATIONAL_QUALIFICATION")}


async def test_f4_5_revoking_at_once_revokes_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    mine = await institution_id(api, token)
    await grant(api, staff, mine, "OTHER_NON_DEGREE")
    # Open as many database connections as there are requests below, so they really overlap.
    await asyncio.gather(*(api(GRANTS, token=staff) for _ in range(3)))
    answers = await asyncio.gather(*(
        api(REVOKE, {"institutionId": mine, "subtype": "OTHER_NON_DEGREE"}, token=staff) for _ in range(3)))
    codes = sorted(e["code"] for a in answers for e in a.payload("revokeSubtype")["errors"])
    assert await AuditLog.filter(action="grant.revoke").count() == 1
    assert codes == ["GRANT_NOT_FOUND", "GRANT_NOT_FOUND"]


async def test_f4_5_a_grant_opens_the_subtype_for_one_institution_only(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    await granted(api, csust, "OTHER_NON_DEGREE")
    await store(api, csust, certificate_input())
    before = await snapshot()
    assert await store_refused(api, hnu, certificate_input()) == [("subtype", "SUBTYPE_NOT_GRANTED")]
    assert await snapshot() == before


# --- F4.6 no modification ---------------------------------------------------------------------


async def test_f4_6_there_is_no_way_to_modify_an_achievement(api: Api) -> None:
    names = await mutation_names(api)
    assert "storeAchievement" in names
    modifying = [n for n in names if "Achievement" in n
                 and n.startswith(("update", "modify", "edit", "change", "set", "save"))]
    assert modifying == []
    # Storing cannot overwrite either: its input names no existing achievement.
    assert "id" not in await input_fields(api, "StoreAchievementInput")


async def test_f4_6_deleted_then_stored_again(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    old = await store(api, token, diploma_input(ref))
    assert await store_refused(api, token, diploma_input(ref, years=3)) == [(None, "ACHIEVEMENT_EXISTS")]

    deleted = await run_batch(api, DELETE, "deleteAchievements", token, [old["id"]])
    assert deleted["succeeded"] == 1
    new = await store(api, token, diploma_input(ref, years=3, introduction="修正后的简介"))
    assert new["id"] != old["id"] and new["name"] == old["name"]
    assert (new["years"], new["introduction"]) == (3, "修正后的简介")
    page = await listing(api, token)
    assert page["totalCount"] == 1 and page["nodes"][0]["id"] == new["id"]
    assert (await detail(api, token, old["id"])).error_codes == ["NOT_FOUND"]
    # ...and deleted and stored again once more.
    await run_batch(api, DELETE, "deleteAchievements", token, [new["id"]])
    assert (await store(api, token, diploma_input(ref)))["years"] == 4


# --- F4.7 deletion ----------------------------------------------------------------------------


async def test_f4_7_only_unrecognized_achievements_can_be_deleted(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    recognizing = await store_course(api, token, "认定中的课程")
    recognized = await store_course(api, token, "已认定的课程")
    unrecognized = await store_course(api, token, "未认定的课程")
    await run_batch(api, START_RECOGNITION, "startRecognition", staff, [recognizing["id"]])
    await recognize(api, staff, [recognized["id"]])

    before = await snapshot()
    refused = await run_batch(api, DELETE, "deleteAchievements", token, [recognizing["id"], recognized["id"]])
    assert [(r["id"], r["ok"], r["error"]["code"]) for r in refused["results"]] == [
        (recognizing["id"], False, "NOT_DELETABLE"), (recognized["id"], False, "NOT_DELETABLE")]
    assert "认定中" in refused["results"][0]["error"]["message"]
    assert "已认定" in refused["results"][1]["error"]["message"]
    assert (refused["succeeded"], refused["failed"]) == (0, 2)
    assert await snapshot() == before

    done = await run_batch(api, DELETE, "deleteAchievements", token, [unrecognized["id"]])
    assert done["results"] == [{"id": unrecognized["id"], "ok": True, "error": None}]
    assert sorted(await listed_names(api, token)) == sorted(["认定中的课程", "已认定的课程"])
    # Soft delete: the row stays, marked, and the deletion is audited.
    row = await Achievement.get(id=pk(unrecognized["id"]))
    assert row.deleted_at is not None and row.deleted_by_id is not None
    audit = await AuditLog.get(action="achievement.delete")
    assert audit.object_id == str(row.id)


async def test_f4_7_refusal_names_the_recognition_status_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    achievement = await store_course(api, token)
    await recognize(api, staff, [achievement["id"]])
    answer = await run_batch(api, DELETE, "deleteAchievements", token, [achievement["id"]])
    message = answer["results"][0]["error"]["message"]
    assert "餐厅创建课程" in message and "已认定" in message
    assert "已已" not in message


async def test_f4_7_many_at_once_are_answered_per_item_in_order(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    hnu = await hnu_token(api)
    staff = await login(api, *STAFF)
    a, b, c, d = [await store_course(api, token, f"课程{n}") for n in "甲乙丙丁"]
    theirs = await store_course(api, hnu, "湖大课程")
    await run_batch(api, START_RECOGNITION, "startRecognition", staff, [c["id"]])
    await run_batch(api, DELETE, "deleteAchievements", token, [d["id"]])
    ids = [a["id"], theirs["id"], c["id"], "not-an-id", d["id"], b["id"], encode_id("Achievement", 9999)]

    answer = await run_batch(api, DELETE, "deleteAchievements", token, ids)
    assert [(r["id"], r["ok"], r["error"] and r["error"]["code"]) for r in answer["results"]] == [
        (a["id"], True, None),
        (theirs["id"], False, "NOT_FOUND"),
        (c["id"], False, "NOT_DELETABLE"),
        ("not-an-id", False, "NOT_FOUND"),
        (d["id"], False, "NOT_FOUND"),  # already deleted
        (b["id"], True, None),
        (encode_id("Achievement", 9999), False, "NOT_FOUND"),
    ]
    assert (answer["succeeded"], answer["failed"]) == (2, 5)
    assert await listed_names(api, token) == ["课程丙"]
    assert await listed_names(api, hnu) == ["湖大课程"]


async def test_f4_7_another_institutions_achievement_is_not_found_and_nothing_changes(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    theirs = await store_course(api, hnu, "湖大课程")
    before = await snapshot()
    answer = await run_batch(api, DELETE, "deleteAchievements", csust, [theirs["id"]])
    assert answer["results"] == [{"id": theirs["id"], "ok": False,
                                  "error": {"field": "ids", "code": "NOT_FOUND", "message": "对象不存在或无权访问"}}]
    assert await snapshot() == before
    assert await listed_names(api, hnu) == ["湖大课程"]


async def test_f4_7_only_institution_users_delete(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    achievement = await store_course(api, token)
    before = await snapshot()
    assert (await api(DELETE, {"ids": [achievement["id"]]}, token=staff)).error_codes == ["FORBIDDEN"]
    assert (await api(DELETE, {"ids": [achievement["id"]]})).error_codes == ["UNAUTHENTICATED"]
    assert await snapshot() == before
    teacher = await login(api, *CSUST_TEACHER)
    assert (await run_batch(api, DELETE, "deleteAchievements", teacher, [achievement["id"]]))["succeeded"] == 1


async def test_f4_7_learner_achievements_stored_from_it_are_not_affected(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    achievement = await store(api, token, diploma_input(ref))
    institution = pk(await institution_id(api, token), "Institution")
    await learner_on(institution, pk(achievement["id"]), "陈同学", "632323190605260922")
    await learner_on(institution, pk(achievement["id"]), "刘同学", "110101199003070011")
    learners_before = await snapshot()
    overview_before = (await api(OVERVIEW, token=token)).data["accountOverview"]
    assert overview_before["learnerAchievements"] == {"total": 2, "degree": 2, "nonDegree": 0}
    assert (await listing(api, token))["nodes"][0]["learnerCount"] == 2

    answer = await run_batch(api, DELETE, "deleteAchievements", token, [achievement["id"]])
    assert answer["succeeded"] == 1
    after = await snapshot()
    for table in ("learner", "learner_achievement"):
        assert after[table] == learners_before[table]
    assert all(row["achievement_id"] == pk(achievement["id"]) and row["withdrawn_at"] is None
               for row in after["learner_achievement"])
    overview = (await api(OVERVIEW, token=token)).data["accountOverview"]
    assert overview["learnerAchievements"] == overview_before["learnerAchievements"]
    assert overview["achievements"]["total"] == 0


# --- F16 recognition by bank staff -----------------------------------------------------------


async def test_f16_recognition_moves_one_step_at_a_time_and_is_audited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    achievement = await store_course(api, token)
    ids = [achievement["id"]]
    staff_id = pk((await api("{ me { id } }", token=staff)).data["me"]["id"], "Account")
    institution = pk(await institution_id(api, token), "Institution")

    async def status() -> str:
        return (await detail(api, token, achievement["id"])).data["node"]["recognitionStatus"]

    before = await snapshot()
    skipped = await run_batch(api, RECOGNIZE, "recognizeAchievements", staff, ids)
    assert [(r["ok"], r["error"]["code"]) for r in skipped["results"]] == [(False, "RECOGNITION_STATE")]
    assert "未认定" in skipped["results"][0]["error"]["message"]
    assert await snapshot() == before

    started = await run_batch(api, START_RECOGNITION, "startRecognition", staff, ids)
    assert started["results"] == [{"id": achievement["id"], "ok": True, "error": None}]
    assert await status() == "RECOGNIZING"
    twice = await run_batch(api, START_RECOGNITION, "startRecognition", staff, ids)
    assert twice["results"][0]["error"]["code"] == "RECOGNITION_STATE"

    done = await run_batch(api, RECOGNIZE, "recognizeAchievements", staff, ids)
    assert (done["succeeded"], done["failed"]) == (1, 0)
    node = (await detail(api, token, achievement["id"])).data["node"]
    assert node["recognitionStatus"] == "RECOGNIZED" and node["recognizedAt"].endswith("+08:00")
    for document, field in ((START_RECOGNITION, "startRecognition"), (RECOGNIZE, "recognizeAchievements")):
        again = await run_batch(api, document, field, staff, ids)
        assert again["results"][0]["error"]["code"] == "RECOGNITION_STATE"
    assert await status() == "RECOGNIZED"

    audit = await AuditLog.filter(action="achievement.recognition").order_by("id").values(
        "actor_id", "institution_id", "object_type", "object_id", "detail")
    assert audit == [
        {"actor_id": staff_id, "institution_id": institution, "object_type": "Achievement",
         "object_id": str(pk(achievement["id"])), "detail": {"before": "UNRECOGNIZED", "after": "RECOGNIZING"}},
        {"actor_id": staff_id, "institution_id": institution, "object_type": "Achievement",
         "object_id": str(pk(achievement["id"])), "detail": {"before": "RECOGNIZING", "after": "RECOGNIZED"}},
    ]


async def test_f16_recognition_answers_per_item(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    staff = await login(api, *STAFF)
    mine = await store_course(api, csust, "长理课程")
    theirs = await store_course(api, hnu, "湖大课程")
    gone = await store_course(api, csust, "已删除的课程")
    await run_batch(api, DELETE, "deleteAchievements", csust, [gone["id"]])
    answer = await run_batch(api, START_RECOGNITION, "startRecognition", staff,
                             [theirs["id"], gone["id"], mine["id"], "bogus"])
    assert [(r["id"], r["error"] and r["error"]["code"]) for r in answer["results"]] == [
        (theirs["id"], None), (gone["id"], "NOT_FOUND"), (mine["id"], None), ("bogus", "NOT_FOUND")]
    assert (answer["succeeded"], answer["failed"]) == (2, 2)
    assert await listed_names(api, staff, {"recognitionStatus": "RECOGNIZING"}) == ["湖大课程", "长理课程"]
    assert await AuditLog.filter(action="achievement.recognition").count() == 2
    # Each audit row names the achievement's own institution.
    institutions = {pk(await institution_id(api, t), "Institution") for t in (csust, hnu)}
    assert set(await AuditLog.filter(action="achievement.recognition").values_list("institution_id", flat=True)) \
        == institutions


async def test_f16_only_staff_recognise(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    achievement = await store_course(api, token)
    before = await snapshot()
    for caller in (token, teacher, None):
        for document in (START_RECOGNITION, RECOGNIZE):
            codes = (await api(document, {"ids": [achievement["id"]]}, token=caller)).error_codes
            assert codes == (["FORBIDDEN"] if caller else ["UNAUTHENTICATED"])
    assert await snapshot() == before


# --- F4.1 the list ----------------------------------------------------------------------------


async def _store_the_manuals_mix(api: Api, token: str, ref: Reference) -> dict[str, dict[str, Any]]:
    await granted(api, token, "OTHER_NON_DEGREE")
    stored = [
        await store(api, token, diploma_input(ref, major="020102", level="本科")),
        await store(api, token, diploma_input(ref, subtype="VOCATIONAL_DIPLOMA", major="410106", level="高职")),
        await store(api, token, diploma_input(ref, major="010101", conclusion="学位证书")),
        await store(api, token, course_input("餐厅创建课程")),
        await store(api, token, course_input("测试成果1", subtype="VOCATIONAL_COURSE")),
        await store(api, token, course_input("34567", subtype="CONTINUING_EDUCATION_COURSE")),
        await store(api, token, certificate_input("茶艺师", grade="INTERMEDIATE")),
    ]
    return {a["name"]: a for a in stored}


async def test_f4_1_list_filters_by_name_category_subtype_and_status(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    ref = await reference(api, token)
    stored = await _store_the_manuals_mix(api, token, ref)
    assert set(stored) == {"经济统计学毕业证书(本科)", "植物保护与检疫技术毕业证书(高职)", "哲学学位证书(本科)",
                           "餐厅创建课程", "测试成果1", "34567", "茶艺师(中级)"}
    await recognize(api, staff, [stored["经济统计学毕业证书(本科)"]["id"]])
    await run_batch(api, START_RECOGNITION, "startRecognition", staff, [stored["餐厅创建课程"]["id"]])
    status = {name: "UNRECOGNIZED" for name in stored}
    status.update({"经济统计学毕业证书(本科)": "RECOGNIZED", "餐厅创建课程": "RECOGNIZING"})

    async def names(**filter: Any) -> set[str]:
        found = await listed_names(api, token, filter)
        assert len(found) == len(set(found))
        return set(found)

    assert await names() == set(stored)
    for text in ("证书", "学", "课程", "(本科)", "3456", "毕业证书(高职)"):
        assert await names(name=text) == {n for n in stored if text in n}, text
    assert await names(name="  证书 ") == await names(name="证书")
    assert await names(name="不存在") == set()
    for category in ("DEGREE", "NON_DEGREE"):
        assert await names(category=category) == {n for n, a in stored.items() if a["category"] == category}
    for subtype in {a["subtype"] for a in stored.values()} | {"NATIONAL_QUALIFICATION"}:
        assert await names(subtype=subtype) == {n for n, a in stored.items() if a["subtype"] == subtype}
    for recognition in ("UNRECOGNIZED", "RECOGNIZING", "RECOGNIZED"):
        assert await names(recognitionStatus=recognition) == {n for n in stored if status[n] == recognition}
    assert await names(name="证书", category="DEGREE", subtype="VOCATIONAL_DIPLOMA") == {
        "植物保护与检疫技术毕业证书(高职)"}
    assert await names(name="证书", recognitionStatus="UNRECOGNIZED") == {
        "植物保护与检疫技术毕业证书(高职)", "哲学学位证书(本科)"}
    assert await names(category="NON_DEGREE", subtype="HIGHER_EDUCATION_COURSE") == set()

    # The row shows the manual's columns.
    [row] = (await listing(api, token, {"name": "餐厅"}))["nodes"]
    assert (row["name"], row["category"], row["subtype"], row["recognitionStatus"], row["learnerCount"],
            row["relatedRuleCount"]) == ("餐厅创建课程", "DEGREE", "HIGHER_EDUCATION_COURSE", "RECOGNIZING", 0, 0)


async def test_f4_1_like_wildcards_in_the_name_are_plain_text(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    for name in ("百分之百%课程", "下划_线课程", "普通课程"):
        await store_course(api, token, name)
    assert await listed_names(api, token, {"name": "%"}) == ["百分之百%课程"]
    assert await listed_names(api, token, {"name": "_"}) == ["下划_线课程"]


async def test_f4_1_list_is_paginated_with_a_total(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    names = [f"分页课程{n:02d}" for n in range(1, 24)]
    for name in names:
        await store_course(api, token, name)
    await store_course(api, token, "其他")

    first = await listing(api, token, {"name": "分页"}, first=10)
    assert first["totalCount"] == 23 and len(first["nodes"]) == 10
    assert first["pageInfo"]["hasNextPage"] is True and first["pageInfo"]["hasPreviousPage"] is False
    second = await listing(api, token, {"name": "分页"}, first=10, after=first["pageInfo"]["endCursor"])
    assert second["totalCount"] == 23 and len(second["nodes"]) == 10
    last = await listing(api, token, {"name": "分页"}, first=10, offset=20)
    assert last["totalCount"] == 23 and len(last["nodes"]) == 3
    assert last["pageInfo"]["hasNextPage"] is False and last["pageInfo"]["hasPreviousPage"] is True
    seen = [n["name"] for page in (first, second, last) for n in page["nodes"]]
    assert sorted(seen) == names and len(set(seen)) == 23
    # Newest first, as the manual's list.
    assert seen == list(reversed(names))
    assert (await listing(api, token, {"name": "分页课程1"}, first=3))["totalCount"] == 10
    assert (await listing(api, token, first=0))["totalCount"] == 24


async def test_f4_1_learner_and_rule_counts_come_from_the_data(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    hnu = await hnu_token(api)
    ref = await reference(api, token)
    statistics = await store(api, token, diploma_input(ref))
    course = await store_course(api, token, "餐厅创建课程")
    lonely = await store_course(api, token, "无人问津的课程")
    csust = pk(await institution_id(api, token), "Institution")
    hunan = pk(await institution_id(api, hnu), "Institution")
    a, b = pk(statistics["id"]), pk(course["id"])

    chen = (await learner_on(csust, a, "陈同学", "632323190605260922")).learner_id  # type: ignore[attr-defined]
    await learner_on(csust, a, "刘同学", "110101199003070011")
    await learner_on(csust, a, "王同学", "110101199003070038")
    await learner_on(csust, a, "赵同学", "110101199003070054", withdrawn=True)
    # A second record of the same learner is still one learner holding it.
    await learner_on(csust, a, "", "", learner=await Learner.get(id=chen))
    await learner_on(csust, b, "", "", learner=await Learner.get(id=chen))

    await rule_from(csust, "202203010001", a, b)
    await rule_from(hunan, "202203010002", a)  # another institution's rule from my achievement
    await rule_from(csust, "202203010003", a, deleted=True)
    await rule_from(csust, "202203010004", b)
    await rule_from(hunan, "202203010005", b)
    await rule_from(hunan, "202203010006", b, deleted=True)

    rows = {n["name"]: (n["learnerCount"], n["relatedRuleCount"]) for n in (await listing(api, token))["nodes"]}
    assert rows == {"经济统计学毕业证书(本科)": (3, 2), "餐厅创建课程": (1, 3), "无人问津的课程": (0, 0)}
    node = (await detail(api, token, statistics["id"])).data["node"]
    assert (node["learnerCount"], node["relatedRuleCount"]) == (3, 2)
    node = (await detail(api, token, lonely["id"])).data["node"]
    assert (node["learnerCount"], node["relatedRuleCount"]) == (0, 0)

    # Withdrawing and deleting move the counts.
    await LearnerAchievement.filter(achievement_id=a, learner__name="刘同学").update(withdrawn_at=now())
    await ConversionRule.filter(code="202203010002").update(deleted_at=now())
    node = (await detail(api, token, statistics["id"])).data["node"]
    assert (node["learnerCount"], node["relatedRuleCount"]) == (2, 1)


async def test_f4_1_another_institutions_achievements_never_show(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    await store_course(api, csust, "长理课程")
    await store_course(api, hnu, "湖大课程")
    hnu_id = await institution_id(api, hnu)
    assert await listed_names(api, csust) == ["长理课程"]
    assert await listed_names(api, csust, {"name": "课程"}) == ["长理课程"]
    # Naming another institution in the filter does not open its list.
    assert await listed_names(api, csust, {"institutionId": hnu_id}) == []
    assert await listed_names(api, hnu) == ["湖大课程"]


async def test_f4_1_sub_user_sees_its_institutions_list(api: Api, demo: None) -> None:
    main = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    hnu = await hnu_token(api)
    await store_course(api, main, "主账户存储的课程")
    await store_course(api, teacher, "子用户存储的课程")
    await store_course(api, hnu, "湖大课程")
    expected = {"主账户存储的课程", "子用户存储的课程"}
    assert set(await listed_names(api, teacher)) == expected
    assert set(await listed_names(api, main)) == expected
    assert await listed_names(api, teacher, {"name": "主账户"}) == ["主账户存储的课程"]


async def test_f4_1_staff_see_every_institution_and_filter_by_one(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_token(api)
    staff = await login(api, *STAFF)
    await store_course(api, csust, "长理课程")
    await store_course(api, hnu, "湖大课程")
    await store_course(api, hnu, "湖大另一门课程")
    assert set(await listed_names(api, staff)) == {"长理课程", "湖大课程", "湖大另一门课程"}
    assert await listed_names(api, staff, {"institutionId": await institution_id(api, csust)}) == ["长理课程"]
    hnu_only = await listing(api, staff, {"institutionId": await institution_id(api, hnu)})
    assert hnu_only["totalCount"] == 2
    assert {n["institution"]["name"] for n in hnu_only["nodes"]} == {"湖南大学"}
    assert await listed_names(api, staff, {"institutionId": await institution_id(api, hnu), "name": "另一"}) == [
        "湖大另一门课程"]


async def test_f4_1_list_needs_a_login(api: Api, demo: None) -> None:
    assert (await api(LIST, {})).error_codes == ["UNAUTHENTICATED"]
    hnu = await login(api, *HNU_SYNCED)
    assert (await api(LIST, {}, token=hnu)).error_codes == ["PASSWORD_CHANGE_REQUIRED"]


# --- F4.11 detail -----------------------------------------------------------------------------


async def test_f4_11_detail_shows_the_manuals_fields(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ref = await reference(api, token)
    stored = await store(api, token, diploma_input(
        ref, major="020102", level="本科", conclusion="毕业证书", years=4, minGraduationCredits=4,
        originalCredits=4, originalHours=12, validFrom="2022-03-01", introduction="测试",
    ))
    result = await detail(api, token, stored["id"])
    assert not result.errors, result.errors
    node = result.data["node"]
    row = await Achievement.get(id=pk(stored["id"]))
    entered = row.created_at.astimezone(SHANGHAI).isoformat(timespec="seconds")
    assert node == {
        "__typename": "Achievement",
        "id": stored["id"],
        # 成果基本信息
        "name": "经济统计学毕业证书(本科)",
        "category": "DEGREE",
        "subtype": "HIGHER_EDUCATION_DIPLOMA",
        "issuer": "长沙理工大学",
        # 成果附属信息
        "level": {"id": ref.levels["本科"], "name": "本科"},
        "discipline": {"code": "02", "name": "经济学"},
        "majorClass": {"code": "0201", "name": "经济学类"},
        "major": {"id": ref.majors["020102"]["id"], "code": "020102", "name": "经济统计学"},
        "years": 4,
        "graduationConclusion": {"id": ref.conclusions["毕业证书"], "name": "毕业证书"},
        "minGraduationCredits": 4,
        "originalCredits": 4,
        "originalHours": 12,
        "validFrom": "2022-03-01",
        "enteredAt": entered,
        "introduction": "测试",
        # the list's other columns
        "recognitionStatus": "UNRECOGNIZED",
        "recognizedAt": None,
        "learnerCount": 0,
        "relatedRuleCount": 0,
        "courseName": "",
        "courseCode": "",
        "certificateName": "",
        "grade": None,
        "institution": {"id": await institution_id(api, token), "name": "长沙理工大学"},
    }
    assert node["enteredAt"].endswith("+08:00")
    # storeAchievement answered with the same achievement.
    assert {k: v for k, v in node.items() if k != "__typename"} == stored


async def test_f4_11_detail_of_a_course_and_a_certificate(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await granted(api, token, "SKILL_LEVEL_CERTIFICATE")
    course = await store(api, token, course_input("餐厅创建课程", courseCode="CT-101", originalHours=48,
                                                   originalCredits=3, introduction="课程介绍"))
    node = (await detail(api, token, course["id"])).data["node"]
    assert {k: node[k] for k in ("name", "subtype", "courseName", "courseCode", "originalHours",
                                 "originalCredits", "introduction", "issuer")} == {
        "name": "餐厅创建课程", "subtype": "HIGHER_EDUCATION_COURSE", "courseName": "餐厅创建课程",
        "courseCode": "CT-101", "originalHours": 48, "originalCredits": 3, "introduction": "课程介绍",
        "issuer": "长沙理工大学"}
    certificate = await store(api, token, certificate_input("电工", subtype="SKILL_LEVEL_CERTIFICATE",
                                                            grade="ADVANCED", validFrom="2021-09-01"))
    node = (await detail(api, token, certificate["id"])).data["node"]
    assert {k: node[k] for k in ("name", "category", "certificateName", "grade", "validFrom", "originalHours")} == {
        "name": "电工(高级)", "category": "NON_DEGREE", "certificateName": "电工", "grade": "ADVANCED",
        "validFrom": "2021-09-01", "originalHours": None}


async def test_f4_11_another_institutions_achievement_is_not_found(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    hnu = await hnu_token(api)
    staff = await login(api, *STAFF)
    mine = await store_course(api, csust, "长理课程")
    theirs = await store_course(api, hnu, "湖大课程")
    assert (await detail(api, csust, theirs["id"])).error_codes == ["NOT_FOUND"]
    assert (await detail(api, teacher, theirs["id"])).error_codes == ["NOT_FOUND"]
    assert (await detail(api, hnu, mine["id"])).error_codes == ["NOT_FOUND"]
    assert (await detail(api, csust, encode_id("Achievement", 9999))).error_codes == ["NOT_FOUND"]
    assert (await detail(api, csust, mine["id"])).data["node"]["name"] == "长理课程"
    assert (await detail(api, teacher, mine["id"])).data["node"]["name"] == "长理课程"
    assert (await detail(api, staff, theirs["id"])).data["node"]["issuer"] == "湖南大学"
    assert (await detail(api, None, mine["id"])).error_codes == ["UNAUTHENTICATED"]  # type: ignore[arg-type]


# --- F3.1 account-centre counts ---------------------------------------------------------------


async def test_f3_1_overview_counts_equal_the_filtered_list_totals(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    hnu = await hnu_token(api)
    staff = await login(api, *STAFF)
    ref = await reference(api, token)
    await granted(api, token, "OTHER_NON_DEGREE", "NATIONAL_QUALIFICATION")

    async def counts(caller: str) -> tuple[dict[str, int], dict[str, int]]:
        overview = (await api(OVERVIEW, token=caller)).data["accountOverview"]["achievements"]
        lists = {
            "total": (await listing(api, caller, first=0))["totalCount"],
            "degree": (await listing(api, caller, {"category": "DEGREE"}, first=0))["totalCount"],
            "nonDegree": (await listing(api, caller, {"category": "NON_DEGREE"}, first=0))["totalCount"],
        }
        return overview, lists

    assert await counts(token) == ({"total": 0, "degree": 0, "nonDegree": 0},) * 2

    diploma = await store(api, token, diploma_input(ref))
    await store(api, token, diploma_input(ref, subtype="VOCATIONAL_DIPLOMA", major="410106", level="高职"))
    course = await store_course(api, token, "餐厅创建课程")
    await store(api, token, certificate_input("茶艺师"))
    await store(api, token, certificate_input("电工", subtype="NATIONAL_QUALIFICATION", grade="PRIMARY"))
    await store_course(api, hnu, "湖大课程")  # not ours
    await run_batch(api, DELETE, "deleteAchievements", token, [course["id"]])
    await recognize(api, staff, [diploma["id"]])

    overview, lists = await counts(token)
    assert overview == lists == {"total": 4, "degree": 2, "nonDegree": 2}
    assert await counts(teacher) == (overview, lists)
    hnu_overview, hnu_lists = await counts(hnu)
    assert hnu_overview == hnu_lists == {"total": 1, "degree": 1, "nonDegree": 0}
