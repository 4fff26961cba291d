"""Every SMS and mail the platform sends, with its delivery state."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum


class Channel(LabeledEnum):
    SMS = "SMS", "短信"
    MAIL = "MAIL", "邮件"


class DeliveryStatus(LabeledEnum):
    KEPT = "KEPT", "仅保存在发件箱"
    PENDING = "PENDING", "待发送"
    SENT = "SENT", "已发送"
    FAILED = "FAILED", "发送失败"


class OutboundMessage(Model):
    id = fields.IntField(primary_key=True)
    channel = fields.CharEnumField(Channel, max_length=4)
    recipient = fields.CharField(max_length=128, db_index=True)
    subject = fields.CharField(max_length=200, default="")
    body = fields.TextField()
    status = fields.CharEnumField(DeliveryStatus, max_length=8)
    attempts = fields.IntField(default=0)
    last_error = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    sent_at = fields.DatetimeField(null=True)

    class Meta:
        table = "outbound_message"
