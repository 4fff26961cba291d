"""Learner achievements (学员成果, F5): list, store for a learner, detail, withdraw."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.filetypes import sniff
from models.account import Account
from models.achievement import Achievement, AchievementForm
from models.learner import Learner, LearnerAchievement, StorageSource
from resolvers import audit, checks, policy
from resolvers.achievement.fields import number
from resolvers.batch import ItemResult, failed, not_found
from resolvers.dates import today, year_bounds
from resolvers.errors import Code, Invalid, Problems
from resolvers.ids import decode_id
from resolvers.learner import scope
from resolvers.learner.learners import activation, check_person, registered_accounts
from resolvers.learner.withdrawn import tell_learners
from resolvers.selection import selected
from validators.person_name import same_name

if TYPE_CHECKING:
    from server.context import Context

REASON_FILE_MAX_BYTES = 10 * 1024 * 1024


def filtered(ctx: Context, data: Any | None, *, withdrawn: bool = False) -> QuerySet[LearnerAchievement]:
    """The held records the list's filter picks (``withdrawn``: the withdrawn ones instead)."""
    query = scope.withdrawn_learner_achievements(ctx) if withdrawn else scope.learner_achievements(ctx)
    if data is not None:
        if data.entry_year:
            start, end = year_bounds(data.entry_year)
            query = query.filter(created_at__gte=start, created_at__lt=end)
        if data.name:
            query = query.filter(achievement_name__icontains=data.name.strip())
        if data.category:
            query = query.filter(category=data.category)
        if data.subtype:
            query = query.filter(subtype=data.subtype)
        if data.learner_name:
            query = query.filter(learner__name__icontains=data.learner_name.strip())
        if data.id_number:
            query = query.filter(learner__id_number__startswith=data.id_number.strip().upper())
        if data.achievement_id:
            query = query.filter(achievement_id=decode_id(data.achievement_id, "Achievement", strict=False))
        if data.learner_id:
            query = query.filter(learner_id=decode_id(data.learner_id, "Learner", strict=False))
    return query.order_by("-withdrawn_at", "-id") if withdrawn else query.order_by("-created_at", "-id")


@dataclass
class RecordValues:
    """A checked learner achievement, before it has a learner row."""

    name: str
    id_number: str
    personal_number: str
    issued_on: date
    score: str = ""
    earned_credits: Decimal | None = None

    def live_key(self, achievement_id: int) -> str:
        return f"{achievement_id}|{self.personal_number}"


def check_record(problems: Problems, achievement: Achievement, raw: dict[str, Any],
                 issued_on: date | None) -> RecordValues:
    """The fields of F5.2 for this achievement's form (courses add a score and credits)."""
    name, id_number = check_person(problems, raw.get("name"), raw.get("id_number"))
    personal_number = checks.text(problems, "personalNumber", raw.get("personal_number"), 64)
    if issued_on is None:
        if not problems.has("issuedOn"):
            problems.add("issuedOn", Code.REQUIRED)
    elif issued_on > today():
        problems.add("issuedOn", Code.FUTURE_DATE)
    score, earned = "", None
    if achievement.subtype.form is AchievementForm.COURSE:
        score = checks.text(problems, "score", raw.get("score"), 16, required=False)
        ceiling = achievement.original_credits if achievement.original_credits is not None else Decimal("1000")
        earned = number(problems, "earnedCredits", raw.get("earned_credits"), required=False,
                        low=Decimal("0"), high=ceiling)
    return RecordValues(name, id_number, personal_number, issued_on or date.min, score, earned)


async def own_achievement(ctx: Context, achievement_id: Any) -> tuple[Account, Achievement]:
    account = scope.institution_member(ctx)
    return account, await policy.get(ctx, Achievement, achievement_id, owned=True)


def record_row(achievement: Achievement, learner_id: int, values: RecordValues, operator_id: int,
               import_job_id: int | None = None) -> dict[str, Any]:
    return {
        "institution_id": achievement.institution_id,  # type: ignore[attr-defined]
        "learner_id": learner_id, "achievement_id": achievement.id,
        "achievement_name": achievement.name, "category": achievement.category,
        "subtype": achievement.subtype, "personal_number": values.personal_number,
        "issued_on": values.issued_on, "score": values.score,
        "earned_credits": values.earned_credits, "source": StorageSource.INSTITUTION,
        "stored_by_id": operator_id, "import_job_id": import_job_id,
        "live_key": values.live_key(achievement.id),
    }


