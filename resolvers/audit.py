"""Writing the audit trail (B3); call it inside the transaction of the change it records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from models.audit import AuditLog

if TYPE_CHECKING:
    from tortoise.models import Model

    from models.account import Account
    from server.context import Context


async def record(
    ctx: Context,
    action: str,
    obj: Model | None = None,
    *,
    institution_id: int | None = None,
    actor: Account | None = None,
    **detail: Any,
) -> None:
    actor = actor or ctx.account
    if institution_id is None and actor is not None:
        institution_id = actor.institution_id  # type: ignore[attr-defined]
    await AuditLog.create(
        actor_id=actor.id if actor else None,
        institution_id=institution_id,
        action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        detail=detail,
        ip=ctx.ip,
    )
