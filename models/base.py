"""Shared pieces of the stored model: labelled enums and timestamps."""

from __future__ import annotations

from enum import Enum
from zoneinfo import ZoneInfo

from tortoise import fields


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
