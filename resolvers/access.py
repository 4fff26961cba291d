"""Who may call what. Every resolver starts with one of these."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.account import Account, AccountKind, Module
from resolvers.errors import Forbidden, Unauthenticated
from resolvers.policy import Caller

if TYPE_CHECKING:
    from server.context import Context


def require_account(
    ctx: Context,
    *,
    allow_initial_password: bool = False,
    allow_incomplete_registration: bool = False,
) -> Account:
    if ctx.token_rejected:
        raise Unauthenticated("登录已失效，请重新登录")
    account = ctx.account
    if account is None:
        raise Unauthenticated()
    if account.must_change_password and not allow_initial_password and ctx.partner is None:
        raise Forbidden("请先修改初始密码", code="PASSWORD_CHANGE_REQUIRED")
    if (
        account.is_institution_member
        and not allow_incomplete_registration
        and not (account.institution and account.institution.is_registered)
    ):
        raise Forbidden("请先完成机构注册", code="REGISTRATION_INCOMPLETE")
    return account


def require_institution_member(ctx: Context, module: Module | None = None, *, staff: bool = False) -> Account:
    """A user of a registered institution (or, with ``staff``, bank staff too); a sub-user must
    hold ``module`` (B9: those it was given, or all; an empty list is none)."""
    account = require_account(ctx)
    if staff and account.kind == AccountKind.STAFF:
        return account
    if not account.is_institution_member:
        raise Forbidden()
    if module is not None and not Caller(account).holds(module):
        raise Forbidden("没有该模块的权限", code="MODULE_FORBIDDEN")
    return account


def require_module(ctx: Context, module: Module) -> Account:
    """Anyone logged in; a limited sub-user only with ``module`` (B9). For the lists every kind
    of caller uses (each sees the rows the read policy gives them)."""
    account = require_account(ctx)
    if account.is_institution_member:
        require_institution_member(ctx, module)
    return account


def require_learner(ctx: Context, message: str = "只有学员可以进行此操作") -> Account:
    account = require_account(ctx)
    if account.kind != AccountKind.LEARNER:
        raise Forbidden(message)
    return account


def require_institution_admin(ctx: Context) -> Account:
    account = require_account(ctx)
    if account.kind != AccountKind.INSTITUTION_ADMIN:
        raise Forbidden("只有院校主账户可以进行此操作")
    return account


def require_trail_reader(ctx: Context) -> Account:
    """The audit trail and partner calls: bank staff, and an institution's main account signed in
    itself — not its sub-users (no module covers what every colleague did), not a partner key
    acting as it (the trail watches what partners do)."""
    account = require_account(ctx)
    if account.kind == AccountKind.STAFF:
        return account
    if account.kind != AccountKind.INSTITUTION_ADMIN or ctx.partner is not None:
        raise Forbidden("只有院校主账户和学分银行工作人员可以查看操作日志")
    return account


def require_staff(ctx: Context) -> Account:
    account = require_account(ctx)
    if account.kind != AccountKind.STAFF:
        raise Forbidden("只有学分银行工作人员可以进行此操作")
    return account
