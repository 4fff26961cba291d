"""Spreadsheet imports and their records (F4.9, F5.3, F6.4): operator, time, counts, files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum

if TYPE_CHECKING:
    from models.institution import Institution


class ImportKind(LabeledEnum):
    ACHIEVEMENTS = "ACHIEVEMENTS", "机构成果导入"
    LEARNER_ACHIEVEMENTS = "LEARNER_ACHIEVEMENTS", "学员成果导入"
    LEARNERS = "LEARNERS", "学员账户导入"
    X_CERTIFICATE_SYNC = "X_CERTIFICATE_SYNC", "X证书同步"


class ImportStatus(LabeledEnum):
    RUNNING = "RUNNING", "导入中"
    DONE = "DONE", "已完成"
    FAILED = "FAILED", "导入失败"


class ImportJob(Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyNullableRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="import_jobs", null=True, on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(ImportKind, max_length=24)
    # The subtype (achievements) or the achievement ID (learner achievements) imported into.
    target = fields.CharField(max_length=64, default="")
    operator_id = fields.IntField()
    operator_name = fields.CharField(max_length=64, default="")
    status = fields.CharEnumField(ImportStatus, max_length=8, default=ImportStatus.RUNNING)
    source_name = fields.CharField(max_length=200, default="")
    source_key = fields.CharField(max_length=200, default="")
    rejected_key = fields.CharField(max_length=200, default="")
    total_rows = fields.IntField(default=0)
    imported_count = fields.IntField(default=0)
    rejected_count = fields.IntField(default=0)
    error = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "import_job"
        # Lists by institution and kind; the interrupted-import check by status.
        indexes = (("institution", "kind", "created_at"), ("status", "created_at"))
