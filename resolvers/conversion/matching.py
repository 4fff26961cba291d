"""B10: which published rules a learner's achievements meet ("will my credits transfer").

A rule is *met* when the learner holds every one of its sources and *partly met* when some but
not all: held means one of the learner's own records (``policy.owned``: records of learners
whose account is the caller, activated and not withdrawn) is of that source achievement. Only
rules ``applyForConversion`` would take are listed: published, not deleted and in force today
(``listing.in_force``, the checks of ``apply.usable_rule``). A published rule is never edited in
place (B1), so its ``rule_source`` rows are the sources of the version in force.

At national scale the work starts from the learner's few achievements: the rules naming one of
them come from the ``rule_source(achievement_id)`` index, and whether a candidate lacks a source
from the ``(rule_id, achievement_id)`` unique index — never a scan of every rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from models.application import ConversionApplication, live_key
from models.conversion import ConversionRule, RuleSource
from models.learner import LearnerAchievement
from resolvers import policy
from resolvers.access import require_learner
from resolvers.conversion.listing import filter_rules, in_force

if TYPE_CHECKING:
    from server.context import Context

_HOLDINGS = ("matching", "holdings")
_LIVE = ("matching", "live applications")


@dataclass
class Holdings:
    """The learner's held records by source achievement, and the ID numbers they are held under
    (one per person; each institution's record of that person carries it)."""

    records: dict[int, list[LearnerAchievement]] = field(default_factory=dict)
    id_numbers: set[str] = field(default_factory=set)


async def holdings(ctx: Context) -> Holdings:
    """The caller's held records, read once per request."""
    found: Holdings | None = ctx.loaders.get(_HOLDINGS)
    if found is None:
        found = Holdings()
        rows = await policy.owned(ctx, LearnerAchievement).select_related("learner").order_by("id")
        for row in rows:
            found.records.setdefault(row.achievement_id, []).append(row)  # type: ignore[attr-defined]
            found.id_numbers.add(row.learner.id_number)
        ctx.loaders[_HOLDINGS] = found
    return found


async def matching(ctx: Context, data: Any | None, *, fully: bool) -> QuerySet[ConversionRule]:
    """In-force published rules whose sources the learner holds all of (``fully``), or some but
    not all of, newest first, narrowed by the list's filter."""
    require_learner(ctx, "只有学员可以查看本人成果可匹配的转换规则")
    held = list((await holdings(ctx)).records)
    rules = policy.visible(ctx, ConversionRule).filter(in_force())
    if not held:
        return rules.filter(id__in=[])
    naming = RuleSource.filter(achievement_id__in=held).values("rule_id")
    # The sources of every candidate, grouped by rule and counted where not held: none (met) or
    # some (partly met). One IN over a grouped subquery rather than NOT IN, which cannot become
    # an anti-join: PostgreSQL filtered a scan of every rule by it.
    grouped = (RuleSource.filter(rule_id__in=Subquery(naming))
               .annotate(missing=Count("id", _filter=~Q(achievement_id__in=held))).group_by("rule_id"))
    met = (grouped.filter(missing=0) if fully else grouped.filter(missing__gt=0)).values("rule_id")
    return filter_rules(rules.filter(id__in=Subquery(met)), data)


@dataclass(frozen=True)
class Live:
    """The learner's live application on a rule, and whether the caller may read it."""

    application: ConversionApplication | None
    readable: bool


async def live_applications(ctx: Context, rule_ids: list[int]) -> list[Live]:
    """The learner's live application (审核中 or 转换成功) on each of ``rule_ids``, personal or sent
    by an institution in a batch: B2 allows one per person and rule, so ``applyForConversion``
    would refuse another. One query for a page of rules (a DataLoader's batch), by the unique
    ``live_key``."""
    numbers = (await holdings(ctx)).id_numbers
    keys = [live_key(rule_id, number) for rule_id in set(rule_ids) for number in numbers]
    found = {row.rule_id: row for row in await ConversionApplication.filter(live_key__in=keys)} if keys else {}  # type: ignore[attr-defined]
    readable: set[int] = set()
    if found:
        ids: list[Any] = await policy.visible(ctx, ConversionApplication).filter(
            id__in=[row.id for row in found.values()]).values_list("id", flat=True)
        readable = set(ids)
    return [Live(found.get(rule_id), rule_id in found and found[rule_id].id in readable) for rule_id in rule_ids]
