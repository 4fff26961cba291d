"""A complete cross-school story for the demo (`make run`), told through the GraphQL API itself.

Two schools keep catalogues; 湖南铁道职业技术学院 stores its learners' achievements; 长沙理工大学
publishes a method and a rule of each type; the railway school sends a batch of learners on one
rule, one learner registers and applies personally, and 长沙理工大学 decides some rows — so every
screen of the manual has something to show, with its messages, histories and results.

Every step is a request to the real app (in process, no network), the way a front end makes it,
so the demo data is exactly what the API would have written, and a change that breaks a step
breaks `seed-demo` (and its test) loudly. Idempotent: once 长沙理工大学 has a published rule the
story is there and nothing is sent again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from adapters.pdf import simple_pdf
from models.account import Account, AccountKind
from models.conversion import ConversionRule, PublishStatus
from models.directory import School
from models.institution import Institution, RegistrationStep
from server.security import Passwords
from server.settings import Settings
from validators.id_number import check_digit

# The second school of the story: registered here with its own main account.
RAILWAY = ("4143012590", "Hnrpc2024", "赵老师", "13800000011")
CSUST = ("4143010536", "Csust2021")
STAFF = ("bankstaff", "Staff2021")
LEARNER_PHONE = "13900000888"
LEARNER_PASSWORD = "Learner2024"
PDF = "application/pdf"


def person(sequence: int) -> str:
    first17 = f"430105{2000 + sequence % 5}0615{sequence % 1000:03d}"
    return first17 + check_digit(first17)


# The railway school's learners: name, ID number, and which of its achievements they hold.
LEARNERS = [("刘一鸣", person(101), ("certificate", "course")), ("陈思远", person(102), ("certificate",)),
            ("王晓雨", person(103), ("certificate",)), ("李可欣", person(104), ("course",))]


class StepFailed(RuntimeError):
    pass


@dataclass
class Client:
    http: httpx.AsyncClient

    async def __call__(self, query: str, variables: dict[str, Any] | None = None, *, token: str | None = None,
                       files: dict[str, tuple[str, bytes, str]] | None = None) -> Any:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        if files:  # the GraphQL multipart request spec, with the header a cross-site form cannot send
            file_map = {str(n): [f"variables.{path}"] for n, path in enumerate(files)}
            response = await self.http.post("/graphql", headers={**headers, "Apollo-Require-Preflight": "true"},
                                             data={"operations": json.dumps({"query": query, "variables": variables}),
                                                   "map": json.dumps(file_map)},
                                             files={str(n): upload for n, upload in enumerate(files.values())})
        else:
            response = await self.http.post("/graphql", json={"query": query, "variables": variables or {}},
                                            headers=headers)
        body = response.json()
        if body.get("errors"):
            raise StepFailed(f"{query.split('(')[0].strip()}: {body['errors']}")
        data = body["data"]
        for value in data.values():
            if isinstance(value, dict) and value.get("errors"):
                raise StepFailed(f"{query.split('(')[0].strip()}: {value['errors']}")
        return data

    async def login(self, account: str, password: str) -> str:
        data = await self("mutation($i: LoginInput!) { login(input: $i) { token errors { code message } } }",
                          {"i": {"account": account, "password": password}})
        return str(data["login"]["token"])


STORE = "mutation($i: StoreAchievementInput!) { storeAchievement(input: $i) { achievement { id } errors { code message } } }"
RECOGNIZE = ("mutation($ids: [ID!]!) { startRecognition(ids: $ids) { succeeded } "
             "recognizeAchievements(ids: $ids) { succeeded } }")
GRANT = ("mutation($i: ID!) { grantSubtype(institutionId: $i, subtype: OTHER_NON_DEGREE) "
         "{ grant { id } errors { code message } } }")
ME = "{ me { institution { id } } }"
REFERENCE = ('{ levels { id name } graduationConclusions { id name } '
             'majors(filter: {code: "020102"}, first: 1) { nodes { id } } }')
METHOD = ("mutation($i: UploadConversionMethodInput!) { uploadConversionMethod(input: $i) "
          "{ method { id } errors { code message } } }")
RULE = ("mutation($i: ConversionRuleInput!, $p: Boolean!) { createConversionRule(input: $i, publish: $p) "
        "{ rule { id code } errors { code message } } }")
RECORD = ("mutation($i: StoreLearnerAchievementInput!) { storeLearnerAchievement(input: $i) "
          "{ learnerAchievement { id } errors { code message } } }")
APPLY = ("mutation($i: ApplyConversionInput!) { applyConversion(input: $i) "
         "{ batch { id } applications { id learnerName } errors { code message } } }")
SEND_CODE = ("mutation($p: String!) { sendVerificationCode(input: {purpose: LEARNER_REGISTER, phone: $p}) "
             "{ sentTo errors { code message } } }")
OUTBOX = "query($r: String!) { demoOutbox(recipient: $r) { body } }"
REGISTER = ("mutation($i: RegisterLearnerInput!) { registerLearner(input: $i) "
            "{ token errors { code message } } }")
MY_RECORDS = "{ myAchievements(first: 10) { nodes { id achievementName } } }"
APPLY_PERSONAL = ("mutation($i: ApplyForConversionInput!) { applyForConversion(input: $i) "
                  "{ application { id } errors { code message } } }")
REVIEW = ("mutation($i: ReviewConversionInput!) { reviewConversion(input: $i) "
          "{ succeeded errors { code message } } }")


async def ensure_railway_school(passwords: Passwords) -> bool:
    """The railway school registered, with its main account (as if it had registered itself)."""
    school = await School.get(code=RAILWAY[0])
    institution, _ = await Institution.get_or_create(school=school, defaults={
        "school_type": "高职", "legal_representative": "周校长", "contact_name": RAILWAY[2],
        "contact_phone": RAILWAY[3], "contact_email": "contact@hnrpc.example.cn", "postcode": "412001",
        "address": "湖南省株洲市石峰区田心高科园", "business_scope": "高等职业教育",
        "registration_step": RegistrationStep.COMPLETE, "registered_at": await _now(),
    })
    if await Account.exists(username=RAILWAY[0]):
        return False
    await Account.create(username=RAILWAY[0], password_hash=await passwords.hash(RAILWAY[1]),
                         kind=AccountKind.INSTITUTION_ADMIN, institution=institution, name=RAILWAY[2],
                         phone=RAILWAY[3])
    return True


async def _now() -> Any:
    from tortoise.timezone import now

    return now()


async def story_told() -> bool:
    return await ConversionRule.exists(institution__school__code=CSUST[0], status=PublishStatus.PUBLISHED)


async def tell(settings: Settings, passwords: Passwords) -> list[str]:
    """Tell the story unless it is there; returns what was made, one line each."""
    if await story_told():
        return []
    await ensure_railway_school(passwords)
    from server.app import create_app

    app = create_app(settings.with_(demo=True), manage_database=False)
    told: list[str] = []
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://demo") as http:
        try:
            await _tell(Client(http), told)
        finally:
            await app.state.services.background.drain()
            await app.state.services.broker.close()
            await app.state.services.limiter.close()
    return told


async def _tell(api: Client, told: list[str]) -> None:
    staff = await api.login(*STAFF)
    csust = await api.login(*CSUST)
    railway = await api.login(*RAILWAY[:2])
    ids = {name: (await api(ME, token=token))["me"]["institution"]["id"]
           for name, token in (("csust", csust), ("railway", railway))}
    for institution in ids.values():
        await api(GRANT, {"i": institution}, token=staff)

    # Catalogues (F4): the railway school's certificate and course are recognised by the bank (已认定),
    # so other schools' rules may take them as sources.
    ref = await api(REFERENCE, token=csust)
    level = next(row["id"] for row in ref["levels"] if row["name"] == "本科")
    conclusion = next(row["id"] for row in ref["graduationConclusions"] if row["name"] == "毕业证书")

    async def store(token: str, input: dict[str, Any]) -> str:
        return str((await api(STORE, {"i": input}, token=token))["storeAchievement"]["achievement"]["id"])

    csust_course = await store(csust, {"subtype": "HIGHER_EDUCATION_COURSE", "course": {
        "courseName": "餐厅创建课程", "courseCode": "JG001", "originalHours": 48, "originalCredits": 3,
        "introduction": "餐饮企业的选址、筹建与开业管理。"}})
    csust_diploma = await store(csust, {"subtype": "HIGHER_EDUCATION_DIPLOMA", "diploma": {
        "levelId": level, "majorId": ref["majors"]["nodes"][0]["id"], "graduationConclusionId": conclusion,
        "years": 4, "originalHours": 2600, "originalCredits": 160, "minGraduationCredits": 160,
        "validFrom": "2020-09-01", "introduction": "经济统计学本科学历。"}})
    csust_certificate = await store(csust, {"subtype": "OTHER_NON_DEGREE", "certificate": {
        "certificateName": "茶艺师", "introduction": "茶艺服务与茶文化传播的职业能力证书。"}})
    railway_certificate = await store(railway, {"subtype": "OTHER_NON_DEGREE", "certificate": {
        "certificateName": "轨道交通信号工", "introduction": "轨道交通信号设备维护的职业能力证书。"}})
    railway_course = await store(railway, {"subtype": "VOCATIONAL_COURSE", "course": {
        "courseName": "餐饮服务与管理", "courseCode": "TD101", "originalHours": 64, "originalCredits": 4,
        "introduction": "餐饮服务流程与基层管理。"}})
    await api(RECOGNIZE, {"ids": [railway_certificate, railway_course]}, token=staff)
    told.append("catalogues: 长沙理工大学 (course, diploma, certificate), 湖南铁道职业技术学院 (recognised certificate and course)")

    # Methods (F8) and a rule of each type (F9), three published and one saved.
    for token, name in ((csust, "长沙理工大学学分转换办法"), (railway, "湖南铁道职业技术学院学分转换办法")):
        await api(METHOD, {"i": {"name": name, "file": None, "pledgeAccepted": True,
                                 "securityCommitmentAccepted": True, "publish": True}},
                  token=token, files={"i.file": ("转换办法.pdf", simple_pdf(name, ["第一章 总则"]), PDF)})
    pdf = ("转换规则.pdf", simple_pdf("长沙理工大学转换规则", ["（加盖院校公章）"]), PDF)

    async def rule(input: dict[str, Any], publish: bool) -> dict[str, Any]:
        values = {"description": "按学分银行学分认定，转换后计入相应课程或免考模块。", "pledgeAccepted": True,
                  "file": None, **input}
        return dict((await api(RULE, {"i": values, "p": publish}, token=csust, files={"i.file": pdf}))
                    ["createConversionRule"]["rule"])

    certificate_rule = await rule({"ruleType": "NON_DEGREE_TO_DEGREE",
                                   "sources": [{"achievementId": railway_certificate, "credits": 3}],
                                   "targetCourseIds": [csust_course], "targetMajorIds": [csust_diploma]}, True)
    course_rule = await rule({"ruleType": "DEGREE_TO_DEGREE",
                              "sources": [{"achievementId": railway_course, "credits": 4}],
                              "targetCourseIds": [csust_course]}, True)
    await rule({"ruleType": "DEGREE_TO_NON_DEGREE", "sources": [{"achievementId": railway_course, "credits": 4}],
                "targetCertificate": {"achievementId": csust_certificate, "credits": 4,
                                      "modules": [{"name": "茶艺基础", "credits": 2}]}}, True)
    await rule({"ruleType": "NON_DEGREE_TO_NON_DEGREE",
                "sources": [{"achievementId": railway_certificate, "credits": 2}],
                "targetCertificate": {"achievementId": csust_certificate, "credits": 2,
                                      "modules": [{"name": "茶文化", "credits": 1}]}}, False)
    told.append(f"rules of 长沙理工大学: {certificate_rule['code']}, {course_rule['code']} and a third published, "
                "a fourth saved (未提交)")

    # The railway school's learners and their achievements (F5, F6).
    for n, (name, id_number, held) in enumerate(LEARNERS):
        for which in held:
            achievement = railway_certificate if which == "certificate" else railway_course
            await api(RECORD, {"i": {"achievementId": achievement, "name": name, "idNumber": id_number,
                                     "personalNumber": f"TD{n + 1:03d}{which[:2].upper()}",
                                     "issuedOn": "2024-06-30"}}, token=railway)
    told.append(f"learners of 湖南铁道职业技术学院: {', '.join(name for name, _, _ in LEARNERS)}")

    # One learner registers (F15) and applies personally on the course rule.
    await api(SEND_CODE, {"p": LEARNER_PHONE})
    text = (await api(OUTBOX, {"r": LEARNER_PHONE}))["demoOutbox"][0]["body"]
    code = "".join(ch for ch in text.split("验证码为")[1][:6] if ch.isdigit())
    name, id_number, _ = LEARNERS[0]
    learner = str((await api(REGISTER, {"i": {
        "name": name, "idNumber": id_number, "phone": LEARNER_PHONE, "code": code,
        "password": LEARNER_PASSWORD, "passwordConfirmation": LEARNER_PASSWORD, "agreementAccepted": True,
    }}))["registerLearner"]["token"])
    records = (await api(MY_RECORDS, token=learner))["myAchievements"]["nodes"]
    course_record = next(r["id"] for r in records if r["achievementName"] == "餐饮服务与管理")
    personal = (await api(APPLY_PERSONAL, {"i": {"ruleId": course_rule["id"], "learnerAchievementId": course_record}},
                          token=learner))["applyForConversion"]["application"]["id"]
    told.append(f"learner account {id_number} / {LEARNER_PASSWORD} ({name}), with a personal application")

    # The railway school sends every eligible learner on the certificate rule in one batch (F9.7).
    batch = (await api(APPLY, {"i": {"ruleId": certificate_rule["id"], "allMatching": True}}, token=railway))[
        "applyConversion"]
    # 长沙理工大学 decides: the personal application passes, one batch row fails, the rest wait.
    await api(REVIEW, {"i": {"ids": [personal], "decision": "PASSED"}}, token=csust)
    failed = next(a["id"] for a in batch["applications"] if a["learnerName"] == "陈思远")
    await api(REVIEW, {"i": {"ids": [failed], "decision": "FAILED", "reason": "证书颁发日期与材料不符，请核实后申请复核"}},
              token=csust)
    told.append(f"a batch of {len(batch['applications'])} under review at 长沙理工大学 (one failed), "
                "the personal application passed")
