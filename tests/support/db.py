"""Test databases: a fresh SQLite file or PostgreSQL database per run, emptied between tests."""

from __future__ import annotations

import os
from typing import Any

from tortoise import Tortoise

from server import database

PG_ADMIN_URL = os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def backend() -> str:
    return os.environ.get("TEST_DATABASE", "sqlite")


def app_models() -> list[Any]:
    return [m for m in Tortoise.apps["models"].values() if m._meta.db_table != "aerich"]


async def empty_all_tables() -> None:
    """Empty every table but the reference lists, which the migrate step loads once."""
    models = [m for m in app_models() if not m._meta.db_table.startswith("ref_")]
    connection = Tortoise.get_connection("default")
    tables = [m._meta.db_table for m in models]
    if database.dialect_of(os.environ["CREDIT_BANK_TEST_DB_URL"]) == "postgres":
        quoted = ", ".join(f'"{t}"' for t in tables)
        await connection.execute_script(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE")
    else:
        await connection.execute_script(
            "PRAGMA foreign_keys = OFF;"
            + "".join(f'DELETE FROM "{t}";' for t in tables)
            + "DELETE FROM sqlite_sequence; PRAGMA foreign_keys = ON;"
        )


# A verification code's checks are counted before the compare (issue 13.4): a refused change that
# checked a code leaves that count one higher and nothing else.
CODE_CHECKS = {"verification_code": {"failed_attempts"}}


async def snapshot(*, ignore: tuple[str, ...] = (), ignore_columns: dict[str, set[str]] | None = None
                   ) -> dict[str, list[dict[str, Any]]]:
    """Every row of every table (but ``ignore``d tables and columns), to prove a refusal changed
    nothing."""
    state = {}
    for model in app_models():
        table = model._meta.db_table
        if table in ignore:
            continue
        rows = await model.all().order_by(model._meta.pk_attr).values()
        skip = (ignore_columns or {}).get(table, set())
        state[table] = [{k: v for k, v in row.items() if k not in skip} for row in rows] if skip else rows
    return state
