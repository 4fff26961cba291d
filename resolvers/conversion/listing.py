"""The two rule lists of F9.1 (mine, and related to me), and the public portal (F17)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from models.account import AccountKind
from models.conversion import ConversionRule, PublishStatus, RuleSource, RuleTarget
from resolvers.access import require_account
from resolvers.conversion.rules import rule_member
from resolvers.dates import today
from resolvers.ids import decode_id

if TYPE_CHECKING:
    from server.context import Context


def in_force() -> Q:
    """Published, not deleted, and within its effective period today (B1)."""
    day = today()
    return (Q(status=PublishStatus.PUBLISHED, deleted_at__isnull=True, valid_from__lte=day)
            & (Q(valid_to__isnull=True) | Q(valid_to__gte=day)))


def _filter(query: QuerySet[ConversionRule], data: Any | None) -> QuerySet[ConversionRule]:
    if data is None:
        return query.order_by("-created_at", "-id")
    if data.code:
        query = query.filter(code__startswith=data.code.strip())
    if data.rule_type:
        query = query.filter(rule_type=data.rule_type)
    if getattr(data, "status", None):
        query = query.filter(status=data.status)
    if data.source_name:
        query = query.filter(id__in=Subquery(RuleSource.filter(
            achievement__name__icontains=data.source_name.strip()).values("rule_id")))
    if data.target_name:
        query = query.filter(id__in=Subquery(RuleTarget.filter(
            achievement__name__icontains=data.target_name.strip()).values("rule_id")))
    if getattr(data, "institution_name", None):
        query = query.filter(institution__school__name__icontains=data.institution_name.strip())
    if getattr(data, "institution_id", None):
        query = query.filter(institution_id=decode_id(data.institution_id, "Institution", strict=False))
    return query.order_by("-created_at", "-id")


def visible(ctx: Context) -> QuerySet[ConversionRule]:
    """Rules a signed-in caller may open: their institution's, published ones related to their
    achievements, every published one (anyone may read the portal); staff see all."""
    account = require_account(ctx)
    live = ConversionRule.filter(deleted_at__isnull=True)
    if account.kind == AccountKind.STAFF:
        return live
    mine = account.institution_id or 0  # type: ignore[attr-defined]
    return live.filter(Q(institution_id=mine) | Q(status=PublishStatus.PUBLISHED))


def mine(ctx: Context, data: Any | None) -> QuerySet[ConversionRule]:
    account = rule_member(ctx)
    return _filter(ConversionRule.filter(
        institution_id=account.institution_id, deleted_at__isnull=True  # type: ignore[attr-defined]
    ), data)


def related(ctx: Context, data: Any | None) -> QuerySet[ConversionRule]:
    """Other institutions' published rules whose source is one of my achievements."""
    account = rule_member(ctx)
    institution_id = account.institution_id  # type: ignore[attr-defined]
    my_sources = RuleSource.filter(achievement__institution_id=institution_id).values("rule_id")
    query = ConversionRule.filter(
        id__in=Subquery(my_sources), status=PublishStatus.PUBLISHED, deleted_at__isnull=True
    ).exclude(institution_id=institution_id)
    return _filter(query, data)


def portal(data: Any | None) -> QuerySet[ConversionRule]:
    return _filter(ConversionRule.filter(in_force()), data)
