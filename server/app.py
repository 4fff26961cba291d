"""The ASGI application: GraphQL over HTTP and websockets, the offline GraphiQL, file downloads."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route, WebSocketRoute
from starlette.staticfiles import StaticFiles
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UNSET
from tortoise import Tortoise

from schema import build_schema
from server import database
from server.context import Context, bearer_token
from server.files import download
from server.reference import load_reference_data
from server.services import Services
from server.settings import Settings

STATIC = Path(__file__).with_name("static")
log = logging.getLogger(__name__)


class GraphQLApp(GraphQL):
    """Strawberry's ASGI view with our context, our offline IDE page and UTF-8 JSON."""

    def __init__(self, services: Services) -> None:
        settings = services.settings
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql" if settings.graphiql else None,
            multipart_uploads_enabled=True,
            allowed_origins=settings.cors_origins,
            max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
        )
        self.services = services
        self._ide_html = (STATIC / "graphiql" / "index.html").read_text(encoding="utf-8")

    async def get_context(self, request: HTTPConnection, response: Any) -> Context:
        context = Context(request=request, response=response, services=self.services)
        await context.authenticate(bearer_token(request))
        return context

    async def on_ws_connect(self, context: Context) -> Any:
        """The token comes in connection_init (browsers cannot set websocket headers): as
        ``token``/``authToken``, or ``Authorization: Bearer …``; a header works too."""
        params = context.connection_params or {}
        token = params.get("token") or params.get("authToken")
        authorization = params.get("Authorization") or params.get("authorization")
        if not token and isinstance(authorization, str):
            scheme, _, value = authorization.partition(" ")
            token = value.strip() if scheme.lower() == "bearer" else None
        if isinstance(token, str) and token:
            context.session, context.token_rejected = None, False
            await context.authenticate(token)
        if context.session is None or context.account is None or context.account.must_change_password:
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED", "message": "请先登录"})
        return UNSET

    async def run(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        try:
            return await super().run(request, *args, **kwargs)
        finally:
            # Strawberry reads multipart forms but never closes their uploaded files.
            if isinstance(request, Request):
                await request.close()

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(self._ide_html)

    def encode_json(self, data: object) -> str:
        # Chinese text as UTF-8, not \\uXXXX escapes (half the bytes on the wire).
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def create_app(settings: Settings | None = None, *, manage_database: bool = True) -> Starlette:
    """Build the app. ``manage_database=False`` when the caller (tests) owns the ORM set-up."""
    settings = settings or Settings.from_env()
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
        try:
            yield
        finally:
            await services.background.drain()
            await services.broker.close()
            if manage_database:
                await Tortoise.close_connections()

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    middleware = []
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type"],
            )
        )
    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Mount("/graphiql/static", StaticFiles(directory=STATIC / "graphiql"), name="graphiql"),
            Route("/files/{key:path}", download),
            Route("/healthz", healthz),
        ],
        middleware=middleware,
        lifespan=lifespan,
    )
    app.state.services = services
    return app
