"""Real processes on loopback for tests and benchmarks: a throw-away ``redis-server`` (which a test
can kill and start again on the same port), uvicorn workers running the app factory
(``server.app:create_app``) configured by environment variables, the way production starts them
(several workers, a worker killed mid-request, a database restarted under it), and the ``python -m
server`` command line. Each process writes its output (stdout and stderr) to a log file, whose
tail goes into the failure message when it does not start or a test fails.

The workers never migrate a PostgreSQL database (only the SQLite demo migrates itself): the
caller brings the database to the schema first.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Iterator, Mapping, Sequence
from pathlib import Path

import httpx

from tests.support.services import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30.0
STOP_TIMEOUT = 10.0


def _tail(path: Path, limit: int = 4000) -> str:
    if not path.exists():
        return ""
    text = path.read_text(errors="replace")
    return text[-limit:]


def _stop(process: subprocess.Popen[bytes] | None, timeout: float = STOP_TIMEOUT) -> None:
    """SIGTERM, then SIGKILL if it has not exited within ``timeout``; always reaped."""
    if process is None:
        return
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(STOP_TIMEOUT)
    else:
        process.wait()


class RedisServer:
    """``redis-server`` on a free loopback port without persistence (``--save '' --appendonly no``);
    ``kill`` then ``start`` brings it back on the same port."""

    def __init__(self, directory: Path) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not on PATH")
        self.binary = binary
        self.directory = directory
        self.port = free_port()
        self.log = directory / f"redis-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = START_TIMEOUT) -> None:
        assert self.process is None or self.process.poll() is not None, "already running"
        self.directory.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
                 "--appendonly", "no", "--dir", str(self.directory)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + timeout
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port), 0.2) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    return
            if self.process.poll() is not None or time.monotonic() > deadline:
                output = self.output()
                self.stop()
                raise RuntimeError(f"redis-server did not start on port {self.port}:\n{output}")
            time.sleep(0.02)

    def kill(self) -> None:
        """SIGKILL: Redis goes away at once, as on a crash."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(STOP_TIMEOUT)

    def stop(self) -> None:
        _stop(self.process)

    def command(self, *args: str) -> bytes:
        """One command over a fresh connection (RESP), answering the raw reply."""
        payload = f"*{len(args)}\r\n".encode() + b"".join(
            f"${len(a.encode())}\r\n{a}\r\n".encode() for a in args)
        with socket.create_connection(("127.0.0.1", self.port), 2) as s:
            s.sendall(payload)
            return s.recv(65536)

    def output(self) -> str:
        return _tail(self.log)


def app_env(database_url: str, data_dir: Path | None = None, *, redis_url: str | None = None,
            secret_key: str = "test-secret-key", **extra: str) -> dict[str, str]:
    """The environment of a worker: this process's environment (PATH, locale…) with the app's
    settings replaced, so nothing of the caller's DATABASE_URL/REDIS_URL leaks in. Without
    ``data_dir``, a new temporary directory (the caller removes it)."""
    if data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="worker-"))
    env = {key: value for key, value in os.environ.items()
           if key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DATA_DIR", "FILE_DIR",
                          "DEMO", "PROMETHEUS_MULTIPROC_DIR"}}
    env.update({
        "DATABASE_URL": database_url,
        "SECRET_KEY": secret_key,
        "DATA_DIR": str(data_dir),
        "FILE_DIR": str(data_dir / "files"),
        "AERICH_NO_TORTOISE_V1_WARNING": "1",
        "PYTHONUNBUFFERED": "1",
    })
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(extra)
    return env


async def run_cli(env: Mapping[str, str], *args: str) -> str:
    """``python -m server …`` with ``env``; its output, or the test fails with its errors."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", *args, cwd=ROOT, env=dict(env),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    assert process.returncode == 0, f"server {' '.join(args)} failed: {err.decode()[-2000:]}"
    return out.decode()


class AppProcess:
    """One uvicorn worker serving ``server.app:create_app`` on a free loopback port."""

    def __init__(self, env: Mapping[str, str], *, name: str = "app", log_level: str = "warning",
                 uvicorn_args: Sequence[str] = ()) -> None:
        self.env = dict(env)
        self.name = name
        self.port = free_port()
        data_dir = Path(self.env["DATA_DIR"])
        data_dir.mkdir(parents=True, exist_ok=True)
        self.log = data_dir / f"{name}-{self.port}.log"
        self.command = [sys.executable, "-m", "uvicorn", "server.app:create_app", "--factory",
                        "--host", "127.0.0.1", "--port", str(self.port), "--log-level", log_level,
                        *uvicorn_args]
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/graphql"

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def launch(self) -> None:
        """Start the process without waiting (see ``wait_ready``)."""
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(self.command, cwd=ROOT, env=self.env, stdout=log,
                                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)

    async def wait_ready(self, timeout: float = START_TIMEOUT, path: str = "/healthz") -> None:
        """Wait until ``path`` answers 200; raises with the worker's output when it exits or
        does not answer in time."""
        assert self.process is not None, "not launched"
        deadline = time.monotonic() + timeout
        async with httpx.AsyncClient(base_url=self.url, timeout=2) as client:
            while time.monotonic() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.name} exited with {self.process.returncode}:\n{self.output()}")
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(path)).status_code == 200:
                        return
                await asyncio.sleep(0.1)
        raise RuntimeError(f"{self.name} did not answer {path} within {timeout:.0f} s:\n{self.output()}")

    async def start(self, timeout: float = START_TIMEOUT) -> None:
        self.launch()
        try:
            await self.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise

    def kill(self) -> None:
        """SIGKILL: the worker dies mid-whatever, as on a crash or an OOM kill."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(STOP_TIMEOUT)

    def stop(self) -> None:
        _stop(self.process)

    def output(self, limit: int = 4000) -> str:
        return _tail(self.log, limit)


def describe(*processes: AppProcess | RedisServer) -> str:
    """The output of each process, for a failure message."""
    parts = []
    for process in processes:
        label = getattr(process, "name", "redis")
        parts.append(f"--- {label} (port {process.port}) ---\n{process.output() or '(no output)'}")
    return "\n".join(parts)


@contextlib.contextmanager
def redis_server(directory: Path) -> Iterator[RedisServer]:
    redis = RedisServer(directory)
    redis.start()
    try:
        yield redis
    finally:
        redis.stop()


@contextlib.asynccontextmanager
async def app_processes(env: Mapping[str, str], count: int, *, names: Sequence[str] | None = None,
                        log_level: str = "warning",
                        uvicorn_args: Sequence[str] = ()) -> AsyncIterator[list[AppProcess]]:
    """``count`` workers with the same environment, started together, answering /healthz;
    stopped (SIGTERM, then SIGKILL) on the way out whatever happened."""
    workers = [AppProcess(env, name=names[i] if names else f"worker{i + 1}", log_level=log_level,
                          uvicorn_args=uvicorn_args) for i in range(count)]
    try:
        for worker in workers:
            worker.launch()
        await asyncio.gather(*(worker.wait_ready() for worker in workers))
        yield workers
    finally:
        for worker in workers:  # all told to stop first, so they shut down together
            if worker.alive:
                worker.process.terminate()  # type: ignore[union-attr]
        for worker in workers:
            worker.stop()
