"""Login (F2.1), password-guessing throttle, the forced first password change of synced accounts (F2.2), logout."""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest_asyncio
from tortoise.timezone import now

from models.account import LoginThrottle
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, HNU_SYNCED, LOGIN, STAFF, login

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
    before = await snapshot(ignore=("login_throttle",))
    unknown = await api(LOGIN, {"account": "nobody", "password": "Whatever1"})
    wrong = await api(LOGIN, {"account": CSUST[0], "password": "Wrong2021"})
    assert unknown.payload("login")["errors"] == wrong.payload("login")["errors"]
    assert wrong.refused("login") == ["INVALID_CREDENTIALS"]
    assert wrong.payload("login")["token"] is None
    # Only the wrong-password counts changed; the account row is as it was.
    assert await snapshot(ignore=("login_throttle",)) == before


async def test_f2_1_empty_fields_are_named(api: Api, demo: None) -> None:
    result = await api(LOGIN, {"account": " ", "password": ""})
    assert {(e["field"], e["code"]) for e in result.payload("login")["errors"]} == {
        ("account", "REQUIRED"), ("password", "REQUIRED")
    }


# --- password guessing: throttled per (account, address), never a lock-out ----------------------

ATTACKER, OWNER = "203.0.113.66", "198.51.100.7"
UNKNOWN = "4143019999"  # no such account


@dataclass(frozen=True)
class Answer:
    """A login answer as a client sees it, to compare answers whole."""

    status: int
    retry_after: str | None
    body: str

    @property
    def outcome(self) -> str:
        data = json.loads(self.body)
        if data.get("errors"):
            return data["errors"][0]["extensions"]["code"]
        errors = data["data"]["login"]["errors"]
        return errors[0]["code"] if errors else "OK"

    @property
    def wait(self) -> int:
        assert self.outcome == "RATE_LIMITED" and self.status == 429, self
        (error,) = json.loads(self.body)["errors"]
        assert error["extensions"]["retryAfter"] == int(self.retry_after or 0)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error
        return int(self.retry_after or 0)


async def attempt(api: Api, account: str, password: str) -> Answer:
    result = await api(LOGIN, {"account": account, "password": password})
    response = result.response
    return Answer(response.status_code, response.headers.get("retry-after"), response.text)


async def outcomes(api: Api, account: str, count: int) -> list[str]:
    return [(await attempt(api, account, f"Guess{i}x1")).outcome for i in range(count)]


async def end_waits(account: str) -> None:
    """Let every wait on ``account`` run out now (instead of sleeping through it)."""
    await LoginThrottle.filter(account_name=account).update(blocked_until=now() - timedelta(seconds=1))


@pytest_asyncio.fixture
async def guarded(make_api: Callable[..., Any]) -> Api:
    # A first wait of a minute: no wait runs out by itself while a test is running.
    return await make_api(login_delay_seconds=60)


async def test_f2_1_owner_logs_in_from_another_address_while_an_attacker_hammers_the_account(
    guarded: Api, demo: None, from_address: Callable[[Api, str], Api]
) -> None:
    attacker, owner = from_address(guarded, ATTACKER), from_address(guarded, OWNER)
    hammered = await outcomes(attacker, CSUST[0], 30)
    token = await login(owner, *CSUST)
    assert (await owner(ME, token=token)).data["me"]["username"] == CSUST[0]

    assert hammered == ["INVALID_CREDENTIALS"] * 5 + ["RATE_LIMITED"] * 25
    # While it waits, the attacker's address gets no answer about any password, the right one included.
    before = await snapshot()
    assert (await attempt(attacker, *CSUST)).outcome == "RATE_LIMITED"
    assert await snapshot() == before
    # The owner signing in did not free the attacker's address.
    assert (await attempt(attacker, CSUST[0], "Guess99x1")).outcome == "RATE_LIMITED"


