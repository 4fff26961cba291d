"""Changing the bound phone: login password, new phone, a code sent to it (F13.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from models.account import Account
from models.verification import CodePurpose
from resolvers import audit, checks, verification
from resolvers.access import require_account
from resolvers.account import throttle
from resolvers.errors import Code, Invalid, Problems
from validators.contact import mask_phone

if TYPE_CHECKING:
    from server.context import Context


async def change(ctx: Context, data: Any) -> Account:
    account = require_account(ctx)
    problems = Problems()
    if not data.password:
        problems.add("password", Code.REQUIRED)
    phone = checks.phone(problems, "newPhone", data.new_phone)
    if phone and phone == account.phone:
        problems.add("newPhone", Code.PHONE_UNCHANGED)
    problems.raise_any()
    # Guesses made with a stolen token count like failed logins from the same address.
    if not await throttle.check_password(ctx, account.username, account.password_hash, data.password):
        raise Invalid.one("password", Code.WRONG_PASSWORD, "登录密码错误")
    code = await verification.check_code(ctx, phone, CodePurpose.CHANGE_PHONE, data.code)
    async with in_transaction():
        await verification.consume(code)
        old = account.phone
        account.phone = phone
        await account.save(update_fields=["phone", "updated_at"])
        await audit.record(
            ctx, "account.phone_changed", account, old=mask_phone(old), new=mask_phone(phone)
        )
    return account
