"""The learner's own account (F15): registration, which attaches every institution's record of
that ID number and that name, and the learner's achievements across institutions.

Registration answers, in this order, so that someone who knows only an ID number learns nothing
about it: the form; the SMS code of the caller's own phone; that phone not bound to another
learner; the identity check (``services.identity``: name + ID number against the records, or a
real-name service for name + ID number + that phone); only then whether the ID number is already
registered. A failed identity check is one answer, ``IDENTITY_NOT_VERIFIED``, whether no
institution, one or several hold records of that number, under whatever name, or its owner has
registered; and it uses the code up, so each guess at a name costs a new SMS."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.identity import IdentityUnavailable
from models.account import Account, AccountKind
from models.learner import LearnerAchievement
from models.verification import CodePurpose
from resolvers import audit, checks, policy, verification
from resolvers.access import require_learner
from resolvers.account.sessions import open_session
from resolvers.errors import Code, Invalid, Problems
from resolvers.learner.learners import activate_records, check_person
from validators.id_number import mask
from validators.person_name import tidy

if TYPE_CHECKING:
    from models.verification import VerificationCode
    from server.context import Context

log = logging.getLogger(__name__)

# What a refused learner can do about it, by the check that refused them (never which records exist).
NOT_VERIFIED_HINTS = {
    "records": "身份核验未通过：姓名须与院校登记的学员信息一致，院校尚未登记您的信息时暂不能注册。"
               "请核对姓名与身份证号后重新获取验证码再试",
    "gateway": "身份核验未通过：姓名、身份证号须与本人实名登记的手机号属于同一人。"
               "请核对后重新获取验证码再试",
}


@dataclass
class LearnerRegistered:
    token: str
    account: Account
    activated_records: int


async def register(ctx: Context, data: Any) -> LearnerRegistered:
    problems = Problems()
    name, id_number = check_person(problems, data.name, data.id_number)
    phone = checks.phone(problems, "phone", data.phone)
    checks.new_password(problems, "password", data.password, data.password_confirmation,
                        "passwordConfirmation")
    if not data.agreement_accepted:
        problems.add("agreementAccepted", Code.AGREEMENT_REQUIRED)
    # The name as one form (full-width letters, spaces): the account keeps it so.
    name = tidy(name)
    if len(name) > 32 and not problems.has("name"):
        problems.add("name", Code.TOO_LONG, "长度不能超过32个字符")
    problems.raise_any()
    code = await verification.check_code(ctx, phone, CodePurpose.LEARNER_REGISTER, data.code)
    if await Account.exists(kind=AccountKind.LEARNER, phone=phone):
        raise Invalid.one("phone", Code.PHONE_TAKEN)
    source = await _verify_identity(ctx, name, id_number, phone, code)
    if await Account.exists(username=id_number):
        raise Invalid.one("idNumber", Code.LEARNER_ALREADY_REGISTERED)
    password_hash = await ctx.services.passwords.hash(data.password)
    try:
        async with in_transaction():
            await verification.consume(code)
            account = await Account.create(
                username=id_number, password_hash=password_hash, kind=AccountKind.LEARNER,
                name=name, phone=phone, password_changed_at=now(),
            )
            activated = await activate_records(account)
            token = await open_session(ctx, account)
            await audit.record(ctx, "learner.register", account, actor=account, activated=activated,
                               verified_by=source)
    except IntegrityError as exc:
        raise Invalid.one("idNumber", Code.LEARNER_ALREADY_REGISTERED) from exc
    return LearnerRegistered(token=token, account=account, activated_records=activated)


async def _verify_identity(ctx: Context, name: str, id_number: str, phone: str,
                           code: VerificationCode) -> str:
    """The verifier's name when it vouches for this person; else the registration is refused."""
    verifier = ctx.services.identity
    try:
        verified = await verifier.verify(name, id_number, phone)
    except IdentityUnavailable as exc:
        # Not the learner's fault: the code stays good for a retry, and nothing is created.
        raise Invalid.one(None, Code.IDENTITY_SERVICE_UNAVAILABLE) from exc
    if not verified:
        await verification.consume(code)
        log.info("learner registration refused: identity of %s not verified (%s)", mask(id_number),
                 verifier.source)
        raise Invalid.one(None, Code.IDENTITY_NOT_VERIFIED,
                          NOT_VERIFIED_HINTS.get(verifier.source, Code.IDENTITY_NOT_VERIFIED.label))
    return verifier.source


def my_achievements(ctx: Context) -> QuerySet[LearnerAchievement]:
    require_learner(ctx, "只有学员可以查看自己的成果")
    return policy.owned(ctx, LearnerAchievement).order_by("-issued_on", "-id")
