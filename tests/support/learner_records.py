"""Learner achievements (学员成果, F5), feedback (问题反馈, F7) and the learner's own account (F15)
through the public API: query documents, test people with valid resident ID numbers, reason
files, and the steps the record, feedback and learner-account tests share."""

from __future__ import annotations

import gc
import warnings
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from tests.support import catalogue
from tests.support.api import Api, GraphQLResult
from tests.support.flows import HNU_SYNCED, LOGIN, code_for, login

BEIJING = ZoneInfo("Asia/Shanghai")
ERRORS = "errors { field code message }"
BATCH = f"results {{ id ok error {{ field code message }} }} succeeded failed {ERRORS}"

# --- documents --------------------------------------------------------------------------------

LEARNER = "id name status maskedIdNumber maskedPhone enteredAt"
RECORD = f"""
  id achievementName category subtype personalNumber issuedOn score earnedCredits source enteredAt
  learner {{ {LEARNER} }} achievement {{ id name }} institution {{ name }}
"""
RECORDS = f"""
query Records($filter: LearnerAchievementFilter, $first: Int) {{
  learnerAchievements(filter: $filter, first: $first) {{ totalCount nodes {{ {RECORD} }} }}
}}
"""
STORE_RECORD = f"""
mutation StoreRecord($input: StoreLearnerAchievementInput!) {{
  storeLearnerAchievement(input: $input) {{ learnerAchievement {{ {RECORD} }} {ERRORS} }}
}}
"""
DETAIL = f"""
query Detail($id: ID!) {{
  learnerAchievementDetail(id: $id) {{
    idNumber learnerName
    record {{ {RECORD} achievement {{ name issuer subtype originalCredits courseName
              level {{ name }} major {{ code name }} graduationConclusion {{ name }} }} }}
  }}
}}
"""
WITHDRAW = f"mutation Withdraw($input: WithdrawRecordsInput!) {{ withdrawRecords(input: $input) {{ {BATCH} }} }}"
LEARNERS = f"""
query Learners($filter: LearnerFilter, $first: Int) {{
  learners(filter: $filter, first: $first) {{ totalCount nodes {{ {LEARNER} }} }}
}}
"""
OVERVIEW = "{ accountOverview { learnerAchievements { total degree nonDegree } } }"
LEARNER_COUNT = "query Count($id: ID!) { node(id: $id) { ... on Achievement { learnerCount } } }"
REGISTER = f"""
mutation Register($input: RegisterLearnerInput!) {{
  registerLearner(input: $input) {{
    token activatedRecords account {{ id username kind name maskedPhone institution {{ name }} }} {ERRORS}
  }}
}}
"""
MY_ACHIEVEMENTS = f"""
query Mine($first: Int) {{ myAchievements(first: $first) {{ totalCount nodes {{ {RECORD} }} }} }}
"""

FEEDBACK = """
  id content status reply handledAt reportedAt
  learner { name maskedIdNumber }
  learnerAchievement { id achievementName }
"""
REPORT = f"""
mutation Report($input: ReportProblemInput!) {{ reportProblem(input: $input) {{ feedback {{ {FEEDBACK} }} {ERRORS} }} }}
"""
HANDLE = f"""
mutation Handle($id: ID!, $input: HandleFeedbackInput!) {{
  handleFeedback(id: $id, input: $input) {{ feedback {{ {FEEDBACK} }} {ERRORS} }}
}}
"""
FEEDBACKS = f"""
query Feedbacks($filter: FeedbackFilter, $first: Int) {{
  feedbacks(filter: $filter, first: $first) {{ totalCount nodes {{ {FEEDBACK} }} }}
}}
"""
FEEDBACK_NODE = f"query Node($id: ID!) {{ node(id: $id) {{ __typename ... on Feedback {{ {FEEDBACK} }} }} }}"

CHANGE_INITIAL = f"""
mutation($input: ChangeInitialPasswordInput!) {{
  changeInitialPassword(input: $input) {{ account {{ mustChangePassword }} {ERRORS} }}
}}
"""

# --- files ----------------------------------------------------------------------------------------

# A small but real PDF: the withdrawal reason file (F5.5).
REASON_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
# A 1x1 PNG (a photographed reason letter is as good as a PDF).
REASON_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)
PDF = "application/pdf"
TEN_MB = 10 * 1024 * 1024

