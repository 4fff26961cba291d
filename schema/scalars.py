"""Scalars: instants leave in Asia/Shanghai time (stored in UTC), dates as YYYY-MM-DD."""

from __future__ import annotations

from datetime import datetime, timezone

import strawberry

from models.base import SHANGHAI


def _serialize(value: datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(SHANGHAI).isoformat(timespec="seconds")


def _parse(value: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=SHANGHAI)


DateTime = strawberry.scalar(
    name="DateTime",
    description="时间，ISO 8601，按北京时间(+08:00)给出；输入无时区时按北京时间理解",
    serialize=_serialize,
    parse_value=_parse,
)
