"""Learners of an institution (学员账户, F6), the achievements stored for them (学员成果, F5), and
the problems learners report on them (问题反馈, F7)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.achievement import AchievementCategory, AchievementSubtype
from models.base import LabeledEnum, LiveIndex, PostgresIndex, RetiredIndex, Timestamped

if TYPE_CHECKING:
    from models.achievement import Achievement
    from models.institution import Institution


class LearnerStatus(LabeledEnum):
    INACTIVE = "INACTIVE", "未激活"
    ACTIVE = "ACTIVE", "已激活"


def can_modify_learner(status: LearnerStatus) -> bool:
    """F6.3 / F6.6: only 未激活 learners are modified or deleted by their institution."""
    return status == LearnerStatus.INACTIVE


class StorageSource(LabeledEnum):
    """Who stored a learner achievement (the list's 成果状态 column, F5.1)."""

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
    id_number = fields.CharField(max_length=18, db_index=True)
    phone = fields.CharField(max_length=11, default="")
    status = fields.CharEnumField(LearnerStatus, max_length=8, default=LearnerStatus.INACTIVE)
    account_id = fields.IntField(null=True, db_index=True)
    activated_at = fields.DatetimeField(null=True)
    created_by_id = fields.IntField(null=True)
    import_job_id = fields.IntField(null=True)

    class Meta:
        table = "learner"
        unique_together = (("institution", "id_number"),)
        indexes = (
            ("institution", "created_at", "id"),
            ("institution", "status", "created_at", "id"),
            # The 身份证号 and 姓名 filters (prefix LIKE, icontains) on PostgreSQL.
            PostgresIndex('"id_number" varchar_pattern_ops', name="learner_id_number_prefix"),
            PostgresIndex('(upper("name"::varchar)) gin_trgm_ops', name="learner_name_trgm",
                          using="GIN"),
        )


class RecordStatus(LabeledEnum):
    """A learner achievement is held until its institution withdraws it (F5.5); a withdrawn one
    is kept, with who, when, why and the reason file, but leaves every list, count and export."""

    HELD = "HELD", "有效"
    WITHDRAWN = "WITHDRAWN", "已撤回"


class LearnerAchievement(Timestamped, Model):
    """One achievement held by one learner. The achievement's name, category and subtype are
    copied in (achievements never change, F4.6) so lists filter without a join."""

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
    achievement_name = fields.CharField(max_length=200)
    category = fields.CharEnumField(AchievementCategory, max_length=10)
    subtype = fields.CharEnumField(AchievementSubtype, max_length=32)
    # 个人成果编号 (the certificate number of a certificate).
    personal_number = fields.CharField(max_length=64)
    issued_on = fields.DateField()
    # Courses only: the learner's score and the credits earned.
    score = fields.CharField(max_length=16, default="")
    earned_credits = fields.DecimalField(max_digits=6, decimal_places=1, null=True)
    source = fields.CharEnumField(StorageSource, max_length=24, default=StorageSource.INSTITUTION)
    stored_by_id = fields.IntField(null=True)
    import_job_id = fields.IntField(null=True, db_index=True)
    # "<achievement id>|<personal number>" while held, "withdrawn:<id>" after: a learner cannot
    # hold the same achievement with the same number twice.
    live_key = fields.CharField(max_length=100)
    withdrawn_at = fields.DatetimeField(null=True)
    withdrawn_by_id = fields.IntField(null=True)
    withdraw_reason = fields.CharField(max_length=500, default="")
    withdraw_file_key = fields.CharField(max_length=200, default="")
    withdraw_file_name = fields.CharField(max_length=200, default="")

    class Meta:
        table = "learner_achievement"
        unique_together = (("learner", "live_key"),)
        # Lists read one institution's held records newest first, by entry time then id: the index
        # gives that order, so a page reads 20 rows instead of sorting every match.
        indexes = (
            LiveIndex(fields=("institution_id", "created_at", "id"), null_column="withdrawn_at",
                      name="learner_achievement_held_by_entry"),
            LiveIndex(fields=("institution_id", "category", "created_at", "id"),
                      null_column="withdrawn_at", name="learner_achievement_held_by_category"),
            LiveIndex(fields=("institution_id", "subtype", "created_at", "id"),
                      null_column="withdrawn_at", name="learner_achievement_held_by_subtype"),
            # An institution's withdrawn records, newest withdrawal first (the withdrawn list).
            RetiredIndex(fields=("institution_id", "withdrawn_at", "id"), not_null_column="withdrawn_at",
                         name="learner_achievement_withdrawn"),
            ("achievement", "withdrawn_at"),
            ("learner", "withdrawn_at"),
            PostgresIndex('(upper("achievement_name"::varchar)) gin_trgm_ops', name="learner_achievement_name_trgm", using="GIN"),
        )

    @property
    def status(self) -> RecordStatus:
        return RecordStatus.HELD if self.withdrawn_at is None else RecordStatus.WITHDRAWN


class FeedbackStatus(LabeledEnum):
    UNRESOLVED = "UNRESOLVED", "未解决"
    RESOLVED = "RESOLVED", "已解决"
    REJECTED = "REJECTED", "驳回"


class FeedbackOutcome(LabeledEnum):
    """What handling a report may answer: the states it may move to."""

    RESOLVED = "RESOLVED", "已解决"
    REJECTED = "REJECTED", "驳回"


# The feedback state machine: a report is handled once, resolved or rejected.
FEEDBACK_TRANSITIONS: dict[FeedbackStatus, set[FeedbackStatus]] = {
    FeedbackStatus.UNRESOLVED: {FeedbackStatus.RESOLVED, FeedbackStatus.REJECTED},
}


class Feedback(Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="feedbacks", on_delete=fields.RESTRICT
    )
    learner_achievement: fields.ForeignKeyRelation[LearnerAchievement] = fields.ForeignKeyField(
        "models.LearnerAchievement", related_name="feedbacks", on_delete=fields.RESTRICT
    )
    account_id = fields.IntField(db_index=True)
    content = fields.CharField(max_length=500)
    status = fields.CharEnumField(FeedbackStatus, max_length=10, default=FeedbackStatus.UNRESOLVED)
    reply = fields.CharField(max_length=500, default="")
    handled_by_id = fields.IntField(null=True)
    handled_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "feedback"
        indexes = (("institution", "created_at", "id"), ("institution", "status", "created_at", "id"))
