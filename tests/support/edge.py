"""Helpers for the HTTP-edge tests (tests/edge/): persisted queries, GraphQL over HTTP, limits."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path
from typing import Any

import httpx

from models.partner import PersistedQuery
from server.documents import sha256_hex

GRAPHQL_RESPONSE = "application/graphql-response+json"
LEGACY_JSON = "application/json"
GRAPHQL_PATH = "/graphql"


def apq(query: str, *, version: int = 1, sha: str | None = None) -> dict[str, Any]:
    """Apollo's ``extensions`` for a persisted query (its hash unless ``sha`` is given)."""
    return {"persistedQuery": {"version": version, "sha256Hash": sha or sha256_hex(query)}}


def apq_params(query: str, **more: Any) -> dict[str, str]:
    """A hash-only GET query string, encoded the way Apollo's HttpLink encodes it."""
    params = {"extensions": json.dumps(apq(query))}
    for name, value in more.items():
        params[name] = value if isinstance(value, str) else json.dumps(value)
    return params


def codes(response: httpx.Response) -> list[str | None]:
    """The ``extensions.code`` of each top-level error of a (non-batched) JSON answer."""
    return [error.get("extensions", {}).get("code") for error in response.json().get("errors") or []]


def media_type(response: httpx.Response) -> str:
    return response.headers.get("content-type", "").split(";")[0].strip()


async def stored_documents() -> dict[str, str]:
    """The persisted-query table: sha256 → query text."""
    return {row.sha256: row.query for row in await PersistedQuery.all()}


# --- a real Node.js client --------------------------------------------------------------------

APOLLO_CLIENT_DIR = Path(__file__).resolve().parent.parent / "edge" / "apollo_client"


def node_tools() -> tuple[str, str] | None:
    node, npm = shutil.which("node"), shutil.which("npm")
    return (node, npm) if node and npm else None


def _installed(directory: Path) -> bool:
    """node_modules holds exactly what package-lock.json pins (npm writes its own copy of the lock
    into node_modules/.package-lock.json after an install)."""
    lock, installed = directory / "package-lock.json", directory / "node_modules" / ".package-lock.json"
    if not installed.exists():
        return False
    wanted = json.loads(lock.read_text())["packages"]
    have = json.loads(installed.read_text())["packages"]
    return all(have.get(path, {}).get("version") == entry.get("version")
               for path, entry in wanted.items() if path)


async def run_process(*args: str, cwd: Path, timeout: float) -> tuple[int, str, str]:
    """Run a program without blocking the event loop (a live server in this loop keeps serving)."""
    process = await asyncio.create_subprocess_exec(
        *args, cwd=cwd, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "NO_UPDATE_NOTIFIER": "1", "NODE_NO_WARNINGS": "1"},
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise
    return process.returncode or 0, out.decode(), err.decode()


async def install_node_packages(directory: Path = APOLLO_CLIENT_DIR) -> None:
    """``npm ci`` from the committed lock file, once: node_modules stays in the folder."""
    if _installed(directory):
        return
    tools = node_tools()
    assert tools is not None
    command = "ci" if (directory / "package-lock.json").exists() else "install"
    code, out, err = await run_process(tools[1], command, "--no-audit", "--no-fund", cwd=directory,
                                       timeout=600)
    assert code == 0, f"npm {command} failed ({code}):\n{out}\n{err}"
