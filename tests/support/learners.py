"""Learners (学员账户, F6) and learner achievements (学员成果, F5) through the public API: query
documents, resident ID numbers for test people, and the steps the learner tests share."""

from __future__ import annotations

import asyncio
import io
from typing import Any

from openpyxl import load_workbook
from tortoise import Tortoise
from tortoise.transactions import in_transaction

from tests.support import catalogue
from tests.support.api import Api, GraphQLResult
from tests.support.flows import HNU_SYNCED, code_for, login
from tests.support.xlsx import XLSX, download

ERRORS = "errors { field code message }"
BATCH = f"results {{ id ok error {{ field code message }} }} succeeded failed {ERRORS}"
CSUST_PHONE = "13800000001"

# --- learners (F6) ----------------------------------------------------------------------------

LEARNER = "id name status maskedIdNumber maskedPhone enteredAt"

LIST = f"""
query($filter: LearnerFilter, $first: Int, $offset: Int) {{
  learners(filter: $filter, first: $first, offset: $offset) {{
    totalCount pageInfo {{ hasNextPage }} nodes {{ {LEARNER} }}
  }}
}}
"""
ADD = f"""
mutation($input: LearnerInput!) {{ addLearner(input: $input) {{ learner {{ {LEARNER} }} {ERRORS} }} }}
"""
UPDATE = f"""
mutation($id: ID!, $input: LearnerInput!) {{
  updateLearner(id: $id, input: $input) {{ learner {{ {LEARNER} }} {ERRORS} }}
}}
"""
DELETE = f"mutation($ids: [ID!]!) {{ deleteLearners(ids: $ids) {{ {BATCH} }} }}"

IMPORT_FIELDS = f"""
    dryRun totalRows acceptedCount importedCount rejectedCount
    rows {{ row ok reason }}
    job {{ id kind status operatorName createdAt totalRows importedCount rejectedCount error sourceName
          rejectedFile {{ url filename }} importedFile {{ url filename }} sourceFile {{ url filename }} }}
    {ERRORS}
"""
IMPORT = f"""
mutation($input: ImportLearnersInput!) {{ importLearners(input: $input) {{ {IMPORT_FIELDS} }} }}
"""
IMPORTS = """
query($first: Int) { learnerImports(first: $first) {
  totalCount nodes { id operatorName createdAt totalRows importedCount rejectedCount status } } }
"""
TEMPLATE = "{ learnerImportTemplate { url filename expiresInSeconds } }"
EXPORT = f"""
mutation($input: ExportLearnersInput!) {{
  exportLearners(input: $input) {{ rowCount file {{ url filename }} {ERRORS} }}
}}
"""
REGISTER = f"""
mutation($input: RegisterLearnerInput!) {{
  registerLearner(input: $input) {{ token activatedRecords account {{ id username }} {ERRORS} }}
}}
"""

# --- learner achievements (F5) ----------------------------------------------------------------

RECORD = """
  id achievementName category subtype personalNumber issuedOn score earnedCredits source enteredAt
  learner { id name status maskedIdNumber maskedPhone } achievement { id name }
"""
RECORDS = f"""
query($filter: LearnerAchievementFilter, $first: Int) {{
  learnerAchievements(filter: $filter, first: $first) {{ totalCount nodes {{ {RECORD} }} }}
}}
"""
STORE_RECORD = f"""
mutation($input: StoreLearnerAchievementInput!) {{
  storeLearnerAchievement(input: $input) {{ learnerAchievement {{ {RECORD} }} {ERRORS} }}
}}
"""
RECORD_TEMPLATE = """
query($id: ID!) { learnerAchievementImportTemplate(achievementId: $id) { url filename expiresInSeconds } }
"""
IMPORT_RECORDS = f"""
mutation($input: ImportLearnerAchievementsInput!) {{
  importLearnerAchievements(input: $input) {{ {IMPORT_FIELDS} }}
}}
"""
RECORD_IMPORTS = """
query($id: ID, $first: Int) { learnerAchievementImports(achievementId: $id, first: $first) {
  totalCount nodes { id operatorName createdAt totalRows importedCount rejectedCount status } } }
"""
EXPORT_RECORDS = f"""
mutation($input: ExportLearnerAchievementsInput!) {{
  exportLearnerAchievements(input: $input) {{ rowCount file {{ url filename }} {ERRORS} }}
}}
"""
WITHDRAW = f"mutation($input: WithdrawRecordsInput!) {{ withdrawRecords(input: $input) {{ {BATCH} }} }}"

# A small but real PDF: the withdrawal reason file (F5.5).
REASON_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# --- resident ID numbers (GB 11643-1999) ---------------------------------------------------------

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def check_digit(first17: str) -> str:
    """ISO 7064 MOD 11-2, written out here independently of the application's validator."""
    total = sum(int(digit) * weight for digit, weight in zip(first17, _WEIGHTS, strict=True))
    return "10X98765432"[total % 11]


