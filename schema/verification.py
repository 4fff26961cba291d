"""Sending verification codes, and the demo's outbox."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from models.outbox import Channel, OutboundMessage
from models.verification import CodePurpose
from resolvers import verification
from resolvers.errors import Forbidden
from schema.errors import Payload, mutate
from schema.labels import labeled_enum

CodePurposeEnum = labeled_enum(CodePurpose, description="验证码用途")
ChannelEnum = labeled_enum(Channel, description="发送渠道")


@strawberry.input(description="发送验证码")
class SendVerificationCodeInput:
    purpose: CodePurposeEnum = strawberry.field(  # type: ignore[valid-type]
        description="用途；CHANGE_PASSWORD、EXPORT 发往当前账户绑定的手机，其余发往 phone"
    )
    phone: str | None = strawberry.field(default=None, description="手机号（REGISTER、CHANGE_PHONE 等必填）")
    also_email: bool = strawberry.field(
        default=False, description="同时把同一验证码发到机构联系人电子邮件（需已登录且已填写邮箱）"
    )


@strawberry.type(description="验证码发送结果")
class SendVerificationCodePayload(Payload):
    sent_to: str | None = strawberry.field(default=None, description="接收手机号（脱敏）")
    expires_in_seconds: int | None = strawberry.field(default=None, description="有效期（秒）")
    resend_after_seconds: int | None = strawberry.field(default=None, description="多少秒后可再次发送")
    mailed_to: str | None = strawberry.field(default=None, description="同时发送的邮箱（脱敏）")


@strawberry.type(description="发件箱中的一条短信或邮件（仅演示模式可查）")
class OutboxMessage:
    channel: ChannelEnum = strawberry.field(description="渠道")  # type: ignore[valid-type]
    recipient: str = strawberry.field(description="接收方")
    subject: str = strawberry.field(description="主题（邮件）")
    body: str = strawberry.field(description="内容")
    created_at: datetime = strawberry.field(description="时间")


@strawberry.type
class VerificationQuery:
    @strawberry.field(description="演示模式：查看发给某手机号或邮箱的短信与邮件（最新在前）；非演示模式返回 FORBIDDEN")
    async def demo_outbox(self, info: Info, recipient: str) -> list[OutboxMessage]:
        if not info.context.settings.demo:
            raise Forbidden("仅演示模式可查看发件箱")
        return await OutboundMessage.filter(recipient=recipient).order_by("-id").limit(20)  # type: ignore[return-value]


@strawberry.type
class VerificationMutation:
    @strawberry.mutation(description="发送6位短信验证码：5分钟内有效，最多错5次，同一手机号60秒内只能发送一次")
    async def send_verification_code(
        self, info: Info, input: SendVerificationCodeInput
    ) -> SendVerificationCodePayload:
        return await mutate(
            info,
            SendVerificationCodePayload,
            verification.send_code(info.context, input.purpose, input.phone, input.also_email),
        )
