"""The per-request context every resolver receives: who is calling, and the shared services."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import HTTPConnection
from tortoise.timezone import now

from adapters.pubsub import Event
from models.account import Account, AccountKind, AccountStatus, Session
from models.partner import Partner, PartnerKey
from resolvers.errors import RateLimited
from server.security import split_api_key, token_digest
from server.services import Services
from server.settings import Settings


@dataclass
class Context:
    request: HTTPConnection
    response: Any
    services: Services
    session: Session | None = None
    # True when a token was sent but is unknown, expired, revoked, or its account is not active.
    token_rejected: bool = False
    _after_commit: list[Callable[[], Awaitable[None]]] = field(default_factory=list)
    _events: list[Event] = field(default_factory=list)
    # The payload of a websocket's connection_init (strawberry fills it in).
    connection_params: dict[str, Any] | None = None
    # The client's key for the progress(key:) subscription of this request's import or export.
    progress_key: str | None = None
    # A partner system's call (D3): the partner, its key, the account it acts as (its
    # institution's main account) and the trusted document it runs.
    partner: Partner | None = None
    partner_key: PartnerKey | None = None
    partner_account: Account | None = None
    # (document id, operation name) of each operation the partner's request ran or tried.
    partner_calls: list[list[str]] = field(default_factory=list)
    # Automatic persisted queries sent with their query: stored once the request has run.
    persisted: list[tuple[str, str]] = field(default_factory=list)
    # The operation that ran (named in the document when the request did not say), for metrics.
    operation_name: str = ""
    loaders: dict[Any, Any] = field(default_factory=dict)

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def account(self) -> Account | None:
        return self.session.account if self.session else self.partner_account

    @property
    def ip(self) -> str:
        """The client's address. Behind a proxy, uvicorn rewrites it from X-Forwarded-For only
        when the proxy is trusted (FORWARDED_ALLOW_IPS): a client cannot choose its own address
        to escape rate limits or the audit."""
        return self.request.client.host[:45] if self.request.client else ""

    @property
    def user_agent(self) -> str:
        return self.request.headers.get("user-agent", "")[:200]

    def after_commit(self, job: Callable[[], Awaitable[None]]) -> None:
        """Run ``job`` in the background once the mutation has committed (mail, notifications)."""
        self._after_commit.append(job)

    def publish_after_commit(self, events: list[Event]) -> None:
        """Send live events to subscribers once the change they report has committed."""
        self._events.extend(events)

    def flush_after_commit(self) -> None:
        jobs, self._after_commit = self._after_commit, []
        events, self._events = self._events, []
        if events:
            broker = self.services.broker
            jobs.insert(0, lambda: broker.publish(events))
        for job in jobs:
            self.services.background.spawn(job)

    def discard_after_commit(self) -> None:
        self._after_commit.clear()
        self._events.clear()

    async def authenticate(self, token: str | None) -> None:
        """Load the session of a bearer token; every request re-reads the account's status."""
        if not token:
            return
        session = (
            await Session.filter(token_digest=token_digest(token), revoked_at__isnull=True)
            .select_related("account", "account__institution", "account__institution__school")
            .first()
        )
        if (
            session is None
            or session.expires_at <= now()
            or session.account.status != AccountStatus.ACTIVE
        ):
            self.token_rejected = True
            return
        self.session = session


    async def limit(self, *buckets: tuple[str, int], count: int = 1) -> None:
        """Count this request (as ``count`` events) in each (bucket, per-minute limit); over a
        limit the request is refused with RATE_LIMITED, HTTP 429 and Retry-After."""
        for bucket, limit in buckets:
            wait = await self.services.limiter.hit(bucket, limit, 60, count)
            if wait:
                raise self.too_soon(wait)

    def too_soon(self, wait: int, message: str | None = None) -> RateLimited:
        """The RATE_LIMITED refusal to raise, with HTTP 429 and Retry-After on the response."""
        if self.response is not None and hasattr(self.response, "headers"):
            self.response.status_code = 429
            self.response.headers["Retry-After"] = str(wait)
        return RateLimited(wait, message)

    async def authenticate_partner(self, key: str) -> bool:
        """Load the partner of an API key; False when the key is unknown, revoked or expired."""
        parts = split_api_key(key)
        if parts is None:
            return False
        prefix, secret = parts
        row = await PartnerKey.get_or_none(prefix=prefix, revoked_at__isnull=True)
        if (row is None or not hmac.compare_digest(row.secret_digest, token_digest(secret))
                or row.expires_at is not None and row.expires_at <= now()):
            return False
        partner = await Partner.get_or_none(id=row.partner_id)
        account = partner and await Account.filter(
            institution_id=partner.institution_id, kind=AccountKind.INSTITUTION_ADMIN,
            status=AccountStatus.ACTIVE,
        ).select_related("institution", "institution__school").first()
        if partner is None or account is None:
            return False
        await PartnerKey.filter(id=row.id).update(last_used_at=now())
        self.partner, self.partner_key, self.partner_account = partner, row, account
        return True


# The request being served, for helpers that batch across a response (schema.node.related).
current_context: ContextVar[Context] = ContextVar("current_context")


def api_key(request: HTTPConnection) -> str | None:
    """A partner key: ``X-Api-Key: cbk_…`` or ``Authorization: ApiKey cbk_…``."""
    if value := request.headers.get("x-api-key", "").strip():
        return value
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    return value.strip() if scheme.lower() == "apikey" and value.strip() else None


def bearer_token(request: HTTPConnection) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token.strip():
        return token.strip()
    return None
