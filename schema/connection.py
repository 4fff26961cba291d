"""Relay connections with ``totalCount``, paged by cursor or by offset (the manual's 前往 N 页)."""

from __future__ import annotations

import base64
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.queryset import QuerySet

from resolvers.errors import ClientError

NodeT = TypeVar("NodeT")
DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Deeper than any list goes; larger values are refused before they reach the database.
MAX_OFFSET = 10_000_000


@strawberry.type(description="分页信息")
class PageInfo:
    has_next_page: bool = strawberry.field(description="是否有下一页")
    has_previous_page: bool = strawberry.field(description="是否有上一页")
    start_cursor: str | None = strawberry.field(description="本页第一条的游标")
    end_cursor: str | None = strawberry.field(description="本页最后一条的游标")


@strawberry.type(description="列表中的一条")
class Edge(Generic[NodeT]):
    node: NodeT = strawberry.field(description="对象")
    cursor: str = strawberry.field(description="游标，可传给 after 取下一页")


@strawberry.type(description="分页列表；totalCount 为符合筛选条件的总条数（共 N 条）")
class Connection(Generic[NodeT]):
    edges: list[Edge[NodeT]] = strawberry.field(description="本页各条")
    page_info: PageInfo = strawberry.field(description="分页信息")
    query: strawberry.Private[Any]

    @strawberry.field(description="符合筛选条件的总条数")
    async def total_count(self) -> int:
        return await self.query.count()

    @strawberry.field(description="本页对象（edges.node 的简写）")
    def nodes(self) -> list[NodeT]:
        return [edge.node for edge in self.edges]


def _cursor(offset: int) -> str:
    return base64.b64encode(f"offset:{offset}".encode()).decode()


def _offset_of(cursor: str) -> int:
    try:
        kind, _, value = base64.b64decode(cursor.encode(), validate=True).decode().partition(":")
        if kind == "offset" and value.isdigit() and int(value) <= MAX_OFFSET:
            return int(value)
    except (ValueError, UnicodeDecodeError):
        pass
    raise ClientError("游标无效", code="BAD_CURSOR")


async def paginate(
    query: QuerySet[Any], first: int | None, after: str | None, offset: int | None
) -> Connection[Any]:
    size = DEFAULT_PAGE_SIZE if first is None else first
    if not 0 <= size <= MAX_PAGE_SIZE:
        raise ClientError(f"每页条数应在0到{MAX_PAGE_SIZE}之间", code="BAD_PAGE_SIZE")
    if offset is not None and not 0 <= offset <= MAX_OFFSET:
        raise ClientError(f"offset 应在0到{MAX_OFFSET}之间", code="BAD_PAGE_SIZE")
    start = offset if offset is not None else (_offset_of(after) + 1 if after else 0)
    rows = await query.offset(start).limit(size + 1)
    has_next = len(rows) > size
    edges = [Edge(node=row, cursor=_cursor(start + i)) for i, row in enumerate(rows[:size])]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=has_next,
            has_previous_page=start > 0,
            start_cursor=edges[0].cursor if edges else None,
            end_cursor=edges[-1].cursor if edges else None,
        ),
        query=query,
    )
