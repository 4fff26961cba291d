"""Every spreadsheet the platform writes keeps what people typed as text (issue 13, item 2).

A name like ``=HYPERLINK("http://e.vil","x")`` stored by one institution must never become a live
formula in a sheet another institution (or the same one) downloads. Each test seeds hostile texts
through the API, downloads the written file through its signed URL, opens it with openpyxl as a
spreadsheet program would (formulas kept, not ``data_only``) and finds: no formula cell at all,
the texts exactly as stored, and Excel's quote prefix on every text that starts like a formula, so
editing the cell in Excel or WPS keeps it text.

Texts that start with a tab or a carriage return cannot be typed any more (input is trimmed and
single-line fields refuse them); rows stored before that (or by an earlier version) still hold
them, so those are written into the database directly, as such a row would be.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell

from models.achievement import Achievement
from models.application import ConversionApplication
from models.learner import Learner
from resolvers.ids import decode_id
from tests.support import catalogue
from tests.support.api import Api
from tests.support.applications import CSUST_PHONE, HNU_PHONE, apply, review, scene
from tests.support.applications import export as export_applications
from tests.support.flows import CSUST, STAFF, code_for, login
from tests.support.learner_records import person, store_record
from tests.support.learners import (
    EXPORT,
    EXPORT_RECORDS,
    IMPORT_RECORDS,
    add_learner,
    import_learners,
    learner_template,
    record_template,
)
from tests.support.rules import SYNC_X, X_HEADERS
from tests.support.xlsx import XLSX, download

# Typed texts that spreadsheet programs read as formulas (OWASP CSV injection): = + - @.
TYPED = ['=HYPERLINK("http://e.vil","x")', "+1+1", "-2+3", "@SUM(A1)"]
# Texts no input accepts any more but old rows may hold: a leading tab or carriage return.
LEGACY = ["\t=1", "\r=1"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

ACHIEVEMENT_EXPORT = """mutation($input: ExportAchievementsInput!) {
  exportAchievements(input: $input) { rowCount file { url filename } errors { field code message } } }"""
ACHIEVEMENT_TEMPLATE = """query($subtype: StorableSubtype!) {
  achievementImportTemplate(subtype: $subtype) { url filename } }"""
ACHIEVEMENT_IMPORT = """mutation($input: ImportAchievementsInput!) {
  importAchievements(input: $input) {
    totalRows importedCount rejectedCount rows { row ok reason }
    job { rejectedFile { url filename } importedFile { url filename } }
    errors { field code message } } }"""
COURSE_HEADERS = ["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"]


def typed_upload(headers: list[str], rows: list[list[Any]], meta: dict[str, str] | None = None) -> bytes:
    """An upload whose cells hold what a person typed as text (a cell typed ``'=1`` in Excel, or
    a CSV turned into xlsx): string cells, never formulas, whatever they start with."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "数据"
    for values in [headers, *rows]:
        cells = []
        for value in values:
            cell = Cell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    if meta:
        hidden = workbook.create_sheet("模板信息")
        for item in meta.items():
            hidden.append(list(item))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def written_cells(content: bytes) -> list[Cell]:
    """Every non-empty cell of every sheet, as a spreadsheet program opens the file."""
    workbook = load_workbook(io.BytesIO(content))
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row
            if cell.value is not None]


def assert_texts_written_as_text(content: bytes, texts: list[str]) -> None:
    cells = written_cells(content)
    formulas = [(cell.parent.title, cell.coordinate, cell.value) for cell in cells if cell.data_type == "f"]
    assert formulas == [], f"formula cells in a written sheet: {formulas}"
    strings = [cell.value for cell in cells if cell.data_type == "s"]
    missing = [text for text in texts if text not in strings]
    assert missing == [], f"texts not written as they were stored: {missing}"
    unmarked = [(cell.coordinate, cell.value) for cell in cells
                if isinstance(cell.value, str) and cell.value.startswith(FORMULA_START) and not cell.quotePrefix]
    assert unmarked == [], f"formula-like texts without the quote prefix: {unmarked}"


