"""Configuration read from environment variables (see the README's configuration table)."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

DATA_DIR = Path(os.environ.get("DATA_DIR", "data"))


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _int(name: str, default: int) -> int:
    value = os.environ.get(name)
    return int(value) if value else default


def _list(name: str, default: tuple[str, ...]) -> tuple[str, ...]:
    value = os.environ.get(name)
    if value is None:
        return default
    return tuple(item.strip() for item in value.split(",") if item.strip())


def _secret_key() -> str:
    """SECRET_KEY from the environment; the demo keeps a generated one under ./data/."""
    if key := os.environ.get("SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    path.write_text(key)
    path.chmod(0o600)
    return key


class ConfigurationError(Exception):
    """Settings this service refuses to start with."""


@dataclass(frozen=True)
class Settings:
    database_url: str
    secret_key: str
    debug: bool = False
    # LOG_FORMAT=json: one JSON object per log line, with the request ID.
    log_json: bool = False
    # Demo mode exposes the SMS/mail outbox through the `demoOutbox` query.
    demo: bool = False
    # The IDE page and introspection: on in the demo, off unless enabled elsewhere.
    graphiql: bool = False
    introspection: bool = False
    file_dir: Path = DATA_DIR / "files"
    # The address front ends reach this service at (``https://api.example.cn``, or with a path
    # prefix behind a proxy): download links are made absolute with it. Empty: relative links.
    public_base_url: str = ""
    smtp_url: str | None = None
    mail_from: str = "学分银行 <noreply@creditbank.local>"
    mail_retries: int = 3
    # Wait before the second attempt; doubled before each further one.
    mail_backoff_seconds: float = 1.0
    mail_timeout_seconds: float = 10.0
    sms_gateway_url: str | None = None
    # A real-name service checking a registering learner's name, ID number and phone (adapters/identity.py);
    # unset, a learner is verified against the institutions' records.
    identity_gateway_url: str | None = None
    identity_gateway_timeout_seconds: float = 5.0
    redis_url: str | None = None
    token_ttl_hours: int = 12
    max_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 4000
    max_page_size: int = 100
    max_cost: int = 10000
    # A running import nobody holds, older than this, was interrupted (its worker died).
    import_settle_seconds: int = 30
    # Operations in one batched HTTP request (a JSON array).
    max_batch: int = 10
    # Request bodies: JSON (and GET URLs) vs multipart uploads (20 MB spreadsheets, 10 MB PDFs).
    max_body_bytes: int = 1_000_000
    max_upload_bytes: int = 25_000_000
    # Operations one websocket may run at once; more are refused with an error message.
    max_subscriptions_per_connection: int = 50
    cors_origins: tuple[str, ...] = ()
    # GET /metrics answers only `Authorization: Bearer <this>`; without it /metrics is off (404).
    metrics_token: str | None = None
    # Rate limits, per minute: logins per address, code sendings per address, code checks per
    # address and per account (per phone when registering), partner calls per key and per address.
    login_rate_per_address: int = 60
    code_rate_per_address: int = 10
    code_check_rate_per_address: int = 30
    code_check_rate_per_account: int = 10
    # Password guessing (login, and confirming a change with the password): per account name and
    # address, this many wrong passwords are free; then each further try waits the delay, doubled
    # after each failure up to the maximum. Past the ceiling of wrong passwords to one account
    # from all addresses in 15 minutes, every address waits after its first failure. No lock-out.
    login_free_failures: int = 5
    login_delay_seconds: int = 1
    login_max_delay_seconds: int = 900
    login_account_ceiling: int = 50
    partner_rate_per_key: int = 600
    partner_rate_per_address: int = 1200
    # argon2 cost; tests lower it to keep the suite fast, production keeps the library default.
    argon2_time_cost: int = 3
    argon2_memory_kib: int = 65536
    extra: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> Settings:
        return cls(
            database_url=os.environ.get("DATABASE_URL", f"sqlite://{DATA_DIR}/credit_bank.sqlite3"),
            secret_key=_secret_key(),
            debug=_flag("DEBUG", False),
            log_json=os.environ.get("LOG_FORMAT", "").lower() == "json",
            demo=_flag("DEMO", False),
            graphiql=_flag("GRAPHIQL", _flag("DEMO", False)),
            introspection=_flag("INTROSPECTION", _flag("DEMO", False)),
            file_dir=Path(os.environ.get("FILE_DIR", str(DATA_DIR / "files"))),
            public_base_url=os.environ.get("PUBLIC_BASE_URL", "").strip().rstrip("/"),
            smtp_url=os.environ.get("SMTP_URL") or None,
            mail_from=os.environ.get("MAIL_FROM", cls.mail_from),
            mail_retries=_int("MAIL_RETRIES", 3),
            mail_backoff_seconds=float(os.environ.get("MAIL_BACKOFF_SECONDS", "1")),
            mail_timeout_seconds=float(os.environ.get("MAIL_TIMEOUT_SECONDS", "10")),
            sms_gateway_url=os.environ.get("SMS_GATEWAY_URL") or None,
            identity_gateway_url=os.environ.get("IDENTITY_GATEWAY_URL") or None,
            identity_gateway_timeout_seconds=float(os.environ.get("IDENTITY_GATEWAY_TIMEOUT_SECONDS", "5")),
            redis_url=os.environ.get("REDIS_URL") or None,
            token_ttl_hours=_int("TOKEN_TTL_HOURS", 12),
            max_depth=_int("MAX_QUERY_DEPTH", 12),
            max_aliases=_int("MAX_ALIASES", 30),
            max_tokens=_int("MAX_TOKENS", 4000),
            max_cost=_int("MAX_QUERY_COST", 10000),
            import_settle_seconds=_int("IMPORT_SETTLE_SECONDS", 30),
            max_batch=_int("MAX_BATCH", 10),
            max_body_bytes=_int("MAX_BODY_BYTES", 1_000_000),
            max_upload_bytes=_int("MAX_UPLOAD_BYTES", 25_000_000),
            cors_origins=_list("CORS_ORIGINS", ()),
            metrics_token=os.environ.get("METRICS_TOKEN") or None,
            login_rate_per_address=_int("LOGIN_RATE_PER_ADDRESS", 60),
            code_rate_per_address=_int("CODE_RATE_PER_ADDRESS", 10),
            code_check_rate_per_address=_int("CODE_CHECK_RATE_PER_ADDRESS", 30),
            code_check_rate_per_account=_int("CODE_CHECK_RATE_PER_ACCOUNT", 10),
            login_free_failures=_int("LOGIN_FREE_FAILURES", 5),
            login_delay_seconds=_int("LOGIN_DELAY_SECONDS", 1),
            login_max_delay_seconds=_int("LOGIN_MAX_DELAY_SECONDS", 900),
            login_account_ceiling=_int("LOGIN_ACCOUNT_CEILING", 50),
            partner_rate_per_key=_int("PARTNER_RATE_PER_KEY", 600),
            partner_rate_per_address=_int("PARTNER_RATE_PER_ADDRESS", 1200),
            max_subscriptions_per_connection=_int("MAX_SUBSCRIPTIONS_PER_CONNECTION", 50),
        )

    def check(self) -> None:
        """Refuse settings that would run production on a demo stand-in for a secret (without an
        SMS gateway the outbox would keep every verification code, and no code would arrive), and
        a public address download links could not be built on."""
        if not self.demo and not self.sms_gateway_url:
            raise ConfigurationError(
                "生产模式（DEMO=0）必须设置 SMS_GATEWAY_URL：没有短信网关，验证码只会留在发件箱里，"
                "无法送达。演示请设置 DEMO=1。\n"
                "Production (DEMO=0) requires SMS_GATEWAY_URL: without an SMS gateway, verification "
                "codes would only be kept in the outbox, never delivered. For a demo, set DEMO=1."
            )
        if self.public_base_url:
            parts = urlsplit(self.public_base_url)
            if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
                raise ConfigurationError(
                    f"PUBLIC_BASE_URL 应为本服务对外的 http(s) 地址，如 https://api.example.cn，"
                    f"不带查询参数：{self.public_base_url!r}\n"
                    f"PUBLIC_BASE_URL must be this service's public http(s) address, such as "
                    f"https://api.example.cn, without a query: {self.public_base_url!r}"
                )

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
