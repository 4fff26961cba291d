"""The audit trail (操作日志, B3) and the calls partners made (D3), as their readers see them: an
institution's main account its own institution's, bank staff all."""

from __future__ import annotations

import json

from datetime import date, datetime
from typing import Any

import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.types import Info
from tortoise.models import Model

from models.account import Account
from models.audit import AuditAction, AuditLog
from models.institution import Institution
from resolvers import audit, policy
from schema.account import AccountKindEnum, AccountType
from schema.connection import Connection, paginate
from schema.institution import InstitutionType
from schema.labels import labeled_enum
from schema.loaders import loader
from schema.node import ModelNode
from schema.partner import CallOutcomeEnum, PartnerCallType

AuditActionEnum = labeled_enum(AuditAction, description="操作日志记录的操作（中文名称见 labels）")

_MODELS: dict[str, type[Model]] = {model.__name__: model for model in policy.RULES}


def _readable(info: Info, model: type[Model]) -> DataLoader[int, Any]:
    """Rows of ``model`` the reader may see (as ``node(id:)`` would answer), a page at once."""
    key = ("readable", model)
    found = info.context.loaders.get(key)
    if found is None:
        async def batch(pks: list[int]) -> list[Any]:
            rows = {row.pk: row for row in await policy.readable(info.context, model).filter(id__in=set(pks))}
            return [rows.get(pk) for pk in pks]

        found = info.context.loaders[key] = DataLoader(load_fn=batch)
    return found


@strawberry.type(name="AuditEntry", description="操作日志的一条：谁、何时、从哪里、对什么做了什么（含查看学员完整身份证号、导出、状态变更）")
class AuditEntryType(ModelNode):
    model = AuditLog
    type_name = "AuditEntry"

    created_at: datetime = strawberry.field(description="时间")
    ip: str = strawberry.field(description="来源地址")

    @strawberry.field(description="操作")
    def action(self, root: strawberry.Parent[Any]) -> AuditActionEnum:  # type: ignore[valid-type]
        return AuditAction.of(root.action)

    @strawberry.field(description="操作人：院校用户与学员为姓名（无姓名时为登录账号，学员为脱敏身份证号）；"
                                  "学分银行工作人员的操作对院校显示为“学分银行工作人员”；无操作人（系统任务）为“系统”")
    async def actor_name(self, info: Info, root: strawberry.Parent[Any]) -> str:
        account = await loader(info, audit.accounts).load(root.actor_id) if root.actor_id else None
        return audit.actor_name(info.context, account)

    @strawberry.field(description="操作人的账户类别；系统任务为空")
    async def actor_kind(self, info: Info, root: strawberry.Parent[Any]) -> AccountKindEnum | None:  # type: ignore[valid-type]
        account = await loader(info, audit.accounts).load(root.actor_id) if root.actor_id else None
        return account.kind if account is not None else None

    @strawberry.field(description="操作人的账户（可查看时，如本机构的子用户；其 id 可用于 filter.userId）；"
                                  "已删除、其他机构或学分银行的账户为空")
    async def actor(self, info: Info, root: strawberry.Parent[Any]) -> AccountType | None:
        return await _readable(info, Account).load(root.actor_id) if root.actor_id else None

    @strawberry.field(description="经由合作方系统（API 密钥，以院校主账户身份）调用时为合作方名称，否则为空")
    def partner_name(self, root: strawberry.Parent[Any]) -> str | None:
        value = (root.detail or {}).get("partner")
        return str(value) if value else None

    @strawberry.field(description="所属院校机构；与院校无关的操作（如工作人员维护目录）为空")
    async def institution(self, info: Info, root: strawberry.Parent[Any]) -> InstitutionType | None:
        if root.institution_id is None:
            return None
        return await _readable(info, Institution).load(root.institution_id)

    @strawberry.field(description="操作对象的类型名（如 Learner、LearnerAchievement、ConversionRule）；无对象时为空")
    def object_type(self, root: strawberry.Parent[Any]) -> str | None:
        model = _MODELS.get(root.object_type)
        return policy.type_name(model) if model is not None else None

    @strawberry.field(description="操作对象（可查看时，与 node(id:) 相同；已撤回的学员成果对其持有者仍可查看）；"
                                  "已删除或无权查看时为空，类型见 objectType")
    async def object(self, info: Info, root: strawberry.Parent[Any]) -> relay.Node | None:
        model = _MODELS.get(root.object_type)
        if model is None or not root.object_id.isdigit():
            return None
        return await _readable(info, model).load(int(root.object_id))

    @strawberry.field(description="操作详情，随操作不同：如导出条数与筛选条件、撤回原因、变更的字段、审核结论；"
                                  "每项一个名称与文本值，其中的对象为全局ID")
    def detail(self, root: strawberry.Parent[Any]) -> list[AuditDetail]:
        return [AuditDetail(name=name, value=_text(value))
                for name, value in audit.shown_detail(root.detail).items()]


@strawberry.type(description="操作详情的一项")
class AuditDetail:
    name: str = strawberry.field(description="名称，如 rows（导出条数）、filter（筛选条件）、reason（原因）")
    value: str = strawberry.field(description="文本值；数字为其十进制文本，结构（如筛选条件）为紧凑的 JSON 文本")


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


@strawberry.input(description="操作日志筛选；日期为北京时间的日期")
class AuditEntryFilter:
    user_id: strawberry.ID | None = strawberry.field(
        default=None, description="操作人（账户的全局ID，如子用户列表或 me 的 id）")
    actions: list[AuditActionEnum] | None = strawberry.field(  # type: ignore[valid-type]
        default=None, description="操作（可多选），如 LEARNER_ID_NUMBER_READ 查看学员完整身份证号")
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="院校机构（学分银行工作人员使用；院校主账户只会看到本机构的）")
    start_date: date | None = strawberry.field(default=None, description="开始日期（含，北京时间）")
    end_date: date | None = strawberry.field(default=None, description="结束日期（含，北京时间）；不能早于开始日期")


@strawberry.input(description="合作方调用记录筛选；日期为北京时间的日期")
class PartnerCallFilter:
    partner_id: strawberry.ID | None = strawberry.field(default=None, description="合作方")
    outcome: CallOutcomeEnum | None = strawberry.field(default=None, description="结果")  # type: ignore[valid-type]
    operation_name: str | None = strawberry.field(default=None, description="操作名（完全一致）")
    start_date: date | None = strawberry.field(default=None, description="开始日期（含，北京时间）")
    end_date: date | None = strawberry.field(default=None, description="结束日期（含，北京时间）；不能早于开始日期")


@strawberry.type
class AuditQuery:
    @strawberry.field(description="操作日志（审计记录），最新的在前：院校主账户看本机构的（谁查看了哪位学员的完整身份证号、"
                                  "导出了什么、改了什么，从哪个地址），学分银行工作人员看全部；子用户与合作方密钥不能查看"
                                  "（FORBIDDEN）。开始日期晚于结束日期时返回 BAD_FILTER")
    async def audit_entries(
        self, info: Info, filter: AuditEntryFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[AuditEntryType]:
        return await paginate(audit.entries(info.context, filter), first, after, offset)

    @strawberry.field(description="合作方（API 密钥）的调用记录，最新的在前：院校主账户看以本机构名义调用的合作方的，"
                                  "学分银行工作人员看全部；子用户与合作方密钥不能查看（FORBIDDEN）")
    async def partner_calls(
        self, info: Info, filter: PartnerCallFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[PartnerCallType]:
        return await paginate(audit.partner_calls(info.context, filter), first, after, offset)
