"""The learner's own account (F15, outside the institution manual but needed by its flows):
registration with phone, code, name, ID number and password activates every institution's
learner record of that ID number and that name (who may claim an identity: test_identity.py);
the learner logs in with the ID number and sees their own achievements across institutions, and
never another learner's."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from tortoise.timezone import now

from models.account import Account, AccountKind
from models.audit import AuditLog
from models.learner import Learner, LearnerStatus
from models.verification import PhoneSendSlot
from tests.support.api import Api
from tests.support.db import CODE_CHECKS, snapshot
from tests.support.flows import CSUST, LOGIN, STAFF, code_for, login
from tests.support.learner_records import (
    DETAIL,
    LEARNERS,
    MY_ACHIEVEMENTS,
    OVERVIEW,
    RECORDS,
    STORE_RECORD,
    hnu_admin,
    learner_login,
    learners,
    masked,
    masked_phone,
    person,
    record_ids,
    record_input,
    records,
    register,
    store_course,
    store_diploma,
    store_record,
    withdraw,
    withdraw_result,
    wrong_check_digit,
)

ZHANG = ("毕志刚", person(1, region="530127", born="19850315"))
LI = ("测试2", person(2, region="632323", born="19060526"))
ZHANG_PHONE = "17000009087"
OTHER_PHONE = "13900000031"


REGISTER_DOCUMENT = """
mutation Register($input: RegisterLearnerInput!) {
  registerLearner(input: $input) { token activatedRecords account { id } errors { field code message } }
}
"""


def registration(id_number: str, phone: str, code: str, *, name: str = "王小明",
                 password: str = "Other2024") -> dict[str, Any]:
    return {"phone": phone, "code": code, "name": name, "idNumber": id_number, "password": password,
            "passwordConfirmation": password, "agreementAccepted": True}


def with_x_check_digit() -> str:
    """A valid number whose check digit is X (the learner may type it in lower case)."""
    return next(number for n in range(1000) if (number := person(n, region="430104", born="20000229"))[-1] == "X")


async def refused(result: Any) -> set[tuple[str | None, str]]:
    assert result.refused("registerLearner")
    payload = result.payload("registerLearner")
    assert (payload["token"], payload["account"], payload["activatedRecords"]) == (None, None, 0)
    return {(e["field"], e["code"]) for e in payload["errors"]}


async def learner_row(institution_token: str, api: Api, id_number: str) -> dict[str, Any]:
    found = await learners(api, institution_token, {"idNumber": id_number})
    assert len(found) == 1
    return found[0]


# --- registration ---------------------------------------------------------------------------------


async def test_f15_registration_activates_every_institutions_record_of_that_name(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_admin(api)
    csust_course = await store_course(api, csust, "长理课程")
    hnu_course = await store_course(api, hnu, "湖大课程")
    await store_record(api, csust, csust_course["id"], *ZHANG, "kc001")
    await store_record(api, hnu, hnu_course["id"], *ZHANG, "hd001")
    await store_record(api, csust, csust_course["id"], *LI, "kc002")
    for token in (csust, hnu):
        row = await learner_row(token, api, ZHANG[1])
        assert (row["status"], row["maskedPhone"]) == ("INACTIVE", "")

    registered = await register(api, *ZHANG, ZHANG_PHONE)
    assert registered["activatedRecords"] == 2
    assert registered["token"]
    account = registered["account"]
    assert (account["username"], account["kind"], account["name"]) == (ZHANG[1], "LEARNER", "毕志刚")
    assert (account["maskedPhone"], account["institution"]) == (masked_phone(ZHANG_PHONE), None)

    # Both institutions now see the learner 已激活, with the phone masked as the manual shows.
    for token in (csust, hnu):
        row = await learner_row(token, api, ZHANG[1])
        assert (row["status"], row["maskedIdNumber"], row["maskedPhone"]) == (
            "ACTIVE", masked(ZHANG[1]), "170****9087")
        listed = await records(api, token, {"idNumber": ZHANG[1]})
        assert [n["learner"]["maskedPhone"] for n in listed["nodes"]] == ["170****9087"]
        assert ZHANG_PHONE not in str(listed) and ZHANG_PHONE not in str(await learners(api, token))
    # Someone else's record is untouched.
    other = await learner_row(csust, api, LI[1])
    assert (other["status"], other["maskedPhone"]) == ("INACTIVE", "")

    stored = await Account.get(username=ZHANG[1])
    assert (stored.kind, stored.phone, stored.institution_id) == (AccountKind.LEARNER, ZHANG_PHONE, None)  # type: ignore[attr-defined]
    rows = await Learner.filter(id_number=ZHANG[1])
    assert {(r.status, r.account_id, r.phone, r.activated_at is not None) for r in rows} == {
        (LearnerStatus.ACTIVE, stored.id, ZHANG_PHONE, True)
    }
    audit = await AuditLog.get(action="learner.register")
    assert (audit.actor_id, audit.detail) == (stored.id, {"activated": 2, "verified_by": "records"})


async def test_f15_without_any_record_the_default_check_cannot_verify_a_registration(api: Api, demo: None) -> None:
    # The default identity check compares the name with the institutions' records; with none it
    # cannot vouch for anyone (a real-name gateway can: test_identity.py).
    code = await code_for(api, "LEARNER_REGISTER", ZHANG_PHONE)
    before = await snapshot(ignore=("verification_code",))
    result = await api(REGISTER_DOCUMENT, {"input": registration(ZHANG[1], ZHANG_PHONE, code, name=ZHANG[0])})
    assert await refused(result) == {(None, "IDENTITY_NOT_VERIFIED")}
    assert await snapshot(ignore=("verification_code",)) == before


async def test_f15_a_learner_whose_records_were_all_withdrawn_still_sees_an_empty_list(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    held = await store_record(api, csust, (await store_course(api, csust))["id"], *ZHANG, "kc001")
    await withdraw(api, csust, [held["id"]])
    assert (await register(api, *ZHANG, ZHANG_PHONE))["activatedRecords"] == 1
    token = await learner_login(api, ZHANG[1])
    mine = (await api(MY_ACHIEVEMENTS, {"first": 100}, token=token)).data["myAchievements"]
    assert mine == {"totalCount": 0, "nodes": []}


async def test_f15_registering_twice_is_refused(api: Api, demo: None) -> None:
    number = with_x_check_digit()
    csust = await login(api, *CSUST)
    await store_record(api, csust, (await store_course(api, csust))["id"], "王小明", number, "kc001")
    await register(api, "王小明", number, ZHANG_PHONE)
    code = await code_for(api, "LEARNER_REGISTER", OTHER_PHONE)
    before = await snapshot(ignore_columns=CODE_CHECKS)
    for typed in (number, number.lower(), f" {number} "):
        again = await api(REGISTER_DOCUMENT, {"input": registration(typed, OTHER_PHONE, code)})
        assert await refused(again) == {("idNumber", "LEARNER_ALREADY_REGISTERED")}
    assert await snapshot(ignore_columns=CODE_CHECKS) == before
    # The first password still works; the second was never set.
    assert await learner_login(api, number)
    assert (await api(LOGIN, {"account": number, "password": "Other2024"})).refused("login") == ["INVALID_CREDENTIALS"]


async def test_f15_two_registrations_of_one_id_number_at_once_make_one_account(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    await store_record(api, csust, (await store_course(api, csust))["id"], "王小明", ZHANG[1], "kc001")
    phones = ["13900000041", "13900000042"]
    inputs = [registration(ZHANG[1], phone, await code_for(api, "LEARNER_REGISTER", phone)) for phone in phones]
    results = await asyncio.gather(*(api(REGISTER_DOCUMENT, {"input": values}) for values in inputs))
    outcomes = sorted(
        "ok" if not r.payload("registerLearner")["errors"] else r.payload("registerLearner")["errors"][0]["code"]
        for r in results
    )
    assert outcomes == ["LEARNER_ALREADY_REGISTERED", "ok"]
    assert await Account.filter(username=ZHANG[1]).count() == 1


async def test_f15_a_phone_serves_one_learner(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    await store_record(api, csust, (await store_course(api, csust))["id"], *ZHANG, "kc001")
    await register(api, *ZHANG, ZHANG_PHONE)
    # Move the phone's last send a minute into the past instead of waiting out the resend limit.
    await PhoneSendSlot.filter(phone=ZHANG_PHONE).update(last_sent_at=now() - timedelta(seconds=61))
    code = await code_for(api, "LEARNER_REGISTER", ZHANG_PHONE)
    before = await snapshot(ignore_columns=CODE_CHECKS)
    again = await api(REGISTER_DOCUMENT, {"input": {**registration(LI[1], ZHANG_PHONE, code), "name": LI[0]}})
    assert await refused(again) == {("phone", "PHONE_TAKEN")}
    assert await snapshot(ignore_columns=CODE_CHECKS) == before


async def test_f15_wrong_code_is_refused(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    course = await store_course(api, csust)
    await store_record(api, csust, course["id"], *ZHANG, "kc001")
    code = await code_for(api, "LEARNER_REGISTER", ZHANG_PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    before = await snapshot(ignore=("verification_code",))
    result = await api(REGISTER_DOCUMENT, {"input": registration(ZHANG[1], ZHANG_PHONE, wrong, name=ZHANG[0])})
    assert await refused(result) == {("code", "CODE_INVALID")}
    assert await snapshot(ignore=("verification_code",)) == before
    assert (await learner_row(csust, api, ZHANG[1]))["status"] == "INACTIVE"
    assert not await Account.exists(username=ZHANG[1])
    # The right code still works.
    result = await api(REGISTER_DOCUMENT, {"input": registration(ZHANG[1], ZHANG_PHONE, code, name=ZHANG[0])})
    assert result.ok("registerLearner")["activatedRecords"] == 1


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"idNumber": wrong_check_digit(ZHANG[1])}, {("idNumber", "ID_NUMBER_CHECK_DIGIT")}),
        ({"idNumber": person(1, born="19850230")}, {("idNumber", "ID_NUMBER_BIRTH_DATE")}),
        ({"idNumber": ZHANG[1][:17]}, {("idNumber", "ID_NUMBER_SHAPE")}),
        ({"idNumber": None}, {("idNumber", "REQUIRED")}),
        ({"name": "  "}, {("name", "REQUIRED")}),
        ({"password": "learnerpass", "passwordConfirmation": "learnerpass"}, {("password", "PASSWORD_WEAK")}),
        ({"password": "2024202420", "passwordConfirmation": "2024202420"}, {("password", "PASSWORD_WEAK")}),
        ({"password": "Lrn2024", "passwordConfirmation": "Lrn2024"}, {("password", "PASSWORD_LENGTH")}),
        ({"passwordConfirmation": "Learner2025"}, {("passwordConfirmation", "PASSWORD_MISMATCH")}),
        ({"phone": "12345678901"}, {("phone", "INVALID_PHONE")}),
        ({"agreementAccepted": False}, {("agreementAccepted", "AGREEMENT_REQUIRED")}),
    ],
    ids=["check-digit", "30-february", "seventeen-digits", "no-id-number", "no-name", "no-digit",
         "no-letter", "short-password", "confirmation", "phone", "agreement"],
)
async def test_f15_bad_registration_changes_nothing(
    api: Api, demo: None, changes: dict[str, Any], expected: set[tuple[str, str]]
) -> None:
    csust = await login(api, *CSUST)
    course = await store_course(api, csust)
    await store_record(api, csust, course["id"], *ZHANG, "kc001")
    code = await code_for(api, "LEARNER_REGISTER", ZHANG_PHONE)
    before = await snapshot()
    values = {**registration(ZHANG[1], ZHANG_PHONE, code, name=ZHANG[0]), **changes}
    result = await api(REGISTER_DOCUMENT, {"input": values})
    assert await refused(result) == expected
    assert await snapshot() == before
    # The code was not used up by the refused attempt.
    fixed = await api(REGISTER_DOCUMENT, {"input": registration(ZHANG[1], ZHANG_PHONE, code, name=ZHANG[0])})
    assert fixed.ok("registerLearner")["activatedRecords"] == 1


# --- logging in and the learner's own achievements ----------------------------------------------------------


async def test_f15_learner_logs_in_with_the_id_number_and_sees_own_achievements(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_admin(api)
    course = await store_course(api, csust, "长理课程")
    diploma = await store_diploma(api, csust)
    hnu_course = await store_course(api, hnu, "湖大课程")
    held_course = await store_record(api, csust, course["id"], *ZHANG, "kc001", "2021-07-01",
                                     score="优秀", earnedCredits=3)
    held_diploma = await store_record(api, csust, diploma["id"], *ZHANG, "cs00012", "2022-06-30")
    others = await store_record(api, csust, course["id"], *LI, "kc002", "2023-01-01")
    assert (await register(api, *ZHANG, ZHANG_PHONE))["activatedRecords"] == 1

    # The ID number is the login account; a wrong password is the generic refusal.
    assert (await api(LOGIN, {"account": ZHANG[1], "password": "Wrong2024"})).refused("login") == [
        "INVALID_CREDENTIALS"]
    token = await learner_login(api, ZHANG[1])
    me = (await api("{ me { username kind name } }", token=token)).data["me"]
    assert me == {"username": ZHANG[1], "kind": "LEARNER", "name": "毕志刚"}

    # A record stored after registration: the new 湖南大学 learner row is 已激活 at once.
    later = await store_record(api, hnu, hnu_course["id"], *ZHANG, "hd001", "2023-03-01")
    assert later["learner"]["status"] == "ACTIVE"
    assert later["learner"]["maskedPhone"] == "170****9087"

    mine = (await api(MY_ACHIEVEMENTS, {"first": 100}, token=token)).data["myAchievements"]
    assert mine["totalCount"] == 3
    # Across institutions, latest issued first.
    assert [(n["id"], n["institution"]["name"], n["issuedOn"]) for n in mine["nodes"]] == [
        (later["id"], "湖南大学", "2023-03-01"),
        (held_diploma["id"], "长沙理工大学", "2022-06-30"),
        (held_course["id"], "长沙理工大学", "2021-07-01"),
    ]
    course_row = mine["nodes"][2]
    assert (course_row["achievementName"], course_row["score"], course_row["earnedCredits"]) == ("长理课程", "优秀", 3.0)
    assert {n["learner"]["name"] for n in mine["nodes"]} == {"毕志刚"}
    assert others["id"] not in str(mine)

    # A withdrawn record is no longer the learner's.
    await withdraw(api, csust, [held_diploma["id"]])
    mine = (await api(MY_ACHIEVEMENTS, {"first": 100}, token=token)).data["myAchievements"]
    assert [n["id"] for n in mine["nodes"]] == [later["id"], held_course["id"]]
    assert mine["totalCount"] == 2


async def test_f15_my_achievements_is_for_learners(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    for token in (csust, staff):
        assert (await api(MY_ACHIEVEMENTS, {"first": 10}, token=token)).error_codes == ["FORBIDDEN"]
    assert (await api(MY_ACHIEVEMENTS, {"first": 10})).error_codes == ["UNAUTHENTICATED"]


async def test_f15_a_learner_never_sees_other_learners(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_admin(api)
    course = await store_course(api, csust)
    hnu_course = await store_course(api, hnu, "湖大课程")
    own = await store_record(api, csust, course["id"], *ZHANG, "kc001")
    other = await store_record(api, csust, course["id"], *LI, "kc002")
    other_hnu = await store_record(api, hnu, hnu_course["id"], *LI, "hd002")
    await register(api, *ZHANG, ZHANG_PHONE)
    token = await learner_login(api, ZHANG[1])

    # Lists: only the learner's own rows, whatever the filter asks for.
    own_learner = await learners(api, token)
    assert [(n["id"], n["name"]) for n in own_learner] == [(own["learner"]["id"], "毕志刚")]
    assert await learners(api, token, {"idNumber": LI[1]}) == []
    assert await learners(api, token, {"name": "测试"}) == []
    assert await record_ids(api, token) == {own["id"]}
    assert await record_ids(api, token, {"idNumber": LI[1]}) == set()
    assert await record_ids(api, token, {"learnerName": "测试2"}) == set()
    assert await record_ids(api, token, {"achievementId": course["id"]}) == {own["id"]}
    assert await record_ids(api, token, {"learnerId": other["learner"]["id"]}) == set()
    everything = [await api(LEARNERS, {"first": 100}, token=token), await api(RECORDS, {"first": 100}, token=token)]
    for result in everything:
        assert LI[0] not in str(result.body) and masked(LI[1]) not in str(result.body)

    # Objects of other learners do not exist for them.
    for global_id in (other["id"], other_hnu["id"], other["learner"]["id"], other_hnu["learner"]["id"]):
        result = await api("query($id: ID!) { node(id: $id) { id } }", {"id": global_id}, token=token)
        assert result.error_codes == ["NOT_FOUND"], global_id
    own_node = await api("query($id: ID!) { node(id: $id) { id } }", {"id": own["id"]}, token=token)
    assert own_node.data == {"node": {"id": own["id"]}}

    # The institution's screens are closed to them: the full-ID detail, the account centre.
    for record_id in (own["id"], other["id"]):
        detail = await api(DETAIL, {"id": record_id}, token=token)
        assert detail.error_codes == ["FORBIDDEN"]
        assert LI[1] not in str(detail.body)
    assert (await api(OVERVIEW, token=token)).error_codes == ["FORBIDDEN"]

    # And they change nothing of the institution's.
    before = await snapshot()
    store = await api(STORE_RECORD, {"input": record_input(course["id"], *LI, "kc009")}, token=token)
    assert store.error_codes == ["FORBIDDEN"]
    assert (await withdraw_result(api, token, [own["id"], other["id"]])).error_codes == ["FORBIDDEN"]
    assert await snapshot() == before
