"""B9: sub-users can be limited to modules of the institution space."""

from __future__ import annotations

from resolvers.ids import encode_id
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, login

ADD = """mutation($input: AddSubUserInput!) { addSubUser(input: $input) { account { id modules } errors { code } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateSubUserInput!) { updateSubUser(id: $id, input: $input) {
  account { modules } errors { code } } }"""
CHANGE = """mutation($input: ChangeInitialPasswordInput!) { changeInitialPassword(input: $input) { errors { code } } }"""
LIST = "{ achievements { totalCount } }"
STORE = """mutation { storeAchievement(input: {subtype: VOCATIONAL_COURSE,
  course: {courseName: "课程", introduction: "简介"}}) { errors { code } } }"""


async def _limited_user(api: Api, modules: list[str]) -> tuple[str, str]:
    admin = await login(api, *CSUST)
    added = await api(ADD, {"input": {"username": "limited_user", "name": "受限用户", "phone": "13900000077",
                                      "password": "Limit2024", "passwordConfirmation": "Limit2024",
                                      "modules": modules}}, token=admin)
    user = added.ok("addSubUser")["account"]
    token = await login(api, "limited_user", "Limit2024")
    await api(CHANGE, {"input": {"newPassword": "Limit2025", "confirmation": "Limit2025"}}, token=token)
    return user["id"], token


async def test_b9_sub_user_limited_to_other_modules_cannot_reach_achievements(api: Api, demo: None) -> None:
    user_id, token = await _limited_user(api, ["CONVERSION_RULES"])
    before = await snapshot()
    assert (await api(LIST, token=token)).error_codes == ["MODULE_FORBIDDEN"]
    assert (await api(STORE, token=token)).error_codes == ["MODULE_FORBIDDEN"]
    assert await snapshot() == before

    admin = await login(api, *CSUST)
    widened = await api(UPDATE, {"id": user_id, "input": {"modules": ["CONVERSION_RULES", "ACHIEVEMENTS"]}}, token=admin)
    assert widened.ok("updateSubUser")["account"]["modules"] == ["ACHIEVEMENTS", "CONVERSION_RULES"]
    assert (await api(LIST, token=token)).data == {"achievements": {"totalCount": 0}}
    assert (await api(STORE, token=token)).data["storeAchievement"]["errors"] == []


async def test_b9_no_modules_means_every_module(api: Api, demo: None) -> None:
    _, token = await _limited_user(api, [])
    assert (await api(LIST, token=token)).data == {"achievements": {"totalCount": 0}}


# --- the edges of a module: what a limited sub-user reads (issue 13, one read policy) ------------

INSTITUTION = """{ me { institution { name schoolCode creditCode legalRepresentative contactName contactPhone
  contactEmail postcode address businessScope registrationStep registeredAt registrant { name maskedIdNumber } } } }"""
OVERVIEW = """{ accountOverview { achievements { total } learnerAchievements { total } rules { total } } }"""
DETAILS = ("creditCode", "legalRepresentative", "contactName", "contactPhone", "contactEmail", "postcode",
           "address", "businessScope", "registrationStep", "registeredAt", "registrant")


async def test_b9_institution_details_need_the_institution_info_module(api: Api, demo: None) -> None:
    """A sub-user with only 我的消息 sees its institution's name, not its credit code, legal
    representative, contacts or registrant; with 机构信息 it sees them all, as the main account does."""
    _, messages_only = await _limited_user(api, ["MESSAGES"])
    institution = (await api(INSTITUTION, token=messages_only)).data["me"]["institution"]
    assert (institution["name"], institution["schoolCode"]) == ("长沙理工大学", "4143010536")
    assert {field: institution[field] for field in DETAILS} == dict.fromkeys(DETAILS)

    admin = await login(api, *CSUST)
    full = (await api(INSTITUTION, token=admin)).data["me"]["institution"]
    assert full["creditCode"] == "91350100M000100Y43" and full["registrant"]["name"] == "张老师"
    user_id, _ = await _limited_user_again(api, admin, ["INSTITUTION_INFO"])
    info_user = await login(api, "info_user", "Limit2025")
    assert (await api(INSTITUTION, token=info_user)).data["me"]["institution"] == full


async def test_b9_each_account_overview_part_needs_its_module(api: Api, demo: None) -> None:
    """F3.1's counts are the totals of lists a sub-user may or may not open: each part needs the
    module of its list, and is null without it."""
    _, messages_only = await _limited_user(api, ["MESSAGES"])
    assert (await api(OVERVIEW, token=messages_only)).data["accountOverview"] == {
        "achievements": None, "learnerAchievements": None, "rules": None}
    admin = await login(api, *CSUST)
    await api(STORE, token=admin)
    await _limited_user_again(api, admin, ["ACHIEVEMENTS"])
    achievements_only = await login(api, "info_user", "Limit2025")
    assert (await api(OVERVIEW, token=achievements_only)).data["accountOverview"] == {
        "achievements": {"total": 1}, "learnerAchievements": {"total": 0}, "rules": None}
    assert (await api(OVERVIEW, token=admin)).data["accountOverview"] == {
        "achievements": {"total": 1}, "learnerAchievements": {"total": 0}, "rules": {"total": 0}}


async def test_b9_a_sub_user_reads_no_row_of_a_module_it_lacks(api: Api, demo: None) -> None:
    """``node(id:)`` refuses the institution's own achievement to a sub-user whose modules do not
    cover the catalogue — MODULE_FORBIDDEN, exactly as for an ID that matches nothing."""
    admin = await login(api, *CSUST)
    stored = await api("""mutation { storeAchievement(input: {subtype: VOCATIONAL_COURSE,
      course: {courseName: "模块边界课程", introduction: "简介"}}) { achievement { id } } }""", token=admin)
    achievement = stored.data["storeAchievement"]["achievement"]["id"]
    node = "query($id: ID!) { node(id: $id) { id ... on Achievement { name learnerCount } } }"
    _, messages_only = await _limited_user(api, ["MESSAGES"])
    refused = await api(node, {"id": achievement}, token=messages_only)
    nothing = await api(node, {"id": encode_id("Achievement", 999_999)}, token=messages_only)
    assert refused.error_codes == ["MODULE_FORBIDDEN"] and refused.body == nothing.body
    await _limited_user_again(api, admin, ["CONVERSION_RULES"])
    rule_maker = await login(api, "info_user", "Limit2025")
    # A rule maker picks targets from the catalogue; the holder counts stay with 成果及学员管理.
    assert (await api(node, {"id": achievement}, token=rule_maker)).data["node"] == {
        "id": achievement, "name": "模块边界课程", "learnerCount": None}


async def _limited_user_again(api: Api, admin: str, modules: list[str]) -> tuple[str, str]:
    """A second limited sub-user (``info_user``), past its first password change."""
    added = await api(ADD, {"input": {"username": "info_user", "name": "第二用户", "phone": "13900000078",
                                      "password": "Limit2024", "passwordConfirmation": "Limit2024",
                                      "modules": modules}}, token=admin)
    user = added.ok("addSubUser")["account"]
    token = await login(api, "info_user", "Limit2024")
    await api(CHANGE, {"input": {"newPassword": "Limit2025", "confirmation": "Limit2025"}}, token=token)
    return user["id"], token
