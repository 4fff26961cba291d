"""Partner systems calling through trusted documents (D3), and the shared store of automatic
persisted queries."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.base import LabeledEnum


class PersistedQuery(Model):
    """Apollo automatic persisted queries: a document by its SHA-256, shared by every worker."""

    sha256 = fields.CharField(max_length=64, primary_key=True)
    query = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "persisted_query"


class Partner(Model):
    """A partner institution's system; it acts for its institution (read-mostly)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=100)
    institution_id = fields.IntField(db_index=True)
    created_by_id = fields.IntField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "partner"


class PartnerKey(Model):
    """An API key: ``cbk_<prefix>_<secret>``; only the secret's SHA-256 is kept."""

    id = fields.IntField(primary_key=True)
    partner_id = fields.IntField(db_index=True)
    prefix = fields.CharField(max_length=16, unique=True)
    secret_digest = fields.CharField(max_length=64)
    expires_at = fields.DatetimeField(null=True)
    revoked_at = fields.DatetimeField(null=True)
    last_used_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "partner_key"


class PartnerDocument(Model):
    """One operation of a partner's manifest: the only documents its keys may run."""

    id = fields.IntField(primary_key=True)
    partner_id = fields.IntField()
    document_id = fields.CharField(max_length=128)
    operation_name = fields.CharField(max_length=128, default="")
    body = fields.TextField()
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "partner_document"
        unique_together = (("partner_id", "document_id"),)


class CallOutcome(LabeledEnum):
    OK = "OK", "成功"
    ERRORS = "ERRORS", "有错误"
    REFUSED = "REFUSED", "被拒绝"


class PartnerCall(Model):
    """Every call made with a partner key: who, which operation, when, how it ended."""

    id = fields.BigIntField(primary_key=True)
    partner_id = fields.IntField()
    key_id = fields.IntField(null=True)
    operation_name = fields.CharField(max_length=128, default="")
    document_id = fields.CharField(max_length=128, default="")
    outcome = fields.CharEnumField(CallOutcome, max_length=8)
    detail = fields.CharField(max_length=200, default="")
    ip = fields.CharField(max_length=45, default="")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "partner_call"
        indexes = (("partner_id", "id"),)
