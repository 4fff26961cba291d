"""Problem feedback (问题反馈, F7): learners report, institutions handle."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.types import Info

from models.learner import Feedback, FeedbackStatus
from resolvers.learner import feedback
from schema.connection import Connection, paginate
from schema.errors import Payload, mutate
from schema.labels import labeled_enum
from schema.learner import LearnerAchievementType, LearnerType
from schema.node import ModelNode, related

FeedbackStatusEnum = labeled_enum(FeedbackStatus, description="解决状态")


@strawberry.type(name="Feedback", description="学员对自己成果反馈的问题")
class FeedbackType(ModelNode):
    model = Feedback
    type_name = "Feedback"

    content: str = strawberry.field(description="问题反馈内容")
    status: FeedbackStatusEnum = strawberry.field(description="解决状态")  # type: ignore[valid-type]
    reply: str = strawberry.field(description="机构的回复")
    handled_at: datetime | None = strawberry.field(description="处理时间")

    @strawberry.field(description="反馈时间")
    def reported_at(self, root: strawberry.Parent[Any]) -> datetime:
        return root.created_at

    @strawberry.field(description="所反馈的学员成果")
    async def learner_achievement(self, root: strawberry.Parent[Any]) -> LearnerAchievementType:
        return await related(root, "learner_achievement")

    @strawberry.field(description="反馈的学员")
    async def learner(self, root: strawberry.Parent[Any]) -> LearnerType:
        record = await related(root, "learner_achievement")
        return await related(record, "learner")



@strawberry.input(description="问题反馈筛选（F7.2）")
class FeedbackFilter:
    start_date: date | None = strawberry.field(default=None, description="反馈开始日期（含，按北京时间的日期）")
    end_date: date | None = strawberry.field(default=None, description="反馈结束日期（含，按北京时间的日期）")
    status: FeedbackStatusEnum | None = strawberry.field(default=None, description="解决状态")  # type: ignore[valid-type]


@strawberry.input(description="学员反馈问题（F7.1）")
class ReportProblemInput:
    learner_achievement_id: strawberry.ID = strawberry.field(description="自己的一条学员成果")
    content: str | None = strawberry.field(default=None, description="问题内容，如 发证日期有误（必填，不超过500字）")


@strawberry.input(description="处理问题反馈（F7.2）")
class HandleFeedbackInput:
    outcome: FeedbackStatusEnum = strawberry.field(description="RESOLVED（已解决）或 REJECTED（驳回）")  # type: ignore[valid-type]
    reply: str | None = strawberry.field(default=None, description="回复（必填，不超过500字），学员可见")


@strawberry.type(description="问题反馈变更结果")
class FeedbackPayload(Payload):
    feedback: FeedbackType | None = strawberry.field(default=None, description="问题反馈")


@strawberry.type
class FeedbackQuery:
    @strawberry.field(description="问题反馈列表（F7.2）；学员看到自己的反馈及回复")
    async def feedbacks(
        self, info: Info, filter: FeedbackFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[FeedbackType]:
        query = feedback.filtered(info.context, filter).select_related("learner_achievement__learner")
        return await paginate(query, first, after, offset)


@strawberry.type
class FeedbackMutation:
    @strawberry.mutation(description="学员反馈自己成果的问题（F7.1）")
    async def report_problem(self, info: Info, input: ReportProblemInput) -> FeedbackPayload:
        return await mutate(info, FeedbackPayload, feedback.report(info.context, input), "feedback")

    @strawberry.mutation(description="处理问题反馈（F7.2）：回复并标记已解决或驳回，只能处理一次")
    async def handle_feedback(self, info: Info, id: strawberry.ID, input: HandleFeedbackInput) -> FeedbackPayload:
        return await mutate(info, FeedbackPayload, feedback.handle(info.context, id, input), "feedback")
