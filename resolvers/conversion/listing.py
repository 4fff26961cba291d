"""The two rule lists of F9.1 (mine, and related to me), and the public portal (F17)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from models.achievement import Achievement
from models.conversion import ConversionRule, PublishStatus, RuleSource, RuleTarget
from models.institution import Institution
from resolvers import policy
from resolvers.conversion.rules import rule_member
from resolvers.dates import today

if TYPE_CHECKING:
    from server.context import Context


def in_force() -> Q:
    """Published, not deleted, and within its effective period today (B1)."""
    day = today()
    return (Q(status=PublishStatus.PUBLISHED, deleted_at__isnull=True, valid_from__lte=day)
            & (Q(valid_to__isnull=True) | Q(valid_to__gte=day)))


def filter_rules(query: QuerySet[ConversionRule], data: Any | None) -> QuerySet[ConversionRule]:
    """``query`` narrowed by a rule list's filter (each list's input has some of these fields),
    newest first."""
    if data is None:
        return query.order_by("-created_at", "-id")
    if getattr(data, "code", None):
        query = query.filter(code__startswith=data.code.strip())
    if data.rule_type:
        query = query.filter(rule_type=data.rule_type)
    if getattr(data, "status", None):
        query = query.filter(status=data.status)
    if getattr(data, "source_name", None):
        query = query.filter(id__in=Subquery(RuleSource.filter(
            achievement__name__icontains=data.source_name.strip()).values("rule_id")))
    if getattr(data, "source_achievement_id", None):
        # B10: the rules accepting one achievement. A listed rule shows its sources anyway (a
        # published rule's sources are public), so the filter reveals nothing more.
        source = policy.pk_of(Achievement, data.source_achievement_id)
        query = query.filter(id__in=Subquery(RuleSource.filter(achievement_id=source).values("rule_id")))
    if data.target_name:
        query = query.filter(id__in=Subquery(RuleTarget.filter(
            achievement__name__icontains=data.target_name.strip()).values("rule_id")))
    if getattr(data, "institution_name", None):
        query = query.filter(institution__school__name__icontains=data.institution_name.strip())
    if getattr(data, "institution_id", None):
        query = query.filter(institution_id=policy.pk_of(Institution, data.institution_id))
    return query.order_by("-created_at", "-id")


def mine(ctx: Context, data: Any | None) -> QuerySet[ConversionRule]:
    account = rule_member(ctx)
    return filter_rules(policy.owned(ctx, ConversionRule).filter(
        institution_id=account.institution_id  # type: ignore[attr-defined]
    ), data)


def related(ctx: Context, data: Any | None) -> QuerySet[ConversionRule]:
    """Other institutions' published rules whose source is one of my achievements."""
    account = rule_member(ctx)
    institution_id = account.institution_id  # type: ignore[attr-defined]
    my_sources = RuleSource.filter(achievement__institution_id=institution_id).values("rule_id")
    query = policy.visible(ctx, ConversionRule).filter(
        id__in=Subquery(my_sources), status=PublishStatus.PUBLISHED
    ).exclude(institution_id=institution_id)
    return filter_rules(query, data)


def portal(data: Any | None) -> QuerySet[ConversionRule]:
    return filter_rules(policy.public(ConversionRule).filter(in_force()), data)
