"""Who may claim a learner identity (F15; issue 13, item 1).

A learner account attaches an institution's record only when the ID number and the name both
match (after normalising width and spacing). A registration that nothing verifies is refused with
one answer, whoever holds records. Records whose name differs stay 未激活, are listed as 姓名不一致
(F6.1) and attach once the institution corrects them (F6.3); records added later follow the same
rule (F6.2, F6.4, F5.2, F5.3). With ``IDENTITY_GATEWAY_URL`` a real-name service checks name, ID
number and the phone just verified by SMS, and an unreachable service refuses, retryably."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from tortoise.timezone import now

from models.account import Account
from models.learner import Learner, LearnerStatus
from models.verification import PhoneSendSlot
from tests.support import learners as learner_sheets
from tests.support.api import Api, GraphQLResult
from tests.support.db import CODE_CHECKS, snapshot
from tests.support.flows import CSUST, code_for, login
from tests.support.learner_records import (
    MY_ACHIEVEMENTS,
    REGISTER,
    hnu_admin,
    learner_login,
    masked_phone,
    person,
    store_course,
    store_record,
)
from tests.support.services import IdentityGateway, free_port

ZHANG = ("毕志刚", person(1, region="530127", born="19850315"))
LI = ("李红", person(2, region="632323", born="19960526"))
ZHANG_PHONE, LI_PHONE, STRANGER_PHONE = "17000009087", "13900000032", "13900000066"

LEARNER = "id name status nameMismatch maskedPhone"
LEARNERS = f"""
query IdentityLearners($filter: LearnerFilter) {{
  learners(filter: $filter, first: 100) {{ totalCount nodes {{ {LEARNER} }} }}
}}
"""
UPDATE = f"""
mutation IdentityUpdate($id: ID!, $input: LearnerInput!) {{
  updateLearner(id: $id, input: $input) {{ learner {{ {LEARNER} }} errors {{ field code message }} }}
}}
"""


# --- steps ------------------------------------------------------------------------------------------


async def fresh_code(api: Api, phone: str) -> str:
    """A LEARNER_REGISTER code for ``phone``, the resend interval aged instead of waited out."""
    await PhoneSendSlot.filter(phone=phone).update(last_sent_at=now() - timedelta(seconds=61))
    return await code_for(api, "LEARNER_REGISTER", phone)


async def attempt(api: Api, name: str, id_number: str, phone: str, code: str | None = None) -> GraphQLResult:
    code = code or await fresh_code(api, phone)
    return await api(REGISTER, {"input": {
        "phone": phone, "code": code, "name": name, "idNumber": id_number, "password": "Learner2024",
        "passwordConfirmation": "Learner2024", "agreementAccepted": True,
    }})


def refusal(result: GraphQLResult) -> list[dict[str, Any]]:
    """The errors of a refused registration, which must have given nothing else."""
    payload = result.payload("registerLearner")
    assert (payload["token"], payload["account"], payload["activatedRecords"]) == (None, None, 0), payload
    assert payload["errors"], payload
    return payload["errors"]


def codes(result: GraphQLResult) -> list[tuple[str | None, str]]:
    return [(e["field"], e["code"]) for e in refusal(result)]


async def listed(api: Api, token: str, **filter: Any) -> dict[str, dict[str, Any]]:
    """The institution's learner list (F6.1) by name."""
    result = await api(LEARNERS, {"filter": filter or None}, token=token)
    assert not result.errors, result.errors
    nodes = result.data["learners"]["nodes"]
    assert result.data["learners"]["totalCount"] == len(nodes)
    return {node["name"]: node for node in nodes}


async def mine(api: Api, id_number: str) -> set[str]:
    token = await learner_login(api, id_number)
    nodes = (await api(MY_ACHIEVEMENTS, {"first": 100}, token=token)).data["myAchievements"]["nodes"]
    return {node["id"] for node in nodes}


