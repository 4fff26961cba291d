"""Work that runs after a request has committed (mail delivery and the like)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)


class Background:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def spawn(self, job: Callable[[], Awaitable[None]]) -> None:
        async def run() -> None:
            try:
                await job()
            except Exception:  # a background job must never take the process down
                log.exception("background job failed")

        task = asyncio.get_running_loop().create_task(run())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def drain(self, timeout: float = 30.0) -> None:
        """Wait for the jobs in flight (shutdown, and tests that read what a job wrote)."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=timeout)