def resident_id(sequence: int, *, region: str = "430102", born: str = "19990101") -> str:
    """A valid 18-digit resident ID: region, birth date, a 3-digit sequence, the check digit."""
    first17 = f"{region}{born}{sequence % 1000:03d}"
    assert len(first17) == 17
    return first17 + check_digit(first17)


def with_wrong_check_digit(number: str) -> str:
    """The same number with a check digit that does not match."""
    wrong = "0" if number[-1] != "0" else "1"
    return number[:17] + wrong


def impossible_birth_date(sequence: int = 1) -> str:
    """A correctly check-digited number born on 30 February."""
    return resident_id(sequence, born="19900230")


def masked(number: str) -> str:
    """The manual's list form of an ID number: 632323*****0922."""
    return f"{number[:6]}*****{number[-4:]}"


# --- steps ----------------------------------------------------------------------------------------


async def listing(api: Api, token: str, filter: dict[str, Any] | None = None,
                  **page: Any) -> dict[str, Any]:
    result = await api(LIST, {"filter": filter, "first": page.pop("first", 100), **page}, token=token)
    assert not result.errors, result.errors
    return result.data["learners"]


async def listed(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """The learners of a filter by name (all on one page)."""
    found = await listing(api, token, filter)
    assert found["totalCount"] == len(found["nodes"])
    return {node["name"]: node for node in found["nodes"]}


async def add_result(api: Api, token: str, name: str | None, id_number: str | None) -> GraphQLResult:
    return await api(ADD, {"input": {"name": name, "idNumber": id_number}}, token=token)


async def add_learner(api: Api, token: str, name: str, id_number: str) -> dict[str, Any]:
    return (await add_result(api, token, name, id_number)).ok("addLearner")["learner"]


async def register_learner(api: Api, name: str, id_number: str, phone: str) -> dict[str, Any]:
    """The learner registers with their own ID number (F15): a real LEARNER_REGISTER code."""
    code = await code_for(api, "LEARNER_REGISTER", phone)
    result = await api(REGISTER, {"input": {
        "phone": phone, "code": code, "name": name, "idNumber": id_number,
        "password": "Learner2024", "passwordConfirmation": "Learner2024", "agreementAccepted": True,
    }})
    return result.ok("registerLearner")


async def recorded_elsewhere(api: Api, name: str, id_number: str, hnu: str | None = None) -> None:
    """湖南大学 records the person first: the default identity check verifies a registering learner
    by the name an institution recorded for that ID number (issue 13)."""
    await add_learner(api, hnu or await hnu_admin(api), name, id_number)


async def delete_learners(api: Api, token: str, ids: list[str]) -> dict[str, Any]:
    return (await api(DELETE, {"ids": ids}, token=token)).ok("deleteLearners")


async def learner_template(api: Api, token: str) -> bytes:
    link = (await api(TEMPLATE, token=token)).data["learnerImportTemplate"]
    assert link["filename"].endswith(".xlsx") and link["expiresInSeconds"] > 0
    return await download(api, link)


async def record_template(api: Api, token: str, achievement_id: str) -> bytes:
    result = await api(RECORD_TEMPLATE, {"id": achievement_id}, token=token)
    assert not result.errors, result.errors
    link = result.data["learnerAchievementImportTemplate"]
    assert link["filename"].endswith(".xlsx") and link["expiresInSeconds"] > 0
    return await download(api, link)


def fill_template(template: bytes, rows: list[list[Any]]) -> bytes:
    """The downloaded template with its sample row replaced by ``rows`` (as a user fills it)."""
    workbook = load_workbook(io.BytesIO(template))
    sheet = workbook["数据"]
    if sheet.max_row > 1:
        sheet.delete_rows(2, sheet.max_row - 1)
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def import_learners(api: Api, token: str, content: bytes, *, dry_run: bool = False,
                          filename: str = "学员.xlsx", media: str = XLSX) -> dict[str, Any]:
    result = await api(IMPORT, {"input": {"file": None, "dryRun": dry_run}}, token=token,
                       files={"input.file": (filename, content, media)})
    return result.payload("importLearners")


async def import_records(api: Api, token: str, achievement_id: str, content: bytes, *,
                         dry_run: bool = False, filename: str = "学员成果.xlsx") -> GraphQLResult:
    return await api(IMPORT_RECORDS, {"input": {"achievementId": achievement_id, "file": None,
                                                 "dryRun": dry_run}},
                     token=token, files={"input.file": (filename, content, XLSX)})


async def store_course(api: Api, token: str, name: str = "餐厅创建课程") -> dict[str, Any]:
    """A vocational course of the caller's institution (4 original credits)."""
    return await catalogue.store(api, token, catalogue.course_input(
        name, subtype="VOCATIONAL_COURSE", originalCredits=4, originalHours=32))


async def store_record_result(api: Api, token: str, achievement_id: str, name: str, id_number: str,
                              personal_number: str, issued_on: str = "2022-03-01",
                              **extra: Any) -> GraphQLResult:
    return await api(STORE_RECORD, {"input": {
        "achievementId": achievement_id, "name": name, "idNumber": id_number,
        "personalNumber": personal_number, "issuedOn": issued_on, **extra,
    }}, token=token)


async def store_record(api: Api, token: str, achievement_id: str, name: str, id_number: str,
                       personal_number: str, issued_on: str = "2022-03-01", **extra: Any) -> dict[str, Any]:
    result = await store_record_result(api, token, achievement_id, name, id_number, personal_number,
                                       issued_on, **extra)
    return result.ok("storeLearnerAchievement")["learnerAchievement"]


async def records(api: Api, token: str, filter: dict[str, Any] | None = None) -> dict[str, Any]:
    result = await api(RECORDS, {"filter": filter, "first": 100}, token=token)
    assert not result.errors, result.errors
    return result.data["learnerAchievements"]


async def withdraw(api: Api, token: str, ids: list[str], reason: str = "证书信息录入错误") -> dict[str, Any]:
    result = await api(WITHDRAW, {"input": {"ids": ids, "reason": reason, "reasonFile": None}},
                       token=token, files={"input.reasonFile": ("reason.pdf", REASON_PDF, "application/pdf")})
    return result.ok("withdrawRecords")


CHANGE_INITIAL = f"""
mutation($input: ChangeInitialPasswordInput!) {{
  changeInitialPassword(input: $input) {{ account {{ mustChangePassword }} {ERRORS} }}
}}
"""
ADD_SUB_USER = f"""
mutation($input: AddSubUserInput!) {{ addSubUser(input: $input) {{ account {{ id }} {ERRORS} }} }}
"""


async def _change_initial(api: Api, token: str, password: str) -> None:
    result = await api(CHANGE_INITIAL, {"input": {"newPassword": password, "confirmation": password}},
                       token=token)
    assert result.ok("changeInitialPassword")["account"]["mustChangePassword"] is False


async def hnu_admin(api: Api) -> str:
    """湖南大学's synced main account, past its forced first password change (F2.2)."""
    token = await login(api, *HNU_SYNCED)
    await _change_initial(api, token, "Hnu2024new")
    return token


async def add_sub_user(api: Api, admin: str, username: str, phone: str,
                       modules: list[str] | None = None) -> str:
    """A sub-user of the admin's institution, limited to ``modules`` when given, else given every
    module (B9: ``allModules``, an explicit choice), logged in and past its first password change."""
    added = await api(ADD_SUB_USER, {"input": {
        "username": username, "name": "子用户", "phone": phone, "password": "SubUser2024",
        "passwordConfirmation": "SubUser2024",
        **({"modules": modules} if modules is not None else {"allModules": True}),
    }}, token=admin)
    added.ok("addSubUser")
    token = await login(api, username, "SubUser2024")
    await _change_initial(api, token, "SubUser2025")
    return token


async def hnu_sub_user(api: Api, admin: str | None = None) -> str:
    """A sub-user of 湖南大学 (another institution than 长沙理工大学), logged in and ready."""
    return await add_sub_user(api, admin or await hnu_admin(api), "hnu_teacher", "13900000031")


# An advisory-lock key the gate below holds while the imports under test catch up with each other.
GATE = 7_357_001


async def side_by_side(*actions: Any) -> list[Any]:
    """Run ``actions`` at once. On PostgreSQL a trigger holds every insert of a learner at a gate
    until all of them have read what is stored and are waiting (at the gate, or at the import
    lock), so the imports truly overlap, every run; SQLite serialises writers anyway."""
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect != "postgres":
        return list(await asyncio.gather(*actions))
    await connection.execute_script(
        "CREATE FUNCTION hold_learner_inserts() RETURNS trigger AS $$ BEGIN "
        f"PERFORM pg_advisory_xact_lock_shared({GATE}); RETURN NULL; END $$ LANGUAGE plpgsql;"
        "CREATE TRIGGER hold_learner_inserts BEFORE INSERT ON learner "
        "FOR EACH STATEMENT EXECUTE FUNCTION hold_learner_inserts();"
    )
    closed, started = asyncio.Event(), asyncio.Event()
    tasks: list[asyncio.Task[Any]] = []

    async def gate() -> None:
        async with in_transaction() as held:
            await held.execute_query("SELECT pg_advisory_xact_lock($1)", [GATE])
            closed.set()
            await started.wait()
            # Open once every import still running waits (a finished one waits for nothing).
            for _ in range(3000):  # a bound, so a changed import cannot hang the suite
                running = sum(not task.done() for task in tasks)
                _, rows = await held.execute_query(
                    "SELECT count(*) AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                    "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
                if running == 0 or rows[0]["waiting"] >= running:
                    break
                await asyncio.sleep(0.01)

    gate_task = asyncio.create_task(gate())
    try:
        await closed.wait()
        tasks.extend(asyncio.create_task(action) for action in actions)
        started.set()
        return list(await asyncio.gather(*tasks))
    finally:
        started.set()
        await gate_task
        await connection.execute_script(
            "DROP TRIGGER IF EXISTS hold_learner_inserts ON learner; DROP FUNCTION IF EXISTS hold_learner_inserts();")
