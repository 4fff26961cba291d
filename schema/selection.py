"""The selection convention of bulk mutations (issue 14; resolvers/selection.py): the ticked
``ids``, or ``allMatching: true`` for every row of the current filter — never an empty list."""

from __future__ import annotations

from typing import Any

import strawberry


def selected_ids(what: str) -> Any:
    """The ``ids`` field of a bulk input."""
    return strawberry.field(default=None, description=(
        f"勾选的{what}。不勾选时须传 allMatching: true 表示全部，否则拒绝（NOTHING_SELECTED）"))


def all_matching(rows: str = "当前筛选条件（filter）下的全部数据") -> Any:
    """The ``allMatching`` field of a bulk input: the explicit "all" of "不勾选时默认全部"."""
    return strawberry.field(default=False, description=(
        f"选择全部：为 true 时对{rows}操作（即“不勾选时默认全部”，须明确传入）；"
        "不能与勾选的 ID 同时给出（CONFLICTING_SELECTION）"))
