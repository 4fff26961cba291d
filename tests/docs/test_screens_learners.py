"""The learner screens of the front-end kit, run as front ends run them with docs/operations:
学员账户管理 (manual 2.2.4), 学员成果管理 (2.2.2), 问题反馈管理 (2.2.3), and the learner's own pages
(F15): registration, 我的成果, 问题反馈, withdrawn records."""

from __future__ import annotations

from typing import Any

from tests.support.flows import CSUST, login
from tests.support.learner_records import PDF, REASON_PDF, person
from tests.support.learners import fill_template
from tests.support.operations import Operations, sms_code
from tests.support.xlsx import XLSX, download, read_rows, template_rows

CSUST_PHONE = "13800000001"
LEARNER_PHONE = "13700000021"


def template_row(headers: list[Any], values: dict[str, Any]) -> list[Any]:
    return [values.get(str(header).rstrip("*")) for header in headers]


async def filled(ops: Operations, link: dict[str, Any], rows: list[dict[str, Any]]) -> bytes:
    template = await download(ops.api, link)
    headers, _ = template_rows(template)
    return fill_template(template, [template_row(headers, row) for row in rows])


async def test_f6_learner_accounts_add_modify_delete_import_export(ops: Operations, demo: None) -> None:
    token = await login(ops.api, *CSUST)
    added = (await ops.ok("AddLearner", {"input": {"name": "测试学历1", "idNumber": person(1)}},
                          token=token))["learner"]
    assert added["status"] == "INACTIVE" and added["maskedIdNumber"] == f"{person(1)[:6]}*****{person(1)[-4:]}"
    renamed = await ops.ok("UpdateLearner", {"id": added["id"], "input": {"name": "测试学历一"}}, token=token)
    assert renamed["learner"]["name"] == "测试学历一"

    link = (await ops.data("LearnerImportTemplate", token=token))["learnerImportTemplate"]
    content = await filled(ops, link, [{"学员姓名": "测试课程1", "身份证号": person(2)},
                                       {"学员姓名": "测试课程2", "身份证号": "370283199901011234"}])
    imported = await ops.ok("ImportLearners", {"input": {"file": None, "dryRun": False}}, token=token,
                            files={"input.file": ("学员.xlsx", content, XLSX)})
    assert (imported["importedCount"], imported["rejectedCount"]) == (1, 1)
    assert (await ops.data("LearnerImports", token=token))["learnerImports"]["nodes"][0]["rejectedCount"] == 1

    listed = (await ops.data("Learners", {"filter": {"status": "INACTIVE"}}, token=token))["learners"]
    assert listed["totalCount"] == 2
    code = await sms_code(ops, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    exported = await ops.ok("ExportLearners", {"input": {"ids": [added["id"]], "allMatching": False,
                                                         "code": code}}, token=token)
    assert exported["rowCount"] == 1

    deleted = await ops.ok("DeleteLearners", {"ids": [added["id"]]}, token=token)
    assert deleted["succeeded"] == 1
    assert (await ops.data("Learners", token=token))["learners"]["totalCount"] == 1


async def test_f5_f7_f15_records_feedback_withdrawal_and_the_learners_own_pages(
        ops: Operations, demo: None) -> None:
    token = await login(ops.api, *CSUST)
    course = (await ops.ok("StoreAchievement", {"input": {"subtype": "HIGHER_EDUCATION_COURSE", "course": {
        "courseName": "餐厅创建课程", "courseCode": "JG001", "originalHours": 48, "originalCredits": 3,
        "introduction": "餐饮企业的选址、筹建与开业管理。"}}}, token=token))["achievement"]

    # 存储学员成果: choose the institution's achievement, add the learner (created 未激活).
    chosen = (await ops.data("Achievements", {"filter": {"name": "餐厅"}}, token=token))["achievements"]["nodes"]
    stored = (await ops.ok("StoreLearnerAchievement", {"input": {
        "achievementId": chosen[0]["id"], "name": "刘一鸣", "idNumber": person(11), "personalNumber": "cs0001",
        "issuedOn": "2024-06-30", "score": "92", "earnedCredits": 3}}, token=token))["learnerAchievement"]
    assert stored["learner"]["status"] == "INACTIVE" and stored["source"] == "INSTITUTION"

    # 导入学员 onto the achievement, with its 导入记录.
    link = (await ops.data("LearnerAchievementImportTemplate", {"achievementId": course["id"]},
                           token=token))["learnerAchievementImportTemplate"]
    content = await filled(ops, link, [{"学员姓名": "陈静", "身份证号": person(12), "个人成果编号": "cs0002",
                                        "颁证日期": "2024-06-30"}])
    imported = await ops.ok("ImportLearnerAchievements", {"input": {
        "achievementId": course["id"], "file": None, "dryRun": False}}, token=token,
        files={"input.file": ("学员成果.xlsx", content, XLSX)})
    assert imported["importedCount"] == 1
    jobs = (await ops.data("LearnerAchievementImports", {"achievementId": course["id"]},
                           token=token))["learnerAchievementImports"]
    assert jobs["totalCount"] == 1

    # The list (获证学员数量's drill-through), the detail with the full ID number, the export.
    records = (await ops.data("LearnerAchievements", {"filter": {"achievementId": course["id"]}},
                              token=token))["learnerAchievements"]
    assert records["totalCount"] == 2 and "*****" in records["nodes"][0]["learner"]["maskedIdNumber"]
    detail = (await ops.data("LearnerAchievementDetail", {"id": stored["id"]}, token=token))
    assert detail["learnerAchievementDetail"]["idNumber"] == person(11)
    code = await sms_code(ops, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    exported = await ops.ok("ExportLearnerAchievements", {"input": {
        "allMatching": True, "filter": {"achievementId": course["id"]}, "code": code}}, token=token)
    assert exported["rowCount"] == 2 and len(read_rows(await download(ops.api, exported["file"]))) == 3

    # The learner registers (their record turns 已激活), sees it and reports a problem on it.
    code = await sms_code(ops, "LEARNER_REGISTER", LEARNER_PHONE)
    registered = await ops.ok("RegisterLearner", {"input": {
        "phone": LEARNER_PHONE, "code": code, "name": "刘一鸣", "idNumber": person(11), "password": "Learner2024",
        "passwordConfirmation": "Learner2024", "agreementAccepted": True}})
    learner = registered["token"]
    assert registered["activatedRecords"] == 1
    mine = (await ops.data("MyAchievements", token=learner))["myAchievements"]
    assert [n["id"] for n in mine["nodes"]] == [stored["id"]]
    reported = await ops.ok("ReportProblem", {"input": {"learnerAchievementId": stored["id"],
                                                        "content": "发证日期有误"}}, token=learner)

    # 问题反馈管理: the institution finds it, opens it and answers; the learner reads the reply.
    open_ones = (await ops.data("Feedbacks", {"filter": {"status": "UNRESOLVED"}}, token=token))["feedbacks"]
    assert [n["id"] for n in open_ones["nodes"]] == [reported["feedback"]["id"]]
    opened = (await ops.data("FeedbackDetail", {"id": reported["feedback"]["id"]}, token=token))["node"]
    assert opened["learner"]["name"] == "刘一鸣"
    await ops.ok("HandleFeedback", {"id": opened["id"], "input": {"outcome": "RESOLVED",
                                                                  "reply": "已核实，颁证日期无误"}}, token=token)
    answered = (await ops.data("MyFeedbacks", token=learner))["feedbacks"]["nodes"]
    assert [(n["status"], n["reply"]) for n in answered] == [("RESOLVED", "已核实，颁证日期无误")]

    # 批量撤回 with a reason and its file; the record is kept apart, and the learner is told why.
    withdrawn = await ops.ok("WithdrawRecords", {"input": {"ids": [stored["id"]], "reason": "证书信息录入错误",
                                                           "reasonFile": None}}, token=token,
                             files={"input.reasonFile": ("撤回说明.pdf", REASON_PDF, PDF)})
    assert withdrawn["succeeded"] == 1
    kept = (await ops.data("WithdrawnLearnerAchievements", token=token))["withdrawnLearnerAchievements"]
    assert kept["nodes"][0]["withdrawal"]["reason"] == "证书信息录入错误"
    assert kept["nodes"][0]["withdrawal"]["file"]
    told = (await ops.data("MyWithdrawnAchievements", token=learner))["myWithdrawnAchievements"]["nodes"]
    assert [(n["id"], n["withdrawal"]["reason"]) for n in told] == [(stored["id"], "证书信息录入错误")]
    assert (await ops.data("MyAchievements", token=learner))["myAchievements"]["totalCount"] == 0
