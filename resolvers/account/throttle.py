"""Password guessing is slowed, never turned into a lock-out (issue 13).

Every password check (a login, or a signed-in user confirming a change with the password) first
claims a try for (login name, address) in the database with a conditional UPDATE, so parallel
requests cannot all pass. The first ``login_free_failures`` wrong passwords from an address are
free; then each try waits ``login_delay_seconds``, doubled after each further failure up to
``login_max_delay_seconds``, and a try during the wait is refused RATE_LIMITED (429,
Retry-After) without checking the password. The right password clears its own address only.

Past ``login_account_ceiling`` wrong passwords to one name from all addresses in 15 minutes,
every address waits after its first failure instead. An address that has not failed is never
held back, so the owner's right password still gets in wherever the attacker is.

The name is the one typed, an account's or not: unknown names are counted, slowed and answered
exactly like real ones, and ``Passwords.verify`` hashes a dummy for them.
"""

from __future__ import annotations

import ipaddress
import math
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.timezone import now

from models.account import LoginThrottle

if TYPE_CHECKING:
    from resolvers.errors import RateLimited
    from server.context import Context
    from server.settings import Settings

WINDOW = timedelta(minutes=15)
# An address's failures are forgotten a day after its last one.
MEMORY = timedelta(days=1)
ALL_ADDRESSES = ""
# Claims race only against other claims that succeed, so a few rounds always settle.
ROUNDS = 20


async def check_password(ctx: Context, name: str, password_hash: str | None, password: str) -> bool:
    """Claim a try for (name, caller's address), then compare; RateLimited while it must wait."""
    name, address = name[:64], address_key(ctx.ip)
    await _claim(ctx, name, address)
    if await ctx.services.passwords.verify(password_hash, password):
        await LoginThrottle.filter(account_name=name, address=address).delete()
        return True
    await _count_for_all_addresses(name)
    return False


def address_key(ip: str) -> str:
    """IPv4 as it is; IPv6 by its /64, which one subscriber usually holds whole."""
    try:
        parsed = ipaddress.ip_address(ip)
    except ValueError:
        return ip[:45]
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.ip_network(f"{parsed}/64", strict=False))
    return str(parsed)


async def _claim(ctx: Context, name: str, address: str) -> None:
    settings = ctx.settings
    free = 1 if await _slowed(name, settings) else settings.login_free_failures
    for _ in range(ROUNDS):
        moment = now()
        row = await LoginThrottle.get_or_none(account_name=name, address=address)
        if row is None:
            if await _create(name, address, _after(1, free, settings, moment), moment):
                return
            continue
        if row.blocked_until is not None and row.blocked_until > moment:
            raise _wait(ctx, row.blocked_until - moment)
        failures = row.failures + 1 if row.counted_at > moment - MEMORY else 1
        # Taken only if no other claim (or a success) changed the row since it was read.
        if await LoginThrottle.filter(id=row.id, failures=row.failures).update(
            failures=failures, counted_at=moment,
            blocked_until=_after(failures, free, settings, moment),
        ):
            return
    raise _wait(ctx, timedelta(seconds=1))


def _after(failures: int, free: int, settings: Settings, moment: datetime) -> datetime | None:
    """When the next try may come, had this one failed (the claim counts it in advance)."""
    if failures < free:
        return None
    doubled = settings.login_delay_seconds * 2 ** min(failures - free, 30)
    return moment + timedelta(seconds=min(doubled, settings.login_max_delay_seconds))


async def _slowed(name: str, settings: Settings) -> bool:
    row = await LoginThrottle.get_or_none(account_name=name, address=ALL_ADDRESSES)
    return (row is not None and row.counted_at > now() - WINDOW
            and row.failures >= settings.login_account_ceiling)


async def _count_for_all_addresses(name: str) -> None:
    """One more failure in the name's 15-minute window (a new window once it is over)."""
    for _ in range(3):
        moment = now()
        rows = LoginThrottle.filter(account_name=name, address=ALL_ADDRESSES)
        if await rows.filter(counted_at__gt=moment - WINDOW).update(failures=F("failures") + 1):
            return
        if await rows.filter(counted_at__lte=moment - WINDOW).update(failures=1, counted_at=moment):
            return
        if await _create(name, ALL_ADDRESSES, None, moment):
            return


async def _create(name: str, address: str, blocked_until: datetime | None, moment: datetime) -> bool:
    """The pair's first failure; False when a racing request created the row first."""
    try:
        await LoginThrottle.create(account_name=name, address=address, failures=1,
                                   blocked_until=blocked_until, counted_at=moment)
    except IntegrityError:
        return False
    # Rows of pairs quiet for a day go, so guessed names do not pile up.
    await LoginThrottle.filter(counted_at__lt=moment - MEMORY).delete()
    return True


def _wait(ctx: Context, remaining: timedelta) -> RateLimited:
    seconds = max(1, math.ceil(remaining.total_seconds()))
    when = f"{seconds}秒" if seconds < 120 else f"{math.ceil(seconds / 60)}分钟"
    return ctx.too_soon(seconds, f"账号或密码错误次数过多，请{when}后再试")
