"""Making conversion rules (F9.3–F9.5): sources of any institution with their credit-bank
credits, targets of the publisher's own catalogue, a description and a PDF; saved as 未提交 and
published by ``publishRule`` after its completeness checks."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from decimal import Decimal
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, Module
from models.achievement import Achievement, AchievementForm
from models.conversion import (
    RULE_TRANSITIONS,
    ConversionMethod,
    ConversionRule,
    ExemptModule,
    PublishAction,
    PublishStatus,
    RuleSource,
    RuleTarget,
    RuleType,
    TargetKind,
)
from resolvers import audit, checks, policy
from resolvers.access import require_institution_member
from resolvers.achievement.fields import number
from resolvers.conversion.codes import next_rule_code
from resolvers.conversion.common import (
    check_pledges,
    read_pdf,
    record_commitment,
    refuse_transition,
)
from resolvers.dates import today
from resolvers.errors import Code, Problems
from resolvers.ids import encode_id

if TYPE_CHECKING:
    from server.context import Context

CREDITS_MAX = Decimal("1000")


def rule_member(ctx: Context) -> Account:
    return require_institution_member(ctx, Module.CONVERSION_RULES)


async def own_rule(ctx: Context, rule_id: Any) -> ConversionRule:
    rule_member(ctx)
    return await policy.get(ctx, ConversionRule, rule_id, owned=True)


@dataclass
class RuleDraft:
    rule_type: RuleType
    description: str
    valid_from: date
    valid_to: date | None
    target_credits: Decimal | None
    sources: list[tuple[Achievement, Decimal]] = field(default_factory=list)
    targets: list[tuple[TargetKind, Achievement]] = field(default_factory=list)
    modules: list[tuple[str, Decimal]] = field(default_factory=list)
    pdf: bytes | None = None
    pdf_name: str = ""
    new_commitment: bool = False


async def _source(ctx: Context, achievement_id: Any) -> Achievement | None:
    """A source is any achievement the publisher may see (F9.3): its own, and other institutions'
    public ones. Anything else is answered as an ID that matches nothing — no name, no type."""
    return await policy.visible(ctx, Achievement).filter(id=policy.pk_of(Achievement, achievement_id)).first()


async def check_draft(ctx: Context, account: Account, data: Any) -> RuleDraft:
    """Every value given must be valid; completeness is publishRule's check."""
    institution = account.institution
    assert institution is not None
    problems = Problems()
    rule_type = RuleType(data.rule_type)
    draft = RuleDraft(
        rule_type=rule_type,
        description=checks.text(problems, "description", data.description, 2000, required=False,
                                multiline=True),
        valid_from=data.valid_from or today(),
        # Given (even as null: 长期有效) or not: the schema's Maybe, read without strawberry.
        valid_to=getattr(data.valid_to, "value", None),
        target_credits=None,
    )
    if draft.valid_to is not None and draft.valid_to < draft.valid_from:
        problems.add("validTo", Code.INVALID_PERIOD)
    seen: set[int] = set()
    for index, source in enumerate(data.sources or []):
        where = f"sources.{index}"
        achievement = await _source(ctx, source.achievement_id)
        credits = number(problems, f"{where}.credits", source.credits, required=True,
                         low=Decimal("0"), high=CREDITS_MAX, positive=True)
        if achievement is None:
            problems.add(f"{where}.achievementId", Code.SOURCE_NOT_FOUND)
        elif achievement.category != rule_type.source_category:
            problems.add(f"{where}.achievementId", Code.SOURCE_CATEGORY,
                         f"“{achievement.name}”是{achievement.category.label}，"
                         f"{rule_type.label}规则的源成果须为{rule_type.source_category.label}")
        elif achievement.id in seen:
            problems.add(f"{where}.achievementId", Code.DUPLICATE_ITEM)
        elif credits is not None:
            seen.add(achievement.id)
            draft.sources.append((achievement, credits))
    await _check_targets(ctx, problems, rule_type, data, draft)
    draft.pdf = await read_pdf(problems, "file", data.file, required=False)
    if draft.pdf is not None:
        draft.pdf_name = (getattr(data.file, "filename", "") or "转换规则.pdf")[:200]
    if not await ConversionMethod.exists(institution_id=institution.id, deleted_at__isnull=True):
        problems.add(None, Code.METHOD_REQUIRED, "首次制定转换规则前，请先上传转换办法")
    draft.new_commitment = check_pledges(problems, institution, data)
    problems.raise_any()
    return draft


