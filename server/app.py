"""The ASGI application: GraphQL over HTTP and websockets, the offline GraphiQL, file downloads."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import timedelta

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from tortoise import Tortoise

from resolvers.imports import settle_interrupted
from server import database
from server.files import download
from server.csrf import PREFLIGHT_HEADERS
from server.limits import BodySizeLimit
from server.observability import RequestId, configure_logging, healthz, metrics, readyz
from server.reference import load_reference_data
from server.services import Services
from server.settings import Settings
from server.view import STATIC, GraphQLApp

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None, *, manage_database: bool = True) -> Starlette:
    """Build the app. ``manage_database=False`` when the caller (tests) owns the ORM set-up."""
    settings = settings or Settings.from_env()
    settings.check()
    if settings.log_json:
        configure_logging(json_logs=True)
    services = Services.build(settings)
    graphql = GraphQLApp(services)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if manage_database:
            await database.init_orm(settings.database_url)
            if database.dialect_of(settings.database_url) == "sqlite":
                # The single-process demo migrates itself; production runs `migrate` once.
                await database.upgrade(settings.database_url)
                await load_reference_data()
        services.broker.start()
        if manage_database:
            await settle_interrupted(None, at_startup=True,
                                     older_than=timedelta(seconds=settings.import_settle_seconds))
        try:
            yield
        finally:
            await services.background.drain()
            await services.broker.close()
            await services.limiter.close()
            if manage_database:
                await Tortoise.close_connections()

    middleware = []
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type", *PREFLIGHT_HEADERS],
            )
        )
    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Mount("/graphiql/static", StaticFiles(directory=STATIC / "graphiql"), name="graphiql"),
            Route("/files/{key:path}", download),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics),
        ],
        middleware=[Middleware(RequestId), Middleware(BodySizeLimit, max_body=settings.max_body_bytes,
                               max_upload=settings.max_upload_bytes), *middleware],
        lifespan=lifespan,
    )
    app.state.services = services
    return app
