"""Steps many tests share, each done through the public API."""

from __future__ import annotations

import re
from typing import Any

from tests.support.api import Api

LOGIN = """
mutation Login($account: String!, $password: String!) {
  login(input: {account: $account, password: $password}) {
    token
    errors { field code message }
    account { id username mustChangePassword }
  }
}
"""

SEND_CODE = """
mutation Send($input: SendVerificationCodeInput!) {
  sendVerificationCode(input: $input) {
    sentTo expiresInSeconds resendAfterSeconds mailedTo
    errors { field code message }
  }
}
"""

OUTBOX = """
query Outbox($recipient: String!) { demoOutbox(recipient: $recipient) { channel body subject } }
"""

PROVINCES_AND_SCHOOLS = """
query { provinces { id code name }
        schools(first: 100) { nodes { id code name province { code } } } }
"""

CSUST = ("4143010536", "Csust2021")
CSUST_TEACHER = ("csust_teacher", "Teacher2021")
HNU_SYNCED = ("4143010532", "xfyh@123!")
STAFF = ("bankstaff", "Staff2021")


async def login(api: Api, account: str, password: str) -> str:
    result = await api(LOGIN, {"account": account, "password": password})
    payload = result.ok("login")
    return payload["token"]


async def send_code(api: Api, purpose: str, phone: str | None = None, *, token: str | None = None,
                    also_email: bool = False) -> dict[str, Any]:
    variables = {"input": {"purpose": purpose, "phone": phone, "alsoEmail": also_email}}
    return (await api(SEND_CODE, variables, token=token)).payload("sendVerificationCode")


async def last_code(api: Api, recipient: str) -> str:
    messages = (await api(OUTBOX, {"recipient": recipient})).data["demoOutbox"]
    assert messages, f"no message was sent to {recipient}"
    found = re.search(r"\d{6}", messages[0]["body"])
    assert found, messages[0]
    return found.group(0)


async def code_for(api: Api, purpose: str, phone: str | None = None, *,
                   token: str | None = None, bound_phone: str | None = None) -> str:
    payload = await send_code(api, purpose, phone, token=token)
    assert payload["errors"] == [], payload["errors"]
    return await last_code(api, bound_phone or phone)  # type: ignore[arg-type]


async def directory_ids(api: Api) -> tuple[dict[str, str], dict[str, str]]:
    data = (await api(PROVINCES_AND_SCHOOLS)).data
    provinces = {p["code"]: p["id"] for p in data["provinces"]}
    schools = {s["code"]: s["id"] for s in data["schools"]["nodes"]}
    return provinces, schools
