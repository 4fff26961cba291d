"""The message centre (我的消息, F12) and the live side of the API (subscriptions, D2 and B8)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import datetime
from typing import Any

import strawberry
from strawberry.types import Info

from models.account import Module
from models.message import Message, MessageKind
from resolvers import messages
from schema.account import AccountType, ModuleEnum
from schema.connection import Connection, paginate
from schema.errors import Payload, mutate
from schema.labels import labeled_enum
from schema.node import ModelNode
from schema.selection import all_matching, selected_ids

MessageKindEnum = labeled_enum(MessageKind, description="消息类别")


@strawberry.type(name="Message", description="我的消息中的一条")
class MessageType(ModelNode):
    model = Message
    type_name = "Message"

    kind: MessageKindEnum = strawberry.field(description="消息类别")  # type: ignore[valid-type]
    title: str = strawberry.field(description="标题")
    body: str = strawberry.field(description="正文")
    created_at: datetime = strawberry.field(description="时间")
    read_at: datetime | None = strawberry.field(description="阅读时间；未读为空")

    @strawberry.field(description="是否已读")
    def read(self, root: strawberry.Parent[Any]) -> bool:
        return root.read_at is not None

    @strawberry.field(description="【处理】跳转的功能模块；无需处理时为空")
    def module(self, root: strawberry.Parent[Any]) -> ModuleEnum | None:  # type: ignore[valid-type]
        return Module(root.module) if root.module else None

    @strawberry.field(description="【处理】跳转的对象的全局ID（可用 node(id:) 读取）；无具体对象时为空")
    def object_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        return strawberry.ID(root.object_id) if root.object_id else None



@strawberry.input(description="消息筛选")
class MessageFilter:
    kind: MessageKindEnum | None = strawberry.field(default=None, description="消息类别")  # type: ignore[valid-type]
    read: bool | None = strawberry.field(default=None, description="true 只看已读，false 只看未读")


@strawberry.input(description="标为已读：勾选的消息，或 allMatching 为 true 时全部标为已读")
class MarkMessagesReadInput:
    ids: list[strawberry.ID] | None = selected_ids("消息")
    all_matching: bool = all_matching("我的全部消息")
    all: bool = strawberry.field(default=False, description="同 allMatching（旧名称）",
                                 deprecation_reason="请改用 allMatching（各批量操作统一的“全部”写法）；2026-12-04 起弃用")


@strawberry.type(description="标为已读的结果")
class MarkMessagesReadPayload(Payload):
    marked: int = strawberry.field(default=0, description="本次由未读变为已读的条数")
    unread_count: int = strawberry.field(default=0, description="此后的未读条数")


@strawberry.input(description="消息提醒方式")
class MessagePreferencesInput:
    by_email: bool = strawberry.field(description="同时以电子邮件发送每条消息")
    email: str | None = strawberry.field(
        default=None, description="接收消息提醒的邮箱；不填则沿用已保存的邮箱，开启邮件提醒时必须有邮箱")


@strawberry.type(description="消息提醒方式变更结果")
class MessagePreferencesPayload(Payload):
    account: AccountType | None = strawberry.field(default=None, description="当前账户")


@strawberry.type(description="导入或导出的进度（B8）")
class Progress:
    key: str = strawberry.field(description="发起导入或导出时给出的 progressKey")
    done: int = strawberry.field(description="已处理行数")
    total: int = strawberry.field(description="总行数（未知时为0）")
    finished: bool = strawberry.field(description="是否已结束（结束后订阅随即完成）")
    stage: str = strawberry.field(description="当前阶段，如 读取、校验、保存、写出")


@strawberry.type
class MessageQuery:
    @strawberry.field(description="我的消息（F12.1），最新的在前；受限子用户只看到无关模块或其当前可用模块的消息（B9），模块被取消后此前收到的该模块消息也不再显示")
    async def messages(
        self, info: Info, filter: MessageFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[MessageType]:
        return await paginate(messages.filtered(info.context, filter), first, after, offset)

    @strawberry.field(description="未读消息条数（右上角消息提醒）；与 messages 同样按子用户当前模块计算")
    async def unread_message_count(self, info: Info) -> int:
        return await messages.unread_count(info.context)


@strawberry.type
class MessageMutation:
    @strawberry.mutation(description="将消息标为已读（一条、多条或全部）")
    async def mark_messages_read(self, info: Info, input: MarkMessagesReadInput) -> MarkMessagesReadPayload:
        async def run() -> dict[str, int]:
            marked = await messages.mark_read(info.context, input.ids, input.all_matching or input.all)
            return {"marked": marked, "unread_count": await messages.unread_count(info.context)}

        return await mutate(info, MarkMessagesReadPayload, run())

    @strawberry.mutation(description="设置消息提醒方式：是否同时发送电子邮件")
    async def set_message_preferences(self, info: Info, input: MessagePreferencesInput) -> MessagePreferencesPayload:
        return await mutate(info, MessagePreferencesPayload,
                            messages.set_preferences(info.context, input.by_email, input.email), "account")


@strawberry.type(description="订阅（graphql-transport-ws 或 graphql-ws；令牌放在 connection_init 的 token 或 Authorization 中）")
class Subscription:
    @strawberry.subscription(description="新消息（D2）：只推送给收件人本人；断线期间的消息在恢复后补发；受限子用户只收到其当前模块的消息（B9）")
    async def message_received(self, info: Info) -> AsyncGenerator[MessageType, None]:
        async for message in messages.message_stream(info.context):
            yield message  # type: ignore[misc]

    @strawberry.subscription(description="未读消息条数：订阅时先推送当前值，之后每次变化时推送（子用户的模块变更也会推送新值）")
    async def unread_message_count(self, info: Info) -> AsyncGenerator[int, None]:
        async for count in messages.unread_count_stream(info.context):
            yield count

    @strawberry.subscription(
        description="导入或导出的进度（B8）：先订阅，再以同一 progressKey 发起导入或导出；结束时订阅完成"
    )
    async def progress(self, info: Info, key: str) -> AsyncGenerator[Progress, None]:
        async for event in messages.progress_stream(info.context, key):
            yield Progress(key=event["key"], done=event["done"], total=event["total"],
                           finished=event["finished"], stage=event.get("stage", ""))
