"""B9: sub-users can be limited to modules of the institution space."""

from __future__ import annotations

import pytest

from models.account import Account
from models.message import Message, MessageKind
from resolvers.ids import encode_id
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, STAFF, login
from tests.support.messages import grant_change

ADD = """mutation($input: AddSubUserInput!) { addSubUser(input: $input) {
  account { id modules } errors { code message } } }"""
UPDATE = """mutation($id: ID!, $input: UpdateSubUserInput!) { updateSubUser(id: $id, input: $input) {
  account { modules allModules } errors { field code message } } }"""
CHANGE = """mutation($input: ChangeInitialPasswordInput!) { changeInitialPassword(input: $input) { errors { code } } }"""
LIST = "{ achievements { totalCount } }"
STORE = """mutation { storeAchievement(input: {subtype: VOCATIONAL_COURSE,
  course: {courseName: "课程", introduction: "简介"}}) { errors { code } } }"""


async def _limited_user(api: Api, modules: list[str] | None, *, all_modules: bool = False) -> tuple[str, str]:
    admin = await login(api, *CSUST)
    added = await api(ADD, {"input": {"username": "limited_user", "name": "受限用户", "phone": "13900000077",
                                      "password": "Limit2024", "passwordConfirmation": "Limit2024",
                                      **_modules(modules, all_modules)}}, token=admin)
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


# Each module's lists (B9): a sub-user without the module gets MODULE_FORBIDDEN on every one.
MODULE_LISTS = {
    "ACHIEVEMENTS": ["{ achievements { totalCount } }", "{ learners { totalCount } }",
                     "{ learnerAchievements { totalCount } }", "{ feedbacks { totalCount } }"],
    "CONVERSION_RULES": ["{ conversionMethods { totalCount } }", "{ myConversionRules { totalCount } }"],
    "CONVERSION_REVIEW": ["{ receivedApplications { totalCount } }", "{ initiatedApplications { totalCount } }",
                          "{ applicationBatches { totalCount } }"],
    "MESSAGES": ["{ messages { totalCount } }", "{ unreadMessageCount }"],
}
ME = "{ me { username modules allModules institution { name creditCode } } }"


async def _reads(api: Api, token: str) -> dict[str, list[list[str]]]:
    """Each module's lists as the token reads them: the error codes of each (empty: readable)."""
    return {module: [(await api(query, token=token)).error_codes for query in queries]
            for module, queries in MODULE_LISTS.items()}


NONE: dict[str, list[list[str]]] = {module: [["MODULE_FORBIDDEN"]] * len(queries)
                                    for module, queries in MODULE_LISTS.items()}
EVERY: dict[str, list[list[str]]] = {module: [[]] * len(queries) for module, queries in MODULE_LISTS.items()}


@pytest.mark.parametrize("modules", [[], None])
async def test_b9_an_empty_module_list_grants_no_module(api: Api, demo: None, modules: list[str] | None) -> None:
    """An administrator who unticks every box (or sends none) restricts the sub-user to nothing:
    it may log in and read itself and its institution's name, but no module's list, the
    institution's details, nor its messages."""
    _, token = await _limited_user(api, modules)
    before = await snapshot(ignore=("session",))
    assert await _reads(api, token) == NONE
    me = await api(ME, token=token)
    assert me.data["me"] == {"username": "limited_user", "modules": [], "allModules": False,
                             "institution": {"name": "长沙理工大学", "creditCode": None}}
    assert (await api(STORE, token=token)).error_codes == ["MODULE_FORBIDDEN"]
    assert await snapshot(ignore=("session",)) == before


async def test_b9_all_modules_is_an_explicit_choice(api: Api, demo: None) -> None:
    """``allModules: true`` grants every module (those added later too); an update back to an
    empty list grants none; ``allModules`` beside a list of modules is refused."""
    admin = await login(api, *CSUST)
    user_id, token = await _limited_user(api, None, all_modules=True)
    assert await _reads(api, token) == EVERY
    assert (await api(ME, token=token)).data["me"]["allModules"] is True

    cleared = await api(UPDATE, {"id": user_id, "input": {"modules": []}}, token=admin)
    assert cleared.ok("updateSubUser")["account"] == {"modules": [], "allModules": False}
    assert await _reads(api, token) == NONE
    restored = await api(UPDATE, {"id": user_id, "input": {"allModules": True}}, token=admin)
    assert restored.ok("updateSubUser")["account"] == {"modules": [], "allModules": True}
    assert await _reads(api, token) == EVERY
    narrowed = await api(UPDATE, {"id": user_id, "input": {"modules": ["MESSAGES"]}}, token=admin)
    assert narrowed.ok("updateSubUser")["account"] == {"modules": ["MESSAGES"], "allModules": False}
    assert await _reads(api, token) == {**NONE, "MESSAGES": EVERY["MESSAGES"]}

    before = await snapshot()
    both = await api(UPDATE, {"id": user_id, "input": {"modules": ["MESSAGES"], "allModules": True}}, token=admin)
    assert [(e["field"], e["code"]) for e in both.data["updateSubUser"]["errors"]] == [
        ("allModules", "CONFLICTING_SELECTION")]
    added = await api(ADD, {"input": {"username": "both_user", "name": "两者", "phone": "13900000079",
                                      "password": "Limit2024", "passwordConfirmation": "Limit2024",
                                      "modules": ["ACHIEVEMENTS"], "allModules": True}}, token=admin)
    assert added.refused("addSubUser") == ["CONFLICTING_SELECTION"]
    assert await snapshot() == before
    # The main account itself always holds every module.
    assert (await api(ME, token=admin)).data["me"]["allModules"] is True


async def test_b9_messages_of_a_module_reach_only_sub_users_holding_it(api: Api, demo: None) -> None:
    """notify_institution picks recipients by module: a sub-user with no module gets nothing, one
    with every module gets the message."""
    admin, staff = await login(api, *CSUST), await login(api, *STAFF)
    await _limited_user(api, [])
    await _limited_user_again(api, admin, None, all_modules=True)
    await grant_change(api, staff, admin, "OTHER_NON_DEGREE")  # an ACHIEVEMENTS message
    told = set(await Message.filter(kind=MessageKind.GRANT_CHANGED).values_list("account_id", flat=True))
    ids = {name: (await Account.get(username=name)).id for name in ("limited_user", "info_user", CSUST[0])}
    assert told >= {ids["info_user"], ids[CSUST[0]]} and ids["limited_user"] not in told


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


def _modules(modules: list[str] | None, all_modules: bool) -> dict[str, object]:
    """The module part of an AddSubUserInput: ``modules`` left out when None."""
    chosen: dict[str, object] = {} if modules is None else {"modules": modules}
    return {**chosen, "allModules": True} if all_modules else chosen


async def _limited_user_again(api: Api, admin: str, modules: list[str] | None, *,
                              all_modules: bool = False) -> tuple[str, str]:
    """A second limited sub-user (``info_user``), past its first password change."""
    added = await api(ADD, {"input": {"username": "info_user", "name": "第二用户", "phone": "13900000078",
                                      "password": "Limit2024", "passwordConfirmation": "Limit2024",
                                      **_modules(modules, all_modules)}}, token=admin)
    user = added.ok("addSubUser")["account"]
    token = await login(api, "info_user", "Limit2024")
    await api(CHANGE, {"input": {"newPassword": "Limit2025", "confirmation": "Limit2025"}}, token=token)
    return user["id"], token
