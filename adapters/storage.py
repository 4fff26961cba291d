"""File storage under one directory (``FILE_DIR``); workers that share it share the files."""

from __future__ import annotations

import asyncio
import errno
import secrets
from datetime import date
from pathlib import Path


class StorageFull(Exception):
    """The storage has no room (or no quota) left; the file was not kept."""


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StorageFull(str(exc)) from exc
        raise


def full_disk(exc: OSError) -> bool:
    return exc.errno in (errno.ENOSPC, errno.EDQUOT)


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
        await asyncio.to_thread(_write, self.root / key, data)
        return key

    async def save_as(self, key: str, data: bytes) -> str:
        """Write under a chosen key (generated files such as templates)."""
        await asyncio.to_thread(_write, self.path(key), data)
        return key

    def exists(self, key: str) -> bool:
        return self.path(key).is_file()

    async def read(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path(key).read_bytes)

    async def delete(self, key: str) -> None:
        await asyncio.to_thread(self.path(key).unlink, True)
