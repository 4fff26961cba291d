"""Which achievements a caller sees, and the list filters of F4.1."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.queryset import QuerySet

from models.account import Module
from models.achievement import Achievement
from models.institution import Institution
from resolvers import policy
from resolvers.access import require_institution_member

if TYPE_CHECKING:
    from server.context import Context


def catalogue(ctx: Context) -> QuerySet[Achievement]:
    """The catalogue list's rows (F4.1): the caller's institution's live achievements; bank staff
    see every institution's."""
    require_institution_member(ctx, Module.ACHIEVEMENTS, staff=True)
    return policy.owned(ctx, Achievement)


def filtered(ctx: Context, data: Any | None) -> QuerySet[Achievement]:
    query = catalogue(ctx)
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
                institution_id=policy.pk_of(Institution, data.institution_id)
            )
    return query.order_by("-id")
