"""The export engine (F4.10, F5.6, F6.5, F10.5): a code to the bound phone, the rows written as
they are read (openpyxl write-only, off the event loop), and an audit row."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tortoise.transactions import in_transaction

from adapters.spreadsheets import XlsxWriter
from adapters.storage import StorageFull, full_disk
from models.base import SHANGHAI
from models.message import MessageKind
from models.verification import CodePurpose
from resolvers import audit, verification
from resolvers.errors import Code, Invalid, Problems
from resolvers.messages import Progress, notify
from server.bulk import fetch_rows

if TYPE_CHECKING:
    from models.account import Account
    from server.context import Context


@dataclass
class Exported:
    key: str
    filename: str
    row_count: int


async def run_export(
    ctx: Context,
    account: Account,
    *,
    code: str | None,
    row_count: int,
    title: str,
    headers: Sequence[str],
    chunks: AsyncIterator[list[Sequence[Any]]],
    filename: str,
    action: str,
    detail: dict[str, Any],
    problems: Problems | None = None,
) -> Exported:
    """Write the rows ``chunks`` yields; ``row_count`` (from the same query) must be non-zero.
    ``problems`` found before (the selection) refuse the export inside its progress, which then
    ends as for any refusal."""
    async with Progress(ctx, row_count, "导出").until_finished() as progress:
        if problems is not None:
            problems.raise_any()
        if row_count == 0:
            raise Invalid.one("filter", Code.NOTHING_SELECTED, "没有符合条件的数据可导出")
        if not account.phone:
            raise Invalid.one("code", Code.NO_BOUND_PHONE)
        checked = await verification.check_code(ctx, account.phone, CodePurpose.EXPORT, code)
        key, path = ctx.services.storage.reserve(".xlsx")
        writer = XlsxWriter(path, title, headers)
        try:
            async for rows in chunks:
                await asyncio.to_thread(writer.append_many, rows)
                await progress.report(writer.rows)
            await asyncio.to_thread(writer.close)
        except OSError as exc:
            path.unlink(missing_ok=True)
            if full_disk(exc):
                raise StorageFull(str(exc)) from exc
            raise
        async with in_transaction():
            await verification.consume(checked)
            await audit.record(ctx, action, None, rows=writer.rows, file=key, **detail)
            await notify(ctx, [account.id], MessageKind.EXPORT_FINISHED, f"{filename}导出完成",
                         f"共导出{writer.rows}条数据，下载链接在导出结果中给出。",
                         institution_id=account.institution_id)  # type: ignore[attr-defined]
    return Exported(key=key, filename=filename, row_count=writer.rows)


def cell_time(value: Any) -> str | None:
    """A stored instant as Beijing time text (SQLite gives it as ISO text, PostgreSQL as datetime)."""
    if not value:
        return None
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(SHANGHAI).strftime("%Y-%m-%d %H:%M:%S")


def describe_filter(filter: Any | None) -> dict[str, Any]:
    """A list filter as the audit row records it."""
    if filter is None:
        return {}
    return {k: str(v) for k, v in vars(filter).items() if v not in (None, "")}


async def keyset_chunks(query: Any, fields: Sequence[str], size: int = 2000
                        ) -> AsyncIterator[list[Sequence[Any]]]:
    """Rows of ``query`` as tuples (id first, then ``fields``), newest first, in pages by id:
    memory stays bounded by ``size``.

    Tortoise builds the query (joins, filters, parameters); the rows are read raw, without
    Tortoise's per-value conversion, which cost more than writing the cells. Values come as the
    driver gives them: SQLite returns decimals and times as text.
    """
    last: int | None = None
    while True:
        page = query.order_by("-id").limit(size)
        if last is not None:
            page = page.filter(id__lt=last)
        rows = [tuple(row.values()) for row in await fetch_rows(page.values("id", *fields))]
        if not rows:
            return
        yield rows
        last = rows[-1][0]
