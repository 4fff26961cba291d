"""Faults a production worker must survive (issue 9): a worker killed in the middle of an
import, and PostgreSQL restarted under load. (Redis going away: tests/message/; a full file
storage: test_disk_full.py.) These run in CI's PostgreSQL pass."""

from __future__ import annotations

import asyncio
import os
from collections import Counter

import httpx
import pytest

from models.imports import ImportJob, ImportStatus
from models.learner import Learner
from models.message import Message, MessageKind
from resolvers.imports import INTERRUPTED
from server import database
from tests.support.db import backend
from tests.support.flows import CSUST, login
from tests.support.learners import fill_template, learner_template, resident_id
from tests.support.pg_instance import PrivatePostgres
from tests.support.processes import AppProcess, app_env, run_cli

pytestmark = pytest.mark.skipif(backend() != "postgres", reason="worker faults are proven on PostgreSQL")

IMPORT = """mutation($input: ImportLearnersInput!) { importLearners(input: $input) {
  importedCount errors { code } } }"""
IMPORTS = "{ learnerImports(first: 5) { nodes { status error importedCount } } }"
PROVINCES = {"query": "query Provinces { provinces { code } }"}


async def _post_import(url: str, token: str, content: bytes) -> None:
    import json

    async with httpx.AsyncClient(base_url=url, timeout=120) as client:
        await client.post("/graphql", headers={"Authorization": f"Bearer {token}",
                                               "Apollo-Require-Preflight": "true"}, data={
            "operations": json.dumps({"query": IMPORT, "variables": {"input": {"file": None}}}),
            "map": json.dumps({"0": ["variables.input.file"]}),
        }, files={"0": ("学员.xlsx", content, "application/octet-stream")})


async def test_worker_killed_mid_import_stores_nothing_and_says_so(make_api, demo):
    api = await make_api(import_settle_seconds=0)
    token = await login(api, *CSUST)
    rows = [[f"学员{i}", resident_id(i % 900 + 1, born=f"19{80 + i // 9000:02d}0{1 + i // 900 % 9}15")]
            for i in range(60_000)]
    content = fill_template(await learner_template(api, token), rows)
    env = app_env(os.environ["CREDIT_BANK_TEST_DB_URL"], DEMO="1", IMPORT_SETTLE_SECONDS="0")
    worker = AppProcess(env, name="server")
    await worker.start()
    upload = asyncio.ensure_future(_post_import(worker.url, token, content))
    try:
        for _ in range(600):  # the job row appears when the file is stored and the rows start
            if await ImportJob.exists(status=ImportStatus.RUNNING):
                break
            await asyncio.sleep(0.05)
        else:
            raise AssertionError(f"the import never started: {worker.output()}")
        await asyncio.sleep(1.0)  # well into the rows, long before 60,000 are stored
        worker.kill()
    finally:
        upload.cancel()
        await asyncio.gather(upload, return_exceptions=True)
        worker.stop()

    job = await ImportJob.get(status=ImportStatus.RUNNING)
    assert await Learner.all().count() == 0, "a killed import must not be half-stored"

    # The next worker (or the next look at the import records) settles it: failed, nothing stored.
    records = (await api(IMPORTS, token=token)).data["learnerImports"]["nodes"]
    settled = await ImportJob.get(id=job.id)
    assert (settled.status, settled.error) == (ImportStatus.FAILED, INTERRUPTED)
    assert records[0] == {"status": "FAILED", "error": INTERRUPTED, "importedCount": 0}
    told = await Message.get(account_id=job.operator_id, kind=MessageKind.IMPORT_FAILED)
    assert "导入失败" in told.title and told.body == INTERRUPTED



async def test_postgresql_restart_under_load_fails_cleanly_and_recovers():
    if why := PrivatePostgres.available():
        pytest.skip(why)
    server = PrivatePostgres()
    server.init()
    server.start()
    worker = None
    try:
        url = await database.create_database(server.admin_url, "credit_bank")
        env = app_env(url, DEMO="1")
        await run_cli(env, "migrate")
        await run_cli(env, "seed-demo")
        worker = AppProcess(env, name="server")
        await worker.start()
        pid = worker.process.pid  # type: ignore[union-attr]
        seen: Counter[str] = Counter()
        stop = asyncio.Event()

        async def client() -> None:
            async with httpx.AsyncClient(base_url=worker.url, timeout=10) as http:  # type: ignore[union-attr]
                while not stop.is_set():
                    response = await http.post("/graphql", json=PROVINCES)
                    assert response.status_code == 200, response.text
                    body = response.json()
                    if body.get("data") and body["data"]["provinces"]:
                        seen["ok"] += 1
                    else:
                        codes = [e["extensions"]["code"] for e in body["errors"]]
                        assert codes == ["SERVICE_UNAVAILABLE"], body
                        assert "数据库暂时不可用" in body["errors"][0]["message"]
                        seen["unavailable"] += 1

        load = [asyncio.ensure_future(client()) for _ in range(6)]
        await asyncio.sleep(1.0)
        server.stop()
        async with httpx.AsyncClient(base_url=worker.url) as http:
            for _ in range(100):
                if seen["unavailable"]:
                    break
                await asyncio.sleep(0.05)
            ready = await http.get("/readyz")
            assert ready.status_code == 503 and ready.json()["checks"]["database"].startswith("error")
            ok_before_restart = seen["ok"]
            server.start()
            for _ in range(200):  # recovers by itself: no restart of the service
                if seen["ok"] > ok_before_restart + 20:
                    break
                await asyncio.sleep(0.05)
            assert (await http.get("/readyz")).status_code == 200
        stop.set()
        await asyncio.gather(*load)
        assert seen["unavailable"] > 0 and seen["ok"] > ok_before_restart + 20, seen
        assert worker.alive and worker.process.pid == pid  # type: ignore[union-attr]
    finally:
        if worker is not None:
            worker.stop()
        server.destroy()
