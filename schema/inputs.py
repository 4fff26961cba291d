"""Values a form sends that GraphQL cannot read as their type: a date that does not exist
(``2022-02-30``), text or ``2.5`` where a whole number goes, a choice the enum does not hold.

GraphQL coerces an operation's variables before any resolver runs and refuses the whole request
when one does not fit (an English ``BAD_USER_INPUT``). For a mutation that is a form, so here:

- **Mutations**: when every variable error is such a value (a leaf of the right place, present
  and not null), the operation still runs, each bad value replaced by null (or, where the schema
  demands a value, by any value of its type) — and every root field using one of those variables
  answers its payload with one field error per bad value (``field``: the path in ``input``,
  dotted for nested inputs and list items; a code; a Chinese message) **without running its
  resolver**. Nothing can be stored from a value that was never read, and no resolver has to know
  about it: ``RefuseUnreadable`` guards every mutation field. The business checks of that form run
  once the values are readable (a form's values are refused before its rules are checked).
- **Queries** (list filters): a GraphQL error per bad value, ``BAD_USER_INPUT`` with
  ``extensions.field`` and ``extensions.reason`` (the same codes) and a Chinese message.
- **Literals** typed into the document are program text, checked when it is validated: the same
  Chinese ``BAD_USER_INPUT`` errors (``ReadableLiteralsRule``). Forms send what users type as
  variables.

Other variable errors (a missing required field, an unknown field, null where a value is
required) are mistakes of the program, not of the user, and stay GraphQL's own errors.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    BooleanValueNode,
    DocumentNode,
    EnumValueNode,
    FieldNode,
    FloatValueNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInputType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NullValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    StringValueNode,
    ValueNode,
    VariableDefinitionNode,
    VariableNode,
    get_named_type,
    get_operation_ast,
    is_enum_type,
    is_input_object_type,
    is_leaf_type,
    is_list_type,
    is_non_null_type,
    type_from_ast,
    validate_input_literal,
    validate_input_value,
)
from graphql.language import SKIP, VisitorAction
from graphql.pyutils import Undefined
from graphql.validation import ValuesOfCorrectTypeRule
from strawberry.extensions import FieldExtension, SchemaExtension
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types import Info

from resolvers.errors import Code
from schema.errors import Payload, UserError
from schema.suggestions import ExecutionWithoutSuggestions

Path = tuple[str | int, ...]

# Values that stand in, where the schema demands one, for a value that could not be read; the
# operation's fields that use them are refused before their resolver runs.
_STAND_INS: dict[str, Any] = {
    "Int": 0, "Float": 0, "Boolean": False, "String": "", "ID": "0",
    "Date": "2000-01-01", "DateTime": "2000-01-01T00:00:00+08:00",
}


@dataclass(frozen=True)
class BadValue:
    """One value that could not be read: where it is (in its variable, or in a literal) and why."""

    path: Path
    code: Code
    message: str


def _show(value: Any) -> str:
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:40] + "…"


def bad_value(type_: GraphQLInputType, value: Any, path: Path, *, hide_choices: bool = False) -> BadValue:
    """The code and Chinese message for ``value``, which the leaf ``type_`` does not read. With
    introspection off (``hide_choices``) an enum's choices are not listed: a typo must not reveal
    the schema (schema/suggestions.py)."""
    named = get_named_type(type_)
    name = named.name
    if name == "Date":
        return BadValue(path, Code.INVALID_DATE,
                        f"“{_show(value)}”不是有效日期：日期应为YYYY-MM-DD格式且实际存在，如 2022-03-01")
    if name == "DateTime":
        return BadValue(path, Code.INVALID_DATETIME, f"“{_show(value)}”不是有效时间：{Code.INVALID_DATETIME.label}")
    if name == "Int":
        if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
            return BadValue(path, Code.OUT_OF_RANGE, "数值超出允许范围")
        return BadValue(path, Code.NOT_A_WHOLE_NUMBER, f"“{_show(value)}”不是整数：{Code.NOT_A_WHOLE_NUMBER.label}")
    if name == "Float":
        return BadValue(path, Code.NOT_A_NUMBER, f"“{_show(value)}”不是数字：{Code.NOT_A_NUMBER.label}")
    if is_enum_type(named) and hide_choices:
        return BadValue(path, Code.INVALID_CHOICE, f"“{_show(value)}”不在可选范围内")
    if is_enum_type(named):
        choices = "、".join(
            f"{key}（{choice.description}）" if choice.description else key
            for key, choice in named.values.items()  # type: ignore[attr-defined]
        )
        return BadValue(path, Code.INVALID_CHOICE, f"“{_show(value)}”不在可选范围内，可选：{choices}")
    if name == "Boolean":
        return BadValue(path, Code.INVALID_VALUE, "应为 true 或 false")
    return BadValue(path, Code.INVALID_VALUE, f"“{_show(value)}”{Code.INVALID_VALUE.label}")


def _dotted(path: Path) -> str:
    return ".".join(str(part) for part in path)


# --- variables ---------------------------------------------------------------------------------

def _walk(type_: GraphQLInputType, value: Any, path: Path) -> tuple[GraphQLInputType | None, Any]:
    """The type and value at ``path`` inside a variable, or (None, Undefined)."""
    for key in path:
        if is_non_null_type(type_):
            type_ = type_.of_type  # type: ignore[union-attr]
        if isinstance(key, int):
            if not is_list_type(type_) or not isinstance(value, list) or key >= len(value):
                return None, Undefined
            type_, value = type_.of_type, value[key]  # type: ignore[union-attr]
        else:
            if not is_input_object_type(type_) or not isinstance(value, dict):
                return None, Undefined
            input_field = type_.fields.get(key)  # type: ignore[union-attr]
            if input_field is None or key not in value:
                return None, Undefined
            type_, value = input_field.type, value[key]
    return type_, value


def _leaf(type_: GraphQLInputType) -> bool:
    # A list given one value is read as a list of it: the error names the list's position.
    while True:
        inner = type_.of_type if is_non_null_type(type_) else type_  # type: ignore[union-attr]
        if not is_list_type(inner):
            return is_leaf_type(inner)
        type_ = inner.of_type  # type: ignore[union-attr]


def _stand_in(type_: GraphQLInputType) -> Any:
    """What replaces an unreadable value: null where allowed, else any value of the type."""
    if not is_non_null_type(type_):
        return None
    inner = type_.of_type  # type: ignore[union-attr]
    if is_list_type(inner):
        return []
    if is_enum_type(inner):
        return next(iter(inner.values))
    if inner.name in _STAND_INS:
        return _STAND_INS[inner.name]
    raise LookupError(inner.name)


def _replace(container: Any, path: Path, value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    copied = copy.copy(container)
    copied[head] = _replace(container[head], rest, value)
    return copied


@dataclass
class Unreadable:
    """The root value of a mutation whose variables held values that could not be read."""

    by_variable: dict[str, list[BadValue]] = field(default_factory=dict)


def unreadable_variables(
    schema: GraphQLSchema, operation: OperationDefinitionNode, variables: dict[str, Any],
    hide_choices: bool = False,
) -> tuple[dict[str, list[BadValue]], dict[str, Any]] | None:
    """The bad values of each variable and the variables with stand-ins for them; None when
    anything else is wrong (or nothing is)."""
    found: dict[str, list[BadValue]] = {}
    patched = dict(variables)
    other = False
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        var_type = type_from_ast(schema, definition.type)
        if var_type is None or name not in variables:
            continue
        value = variables[name]

        def on_error(_error: GraphQLError, path: list[str | int], name: str = name,
                     var_type: Any = var_type, value: Any = value) -> None:
            nonlocal other
            at_type, at_value = _walk(var_type, value, tuple(path))
            if at_type is None or at_value is None or at_value is Undefined or not _leaf(at_type):
                other = True
                return
            found.setdefault(name, []).append(
                bad_value(at_type, at_value, tuple(path), hide_choices=hide_choices))
            try:
                patched[name] = _replace(patched[name], tuple(path), _stand_in(at_type))
            except LookupError:
                other = True

        validate_input_value(value, var_type, on_error, True)  # type: ignore[arg-type]
    if other or not found:
        return None
    return found, patched


class ReadableValuesExecution(StrawberryGraphQLCoreExecutionContext):
    """Execution that answers unreadable values of a mutation in its payloads (see the module)."""

    @classmethod
    def build(cls, schema: GraphQLSchema, document: DocumentNode, root_value: Any = None,
              context_value: Any = None, raw_variable_values: dict[str, Any] | None = None,
              operation_name: str | None = None, *args: Any, **kwargs: Any) -> Any:
        built = super().build(schema, document, root_value, context_value, raw_variable_values,
                              operation_name, *args, **kwargs)
        if not isinstance(built, list) or not raw_variable_values:
            return built
        operation = get_operation_ast(document, operation_name)
        if operation is None:
            return built
        found = unreadable_variables(schema, operation, raw_variable_values,
                                     bool(kwargs.get("hide_suggestions")))
        if found is None:
            return built
        by_variable, patched = found
        if operation.operation is not OperationType.MUTATION:
            return _request_errors(document, operation, by_variable)
        rebuilt = super().build(schema, document, Unreadable(by_variable), context_value, patched,
                                operation_name, *args, **kwargs)
        return built if isinstance(rebuilt, list) else rebuilt


class ReadableValuesExecutionWithoutSuggestions(ExecutionWithoutSuggestions, ReadableValuesExecution):
    pass


def _usages(value: ValueNode, prefix: Path) -> Iterator[tuple[str, Path]]:
    """(variable, where it sits) for each variable in an argument's value."""
    if isinstance(value, VariableNode):
        yield value.name.value, prefix
    elif isinstance(value, ObjectValueNode):
        for object_field in value.fields:
            yield from _usages(object_field.value, (*prefix, object_field.name.value))
    elif isinstance(value, ListValueNode):
        for index, item in enumerate(value.values):
            yield from _usages(item, (*prefix, index))


