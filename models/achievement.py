"""Institution achievements (机构成果, F4): what a school awards, by subtype, with recognition.

Stored achievements are never modified (F4.6); deletion is soft so that learner achievements and
rules that point at one keep their meaning, and ``live_key`` (unique per institution) stops the
same achievement being stored twice while letting a deleted one be stored again.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum, LiveIndex, PostgresIndex, Timestamped, labeled_subset

if TYPE_CHECKING:
    from models.institution import Institution


class AchievementCategory(LabeledEnum):
    DEGREE = "DEGREE", "学历成果"
    NON_DEGREE = "NON_DEGREE", "非学历成果"


class AchievementForm(Enum):
    """Which fields a subtype asks for."""

    DIPLOMA = "DIPLOMA"
    COURSE = "COURSE"
    CERTIFICATE = "CERTIFICATE"


class AchievementSubtype(LabeledEnum):
    VOCATIONAL_DIPLOMA = "VOCATIONAL_DIPLOMA", "职业教育学历证书"
    HIGHER_EDUCATION_DIPLOMA = "HIGHER_EDUCATION_DIPLOMA", "普通高等教育学历证书"
    CONTINUING_EDUCATION_DIPLOMA = "CONTINUING_EDUCATION_DIPLOMA", "高等学历继续教育证书"
    VOCATIONAL_COURSE = "VOCATIONAL_COURSE", "职业教育学历课程"
    HIGHER_EDUCATION_COURSE = "HIGHER_EDUCATION_COURSE", "普通高等教育学历课程"
    CONTINUING_EDUCATION_COURSE = "CONTINUING_EDUCATION_COURSE", "高等学历继续教育课程"
    X_CERTIFICATE = "X_CERTIFICATE", "职业技能等级证书(X证书)"
    SKILL_LEVEL_CERTIFICATE = "SKILL_LEVEL_CERTIFICATE", "职业技能等级证书(人社部)"
    NATIONAL_QUALIFICATION = "NATIONAL_QUALIFICATION", "国家职业资格证书"
    OTHER_NON_DEGREE = "OTHER_NON_DEGREE", "其他非学历证书"

    @property
    def category(self) -> AchievementCategory:
        return SUBTYPES[self].category

    @property
    def form(self) -> AchievementForm:
        return SUBTYPES[self].form

    @property
    def needs_grant(self) -> bool:
        return SUBTYPES[self].needs_grant

    @property
    def synced_only(self) -> bool:
        return self == AchievementSubtype.X_CERTIFICATE


@dataclass(frozen=True)
class SubtypeSpec:
    category: AchievementCategory
    form: AchievementForm
    # F4.5: stored only after bank staff authorise the institution for the subtype.
    needs_grant: bool = False


_D, _N = AchievementCategory.DEGREE, AchievementCategory.NON_DEGREE
SUBTYPES: dict[AchievementSubtype, SubtypeSpec] = {
    AchievementSubtype.VOCATIONAL_DIPLOMA: SubtypeSpec(_D, AchievementForm.DIPLOMA),
    AchievementSubtype.HIGHER_EDUCATION_DIPLOMA: SubtypeSpec(_D, AchievementForm.DIPLOMA),
    AchievementSubtype.CONTINUING_EDUCATION_DIPLOMA: SubtypeSpec(_D, AchievementForm.DIPLOMA),
    AchievementSubtype.VOCATIONAL_COURSE: SubtypeSpec(_D, AchievementForm.COURSE),
    AchievementSubtype.HIGHER_EDUCATION_COURSE: SubtypeSpec(_D, AchievementForm.COURSE),
    AchievementSubtype.CONTINUING_EDUCATION_COURSE: SubtypeSpec(_D, AchievementForm.COURSE),
    AchievementSubtype.X_CERTIFICATE: SubtypeSpec(_N, AchievementForm.CERTIFICATE),
    AchievementSubtype.SKILL_LEVEL_CERTIFICATE: SubtypeSpec(_N, AchievementForm.CERTIFICATE, True),
    AchievementSubtype.NATIONAL_QUALIFICATION: SubtypeSpec(_N, AchievementForm.CERTIFICATE, True),
    AchievementSubtype.OTHER_NON_DEGREE: SubtypeSpec(_N, AchievementForm.CERTIFICATE, True),
}


# What a form may send (schema/inputs): hand storing and imports take every subtype but the synced
# X certificate (F4.4), grants only the subtypes that need one (F4.5).
StorableSubtype = labeled_subset("StorableSubtype", AchievementSubtype, lambda s: not s.synced_only)
GrantableSubtype = labeled_subset("GrantableSubtype", AchievementSubtype, lambda s: s.needs_grant)


class CertificateGrade(LabeledEnum):
    PRIMARY = "PRIMARY", "初级"
    INTERMEDIATE = "INTERMEDIATE", "中级"
    ADVANCED = "ADVANCED", "高级"


class RecognitionStatus(LabeledEnum):
    UNRECOGNIZED = "UNRECOGNIZED", "未认定"
    RECOGNIZING = "RECOGNIZING", "认定中"
    RECOGNIZED = "RECOGNIZED", "已认定"


# The recognition state machine (认定): the only transitions there are.
RECOGNITION_TRANSITIONS: dict[RecognitionStatus, RecognitionStatus] = {
    RecognitionStatus.UNRECOGNIZED: RecognitionStatus.RECOGNIZING,
    RecognitionStatus.RECOGNIZING: RecognitionStatus.RECOGNIZED,
}


def can_delete(status: RecognitionStatus) -> bool:
    """F4.7: only 未认定 achievements may be deleted."""
    return status == RecognitionStatus.UNRECOGNIZED


class Achievement(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="achievements", on_delete=fields.RESTRICT
    )
    category = fields.CharEnumField(AchievementCategory, max_length=10)
    subtype = fields.CharEnumField(AchievementSubtype, max_length=32)
    name = fields.CharField(max_length=200)
    recognition_status = fields.CharEnumField(
        RecognitionStatus, max_length=12, default=RecognitionStatus.UNRECOGNIZED
    )
    # 颁证机构: the school itself, or the training organisation of a synced X certificate.
    issuer = fields.CharField(max_length=128)
    # Diplomas.
    level: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Level", null=True, on_delete=fields.RESTRICT
    )
    major: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.Major", null=True, on_delete=fields.RESTRICT
    )
    graduation_conclusion: fields.ForeignKeyNullableRelation = fields.ForeignKeyField(
        "models.GraduationConclusion", null=True, on_delete=fields.RESTRICT
    )
    years = fields.DecimalField(max_digits=3, decimal_places=1, null=True)
    min_graduation_credits = fields.DecimalField(max_digits=6, decimal_places=1, null=True)
    valid_from = fields.DateField(null=True)
    # Courses.
    course_name = fields.CharField(max_length=100, default="")
    course_code = fields.CharField(max_length=32, default="")
    # Diplomas and courses.
    original_hours = fields.IntField(null=True)
    original_credits = fields.DecimalField(max_digits=6, decimal_places=1, null=True)
    # Non-degree certificates.
    certificate_name = fields.CharField(max_length=100, default="")
    grade = fields.CharEnumField(CertificateGrade, max_length=12, null=True)
    external_id = fields.CharField(max_length=64, default="")
    introduction = fields.TextField(default="")

    live_key = fields.CharField(max_length=255)
    stored_by_id = fields.IntField(null=True)
    import_job_id = fields.IntField(null=True, db_index=True)
    recognized_at = fields.DatetimeField(null=True)
    deleted_at = fields.DatetimeField(null=True)
    deleted_by_id = fields.IntField(null=True)

    class Meta:
        table = "achievement"
        unique_together = (("institution", "live_key"),)
        # Lists and exports read one institution's live rows newest first, by id.
        indexes = (
            LiveIndex(fields=("institution_id", "id"), null_column="deleted_at",
                      name="achievement_live_by_id"),
            LiveIndex(fields=("institution_id", "subtype", "id"), null_column="deleted_at",
                      name="achievement_live_by_subtype"),
            LiveIndex(fields=("institution_id", "category", "id"), null_column="deleted_at",
                      name="achievement_live_by_category"),
            # Rules filtered by source or target name (icontains) on PostgreSQL.
            PostgresIndex('(upper("name"::varchar)) gin_trgm_ops', name="achievement_name_trgm",
                          using="GIN"),
        )


class SubtypeGrant(Model):
    """Bank staff's authorisation of an institution for a restricted subtype (F4.5)."""

    id = fields.IntField(primary_key=True)
    institution: fields.ForeignKeyRelation[Institution] = fields.ForeignKeyField(
        "models.Institution", related_name="subtype_grants", on_delete=fields.RESTRICT
    )
    subtype = fields.CharEnumField(AchievementSubtype, max_length=32)
    granted_by_id = fields.IntField()
    granted_at = fields.DatetimeField(auto_now_add=True)
    revoked_by_id = fields.IntField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    # "<subtype>" while in force, "revoked:<id>" after: one live grant per institution and subtype.
    live_key = fields.CharField(max_length=64)

    class Meta:
        table = "subtype_grant"
        unique_together = (("institution", "live_key"),)
