"""The audit trail: who did what to which object, when and why (B3)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class AuditLog(Model):
    id = fields.BigIntField(primary_key=True)
    actor_id = fields.IntField(null=True, db_index=True)
    institution_id = fields.IntField(null=True, db_index=True)
    action = fields.CharField(max_length=64, db_index=True)
    object_type = fields.CharField(max_length=32, default="")
    object_id = fields.CharField(max_length=64, default="")
    detail = fields.JSONField(default=dict)
    ip = fields.CharField(max_length=45, default="")
    created_at = fields.DatetimeField(auto_now_add=True, db_index=True)

    class Meta:
        table = "audit_log"