async def test_f2_1_an_attacking_address_waits_twice_as_long_after_each_further_failure(
    guarded: Api, demo: None, from_address: Callable[[Api, str], Api]
) -> None:
    attacker = from_address(guarded, ATTACKER)
    assert await outcomes(attacker, CSUST[0], 5) == ["INVALID_CREDENTIALS"] * 5
    waits = []
    for guess in range(7):
        waits.append((await attempt(attacker, CSUST[0], f"Again{guess}x1")).wait)
        # A refused attempt neither counts nor lengthens the wait.
        assert (await attempt(attacker, CSUST[0], f"Again{guess}x1")).wait == waits[-1]
        await end_waits(CSUST[0])
        assert (await attempt(attacker, CSUST[0], f"Later{guess}x1")).outcome == "INVALID_CREDENTIALS"
    # LOGIN_DELAY_SECONDS (60 here), doubled after each failure, up to LOGIN_MAX_DELAY_SECONDS (900).
    assert waits == [60, 120, 240, 480, 900, 900, 900]
    message = json.loads((await attempt(attacker, CSUST[0], "Again9x1")).body)["errors"][0]["message"]
    assert "15分钟" in message

    # Once the wait is over, the right password works from that address and starts it afresh.
    await end_waits(CSUST[0])
    assert await login(attacker, *CSUST)
    assert await outcomes(attacker, CSUST[0], 6) == ["INVALID_CREDENTIALS"] * 5 + ["RATE_LIMITED"]


async def test_f2_1_wrong_password_answers_alike_for_unknown_existing_and_throttled_accounts(
    guarded: Api, demo: None, from_address: Callable[[Api, str], Api]
) -> None:
    attacker = from_address(guarded, ATTACKER)
    # The same twelve wrong passwords, account by account from one address: the same answers,
    # byte for byte (a lock or a different code would tell that the account exists).
    existing = [await attempt(attacker, CSUST[0], f"Guess{i}x1") for i in range(12)]
    unknown = [await attempt(attacker, UNKNOWN, f"Guess{i}x1") for i in range(12)]
    assert existing == unknown
    assert [a.outcome for a in existing] == ["INVALID_CREDENTIALS"] * 5 + ["RATE_LIMITED"] * 7

    # From fresh addresses, the hammered account answers a wrong password as an unknown one does.
    hammered = await attempt(from_address(guarded, "198.51.100.8"), CSUST[0], "Wrong2021")
    nobody = await attempt(from_address(guarded, "198.51.100.9"), "nobody", "Wrong2021")
    assert hammered == nobody and hammered.outcome == "INVALID_CREDENTIALS"


async def test_f2_1_parallel_wrong_passwords_from_one_address_are_throttled(
    guarded: Api, demo: None, from_address: Callable[[Api, str], Api]
) -> None:
    for account, address in ((CSUST[0], ATTACKER), (UNKNOWN, "203.0.113.67")):
        attacker = from_address(guarded, address)
        answers = await asyncio.gather(*(attempt(attacker, account, f"Guess{i}x1") for i in range(50)))
        seen = Counter(a.outcome for a in answers)
        assert seen == {"INVALID_CREDENTIALS": 5, "RATE_LIMITED": 45}, (account, seen)
    assert await login(from_address(guarded, OWNER), *CSUST)


async def test_f2_1_many_failing_addresses_slow_the_account_but_the_owner_still_gets_in(
    guarded: Api, demo: None, from_address: Callable[[Api, str], Api]
) -> None:
    """Past LOGIN_ACCOUNT_CEILING wrong passwords in 15 minutes from all addresses together, every
    address waits after its first failure instead of its fifth; nobody is locked out."""
    bots = [from_address(guarded, f"203.0.113.{n}") for n in range(1, 51)]
    for bot in bots:
        assert await outcomes(bot, CSUST[0], 1) == ["INVALID_CREDENTIALS"]
    fresh = from_address(guarded, "192.0.2.1")
    assert await outcomes(fresh, CSUST[0], 2) == ["INVALID_CREDENTIALS", "RATE_LIMITED"]
    assert await outcomes(bots[0], CSUST[0], 2) == ["INVALID_CREDENTIALS", "RATE_LIMITED"]
    # A wrong password from a new address answers as for an unknown account...
    slowed = await attempt(from_address(guarded, "192.0.2.2"), CSUST[0], "Wrong2021")
    nobody = await attempt(from_address(guarded, "192.0.2.3"), UNKNOWN, "Wrong2021")
    assert slowed == nobody
    # ...and the right one gets in.
    assert await login(from_address(guarded, OWNER), *CSUST)
    # Another account is not slowed.
    assert await outcomes(fresh, STAFF[0], 3) == ["INVALID_CREDENTIALS"] * 3


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
