"""What is stored. Tortoise discovers every model imported here (app label ``models``)."""

from models.account import Account, AccountKind, AccountStatus, Module, Session
from models.audit import AuditLog
from models.directory import Province, School
from models.institution import CertificateType, Institution, RegistrationStep
from models.outbox import Channel, DeliveryStatus, OutboundMessage
from models.verification import CodePurpose, PhoneSendSlot, VerificationCode

__all__ = [
    "Account",
    "AccountKind",
    "AccountStatus",
    "AuditLog",
    "CertificateType",
    "Channel",
    "CodePurpose",
    "DeliveryStatus",
    "Institution",
    "Module",
    "OutboundMessage",
    "PhoneSendSlot",
    "Province",
    "RegistrationStep",
    "School",
    "Session",
    "VerificationCode",
]