# --- resident ID numbers (GB 11643-1999), computed here independently of the app ------------------

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def check_digit(first17: str) -> str:
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def person(sequence: int, *, region: str = "430102", born: str = "19990101") -> str:
    """A valid 18-digit resident ID: region, birth date, a 3-digit sequence, the check digit."""
    first17 = f"{region}{born}{sequence % 1000:03d}"
    return first17 + check_digit(first17)


def wrong_check_digit(number: str) -> str:
    return number[:17] + ("0" if number[-1] != "0" else "1")


def masked(number: str) -> str:
    """The manual's list form: 632323*****0922."""
    return f"{number[:6]}*****{number[-4:]}"


def masked_phone(phone: str) -> str:
    """The manual's list form: 170****9087."""
    return f"{phone[:3]}****{phone[-4:]}"


def beijing_today() -> datetime:
    return datetime.now(BEIJING)


def tomorrow() -> str:
    return (beijing_today() + timedelta(days=1)).date().isoformat()


# --- steps ------------------------------------------------------------------------------------------


async def hnu_admin(api: Api) -> str:
    """湖南大学's synced main account, past its forced first password change (F2.2)."""
    token = await login(api, *HNU_SYNCED)
    changed = await api(CHANGE_INITIAL, {"input": {"newPassword": "Hnu2024new", "confirmation": "Hnu2024new"}},
                        token=token)
    assert changed.ok("changeInitialPassword")["account"]["mustChangePassword"] is False
    return token


async def store_course(api: Api, token: str, name: str = "餐厅创建课程", *, credits: float = 4,
                       subtype: str = "VOCATIONAL_COURSE") -> dict[str, Any]:
    """A course of the caller's institution with ``credits`` original credits."""
    return await catalogue.store(api, token, catalogue.course_input(
        name, subtype=subtype, originalCredits=credits, originalHours=32))


async def store_diploma(api: Api, token: str, **changes: Any) -> dict[str, Any]:
    """A diploma chosen from the reference lists (经济统计学毕业证书(本科) by default)."""
    return await catalogue.store_diploma(api, token, **changes)


async def store_certificate(api: Api, token: str, staff: str, name: str = "茶艺师") -> dict[str, Any]:
    """A non-degree certificate (其他非学历证书), after bank staff authorise it (F4.5)."""
    mine = await catalogue.institution_id(api, token)
    await catalogue.grant(api, staff, mine, "OTHER_NON_DEGREE")
    return await catalogue.store(api, token, catalogue.certificate_input(name))


def record_input(achievement_id: str, name: str, id_number: str, personal_number: str,
                 issued_on: str = "2022-03-01", **extra: Any) -> dict[str, Any]:
    return {"achievementId": achievement_id, "name": name, "idNumber": id_number,
            "personalNumber": personal_number, "issuedOn": issued_on, **extra}


async def store_record_result(api: Api, token: str, achievement_id: str, name: str, id_number: str,
                              personal_number: str, issued_on: str = "2022-03-01",
                              **extra: Any) -> GraphQLResult:
    return await api(STORE_RECORD, {"input": record_input(
        achievement_id, name, id_number, personal_number, issued_on, **extra)}, token=token)


async def store_record(api: Api, token: str, achievement_id: str, name: str, id_number: str,
                       personal_number: str, issued_on: str = "2022-03-01", **extra: Any) -> dict[str, Any]:
    """Store a learner achievement that must be accepted; returns it."""
    result = await store_record_result(api, token, achievement_id, name, id_number, personal_number,
                                       issued_on, **extra)
    return result.ok("storeLearnerAchievement")["learnerAchievement"]


async def store_refused(api: Api, token: str, achievement_id: str, name: str | None, id_number: str | None,
                        personal_number: str | None, issued_on: str | None = "2022-03-01",
                        **extra: Any) -> set[tuple[str | None, str]]:
    """Store a learner achievement that must be refused; returns its (field, code) pairs."""
    result = await api(STORE_RECORD, {"input": {
        "achievementId": achievement_id, "name": name, "idNumber": id_number,
        "personalNumber": personal_number, "issuedOn": issued_on, **extra}}, token=token)
    payload = result.payload("storeLearnerAchievement")
    assert result.refused("storeLearnerAchievement")
    assert payload["learnerAchievement"] is None
    return {(e["field"], e["code"]) for e in payload["errors"]}


