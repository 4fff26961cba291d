"""The account screens of the front-end kit, run as a front end runs them (docs/operations):
registration and login (manual 1.1, 1.2), the account centre (2.1), institution info (2.6.1)
and users (2.6.2)."""

from __future__ import annotations

from typing import Any

from tests.institution.test_info import png
from tests.support.flows import CSUST, HNU_SYNCED
from tests.support.operations import Operations, sms_code

HUNAU = "4143010537"  # 湖南农业大学: in the demo directory, not registered
HUNAU_PHONE = "13900000001"
INFO = {
    "schoolType": "本科", "legalRepresentative": "刘校长", "contactName": "陈老师",
    "contactPhone": "13900000001", "contactEmail": "chen@hunau.example.cn", "postcode": "410128",
    "address": "湖南省长沙市芙蓉区农大路1号", "businessScope": "高等学历教育",
    "creditCode": "91350100M000100Y43",
}


async def login(ops: Operations, account: str, password: str) -> dict[str, Any]:
    return await ops.ok("Login", {"input": {"account": account, "password": password}})


async def test_f1_registration_screens_three_steps_with_a_resumed_draft(ops: Operations, demo: None) -> None:
    labels = (await ops.data("EnumLabels", {"names": ["RegistrationStep"]}))["labels"]
    assert {v["value"]: v["label"] for v in labels[0]["values"]}["COMPLETE"]

    directory = await ops.data("RegistrationDirectory")
    hunan = next(p["id"] for p in directory["provinces"] if p["code"] == "430000")
    schools = (await ops.data("RegistrationDirectory", {"provinceId": hunan}))["schools"]["nodes"]
    school = next(s for s in schools if s["code"] == HUNAU)
    assert school["province"]["id"] == hunan

    code = await sms_code(ops, "REGISTER", HUNAU_PHONE)
    started = await ops.ok("StartRegistration", {"input": {
        "provinceId": hunan, "schoolId": school["id"], "schoolCode": HUNAU, "password": "Hunau2024",
        "passwordConfirmation": "Hunau2024", "phone": HUNAU_PHONE, "code": code, "agreementAccepted": True}})
    assert started["loginAccount"] == HUNAU
    token = started["token"]
    assert started["account"]["institution"]["registrationStep"] == "REGISTRANT"

    registrant = await ops.ok("SubmitRegistrant", {"input": {"name": "陈老师", "idNumber": "632323190605260922"}},
                              token=token)
    assert registrant["account"]["institution"]["registrant"]["maskedIdNumber"] == "632323*****0922"
    draft = await ops.ok("SaveRegistrationDraft", {"input": {"contactName": "陈老师"}}, token=token)
    assert draft["institution"]["registrationStep"] == "INSTITUTION_INFO"

    # 【保存】 then log in again later: the draft is where it was left.
    again = (await login(ops, HUNAU, "Hunau2024"))["token"]
    progress = (await ops.data("RegistrationProgress", token=again))["me"]["institution"]
    assert (progress["registrationStep"], progress["contactName"]) == ("INSTITUTION_INFO", "陈老师")
    completed = await ops.ok("CompleteRegistration", {"input": INFO}, token=again)
    assert completed["loginAccount"] == HUNAU
    assert completed["account"]["institution"]["registrationStep"] == "COMPLETE"


async def test_f2_f3_login_first_password_session_overview_and_logout(ops: Operations, demo: None) -> None:
    synced = await login(ops, *HNU_SYNCED)
    assert synced["account"]["mustChangePassword"] is True
    changed = await ops.ok("ChangeInitialPassword", {"input": {"newPassword": "Hnu2024new",
                                                               "confirmation": "Hnu2024new"}},
                           token=synced["token"])
    assert changed["account"]["mustChangePassword"] is False

    token = (await login(ops, *CSUST))["token"]
    session = await ops.data("Session", token=token)
    assert session["me"]["institution"]["schoolCode"] == CSUST[0]
    assert session["me"]["allModules"] is True and session["unreadMessageCount"] == 0
    overview = (await ops.data("AccountOverview", token=token))["accountOverview"]
    assert overview["achievements"] == {"total": 0, "nonDegree": 0, "degree": 0}
    assert overview["rules"]["total"] == 0

    assert (await ops.ok("Logout", token=token))["ok"] is True
    assert (await ops.api("{ me { id } }", token=token)).error_codes == ["UNAUTHENTICATED"]


async def test_f13_institution_info_edit_password_and_phone(ops: Operations, demo: None) -> None:
    token = (await login(ops, *CSUST))["token"]
    info = (await ops.data("InstitutionInfo", token=token))["me"]["institution"]
    assert info["schoolCode"] == CSUST[0] and info["avatarUrl"] is None

    updated = await ops.ok("UpdateInstitutionInfo", {"input": {"postcode": "410114", "avatar": None}},
                           token=token, files={"input.avatar": ("校徽.png", png(), "image/png")})
    assert updated["institution"]["postcode"] == "410114" and updated["institution"]["avatarUrl"]
    assert updated["institution"]["contactName"] == info["contactName"]  # only the fields given change

    code = await sms_code(ops, "CHANGE_PASSWORD", token=token, bound_phone="13800000001")
    await ops.ok("ChangePassword", {"input": {"oldPassword": CSUST[1], "newPassword": "Csust2025",
                                              "confirmation": "Csust2025", "code": code}}, token=token)
    token = (await login(ops, CSUST[0], "Csust2025"))["token"]

    code = await sms_code(ops, "CHANGE_PHONE", "13900000077", token=token)
    changed = await ops.ok("ChangePhone", {"input": {"password": "Csust2025", "newPhone": "13900000077",
                                                     "code": code}}, token=token)
    assert changed["account"]["maskedPhone"] == "139****0077"


async def test_f14_users_add_modify_disable_enable_reset_delete(ops: Operations, demo: None) -> None:
    admin = (await login(ops, *CSUST))["token"]
    added = (await ops.ok("AddSubUser", {"input": {
        "username": "csust_records", "name": "赵老师", "phone": "13900000055", "password": "Records2024",
        "passwordConfirmation": "Records2024", "modules": ["ACHIEVEMENTS"], "allModules": False}},
        token=admin))["account"]
    assert added["modules"] == ["ACHIEVEMENTS"] and added["mustChangePassword"] is True
    listed = (await ops.data("SubUsers", {"filter": {"username": "csust_records"}}, token=admin))["subUsers"]
    assert [u["id"] for u in listed["nodes"]] == [added["id"]]

    updated = await ops.ok("UpdateSubUser", {"id": added["id"], "input": {
        "modules": ["ACHIEVEMENTS", "MESSAGES"]}}, token=admin)
    assert updated["account"]["modules"] == ["ACHIEVEMENTS", "MESSAGES"]
    assert (await ops.ok("DisableSubUser", {"id": added["id"]}, token=admin))["account"]["status"] == "DISABLED"
    assert (await ops.ok("EnableSubUser", {"id": added["id"]}, token=admin))["account"]["status"] == "ACTIVE"

    reset = await ops.ok("ResetSubUserPassword", {"id": added["id"]}, token=admin)
    first = await login(ops, "csust_records", reset["temporaryPassword"])
    assert first["account"]["mustChangePassword"] is True

    deleted = await ops.ok("DeleteSubUser", {"id": added["id"]}, token=admin)
    assert deleted["account"]["status"] == "DELETED"
    assert (await ops.data("SubUsers", {"filter": {"username": "csust_records"}},
                           token=admin))["subUsers"]["totalCount"] == 0
