"""Phone verification codes: 6 digits, 5 minutes, 5 checks, one send per phone a minute."""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.sms import DeliveryFailed
from models.verification import CodePurpose, PhoneSendSlot, VerificationCode
from resolvers import checks
from resolvers.access import require_account
from resolvers.errors import Code, Invalid, Problems
from server.security import code_digest, new_code
from validators.contact import mask_phone

if TYPE_CHECKING:
    from server.context import Context

CODE_TTL = timedelta(minutes=5)
RESEND_INTERVAL = timedelta(seconds=60)
# Checks of one code, right or wrong, each claimed in the database before the compare.
MAX_CHECKS = 5
# Codes for these purposes go to the caller's bound phone, never to a phone in the input.
BOUND_PHONE_PURPOSES = {CodePurpose.CHANGE_PASSWORD, CodePurpose.EXPORT}
ANONYMOUS_PURPOSES = {CodePurpose.REGISTER, CodePurpose.LEARNER_REGISTER}


@dataclass
class CodeSent:
    sent_to: str
    expires_in_seconds: int
    resend_after_seconds: int
    mailed_to: str | None


async def send_code(
    ctx: Context, purpose: CodePurpose, phone: str | None, also_email: bool
) -> CodeSent:
    account = None if purpose in ANONYMOUS_PURPOSES else require_account(ctx)
    await ctx.limit((f"code:ip:{ctx.ip}", ctx.settings.code_rate_per_address))
    problems = Problems()
    if account is not None and purpose in BOUND_PHONE_PURPOSES:
        if not account.phone:
            problems.add("phone", Code.NO_BOUND_PHONE)
        target = account.phone
    else:
        target = checks.phone(problems, "phone", phone)
        if account is not None and purpose == CodePurpose.CHANGE_PHONE and target == account.phone:
            problems.add("phone", Code.PHONE_UNCHANGED)
    email = ""
    if also_email:
        institution = account.institution if account is not None else None
        email = institution.contact_email if institution is not None else ""
        if not email:
            problems.add("alsoEmail", Code.NO_CONTACT_EMAIL)
    problems.raise_any()

    await _take_send_slot(target)
    code = new_code()
    async with in_transaction():
        await VerificationCode.filter(
            phone=target, purpose=purpose, consumed_at__isnull=True
        ).update(consumed_at=now())
        row = await VerificationCode.create(
            phone=target,
            purpose=purpose,
            code_digest=code_digest(ctx.settings.secret_key, target, purpose.value, code),
            expires_at=now() + CODE_TTL,
        )
        mail = None
        if email:
            mail = await ctx.services.mail.queue(
                email,
                "职业教育国家学分银行验证码",
                f"您的验证码为 {code}，用于{purpose.label}，5分钟内有效。如非本人操作，请忽略本邮件。",
            )
    text = f"【职业教育国家学分银行】您的验证码为{code}，用于{purpose.label}，5分钟内有效，请勿泄露。"
    try:
        await ctx.services.sms.send(target, text)
    except DeliveryFailed as exc:
        await VerificationCode.filter(id=row.id).delete()
        await PhoneSendSlot.filter(phone=target).delete()
        raise Invalid.one("phone", Code.SMS_DELIVERY_FAILED) from exc
    if mail is not None:
        mail_id = mail.id
        ctx.after_commit(lambda: ctx.services.mail.deliver(mail_id))
    return CodeSent(
        sent_to=mask_phone(target),
        expires_in_seconds=int(CODE_TTL.total_seconds()),
        resend_after_seconds=int(RESEND_INTERVAL.total_seconds()),
        mailed_to=_mask_email(email) if email else None,
    )


