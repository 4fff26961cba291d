"""The audit trail (B3): writing it — call ``record`` inside the transaction of the change it
records — and reading it: an institution's main account its institution's, bank staff all of it,
with the calls partners made (read policy: ``resolvers.policy``)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models.account import Account, AccountKind
from models.audit import AuditAction, AuditLog
from models.institution import Institution
from models.partner import Partner, PartnerCall
from resolvers import policy
from resolvers.access import require_trail_reader
from resolvers.dates import day_end, day_start
from resolvers.errors import ClientError
from resolvers.ids import encode_id
from validators.id_number import mask

if TYPE_CHECKING:
    from tortoise.models import Model

    from server.context import Context


async def record(
    ctx: Context,
    action: str,
    obj: Model | None = None,
    *,
    institution_id: int | None = None,
    actor: Account | None = None,
    **detail: Any,
) -> None:
    """``action`` is a stored name of ``AuditAction`` (``learner.id_number_read``)."""
    actor = actor or ctx.account
    if institution_id is None and actor is not None:
        institution_id = actor.institution_id  # type: ignore[attr-defined]
    if ctx.partner is not None:
        # A partner key acts as its institution's main account: the trail says it was the partner.
        detail.setdefault("partner", ctx.partner.name)
    await AuditLog.create(
        actor_id=actor.id if actor else None,
        institution_id=institution_id,
        action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail,
        ip=ctx.ip,
    )


# --- reading ------------------------------------------------------------------------------------


def _period(query: QuerySet[Any], start: date | None, end: date | None) -> QuerySet[Any]:
    """[start, end] as Beijing dates, both inclusive."""
    if start and end and start > end:
        raise ClientError("开始日期不能晚于结束日期", code="BAD_FILTER")
    if start:
        query = query.filter(created_at__gte=day_start(start))
    if end:
        query = query.filter(created_at__lt=day_end(end))
    return query


def entries(ctx: Context, data: Any | None) -> QuerySet[AuditLog]:
    """The trail the caller may read, newest first, narrowed by user, actions, institution and
    period."""
    require_trail_reader(ctx)
    query = policy.owned(ctx, AuditLog)
    if data is not None:
        if data.user_id:
            query = query.filter(actor_id=policy.pk_of(Account, data.user_id))
        if data.institution_id:
            query = query.filter(institution_id=policy.pk_of(Institution, data.institution_id))
        if data.actions:
            chosen = Q(action__in=[a.value for a in data.actions if a is not AuditAction.OTHER] or [""])
            if AuditAction.OTHER in data.actions:
                chosen |= ~Q(action__in=[a.value for a in AuditAction])
            query = query.filter(chosen)
        query = _period(query, data.start_date, data.end_date)
    return query.order_by("-id")


def partner_calls(ctx: Context, data: Any | None) -> QuerySet[PartnerCall]:
    """The calls made with partner keys that the caller may read, newest first."""
    require_trail_reader(ctx)
    query = policy.owned(ctx, PartnerCall)
    if data is not None:
        if data.partner_id:
            query = query.filter(partner_id=policy.pk_of(Partner, data.partner_id))
        if data.outcome:
            query = query.filter(outcome=data.outcome)
        if data.operation_name and data.operation_name.strip():
            query = query.filter(operation_name=data.operation_name.strip())
        query = _period(query, data.start_date, data.end_date)
    return query.order_by("-id")


# Detail values that are internal row numbers (shown as global IDs) or storage keys (not shown).
_REFERENCES = {"learner": "Learner", "record": "LearnerAchievement"}
_INTERNAL = {"file"}


def shown_detail(detail: dict[str, Any]) -> dict[str, Any]:
    shown = {}
    for name, value in (detail or {}).items():
        if name in _INTERNAL:
            continue
        if name in _REFERENCES and isinstance(value, int):
            value = encode_id(_REFERENCES[name], value)
        shown[name] = value
    return shown


def actor_name(ctx: Context, account: Account | None) -> str:
    """Who acted, as this reader is told: an institution's users and learners by name (a learner
    without one by the masked ID number); bank staff by name to staff, as 学分银行工作人员 to
    institutions; 系统 for what no account did (the CLI, start-up)."""
    if account is None:
        return "系统"
    if account.kind == AccountKind.STAFF and not (ctx.account and ctx.account.kind == AccountKind.STAFF):
        return AccountKind.STAFF.label
    if account.kind == AccountKind.LEARNER:
        return account.name or mask(account.username)
    return account.name or account.username


async def accounts(ids: list[int]) -> list[Account | None]:
    """The acting accounts of a page of entries (deleted ones too: they did what the row says)."""
    found = {a.id: a for a in await Account.filter(id__in=set(ids))}
    return [found.get(i) for i in ids]


async def partner_names(ids: list[int]) -> list[str]:
    found = dict(await Partner.filter(id__in=set(ids)).values_list("id", "name"))
    return [found.get(i, "") for i in ids]
