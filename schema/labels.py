"""Chinese labels of every enum, so a front end never hard-codes 未认定 / 已认定."""

from __future__ import annotations

from typing import Any

import strawberry

from models.base import LabeledEnum


@strawberry.type(description="枚举值及其中文名称")
class EnumValueLabel:
    value: str = strawberry.field(description="枚举值（英文）")
    label: str = strawberry.field(description="中文名称")


@strawberry.type(description="一个枚举的全部取值")
class EnumLabels:
    name: str = strawberry.field(description="GraphQL 枚举名")
    values: list[EnumValueLabel] = strawberry.field(description="取值")


def labeled_enum(enum: type[LabeledEnum], description: str, name: str | None = None) -> Any:
    """Expose a stored enum in GraphQL, each value described by its Chinese label."""
    exposed = strawberry.enum(enum, name=name, description=description)
    for value in exposed.__strawberry_definition__.values:
        value.description = enum[value.name].label
    return exposed


def _all_enums() -> list[type[LabeledEnum]]:
    found: list[type[LabeledEnum]] = []
    pending = list(LabeledEnum.__subclasses__())
    while pending:
        enum = pending.pop()
        found.append(enum)
        pending.extend(enum.__subclasses__())
    return found


def _graphql_name(enum: type[LabeledEnum]) -> str:
    definition = getattr(enum, "__strawberry_definition__", None)
    return definition.name if definition is not None else enum.__name__


@strawberry.type
class LabelsQuery:
    @strawberry.field(description="全部枚举的中文名称；可按枚举名筛选")
    def labels(self, names: list[str] | None = None) -> list[EnumLabels]:
        result = [
            EnumLabels(
                name=_graphql_name(enum),
                values=[EnumValueLabel(value=m.name, label=m.label) for m in enum],
            )
            for enum in _all_enums()
            if hasattr(enum, "__strawberry_definition__")
        ]
        if names:
            result = [item for item in result if item.name in names]
        return sorted(result, key=lambda item: item.name)
