"""A real uvicorn serving the app on a loopback port, and GraphQL websocket clients speaking
graphql-transport-ws and the older graphql-ws protocol, the way a browser's client library does.
(Processes of their own, ``redis-server`` and uvicorn workers, are in ``tests.support.processes``.)"""

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
    """One websocket connection; ``protocol`` is graphql-transport-ws or graphql-ws.

    ``slow=True`` makes a client that does not read until asked to: a tiny kernel receive
    buffer and a one-frame library queue, so what the server sends piles up on the server's
    side of the connection instead of in this process."""

    def __init__(self, url: str, protocol: str = TRANSPORT_WS, *, slow: bool = False) -> None:
        self.url = url
        self.protocol = protocol
        self.slow = slow
        self.ws: Any = None
        self._ids = itertools.count(1)
        self.ack: dict[str, Any] | None = None
        # Messages of other operations read while waiting for one operation's, kept in order.
        self.pending: list[dict[str, Any]] = []

    async def open(self) -> None:
        """Open the websocket without sending connection_init."""
        options: dict[str, Any] = {}
        if self.slow:
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
            sock.setblocking(False)
            host, port = self.url.split("//", 1)[1].split("/", 1)[0].rsplit(":", 1)
            await asyncio.get_running_loop().sock_connect(sock, (host, int(port)))
            # No compression: what the server sends takes its full size in the buffers.
            options = {"sock": sock, "max_queue": 1, "compression": None}
        self.ws = await websockets.connect(self.url, subprotocols=[self.protocol], open_timeout=WAIT,
                                           **options)

    async def connect(self, payload: dict[str, Any] | None = None) -> dict[str, Any]:
        """Open and send connection_init; answers the first message (ack or error)."""
        if self.ws is None:
            await self.open()
        await self.send({"type": "connection_init", "payload": payload or {}})
        self.ack = await self.receive()
        return self.ack

    async def send(self, message: dict[str, Any]) -> None:
        try:
            await self.ws.send(json.dumps(message))
        except ConnectionClosed as exc:
            rcvd = exc.rcvd
            raise Closed(rcvd.code if rcvd else None, rcvd.reason if rcvd else "") from exc

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

    async def stop(self, op_id: str) -> None:
        """End one operation (graphql-transport-ws ``complete``, graphql-ws ``stop``)."""
        await self.send({"id": op_id, "type": "complete" if self.protocol == TRANSPORT_WS else "stop"})

    async def next_message(self, op_id: str, timeout: float = WAIT) -> dict[str, Any]:
        """The next message of ``op_id``, whatever its type; other operations' messages read
        meanwhile are kept for their own ``next_message``/``next_data``."""
        for index, message in enumerate(self.pending):
            if message.get("id") == op_id:
                return self.pending.pop(index)
        while True:
            message = await self.receive(timeout)
            if message.get("id") == op_id:
                return message
            self.pending.append(message)

    async def execute(self, query: str, variables: dict[str, Any] | None = None,
                      timeout: float = WAIT) -> list[dict[str, Any]]:
        """Run one operation to its end; answers all its messages (the last is complete or error)."""
        op_id = await self.subscribe(query, variables)
        messages = []
        while True:
            message = await self.next_message(op_id, timeout)
            messages.append(message)
            if message["type"] in ("complete", "error"):
                return messages

    async def next_data(self, op_id: str, timeout: float = WAIT) -> dict[str, Any]:
        """The data of the next result of ``op_id`` (other operations' messages are kept)."""
        while True:
            message = await self.next_message(op_id, timeout)
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
async def ws_client(server: LiveServer, token: str | None, protocol: str = TRANSPORT_WS, *,
                    slow: bool = False) -> AsyncIterator[WSClient]:
    client = WSClient(server.ws_url, protocol, slow=slow)
    ack = await client.connect({"token": token} if token else {})
    assert ack["type"] == "connection_ack", ack
    try:
        yield client
    finally:
        await client.close()


class TcpProxy:
    """A loopback TCP relay to ``port`` whose link a test can cut (every connection dropped and
    new ones refused until ``restore``)."""

    def __init__(self, port: int) -> None:
        self.target = port
        self.port = 0
        self._server: asyncio.base_events.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()
        self.cut_off = False

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port)
        self.port = self._server.sockets[0].getsockname()[1]

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.cut_off:
            writer.close()
            return
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            with contextlib.suppress(OSError, asyncio.CancelledError):
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            sink.close()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers -= {writer, up_writer}

    def cut(self) -> None:
        self.cut_off = True
        for writer in list(self._writers):
            writer.transport.abort()

    def restore(self) -> None:
        self.cut_off = False

    async def stop(self) -> None:
        self.cut()
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 2)
