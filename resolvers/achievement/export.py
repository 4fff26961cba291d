"""Exporting the achievement list (F4.10): the selected rows, or every row of the filter."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tortoise.functions import Count

from models.account import Module
from models.base import SHANGHAI
from models.achievement import AchievementCategory, AchievementSubtype, CertificateGrade, RecognitionStatus
from models.conversion import RuleSource
from models.learner import LearnerAchievement
from resolvers.access import require_institution_member
from resolvers.achievement.listing import filtered, visible
from resolvers.exports import Exported, keyset_chunks, run_export
from resolvers.ids import decode_id

if TYPE_CHECKING:
    from server.context import Context

HEADERS = [
    "成果名称", "成果类型", "成果子类型", "认定状态", "获证学员数量(个)", "关联转换规则(条)", "颁证机构",
    "层次", "学科门类", "专业类", "专业", "专业代码", "毕业结论", "学制(年)", "原始学时", "原始学分",
    "最低毕业学分", "课程名称", "课程代码", "证书名称", "等级", "有效期起始时间", "入库时间", "成果简介",
]
FIELDS = (
    "name", "category", "subtype", "recognition_status", "issuer", "level__name",
    "major__major_class__discipline__name", "major__major_class__name", "major__name", "major__code",
    "graduation_conclusion__name", "years", "original_hours", "original_credits",
    "min_graduation_credits", "course_name", "course_code", "certificate_name", "grade",
    "valid_from", "created_at", "introduction",
)


async def _counts(model: Any, ids: list[int], counted: str, **live: Any) -> dict[int, int]:
    rows = await (
        model.filter(achievement_id__in=ids, **live)
        .annotate(n=Count(counted, distinct=True))
        .group_by("achievement_id")
        .values("achievement_id", "n")
    )
    return {row["achievement_id"]: row["n"] for row in rows}


def _number(value: Any) -> Any:
    return float(value) if value is not None and not isinstance(value, int) else value


def _label(enum: Any, value: Any) -> str:
    return enum(value).label if value else ""


def _time(value: datetime | None) -> str:
    return value.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S") if value else ""


async def _rows(query: Any) -> AsyncIterator[list[Sequence[Any]]]:
    async for chunk in keyset_chunks(query, FIELDS):
        ids = [row["id"] for row in chunk]
        learners = await _counts(LearnerAchievement, ids, "learner_id", withdrawn_at__isnull=True)
        rules = await _counts(RuleSource, ids, "rule_id", rule__deleted_at__isnull=True)
        yield [
            [
                row["name"], _label(AchievementCategory, row["category"]),
                _label(AchievementSubtype, row["subtype"]),
                _label(RecognitionStatus, row["recognition_status"]),
                learners.get(row["id"], 0), rules.get(row["id"], 0), row["issuer"],
                row["level__name"] or "", row["major__major_class__discipline__name"] or "",
                row["major__major_class__name"] or "", row["major__name"] or "",
                row["major__code"] or "", row["graduation_conclusion__name"] or "",
                _number(row["years"]), row["original_hours"], _number(row["original_credits"]),
                _number(row["min_graduation_credits"]), row["course_name"], row["course_code"],
                row["certificate_name"], _label(CertificateGrade, row["grade"]),
                row["valid_from"].isoformat() if row["valid_from"] else "",
                _time(row["created_at"]), row["introduction"],
            ]
            for row in chunk
        ]


async def export(ctx: Context, ids: list[Any] | None, filter: Any | None, code: str | None) -> Exported:
    account = require_institution_member(ctx, Module.ACHIEVEMENTS)
    if ids:
        query = visible(ctx).filter(id__in=[decode_id(i, "Achievement", strict=False) for i in ids])
    else:
        query = filtered(ctx, filter)
    return await run_export(
        ctx, account, code=code, row_count=await query.count(), title="机构成果",
        headers=HEADERS, chunks=_rows(query), filename="机构成果.xlsx", action="achievement.export",
        detail={"selected": len(ids or []), "filter": _describe(filter)},
    )


def _describe(filter: Any | None) -> dict[str, Any]:
    if filter is None:
        return {}
    return {k: str(v) for k, v in vars(filter).items() if v not in (None, "")}
