"""Sub-users of an institution (F14.1), managed by its main account.

Modules (B9): a sub-user uses the modules listed, or every module when given all (``allModules``,
an explicit choice); an empty list is none — it may log in but reads nothing of its institution.

A disabled or deleted user's sessions are revoked at once, and every request re-reads the
account's status, so their token fails on its very next request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountKind, AccountStatus, Module
from models.message import MessageKind
from resolvers import audit, checks, policy
from resolvers.access import require_institution_admin
from resolvers.account.sessions import revoke_sessions
from resolvers.errors import Code, Invalid, Problems
from resolvers.messages import modules_changed, notify
from server.security import new_temporary_password

if TYPE_CHECKING:
    from server.context import Context


def listed(ctx: Context, data: Any | None) -> QuerySet[Account]:
    require_institution_admin(ctx)
    query = policy.owned(ctx, Account).filter(kind=AccountKind.INSTITUTION_USER)
    if data is not None:
        if data.name:
            query = query.filter(name__icontains=data.name.strip())
        if data.username:
            query = query.filter(username__icontains=data.username.strip())
        if data.status:
            query = query.filter(status=data.status)
    return query.order_by("-id")


async def _own_sub_user(ctx: Context, user_id: object) -> Account:
    require_institution_admin(ctx)
    return await policy.get(ctx, Account, user_id, owned=True, kind=AccountKind.INSTITUTION_USER)


def _modules(problems: Problems, values: list[Any] | None) -> list[str]:
    modules: list[str] = []
    for value in values or []:
        try:
            modules.append(Module(value).value)
        except ValueError:
            problems.add("modules", Code.INVALID_MODULE)
    return sorted(set(modules))


def _module_choice(problems: Problems, values: list[Any] | None, all_modules: bool | None) -> list[str]:
    """The listed modules; ``allModules`` beside a non-empty list is ambiguous (issue 14)."""
    if all_modules and values:
        problems.add("allModules", Code.CONFLICTING_SELECTION,
                     "不能同时勾选模块并选择全部模块，请只选其一")
    return _modules(problems, values)


async def add(ctx: Context, data: Any) -> Account:
    admin = require_institution_admin(ctx)
    problems = Problems()
    username = checks.username(problems, "username", data.username)
    name = checks.text(problems, "name", data.name, 32)
    phone = checks.phone(problems, "phone", data.phone)
    checks.new_password(
        problems, "password", data.password, data.password_confirmation, "passwordConfirmation"
    )
    modules = _module_choice(problems, data.modules, data.all_modules)
    problems.raise_any()
    if await Account.exists(username=username):
        raise Invalid.one("username", Code.USERNAME_TAKEN)
    password_hash = await ctx.services.passwords.hash(data.password)
    try:
        async with in_transaction():
            user = await Account.create(
                username=username,
                password_hash=password_hash,
                kind=AccountKind.INSTITUTION_USER,
                institution_id=admin.institution_id,  # type: ignore[attr-defined]
                name=name,
                phone=phone,
                modules=modules,
                all_modules=bool(data.all_modules),
                # The main account chose this password: the user replaces it at first login.
                must_change_password=True,
            )
            await audit.record(ctx, "sub_user.add", user, username=username)
    except IntegrityError as exc:
        raise Invalid.one("username", Code.USERNAME_TAKEN) from exc
    return user


async def update(ctx: Context, user_id: object, data: Any) -> Account:
    user = await _own_sub_user(ctx, user_id)
    problems = Problems()
    changes: dict[str, Any] = {}
    if data.name is not None:
        changes["name"] = checks.text(problems, "name", data.name, 32)
    if data.phone is not None:
        changes["phone"] = checks.phone(problems, "phone", data.phone)
    modules = _module_choice(problems, data.modules, data.all_modules)
    if data.all_modules:
        changes.update(modules=[], all_modules=True)
    elif data.modules is not None:
        # Ticking modules is choosing them: a sub-user that had all now has only these.
        changes.update(modules=modules, all_modules=False)
    elif data.all_modules is False:
        changes["all_modules"] = False
    problems.raise_any()
    async with in_transaction():
        for attr, value in changes.items():
            setattr(user, attr, value)
        await user.save()
        await audit.record(ctx, "sub_user.update", user, fields=sorted(changes))
    if "modules" in changes:
        modules_changed(ctx, user.id)
    return user


async def set_status(ctx: Context, user_id: object, status: AccountStatus) -> Account:
    user = await _own_sub_user(ctx, user_id)
    allowed_from = {
        AccountStatus.DISABLED: AccountStatus.ACTIVE,
        AccountStatus.ACTIVE: AccountStatus.DISABLED,
    }
    if user.status != allowed_from[status]:
        raise Invalid.one(
            "id", Code.USER_STATE, "该用户已停用" if status == AccountStatus.DISABLED else "该用户已启用"
        )
    async with in_transaction():
        user.status = status
        await user.save(update_fields=["status", "updated_at"])
        if status == AccountStatus.DISABLED:
            await revoke_sessions(ctx, user.id)
        await audit.record(ctx, f"sub_user.{'disable' if status == AccountStatus.DISABLED else 'enable'}", user)
    return user


async def delete(ctx: Context, user_id: object) -> Account:
    user = await _own_sub_user(ctx, user_id)
    async with in_transaction():
        user.status = AccountStatus.DELETED
        user.deleted_at = now()
        await user.save(update_fields=["status", "deleted_at", "updated_at"])
        await revoke_sessions(ctx, user.id)
        await audit.record(ctx, "sub_user.delete", user)
    return user


@dataclass
class PasswordReset:
    user: Account
    temporary_password: str


async def reset_password(ctx: Context, user_id: object) -> PasswordReset:
    user = await _own_sub_user(ctx, user_id)
    temporary = new_temporary_password()
    password_hash = await ctx.services.passwords.hash(temporary)
    async with in_transaction():
        user.password_hash = password_hash
        user.must_change_password = True
        await user.save(update_fields=["password_hash", "must_change_password", "updated_at"])
        await revoke_sessions(ctx, user.id)
        await audit.record(ctx, "sub_user.reset_password", user)
        await notify(ctx, [user.id], MessageKind.PASSWORD_RESET, "您的登录密码已被院校管理员重置",
                     "请使用管理员告知的临时密码登录，并在首次登录时修改密码。",
                     institution_id=user.institution_id)  # type: ignore[attr-defined]
    return PasswordReset(user=user, temporary_password=temporary)
