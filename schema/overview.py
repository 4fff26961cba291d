"""The account centre (机构账户中心, F3.1)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers import overview


@strawberry.type(description="按学历/非学历统计的数量")
class CategoryCounts:
    total: int = strawberry.field(description="成果总数")
    non_degree: int = strawberry.field(description="非学历成果")
    degree: int = strawberry.field(description="学历成果")


@strawberry.type(description="转换规则数量")
class RuleCounts:
    total: int = strawberry.field(description="规则总数")
    unpublished: int = strawberry.field(description="未发布（含未提交）")
    published: int = strawberry.field(description="已发布")
    taken_down: int = strawberry.field(description="下架")


@strawberry.type(description="账户概况：每个数字等于对应筛选列表的 totalCount")
class AccountOverview:
    achievements: CategoryCounts | None = strawberry.field(
        description="机构成果；没有“成果及学员管理”模块的子用户为 null")
    learner_achievements: CategoryCounts | None = strawberry.field(
        description="学员成果（不含已撤回）；没有“成果及学员管理”模块的子用户为 null")
    rules: RuleCounts | None = strawberry.field(description="转换规则管理；没有“转换办法与规则”模块的子用户为 null")


@strawberry.type
class OverviewQuery:
    @strawberry.field(description="机构账户中心的账户概况（F3.1）")
    async def account_overview(self, info: Info) -> AccountOverview:
        return await overview.overview(info.context)  # type: ignore[return-value]
