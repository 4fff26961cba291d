"""A fast multi-row INSERT for imports.

Tortoise's ``bulk_create`` builds a model instance per row and converts every value through its
field (about 150 µs a row here); an import of 100,000 rows spent most of its time there. This
writes plain dicts with one ``executemany``: text and integer columns go through as they are
(already checked by the import), other columns are converted by their Tortoise field once per
distinct value.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import SimpleNamespace
from typing import Any

from tortoise import fields
from tortoise.fields.data import CharEnumFieldInstance
from tortoise.models import Model
from tortoise.timezone import now

_PASS_THROUGH = (fields.CharField, fields.TextField, fields.IntField, fields.BigIntField)


def _converter(field: fields.Field, holder: SimpleNamespace) -> Callable[[Any], Any]:
    if isinstance(field, _PASS_THROUGH) and not isinstance(field, CharEnumFieldInstance):
        return lambda value: value
    cache: dict[Any, Any] = {}

    def convert(value: Any) -> Any:
        try:
            return cache[value]
        except KeyError:
            converted = cache[value] = field.to_db_value(value, holder)
            return converted
        except TypeError:  # unhashable
            return field.to_db_value(value, holder)

    return convert


def _omitted(model: type[Model], given: set[str]) -> dict[str, Any]:
    """Values for the columns the rows leave out: the field's default, now() for timestamps,
    NULL where allowed — what Tortoise would have filled in."""
    meta = model._meta
    moment = now()
    values: dict[str, Any] = {}
    for name in meta.db_fields:
        field = meta.fields_map[name]
        if name in given or field.pk and field.generated:
            continue
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            values[name] = moment
        elif field.default is not None:
            values[name] = field.default() if callable(field.default) else field.default
        elif field.null:
            values[name] = None
    return values


def _prepared(model: type[Model], rows: Sequence[dict[str, Any]]) -> tuple[Any, str, list[str], list[list[Any]]]:
    """The connection, the column list, one parameter mark per column, and the converted rows."""
    meta = model._meta
    omitted = _omitted(model, set(rows[0]))
    if omitted:
        rows = [{**omitted, **row} for row in rows]
    names = list(rows[0])
    connection = model._choose_db(for_write=True)
    holder = SimpleNamespace()
    converters = [_converter(meta.fields_map[name], holder) for name in names]
    columns = ", ".join(f'"{meta.fields_db_projection[name]}"' for name in names)
    if connection.capabilities.dialect == "postgres":
        marks = [f"${i}" for i in range(1, len(names) + 1)]
    else:
        marks = ["?" for _ in names]
    values = [[convert(row[name]) for convert, name in zip(converters, names)] for row in rows]
    return connection, columns, marks, values


async def bulk_insert(model: type[Model], rows: Sequence[dict[str, Any]], *,
                      skip_existing: bool = False) -> None:
    """Insert ``rows`` (field name → value; every row with the same keys) in one statement batch,
    on the current transaction's connection. Left-out columns get their defaults. With
    ``skip_existing`` a row that hits a unique key is skipped (ON CONFLICT DO NOTHING)."""
    if not rows:
        return
    connection, columns, marks, values = _prepared(model, rows)
    sql = f'INSERT INTO "{model._meta.db_table}" ({columns}) VALUES ({", ".join(marks)})'
    if skip_existing:
        sql += " ON CONFLICT DO NOTHING"
    await connection.execute_many(sql, values)


async def insert_returning(model: type[Model], rows: Sequence[dict[str, Any]],
                           returning: Sequence[str], *, chunk: int = 500) -> list[dict[str, Any]]:
    """Insert ``rows`` with multi-row INSERTs and give back the ``returning`` columns of each
    inserted row (raw driver values; not necessarily in the order given)."""
    if not rows:
        return []
    connection, columns, marks, values = _prepared(model, rows)
    dialect = connection.capabilities.dialect
    wanted = ", ".join(f'"{model._meta.fields_db_projection[name]}"' for name in returning)
    found: list[dict[str, Any]] = []
    for start in range(0, len(values), chunk):
        part = values[start:start + chunk]
        if dialect == "postgres":
            width = len(marks)
            tuples = ", ".join(
                "(" + ", ".join(f"${i * width + j + 1}" for j in range(width)) + ")" for i in range(len(part))
            )
        else:
            tuples = ", ".join("(" + ", ".join(marks) + ")" for _ in part)
        sql = f'INSERT INTO "{model._meta.db_table}" ({columns}) VALUES {tuples} RETURNING {wanted}'
        found += await connection.execute_query_dict(sql, [value for row in part for value in row])
    return found


async def fetch_rows(query: Any) -> list[Any]:
    """Rows of a ``values(...)`` queryset (keyed by the requested names) as the driver returns them, without Tortoise's per-value
    conversion (SQLite gives decimals, dates and times as text). Tortoise still builds the SQL:
    joins, filters and parameters."""
    query._choose_db_if_not_chosen()
    query._make_query()
    sql, params = query.query.get_parameterized_sql()
    return list(await query._db.execute_query_dict(sql, params))
