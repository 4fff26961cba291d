"""File storage under one directory (``FILE_DIR``); workers that share it share the files."""

from __future__ import annotations

import asyncio
import secrets
from datetime import date
from pathlib import Path


class FileStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        path = (self.root / key).resolve()
        if self.root.resolve() not in path.parents:
            raise FileNotFoundError(key)
        return path

    async def save(self, data: bytes, suffix: str) -> str:
        key = f"{date.today():%Y/%m}/{secrets.token_hex(16)}{suffix}"
        path = self.root / key

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".part")
            tmp.write_bytes(data)
            tmp.replace(path)

        await asyncio.to_thread(write)
        return key

    async def read(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path(key).read_bytes)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, True)
