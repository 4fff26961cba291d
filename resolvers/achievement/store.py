"""``storeAchievement`` (D1, F4.3–F4.6): one achievement of a chosen subtype, never modified."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from models.account import Account, Module
from models.achievement import (
    Achievement,
    AchievementForm,
    AchievementSubtype,
    SubtypeGrant,
)
from models.institution import Institution
from models.reference import GraduationConclusion, Level, Major
from resolvers import audit, policy
from resolvers.access import require_institution_member
from resolvers.achievement.fields import AchievementValues, check_values
from resolvers.errors import Code, Invalid, Problems

if TYPE_CHECKING:
    from server.context import Context

FORM_INPUTS = {
    AchievementForm.DIPLOMA: "diploma",
    AchievementForm.COURSE: "course",
    AchievementForm.CERTIFICATE: "certificate",
}


async def check_may_store(institution: Institution, subtype: AchievementSubtype) -> None:
    """X certificates only come from the sync (F4.4); restricted subtypes need a grant (F4.5)."""
    if subtype.synced_only:
        raise Invalid.one("subtype", Code.SUBTYPE_SYNCED_ONLY)
    if subtype.needs_grant and not await SubtypeGrant.exists(
        institution_id=institution.id, live_key=subtype.value
    ):
        raise Invalid.one("subtype", Code.SUBTYPE_NOT_GRANTED)


async def store(ctx: Context, data: Any) -> Achievement:
    account = require_institution_member(ctx, Module.ACHIEVEMENTS)
    institution = account.institution
    assert institution is not None
    subtype = AchievementSubtype(data.subtype)
    await check_may_store(institution, subtype)

    expected = FORM_INPUTS[subtype.form]
    given = [name for name in FORM_INPUTS.values() if getattr(data, name, None) is not None]
    if given != [expected]:
        raise Invalid.one(expected, Code.WRONG_FORM, f"该成果子类型请填写 {expected} 中的信息")
    fields = getattr(data, expected)

    problems = Problems()
    raw = {name: getattr(fields, name, None) for name in (
        "years", "original_hours", "original_credits", "min_graduation_credits", "introduction",
        "course_name", "course_code", "certificate_name",
    )}
    level = major = conclusion = None
    if subtype.form is AchievementForm.DIPLOMA:
        level = await _reference(problems, Level, fields.level_id, "levelId", Code.UNKNOWN_LEVEL)
        major = await _reference(problems, Major, fields.major_id, "majorId", Code.UNKNOWN_MAJOR)
        conclusion = await _reference(
            problems, GraduationConclusion, fields.graduation_conclusion_id,
            "graduationConclusionId", Code.UNKNOWN_CONCLUSION,
        )
    values = check_values(
        problems, subtype, raw, level=level, major=major, graduation_conclusion=conclusion,
        valid_from=getattr(fields, "valid_from", None), grade=getattr(fields, "grade", None),
    )
    # Named by their path in the input (``diploma.years``), as every form's fields are.
    if problems.items:
        raise Invalid([replace(p, field=f"{expected}.{p.field}") if p.field else p for p in problems.items])
    return await save(ctx, account, institution, values)


async def save(ctx: Context, account: Account, institution: Institution,
               values: AchievementValues) -> Achievement:
    if await Achievement.exists(institution_id=institution.id, live_key=values.live_key):
        raise Invalid.one(None, Code.ACHIEVEMENT_EXISTS, f"成果“{values.name}”已存在，不能重复存储")
    try:
        async with in_transaction():
            achievement = await Achievement.create(
                **achievement_row(values, institution, account.id),
            )
            await audit.record(ctx, "achievement.store", achievement, name=achievement.name)
    except IntegrityError as exc:
        raise Invalid.one(None, Code.ACHIEVEMENT_EXISTS, f"成果“{values.name}”已存在，不能重复存储") from exc
    return achievement


def achievement_row(values: AchievementValues, institution: Institution, operator_id: int,
                    import_job_id: int | None = None) -> dict[str, Any]:
    return {
        "institution_id": institution.id,
        "category": values.subtype.category,
        "subtype": values.subtype,
        "name": values.name,
        "issuer": institution.school.name,
        "level_id": values.level.id if values.level else None,
        "major_id": values.major.id if values.major else None,
        "graduation_conclusion_id": (
            values.graduation_conclusion.id if values.graduation_conclusion else None
        ),
        "years": values.years,
        "min_graduation_credits": values.min_graduation_credits,
        "valid_from": values.valid_from,
        "course_name": values.course_name,
        "course_code": values.course_code,
        "original_hours": values.original_hours,
        "original_credits": values.original_credits,
        "certificate_name": values.certificate_name,
        "grade": values.grade,
        "introduction": values.introduction,
        "live_key": values.live_key,
        "stored_by_id": operator_id,
        "import_job_id": import_job_id,
    }


async def _reference(problems: Problems, model: Any, global_id: Any, field: str, unknown: Code) -> Any:
    if not global_id:
        problems.add(field, Code.REQUIRED)
        return None
    found = await policy.public(model).filter(id=policy.pk_of(model, global_id)).first()
    if found is None:
        problems.add(field, unknown)
    return found
