"""Accounts of every actor and their login sessions (F2, F14, F16)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum, Timestamped

if TYPE_CHECKING:
    from models.institution import Institution


class AccountKind(LabeledEnum):
    INSTITUTION_ADMIN = "INSTITUTION_ADMIN", "院校主账户"
    INSTITUTION_USER = "INSTITUTION_USER", "院校子用户"
    STAFF = "STAFF", "学分银行工作人员"
    LEARNER = "LEARNER", "学员"


class AccountStatus(LabeledEnum):
    ACTIVE = "ACTIVE", "启用"
    DISABLED = "DISABLED", "停用"
    DELETED = "DELETED", "已删除"


class Module(LabeledEnum):
    """Modules of the institution space a sub-user can be limited to (B9)."""

    ACHIEVEMENTS = "ACHIEVEMENTS", "成果及学员管理"
    CONVERSION_RULES = "CONVERSION_RULES", "转换办法与规则"
    CONVERSION_REVIEW = "CONVERSION_REVIEW", "成果转换管理"
    MESSAGES = "MESSAGES", "我的消息"
    INSTITUTION_INFO = "INSTITUTION_INFO", "机构信息"


class Account(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    username = fields.CharField(max_length=64, unique=True)
    password_hash = fields.CharField(max_length=255)
    kind = fields.CharEnumField(AccountKind, max_length=20)
    status = fields.CharEnumField(AccountStatus, max_length=10, default=AccountStatus.ACTIVE)
    institution: fields.ForeignKeyNullableRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="accounts", null=True, on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=32, default="")
    phone = fields.CharField(max_length=11, default="", db_index=True)
    email = fields.CharField(max_length=128, default="")
    # Also mail each message-centre message to ``email`` (F12).
    notify_by_email = fields.BooleanField(default=False)
    # The modules a sub-user may use (B9); empty means none. A main account uses every module.
    modules = fields.JSONField(default=list)
    # Every module, those added later too: the main account's explicit choice for a sub-user.
    all_modules = fields.BooleanField(default=False)
    # Synced accounts and reset sub-users must choose their own password first (F2.2).
    must_change_password = fields.BooleanField(default=False)
    synced_from = fields.CharField(max_length=32, default="")
    password_changed_at = fields.DatetimeField(null=True)
    deleted_at = fields.DatetimeField(null=True)

    sessions: fields.ReverseRelation[Session]

    class Meta:
        table = "account"

    @property
    def is_active(self) -> bool:
        return self.status == AccountStatus.ACTIVE

    @property
    def is_institution_member(self) -> bool:
        return self.kind in (AccountKind.INSTITUTION_ADMIN, AccountKind.INSTITUTION_USER)


class Session(Model):
    """A login: the token itself is never stored, only its SHA-256 digest."""

    id = fields.IntField(primary_key=True)
    token_digest = fields.CharField(max_length=64, unique=True)
    account: fields.ForeignKeyRelation[Account] = fields.ForeignKeyField(
        "models.Account", related_name="sessions", on_delete=fields.CASCADE
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    ip = fields.CharField(max_length=45, default="")
    user_agent = fields.CharField(max_length=200, default="")

    class Meta:
        table = "session"


class LoginThrottle(Model):
    """Wrong passwords to one login name from one address, or from all (address empty).

    The name is the one typed, an account's or not (resolvers/account/throttle.py).
    """

    id = fields.IntField(primary_key=True)
    account_name = fields.CharField(max_length=64)
    address = fields.CharField(max_length=45)
    failures = fields.IntField(default=0)
    # No password is checked for this name from this address before then.
    blocked_until = fields.DatetimeField(null=True)
    # The last counted failure (per address), or the start of the 15-minute window (all addresses).
    counted_at = fields.DatetimeField(db_index=True)

    class Meta:
        table = "login_throttle"
        unique_together = (("account_name", "address"),)
