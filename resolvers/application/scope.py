"""Which application rows each list means: the rule's publisher receives them (转换申请审核, module
CONVERSION_REVIEW), the initiating institution and the applying learner sent them. Which rows a
caller may see at all is the read policy's."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models.account import Account, Module
from models.application import ApplicationBatch, ConversionApplication
from resolvers import policy
from resolvers.access import require_account, require_institution_member
from resolvers.dates import year_bounds

if TYPE_CHECKING:
    from server.context import Context


def reviewer(ctx: Context) -> Account:
    return require_institution_member(ctx, Module.CONVERSION_REVIEW)


def received(ctx: Context) -> QuerySet[ConversionApplication]:
    account = reviewer(ctx)
    return policy.owned(ctx, ConversionApplication).filter(target_institution_id=account.institution_id)  # type: ignore[attr-defined]


def initiated(ctx: Context) -> QuerySet[ConversionApplication]:
    account = reviewer(ctx)
    return policy.owned(ctx, ConversionApplication).filter(initiator_institution_id=account.institution_id)  # type: ignore[attr-defined]


def sent(ctx: Context) -> QuerySet[ConversionApplication]:
    """What the caller applied for: a learner's personal applications, an institution's batches."""
    account = require_account(ctx)
    return policy.owned(ctx, ConversionApplication).filter(
        Q(applicant_account_id=account.id) | Q(initiator_institution_id=account.institution_id or 0))  # type: ignore[attr-defined]


def visible(ctx: Context) -> QuerySet[ConversionApplication]:
    return policy.visible(ctx, ConversionApplication)


def visible_batches(ctx: Context) -> QuerySet[ApplicationBatch]:
    return policy.visible(ctx, ApplicationBatch)


def filtered(query: QuerySet[ConversionApplication], data: Any | None) -> QuerySet[ConversionApplication]:
    """The manual's filters (F10.2, F11.1): year, rule code, learner name, ID number, status."""
    if data is not None:
        if data.year:
            start, end = year_bounds(data.year)
            query = query.filter(created_at__gte=start, created_at__lt=end)
        if data.rule_code:
            query = query.filter(rule_code__startswith=data.rule_code.strip())
        if data.learner_name:
            query = query.filter(learner_name__icontains=data.learner_name.strip())
        if data.id_number:
            query = query.filter(id_number__startswith=data.id_number.strip().upper())
        if data.status:
            query = query.filter(status=data.status)
        if data.kind:
            query = query.filter(kind=data.kind)
        if data.batch_id:
            query = query.filter(batch_id=policy.pk_of(ApplicationBatch, data.batch_id))
    return query.order_by("-created_at", "-id")