async def statuses(id_number: str) -> set[LearnerStatus]:
    return {row.status for row in await Learner.filter(id_number=id_number)}


# --- the default verifier: the institutions' records ------------------------------------------------


async def test_f15_a_name_no_record_holds_is_refused_and_changes_nothing(api: Api, demo: None) -> None:
    csust, hnu = await login(api, *CSUST), await hnu_admin(api)
    await store_record(api, csust, (await store_course(api, csust, "长理课程"))["id"], *ZHANG, "kc001")
    await store_record(api, hnu, (await store_course(api, hnu, "湖大课程"))["id"], *ZHANG, "hd001")

    # A stranger who knows only the ID number registers under their own name with their own phone.
    code = await fresh_code(api, STRANGER_PHONE)
    before = await snapshot(ignore=("verification_code",))
    result = await attempt(api, "王小明", ZHANG[1], STRANGER_PHONE, code)
    assert codes(result) == [(None, "IDENTITY_NOT_VERIFIED")]
    assert await snapshot(ignore=("verification_code",)) == before
    assert not await Account.exists(username=ZHANG[1])
    assert await statuses(ZHANG[1]) == {LearnerStatus.INACTIVE}
    # The refused check used the code up: every guess at a name costs a new SMS to a phone of one's own.
    again = await attempt(api, ZHANG[0], ZHANG[1], STRANGER_PHONE, code)
    assert again.refused("registerLearner") == ["CODE_USED"]

    # The person, with their own name, is verified by those records and gets both.
    registered = (await attempt(api, *ZHANG, ZHANG_PHONE)).ok("registerLearner")
    assert registered["activatedRecords"] == 2
    assert await statuses(ZHANG[1]) == {LearnerStatus.ACTIVE}


