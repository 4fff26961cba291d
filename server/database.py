"""Tortoise configuration, and aerich migrations kept per SQL dialect.

aerich writes each migration as the SQL of the database it was generated on, so the project keeps
one migration set per dialect (``migrations/sqlite/``, ``migrations/postgres/``), both generated
from the same models by ``make migrations``; a test proves each brings an empty database to exactly
the models' schema.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from tortoise import Tortoise

ROOT = Path(__file__).resolve().parent.parent
MIGRATIONS = ROOT / "migrations"
APP = "models"


def dialect_of(db_url: str) -> str:
    scheme = db_url.split(":", 1)[0]
    if scheme in {"postgres", "postgresql", "asyncpg", "psycopg"}:
        return "postgres"
    if scheme == "sqlite":
        return "sqlite"
    raise ValueError(f"unsupported database URL scheme: {scheme}")


def tortoise_config(db_url: str, *, with_aerich: bool = True) -> dict[str, Any]:
    models = ["models", "aerich.models"] if with_aerich else ["models"]
    connection: Any = db_url
    if dialect_of(db_url) == "postgres":
        parts = urlsplit(db_url)
        connection = {
            "engine": "tortoise.backends.asyncpg",
            "credentials": {
                "host": parts.hostname or "127.0.0.1",
                "port": parts.port or 5432,
                "user": parts.username or "postgres",
                "password": parts.password or "",
                "database": parts.path.lstrip("/") or "postgres",
                "minsize": 1,
                "maxsize": int(os.environ.get("DB_POOL_SIZE", "10")),
                # asyncpg prepares statements; after five runs PostgreSQL would keep a generic
                # plan made without the search value, and a short name pattern then turned the
                # trigram index into a full recheck (12 ms became 900 ms at national scale).
                "server_settings": {"plan_cache_mode": "force_custom_plan"},
            },
        }
    return {
        "connections": {"default": connection},
        "apps": {APP: {"models": models, "default_connection": "default"}},
        "use_tz": True,
        "timezone": "UTC",
    }


def migrations_dir(db_url: str) -> Path:
    return MIGRATIONS / dialect_of(db_url)


def _ensure_sqlite_dir(db_url: str) -> None:
    if dialect_of(db_url) == "sqlite":
        path = db_url.removeprefix("sqlite://")
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)


async def init_orm(db_url: str, *, global_fallback: bool = True) -> None:
    _ensure_sqlite_dir(db_url)
    await Tortoise.init(config=tortoise_config(db_url), _enable_global_fallback=global_fallback)


async def upgrade(db_url: str) -> list[str]:
    """Apply the pending migrations of the database's dialect; Tortoise must be initialised."""
    from aerich import Command

    command = Command(tortoise_config(db_url), app=APP, location=str(migrations_dir(db_url)))
    await command.init()
    return await command.upgrade(run_in_transaction=True)


async def pending_changes(db_url: str) -> list[str]:
    """SQL aerich would write for a new migration: empty when models and migrations agree."""
    from aerich import Command
    from aerich.migrate import Migrate
    from aerich.utils import get_models_describe

    command = Command(tortoise_config(db_url), app=APP, location=str(migrations_dir(db_url)))
    await command.init()
    Migrate.upgrade_operators.clear()
    Migrate.downgrade_operators.clear()
    new = get_models_describe(APP)
    old = Migrate._last_version_content or {}
    Migrate.diff_models(old, new, no_input=True)
    Migrate.diff_models(new, old, False, no_input=True)
    Migrate._merge_operators()
    changes = list(Migrate.upgrade_operators)
    Migrate.upgrade_operators.clear()
    Migrate.downgrade_operators.clear()
    return changes


async def migrate(db_url: str) -> list[str]:
    """Bring the database to the current schema and reference data (the CLI's ``migrate``)."""
    from server.reference import load_reference_data

    await init_orm(db_url, global_fallback=False)
    try:
        applied = await upgrade(db_url)
        await load_reference_data()
        return applied
    finally:
        await Tortoise.close_connections()


async def make_migrations(name: str, dialect: str, postgres_admin_url: str) -> list[Path]:
    """Write a new migration for one dialect from the current models.

    The set is generated against a scratch database that first receives the existing migrations
    of that set, so the new file holds exactly the difference. Tortoise caches dialect-specific
    query builders on the model classes, so each dialect runs in its own process (the CLI does).
    """
    from aerich import Command

    location = MIGRATIONS / dialect
    before = set((location / APP).glob("*.py")) if (location / APP).exists() else set()
    with tempfile.TemporaryDirectory() as tmp:
        scratch = f"credit_bank_makemigrations_{os.getpid()}"
        if dialect == "postgres":
            url = await create_database(postgres_admin_url, scratch)
        else:
            url = f"sqlite://{tmp}/scratch.sqlite3"
        try:
            command = Command(tortoise_config(url), app=APP, location=str(location))
            if not before:
                await command.init_db(safe=True)
            else:
                await command.init()
                await command.upgrade()
                await command.init()  # re-read the last applied version's model state
                await command.migrate(name, no_input=True)
            await Tortoise.close_connections()
        finally:
            if dialect == "postgres":
                await drop_database(postgres_admin_url, scratch)
    return sorted(set((location / APP).glob("*.py")) - before)


def _with_database(url: str, database: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + database, parts.query, parts.fragment))


async def create_database(admin_url: str, name: str) -> str:
    import asyncpg

    conn = await asyncpg.connect(_with_database(admin_url, "postgres").replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return _with_database(admin_url, name)


async def drop_database(admin_url: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(_with_database(admin_url, "postgres").replace("postgres://", "postgresql://", 1))
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


# The aerich CLI reads this (pyproject [tool.aerich]); the project's own commands pass URLs.
AERICH_CONFIG = tortoise_config(os.environ.get("DATABASE_URL", "sqlite://data/credit_bank.sqlite3"))
