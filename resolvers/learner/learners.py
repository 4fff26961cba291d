"""Learner records of an institution (学员账户, F6): list, add, modify while 未激活, delete 未激活
ones without achievements, and the activation a learner's own registration brings (F15).

A record attaches to a learner account (已激活) only when its ID number is the account's and its
name is the account's name after normalising (validators/person_name.py). A record whose name
differs stays 未激活 and is 姓名不一致 until its institution corrects it; this holds for every way
a record is made or changed, all of which go through ``activation``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
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
from resolvers.selection import require_selected
from validators.person_name import same_name

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
        if data.name_mismatch is not None:
            query = query.filter(_name_mismatch(data.name_mismatch))
    return query.order_by("-created_at", "-id")


def _learner_accounts() -> Subquery:
    return Subquery(Account.filter(kind=AccountKind.LEARNER, status=AccountStatus.ACTIVE).values("username"))


def _name_mismatch(wanted: bool) -> Q:
    """姓名不一致: 未激活 although a learner registered that ID number — every path attaches a record
    whose name matches, so the name is what stands between them."""
    mismatched = Q(status=LearnerStatus.INACTIVE) & Q(id_number__in=_learner_accounts())
    return mismatched if wanted else ~mismatched


async def registered_id_numbers(id_numbers: list[str]) -> list[bool]:
    """For each ID number, whether a learner registered it (a DataLoader batch)."""
    found = set(await Account.filter(
        kind=AccountKind.LEARNER, status=AccountStatus.ACTIVE, username__in=set(id_numbers)
    ).values_list("username", flat=True))
    return [number in found for number in id_numbers]


async def registered_accounts(id_numbers: list[str]) -> dict[str, Account]:
    """Learner accounts registered with these ID numbers (their records start 已激活)."""
    accounts = await Account.filter(
        kind=AccountKind.LEARNER, username__in=id_numbers, status=AccountStatus.ACTIVE
    )
    return {account.username: account for account in accounts}


def activation(account: Account | None, name: str) -> dict[str, Any]:
    """The status fields of a record named ``name`` whose ID number ``account`` registered (or
    nobody): attached only when the names match, never silently under another name."""
    if account is None or not same_name(account.name, name):
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
                created_by_id=account.id, **activation(registered, name),
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
    # Only what is given changes; a field left out keeps its value (a given one must be valid).
    problems = Problems()
    name = learner.name if data.name is None else checks.text(problems, "name", data.name, 32)
    id_number = (learner.id_number if data.id_number is None
                 else checks.resident_id(problems, "idNumber", data.id_number))
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
                name=name, id_number=id_number, updated_at=now(), **activation(registered, name)
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
    ids = require_selected(ids, what="学员", verb="删除", all_allowed=False).ids
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
    """A learner registered: each institution's record of that ID number and that name becomes
    已激活; records under another name stay 未激活 (姓名不一致)."""
    waiting = await Learner.filter(id_number=account.username, status=LearnerStatus.INACTIVE
                                   ).values_list("id", "name")
    matching = [pk for pk, name in waiting if same_name(account.name, name)]  # type: ignore[arg-type]
    if not matching:
        return 0
    return await Learner.filter(id__in=matching, status=LearnerStatus.INACTIVE).update(
        status=LearnerStatus.ACTIVE, account_id=account.id, phone=account.phone,
        activated_at=now(), updated_at=now(),
    )
