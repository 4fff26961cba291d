"""Control and bidi characters are refused at input (issue 13.2), in every free-text field.

NUL and the other C0/C1 controls, and Unicode's bidi controls (U+202A–U+202E overrides, U+2066–
U+2069 isolates, U+200E/U+200F/U+061C marks) make stored text read differently from what it holds
or break what reads it later (XML, spreadsheets, PostgreSQL). Single-line fields (names, codes)
also refuse tabs and line breaks; multi-line ones (introductions, reasons, replies) keep them.
A refusal answers CONTROL_CHARACTERS with a Chinese message naming the field, and changes nothing.
Spreadsheet rows (every import) and X-certificate sync rows refuse such cells as row reasons.
"""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from models.institution import Institution
from models.learner import Feedback, Learner
from tests.support import catalogue
from tests.support.api import Api, GraphQLResult
from tests.support.applications import apply, review_result, scene
from tests.support.db import snapshot
from tests.support.flows import CSUST, STAFF, login
from tests.support.learner_records import learner_login, person, register, report, store_record
from tests.support.learners import add_result, import_learners
from tests.support.rules import (
    METHOD_PDF,
    PDF_TYPE,
    SYNC_X,
    TAKE_DOWN,
    UPLOAD_METHOD,
    X_HEADERS,
    act_refused,
    create_result,
    degree_rule,
    refusal,
    source,
)
from tests.support.xls import xls_bytes
from tests.support.xlsx import download

CONTROL = "CONTROL_CHARACTERS"
# What a refusal must never let through, one of each kind.
NUL, BELL, DEL, NEL = "\x00", "\x07", "\x7f", "\x85"
RLO, PDF_MARK, LRI, PDI, RLM, ALM = "\u202e", "\u202c", "\u2066", "\u2069", "\u200f", "\u061c"

UPDATE_INFO = """mutation($input: InstitutionInfoInput!) {
  updateInstitutionInfo(input: $input) { institution { contactName introduction businessScope }
    errors { field code message } } }"""
HANDLE = """mutation($id: ID!, $input: HandleFeedbackInput!) {
  handleFeedback(id: $id, input: $input) { feedback { id } errors { field code message } } }"""


def refused_fields(result: GraphQLResult, field: str) -> list[tuple[str | None, str]]:
    """The (field, code) pairs of a refused mutation; every message is Chinese."""
    result.refused(field)
    return [(e["field"], e["code"]) for e in result.data[field]["errors"]]


# --- forms ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("field", "value"), [
    ("introduction", f"本校简介{RLO}txt.exe"),
    ("businessScope", f"职业教育{NUL}"),
    ("contactName", f"张{LRI}三{PDI}"),
    ("contactName", "张\n三"),          # a name is one line
    ("address", "湖南省\t长沙市"),
    ("legalRepresentative", f"李{RLM}四"),
    ("schoolType", f"本科{DEL}"),
])
async def test_institution_info_refuses_control_characters_and_changes_nothing(
        api: Api, demo: None, field: str, value: str) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await api(UPDATE_INFO, {"input": {field: value}}, token=token)
    assert refused_fields(result, "updateInstitutionInfo") == [(field, CONTROL)]
    assert result.data["updateInstitutionInfo"]["institution"] is None
    assert await snapshot() == before


