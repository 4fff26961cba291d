"""Login (F2.1) with lock-out after repeated failures, and logout."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from tortoise.expressions import F
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountStatus
from resolvers import audit
from resolvers.access import require_account
from resolvers.account.sessions import open_session
from resolvers.errors import Code, Invalid, Problems
from resolvers.messages import revoke_live

if TYPE_CHECKING:
    from server.context import Context

MAX_FAILURES = 10
FAILURE_WINDOW = timedelta(minutes=15)
LOCK_DURATION = timedelta(minutes=15)


@dataclass
class LoggedIn:
    token: str
    account: Account


async def login(ctx: Context, account_name: str, password: str) -> LoggedIn:
    settings = ctx.settings
    await ctx.limit((f"login:ip:{ctx.ip}", settings.login_rate_per_address),
                    (f"login:account:{(account_name or '').strip()[:64]}", settings.login_rate_per_account))
    problems = Problems()
    if not (account_name or "").strip():
        problems.add("account", Code.REQUIRED, "请输入账号")
    if not password:
        problems.add("password", Code.REQUIRED, "请输入密码")
    problems.raise_any()

    account = (
        await Account.filter(username=account_name.strip())
        .exclude(status=AccountStatus.DELETED)
        .select_related("institution")
        .first()
    )
    if account is not None:
        refuse_if_locked(account)
    valid = await ctx.services.passwords.verify(account.password_hash if account else None, password)
    if account is None or not valid:
        if account is not None:
            await count_wrong_password(account)
        raise Invalid.one(None, Code.INVALID_CREDENTIALS)
    if account.status == AccountStatus.DISABLED:
        raise Invalid.one(None, Code.ACCOUNT_DISABLED)

    async with in_transaction():
        await Account.filter(id=account.id).update(
            failed_logins=0, failed_window_start=None, locked_until=None
        )
        token = await open_session(ctx, account)
        await audit.record(
            ctx, "account.login", account, actor=account, institution_id=account.institution_id
        )
    return LoggedIn(token=token, account=account)


async def logout(ctx: Context) -> None:
    account = require_account(ctx, allow_initial_password=True, allow_incomplete_registration=True)
    assert ctx.session is not None
    async with in_transaction():
        ctx.session.revoked_at = now()
        await ctx.session.save(update_fields=["revoked_at"])
        await audit.record(ctx, "account.logout", account)
    revoke_live(ctx, account.id, session_id=ctx.session.id)


def refuse_if_locked(account: Account) -> None:
    moment = now()
    if account.locked_until and account.locked_until > moment:
        raise _locked(account.locked_until - moment)


async def count_wrong_password(account: Account) -> None:
    """Count a wrong password (at login, or when a signed-in user confirms a change with it);
    the tenth inside the window locks the account and says so."""
    locked_for = await _count_failure(account)
    if locked_for is not None:
        raise _locked(locked_for)


async def _count_failure(account: Account) -> timedelta | None:
    moment = now()
    async with in_transaction():
        current = await Account.select_for_update().get(id=account.id)
        start = current.failed_window_start
        if start is None or start <= moment - FAILURE_WINDOW:
            await Account.filter(id=account.id).update(failed_logins=1, failed_window_start=moment)
            count = 1
        else:
            await Account.filter(id=account.id).update(failed_logins=F("failed_logins") + 1)
            count = current.failed_logins + 1
        if count >= MAX_FAILURES:
            await Account.filter(id=account.id).update(
                locked_until=moment + LOCK_DURATION, failed_logins=0, failed_window_start=None
            )
            return LOCK_DURATION
    return None


def _locked(remaining: timedelta) -> Invalid:
    minutes = max(1, -(-int(remaining.total_seconds()) // 60))
    return Invalid.one(None, Code.ACCOUNT_LOCKED, f"登录失败次数过多，账户已锁定，请{minutes}分钟后再试")
