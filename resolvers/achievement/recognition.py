"""Recognition (认定) by bank staff: 未认定 → 认定中 → 已认定, along RECOGNITION_TRANSITIONS."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.achievement import RECOGNITION_TRANSITIONS, Achievement, RecognitionStatus
from resolvers import audit, policy
from resolvers.access import require_staff
from resolvers.batch import ItemResult, failed, not_found
from resolvers.errors import Code
from resolvers.selection import require_selected

if TYPE_CHECKING:
    from server.context import Context


async def advance(ctx: Context, ids: list[str], target: RecognitionStatus) -> list[ItemResult]:
    """Move each achievement one step to ``target``; answer per item."""
    require_staff(ctx)
    verb = "开始认定" if target == RecognitionStatus.RECOGNIZING else "认定"
    ids = require_selected(ids, what="成果", verb=verb, all_allowed=False).ids
    sources = [s for s, t in RECOGNITION_TRANSITIONS.items() if t == target]
    results: list[ItemResult] = []
    async with in_transaction():
        for item_id in ids:
            pk = policy.pk_of(Achievement, item_id)
            achievement = await policy.owned(ctx, Achievement).filter(id=pk).first()
            if achievement is None:
                results.append(not_found(item_id))
                continue
            changes: dict[str, object] = {"recognition_status": target}
            if target == RecognitionStatus.RECOGNIZED:
                changes["recognized_at"] = now()
            moved = await Achievement.filter(
                id=pk, recognition_status__in=sources, deleted_at__isnull=True
            ).update(**changes)
            if not moved:
                results.append(failed(
                    item_id, Code.RECOGNITION_STATE,
                    f"“{achievement.name}”当前为{achievement.recognition_status.label}，"
                    f"不能改为{target.label}",
                ))
                continue
            await audit.record(
                ctx, "achievement.recognition", achievement,
                institution_id=achievement.institution_id,  # type: ignore[attr-defined]
                before=achievement.recognition_status.value, after=target.value,
            )
            results.append(ItemResult(item_id))
    return results
