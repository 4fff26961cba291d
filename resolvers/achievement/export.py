"""Exporting the achievement list (F4.10): the selected rows, or every row of the filter."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from models.account import Module
from models.achievement import (
    Achievement,
    AchievementCategory,
    AchievementSubtype,
    CertificateGrade,
    RecognitionStatus,
)
from resolvers.access import require_institution_member
from resolvers.achievement.counts import learner_counts, related_rule_counts
from resolvers.achievement.listing import catalogue, filtered
from resolvers.errors import Problems
from resolvers.exports import Exported, cell_time, describe_filter, keyset_chunks, run_export
from resolvers.selection import selected

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


def _number(value: Any) -> float | None:
    return float(value) if value is not None and value != "" else None


def _labels(enum: Any) -> dict[Any, str]:
    return {member.value: member.label for member in enum}


_CATEGORY, _SUBTYPE = _labels(AchievementCategory), _labels(AchievementSubtype)
_STATUS, _GRADE = _labels(RecognitionStatus), _labels(CertificateGrade)


def _text(value: Any) -> Any:
    """Empty text leaves the cell empty (fewer cells to write)."""
    return value if value != "" else None


def _date(value: Any) -> str | None:
    return str(value)[:10] if value else None


async def _rows(query: Any) -> AsyncIterator[list[Sequence[Any]]]:
    async for chunk in keyset_chunks(query, FIELDS):
        ids = [row[0] for row in chunk]
        learners = await learner_counts(ids)
        rules = await related_rule_counts(ids)
        yield [
            [
                name, _CATEGORY[category], _SUBTYPE[subtype], _STATUS[status],
                learners.get(pk, 0), rules.get(pk, 0), issuer, level, discipline, major_class,
                major, major_code, conclusion, _number(years), hours, _number(credits),
                _number(min_credits), _text(course), _text(course_code), _text(certificate),
                _GRADE.get(grade), _date(valid_from), cell_time(created), _text(introduction),
            ]
            for (pk, name, category, subtype, status, issuer, level, discipline, major_class, major,
                 major_code, conclusion, years, hours, credits, min_credits, course, course_code,
                 certificate, grade, valid_from, created, introduction) in chunk
        ]


async def export(ctx: Context, ids: list[Any] | None, all_matching: bool, filter: Any | None,
                 code: str | None) -> Exported:
    account = require_institution_member(ctx, Module.ACHIEVEMENTS)
    problems = Problems()
    chosen = selected(problems, ids, all_matching, what="成果", verb="导出")
    query = (filtered(ctx, filter) if chosen.all_matching
             else catalogue(ctx).filter(id__in=chosen.pks(Achievement)))
    return await run_export(
        ctx, account, code=code, row_count=await query.count(), title="机构成果",
        headers=HEADERS, chunks=_rows(query), filename="机构成果.xlsx", action="achievement.export",
        detail={"selected": len(ids or []), "filter": describe_filter(filter)}, problems=problems,
    )
