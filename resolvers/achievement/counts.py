"""The two counts of the catalogue list (F4.1): learners holding an achievement, and the rules
related to it — the rules its institution can see: its own (any status) and other institutions'
published ones (another school's draft is nobody else's business)."""

from __future__ import annotations

from collections import defaultdict

from tortoise.functions import Count

from models.conversion import PublishStatus, RuleSource
from models.learner import LearnerAchievement


async def learner_counts(achievement_ids: list[int]) -> dict[int, int]:
    rows = await (
        LearnerAchievement.filter(achievement_id__in=achievement_ids, withdrawn_at__isnull=True)
        .annotate(n=Count("learner_id", distinct=True))
        .group_by("achievement_id")
        .values("achievement_id", "n")
    )
    return {row["achievement_id"]: row["n"] for row in rows}


async def related_rule_counts(achievement_ids: list[int]) -> dict[int, int]:
    rows = await RuleSource.filter(
        achievement_id__in=achievement_ids, rule__deleted_at__isnull=True
    ).values_list("achievement_id", "rule_id", "rule__status", "rule__institution_id",
                  "achievement__institution_id")
    rules: dict[int, set[int]] = defaultdict(set)
    for achievement_id, rule_id, status, rule_owner, achievement_owner in rows:
        if status == PublishStatus.PUBLISHED or rule_owner == achievement_owner:
            rules[achievement_id].add(rule_id)
    return {achievement_id: len(found) for achievement_id, found in rules.items()}
