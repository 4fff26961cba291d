"""Request limits beyond strawberry's depth/alias limiters: the token limit (with a cached parse),
a cost limit, and stable codes on the errors GraphQL itself reports, so clients can tell them
apart."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from functools import lru_cache
from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLSyntaxError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
    parse,
)
from strawberry.extensions import SchemaExtension

from schema.connection import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE


@lru_cache(maxsize=512)
def _parse(query: str, max_tokens: int) -> DocumentNode:
    return parse(query, max_tokens=max_tokens)


def cached_parse(max_tokens: int) -> type[SchemaExtension]:
    """Parse documents of at most ``max_tokens`` tokens, cached (strawberry's ``ParserCache`` with
    ``MaxTokensLimiter``). A document that does not parse is left to strawberry's own parse, which
    answers the error: raised from here, it would escape a websocket operation's error handling
    (the client got a bare ``complete``)."""

    class CachedParse(SchemaExtension):
        def on_parse(self) -> Iterator[None]:
            context = self.execution_context
            context.parse_options["max_tokens"] = max_tokens
            if context.query is not None and context.graphql_document is None:
                with suppress(GraphQLError):
                    context.graphql_document = _parse(context.query, max_tokens)
            yield

    return CachedParse


def cost_rule(max_cost: int) -> type[ValidationRule]:
    """Cost of an operation: one per field selected, a connection's selections multiplied by
    its page size (``first``; a variable counts as its default or the largest page). The worst
    case an operation can ask for, known before it runs."""

    class QueryCostRule(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: Any) -> None:
            defaults = {
                definition.variable.name.value: definition.default_value
                for definition in node.variable_definitions or ()
            }
            cost = _cost(self.context, node.selection_set, 1, defaults, set())
            if cost > max_cost:
                self.report_error(GraphQLError(
                    f"查询代价 {cost} 超过上限 {max_cost}：请减少每页条数或嵌套的列表",
                    node, extensions={"code": "QUERY_TOO_COSTLY", "cost": cost, "maxCost": max_cost},
                ))

    return QueryCostRule


def _selects_page(context: ValidationContext, selection_set: SelectionSetNode | None, seen: set[str]) -> bool:
    """Whether a selection asks for ``edges`` or ``nodes`` (a connection), fragments included."""
    for selection in selection_set.selections if selection_set else ():
        if isinstance(selection, FieldNode) and selection.name.value in ("edges", "nodes"):
            return True
        if isinstance(selection, InlineFragmentNode) and _selects_page(context, selection.selection_set, seen):
            return True
        if isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            fragment = context.get_fragment(selection.name.value)
            if fragment is not None and _selects_page(context, fragment.selection_set,
                                                      seen | {selection.name.value}):
                return True
    return False


def _page_size(context: ValidationContext, field: FieldNode, defaults: dict[str, Any]) -> int:
    argument = next((a for a in field.arguments or () if a.name.value == "first"), None)
    if argument is None:
        return DEFAULT_PAGE_SIZE if _selects_page(context, field.selection_set, set()) else 1
    value = argument.value
    if isinstance(value, VariableNode):
        value = defaults.get(value.name.value)
    if isinstance(value, IntValueNode):
        return max(min(int(value.value), MAX_PAGE_SIZE), 1)
    return MAX_PAGE_SIZE


def _cost(context: ValidationContext, selection_set: SelectionSetNode | None, multiplier: int,
          defaults: dict[str, Any], seen: set[str]) -> int:
    if selection_set is None:
        return 0
    total = 0
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            total += multiplier
            if selection.selection_set is not None:
                total += _cost(context, selection.selection_set,
                               multiplier * _page_size(context, selection, defaults), defaults, seen)
        elif isinstance(selection, InlineFragmentNode):
            total += _cost(context, selection.selection_set, multiplier, defaults, seen)
        elif isinstance(selection, FragmentSpreadNode):
            name = selection.name.value
            fragment = context.get_fragment(name)
            if fragment is not None and name not in seen:
                total += _cost(context, fragment.selection_set, multiplier, defaults, seen | {name})
    return total


# GraphQL's own errors, by what their message says (graphql-core and strawberry's limiters).
_CODES = (
    ("exceeds maximum operation depth", "QUERY_TOO_DEEP"),
    ("aliases found", "TOO_MANY_ALIASES"),
    ("has invalid value", "BAD_USER_INPUT"),
    ("got invalid value", "BAD_USER_INPUT"),
    ("of required type", "BAD_USER_INPUT"),
    ("was not provided", "BAD_USER_INPUT"),
    ("to be provided", "BAD_USER_INPUT"),
    ("introspection", "INTROSPECTION_DISABLED"),
    ("Introspection", "INTROSPECTION_DISABLED"),
)


def code_request_errors(errors: list[GraphQLError]) -> bool:
    """Give GraphQL's request errors (parse, validation, variables) a code; answers whether the
    errors are request errors (no field was executed), which GraphQL over HTTP answers with 400.

    graphql-core reports its token limit as a syntax error; it becomes a limit error (the document
    was not read to its end), so a websocket answers it as an error of that operation instead of
    closing the whole connection as it does for a document that is not GraphQL."""
    for index, error in enumerate(errors):
        # Errors with a path come from resolvers, which give (or are masked with) their own code.
        if error.path is not None or "code" in (error.extensions or {}):
            continue
        if isinstance(error, GraphQLSyntaxError) and "tokens" in error.message and "Parsing aborted" in error.message:
            errors[index] = GraphQLError(error.message, source=error.source, positions=error.positions,
                                         extensions={"code": "TOO_MANY_TOKENS"})
            continue
        if isinstance(error, GraphQLSyntaxError) or error.message.startswith("Syntax Error"):
            code = "GRAPHQL_PARSE_FAILED"
        else:
            code = next((c for text, c in _CODES if text in error.message), "GRAPHQL_VALIDATION_FAILED")
        error.extensions = {**(error.extensions or {}), "code": code}
    return bool(errors) and all(error.path is None for error in errors)
