"""Learner achievements 学员成果 (manual 2.2.2): the list with its filters and masked columns (F5.1),
storing an achievement for a learner (F5.2), the audited detail (F5.4) and withdrawal with a
reason and a reason file (F5.5, D1 ``withdrawRecords``). Everything goes through the GraphQL
API; the database is read only to prove what was kept and that refusals changed nothing."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from models.audit import AuditLog
from models.learner import Learner, LearnerAchievement, LearnerStatus, StorageSource
from resolvers.ids import decode_id, encode_id
from server.settings import Settings
from tests.support.api import Api
from tests.support.catalogue import DELETE as DELETE_ACHIEVEMENTS
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, STAFF, login
from tests.support.learner_records import (
    BEIJING,
    DETAIL,
    PDF,
    REASON_PDF,
    REASON_PNG,
    TEN_MB,
    background_done,
    beijing_today,
    hnu_admin,
    learner_count,
    learners,
    masked,
    overview,
    person,
    record_ids,
    records,
    store_certificate,
    store_course,
    store_diploma,
    store_record,
    store_record_result,
    store_refused,
    stored_files,
    tomorrow,
    withdraw,
    withdraw_result,
    wrong_check_digit,
)

ZHANG = ("测试1", person(1))
LI = ("测试2", person(2, region="632323", born="19060526"))
BI = ("毕志刚", person(3, region="530127", born="19850315"))
# A number whose check digit is X, which people often type in lower case.
WANG = ("王五", next(n for i in range(1000) if (n := person(i, region="430104", born="20000229"))[-1] == "X"))


def pk(global_id: str, type_name: str = "LearnerAchievement") -> int:
    return decode_id(global_id, type_name)


def outcome(result: Any) -> str:
    payload = result.payload("storeLearnerAchievement")
    return payload["errors"][0]["code"] if payload["errors"] else "ok"


async def account_id(username: str) -> int:
    from models.account import Account

    return (await Account.get(username=username)).id


# --- F5.1 the list ------------------------------------------------------------------------------


async def test_f5_1_list_shows_the_manuals_columns_with_masked_id_and_phone(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    stored = await store_record(api, token, diploma["id"], *LI, "cs00013")
    assert stored["achievementName"] == "经济统计学毕业证书(本科)"

    listing = await records(api, token)
    assert listing["totalCount"] == 1
    row = listing["nodes"][0]
    assert row["id"] == stored["id"]
    assert row["achievementName"] == "经济统计学毕业证书(本科)"
    assert (row["category"], row["subtype"]) == ("DEGREE", "HIGHER_EDUCATION_DIPLOMA")
    assert row["learner"]["name"] == "测试2"
    # 632323*****0922 as the manual shows it: never the full number in a list.
    assert row["learner"]["maskedIdNumber"] == masked(LI[1]) == f"632323*****{LI[1][-4:]}"
    assert LI[1] not in str(listing)
    # Not registered yet: no phone to show.
    assert row["learner"]["maskedPhone"] == ""
    assert row["source"] == "INSTITUTION"
    assert (row["personalNumber"], row["issuedOn"]) == ("cs00013", "2022-03-01")
    assert row["institution"]["name"] == "长沙理工大学"
    assert datetime.fromisoformat(row["enteredAt"]).year == beijing_today().year

    labels = await api('{ labels(names: ["StorageSource"]) { values { value label } } }')
    assert {v["value"]: v["label"] for v in labels.data["labels"][0]["values"]} == {
        "INSTITUTION": "机构存储", "CREDIT_BANK": "学分银行存储",
        "OPEN_UNIVERSITY_BANK": "国开学分银行存储", "EDUCATION_COMMISSION": "教育委员会存储",
    }
    assert (await LearnerAchievement.get(id=pk(stored["id"]))).source == StorageSource.INSTITUTION


async def test_f5_1_filters_by_name_type_learner_id_number_and_achievement(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    diploma = await store_diploma(api, token)
    vocational = await store_diploma(api, token, subtype="VOCATIONAL_DIPLOMA", major="410106", level="高职")
    course = await store_course(api, token, "省厅创建课程")
    certificate = await store_certificate(api, token, staff, "茶艺师")
    held = {
        "zhang_diploma": await store_record(api, token, diploma["id"], *ZHANG, "cs00012"),
        "li_diploma": await store_record(api, token, diploma["id"], *LI, "cs00013"),
        "bi_vocational": await store_record(api, token, vocational["id"], *BI, "zy001"),
        "bi_course": await store_record(api, token, course["id"], *BI, "kc001", score="90", earnedCredits=2),
        "li_certificate": await store_record(api, token, certificate["id"], *LI, "cy001"),
        "wang_course": await store_record(api, token, course["id"], WANG[0], WANG[1].lower(), "kc002"),
    }
    ids = {key: value["id"] for key, value in held.items()}

    async def found(filter: dict[str, Any]) -> set[str]:
        return {key for key, value in ids.items() if value in await record_ids(api, token, filter)}

    everything = await records(api, token)
    assert everything["totalCount"] == 6
    # Newest entries first.
    assert [n["id"] for n in everything["nodes"]] == [ids[k] for k in reversed(list(ids))]

    assert await found({"name": "经济统计"}) == {"zhang_diploma", "li_diploma"}
    assert await found({"name": " 毕业证书 "}) == {"zhang_diploma", "li_diploma", "bi_vocational"}
    assert await found({"category": "DEGREE"}) == set(ids) - {"li_certificate"}
    assert await found({"category": "NON_DEGREE"}) == {"li_certificate"}
    assert await found({"subtype": "VOCATIONAL_COURSE"}) == {"bi_course", "wang_course"}
    assert await found({"subtype": "VOCATIONAL_DIPLOMA"}) == {"bi_vocational"}
    assert await found({"learnerName": "毕志"}) == {"bi_vocational", "bi_course"}
    assert await found({"idNumber": LI[1]}) == {"li_diploma", "li_certificate"}
    assert await found({"idNumber": "632323"}) == {"li_diploma", "li_certificate"}
    assert await found({"achievementId": diploma["id"]}) == {"zhang_diploma", "li_diploma"}
    assert await found({"idNumber": WANG[1].lower()}) == {"wang_course"}
    assert held["wang_course"]["learner"]["maskedIdNumber"] == masked(WANG[1])
    # Filters combine.
    assert await found({"idNumber": BI[1], "category": "DEGREE", "name": "课程"}) == {"bi_course"}
    assert await found({"learnerName": "测试", "category": "NON_DEGREE"}) == {"li_certificate"}
    assert await found({"learnerName": "没有这个人"}) == set()
    # An ID number that is not one of ours, and an ID of something that is not an achievement.
    assert await found({"idNumber": person(99)}) == set()
    assert await found({"achievementId": encode_id("Learner", 1)}) == set()


async def test_f5_1_entry_year_is_the_beijing_calendar_year(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    late = await store_record(api, token, course["id"], *ZHANG, "kc001")
    early = await store_record(api, token, course["id"], *LI, "kc002")
    current = await store_record(api, token, course["id"], *BI, "kc003")
    # Entry times cannot be chosen through the API: move two records to either side of the
    # 2021/2022 boundary in Beijing time, written as the UTC instants the app itself stores
    # (both are still 31 December in UTC).
    await LearnerAchievement.filter(id=pk(late["id"])).update(
        created_at=datetime(2021, 12, 31, 23, 30, tzinfo=BEIJING).astimezone(timezone.utc))
    await LearnerAchievement.filter(id=pk(early["id"])).update(
        created_at=datetime(2022, 1, 1, 0, 30, tzinfo=BEIJING).astimezone(timezone.utc))

    listed = {n["id"]: n["enteredAt"] for n in (await records(api, token))["nodes"]}
    assert listed[late["id"]].startswith("2021-12-31T23:30:00")
    assert listed[early["id"]].startswith("2022-01-01T00:30:00")
    assert await record_ids(api, token, {"entryYear": 2021}) == {late["id"]}
    assert await record_ids(api, token, {"entryYear": 2022}) == {early["id"]}
    this_year = beijing_today().year
    assert await record_ids(api, token, {"entryYear": this_year}) == {current["id"]}
    assert await record_ids(api, token, {"entryYear": 2020}) == set()
    assert await record_ids(api, token, {"entryYear": 2022, "learnerName": "测试1"}) == set()


async def test_f5_1_lists_only_the_callers_institution(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_admin(api)
    csust_course = await store_course(api, csust, "长理课程")
    hnu_course = await store_course(api, hnu, "湖大课程")
    mine = await store_record(api, csust, csust_course["id"], *ZHANG, "kc001")
    theirs = await store_record(api, hnu, hnu_course["id"], *ZHANG, "kc001")

    assert await record_ids(api, csust) == {mine["id"]}
    assert await record_ids(api, hnu) == {theirs["id"]}
    # The sub-user sees the institution's records; filtering by another institution's
    # achievement finds nothing.
    teacher = await login(api, *CSUST_TEACHER)
    assert await record_ids(api, teacher) == {mine["id"]}
    assert await record_ids(api, csust, {"achievementId": hnu_course["id"]}) == set()


# --- F5.2 storing for a learner ---------------------------------------------------------------------


async def test_f5_2_course_record_takes_score_and_earned_credits(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token, credits=4)
    stored = await store_record(api, token, course["id"], *ZHANG, "kc001", score=" 92 ", earnedCredits=3.5)
    assert (stored["score"], stored["earnedCredits"]) == ("92", 3.5)
    assert (stored["category"], stored["subtype"]) == ("DEGREE", "VOCATIONAL_COURSE")
    assert stored["achievement"]["id"] == course["id"]
    # Exactly the course's original credits is allowed.
    full = await store_record(api, token, course["id"], *LI, "kc002", earnedCredits=4)
    assert full["earnedCredits"] == 4.0
    # Both are optional.
    bare = await store_record(api, token, course["id"], *BI, "kc003")
    assert (bare["score"], bare["earnedCredits"]) == ("", None)

    row = await LearnerAchievement.get(id=pk(stored["id"]))
    assert (row.score, float(row.earned_credits)) == ("92", 3.5)


@pytest.mark.parametrize(
    ("earned", "code"),
    [(4.5, "OUT_OF_RANGE"), (100, "OUT_OF_RANGE"), (-1, "OUT_OF_RANGE"), (1.25, "TOO_MANY_DECIMALS")],
    ids=["above-original", "far-above", "negative", "two-decimals"],
)
async def test_f5_2_earned_credits_stay_within_the_courses_original_credits(
    api: Api, demo: None, earned: float, code: str
) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token, credits=4)
    before = await snapshot()
    assert await store_refused(api, token, course["id"], *ZHANG, "kc001", earnedCredits=earned) == {
        ("earnedCredits", code)
    }
    assert await snapshot() == before


async def test_f5_2_score_of_a_course_is_limited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    before = await snapshot()
    assert await store_refused(api, token, course["id"], *ZHANG, "kc001", score="9" * 17) == {("score", "TOO_LONG")}
    assert await snapshot() == before


async def test_f5_2_a_diploma_takes_no_score_or_credits(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    # The diploma form has no score or earned credits: what a client sends anyway is not used,
    # however out of range it would be for a course.
    stored = await store_record(api, token, diploma["id"], *ZHANG, "cs00012", score="95", earnedCredits=999)
    assert (stored["score"], stored["earnedCredits"]) == ("", None)
    row = await LearnerAchievement.get(id=pk(stored["id"]))
    assert (row.score, row.earned_credits) == ("", None)


async def test_f5_2_unknown_learner_is_created_inactive_and_then_reused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    course = await store_course(api, token)
    assert await learners(api, token) == []

    first = await store_record(api, token, diploma["id"], " 测试1 ", ZHANG[1], "cs00012")
    assert first["learner"]["name"] == "测试1"
    assert first["learner"]["status"] == "INACTIVE"
    listed = await learners(api, token)
    assert [(n["name"], n["status"], n["maskedIdNumber"], n["maskedPhone"]) for n in listed] == [
        ("测试1", "INACTIVE", masked(ZHANG[1]), "")
    ]
    # The same person again: the learner row is reused, not duplicated.
    second = await store_record(api, token, course["id"], *ZHANG, "kc001")
    assert second["learner"]["id"] == first["learner"]["id"] == listed[0]["id"]
    assert await Learner.filter(id_number=ZHANG[1]).count() == 1
    learner = await Learner.get(id_number=ZHANG[1])
    assert (learner.status, learner.account_id, learner.phone) == (LearnerStatus.INACTIVE, None, "")
    assert learner.created_by_id == await account_id(CSUST[0])


async def test_f5_2_name_must_match_the_learner_of_that_id_number(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    course = await store_course(api, token)
    await store_record(api, token, diploma["id"], *ZHANG, "cs00012")
    before = await snapshot()
    assert await store_refused(api, token, course["id"], "张三", ZHANG[1], "kc001") == {
        ("name", "LEARNER_NAME_MISMATCH")
    }
    assert await snapshot() == before


async def test_f5_2_same_learner_achievement_and_number_twice_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    await store_record(api, token, diploma["id"], *ZHANG, "cs00012")
    before = await snapshot()
    assert await store_refused(api, token, diploma["id"], *ZHANG, " cs00012 ", issued_on="2023-06-30") == {
        ("personalNumber", "LEARNER_ACHIEVEMENT_EXISTS")
    }
    # The sub-user is refused the same way: the rule is the institution's, not the operator's.
    teacher = await login(api, *CSUST_TEACHER)
    before = await snapshot()
    assert await store_refused(api, teacher, diploma["id"], *ZHANG, "cs00012") == {
        ("personalNumber", "LEARNER_ACHIEVEMENT_EXISTS")
    }
    assert await snapshot() == before
    assert await LearnerAchievement.all().count() == 1


async def test_f5_2_two_identical_requests_at_once_store_one(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    # A learner not known yet: both requests would create them.
    results = await asyncio.gather(*(
        store_record_result(api, token, course["id"], *ZHANG, "kc001") for _ in range(2)
    ))
    assert sorted(outcome(r) for r in results) == ["LEARNER_ACHIEVEMENT_EXISTS", "ok"]
    assert await Learner.filter(id_number=ZHANG[1]).count() == 1
    assert await LearnerAchievement.filter(learner__id_number=ZHANG[1]).count() == 1
    # A learner already known.
    results = await asyncio.gather(*(
        store_record_result(api, token, course["id"], *ZHANG, "kc002") for _ in range(2)
    ))
    assert sorted(outcome(r) for r in results) == ["LEARNER_ACHIEVEMENT_EXISTS", "ok"]
    assert await LearnerAchievement.filter(learner__id_number=ZHANG[1]).count() == 2
    assert (await records(api, token))["totalCount"] == 2


async def test_f5_2_two_achievements_for_one_new_learner_at_once_are_both_stored(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    first = await store_course(api, token, "课程A")
    second = await store_course(api, token, "课程B")
    results = await asyncio.gather(
        store_record_result(api, token, first["id"], *ZHANG, "kc001"),
        store_record_result(api, token, second["id"], *ZHANG, "kc002"),
    )
    assert [outcome(r) for r in results] == ["ok", "ok"]
    assert await Learner.filter(id_number=ZHANG[1]).count() == 1
    assert await LearnerAchievement.filter(learner__id_number=ZHANG[1]).count() == 2


@pytest.mark.parametrize(
    ("id_number", "code"),
    [
        (wrong_check_digit(ZHANG[1]), "ID_NUMBER_CHECK_DIGIT"),
        (person(1, born="19900230"), "ID_NUMBER_BIRTH_DATE"),
        (person(1, born="20990101"), "ID_NUMBER_BIRTH_DATE"),
        (ZHANG[1][:17], "ID_NUMBER_SHAPE"),
    ],
    ids=["check-digit", "30-february", "born-in-the-future", "seventeen-digits"],
)
async def test_f5_2_bad_id_numbers_are_refused(api: Api, demo: None, id_number: str, code: str) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    before = await snapshot()
    assert await store_refused(api, token, course["id"], "测试1", id_number, "kc001") == {("idNumber", code)}
    assert await snapshot() == before


async def test_f5_2_issue_date_cannot_be_in_the_future(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    before = await snapshot()
    assert await store_refused(api, token, course["id"], *ZHANG, "kc001", issued_on=tomorrow()) == {
        ("issuedOn", "FUTURE_DATE")
    }
    assert await snapshot() == before
    today = beijing_today().date().isoformat()
    assert (await store_record(api, token, course["id"], *ZHANG, "kc001", today))["issuedOn"] == today


async def test_f5_2_required_fields_are_all_named_at_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    before = await snapshot()
    assert await store_refused(api, token, course["id"], None, None, None, None) == {
        ("name", "REQUIRED"), ("idNumber", "REQUIRED"), ("personalNumber", "REQUIRED"), ("issuedOn", "REQUIRED"),
    }
    assert await store_refused(api, token, course["id"], "  ", " ", "\t", "2022-03-01") == {
        ("name", "REQUIRED"), ("idNumber", "REQUIRED"), ("personalNumber", "REQUIRED"),
    }
    assert await store_refused(api, token, course["id"], "测" * 33, ZHANG[1], "k" * 65) == {
        ("name", "TOO_LONG"), ("personalNumber", "TOO_LONG"),
    }
    assert await snapshot() == before


async def test_f5_2_only_the_callers_own_live_achievements(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_admin(api)
    theirs = await store_course(api, hnu, "湖大课程")
    deleted = await store_course(api, csust, "已删除课程")
    removed = await api(DELETE_ACHIEVEMENTS, {"ids": [deleted["id"]]}, token=csust)
    assert removed.ok("deleteAchievements")["succeeded"] == 1
    before = await snapshot()
    for achievement in (theirs["id"], deleted["id"], encode_id("Achievement", 99999), "not-an-id"):
        result = await store_record_result(api, csust, achievement, *ZHANG, "kc001")
        assert result.error_codes == ["NOT_FOUND"], achievement
        assert result.data is None
    assert await snapshot() == before


# --- F5.4 the detail ------------------------------------------------------------------------------------


async def test_f5_4_detail_shows_the_full_id_number_and_is_audited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    stored = await store_record(api, token, diploma["id"], *LI, "cs00013")
    # Lists show masked numbers and are not audited as reads of the number.
    await records(api, token)
    assert await AuditLog.filter(action="learner.id_number_read").count() == 0

    teacher = await login(api, *CSUST_TEACHER)
    result = await api(DETAIL, {"id": stored["id"]}, token=teacher)
    assert not result.errors, result.errors
    detail = result.data["learnerAchievementDetail"]
    assert (detail["idNumber"], detail["learnerName"]) == (LI[1], "测试2")
    record = detail["record"]
    assert (record["id"], record["personalNumber"], record["issuedOn"], record["source"]) == (
        stored["id"], "cs00013", "2022-03-01", "INSTITUTION")
    # All the achievement's information (成果基本信息 / 成果附属信息).
    achievement = record["achievement"]
    assert achievement["name"] == "经济统计学毕业证书(本科)"
    assert achievement["issuer"] == "长沙理工大学"
    assert achievement["level"]["name"] == "本科"
    assert achievement["major"] == {"code": "020102", "name": "经济统计学"}
    assert achievement["graduationConclusion"]["name"] == "毕业证书"

    learner = await Learner.get(id_number=LI[1])
    audits = await AuditLog.filter(action="learner.id_number_read")
    assert len(audits) == 1
    assert audits[0].actor_id == await account_id(CSUST_TEACHER[0])
    assert (audits[0].object_type, audits[0].object_id) == ("Learner", str(learner.id))
    assert audits[0].institution_id == learner.institution_id  # type: ignore[attr-defined]
    # Every read is written down.
    await api(DETAIL, {"id": stored["id"]}, token=token)
    assert await AuditLog.filter(action="learner.id_number_read").count() == 2


async def test_f5_4_detail_of_another_institutions_record_is_not_found(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_admin(api)
    course = await store_course(api, csust)
    stored = await store_record(api, csust, course["id"], *ZHANG, "kc001")
    before = await snapshot()
    for record_id in (stored["id"], encode_id("LearnerAchievement", 99999), course["id"]):
        result = await api(DETAIL, {"id": record_id}, token=hnu)
        assert result.error_codes == ["NOT_FOUND"]
        assert ZHANG[1] not in str(result.body)
    assert await snapshot() == before


# --- F5.5 / D1 withdrawal -------------------------------------------------------------------------------


async def test_f5_5_d1_withdrawn_record_leaves_the_lists_and_counts_but_is_kept(
    api: Api, demo: None, settings: Settings
) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    course = await store_course(api, token)
    gone = await store_record(api, token, diploma["id"], *ZHANG, "cs00012")
    kept = await store_record(api, token, diploma["id"], *LI, "cs00013")
    other = await store_record(api, token, course["id"], *ZHANG, "kc001")
    assert await learner_count(api, token, diploma["id"]) == 2
    assert await overview(api, token) == {"total": 3, "degree": 3, "nonDegree": 0}

    teacher = await login(api, *CSUST_TEACHER)
    started = datetime.now(BEIJING)
    answer = await withdraw(api, teacher, [gone["id"]], reason="  证书编号录入错误  ")
    finished = datetime.now(BEIJING)
    assert answer["results"] == [{"id": gone["id"], "ok": True, "error": None}]
    assert (answer["succeeded"], answer["failed"], answer["errors"]) == (1, 0, [])

    assert await record_ids(api, token) == {kept["id"], other["id"]}
    assert await record_ids(api, token, {"idNumber": ZHANG[1], "achievementId": diploma["id"]}) == set()
    assert await learner_count(api, token, diploma["id"]) == 1
    assert await learner_count(api, token, course["id"]) == 1
    assert await overview(api, token) == {"total": 2, "degree": 2, "nonDegree": 0}
    assert (await api(DETAIL, {"id": gone["id"]}, token=token)).error_codes == ["NOT_FOUND"]

    # Kept with who, when, why and the file.
    row = await LearnerAchievement.get(id=pk(gone["id"]))
    assert row.withdrawn_at is not None and started <= row.withdrawn_at <= finished
    assert row.withdrawn_by_id == await account_id(CSUST_TEACHER[0])
    assert row.withdraw_reason == "证书编号录入错误"
    assert row.withdraw_file_name == "撤回说明.pdf"
    saved = Path(settings.file_dir) / row.withdraw_file_key
    assert saved.read_bytes() == REASON_PDF
    assert stored_files(Path(settings.file_dir)) == [saved]
    assert (row.personal_number, row.achievement_id) == ("cs00012", pk(diploma["id"], "Achievement"))  # type: ignore[attr-defined]
    audit = await AuditLog.get(action="learner_achievement.withdraw")
    assert (audit.object_id, audit.actor_id) == (str(row.id), row.withdrawn_by_id)
    assert audit.detail["reason"] == "证书编号录入错误"
    # The learner stays, with the record they still hold.
    assert [n["name"] for n in await learners(api, token)] == ["测试2", "测试1"]


async def test_f5_5_d1_withdraw_many_at_once_answers_each(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    stored = [await store_record(api, token, course["id"], *who, f"kc00{n}")
              for n, who in enumerate((ZHANG, LI, BI))]
    ids = [s["id"] for s in stored[:2]]
    answer = (await withdraw_result(api, token, ids, file=("撤回说明.png", REASON_PNG, "image/png"))).ok(
        "withdrawRecords")
    assert answer["results"] == [{"id": i, "ok": True, "error": None} for i in ids]
    assert answer["succeeded"] == 2
    assert await record_ids(api, token) == {stored[2]["id"]}
    rows = await LearnerAchievement.filter(id__in=[pk(i) for i in ids])
    # One reason file serves the whole batch.
    assert {(r.withdraw_reason, r.withdraw_file_name) for r in rows} == {("证书信息录入错误", "撤回说明.png")}
    assert len({r.withdraw_file_key for r in rows}) == 1
    assert (Path(settings.file_dir) / rows[0].withdraw_file_key).read_bytes() == REASON_PNG
    assert await overview(api, token) == {"total": 1, "degree": 1, "nonDegree": 0}


@pytest.mark.parametrize(
    ("reason", "file", "ids", "expected"),
    [
        (None, ("撤回说明.pdf", REASON_PDF, PDF), "one", {("reason", "REQUIRED")}),
        ("   ", ("撤回说明.pdf", REASON_PDF, PDF), "one", {("reason", "REQUIRED")}),
        ("原" * 501, ("撤回说明.pdf", REASON_PDF, PDF), "one", {("reason", "TOO_LONG")}),
        ("证书信息录入错误", None, "one", {("reasonFile", "REQUIRED")}),
        (None, None, "one", {("reason", "REQUIRED"), ("reasonFile", "REQUIRED")}),
        ("证书信息录入错误", ("撤回说明.pdf", REASON_PDF, PDF), "none", {("ids", "NOTHING_SELECTED")}),
        ("证书信息录入错误", ("撤回说明.pdf", b"just some text, renamed\n", PDF), "one",
         {("reasonFile", "INVALID_FILE_TYPE")}),
        ("证书信息录入错误", ("撤回说明.png", b"<html>not an image</html>", "image/png"), "one",
         {("reasonFile", "INVALID_FILE_TYPE")}),
        ("证书信息录入错误", ("撤回说明.pdf", b"", PDF), "one", {("reasonFile", "FILE_EMPTY")}),
        ("证书信息录入错误", ("撤回说明.pdf", REASON_PDF + b"\0" * (TEN_MB + 1 - len(REASON_PDF)), PDF), "one",
         {("reasonFile", "FILE_TOO_LARGE")}),
    ],
    ids=["no-reason", "blank-reason", "long-reason", "no-file", "neither", "nothing-selected",
         "renamed-text", "html-as-png", "empty-file", "over-10-mb"],
)
async def test_f5_5_reason_and_reason_file_are_required_and_checked(
    api: Api, demo: None, settings: Settings, reason: str | None, file: Any, ids: str,
    expected: set[tuple[str, str]],
) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    stored = await store_record(api, token, course["id"], *ZHANG, "kc001")
    before = await snapshot()
    result = await withdraw_result(api, token, [stored["id"]] if ids == "one" else [], reason, file=file)
    assert {(e["field"], e["code"]) for e in result.payload("withdrawRecords")["errors"]} == expected
    assert result.refused("withdrawRecords")
    assert result.payload("withdrawRecords")["results"] == []
    await background_done(api)
    assert await snapshot() == before
    assert stored_files(Path(settings.file_dir)) == []
    assert await record_ids(api, token) == {stored["id"]}


async def test_f5_5_reason_file_is_judged_by_content_not_by_name(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    stored = await store_record(api, token, course["id"], *ZHANG, "kc001")
    answer = (await withdraw_result(api, token, [stored["id"]], file=("撤回原因.txt", REASON_PDF, "text/plain"))).ok(
        "withdrawRecords")
    assert answer["succeeded"] == 1
    row = await LearnerAchievement.get(id=pk(stored["id"]))
    assert row.withdraw_file_name == "撤回原因.txt"
    # Kept under the type its content shows.
    assert row.withdraw_file_key.endswith(".pdf")
    assert (Path(settings.file_dir) / row.withdraw_file_key).read_bytes() == REASON_PDF


async def test_f5_5_a_reason_file_of_exactly_10_mb_is_accepted(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    stored = await store_record(api, token, course["id"], *ZHANG, "kc001")
    content = REASON_PDF + b"\0" * (TEN_MB - len(REASON_PDF))
    await withdraw_result(api, token, [stored["id"]], file=("撤回说明.pdf", content, PDF))
    row = await LearnerAchievement.get(id=pk(stored["id"]))
    assert row.withdrawn_at is not None
    assert (Path(settings.file_dir) / row.withdraw_file_key).stat().st_size == TEN_MB


async def test_f5_5_withdrawing_twice_is_refused_per_item(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    first = await store_record(api, token, course["id"], *ZHANG, "kc001")
    second = await store_record(api, token, course["id"], *LI, "kc002")
    await withdraw(api, token, [first["id"]], reason="第一次撤回")
    withdrawn = await LearnerAchievement.get(id=pk(first["id"]))

    mixed = (await withdraw_result(api, token, [first["id"], second["id"]], reason="第二次撤回")).ok("withdrawRecords")
    assert [(r["id"], r["ok"], r["error"] and r["error"]["code"]) for r in mixed["results"]] == [
        (first["id"], False, "ALREADY_WITHDRAWN"), (second["id"], True, None),
    ]
    assert (mixed["succeeded"], mixed["failed"]) == (1, 1)
    # The first withdrawal's who, when, why and file are not overwritten.
    again = await LearnerAchievement.get(id=pk(first["id"]))
    assert (again.withdrawn_at, again.withdraw_reason, again.withdraw_file_key) == (
        withdrawn.withdrawn_at, "第一次撤回", withdrawn.withdraw_file_key)

    await background_done(api)
    files = stored_files(Path(settings.file_dir))
    assert len(files) == 2
    before = await snapshot()
    only_failures = (await withdraw_result(api, token, [first["id"], second["id"]])).ok("withdrawRecords")
    assert [r["error"]["code"] for r in only_failures["results"]] == ["ALREADY_WITHDRAWN"] * 2
    assert (only_failures["succeeded"], only_failures["failed"]) == (0, 2)
    await background_done(api)
    assert await snapshot() == before
    # Nothing was withdrawn: the uploaded file is not kept.
    assert stored_files(Path(settings.file_dir)) == files


async def test_f5_5_another_institutions_record_is_not_found_per_item(
    api: Api, demo: None, settings: Settings
) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_admin(api)
    csust_course = await store_course(api, csust, "长理课程")
    hnu_course = await store_course(api, hnu, "湖大课程")
    mine = await store_record(api, csust, csust_course["id"], *ZHANG, "kc001")
    theirs = await store_record(api, hnu, hnu_course["id"], *ZHANG, "kc001")
    before = await snapshot()
    unknown = [mine["id"], encode_id("LearnerAchievement", 99999), csust_course["id"], "garbage"]
    answer = (await withdraw_result(api, hnu, unknown)).ok("withdrawRecords")
    assert [(r["id"], r["ok"], r["error"]["code"]) for r in answer["results"]] == [
        (i, False, "NOT_FOUND") for i in unknown
    ]
    await background_done(api)
    assert await snapshot() == before
    assert stored_files(Path(settings.file_dir)) == []
    assert await record_ids(api, csust) == {mine["id"]}

    # One of each: only HNU's own record is withdrawn.
    answer = (await withdraw_result(api, hnu, [mine["id"], theirs["id"]])).ok("withdrawRecords")
    assert [(r["id"], r["ok"]) for r in answer["results"]] == [(mine["id"], False), (theirs["id"], True)]
    assert await record_ids(api, csust) == {mine["id"]}
    assert await record_ids(api, hnu) == set()


async def test_f5_5_after_withdrawal_the_same_achievement_can_be_stored_again(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    diploma = await store_diploma(api, token)
    first = await store_record(api, token, diploma["id"], *ZHANG, "cs00012")
    await withdraw(api, token, [first["id"]])
    again = await store_record(api, token, diploma["id"], *ZHANG, "cs00012", "2022-06-30")
    assert again["id"] != first["id"]
    assert again["learner"]["id"] == first["learner"]["id"]
    listed = await records(api, token)
    assert [(n["id"], n["issuedOn"]) for n in listed["nodes"]] == [(again["id"], "2022-06-30")]
    assert await learner_count(api, token, diploma["id"]) == 1
    # The withdrawn one is still kept beside it.
    rows = await LearnerAchievement.filter(learner__id_number=ZHANG[1]).order_by("id")
    assert [(r.personal_number, r.withdrawn_at is not None) for r in rows] == [("cs00012", True), ("cs00012", False)]
    # And the stored-again record is held like any other: a third copy is refused.
    assert await store_refused(api, token, diploma["id"], *ZHANG, "cs00012") == {
        ("personalNumber", "LEARNER_ACHIEVEMENT_EXISTS")
    }


async def test_f5_5_withdrawal_needs_an_institution_member(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    course = await store_course(api, token)
    stored = await store_record(api, token, course["id"], *ZHANG, "kc001")
    before = await snapshot()
    assert (await withdraw_result(api, None, [stored["id"]])).error_codes == ["UNAUTHENTICATED"]
    assert (await withdraw_result(api, staff, [stored["id"]])).error_codes == ["FORBIDDEN"]
    await background_done(api)
    assert await snapshot() == before
    assert stored_files(Path(settings.file_dir)) == []
