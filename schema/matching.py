"""B10: the published rules a learner's achievements meet, fully or in part."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.dataloader import DataLoader
from strawberry.types import Info

from models.conversion import ConversionRule, RuleSource
from resolvers.conversion import matching
from schema.application import ConversionApplicationType
from schema.connection import Connection, paginate
from schema.conversion import ConversionRuleType, RuleSourceType, RuleTypeEnum
from schema.learner import LearnerAchievementType
from schema.node import children


@strawberry.type(description="规则的一个源成果，及学员本人满足它的成果记录（B10）")
class SourceMatch:
    source: RuleSourceType = strawberry.field(description="源成果及其学分银行学分")
    held: bool = strawberry.field(description="是否已持有（有未撤回的本人成果记录）")
    records: list[LearnerAchievementType] = strawberry.field(
        description="本人持有该源成果的成果记录（未持有时为空）；任一条的 id 可作 applyForConversion 的 learnerAchievementId")


async def _sources(info: Info, rule: ConversionRule) -> list[SourceMatch]:
    held = await matching.holdings(info.context)
    rows = await children(RuleSource, "rule_id", rule.id, with_=("achievement",))
    return [SourceMatch(source=RuleSourceType(achievement=row.achievement, credits=float(row.credits)),
                        held=row.achievement_id in held.records,
                        records=held.records.get(row.achievement_id, []))  # type: ignore[arg-type]
            for row in rows]


async def _live(info: Info, rule: ConversionRule) -> matching.Live:
    context = info.context
    loader = context.loaders.get(_live)
    if loader is None:
        async def batch(rule_ids: list[int]) -> list[matching.Live]:
            return await matching.live_applications(context, rule_ids)

        loader = context.loaders[_live] = DataLoader(load_fn=batch)
    return await loader.load(rule.id)  # type: ignore[no-any-return]


@strawberry.type(name="RuleMatch", description="与学员本人成果匹配的转换规则（B10）：规则（含可转换的目标课程及学分，"
                                               "或目标证书及免考模块）、各源成果的持有情况及尚缺的源成果")
class RuleMatchType:
    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, ConversionRule)

    @strawberry.field(description="转换规则（已发布且在有效期内的当前版本）：targetCourses、targetMajors、"
                                  "targetCertificate 为可获得的课程学分或证书免考模块")
    def rule(self, root: strawberry.Parent[Any]) -> ConversionRuleType:
        return root  # type: ignore[no-any-return]

    @strawberry.field(description="规则的每个源成果及本人满足它的成果记录")
    async def sources(self, info: Info, root: strawberry.Parent[Any]) -> list[SourceMatch]:
        return await _sources(info, root)

    @strawberry.field(description="尚未持有的源成果（全部满足时为空）：还需取得这些成果才能申请")
    async def missing_sources(self, info: Info, root: strawberry.Parent[Any]) -> list[RuleSourceType]:
        return [match.source for match in await _sources(info, root) if not match.held]

    @strawberry.field(description="是否已持有全部源成果")
    async def fully_met(self, info: Info, root: strawberry.Parent[Any]) -> bool:
        return all(match.held for match in await _sources(info, root))

    @strawberry.field(description="本人在此规则上是否已有审核中或已成功的转换申请（个人申请或机构批量申请；"
                                  "每人每条规则只能有一条，B2）")
    async def already_applied(self, info: Info, root: strawberry.Parent[Any]) -> bool:
        return (await _live(info, root)).application is not None

    @strawberry.field(description="本人在此规则上审核中或已成功的申请（本人可查看时）")
    async def application(self, info: Info, root: strawberry.Parent[Any]) -> ConversionApplicationType | None:
        live = await _live(info, root)
        return live.application if live.readable else None  # type: ignore[return-value]

    @strawberry.field(description="现在可否申请：已持有全部源成果且尚无进行中或已成功的申请；"
                                  "可即以 applyForConversion(input: {ruleId: rule.id, learnerAchievementId}) 申请")
    async def can_apply(self, info: Info, root: strawberry.Parent[Any]) -> bool:
        met = all(match.held for match in await _sources(info, root))
        return met and (await _live(info, root)).application is None


@strawberry.input(description="可匹配规则筛选（B10）")
class RuleMatchFilter:
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="发布机构")
    institution_name: str | None = strawberry.field(default=None, description="发布机构名称包含")
    rule_type: RuleTypeEnum | None = strawberry.field(default=None, description="转换规则类型")  # type: ignore[valid-type]
    target_name: str | None = strawberry.field(default=None, description="目标成果名称包含")


@strawberry.type
class MatchingQuery:
    @strawberry.field(description="学员本人：本人成果已满足全部源成果的在效规则（B10），新发布的在前；"
                                  "只计本人已激活、未撤回的成果记录")
    async def my_matching_rules(
        self, info: Info, filter: RuleMatchFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[RuleMatchType]:
        return await paginate(await matching.matching(info.context, filter, fully=True), first, after, offset)

    @strawberry.field(description="学员本人：本人成果满足部分（非全部）源成果的在效规则（B10），"
                                  "missingSources 为还需取得的源成果")
    async def my_partly_matching_rules(
        self, info: Info, filter: RuleMatchFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[RuleMatchType]:
        return await paginate(await matching.matching(info.context, filter, fully=False), first, after, offset)
