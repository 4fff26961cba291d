"""Learner records of an institution (学员账户, F6): list, add, modify while 未激活, delete 未激活
ones without achievements, and the activation a learner's own registration brings (F15)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountKind, AccountStatus
from models.learner import Learner, LearnerAchievement, LearnerStatus, can_modify_learner
from resolvers import audit, checks, policy
from resolvers.batch import ItemResult, failed, not_found
from resolvers.dates import year_bounds
from resolvers.errors import Code, Invalid, Problems
from resolvers.learner import scope

if TYPE_CHECKING:
    from server.context import Context


def filtered(ctx: Context, data: Any | None) -> QuerySet[Learner]:
    query = scope.learners(ctx)
    if data is not None:
        if data.entry_year:
            start, end = year_bounds(data.entry_year)
            query = query.filter(created_at__gte=start, created_at__lt=end)
        if data.name:
            query = query.filter(name__icontains=data.name.strip())
        if data.id_number:
            query = query.filter(id_number__startswith=data.id_number.strip().upper())
        if data.status:
            query = query.filter(status=data.status)
    return query.order_by("-created_at", "-id")


async def registered_accounts(id_numbers: list[str]) -> dict[str, Account]:
    """Learner accounts registered with these ID numbers (their records start 已激活)."""
    accounts = await Account.filter(
        kind=AccountKind.LEARNER, username__in=id_numbers, status=AccountStatus.ACTIVE
    )
    return {account.username: account for account in accounts}


def activation(account: Account | None) -> dict[str, Any]:
    if account is None:
        return {"status": LearnerStatus.INACTIVE, "account_id": None, "phone": "", "activated_at": None}
    return {"status": LearnerStatus.ACTIVE, "account_id": account.id, "phone": account.phone,
            "activated_at": now()}


def check_person(problems: Problems, name: Any, id_number: Any) -> tuple[str, str]:
    return (checks.text(problems, "name", name, 32),
            checks.resident_id(problems, "idNumber", id_number))


async def add(ctx: Context, data: Any) -> Learner:
    account = scope.institution_member(ctx)
    problems = Problems()
    name, id_number = check_person(problems, data.name, data.id_number)
    problems.raise_any()
    institution_id = account.institution_id  # type: ignore[attr-defined]
    if await Learner.exists(institution_id=institution_id, id_number=id_number):
        raise Invalid.one("idNumber", Code.LEARNER_EXISTS)
    registered = (await registered_accounts([id_number])).get(id_number)
    try:
        async with in_transaction():
            learner = await Learner.create(
                institution_id=institution_id, name=name, id_number=id_number,
                created_by_id=account.id, **activation(registered),
            )
            await audit.record(ctx, "learner.add", learner)
    except IntegrityError as exc:
        raise Invalid.one("idNumber", Code.LEARNER_EXISTS) from exc
    return learner


async def _own(ctx: Context, learner_id: Any) -> Learner:
    scope.institution_member(ctx)
    return await policy.get(ctx, Learner, learner_id, owned=True)


async def update(ctx: Context, learner_id: Any, data: Any) -> Learner:
    learner = await _own(ctx, learner_id)
    if not can_modify_learner(learner.status):
        raise Invalid.one("id", Code.LEARNER_ACTIVATED)
    problems = Problems()
    name, id_number = check_person(problems, data.name, data.id_number)
    problems.raise_any()
    if id_number != learner.id_number and await Learner.exists(
        institution_id=learner.institution_id, id_number=id_number  # type: ignore[attr-defined]
    ):
        raise Invalid.one("idNumber", Code.LEARNER_EXISTS)
    registered = (await registered_accounts([id_number])).get(id_number)
    try:
        async with in_transaction():
            # Only while 未激活: a learner activated meanwhile is not overwritten.
            changed = await Learner.filter(id=learner.id, status=LearnerStatus.INACTIVE).update(
                name=name, id_number=id_number, updated_at=now(), **activation(registered)
            )
            if not changed:
                raise Invalid.one("id", Code.LEARNER_ACTIVATED)
            await audit.record(ctx, "learner.update", learner, before=learner.name, after=name)
    except IntegrityError as exc:
        raise Invalid.one("idNumber", Code.LEARNER_EXISTS) from exc
    await learner.refresh_from_db()
    return learner


async def delete_many(ctx: Context, ids: list[Any]) -> list[ItemResult]:
    scope.institution_member(ctx)
    results: list[ItemResult] = []
    async with in_transaction():
        for item_id in ids:
            learner = await policy.owned(ctx, Learner).filter(id=policy.pk_of(Learner, item_id)).first()
            if learner is None:
                results.append(not_found(item_id))
            elif not can_modify_learner(learner.status):
                results.append(failed(item_id, Code.LEARNER_ACTIVATED,
                                      f"学员“{learner.name}”已激活，不能删除"))
            elif await LearnerAchievement.exists(learner_id=learner.id):
                results.append(failed(item_id, Code.LEARNER_HAS_ACHIEVEMENTS,
                                      f"学员“{learner.name}”已关联成果，不能删除"))
            else:
                await audit.record(ctx, "learner.delete", learner, name=learner.name)
                await learner.delete()
                results.append(ItemResult(item_id))
    return results


async def activate_records(account: Account) -> int:
    """A learner registered: every institution's record of that ID number becomes 已激活."""
    return await Learner.filter(id_number=account.username, status=LearnerStatus.INACTIVE).update(
        status=LearnerStatus.ACTIVE, account_id=account.id, phone=account.phone,
        activated_at=now(), updated_at=now(),
    )
