"""Exports of learners (F6.5) and learner achievements (F5.6), with a code and an audit row."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from models.achievement import AchievementCategory, AchievementSubtype
from models.learner import Learner, LearnerAchievement, LearnerStatus, StorageSource
from resolvers.errors import Problems
from resolvers.exports import Exported, cell_time, describe_filter, keyset_chunks, run_export
from resolvers.learner import learners, records, scope
from resolvers.selection import selected
from validators.contact import mask_phone

if TYPE_CHECKING:
    from server.context import Context

LEARNER_HEADERS = ["学员姓名", "身份证号", "手机号码", "账户状态", "入库时间"]
RECORD_HEADERS = ["成果名称", "成果类型", "成果子类型", "学员姓名", "身份证号", "手机号码", "个人成果编号",
                  "颁证日期", "成果状态", "入库时间"]
_STATUS = {m.value: m.label for m in LearnerStatus}
_CATEGORY = {m.value: m.label for m in AchievementCategory}
_SUBTYPE = {m.value: m.label for m in AchievementSubtype}
_SOURCE = {m.value: m.label for m in StorageSource}


async def _learner_rows(query: Any) -> AsyncIterator[list[Sequence[Any]]]:
    async for chunk in keyset_chunks(query, ("name", "id_number", "phone", "status", "created_at")):
        yield [[name, id_number, mask_phone(phone) or None, _STATUS[status], cell_time(created)]
               for _, name, id_number, phone, status, created in chunk]


async def _record_rows(query: Any) -> AsyncIterator[list[Sequence[Any]]]:
    fields = ("achievement_name", "category", "subtype", "learner__name", "learner__id_number",
              "learner__phone", "personal_number", "issued_on", "source", "created_at")
    async for chunk in keyset_chunks(query, fields):
        yield [[name, _CATEGORY[category], _SUBTYPE[subtype], learner, id_number,
                mask_phone(phone) or None, number, str(issued)[:10], _SOURCE[source], cell_time(created)]
               for _, name, category, subtype, learner, id_number, phone, number, issued, source,
               created in chunk]


async def export_learners(ctx: Context, ids: list[Any] | None, all_matching: bool, filter: Any | None,
                          code: str | None) -> Exported:
    account = scope.institution_member(ctx)
    problems = Problems()
    chosen = selected(problems, ids, all_matching, what="学员", verb="导出")
    query = (learners.filtered(ctx, filter) if chosen.all_matching
             else scope.learners(ctx).filter(id__in=chosen.pks(Learner)))
    return await run_export(
        ctx, account, code=code, row_count=await query.count(), title="学员信息",
        headers=LEARNER_HEADERS, chunks=_learner_rows(query), filename="学员信息.xlsx",
        action="learner.export", detail={"selected": len(ids or []), "filter": describe_filter(filter)},
        problems=problems,
    )


async def export_records(ctx: Context, ids: list[Any] | None, all_matching: bool, filter: Any | None,
                         code: str | None) -> Exported:
    account = scope.institution_member(ctx)
    problems = Problems()
    chosen = selected(problems, ids, all_matching, what="学员成果", verb="导出")
    query = (records.filtered(ctx, filter) if chosen.all_matching
             else scope.learner_achievements(ctx).filter(id__in=chosen.pks(LearnerAchievement)))
    return await run_export(
        ctx, account, code=code, row_count=await query.count(), title="学员成果",
        headers=RECORD_HEADERS, chunks=_record_rows(query), filename="学员成果.xlsx",
        action="learner_achievement.export",
        detail={"selected": len(ids or []), "filter": describe_filter(filter)}, problems=problems,
    )
