"""Fixtures: the real app over a real database (SQLite file, or PostgreSQL with
TEST_DATABASE=postgres), real SMTP, SMS-gateway and identity-gateway peers on loopback."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import pytest_asyncio
from tortoise import Tortoise

from server import database
from server.app import create_app
from server.demo import seed
from server.reference import load_reference_data
from server.security import Passwords
from server.settings import Settings
from tests.support.api import Api
from tests.support.live import LiveServer
from tests.support.db import PG_ADMIN_URL, backend, empty_all_tables
from tests.support.services import IdentityGateway, SmsGateway, SmtpServer

os.environ.setdefault("AERICH_NO_TORTOISE_V1_WARNING", "1")
# Cheap argon2 parameters keep the suite fast; production keeps the library defaults.
TEST_ARGON2 = {"argon2_time_cost": 1, "argon2_memory_kib": 1024}


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    if backend() == "postgres":
        url = f"postgres://postgres@127.0.0.1:5432/credit_bank_test_{os.getpid()}"
    else:
        url = f"sqlite://{tmp_path_factory.mktemp('db')}/test.sqlite3"
    os.environ["CREDIT_BANK_TEST_DB_URL"] = url
    return url


@pytest_asyncio.fixture(scope="session")
async def migrated_database(db_url: str) -> AsyncIterator[str]:
    """The session's database, brought to the current schema by the real migrations."""
    name = db_url.rsplit("/", 1)[1]
    if backend() == "postgres":
        await database.create_database(PG_ADMIN_URL, name)
    await database.init_orm(db_url)
    await database.upgrade(db_url)
    await load_reference_data()
    yield db_url
    await Tortoise.close_connections()
    if backend() == "postgres":
        await database.drop_database(PG_ADMIN_URL, name)


@pytest_asyncio.fixture(autouse=True)
async def clean_database(migrated_database: str) -> AsyncIterator[None]:
    yield
    await empty_all_tables()


@pytest.fixture
def settings(migrated_database: str, tmp_path: Path) -> Settings:
    return Settings(
        database_url=migrated_database,
        secret_key="test-secret-key",
        demo=True,
        graphiql=True,
        introspection=True,
        file_dir=tmp_path / "files",
        **TEST_ARGON2,  # type: ignore[arg-type]
    )


@pytest_asyncio.fixture
async def make_api(settings: Settings) -> AsyncIterator[Callable[..., Any]]:
    """Build an app with changed settings and an Api bound to it."""
    clients: list[httpx.AsyncClient] = []
    apps: list[Any] = []

    async def build(**changes: Any) -> Api:
        app = create_app(settings.with_(**changes), manage_database=False)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver")
        clients.append(client)
        apps.append(app)
        api = Api(client)
        api.app = app  # type: ignore[attr-defined]
        return api

    yield build
    for app in apps:
        await app.state.services.background.drain()
        await app.state.services.broker.close()
        await app.state.services.limiter.close()
    for client in clients:
        await client.aclose()


@pytest_asyncio.fixture
async def api(make_api: Callable[..., Any]) -> Api:
    return await make_api()


@pytest_asyncio.fixture
async def from_address() -> AsyncIterator[Callable[[Api, str], Api]]:
    """``from_address(api, host)``: the same app, called by a client at another address."""
    clients: list[httpx.AsyncClient] = []

    def at(api: Api, host: str) -> Api:
        transport = httpx.ASGITransport(app=api.app, client=(host, 50000))  # type: ignore[attr-defined]
        client = httpx.AsyncClient(transport=transport, base_url="http://testserver")
        clients.append(client)
        other = Api(client)
        other.app = api.app  # type: ignore[attr-defined]
        return other

    yield at
    for client in clients:
        await client.aclose()


@pytest_asyncio.fixture
async def make_live_server(settings: Settings) -> AsyncIterator[Callable[..., Any]]:
    """Serve an app (settings changed by keyword) under a real uvicorn on a loopback port."""
    servers: list[LiveServer] = []

    async def build(**changes: Any) -> LiveServer:
        server = LiveServer(create_app(settings.with_(**changes), manage_database=False))
        await server.start()
        servers.append(server)
        return server

    yield build
    for server in servers:
        await server.stop()
        await server.app.state.services.background.drain()
        await server.app.state.services.broker.close()
        await server.app.state.services.limiter.close()


@pytest_asyncio.fixture
async def live_server(make_live_server: Callable[..., Any]) -> LiveServer:
    return await make_live_server()


@pytest_asyncio.fixture
async def demo(settings: Settings) -> None:
    """The manual's provinces, schools and accounts (the same data `make run` loads)."""
    await seed(Passwords(settings.argon2_time_cost, settings.argon2_memory_kib))


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sms_gateway() -> Iterator[SmsGateway]:
    gateway = SmsGateway()
    gateway.start()
    yield gateway
    gateway.stop()


@pytest.fixture
def identity_gateway() -> Iterator[IdentityGateway]:
    gateway = IdentityGateway()
    gateway.start()
    yield gateway
    gateway.stop()
