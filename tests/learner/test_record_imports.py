"""Importing learners onto one achievement (学员成果导入, F5.3) and exporting learner achievements
(F5.6).

Every step goes through the GraphQL API; every refusal is shown to leave the database as it was.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta
from typing import Any

from openpyxl import load_workbook
from tortoise.timezone import now

from models.audit import AuditLog
from models.base import SHANGHAI
from models.imports import ImportJob
from models.learner import Learner, LearnerAchievement
from resolvers.ids import decode_id
from tests.support import catalogue
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, STAFF, code_for, login
from tests.support.learners import (
    CSUST_PHONE,
    EXPORT_RECORDS,
    RECORD_IMPORTS,
    RECORD_TEMPLATE,
    add_learner,
    fill_template,
    hnu_admin,
    hnu_sub_user,
    import_learners,
    import_records,
    learner_template,
    listed,
    masked,
    record_template,
    recorded_elsewhere,
    records,
    register_learner,
    resident_id,
    side_by_side,
    store_course,
    store_record,
    store_record_result,
    withdraw,
)
from tests.support.xlsx import download, read_rows, template_rows

CODE_TABLES = ("verification_code", "phone_send_slot", "outbound_message")
RECORD_HEADERS = ["成果名称", "成果类型", "成果子类型", "学员姓名", "身份证号", "手机号码", "个人成果编号",
                  "颁证日期", "成果状态"]


async def imported(api: Api, token: str, achievement_id: str, content: bytes, **options: Any) -> dict[str, Any]:
    """An import onto ``achievement_id`` the request itself accepted (its rows may be refused)."""
    return (await import_records(api, token, achievement_id, content, **options)).payload(
        "importLearnerAchievements")


async def import_jobs(api: Api, token: str, achievement_id: str | None) -> dict[str, Any]:
    result = await api(RECORD_IMPORTS, {"id": achievement_id, "first": 100}, token=token)
    assert not result.errors, result.errors
    return result.data["learnerAchievementImports"]


async def export_records(api: Api, token: str, **input: Any) -> dict[str, Any]:
    return (await api(EXPORT_RECORDS, {"input": input}, token=token)).payload("exportLearnerAchievements")


def beijing_today() -> date:
    return datetime.now(SHANGHAI).date()


# --- F5.3 templates --------------------------------------------------------------------------------


async def test_f5_3_template_columns_follow_the_achievement_type(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await catalogue.grant(api, await login(api, *STAFF), await catalogue.institution_id(api, token),
                          "OTHER_NON_DEGREE")
    course = await store_course(api, token)
    certificate = await catalogue.store(api, token, catalogue.certificate_input("茶艺师"))
    diploma = await catalogue.store_diploma(api, token)

    course_template = await record_template(api, token, course["id"])
    headers, sample = template_rows(course_template)
    assert headers == ["学员姓名*", "身份证号*", "个人成果编号*", "颁证日期*", "成绩", "获得学分"]
    assert sample[3] == "2022-03-01"
    certificate_headers, _ = template_rows(await record_template(api, token, certificate["id"]))
    assert certificate_headers == ["学员姓名*", "身份证号*", "证书编号*", "颁证日期*"]
    diploma_template = await record_template(api, token, diploma["id"])
    assert template_rows(diploma_template)[0] == ["学员姓名*", "身份证号*", "个人成果编号*", "颁证日期*"]

    workbook = load_workbook(io.BytesIO(course_template))
    notes = " ".join(str(r[0]) for r in workbook["填写说明"].iter_rows(values_only=True))
    assert "YYYY-MM-DD" in notes and "必填" in notes and "未激活" in notes
    assert workbook["模板信息"].sheet_state == "hidden"

    # A template of another type is refused, whole, and nothing is stored.
    row = ["测试1", resident_id(1), "cs00013", "2022-03-01"]
    before = await snapshot()
    for achievement, template in ((diploma, course_template), (certificate, diploma_template),
                                  (course, await learner_template(api, token))):
        result = await imported(api, token, achievement["id"], fill_template(template, [row]))
        assert [e["code"] for e in result["errors"]] == ["TEMPLATE_MISMATCH"], achievement["name"]
    assert await snapshot() == before


async def test_f5_3_template_notes_name_the_achievements_own_subtype(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    vocational = await store_course(api, token, "职教课程")
    higher = await catalogue.store_course(api, token, "高教课程")  # 普通高等教育学历课程
    for achievement, label in ((vocational, "职业教育学历课程"), (higher, "普通高等教育学历课程")):
        workbook = load_workbook(io.BytesIO(await record_template(api, token, achievement["id"])))
        notes = " ".join(str(r[0]) for r in workbook["填写说明"].iter_rows(values_only=True))
        assert label in notes, label


# --- F5.3 import ----------------------------------------------------------------------------------


async def test_f5_3_import_stores_rows_and_creates_unknown_learners_inactive(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    known = "632323190605260922"
    await add_learner(api, token, "测试1", known)
    registered = resident_id(2)
    await recorded_elsewhere(api, "注册学员", registered)
    await register_learner(api, "注册学员", registered, "13900000062")
    new = [resident_id(3), resident_id(4), resident_id(5)]
    rows = [
        ["测试1", known, "cs00013", "2022-03-01", "90", 2],        # 2 a known learner
        ["测试2", new[0], "cs00014", date(2022, 3, 1), "85", 1.5],  # 3 unknown: created; a date cell
        ["测试3", new[1], "cs00015", "2022-03-02", "", None],       # 4 unknown: created; no score
        ["注册学员", registered, "cs00016", "2022-03-01", "", None],  # 5 unknown but registered: 已激活
        ["测试一", known, "cs00017", "2022-03-01", "", None],       # 6 another name for a stored learner
        ["测试4", new[0], "cs00018", "2022-03-01", "", None],       # 7 another name than row 3 gave
        ["测试5", new[2], "cs00019", "2022-03-01", "", 5],          # 8 more credits than the course has
    ]
    result = await imported(api, token, course["id"],
                            fill_template(await record_template(api, token, course["id"]), rows))
    assert result["errors"] == []
    assert (result["totalRows"], result["importedCount"], result["rejectedCount"]) == (7, 4, 3)
    reasons = {v["row"]: v["reason"] for v in result["rows"]}
    assert set(reasons) == {6, 7, 8}
    assert "姓名" in reasons[6] and "测试1" in reasons[6]
    assert "姓名" in reasons[7] and "测试2" in reasons[7]
    assert "获得学分" in reasons[8]

    learners = await listed(api, token)
    assert set(learners) == {"测试1", "测试2", "测试3", "注册学员"}
    assert {learners[n]["status"] for n in ("测试1", "测试2", "测试3")} == {"INACTIVE"}
    assert (learners["注册学员"]["status"], learners["注册学员"]["maskedPhone"]) == ("ACTIVE", "139****0062")
    assert learners["测试2"]["maskedIdNumber"] == masked(new[0])

    stored = await records(api, token, {"achievementId": course["id"]})
    assert stored["totalCount"] == 4
    by_number = {n["personalNumber"]: n for n in stored["nodes"]}
    assert set(by_number) == {"cs00013", "cs00014", "cs00015", "cs00016"}
    first = by_number["cs00013"]
    assert (first["learner"]["name"], first["score"], first["earnedCredits"], first["issuedOn"]) == (
        "测试1", "90", 2.0, "2022-03-01")
    assert (first["achievementName"], first["subtype"], first["source"]) == (
        course["name"], "VOCATIONAL_COURSE", "INSTITUTION")
    assert (by_number["cs00014"]["issuedOn"], by_number["cs00014"]["earnedCredits"]) == ("2022-03-01", 1.5)
    assert (by_number["cs00015"]["score"], by_number["cs00015"]["earnedCredits"]) == ("", None)

    job = result["job"]
    assert (job["kind"], job["status"], job["operatorName"]) == ("LEARNER_ACHIEVEMENTS", "DONE", "张老师")
    rejected = read_rows(await download(api, job["rejectedFile"]))
    assert rejected[0] == ["原行号", "学员姓名", "身份证号", "个人成果编号", "颁证日期", "成绩", "获得学分", "失败原因"]
    assert [r[0] for r in rejected[1:]] == [6, 7, 8]
    assert rejected[1][1:4] == ["测试一", known, "cs00017"]


async def test_f5_3_same_learner_and_number_twice_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    template = await record_template(api, token, course["id"])
    stored, other = resident_id(11), resident_id(12)
    await store_record(api, token, course["id"], "测试1", stored, "cs00013")
    rows = [
        ["测试1", stored, "cs00013", "2022-03-01"],  # 2 already stored
        ["测试2", other, "cs00020", "2022-03-01"],   # 3 stored
        ["测试2", other, "cs00020", "2022-04-01"],   # 4 the same learner and number as row 3
        ["测试2", other, "cs00021", "2022-03-01"],   # 5 the same learner, another number: stored
        ["测试1", stored, "cs00022", "2022-03-01"],  # 6 stored
    ]
    content = fill_template(template, rows)
    first = await imported(api, token, course["id"], content)
    assert (first["totalRows"], first["importedCount"], first["rejectedCount"]) == (5, 3, 2)
    reasons = {v["row"]: v["reason"] for v in first["rows"]}
    assert set(reasons) == {2, 4}
    assert "已存在" in reasons[2] and "第3行" in reasons[4]
    assert (await records(api, token, {"achievementId": course["id"]}))["totalCount"] == 4

    again = await imported(api, token, course["id"], content)
    assert (again["importedCount"], again["rejectedCount"]) == (0, 5)
    assert all("已存在" in v["reason"] for v in again["rows"])
    assert (await records(api, token, {"achievementId": course["id"]}))["totalCount"] == 4

    # Storing one by hand is refused the same way (F5.2).
    before = await snapshot()
    by_hand = await store_record_result(api, token, course["id"], "测试2", other, "cs00021")
    assert by_hand.refused("storeLearnerAchievement") == ["LEARNER_ACHIEVEMENT_EXISTS"]
    assert await snapshot() == before


async def test_f5_3_dates_must_be_yyyy_mm_dd(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    future = (beijing_today() + timedelta(days=2)).isoformat()
    dates: list[Any] = ["2022-03-01", date(2022, 3, 1), "2022/03/01", "2022年3月1日", "20220301", "2022-3-1",
                        "2022-02-30", "01/03/2022", "", future]
    rows = [[f"测试{i}", resident_id(20 + i), f"cs{i:05d}", issued] for i, issued in enumerate(dates, start=1)]
    result = await imported(api, token, course["id"],
                            fill_template(await record_template(api, token, course["id"]), rows))
    assert (result["totalRows"], result["importedCount"], result["rejectedCount"]) == (10, 2, 8)
    reasons = {v["row"]: v["reason"] for v in result["rows"]}
    assert set(reasons) == set(range(4, 12))
    for row in range(4, 10):
        assert "颁证日期" in reasons[row] and "YYYY-MM-DD" in reasons[row], (row, reasons[row])
    assert "颁证日期" in reasons[10] and "必填" in reasons[10]
    assert "颁证日期" in reasons[11] and "今天" in reasons[11]
    stored = await records(api, token, {"achievementId": course["id"]})
    assert {n["issuedOn"] for n in stored["nodes"]} == {"2022-03-01"}
    # A refused row creates no learner either.
    assert set(await listed(api, token)) == {"测试1", "测试2"}


async def test_f5_3_import_records_of_that_achievement_from_the_last_year(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    restaurant = await store_course(api, token, "餐厅创建课程")
    province = await store_course(api, token, "省厅创建课程")
    template = await record_template(api, token, restaurant["id"])

    def content(*numbers: int) -> bytes:
        return fill_template(template, [[f"测试{n}", resident_id(30 + n), f"cs{n:05d}", "2022-03-01"]
                                        for n in numbers])

    old = await imported(api, token, restaurant["id"], content(1))
    last_spring = await imported(api, token, restaurant["id"], content(1, 2))
    recent = await imported(api, token, restaurant["id"], content(3, 4, 3))
    other = await imported(api, token, province["id"], content(1))
    await import_learners(api, token, fill_template(await learner_template(api, token), [["测试9", resident_id(39)]]))
    # Set-up: no API dates an import, so two records are aged directly.
    moment = now()
    for payload, days in ((old, 400), (last_spring, 300)):
        job_id = decode_id(payload["job"]["id"], "ImportJob")
        await ImportJob.filter(id=job_id).update(created_at=moment - timedelta(days=days))

    shown = await import_jobs(api, token, restaurant["id"])
    assert shown["totalCount"] == 2
    assert [n["id"] for n in shown["nodes"]] == [recent["job"]["id"], last_spring["job"]["id"]]
    assert [(n["operatorName"], n["totalRows"], n["importedCount"], n["rejectedCount"]) for n in shown["nodes"]] == [
        ("张老师", 3, 2, 1), ("张老师", 2, 1, 1)]
    assert [n["id"] for n in (await import_jobs(api, token, province["id"]))["nodes"]] == [other["job"]["id"]]
    everything = await import_jobs(api, token, None)
    assert [n["id"] for n in everything["nodes"]] == [
        other["job"]["id"], recent["job"]["id"], last_spring["job"]["id"]]
    # A sub-user of the school sees them; another school sees none.
    assert (await import_jobs(api, await login(api, *CSUST_TEACHER), restaurant["id"]))["totalCount"] == 2
    assert (await import_jobs(api, await hnu_admin(api), restaurant["id"]))["totalCount"] == 0


async def test_f5_3_same_file_imported_twice_at_once_stores_each_row_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    rows = [[f"并发学员{i:02d}", resident_id(i, region="370283"), f"cs{i:05d}", "2022-03-01"] for i in range(1, 31)]
    rows += [[f"并发学员{i:02d}", resident_id(i, region="370283"), f"cx{i:05d}", "2022-03-01"] for i in range(1, 11)]
    content = fill_template(await record_template(api, token, course["id"]), rows)
    results = await side_by_side(imported(api, token, course["id"], content),
                                 imported(api, token, course["id"], content))
    assert [r["errors"] for r in results] == [[], []]
    assert sorted((r["importedCount"], r["rejectedCount"]) for r in results) == [(0, 40), (40, 0)]
    assert (await records(api, token, {"achievementId": course["id"]}))["totalCount"] == 40
    assert await LearnerAchievement.all().count() == 40
    assert await Learner.all().count() == 30


async def test_f5_3_f6_4_learner_and_record_imports_at_once_create_each_learner_once(
        api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    people = [[f"学员{i:02d}", resident_id(80 + i)] for i in range(1, 21)]
    learners_file = fill_template(await learner_template(api, token), people)
    records_file = fill_template(await record_template(api, token, course["id"]),
                                 [[*person, f"cs{i:05d}", "2022-03-01"] for i, person in enumerate(people)])
    learner_import, record_import = await side_by_side(
        import_learners(api, token, learners_file), import_records(api, token, course["id"], records_file))
    record_import = record_import.payload("importLearnerAchievements")
    assert learner_import["errors"] == [] and record_import["errors"] == []
    assert record_import["importedCount"] == 20
    assert learner_import["importedCount"] + learner_import["rejectedCount"] == 20
    assert await Learner.all().count() == 20
    assert (await records(api, token, {"achievementId": course["id"]}))["totalCount"] == 20


async def test_f5_3_b7_dry_run_and_refusals_change_nothing(api: Api, demo: None) -> None:
    hnu = await hnu_admin(api)
    hnu_course = await store_course(api, hnu, "湖大课程")
    hnu_teacher = await hnu_sub_user(api, hnu)
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    template = await record_template(api, token, course["id"])
    content = fill_template(template, [["测试1", resident_id(41), "cs00013", "2022-03-01"],
                                       ["测试2", resident_id(42), "cs00014", "2022/03/01"]])
    before = await snapshot()

    dry = await imported(api, token, course["id"], content, dry_run=True)
    assert dry["errors"] == [] and dry["job"] is None
    assert [(v["row"], v["ok"]) for v in dry["rows"]] == [(2, True), (3, False)]
    assert (dry["dryRun"], dry["acceptedCount"], dry["importedCount"], dry["rejectedCount"]) == (True, 1, 0, 1)
    assert "颁证日期" in dry["rows"][1]["reason"]

    foreign = await import_records(api, token, hnu_course["id"], content)
    assert foreign.error_codes == ["NOT_FOUND"] and foreign.data is None
    by_other_sub_user = await import_records(api, hnu_teacher, course["id"], content)
    assert by_other_sub_user.error_codes == ["NOT_FOUND"] and by_other_sub_user.data is None
    other_template = await api(RECORD_TEMPLATE, {"id": hnu_course["id"]}, token=token)
    assert other_template.error_codes == ["NOT_FOUND"]
    empty = await imported(api, token, course["id"], fill_template(template, []))
    assert [e["code"] for e in empty["errors"]] == ["NO_ROWS"]
    assert await snapshot() == before
    assert (await import_jobs(api, token, course["id"]))["totalCount"] == 0


# --- F5.6 export ----------------------------------------------------------------------------------


async def test_f5_6_b3_selected_records_are_exported_with_a_code_and_audited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    numbers = {"测试1": "632323190605260922", "测试2": resident_id(51), "测试3": resident_id(52)}
    ids = {}
    for i, (name, number) in enumerate(numbers.items(), start=13):
        ids[name] = (await store_record(api, token, course["id"], name, number, f"cs{i:05d}"))["id"]
    await register_learner(api, "测试2", numbers["测试2"], "17000009087")

    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    result = await export_records(api, token, ids=[ids["测试1"], ids["测试2"]], code=code)
    assert result["errors"] == [] and result["rowCount"] == 2
    rows = read_rows(await download(api, result["file"]))
    assert rows[0][:len(RECORD_HEADERS)] == RECORD_HEADERS
    by_learner = {r[3]: r for r in rows[1:]}
    assert set(by_learner) == {"测试1", "测试2"}
    first = by_learner["测试1"]
    assert first[:3] == [course["name"], "学历成果", "职业教育学历课程"]
    assert first[4][:6] == "632323" and first[4][-4:] == "0922"
    assert (first[5], first[6], first[7], first[8]) == (None, "cs00013", "2022-03-01", "机构存储")
    assert by_learner["测试2"][5] == "170****9087"
    audit = await AuditLog.get(action="learner_achievement.export")
    assert audit.detail["rows"] == 2 and audit.detail["selected"] == 2


async def test_f5_6_whole_filter_is_exported_without_withdrawn_records(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    restaurant = await store_course(api, token, "餐厅创建课程")
    province = await store_course(api, token, "省厅创建课程")
    kept = await store_record(api, token, restaurant["id"], "测试1", resident_id(61), "cs00001")
    gone = await store_record(api, token, restaurant["id"], "测试2", resident_id(62), "cs00002")
    await store_record(api, token, restaurant["id"], "测试3", resident_id(63), "cs00003")
    await store_record(api, token, province["id"], "测试1", resident_id(61), "cs00004")
    withdrawn = await withdraw(api, token, [gone["id"]])
    assert (withdrawn["succeeded"], withdrawn["failed"]) == (1, 0)

    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    result = await export_records(api, token, filter={"achievementId": restaurant["id"]}, allMatching=True,
                                  code=code)
    assert result["errors"] == [] and result["rowCount"] == 2
    rows = read_rows(await download(api, result["file"]))
    assert sorted((r[3], r[6]) for r in rows[1:]) == [("测试1", "cs00001"), ("测试3", "cs00003")]
    assert {r[0] for r in rows[1:]} == {"餐厅创建课程"}
    audit = await AuditLog.get(action="learner_achievement.export")
    assert audit.detail["rows"] == 2 and audit.detail["selected"] == 0
    assert restaurant["id"] in audit.detail["filter"].values()
    assert kept["id"] != gone["id"]


async def test_f5_6_code_is_required_and_an_empty_selection_is_refused(api: Api, demo: None) -> None:
    hnu = await hnu_admin(api)
    hnu_course = await store_course(api, hnu, "湖大课程")
    foreign = await store_record(api, hnu, hnu_course["id"], "湖大学员", resident_id(71), "hnu001")
    hnu_teacher = await hnu_sub_user(api, hnu)
    token = await login(api, *CSUST)
    course = await store_course(api, token)
    held = await store_record(api, token, course["id"], "测试1", resident_id(72), "cs00001")
    gone = await store_record(api, token, course["id"], "测试2", resident_id(73), "cs00002")
    await withdraw(api, token, [gone["id"]])
    before = await snapshot(ignore=CODE_TABLES)

    missing = await export_records(api, token, ids=[held["id"]])
    assert [(e["field"], e["code"]) for e in missing["errors"]] == [("code", "REQUIRED")]
    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    only_withdrawn = await export_records(api, token, ids=[gone["id"]], code=code)
    assert [e["code"] for e in only_withdrawn["errors"]] == ["NOTHING_SELECTED"]
    other_school = await export_records(api, token, ids=[foreign["id"]], code=code)
    assert [e["code"] for e in other_school["errors"]] == ["NOTHING_SELECTED"]
    nothing = await export_records(api, token, filter={"learnerName": "不存在的学员"}, allMatching=True, code=code)
    assert [e["code"] for e in nothing["errors"]] == ["NOTHING_SELECTED"]
    hnu_code = await code_for(api, "EXPORT", token=hnu_teacher, bound_phone="13900000031")
    by_other_sub_user = await export_records(api, hnu_teacher, ids=[held["id"]], code=hnu_code)
    assert [e["code"] for e in by_other_sub_user["errors"]] == ["NOTHING_SELECTED"]
    assert await snapshot(ignore=CODE_TABLES) == before

    # None of the refusals used the code up; the withdrawn record stays out of the file.
    done = await export_records(api, token, ids=[held["id"], gone["id"]], code=code)
    assert done["errors"] == [] and done["rowCount"] == 1
    assert [r[6] for r in read_rows(await download(api, done["file"]))[1:]] == ["cs00001"]
