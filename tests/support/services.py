"""Real outside peers on loopback: an SMTP server (aiosmtpd), an HTTP SMS gateway and an HTTP
real-name (identity) verification service."""

from __future__ import annotations

import json
import socket
import threading
import time
from email import message_from_bytes
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class MailInbox:
    """An aiosmtpd handler keeping every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[Message] = []
        self.refuse = False

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.refuse:
            return "554 5.7.1 refused by test"
        self.messages.append(message_from_bytes(envelope.content))
        return "250 OK"

    def wait_for(self, count: int = 1, timeout: float = 10.0) -> list[Message]:
        deadline = time.monotonic() + timeout
        while len(self.messages) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return self.messages


class SmtpServer:
    def __init__(self) -> None:
        self.inbox = MailInbox()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())

    def start(self) -> None:
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.controller.port}"


class SmsGateway:
    """A local HTTP server standing in for an SMS provider; it can be told to fail."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.status = 200
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                length = int(self.headers.get("content-length", "0"))
                gateway.received.append(json.loads(self.rfile.read(length)))
                self.send_response(gateway.status)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}')

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/send"


class IdentityGateway:
    """A local HTTP server standing in for a real-name verification service (the carriers'
    three-factor check): it answers MATCH for the (name, ID number, phone) triples in ``people``
    and MISMATCH for any other. It can be told to answer with another status or body, or not to
    answer at all until it is stopped."""

    def __init__(self) -> None:
        self.people: set[tuple[str, str, str]] = set()
        self.received: list[dict[str, Any]] = []
        self.status = 200
        self.body: bytes | None = None
        self.answering = threading.Event()
        self.answering.set()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("content-length", "0"))
                asked = json.loads(self.rfile.read(length))
                gateway.received.append(asked)
                gateway.answering.wait()
                triple = (asked.get("name"), asked.get("idNumber"), asked.get("phone"))
                verdict = "MATCH" if triple in gateway.people else "MISMATCH"
                body = gateway.body if gateway.body is not None else json.dumps({"result": verdict}).encode()
                self.send_response(gateway.status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.answering.set()
        self.server.shutdown()
        self.server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/verify"
