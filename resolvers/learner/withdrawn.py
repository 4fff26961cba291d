"""Withdrawn learner achievements stay explainable (F5.5): their institution lists them apart with
who, when, why and the reason file (``records.filtered(…, withdrawn=True)``); the learner
concerned is told when it happens and lists them with when and why."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise.queryset import QuerySet

from models.account import Account
from models.institution import Institution
from models.learner import Learner, LearnerAchievement
from models.message import MessageKind
from resolvers import policy
from resolvers.access import require_learner
from resolvers.ids import encode_id
from resolvers.messages import message_row, write_messages

if TYPE_CHECKING:
    from server.context import Context


def my_withdrawn(ctx: Context) -> QuerySet[LearnerAchievement]:
    """The learner's own records their institutions withdrew, the latest withdrawal first."""
    require_learner(ctx, "只有学员可以查看自己的成果")
    return policy.retired(ctx, LearnerAchievement).order_by("-withdrawn_at", "-id")


async def tell_learners(ctx: Context, records: list[LearnerAchievement], reason: str) -> None:
    """In the withdrawal's transaction: each registered learner concerned gets a message saying
    which record was withdrawn, by which institution, and why (not who, nor the file)."""
    if not records:
        return
    accounts: dict[int, int] = dict(await Learner.filter(
        id__in={r.learner_id for r in records}, account_id__isnull=False,  # type: ignore[attr-defined]
    ).values_list("id", "account_id"))
    if not accounts:
        return
    names: dict[int, str] = dict(await Institution.filter(
        id__in={r.institution_id for r in records}).values_list("id", "school__name"))  # type: ignore[attr-defined]
    await write_messages(ctx, [
        message_row(
            accounts[r.learner_id], MessageKind.RECORD_WITHDRAWN,  # type: ignore[attr-defined]
            f"您的成果“{r.achievement_name}”已被{names.get(r.institution_id, '存储机构')}撤回",  # type: ignore[attr-defined]
            f"撤回原因：{reason}\n撤回的成果不再计入您的成果，也不能用于转换申请。",
            object_id=encode_id("LearnerAchievement", r.id),
        )
        for r in records if r.learner_id in accounts  # type: ignore[attr-defined]
    ])


async def withdrawer_names(ids: list[int]) -> list[str]:
    """Who withdrew (the operator's name, else their login account), for a page of records."""
    found = {a.id: a.name or a.username for a in await Account.filter(id__in=set(ids))}
    return [found.get(i, "") for i in ids]
