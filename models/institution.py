"""A registered school: the registrant, the institution information (F1.4, F1.5, F13)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum, Timestamped

if TYPE_CHECKING:
    from models.account import Account
    from models.directory import School


class RegistrationStep(LabeledEnum):
    REGISTRANT = "REGISTRANT", "填写注册人信息"
    INSTITUTION_INFO = "INSTITUTION_INFO", "完善机构信息"
    COMPLETE = "COMPLETE", "注册完成"


class CertificateType(LabeledEnum):
    RESIDENT_ID = "RESIDENT_ID", "身份证"


class Institution(Timestamped, Model):
    id = fields.IntField(primary_key=True)
    # One institution per school: the database holds F1.6 even under concurrent registrations.
    school: fields.OneToOneRelation[School] = fields.OneToOneField(
        "models.School", related_name="institution", on_delete=fields.RESTRICT
    )
    registration_step = fields.CharEnumField(
        RegistrationStep, max_length=16, default=RegistrationStep.REGISTRANT
    )
    registered_at = fields.DatetimeField(null=True)

    registrant_certificate_type = fields.CharEnumField(
        CertificateType, max_length=16, default=CertificateType.RESIDENT_ID
    )
    registrant_name = fields.CharField(max_length=32, default="")
    registrant_id_number = fields.CharField(max_length=18, default="")

    credit_code = fields.CharField(max_length=18, default="")
    school_type = fields.CharField(max_length=32, default="")
    legal_representative = fields.CharField(max_length=32, default="")
    contact_name = fields.CharField(max_length=32, default="")
    contact_phone = fields.CharField(max_length=11, default="")
    contact_email = fields.CharField(max_length=128, default="")
    postcode = fields.CharField(max_length=6, default="")
    address = fields.CharField(max_length=200, default="")
    business_scope = fields.CharField(max_length=500, default="")
    introduction = fields.TextField(default="")
    avatar_key = fields.CharField(max_length=200, default="")
    # 信息发布安全承诺书, accepted once before the first method (F8.2) and rule (F9.3).
    security_commitment_by_id = fields.IntField(null=True)
    security_commitment_at = fields.DatetimeField(null=True)

    accounts: fields.ReverseRelation[Account]

    class Meta:
        table = "institution"

    @property
    def is_registered(self) -> bool:
        return self.registration_step == RegistrationStep.COMPLETE
