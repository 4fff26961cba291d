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

    def reserve(self, suffix: str) -> tuple[str, Path]:
        """A new key and its path, for a file written in place (exports)."""
        key = f"{date.today():%Y/%m}/{secrets.token_hex(16)}{suffix}"
        path = self.root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        return key, path

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

    async def save_as(self, key: str, data: bytes) -> str:
        """Write under a chosen key (generated files such as templates)."""
        path = self.path(key)

        def write() -> None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(path.suffix + ".part")
            tmp.write_bytes(data)
            tmp.replace(path)

        await asyncio.to_thread(write)
        return key

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    async def read(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path(key).read_bytes)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, True)
