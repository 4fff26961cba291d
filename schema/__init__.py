"""What is exposed: the GraphQL schema, built from one module per domain.

``schema/schema.graphql`` is the committed contract with front-end teams; ``make schema``
rewrites it and a test fails when it differs from the code.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    QueryDepthLimiter,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from schema.account import AccountMutation, AccountQuery, AccountType
from schema.achievement import (
    AchievementMutation,
    AchievementQuery,
    AchievementType,
    SubtypeGrantType,
)
from schema.application import (
    ApplicationBatchType,
    ApplicationMutation,
    ApplicationQuery,
    ConversionApplicationType,
)
from schema.audit import AuditEntryType, AuditQuery
from schema.conversion import (
    ConversionMethodType,
    ConversionMutation,
    ConversionQuery,
    ConversionRuleType,
)
from schema.directory import DirectoryMutation, DirectoryQuery, ProvinceType, SchoolType
from schema.feedback import FeedbackMutation, FeedbackQuery, FeedbackType
from schema.inputs import (
    ReadableLiterals,
    ReadableValuesExecution,
    ReadableValuesExecutionWithoutSuggestions,
    refuse_unreadable,
)
from schema.institution import InstitutionMutation, InstitutionType
from schema.labels import LabelsQuery
from schema.learner import LearnerAchievementType, LearnerMutation, LearnerQuery, LearnerType
from schema.limits import cached_parse, code_request_errors, cost_rule
from schema.masking import (
    MaskUnexpectedErrors,
    RecheckWebsocketLogin,
    RecordOperation,
    is_unexpected,
)
from schema.matching import MatchingQuery
from schema.message import MessageMutation, MessageQuery, MessageType, Subscription
from schema.node import NodeQuery
from schema.overview import OverviewQuery
from schema.partner import PartnerKeyType, PartnerMutation, PartnerQuery, PartnerType
from schema.reference import (
    DisciplineType,
    GraduationConclusionType,
    LevelType,
    MajorClassType,
    MajorType,
    ReferenceQuery,
)
from schema.scalars import Date, DateTime
from schema.spreadsheet import ImportJobType
from schema.suggestions import cached_validation
from schema.verification import VerificationMutation, VerificationQuery
from server.settings import Settings

SDL_PATH = Path(__file__).with_name("schema.graphql")



@strawberry.type(description="查询")
class Query(
    NodeQuery, AccountQuery, OverviewQuery, AchievementQuery, LearnerQuery, FeedbackQuery,
    ConversionQuery, MatchingQuery, ApplicationQuery, MessageQuery, PartnerQuery, AuditQuery,
    ReferenceQuery, DirectoryQuery, VerificationQuery, LabelsQuery,
):
    pass


@strawberry.type(description="变更：每个业务动作一个，返回载荷及 errors")
class Mutation(
    AccountMutation, InstitutionMutation, AchievementMutation, LearnerMutation, FeedbackMutation,
    ConversionMutation, ApplicationMutation, MessageMutation, PartnerMutation,
    DirectoryMutation, VerificationMutation,
):
    pass


# A form's value GraphQL cannot read is a field error of its payload (schema/inputs.py).
refuse_unreadable(Mutation)


NODE_TYPES: list[type[Any]] = [
    AccountType, InstitutionType, ProvinceType, SchoolType, AchievementType, SubtypeGrantType,
    LevelType, GraduationConclusionType, DisciplineType, MajorClassType, MajorType, ImportJobType,
    LearnerType, LearnerAchievementType, FeedbackType, ConversionMethodType, ConversionRuleType,
    ApplicationBatchType, ConversionApplicationType, MessageType, PartnerType, PartnerKeyType,
    AuditEntryType,
]


class CreditBankSchema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        # Client errors are answers, not incidents; unexpected ones are logged with their ID.
        # Request errors get their codes here, where every transport's errors pass (HTTP and both
        # websocket protocols).
        code_request_errors(errors)


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    # The depth and alias limiters generate their rule classes when constructed; built once here
    # and added to every request unchanged, validation results stay cacheable (a new class per
    # request made every request validate again: 13 ms of a 30 ms list page).
    limit_rules = [
        *QueryDepthLimiter(max_depth=settings.max_depth if settings else 12).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases if settings else 30).validation_rules,
        cost_rule(settings.max_cost if settings else 10000),
    ]
    # Without introspection, error messages suggest none of the schema's names either.
    hide_suggestions = settings is not None and not settings.introspection
    extensions: list[Any] = [
        cached_parse(settings.max_tokens if settings else 4000),
        lambda: AddValidationRules(limit_rules),
        ReadableLiterals,
        cached_validation(hide_suggestions),
        RecordOperation,
        RecheckWebsocketLogin,
    ]
    if settings is None or not settings.debug:
        extensions.append(MaskUnexpectedErrors)
    if settings is not None and not settings.introspection:
        extensions.append(DisableIntrospection)
    return CreditBankSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=NODE_TYPES,
        extensions=extensions,
        execution_context_class=(
            ReadableValuesExecutionWithoutSuggestions if hide_suggestions else ReadableValuesExecution
        ),
        config=StrawberryConfig(
            scalar_map={datetime: DateTime, date: Date},
            batching_config={"max_operations": settings.max_batch if settings else 10},
        ),
    )


def sdl() -> str:
    return build_schema().as_str() + "\n"


__all__ = ["SDL_PATH", "build_schema", "is_unexpected", "sdl"]
