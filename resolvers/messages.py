"""The message centre (F12): writing messages with the change they report, reading and marking
them, the mail copy for those who asked for it, and the live streams of subscriptions (D2, B8).

Write messages inside the transaction of the change: there is then no message without its change
and no change without its message. Live events and mail leave only after that commit.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from time import monotonic
from typing import TYPE_CHECKING, Any

from tortoise.queryset import QuerySet
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.pubsub import Event
from models.account import Account, AccountKind, AccountStatus, Module, Session
from models.message import Message, MessageKind
from resolvers import checks, policy
from resolvers.access import require_module
from resolvers.errors import Code, NotFound, Problems
from resolvers.selection import require_selected
from server.bulk import insert_returning

if TYPE_CHECKING:
    from server.context import Context

MESSAGE_FIELDS = ("id", "account_id", "institution_id", "kind", "title", "body", "module", "object_id")
# Close code of a live connection whose account was disabled or whose login ended.
CLOSE_REVOKED = 4403


# --- writing ---------------------------------------------------------------------------------

async def institution_recipients(institution_id: int, module: Module | None) -> list[int]:
    """Active users of an institution who may use ``module`` (sub-users without it, or without
    any module, don't get its messages)."""
    accounts = await Account.filter(
        institution_id=institution_id, status=AccountStatus.ACTIVE,
        kind__in=[AccountKind.INSTITUTION_ADMIN, AccountKind.INSTITUTION_USER],
    ).values_list("id", "kind", "all_modules", "modules")
    return [
        account_id for account_id, kind, all_modules, modules in accounts
        if module is None or policy.uses_module(AccountKind(kind), all_modules, modules, module)
    ]


def message_row(account_id: int, kind: MessageKind, title: str, body: str, *,
                institution_id: int | None = None, module: Module | None = None,
                object_id: str = "") -> dict[str, Any]:
    return {"account_id": account_id, "institution_id": institution_id, "kind": kind,
            "title": title[:200], "body": body, "module": module.value if module else "",
            "object_id": object_id}


async def write_messages(ctx: Context | None, rows: list[dict[str, Any]]) -> None:
    """Store ``rows`` (see ``message_row``) now; publish them and mail the copies after commit.
    Without a request (start-up, CLI) the rows are only stored: clients read them when they
    next look, and the mail copy is not sent."""
    if not rows:
        return
    created_at = now()
    stored = await insert_returning(Message, [{**row, "created_at": created_at} for row in rows],
                                    MESSAGE_FIELDS)
    if ctx is None:
        return
    ctx.publish_after_commit([
        {"type": "message", "account": row["account_id"],
         "message": {**{name: row[name] for name in MESSAGE_FIELDS},
                     "created_at": created_at.isoformat()}}
        for row in stored
    ])
    await _queue_mail_copies(ctx, stored)


async def notify(ctx: Context | None, account_ids: list[int], kind: MessageKind, title: str, body: str, *,
                 institution_id: int | None = None, module: Module | None = None,
                 object_id: str = "") -> None:
    await write_messages(ctx, [
        message_row(account_id, kind, title, body, institution_id=institution_id, module=module,
                    object_id=object_id)
        for account_id in account_ids
    ])


async def notify_institution(ctx: Context, institution_id: int, module: Module | None,
                             kind: MessageKind, title: str, body: str, *, object_id: str = "") -> None:
    recipients = await institution_recipients(institution_id, module)
    await notify(ctx, recipients, kind, title, body, institution_id=institution_id, module=module,
                 object_id=object_id)


async def _queue_mail_copies(ctx: Context, stored: list[dict[str, Any]]) -> None:
    wanting = dict(await Account.filter(
        id__in={row["account_id"] for row in stored}, notify_by_email=True,
        status=AccountStatus.ACTIVE,
    ).exclude(email="").values_list("id", "email"))
    mailer = ctx.services.mail
    for row in stored:
        email = wanting.get(row["account_id"])
        if not email:
            continue
        mail = await mailer.queue(
            email, f"【学分银行】{row['title']}"[:200],
            f"{row['body']}\n\n请登录职业教育国家学分银行机构空间，在“我的消息”中查看和处理。",
        )
        ctx.after_commit(lambda mail_id=mail.id: mailer.deliver(mail_id))


def revoke_live(ctx: Context, account_id: int, *, session_id: int | None = None,
                keep: int | None = None) -> None:
    """After commit, close the live connections of an account: of one of its logins
    (``session_id``), or of all but one (``keep``), or of all."""
    event: Event = {"type": "revoked", "account": account_id}
    if session_id is not None:
        event["session"] = session_id
    if keep is not None:
        event["keep"] = keep
    ctx.publish_after_commit([event])


class Progress:
    """Progress of one import or export for the caller's ``progress(key:)`` subscription (B8);
    silent when the request gave no progress key. Sent at most every 2% or half-second."""

    def __init__(self, ctx: Context, total: int, stage: str) -> None:
        self.ctx, self.total, self.stage = ctx, total, stage
        self.key = ctx.progress_key
        self.account_id = ctx.account.id if ctx.account else None
        self.done = 0
        self._sent_done = -1
        self._sent_at = 0.0

    @asynccontextmanager
    async def until_finished(self) -> AsyncIterator[Progress]:
        """Report the end however the work ends: refused or failed ones too (stage 未完成), so
        a front end's progress bar never waits for an end that will not come."""
        try:
            yield self
        except BaseException:
            await self.report(self.done, stage="未完成", finished=True)
            raise
        await self.report(self.done, finished=True)

    async def report(self, done: int, *, stage: str | None = None, finished: bool = False) -> None:
        self.done = done
        if not self.key or self.account_id is None:
            return
        self.stage = stage or self.stage
        moment = monotonic()
        step = max(self.total // 50, 1)
        if not finished and done - self._sent_done < step and moment - self._sent_at < 0.5:
            return
        self._sent_done, self._sent_at = done, moment
        await self.ctx.services.broker.publish([{
            "type": "progress", "account": self.account_id, "key": self.key, "done": done,
            "total": self.total, "finished": finished, "stage": self.stage,
        }])


# --- reading ---------------------------------------------------------------------------------

def require_reader(ctx: Context) -> Account:
    """Anyone logged in reads their own messages; a limited sub-user needs the MESSAGES module."""
    return require_module(ctx, Module.MESSAGES)


def own_messages(ctx: Context) -> QuerySet[Message]:
    require_reader(ctx)
    return policy.owned(ctx, Message)


def filtered(ctx: Context, data: Any | None) -> QuerySet[Message]:
    query = own_messages(ctx)
    if data is not None:
        if data.kind is not None:
            query = query.filter(kind=data.kind)
        if data.read is not None:
            query = query.filter(read_at__isnull=not data.read)
    return query.order_by("-id")


async def unread_count(ctx: Context) -> int:
    return await own_messages(ctx).filter(read_at__isnull=True).count()


async def mark_read(ctx: Context, ids: list[str] | None, everything: bool) -> int:
    """Mark the ticked messages (or, with ``everything``, all) read; answers how many were unread.
    Another account's message ID is NOT_FOUND and nothing changes."""
    account = require_reader(ctx)
    chosen = require_selected(ids, everything, what="消息", verb="标为已读")
    own = policy.owned(ctx, Message)
    query = own.filter(read_at__isnull=True)
    if not chosen.all_matching:
        pks = set(chosen.pks(Message))
        if 0 in pks or await own.filter(id__in=pks).count() != len(pks):
            raise NotFound()
        query = query.filter(id__in=pks)
    async with in_transaction():
        changed = await query.update(read_at=now())
    if changed:
        ctx.publish_after_commit([{"type": "read", "account": account.id}])
    return changed


async def set_preferences(ctx: Context, by_email: bool, email: str | None) -> Account:
    """Whether messages are also mailed, and to which address (the account's own)."""
    account = require_reader(ctx)
    problems = Problems()
    address = checks.email(problems, "email", email, required=False) if email is not None else account.email
    if by_email and not address and not problems.items:
        problems.add("email", Code.EMAIL_REQUIRED)
    problems.raise_any()
    await Account.filter(id=account.id).update(notify_by_email=by_email, email=address)
    account.notify_by_email, account.email = by_email, address
    return account


# --- live streams (subscriptions) ------------------------------------------------------------

async def session_still_valid(ctx: Context) -> bool:
    if ctx.session is None:
        return False
    return await Session.filter(
        id=ctx.session.id, revoked_at__isnull=True, expires_at__gt=now(),
        account__status=AccountStatus.ACTIVE,
    ).exists()


async def _close(ctx: Context) -> None:
    close = getattr(ctx.request, "close", None)
    if close is not None and ctx.request.scope.get("type") == "websocket":
        try:
            await close(code=CLOSE_REVOKED, reason="账号已停用或登录已失效")
        except RuntimeError:  # already closed
            pass


async def account_events(ctx: Context, account_id: int, *, connection: bool = False) -> AsyncIterator[Event]:
    """Events for ``account_id`` until the login ends, starting with ``ready`` once events
    published from then on will arrive. When the account is disabled, the login ends or
    expires, the connection is closed with 4403 and the stream stops."""
    session = ctx.session
    session_id = session.id if session else None
    broker = ctx.services.broker
    with broker.subscribe(account_id, connection=connection) as subscriber:
        await broker.ready()
        yield {"type": "ready", "account": account_id}
        while True:
            left = (session.expires_at - now()).total_seconds() if session else 0
            try:
                event = await asyncio.wait_for(subscriber.next(), timeout=max(left, 0.01))
            except asyncio.TimeoutError:
                event = {"type": "resync", "account": account_id}  # expired: checked below
            kind = event["type"]
            revoked = (kind == "revoked" and event.get("session") in (None, session_id)
                       and event.get("keep") != session_id)
            if revoked or kind == "resync" and not await session_still_valid(ctx):
                await _close(ctx)
                return
            if kind in ("modules", "resync"):
                await reread_account(ctx)
            if kind != "revoked":
                yield event


async def reread_account(ctx: Context) -> None:
    """A websocket's account is read when it connects; what an administrator changes later — a
    sub-user's modules (B9), announced by a ``modules`` event or missed in a gap — is read again,
    so the connection's streams and queries follow the current modules."""
    account = ctx.account
    if account is None:
        return
    fresh = await Account.filter(id=account.id).only("id", "modules").first()
    if fresh is not None:
        account.modules = fresh.modules


def modules_changed(ctx: Context, account_id: int) -> None:
    """After commit, tell the account's live connections that its modules changed."""
    ctx.publish_after_commit([{"type": "modules", "account": account_id}])


async def live_events(ctx: Context) -> AsyncIterator[Event]:
    """The caller's events, for the message-centre subscriptions."""
    account = require_reader(ctx)
    async for event in account_events(ctx, account.id):
        yield event


async def watch_connection(ctx: Context) -> None:
    """Runs beside a websocket for its whole life: closes it (4403) as soon as its login ends,
    even when no subscription is running on it."""
    if ctx.account is not None:
        async for _ in account_events(ctx, ctx.account.id, connection=True):
            pass


def message_from_event(data: dict[str, Any]) -> Message:
    return Message(**{**{name: data[name] for name in MESSAGE_FIELDS},
                      "kind": MessageKind(data["kind"]),
                      "created_at": datetime.fromisoformat(data["created_at"]), "read_at": None})


async def message_stream(ctx: Context) -> AsyncIterator[Message]:
    """New messages as they arrive; after a gap (Redis was away, the client read too slowly) the
    missed ones are read from the database, so none is lost and none comes twice. Both follow the
    read policy with the caller's current modules (B9)."""
    seen: set[int] = set()
    since = now() - timedelta(seconds=5)
    async for event in live_events(ctx):
        if event["type"] == "message":
            message = message_from_event(event["message"])
            # Pushed only while the caller may read it (a module taken away since, B9).
            if message.id not in seen and await own_messages(ctx).filter(id=message.id).exists():
                seen.add(message.id)
                yield message
        elif event["type"] == "resync":
            after = 0
            while True:  # page through everything since the start, however much was missed
                page = await own_messages(ctx).filter(created_at__gte=since, id__gt=after).order_by("id").limit(500)
                for message in page:
                    after = message.id
                    if message.id not in seen:
                        seen.add(message.id)
                        yield message
                if len(page) < 500:
                    break


async def unread_count_stream(ctx: Context) -> AsyncIterator[int]:
    """The unread count as soon as changes will be seen, then again whenever it changes."""
    last = -1
    async for event in live_events(ctx):
        if event["type"] in ("ready", "message", "read", "resync", "modules"):
            count = await unread_count(ctx)
            if count != last:
                last = count
                yield count


async def progress_stream(ctx: Context, key: str) -> AsyncIterator[dict[str, Any]]:
    """Progress of the caller's own import or export started with ``progressKey: key`` (B8)."""
    async for event in live_events(ctx):
        if event["type"] == "progress" and event.get("key") == key:
            yield event
            if event.get("finished"):
                return
