"""The directory of provinces and schools: public to read, kept by bank staff (F1.1, F16)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from models.directory import Province, School
from models.institution import Institution
from resolvers import audit, checks, policy
from resolvers.access import require_staff
from resolvers.errors import Code, Invalid, Problems

if TYPE_CHECKING:
    from server.context import Context

_SCHOOL_CODE = re.compile(r"^[0-9]{10}$")
_PROVINCE_CODE = re.compile(r"^[0-9]{6}$")


def provinces() -> QuerySet[Province]:
    return Province.all().order_by("code")


def schools(data: Any | None) -> QuerySet[School]:
    query = School.all()
    if data is not None:
        if data.province_id:
            query = query.filter(province_id=policy.pk_of(Province, data.province_id))
        if data.name:
            query = query.filter(name__icontains=data.name.strip())
        if data.code:
            query = query.filter(code__startswith=data.code.strip())
        if data.registered is not None:
            query = query.filter(institution__id__isnull=not data.registered)
    return query.order_by("code")


async def create_province(ctx: Context, data: Any) -> Province:
    require_staff(ctx)
    name, code = _province_fields(data)
    try:
        async with in_transaction():
            province = await Province.create(name=name, code=code)
            await audit.record(ctx, "directory.province_create", province, name=name, code=code)
    except IntegrityError as exc:
        raise Invalid.one("code", Code.PROVINCE_TAKEN) from exc
    return province


async def update_province(ctx: Context, province_id: object, data: Any) -> Province:
    require_staff(ctx)
    province = await policy.get(ctx, Province, province_id, owned=True)
    name, code = _province_fields(data)
    try:
        async with in_transaction():
            province.name, province.code = name, code
            await province.save()
            await audit.record(ctx, "directory.province_update", province, name=name, code=code)
    except IntegrityError as exc:
        raise Invalid.one("code", Code.PROVINCE_TAKEN) from exc
    return province


async def delete_province(ctx: Context, province_id: object) -> Province:
    require_staff(ctx)
    province = await policy.get(ctx, Province, province_id, owned=True)
    if await School.exists(province_id=province.id):
        raise Invalid.one("id", Code.PROVINCE_IN_USE)
    async with in_transaction():
        await audit.record(ctx, "directory.province_delete", province, name=province.name)
        await province.delete()
    return province


def _province_fields(data: Any) -> tuple[str, str]:
    problems = Problems()
    name = checks.text(problems, "name", data.name, 64)
    code = (data.code or "").strip()
    if not _PROVINCE_CODE.match(code):
        problems.add("code", Code.INVALID_PROVINCE_CODE)
    problems.raise_any()
    return name, code


async def _school_fields(data: Any) -> dict[str, Any]:
    """Checked school values; optional fields left out (None) are not in the result."""
    problems = Problems()
    values = {"name": checks.text(problems, "name", data.name, 128)}
    if data.school_type is not None:
        values["school_type"] = checks.text(
            problems, "schoolType", data.school_type, 32, required=False
        )
    if data.supervising_unit is not None:
        values["supervising_unit"] = checks.text(
            problems, "supervisingUnit", data.supervising_unit, 128, required=False
        )
    code = (data.code or "").strip()
    if not _SCHOOL_CODE.match(code):
        problems.add("code", Code.INVALID_SCHOOL_CODE)
    values["code"] = code
    province = await policy.public(Province).filter(id=policy.pk_of(Province, data.province_id)).first()
    if province is None:
        problems.add("provinceId", Code.PROVINCE_NOT_FOUND)
    values["province"] = province
    problems.raise_any()
    return values


async def create_school(ctx: Context, data: Any) -> School:
    require_staff(ctx)
    values = await _school_fields(data)
    try:
        async with in_transaction():
            school = await School.create(**values)
            await audit.record(ctx, "directory.school_create", school, code=school.code)
    except IntegrityError as exc:
        raise Invalid.one("code", Code.SCHOOL_CODE_TAKEN) from exc
    return school


async def update_school(ctx: Context, school_id: object, data: Any) -> School:
    require_staff(ctx)
    school = await policy.get(ctx, School, school_id, owned=True)
    values = await _school_fields(data)
    if values["code"] != school.code and await Institution.exists(school_id=school.id):
        # The main account logs in with the school code: it cannot change under a registration.
        raise Invalid.one("code", Code.SCHOOL_IN_USE, "该院校已注册，院校标识码不能修改")
    try:
        async with in_transaction():
            for attr, value in values.items():
                setattr(school, attr, value)
            await school.save()
            await audit.record(ctx, "directory.school_update", school, code=school.code)
    except IntegrityError as exc:
        raise Invalid.one("code", Code.SCHOOL_CODE_TAKEN) from exc
    return school


async def delete_school(ctx: Context, school_id: object) -> School:
    require_staff(ctx)
    school = await policy.get(ctx, School, school_id, owned=True)
    if await Institution.exists(school_id=school.id):
        raise Invalid.one("id", Code.SCHOOL_IN_USE)
    async with in_transaction():
        await audit.record(ctx, "directory.school_delete", school, code=school.code)
        await school.delete()
    return school
