"""Phone verification codes and the per-phone send throttle."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum


class CodePurpose(LabeledEnum):
    REGISTER = "REGISTER", "注册"
    CHANGE_PASSWORD = "CHANGE_PASSWORD", "修改密码"
    CHANGE_PHONE = "CHANGE_PHONE", "更换手机号"
    EXPORT = "EXPORT", "导出数据"
    LEARNER_REGISTER = "LEARNER_REGISTER", "学员注册"


class VerificationCode(Model):
    id = fields.IntField(primary_key=True)
    phone = fields.CharField(max_length=11)
    purpose = fields.CharEnumField(CodePurpose, max_length=20)
    # HMAC-SHA256 of the code under the server's secret: a database dump does not reveal codes.
    code_digest = fields.CharField(max_length=64)
    expires_at = fields.DatetimeField()
    # Checks claimed so far, right or wrong: at most five (resolvers/verification.py).
    failed_attempts = fields.IntField(default=0)
    consumed_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "verification_code"
        indexes = (("phone", "purpose", "created_at"),)


class PhoneSendSlot(Model):
    """One row per phone: the time of its last code, so two racing sends cannot both pass."""

    phone = fields.CharField(max_length=11, primary_key=True)
    last_sent_at = fields.DatetimeField()

    class Meta:
        table = "phone_send_slot"
