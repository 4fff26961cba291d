"""The committed migrations and the models agree, on the test run's database engine.

Each migration set (``migrations/sqlite``, ``migrations/postgres``) must bring an empty
database to exactly the schema the models describe, and aerich must find nothing to migrate.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

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
