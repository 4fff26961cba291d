"""GraphQL's "Did you mean …?" hints name fields, arguments, types, enum values and input fields of
the schema; with introspection off they would hand out the schema a typo at a time. graphql-core
can leave them out (``hide_suggestions``), in validation and in the coercion of variables during
execution; strawberry passes neither, so both steps are taken here."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from graphql import DocumentNode, GraphQLError, GraphQLSchema, validate
from strawberry.extensions import SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

VALIDATION_CACHE_SIZE = 512


@lru_cache(maxsize=VALIDATION_CACHE_SIZE)
def _validate(schema: GraphQLSchema, document: DocumentNode, rules: tuple[Any, ...],
              hide_suggestions: bool) -> list[GraphQLError]:
    # The rules strawberry's own validation adds to every request.
    rules = (*rules, MaybeNullValidationRule, OneOfInputValidationRule)
    return validate(schema, document, rules, hide_suggestions=hide_suggestions)


def cached_validation(hide_suggestions: bool) -> type[SchemaExtension]:
    """Strawberry's ``ValidationCache``, with or without suggestions in its messages."""

    class CachedValidation(SchemaExtension):
        def on_validate(self) -> Iterator[None]:
            context = self.execution_context
            context.pre_execution_errors = _validate(
                context.schema._schema, context.graphql_document, tuple(context.validation_rules),
                hide_suggestions,
            )
            yield

    return CachedValidation


class ExecutionWithoutSuggestions(StrawberryGraphQLCoreExecutionContext):
    """Execution (queries, mutations and subscriptions) whose variable errors suggest nothing."""

    @classmethod
    def build(cls, *args: Any, **kwargs: Any) -> Any:
        kwargs["hide_suggestions"] = True
        return super().build(*args, **kwargs)