async def test_f15_a_refusal_is_the_same_whoever_holds_records_and_names_no_institution(
    api: Api, demo: None
) -> None:
    csust, hnu = await login(api, *CSUST), await hnu_admin(api)
    csust_course = (await store_course(api, csust, "长理课程"))["id"]
    hnu_course = (await store_course(api, hnu, "湖大课程"))["id"]
    nobody = person(3)
    at_one = ("陈静", person(4))
    at_two = ("刘洋", person(5))
    registered = ("赵磊", person(6))
    await store_record(api, csust, csust_course, *at_one, "kc004")
    await store_record(api, csust, csust_course, *at_two, "kc005")
    await store_record(api, hnu, hnu_course, *at_two, "hd005")
    await store_record(api, csust, csust_course, *registered, "kc006")
    (await attempt(api, *registered, "13900000006")).ok("registerLearner")

    # What a stranger who knows only an ID number learns: the same answer for a number nobody
    # holds, one institution holds, two hold, and one already registered by its owner.
    answers = []
    for number in (nobody, at_one[1], at_two[1], registered[1]):
        result = await attempt(api, "王小明", number, STRANGER_PHONE)
        answers.append(refusal(result))
        for secret in ("长沙理工大学", "湖南大学", "长理", "湖大", "陈静", "刘洋", "赵磊", "已注册", "4143010536"):
            assert secret not in str(result.body)
    assert answers[0] == [{"field": None, "code": "IDENTITY_NOT_VERIFIED", "message": answers[0][0]["message"]}]
    assert all(answer == answers[0] for answer in answers)
    assert not await Account.exists(username__in=[nobody, at_one[1], at_two[1]])

    # "Already registered" is told only to someone with a valid code who also has the right name.
    code = await fresh_code(api, STRANGER_PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    assert (await attempt(api, *registered, STRANGER_PHONE, wrong)).refused("registerLearner") == ["CODE_INVALID"]
    assert codes(await attempt(api, *registered, STRANGER_PHONE, code)) == [
        ("idNumber", "LEARNER_ALREADY_REGISTERED")]


@pytest.mark.parametrize(
    ("recorded", "typed", "other"),
    [
        ("毕志刚", " 毕\u3000志 刚 ", "毕志强"),
        ("王 小明", "王小明", "王晓明"),
        ("阿卜杜拉·买买提", "阿卜杜拉 • 买买提", "阿卜杜拉·买买江"),
        ("ZHANG Wei", "\uff3a\uff28\uff21\uff2e\uff27\u3000\uff57\uff45\uff49", "ZHANG Wen"),
        ("Ｌｉ  Ｎａ", "LI NA", "LINA"),
    ],
    ids=["ideographic-space", "spaced-record", "middle-dot", "full-width-latin", "full-width-record"],
)
async def test_f15_names_match_whatever_width_and_spacing_and_no_other_name_does(
    api: Api, demo: None, recorded: str, typed: str, other: str
) -> None:
    csust, hnu = await login(api, *CSUST), await hnu_admin(api)
    number = person(7)
    kept = await store_record(api, csust, (await store_course(api, csust, "长理课程"))["id"], recorded, number, "kc007")
    await store_record(api, hnu, (await store_course(api, hnu, "湖大课程"))["id"], other, number, "hd007")

    registered = (await attempt(api, typed, number, ZHANG_PHONE)).ok("registerLearner")
    assert registered["activatedRecords"] == 1
    assert [(row["status"], row["nameMismatch"]) for row in (await listed(api, csust)).values()] == [("ACTIVE", False)]
    assert [(row["status"], row["nameMismatch"]) for row in (await listed(api, hnu)).values()] == [("INACTIVE", True)]
    assert await mine(api, number) == {kept["id"]}


# --- 姓名不一致: listed, corrected, attached -------------------------------------------------------------


async def test_f15_f6_1_f6_3_a_record_with_another_name_stays_inactive_is_listed_and_attaches_once_corrected(
    api: Api, demo: None
) -> None:
    csust, hnu = await login(api, *CSUST), await hnu_admin(api)
    held = await store_record(api, csust, (await store_course(api, csust, "长理课程"))["id"], *ZHANG, "kc001")
    hnu_course = (await store_course(api, hnu, "湖大课程"))["id"]
    typo = await store_record(api, hnu, hnu_course, "毕志强", ZHANG[1], "hd001")
    await store_record(api, hnu, hnu_course, *LI, "hd002")

    assert (await attempt(api, *ZHANG, ZHANG_PHONE)).ok("registerLearner")["activatedRecords"] == 1
    assert await mine(api, ZHANG[1]) == {held["id"]}

    # 湖南大学 sees its record 未激活 and 姓名不一致, without the learner's phone; 测试 learners who
    # never registered are not mismatched.
    everyone = await listed(api, hnu)
    assert {name: (row["status"], row["nameMismatch"], row["maskedPhone"]) for name, row in everyone.items()} == {
        "毕志强": ("INACTIVE", True, ""), LI[0]: ("INACTIVE", False, "")}
    assert set(await listed(api, hnu, nameMismatch=True)) == {"毕志强"}
    assert set(await listed(api, hnu, nameMismatch=False)) == {LI[0]}
    assert set(await listed(api, hnu, nameMismatch=True, status="INACTIVE")) == {"毕志强"}
    assert await listed(api, csust, nameMismatch=True) == {}

    # A correction to yet another name keeps it apart; the registered name attaches it.
    learner_id = typo["learner"]["id"]
    still = (await api(UPDATE, {"id": learner_id, "input": {"name": "毕志钢", "idNumber": ZHANG[1]}},
                       token=hnu)).ok("updateLearner")["learner"]
    assert (still["status"], still["nameMismatch"]) == ("INACTIVE", True)
    fixed = (await api(UPDATE, {"id": learner_id, "input": {"name": ZHANG[0], "idNumber": ZHANG[1]}},
                       token=hnu)).ok("updateLearner")["learner"]
    assert (fixed["status"], fixed["nameMismatch"], fixed["maskedPhone"]) == (
        "ACTIVE", False, masked_phone(ZHANG_PHONE))
    assert await listed(api, hnu, nameMismatch=True) == {}
    assert await mine(api, ZHANG[1]) == {held["id"], typo["id"]}
    row = await Learner.get(id_number=ZHANG[1], name=ZHANG[0], institution__school__code="4143010532")
    assert (row.account_id, row.phone) == ((await Account.get(username=ZHANG[1])).id, ZHANG_PHONE)


async def _add(api: Api, token: str, rows: list[tuple[str, str]]) -> None:
    for name, number in rows:
        await learner_sheets.add_learner(api, token, name, number)


async def _store(api: Api, token: str, rows: list[tuple[str, str]]) -> None:
    course = (await store_course(api, token, "湖大课程"))["id"]
    for i, (name, number) in enumerate(rows):
        await store_record(api, token, course, name, number, f"hd{i:03d}")


async def _import_learners(api: Api, token: str, rows: list[tuple[str, str]]) -> None:
    sheet = learner_sheets.fill_template(await learner_sheets.learner_template(api, token), [list(r) for r in rows])
    imported = await learner_sheets.import_learners(api, token, sheet)
    assert (imported["errors"], imported["importedCount"]) == ([], len(rows)), imported


async def _import_records(api: Api, token: str, rows: list[tuple[str, str]]) -> None:
    course = (await store_course(api, token, "湖大课程"))["id"]
    sheet = learner_sheets.fill_template(await learner_sheets.record_template(api, token, course), [
        [name, number, f"hd{i:03d}", "2022-03-01", "", None] for i, (name, number) in enumerate(rows)])
    imported = (await learner_sheets.import_records(api, token, course, sheet)).payload("importLearnerAchievements")
    assert (imported["errors"], imported["importedCount"]) == ([], len(rows)), imported


@pytest.mark.parametrize("create", [_add, _store, _import_learners, _import_records],
                         ids=["f6_2-addLearner", "f5_2-storeLearnerAchievement", "f6_4-importLearners",
                              "f5_3-importLearnerAchievements"])
async def test_f15_records_added_after_registration_attach_only_with_the_registered_name(
    api: Api, demo: None, create: Any
) -> None:
    csust, hnu = await login(api, *CSUST), await hnu_admin(api)
    course = (await store_course(api, csust, "长理课程"))["id"]
    await store_record(api, csust, course, *ZHANG, "kc001")
    await store_record(api, csust, course, *LI, "kc002")
    (await attempt(api, *ZHANG, ZHANG_PHONE)).ok("registerLearner")
    (await attempt(api, *LI, LI_PHONE)).ok("registerLearner")

    # 湖南大学 adds both later: 毕志刚 as registered (spaced differently), 李红 under another name.
    await create(api, hnu, [("毕 志刚", ZHANG[1]), ("李洪", LI[1])])
    zhang_account, li_account = await Account.get(username=ZHANG[1]), await Account.get(username=LI[1])
    assert {(r.name, r.status, r.account_id) for r in await Learner.filter(institution__school__code="4143010532")} == {
        ("毕 志刚", LearnerStatus.ACTIVE, zhang_account.id), ("李洪", LearnerStatus.INACTIVE, None)}
    rows = await listed(api, hnu)
    assert {name: (row["status"], row["nameMismatch"], row["maskedPhone"]) for name, row in rows.items()} == {
        "毕 志刚": ("ACTIVE", False, masked_phone(ZHANG_PHONE)), "李洪": ("INACTIVE", True, "")}
    assert await Learner.filter(account_id=li_account.id).count() == 1  # only 长沙理工大学's record


# --- the real-name gateway (IDENTITY_GATEWAY_URL) -------------------------------------------------------


async def test_f15_the_gateway_checks_name_id_number_and_the_verified_phone(
    make_api: Any, demo: None, identity_gateway: IdentityGateway
) -> None:
    api = await make_api(identity_gateway_url=identity_gateway.url)
    identity_gateway.people = {(*ZHANG, ZHANG_PHONE), (*LI, LI_PHONE)}
    csust = await login(api, *CSUST)
    typo = await store_record(api, csust, (await store_course(api, csust))["id"], "毕志强", ZHANG[1], "kc001")

    # Verified by the real-name service: the account is made; a record under another name stays apart.
    registered = (await attempt(api, "毕\u3000志刚", ZHANG[1], ZHANG_PHONE)).ok("registerLearner")
    assert registered["activatedRecords"] == 0
    assert identity_gateway.received == [{"name": "毕志刚", "idNumber": ZHANG[1], "phone": ZHANG_PHONE}]
    assert (await listed(api, csust))["毕志强"]["nameMismatch"] is True
    assert typo["id"] not in await mine(api, ZHANG[1])
    # A verified person whom no institution has recorded yet may register too.
    assert (await attempt(api, *LI, LI_PHONE)).ok("registerLearner")["activatedRecords"] == 0


async def test_f15_a_gateway_refusal_is_refused_even_when_a_record_has_that_name(
    make_api: Any, demo: None, identity_gateway: IdentityGateway
) -> None:
    api = await make_api(identity_gateway_url=identity_gateway.url)
    identity_gateway.people = {(*ZHANG, ZHANG_PHONE)}
    csust = await login(api, *CSUST)
    await store_record(api, csust, (await store_course(api, csust))["id"], *ZHANG, "kc001")

    # Name and ID number are right (a record says so) but the phone is not the person's.
    code = await fresh_code(api, STRANGER_PHONE)
    before = await snapshot(ignore=("verification_code",))
    result = await attempt(api, *ZHANG, STRANGER_PHONE, code)
    assert codes(result) == [(None, "IDENTITY_NOT_VERIFIED")]
    assert identity_gateway.received[-1] == {"name": ZHANG[0], "idNumber": ZHANG[1], "phone": STRANGER_PHONE}
    assert await snapshot(ignore=("verification_code",)) == before
    assert not await Account.exists(username=ZHANG[1])


@pytest.mark.parametrize(
    "failure", ["error-status", "not-json", "unknown-verdict", "unreachable", "no-answer-in-time"])
async def test_f15_a_failing_gateway_is_a_retryable_refusal_that_creates_nothing(
    make_api: Any, demo: None, identity_gateway: IdentityGateway, failure: str
) -> None:
    identity_gateway.people = {(*ZHANG, ZHANG_PHONE)}
    url = identity_gateway.url
    if failure == "error-status":
        identity_gateway.status = 503
    elif failure == "not-json":
        identity_gateway.body = b"<html>busy</html>"
    elif failure == "unknown-verdict":
        identity_gateway.body = b'{"result": "MAYBE"}'
    elif failure == "unreachable":
        url = f"http://127.0.0.1:{free_port()}/verify"
    else:
        identity_gateway.answering.clear()
    api = await make_api(identity_gateway_url=url, identity_gateway_timeout_seconds=0.5)
    csust = await login(api, *CSUST)
    await store_record(api, csust, (await store_course(api, csust))["id"], *ZHANG, "kc001")
    code = await fresh_code(api, ZHANG_PHONE)

    before = await snapshot(ignore_columns=CODE_CHECKS)
    result = await attempt(api, *ZHANG, ZHANG_PHONE, code)
    errors = refusal(result)
    assert [(e["field"], e["code"]) for e in errors] == [(None, "IDENTITY_SERVICE_UNAVAILABLE")]
    assert "稍后" in errors[0]["message"]
    # Nothing made, the code not used up (one of its five checks counted).
    assert await snapshot(ignore_columns=CODE_CHECKS) == before

    # Once the service answers again, the same code registers.
    identity_gateway.status, identity_gateway.body = 200, None
    identity_gateway.answering.set()
    api = await make_api(identity_gateway_url=identity_gateway.url)
    assert (await attempt(api, *ZHANG, ZHANG_PHONE, code)).ok("registerLearner")["activatedRecords"] == 1
