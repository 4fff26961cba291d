"""Importing achievements from spreadsheets (F4.8, F4.9, B7)."""

from __future__ import annotations

import asyncio
import io
import zipfile
from typing import Any

from openpyxl import load_workbook
from tortoise import Tortoise

from models.achievement import Achievement
from models.imports import ImportJob
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, login
from tests.support.xlsx import XLSX, download, read_rows, template_rows, workbook_bytes

TEMPLATE = """query($subtype: StorableSubtype!) {
  achievementImportTemplate(subtype: $subtype) { url filename expiresInSeconds } }"""

IMPORT = """mutation($input: ImportAchievementsInput!) {
  importAchievements(input: $input) {
    totalRows importedCount rejectedCount
    rows { row ok reason }
    job { id status operatorName createdAt totalRows importedCount rejectedCount error
          rejectedFile { url filename } importedFile { url filename } sourceFile { url filename } }
    errors { field code message }
  }
}"""

IMPORTS = """{ achievementImports { totalCount nodes { operatorName importedCount rejectedCount status createdAt } } }"""

DIPLOMA_HEADERS = ["层次*", "学科门类*", "专业类*", "专业*", "专业代码", "毕业结论*", "学制(年)*", "原始学时",
                   "原始学分", "最低毕业学分*", "有效期起始时间", "成果简介*"]


MAJOR_CLASSES = {"020102": "经济学类", "020101": "经济学类", "020301K": "金融学类", "020201K": "财政学类",
                 "020202": "财政学类", "020302": "金融学类"}


def diploma(major: str = "经济统计学", code: str = "020102", level: str = "本科", **over: Any) -> list[Any]:
    row = {"层次*": level, "学科门类*": "经济学", "专业类*": MAJOR_CLASSES[code], "专业*": major, "专业代码": code,
           "毕业结论*": "毕业证书", "学制(年)*": 4, "原始学时": 2600, "原始学分": 160,
           "最低毕业学分*": 160, "有效期起始时间": "2022-03-01", "成果简介*": "简介"}
    row.update(over)
    return [row[h] for h in DIPLOMA_HEADERS]


async def upload(api: Api, token: str, content: bytes, *, subtype: str = "HIGHER_EDUCATION_DIPLOMA",
                 dry_run: bool = False, filename: str = "成果.xlsx", media: str = XLSX) -> dict[str, Any]:
    result = await api(
        IMPORT, {"input": {"subtype": subtype, "file": None, "dryRun": dry_run}},
        token=token, files={"input.file": (filename, content, media)},
    )
    return result.payload("importAchievements")