async def _take_send_slot(phone: str) -> None:
    """At most one send per phone per interval, held by one conditional UPDATE (race-safe)."""
    moment = now()
    taken = await PhoneSendSlot.filter(
        phone=phone, last_sent_at__lte=moment - RESEND_INTERVAL
    ).update(last_sent_at=moment)
    if taken:
        return
    slot = await PhoneSendSlot.get_or_none(phone=phone)
    if slot is None:
        try:
            await PhoneSendSlot.create(phone=phone, last_sent_at=moment)
            return
        except IntegrityError:
            slot = await PhoneSendSlot.get(phone=phone)
    wait = max(1, int((slot.last_sent_at + RESEND_INTERVAL - moment).total_seconds()) + 1)
    raise Invalid.one("phone", Code.CODE_SENT_TOO_OFTEN, f"验证码发送过于频繁，请{wait}秒后再试")


async def check_code(
    ctx: Context, phone: str, purpose: CodePurpose, code: str | None, field: str = "code"
) -> VerificationCode:
    """Find the live code, claim one of its five checks, then compare.

    The claim is a conditional UPDATE made before the compare, so parallel requests cannot check
    a code more than five times. A right code keeps its claim (the five are checks, not
    failures); the change then consumes it, and a change refused for another reason leaves it
    for the checks it has left. Checks are also rate-limited per address and per account (per
    phone when registering). Call before the change's transaction (a try must count even though
    the change is refused); then ``consume`` the returned code inside that transaction.
    """
    code = (code or "").strip()
    if not code:
        raise Invalid.one(field, Code.REQUIRED, "请输入验证码")
    settings = ctx.settings
    who = f"account:{ctx.account.id}" if ctx.account is not None else f"phone:{phone}"
    await ctx.limit((f"code-check:ip:{ctx.ip}", settings.code_check_rate_per_address),
                    (f"code-check:{who}", settings.code_check_rate_per_account))
    row = (
        await VerificationCode.filter(phone=phone, purpose=purpose, consumed_at__isnull=True)
        .order_by("-id")
        .first()
    )
    if row is None:
        if await _spent(settings.secret_key, phone, purpose, code):
            raise Invalid.one(field, Code.CODE_USED)
        raise Invalid.one(field, Code.CODE_INVALID, "验证码错误，请先获取验证码")
    if row.expires_at <= now():
        raise Invalid.one(field, Code.CODE_EXPIRED)
    claimed = await VerificationCode.filter(
        id=row.id, consumed_at__isnull=True, failed_attempts__lt=MAX_CHECKS
    ).update(failed_attempts=F("failed_attempts") + 1)
    if not claimed:
        if await VerificationCode.filter(id=row.id, consumed_at__isnull=False).exists():
            raise Invalid.one(field, Code.CODE_USED)  # used by a request running beside this one
        raise Invalid.one(field, Code.CODE_ATTEMPTS_EXCEEDED)
    expected = code_digest(settings.secret_key, phone, purpose.value, code)
    if not hmac.compare_digest(expected, row.code_digest):
        current = await VerificationCode.get(id=row.id)
        left = MAX_CHECKS - current.failed_attempts
        if left <= 0:
            raise Invalid.one(field, Code.CODE_ATTEMPTS_EXCEEDED)
        raise Invalid.one(field, Code.CODE_INVALID, f"验证码错误，还可尝试{left}次")
    return row


async def consume(row: VerificationCode, field: str = "code") -> None:
    """Mark the code used; inside the change's transaction, so a refused change keeps it."""
    used = await VerificationCode.filter(id=row.id, consumed_at__isnull=True).update(
        consumed_at=now()
    )
    if not used:
        raise Invalid.one(field, Code.CODE_USED)


async def _spent(secret_key: str, phone: str, purpose: CodePurpose, code: str) -> bool:
    """Whether ``code`` is the last one sent to ``phone`` for ``purpose`` and a change already used
    it (a second export with the same code). A used code can do nothing more, so comparing it
    takes none of the five checks; the request was counted by the check rate limits."""
    last = await VerificationCode.filter(phone=phone, purpose=purpose).order_by("-id").first()
    if last is None or last.consumed_at is None:
        return False
    return hmac.compare_digest(code_digest(secret_key, phone, purpose.value, code), last.code_digest)


def _mask_email(email: str) -> str:
    name, _, domain = email.partition("@")
    return f"{name[:1]}***@{domain}"