async def _exported(api: Api, token: str, document: str, field: str, phone: str = CSUST_PHONE,
                    **input: Any) -> bytes:
    """Every row of the list (allMatching) unless ``ids`` are given."""
    code = await code_for(api, "EXPORT", token=token, bound_phone=phone)
    selection = {} if "ids" in input else {"allMatching": True}
    payload = (await api(document, {"input": {**input, **selection, "code": code}}, token=token)).payload(field)
    assert payload["errors"] == [], payload["errors"]
    return await download(api, payload["file"])


# --- exports ------------------------------------------------------------------------------------


async def test_achievement_export_xlsx_writes_names_introductions_and_x_certificates_as_text(
        api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    for text in TYPED:
        await catalogue.store(api, token, catalogue.course_input(
            text, subtype="VOCATIONAL_COURSE", courseCode=text, introduction=text))
    # An X certificate whose name, issuer and introduction came from the sync file (F4.4).
    sync = typed_upload(X_HEADERS, [[CSUST[0], "X-9", TYPED[0], "高级", TYPED[3], TYPED[2], "2022-03-01"]])
    staff = await login(api, *STAFF)
    synced = await api(SYNC_X, {"file": None}, token=staff, files={"file": ("x.xlsx", sync, XLSX)})
    assert synced.payload("syncXCertificates")["created"] == 1
    for index, text in enumerate(LEGACY):
        stored = await catalogue.store_course(api, token, f"旧课程{index}", subtype="VOCATIONAL_COURSE")
        await Achievement.filter(id=decode_id(stored["id"], "Achievement")).update(
            name=text, course_name=text, introduction=text)

    content = await _exported(api, token, ACHIEVEMENT_EXPORT, "exportAchievements")
    assert_texts_written_as_text(content, [*TYPED, *LEGACY, f"{TYPED[0]}(高级)"])


async def test_learner_export_xlsx_writes_names_as_text(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    for index, text in enumerate(TYPED):
        await add_learner(api, token, text, person(index + 1))
    for index, text in enumerate(LEGACY):
        learner = await add_learner(api, token, f"旧学员{index}", person(index + 11))
        await Learner.filter(id=decode_id(learner["id"], "Learner")).update(name=text)

    content = await _exported(api, token, EXPORT, "exportLearners")
    assert_texts_written_as_text(content, [*TYPED, *LEGACY])


async def test_learner_achievement_export_xlsx_writes_achievement_and_learner_texts_as_text(
        api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await catalogue.store(api, token, catalogue.course_input(TYPED[0], subtype="VOCATIONAL_COURSE"))
    for index, text in enumerate(TYPED):
        await store_record(api, token, course["id"], text, person(index + 1), text)
    for index, text in enumerate(LEGACY):
        await store_record(api, token, course["id"], f"旧学员{index}", person(index + 11), f"old{index}")
        await Learner.filter(id_number=person(index + 11)).update(name=text)

    content = await _exported(api, token, EXPORT_RECORDS, "exportLearnerAchievements")
    assert_texts_written_as_text(content, [*TYPED, *LEGACY])


async def test_application_exports_xlsx_of_both_institutions_write_learner_names_and_reasons_as_text(
        api: Api, demo: None) -> None:
    """The issue's example: 湖南大学's learner named like a formula, in 长沙理工大学's export."""
    s = await scene(api, learners=[(text, index + 1) for index, text in enumerate(TYPED)])
    applied = await apply(api, s.hnu, s.rule["id"], all_matching=True)
    rows = {a["learnerName"]: a["id"] for a in applied["applications"]}
    await review(api, s.csust, "FAILED", ids=[rows[TYPED[1]]], reason=TYPED[3])
    await review(api, s.csust, "FAILED", ids=[rows[TYPED[2]]], reason=TYPED[0])
    # Rows from before the input checks: a name and a reason starting with a tab or a CR.
    await ConversionApplication.filter(id=decode_id(rows[TYPED[1]], "ConversionApplication")).update(
        learner_name=LEGACY[0], fail_reason=LEGACY[1])

    expected = [TYPED[0], TYPED[2], TYPED[3], *LEGACY]
    received = await export_applications(api, s.csust, CSUST_PHONE, received=True, allMatching=True)
    assert received["errors"] == []
    assert_texts_written_as_text(await download(api, received["file"]), expected)
    initiated = await export_applications(api, s.hnu, HNU_PHONE, received=False, allMatching=True)
    assert initiated["errors"] == []
    assert_texts_written_as_text(await download(api, initiated["file"]), expected)


# --- import records: the rejected-rows and imported-rows sheets -------------------------------------


async def test_rejected_rows_xlsx_of_a_learner_import_writes_the_cells_as_text(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    rows = [[text, "不是身份证号"] for text in TYPED] + [["张三", text] for text in LEGACY]
    outcome = await import_learners(api, token, typed_upload(["学员姓名*", "身份证号*"], rows))
    assert outcome["errors"] == [] and outcome["rejectedCount"] == len(rows)
    content = await download(api, outcome["job"]["rejectedFile"])
    # A cell is written as the import read it: trimmed.
    assert_texts_written_as_text(content, [*TYPED, *(text.strip() for text in LEGACY)])


async def test_rejected_rows_xlsx_of_an_achievement_import_writes_the_cells_as_text(
        api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    rows = [[text, text, "不是数字", None, text] for text in TYPED]
    content = typed_upload(COURSE_HEADERS, rows)
    result = await api(ACHIEVEMENT_IMPORT, {"input": {"subtype": "VOCATIONAL_COURSE", "file": None}},
                       token=token, files={"input.file": ("成果.xlsx", content, XLSX)})
    outcome = result.payload("importAchievements")
    assert outcome["errors"] == [] and outcome["rejectedCount"] == len(rows), outcome
    assert_texts_written_as_text(await download(api, outcome["job"]["rejectedFile"]), TYPED)


async def test_rejected_rows_xlsx_of_a_learner_achievement_import_writes_the_cells_as_text(
        api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    course = await catalogue.store_course(api, token, "餐厅创建课程", subtype="VOCATIONAL_COURSE")
    rows = [[text, person(index + 1), text, "不是日期", text, None] for index, text in enumerate(TYPED)]
    content = typed_upload(["学员姓名*", "身份证号*", "个人成果编号*", "颁证日期*", "成绩", "获得学分"], rows)
    result = await api(IMPORT_RECORDS, {"input": {"achievementId": course["id"], "file": None}},
                       token=token, files={"input.file": ("学员成果.xlsx", content, XLSX)})
    outcome = result.payload("importLearnerAchievements")
    assert outcome["errors"] == [] and outcome["rejectedCount"] == len(rows), outcome
    assert_texts_written_as_text(await download(api, outcome["job"]["rejectedFile"]), TYPED)


async def test_imported_rows_xlsx_of_a_learner_import_writes_names_as_text(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    rows = [[text, person(index + 1)] for index, text in enumerate(TYPED)]
    outcome = await import_learners(api, token, typed_upload(["学员姓名*", "身份证号*"], rows))
    assert outcome["errors"] == [] and outcome["importedCount"] == len(rows)
    assert_texts_written_as_text(await download(api, outcome["job"]["importedFile"]), TYPED)


# --- templates ------------------------------------------------------------------------------------


async def test_import_template_xlsx_files_hold_no_formula(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    contents = [await learner_template(api, token)]
    for subtype in ("VOCATIONAL_DIPLOMA", "VOCATIONAL_COURSE", "OTHER_NON_DEGREE"):
        link = (await api(ACHIEVEMENT_TEMPLATE, {"subtype": subtype}, token=token)).data["achievementImportTemplate"]
        contents.append(await download(api, link))
    course = await catalogue.store(api, token, catalogue.course_input(TYPED[0], subtype="VOCATIONAL_COURSE"))
    contents.append(await record_template(api, token, course["id"]))
    for content in contents:
        assert_texts_written_as_text(content, [])


# --- the one way to write a workbook ---------------------------------------------------------------


def test_only_the_spreadsheet_adapter_touches_openpyxl() -> None:
    """Every workbook the platform writes goes through adapters/spreadsheets.py (its writer and
    its template builder make every cell through one function); no other module may build one."""
    root = Path(__file__).resolve().parents[2]
    offenders: set[str] = set()
    for package in ("adapters", "models", "resolvers", "schema", "server", "validators"):
        for path in sorted((root / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
                if any(name.split(".")[0] in ("openpyxl", "xlsxwriter", "xlwt") for name in names):
                    offenders.add(str(path.relative_to(root)))
    assert offenders == {"adapters/spreadsheets.py"}
