"""Exporting the achievement list (F4.10)."""

from __future__ import annotations

from typing import Any

from models.audit import AuditLog
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, code_for, login
from tests.support.xlsx import download, read_rows

EXPORT = """mutation($input: ExportAchievementsInput!) {
  exportAchievements(input: $input) { rowCount file { url filename } errors { field code message } } }"""
STORE = """mutation($input: StoreAchievementInput!) {
  storeAchievement(input: $input) { achievement { id name } errors { code } } }"""
PHONE = "13800000001"


async def _courses(api: Api, token: str, names: list[str]) -> dict[str, str]:
    ids = {}
    for name in names:
        result = await api(STORE, {"input": {"subtype": "VOCATIONAL_COURSE",
                                             "course": {"courseName": name, "introduction": "简介"}}}, token=token)
        ids[name] = result.ok("storeAchievement")["achievement"]["id"]
    return ids


async def _export(api: Api, token: str, **input: Any) -> dict[str, Any]:
    return (await api(EXPORT, {"input": input}, token=token)).payload("exportAchievements")


async def test_f4_10_b3_selected_rows_are_exported_and_audited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    ids = await _courses(api, token, ["课程甲", "课程乙", "课程丙"])
    code = await code_for(api, "EXPORT", token=token, bound_phone=PHONE)
    result = await _export(api, token, ids=[ids["课程甲"], ids["课程丙"]], code=code)
    assert result["errors"] == [] and result["rowCount"] == 2
    rows = read_rows(await download(api, result["file"]))
    assert rows[0][:4] == ["成果名称", "成果类型", "成果子类型", "认定状态"]
    assert sorted(r[0] for r in rows[1:]) == ["课程丙", "课程甲"]
    assert rows[1][1] == "学历成果" and rows[1][2] == "职业教育学历课程" and rows[1][3] == "未认定"
    audit = await AuditLog.get(action="achievement.export")
    assert audit.detail["rows"] == 2 and audit.detail["selected"] == 2


async def test_f4_10_all_matching_exports_the_whole_filter(api: Api, demo: None) -> None:
    """The manual's "未选中数据将导出全部数据", sent explicitly as allMatching (issue 14)."""
    token = await login(api, *CSUST)
    await _courses(api, token, ["数据课程一", "数据课程二", "其他课程"])
    code = await code_for(api, "EXPORT", token=token, bound_phone=PHONE)
    result = await _export(api, token, filter={"name": "数据"}, allMatching=True, code=code)
    assert result["rowCount"] == 2
    rows = read_rows(await download(api, result["file"]))
    assert sorted(r[0] for r in rows[1:]) == ["数据课程一", "数据课程二"]
    audit = await AuditLog.get(action="achievement.export")
    assert audit.detail["filter"] == {"name": "数据"}


async def test_f4_10_code_is_required_and_checked(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await _courses(api, token, ["课程甲"])
    ignore = ("verification_code", "phone_send_slot", "outbound_message")
    before = await snapshot(ignore=ignore)
    missing = await _export(api, token, allMatching=True)
    assert [e["code"] for e in missing["errors"]] == ["REQUIRED"]
    right = await code_for(api, "EXPORT", token=token, bound_phone=PHONE)
    wrong = await _export(api, token, allMatching=True, code=f"{(int(right) + 1) % 1_000_000:06d}")
    assert [e["code"] for e in wrong["errors"]] == ["CODE_INVALID"]
    assert await snapshot(ignore=ignore) == before


async def test_f4_10_a_spent_code_is_told_apart_from_a_wrong_one(api: Api, demo: None) -> None:
    """An export code works once; the second export with it is told the code was already used
    (CODE_USED), not that it is wrong or must first be requested — and nothing is exported."""
    token = await login(api, *CSUST)
    await _courses(api, token, ["课程甲"])
    code = await code_for(api, "EXPORT", token=token, bound_phone=PHONE)
    assert (await _export(api, token, code=code, allMatching=True))["rowCount"] == 1
    ignore = ("verification_code", "phone_send_slot", "outbound_message")
    before = await snapshot(ignore=ignore)
    again = await _export(api, token, code=code, allMatching=True)
    assert [(e["field"], e["code"]) for e in again["errors"]] == [("code", "CODE_USED")]
    assert "已使用" in again["errors"][0]["message"] and again["file"] is None
    wrong = await _export(api, token, code=f"{(int(code) + 1) % 1_000_000:06d}", allMatching=True)
    assert [e["code"] for e in wrong["errors"]] == ["CODE_INVALID"]
    assert "请先获取验证码" in wrong["errors"][0]["message"]
    assert await snapshot(ignore=ignore) == before
    assert await AuditLog.filter(action="achievement.export").count() == 1


async def test_f4_10_empty_selection_is_refused_before_the_code_is_used(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    code = await code_for(api, "EXPORT", token=token, bound_phone=PHONE)
    before = await snapshot()
    result = await _export(api, token, filter={"name": "不存在的成果"}, allMatching=True, code=code)
    assert [e["code"] for e in result["errors"]] == ["NOTHING_SELECTED"]
    assert await snapshot() == before
    await _courses(api, token, ["课程甲"])
    assert (await _export(api, token, allMatching=True, code=code))["rowCount"] == 1


async def test_f4_10_another_institutions_rows_are_never_exported(api: Api, demo: None) -> None:
    from models.achievement import Achievement
    from resolvers.ids import encode_id

    token = await login(api, *CSUST)
    await _courses(api, token, ["课程甲"])
    other = await Achievement.first()
    assert other is not None
    await Achievement.filter(id=other.id).update(institution_id=other.institution_id + 1)  # type: ignore[attr-defined]
    code = await code_for(api, "EXPORT", token=token, bound_phone=PHONE)
    result = await _export(api, token, ids=[encode_id("Achievement", other.id)], code=code)
    assert [e["code"] for e in result["errors"]] == ["NOTHING_SELECTED"]
