"""The catalogue screens of the front-end kit (机构成果, manual 2.2.1), run as a front end runs
them with docs/operations: store, list, detail, import with its records, export, delete."""

from __future__ import annotations

from typing import Any

from tests.support.catalogue import grant
from tests.support.flows import CSUST, STAFF, login
from tests.support.learners import fill_template
from tests.support.operations import Operations, sms_code
from tests.support.xlsx import XLSX, download, read_rows, template_rows

CSUST_PHONE = "13800000001"


def template_row(headers: list[Any], values: dict[str, Any]) -> list[Any]:
    """A row as a user fills the template: by column title (the star of required ones aside)."""
    return [values.get(str(header).rstrip("*")) for header in headers]


async def test_f4_catalogue_screens_store_list_detail_import_export_delete(ops: Operations, demo: None) -> None:
    token = await login(ops.api, *CSUST)

    # 存储新成果: the form's drop-downs, then one achievement of each group.
    options = await ops.data("AchievementFormOptions", token=token)
    level = next(row["id"] for row in options["levels"] if row["name"] == "本科")
    conclusion = next(row["id"] for row in options["graduationConclusions"] if row["name"] == "毕业证书")
    assert options["disciplines"] and options["subtypeGrants"] == []
    majors = (await ops.data("MajorOptions", {"filter": {"code": "020102"}}, token=token))["majors"]["nodes"]
    diploma = (await ops.ok("StoreAchievement", {"input": {"subtype": "HIGHER_EDUCATION_DIPLOMA", "diploma": {
        "levelId": level, "majorId": majors[0]["id"], "graduationConclusionId": conclusion, "years": 4,
        "originalHours": 2600, "originalCredits": 160, "minGraduationCredits": 160,
        "validFrom": "2022-03-01", "introduction": "经济统计学本科学历。"}}}, token=token))["achievement"]
    assert diploma["name"] == "经济统计学毕业证书(本科)"
    course = (await ops.ok("StoreAchievement", {"input": {"subtype": "HIGHER_EDUCATION_COURSE", "course": {
        "courseName": "餐厅创建课程", "courseCode": "JG001", "originalHours": 48, "originalCredits": 3,
        "introduction": "餐饮企业的选址、筹建与开业管理。"}}}, token=token))["achievement"]
    await grant(ops.api, await login(ops.api, *STAFF), (await ops.data("Session", token=token))["me"]
                ["institution"]["id"], "OTHER_NON_DEGREE")
    granted = (await ops.data("AchievementFormOptions", token=token))["subtypeGrants"]
    assert [g["subtype"] for g in granted] == ["OTHER_NON_DEGREE"]
    certificate = (await ops.ok("StoreAchievement", {"input": {"subtype": "OTHER_NON_DEGREE", "certificate": {
        "certificateName": "茶艺师", "introduction": "茶艺服务的职业能力证书。"}}}, token=token))["achievement"]

    # The list with its filters and 共 N 条, the detail, and the account centre agreeing with it.
    degree = (await ops.data("Achievements", {"filter": {"category": "DEGREE"}}, token=token))["achievements"]
    assert degree["totalCount"] == 2
    assert {n["id"] for n in degree["nodes"]} == {diploma["id"], course["id"]}
    second_page = (await ops.data("Achievements", {"first": 1, "offset": 1}, token=token))["achievements"]
    assert second_page["totalCount"] == 3 and len(second_page["nodes"]) == 1
    detail = (await ops.data("AchievementDetail", {"id": diploma["id"]}, token=token))["node"]
    assert detail["major"]["code"] == "020102" and detail["recognitionStatus"] == "UNRECOGNIZED"
    assert (detail["learnerCount"], detail["relatedRuleCount"]) == (0, 0)
    overview = (await ops.data("AccountOverview", token=token))["accountOverview"]["achievements"]
    assert overview == {"total": 3, "degree": 2, "nonDegree": 1}
    assert certificate["category"] == "NON_DEGREE"

    # 成果导入: the template of a subtype, filled, checked (dry run), imported; 导入记录.
    link = (await ops.data("AchievementImportTemplate", {"subtype": "VOCATIONAL_COURSE"},
                           token=token))["achievementImportTemplate"]
    template = await download(ops.api, link)
    headers, _ = template_rows(template)
    rows = [template_row(headers, {"课程名称": "烹饪基础", "课程代码": "PR01", "原始学时": 32, "原始学分": 2,
                                   "成果简介": "烹饪的基本功。"}),
            template_row(headers, {"课程名称": "面点制作", "原始学时": "三十"})]
    upload = {"input.file": ("课程.xlsx", fill_template(template, rows), XLSX)}
    variables: dict[str, Any] = {"input": {"subtype": "VOCATIONAL_COURSE", "file": None, "dryRun": True}}
    checked = await ops.ok("ImportAchievements", variables, token=token, files=upload)
    assert (checked["acceptedCount"], checked["importedCount"], checked["rejectedCount"]) == (1, 0, 1)
    variables["input"]["dryRun"] = False
    imported = await ops.ok("ImportAchievements", variables, token=token, files=upload)
    assert (imported["importedCount"], imported["rejectedCount"]) == (1, 1)
    records = (await ops.data("AchievementImports", token=token))["achievementImports"]
    assert records["totalCount"] == 1 and records["nodes"][0]["rejectedFile"]
    assert read_rows(await download(ops.api, records["nodes"][0]["rejectedFile"]))[1][-1]

    # 成果导出: nothing ticked means the list's filter, with an EXPORT code.
    code = await sms_code(ops, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    exported = await ops.ok("ExportAchievements", {"input": {"allMatching": True, "filter": {"category": "DEGREE"},
                                                             "code": code}}, token=token)
    assert exported["rowCount"] == 3
    assert len(read_rows(await download(ops.api, exported["file"]))) == 4

    # 删除: per ticked row.
    cooking = (await ops.data("Achievements", {"filter": {"name": "烹饪基础"}}, token=token))["achievements"]
    deleted = await ops.ok("DeleteAchievements", {"ids": [cooking["nodes"][0]["id"]]}, token=token)
    assert (deleted["succeeded"], deleted["failed"]) == (1, 0)
    assert (await ops.data("Achievements", token=token))["achievements"]["totalCount"] == 3

