"""Application records and their exports (F10.5, F11.1): received and initiated rows."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from typing import TYPE_CHECKING, Any

from models.application import ApplicationKind, ApplicationStatus, ConversionApplication
from resolvers.application import scope
from resolvers.errors import Problems
from resolvers.exports import Exported, cell_time, describe_filter, keyset_chunks, run_export
from resolvers.selection import selected

if TYPE_CHECKING:
    from server.context import Context

HEADERS = ["规则编码", "申请类型", "批次", "学员姓名", "身份证号", "源成果", "个人成果编号", "申请时间",
           "转换状态", "审核时间", "不通过原因"]
_KIND = {m.value: m.label for m in ApplicationKind}
_STATUS = {m.value: m.label for m in ApplicationStatus}


async def _rows(query: Any) -> AsyncIterator[list[Sequence[Any]]]:
    fields = ("rule_code", "kind", "batch__name", "learner_name", "id_number",
              "learner_achievement__achievement_name", "learner_achievement__personal_number",
              "created_at", "status", "decided_at", "fail_reason")
    async for chunk in keyset_chunks(query, fields):
        yield [[code, _KIND[kind], batch, name, id_number, source, number, cell_time(created),
                _STATUS[status], cell_time(decided), reason or None]
               for _, code, kind, batch, name, id_number, source, number, created, status, decided,
               reason in chunk]


async def export(ctx: Context, received: bool, ids: list[Any] | None, all_matching: bool,
                 filter: Any | None, code: str | None) -> Exported:
    account = scope.reviewer(ctx)
    problems = Problems()
    chosen = selected(problems, ids, all_matching, what="申请", verb="导出")
    base = scope.received(ctx) if received else scope.initiated(ctx)
    query = (scope.filtered(base, filter) if chosen.all_matching
             else base.filter(id__in=chosen.pks(ConversionApplication)))
    title = "转换申请（机构接收）" if received else "转换申请（机构发起）"
    return await run_export(
        ctx, account, code=code, row_count=await query.count(), title=title[:31], headers=HEADERS,
        chunks=_rows(query), filename=f"{title}.xlsx", action="application.export",
        detail={"received": received, "selected": len(ids or []), "filter": describe_filter(filter)},
        problems=problems,
    )
