"""What is stored. Tortoise discovers every model imported here (app label ``models``)."""

from models.account import Account, AccountKind, AccountStatus, LoginThrottle, Module, Session
from models.achievement import (
    Achievement,
    AchievementCategory,
    AchievementSubtype,
    CertificateGrade,
    RecognitionStatus,
    SubtypeGrant,
)
from models.application import (
    ApplicationBatch,
    ApplicationKind,
    ApplicationStatus,
    ConversionApplication,
    ConversionResult,
    Decision,
    ReviewAction,
    ReviewEvent,
)
from models.audit import AuditLog
from models.conversion import (
    ConversionMethod,
    ConversionRule,
    ExemptModule,
    PublishStatus,
    RuleCodeCounter,
    RuleSource,
    RuleTarget,
    RuleType,
    RuleVersion,
    TargetKind,
)
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
from models.message import Message, MessageKind
from models.partner import (
    CallOutcome,
    Partner,
    PartnerCall,
    PartnerDocument,
    PartnerKey,
    PersistedQuery,
)
from models.outbox import Channel, DeliveryStatus, OutboundMessage
from models.reference import Discipline, GraduationConclusion, Level, Major, MajorClass
from models.verification import CodePurpose, PhoneSendSlot, VerificationCode

__all__ = [
    "CallOutcome",
    "Partner",
    "PartnerCall",
    "PartnerDocument",
    "PartnerKey",
    "PersistedQuery",
    "Account",
    "AccountKind",
    "AccountStatus",
    "Achievement",
    "AchievementCategory",
    "AchievementSubtype",
    "ApplicationBatch",
    "ApplicationKind",
    "ApplicationStatus",
    "AuditLog",
    "CertificateGrade",
    "CertificateType",
    "Channel",
    "CodePurpose",
    "ConversionApplication",
    "ConversionMethod",
    "ConversionResult",
    "ConversionRule",
    "Decision",
    "DeliveryStatus",
    "Discipline",
    "ExemptModule",
    "Feedback",
    "FeedbackStatus",
    "GraduationConclusion",
    "ImportJob",
    "ImportKind",
    "ImportStatus",
    "Institution",
    "Learner",
    "LearnerAchievement",
    "LearnerStatus",
    "LoginThrottle",
    "Level",
    "Major",
    "MajorClass",
    "Message",
    "MessageKind",
    "Module",
    "OutboundMessage",
    "PhoneSendSlot",
    "Province",
    "PublishStatus",
    "RecognitionStatus",
    "RegistrationStep",
    "ReviewAction",
    "ReviewEvent",
    "RuleCodeCounter",
    "RuleSource",
    "RuleTarget",
    "RuleType",
    "RuleVersion",
    "School",
    "Session",
    "StorageSource",
    "SubtypeGrant",
    "TargetKind",
    "VerificationCode",
]
