"""Applying for conversion: institution batches from "rules related to me" (F9.7), personal
applications of learners (F15). B2: the learner must hold the source (not withdrawn), and one
learner has at most one live application per rule — held by a unique key in the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.functions import Count
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models.account import Module
from models.application import (
    ApplicationBatch,
    ApplicationKind,
    ConversionApplication,
    ReviewAction,
    ReviewEvent,
    live_key,
)
from models.base import SHANGHAI
from models.conversion import ConversionRule, RuleSource, RuleVersion
from models.learner import LearnerAchievement
from models.message import MessageKind
from resolvers import audit, policy
from resolvers.access import require_learner
from resolvers.application.scope import reviewer
from resolvers.conversion.publishing import is_in_force
from resolvers.dates import today
from resolvers.errors import Code, Invalid, NotFound, Problem
from resolvers.ids import encode_id
from resolvers.messages import notify_institution
from resolvers.selection import require_selected
from server.bulk import bulk_insert

if TYPE_CHECKING:
    from server.context import Context


async def usable_rule(ctx: Context, rule_id: Any) -> tuple[ConversionRule, RuleVersion, set[int]]:
    """A published rule in force today, its current version, and its source achievement ids."""
    rule = await policy.get(ctx, ConversionRule, rule_id)
    if not rule.version:
        # A rule never published is its institution's draft: to anyone else it does not exist.
        raise NotFound()
    if not is_in_force(rule, today()):
        raise Invalid.one("ruleId", Code.RULE_NOT_IN_FORCE)
    version = await RuleVersion.get(rule_id=rule.id, number=rule.version)
    sources = set(await RuleSource.filter(rule_id=rule.id).values_list("achievement_id", flat=True))
    return rule, version, sources  # type: ignore[return-value]


def refuse_own_rule(rule: ConversionRule, institution_id: int) -> None:
    """An institution converts its learners' records with other institutions' rules (F9.7)."""
    if rule.institution_id == institution_id:  # type: ignore[attr-defined]
        raise Invalid.one("ruleId", Code.OWN_RULE)


def eligible(ctx: Context, institution_id: int, rule: ConversionRule, sources: set[int]
             ) -> QuerySet[LearnerAchievement]:
    """Records of the institution on one of the rule's sources, of learners who hold every source
    of it (a rule of several sources needs them all, as B10's matching says), without a live
    application."""
    live = ConversionApplication.filter(rule_id=rule.id, live_key__startswith=f"{rule.id}|")
    records = policy.owned(ctx, LearnerAchievement).filter(
        institution_id=institution_id, achievement_id__in=list(sources)
    ).exclude(learner__id_number__in=Subquery(live.values("id_number")))
    if len(sources) > 1:
        records = records.filter(learner_id__in=Subquery(_holders_of_all(
            LearnerAchievement.filter(institution_id=institution_id, withdrawn_at__isnull=True), sources)))
    return records


def _holders_of_all(records: QuerySet[LearnerAchievement], sources: set[int]) -> Any:
    """The learner ids among ``records`` that hold every one of ``sources``."""
    return (records.filter(achievement_id__in=list(sources)).annotate(held=Count("achievement_id", distinct=True))
            .group_by("learner_id").filter(held=len(sources)).values("learner_id"))


async def holds_every_source(ctx: Context, sources: set[int]) -> bool:
    """Whether the calling learner's held records cover every source of a rule."""
    held = await policy.owned(ctx, LearnerAchievement).filter(
        achievement_id__in=list(sources)).distinct().values_list("achievement_id", flat=True)
    return set(held) >= sources


@dataclass
class Applied:
    batch: ApplicationBatch | None
    applications: list[ConversionApplication]


def _row(kind: ApplicationKind, rule: ConversionRule, version: RuleVersion, record: LearnerAchievement,
         *, batch_id: int | None = None, initiator: int | None = None,
         applicant: int | None = None) -> dict[str, Any]:
    return {
        "kind": kind, "batch_id": batch_id, "rule_id": rule.id, "rule_version_id": version.id,
        "rule_code": rule.code, "target_institution_id": rule.institution_id,  # type: ignore[attr-defined]
        "initiator_institution_id": initiator, "applicant_account_id": applicant,
        "learner_achievement_id": record.id, "learner_name": record.learner.name,
        "id_number": record.learner.id_number, "live_key": live_key(rule.id, record.learner.id_number),
    }


async def apply_batch(ctx: Context, data: Any) -> Applied:
    """F9.7: the ticked learners of mine (or, with ``allMatching``, all eligible ones) in one batch
    to the publisher."""
    account = reviewer(ctx)
    institution = account.institution
    assert institution is not None
    rule, version, sources = await usable_rule(ctx, data.rule_id)
    refuse_own_rule(rule, institution.id)
    chosen = require_selected(data.learner_achievement_ids, data.all_matching, what="学员成果", verb="发起转换",
                              field="learnerAchievementIds")
    candidates = eligible(ctx, institution.id, rule, sources).select_related("learner")
    if not chosen.all_matching:
        wanted = chosen.pks(LearnerAchievement)
        records = {r.id: r for r in await candidates.filter(id__in=wanted)}
        problems = [Problem(f"learnerAchievementIds.{n}", *await _why_not(ctx, rule, sources, pk))
                    for n, pk in enumerate(wanted) if pk not in records]
        # One application per learner (B2): a second record of the same learner is refused.
        seen: set[str] = set()
        for n, pk in enumerate(wanted):
            record = records.get(pk)
            if record is None:
                continue
            if record.learner.id_number in seen:
                problems.append(Problem(f"learnerAchievementIds.{n}", Code.DUPLICATE_ITEM,
                                        f"学员“{record.learner.name}”已选择，每名学员只能申请一次"))
            seen.add(record.learner.id_number)
        if problems:
            raise Invalid(problems)
        chosen = [records[pk] for pk in dict.fromkeys(wanted)]
    else:
        # All eligible learners; one holding two of the sources is applied for once.
        by_learner: dict[str, LearnerAchievement] = {}
        for record in await candidates.order_by("id"):
            by_learner.setdefault(record.learner.id_number, record)
        chosen = list(by_learner.values())
        if not chosen:
            raise Invalid.one("learnerAchievementIds", Code.NOTHING_SELECTED, "没有可申请转换的学员")
    name = f"{institution.school.name}{datetime.now(SHANGHAI):%Y-%m-%d} 批量学员转换"
    try:
        async with in_transaction():
            batch = await ApplicationBatch.create(
                name=name, rule=rule, initiator_id=institution.id,
                target_id=rule.institution_id, learner_count=len(chosen), created_by_id=account.id,  # type: ignore[attr-defined]
            )
            await bulk_insert(ConversionApplication, [
                _row(ApplicationKind.INSTITUTION, rule, version, record, batch_id=batch.id,
                     initiator=institution.id) for record in chosen
            ])
            applications = await ConversionApplication.filter(batch_id=batch.id).order_by("id")
            await bulk_insert(ReviewEvent, [
                {"application_id": a.id, "action": ReviewAction.SUBMITTED, "actor_id": account.id}
                for a in applications
            ])
            await audit.record(ctx, "application.batch", batch, rule=rule.code, learners=len(chosen))
            await notify_institution(
                ctx, rule.institution_id, Module.CONVERSION_REVIEW, MessageKind.APPLICATION_RECEIVED,  # type: ignore[attr-defined]
                f"收到{institution.school.name}的批量转换申请（{len(chosen)}名学员）",
                f"{name}，转换规则{rule.code}", object_id=encode_id("ApplicationBatch", batch.id),
            )
    except IntegrityError as exc:
        # A learner's live application on this rule appeared meanwhile (B2): nothing is kept.
        raise Invalid.one("learnerAchievementIds", Code.ALREADY_APPLIED,
                          "所选学员中有人已在此规则上提交了申请，请刷新后重试") from exc
    return Applied(batch=batch, applications=applications)


async def _why_not(ctx: Context, rule: ConversionRule, sources: set[int], pk: int) -> tuple[Code, str]:
    record = await policy.owned(ctx, LearnerAchievement, retired=True).filter(id=pk).select_related("learner").first()
    if record is None:
        return Code.NOT_FOUND, Code.NOT_FOUND.label
    if record.withdrawn_at is not None:
        return Code.ALREADY_WITHDRAWN, "该学员成果已撤回，不能参与转换"
    if record.achievement_id not in sources:  # type: ignore[attr-defined]
        return Code.NOT_A_SOURCE, Code.NOT_A_SOURCE.label
    held = set(await LearnerAchievement.filter(
        learner_id=record.learner_id, withdrawn_at__isnull=True,  # type: ignore[attr-defined]
        achievement_id__in=list(sources)).values_list("achievement_id", flat=True))
    if held < sources:
        return Code.SOURCES_NOT_ALL_HELD, f"学员“{record.learner.name}”未持有该规则的全部源成果"
    return Code.ALREADY_APPLIED, f"学员“{record.learner.name}”在此规则上已有审核中或已成功的转换申请"


async def apply_personal(ctx: Context, data: Any) -> ConversionApplication:
    """F15: a learner applies on a published, in-force rule with one of their own records."""
    account = require_learner(ctx, "只有学员本人可以提交个人转换申请")
    rule, version, sources = await usable_rule(ctx, data.rule_id)
    record = await policy.get(ctx, LearnerAchievement, data.learner_achievement_id, owned=True,
                              retired=True, with_=("learner",))
    if record.withdrawn_at is not None:
        raise Invalid.one("learnerAchievementId", Code.ALREADY_WITHDRAWN, "该学员成果已撤回，不能参与转换")
    if record.achievement_id not in sources:  # type: ignore[attr-defined]
        raise Invalid.one("learnerAchievementId", Code.NOT_A_SOURCE)
    if not await holds_every_source(ctx, sources):
        raise Invalid.one("learnerAchievementId", Code.SOURCES_NOT_ALL_HELD)
    try:
        async with in_transaction():
            application = await ConversionApplication.create(
                **_row(ApplicationKind.PERSONAL, rule, version, record, applicant=account.id)
            )
            await ReviewEvent.create(application=application, action=ReviewAction.SUBMITTED,
                                     actor_id=account.id)
            await audit.record(ctx, "application.personal", application,
                               institution_id=rule.institution_id, rule=rule.code)  # type: ignore[attr-defined]
            await notify_institution(
                ctx, rule.institution_id, Module.CONVERSION_REVIEW, MessageKind.APPLICATION_RECEIVED,  # type: ignore[attr-defined]
                f"收到学员{record.learner.name}的个人转换申请", f"转换规则{rule.code}",
                object_id=encode_id("ConversionApplication", application.id),
            )
    except IntegrityError as exc:
        raise Invalid.one("ruleId", Code.ALREADY_APPLIED) from exc
    return application
