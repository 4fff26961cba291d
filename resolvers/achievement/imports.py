"""Importing institution achievements from a spreadsheet (F4.8, F4.9, B7), and the templates."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from tortoise.queryset import QuerySet
from tortoise.timezone import now

from adapters.spreadsheets import build_template, cell_date, cell_text
from models.account import Module
from models.achievement import (
    Achievement,
    AchievementForm,
    AchievementSubtype,
    CertificateGrade,
    RecognitionStatus,
)
from models.imports import ImportJob, ImportKind
from models.institution import Institution
from models.reference import GraduationConclusion, Level, Major
from resolvers import policy
from resolvers.access import require_institution_member
from resolvers.achievement.columns import FIELD_TITLES, SAMPLES, columns_for, notes_for
from resolvers.achievement.fields import check_values
from resolvers.achievement.store import achievement_row, check_may_store
from resolvers.errors import Code, Problems
from resolvers.imports import TEMPLATE_KEY, ImportOutcome, run_import
from server.bulk import bulk_insert

if TYPE_CHECKING:
    from server.context import Context

TEMPLATE_VERSION = "1"
_GRADES = {g.label: g for g in CertificateGrade}


class AchievementImport:
    kind = ImportKind.ACHIEVEMENTS
    lock_name = "achievements"

    def __init__(self, institution: Institution, subtype: AchievementSubtype, operator_id: int) -> None:
        self.institution = institution
        self.subtype = subtype
        self.operator_id = operator_id
        self.target = subtype.value
        self.columns = columns_for(subtype)
        self.template_name = f"机构成果-{subtype.label}"

    def field_title(self, field: str | None) -> str:
        return FIELD_TITLES.get(field or "row", field or "整行")

    async def prepare(self) -> None:
        self.levels = {row.name: row for row in await Level.all()}
        self.conclusions = {row.name: row for row in await GraduationConclusion.all()}
        self.majors_by_code: dict[str, Major] = {}
        self.majors_by_name: dict[str, list[Major]] = defaultdict(list)
        for major in await Major.all().select_related("major_class__discipline"):
            self.majors_by_code[major.code] = major
            self.majors_by_name[major.name].append(major)

    def check_row(self, raw: dict[str, Any], problems: Problems) -> tuple[str, Any]:
        level = major = conclusion = grade = None
        form = self.subtype.form
        if form is AchievementForm.DIPLOMA:
            level = self._lookup(problems, "levelId", raw.get("level"), self.levels, Code.UNKNOWN_LEVEL)
            conclusion = self._lookup(problems, "graduationConclusionId", raw.get("graduation_conclusion"),
                                      self.conclusions, Code.UNKNOWN_CONCLUSION)
            major = self._major(problems, raw)
        if form is AchievementForm.CERTIFICATE and cell_text(raw.get("grade")):
            grade = _GRADES.get(cell_text(raw.get("grade")))
            if grade is None:
                problems.add("grade", Code.UNKNOWN_GRADE)
        valid_from = cell_date(raw.get("valid_from"))
        if valid_from == "":
            problems.add("validFrom", Code.INVALID_DATE, "日期格式应为YYYY-MM-DD，如 2022-03-01")
            valid_from = None
        text_raw = {key: cell_text(value) if key not in _NUMERIC else value for key, value in raw.items()}
        values = check_values(problems, self.subtype, text_raw, level=level, major=major,
                              graduation_conclusion=conclusion, valid_from=valid_from, grade=grade)  # type: ignore[arg-type]
        if problems.items:
            return "", None
        return values.live_key, values

    def _lookup(self, problems: Problems, field: str, value: Any, table: dict[str, Any],
                unknown: Code) -> Any:
        name = cell_text(value)
        if not name:
            problems.add(field, Code.REQUIRED)
            return None
        found = table.get(name)
        if found is None:
            problems.add(field, unknown, f"{unknown.label}：“{name}”")
        return found

    def _major(self, problems: Problems, raw: dict[str, Any]) -> Major | None:
        name, code = cell_text(raw.get("major")), cell_text(raw.get("major_code"))
        discipline, major_class = cell_text(raw.get("discipline")), cell_text(raw.get("major_class"))
        for field, value in (("discipline", discipline), ("majorClass", major_class)):
            if not value:
                problems.add(field, Code.REQUIRED)
        if not name:
            problems.add("majorId", Code.REQUIRED)
            return None
        if code:
            major = self.majors_by_code.get(code)
            candidates = [major] if major is not None and major.name == name else []
        else:
            candidates = [
                m for m in self.majors_by_name.get(name, [])
                if (not major_class or m.major_class.name == major_class)
                and (not discipline or m.major_class.discipline.name == discipline)
            ]
        if len(candidates) != 1:
            message = (f"专业“{name}”有多个同名专业，请填写专业代码" if len(candidates) > 1
                       else f"专业“{name}”{'（' + code + '）' if code else ''}不在专业目录中")
            problems.add("majorId", Code.UNKNOWN_MAJOR, message)
            return None
        major = candidates[0]
        if major_class and major.major_class.name != major_class:
            problems.add("majorClass", Code.UNKNOWN_MAJOR, f"专业类应为“{major.major_class.name}”")
        if discipline and major.major_class.discipline.name != discipline:
            problems.add("discipline", Code.UNKNOWN_MAJOR,
                         f"学科门类应为“{major.major_class.discipline.name}”")
        return major

    async def existing_keys(self) -> set[str]:
        keys = await Achievement.filter(
            institution_id=self.institution.id, subtype=self.subtype, deleted_at__isnull=True
        ).values_list("live_key", flat=True)
        return set(keys)  # type: ignore[arg-type]

    async def insert(self, values: list[Any], job_id: int | None) -> None:
        moment = now()
        await bulk_insert(Achievement, [
            {**achievement_row(v, self.institution, self.operator_id, job_id),
             "recognition_status": RecognitionStatus.UNRECOGNIZED, "deleted_at": None,
             "recognized_at": None, "deleted_by_id": None, "external_id": "",
             "created_at": moment, "updated_at": moment}
            for v in values
        ])


_NUMERIC = {"years", "original_hours", "original_credits", "min_graduation_credits"}


async def import_achievements(ctx: Context, subtype: AchievementSubtype, upload: Any,
                              dry_run: bool) -> ImportOutcome:
    account = require_institution_member(ctx, Module.ACHIEVEMENTS)
    institution = account.institution
    assert institution is not None
    subtype = AchievementSubtype(subtype)
    await check_may_store(institution, subtype)
    spec = AchievementImport(institution, subtype, account.id)
    return await run_import(ctx, account, spec, upload, dry_run)


def import_jobs(ctx: Context) -> QuerySet[ImportJob]:
    account = require_institution_member(ctx, Module.ACHIEVEMENTS)
    return policy.owned(ctx, ImportJob).filter(
        institution_id=account.institution_id, kind=ImportKind.ACHIEVEMENTS  # type: ignore[attr-defined]
    ).order_by("-created_at", "-id")


async def template_key(ctx: Context, subtype: AchievementSubtype) -> tuple[str, str]:
    """The storage key and file name of the subtype's import template (built once)."""
    require_institution_member(ctx, Module.ACHIEVEMENTS)
    subtype = AchievementSubtype(subtype)
    columns = list(columns_for(subtype))
    levels = [row.name for row in await Level.all().order_by("sort")]
    conclusions = [row.name for row in await GraduationConclusion.all().order_by("sort")]
    choices = {"level": tuple(levels), "graduation_conclusion": tuple(conclusions)}
    columns = [
        type(c)(c.key, c.title, c.required, choices.get(c.key, c.choices), c.width) for c in columns
    ]
    name = f"机构成果-{subtype.label}"
    fingerprint = hashlib.sha256("|".join([*levels, "/", *conclusions]).encode()).hexdigest()[:10]
    key = f"templates/achievements-{subtype.value.lower()}-{TEMPLATE_VERSION}-{fingerprint}.xlsx"
    storage = ctx.services.storage
    if not storage.exists(key):
        content = build_template(columns, SAMPLES[subtype.form], notes_for(subtype),
                                 {TEMPLATE_KEY: name, "版本": TEMPLATE_VERSION})
        await storage.save_as(key, content)
    return key, f"{name}导入模板.xlsx"

