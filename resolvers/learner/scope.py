"""Which learner rows a caller may see: their institution's (institution members with the
成果及学员管理 module), their own (a learner), or all (bank staff)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise.queryset import QuerySet

from models.account import Account, AccountKind, Module
from models.learner import Feedback, Learner, LearnerAchievement
from resolvers.access import require_account, require_institution_member

if TYPE_CHECKING:
    from server.context import Context


def institution_member(ctx: Context) -> Account:
    return require_institution_member(ctx, Module.ACHIEVEMENTS)


def learners(ctx: Context) -> QuerySet[Learner]:
    account = require_account(ctx)
    if account.kind == AccountKind.STAFF:
        return Learner.all()
    if account.kind == AccountKind.LEARNER:
        return Learner.filter(account_id=account.id)
    account = institution_member(ctx)
    return Learner.filter(institution_id=account.institution_id)  # type: ignore[attr-defined]


def learner_achievements(ctx: Context) -> QuerySet[LearnerAchievement]:
    """Held (not withdrawn) records the caller may see."""
    account = require_account(ctx)
    held = LearnerAchievement.filter(withdrawn_at__isnull=True)
    if account.kind == AccountKind.STAFF:
        return held
    if account.kind == AccountKind.LEARNER:
        return held.filter(learner__account_id=account.id)
    account = institution_member(ctx)
    return held.filter(institution_id=account.institution_id)  # type: ignore[attr-defined]


def feedbacks(ctx: Context) -> QuerySet[Feedback]:
    account = require_account(ctx)
    if account.kind == AccountKind.STAFF:
        return Feedback.all()
    if account.kind == AccountKind.LEARNER:
        return Feedback.filter(account_id=account.id)
    account = institution_member(ctx)
    return Feedback.filter(institution_id=account.institution_id)  # type: ignore[attr-defined]
