"""Scalars: instants leave in Asia/Shanghai time (stored in UTC), dates as YYYY-MM-DD.

A value that is not one of them is refused with a Chinese message; inside a mutation's input
``schema/inputs.py`` turns that refusal into a field error of the payload."""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

import strawberry
from graphql import GraphQLError

from models.base import SHANGHAI
from resolvers.errors import Code

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _serialize(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(SHANGHAI).isoformat(timespec="seconds")


def _parse(value: object) -> datetime:
    try:
        if not isinstance(value, str):
            raise TypeError(value)
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise GraphQLError(Code.INVALID_DATETIME.label) from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SHANGHAI)


def parse_date(value: object) -> date:
    """Exactly ``YYYY-MM-DD`` and a day that exists (not ``2022-02-30``, ``20220301`` or
    ``2022-W09-1``, which ``date.fromisoformat`` would also read)."""
    if not isinstance(value, str) or not _DATE.match(value):
        raise GraphQLError(Code.INVALID_DATE.label)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise GraphQLError(Code.INVALID_DATE.label) from None


DateTime = strawberry.scalar(
    name="DateTime",
    description="时间，ISO 8601，按北京时间(+08:00)给出；输入无时区时按北京时间理解",
    serialize=_serialize,
    parse_value=_parse,
)

Date = strawberry.scalar(
    name="Date",
    description="日期，YYYY-MM-DD（如 2022-03-01），须是实际存在的日期",
    serialize=date.isoformat,
    parse_value=parse_date,
)
