"""Writing messages for the message centre (F12); call inside the transaction of the change
they report, so there is no message without its change and no change without its message."""

from __future__ import annotations

from models.account import Account, AccountKind, AccountStatus, Module
from models.message import Message, MessageKind
from server.bulk import bulk_insert


async def institution_recipients(institution_id: int, module: Module | None) -> list[int]:
    """Active users of an institution who may use ``module`` (sub-users limited elsewhere don't
    get its messages)."""
    accounts = await Account.filter(
        institution_id=institution_id, status=AccountStatus.ACTIVE,
        kind__in=[AccountKind.INSTITUTION_ADMIN, AccountKind.INSTITUTION_USER],
    ).values_list("id", "kind", "modules")
    return [
        account_id for account_id, kind, modules in accounts
        if kind == AccountKind.INSTITUTION_ADMIN or module is None or not modules
        or module.value in modules
    ]


async def notify(account_ids: list[int], kind: MessageKind, title: str, body: str, *,
                 institution_id: int | None = None, module: str = "", object_id: str = "") -> None:
    await bulk_insert(Message, [
        {"account_id": account_id, "institution_id": institution_id, "kind": kind, "title": title,
         "body": body, "module": module, "object_id": object_id}
        for account_id in account_ids
    ])


async def notify_institution(institution_id: int, module: Module | None, kind: MessageKind,
                             title: str, body: str, *, object_id: str = "") -> None:
    recipients = await institution_recipients(institution_id, module)
    await notify(recipients, kind, title, body, institution_id=institution_id,
                 module=module.value if module else "", object_id=object_id)
