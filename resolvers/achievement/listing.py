"""Which achievements a caller sees, and the list filters of F4.1."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.queryset import QuerySet

from models.account import AccountKind, Module
from models.achievement import Achievement
from resolvers.access import require_account, require_institution_member
from resolvers.ids import decode_id

if TYPE_CHECKING:
    from server.context import Context


def visible(ctx: Context) -> QuerySet[Achievement]:
    """Live achievements of the caller's institution; bank staff see every institution's."""
    account = require_account(ctx)
    live = Achievement.filter(deleted_at__isnull=True)
    if account.kind == AccountKind.STAFF:
        return live
    account = require_institution_member(ctx, Module.ACHIEVEMENTS)
    return live.filter(institution_id=account.institution_id)  # type: ignore[attr-defined]


def filtered(ctx: Context, data: Any | None) -> QuerySet[Achievement]:
    query = visible(ctx)
    if data is not None:
        if data.name:
            query = query.filter(name__icontains=data.name.strip())
        if data.category:
            query = query.filter(category=data.category)
        if data.subtype:
            query = query.filter(subtype=data.subtype)
        if data.recognition_status:
            query = query.filter(recognition_status=data.recognition_status)
        if getattr(data, "institution_id", None):
            query = query.filter(
                institution_id=decode_id(data.institution_id, "Institution", strict=False)
            )
    return query.order_by("-id")
