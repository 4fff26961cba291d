"""Deleting achievements (F4.7): only 未认定 ones, one or many, answered per item. The row stays
(soft delete) so learner achievements and rules stored from it keep their meaning."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.account import Module
from models.achievement import Achievement, RecognitionStatus
from resolvers import audit, policy
from resolvers.access import require_institution_member
from resolvers.batch import ItemResult, failed, not_found
from resolvers.errors import Code
from resolvers.selection import require_selected

if TYPE_CHECKING:
    from server.context import Context


async def delete_many(ctx: Context, ids: list[str]) -> list[ItemResult]:
    account = require_institution_member(ctx, Module.ACHIEVEMENTS)
    ids = require_selected(ids, what="成果", verb="删除", all_allowed=False).ids
    results: list[ItemResult] = []
    async with in_transaction():
        for item_id in ids:
            pk = policy.pk_of(Achievement, item_id)
            achievement = await policy.owned(ctx, Achievement).filter(id=pk).first()
            if achievement is None:
                results.append(not_found(item_id))
                continue
            # One conditional UPDATE: a recognition started meanwhile makes it a no-op.
            deleted = await Achievement.filter(
                id=pk, recognition_status=RecognitionStatus.UNRECOGNIZED, deleted_at__isnull=True
            ).update(deleted_at=now(), deleted_by_id=account.id, live_key=f"deleted:{pk}")
            if not deleted:
                results.append(failed(item_id, Code.NOT_DELETABLE,
                                      f"“{achievement.name}”当前为{achievement.recognition_status.label}，只有未认定的成果可以删除"))
                continue
            await audit.record(ctx, "achievement.delete", achievement, name=achievement.name)
            results.append(ItemResult(item_id))
    return results