async def records(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    """One page of learner achievements holding every match."""
    result = await api(RECORDS, {"filter": filter, "first": 100}, token=token)
    assert not result.errors, result.errors
    found = result.data["learnerAchievements"]
    assert found["totalCount"] == len(found["nodes"])
    return found


async def record_ids(api: Api, token: str, filter: dict[str, Any] | None = None) -> set[str]:
    return {node["id"] for node in (await records(api, token, filter))["nodes"]}


async def learners(api: Api, token: str, filter: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    result = await api(LEARNERS, {"filter": filter, "first": 100}, token=token)
    assert not result.errors, result.errors
    found = result.data["learners"]
    assert found["totalCount"] == len(found["nodes"])
    return found["nodes"]


async def overview(api: Api, token: str) -> dict[str, int]:
    result = await api(OVERVIEW, token=token)
    assert not result.errors, result.errors
    return result.data["accountOverview"]["learnerAchievements"]


async def learner_count(api: Api, token: str, achievement_id: str) -> int:
    result = await api(LEARNER_COUNT, {"id": achievement_id}, token=token)
    assert not result.errors, result.errors
    return result.data["node"]["learnerCount"]


async def withdraw_result(api: Api, token: str | None, ids: list[str], reason: str | None = "证书信息录入错误", *,
                          file: tuple[str, bytes, str] | None = ("撤回说明.pdf", REASON_PDF, PDF)) -> GraphQLResult:
    """withdrawRecords, the reason file sent by the GraphQL multipart request spec.

    The upload's temporary files are collected inside the call, so a ResourceWarning would be
    reported here (by the strict warning filter) rather than in a later, unrelated test."""
    variables = {"input": {"ids": ids, "reason": reason, "reasonFile": None}}
    files = {"input.reasonFile": file} if file is not None else None
    with warnings.catch_warnings():
        warnings.simplefilter("error", ResourceWarning)
        result = await api(WITHDRAW, variables, token=token, files=files)
        gc.collect()
    return result


async def withdraw(api: Api, token: str, ids: list[str], reason: str = "证书信息录入错误") -> dict[str, Any]:
    """Withdraw records with a PDF reason file; the answer must be item by item and all succeed."""
    answer = (await withdraw_result(api, token, ids, reason)).ok("withdrawRecords")
    assert answer["failed"] == 0, answer
    return answer


async def register_result(api: Api, name: str, id_number: str, phone: str, *,
                          password: str = "Learner2024", **changes: Any) -> GraphQLResult:
    """registerLearner with a real LEARNER_REGISTER code sent to ``phone`` (F15)."""
    code = await code_for(api, "LEARNER_REGISTER", phone)
    values = {"phone": phone, "code": code, "name": name, "idNumber": id_number, "password": password,
              "passwordConfirmation": password, "agreementAccepted": True}
    values.update(changes)
    return await api(REGISTER, {"input": values})


async def register(api: Api, name: str, id_number: str, phone: str, *,
                   password: str = "Learner2024") -> dict[str, Any]:
    return (await register_result(api, name, id_number, phone, password=password)).ok("registerLearner")


async def learner_login(api: Api, id_number: str, password: str = "Learner2024") -> str:
    """The learner's login: the ID number is the account (F15)."""
    result = await api(LOGIN, {"account": id_number, "password": password})
    payload = result.ok("login")
    assert payload["account"]["username"] == id_number
    return payload["token"]


async def report(api: Api, token: str, record_id: str, content: str = "发证日期有误") -> GraphQLResult:
    return await api(REPORT, {"input": {"learnerAchievementId": record_id, "content": content}}, token=token)


async def handle(api: Api, token: str, feedback_id: str, outcome: str, reply: str | None = "已核实并更正") -> GraphQLResult:
    return await api(HANDLE, {"id": feedback_id, "input": {"outcome": outcome, "reply": reply}}, token=token)


async def feedbacks(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await api(FEEDBACKS, {"filter": filter, "first": 100}, token=token)
    assert not result.errors, result.errors
    found = result.data["feedbacks"]
    assert found["totalCount"] == len(found["nodes"])
    return found


def stored_files(root: Path) -> list[Path]:
    """Every file under the app's FILE_DIR."""
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def background_done(api: Api) -> None:
    """Wait for the jobs the app started after its last commit (e.g. deleting an unused file)."""
    await api.app.state.services.background.drain()  # type: ignore[attr-defined]
