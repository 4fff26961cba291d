"""Login (F2.1), lock-out, the forced first password change of synced accounts (F2.2), logout."""

from __future__ import annotations

from datetime import timedelta

from tortoise.timezone import now

from models.account import Account
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, HNU_SYNCED, LOGIN, login

ME = "{ me { username name mustChangePassword institution { name } } }"
CHANGE_INITIAL = """
mutation($input: ChangeInitialPasswordInput!) {
  changeInitialPassword(input: $input) { account { mustChangePassword } errors { field code message } }
}
"""


async def test_f2_1_login_returns_a_token_for_me(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    me = (await api(ME, token=token)).data["me"]
    assert me == {"username": "4143010536", "name": "张老师", "mustChangePassword": False,
                  "institution": {"name": "长沙理工大学"}}


async def test_f2_1_wrong_credentials_give_one_generic_error(api: Api, demo: None) -> None:
    before = await snapshot(ignore=("account",))
    unknown = await api(LOGIN, {"account": "nobody", "password": "Whatever1"})
    wrong = await api(LOGIN, {"account": CSUST[0], "password": "Wrong2021"})
    assert unknown.payload("login")["errors"] == wrong.payload("login")["errors"]
    assert wrong.refused("login") == ["INVALID_CREDENTIALS"]
    assert wrong.payload("login")["token"] is None
    assert await snapshot(ignore=("account",)) == before


async def test_f2_1_empty_fields_are_named(api: Api, demo: None) -> None:
    result = await api(LOGIN, {"account": " ", "password": ""})
    assert {(e["field"], e["code"]) for e in result.payload("login")["errors"]} == {
        ("account", "REQUIRED"), ("password", "REQUIRED")
    }


async def test_f2_1_ten_failures_in_fifteen_minutes_lock_the_account(api: Api, demo: None) -> None:
    for attempt in range(9):
        result = await api(LOGIN, {"account": CSUST[0], "password": f"Wrong{attempt}x1"})
        assert result.refused("login") == ["INVALID_CREDENTIALS"]
    tenth = await api(LOGIN, {"account": CSUST[0], "password": "Wrong10x1"})
    assert tenth.refused("login") == ["ACCOUNT_LOCKED"]
    assert "15分钟" in tenth.payload("login")["errors"][0]["message"]

    before = await snapshot()
    # Even the right password is refused while locked, and nothing is written.
    right = await api(LOGIN, {"account": CSUST[0], "password": CSUST[1]})
    assert right.refused("login") == ["ACCOUNT_LOCKED"]
    assert await snapshot() == before

    # Fifteen minutes later (moved by hand) the right password works again.
    await Account.filter(username=CSUST[0]).update(locked_until=now() - timedelta(seconds=1))
    assert await login(api, *CSUST)


async def test_f2_1_failures_outside_the_window_do_not_add_up(api: Api, demo: None) -> None:
    for attempt in range(9):
        await api(LOGIN, {"account": CSUST[0], "password": f"Wrong{attempt}x1"})
    await Account.filter(username=CSUST[0]).update(
        failed_window_start=now() - timedelta(minutes=16)
    )
    result = await api(LOGIN, {"account": CSUST[0], "password": "Wrong10x1"})
    assert result.refused("login") == ["INVALID_CREDENTIALS"]
    assert await login(api, *CSUST)


async def test_f2_2_synced_account_must_change_its_initial_password(api: Api, demo: None) -> None:
    result = await api(LOGIN, {"account": HNU_SYNCED[0], "password": "xfyh@123!"})
    payload = result.ok("login")
    assert payload["account"]["mustChangePassword"] is True
    token = payload["token"]

    assert (await api(ME, token=token)).data["me"]["mustChangePassword"] is True
    blocked = await api("{ subUsers { totalCount } }", token=token)
    assert blocked.error_codes == ["PASSWORD_CHANGE_REQUIRED"]

    before = await snapshot()
    same = await api(CHANGE_INITIAL, {"input": {"newPassword": "xfyh@123!", "confirmation": "xfyh@123!"}}, token=token)
    assert same.refused("changeInitialPassword") == ["PASSWORD_REUSED"]
    weak = await api(CHANGE_INITIAL, {"input": {"newPassword": "onlyletters", "confirmation": "onlyletters"}}, token=token)
    assert weak.refused("changeInitialPassword") == ["PASSWORD_WEAK"]
    assert await snapshot() == before

    changed = await api(CHANGE_INITIAL, {"input": {"newPassword": "Hnu2024new", "confirmation": "Hnu2024new"}}, token=token)
    assert changed.ok("changeInitialPassword")["account"]["mustChangePassword"] is False
    assert (await api("{ subUsers { totalCount } }", token=token)).data["subUsers"]["totalCount"] == 0
    assert (await api(LOGIN, {"account": HNU_SYNCED[0], "password": "xfyh@123!"})).refused("login") == [
        "INVALID_CREDENTIALS"
    ]
    assert await login(api, HNU_SYNCED[0], "Hnu2024new")


async def test_f2_2_initial_password_change_is_only_for_flagged_accounts(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    result = await api(CHANGE_INITIAL, {"input": {"newPassword": "Csust2024", "confirmation": "Csust2024"}}, token=token)
    assert result.refused("changeInitialPassword") == ["PASSWORD_CHANGE_NOT_REQUIRED"]


async def test_f2_1_logout_revokes_the_token(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    other = await login(api, *CSUST)
    out = await api("mutation { logout { ok errors { code } } }", token=token)
    assert out.ok("logout")["ok"] is True
    assert (await api(ME, token=token)).error_codes == ["UNAUTHENTICATED"]
    assert (await api(ME, token=other)).data["me"]["username"] == CSUST[0]


async def test_f2_1_expired_token_is_rejected(api: Api, demo: None) -> None:
    from models.account import Session

    token = await login(api, *CSUST)
    await Session.all().update(expires_at=now() - timedelta(seconds=1))
    assert (await api(ME, token=token)).error_codes == ["UNAUTHENTICATED"]
