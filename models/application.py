"""Conversion applications (F9.7, F10, F11, F15, B2, B4): a learner's request that a held
achievement counts under a published rule, its review by the rule's publisher, and the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum, PostgresIndex

if TYPE_CHECKING:
    from models.conversion import ConversionRule, RuleVersion
    from models.institution import Institution
    from models.learner import LearnerAchievement


class ApplicationKind(LabeledEnum):
    PERSONAL = "PERSONAL", "个人申请"
    INSTITUTION = "INSTITUTION", "机构发起"


class ApplicationStatus(LabeledEnum):
    PENDING = "PENDING", "审核中"
    PASSED = "PASSED", "转换成功"
    FAILED = "FAILED", "转换失败"


class Decision(LabeledEnum):
    """What a reviewer may decide: named as the status it leads to."""

    PASSED = "PASSED", "通过"
    FAILED = "FAILED", "不通过"


class ReviewAction(LabeledEnum):
    SUBMITTED = "SUBMITTED", "提交申请"
    PASSED = "PASSED", "审核通过"
    FAILED = "FAILED", "审核不通过"
    RE_REVIEW_REQUESTED = "RE_REVIEW_REQUESTED", "申请复核"


# The application state machine: a pending row is decided once; a failed one may go back to
# review once, when its applicant asks (B4).
DECISIONS: dict[Decision, ApplicationStatus] = {
    Decision.PASSED: ApplicationStatus.PASSED,
    Decision.FAILED: ApplicationStatus.FAILED,
}
DECIDABLE = ApplicationStatus.PENDING
RE_REVIEWABLE = ApplicationStatus.FAILED


def live_key(rule_id: int, id_number: str) -> str:
    """B2: one live (审核中 or 转换成功) application per learner and rule."""
    return f"{rule_id}|{id_number}"


class ApplicationBatch(Model):
    """An institution-initiated batch (F9.7): "<institution><date> 批量学员转换"."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=200)
    rule: fields.ForeignKeyRelation[ConversionRule] = fields.ForeignKeyField(
        "models.ConversionRule", related_name="batches", on_delete=fields.RESTRICT
    )
    initiator: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="initiated_batches", on_delete=fields.RESTRICT
    )
    target: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="received_batches", on_delete=fields.RESTRICT
    )
    learner_count = fields.IntField(default=0)
    created_by_id = fields.IntField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "application_batch"
        indexes = (("target", "created_at", "id"), ("initiator", "created_at", "id"))


class ConversionApplication(Model):
    """One learner's application row: personal, or one learner of a batch."""

    id = fields.IntField(primary_key=True)
    kind = fields.CharEnumField(ApplicationKind, max_length=12)
    batch: fields.ForeignKeyNullableRelation[ApplicationBatch] = fields.ForeignKeyField(
        "models.ApplicationBatch", related_name="applications", null=True, on_delete=fields.RESTRICT
    )
    rule: fields.ForeignKeyRelation[ConversionRule] = fields.ForeignKeyField(
        "models.ConversionRule", related_name="applications", on_delete=fields.RESTRICT
    )
    # B1: the version in force when the application was made.
    rule_version: fields.ForeignKeyRelation[RuleVersion] = fields.ForeignKeyField(
        "models.RuleVersion", related_name="applications", on_delete=fields.RESTRICT
    )
    rule_code = fields.CharField(max_length=12)
    target_institution_id = fields.IntField()
    initiator_institution_id = fields.IntField(null=True)
    applicant_account_id = fields.IntField(null=True)
    learner_achievement: fields.ForeignKeyRelation[LearnerAchievement] = fields.ForeignKeyField(
        "models.LearnerAchievement", related_name="applications", on_delete=fields.RESTRICT
    )
    learner_name = fields.CharField(max_length=32)
    id_number = fields.CharField(max_length=18)
    status = fields.CharEnumField(ApplicationStatus, max_length=8, default=ApplicationStatus.PENDING)
    fail_reason = fields.CharField(max_length=500, default="")
    decided_at = fields.DatetimeField(null=True)
    decided_by_id = fields.IntField(null=True)
    re_review_reason = fields.CharField(max_length=500, default="")
    re_review_requested_at = fields.DatetimeField(null=True)
    # "<rule>|<ID number>" while 审核中 or 转换成功, "closed:<id>" once failed: unique, so the
    # database refuses a second live application of one learner on one rule (B2).
    live_key = fields.CharField(max_length=64, unique=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "conversion_application"
        indexes = (
            ("target_institution_id", "kind", "created_at", "id"),
            ("target_institution_id", "created_at", "id"),
            ("rule",),
            # The 规则编号, 学员姓名 and 身份证号 filters of the review lists, on PostgreSQL.
            PostgresIndex('"target_institution_id", "rule_code" varchar_pattern_ops',
                          name="conversion_application_rule_code_prefix"),
            PostgresIndex('"id_number" varchar_pattern_ops', name="conversion_application_id_number_prefix"),
            PostgresIndex('(upper("learner_name"::varchar)) gin_trgm_ops',
                          name="conversion_application_learner_name_trgm", using="GIN"),
            ("initiator_institution_id", "created_at", "id"),
            ("applicant_account_id", "created_at"),
            # A learner's view: every application on their records (their school's batches too).
            ("learner_achievement", "created_at"),
            ("batch", "status"),
        )


class ReviewEvent(Model):
    """The review history of an application row (F11.1)."""

    id = fields.BigIntField(primary_key=True)
    application: fields.ForeignKeyRelation[ConversionApplication] = fields.ForeignKeyField(
        "models.ConversionApplication", related_name="events", on_delete=fields.CASCADE
    )
    action = fields.CharEnumField(ReviewAction, max_length=20)
    actor_id = fields.IntField(null=True)
    reason = fields.CharField(max_length=500, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "review_event"
        indexes = (("application", "id"),)


class ConversionResult(Model):
    """A successful conversion recorded for the learner (F11.2): the source, the rule version,
    and what it grants, with original and recognised values both kept."""

    id = fields.IntField(primary_key=True)
    application: fields.OneToOneRelation[ConversionApplication] = fields.OneToOneField(
        "models.ConversionApplication", related_name="result", on_delete=fields.RESTRICT
    )
    id_number = fields.CharField(max_length=18, db_index=True)
    source = fields.JSONField()
    granted = fields.JSONField()
    granted_credits = fields.DecimalField(max_digits=7, decimal_places=1)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "conversion_result"
