"""What methods and rules share: the pledge and the security commitment, the PDF check, and
answering a state-machine refusal."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.timezone import now

from models.conversion import PublishAction, PublishStatus
from models.institution import Institution
from resolvers import checks
from resolvers.errors import Code, Invalid, Problems

if TYPE_CHECKING:
    from models.account import Account

PDF_MAX_BYTES = 10 * 1024 * 1024


def check_pledges(problems: Problems, institution: Institution, data: Any) -> bool:
    """Every save needs the truthfulness pledge; the first publication of anything needs the
    information-publishing security commitment. Returns whether the commitment is new."""
    if not getattr(data, "pledge_accepted", False):
        problems.add("pledgeAccepted", Code.PLEDGE_REQUIRED)
    if institution.security_commitment_at is None:
        if not getattr(data, "security_commitment_accepted", False):
            problems.add("securityCommitmentAccepted", Code.SECURITY_COMMITMENT_REQUIRED)
        return True
    return False


async def record_commitment(institution: Institution, account: Account) -> None:
    await Institution.filter(id=institution.id, security_commitment_at__isnull=True).update(
        security_commitment_at=now(), security_commitment_by_id=account.id
    )
    await institution.refresh_from_db(fields=["security_commitment_at", "security_commitment_by_id"])


async def read_pdf(problems: Problems, field: str, upload: Any, *, required: bool) -> bytes | None:
    """A PDF checked by its content (not its name) and size; None when absent or refused."""
    if upload is None:
        if required:
            problems.add(field, Code.REQUIRED, "请上传PDF文件")
        return None
    content = await upload.read(PDF_MAX_BYTES + 1)
    checks.upload_name(problems, field, upload)
    if not content:
        problems.add(field, Code.FILE_EMPTY)
    elif len(content) > PDF_MAX_BYTES:
        problems.add(field, Code.FILE_TOO_LARGE, "文件不能超过10MB")
    elif not content.startswith(b"%PDF-") or b"%%EOF" not in content[-2048:]:
        problems.add(field, Code.NOT_A_PDF)
    else:
        return content
    return None


def refuse_transition(action: PublishAction, status: PublishStatus) -> Invalid:
    return Invalid.one("id", Code.STATUS_FORBIDS, f"{status.label}状态不能{action.label}")
