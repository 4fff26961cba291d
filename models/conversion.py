"""Conversion methods (转换办法, F8) and conversion rules (转换规则, F9): what an institution
publishes so that learning elsewhere counts with it. Each has one state machine here."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.achievement import AchievementCategory
from models.base import LabeledEnum, LiveIndex, PostgresIndex, Timestamped

if TYPE_CHECKING:
    from models.achievement import Achievement
    from models.institution import Institution


class PublishStatus(LabeledEnum):
    UNSUBMITTED = "UNSUBMITTED", "未提交"
    PUBLISHED = "PUBLISHED", "已发布"
    UNPUBLISHED = "UNPUBLISHED", "未发布"
    TAKEN_DOWN = "TAKEN_DOWN", "下架"


class PublishAction(LabeledEnum):
    PUBLISH = "PUBLISH", "发布"
    REVOKE = "REVOKE", "撤销发布"
    TAKE_DOWN = "TAKE_DOWN", "下架"
    EDIT = "EDIT", "修改"
    DELETE = "DELETE", "删除"


_S = PublishStatus
# Methods (F8.3, F8.4): saved 未发布, published, revoked back to 未发布, taken down by staff.
METHOD_TRANSITIONS: dict[PublishAction, dict[PublishStatus, PublishStatus | None]] = {
    PublishAction.PUBLISH: {_S.UNPUBLISHED: _S.PUBLISHED, _S.TAKEN_DOWN: _S.PUBLISHED},
    PublishAction.REVOKE: {_S.PUBLISHED: _S.UNPUBLISHED},
    PublishAction.TAKE_DOWN: {_S.PUBLISHED: _S.TAKEN_DOWN},
    PublishAction.EDIT: {_S.UNPUBLISHED: None, _S.TAKEN_DOWN: None},
    PublishAction.DELETE: {_S.UNPUBLISHED: None, _S.TAKEN_DOWN: None},
}
# Rules (F9.5, B1): saved 未提交; a published rule is never edited in place — revoke, edit,
# publish again makes a new version. Editing a taken-down rule makes it 未发布 again.
RULE_TRANSITIONS: dict[PublishAction, dict[PublishStatus, PublishStatus | None]] = {
    PublishAction.PUBLISH: {_S.UNSUBMITTED: _S.PUBLISHED, _S.UNPUBLISHED: _S.PUBLISHED},
    PublishAction.REVOKE: {_S.PUBLISHED: _S.UNPUBLISHED},
    PublishAction.TAKE_DOWN: {_S.PUBLISHED: _S.TAKEN_DOWN},
    PublishAction.EDIT: {_S.UNSUBMITTED: None, _S.UNPUBLISHED: None, _S.TAKEN_DOWN: _S.UNPUBLISHED},
    PublishAction.DELETE: {_S.UNSUBMITTED: None, _S.UNPUBLISHED: None, _S.TAKEN_DOWN: None},
}


def next_status(transitions: dict[PublishAction, dict[PublishStatus, PublishStatus | None]],
                action: PublishAction, status: PublishStatus) -> PublishStatus | None:
    """The status after ``action`` (the same status when it does not change it).

    Raises KeyError when ``action`` is not allowed in ``status``.
    """
    target = transitions[action][status]
    return status if target is None else target


def allowed(transitions: dict[PublishAction, dict[PublishStatus, PublishStatus | None]],
            action: PublishAction) -> list[PublishStatus]:
    return list(transitions[action])


class ConversionMethod(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="conversion_methods", on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=100)
    status = fields.CharEnumField(PublishStatus, max_length=12, default=PublishStatus.UNPUBLISHED)
    file_key = fields.CharField(max_length=200)
    file_name = fields.CharField(max_length=200)
    file_size = fields.IntField()
    # The institution's id while published, NULL otherwise. Unique: the database holds "only one
    # published method per institution" even when two publishes race (F8.3).
    published_slot = fields.IntField(null=True, unique=True)
    published_at = fields.DatetimeField(null=True)
    pledged_by_id = fields.IntField()
    pledged_at = fields.DatetimeField()
    taken_down_reason = fields.CharField(max_length=500, default="")
    deleted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "conversion_method"
        indexes = (("institution", "deleted_at", "status"),)


class RuleType(LabeledEnum):
    NON_DEGREE_TO_DEGREE = "NON_DEGREE_TO_DEGREE", "非学历转学历"
    DEGREE_TO_NON_DEGREE = "DEGREE_TO_NON_DEGREE", "学历转非学历"
    DEGREE_TO_DEGREE = "DEGREE_TO_DEGREE", "学历转学历"
    NON_DEGREE_TO_NON_DEGREE = "NON_DEGREE_TO_NON_DEGREE", "非学历转非学历"

    @property
    def source_category(self) -> AchievementCategory:
        return (AchievementCategory.NON_DEGREE if self.value.startswith("NON_DEGREE_TO")
                else AchievementCategory.DEGREE)

    @property
    def target_category(self) -> AchievementCategory:
        return (AchievementCategory.NON_DEGREE if self.value.endswith("TO_NON_DEGREE")
                else AchievementCategory.DEGREE)


class ConversionRule(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="conversion_rules", on_delete=fields.RESTRICT
    )
    # YYYYMMDD + the day's 4-digit sequence (F9.4).
    code = fields.CharField(max_length=12, unique=True)
    rule_type = fields.CharEnumField(RuleType, max_length=28)
    status = fields.CharEnumField(PublishStatus, max_length=12, default=PublishStatus.UNSUBMITTED)
    description = fields.TextField(default="")
    file_key = fields.CharField(max_length=200, default="")
    file_name = fields.CharField(max_length=200, default="")
    # B1: the period a published rule is in force (to = open-ended when NULL).
    valid_from = fields.DateField()
    valid_to = fields.DateField(null=True)
    # Credit-bank credits of a non-degree target certificate (its exempt modules fit within).
    target_credits = fields.DecimalField(max_digits=6, decimal_places=1, null=True)
    version = fields.IntField(default=0)
    published_at = fields.DatetimeField(null=True)
    pledged_by_id = fields.IntField()
    pledged_at = fields.DatetimeField()
    taken_down_reason = fields.CharField(max_length=500, default="")
    taken_down_at = fields.DatetimeField(null=True)
    taken_down_by_id = fields.IntField(null=True)
    created_by_id = fields.IntField()
    deleted_at = fields.DatetimeField(null=True)

    sources: fields.ReverseRelation[RuleSource]
    targets: fields.ReverseRelation[RuleTarget]
    modules: fields.ReverseRelation[ExemptModule]

    class Meta:
        table = "conversion_rule"
        indexes = (
            ("institution", "deleted_at", "status"),
            # My rules, and the portal and "related to me" (published ones), newest first.
            LiveIndex(fields=("institution_id", "created_at", "id"), null_column="deleted_at",
                      name="conversion_rule_live_by_institution"),
            LiveIndex(fields=("status", "created_at", "id"), null_column="deleted_at",
                      name="conversion_rule_live_by_status"),
            PostgresIndex('"code" varchar_pattern_ops', name="conversion_rule_code_prefix"),
        )


class RuleSource(Model):
    """A source achievement of a rule, of any institution, with its credit-bank credits."""

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
        # Rules by source achievement: "related to me" and each achievement's rule count.
        indexes = (("achievement",),)


class TargetKind(LabeledEnum):
    MAJOR = "MAJOR", "专业"
    COURSE = "COURSE", "课程"
    CERTIFICATE = "CERTIFICATE", "证书"


class RuleTarget(Model):
    """A target achievement of the publisher: majors (diplomas, optional) and courses (required)
    for degree targets, or the one certificate of a non-degree target."""

    id = fields.IntField(primary_key=True)
    rule: fields.ForeignKeyRelation[ConversionRule] = fields.ForeignKeyField(
        "models.ConversionRule", related_name="targets", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(TargetKind, max_length=12)
    achievement: fields.ForeignKeyRelation[Achievement] = fields.ForeignKeyField(
        "models.Achievement", related_name="rule_targets", on_delete=fields.RESTRICT
    )

    class Meta:
        table = "rule_target"
        unique_together = (("rule", "achievement"),)


class ExemptModule(Model):
    """免考模块 of a non-degree target certificate, with its credits."""

    id = fields.IntField(primary_key=True)
    rule: fields.ForeignKeyRelation[ConversionRule] = fields.ForeignKeyField(
        "models.ConversionRule", related_name="modules", on_delete=fields.CASCADE
    )
    name = fields.CharField(max_length=50)
    credits = fields.DecimalField(max_digits=6, decimal_places=1)

    class Meta:
        table = "exempt_module"
        indexes = (("rule",),)


class RuleVersion(Model):
    """A published version of a rule (B1): what was in force, kept for the applications made on
    it even after the rule is revoked, edited and published again."""

    id = fields.IntField(primary_key=True)
    rule: fields.ForeignKeyRelation[ConversionRule] = fields.ForeignKeyField(
        "models.ConversionRule", related_name="versions", on_delete=fields.RESTRICT
    )
    number = fields.IntField()
    valid_from = fields.DateField()
    valid_to = fields.DateField(null=True)
    snapshot = fields.JSONField()
    published_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "rule_version"
        unique_together = (("rule", "number"),)


class RuleCodeCounter(Model):
    """The last rule code of a day: one row per day, incremented under a row lock (F9.4)."""

    day = fields.CharField(max_length=8, primary_key=True)
    last_number = fields.IntField(default=0)

    class Meta:
        table = "rule_code_counter"
