"""Per-request DataLoaders: one batched query for a field across every row of a list.

Loaders live on the request's Context (never at module level, which would share a cache between
requests and tenants).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from strawberry.dataloader import DataLoader
from strawberry.types import Info

K = TypeVar("K")
V = TypeVar("V")


def loader(info: Info, batch: Callable[[list[K]], Awaitable[list[V]]]) -> DataLoader[K, V]:
    loaders: dict[Any, DataLoader[Any, Any]] = info.context.loaders
    found = loaders.get(batch)
    if found is None:
        found = loaders[batch] = DataLoader(load_fn=batch)
    return found
