"""What is stored. Tortoise discovers every model imported here (app label ``models``)."""

from models.account import Account, AccountKind, AccountStatus, Module, Session
from models.achievement import (
    Achievement,
    AchievementCategory,
    AchievementSubtype,
    CertificateGrade,
    RecognitionStatus,
    SubtypeGrant,
)
from models.audit import AuditLog
from models.conversion import ConversionRule, RuleSource, RuleStatus, RuleType
from models.directory import Province, School
from models.imports import ImportJob, ImportKind, ImportStatus
from models.institution import CertificateType, Institution, RegistrationStep
from models.learner import (
    Feedback,
    FeedbackStatus,
    Learner,
    LearnerAchievement,
    LearnerStatus,
    StorageSource,
)
from models.outbox import Channel, DeliveryStatus, OutboundMessage
from models.reference import Discipline, GraduationConclusion, Level, Major, MajorClass
from models.verification import CodePurpose, PhoneSendSlot, VerificationCode

__all__ = [
    "Account",
    "AccountKind",
    "AccountStatus",
    "Achievement",
    "AchievementCategory",
    "AchievementSubtype",
    "AuditLog",
    "CertificateGrade",
    "CertificateType",
    "Channel",
    "CodePurpose",
    "ConversionRule",
    "DeliveryStatus",
    "Feedback",
    "FeedbackStatus",
    "Discipline",
    "GraduationConclusion",
    "ImportJob",
    "ImportKind",
    "ImportStatus",
    "Institution",
    "Learner",
    "LearnerAchievement",
    "LearnerStatus",
    "Level",
    "Major",
    "MajorClass",
    "Module",
    "OutboundMessage",
    "PhoneSendSlot",
    "Province",
    "RecognitionStatus",
    "RegistrationStep",
    "RuleSource",
    "RuleStatus",
    "RuleType",
    "School",
    "Session",
    "StorageSource",
    "SubtypeGrant",
    "VerificationCode",
]
