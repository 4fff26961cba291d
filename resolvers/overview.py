"""The account centre's counts (F3.1): each is the totalCount of the matching filtered list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tortoise.functions import Count

from models.account import AccountKind
from models.achievement import Achievement, AchievementCategory
from models.conversion import ConversionRule, PublishStatus
from models.learner import LearnerAchievement
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
    achievements: CategoryCounts
    learner_achievements: CategoryCounts
    rules: RuleCounts


async def _by(query, field: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = await query.annotate(n=Count("id")).group_by(field).values(field, "n")
    return {str(row[field]): row["n"] for row in rows}


def _category_counts(counts: dict[str, int]) -> CategoryCounts:
    degree = counts.get(AchievementCategory.DEGREE.value, 0)
    non_degree = counts.get(AchievementCategory.NON_DEGREE.value, 0)
    return CategoryCounts(total=degree + non_degree, non_degree=non_degree, degree=degree)


async def overview(ctx: Context) -> Overview:
    account = require_institution_member(ctx)
    assert account.kind != AccountKind.STAFF
    mine = account.institution_id  # type: ignore[attr-defined]
    achievements = await _by(
        Achievement.filter(institution_id=mine, deleted_at__isnull=True), "category"
    )
    learner_achievements = await _by(
        LearnerAchievement.filter(institution_id=mine, withdrawn_at__isnull=True),
        "category",
    )
    rules = await _by(ConversionRule.filter(institution_id=mine, deleted_at__isnull=True), "status")
    unpublished = rules.get(PublishStatus.UNPUBLISHED.value, 0) + rules.get(
        PublishStatus.UNSUBMITTED.value, 0
    )
    return Overview(
        achievements=_category_counts(achievements),
        learner_achievements=_category_counts(learner_achievements),
        rules=RuleCounts(
            total=sum(rules.values()),
            unpublished=unpublished,
            published=rules.get(PublishStatus.PUBLISHED.value, 0),
            taken_down=rules.get(PublishStatus.TAKEN_DOWN.value, 0),
        ),
    )
