"""The conversion screens of the front-end kit, run as front ends run them with docs/operations:
转换办法发布 (manual 2.3.1), 转换规则管理 (2.3.2: mine, related, detail, 申请转换), 转换申请审核 (2.4.1),
转换记录 (2.4.2), the public portal (F17) and the learner's matching rules, personal application
and re-review (F15, B4, B10)."""

from __future__ import annotations

from typing import Any

from tests.support.catalogue import grant
from tests.support.flows import CSUST, HNU_SYNCED, STAFF, login
from tests.support.learner_records import person
from tests.support.operations import Operations, sms_code
from tests.support.rules import METHOD_PDF, PDF_TYPE, RULE_PDF, hnu_token, synced_x_certificate
from tests.support.xlsx import download

CSUST_PHONE = "13800000001"
LEARNER_PHONE = "13700000031"
PLEDGES = {"pledgeAccepted": True, "securityCommitmentAccepted": True}


def method_file() -> dict[str, tuple[str, bytes, str]]:
    return {"input.file": ("长沙理工大学转换办法.pdf", METHOD_PDF, PDF_TYPE)}


async def store(ops: Operations, token: str, input: dict[str, Any]) -> dict[str, Any]:
    return (await ops.ok("StoreAchievement", {"input": input}, token=token))["achievement"]  # type: ignore[no-any-return]


async def test_f8_methods_upload_edit_publish_revoke_delete_and_the_portal(ops: Operations, demo: None) -> None:
    token = await login(ops.api, *CSUST)
    template = (await ops.data("ConversionMethodTemplate", token=token))["conversionMethodTemplate"]
    assert (await download(ops.api, template))[:4] == b"%PDF"

    first = (await ops.ok("UploadConversionMethod", {"input": {"name": "长沙理工大学转换办法", "file": None,
                                                               "publish": False, **PLEDGES}},
                          token=token, files=method_file()))["method"]
    assert first["status"] == "UNPUBLISHED" and first["file"]
    edited = await ops.ok("UpdateConversionMethod", {"id": first["id"], "input": {
        "name": "长沙理工大学学分转换办法", "pledgeAccepted": True}}, token=token)
    assert edited["method"]["name"] == "长沙理工大学学分转换办法"
    published = await ops.ok("PublishConversionMethod", {"id": first["id"]}, token=token)
    assert published["method"]["status"] == "PUBLISHED"
    portal = (await ops.data("PortalConversionMethods"))["portalConversionMethods"]
    assert [n["id"] for n in portal["nodes"]] == [first["id"]]

    # Only one published method: a second one waits until the first is revoked.
    second = (await ops.ok("UploadConversionMethod", {"input": {"name": "2025版转换办法", "file": None,
                                                                "publish": False, **PLEDGES}},
                           token=token, files=method_file()))["method"]
    refused = await ops("PublishConversionMethod", {"id": second["id"]}, token=token)
    assert refused.refused("publishConversionMethod") == ["METHOD_ALREADY_PUBLISHED"]
    await ops.ok("RevokeConversionMethod", {"id": first["id"]}, token=token)
    await ops.ok("PublishConversionMethod", {"id": second["id"]}, token=token)
    await ops.ok("DeleteConversionMethod", {"id": first["id"]}, token=token)
    listed = (await ops.data("ConversionMethods", {"filter": {"status": "PUBLISHED"}}, token=token))
    assert [n["id"] for n in listed["conversionMethods"]["nodes"]] == [second["id"]]


