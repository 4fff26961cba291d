"""Conversion methods (转换办法) and conversion rules (转换规则), and the public portal."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from models.conversion import (
    ConversionMethod,
    ConversionRule,
    ExemptModule,
    PublishStatus,
    RuleSource,
    RuleTarget,
    RuleType,
    TargetKind,
)
from resolvers.conversion import listing, methods, publishing, rules
from resolvers.dates import today
from schema.achievement import AchievementType
from schema.connection import Connection, paginate
from schema.errors import Payload, mutate
from schema.institution import InstitutionType
from schema.labels import labeled_enum
from schema.node import ModelNode, children, related
from schema.spreadsheet import FileLink, file_link

PublishStatusEnum = labeled_enum(PublishStatus, description="发布状态")
RuleTypeEnum = labeled_enum(RuleType, description="转换规则类型")


@strawberry.type(name="ConversionMethod", description="转换办法：机构上传的盖章PDF")
class ConversionMethodType(ModelNode):
    model = ConversionMethod
    type_name = "ConversionMethod"

    name: str = strawberry.field(description="转换办法名称")
    status: PublishStatusEnum = strawberry.field(description="状态：未发布、已发布、下架")  # type: ignore[valid-type]
    published_at: datetime | None = strawberry.field(description="发布时间")
    taken_down_reason: str = strawberry.field(description="下架原因")

    @strawberry.field(description="上传时间")
    def uploaded_at(self, root: strawberry.Parent[Any]) -> datetime:
        return root.created_at

    @strawberry.field(description="转换办法文件（PDF）")
    def file(self, info: Info, root: strawberry.Parent[Any]) -> FileLink | None:
        return file_link(info, root.file_key, root.file_name)

    @strawberry.field(description="发布机构")
    async def institution(self, root: strawberry.Parent[Any]) -> InstitutionType:
        return await related(root, "institution")



@strawberry.type(description="源成果及其学分银行学分")
class RuleSourceType:
    achievement: AchievementType = strawberry.field(description="源成果（任一机构）")
    credits: float = strawberry.field(description="学分银行学分")


@strawberry.type(description="免考模块")
class ExemptModuleType:
    name: str = strawberry.field(description="模块名称")
    credits: float = strawberry.field(description="学分")


@strawberry.type(description="非学历目标：证书、学分银行学分及免考模块")
class TargetCertificate:
    achievement: AchievementType = strawberry.field(description="目标证书（本机构）")
    credits: float = strawberry.field(description="学分银行学分")
    modules: list[ExemptModuleType] = strawberry.field(description="免考模块")


@strawberry.type(name="ConversionRule", description="转换规则：源成果可转换为本机构的专业课程或证书免考模块")
class ConversionRuleType(ModelNode):
    model = ConversionRule
    type_name = "ConversionRule"

    code: str = strawberry.field(description="规则编码：YYYYMMDD（创建当日的北京时间日期）+当日4位序号")
    rule_type: RuleTypeEnum = strawberry.field(description="转换规则类型")  # type: ignore[valid-type]
    status: PublishStatusEnum = strawberry.field(description="状态：未提交、已发布、未发布、下架")  # type: ignore[valid-type]
    description: str = strawberry.field(description="转换说明")
    valid_from: date = strawberry.field(description="生效日期")
    valid_to: date | None = strawberry.field(description="失效日期（空为长期有效）")
    version: int = strawberry.field(description="已发布的版本号（每次发布加一）")
    published_at: datetime | None = strawberry.field(description="最近发布时间")
    taken_down_reason: str = strawberry.field(description="下架原因")

    @strawberry.field(description="创建时间")
    def created_at(self, root: strawberry.Parent[Any]) -> datetime:
        return root.created_at

    @strawberry.field(description="今天（北京时间的日期）是否在有效期内且已发布（门户只显示在效规则）")
    def in_force(self, root: strawberry.Parent[Any]) -> bool:
        return publishing.is_in_force(root, today())

    @strawberry.field(description="发布机构")
    async def institution(self, root: strawberry.Parent[Any]) -> InstitutionType:
        return await related(root, "institution")

    @strawberry.field(description="解释权说明：本转换规则的解释权归<机构>所有（F9.6）")
    async def interpretation_notice(self, root: strawberry.Parent[Any]) -> str:
        institution = await related(root, "institution")
        school = await related(institution, "school")
        return f"本转换规则的解释权归{school.name}所有。"

    @strawberry.field(description="源成果")
    async def sources(self, root: strawberry.Parent[Any]) -> list[RuleSourceType]:
        rows = await children(RuleSource, "rule_id", root.id, with_=("achievement",))
        return [RuleSourceType(achievement=row.achievement, credits=float(row.credits)) for row in rows]

    @strawberry.field(description="目标专业（学历证书，可选）")
    async def target_majors(self, root: strawberry.Parent[Any]) -> list[AchievementType]:
        return await _targets(root, TargetKind.MAJOR)  # type: ignore[return-value]

    @strawberry.field(description="目标课程（必选），含原始学时与原始学分")
    async def target_courses(self, root: strawberry.Parent[Any]) -> list[AchievementType]:
        return await _targets(root, TargetKind.COURSE)  # type: ignore[return-value]

    @strawberry.field(description="非学历目标证书及免考模块")
    async def target_certificate(self, root: strawberry.Parent[Any]) -> TargetCertificate | None:
        found = await _targets(root, TargetKind.CERTIFICATE)
        if not found:
            return None
        modules = await children(ExemptModule, "rule_id", root.id)
        return TargetCertificate(
            achievement=found[0], credits=float(root.target_credits or 0),
            modules=[ExemptModuleType(name=m.name, credits=float(m.credits)) for m in modules],
        )

    @strawberry.field(description="转换规则文件（盖章PDF）")
    def file(self, info: Info, root: strawberry.Parent[Any]) -> FileLink | None:
        return file_link(info, root.file_key, root.file_name or "转换规则.pdf")



async def _targets(rule: Any, kind: TargetKind) -> list[Any]:
    rows = await children(RuleTarget, "rule_id", rule.id, with_=("achievement",))
    return [row.achievement for row in rows if row.kind == kind]


@strawberry.input(description="转换办法筛选（F8.1）")
class ConversionMethodFilter:
    published_from: date | None = strawberry.field(default=None, description="发布日期起（含，北京时间）")
    published_to: date | None = strawberry.field(
        default=None, description="发布日期止（含，北京时间）；早于起始日期时返回 INVALID_RANGE 错误"
    )
    status: PublishStatusEnum | None = strawberry.field(default=None, description="状态")  # type: ignore[valid-type]


@strawberry.input(description="上传转换办法（F8.2）")
class UploadConversionMethodInput:
    name: str | None = strawberry.field(default=None, description="转换办法名称（必填）")
    file: Upload | None = strawberry.field(default=None, description="盖章的转换办法PDF（不超过10MB）")
    pledge_accepted: bool = strawberry.field(default=False, description="本人郑重承诺发布的信息真实有效（每次保存必选）")
    security_commitment_accepted: bool = strawberry.field(
        default=False, description="已阅读并同意《信息发布安全承诺书》（首次上传必选）"
    )
    publish: bool = strawberry.field(default=False, description="保存后立即发布")


@strawberry.input(description="修改转换办法（未发布、下架时）；不传的字段保持原值")
class UpdateConversionMethodInput:
    name: str | None = strawberry.field(default=None, description="转换办法名称")
    file: Upload | None = strawberry.field(default=None, description="新的PDF")
    pledge_accepted: bool = strawberry.field(default=False, description="真实性承诺（必选）")


@strawberry.input(description="源成果及其学分银行学分")
class RuleSourceInput:
    achievement_id: strawberry.ID = strawberry.field(description="源成果（任一机构的成果）")
    credits: float | None = strawberry.field(default=None, description="学分银行学分（大于0）")


@strawberry.input(description="免考模块")
class ExemptModuleInput:
    name: str | None = strawberry.field(default=None, description="模块名称")
    credits: float | None = strawberry.field(default=None, description="学分（大于0）")


@strawberry.input(description="非学历目标：本机构的证书、学分银行学分及免考模块")
class TargetCertificateInput:
    achievement_id: strawberry.ID = strawberry.field(description="本机构的非学历证书")
    credits: float | None = strawberry.field(default=None, description="证书的学分银行学分")
    modules: list[ExemptModuleInput] | None = strawberry.field(default=None, description="免考模块，学分之和不超过证书学分")


@strawberry.input(description=(
    "转换规则（F9.3）：保存时给出的每项都须有效，发布时再检查是否完整。修改（updateConversionRule）只改所给的字段："
    "不传或为 null 的保持原值（保留的源成果仍须符合所给的规则类型；目标只保留该类型可有的一种），列表传 [] 为清空"
))
class ConversionRuleInput:
    rule_type: RuleTypeEnum = strawberry.field(description="转换规则类型（新建与修改都必填）")  # type: ignore[valid-type]
    sources: list[RuleSourceInput] | None = strawberry.field(default=None, description="源成果；修改时给出则整体替换")
    target_major_ids: list[strawberry.ID] | None = strawberry.field(default=None, description="学历目标：本机构的专业（学历证书，可选）；修改时给出则整体替换")
    target_course_ids: list[strawberry.ID] | None = strawberry.field(default=None, description="学历目标：本机构的课程（发布时必选）；修改时给出则整体替换")
    target_certificate: TargetCertificateInput | None = strawberry.field(default=None, description="非学历目标：证书及免考模块；修改时给出则连同免考模块整体替换")
    description: str | None = strawberry.field(default=None, description="转换说明；修改时传空串为清空")
    file: Upload | None = strawberry.field(default=None, description="盖章的转换规则PDF（发布时必须已上传）；修改时不传保持原文件")
    valid_from: date | None = strawberry.field(default=None, description="生效日期（新建时默认今天，北京时间的日期）")
    valid_to: strawberry.Maybe[date | None] = strawberry.field(
        default=None, description="失效日期：新建时不传或 null 为长期有效；修改时不传保持原值，传 null 改为长期有效"
    )
    pledge_accepted: bool = strawberry.field(default=False, description="真实性承诺（每次保存必选）")
    security_commitment_accepted: bool = strawberry.field(default=False, description="《信息发布安全承诺书》（首次必选）")


@strawberry.input(description="转换规则筛选（F9.1）")
class ConversionRuleFilter:
    code: str | None = strawberry.field(default=None, description="规则编码前缀（编码以规则创建当日的北京时间日期 YYYYMMDD 开头）")
    rule_type: RuleTypeEnum | None = strawberry.field(default=None, description="转换规则类型")  # type: ignore[valid-type]
    source_name: str | None = strawberry.field(default=None, description="源成果名称包含")
    target_name: str | None = strawberry.field(default=None, description="目标成果名称包含")
    institution_name: str | None = strawberry.field(default=None, description="机构名称包含")
    status: PublishStatusEnum | None = strawberry.field(default=None, description="状态")  # type: ignore[valid-type]


@strawberry.input(description="门户规则筛选（F17）")
class PortalRuleFilter:
    institution_id: strawberry.ID | None = strawberry.field(default=None, description="发布机构")
    rule_type: RuleTypeEnum | None = strawberry.field(default=None, description="转换规则类型")  # type: ignore[valid-type]
    source_name: str | None = strawberry.field(default=None, description="源成果名称包含")
    source_achievement_id: strawberry.ID | None = strawberry.field(
        default=None, description="源成果：只列出接受该成果的规则（B10，例如报名前查看某证书可转换什么）")
    target_name: str | None = strawberry.field(default=None, description="目标成果名称包含")
    code: str | None = strawberry.field(default=None, description="规则编码前缀（编码以规则创建当日的北京时间日期 YYYYMMDD 开头）")


@strawberry.type(description="转换办法变更结果")
class ConversionMethodPayload(Payload):
    method: ConversionMethodType | None = strawberry.field(default=None, description="转换办法")


@strawberry.type(description="转换规则变更结果")
class ConversionRulePayload(Payload):
    rule: ConversionRuleType | None = strawberry.field(default=None, description="转换规则")


@strawberry.type
class ConversionQuery:
    @strawberry.field(description="本机构的转换办法（F8.1）")
    async def conversion_methods(
        self, info: Info, filter: ConversionMethodFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionMethodType]:
        return await paginate(methods.filtered(info.context, filter), first, after, offset)

    @strawberry.field(description="成果转换办法（模板）PDF")
    async def conversion_method_template(self, info: Info) -> FileLink:
        return file_link(info, await methods.template_key(info.context), "成果转换办法（模板）.pdf")  # type: ignore[return-value]

    @strawberry.field(description="我发布的转换规则（F9.1）")
    async def my_conversion_rules(
        self, info: Info, filter: ConversionRuleFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionRuleType]:
        return await paginate(listing.mine(info.context, filter), first, after, offset)

    @strawberry.field(description="与我相关的转换规则（F9.1）：其他机构以本机构成果为源成果的已发布规则")
    async def related_conversion_rules(
        self, info: Info, filter: ConversionRuleFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionRuleType]:
        return await paginate(listing.related(info.context, filter), first, after, offset)

    @strawberry.field(description="门户（无需登录）：已发布的转换办法（F8.5, F17）")
    async def portal_conversion_methods(
        self, institution_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionMethodType]:
        return await paginate(methods.published(institution_id), first, after, offset)

    @strawberry.field(description="门户（无需登录）：已发布且在有效期内的转换规则（F17）")
    async def portal_conversion_rules(
        self, filter: PortalRuleFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ConversionRuleType]:
        return await paginate(listing.portal(filter), first, after, offset)


@strawberry.type
class ConversionMutation:
    @strawberry.mutation(description="上传转换办法（F8.2）：保存为未发布，或 publish 时立即发布")
    async def upload_conversion_method(self, info: Info, input: UploadConversionMethodInput) -> ConversionMethodPayload:
        return await mutate(info, ConversionMethodPayload, methods.upload(info.context, input), "method")

    @strawberry.mutation(description="修改转换办法（F8.4）：仅未发布、下架")
    async def update_conversion_method(
        self, info: Info, id: strawberry.ID, input: UpdateConversionMethodInput
    ) -> ConversionMethodPayload:
        return await mutate(info, ConversionMethodPayload, methods.update(info.context, id, input), "method")

    @strawberry.mutation(description="发布转换办法（F8.3）：每个机构只能有一条已发布的转换办法")
    async def publish_conversion_method(self, info: Info, id: strawberry.ID) -> ConversionMethodPayload:
        return await mutate(info, ConversionMethodPayload, methods.publish(info.context, id), "method")

    @strawberry.mutation(description="撤销发布转换办法（F8.4）：变为未发布")
    async def revoke_conversion_method(self, info: Info, id: strawberry.ID) -> ConversionMethodPayload:
        return await mutate(info, ConversionMethodPayload, methods.revoke(info.context, id), "method")

    @strawberry.mutation(description="删除转换办法（F8.4）：仅未发布、下架")
    async def delete_conversion_method(self, info: Info, id: strawberry.ID) -> ConversionMethodPayload:
        return await mutate(info, ConversionMethodPayload, methods.delete(info.context, id), "method")

    @strawberry.mutation(description="下架转换办法（学分银行工作人员）：需说明原因，机构会收到消息")
    async def take_down_conversion_method(
        self, info: Info, id: strawberry.ID, reason: str | None = None
    ) -> ConversionMethodPayload:
        return await mutate(info, ConversionMethodPayload, methods.take_down(info.context, id, reason), "method")

    @strawberry.mutation(description="制定转换规则（F9.3）：保存为未提交，publish 时随即发布")
    async def create_conversion_rule(
        self, info: Info, input: ConversionRuleInput, publish: bool = False
    ) -> ConversionRulePayload:
        return await mutate(info, ConversionRulePayload, rules.create(info.context, input, publish), "rule")

    @strawberry.mutation(description="修改转换规则（F9.5）：仅未提交、未发布、下架；已发布的须先撤回（B1）")
    async def update_conversion_rule(
        self, info: Info, id: strawberry.ID, input: ConversionRuleInput
    ) -> ConversionRulePayload:
        return await mutate(info, ConversionRulePayload, rules.update(info.context, id, input), "rule")

    @strawberry.mutation(description="发布转换规则（D1）：检查完整一致后发布，每次发布形成新版本（B1）")
    async def publish_rule(self, info: Info, id: strawberry.ID) -> ConversionRulePayload:
        return await mutate(info, ConversionRulePayload, publishing.publish_rule(info.context, id), "rule")

    @strawberry.mutation(description="撤回发布转换规则（F9.5）：变为未发布，门户不再显示")
    async def revoke_conversion_rule(self, info: Info, id: strawberry.ID) -> ConversionRulePayload:
        return await mutate(info, ConversionRulePayload, publishing.revoke(info.context, id), "rule")

    @strawberry.mutation(description="删除转换规则（F9.5）：仅未提交、未发布、下架")
    async def delete_conversion_rule(self, info: Info, id: strawberry.ID) -> ConversionRulePayload:
        return await mutate(info, ConversionRulePayload, publishing.delete(info.context, id), "rule")

    @strawberry.mutation(description="下架转换规则（学分银行工作人员）：需说明原因，机构会收到消息")
    async def take_down_conversion_rule(
        self, info: Info, id: strawberry.ID, reason: str | None = None
    ) -> ConversionRulePayload:
        return await mutate(info, ConversionRulePayload, publishing.take_down(info.context, id, reason), "rule")
