"""The committed migrations and the models agree, on the test run's database engine.

Each migration set (``migrations/sqlite``, ``migrations/postgres``) must bring an empty
database to exactly the schema the models describe, and aerich must find nothing to migrate.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path
from typing import Any

import asyncpg

from server import database
from tests.support.db import PG_ADMIN_URL, backend

ROOT = Path(__file__).resolve().parent.parent


async def _build(url: str, mode: str) -> dict[str, Any]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "tests" / "support" / "schema_snapshot.py"), url, mode,
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "AERICH_NO_TORTOISE_V1_WARNING": "1"},
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), 180)
    except asyncio.TimeoutError:
        process.kill()
        out, err = await process.communicate()
        raise AssertionError(f"{mode} did not finish: {err.decode()[-3000:]}") from None
    assert process.returncode == 0, err.decode()
    return json.loads(out.decode().strip().splitlines()[-1])


async def test_d4_aerich_migrations_build_exactly_the_models_schema(tmp_path: Path) -> None:
    names = [f"credit_bank_migration_{mode}_{os.getpid()}" for mode in ("migrate", "generate")]
    if backend() == "postgres":
        urls = [await database.create_database(PG_ADMIN_URL, name) for name in names]
    else:
        urls = [f"sqlite://{tmp_path}/{name}.sqlite3" for name in names]
    try:
        migrated = await _build(urls[0], "migrate")
        generated = await _build(urls[1], "generate")
    finally:
        if backend() == "postgres":
            for name in names:
                await database.drop_database(PG_ADMIN_URL, name)
    assert migrated["applied"], "no migration was applied to the empty database"
    assert migrated["pending"] == [], "models changed without a migration: run `make migrations`"
    assert migrated["schema"] == generated["schema"]
    assert "account" in migrated["schema"] and "audit_log" in migrated["schema"]


def test_each_dialect_has_its_own_migration_set() -> None:
    for dialect in ("sqlite", "postgres"):
        files = sorted((ROOT / "migrations" / dialect / "models").glob("*.py"))
        assert files, dialect
    sqlite_sql = next((ROOT / "migrations" / "sqlite" / "models").glob("0_*.py")).read_text()
    postgres_sql = next((ROOT / "migrations" / "postgres" / "models").glob("0_*.py")).read_text()
    assert "AUTOINCREMENT" in sqlite_sql and "AUTOINCREMENT" not in postgres_sql


async def _migrate_from(url: str, location: Path) -> list[str]:
    """Apply the migrations under ``location`` in a process of its own."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "tests" / "support" / "migrate_from.py"), url, str(location),
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT), "AERICH_NO_TORTOISE_V1_WARNING": "1"},
        stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), 180)
    assert process.returncode == 0, err.decode()[-3000:]
    return json.loads(out.decode().strip().splitlines()[-1])


# Accounts as an older version stored them: (username, kind, modules as stored).
OLD_ACCOUNTS = [
    ("teacher_all", "INSTITUTION_USER", "[]"),           # [] then meant every module
    ("teacher_limited", "INSTITUTION_USER", '["MESSAGES", "ACHIEVEMENTS"]'),
    ("main_account", "INSTITUTION_ADMIN", "[]"),
    ("a_learner", "LEARNER", "[]"),
]


async def _old_rows(url: str, statement: str, rows: list[tuple[Any, ...]] | None = None) -> list[tuple[Any, ...]]:
    """Run one statement on the database without the ORM (the models are ahead of its schema)."""
    if backend() == "postgres":
        connection = await asyncpg.connect(url)
        try:
            if rows is not None:
                for n in range(1, statement.count("?") + 1):
                    statement = statement.replace("?", f"${n}", 1)
                await connection.executemany(statement, rows)
                return []
            return [tuple(r) for r in await connection.fetch(statement)]
        finally:
            await connection.close()
    with sqlite3.connect(url.removeprefix("sqlite://")) as connection:
        if rows is not None:
            connection.executemany(statement, rows)
            return []
        return connection.execute(statement).fetchall()


async def test_b9_the_all_modules_migration_keeps_each_sub_users_access(tmp_path: Path) -> None:
    """Before issue 14 a sub-user stored with ``modules = []`` used every module; the migration that
    makes "all modules" explicit turns exactly those sub-users into ``all_modules`` and leaves a
    sub-user limited to some modules limited to them."""
    location = ROOT / "migrations" / backend()
    files = sorted((location / "models").glob("*.py"), key=lambda f: int(f.name.split("_")[0]))
    adding = next(n for n, f in enumerate(files) if 'ADD "all_modules"' in f.read_text())
    earlier = tmp_path / "earlier"
    (earlier / "models").mkdir(parents=True)
    for migration in files[:adding]:
        shutil.copy(migration, earlier / "models" / migration.name)
    name = f"credit_bank_data_migration_{os.getpid()}"
    url = (await database.create_database(PG_ADMIN_URL, name) if backend() == "postgres"
           else f"sqlite://{tmp_path}/{name}.sqlite3")
    try:
        assert len(await _migrate_from(url, earlier)) == adding
        await _old_rows(url, (
            "INSERT INTO account (created_at, updated_at, username, password_hash, kind, status, name, phone, "
            "email, notify_by_email, modules, must_change_password, synced_from) VALUES "
            "(CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, '!', ?, 'ACTIVE', '', '', '', FALSE, "
            + ("CAST(? AS JSONB)" if backend() == "postgres" else "?") + ", FALSE, '')"
        ), [(username, kind, modules) for username, kind, modules in OLD_ACCOUNTS])
        assert [Path(v).name for v in await _migrate_from(url, location)][:1] == [files[adding].name]
        after = {username: (bool(everything), json.loads(modules) if isinstance(modules, str) else modules)
                 for username, everything, modules in await _old_rows(
                     url, "SELECT username, all_modules, modules FROM account")}
    finally:
        if backend() == "postgres":
            await database.drop_database(PG_ADMIN_URL, name)
    assert after == {
        "teacher_all": (True, []),
        "teacher_limited": (False, ["MESSAGES", "ACHIEVEMENTS"]),
        "main_account": (False, []),   # a main account uses every module whatever is stored
        "a_learner": (False, []),
    }
