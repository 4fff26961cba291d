"""The learner's own account (F15): registration, which activates every institution's record of
that ID number, and the learner's achievements across institutions."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountKind
from models.learner import LearnerAchievement
from models.verification import CodePurpose
from resolvers import audit, checks, verification
from resolvers.access import require_account
from resolvers.account.sessions import open_session
from resolvers.errors import Code, Forbidden, Invalid, Problems
from resolvers.learner.learners import activate_records, check_person

if TYPE_CHECKING:
    from server.context import Context


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
    problems.raise_any()
    if await Account.exists(username=id_number):
        raise Invalid.one("idNumber", Code.LEARNER_ALREADY_REGISTERED)
    if await Account.exists(kind=AccountKind.LEARNER, phone=phone):
        raise Invalid.one("phone", Code.PHONE_TAKEN)
    code = await verification.check_code(ctx, phone, CodePurpose.LEARNER_REGISTER, data.code)
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
            await audit.record(ctx, "learner.register", account, actor=account, activated=activated)
    except IntegrityError as exc:
        raise Invalid.one("idNumber", Code.LEARNER_ALREADY_REGISTERED) from exc
    return LearnerRegistered(token=token, account=account, activated_records=activated)


def my_achievements(ctx: Context) -> QuerySet[LearnerAchievement]:
    account = require_account(ctx)
    if account.kind != AccountKind.LEARNER:
        raise Forbidden("只有学员可以查看自己的成果")
    return LearnerAchievement.filter(
        learner__account_id=account.id, withdrawn_at__isnull=True
    ).order_by("-issued_on", "-id")