async def store(ctx: Context, data: Any) -> LearnerAchievement:
    account, achievement = await own_achievement(ctx, data.achievement_id)
    problems = Problems()
    raw = {"name": data.name, "id_number": data.id_number, "personal_number": data.personal_number,
           "score": data.score, "earned_credits": data.earned_credits}
    values = check_record(problems, achievement, raw, data.issued_on)
    problems.raise_any()
    institution_id = account.institution_id  # type: ignore[attr-defined]
    learner = await Learner.get_or_none(institution_id=institution_id, id_number=values.id_number)
    if learner is None:
        learner = await _new_learner(ctx, account, institution_id, values)
    if not same_name(learner.name, values.name):
        raise Invalid.one("name", Code.LEARNER_NAME_MISMATCH,
                          f"该身份证号已登记为学员“{learner.name}”，姓名不一致")
    if await LearnerAchievement.exists(learner_id=learner.id, live_key=values.live_key(achievement.id)):
        raise Invalid.one("personalNumber", Code.LEARNER_ACHIEVEMENT_EXISTS)
    try:
        async with in_transaction():
            record = await LearnerAchievement.create(
                **record_row(achievement, learner.id, values, account.id)
            )
            await audit.record(ctx, "learner_achievement.store", record,
                               achievement=achievement.name, learner=learner.id)
    except IntegrityError as exc:
        raise Invalid.one("personalNumber", Code.LEARNER_ACHIEVEMENT_EXISTS) from exc
    return record


async def _new_learner(ctx: Context, account: Account, institution_id: int,
                       values: RecordValues) -> Learner:
    """F5.2: a learner not yet known is created on the way (未激活 unless registered). Two
    requests storing for the same new learner at once: one creates it, the other reads it."""
    registered = (await registered_accounts([values.id_number])).get(values.id_number)
    try:
        async with in_transaction():
            learner = await Learner.create(
                institution_id=institution_id, name=values.name, id_number=values.id_number,
                created_by_id=account.id, **activation(registered, values.name),
            )
            await audit.record(ctx, "learner.add", learner)
        return learner
    except IntegrityError:
        return await Learner.get(institution_id=institution_id, id_number=values.id_number)


async def detail(ctx: Context, record_id: Any) -> LearnerAchievement:
    """F5.4: the full record, ID number included; the read is written to the audit log."""
    scope.institution_member(ctx)
    record = await policy.get(ctx, LearnerAchievement, record_id, owned=True, with_=("learner", "achievement"))
    await audit.record(ctx, "learner.id_number_read", record.learner, record=record.id)
    return record


async def withdraw(ctx: Context, ids: list[Any], reason: str | None, reason_file: Any
                   ) -> list[ItemResult]:
    """F5.5 (D1 ``withdrawRecords``): withdraw one or many records with a reason and its file.
    Withdrawn records leave every list but stay, with who, when, why and the file."""
    account = scope.institution_member(ctx)
    problems = Problems()
    reason = checks.text(problems, "reason", reason, 500, multiline=True)
    content, kind = b"", None
    if reason_file is None:
        problems.add("reasonFile", Code.REQUIRED, "请上传撤回原因文件")
    else:
        content = await reason_file.read(REASON_FILE_MAX_BYTES + 1)
        kind = sniff(content[:16])
        checks.upload_name(problems, "reasonFile", reason_file)
        if not content:
            problems.add("reasonFile", Code.FILE_EMPTY)
        elif len(content) > REASON_FILE_MAX_BYTES:
            problems.add("reasonFile", Code.FILE_TOO_LARGE, "撤回原因文件不能超过10MB")
        elif kind is None:
            problems.add("reasonFile", Code.INVALID_FILE_TYPE, "撤回原因文件只能是PDF或图片")
    ids = selected(problems, ids, what="学员成果", verb="撤回", all_allowed=False).ids
    problems.raise_any()
    assert kind is not None
    file_name = (getattr(reason_file, "filename", "") or f"撤回原因{kind[1]}")[:200]
    file_key = await ctx.services.storage.save(content, kind[1])
    results: list[ItemResult] = []
    done: list[LearnerAchievement] = []
    async with in_transaction():
        for item_id in ids:
            pk = policy.pk_of(LearnerAchievement, item_id)
            record = await policy.owned(ctx, LearnerAchievement, retired=True).filter(id=pk).first()
            if record is None:
                results.append(not_found(item_id))
                continue
            withdrawn = await LearnerAchievement.filter(id=pk, withdrawn_at__isnull=True).update(
                withdrawn_at=now(), withdrawn_by_id=account.id, withdraw_reason=reason,
                withdraw_file_key=file_key, withdraw_file_name=file_name,
                live_key=f"withdrawn:{pk}", updated_at=now(),
            )
            if not withdrawn:
                results.append(failed(item_id, Code.ALREADY_WITHDRAWN))
                continue
            await audit.record(ctx, "learner_achievement.withdraw", record, reason=reason,
                               file=file_key)
            results.append(ItemResult(item_id))
            done.append(record)
        await tell_learners(ctx, done, reason)
    if not any(item.ok for item in results):
        ctx.after_commit(lambda: ctx.services.storage.delete(file_key))
    return results
