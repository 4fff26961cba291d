"""The long-lived parts one process shares between requests."""

from __future__ import annotations

from dataclasses import dataclass

from adapters.identity import IdentityVerifier, identity_verifier
from adapters.mail import Mailer
from adapters.pubsub import Broker, broker_for
from adapters.ratelimit import MemoryRateLimiter, RedisRateLimiter, rate_limiter
from adapters.sms import SmsSender, sms_sender
from adapters.storage import FileStorage
from server.background import Background
from server.security import Passwords
from server.settings import Settings


@dataclass
class Services:
    settings: Settings
    passwords: Passwords
    sms: SmsSender
    identity: IdentityVerifier
    mail: Mailer
    storage: FileStorage
    background: Background
    broker: Broker
    limiter: MemoryRateLimiter | RedisRateLimiter

    @classmethod
    def build(cls, settings: Settings) -> Services:
        return cls(
            settings=settings,
            passwords=Passwords(settings.argon2_time_cost, settings.argon2_memory_kib),
            sms=sms_sender(settings.sms_gateway_url),
            identity=identity_verifier(settings.identity_gateway_url,
                                       settings.identity_gateway_timeout_seconds),
            mail=Mailer(settings.smtp_url, settings.mail_from, retries=settings.mail_retries,
                        backoff_seconds=settings.mail_backoff_seconds,
                        timeout=settings.mail_timeout_seconds),
            storage=FileStorage(settings.file_dir),
            background=Background(),
            broker=broker_for(settings.redis_url),
            limiter=rate_limiter(settings.redis_url),
        )

    def send_mail_after_commit(self, message_id: int) -> None:
        self.background.spawn(lambda: self.mail.deliver(message_id))
