"""Shared set-up of the benchmarks: a fresh database (SQLite file, or PostgreSQL with
``--database postgres``), migrated, with the demo data, the real app and a logged-in client."""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("AERICH_NO_TORTOISE_V1_WARNING", "1")

import httpx  # noqa: E402
from tortoise import Tortoise  # noqa: E402

from server import database  # noqa: E402
from server.app import create_app  # noqa: E402
from server.demo import seed  # noqa: E402
from server.reference import load_reference_data  # noqa: E402
from server.security import Passwords  # noqa: E402
from server.settings import Settings  # noqa: E402

PG_ADMIN_URL = os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")


def arguments(description: str, **extra: Any) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--database", choices=["sqlite", "postgres"], default="sqlite")
    for name, default in extra.items():
        parser.add_argument(f"--{name.replace('_', '-')}", type=type(default), default=default)
    return parser.parse_args()


@dataclass
class Bench:
    client: httpx.AsyncClient
    app: Any
    token: str
    tmp: Path

    async def gql(self, query: str, variables: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}},
            headers={"Authorization": f"Bearer {self.token}"}, **kwargs,
        )
        body = response.json()
        assert not body.get("errors"), body["errors"]
        return body["data"]

    async def export_code(self) -> str:
        import re

        from models.outbox import OutboundMessage
        from models.verification import PhoneSendSlot

        await PhoneSendSlot.all().delete()
        await self.gql("mutation { sendVerificationCode(input: {purpose: EXPORT}) { errors { code } } }")
        message = await OutboundMessage.filter(recipient="13800000001").order_by("-id").first()
        assert message is not None
        found = re.search(r"\d{6}", message.body)
        assert found
        return found.group(0)


@asynccontextmanager
async def bench_app(database_kind: str) -> AsyncIterator[Bench]:
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        name = f"credit_bank_bench_{os.getpid()}"
        if database_kind == "postgres":
            url = await database.create_database(PG_ADMIN_URL, name)
        else:
            url = f"sqlite://{tmp}/bench.sqlite3"
        await database.init_orm(url)
        await database.upgrade(url)
        await load_reference_data()
        settings = Settings(database_url=url, secret_key="bench", demo=True, file_dir=tmp / "files",
                            argon2_time_cost=1, argon2_memory_kib=1024)
        await seed(Passwords(1, 1024))
        app = create_app(settings, manage_database=False)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench",
                                     timeout=600) as client:
            response = await client.post("/graphql", json={"query": 'mutation { login(input: {account: "4143010536", password: "Csust2021"}) { token } }'})
            token = response.json()["data"]["login"]["token"]
            try:
                yield Bench(client=client, app=app, token=token, tmp=tmp)
            finally:
                await app.state.services.background.drain()
                await Tortoise.close_connections()
                if database_kind == "postgres":
                    await database.drop_database(PG_ADMIN_URL, name)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Timer:
    def __enter__(self) -> Timer:
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds = time.perf_counter() - self.start
