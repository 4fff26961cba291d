"""Conversion rules (转换规则, F9): what an institution publishes so that learning elsewhere
counts with it. Rule sources are achievements of any institution."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum, Timestamped

if TYPE_CHECKING:
    from models.achievement import Achievement
    from models.institution import Institution


class RuleType(LabeledEnum):
    NON_DEGREE_TO_DEGREE = "NON_DEGREE_TO_DEGREE", "非学历转学历"
    DEGREE_TO_NON_DEGREE = "DEGREE_TO_NON_DEGREE", "学历转非学历"
    DEGREE_TO_DEGREE = "DEGREE_TO_DEGREE", "学历转学历"
    NON_DEGREE_TO_NON_DEGREE = "NON_DEGREE_TO_NON_DEGREE", "非学历转非学历"


class RuleStatus(LabeledEnum):
    UNSUBMITTED = "UNSUBMITTED", "未提交"
    PUBLISHED = "PUBLISHED", "已发布"
    UNPUBLISHED = "UNPUBLISHED", "未发布"
    TAKEN_DOWN = "TAKEN_DOWN", "下架"


class ConversionRule(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="conversion_rules", on_delete=fields.RESTRICT
    )
    code = fields.CharField(max_length=12, unique=True)
    rule_type = fields.CharEnumField(RuleType, max_length=28)
    status = fields.CharEnumField(RuleStatus, max_length=12, default=RuleStatus.UNSUBMITTED)
    deleted_at = fields.DatetimeField(null=True)

    sources: fields.ReverseRelation[RuleSource]

    class Meta:
        table = "conversion_rule"
        indexes = (("institution", "deleted_at", "status"),)


class RuleSource(Model):
    """A source achievement of a rule, with its credit-bank credits (学分银行学分)."""

    id = fields.IntField(primary_key=True)
    rule: fields.ForeignKeyRelation[ConversionRule] = fields.ForeignKeyField(
        "models.ConversionRule", related_name="sources", on_delete=fields.CASCADE
    )
    achievement: fields.ForeignKeyRelation[Achievement] = fields.ForeignKeyField(
        "models.Achievement", related_name="rule_sources", on_delete=fields.RESTRICT
    )
    credits = fields.DecimalField(max_digits=6, decimal_places=1)

    class Meta:
        table = "rule_source"
        unique_together = (("rule", "achievement"),)
