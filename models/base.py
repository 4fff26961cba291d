"""Shared pieces of the stored model: labelled enums and timestamps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from enum import Enum
from zoneinfo import ZoneInfo

from tortoise import fields
from pypika_tortoise.terms import Term
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


def labeled_subset(name: str, source: type[LabeledEnum], keep: Callable[[Any], bool]) -> Any:
    """The members of ``source`` that ``keep`` accepts, with their values and labels, as an enum of
    their own: what a form may send where the stored enum also names values it may not."""
    return LabeledEnum(name, [(m.name, (m.value, m.label)) for m in source if keep(m)],  # type: ignore[misc,call-arg,arg-type]
                       module=source.__module__)


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


class RetiredIndex(Index):
    """A partial index over the rows no longer in use (``WHERE <column> IS NOT NULL``): the few
    withdrawn or deleted rows their holders list apart, without a cost to every live insert."""

    def __init__(self, *, fields: tuple[str, ...], not_null_column: str, name: str) -> None:
        super().__init__(fields=fields, name=name)
        self.not_null_column = not_null_column
        self.extra = f' WHERE "{not_null_column}" IS NOT NULL'

    def deconstruct(self) -> tuple[str, list[object], dict[str, object]]:
        path, args, kwargs = super().deconstruct()
        kwargs["not_null_column"] = self.not_null_column
        return path, args, kwargs


class _Raw(Term):
    """SQL text used as it is (an index expression with its operator class)."""

    def __init__(self, sql: str) -> None:
        super().__init__()
        self.sql = sql

    def get_sql(self, *args: Any, **kwargs: Any) -> str:
        return self.sql


class PostgresIndex(Index):
    """An index only PostgreSQL can use (an operator class, a trigram GIN); SQLite gets none.

    ``expression`` is index SQL such as ``'"id_number" varchar_pattern_ops'`` (prefix LIKE under
    a non-C collation) or ``'(upper("name"::varchar)) gin_trgm_ops'`` (the ``icontains``
    filters, with ``using="GIN"``, which needs the pg_trgm extension). The migrations carry the
    same SQL for PostgreSQL and leave it out for SQLite.
    """

    def __init__(self, expression: str, *, name: str, using: str = "") -> None:
        super().__init__(_Raw(expression), name=name)
        self.expression, self.using = expression, using
        self.INDEX_TYPE = using

    def get_sql(self, schema_generator: Any, model: Any, safe: bool) -> str:
        if getattr(schema_generator, "DIALECT", "") != "postgres":
            return ""
        sql = (f'CREATE INDEX {"IF NOT EXISTS " if safe else ""}"{self.name}" ON '
               f'"{model._meta.db_table}" {f"USING {self.using} " if self.using else ""}({self.expression});')
        if "gin_trgm_ops" in self.expression:
            sql = "CREATE EXTENSION IF NOT EXISTS pg_trgm;\n" + sql
        return sql

    def deconstruct(self) -> tuple[str, list[object], dict[str, object]]:
        path = f"{self.__class__.__module__}.{self.__class__.__name__}"
        return path, [self.expression], {"name": self.name, "using": self.using}
