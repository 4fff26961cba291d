"""The institution of a school: registration progress and the information of F13.1."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from models.institution import CertificateType, Institution, RegistrationStep
from resolvers import institution as institution_resolvers
from resolvers import policy
from schema.directory import ProvinceType, SchoolType
from schema.errors import Payload, mutate
from schema.labels import labeled_enum
from schema.node import ModelNode, related
from server.files import DEFAULT_TTL_SECONDS, signed_url
from validators.id_number import mask

RegistrationStepEnum = labeled_enum(RegistrationStep, description="注册进度")
CertificateTypeEnum = labeled_enum(CertificateType, description="证件类型")


@strawberry.type(description="注册人信息（注册第二步）")
class Registrant:
    certificate_type: CertificateTypeEnum = strawberry.field(description="证件类型")  # type: ignore[valid-type]
    name: str = strawberry.field(description="姓名")
    masked_id_number: str = strawberry.field(description="证件号码（脱敏）")


def _insider(info: Info, institution: Any) -> bool:
    return policy.may(info.context, policy.Facet.INSTITUTION_DETAILS, institution)


@strawberry.type(name="Institution", description="院校机构及其机构信息")
class InstitutionType(ModelNode):
    model = Institution
    type_name = "Institution"

    school_type: str = strawberry.field(description="学校类型")
    introduction: str = strawberry.field(description="简介")

    # Institution information other than the public identity (name, code, type, province) is
    # the read policy's INSTITUTION_DETAILS facet: an institution is reachable from portal and
    # related-rule lists, where anyone may read its identity.
    @strawberry.field(description="注册进度；COMPLETE 之前可继续完善并提交（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def registration_step(self, info: Info, root: strawberry.Parent[Any]) -> RegistrationStepEnum | None:  # type: ignore[valid-type]
        return root.registration_step if _insider(info, root) else None

    @strawberry.field(description="注册完成时间（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def registered_at(self, info: Info, root: strawberry.Parent[Any]) -> datetime | None:
        return root.registered_at if _insider(info, root) else None

    @strawberry.field(description="统一社会信用代码（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def credit_code(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.credit_code if _insider(info, root) else None

    @strawberry.field(description="法定代表人或负责人姓名（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def legal_representative(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.legal_representative if _insider(info, root) else None

    @strawberry.field(description="联系人（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def contact_name(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.contact_name if _insider(info, root) else None

    @strawberry.field(description="联系人手机号（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def contact_phone(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.contact_phone if _insider(info, root) else None

    @strawberry.field(description="联系人电子邮件（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def contact_email(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.contact_email if _insider(info, root) else None

    @strawberry.field(description="邮政编码（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def postcode(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.postcode if _insider(info, root) else None

    @strawberry.field(description="通讯地址（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def address(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.address if _insider(info, root) else None

    @strawberry.field(description="经营范围（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def business_scope(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        return root.business_scope if _insider(info, root) else None

    @strawberry.field(description="院校名称（来自院校目录）")
    async def name(self, root: strawberry.Parent[Any]) -> str:
        return (await related(root, "school")).name

    @strawberry.field(description="院校标识码（来自院校目录）")
    async def school_code(self, root: strawberry.Parent[Any]) -> str:
        return (await related(root, "school")).code

    @strawberry.field(description="主管单位（来自院校目录）")
    async def supervising_unit(self, root: strawberry.Parent[Any]) -> str:
        return (await related(root, "school")).supervising_unit

    @strawberry.field(description="目录中的院校")
    async def school(self, root: strawberry.Parent[Any]) -> SchoolType:
        return await related(root, "school")

    @strawberry.field(description="所属省级教育部门")
    async def province(self, root: strawberry.Parent[Any]) -> ProvinceType:
        return await related(await related(root, "school"), "province")

    @strawberry.field(description="注册人信息（仅本机构主账户、有“机构信息”模块的子用户及工作人员可见）")
    def registrant(self, info: Info, root: strawberry.Parent[Any]) -> Registrant | None:
        if not _insider(info, root):
            return None
        return Registrant(
            certificate_type=root.registrant_certificate_type,
            name=root.registrant_name,
            masked_id_number=mask(root.registrant_id_number) if root.registrant_id_number else "",
        )

    @strawberry.field(description=f"头像的地址（签名链接，签发后 {DEFAULT_TTL_SECONDS} 秒内有效；配置了 PUBLIC_BASE_URL 时为绝对地址，"
                                  "否则为相对本服务的路径），无头像时为空")
    def avatar_url(self, info: Info, root: strawberry.Parent[Any]) -> str | None:
        if not root.avatar_key:
            return None
        return signed_url(info.context.settings, root.avatar_key)



@strawberry.input(description="机构信息（注册第三步与机构信息修改共用）；不传的字段保持原值")
class InstitutionInfoInput:
    credit_code: str | None = strawberry.field(default=None, description="统一社会信用代码（GB 32100 校验）")
    school_type: str | None = strawberry.field(default=None, description="学校类型（必填）")
    legal_representative: str | None = strawberry.field(default=None, description="法定代表人或负责人姓名（必填）")
    contact_name: str | None = strawberry.field(default=None, description="联系人（必填）")
    contact_phone: str | None = strawberry.field(default=None, description="联系人手机号（必填）")
    contact_email: str | None = strawberry.field(default=None, description="联系人电子邮件（必填）")
    postcode: str | None = strawberry.field(default=None, description="邮政编码（必填，6位）")
    address: str | None = strawberry.field(default=None, description="通讯地址（必填）")
    business_scope: str | None = strawberry.field(default=None, description="经营范围（必填）")
    introduction: str | None = strawberry.field(default=None, description="简介")
    avatar: Upload | None = strawberry.field(default=None, description="头像图片（PNG/JPEG/GIF/WebP，不超过2MB）")


@strawberry.type(description="机构信息变更结果")
class InstitutionPayload(Payload):
    institution: InstitutionType | None = strawberry.field(default=None, description="变更后的机构")


@strawberry.type
class InstitutionMutation:
    @strawberry.mutation(description="修改机构信息（院校主账户）")
    async def update_institution_info(self, info: Info, input: InstitutionInfoInput) -> InstitutionPayload:
        return await mutate(
            info, InstitutionPayload, institution_resolvers.update_info(info.context, input), "institution"
        )
