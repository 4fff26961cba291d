"""Problem feedback (F7): a learner reports a problem on one of their achievements; the
institution lists it and handles it once with a reply, resolving or rejecting it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Module
from models.learner import FEEDBACK_TRANSITIONS, Feedback, FeedbackStatus, LearnerAchievement
from models.message import MessageKind
from resolvers import audit, checks, policy
from resolvers.access import require_learner
from resolvers.dates import day_range
from resolvers.errors import Code, Invalid, Problems
from resolvers.ids import encode_id
from resolvers.learner import scope
from resolvers.messages import notify, notify_institution

if TYPE_CHECKING:
    from server.context import Context


def filtered(ctx: Context, data: Any | None) -> QuerySet[Feedback]:
    query = scope.feedbacks(ctx)
    if data is not None:
        start, end = day_range(data.start_date, data.end_date, ("startDate", "endDate"))
        if start is not None:
            query = query.filter(created_at__gte=start)
        if end is not None:
            query = query.filter(created_at__lt=end)
        if data.status:
            query = query.filter(status=data.status)
    return query.order_by("-created_at", "-id")


async def report(ctx: Context, data: Any) -> Feedback:
    """F7.1: only the learner holding the achievement may report on it."""
    account = require_learner(ctx, "只有学员可以反馈自己成果的问题")
    record = await policy.get(ctx, LearnerAchievement, data.learner_achievement_id, owned=True)
    problems = Problems()
    content = checks.text(problems, "content", data.content, 500, multiline=True)
    problems.raise_any()
    async with in_transaction():
        feedback = await Feedback.create(
            institution_id=record.institution_id,  # type: ignore[attr-defined]
            learner_achievement=record, account_id=account.id, content=content,
        )
        await audit.record(ctx, "feedback.report", feedback,
                           institution_id=record.institution_id)  # type: ignore[attr-defined]
        await notify_institution(
            ctx, record.institution_id, Module.ACHIEVEMENTS, MessageKind.FEEDBACK_RECEIVED,  # type: ignore[attr-defined]
            f"收到学员对“{record.achievement_name}”的问题反馈", content,
            object_id=encode_id("Feedback", feedback.id),
        )
    return feedback


async def handle(ctx: Context, feedback_id: Any, data: Any) -> Feedback:
    """F7.2: reply and resolve or reject, once (FEEDBACK_TRANSITIONS)."""
    account = scope.institution_member(ctx)
    feedback = await policy.get(ctx, Feedback, feedback_id, owned=True)
    problems = Problems()
    reply = checks.text(problems, "reply", data.reply, 500, multiline=True)
    outcome = FeedbackStatus(data.outcome)
    allowed = FEEDBACK_TRANSITIONS.get(feedback.status, set())
    if feedback.status != FeedbackStatus.UNRESOLVED:
        raise Invalid.one("id", Code.FEEDBACK_HANDLED)
    if outcome not in allowed:
        problems.add("outcome", Code.INVALID_OUTCOME)
    problems.raise_any()
    async with in_transaction():
        handled = await Feedback.filter(id=feedback.id, status=FeedbackStatus.UNRESOLVED).update(
            status=outcome, reply=reply, handled_by_id=account.id, handled_at=now()
        )
        if not handled:
            raise Invalid.one("id", Code.FEEDBACK_HANDLED)
        await audit.record(ctx, "feedback.handle", feedback, outcome=outcome.value)
        await notify(ctx, [feedback.account_id], MessageKind.FEEDBACK_ANSWERED,  # type: ignore[attr-defined]
                     f"您的问题反馈已处理：{outcome.label}", reply,
                     object_id=encode_id("Feedback", feedback.id))
    await feedback.refresh_from_db()
    return feedback
