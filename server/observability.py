"""What operators see: a request ID on every request and log line, JSON logs, Prometheus metrics,
and the health (process up) and readiness (database and Redis reachable) endpoints."""

from __future__ import annotations

import contextvars
import hmac
import json
import logging
import os
import time
import uuid
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
)
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from tortoise import Tortoise

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# --- metrics (one set per process; with several workers set PROMETHEUS_MULTIPROC_DIR) -------

REQUESTS = Counter("graphql_requests_total", "GraphQL HTTP requests by operation and outcome",
                   ["operation", "outcome"])
LATENCY = Histogram("graphql_request_seconds", "GraphQL HTTP request latency by operation", ["operation"],
                    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))
SUBSCRIPTIONS = Gauge("graphql_subscriptions", "Open subscriptions in this process",
                      multiprocess_mode="livesum")
DB_POOL = Gauge("db_pool_connections", "Database pool connections of this process by state", ["state"],
                multiprocess_mode="livesum")


def observe_request(operation: str, outcome: str, seconds: float) -> None:
    operation = operation[:64] or "anonymous"
    REQUESTS.labels(operation, outcome).inc()
    LATENCY.labels(operation).observe(seconds)


def _pool_sizes() -> tuple[int, int]:
    """(in use, idle) of the default connection's pool; SQLite has one connection, no pool."""
    try:
        connection = Tortoise.get_connection("default")
    except Exception:  # noqa: BLE001 - not initialised yet
        return 0, 0
    pool = getattr(connection, "_pool", None)
    if pool is None or not hasattr(pool, "get_size"):
        return (1, 0) if getattr(connection, "_connection", None) is not None else (0, 0)
    size, idle = pool.get_size(), pool.get_idle_size()
    return size - idle, idle


def _scraper(request: Request, token: str) -> bool:
    """The request carries ``Authorization: Bearer <METRICS_TOKEN>``."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


async def metrics(request: Request) -> Response:
    """Prometheus metrics, for the scraper holding METRICS_TOKEN only: operation names, error rates
    and pool sizes tell an attacker what works. Without a configured token the route is off."""
    services = request.app.state.services
    token = services.settings.metrics_token
    if not token:
        return Response("Not Found", status_code=404, media_type="text/plain")
    if not _scraper(request, token):
        return Response("Unauthorized", status_code=401, media_type="text/plain",
                        headers={"WWW-Authenticate": 'Bearer realm="metrics"'})
    SUBSCRIPTIONS.set(services.broker.subscriber_count)
    in_use, idle = _pool_sizes()
    DB_POOL.labels("in_use").set(in_use)
    DB_POOL.labels("idle").set(idle)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)


# --- health ----------------------------------------------------------------------------------

async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Ready when the database answers and, if configured, Redis does."""
    checks: dict[str, str] = {}
    try:
        await Tortoise.get_connection("default").execute_query("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        checks["database"] = f"error: {type(exc).__name__}"
    settings = request.app.state.services.settings
    if settings.redis_url:
        from redis import asyncio as redis

        client = redis.Redis.from_url(settings.redis_url, socket_connect_timeout=1, socket_timeout=1)
        try:
            await client.ping()
            checks["redis"] = "ok"
        except Exception as exc:  # noqa: BLE001
            checks["redis"] = f"error: {type(exc).__name__}"
        finally:
            await client.aclose()
    ready = all(value == "ok" for value in checks.values())
    return JSONResponse({"status": "ok" if ready else "unavailable", "checks": checks},
                        status_code=200 if ready else 503)


# --- request IDs and logs --------------------------------------------------------------------

class RequestId:
    """Take ``X-Request-ID`` from the caller (a load balancer) or make one; log lines and the
    response carry it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        given = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")[:64]
        value = given if given.replace("-", "").isalnum() else uuid.uuid4().hex
        token = request_id.set(value)

        async def with_header(message: Message) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", value.encode())]
            await send(message)

        try:
            await self.app(scope, receive, with_header)
        finally:
            request_id.reset(token)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
                    + f".{int(record.msecs):03d}Z",
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if rid := request_id.get():
            entry["request_id"] = rid
        if fields := getattr(record, "fields", None):
            entry.update(fields)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def configure_logging(json_logs: bool, level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter() if json_logs else logging.Formatter(
        "%(asctime)s %(levelname)s %(name)s %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
