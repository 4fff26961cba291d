"""Institution registration in the manual's three steps (F1.1–F1.6).

1. ``start``: province, school, school code, password, phone and its code, the agreement. Creates
   the main account (login account = the school code) and a draft institution, and logs in.
2. ``submit_registrant``: the registrant's certificate, name and ID number.
3. ``save_draft`` keeps the institution information unfinished (resumable after login);
   ``complete`` checks it in full and finishes the registration.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Account, AccountKind
from models.directory import Province, School
from models.institution import CertificateType, Institution, RegistrationStep
from models.verification import CodePurpose
from resolvers import audit, checks, policy, verification
from resolvers.access import require_account
from resolvers.account.sessions import open_session
from resolvers.errors import Code, Forbidden, Invalid, Problems
from resolvers.institution import apply_info, check_info

if TYPE_CHECKING:
    from server.context import Context


@dataclass
class Registered:
    token: str
    account: Account


async def start(ctx: Context, data: Any) -> Registered:
    problems = Problems()
    province = await policy.public(Province).filter(id=policy.pk_of(Province, data.province_id)).first()
    if province is None:
        problems.add("provinceId", Code.PROVINCE_NOT_FOUND)
    school = await policy.public(School).filter(id=policy.pk_of(School, data.school_id)).first()
    if school is None:
        problems.add("schoolId", Code.SCHOOL_NOT_FOUND)
    elif province is not None and school.province_id != province.id:  # type: ignore[attr-defined]
        problems.add("schoolId", Code.SCHOOL_NOT_IN_PROVINCE)
    elif (data.school_code or "").strip() != school.code:
        problems.add("schoolCode", Code.SCHOOL_CODE_MISMATCH)
    checks.new_password(
        problems, "password", data.password, data.password_confirmation, "passwordConfirmation"
    )
    phone = checks.phone(problems, "phone", data.phone)
    if not data.agreement_accepted:
        problems.add("agreementAccepted", Code.AGREEMENT_REQUIRED)
    problems.raise_any()
    assert school is not None
    if await Institution.exists(school_id=school.id):
        raise Invalid.one("schoolId", Code.SCHOOL_ALREADY_REGISTERED)

    code = await verification.check_code(ctx, phone, CodePurpose.REGISTER, data.code)
    password_hash = await ctx.services.passwords.hash(data.password)
    try:
        async with in_transaction():
            await verification.consume(code)
            institution = await Institution.create(school=school, contact_phone=phone)
            account = await Account.create(
                username=school.code,
                password_hash=password_hash,
                kind=AccountKind.INSTITUTION_ADMIN,
                institution=institution,
                phone=phone,
                password_changed_at=now(),
            )
            token = await open_session(ctx, account)
            await audit.record(
                ctx, "registration.start", institution, actor=account,
                institution_id=institution.id, school=school.code,
            )
    except IntegrityError as exc:
        raise Invalid.one("schoolId", Code.SCHOOL_ALREADY_REGISTERED) from exc
    account.institution = institution
    return Registered(token=token, account=account)


def _registering_admin(ctx: Context) -> Account:
    account = require_account(ctx, allow_incomplete_registration=True)
    if account.kind != AccountKind.INSTITUTION_ADMIN or account.institution is None:
        raise Forbidden("只有院校主账户可以完成注册")
    return account


async def submit_registrant(ctx: Context, data: Any) -> Account:
    account = _registering_admin(ctx)
    institution = account.institution
    assert institution is not None
    if institution.registration_step == RegistrationStep.COMPLETE:
        raise Invalid.one(None, Code.REGISTRATION_STEP, "注册已完成，注册人信息不能再修改")
    problems = Problems()
    name = checks.text(problems, "name", data.name, 32)
    id_number = checks.resident_id(problems, "idNumber", data.id_number)
    problems.raise_any()
    async with in_transaction():
        institution.registrant_certificate_type = (
            data.certificate_type or CertificateType.RESIDENT_ID
        )
        institution.registrant_name = name
        institution.registrant_id_number = id_number
        institution.registration_step = RegistrationStep.INSTITUTION_INFO
        await institution.save()
        account.name = name
        await account.save(update_fields=["name", "updated_at"])
        await audit.record(ctx, "registration.registrant", institution)
    return account


async def save_draft(ctx: Context, data: Any) -> Institution:
    institution = _institution_info_step(ctx)
    values = await check_info(ctx, data, complete=False)
    async with in_transaction():
        await apply_info(institution, values, ctx)
        await audit.record(ctx, "registration.draft", institution)
    return institution


async def complete(ctx: Context, data: Any) -> Account:
    account = _registering_admin(ctx)
    institution = _institution_info_step(ctx)
    values = await check_info(ctx, data, complete=True, current=institution)
    async with in_transaction():
        institution.registration_step = RegistrationStep.COMPLETE
        institution.registered_at = now()
        await apply_info(institution, values, ctx)
        await audit.record(ctx, "registration.complete", institution)
    return account


def _institution_info_step(ctx: Context) -> Institution:
    account = _registering_admin(ctx)
    institution = account.institution
    assert institution is not None
    if institution.registration_step != RegistrationStep.INSTITUTION_INFO:
        message = (
            "请先填写注册人信息"
            if institution.registration_step == RegistrationStep.REGISTRANT
            else "注册已完成，请在机构信息中修改"
        )
        raise Invalid.one(None, Code.REGISTRATION_STEP, message)
    return institution
