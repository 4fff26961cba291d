"""Staff authorisation of restricted non-degree subtypes per institution (F4.5, F16)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Module
from models.achievement import AchievementSubtype, SubtypeGrant
from models.institution import Institution
from models.message import MessageKind
from resolvers import audit, policy
from resolvers.access import require_account, require_staff
from resolvers.errors import Code, Invalid
from resolvers.ids import encode_id
from resolvers.messages import notify_institution

if TYPE_CHECKING:
    from server.context import Context


def live_grants(ctx: Context, institution_id: Any | None) -> QuerySet[SubtypeGrant]:
    """The grants in force the caller holds (their institution's; staff: every institution's,
    narrowed to one by ``institution_id``)."""
    require_account(ctx)
    query = policy.owned(ctx, SubtypeGrant)
    if institution_id:
        query = query.filter(institution_id=policy.pk_of(Institution, institution_id))
    return query.order_by("-id")


async def _tell(ctx: Context, institution_id: int, title: str) -> None:
    await notify_institution(ctx, institution_id, Module.ACHIEVEMENTS, MessageKind.GRANT_CHANGED, title,
                             "已存储的成果不受影响。", object_id=encode_id("Institution", institution_id))


async def grant(ctx: Context, institution_id: Any, subtype: AchievementSubtype) -> SubtypeGrant:
    staff = require_staff(ctx)
    subtype = AchievementSubtype(subtype)
    institution = await policy.get(ctx, Institution, institution_id, owned=True)
    if not AchievementSubtype(subtype).needs_grant:
        raise Invalid.one("subtype", Code.SUBTYPE_NEEDS_NO_GRANT)
    try:
        async with in_transaction():
            row = await SubtypeGrant.create(
                institution=institution, subtype=subtype, granted_by_id=staff.id,
                live_key=AchievementSubtype(subtype).value,
            )
            await audit.record(ctx, "grant.create", row, institution_id=institution.id,
                               subtype=AchievementSubtype(subtype).value)
            await _tell(ctx, institution.id, f"学分银行已授权贵机构存储“{AchievementSubtype(subtype).label}”类成果")
    except IntegrityError as exc:
        raise Invalid.one("subtype", Code.GRANT_EXISTS) from exc
    return row


async def revoke(ctx: Context, institution_id: Any, subtype: AchievementSubtype) -> SubtypeGrant:
    staff = require_staff(ctx)
    institution = await policy.get(ctx, Institution, institution_id, owned=True)
    row = await SubtypeGrant.get_or_none(
        institution_id=institution.id, live_key=AchievementSubtype(subtype).value
    )
    if row is None:
        raise Invalid.one("subtype", Code.GRANT_NOT_FOUND)
    async with in_transaction():
        # Conditional: of two staff revoking at once, one revokes and the other is told.
        revoked = await SubtypeGrant.filter(id=row.id, revoked_at__isnull=True).update(
            revoked_at=now(), revoked_by_id=staff.id, live_key=f"revoked:{row.id}"
        )
        if not revoked:
            raise Invalid.one("subtype", Code.GRANT_NOT_FOUND)
        await audit.record(ctx, "grant.revoke", row, institution_id=institution.id,
                           subtype=AchievementSubtype(subtype).value)
        await _tell(ctx, institution.id, f"学分银行已取消贵机构存储“{AchievementSubtype(subtype).label}”类成果的授权")
    await row.refresh_from_db()
    return row