async def test_institution_introduction_keeps_its_lines(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    result = await api(UPDATE_INFO, {"input": {"introduction": "第一段\r\n\t第二段\r第三段"}}, token=token)
    assert result.ok("updateInstitutionInfo")["institution"]["introduction"] == "第一段\n\t第二段\n第三段"
    institution = await Institution.get(school__code=CSUST[0])
    assert institution.introduction == "第一段\n\t第二段\n第三段"


@pytest.mark.parametrize(("form", "field"), [
    ({"courseName": f"餐厅创建课程{NUL}"}, "courseName"),
    ({"courseName": "餐厅\n创建课程"}, "courseName"),
    ({"courseCode": f"C{BELL}01"}, "courseCode"),
    ({"introduction": f"课程简介{RLO}gpj.exe"}, "introduction"),
    ({"introduction": f"课程简介{ALM}"}, "introduction"),
])
async def test_store_achievement_refuses_control_characters_and_stores_nothing(
        api: Api, demo: None, form: dict[str, str], field: str) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    refused = await catalogue.store_refused(api, token, catalogue.course_input(subtype="VOCATIONAL_COURSE", **form))
    assert refused == [(f"course.{field}", CONTROL)]
    assert await snapshot() == before


@pytest.mark.parametrize("name", [f"张{RLO}三", f"王{NUL}五", "李\t四", "赵\n六", f"钱{RLM}七", f"孙{NEL}八",
                                  f"周{PDF_MARK}九"])
async def test_add_learner_refuses_a_name_with_control_characters(api: Api, demo: None, name: str) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await add_result(api, token, name, person(1))
    assert refused_fields(result, "addLearner") == [("name", CONTROL)]
    assert any("控制" in e["message"] for e in result.data["addLearner"]["errors"])
    assert await snapshot() == before


async def test_add_learner_trims_breaks_around_a_name(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    result = await add_result(api, token, "\t张三\r\n", person(1))
    assert result.ok("addLearner")["learner"]["name"] == "张三"


async def test_conversion_rule_description_review_and_take_down_reasons_refuse_control_characters(
        api: Api, demo: None) -> None:
    s = await scene(api, learners=[("李毅", 1)])
    applied = await apply(api, s.hnu, s.rule["id"], all_matching=True)
    before = await snapshot()

    draft = degree_rule([source(s.x_certificate)], [s.course], description=f"规则说明{BELL}")
    payload = (await create_result(api, s.csust, draft)).payload("createConversionRule")
    assert refusal(payload) == [("description", CONTROL)]

    row = applied["applications"][0]["id"]
    failed = await review_result(api, s.csust, "FAILED", ids=[row], reason=f"证书等级不符{LRI}")
    assert refused_fields(failed, "reviewConversion") == [("reason", CONTROL)]

    taken_down = await act_refused(api, s.staff, TAKE_DOWN, "takeDownConversionRule", s.rule["id"],
                                   reason=f"{RLO}信息有误")
    assert taken_down == [("reason", CONTROL)]
    assert await snapshot() == before


async def test_report_problem_refuses_control_characters_and_keeps_lines(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    course = await catalogue.store_course(api, csust, "省厅创建课程", subtype="VOCATIONAL_COURSE")
    record = await store_record(api, csust, course["id"], "毕志刚", person(1), "kc001")
    await register(api, "毕志刚", person(1), "17000009087")
    learner = await learner_login(api, person(1))
    before = await snapshot()
    for content in (f"发证日期有误{NUL}", f"发证日期{RLO}有误", f"{BELL}发证日期有误"):
        assert refused_fields(await report(api, learner, record["id"], content), "reportProblem") == [
            ("content", CONTROL)]
    assert await snapshot() == before

    reported = (await report(api, learner, record["id"], "发证日期有误\r\n应为2022年")).ok("reportProblem")
    assert reported["feedback"]["content"] == "发证日期有误\n应为2022年"
    before = await snapshot()
    handled = await api(HANDLE, {"id": reported["feedback"]["id"],
                                 "input": {"outcome": "RESOLVED", "reply": f"已更正{PDI}"}}, token=csust)
    assert refused_fields(handled, "handleFeedback") == [("reply", CONTROL)]
    assert await snapshot() == before
    assert await Feedback.all().count() == 1


async def test_uploaded_file_names_with_control_characters_are_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    variables = {"input": {"name": "长沙理工大学转换办法", "file": None, "pledgeAccepted": True,
                           "securityCommitmentAccepted": True, "publish": False}}
    result = await api(UPLOAD_METHOD, variables, token=token,
                       files={"input.file": (f"转换办法{RLO}fdp.exe.pdf", METHOD_PDF, PDF_TYPE)})
    assert refused_fields(result, "uploadConversionMethod") == [("file", CONTROL)]
    content = xls_bytes(["学员姓名*", "身份证号*"], [["张三", person(1)]])
    imported = await import_learners(api, token, content, filename=f"学员{RLO}slx.exe.xls",
                                     media="application/vnd.ms-excel")
    assert [(e["field"], e["code"]) for e in imported["errors"]] == [("file", CONTROL)]
    assert await snapshot() == before


# --- spreadsheet rows --------------------------------------------------------------------------------


async def test_learner_import_refuses_rows_with_control_characters_and_lists_them(api: Api, demo: None) -> None:
    """A legacy .xls can carry any character; each bad cell is a row reason naming its column,
    the good row is stored, and the rejected-rows sheet shows the bad characters as U+FFFD."""
    token = await login(api, *CSUST)
    rows = [
        [f"张{RLO}三", person(1)],
        [f"王{NUL}五", person(2)],
        ["李\n四", person(3)],           # a name is one line
        ["钱七", f"{LRI}{person(5)}"],
        ["孙八", person(6)],
    ]
    outcome = await import_learners(api, token, xls_bytes(["学员姓名*", "身份证号*"], rows),
                                    filename="学员.xls", media="application/vnd.ms-excel")
    assert outcome["errors"] == []
    assert (outcome["importedCount"], outcome["rejectedCount"]) == (1, 4)
    reasons = {r["row"]: r["reason"] for r in outcome["rows"] if not r["ok"]}
    assert set(reasons) == {2, 3, 4, 5}
    assert all("控制字符" in reason for reason in reasons.values()), reasons
    assert reasons[2].startswith("学员姓名：") and reasons[5].startswith("身份证号：")
    assert await Learner.all().values_list("name", flat=True) == ["孙八"]

    sheet = load_workbook(io.BytesIO(await download(api, outcome["job"]["rejectedFile"])))["未导入数据"]
    written = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]
    assert [row[:2] for row in written] == [[2, "张\ufffd三"], [3, "王\ufffd五"], [4, "李\n四"],
                                            [5, "钱七"]]
    assert written[3][2] == f"\ufffd{person(5)}"


async def test_x_certificate_sync_refuses_rows_with_control_characters(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    rows = [
        [CSUST[0], "X-1", f"证书{RLO}甲", "高级", "新疆美食培训", "烹饪", "2022-03-01"],
        [CSUST[0], "X-2", "证书乙", "高级", f"培训{NUL}机构", "烹饪", "2022-03-01"],
        [CSUST[0], "X-3", "证书丙", "高级", "新疆美食培训", "第一行\n第二行", "2022-03-01"],
    ]
    result = await api(SYNC_X.replace("created", "created rejectedCount rows { row reason }"),
                       {"file": None}, token=staff,
                       files={"file": ("x.xls", xls_bytes(X_HEADERS, rows), "application/vnd.ms-excel")})
    payload = result.payload("syncXCertificates")
    assert (payload["created"], payload["rejectedCount"]) == (1, 2)
    reasons = {r["row"]: r["reason"] for r in payload["rows"]}
    assert "证书名称" in reasons[2] and "颁证机构" in reasons[3] and all("控制字符" in r for r in reasons.values())
