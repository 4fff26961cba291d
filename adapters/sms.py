"""SMS delivery of verification codes.

Default: the outbox table (tests and the demo read it). With ``SMS_GATEWAY_URL`` set, each message
is POSTed as JSON ``{"phone": ..., "text": ...}`` to that gateway; a non-2xx answer is a failure.
"""

from __future__ import annotations

from typing import Protocol

import logging

import httpx
from tortoise.timezone import now

from models.outbox import Channel, DeliveryStatus, OutboundMessage
from validators.contact import mask_phone

log = logging.getLogger(__name__)


class DeliveryFailed(Exception):
    pass


class SmsSender(Protocol):
    async def send(self, phone: str, text: str) -> None: ...


class OutboxSms:
    """Keeps the message in the outbox table, readable through the demo's ``demoOutbox`` query
    (production refuses to start with it: see ``Settings.check``). The log says that a message
    was kept, never its text: a code in a log is a code anyone reading logs can use."""

    async def send(self, phone: str, text: str) -> None:
        row = await OutboundMessage.create(
            channel=Channel.SMS, recipient=phone, body=text, status=DeliveryStatus.KEPT
        )
        log.info("SMS %s kept in the outbox for %s (demoOutbox shows it)", row.id, mask_phone(phone))


class HttpGatewaySms:
    def __init__(self, url: str, timeout: float = 5.0) -> None:
        self.url = url
        self.timeout = timeout

    async def send(self, phone: str, text: str) -> None:
        # The code itself is not kept: the outbox row only records that a message went out.
        row = await OutboundMessage.create(
            channel=Channel.SMS,
            recipient=phone,
            body="（验证码短信，内容不保存）",
            status=DeliveryStatus.PENDING,
            attempts=1,
        )
        try:
            async with httpx.AsyncClient(timeout=self.timeout) as client:
                response = await client.post(self.url, json={"phone": phone, "text": text})
            response.raise_for_status()
        except httpx.HTTPError as exc:
            row.status, row.last_error = DeliveryStatus.FAILED, str(exc)[:500]
            await row.save(update_fields=["status", "last_error"])
            raise DeliveryFailed(str(exc)) from exc
        row.status, row.sent_at = DeliveryStatus.SENT, now()
        await row.save(update_fields=["status", "sent_at"])


def sms_sender(gateway_url: str | None) -> SmsSender:
    return HttpGatewaySms(gateway_url) if gateway_url else OutboxSms()
