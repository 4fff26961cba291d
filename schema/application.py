"""Conversion applications: applying, review (转换申请审核), records (转换记录) and results."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from models.application import (
    ApplicationBatch,
    ApplicationKind,
    ApplicationStatus,
    ConversionApplication,
    ConversionResult,
    Decision,
    ReviewAction,
)
from resolvers import policy
from resolvers.application import apply, records, review, scope
from resolvers.dates import year_bounds
from resolvers.errors import ClientError, Invalid
from resolvers.learner.account import my_achievements
from resolvers.policy import Facet
from schema.connection import Connection, paginate
from schema.conversion import ConversionRuleType
from schema.errors import BatchPayload, Payload, batch, mutate
from schema.institution import InstitutionType
from schema.labels import labeled_enum
from schema.learner import LearnerAchievementType
from schema.node import ModelNode, children, related
from schema.selection import all_matching, selected_ids
from schema.snapshot import (
    ConversionGrant,
    ConversionResultSource,
    VersionTarget,
    grant,
    result_source,
    version_target,
)
from schema.spreadsheet import ExportPayload, file_link, follow_progress

ApplicationKindEnum = labeled_enum(ApplicationKind, description="申请类型")
ApplicationStatusEnum = labeled_enum(ApplicationStatus, description="转换状态")
DecisionEnum = labeled_enum(Decision, description="审核结果：与审核后的申请状态（ApplicationStatus）同名")
ReviewActionEnum = labeled_enum(ReviewAction, description="审核记录动作")


@strawberry.type(description="审核记录中的一条")
class ReviewEventType:
    action: ReviewActionEnum = strawberry.field(description="动作")  # type: ignore[valid-type]
    reason: str = strawberry.field(description="原因（不通过或申请复核时）")
    created_at: datetime = strawberry.field(description="时间")


@strawberry.type(name="ConversionResult", description="转换结果（F11.2）：审核通过时记录的源成果、规则版本及所授予的课程学分或免考模块")
class ConversionResultType:
    created_at: datetime = strawberry.field(description="记录时间")

    @strawberry.field(description="源成果：名称、个人成果编号、颁证日期、规则及版本")
    async def source(self, root: strawberry.Parent[Any]) -> ConversionResultSource:
        return result_source(root.source, await related(root, "application"))

    @strawberry.field(description="授予：认定的课程（计入认定学分）及其所属专业（不计入），或证书的免考模块")
    async def granted(self, root: strawberry.Parent[Any]) -> ConversionGrant:
        application = await related(root, "application")
        return grant(root.granted, (await related(application, "rule_version")).snapshot)

    @strawberry.field(description="认定学分合计：granted.courses 的认定学分之和，或 granted.certificate 的免考模块学分之和")
    def granted_credits(self, root: strawberry.Parent[Any]) -> float:
        return float(root.granted_credits)


@strawberry.type(name="ApplicationBatch", description="机构发起的批量转换申请")
class ApplicationBatchType(ModelNode):
    model = ApplicationBatch
    type_name = "ApplicationBatch"

    name: str = strawberry.field(description="批次：<机构><申请日期（北京时间）> 批量学员转换")
    learner_count: int = strawberry.field(description="学员数量")
    created_at: datetime = strawberry.field(description="申请时间")

    @strawberry.field(description="转换发起者")
    async def initiator(self, root: strawberry.Parent[Any]) -> InstitutionType:
        return await related(root, "initiator")

    @strawberry.field(description="目标机构（规则发布者）")
    async def target(self, root: strawberry.Parent[Any]) -> InstitutionType:
        return await related(root, "target")

    @strawberry.field(description="转换规则")
    async def rule(self, root: strawberry.Parent[Any]) -> ConversionRuleType:
        return await related(root, "rule")

    @strawberry.field(description="待审核的学员数量")
    async def pending_count(self, root: strawberry.Parent[Any]) -> int:
        return await ConversionApplication.filter(batch_id=root.id, status=ApplicationStatus.PENDING).count()



@strawberry.type(name="ConversionApplication", description="一名学员的转换申请（个人申请，或批次中的一名学员）")
class ConversionApplicationType(ModelNode):
    model = ConversionApplication
    type_name = "ConversionApplication"

    kind: ApplicationKindEnum = strawberry.field(description="申请类型")  # type: ignore[valid-type]
    rule_code: str = strawberry.field(description="规则编码：YYYYMMDD（规则创建当日的北京时间日期）+当日4位序号")
    learner_name: str = strawberry.field(description="学员姓名")
    status: ApplicationStatusEnum = strawberry.field(description="转换状态：审核中、转换成功、转换失败")  # type: ignore[valid-type]
    fail_reason: str = strawberry.field(description="不通过原因")
    decided_at: datetime | None = strawberry.field(description="审核时间")
    re_review_reason: str = strawberry.field(description="复核原因")
    re_review_requested_at: datetime | None = strawberry.field(description="申请复核时间（每个申请一次）")

    @strawberry.field(description="申请时间")
    def applied_at(self, root: strawberry.Parent[Any]) -> datetime:
        return root.created_at

    @strawberry.field(description="身份证号（脱敏）")
    def masked_id_number(self, root: strawberry.Parent[Any]) -> str:
        from validators.id_number import mask

        return mask(root.id_number)

    @strawberry.field(description="源成果：学员的成果记录")
    async def source(self, root: strawberry.Parent[Any]) -> LearnerAchievementType:
        return await related(root, "learner_achievement")

    @strawberry.field(description="转换规则")
    async def rule(self, root: strawberry.Parent[Any]) -> ConversionRuleType:
        return await related(root, "rule")

    @strawberry.field(description="申请时在效的规则版本号（B1）")
    async def rule_version(self, root: strawberry.Parent[Any]) -> int:
        return (await related(root, "rule_version")).number

    @strawberry.field(description="申请时在效版本的目标：课程及所属专业，或证书及免考模块（B1）")
    async def target(self, root: strawberry.Parent[Any]) -> VersionTarget:
        return version_target((await related(root, "rule_version")).snapshot)

    @strawberry.field(description="所属批次（机构发起）；批次（含其他学员、人数）只对发起和审核机构可见，学员本人读到的为空")
    async def batch(self, info: Info, root: strawberry.Parent[Any]) -> ApplicationBatchType | None:
        if not root.batch_id or not policy.may(info.context, Facet.APPLICATION_BATCH, root):
            return None
        return await related(root, "batch")  # type: ignore[no-any-return]

    @strawberry.field(description="审核记录（F11.1）")
    async def history(self, root: strawberry.Parent[Any]) -> list[ReviewEventType]:
        return await root.events.all().order_by("id")  # type: ignore[no-any-return]

    @strawberry.field(description="转换结果（转换成功时）")
    async def result(self, root: strawberry.Parent[Any]) -> ConversionResultType | None:
        found = await children(ConversionResult, "application_id", root.id)
        if not found:
            return None
        found[0].application = root  # the result shows its application's record and version
        return found[0]  # type: ignore[no-any-return]



@strawberry.input(description="申请筛选（F10.2, F11.1）")
class ApplicationFilter:
    year: int | None = strawberry.field(default=None, description="申请年份（按北京时间的日期划分年份）")
    rule_code: str | None = strawberry.field(default=None, description="规则编码前缀（编码以规则创建当日的北京时间日期 YYYYMMDD 开头）")
    learner_name: str | None = strawberry.field(default=None, description="学员姓名包含")
    id_number: str | None = strawberry.field(default=None, description="身份证号前缀")
    status: ApplicationStatusEnum | None = strawberry.field(default=None, description="转换状态")  # type: ignore[valid-type]
    kind: ApplicationKindEnum | None = strawberry.field(default=None, description="个人申请或机构发起")  # type: ignore[valid-type]
    batch_id: strawberry.ID | None = strawberry.field(default=None, description="批次（审核批次中的学员）")


@strawberry.input(description="机构发起转换（F9.7）：勾选的学员成果，或 allMatching 为 true 时全部可申请的学员")
class ApplyConversionInput:
    rule_id: strawberry.ID = strawberry.field(description="与我相关的已发布规则")
    learner_achievement_ids: list[strawberry.ID] | None = selected_ids("本机构持有源成果的学员成果")
    all_matching: bool = all_matching("该规则下本机构全部可申请的学员（eligibleLearnerAchievements，每名学员一条）")


@strawberry.input(description="学员个人申请转换（F15）")
class ApplyForConversionInput:
    rule_id: strawberry.ID = strawberry.field(description="已发布且在有效期内的规则")
    learner_achievement_id: strawberry.ID = strawberry.field(description="本人持有的源成果")


@strawberry.input(description="审核转换申请（F10.3）：勾选的申请，或 allMatching 为 true 时当前筛选条件下全部待审核的申请")
class ReviewConversionInput:
    ids: list[strawberry.ID] | None = selected_ids("申请（个人申请或批次中的学员）")
    all_matching: bool = all_matching("当前筛选条件（filter）下全部待审核的申请")
    filter: ApplicationFilter | None = strawberry.field(default=None, description="allMatching 为 true 时的筛选条件")
    decision: DecisionEnum = strawberry.field(  # type: ignore[valid-type]
        description="PASSED（通过，申请变为转换成功）或 FAILED（不通过，须填写原因）"
    )
    reason: str | None = strawberry.field(default=None, description="不通过原因（不通过时必填，不超过500字）")


@strawberry.input(description="申请复核（B4）：转换失败的申请可申请一次")
class RequestReReviewInput:
    application_id: strawberry.ID = strawberry.field(description="转换失败的申请")
    reason: str | None = strawberry.field(default=None, description="复核理由（必填，不超过500字）")


@strawberry.input(description="导出转换申请（F10.5, F11.1）")
class ExportApplicationsInput:
    received: bool = strawberry.field(default=True, description="true：机构接收；false：机构发起")
    ids: list[strawberry.ID] | None = selected_ids("申请")
    all_matching: bool = all_matching()
    filter: ApplicationFilter | None = strawberry.field(default=None, description="当前筛选条件")
    code: str | None = strawberry.field(default=None, description="绑定手机验证码（用途 EXPORT）")
    progress_key: str | None = strawberry.field(default=None, description="进度订阅的键：先以同一键订阅 progress(key:)，即可收到进度（B8）")


@strawberry.type(description="发起转换的结果")
class ApplyConversionPayload(Payload):
    batch: ApplicationBatchType | None = strawberry.field(default=None, description="批次")
    applications: list[ConversionApplicationType] = strawberry.field(default_factory=list, description="各学员的申请")


@strawberry.type(description="申请变更结果")
class ApplicationPayload(Payload):
    application: ConversionApplicationType | None = strawberry.field(default=None, description="申请")


@strawberry.type
class ApplicationQuery:
    @strawberry.field(description="机构接收的申请（转换申请审核 / 转换记录-机构接收）；kind 区分个人申请与批次学员")
    async def received_applications(
        self, info: Info, filter: ApplicationFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionApplicationType]:
        return await paginate(scope.filtered(scope.received(info.context), filter), first, after, offset)

    @strawberry.field(description="本机构发起的申请（转换记录-机构发起）")
    async def initiated_applications(
        self, info: Info, filter: ApplicationFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionApplicationType]:
        return await paginate(scope.filtered(scope.initiated(info.context), filter), first, after, offset)

    @strawberry.field(description="机构发起的批次（F10.1 第二个页签）：received=true 为收到的批次；可按申请年份（北京时间）、规则编码前缀（YYYYMMDD 为北京时间日期）、转换发起者筛选")
    async def application_batches(
        self, info: Info, received: bool = True,
        rule_code: Annotated[str | None, strawberry.argument(
            description="规则编码前缀（编码以规则创建当日的北京时间日期 YYYYMMDD 开头）")] = None,
        year: Annotated[int | None, strawberry.argument(description="申请年份（按北京时间的日期划分年份）")] = None,
        initiator_name: str | None = None,
        first: int | None = None, after: str | None = None, offset: int | None = None,
    ) -> Connection[ApplicationBatchType]:
        account = scope.reviewer(info.context)
        mine = account.institution_id  # type: ignore[attr-defined]
        query = ApplicationBatch.filter(**({"target_id": mine} if received else {"initiator_id": mine}))
        if rule_code:
            query = query.filter(rule__code__startswith=rule_code.strip())
        if year:
            start, end = year_bounds(year)
            query = query.filter(created_at__gte=start, created_at__lt=end)
        if initiator_name:
            query = query.filter(initiator__school__name__icontains=initiator_name.strip())
        return await paginate(query.order_by("-created_at", "-id"), first, after, offset)

    @strawberry.field(description="可为其申请此规则的本机构学员成果（持有源成果、未撤回、无进行中或已成功的申请）；本机构发布的规则答复 OWN_RULE")
    async def eligible_learner_achievements(
        self, info: Info, rule_id: strawberry.ID, first: int | None = None, after: str | None = None,
        offset: int | None = None,
    ) -> Connection[LearnerAchievementType]:
        account = scope.reviewer(info.context)
        try:
            rule, _, sources = await apply.usable_rule(info.context, rule_id)
            apply.refuse_own_rule(rule, account.institution_id)  # type: ignore[attr-defined]
        except Invalid as refusal:  # a query answers refusals as errors with their code
            problem = refusal.problems[0]
            raise ClientError(problem.message, code=problem.code.value) from refusal
        query = apply.eligible(info.context, account.institution_id, rule, sources).order_by("-id")  # type: ignore[attr-defined]
        return await paginate(query.select_related("learner"), first, after, offset)

    @strawberry.field(description="学员本人：本人成果上的全部转换申请（个人申请，以及院校在批次中为其发起的申请，含已撤回成果上的）及其状态、审核记录和结果（F15）")
    async def my_applications(
        self, info: Info, first: int | None = None, after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionApplicationType]:
        my_achievements(info.context)  # learners only
        query = scope.visible(info.context).order_by("-created_at", "-id")
        return await paginate(query, first, after, offset)


@strawberry.type
class ApplicationMutation:
    @strawberry.mutation(description="机构发起转换（F9.7）：所选学员（或全部可申请学员）组成一个批次发给规则发布机构")
    async def apply_conversion(self, info: Info, input: ApplyConversionInput) -> ApplyConversionPayload:
        return await mutate(info, ApplyConversionPayload, apply.apply_batch(info.context, input))

    @strawberry.mutation(description="学员个人申请转换（F15）")
    async def apply_for_conversion(self, info: Info, input: ApplyForConversionInput) -> ApplicationPayload:
        return await mutate(info, ApplicationPayload, apply.apply_personal(info.context, input), "application")

    @strawberry.mutation(description="审核转换申请（D1, F10.3）：逐条答复；每条只能被审核一次")
    async def review_conversion(self, info: Info, input: ReviewConversionInput) -> BatchPayload:
        return await batch(info, review.review(info.context, input))

    @strawberry.mutation(description="申请复核（B4）：转换失败的申请由申请人申请一次，申请回到审核中；机构发起的申请由发起机构申请，学员本人和审核机构得到 NOT_APPLICANT")
    async def request_re_review(self, info: Info, input: RequestReReviewInput) -> ApplicationPayload:
        return await mutate(info, ApplicationPayload, review.request_re_review(info.context, input), "application")

    @strawberry.mutation(description="导出转换申请（F10.5, F11.1）")
    async def export_applications(self, info: Info, input: ExportApplicationsInput) -> ExportPayload:
        follow_progress(info, input.progress_key)
        async def run() -> dict[str, Any]:
            result = await records.export(info.context, input.received, input.ids, input.all_matching,
                                          input.filter, input.code)
            return {"file": file_link(info, result.key, result.filename), "row_count": result.row_count}

        return await mutate(info, ExportPayload, run())
