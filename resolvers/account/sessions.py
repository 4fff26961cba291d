"""Opening and revoking login sessions."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from tortoise.timezone import now

from models.account import Account, Session
from resolvers.messages import revoke_live
from server.security import new_token, token_digest

if TYPE_CHECKING:
    from server.context import Context


async def open_session(ctx: Context, account: Account) -> str:
    """A new login of ``account``; the rest of this request answers as that account."""
    token = new_token()
    session = await Session.create(
        token_digest=token_digest(token),
        account=account,
        expires_at=now() + timedelta(hours=ctx.settings.token_ttl_hours),
        ip=ctx.ip,
        user_agent=ctx.user_agent,
    )
    if ctx.session is None:
        ctx.session = session
    return token


async def revoke_sessions(ctx: Context, account_id: int, *, keep: Session | None = None) -> int:
    """End the account's logins (but ``keep``); after commit their live connections close too."""
    query = Session.filter(account_id=account_id, revoked_at__isnull=True)
    if keep is not None:
        query = query.exclude(id=keep.id)
    revoked = await query.update(revoked_at=now())
    revoke_live(ctx, account_id, keep=keep.id if keep is not None else None)
    return revoked
