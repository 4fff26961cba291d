"""Shared pieces of the stored model: labelled enums and timestamps."""

from __future__ import annotations

from enum import Enum
from zoneinfo import ZoneInfo

from tortoise import fields
from tortoise.indexes import Index


# Times are stored in UTC and shown in Beijing time.
SHANGHAI = ZoneInfo("Asia/Shanghai")


class LabeledEnum(str, Enum):
    """A closed set stored by its English value, shown with a Chinese label.

    Members are declared as ``NAME = "NAME", "标签"``.
    """

    label: str

    def __new__(cls, value: str, label: str) -> LabeledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    def __str__(self) -> str:
        return self.value


class Timestamped:
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)


class LiveIndex(Index):
    """A partial index over live rows only (``WHERE <column> IS NULL``).

    Lists read live rows (not deleted, not withdrawn) newest first. With the condition in the
    index, PostgreSQL reads a page in index order; an ``IS NULL`` test on a plain index column
    does not fix that column for ordering, and every match was sorted instead.
    """

    def __init__(self, *, fields: tuple[str, ...], null_column: str, name: str) -> None:
        super().__init__(fields=fields, name=name)
        self.null_column = null_column
        self.extra = f' WHERE "{null_column}" IS NULL'

    def deconstruct(self) -> tuple[str, list[object], dict[str, object]]:
        path, args, kwargs = super().deconstruct()
        kwargs["null_column"] = self.null_column
        return path, args, kwargs
