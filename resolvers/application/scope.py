"""Who sees which application rows: the rule's publisher receives them (转换申请审核, module
CONVERSION_REVIEW), the initiating institution and the applying learner see what they sent."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from models.account import Account, AccountKind, Module
from models.application import ApplicationBatch, ConversionApplication
from resolvers.access import require_account, require_institution_member
from resolvers.dates import year_bounds
from resolvers.ids import decode_id

if TYPE_CHECKING:
    from server.context import Context


def reviewer(ctx: Context) -> Account:
    return require_institution_member(ctx, Module.CONVERSION_REVIEW)


def received(ctx: Context) -> QuerySet[ConversionApplication]:
    account = reviewer(ctx)
    return ConversionApplication.filter(target_institution_id=account.institution_id)  # type: ignore[attr-defined]


def initiated(ctx: Context) -> QuerySet[ConversionApplication]:
    account = reviewer(ctx)
    return ConversionApplication.filter(initiator_institution_id=account.institution_id)  # type: ignore[attr-defined]


def visible(ctx: Context) -> QuerySet[ConversionApplication]:
    account = require_account(ctx)
    if account.kind == AccountKind.STAFF:
        return ConversionApplication.all()
    if account.kind == AccountKind.LEARNER:
        return ConversionApplication.filter(applicant_account_id=account.id)
    mine = reviewer(ctx).institution_id  # type: ignore[attr-defined]
    return ConversionApplication.filter(Q(target_institution_id=mine) | Q(initiator_institution_id=mine))


def visible_batches(ctx: Context) -> QuerySet[ApplicationBatch]:
    account = require_account(ctx)
    if account.kind == AccountKind.STAFF:
        return ApplicationBatch.all()
    mine = reviewer(ctx).institution_id  # type: ignore[attr-defined]
    return ApplicationBatch.filter(Q(target_id=mine) | Q(initiator_id=mine))


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
            query = query.filter(batch_id=decode_id(data.batch_id, "ApplicationBatch", strict=False))
    return query.order_by("-created_at", "-id")
