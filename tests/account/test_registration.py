"""Registration in the manual's three steps (F1.1–F1.6)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from models.account import Account
from models.institution import Institution
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import LOGIN, code_for, directory_ids, login, send_code

START = """
mutation Start($input: StartRegistrationInput!) {
  startRegistration(input: $input) {
    token loginAccount
    account { username kind institution { name registrationStep } }
    errors { field code message }
  }
}
"""

REGISTRANT = """
mutation Registrant($input: RegistrantInput!) {
  submitRegistrant(input: $input) {
    account { name institution { registrationStep registrant { name certificateType maskedIdNumber } } }
    errors { field code message }
  }
}
"""

SAVE_DRAFT = """
mutation Save($input: InstitutionInfoInput!) {
  saveRegistrationDraft(input: $input) {
    institution { registrationStep contactName address postcode }
    errors { field code message }
  }
}
"""

COMPLETE = """
mutation Complete($input: InstitutionInfoInput!) {
  completeRegistration(input: $input) {
    loginAccount
    account { institution { registrationStep registeredAt name } }
    errors { field code message }
  }
}
"""

ME = "{ me { username institution { registrationStep contactName address } } }"

FULL_INFO = {
    "schoolType": "本科",
    "legalRepresentative": "刘校长",
    "contactName": "陈老师",
    "contactPhone": "13900000001",
    "contactEmail": "chen@hunau.example.cn",
    "postcode": "410128",
    "address": "湖南省长沙市芙蓉区农大路1号",
    "businessScope": "高等学历教育",
    "creditCode": "91350100M000100Y43",
}

HUNAU = "4143010537"  # 湖南农业大学: in the demo directory, not registered
PHONE = "13900000001"


async def start_input(api: Api, **changes: Any) -> dict[str, Any]:
    provinces, schools = await directory_ids(api)
    values = {
        "provinceId": provinces["430000"],
        "schoolId": schools[HUNAU],
        "schoolCode": HUNAU,
        "password": "Hunau2024",
        "passwordConfirmation": "Hunau2024",
        "phone": PHONE,
        "code": "",
        "agreementAccepted": True,
    }
    values.update(changes)
    return values


async def start(api: Api, **changes: Any) -> dict[str, Any]:
    code = await code_for(api, "REGISTER", changes.get("phone", PHONE))
    values = await start_input(api, code=code, **changes)
    return (await api(START, {"input": values})).payload("startRegistration")


async def test_f1_1_school_list_is_filtered_by_province(api: Api, demo: None) -> None:
    provinces, _ = await directory_ids(api)
    result = await api(
        "query($p: ID!) { schools(filter: {provinceId: $p}, first: 100) { totalCount nodes { name province { code } } } }",
        {"p": provinces["110000"]},
    )
    schools = result.data["schools"]
    assert {s["name"] for s in schools["nodes"]} == {"北京大学", "清华大学"}
    assert {s["province"]["code"] for s in schools["nodes"]} == {"110000"}
    assert schools["totalCount"] == 2


async def test_f1_1_f1_2_f1_3_f1_4_f1_5_full_registration(api: Api, demo: None) -> None:
    started = await start(api)
    assert started["errors"] == []
    assert started["loginAccount"] == HUNAU
    assert started["account"]["kind"] == "INSTITUTION_ADMIN"
    assert started["account"]["institution"] == {"name": "湖南农业大学", "registrationStep": "REGISTRANT"}
    token = started["token"]

    registrant = await api(
        REGISTRANT, {"input": {"name": "陈老师", "idNumber": "632323190605260922"}}, token=token
    )
    account = registrant.ok("submitRegistrant")["account"]
    assert account["name"] == "陈老师"
    assert account["institution"]["registrationStep"] == "INSTITUTION_INFO"
    assert account["institution"]["registrant"] == {
        "name": "陈老师", "certificateType": "RESIDENT_ID", "maskedIdNumber": "632323*****0922",
    }

    completed = (await api(COMPLETE, {"input": FULL_INFO}, token=token)).ok("completeRegistration")
    assert completed["loginAccount"] == HUNAU
    assert completed["account"]["institution"]["registrationStep"] == "COMPLETE"
    assert completed["account"]["institution"]["registeredAt"].endswith("+08:00")

    fresh = await login(api, HUNAU, "Hunau2024")
    me = (await api("{ me { institution { name contactEmail creditCode } } }", token=fresh)).data
    assert me["me"]["institution"] == {
        "name": "湖南农业大学", "contactEmail": "chen@hunau.example.cn", "creditCode": "91350100M000100Y43",
    }


async def test_f1_5_draft_is_kept_and_resumed_after_login(api: Api, demo: None) -> None:
    token = (await start(api))["token"]
    await api(REGISTRANT, {"input": {"name": "陈老师", "idNumber": "632323190605260922"}}, token=token)
    draft = {"contactName": "陈老师", "address": "湖南省长沙市芙蓉区农大路1号"}
    saved = (await api(SAVE_DRAFT, {"input": draft}, token=token)).ok("saveRegistrationDraft")
    assert saved["institution"]["registrationStep"] == "INSTITUTION_INFO"

    await api("mutation { logout { ok errors { code } } }", token=token)
    resumed = await login(api, HUNAU, "Hunau2024")
    me = (await api(ME, token=resumed)).data["me"]
    assert me["institution"] == {
        "registrationStep": "INSTITUTION_INFO", "contactName": "陈老师",
        "address": "湖南省长沙市芙蓉区农大路1号",
    }
    # Until registration completes, the institution space is closed.
    closed = await api("{ subUsers { totalCount } }", token=resumed)
    assert closed.error_codes == ["REGISTRATION_INCOMPLETE"]

    rest = {k: v for k, v in FULL_INFO.items() if k not in draft}
    done = (await api(COMPLETE, {"input": rest}, token=resumed)).ok("completeRegistration")
    assert done["account"]["institution"]["registrationStep"] == "COMPLETE"
    assert (await api("{ subUsers { totalCount } }", token=resumed)).data == {"subUsers": {"totalCount": 0}}


async def test_f1_5_submit_requires_every_required_field(api: Api, demo: None) -> None:
    token = (await start(api))["token"]
    await api(REGISTRANT, {"input": {"name": "陈老师", "idNumber": "632323190605260922"}}, token=token)
    before = await snapshot()
    refused = await api(
        COMPLETE, {"input": {"contactName": "陈老师", "postcode": "4101", "contactEmail": "no-at-sign"}},
        token=token,
    )
    errors = {(e["field"], e["code"]) for e in refused.payload("completeRegistration")["errors"]}
    assert {("schoolType", "REQUIRED"), ("address", "REQUIRED"), ("businessScope", "REQUIRED"),
            ("legalRepresentative", "REQUIRED"), ("postcode", "INVALID_POSTCODE"),
            ("contactEmail", "INVALID_EMAIL")} <= errors
    assert await snapshot() == before


async def test_f1_5_steps_cannot_be_skipped(api: Api, demo: None) -> None:
    token = (await start(api))["token"]
    before = await snapshot()
    skipped = await api(COMPLETE, {"input": FULL_INFO}, token=token)
    assert skipped.refused("completeRegistration") == ["REGISTRATION_STEP"]
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("changes", "field", "code"),
    [
        ({"schoolCode": "4143010536"}, "schoolCode", "SCHOOL_CODE_MISMATCH"),
        ({"password": "short1", "passwordConfirmation": "short1"}, "password", "PASSWORD_LENGTH"),
        ({"password": "abcdefghijk", "passwordConfirmation": "abcdefghijk"}, "password", "PASSWORD_WEAK"),
        ({"password": "12345678901", "passwordConfirmation": "12345678901"}, "password", "PASSWORD_WEAK"),
        ({"password": "a1234567890123456", "passwordConfirmation": "a1234567890123456"}, "password", "PASSWORD_LENGTH"),
        ({"passwordConfirmation": "Hunau2025"}, "passwordConfirmation", "PASSWORD_MISMATCH"),
        ({"phone": "12345678901"}, "phone", "INVALID_PHONE"),
        ({"phone": "1390000000"}, "phone", "INVALID_PHONE"),
        ({"agreementAccepted": False}, "agreementAccepted", "AGREEMENT_REQUIRED"),
    ],
    ids=["school-code", "short-password", "no-digit", "no-letter", "long-password",
         "confirmation", "not-mobile", "ten-digits", "agreement"],
)
async def test_f1_1_f1_2_f1_3_bad_first_step_changes_nothing(
    api: Api, demo: None, changes: dict[str, Any], field: str, code: str
) -> None:
    sms = await code_for(api, "REGISTER", PHONE)
    values = await start_input(api, code=sms, **changes)
    before = await snapshot()
    result = await api(START, {"input": values})
    errors = result.payload("startRegistration")["errors"]
    assert (field, code) in {(e["field"], e["code"]) for e in errors}
    assert result.refused("startRegistration")
    assert await snapshot() == before


async def test_f1_1_school_of_another_province_is_refused(api: Api, demo: None) -> None:
    provinces, _ = await directory_ids(api)
    sms = await code_for(api, "REGISTER", PHONE)
    values = await start_input(api, code=sms, provinceId=provinces["110000"])
    before = await snapshot()
    result = await api(START, {"input": values})
    assert result.refused("startRegistration") == ["SCHOOL_NOT_IN_PROVINCE"]
    assert await snapshot() == before


async def test_f1_3_wrong_code_is_refused_and_counted(api: Api, demo: None) -> None:
    sms = await code_for(api, "REGISTER", PHONE)
    wrong = "000000" if sms != "000000" else "111111"
    values = await start_input(api, code=wrong)
    before = await snapshot(ignore=("verification_code",))
    result = await api(START, {"input": values})
    assert result.refused("startRegistration") == ["CODE_INVALID"]
    assert "4次" in result.payload("startRegistration")["errors"][0]["message"]
    assert await snapshot(ignore=("verification_code",)) == before
    # The right code still works afterwards.
    values["code"] = sms
    assert (await api(START, {"input": values})).ok("startRegistration")["token"]


async def test_f1_3_code_for_another_phone_does_not_work(api: Api, demo: None) -> None:
    other = await code_for(api, "REGISTER", "13900000099")
    values = await start_input(api, code=other)
    before = await snapshot(ignore=("verification_code",))
    assert (await api(START, {"input": values})).refused("startRegistration") == ["CODE_INVALID"]
    assert await snapshot(ignore=("verification_code",)) == before


@pytest.mark.parametrize(
    ("id_number", "code"),
    [
        ("632323190605260921", "ID_NUMBER_CHECK_DIGIT"),
        ("632323190613320922", "ID_NUMBER_BIRTH_DATE"),
        ("632323290605260922", "ID_NUMBER_BIRTH_DATE"),
        ("63232319060526092", "ID_NUMBER_SHAPE"),
    ],
    ids=["check-digit", "impossible-date", "future-birth", "seventeen-digits"],
)
async def test_f1_4_registrant_id_number_is_checked(
    api: Api, demo: None, id_number: str, code: str
) -> None:
    token = (await start(api))["token"]
    before = await snapshot()
    result = await api(REGISTRANT, {"input": {"name": "陈老师", "idNumber": id_number}}, token=token)
    assert result.refused("submitRegistrant") == [code]
    assert await snapshot() == before


async def test_f1_4_overlong_name_is_refused(api: Api, demo: None) -> None:
    token = (await start(api))["token"]
    before = await snapshot()
    result = await api(
        REGISTRANT, {"input": {"name": "陈" * 33, "idNumber": "632323190605260922"}}, token=token
    )
    assert result.refused("submitRegistrant") == ["TOO_LONG"]
    assert await snapshot() == before


async def test_f1_6_a_school_registers_only_once(api: Api, demo: None) -> None:
    assert (await start(api))["errors"] == []
    # A second registration of the same school, with another phone.
    before = await snapshot(ignore=("verification_code", "phone_send_slot", "outbound_message"))
    again = await start(api, phone="13900000002")
    assert [e["code"] for e in again["errors"]] == ["SCHOOL_ALREADY_REGISTERED"]
    assert await snapshot(ignore=("verification_code", "phone_send_slot", "outbound_message")) == before
    # The demo's registered school is refused the same way.
    _, schools = await directory_ids(api)
    csust = await start(api, phone="13900000003", schoolId=schools["4143010536"], schoolCode="4143010536")
    assert [e["code"] for e in csust["errors"]] == ["SCHOOL_ALREADY_REGISTERED"]


async def test_f1_6_two_registrations_racing_for_one_school(api: Api, demo: None) -> None:
    phones = ["13900000011", "13900000012"]
    inputs = [await start_input(api, phone=p, code=await code_for(api, "REGISTER", p)) for p in phones]
    results = await asyncio.gather(*(api(START, {"input": i}) for i in inputs))
    outcomes = sorted(
        "ok" if not r.payload("startRegistration")["errors"]
        else r.payload("startRegistration")["errors"][0]["code"]
        for r in results
    )
    assert outcomes == ["SCHOOL_ALREADY_REGISTERED", "ok"]
    assert await Institution.filter(school__code=HUNAU).count() == 1
    assert await Account.filter(username=HUNAU).count() == 1


async def test_f1_3_register_code_can_be_sent_without_login(api: Api, demo: None) -> None:
    sent = await send_code(api, "REGISTER", "+86 139-0000-0021")
    assert sent["errors"] == []
    assert sent["sentTo"] == "139****0021"
    assert sent["expiresInSeconds"] == 300
    assert sent["resendAfterSeconds"] == 60


async def test_f1_registered_account_logs_in_with_school_code(api: Api, demo: None) -> None:
    await start(api)
    result = await api(LOGIN, {"account": HUNAU, "password": "Hunau2024"})
    assert result.ok("login")["account"]["username"] == HUNAU
