"""Changing passwords: the forced first change of synced accounts (F2.2) and F13.2."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account
from models.verification import CodePurpose
from resolvers import audit, checks, verification
from resolvers.access import require_account
from resolvers.account import throttle
from resolvers.account.sessions import revoke_sessions
from resolvers.errors import Code, Invalid, Problems

if TYPE_CHECKING:
    from server.context import Context

# The initial password of accounts synced from the vocational skill certificate platform.
SYNCED_INITIAL_PASSWORD = "xfyh@123!"


async def change_initial(ctx: Context, data: Any) -> Account:
    account = require_account(ctx, allow_initial_password=True, allow_incomplete_registration=True)
    if not account.must_change_password:
        raise Invalid.one(None, Code.PASSWORD_CHANGE_NOT_REQUIRED)
    problems = Problems()
    checks.new_password(
        problems, "newPassword", data.new_password, data.confirmation, "confirmation"
    )
    if not problems.has("newPassword") and await ctx.services.passwords.verify(
        account.password_hash, data.new_password
    ):
        problems.add("newPassword", Code.PASSWORD_REUSED)
    problems.raise_any()
    await _set_password(ctx, account, data.new_password, "account.initial_password_changed")
    return account


async def change(ctx: Context, data: Any) -> Account:
    """Every problem of the form at once (F13.2). The code is checked even when the form has
    other problems (each submit uses one of its five checks); the old password only once the
    code is right, so a stolen token alone never learns whether a guess was right."""
    account = require_account(ctx)
    problems = Problems()
    if not data.old_password:
        problems.add("oldPassword", Code.REQUIRED)
    checks.new_password(
        problems, "newPassword", data.new_password, data.confirmation, "confirmation"
    )
    if data.old_password and data.new_password == data.old_password and not problems.has("newPassword"):
        problems.add("newPassword", Code.PASSWORD_REUSED)
    code = None
    if not account.phone:
        problems.add("code", Code.NO_BOUND_PHONE)
    else:
        try:
            code = await verification.check_code(ctx, account.phone, CodePurpose.CHANGE_PASSWORD, data.code)
        except Invalid as refusal:
            problems.items.extend(refusal.problems)
    # Guesses made with a stolen token count like failed logins from the same address.
    if code is not None and data.old_password and not await throttle.check_password(
        ctx, account.username, account.password_hash, data.old_password
    ):
        problems.add("oldPassword", Code.WRONG_PASSWORD, "原始密码错误")
    problems.raise_any()
    assert code is not None
    await _set_password(ctx, account, data.new_password, "account.password_changed", code)
    return account


async def _set_password(
    ctx: Context,
    account: Account,
    password: str,
    action: str,
    code: verification.VerificationCode | None = None,
) -> None:
    password_hash = await ctx.services.passwords.hash(password)
    async with in_transaction():
        if code is not None:
            await verification.consume(code)
        account.password_hash = password_hash
        account.must_change_password = False
        account.password_changed_at = now()
        await account.save(
            update_fields=["password_hash", "must_change_password", "password_changed_at",
                           "updated_at"]
        )
        # Other devices signed in with the old password are signed out.
        await revoke_sessions(ctx, account.id, keep=ctx.session)
        await audit.record(ctx, action, account)
