"""Mail through the outbox: a row is written with the change, delivery happens after commit.

Default (no ``SMTP_URL``): the row is only kept. With ``SMTP_URL`` (``smtp://user:pass@host:port``,
``smtps://`` for implicit TLS, ``?starttls=1`` to upgrade) aiosmtplib delivers it, retrying with
back-off; the row records attempts, the last error and when it was sent.
"""

from __future__ import annotations

import asyncio
import logging
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib
from tortoise.timezone import now

from models.outbox import Channel, DeliveryStatus, OutboundMessage

log = logging.getLogger(__name__)


class Mailer:
    def __init__(
        self,
        smtp_url: str | None,
        sender: str,
        *,
        retries: int = 3,
        backoff_seconds: float = 1.0,
        timeout: float = 10.0,
    ) -> None:
        self.smtp_url = smtp_url
        self.sender = sender
        self.retries = retries
        self.backoff_seconds = backoff_seconds
        self.timeout = timeout

    async def queue(self, to: str, subject: str, body: str) -> OutboundMessage:
        """Write the outbox row (inside the caller's transaction); deliver it later."""
        status = DeliveryStatus.PENDING if self.smtp_url else DeliveryStatus.KEPT
        return await OutboundMessage.create(
            channel=Channel.MAIL, recipient=to, subject=subject, body=body, status=status
        )

    async def deliver(self, message_id: int) -> None:
        """Send one queued mail; runs after commit, never inside a request's transaction."""
        if not self.smtp_url:
            return
        row = await OutboundMessage.get(id=message_id)
        for attempt in range(1, self.retries + 1):
            try:
                await self._send(row.recipient, row.subject, row.body)
            except (aiosmtplib.SMTPException, OSError, asyncio.TimeoutError) as exc:
                row.attempts, row.last_error = attempt, f"{type(exc).__name__}: {exc}"[:500]
                log.warning("mail %s attempt %s failed: %s", row.id, attempt, row.last_error)
                if attempt == self.retries:
                    row.status = DeliveryStatus.FAILED
                    await row.save(update_fields=["attempts", "last_error", "status"])
                    return
                await row.save(update_fields=["attempts", "last_error"])
                await asyncio.sleep(self.backoff_seconds * 2 ** (attempt - 1))
            else:
                row.attempts, row.status, row.sent_at = attempt, DeliveryStatus.SENT, now()
                await row.save(update_fields=["attempts", "status", "sent_at"])
                return

    async def _send(self, to: str, subject: str, body: str) -> None:
        assert self.smtp_url
        parts = urlsplit(self.smtp_url)
        options = parse_qs(parts.query)
        message = EmailMessage()
        message["From"] = self.sender
        message["To"] = to
        message["Subject"] = subject
        message.set_content(body)
        await aiosmtplib.send(
            message,
            hostname=parts.hostname or "127.0.0.1",
            port=parts.port or (465 if parts.scheme == "smtps" else 25),
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
            use_tls=parts.scheme == "smtps",
            start_tls=options.get("starttls", ["0"])[0] in {"1", "true"} or None,
            timeout=self.timeout,
        )
