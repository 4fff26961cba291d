"""What a bulk mutation acts on (issue 14): the rows the user ticked (``ids``) or — only when the
front end says so with ``allMatching: true`` — every row of the list's current filter.

The manual's "不勾选数据时，默认审核全部 / 导出全部" is a choice the front end makes for its user and
must state: an empty or missing selection is never read as "all" (an unticked list, or a selection
a bug lost, would otherwise pass every pending application of a school). A selection and the flag
together are ambiguous and refused too. Every mutation that takes a selection starts here, those
without an "all" form (deletions, withdrawals, recognition) included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tortoise.models import Model

from resolvers import policy
from resolvers.errors import Code, Problems


@dataclass(frozen=True)
class Selection:
    ids: list[Any]  # the ticked IDs as given; empty when ``all_matching``
    all_matching: bool

    def pks(self, model: type[Model]) -> list[int]:
        """The primary keys of the ticked IDs of ``model`` (0 for an ID that is not one)."""
        return [policy.pk_of(model, value) for value in self.ids]


def selected(problems: Problems, ids: Sequence[Any] | None, all_matching: bool | None = False, *,
             what: str, verb: str, field: str = "ids", all_allowed: bool = True) -> Selection:
    """The selection of a bulk mutation; a missing or empty one without ``all_matching``, or one
    beside it, is added to ``problems`` (NOTHING_SELECTED on ``field``, CONFLICTING_SELECTION on
    ``allMatching``). ``what``/``verb`` word the Chinese message ("请勾选要审核的申请")."""
    ticked = list(ids or [])
    if all_matching and ticked:
        problems.add("allMatching", Code.CONFLICTING_SELECTION, f"不能同时勾选{what}并选择全部，请只选其一")
    elif not all_matching and not ticked:
        problems.add(field, Code.NOTHING_SELECTED, f"请勾选要{verb}的{what}" + ("，或选择全部" if all_allowed else ""))
    return Selection(ticked, bool(all_matching) and not ticked)


def require_selected(ids: Sequence[Any] | None, all_matching: bool | None = False, *, what: str, verb: str,
                     field: str = "ids", all_allowed: bool = True) -> Selection:
    """``selected`` for a mutation with nothing else to check first: refused at once."""
    problems = Problems()
    chosen = selected(problems, ids, all_matching, what=what, verb=verb, field=field, all_allowed=all_allowed)
    problems.raise_any()
    return chosen
