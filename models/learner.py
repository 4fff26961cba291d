"""Learners of an institution (学员账户, F6) and the achievements stored for them (学员成果, F5)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum, Timestamped

if TYPE_CHECKING:
    from models.achievement import Achievement
    from models.institution import Institution


class LearnerStatus(LabeledEnum):
    INACTIVE = "INACTIVE", "未激活"
    ACTIVE = "ACTIVE", "已激活"


class StorageSource(LabeledEnum):
    """Who stored a learner achievement (the list's 状态 column, F5.1)."""

    INSTITUTION = "INSTITUTION", "机构存储"
    CREDIT_BANK = "CREDIT_BANK", "学分银行存储"
    OPEN_UNIVERSITY_BANK = "OPEN_UNIVERSITY_BANK", "国开学分银行存储"
    EDUCATION_COMMISSION = "EDUCATION_COMMISSION", "教育委员会存储"


class Learner(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="learners", on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=32)
    id_number = fields.CharField(max_length=18)
    phone = fields.CharField(max_length=11, default="")
    status = fields.CharEnumField(LearnerStatus, max_length=8, default=LearnerStatus.INACTIVE)
    account_id = fields.IntField(null=True, db_index=True)
    activated_at = fields.DatetimeField(null=True)

    class Meta:
        table = "learner"
        unique_together = (("institution", "id_number"),)


class LearnerAchievement(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="learner_achievements", on_delete=fields.RESTRICT
    )
    learner: fields.ForeignKeyRelation[Learner] = fields.ForeignKeyField(
        "models.Learner", related_name="achievements", on_delete=fields.RESTRICT
    )
    achievement: fields.ForeignKeyRelation[Achievement] = fields.ForeignKeyField(
        "models.Achievement", related_name="learner_achievements", on_delete=fields.RESTRICT
    )
    personal_number = fields.CharField(max_length=64, default="")
    issued_on = fields.DateField(null=True)
    source = fields.CharEnumField(StorageSource, max_length=24, default=StorageSource.INSTITUTION)
    stored_by_id = fields.IntField(null=True)
    import_job_id = fields.IntField(null=True, db_index=True)
    withdrawn_at = fields.DatetimeField(null=True)

    class Meta:
        table = "learner_achievement"
        indexes = (("achievement", "withdrawn_at"), ("institution", "withdrawn_at"))
