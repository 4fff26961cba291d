"""Backups (issue 9): ops/backup.sh dumps the live database, ops/restore.sh restores it into a
new one, and every row of every table is there."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import asyncpg
import pytest

from server import database
from tests.support.applications import apply, review, scene
from tests.support.db import PG_ADMIN_URL, app_models, backend

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(backend() != "postgres", reason="pg_dump backups: PostgreSQL only")


async def run(*command: str) -> str:
    process = await asyncio.create_subprocess_exec(
        *command, cwd=ROOT, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, f"{command[0]} failed: {err.decode()}"
    return out.decode()


async def fingerprint(url: str) -> dict[str, tuple[int, str]]:
    """Per table (the migrations' own table too): row count and an MD5 over every row's text."""
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        found = {}
        for table in [m._meta.db_table for m in app_models()] + ["aerich"]:
            found[table] = tuple(await connection.fetchrow(
                f'SELECT count(*), coalesce(md5(string_agg(t::text, \',\' ORDER BY t::text)), \'\') FROM "{table}" t'))
        return found
    finally:
        await connection.close()


async def test_backup_restores_every_row_into_a_new_database(api, demo, tmp_path):
    made = await scene(api)
    sent = await apply(api, made.hnu, made.rule["id"], made.ids(0, 1, 2))
    await review(api, made.csust, "PASSED", ids=[a["id"] for a in sent["applications"]])

    source = os.environ["CREDIT_BANK_TEST_DB_URL"]
    dump = tmp_path / "backups" / "credit_bank.dump"
    await run("ops/backup.sh", source, str(dump))
    restored_name = source.rsplit("/", 1)[1] + "_restored"
    restored = await database.create_database(PG_ADMIN_URL, restored_name)
    try:
        await run("ops/restore.sh", str(dump), restored)
        before, after = await fingerprint(source), await fingerprint(restored)
        assert after == before
        assert before["conversion_result"][0] > 0 and before["learner_achievement"][0] > 0
        assert before["message"][0] > 0 and before["aerich"][0] > 0
    finally:
        await database.drop_database(PG_ADMIN_URL, restored_name)
