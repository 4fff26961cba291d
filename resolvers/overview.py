"""The account centre's counts (F3.1): each is the totalCount of the matching filtered list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tortoise.functions import Count

from models.account import Module
from models.achievement import Achievement, AchievementCategory
from models.conversion import ConversionRule, PublishStatus
from models.learner import LearnerAchievement
from resolvers import policy
from resolvers.access import require_institution_member

if TYPE_CHECKING:
    from server.context import Context


@dataclass
class CategoryCounts:
    total: int
    non_degree: int
    degree: int


@dataclass
class RuleCounts:
    total: int
    unpublished: int
    published: int
    taken_down: int


@dataclass
class Overview:
    achievements: CategoryCounts | None
    learner_achievements: CategoryCounts | None
    rules: RuleCounts | None


async def _by(query, field: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = await query.annotate(n=Count("id")).group_by(field).values(field, "n")
    return {str(row[field]): row["n"] for row in rows}


def _category_counts(counts: dict[str, int]) -> CategoryCounts:
    degree = counts.get(AchievementCategory.DEGREE.value, 0)
    non_degree = counts.get(AchievementCategory.NON_DEGREE.value, 0)
    return CategoryCounts(total=degree + non_degree, non_degree=non_degree, degree=degree)


async def overview(ctx: Context) -> Overview:
    """Each part needs the module its list belongs to (B9): a sub-user without it gets null."""
    require_institution_member(ctx)
    achievements = learner_achievements = rules = None
    if policy.holds(ctx, Module.ACHIEVEMENTS):
        achievements = _category_counts(await _by(policy.owned(ctx, Achievement), "category"))
        learner_achievements = _category_counts(await _by(policy.owned(ctx, LearnerAchievement), "category"))
    if policy.holds(ctx, Module.CONVERSION_RULES):
        counts = await _by(policy.owned(ctx, ConversionRule), "status")
        rules = RuleCounts(
            total=sum(counts.values()),
            unpublished=counts.get(PublishStatus.UNPUBLISHED.value, 0)
            + counts.get(PublishStatus.UNSUBMITTED.value, 0),
            published=counts.get(PublishStatus.PUBLISHED.value, 0),
            taken_down=counts.get(PublishStatus.TAKEN_DOWN.value, 0),
        )
    return Overview(achievements=achievements, learner_achievements=learner_achievements, rules=rules)
