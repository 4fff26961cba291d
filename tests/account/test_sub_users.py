"""F14.1 Sub-users (用户管理): add, list, modify, disable, enable, reset password, delete.

Every step goes through the GraphQL API; every refusal is shown to leave the database as it was.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.api import Api, GraphQLResult
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, LOGIN, STAFF, login

ACCOUNT = "id username name phone maskedPhone kind status modules allModules mustChangePassword"
ERRORS = "errors { field code message }"

ADD = f"""
mutation($input: AddSubUserInput!) {{
  addSubUser(input: $input) {{ account {{ {ACCOUNT} }} {ERRORS} }}
}}
"""
UPDATE = f"""
mutation($id: ID!, $input: UpdateSubUserInput!) {{
  updateSubUser(id: $id, input: $input) {{ account {{ {ACCOUNT} }} {ERRORS} }}
}}
"""
DISABLE = f"""
mutation($id: ID!) {{ disableSubUser(id: $id) {{ account {{ {ACCOUNT} }} {ERRORS} }} }}
"""
ENABLE = f"""
mutation($id: ID!) {{ enableSubUser(id: $id) {{ account {{ {ACCOUNT} }} {ERRORS} }} }}
"""
DELETE = f"""
mutation($id: ID!) {{ deleteSubUser(id: $id) {{ account {{ {ACCOUNT} }} {ERRORS} }} }}
"""
RESET = f"""
mutation($id: ID!) {{
  resetSubUserPassword(id: $id) {{ temporaryPassword account {{ {ACCOUNT} }} {ERRORS} }}
}}
"""
LIST = f"""
query($filter: SubUserFilter, $first: Int, $offset: Int) {{
  subUsers(filter: $filter, first: $first, offset: $offset) {{
    totalCount nodes {{ {ACCOUNT} }}
  }}
}}
"""
CHANGE_INITIAL = f"""
mutation($input: ChangeInitialPasswordInput!) {{
  changeInitialPassword(input: $input) {{ account {{ mustChangePassword }} {ERRORS} }}
}}
"""
ME = "{ me { id username status kind mustChangePassword institution { id name } } }"
NODE = "query($id: ID!) { node(id: $id) { id } }"

# Each mutation that manages one sub-user by ID, with the field its payload answers under.
BY_ID = [
    (UPDATE, "updateSubUser", {"input": {"name": "改名"}}),
    (DISABLE, "disableSubUser", {}),
    (ENABLE, "enableSubUser", {}),
    (RESET, "resetSubUserPassword", {}),
    (DELETE, "deleteSubUser", {}),
]


def new_user(**changes: Any) -> dict[str, Any]:
    values = {
        "username": "csust_wang",
        "name": "王老师",
        "phone": "13900000005",
        "password": "Wang2024ok",
        "passwordConfirmation": "Wang2024ok",
    }
    values.update(changes)
    return values


async def add_user(api: Api, token: str, **changes: Any) -> dict[str, Any]:
    result = await api(ADD, {"input": new_user(**changes)}, token=token)
    return result.ok("addSubUser")["account"]


async def sub_users(api: Api, token: str, filter: dict[str, Any] | None = None,
                    **page: Any) -> dict[str, Any]:
    result = await api(LIST, {"filter": filter, **page}, token=token)
    assert not result.errors, result.errors
    return result.data["subUsers"]


async def user_id(api: Api, token: str, username: str) -> str:
    found = await sub_users(api, token, {"username": username})
    [node] = [n for n in found["nodes"] if n["username"] == username]
    return node["id"]


async def login_result(api: Api, account: str, password: str) -> GraphQLResult:
    return await api(LOGIN, {"account": account, "password": password})


async def change_initial(api: Api, token: str, new_password: str) -> None:
    result = await api(
        CHANGE_INITIAL, {"input": {"newPassword": new_password, "confirmation": new_password}},
        token=token,
    )
    assert result.ok("changeInitialPassword")["account"]["mustChangePassword"] is False


def only_code(result: GraphQLResult) -> str:
    """The single GraphQL error code of a request refused as a whole (no data answered)."""
    assert result.data is None or all(v is None for v in result.data.values()), result.body
    assert len(result.errors) == 1, result.errors
    return result.error_codes[0]


# --- add and list ---------------------------------------------------------------------------


async def test_f14_1_add_sub_user_appears_in_list_and_logs_in(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    before = await sub_users(api, admin)

    added = await add_user(api, admin, modules=["ACHIEVEMENTS", "MESSAGES"])
    assert {k: v for k, v in added.items() if k != "id"} == {
        "username": "csust_wang", "name": "王老师", "phone": "13900000005",
        "maskedPhone": "139****0005", "kind": "INSTITUTION_USER", "status": "ACTIVE",
        "modules": ["ACHIEVEMENTS", "MESSAGES"], "allModules": False, "mustChangePassword": True,
    }

    after = await sub_users(api, admin)
    assert after["totalCount"] == before["totalCount"] + 1 == len(after["nodes"])
    assert added in after["nodes"]

    # The new user logs in with the password the main account chose, and must replace it.
    logged_in = (await login_result(api, "csust_wang", "Wang2024ok")).ok("login")
    assert logged_in["account"]["mustChangePassword"] is True
    me = (await api(ME, token=logged_in["token"])).data["me"]
    own = (await api(ME, token=admin)).data["me"]
    assert me["institution"] == own["institution"]
    assert me["kind"] == "INSTITUTION_USER"


async def test_f14_1_phone_is_normalised_and_modules_default_to_none(api: Api, demo: None) -> None:
    """B9 (issue 14): no module chosen is no module; every module is the explicit allModules."""
    admin = await login(api, *CSUST)
    added = await add_user(api, admin, phone="+86 139-0000-0006")
    assert added["phone"] == "13900000006"
    assert (added["modules"], added["allModules"]) == ([], False)


async def test_f14_1_list_filters_and_total_count(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    await add_user(api, admin, username="csust_zhao", name="赵老师")
    await add_user(api, admin, username="csust_zhaoyun", name="赵云", phone="13900000007")
    qian = await add_user(api, admin, username="qian_admin", name="钱老师", phone="13900000008")
    (await api(DISABLE, {"id": qian["id"]}, token=admin)).ok("disableSubUser")

    everyone = await sub_users(api, admin)
    assert everyone["totalCount"] == 4 == len(everyone["nodes"])
    # The main account itself is not one of its sub-users; the newest comes first.
    assert [n["username"] for n in everyone["nodes"]] == [
        "qian_admin", "csust_zhaoyun", "csust_zhao", CSUST_TEACHER[0]
    ]
    assert teacher_id == everyone["nodes"][-1]["id"]

    async def usernames(filter: dict[str, Any]) -> list[str]:
        found = await sub_users(api, admin, filter)
        assert found["totalCount"] == len(found["nodes"])
        return sorted(n["username"] for n in found["nodes"])

    assert await usernames({"name": "赵"}) == ["csust_zhao", "csust_zhaoyun"]
    assert await usernames({"name": " 赵云 "}) == ["csust_zhaoyun"]
    assert await usernames({"username": "ZHAO"}) == ["csust_zhao", "csust_zhaoyun"]
    assert await usernames({"status": "DISABLED"}) == ["qian_admin"]
    assert await usernames({"status": "ACTIVE"}) == sorted(
        ["csust_zhao", "csust_zhaoyun", CSUST_TEACHER[0]]
    )
    assert await usernames({"name": "赵", "username": "yun"}) == ["csust_zhaoyun"]
    assert await usernames({"name": "nobody"}) == []

    # totalCount counts the whole filter, not the page.
    page = await sub_users(api, admin, {"username": "csust"}, first=2, offset=1)
    assert page["totalCount"] == 3
    assert [n["username"] for n in page["nodes"]] == ["csust_zhao", CSUST_TEACHER[0]]


# --- modify ---------------------------------------------------------------------------------


async def test_f14_1_modify_changes_only_the_given_fields(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    added = await add_user(api, admin, modules=["MESSAGES"])

    renamed = (await api(UPDATE, {"id": added["id"], "input": {"name": " 王二 "}}, token=admin))
    account = renamed.ok("updateSubUser")["account"]
    assert account == {**added, "name": "王二"}

    changed = await api(
        UPDATE,
        {"id": added["id"], "input": {"phone": "13700000001", "modules": ["ACHIEVEMENTS"]}},
        token=admin,
    )
    account = changed.ok("updateSubUser")["account"]
    assert account == {**added, "name": "王二", "phone": "13700000001",
                       "maskedPhone": "137****0001", "modules": ["ACHIEVEMENTS"]}

    # An empty list means no module (issue 14), not every module.
    cleared = await api(UPDATE, {"id": added["id"], "input": {"modules": []}}, token=admin)
    assert cleared.ok("updateSubUser")["account"]["modules"] == []
    assert cleared.ok("updateSubUser")["account"]["allModules"] is False

    listed = await sub_users(api, admin, {"username": "csust_wang"})
    assert listed["nodes"] == [{**account, "modules": []}]


# --- disable and enable ---------------------------------------------------------------------


async def test_f14_1_disabled_user_token_fails_on_next_request(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    other_device = await login(api, *CSUST_TEACHER)
    me = (await api(ME, token=teacher)).data["me"]
    assert me["status"] == "ACTIVE"

    disabled = (await api(DISABLE, {"id": me["id"]}, token=admin)).ok("disableSubUser")
    assert disabled["account"]["status"] == "DISABLED"

    # The very next request with either token is refused.
    assert only_code(await api(ME, token=teacher)) == "UNAUTHENTICATED"
    assert only_code(await api(ME, token=other_device)) == "UNAUTHENTICATED"
    assert only_code(await api(NODE, {"id": me["institution"]["id"]}, token=teacher)) == (
        "UNAUTHENTICATED"
    )
    listed = await sub_users(api, admin, {"status": "DISABLED"})
    assert [n["id"] for n in listed["nodes"]] == [me["id"]]


async def test_f14_1_disabled_user_cannot_log_in(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    (await api(DISABLE, {"id": teacher_id}, token=admin)).ok("disableSubUser")

    before = await snapshot()
    result = await login_result(api, *CSUST_TEACHER)
    assert result.refused("login") == ["ACCOUNT_DISABLED"]
    assert result.payload("login")["token"] is None
    assert await snapshot() == before


async def test_f14_1_disable_twice_is_refused(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    (await api(DISABLE, {"id": teacher_id}, token=admin)).ok("disableSubUser")

    before = await snapshot()
    again = await api(DISABLE, {"id": teacher_id}, token=admin)
    assert again.refused("disableSubUser") == ["USER_STATE"]
    assert await snapshot() == before


async def test_f14_1_enable_lets_the_user_back_in_but_old_tokens_stay_dead(
    api: Api, demo: None
) -> None:
    admin = await login(api, *CSUST)
    old_token = await login(api, *CSUST_TEACHER)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])

    before = await snapshot()
    active = await api(ENABLE, {"id": teacher_id}, token=admin)
    assert active.refused("enableSubUser") == ["USER_STATE"]
    assert await snapshot() == before

    (await api(DISABLE, {"id": teacher_id}, token=admin)).ok("disableSubUser")
    enabled = (await api(ENABLE, {"id": teacher_id}, token=admin)).ok("enableSubUser")
    assert enabled["account"]["status"] == "ACTIVE"

    # The token revoked by disabling does not come back to life.
    assert only_code(await api(ME, token=old_token)) == "UNAUTHENTICATED"
    new_token = await login(api, *CSUST_TEACHER)
    assert (await api(ME, token=new_token)).data["me"]["id"] == teacher_id
    listed = await sub_users(api, admin, {"status": "ACTIVE", "username": CSUST_TEACHER[0]})
    assert [n["id"] for n in listed["nodes"]] == [teacher_id]


# --- reset password -------------------------------------------------------------------------


async def test_f14_1_reset_password_returns_a_temporary_password_once(
    api: Api, demo: None
) -> None:
    admin = await login(api, *CSUST)
    old_token = await login(api, *CSUST_TEACHER)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])

    reset = (await api(RESET, {"id": teacher_id}, token=admin)).ok("resetSubUserPassword")
    temporary = reset["temporaryPassword"]
    assert temporary and 8 <= len(temporary) <= 16
    assert any(c.isdigit() for c in temporary) and any(c.isalpha() for c in temporary)
    assert reset["account"]["id"] == teacher_id
    assert reset["account"]["mustChangePassword"] is True

    # Shown once: it is stored nowhere in clear text, so no query can show it again.
    state = await snapshot()
    assert temporary not in repr(state)
    # A second reset gives a different password and the first one no longer works.
    second = (await api(RESET, {"id": teacher_id}, token=admin)).ok("resetSubUserPassword")
    assert second["temporaryPassword"] != temporary
    first_again = await login_result(api, CSUST_TEACHER[0], temporary)
    assert first_again.refused("login") == ["INVALID_CREDENTIALS"]
    temporary = second["temporaryPassword"]

    # The session opened before the reset is over, and the old password stops working.
    assert only_code(await api(ME, token=old_token)) == "UNAUTHENTICATED"
    old_password = await login_result(api, *CSUST_TEACHER)
    assert old_password.refused("login") == ["INVALID_CREDENTIALS"]

    logged_in = (await login_result(api, CSUST_TEACHER[0], temporary)).ok("login")
    assert logged_in["account"]["mustChangePassword"] is True
    token = logged_in["token"]
    me = (await api(ME, token=token)).data["me"]
    assert me["mustChangePassword"] is True

    # Every other field answers FORBIDDEN / PASSWORD_CHANGE_REQUIRED until the password changes.
    before = await snapshot()
    for query, variables in [
        (NODE, {"id": me["institution"]["id"]}),
        (NODE, {"id": me["id"]}),
        (LIST, {}),
    ]:
        refused = await api(query, variables, token=token)
        assert only_code(refused) == "PASSWORD_CHANGE_REQUIRED", query
        assert "密码" in refused.errors[0]["message"]
    assert await snapshot() == before

    await change_initial(api, token, "Teacher2025")
    assert (await api(NODE, {"id": me["institution"]["id"]}, token=token)).data["node"] == {
        "id": me["institution"]["id"]
    }
    assert (await login_result(api, CSUST_TEACHER[0], temporary)).refused("login") == [
        "INVALID_CREDENTIALS"
    ]
    assert await login(api, CSUST_TEACHER[0], "Teacher2025")


# --- delete ---------------------------------------------------------------------------------


async def test_f14_1_deleted_user_token_fails_at_once_and_user_is_gone(
    api: Api, demo: None
) -> None:
    admin = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    await add_user(api, admin)
    before_list = await sub_users(api, admin)

    deleted = (await api(DELETE, {"id": teacher_id}, token=admin)).ok("deleteSubUser")
    assert deleted["account"]["id"] == teacher_id

    assert only_code(await api(ME, token=teacher)) == "UNAUTHENTICATED"
    after_list = await sub_users(api, admin)
    assert after_list["totalCount"] == before_list["totalCount"] - 1 == len(after_list["nodes"])
    assert teacher_id not in [n["id"] for n in after_list["nodes"]]
    for status in ("ACTIVE", "DISABLED", "DELETED"):
        filtered = await sub_users(api, admin, {"status": status, "username": CSUST_TEACHER[0]})
        assert filtered == {"totalCount": 0, "nodes": []}, status

    # A deleted account answers as an unknown one: the try counts as a wrong password, no more.
    before = await snapshot(ignore=("login_throttle",))
    result = await login_result(api, *CSUST_TEACHER)
    assert result.refused("login") == ["INVALID_CREDENTIALS"]
    assert await snapshot(ignore=("login_throttle",)) == before


async def test_f14_1_deleted_user_cannot_be_managed_any_more(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    (await api(DELETE, {"id": teacher_id}, token=admin)).ok("deleteSubUser")

    before = await snapshot()
    for mutation, field, extra in BY_ID:
        result = await api(mutation, {"id": teacher_id, **extra}, token=admin)
        assert only_code(result) == "NOT_FOUND", field
    assert await snapshot() == before


async def test_f14_1_deleted_user_is_not_found_through_node(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    found = await api(NODE, {"id": teacher_id}, token=admin)
    assert found.data["node"] == {"id": teacher_id}
    (await api(DELETE, {"id": teacher_id}, token=admin)).ok("deleteSubUser")

    gone = await api(NODE, {"id": teacher_id}, token=admin)
    assert only_code(gone) == "NOT_FOUND", gone.body


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("username", [CSUST_TEACHER[0], STAFF[0], "HNU_SYNCED"])
async def test_f14_1_duplicate_username_is_refused(api: Api, demo: None, username: str) -> None:
    admin = await login(api, *CSUST)
    if username == "HNU_SYNCED":
        # A sub-user of another institution holds the name: still taken, platform-wide.
        username = "hnu_teacher"
        hnu = await login(api, *HNU_SYNCED)
        await change_initial(api, hnu, "Hnu2024new")
        await add_user(api, hnu, username=username, phone="13900000011")

    before = await snapshot()
    result = await api(ADD, {"input": new_user(username=username)}, token=admin)
    assert result.refused("addSubUser") == ["USERNAME_TAKEN"]
    assert result.payload("addSubUser")["errors"][0]["field"] == "username"
    assert result.payload("addSubUser")["account"] is None
    assert await snapshot() == before


async def test_f14_1_username_taken_by_adding_twice(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    await add_user(api, admin)
    before = await snapshot()
    again = await api(ADD, {"input": new_user(name="另一个", phone="13900000009")}, token=admin)
    assert again.refused("addSubUser") == ["USERNAME_TAKEN"]
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("username", "code"),
    [
        ("12345678", "INVALID_USERNAME"),
        (CSUST[0], "INVALID_USERNAME"),  # all digits: the form of a school's login
        ("ab1", "INVALID_USERNAME"),
        ("wang laoshi", "INVALID_USERNAME"),
        ("王老师abc", "INVALID_USERNAME"),
        ("a" * 33, "INVALID_USERNAME"),
        ("   ", "REQUIRED"),
    ],
)
async def test_f14_1_invalid_username_is_refused(
    api: Api, demo: None, username: str, code: str
) -> None:
    admin = await login(api, *CSUST)
    before = await snapshot()
    result = await api(ADD, {"input": new_user(username=username)}, token=admin)
    assert result.refused("addSubUser") == [code]
    assert result.payload("addSubUser")["errors"][0]["field"] == "username"
    assert await snapshot() == before


@pytest.mark.parametrize(
    "phone",
    [
        "12345678901", "1390000000", "139000000051", "1390000000a", "１３９００００００05",
        # ASCII "13" followed by full-width (IME) digits.
        pytest.param("13９００００００05", id="full-width-digits-after-13"),
    ],
)
async def test_f14_1_bad_phone_is_refused_on_add_and_modify(
    api: Api, demo: None, phone: str
) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])

    before = await snapshot()
    added = await api(ADD, {"input": new_user(phone=phone)}, token=admin)
    assert added.refused("addSubUser") == ["INVALID_PHONE"]
    assert added.payload("addSubUser")["errors"][0]["field"] == "phone"
    updated = await api(
        UPDATE, {"id": teacher_id, "input": {"name": "新名字", "phone": phone}}, token=admin
    )
    assert updated.refused("updateSubUser") == ["INVALID_PHONE"]
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("password", "confirmation", "field", "code"),
    [
        ("abcdefgh", "abcdefgh", "password", "PASSWORD_WEAK"),
        ("12345678", "12345678", "password", "PASSWORD_WEAK"),
        ("Ab1", "Ab1", "password", "PASSWORD_LENGTH"),
        ("Abcdefgh123456789", "Abcdefgh123456789", "password", "PASSWORD_LENGTH"),
        ("Abc 12345", "Abc 12345", "password", "PASSWORD_CHARACTERS"),
        ("Wang2024ok", "Wang2024no", "passwordConfirmation", "PASSWORD_MISMATCH"),
    ],
)
async def test_f14_1_weak_password_is_refused(
    api: Api, demo: None, password: str, confirmation: str, field: str, code: str
) -> None:
    admin = await login(api, *CSUST)
    before = await snapshot()
    result = await api(
        ADD, {"input": new_user(password=password, passwordConfirmation=confirmation)},
        token=admin,
    )
    errors = result.payload("addSubUser")["errors"]
    assert result.refused("addSubUser") == [code]
    assert errors[0]["field"] == field
    assert await snapshot() == before


async def test_f14_1_every_problem_is_reported_at_once(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    before = await snapshot()
    result = await api(
        ADD,
        {"input": new_user(username="1234", name="", phone="123", password="short",
                           passwordConfirmation="short")},
        token=admin,
    )
    result.refused("addSubUser")
    assert {(e["field"], e["code"]) for e in result.payload("addSubUser")["errors"]} == {
        ("username", "INVALID_USERNAME"), ("name", "REQUIRED"), ("phone", "INVALID_PHONE"),
        ("password", "PASSWORD_LENGTH"),
    }
    assert await snapshot() == before


async def test_f14_1_modify_refuses_empty_name_and_unknown_module(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])
    before = await snapshot()
    blank = await api(UPDATE, {"id": teacher_id, "input": {"name": "  "}}, token=admin)
    assert blank.refused("updateSubUser") == ["REQUIRED"]
    too_long = await api(UPDATE, {"id": teacher_id, "input": {"name": "长" * 33}}, token=admin)
    assert too_long.refused("updateSubUser") == ["TOO_LONG"]
    # An unknown module is not even a value of the enum: a field error, listing the choices.
    unknown = await api(UPDATE, {"id": teacher_id, "input": {"modules": ["NOPE"]}}, token=admin)
    assert unknown.refused("updateSubUser") == ["INVALID_CHOICE"]
    error = unknown.payload("updateSubUser")["errors"][0]
    assert error["field"] == "modules.0" and "NOPE" in error["message"]
    assert await snapshot() == before


# --- who may manage whom --------------------------------------------------------------------


async def test_f14_1_sub_user_cannot_manage_users(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    added = await add_user(api, admin)
    teacher = await login(api, *CSUST_TEACHER)
    teacher_id = (await api(ME, token=teacher)).data["me"]["id"]

    before = await snapshot()
    assert only_code(await api(LIST, {}, token=teacher)) == "FORBIDDEN"
    add = await api(ADD, {"input": new_user(username="sneaky_one")}, token=teacher)
    assert only_code(add) == "FORBIDDEN"
    for target in (added["id"], teacher_id):
        for mutation, field, extra in BY_ID:
            result = await api(mutation, {"id": target, **extra}, token=teacher)
            assert only_code(result) == "FORBIDDEN", field
            assert "主账户" in result.errors[0]["message"]
    assert await snapshot() == before
    # The teacher's own session is untouched by its refused attempts.
    assert (await api(ME, token=teacher)).data["me"]["status"] == "ACTIVE"


async def test_f14_1_staff_and_anonymous_cannot_manage_sub_users(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    teacher_id = await user_id(api, admin, CSUST_TEACHER[0])

    before = await snapshot()
    for token, code in [(staff, "FORBIDDEN"), (None, "UNAUTHENTICATED")]:
        assert only_code(await api(LIST, {}, token=token)) == code
        assert only_code(await api(ADD, {"input": new_user()}, token=token)) == code
        for mutation, field, extra in BY_ID:
            result = await api(mutation, {"id": teacher_id, **extra}, token=token)
            assert only_code(result) == code, (field, token)
    assert await snapshot() == before


async def test_f14_1_synced_account_must_change_password_before_managing_users(
    api: Api, demo: None
) -> None:
    hnu = await login(api, *HNU_SYNCED)
    before = await snapshot()
    assert only_code(await api(LIST, {}, token=hnu)) == "PASSWORD_CHANGE_REQUIRED"
    add = await api(ADD, {"input": new_user(username="hnu_early")}, token=hnu)
    assert only_code(add) == "PASSWORD_CHANGE_REQUIRED"
    assert await snapshot() == before


async def test_f14_1_another_institutions_user_is_not_found(api: Api, demo: None) -> None:
    # HNU's synced main account first replaces its initial password, then adds a sub-user.
    hnu = await login(api, *HNU_SYNCED)
    await change_initial(api, hnu, "Hnu2024new")
    hnu_user = await add_user(api, hnu, username="hnu_teacher", name="湖大老师",
                              phone="13900000010")
    hnu_user_token = await login(api, "hnu_teacher", "Wang2024ok")

    admin = await login(api, *CSUST)
    csust_list = await sub_users(api, admin)
    assert hnu_user["id"] not in [n["id"] for n in csust_list["nodes"]]
    assert [n["id"] for n in (await sub_users(api, hnu))["nodes"]] == [hnu_user["id"]]

    before = await snapshot()
    disabled = await api(DISABLE, {"id": hnu_user["id"]}, token=admin)
    assert only_code(disabled) == "NOT_FOUND"
    for mutation, field, extra in BY_ID:
        result = await api(mutation, {"id": hnu_user["id"], **extra}, token=admin)
        assert only_code(result) == "NOT_FOUND", field
    assert await snapshot() == before

    # The other institution's user is untouched: still active, its session still works.
    me = (await api(ME, token=hnu_user_token)).data["me"]
    assert me["status"] == "ACTIVE" and me["id"] == hnu_user["id"]
    assert (await sub_users(api, hnu))["nodes"][0]["status"] == "ACTIVE"


async def test_f14_1_main_account_and_foreign_ids_are_not_sub_users(
    api: Api, demo: None
) -> None:
    admin = await login(api, *CSUST)
    me = (await api(ME, token=admin)).data["me"]
    staff = await login(api, *STAFF)
    staff_id = (await api(ME, token=staff)).data["me"]["id"]

    before = await snapshot()
    # Its own main account, a staff account, an ID of another type, and garbage.
    for target in (me["id"], staff_id, me["institution"]["id"], "not-an-id"):
        for mutation, field, extra in BY_ID:
            result = await api(mutation, {"id": target, **extra}, token=admin)
            assert only_code(result) == "NOT_FOUND", (field, target)
    assert await snapshot() == before
    assert (await api(ME, token=admin)).data["me"]["status"] == "ACTIVE"
