"""Messages of the message centre (我的消息, F12): one row per recipient account."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum


class MessageKind(LabeledEnum):
    APPLICATION_RECEIVED = "APPLICATION_RECEIVED", "收到转换申请"
    APPLICATION_DECIDED = "APPLICATION_DECIDED", "转换申请已审核"
    REVIEW_REQUESTED = "REVIEW_REQUESTED", "申请复核"
    FEEDBACK_RECEIVED = "FEEDBACK_RECEIVED", "收到问题反馈"
    FEEDBACK_ANSWERED = "FEEDBACK_ANSWERED", "问题反馈已处理"
    IMPORT_FINISHED = "IMPORT_FINISHED", "导入完成"
    IMPORT_FAILED = "IMPORT_FAILED", "导入失败"
    EXPORT_FINISHED = "EXPORT_FINISHED", "导出完成"
    RULE_TAKEN_DOWN = "RULE_TAKEN_DOWN", "转换规则被下架"
    METHOD_TAKEN_DOWN = "METHOD_TAKEN_DOWN", "转换办法被下架"
    GRANT_CHANGED = "GRANT_CHANGED", "成果授权变更"
    PASSWORD_RESET = "PASSWORD_RESET", "密码已重置"
    RECORD_WITHDRAWN = "RECORD_WITHDRAWN", "学员成果被撤回"


class Message(Model):
    id = fields.BigIntField(primary_key=True)
    account_id = fields.IntField()
    institution_id = fields.IntField(null=True)
    # An explicit description: new kinds then change no column comment (no migration).
    kind = fields.CharEnumField(MessageKind, max_length=24, description="消息类别")
    title = fields.CharField(max_length=200)
    body = fields.TextField(default="")
    # Where 【处理】 jumps: the module and the object's global ID (F12.2).
    module = fields.CharField(max_length=32, default="")
    object_id = fields.CharField(max_length=64, default="")
    read_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "message"
        indexes = (("account_id", "read_at", "id"), ("account_id", "id"))
