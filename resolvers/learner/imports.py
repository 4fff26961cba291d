"""Importing learners (F6.4) and learner achievements onto one achievement (F5.3), through the
shared import engine; and their templates."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from tortoise.queryset import QuerySet
from tortoise.timezone import now

from adapters.spreadsheets import Column, build_template, cell_date, cell_text
from models.account import Account
from models.achievement import Achievement, AchievementForm
from models.imports import ImportJob, ImportKind
from models.learner import Learner, LearnerAchievement
from resolvers import policy
from resolvers.errors import Code, Problems
from resolvers.imports import TEMPLATE_KEY, ImportOutcome, run_import
from resolvers.learner import scope
from resolvers.learner.learners import activation, check_person, registered_accounts
from resolvers.learner.records import RecordValues, check_record, own_achievement, record_row
from server.bulk import bulk_insert
from validators.person_name import same_name

if TYPE_CHECKING:
    from server.context import Context

TEMPLATE_VERSION = "1"
PERSON_COLUMNS = (Column("name", "学员姓名", required=True), Column("id_number", "身份证号", required=True, width=22))
TITLES = {"name": "学员姓名", "idNumber": "身份证号", "personalNumber": "个人成果编号",
          "issuedOn": "颁证日期", "score": "成绩", "earnedCredits": "获得学分", "row": "整行"}


def record_columns(form: AchievementForm) -> tuple[Column, ...]:
    number_title = "证书编号" if form is AchievementForm.CERTIFICATE else "个人成果编号"
    columns = (*PERSON_COLUMNS, Column("personal_number", number_title, required=True, width=20),
               Column("issued_on", "颁证日期", required=True, width=14))
    if form is AchievementForm.COURSE:
        columns += (Column("score", "成绩"), Column("earned_credits", "获得学分"))
    return columns


def _learner_row(institution_id: int, name: str, id_number: str, operator_id: int, job_id: int | None,
                 registered: Account | None) -> dict[str, Any]:
    moment = now()
    return {"institution_id": institution_id, "name": name, "id_number": id_number,
            "created_by_id": operator_id, "import_job_id": job_id, "created_at": moment,
            "updated_at": moment, **activation(registered, name)}


class LearnerImport:
    kind = ImportKind.LEARNERS
    lock_name = "learners"
    target = ""
    columns = PERSON_COLUMNS
    template_name = "学员账户"

    def __init__(self, institution_id: int, operator_id: int) -> None:
        self.institution_id, self.operator_id = institution_id, operator_id

    def field_title(self, field: str | None) -> str:
        return TITLES.get(field or "row", field or "整行")

    async def prepare(self) -> None:
        pass

    def check_row(self, raw: dict[str, Any], problems: Problems) -> tuple[str, Any]:
        name, id_number = check_person(problems, cell_text(raw.get("name")), cell_text(raw.get("id_number")))
        return id_number, (name, id_number)

    async def existing_keys(self) -> set[str]:
        return set(await Learner.filter(institution_id=self.institution_id).values_list("id_number", flat=True))  # type: ignore[arg-type]

    async def insert(self, values: list[Any], job_id: int | None) -> None:
        registered = await registered_accounts([id_number for _, id_number in values])
        await bulk_insert(Learner, [
            _learner_row(self.institution_id, name, id_number, self.operator_id, job_id,
                         registered.get(id_number))
            for name, id_number in values
        ])


class RecordImport:
    kind = ImportKind.LEARNER_ACHIEVEMENTS
    # Creates learners on the way: shares the learner import's lock.
    lock_name = "learners"

    def __init__(self, achievement: Achievement, operator_id: int) -> None:
        self.achievement, self.operator_id = achievement, operator_id
        self.institution_id: int = achievement.institution_id  # type: ignore[attr-defined]
        self.target = str(achievement.id)
        self.columns = record_columns(achievement.subtype.form)
        self.template_name = f"学员成果-{achievement.subtype.form.value}"

    def field_title(self, field: str | None) -> str:
        return TITLES.get(field or "row", field or "整行")

    async def prepare(self) -> None:
        rows = await Learner.filter(institution_id=self.institution_id).values_list("id_number", "name")
        self.names: dict[str, str] = dict(rows)  # type: ignore[arg-type]

    def check_row(self, raw: dict[str, Any], problems: Problems) -> tuple[str, Any]:
        issued_on = cell_date(raw.get("issued_on"))
        if issued_on == "":
            problems.add("issuedOn", Code.INVALID_DATE, "日期格式应为YYYY-MM-DD，如 2022-03-01")
            issued_on = None
        text = {key: cell_text(value) if key != "earned_credits" else value for key, value in raw.items()}
        values = check_record(problems, self.achievement, text, issued_on)  # type: ignore[arg-type]
        if problems.items:
            return "", None
        known = self.names.setdefault(values.id_number, values.name)
        if not same_name(known, values.name):
            problems.add("name", Code.LEARNER_NAME_MISMATCH, f"该身份证号已登记为学员“{known}”")
        return f"{values.id_number}|{values.personal_number}", values

    async def existing_keys(self) -> set[str]:
        rows = await LearnerAchievement.filter(
            achievement_id=self.achievement.id, withdrawn_at__isnull=True
        ).values_list("learner__id_number", "personal_number")
        return {f"{id_number}|{number}" for id_number, number in rows}

    async def insert(self, values: list[RecordValues], job_id: int | None) -> None:
        id_numbers = list({v.id_number for v in values})
        known = dict(await Learner.filter(
            institution_id=self.institution_id, id_number__in=id_numbers
        ).values_list("id_number", "id"))
        missing = {v.id_number: v.name for v in values if v.id_number not in known}
        if missing:
            registered = await registered_accounts(list(missing))
            # A learner added by hand meanwhile is kept as it is.
            await bulk_insert(Learner, skip_existing=True, rows=[
                _learner_row(self.institution_id, name, id_number, self.operator_id, job_id,
                             registered.get(id_number))
                for id_number, name in missing.items()
            ])
            known.update(await Learner.filter(
                institution_id=self.institution_id, id_number__in=list(missing)
            ).values_list("id_number", "id"))
        moment = now()
        await bulk_insert(LearnerAchievement, [
            {**record_row(self.achievement, known[v.id_number], v, self.operator_id, job_id),
             "created_at": moment, "updated_at": moment, "withdrawn_at": None}
            for v in values
        ])


async def import_learners(ctx: Context, upload: Any, dry_run: bool) -> ImportOutcome:
    account = scope.institution_member(ctx)
    spec = LearnerImport(account.institution_id, account.id)  # type: ignore[attr-defined]
    return await run_import(ctx, account, spec, upload, dry_run)


async def import_records(ctx: Context, achievement_id: Any, upload: Any, dry_run: bool) -> ImportOutcome:
    account, achievement = await own_achievement(ctx, achievement_id)
    return await run_import(ctx, account, RecordImport(achievement, account.id), upload, dry_run)


def import_jobs(ctx: Context, kind: ImportKind, achievement_id: int | None = None) -> QuerySet[ImportJob]:
    """Import records, newest first; F5.3 shows learner-achievement records of the last year."""
    account = scope.institution_member(ctx)
    query = policy.owned(ctx, ImportJob).filter(institution_id=account.institution_id, kind=kind)  # type: ignore[attr-defined]
    if kind == ImportKind.LEARNER_ACHIEVEMENTS:
        query = query.filter(created_at__gte=now() - timedelta(days=365))
        if achievement_id is not None:
            query = query.filter(target=str(achievement_id))
    return query.order_by("-created_at", "-id")


async def template(ctx: Context, columns: tuple[Column, ...], name: str, sample: list[Any],
                   notes: list[str]) -> tuple[str, str]:
    scope.institution_member(ctx)
    content = "|".join([name, *(c.header for c in columns), *notes])
    fingerprint = hashlib.sha256(content.encode()).hexdigest()[:12]
    key = f"templates/{fingerprint}-{TEMPLATE_VERSION}.xlsx"
    storage = ctx.services.storage
    if not storage.exists(key):
        await storage.save_as(key, build_template(columns, sample, notes,
                                                  {TEMPLATE_KEY: name, "版本": TEMPLATE_VERSION}))
    return key, f"{name}导入模板.xlsx"


async def learner_template(ctx: Context) -> tuple[str, str]:
    return await template(ctx, PERSON_COLUMNS, "学员账户", ["张三", "632323190605260922"], [
        "学员信息导入：", "(1) “学员姓名”、“身份证号”等字段为必填项，不能为空必须填写；",
        "(2) 身份证号须为18位居民身份证号（校验位与出生日期均须有效）；",
        "(3) 已存在的身份证号不会重复导入；示例行请删除后再导入。",
    ])


async def record_template(ctx: Context, achievement_id: Any) -> tuple[str, str]:
    _, achievement = await own_achievement(ctx, achievement_id)
    form = achievement.subtype.form
    columns = record_columns(form)
    sample: list[Any] = ["张三", "632323190605260922", "cs00013", "2022-03-01"]
    if form is AchievementForm.COURSE:
        sample += ["90", 2]
    required = "、".join(f"“{c.title}”" for c in columns if c.required)
    return await template(ctx, columns, f"学员成果-{form.value}", sample, [
        f"学员成果导入（{achievement.subtype.label}）：",
        "1) 所有允许导入的成果字段请参考模板，若成果字段不符合要求，则整条成果不予以导入；",
        "2) 日期型字段格式为：YYYY-MM-DD；",
        f"3) {required}等字段为必填项；",
        "4) 尚未登记的学员将自动新增为“未激活”学员；示例行请删除后再导入。",
    ])
