"""Real server processes (uvicorn running the app factory), for tests that need a worker of its
own: several workers, a worker killed mid-request, a database restarted under it."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import httpx

from tests.support.services import free_port

ROOT = Path(__file__).resolve().parents[2]


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    data = tempfile.mkdtemp(prefix="worker-")
    return {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "test-secret-key",
            "DATA_DIR": data, "FILE_DIR": str(Path(data) / "files"), "DEMO": "1",
            "AERICH_NO_TORTOISE_V1_WARNING": "1", **extra}


async def run_cli(env: dict[str, str], *args: str) -> str:
    """``python -m server …`` with ``env``; its output, or the test fails with its errors."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", *args, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, f"server {' '.join(args)} failed: {err.decode()[-2000:]}"
    return out.decode()


class ServerProcess:
    """One uvicorn worker on a free loopback port."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.port = free_port()
        self.log = Path(env["DATA_DIR"]) / f"server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    async def start(self, timeout: float = 30.0) -> None:
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "uvicorn", "server.app:create_app", "--factory",
                 "--host", "127.0.0.1", "--port", str(self.port), "--log-level", "warning"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        async with httpx.AsyncClient(base_url=self.url, timeout=2) as client:
            for _ in range(int(timeout / 0.1)):
                if self.process.poll() is not None:
                    raise AssertionError(f"server exited: {self.output()}")
                try:
                    if (await client.get("/healthz")).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError(f"server did not start: {self.output()}")

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-whatever, as on a crash or an OOM kill."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""
