"""Learner accounts of an institution (学员账户, F6): list, add, modify, import, export, delete and
the drill-through to a learner's achievements.

Every step goes through the GraphQL API; every refusal is shown to leave the database as it was.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any


from models.audit import AuditLog
from models.base import SHANGHAI
from models.learner import Learner
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, code_for, login
from tests.support.learners import (
    ADD,
    CSUST_PHONE,
    EXPORT,
    IMPORTS,
    UPDATE,
    add_learner,
    add_result,
    delete_learners,
    fill_template,
    hnu_admin,
    hnu_sub_user,
    impossible_birth_date,
    import_learners,
    learner_template,
    listed,
    listing,
    masked,
    record_template,
    recorded_elsewhere,
    records,
    register_learner,
    resident_id,
    side_by_side,
    store_course,
    store_record,
    with_wrong_check_digit,
)
from tests.support.xls import xls_bytes
from tests.support.xlsx import download, read_rows, template_rows, workbook_bytes

# The tables a verification code touches: sending one is not a change a refusal could undo.
CODE_TABLES = ("verification_code", "phone_send_slot", "outbound_message")


def x_check_digit_number() -> str:
    """A valid ID number whose check digit is X."""
    return next(n for n in (resident_id(i, region="370283") for i in range(100, 400)) if n.endswith("X"))


async def update_result(api: Api, token: str, learner_id: str, name: str | None,
                        id_number: str | None) -> Any:
    return await api(UPDATE, {"id": learner_id, "input": {"name": name, "idNumber": id_number}}, token=token)


async def export_learners(api: Api, token: str, **input: Any) -> dict[str, Any]:
    return (await api(EXPORT, {"input": input}, token=token)).payload("exportLearners")


# --- F6.1 list ------------------------------------------------------------------------------------


async def test_f6_1_list_filters_masks_and_counts(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    people = {
        "张三": "632323190605260922",  # the manual's own example row
        "张三丰": resident_id(11, region="370283"),
        "李四": resident_id(12, region="370283"),
        "王五": resident_id(13),
    }
    for name, number in people.items():
        await add_learner(api, token, name, number)
    await register_learner(api, "王五", people["王五"], "17000009087")

    everyone = await listed(api, token)
    assert set(everyone) == set(people)
    for name, row in everyone.items():
        assert row["maskedIdNumber"] == masked(people[name])
        assert people[name] not in str(row)  # a list row never carries the full number
    assert everyone["张三"]["maskedIdNumber"] == "632323*****0922"
    assert (everyone["张三"]["status"], everyone["张三"]["maskedPhone"]) == ("INACTIVE", "")
    assert (everyone["王五"]["status"], everyone["王五"]["maskedPhone"]) == ("ACTIVE", "170****9087")

    assert set(await listed(api, token, {"name": "张三"})) == {"张三", "张三丰"}
    assert set(await listed(api, token, {"name": " 三丰 "})) == {"张三丰"}
    assert set(await listed(api, token, {"idNumber": "370283"})) == {"张三丰", "李四"}
    assert set(await listed(api, token, {"idNumber": "632323190605"})) == {"张三"}
    assert await listed(api, token, {"idNumber": "0605260922"}) == {}  # a prefix, not a substring
    assert set(await listed(api, token, {"status": "ACTIVE"})) == {"王五"}
    assert set(await listed(api, token, {"status": "INACTIVE"})) == {"张三", "张三丰", "李四"}
    assert set(await listed(api, token, {"status": "INACTIVE", "idNumber": "370283", "name": "李"})) == {"李四"}

    page = await listing(api, token, first=3)
    rest = await listing(api, token, first=3, offset=3)
    assert (page["totalCount"], len(page["nodes"]), page["pageInfo"]["hasNextPage"]) == (4, 3, True)
    assert (rest["totalCount"], len(rest["nodes"]), rest["pageInfo"]["hasNextPage"]) == (4, 1, False)
    assert {n["name"] for n in page["nodes"] + rest["nodes"]} == set(people)

    # A sub-user of the same school sees the same learners; another school sees none of them.
    teacher = await login(api, *CSUST_TEACHER)
    assert set(await listed(api, teacher)) == set(people)
    assert (await listing(api, await hnu_admin(api)))["totalCount"] == 0


async def test_f6_1_entry_year_filter(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await add_learner(api, token, "旧学员", resident_id(21))
    await add_learner(api, token, "新学员", resident_id(22))
    # Set-up: no API sets an entry time, so one record is aged directly.
    await Learner.filter(id_number=resident_id(21)).update(created_at=datetime(2021, 6, 1, 4, 0, tzinfo=UTC))
    old = await listed(api, token, {"entryYear": 2021})
    assert set(old) == {"旧学员"} and old["旧学员"]["enteredAt"].startswith("2021-06-01T12:00:00")
    assert set(await listed(api, token, {"entryYear": datetime.now(SHANGHAI).year})) == {"新学员"}
    assert await listed(api, token, {"entryYear": 2022}) == {}
    assert set(await listed(api, token, {"entryYear": 2021, "name": "学员"})) == {"旧学员"}
    bad = await api("{ learners(filter: {entryYear: 99}) { totalCount } }", token=token)
    assert bad.error_codes == ["BAD_FILTER"]


async def test_f6_1_entry_year_is_the_beijing_year_at_new_year(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    numbers = {name: resident_id(i) for i, name in enumerate(["除夕入库", "元旦入库"], start=23)}
    for name, number in numbers.items():
        await add_learner(api, token, name, number)
    # Set-up: no API sets an entry time, so the records are aged directly.
    entered = {
        "除夕入库": datetime(2023, 12, 31, 15, 30, tzinfo=UTC),  # 23:30 on 31 December in Beijing
        "元旦入库": datetime(2023, 12, 31, 16, 30, tzinfo=UTC),  # 00:30 on 1 January 2024 in Beijing
    }
    for name, moment in entered.items():
        await Learner.filter(id_number=numbers[name]).update(created_at=moment)
    new_year = await listed(api, token, {"entryYear": 2024})
    assert set(new_year) == {"元旦入库"}
    assert new_year["元旦入库"]["enteredAt"].startswith("2024-01-01T00:30:00")
    assert set(await listed(api, token, {"entryYear": 2023})) == {"除夕入库"}


# --- F6.2 add -------------------------------------------------------------------------------------


async def test_f6_2_added_learner_is_inactive_until_they_register(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    number = resident_id(31)
    added = await add_learner(api, token, "赵六", number)
    assert (added["name"], added["status"], added["maskedPhone"]) == ("赵六", "INACTIVE", "")
    assert added["maskedIdNumber"] == masked(number)
    assert await AuditLog.filter(action="learner.add").count() == 1

    registered = await register_learner(api, "赵六", number, "13900000041")
    assert registered["activatedRecords"] == 1
    row = (await listed(api, token))["赵六"]
    assert (row["id"], row["status"], row["maskedPhone"]) == (added["id"], "ACTIVE", "139****0041")


async def test_f6_2_learner_already_registered_is_added_active(api: Api, demo: None) -> None:
    number = resident_id(32)
    await recorded_elsewhere(api, "毕志刚", number)
    await register_learner(api, "毕志刚", number, "17000009087")
    token = await login(api, *CSUST)
    added = await add_learner(api, token, "毕志刚", number)
    assert (added["status"], added["maskedPhone"]) == ("ACTIVE", "170****9087")
    unrelated = await add_learner(api, token, "周八", resident_id(33))
    assert (unrelated["status"], unrelated["maskedPhone"]) == ("INACTIVE", "")
    rows = await listed(api, token, {"status": "ACTIVE"})
    assert set(rows) == {"毕志刚"} and rows["毕志刚"]["maskedIdNumber"] == masked(number)


async def test_f6_2_sub_user_adds_learners_of_its_own_school_only(api: Api, demo: None) -> None:
    number = resident_id(34)
    teacher = await login(api, *CSUST_TEACHER)
    await add_learner(api, teacher, "测试学历1", number)
    admin = await login(api, *CSUST)
    assert set(await listed(api, admin)) == {"测试学历1"}
    # The same person may be a learner of another school too; registering activates both.
    hnu = await hnu_admin(api)
    assert (await add_learner(api, hnu, "测试学历1", number))["status"] == "INACTIVE"
    assert (await register_learner(api, "测试学历1", number, "13900000042"))["activatedRecords"] == 2
    assert (await listed(api, admin))["测试学历1"]["status"] == "ACTIVE"
    assert (await listed(api, hnu))["测试学历1"]["status"] == "ACTIVE"


async def test_f6_2_bad_input_is_refused_and_changes_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    existing = x_check_digit_number()
    await add_learner(api, token, "钱九", existing)
    before = await snapshot()
    cases = [
        (("钱十", with_wrong_check_digit(resident_id(35))), [("idNumber", "ID_NUMBER_CHECK_DIGIT")]),
        (("钱十", impossible_birth_date()), [("idNumber", "ID_NUMBER_BIRTH_DATE")]),
        (("钱十", resident_id(36, born="20991231")), [("idNumber", "ID_NUMBER_BIRTH_DATE")]),
        (("钱十", resident_id(37)[:17]), [("idNumber", "ID_NUMBER_SHAPE")]),
        (("", resident_id(38)), [("name", "REQUIRED")]),
        (("钱十", None), [("idNumber", "REQUIRED")]),
        (("钱九", existing), [("idNumber", "LEARNER_EXISTS")]),
        (("钱九", existing.lower()), [("idNumber", "LEARNER_EXISTS")]),  # x and X are the same number
    ]
    for (name, number), expected in cases:
        result = await add_result(api, token, name, number)
        assert result.refused("addLearner"), (name, number)
        payload = result.data["addLearner"]
        assert payload["learner"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == expected, (name, number)
    assert await snapshot() == before


# --- F6.3 modify ----------------------------------------------------------------------------------


async def test_f6_3_inactive_learner_is_modified(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    learner = await add_learner(api, token, "测试学历1", resident_id(41))
    new_number = resident_id(42, region="370283")
    updated = (await update_result(api, token, learner["id"], "测试学历2", new_number)).ok("updateLearner")
    assert updated["learner"] == {**learner, "name": "测试学历2", "maskedIdNumber": masked(new_number)}
    assert set(await listed(api, token, {"idNumber": "370283"})) == {"测试学历2"}
    assert await listed(api, token, {"idNumber": "430102"}) == {}
    # Keeping the ID number and changing the name only is a modification too.
    renamed = (await update_result(api, token, learner["id"], "测试学历3", new_number)).ok("updateLearner")
    assert renamed["learner"]["name"] == "测试学历3"
    assert await AuditLog.filter(action="learner.update").count() == 2


async def test_f6_3_an_update_changes_only_the_fields_it_is_given(api: Api, demo: None) -> None:
    """LearnerInput declares both fields optional: an update keeps what it leaves out."""
    token = await login(api, *CSUST)
    number = resident_id(51)
    learner = await add_learner(api, token, "王五", number)
    renamed = await api(UPDATE, {"id": learner["id"], "input": {"name": "王五改"}}, token=token)
    assert renamed.ok("updateLearner")["learner"] == {**learner, "name": "王五改"}
    new_number = resident_id(52, region="370283")
    renumbered = await api(UPDATE, {"id": learner["id"], "input": {"idNumber": new_number, "name": None}},
                           token=token)
    assert renumbered.ok("updateLearner")["learner"] == {**learner, "name": "王五改",
                                                         "maskedIdNumber": masked(new_number)}
    # A field given must still be valid: blank is not "left out".
    before = await snapshot()
    blank = await api(UPDATE, {"id": learner["id"], "input": {"name": "  "}}, token=token)
    assert [(e["field"], e["code"]) for e in blank.payload("updateLearner")["errors"]] == [("name", "REQUIRED")]
    assert await snapshot() == before
    # Adding still needs both.
    added = await api(ADD, {"input": {"name": "赵六"}}, token=token)
    assert [(e["field"], e["code"]) for e in added.payload("addLearner")["errors"]] == [("idNumber", "REQUIRED")]


async def test_f6_3_activated_learner_cannot_be_modified(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    number = resident_id(43)
    learner = await add_learner(api, token, "毕志刚", number)
    await register_learner(api, "毕志刚", number, "17000009087")
    before = await snapshot()
    for name, id_number in (("毕志强", number), ("毕志刚", resident_id(44))):
        result = await update_result(api, token, learner["id"], name, id_number)
        assert result.refused("updateLearner") == ["LEARNER_ACTIVATED"]
        assert result.data["updateLearner"]["learner"] is None
    assert await snapshot() == before


async def test_f6_3_duplicate_or_bad_id_number_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await add_learner(api, token, "甲", resident_id(45))
    second = await add_learner(api, token, "乙", resident_id(46))
    before = await snapshot()
    cases = [
        (("乙", resident_id(45)), [("idNumber", "LEARNER_EXISTS")]),
        (("乙", with_wrong_check_digit(resident_id(47))), [("idNumber", "ID_NUMBER_CHECK_DIGIT")]),
        (("乙", impossible_birth_date(2)), [("idNumber", "ID_NUMBER_BIRTH_DATE")]),
        ((" ", resident_id(46)), [("name", "REQUIRED")]),
    ]
    for (name, number), expected in cases:
        result = await update_result(api, token, second["id"], name, number)
        assert result.refused("updateLearner")
        assert [(e["field"], e["code"]) for e in result.data["updateLearner"]["errors"]] == expected
    assert await snapshot() == before


async def test_f6_3_f6_6_another_schools_learner_is_not_found(api: Api, demo: None) -> None:
    hnu = await hnu_admin(api)
    hnu_learner = await add_learner(api, hnu, "湖大学员", resident_id(48))
    hnu_teacher = await hnu_sub_user(api, hnu)
    token = await login(api, *CSUST)
    csust_learner = await add_learner(api, token, "长理学员", resident_id(49))
    before = await snapshot()

    foreign = await update_result(api, token, hnu_learner["id"], "改名", resident_id(48))
    assert foreign.error_codes == ["NOT_FOUND"] and foreign.data is None
    by_other_sub_user = await update_result(api, hnu_teacher, csust_learner["id"], "改名", resident_id(49))
    assert by_other_sub_user.error_codes == ["NOT_FOUND"] and by_other_sub_user.data is None
    deleted = await delete_learners(api, hnu_teacher, [csust_learner["id"]])
    assert (deleted["succeeded"], deleted["failed"]) == (0, 1)
    assert deleted["results"][0]["error"]["code"] == "NOT_FOUND"
    assert set(await listed(api, hnu_teacher)) == {"湖大学员"}
    assert await snapshot() == before


# --- F6.4 import ----------------------------------------------------------------------------------


async def test_f6_4_template_good_rows_stored_bad_rows_explained(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    template = await learner_template(api, token)
    headers, sample = template_rows(template)
    assert headers == ["学员姓名*", "身份证号*"]
    assert sample[0] and len(str(sample[1])) == 18
    notes = " ".join(str(r[0]) for r in read_rows(template, "填写说明"))
    assert "学员姓名" in notes and "身份证号" in notes and "必填" in notes

    stored = resident_id(51)
    await add_learner(api, token, "已有学员", stored)
    registered = resident_id(52)
    await recorded_elsewhere(api, "注册学员", registered)
    await register_learner(api, "注册学员", registered, "13900000052")
    good = [resident_id(i, region="370283") for i in range(1, 4)]
    x_number = x_check_digit_number()
    rows = [
        ["测试学历1", good[0]],                          # 2 stored
        ["测试学历2", with_wrong_check_digit(good[1])],  # 3 check digit
        ["测试学历3", impossible_birth_date(3)],         # 4 birth date
        ["", good[2]],                                   # 5 name missing
        ["测试学历4", good[0]],                          # 6 same ID as row 2
        ["已有学员", stored],                             # 7 already a learner
        ["测试学历5", x_number.lower()],                  # 8 stored, as X
        ["注册学员", registered],                         # 9 stored, already registered: 已激活
        ["测试学历6", good[1]],                          # 10 stored
    ]
    result = await import_learners(api, token, fill_template(template, rows))
    assert result["errors"] == []
    assert (result["totalRows"], result["importedCount"], result["rejectedCount"]) == (9, 4, 5)
    reasons = {v["row"]: v["reason"] for v in result["rows"]}
    assert set(reasons) == {3, 4, 5, 6, 7} and not any(v["ok"] for v in result["rows"])
    assert "身份证号" in reasons[3] and "校验位" in reasons[3]
    assert "身份证号" in reasons[4] and "出生日期" in reasons[4]
    assert "学员姓名" in reasons[5] and "必填" in reasons[5]
    assert "第2行" in reasons[6]
    assert "已存在" in reasons[7]

    now_listed = await listed(api, token)
    assert set(now_listed) == {"已有学员", "测试学历1", "测试学历5", "注册学员", "测试学历6"}
    assert now_listed["测试学历5"]["maskedIdNumber"] == masked(x_number)
    assert (now_listed["注册学员"]["status"], now_listed["注册学员"]["maskedPhone"]) == ("ACTIVE", "139****0052")
    assert {now_listed[n]["status"] for n in ("测试学历1", "测试学历5", "测试学历6")} == {"INACTIVE"}

    job = result["job"]
    assert (job["kind"], job["status"], job["operatorName"]) == ("LEARNERS", "DONE", "张老师")
    assert (job["totalRows"], job["importedCount"], job["rejectedCount"]) == (9, 4, 5)
    assert job["createdAt"].endswith("+08:00") and job["sourceName"] == "学员.xlsx"
    rejected = read_rows(await download(api, job["rejectedFile"]))
    assert rejected[0] == ["原行号", "学员姓名", "身份证号", "失败原因"]
    assert [r[0] for r in rejected[1:]] == [3, 4, 5, 6, 7]
    assert rejected[1][1:3] == ["测试学历2", with_wrong_check_digit(good[1])]
    assert [r[3] for r in rejected[1:]] == [reasons[n] for n in (3, 4, 5, 6, 7)]
    assert (await download(api, job["sourceFile"]))[:2] == b"PK"


async def test_f6_4_import_record_offers_the_imported_rows_for_download(api: Api, demo: None) -> None:
    """Manual 2.2.4: 成功导入符合要求数据1条，点击下载表格。未导入不符合要求数据1条，点击下载表格。"""
    token = await login(api, *CSUST)
    template = await learner_template(api, token)
    number = resident_id(53)
    result = await import_learners(api, token, fill_template(template, [
        ["测试课程1", number], ["测试课程2", with_wrong_check_digit(resident_id(54))]]))
    assert (result["importedCount"], result["rejectedCount"]) == (1, 1)
    job = result["job"]
    assert job["rejectedFile"] is not None
    assert job["importedFile"] is not None
    imported = read_rows(await download(api, job["importedFile"]))
    assert [r[0] for r in imported[1:]] == ["测试课程1"]


async def test_f6_4_xls_files_are_imported_too(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    content = xls_bytes(["学员姓名*", "身份证号*"], [["测试课程1", resident_id(55)], ["测试课程2", resident_id(56)]])
    result = await import_learners(api, token, content, filename="学员.xls", media="application/vnd.ms-excel")
    assert result["errors"] == [] and result["importedCount"] == 2
    assert set(await listed(api, token)) == {"测试课程1", "测试课程2"}


async def test_f6_4_b7_dry_run_answers_every_row_and_writes_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    template = await learner_template(api, token)
    stored = resident_id(57)
    await add_learner(api, token, "已有学员", stored)
    before = await snapshot()
    result = await import_learners(api, token, fill_template(template, [
        ["测试学历1", resident_id(58)], ["测试学历2", with_wrong_check_digit(resident_id(59))], ["已有学员", stored],
    ]), dry_run=True)
    assert result["errors"] == [] and result["job"] is None
    assert [(v["row"], v["ok"]) for v in result["rows"]] == [(2, True), (3, False), (4, False)]
    # One row would be imported; none was.
    assert (result["dryRun"], result["acceptedCount"], result["importedCount"], result["rejectedCount"]) == (
        True, 1, 0, 2)
    assert await snapshot() == before
    assert (await api(IMPORTS, {"first": 10}, token=token)).data["learnerImports"]["totalCount"] == 0


async def test_f6_4_wrong_files_are_refused_and_change_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    template = await learner_template(api, token)
    course = await store_course(api, token)
    record_form = await record_template(api, token, course["id"])
    before = await snapshot()
    for content, code in (
        (fill_template(record_form, [["测试1", resident_id(60), "cs00013", "2022-03-01"]]), "TEMPLATE_MISMATCH"),
        (workbook_bytes(["学员姓名*"], [["测试1"]]), "MISSING_COLUMNS"),
        (fill_template(template, []), "NO_ROWS"),
        (b"%PDF-1.7\n" + b"x" * 100, "NOT_A_SPREADSHEET"),
        (b"", "FILE_EMPTY"),
    ):
        result = await import_learners(api, token, content)
        assert [e["code"] for e in result["errors"]] == [code]
        assert result["job"] is None
    assert await snapshot() == before


async def test_f6_4_import_records_newest_first(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    template = await learner_template(api, token)
    first_number, second_number = resident_id(61), resident_id(62)
    first = await import_learners(api, token, fill_template(template, [["甲", first_number]]))
    teacher = await login(api, *CSUST_TEACHER)
    second = await import_learners(api, teacher, fill_template(template, [
        ["甲", first_number], ["乙", second_number], ["丙", with_wrong_check_digit(resident_id(63))]]))

    found = (await api(IMPORTS, {"first": 10}, token=token)).data["learnerImports"]
    assert found["totalCount"] == 2
    assert [n["id"] for n in found["nodes"]] == [second["job"]["id"], first["job"]["id"]]
    assert [(n["operatorName"], n["totalRows"], n["importedCount"], n["rejectedCount"], n["status"])
            for n in found["nodes"]] == [("李老师", 3, 1, 2, "DONE"), ("张老师", 1, 1, 0, "DONE")]
    hnu = await hnu_admin(api)
    assert (await api(IMPORTS, {"first": 10}, token=hnu)).data["learnerImports"]["totalCount"] == 0


async def test_f6_4_same_file_imported_twice_at_once_stores_each_learner_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    template = await learner_template(api, token)
    rows = [[f"并发学员{i:02d}", resident_id(i, region="370283")] for i in range(1, 41)]
    content = fill_template(template, rows)
    results = await side_by_side(import_learners(api, token, content), import_learners(api, token, content))
    assert [r["errors"] for r in results] == [[], []]
    assert sorted((r["importedCount"], r["rejectedCount"]) for r in results) == [(0, 40), (40, 0)]
    assert (await listing(api, token))["totalCount"] == 40
    assert await Learner.all().count() == 40


async def test_f6_4_five_thousand_rows_with_bad_rows(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    template = await learner_template(api, token)

    def number(i: int) -> str:
        born = (date(1995, 1, 1) + timedelta(days=i // 1000)).strftime("%Y%m%d")
        return resident_id(i % 1000, born=born)

    rows = [[f"学员{i:04d}", number(i)] for i in range(5000)]
    rows[7][1] = with_wrong_check_digit(rows[7][1])
    rows[2500][0] = ""
    rows[3000][1] = impossible_birth_date(4)
    rows[4999][1] = rows[0][1]  # the same person as the first row
    result = await import_learners(api, token, fill_template(template, rows))
    assert result["errors"] == []
    assert (result["totalRows"], result["importedCount"], result["rejectedCount"]) == (5000, 4996, 4)
    assert [v["row"] for v in result["rows"]] == [9, 2502, 3002, 5001]
    assert (await listing(api, token, first=1))["totalCount"] == 4996
    rejected = read_rows(await download(api, result["job"]["rejectedFile"]))
    assert [r[0] for r in rejected[1:]] == [9, 2502, 3002, 5001]


# --- F6.5 export ----------------------------------------------------------------------------------


async def test_f6_5_b3_selected_learners_are_exported_with_a_code_and_audited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    numbers = {name: resident_id(i) for i, name in enumerate(["甲", "乙", "丙"], start=71)}
    ids = {name: (await add_learner(api, token, name, number))["id"] for name, number in numbers.items()}
    await register_learner(api, "乙", numbers["乙"], "13900000072")
    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    result = await export_learners(api, token, ids=[ids["甲"], ids["乙"]], code=code)
    assert result["errors"] == [] and result["rowCount"] == 2
    assert result["file"]["filename"].endswith(".xlsx")
    rows = read_rows(await download(api, result["file"]))
    assert rows[0][:4] == ["学员姓名", "身份证号", "手机号码", "账户状态"]
    by_name = {r[0]: r for r in rows[1:]}
    assert set(by_name) == {"甲", "乙"}
    for name, row in by_name.items():
        assert row[1][:6] == numbers[name][:6] and row[1][-4:] == numbers[name][-4:]
    assert (by_name["甲"][2], by_name["甲"][3]) == (None, "未激活")
    assert (by_name["乙"][2], by_name["乙"][3]) == ("139****0072", "已激活")
    audit = await AuditLog.get(action="learner.export")
    assert audit.detail["rows"] == 2 and audit.detail["selected"] == 2


async def test_f6_5_all_matching_exports_the_whole_filter(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    for i, name in enumerate(["测试学历1", "测试学历2", "测试学历3"], start=1):
        await add_learner(api, token, name, resident_id(i, region="370283"))
    await add_learner(api, token, "测试课程1", resident_id(74))
    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    result = await export_learners(api, token, filter={"name": "学历", "idNumber": "370283"}, allMatching=True,
                                   code=code)
    assert result["errors"] == [] and result["rowCount"] == 3
    rows = read_rows(await download(api, result["file"]))
    assert sorted(r[0] for r in rows[1:]) == ["测试学历1", "测试学历2", "测试学历3"]
    audit = await AuditLog.get(action="learner.export")
    assert audit.detail["rows"] == 3 and audit.detail["selected"] == 0
    assert set(audit.detail["filter"].values()) == {"学历", "370283"}


async def test_f6_5_code_is_required_and_an_empty_selection_is_refused(api: Api, demo: None) -> None:
    hnu = await hnu_admin(api)
    foreign = await add_learner(api, hnu, "湖大学员", resident_id(75))
    token = await login(api, *CSUST)
    await add_learner(api, token, "长理学员", resident_id(76))
    before = await snapshot(ignore=CODE_TABLES)

    missing = await export_learners(api, token, allMatching=True)
    assert [(e["field"], e["code"]) for e in missing["errors"]] == [("code", "REQUIRED")]
    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    wrong = await export_learners(api, token, allMatching=True, code=f"{(int(code) + 1) % 1_000_000:06d}")
    assert [e["code"] for e in wrong["errors"]] == ["CODE_INVALID"]
    nothing = await export_learners(api, token, filter={"name": "不存在的学员"}, allMatching=True, code=code)
    assert [e["code"] for e in nothing["errors"]] == ["NOTHING_SELECTED"]
    other_school = await export_learners(api, token, ids=[foreign["id"]], code=code)
    assert [e["code"] for e in other_school["errors"]] == ["NOTHING_SELECTED"]
    assert all(r["file"] is None for r in (missing, wrong, nothing, other_school))
    assert await snapshot(ignore=CODE_TABLES) == before

    # None of the refusals used the code up.
    done = await export_learners(api, token, allMatching=True, code=code)
    assert done["errors"] == [] and done["rowCount"] == 1
    assert [r[0] for r in read_rows(await download(api, done["file"]))[1:]] == ["长理学员"]


# --- F6.6 delete ----------------------------------------------------------------------------------


async def test_f6_6_delete_answers_for_each_selected_learner(api: Api, demo: None) -> None:
    hnu = await hnu_admin(api)
    foreign = await add_learner(api, hnu, "湖大学员", resident_id(81))
    token = await login(api, *CSUST)
    plain = await add_learner(api, token, "测试学历1", resident_id(82))
    activated_number = resident_id(83)
    activated = await add_learner(api, token, "毕志刚", activated_number)
    await register_learner(api, "毕志刚", activated_number, "17000009087")
    holder_number = resident_id(84)
    holder = await add_learner(api, token, "测试课程1", holder_number)
    course = await store_course(api, token)
    await store_record(api, token, course["id"], "测试课程1", holder_number, "cs00013")

    selected = [activated["id"], plain["id"], holder["id"], foreign["id"]]
    answer = await delete_learners(api, token, selected)
    assert (answer["succeeded"], answer["failed"]) == (1, 3)
    assert [r["id"] for r in answer["results"]] == selected
    outcome = {r["id"]: (r["ok"], r["error"] and r["error"]["code"]) for r in answer["results"]}
    assert outcome == {
        plain["id"]: (True, None),
        activated["id"]: (False, "LEARNER_ACTIVATED"),
        holder["id"]: (False, "LEARNER_HAS_ACHIEVEMENTS"),
        foreign["id"]: (False, "NOT_FOUND"),
    }
    messages = {r["id"]: r["error"]["message"] for r in answer["results"] if not r["ok"]}
    assert "毕志刚" in messages[activated["id"]] and "激活" in messages[activated["id"]]
    assert "测试课程1" in messages[holder["id"]] and "成果" in messages[holder["id"]]
    assert set(await listed(api, token)) == {"毕志刚", "测试课程1"}
    assert set(await listed(api, hnu)) == {"湖大学员"}
    assert await AuditLog.filter(action="learner.delete").count() == 1


async def test_f6_6_nothing_deletable_changes_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    number = resident_id(85)
    activated = await add_learner(api, token, "毕志刚", number)
    await register_learner(api, "毕志刚", number, "17000009087")
    before = await snapshot()
    answer = await delete_learners(api, token, [activated["id"], "not-an-id"])
    assert (answer["succeeded"], answer["failed"]) == (0, 2)
    assert [r["error"]["code"] for r in answer["results"]] == ["LEARNER_ACTIVATED", "NOT_FOUND"]
    assert await snapshot() == before


# --- F6.7 drill-through ---------------------------------------------------------------------------


async def test_f6_7_drill_through_shows_only_that_learners_achievements(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    restaurant = await store_course(api, token, "餐厅创建课程")
    province = await store_course(api, token, "省厅创建课程")
    first, second = "632323190605260922", resident_id(91)
    await store_record(api, token, restaurant["id"], "测试1", first, "cs00013")
    await store_record(api, token, province["id"], "测试1", first, "cs00014")
    await store_record(api, token, restaurant["id"], "测试2", second, "cs00015")
    learners = await listed(api, token)

    drilled = await records(api, token, {"learnerId": learners["测试1"]["id"]})
    assert drilled["totalCount"] == 2 == len(drilled["nodes"])
    assert {n["learner"]["id"] for n in drilled["nodes"]} == {learners["测试1"]["id"]}
    assert {n["achievementName"] for n in drilled["nodes"]} == {"餐厅创建课程", "省厅创建课程"}
    assert {n["learner"]["maskedIdNumber"] for n in drilled["nodes"]} == {"632323*****0922"}
    other = await records(api, token, {"learnerId": learners["测试2"]["id"]})
    assert [n["personalNumber"] for n in other["nodes"]] == ["cs00015"]

    # The same person is a learner of another school: neither school drills into the other's.
    hnu = await hnu_admin(api)
    hnu_course = await store_course(api, hnu, "湖大课程")
    await store_record(api, hnu, hnu_course["id"], "测试1", first, "hnu001")
    hnu_learner = (await listed(api, hnu))["测试1"]
    assert hnu_learner["id"] != learners["测试1"]["id"]
    assert (await records(api, token, {"learnerId": hnu_learner["id"]}))["totalCount"] == 0
    assert (await records(api, hnu, {"learnerId": learners["测试1"]["id"]}))["totalCount"] == 0
    mine = await records(api, hnu, {"learnerId": hnu_learner["id"]})
    assert [n["achievementName"] for n in mine["nodes"]] == ["湖大课程"]
    sub_user = await hnu_sub_user(api, hnu)
    assert (await records(api, sub_user, {"learnerId": learners["测试1"]["id"]}))["totalCount"] == 0
