"""Conversion methods (转换办法, F8): upload a name and a PDF, save or publish, one published
method per institution (held by a unique column, so racing publishes cannot both win), revoke,
modify and delete while 未发布 or 下架, staff take-down, the template PDF."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.pdf import simple_pdf
from models.account import Module
from models.conversion import METHOD_TRANSITIONS, ConversionMethod, PublishAction, PublishStatus
from models.institution import Institution
from models.message import MessageKind
from resolvers import audit, checks, policy
from resolvers.access import require_institution_member, require_module, require_staff
from resolvers.conversion.common import (
    check_pledges,
    read_pdf,
    record_commitment,
    refuse_transition,
)
from resolvers.dates import day_range
from resolvers.errors import Code, Invalid, Problems
from resolvers.ids import encode_id
from resolvers.messages import notify_institution

if TYPE_CHECKING:
    from server.context import Context

TEMPLATE_KEY = "templates/conversion-method-template-v1.pdf"
TEMPLATE_LINES = [
    "（院校名称）职业教育国家学分银行学习成果转换办法",
    "",
    "第一章 总则",
    "第一条 为落实职业教育国家学分银行学习成果认定、积累与转换制度，制定本办法。",
    "第二条 本办法适用于本校认可的学历与非学历学习成果之间的转换。",
    "",
    "第二章 转换原则",
    "第三条 学习成果转换遵循自愿申请、统一标准、公开透明、质量为先的原则。",
    "",
    "第三章 转换范围与标准",
    "第四条 （列明可转换的学习成果、对应的专业课程或免考模块及学分。）",
    "",
    "第四章 申请与审核",
    "第五条 （列明申请方式、所需材料、审核流程与时限、复核方式。）",
    "",
    "第五章 附则",
    "第六条 本办法由（院校名称）负责解释，自发布之日起施行。",
    "",
    "（加盖院校公章）                      年    月    日",
]


def _institution_member(ctx: Context) -> Any:
    return require_institution_member(ctx, Module.CONVERSION_RULES)


def filtered(ctx: Context, data: Any | None) -> QuerySet[ConversionMethod]:
    require_module(ctx, Module.CONVERSION_RULES)
    query = policy.owned(ctx, ConversionMethod)
    if data is not None:
        start, end = day_range(data.published_from, data.published_to, ("publishedFrom", "publishedTo"))
        if start is not None:
            query = query.filter(published_at__gte=start)
        if end is not None:
            query = query.filter(published_at__lt=end)
        if data.status:
            query = query.filter(status=data.status)
    return query.order_by("-created_at", "-id")


async def _own(ctx: Context, method_id: Any) -> ConversionMethod:
    _institution_member(ctx)
    return await policy.get(ctx, ConversionMethod, method_id, owned=True)


async def upload(ctx: Context, data: Any) -> ConversionMethod:
    account = _institution_member(ctx)
    institution = account.institution
    assert institution is not None
    problems = Problems()
    name = checks.text(problems, "name", data.name, 100)
    content = await read_pdf(problems, "file", data.file, required=True)
    new_commitment = check_pledges(problems, institution, data)
    problems.raise_any()
    assert content is not None
    if data.publish and await ConversionMethod.exists(published_slot=institution.id):
        raise Invalid.one("publish", Code.METHOD_ALREADY_PUBLISHED)
    file_name = (getattr(data.file, "filename", "") or "转换办法.pdf")[:200]
    key = await ctx.services.storage.save(content, ".pdf")
    published = {"status": PublishStatus.PUBLISHED, "published_slot": institution.id,
                 "published_at": now()} if data.publish else {}
    try:
        async with in_transaction():
            if new_commitment:
                await record_commitment(institution, account)
            method = await ConversionMethod.create(
                institution_id=institution.id, name=name, file_key=key, file_name=file_name,
                file_size=len(content), pledged_by_id=account.id, pledged_at=now(), **published,
            )
            await audit.record(ctx, "method.upload", method, name=name, published=bool(published))
    except IntegrityError as exc:
        await ctx.services.storage.delete(key)
        raise Invalid.one("publish", Code.METHOD_ALREADY_PUBLISHED) from exc
    except BaseException:
        await ctx.services.storage.delete(key)
        raise
    return method


async def update(ctx: Context, method_id: Any, data: Any) -> ConversionMethod:
    method = await _own(ctx, method_id)
    account = _institution_member(ctx)
    if method.status not in METHOD_TRANSITIONS[PublishAction.EDIT]:
        raise refuse_transition(PublishAction.EDIT, method.status)
    problems = Problems()
    changes: dict[str, Any] = {}
    if data.name is not None:
        changes["name"] = checks.text(problems, "name", data.name, 100)
    content = await read_pdf(problems, "file", data.file, required=False)
    if not getattr(data, "pledge_accepted", False):
        problems.add("pledgeAccepted", Code.PLEDGE_REQUIRED)
    problems.raise_any()
    if content is not None:
        changes["file_key"] = await ctx.services.storage.save(content, ".pdf")
        changes["file_name"] = (getattr(data.file, "filename", "") or "转换办法.pdf")[:200]
        changes["file_size"] = len(content)
    try:
        async with in_transaction():
            updated = await ConversionMethod.filter(
                id=method.id, status__in=list(METHOD_TRANSITIONS[PublishAction.EDIT])
            ).update(pledged_by_id=account.id, pledged_at=now(), updated_at=now(), **changes)
            if not updated:
                raise refuse_transition(PublishAction.EDIT, PublishStatus.PUBLISHED)
            await audit.record(ctx, "method.update", method, fields=sorted(changes))
    except BaseException:
        if "file_key" in changes:
            await ctx.services.storage.delete(changes["file_key"])
        raise
    await method.refresh_from_db()
    return method


async def publish(ctx: Context, method_id: Any) -> ConversionMethod:
    method = await _own(ctx, method_id)
    sources = list(METHOD_TRANSITIONS[PublishAction.PUBLISH])
    if method.status not in sources:
        raise refuse_transition(PublishAction.PUBLISH, method.status)
    if await ConversionMethod.exists(published_slot=method.institution_id):  # type: ignore[attr-defined]
        raise Invalid.one("id", Code.METHOD_ALREADY_PUBLISHED)
    try:
        async with in_transaction():
            moved = await ConversionMethod.filter(id=method.id, status__in=sources).update(
                status=PublishStatus.PUBLISHED, published_slot=method.institution_id,  # type: ignore[attr-defined]
                published_at=now(), taken_down_reason="", updated_at=now(),
            )
            if not moved:
                raise refuse_transition(PublishAction.PUBLISH, PublishStatus.PUBLISHED)
            await audit.record(ctx, "method.publish", method)
    except IntegrityError as exc:
        # Another publish of this institution won the race: the unique slot refused this one.
        raise Invalid.one("id", Code.METHOD_ALREADY_PUBLISHED) from exc
    await method.refresh_from_db()
    return method


async def _leave_published(ctx: Context, method: ConversionMethod, action: PublishAction,
                           reason: str = "") -> ConversionMethod:
    target = METHOD_TRANSITIONS[action].get(method.status)
    if target is None:
        raise refuse_transition(action, method.status)
    async with in_transaction():
        moved = await ConversionMethod.filter(id=method.id, status=PublishStatus.PUBLISHED).update(
            status=target, published_slot=None, taken_down_reason=reason, updated_at=now()
        )
        if not moved:
            raise refuse_transition(action, method.status)
        await audit.record(ctx, f"method.{action.value.lower()}", method,
                           institution_id=method.institution_id, reason=reason)  # type: ignore[attr-defined]
        if action == PublishAction.TAKE_DOWN:
            await notify_institution(
                ctx, method.institution_id, Module.CONVERSION_RULES, MessageKind.METHOD_TAKEN_DOWN,  # type: ignore[attr-defined]
                f"转换办法“{method.name}”已被下架", f"下架原因：{reason}",
                object_id=encode_id("ConversionMethod", method.id),
            )
    await method.refresh_from_db()
    return method


async def revoke(ctx: Context, method_id: Any) -> ConversionMethod:
    return await _leave_published(ctx, await _own(ctx, method_id), PublishAction.REVOKE)


async def take_down(ctx: Context, method_id: Any, reason: str | None) -> ConversionMethod:
    require_staff(ctx)
    method = await policy.get(ctx, ConversionMethod, method_id, owned=True)
    problems = Problems()
    text = checks.text(problems, "reason", reason, 500, multiline=True)
    problems.raise_any()
    return await _leave_published(ctx, method, PublishAction.TAKE_DOWN, text)


async def delete(ctx: Context, method_id: Any) -> ConversionMethod:
    method = await _own(ctx, method_id)
    allowed = list(METHOD_TRANSITIONS[PublishAction.DELETE])
    async with in_transaction():
        deleted = await ConversionMethod.filter(id=method.id, status__in=allowed).update(
            deleted_at=now(), updated_at=now()
        )
        if not deleted:
            raise refuse_transition(PublishAction.DELETE, method.status)
        await audit.record(ctx, "method.delete", method, name=method.name)
    return method


async def template_key(ctx: Context) -> str:
    _institution_member(ctx)
    storage = ctx.services.storage
    if not storage.exists(TEMPLATE_KEY):
        await storage.save_as(TEMPLATE_KEY, simple_pdf("成果转换办法（模板）", TEMPLATE_LINES))
    return TEMPLATE_KEY


def published(institution_id: Any | None) -> QuerySet[ConversionMethod]:
    """F8.5 / F17: what the public portal shows, no login."""
    query = policy.public(ConversionMethod)
    if institution_id:
        query = query.filter(institution_id=policy.pk_of(Institution, institution_id))
    return query.order_by("-published_at", "-id")