async def test_f9_f10_f11_f15_rules_batch_review_records_and_a_learners_application(
        ops: Operations, demo: None) -> None:
    staff = await login(ops.api, *STAFF)
    csust = await login(ops.api, *CSUST)
    hnu = await hnu_token(ops.api)
    x_certificate = await synced_x_certificate(ops.api, staff, hnu, school_code=HNU_SYNCED[0])
    csust_id = (await ops.data("Session", token=csust))["me"]["institution"]["id"]
    await grant(ops.api, staff, csust_id, "OTHER_NON_DEGREE")
    await ops.ok("UploadConversionMethod", {"input": {"name": "长沙理工大学转换办法", "file": None,
                                                      "publish": True, **PLEDGES}}, token=csust, files=method_file())
    course = await store(ops, csust, {"subtype": "HIGHER_EDUCATION_COURSE", "course": {
        "courseName": "餐厅创建课程", "courseCode": "JG001", "originalHours": 48, "originalCredits": 3,
        "introduction": "餐饮企业的选址、筹建与开业管理。"}})
    second_course = await store(ops, csust, {"subtype": "HIGHER_EDUCATION_COURSE", "course": {
        "courseName": "中式烹调", "courseCode": "JG002", "originalHours": 32, "originalCredits": 2,
        "introduction": "中式烹调技艺。"}})
    tea = await store(ops, csust, {"subtype": "OTHER_NON_DEGREE", "certificate": {
        "certificateName": "茶艺师", "introduction": "茶艺服务的职业能力证书。"}})

    # 转换规则制定: saved, edited, published; the detail and the portal show it.
    rule_file = {"input.file": ("转换规则.pdf", RULE_PDF, PDF_TYPE)}
    draft = (await ops.ok("CreateConversionRule", {"publish": False, "input": {
        "ruleType": "NON_DEGREE_TO_DEGREE", "sources": [{"achievementId": x_certificate["id"], "credits": 5}],
        "targetCourseIds": [course["id"]], "description": "取得证书者可转换课程学分", "file": None,
        **PLEDGES}}, token=csust, files=rule_file))["rule"]
    assert draft["status"] == "UNSUBMITTED" and draft["code"]
    await ops.ok("UpdateConversionRule", {"id": draft["id"], "input": {
        "ruleType": "NON_DEGREE_TO_DEGREE", "description": "持学习成果名录3(高级)证书者可转换餐厅创建课程",
        "pledgeAccepted": True, "securityCommitmentAccepted": False}}, token=csust)
    rule = (await ops.ok("PublishRule", {"id": draft["id"]}, token=csust))["rule"]
    assert (rule["status"], rule["version"], rule["inForce"]) == ("PUBLISHED", 1, True)
    detail = (await ops.data("ConversionRuleDetail", {"id": rule["id"]}, token=csust))["node"]
    assert "长沙理工大学" in detail["interpretationNotice"] and detail["file"]
    assert detail["description"] == "持学习成果名录3(高级)证书者可转换餐厅创建课程"
    portal = (await ops.data("PortalConversionRules", {"filter": {"sourceAchievementId": x_certificate["id"]}}))
    assert [n["id"] for n in portal["portalConversionRules"]["nodes"]] == [rule["id"]]

    # A rule of two sources (for the learner's partly matching rules), and one made then removed.
    await ops.ok("CreateConversionRule", {"publish": True, "input": {
        "ruleType": "NON_DEGREE_TO_DEGREE", "targetCourseIds": [second_course["id"]], "file": None,
        "sources": [{"achievementId": x_certificate["id"], "credits": 2}, {"achievementId": tea["id"], "credits": 2}],
        **PLEDGES}}, token=csust, files=rule_file)
    spare = (await ops.ok("CreateConversionRule", {"publish": True, "input": {
        "ruleType": "NON_DEGREE_TO_DEGREE", "sources": [{"achievementId": tea["id"], "credits": 1}],
        "targetCourseIds": [second_course["id"]], "file": None, **PLEDGES}}, token=csust, files=rule_file))["rule"]
    assert (await ops.ok("RevokeConversionRule", {"id": spare["id"]}, token=csust))["rule"]["status"] == "UNPUBLISHED"
    await ops.ok("DeleteConversionRule", {"id": spare["id"]}, token=csust)
    mine = (await ops.data("MyConversionRules", {"filter": {"status": "PUBLISHED"}}, token=csust))
    assert mine["myConversionRules"]["totalCount"] == 2

    # 湖南大学 holds learners on its certificate: 与我相关的转换规则, 申请转换 in one batch.
    records = [(await ops.ok("StoreLearnerAchievement", {"input": {
        "achievementId": x_certificate["id"], "name": name, "idNumber": person(n), "personalNumber": f"hn{n:04d}",
        "issuedOn": "2024-06-30"}}, token=hnu))["learnerAchievement"] for name, n in (("李毅", 1), ("李二", 2),
                                                                                     ("王小明", 3))]
    related = (await ops.data("RelatedConversionRules", {"filter": {"code": rule["code"]}}, token=hnu))
    assert [n["id"] for n in related["relatedConversionRules"]["nodes"]] == [rule["id"]]
    drill = await ops.data("AchievementRelatedRules", {"sourceName": "学习成果名录3"}, token=hnu)
    assert (drill["myConversionRules"]["totalCount"], drill["relatedConversionRules"]["totalCount"]) == (0, 2)
    eligible = (await ops.data("EligibleLearnerAchievements", {"ruleId": rule["id"]}, token=hnu))
    assert eligible["eligibleLearnerAchievements"]["totalCount"] == 3
    applied = await ops.ok("ApplyConversion", {"input": {
        "ruleId": rule["id"], "learnerAchievementIds": [records[0]["id"], records[1]["id"]], "allMatching": False}},
        token=hnu)
    assert applied["batch"]["learnerCount"] == 2

    # 转换申请审核 · 机构发起: the batch, its learners, one passed and one failed.
    batches = (await ops.data("ApplicationBatches", {"received": True}, token=csust))["applicationBatches"]
    assert [(b["id"], b["pendingCount"]) for b in batches["nodes"]] == [(applied["batch"]["id"], 2)]
    rows = (await ops.data("ApplicationsToReview", {"filter": {"batchId": applied["batch"]["id"]}},
                           token=csust))["receivedApplications"]["nodes"]
    by_name = {row["learnerName"]: row["id"] for row in rows}
    passed = await ops.ok("ReviewConversion", {"input": {"ids": [by_name["李毅"]], "allMatching": False,
                                                         "decision": "PASSED"}}, token=csust)
    failed = await ops.ok("ReviewConversion", {"input": {"ids": [by_name["李二"]], "allMatching": False,
                                                         "decision": "FAILED", "reason": "证书等级不符"}}, token=csust)
    assert (passed["succeeded"], failed["succeeded"]) == (1, 1)

    # 转换记录: received and initiated, each row's history; the passed row's result.
    received = (await ops.data("ReceivedApplications", {"filter": {"status": "PASSED"}}, token=csust))
    assert [a["history"][-1]["action"] for a in received["receivedApplications"]["nodes"]] == ["PASSED"]
    initiated = (await ops.data("InitiatedApplications", token=hnu))["initiatedApplications"]
    assert initiated["totalCount"] == 2
    result = (await ops.data("ApplicationDetail", {"id": by_name["李毅"]}, token=hnu))["node"]["result"]
    assert result["grantedCredits"] == 3.0 and result["granted"]["courses"][0]["name"] == "餐厅创建课程"
    code = await sms_code(ops, "EXPORT", token=csust, bound_phone=CSUST_PHONE)
    exported = await ops.ok("ExportApplications", {"input": {"received": True, "allMatching": True, "filter": {},
                                                             "code": code}}, token=csust)
    assert exported["rowCount"] == 2

    # The third holder registers: which rules their certificate meets, a personal application,
    # a failed review and the one re-review (个人申请).
    code = await sms_code(ops, "LEARNER_REGISTER", LEARNER_PHONE)
    learner = (await ops.ok("RegisterLearner", {"input": {
        "phone": LEARNER_PHONE, "code": code, "name": "王小明", "idNumber": person(3), "password": "Learner2024",
        "passwordConfirmation": "Learner2024", "agreementAccepted": True}}))["token"]
    matches = (await ops.data("MyMatchingRules", token=learner))["myMatchingRules"]["nodes"]
    assert [(m["rule"]["id"], m["canApply"]) for m in matches] == [(rule["id"], True)]
    partly = (await ops.data("MyPartlyMatchingRules", token=learner))["myPartlyMatchingRules"]["nodes"]
    assert [m["missingSources"][0]["achievement"]["name"] for m in partly] == ["茶艺师"]
    own = (await ops.ok("ApplyForConversion", {"input": {
        "ruleId": matches[0]["rule"]["id"],
        "learnerAchievementId": matches[0]["sources"][0]["records"][0]["id"]}}, token=learner))["application"]
    assert own["kind"] == "PERSONAL" and own["status"] == "PENDING"

    personal = (await ops.data("ApplicationsToReview", {"filter": {"kind": "PERSONAL", "status": "PENDING"}},
                               token=csust))["receivedApplications"]["nodes"]
    assert [a["id"] for a in personal] == [own["id"]]
    await ops.ok("ReviewConversion", {"input": {"ids": [own["id"]], "allMatching": False, "decision": "FAILED",
                                                "reason": "颁证日期早于规则生效日期"}}, token=csust)
    decided = (await ops.data("MyApplications", token=learner))["myApplications"]["nodes"]
    assert [(a["id"], a["status"]) for a in decided] == [(own["id"], "FAILED")]
    again = await ops.ok("RequestReReview", {"input": {"applicationId": own["id"], "reason": "证书已在有效期内"}},
                         token=learner)
    assert again["application"]["status"] == "PENDING"
    assert again["application"]["history"][-1]["action"] == "RE_REVIEW_REQUESTED"
