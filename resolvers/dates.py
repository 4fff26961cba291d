"""Calendar periods in Beijing time, as the manual's filters mean them (入库年份, time ranges)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from models.base import SHANGHAI
from resolvers.errors import ClientError


def year_bounds(year: int) -> tuple[datetime, datetime]:
    """[1 January, next 1 January) of ``year`` in Beijing time, as UTC instants: SQLite compares
    stored times as UTC text, so a bound with another offset would be eight hours off."""
    if not 1900 <= year <= 2999:
        raise ClientError("年份无效", code="BAD_FILTER")
    return (datetime(year, 1, 1, tzinfo=SHANGHAI).astimezone(timezone.utc),
            datetime(year + 1, 1, 1, tzinfo=SHANGHAI).astimezone(timezone.utc))


def day_start(day: date) -> datetime:
    """The start of ``day`` in Beijing time, as a UTC instant."""
    return datetime.combine(day, time.min, tzinfo=SHANGHAI).astimezone(timezone.utc)


def day_end(day: date) -> datetime:
    """The start of the next day: ranges are [start, end)."""
    return day_start(day) + timedelta(days=1)


def day_range(start: date | None, end: date | None, names: tuple[str, str]
              ) -> tuple[datetime | None, datetime | None]:
    """The instants bounding the days ``start`` to ``end`` (both included) in Beijing time, as
    UTC; either may be open. A range that ends before it starts is refused (``INVALID_RANGE``):
    it would silently match nothing."""
    if start is not None and end is not None and end < start:
        raise ClientError(
            f"结束日期 {names[1]}（{end.isoformat()}）不能早于开始日期 {names[0]}（{start.isoformat()}）",
            code="INVALID_RANGE",
        )
    return (day_start(start) if start is not None else None,
            day_end(end) if end is not None else None)


def today() -> date:
    return datetime.now(SHANGHAI).date()