def _variables_in(selection_set: SelectionSetNode | None, fragments: dict[str, Any],
                  seen: set[str]) -> Iterator[tuple[str, Path]]:
    for selection in selection_set.selections if selection_set else ():
        for directive in selection.directives or ():
            for argument in directive.arguments or ():
                yield from _usages(argument.value, (argument.name.value,))
        if isinstance(selection, FieldNode):
            for argument in selection.arguments or ():
                yield from _usages(argument.value, (argument.name.value,))
            yield from _variables_in(selection.selection_set, fragments, seen)
        elif isinstance(selection, InlineFragmentNode):
            yield from _variables_in(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                seen.add(selection.name.value)
                yield from _variables_in(fragment.selection_set, fragments, seen)


def _request_errors(document: DocumentNode, operation: OperationDefinitionNode,
                    by_variable: dict[str, list[BadValue]]) -> list[GraphQLError]:
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    usages: dict[str, Path] = {}
    for name, where in _variables_in(operation.selection_set, fragments, set()):
        usages.setdefault(name, where)
    definitions: dict[str, VariableDefinitionNode] = {
        d.variable.name.value: d for d in operation.variable_definitions or ()
    }
    errors = []
    for name, bad in by_variable.items():
        for item in bad:
            field_path = _dotted((*usages.get(name, (f"${name}",)), *item.path))
            errors.append(GraphQLError(
                f"{field_path}：{item.message}", definitions[name],
                extensions={"code": "BAD_USER_INPUT", "field": field_path, "reason": item.code.value},
            ))
    return errors


class RefuseUnreadable(FieldExtension):
    """On every mutation field: a field that uses a variable holding an unreadable value answers
    its payload with those values' field errors, and its resolver does not run."""

    def resolve(self, next_: Any, source: Any, info: Info, **kwargs: Any) -> Any:
        refusal = _refusal(info)
        return refusal if refusal is not None else next_(source, info, **kwargs)

    async def resolve_async(self, next_: Any, source: Any, info: Info, **kwargs: Any) -> Any:
        refusal = _refusal(info)
        return refusal if refusal is not None else await next_(source, info, **kwargs)


def _refusal(info: Info) -> Any:
    root = info.root_value
    if not isinstance(root, Unreadable):
        return None
    raw = info._raw_info
    errors: dict[tuple[str | None, Code], UserError] = {}
    for node in raw.field_nodes:
        usages = [
            (name, where if where[:1] != ("input",) else where[1:])
            for argument in node.arguments or ()
            for name, where in _usages(argument.value, (argument.name.value,))
        ]
        usages += list(_variables_in(node.selection_set, raw.fragments, set()))
        for name, where in usages:
            for item in root.by_variable.get(name, ()):
                path = _dotted((*where, *item.path)) or None
                errors.setdefault((path, item.code), UserError(field=path, code=item.code, message=item.message))
    if not errors:
        return None
    payload: Any = info.return_type
    if not (isinstance(payload, type) and issubclass(payload, Payload)):
        first: Any = next(iter(errors.values()))
        raise GraphQLError(f"{first.field}：{first.message}",
                           extensions={"code": "BAD_USER_INPUT", "field": first.field, "reason": first.code.value})
    return payload(errors=list(errors.values()))


def refuse_unreadable(mutation: type) -> None:
    """Guard every field of the Mutation type (once)."""
    for mutation_field in mutation.__strawberry_definition__.fields:  # type: ignore[attr-defined]
        if not any(isinstance(e, RefuseUnreadable) for e in mutation_field.extensions):
            mutation_field.extensions.append(RefuseUnreadable())


# --- literals ----------------------------------------------------------------------------------

def _literal_at(node: ValueNode, type_: GraphQLInputType, path: list[str | int]
                ) -> tuple[GraphQLInputType | None, ValueNode | None]:
    for key in path:
        if is_non_null_type(type_):
            type_ = type_.of_type  # type: ignore[union-attr]
        if isinstance(key, int):
            if not is_list_type(type_) or not isinstance(node, ListValueNode) or key >= len(node.values):
                return None, None
            type_, node = type_.of_type, node.values[key]  # type: ignore[union-attr]
        else:
            if not is_input_object_type(type_) or not isinstance(node, ObjectValueNode):
                return None, None
            input_field = type_.fields.get(key)  # type: ignore[union-attr]
            found = next((f.value for f in node.fields if f.name.value == key), None)
            if input_field is None or found is None:
                return None, None
            type_, node = input_field.type, found
    return type_, node


_LITERALS = (StringValueNode, IntValueNode, FloatValueNode, BooleanValueNode, EnumValueNode,
             ListValueNode, ObjectValueNode)


class ReadableLiteralsRule(ValuesOfCorrectTypeRule):
    """GraphQL's check of literal values, with a Chinese message, a code and the field for a
    leaf value its type cannot read."""

    argument: str | None = None

    def enter_argument(self, node: Any, *_args: Any) -> None:
        self.argument = node.name.value

    def leave_argument(self, *_args: Any) -> None:
        self.argument = None

    def is_valid_value_node(self, node: ValueNode, input_type: GraphQLInputType | None) -> VisitorAction:
        if input_type:
            def on_error(error: GraphQLError, path: list[str | int]) -> None:
                at_type, at_node = _literal_at(node, input_type, path)
                if (at_type is None or not isinstance(at_node, _LITERALS) or isinstance(at_node, NullValueNode)
                        or not _leaf(at_type)):
                    self.report_error(error)
                    return
                raw = getattr(at_node, "value", None) if not isinstance(at_node, ListValueNode | ObjectValueNode) else "…"
                item = bad_value(at_type, raw, tuple(path), hide_choices=self.context.hide_suggestions)
                where = _dotted((*((self.argument,) if self.argument else ()), *item.path))
                self.report_error(GraphQLError(
                    f"{where}：{item.message}", error.nodes or node,
                    extensions={"code": "BAD_USER_INPUT", "field": where, "reason": item.code.value},
                ))

            validate_input_literal(node, input_type, on_error, None, None, self.context.hide_suggestions)
        return SKIP


class ReadableLiterals(SchemaExtension):
    """Validates documents with ``ReadableLiteralsRule`` in place of GraphQL's own rule."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        context.validation_rules = tuple(
            ReadableLiteralsRule if rule is ValuesOfCorrectTypeRule else rule
            for rule in context.validation_rules
        )
        yield
