"""Accounts: registration, login, passwords, the bound phone and sub-users."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from models.account import Account, AccountKind, AccountStatus, Module
from resolvers.access import require_account
from resolvers.account import login, password, phone, registration, sub_users
from schema.connection import Connection, paginate
from schema.errors import Payload, mutate
from schema.institution import (
    CertificateTypeEnum,
    InstitutionInfoInput,
    InstitutionPayload,
    InstitutionType,
)
from schema.labels import labeled_enum
from schema.node import ModelNode, related
from validators.contact import mask_phone

AccountKindEnum = labeled_enum(AccountKind, description="账户类别")
AccountStatusEnum = labeled_enum(AccountStatus, description="账户状态")
ModuleEnum = labeled_enum(Module, description="院校空间的功能模块（子用户可被限定）")


@strawberry.type(name="Account", description="登录账户：院校主账户、子用户、学分银行工作人员或学员")
class AccountType(ModelNode):
    model = Account
    type_name = "Account"

    username: str = strawberry.field(description="登录账号（院校主账户为院校标识码）")
    name: str = strawberry.field(description="姓名")
    kind: AccountKindEnum = strawberry.field(description="账户类别")  # type: ignore[valid-type]
    status: AccountStatusEnum = strawberry.field(description="状态")  # type: ignore[valid-type]
    phone: str = strawberry.field(description="绑定手机号")
    must_change_password: bool = strawberry.field(
        description="为 true 时必须先调用 changeInitialPassword，其他操作返回 PASSWORD_CHANGE_REQUIRED"
    )
    created_at: datetime = strawberry.field(description="创建时间")
    notify_by_email: bool = strawberry.field(description="是否同时以电子邮件接收消息（setMessagePreferences）")
    email: str = strawberry.field(description="接收消息提醒的电子邮箱")

    @strawberry.field(description="绑定手机号（脱敏），如 170****9087")
    def masked_phone(self, root: strawberry.Parent[Any]) -> str:
        return mask_phone(root.phone)

    @strawberry.field(description="子用户可使用的模块（B9）；为空且 allModules 为 false 时没有任何模块")
    def modules(self, root: strawberry.Parent[Any]) -> list[ModuleEnum]:  # type: ignore[valid-type]
        return [Module(value) for value in root.modules]

    @strawberry.field(description="可使用全部模块（含今后新增的模块）：院校主账户恒为 true；子用户由主账户明确选择（B9）")
    def all_modules(self, root: strawberry.Parent[Any]) -> bool:
        return root.kind == AccountKind.INSTITUTION_ADMIN or (
            root.kind == AccountKind.INSTITUTION_USER and root.all_modules)

    @strawberry.field(description="所属院校机构；学分银行工作人员为空")
    async def institution(self, root: strawberry.Parent[Any]) -> InstitutionType | None:
        if root.institution_id is None:
            return None
        return await related(root, "institution")



# --- inputs -----------------------------------------------------------------------------------


@strawberry.input(description="注册第一步：院校与账号")
class StartRegistrationInput:
    province_id: strawberry.ID = strawberry.field(description="省级教育部门")
    school_id: strawberry.ID = strawberry.field(description="院校（须属于所选省级教育部门）")
    school_code: str = strawberry.field(description="学校代码，须与所选院校的院校标识码一致")
    password: str = strawberry.field(description="密码：8-16位，须同时含数字和字母")
    password_confirmation: str = strawberry.field(description="确认密码")
    phone: str = strawberry.field(description="11位手机号（+86）")
    code: str = strawberry.field(description="发往该手机的验证码（用途 REGISTER）")
    agreement_accepted: bool = strawberry.field(description="已阅读并同意《学分银行注册协议》")


@strawberry.input(description="注册第二步：注册人信息")
class RegistrantInput:
    certificate_type: CertificateTypeEnum | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="证件类型，默认身份证"
    )
    name: str = strawberry.field(description="姓名")
    id_number: str = strawberry.field(description="18位居民身份证号（校验位与出生日期均须有效）")


@strawberry.input(description="登录")
class LoginInput:
    account: str = strawberry.field(description="登录账号")
    password: str = strawberry.field(description="密码")


@strawberry.input(description="首次登录修改初始密码")
class ChangeInitialPasswordInput:
    new_password: str = strawberry.field(description="新密码：8-16位，须同时含数字和字母")
    confirmation: str = strawberry.field(description="确认密码")


@strawberry.input(description=(
    "修改密码：一次给出全部字段问题。验证码每次提交都会核对（占用其5次核对机会之一）；"
    "原始密码只在验证码正确时才核对，验证码错误时不提示原始密码是否正确；原始密码的核对与登录一样按账号和地址限速"
))
class ChangePasswordInput:
    old_password: str = strawberry.field(description="原始密码（验证码正确时才核对）")
    new_password: str = strawberry.field(description="新密码：8-16位，须同时含数字和字母")
    confirmation: str = strawberry.field(description="确认密码")
    code: str = strawberry.field(description="发往绑定手机的验证码（用途 CHANGE_PASSWORD）")


@strawberry.input(description="更换绑定手机号")
class ChangePhoneInput:
    password: str = strawberry.field(description="登录密码")
    new_phone: str = strawberry.field(description="新手机号")
    code: str = strawberry.field(description="发往新手机的验证码（用途 CHANGE_PHONE）")


@strawberry.input(description="新增子用户")
class AddSubUserInput:
    username: str = strawberry.field(description="登录账号：4-32位字母、数字或下划线，至少含一个字母")
    name: str = strawberry.field(description="姓名")
    phone: str = strawberry.field(description="手机号")
    password: str = strawberry.field(description="初始密码（子用户首次登录须修改）")
    password_confirmation: str = strawberry.field(description="确认密码")
    modules: list[ModuleEnum] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="可使用的模块；不传或为空表示没有任何模块（可登录，但看不到本机构的数据）"
    )
    all_modules: bool = strawberry.field(
        default=False, description="可使用全部模块（含今后新增的模块），须明确选择；不能与 modules 同时给出（CONFLICTING_SELECTION）"
    )


@strawberry.input(description="修改子用户；不传的字段保持原值")
class UpdateSubUserInput:
    name: str | None = strawberry.field(default=None, description="姓名")
    phone: str | None = strawberry.field(default=None, description="手机号")
    modules: list[ModuleEnum] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="可使用的模块：给出即替换（并取消“全部模块”），空列表表示没有任何模块"
    )
    all_modules: bool | None = strawberry.field(
        default=None, description="true：可使用全部模块（含今后新增的）；false：只可使用 modules 中的模块；不传保持原值"
    )


@strawberry.input(description="子用户筛选")
class SubUserFilter:
    name: str | None = strawberry.field(default=None, description="姓名包含")
    username: str | None = strawberry.field(default=None, description="登录账号包含")
    status: AccountStatusEnum | None = strawberry.field(default=None, description="状态")  # type: ignore[valid-type]


# --- payloads ---------------------------------------------------------------------------------


@strawberry.type(description="账户变更结果")
class AccountPayload(Payload):
    account: AccountType | None = strawberry.field(default=None, description="变更后的账户")


@strawberry.type(description="登录结果")
class LoginPayload(Payload):
    token: str | None = strawberry.field(
        default=None, description="访问令牌，放在请求头 Authorization: Bearer <token>"
    )
    account: AccountType | None = strawberry.field(default=None, description="登录的账户")


@strawberry.type(description="注册结果")
class RegistrationPayload(Payload):
    token: str | None = strawberry.field(default=None, description="访问令牌（第一步返回，用于继续注册）")
    account: AccountType | None = strawberry.field(default=None, description="院校主账户")

    @strawberry.field(description="登录账号（完成页显示）")
    def login_account(self) -> str | None:
        return self.account.username if self.account is not None else None  # type: ignore[attr-defined]


@strawberry.type(description="退出登录结果")
class LogoutPayload(Payload):
    ok: bool = strawberry.field(default=False, description="令牌已失效")


@strawberry.type(description="重置子用户密码的结果")
class ResetPasswordPayload(Payload):
    account: AccountType | None = strawberry.field(default=None, description="子用户")
    temporary_password: str | None = strawberry.field(
        default=None, description="临时密码，仅此一次显示；子用户登录后须修改"
    )


# --- root fields ------------------------------------------------------------------------------


@strawberry.type
class AccountQuery:
    @strawberry.field(description="当前登录的账户；未登录时为空，令牌无效时返回 UNAUTHENTICATED")
    def me(self, info: Info) -> AccountType | None:
        if info.context.account is None and not info.context.token_rejected:
            return None
        return require_account(  # type: ignore[return-value]
            info.context, allow_initial_password=True, allow_incomplete_registration=True
        )

    @strawberry.field(description="本机构的子用户（院校主账户）")
    async def sub_users(
        self,
        info: Info,
        filter: SubUserFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        offset: int | None = None,
    ) -> Connection[AccountType]:
        return await paginate(sub_users.listed(info.context, filter), first, after, offset)


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="注册第一步：选择院校、设置密码、验证手机；返回令牌以继续注册")
    async def start_registration(self, info: Info, input: StartRegistrationInput) -> RegistrationPayload:
        return await mutate(info, RegistrationPayload, registration.start(info.context, input))

    @strawberry.mutation(description="注册第二步：提交注册人信息")
    async def submit_registrant(self, info: Info, input: RegistrantInput) -> AccountPayload:
        return await mutate(info, AccountPayload, registration.submit_registrant(info.context, input), "account")

    @strawberry.mutation(description="注册第三步【保存】：暂存机构信息，下次登录后可继续")
    async def save_registration_draft(self, info: Info, input: InstitutionInfoInput) -> InstitutionPayload:
        return await mutate(info, InstitutionPayload, registration.save_draft(info.context, input), "institution")

    @strawberry.mutation(description="注册第三步【提交】：完成注册，返回登录账号")
    async def complete_registration(self, info: Info, input: InstitutionInfoInput) -> RegistrationPayload:
        return await mutate(info, RegistrationPayload, registration.complete(info.context, input), "account")

    @strawberry.mutation(description="账号密码登录；账号或密码错误时统一提示")
    async def login(self, info: Info, input: LoginInput) -> LoginPayload:
        return await mutate(info, LoginPayload, login.login(info.context, input.account, input.password))

    @strawberry.mutation(description="退出登录，当前令牌立即失效")
    async def logout(self, info: Info) -> LogoutPayload:
        async def run() -> dict[str, bool]:
            await login.logout(info.context)
            return {"ok": True}

        return await mutate(info, LogoutPayload, run())

    @strawberry.mutation(description="首次登录修改初始密码（同步账户、新增的子用户、被重置密码的子用户）；新密码不能与初始密码相同")
    async def change_initial_password(self, info: Info, input: ChangeInitialPasswordInput) -> AccountPayload:
        return await mutate(info, AccountPayload, password.change_initial(info.context, input), "account")

    @strawberry.mutation(description="修改密码：原始密码、新密码及绑定手机验证码；其他设备上的登录随之失效")
    async def change_password(self, info: Info, input: ChangePasswordInput) -> AccountPayload:
        return await mutate(info, AccountPayload, password.change(info.context, input), "account")

    @strawberry.mutation(description="更换绑定手机号：登录密码、新手机号及其验证码")
    async def change_phone(self, info: Info, input: ChangePhoneInput) -> AccountPayload:
        return await mutate(info, AccountPayload, phone.change(info.context, input), "account")

    @strawberry.mutation(description="新增子用户（院校主账户）：子用户首次登录后须先用 changeInitialPassword 修改主账户设定的密码")
    async def add_sub_user(self, info: Info, input: AddSubUserInput) -> AccountPayload:
        return await mutate(info, AccountPayload, sub_users.add(info.context, input), "account")

    @strawberry.mutation(description="修改子用户（院校主账户）")
    async def update_sub_user(self, info: Info, id: strawberry.ID, input: UpdateSubUserInput) -> AccountPayload:
        return await mutate(info, AccountPayload, sub_users.update(info.context, id, input), "account")

    @strawberry.mutation(description="停用子用户，其令牌立即失效（院校主账户）")
    async def disable_sub_user(self, info: Info, id: strawberry.ID) -> AccountPayload:
        return await mutate(
            info, AccountPayload, sub_users.set_status(info.context, id, AccountStatus.DISABLED), "account"
        )

    @strawberry.mutation(description="启用子用户（院校主账户）")
    async def enable_sub_user(self, info: Info, id: strawberry.ID) -> AccountPayload:
        return await mutate(
            info, AccountPayload, sub_users.set_status(info.context, id, AccountStatus.ACTIVE), "account"
        )

    @strawberry.mutation(description="删除子用户，其令牌立即失效（院校主账户）")
    async def delete_sub_user(self, info: Info, id: strawberry.ID) -> AccountPayload:
        return await mutate(info, AccountPayload, sub_users.delete(info.context, id), "account")

    @strawberry.mutation(description="重置子用户密码，返回一次性临时密码（院校主账户）")
    async def reset_sub_user_password(self, info: Info, id: strawberry.ID) -> ResetPasswordPayload:
        async def run() -> dict[str, Any]:
            reset = await sub_users.reset_password(info.context, id)
            return {"account": reset.user, "temporary_password": reset.temporary_password}

        return await mutate(info, ResetPasswordPayload, run())
