"""Login (F2.1), throttled against password guessing (resolvers/account/throttle.py), and logout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountStatus
from resolvers import audit
from resolvers.access import require_account
from resolvers.account import throttle
from resolvers.account.sessions import open_session
from resolvers.errors import Code, Invalid, Problems
from resolvers.messages import revoke_live

if TYPE_CHECKING:
    from server.context import Context


@dataclass
class LoggedIn:
    token: str
    account: Account


async def login(ctx: Context, account_name: str, password: str) -> LoggedIn:
    await ctx.limit((f"login:ip:{ctx.ip}", ctx.settings.login_rate_per_address))
    problems = Problems()
    if not (account_name or "").strip():
        problems.add("account", Code.REQUIRED, "请输入账号")
    if not password:
        problems.add("password", Code.REQUIRED, "请输入密码")
    problems.raise_any()

    name = account_name.strip()
    account = (
        await Account.filter(username=name)
        .exclude(status=AccountStatus.DELETED)
        .select_related("institution")
        .first()
    )
    # Unknown, throttled elsewhere or not: a wrong password answers alike (and costs one hash).
    valid = await throttle.check_password(ctx, name, account.password_hash if account else None, password)
    if account is None or not valid:
        raise Invalid.one(None, Code.INVALID_CREDENTIALS)
    if account.status == AccountStatus.DISABLED:
        raise Invalid.one(None, Code.ACCOUNT_DISABLED)

    async with in_transaction():
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
