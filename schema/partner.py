"""Partner access through trusted documents (D3): staff manage partners, keys and manifests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from models.partner import CallOutcome, Partner, PartnerCall, PartnerDocument, PartnerKey
from resolvers import audit, partners, policy
from schema.connection import Connection, paginate
from schema.errors import Payload, mutate
from schema.institution import InstitutionType
from schema.labels import labeled_enum
from schema.loaders import loader
from schema.node import ModelNode

CallOutcomeEnum = labeled_enum(CallOutcome, description="合作方调用的结果")


@strawberry.type(name="PartnerKey", description="合作方 API 密钥（密钥本身只在签发时显示一次）")
class PartnerKeyType(ModelNode):
    model = PartnerKey
    type_name = "PartnerKey"

    prefix: str = strawberry.field(description="密钥前缀（cbk_<前缀>_…），用于辨认")
    created_at: datetime = strawberry.field(description="签发时间")
    expires_at: datetime | None = strawberry.field(description="过期时间；为空表示不过期")
    revoked_at: datetime | None = strawberry.field(description="吊销时间")
    last_used_at: datetime | None = strawberry.field(description="最近使用时间")



@strawberry.type(description="合作方登记的一个操作（可信文档）")
class PartnerDocumentType:
    document_id: str = strawberry.field(description="文档ID（SHA-256 或清单中的ID）；请求时作为 documentId 发送")
    operation_name: str = strawberry.field(description="操作名")
    created_at: datetime = strawberry.field(description="登记时间")


@strawberry.type(description="合作方的一次调用（以其院校主账户的身份）")
class PartnerCallType:
    operation_name: str = strawberry.field(description="操作名")
    document_id: str = strawberry.field(description="文档ID")
    outcome: CallOutcomeEnum = strawberry.field(description="结果")  # type: ignore[valid-type]
    detail: str = strawberry.field(description="被拒绝时的错误代码")
    ip: str = strawberry.field(description="来源地址")
    created_at: datetime = strawberry.field(description="时间")

    @strawberry.field(description="合作方名称")
    async def partner_name(self, info: Info, root: strawberry.Parent[Any]) -> str:
        return await loader(info, audit.partner_names).load(root.partner_id)


@strawberry.type(name="Partner", description="合作院校的系统：以其院校的身份只读访问（及少数存储成果的变更），只能执行登记的操作")
class PartnerType(ModelNode):
    model = Partner
    type_name = "Partner"

    name: str = strawberry.field(description="名称")
    created_at: datetime = strawberry.field(description="登记时间")

    @strawberry.field(description="所属院校机构")
    async def institution(self, root: strawberry.Parent[Any]) -> InstitutionType | None:
        from models.institution import Institution

        return await Institution.get_or_none(id=root.institution_id)

    @strawberry.field(description="API 密钥")
    async def keys(self, root: strawberry.Parent[Any]) -> list[PartnerKeyType]:
        return await PartnerKey.filter(partner_id=root.id).order_by("-id")  # type: ignore[return-value]

    @strawberry.field(description="登记的操作")
    async def documents(self, root: strawberry.Parent[Any]) -> list[PartnerDocumentType]:
        rows = await PartnerDocument.filter(partner_id=root.id).order_by("id")
        return [PartnerDocumentType(document_id=r.document_id, operation_name=r.operation_name,
                                    created_at=r.created_at) for r in rows]

    @strawberry.field(description="调用记录，最新的在前")
    async def calls(self, info: Info, root: strawberry.Parent[Any], first: int | None = None,
                    after: str | None = None, offset: int | None = None) -> Connection[PartnerCallType]:
        query = policy.owned(info.context, PartnerCall).filter(partner_id=root.id).order_by("-id")
        return await paginate(query, first, after, offset)



@strawberry.input(description="登记合作方")
class CreatePartnerInput:
    name: str | None = strawberry.field(default=None, description="名称，如 某某学院教务系统")
    institution_id: strawberry.ID = strawberry.field(description="它代表的院校机构")


@strawberry.input(description="签发 API 密钥")
class IssuePartnerKeyInput:
    partner_id: strawberry.ID = strawberry.field(description="合作方")
    expires_at: datetime | None = strawberry.field(default=None, description="过期时间；为空表示不过期")


@strawberry.input(description="登记操作清单")
class RegisterPartnerManifestInput:
    partner_id: strawberry.ID = strawberry.field(description="合作方")
    manifest: str = strawberry.field(
        description="JSON 文本：apollo-persisted-query-manifest 格式（GraphQL Codegen、Apollo 生成），或 Relay 的 {id: 文档} 映射"
    )


@strawberry.type(description="合作方变更结果")
class PartnerPayload(Payload):
    partner: PartnerType | None = strawberry.field(default=None, description="合作方")


@strawberry.type(description="签发结果：key 只显示这一次，请立即交给合作方")
class IssuePartnerKeyPayload(Payload):
    key: str | None = strawberry.field(default=None, description="完整密钥；放在请求头 X-Api-Key 中")
    api_key: PartnerKeyType | None = strawberry.field(default=None, description="密钥信息")


@strawberry.type(description="吊销结果")
class RevokePartnerKeyPayload(Payload):
    api_key: PartnerKeyType | None = strawberry.field(default=None, description="已吊销的密钥")


@strawberry.type(description="登记结果")
class RegisterPartnerManifestPayload(Payload):
    partner: PartnerType | None = strawberry.field(default=None, description="合作方")
    registered: int = strawberry.field(default=0, description="新登记的操作数")
    unchanged: int = strawberry.field(default=0, description="此前已登记的操作数")


@strawberry.type
class PartnerQuery:
    @strawberry.field(description="合作方（学分银行工作人员）")
    async def partners(self, info: Info, first: int | None = None, after: str | None = None,
                       offset: int | None = None) -> Connection[PartnerType]:
        return await paginate(partners.partners(info.context), first, after, offset)


@strawberry.type
class PartnerMutation:
    @strawberry.mutation(description="登记合作方（工作人员）")
    async def create_partner(self, info: Info, input: CreatePartnerInput) -> PartnerPayload:
        return await mutate(info, PartnerPayload, partners.create(info.context, input), "partner")

    @strawberry.mutation(description="为合作方签发 API 密钥（工作人员）；密钥只返回这一次")
    async def issue_partner_key(self, info: Info, input: IssuePartnerKeyInput) -> IssuePartnerKeyPayload:
        return await mutate(info, IssuePartnerKeyPayload, partners.issue(info.context, input))

    @strawberry.mutation(description="吊销 API 密钥（工作人员）；立即生效")
    async def revoke_partner_key(self, info: Info, id: strawberry.ID) -> RevokePartnerKeyPayload:
        return await mutate(info, RevokePartnerKeyPayload, partners.revoke(info.context, id), "api_key")

    @strawberry.mutation(description="登记合作方的操作清单（工作人员）：全部合格才登记；合作方只能调用查询及存储成果的变更")
    async def register_partner_manifest(self, info: Info, input: RegisterPartnerManifestInput) -> RegisterPartnerManifestPayload:
        return await mutate(info, RegisterPartnerManifestPayload,
                            partners.register(info.context, input, info.schema))
