"""Bank staff accounts, created from the command line (F16)."""

from __future__ import annotations

from tortoise.timezone import now

from models.account import Account, AccountKind
from resolvers import checks
from resolvers.errors import Code, Problem, Problems
from server.security import Passwords


async def create_staff(
    passwords: Passwords, username: str, name: str, phone: str, password: str
) -> list[Problem]:
    problems = Problems()
    username = checks.username(problems, "username", username)
    name = checks.text(problems, "name", name, 32)
    phone = checks.phone(problems, "phone", phone)
    checks.new_password(problems, "password", password, password, "password")
    if not problems.items and await Account.exists(username=username):
        problems.add("username", Code.USERNAME_TAKEN)
    if problems.items:
        return problems.items
    await Account.create(
        username=username,
        password_hash=await passwords.hash(password),
        kind=AccountKind.STAFF,
        name=name,
        phone=phone,
        password_changed_at=now(),
    )
    return []