async def _own_target(ctx: Context, problems: Problems, achievement_id: Any, where: str,
                      form: AchievementForm | None) -> Achievement | None:
    """A target is one of the publisher's own achievements (F9.3)."""
    achievement = await policy.owned(ctx, Achievement).filter(id=policy.pk_of(Achievement, achievement_id)).first()
    if achievement is None:
        problems.add(where, Code.TARGET_NOT_FOUND)
        return None
    if form is not None and achievement.subtype.form is not form:
        problems.add(where, Code.TARGET_CATEGORY,
                     f"“{achievement.name}”不是{'专业（学历证书）' if form is AchievementForm.DIPLOMA else '课程'}")
        return None
    return achievement


async def _check_targets(ctx: Context, problems: Problems, rule_type: RuleType, data: Any,
                         draft: RuleDraft) -> None:
    majors, courses = data.target_major_ids or [], data.target_course_ids or []
    certificate = data.target_certificate
    if rule_type.target_category.value == "DEGREE":
        if certificate is not None:
            problems.add("targetCertificate", Code.TARGET_CATEGORY, "学历类目标不能选择证书")
        for kind, ids, form in ((TargetKind.MAJOR, majors, AchievementForm.DIPLOMA),
                                (TargetKind.COURSE, courses, AchievementForm.COURSE)):
            field_name = "targetMajorIds" if kind is TargetKind.MAJOR else "targetCourseIds"
            chosen: set[int] = set()
            for index, achievement_id in enumerate(ids):
                target = await _own_target(ctx, problems, achievement_id,
                                           f"{field_name}.{index}", form)
                if target is not None and target.id in chosen:
                    problems.add(f"{field_name}.{index}", Code.DUPLICATE_ITEM)
                elif target is not None:
                    chosen.add(target.id)
                    draft.targets.append((kind, target))
        return
    if majors or courses:
        problems.add("targetCourseIds", Code.TARGET_CATEGORY, "非学历类目标只能选择证书及其免考模块")
    if certificate is None:
        return
    target = await _own_target(ctx, problems, certificate.achievement_id,
                               "targetCertificate.achievementId", None)
    if target is not None and target.category.value != "NON_DEGREE":
        problems.add("targetCertificate.achievementId", Code.TARGET_CATEGORY, "目标证书须为非学历成果")
    elif target is not None:
        draft.targets.append((TargetKind.CERTIFICATE, target))
    draft.target_credits = number(problems, "targetCertificate.credits", certificate.credits,
                                  required=True, low=Decimal("0"), high=CREDITS_MAX, positive=True)
    for index, module in enumerate(certificate.modules or []):
        name = checks.text(problems, f"targetCertificate.modules.{index}.name", module.name, 50)
        credits = number(problems, f"targetCertificate.modules.{index}.credits", module.credits,
                         required=True, low=Decimal("0"), high=CREDITS_MAX, positive=True)
        if name and credits is not None:
            draft.modules.append((name, credits))
    total = sum((credits for _, credits in draft.modules), Decimal("0"))
    if draft.target_credits is not None and total > draft.target_credits:
        problems.add("targetCertificate.modules", Code.MODULE_CREDITS_EXCEED,
                     f"免考模块学分之和{total}超过了证书的{draft.target_credits}学分")


async def _write_children(rule: ConversionRule, draft: RuleDraft) -> None:
    await RuleSource.filter(rule_id=rule.id).delete()
    await RuleTarget.filter(rule_id=rule.id).delete()
    await ExemptModule.filter(rule_id=rule.id).delete()
    for achievement, credits in draft.sources:
        await RuleSource.create(rule=rule, achievement=achievement, credits=credits)
    for kind, achievement in draft.targets:
        await RuleTarget.create(rule=rule, kind=kind, achievement=achievement)
    for name, credits in draft.modules:
        await ExemptModule.create(rule=rule, name=name, credits=credits)


async def create(ctx: Context, data: Any, publish: bool) -> ConversionRule:
    account = rule_member(ctx)
    draft = await check_draft(ctx, account, data)
    file_key = await ctx.services.storage.save(draft.pdf, ".pdf") if draft.pdf else ""
    try:
        return await _create(ctx, account, draft, file_key, publish)
    except Exception:
        if file_key:
            await ctx.services.storage.delete(file_key)
        raise


