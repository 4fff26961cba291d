"""Who may use the learner lists (成果及学员管理, B9); which rows they see is the read policy's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise.queryset import QuerySet

from models.account import Account, Module
from models.learner import Feedback, Learner, LearnerAchievement
from resolvers import policy
from resolvers.access import require_institution_member, require_module

if TYPE_CHECKING:
    from server.context import Context


def institution_member(ctx: Context) -> Account:
    return require_institution_member(ctx, Module.ACHIEVEMENTS)


def learners(ctx: Context) -> QuerySet[Learner]:
    require_module(ctx, Module.ACHIEVEMENTS)
    return policy.visible(ctx, Learner)


def learner_achievements(ctx: Context) -> QuerySet[LearnerAchievement]:
    """Held (not withdrawn) records the caller may see."""
    require_module(ctx, Module.ACHIEVEMENTS)
    return policy.visible(ctx, LearnerAchievement)


def withdrawn_learner_achievements(ctx: Context) -> QuerySet[LearnerAchievement]:
    """Withdrawn records the caller holds: listed apart, never in the list above, its counts or
    exports."""
    require_module(ctx, Module.ACHIEVEMENTS)
    return policy.retired(ctx, LearnerAchievement)


def feedbacks(ctx: Context) -> QuerySet[Feedback]:
    require_module(ctx, Module.ACHIEVEMENTS)
    return policy.visible(ctx, Feedback)
