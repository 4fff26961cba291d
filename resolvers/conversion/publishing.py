"""``publishRule`` (D1) and the rest of a rule's life (F9.5, B1): publish after completeness
checks, each publication a new version; revoke; staff take-down with a message; delete."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Module
from models.conversion import (
    RULE_TRANSITIONS,
    ConversionMethod,
    ConversionRule,
    PublishAction,
    PublishStatus,
    RuleVersion,
    TargetKind,
)
from models.message import MessageKind
from resolvers import audit, checks, policy
from resolvers.access import require_staff
from resolvers.conversion.common import refuse_transition
from resolvers.conversion.rules import own_rule
from resolvers.dates import today
from resolvers.errors import Code, Problems
from resolvers.ids import encode_id
from resolvers.messages import notify_institution

if TYPE_CHECKING:
    from server.context import Context


async def completeness(rule: ConversionRule) -> Problems:
    """What keeps a saved rule from being published: it must be complete and consistent now."""
    problems = Problems()
    sources = await rule.sources.all().order_by("id").select_related("achievement")
    targets = await rule.targets.all().order_by("id").select_related("achievement")
    if not sources:
        problems.add("sources", Code.RULE_INCOMPLETE, "请至少选择一个源成果")
    for source in sources:
        if source.achievement.deleted_at is not None:
            problems.add("sources", Code.SOURCE_NOT_FOUND, f"源成果“{source.achievement.name}”已删除")
        if source.credits <= 0:
            problems.add("sources", Code.OUT_OF_RANGE, "学分银行学分须大于0")
    for target in targets:
        if target.achievement.deleted_at is not None:
            problems.add("targets", Code.TARGET_NOT_FOUND, f"目标成果“{target.achievement.name}”已删除")
        elif target.achievement.institution_id != rule.institution_id:  # type: ignore[attr-defined]
            problems.add("targets", Code.TARGET_NOT_FOUND)
    kinds = {target.kind for target in targets}
    if rule.rule_type.target_category.value == "DEGREE":
        if TargetKind.COURSE not in kinds:
            problems.add("targetCourseIds", Code.TARGET_COURSE_REQUIRED)
    elif TargetKind.CERTIFICATE not in kinds or not rule.target_credits:
        problems.add("targetCertificate", Code.TARGET_CERTIFICATE_REQUIRED)
    if not rule.file_key:
        problems.add("file", Code.RULE_FILE_REQUIRED)
    if rule.valid_to is not None and rule.valid_to < today():
        problems.add("validTo", Code.INVALID_PERIOD, "有效期已过，请修改有效期后再发布")
    if not await ConversionMethod.exists(institution_id=rule.institution_id, deleted_at__isnull=True):  # type: ignore[attr-defined]
        problems.add(None, Code.METHOD_REQUIRED)
    return problems


async def _share_lock_achievements(rule: ConversionRule) -> None:
    connection = ConversionRule._choose_db(for_write=True)
    if connection.capabilities.dialect != "postgres":
        return  # SQLite serialises writers already
    await connection.execute_query(
        "SELECT id FROM achievement WHERE id IN (SELECT achievement_id FROM rule_source "
        "WHERE rule_id = $1 UNION SELECT achievement_id FROM rule_target WHERE rule_id = $1) "
        "FOR SHARE", [rule.id])


async def snapshot(rule: ConversionRule) -> dict[str, Any]:
    """What a version records: enough to show and apply the rule as it was (B1)."""
    sources = await rule.sources.all().order_by("id").select_related("achievement__institution__school")
    targets = await rule.targets.all().order_by("id").select_related("achievement")
    modules = await rule.modules.all().order_by("id")
    return {
        "ruleType": rule.rule_type.value,
        "sources": [{"achievementId": s.achievement_id, "name": s.achievement.name,  # type: ignore[attr-defined]
                     "institution": s.achievement.institution.school.name,
                     "credits": str(s.credits)} for s in sources],
        "targets": [{"kind": t.kind.value, "achievementId": t.achievement_id,  # type: ignore[attr-defined]
                     "name": t.achievement.name,
                     "originalHours": t.achievement.original_hours,
                     "originalCredits": (str(t.achievement.original_credits)
                                         if t.achievement.original_credits is not None else None)}
                    for t in targets],
        "targetCredits": str(rule.target_credits) if rule.target_credits is not None else None,
        "modules": [{"name": m.name, "credits": str(m.credits)} for m in modules],
        "description": rule.description,
        "file": rule.file_key,
    }


async def publish_rule(ctx: Context, rule_id: Any) -> ConversionRule:
    rule = await own_rule(ctx, rule_id)
    async with in_transaction():
        await publish_in_transaction(ctx, rule)
    await rule.refresh_from_db()
    return rule


async def publish_in_transaction(ctx: Context, rule: ConversionRule) -> None:
    """Check and publish ``rule`` inside the caller's transaction (a refusal rolls it back).

    The rule row is locked before the checks, and its source and target achievements are
    share-locked, so an edit or a deletion committing meanwhile cannot slip under the check.
    """
    locked = await ConversionRule.select_for_update().get(id=rule.id)
    rule.status, rule.version = locked.status, locked.version
    if rule.status not in RULE_TRANSITIONS[PublishAction.PUBLISH]:
        raise refuse_transition(PublishAction.PUBLISH, rule.status)
    await _share_lock_achievements(rule)
    problems = await completeness(rule)
    problems.raise_any()
    moved = await ConversionRule.filter(id=rule.id, status=rule.status).update(
        status=PublishStatus.PUBLISHED, version=rule.version + 1, published_at=now(),
        taken_down_reason="", updated_at=now(),
    )
    if not moved:
        raise refuse_transition(PublishAction.PUBLISH, PublishStatus.PUBLISHED)
    await RuleVersion.create(rule=rule, number=rule.version + 1, valid_from=rule.valid_from,
                             valid_to=rule.valid_to, snapshot=await snapshot(rule))
    await audit.record(ctx, "rule.publish", rule, code=rule.code, version=rule.version + 1)


async def _move(ctx: Context, rule: ConversionRule, action: PublishAction, **changes: Any) -> ConversionRule:
    target = RULE_TRANSITIONS[action].get(rule.status)
    if target is None:
        raise refuse_transition(action, rule.status)
    async with in_transaction():
        moved = await ConversionRule.filter(id=rule.id, status=rule.status).update(
            status=target, updated_at=now(), **changes
        )
        if not moved:
            raise refuse_transition(action, rule.status)
        await audit.record(ctx, f"rule.{action.value.lower()}", rule, code=rule.code,
                           institution_id=rule.institution_id, **{k: str(v) for k, v in changes.items()})  # type: ignore[attr-defined]
        if action == PublishAction.TAKE_DOWN:
            await notify_institution(
                ctx, rule.institution_id, Module.CONVERSION_RULES, MessageKind.RULE_TAKEN_DOWN,  # type: ignore[attr-defined]
                f"转换规则{rule.code}已被学分银行下架", f"下架原因：{changes['taken_down_reason']}",
                object_id=encode_id("ConversionRule", rule.id),
            )
    await rule.refresh_from_db()
    return rule


async def revoke(ctx: Context, rule_id: Any) -> ConversionRule:
    return await _move(ctx, await own_rule(ctx, rule_id), PublishAction.REVOKE)


async def take_down(ctx: Context, rule_id: Any, reason: str | None) -> ConversionRule:
    staff = require_staff(ctx)
    rule = await policy.get(ctx, ConversionRule, rule_id, owned=True)
    problems = Problems()
    text = checks.text(problems, "reason", reason, 500, multiline=True)
    problems.raise_any()
    return await _move(ctx, rule, PublishAction.TAKE_DOWN, taken_down_reason=text,
                       taken_down_at=now(), taken_down_by_id=staff.id)


async def delete(ctx: Context, rule_id: Any) -> ConversionRule:
    rule = await own_rule(ctx, rule_id)
    if rule.status not in RULE_TRANSITIONS[PublishAction.DELETE]:
        raise refuse_transition(PublishAction.DELETE, rule.status)
    async with in_transaction():
        deleted = await ConversionRule.filter(
            id=rule.id, status__in=list(RULE_TRANSITIONS[PublishAction.DELETE])
        ).update(deleted_at=now(), updated_at=now())
        if not deleted:
            raise refuse_transition(PublishAction.DELETE, PublishStatus.PUBLISHED)
        await audit.record(ctx, "rule.delete", rule, code=rule.code)
    return rule


def in_force_on(day: date) -> dict[str, Any]:
    """Filter arguments for published rules in force on ``day`` (B1)."""
    return {"status": PublishStatus.PUBLISHED, "deleted_at__isnull": True, "valid_from__lte": day}


def is_in_force(rule: ConversionRule, day: date) -> bool:
    return (rule.status == PublishStatus.PUBLISHED and rule.deleted_at is None
            and rule.valid_from <= day and (rule.valid_to is None or rule.valid_to >= day))


