"""A real uvicorn serving the app on a loopback port, and GraphQL websocket clients speaking
graphql-transport-ws and the older graphql-ws protocol, the way a browser's client library does."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
from collections.abc import AsyncIterator
from typing import Any

import httpx
import uvicorn
import websockets
from websockets.exceptions import ConnectionClosed

from tests.support.api import Api

TRANSPORT_WS = "graphql-transport-ws"
GRAPHQL_WS = "graphql-ws"
WAIT = 10.0  # seconds a test waits for something that must arrive


def free_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


class LiveServer:
    """The ASGI app under uvicorn in this event loop (so it shares the test's database set-up)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._socket = free_socket()
        self.port = self._socket.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, lifespan="off", log_level="warning",
                                                    ws_ping_interval=None))
        self._task: asyncio.Task[None] | None = None
        self.http = httpx.AsyncClient(base_url=f"http://127.0.0.1:{self.port}", timeout=WAIT)
        self.api = Api(self.http)

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    async def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self.server.serve(sockets=[self._socket]))
        while not self.server.started:
            if self._task.done():
                self._task.result()
            await asyncio.sleep(0.01)

    async def stop(self) -> None:
        await self.http.aclose()
        self.server.should_exit = True
        if self._task is not None:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(self._task, 5)
        self._socket.close()


class Closed(Exception):
    def __init__(self, code: int | None, reason: str) -> None:
        super().__init__(f"closed {code} {reason}")
        self.code, self.reason = code, reason


class WSClient:
    """One websocket connection; ``protocol`` is graphql-transport-ws or graphql-ws."""

    def __init__(self, url: str, protocol: str = TRANSPORT_WS) -> None:
        self.url = url
        self.protocol = protocol
        self.ws: Any = None
        self._ids = itertools.count(1)
        self.ack: dict[str, Any] | None = None

    async def connect(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        """Open and send connection_init; answers the first message (ack or error)."""
        self.ws = await websockets.connect(self.url, subprotocols=[self.protocol], open_timeout=WAIT)
        await self.send({"type": "connection_init", "payload": payload or {}})
        self.ack = await self.receive()
        return self.ack

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(json.dumps(message))

    async def receive(self, timeout: float = WAIT) -> dict[str, Any]:
        """The next message that is not a keep-alive; raises Closed when the server closes."""
        while True:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), timeout)
            except ConnectionClosed as exc:
                rcvd = exc.rcvd
                raise Closed(rcvd.code if rcvd else None, rcvd.reason if rcvd else "") from exc
            message = json.loads(raw)
            if message.get("type") in ("ka", "ping", "pong"):
                if message["type"] == "ping":
                    await self.send({"type": "pong"})
                continue
            return message

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        op_id = str(next(self._ids))
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        await self.send({"id": op_id, "type": kind, "payload": {"query": query, "variables": variables or {}}})
        return op_id

    async def next_data(self, op_id: str, timeout: float = WAIT) -> dict[str, Any]:
        """The data of the next result of ``op_id`` (other operations' messages are skipped)."""
        while True:
            message = await self.receive(timeout)
            if message.get("id") != op_id:
                continue
            if message["type"] in ("next", "data"):
                payload = message["payload"]
                assert not payload.get("errors"), payload["errors"]
                return payload["data"]
            raise AssertionError(f"expected data for {op_id}, got {message}")

    async def nothing_for(self, seconds: float) -> None:
        """Assert no message arrives for ``seconds`` (used only where silence is the behaviour)."""
        with contextlib.suppress(asyncio.TimeoutError):
            message = await self.receive(timeout=seconds)
            raise AssertionError(f"unexpected message {message}")

    async def wait_closed(self, timeout: float = WAIT) -> Closed:
        try:
            while True:
                await self.receive(timeout)
        except Closed as closed:
            return closed

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


@contextlib.asynccontextmanager
async def ws_client(server: LiveServer, token: str | None, protocol: str = TRANSPORT_WS
                    ) -> AsyncIterator[WSClient]:
    client = WSClient(server.ws_url, protocol)
    ack = await client.connect({"token": token} if token else {})
    assert ack["type"] == "connection_ack", ack
    try:
        yield client
    finally:
        await client.close()