async def test_f4_8_template_has_marked_headers_dropdowns_sample_and_notes(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    link = (await api(TEMPLATE, {"subtype": "VOCATIONAL_DIPLOMA"}, token=token)).data["achievementImportTemplate"]
    assert link["filename"].endswith(".xlsx") and link["expiresInSeconds"] > 0
    content = await download(api, link)
    headers, sample = template_rows(content)
    assert headers == DIPLOMA_HEADERS
    assert sample[0] == "本科" and sample[10] == "2022-03-01"
    workbook = load_workbook(io.BytesIO(content))
    validations = {str(v.sqref).split(":")[0][0]: v.formula1 for v in workbook["数据"].data_validations.dataValidation}
    assert "高职" in validations["A"] and "本科" in validations["A"]
    assert "毕业证书" in validations["F"] and "学位证书" in validations["F"]
    notes = " ".join(str(r[0]) for r in workbook["填写说明"].iter_rows(values_only=True))
    assert "YYYY-MM-DD" in notes and "必填" in notes
    assert workbook["模板信息"].sheet_state == "hidden"
    course = await download(api, (await api(TEMPLATE, {"subtype": "VOCATIONAL_COURSE"}, token=token)).data["achievementImportTemplate"])
    assert template_rows(course)[0][0] == "课程名称*"


async def test_f4_8_good_rows_stored_bad_rows_explained(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    rows = [
        diploma(),
        diploma(level="研究生"),                                  # not in the list
        diploma(major="经济学", code="020101", **{"学制(年)*": "四"}),  # not a number
        diploma(major="金融学", code="020301K", **{"有效期起始时间": "2022/03/01"}),  # date format
        diploma(major="财政学", code="020201K", **{"成果简介*": ""}),      # required
        diploma(),                                                 # duplicate of row 2
        diploma(major="税收学", code="020202", **{"学制(年)*": "4", "原始学时": "2600"}),  # numbers as text
    ]
    result = await upload(api, token, workbook_bytes(DIPLOMA_HEADERS, rows))
    assert result["errors"] == []
    assert (result["totalRows"], result["importedCount"], result["rejectedCount"]) == (7, 2, 5)
    reasons = {v["row"]: v["reason"] for v in result["rows"]}
    assert set(reasons) == {3, 4, 5, 6, 7}
    assert "层次" in reasons[3] and "研究生" in reasons[3]
    assert "学制" in reasons[4] and "数字" in reasons[4]
    assert "YYYY-MM-DD" in reasons[5]
    assert "成果简介" in reasons[6] and "必填" in reasons[6]
    assert "第2行" in reasons[7]
    names = set(await Achievement.filter(deleted_at__isnull=True).values_list("name", flat=True))
    assert names == {"经济统计学毕业证书(本科)", "税收学毕业证书(本科)"}

    job = result["job"]
    assert job["status"] == "DONE" and job["operatorName"] == "张老师"
    assert job["createdAt"].endswith("+08:00")
    rejected = read_rows(await download(api, job["rejectedFile"]))
    assert rejected[0][0] == "原行号" and rejected[0][-1] == "失败原因"
    assert [r[0] for r in rejected[1:]] == [3, 4, 5, 6, 7]
    imported = read_rows(await download(api, job["importedFile"]))
    assert {r[0] for r in imported[1:]} == names
    assert (await download(api, job["sourceFile"]))[:2] == b"PK"


async def test_f4_9_import_records_newest_first(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await upload(api, token, workbook_bytes(DIPLOMA_HEADERS, [diploma()]))
    await upload(api, token, workbook_bytes(DIPLOMA_HEADERS, [diploma(), diploma(major="经济学", code="020101")]))
    records = (await api(IMPORTS, token=token)).data["achievementImports"]
    assert records["totalCount"] == 2
    assert [(n["importedCount"], n["rejectedCount"]) for n in records["nodes"]] == [(1, 1), (1, 0)]


async def test_b7_dry_run_answers_every_row_and_writes_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await upload(api, token, workbook_bytes(DIPLOMA_HEADERS, [diploma(), diploma(level="x")]), dry_run=True)
    assert result["errors"] == [] and result["job"] is None
    assert [(v["row"], v["ok"]) for v in result["rows"]] == [(2, True), (3, False)]
    assert await snapshot() == before


COUNTS = """mutation($input: ImportAchievementsInput!) {
  importAchievements(input: $input) { dryRun totalRows acceptedCount importedCount rejectedCount job { id } errors { code } } }"""


async def test_b7_a_dry_run_counts_rows_that_would_be_imported_as_accepted_never_as_imported(
        api: Api, demo: None) -> None:
    """A screen must not say 成功导入 after a check: the rows that pass are ``acceptedCount``;
    ``importedCount`` is what was stored — 0 on a dry run."""
    token = await login(api, *CSUST)
    content = workbook_bytes(DIPLOMA_HEADERS, [diploma(), diploma(major="经济学", code="020101"), diploma(level="x")])

    async def run(dry_run: bool) -> dict[str, Any]:
        result = await api(COUNTS, {"input": {"subtype": "HIGHER_EDUCATION_DIPLOMA", "file": None, "dryRun": dry_run}},
                           token=token, files={"input.file": ("成果.xlsx", content, XLSX)})
        return result.payload("importAchievements")

    checked = await run(True)
    assert checked == {"dryRun": True, "totalRows": 3, "acceptedCount": 2, "importedCount": 0, "rejectedCount": 1,
                       "job": None, "errors": []}
    imported = await run(False)
    assert imported["job"] is not None
    assert {k: v for k, v in imported.items() if k != "job"} == {
        "dryRun": False, "totalRows": 3, "acceptedCount": 2, "importedCount": 2, "rejectedCount": 1, "errors": []}


async def test_f4_8_xls_files_are_read_too(api: Api, demo: None) -> None:
    """An .xls (BIFF8) file written by hand: the reader takes both formats."""
    from tests.support.xls import xls_bytes

    token = await login(api, *CSUST)
    content = xls_bytes(["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"],
                        [["餐厅创建课程", "C001", 45, 3, "简介"]])
    result = await upload(api, token, content, subtype="VOCATIONAL_COURSE", filename="课程.xls",
                          media="application/vnd.ms-excel")
    assert result["errors"] == [] and result["importedCount"] == 1


async def test_f4_8_not_a_spreadsheet_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    for content, code in (
        (b"%PDF-1.7\n" + b"x" * 100, "NOT_A_SPREADSHEET"),
        (bytes(range(256)) * 10, "NOT_A_SPREADSHEET"),
        (b"", "FILE_EMPTY"),
        (_zip({"hello.txt": b"not a workbook"}), "NOT_A_SPREADSHEET"),
    ):
        result = await upload(api, token, content, filename="成果.xlsx")
        assert [e["code"] for e in result["errors"]] == [code]
    assert await snapshot() == before


async def test_f4_8_oversized_file_and_zip_bomb_are_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    big = await upload(api, token, b"PK\x03\x04" + b"\0" * (20 * 1024 * 1024 + 1))
    assert [e["code"] for e in big["errors"]] == ["FILE_TOO_LARGE"]
    bomb = _zip({"xl/workbook.xml": b"<workbook/>", "xl/worksheets/sheet1.xml": b"\0" * (300 * 1024 * 1024)})
    assert len(bomb) < 2 * 1024 * 1024
    result = await upload(api, token, bomb)
    assert [e["code"] for e in result["errors"]] == ["SPREADSHEET_TOO_LARGE"]
    assert await snapshot() == before


async def test_f4_8_template_of_another_subtype_and_missing_headers(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course_template = await download(api, (await api(TEMPLATE, {"subtype": "VOCATIONAL_COURSE"}, token=token)).data["achievementImportTemplate"])
    before = await snapshot()
    wrong = await upload(api, token, course_template)
    assert [e["code"] for e in wrong["errors"]] == ["TEMPLATE_MISMATCH"]
    missing = await upload(api, token, workbook_bytes([h for h in DIPLOMA_HEADERS if h != "毕业结论*"], [diploma()[:5] + diploma()[6:]]))
    assert [e["code"] for e in missing["errors"]] == ["MISSING_COLUMNS"]
    assert "毕业结论" in missing["errors"][0]["message"]
    empty = await upload(api, token, workbook_bytes(DIPLOMA_HEADERS, []))
    assert [e["code"] for e in empty["errors"]] == ["NO_ROWS"]
    assert await snapshot() == before


async def test_f4_8_rows_already_stored_are_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    content = workbook_bytes(DIPLOMA_HEADERS, [diploma(), diploma(major="经济学", code="020101")])
    first = await upload(api, token, content)
    again = await upload(api, token, content)
    assert first["importedCount"] == 2
    assert (again["importedCount"], again["rejectedCount"]) == (0, 2)
    assert all("已存在" in v["reason"] for v in again["rows"])
    assert await Achievement.all().count() == 2


async def test_f4_8_same_file_imported_twice_at_once_stores_each_row_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    majors = [("经济统计学", "020102"), ("经济学", "020101"), ("金融学", "020301K"), ("税收学", "020202")]
    content = workbook_bytes(DIPLOMA_HEADERS, [diploma(major=m, code=c) for m, c in majors])
    results = await asyncio.gather(upload(api, token, content), upload(api, token, content))
    assert sorted(r["importedCount"] for r in results) == [0, 4]
    assert await Achievement.all().count() == 4


async def test_f4_8_ten_thousand_rows_three_bad(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    rows = [["课程%05d" % i, "K%05d" % i, 32, 2, "简介"] for i in range(10_000)]
    rows[10][4] = ""           # required
    rows[5000][2] = "三十二"    # not a number
    rows[9999][0] = rows[0][0]  # duplicate name and code of the first row
    rows[9999][1] = rows[0][1]
    result = await upload(api, token, workbook_bytes(["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"], rows),
                          subtype="VOCATIONAL_COURSE")
    assert (result["importedCount"], result["rejectedCount"]) == (9_997, 3)
    assert [v["row"] for v in result["rows"]] == [12, 5002, 10001]
    assert await Achievement.all().count() == 9_997


async def test_f4_8_failure_in_the_middle_leaves_nothing(api: Api, demo: None) -> None:
    """A database trigger refuses one row half-way: the whole import is undone, and says so."""
    token = await login(api, *CSUST)
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect == "postgres":
        await connection.execute_script(
            "CREATE FUNCTION refuse_poison() RETURNS trigger AS $$ BEGIN "
            "IF NEW.course_name = '有毒课程' THEN RAISE EXCEPTION 'injected failure'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql;"
            "CREATE TRIGGER poison BEFORE INSERT ON achievement FOR EACH ROW EXECUTE FUNCTION refuse_poison();"
        )
    else:
        await connection.execute_script(
            "CREATE TRIGGER poison BEFORE INSERT ON achievement WHEN NEW.course_name = '有毒课程' "
            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
        )
    try:
        rows = [["课程%04d" % i, "", 32, 2, "简介"] for i in range(5000)]
        rows[4500][0] = "有毒课程"
        result = await upload(api, token, workbook_bytes(["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"], rows),
                              subtype="VOCATIONAL_COURSE")
    finally:
        await connection.execute_script("DROP TRIGGER IF EXISTS poison" + (" ON achievement; DROP FUNCTION refuse_poison();" if connection.capabilities.dialect == "postgres" else ";"))
    assert [e["code"] for e in result["errors"]] == ["IMPORT_FAILED"]
    assert result["job"]["status"] == "FAILED" and "撤销" in result["job"]["error"]
    assert await Achievement.all().count() == 0
    job = await ImportJob.get()
    assert job.imported_count == 0


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()
