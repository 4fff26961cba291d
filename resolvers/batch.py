"""Batch mutations answer per item: which of the selected succeeded, and why the others did not."""

from __future__ import annotations

from dataclasses import dataclass

from resolvers.errors import Code, Problem


@dataclass
class ItemResult:
    id: str
    problem: Problem | None = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def failed(item_id: str, code: Code, message: str | None = None) -> ItemResult:
    return ItemResult(item_id, Problem("ids", code, message or code.label))


def not_found(item_id: str) -> ItemResult:
    return ItemResult(item_id, Problem("ids", Code.NOT_FOUND, Code.NOT_FOUND.label))