async def _create(ctx: Context, account: Account, draft: RuleDraft, file_key: str,
                  publish: bool) -> ConversionRule:
    async with in_transaction():
        if draft.new_commitment:
            await record_commitment(account.institution, account)  # type: ignore[arg-type]
        rule = await ConversionRule.create(
            institution_id=account.institution_id, code=await next_rule_code(),  # type: ignore[attr-defined]
            rule_type=draft.rule_type, description=draft.description, file_key=file_key,
            file_name=draft.pdf_name, valid_from=draft.valid_from, valid_to=draft.valid_to,
            target_credits=draft.target_credits, pledged_by_id=account.id, pledged_at=now(),
            created_by_id=account.id,
        )
        await _write_children(rule, draft)
        await audit.record(ctx, "rule.create", rule, code=rule.code)
        if publish:
            # 【发布】 saves and publishes at once: if publishing is refused nothing is kept.
            from resolvers.conversion.publishing import publish_in_transaction

            await publish_in_transaction(ctx, rule)
    await rule.refresh_from_db()
    return rule


async def update(ctx: Context, rule_id: Any, data: Any) -> ConversionRule:
    """Only 未提交 / 未发布 / 下架 rules; a published rule is revoked first (B1)."""
    rule = await own_rule(ctx, rule_id)
    allowed = RULE_TRANSITIONS[PublishAction.EDIT]
    if rule.status not in allowed:
        raise refuse_transition(PublishAction.EDIT, rule.status)
    account = rule_member(ctx)
    draft = await check_draft(ctx, account, await _keep_unsent(rule, data))
    changes: dict[str, Any] = {}
    if draft.pdf is not None:
        changes = {"file_key": await ctx.services.storage.save(draft.pdf, ".pdf"),
                   "file_name": draft.pdf_name}
    try:
        await _update(ctx, account, rule, allowed, draft, changes)
    except Exception:
        if "file_key" in changes:
            await ctx.services.storage.delete(changes["file_key"])
        raise
    await rule.refresh_from_db()
    return rule


async def _keep_unsent(rule: ConversionRule, data: Any) -> SimpleNamespace:
    """``data`` with each field it leaves out (null) taken from ``rule``: an update changes only
    what it is given, and what it keeps is checked again under the rule type it names."""
    given = SimpleNamespace(**{f.name: getattr(data, f.name) for f in fields(data)})
    if given.sources is None:
        given.sources = [
            SimpleNamespace(achievement_id=encode_id("Achievement", pk), credits=credits)
            for pk, credits in await RuleSource.filter(rule_id=rule.id).order_by("id")
            .values_list("achievement_id", "credits")
        ]
    # Targets are kept only of the kind the rule type names: switching a rule to a certificate
    # target does not keep its courses (nor the other way round).
    degree = RuleType(data.rule_type).target_category.value == "DEGREE"
    targets = await RuleTarget.filter(rule_id=rule.id).order_by("id").values_list("kind", "achievement_id")
    for name, kind in (("target_major_ids", TargetKind.MAJOR), ("target_course_ids", TargetKind.COURSE)):
        if getattr(given, name) is None:
            setattr(given, name, [encode_id("Achievement", pk) for k, pk in targets if k == kind and degree])
    certificate = next((pk for kind, pk in targets if kind == TargetKind.CERTIFICATE), None)
    if given.target_certificate is None and certificate is not None and not degree:
        given.target_certificate = SimpleNamespace(
            achievement_id=encode_id("Achievement", certificate), credits=rule.target_credits,
            modules=[SimpleNamespace(name=name, credits=credits) for name, credits in
                     await ExemptModule.filter(rule_id=rule.id).order_by("id").values_list("name", "credits")],
        )
    if given.description is None:
        given.description = rule.description
    if given.valid_from is None:
        given.valid_from = rule.valid_from
    if given.valid_to is None:
        given.valid_to = SimpleNamespace(value=rule.valid_to)
    return given


async def _update(ctx: Context, account: Account, rule: ConversionRule,
                  allowed: dict[PublishStatus, PublishStatus | None], draft: RuleDraft,
                  changes: dict[str, Any]) -> None:
    async with in_transaction():
        if draft.new_commitment:
            await record_commitment(account.institution, account)  # type: ignore[arg-type]
        target_status = allowed[rule.status] or rule.status
        updated = await ConversionRule.filter(id=rule.id, status=rule.status).update(
            rule_type=draft.rule_type, description=draft.description, valid_from=draft.valid_from,
            valid_to=draft.valid_to, target_credits=draft.target_credits, status=target_status,
            pledged_by_id=account.id, pledged_at=now(), updated_at=now(), **changes,
        )
        if not updated:
            raise refuse_transition(PublishAction.EDIT, PublishStatus.PUBLISHED)
        await _write_children(rule, draft)
        await audit.record(ctx, "rule.update", rule, code=rule.code)
