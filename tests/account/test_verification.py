"""Verification codes: 6 digits, 5 minutes, 5 wrong tries, one send per phone a minute, stored
hashed; delivered by the SMS outbox or an HTTP gateway, and optionally mailed (F1.3, F13.2)."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta

from tortoise.timezone import now

from models.outbox import DeliveryStatus, OutboundMessage
from models.verification import PhoneSendSlot, VerificationCode
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, last_code, login, send_code
from tests.support.services import SmsGateway, SmtpServer

PHONE = "13900000031"
CHECK_PHONE = """
mutation($input: ChangePhoneInput!) { changePhone(input: $input) { account { phone } errors { field code message } } }
"""


async def _age_send_slot(phone: str) -> None:
    """Move the phone's last send a minute into the past (instead of sleeping 60 s)."""
    await PhoneSendSlot.filter(phone=phone).update(last_sent_at=now() - timedelta(seconds=61))


async def test_f1_3_code_is_six_digits_and_stored_only_hashed(api: Api, demo: None) -> None:
    assert (await send_code(api, "REGISTER", PHONE))["errors"] == []
    code = await last_code(api, PHONE)
    assert re.fullmatch(r"\d{6}", code)
    stored = await VerificationCode.get(phone=PHONE)
    assert re.fullmatch(r"[0-9a-f]{64}", stored.code_digest)
    assert code not in stored.code_digest
    assert timedelta(minutes=4, seconds=59) < stored.expires_at - stored.created_at <= timedelta(minutes=5, seconds=1)


async def test_f1_3_one_send_per_phone_per_minute(api: Api, demo: None) -> None:
    assert (await send_code(api, "REGISTER", PHONE))["errors"] == []
    before = await snapshot()
    again = await send_code(api, "REGISTER", PHONE)
    assert [e["code"] for e in again["errors"]] == ["CODE_SENT_TOO_OFTEN"]
    assert re.search(r"\d+秒后", again["errors"][0]["message"])
    assert await snapshot() == before
    # Another phone is not held up.
    assert (await send_code(api, "REGISTER", "13900000032"))["errors"] == []
    await _age_send_slot(PHONE)
    assert (await send_code(api, "REGISTER", PHONE))["errors"] == []


async def test_f1_3_racing_sends_to_one_phone_send_once(api: Api, demo: None) -> None:
    results = await asyncio.gather(*(send_code(api, "REGISTER", PHONE) for _ in range(5)))
    assert sum(1 for r in results if r["errors"] == []) == 1
    assert await VerificationCode.filter(phone=PHONE).count() == 1


async def test_f1_3_a_new_code_replaces_the_old_one(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await send_code(api, "CHANGE_PHONE", PHONE, token=token)
    first = await last_code(api, PHONE)
    await _age_send_slot(PHONE)
    await send_code(api, "CHANGE_PHONE", PHONE, token=token)
    second = await last_code(api, PHONE)
    if first == second:
        return  # one chance in a million: nothing to tell apart
    result = await api(CHECK_PHONE, {"input": {"password": CSUST[1], "newPhone": PHONE, "code": first}}, token=token)
    assert result.refused("changePhone") == ["CODE_INVALID"]


async def test_f1_3_code_expires_after_five_minutes(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await send_code(api, "CHANGE_PHONE", PHONE, token=token)
    code = await last_code(api, PHONE)
    await VerificationCode.filter(phone=PHONE).update(expires_at=now() - timedelta(seconds=1))
    before = await snapshot()
    result = await api(CHECK_PHONE, {"input": {"password": CSUST[1], "newPhone": PHONE, "code": code}}, token=token)
    assert result.refused("changePhone") == ["CODE_EXPIRED"]
    assert await snapshot() == before


async def test_f1_3_five_wrong_tries_burn_the_code(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await send_code(api, "CHANGE_PHONE", PHONE, token=token)
    code = await last_code(api, PHONE)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    codes = []
    for _ in range(5):
        result = await api(CHECK_PHONE, {"input": {"password": CSUST[1], "newPhone": PHONE, "code": wrong}}, token=token)
        codes += result.refused("changePhone")
    assert codes == ["CODE_INVALID"] * 4 + ["CODE_ATTEMPTS_EXCEEDED"]
    # The right code no longer helps: a new one must be requested.
    right = await api(CHECK_PHONE, {"input": {"password": CSUST[1], "newPhone": PHONE, "code": code}}, token=token)
    assert right.refused("changePhone") == ["CODE_ATTEMPTS_EXCEEDED"]
    me = (await api("{ me { phone } }", token=token)).data["me"]
    assert me["phone"] == "13800000001"


async def test_f1_3_code_works_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await send_code(api, "CHANGE_PHONE", PHONE, token=token)
    code = await last_code(api, PHONE)
    done = await api(CHECK_PHONE, {"input": {"password": CSUST[1], "newPhone": PHONE, "code": code}}, token=token)
    assert done.ok("changePhone")["account"]["phone"] == PHONE
    again = await api(CHECK_PHONE, {"input": {"password": CSUST[1], "newPhone": "13900000033", "code": code}}, token=token)
    assert again.refused("changePhone") == ["CODE_INVALID"]


async def test_f13_2_bound_phone_purposes_ignore_the_given_phone(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    sent = await send_code(api, "CHANGE_PASSWORD", "13900000099", token=token)
    assert sent["errors"] == [] and sent["sentTo"] == "138****0001"
    assert await VerificationCode.filter(phone="13900000099").count() == 0
    anonymous = await api(
        "mutation { sendVerificationCode(input: {purpose: CHANGE_PASSWORD}) { sentTo } }"
    )
    assert anonymous.error_codes == ["UNAUTHENTICATED"]


async def test_f1_3_sms_gateway_adapter_posts_to_the_gateway(
    make_api, demo: None, sms_gateway: SmsGateway
) -> None:
    api = await make_api(sms_gateway_url=sms_gateway.url)
    sent = await send_code(api, "REGISTER", PHONE)
    assert sent["errors"] == []
    assert len(sms_gateway.received) == 1
    message = sms_gateway.received[0]
    assert message["phone"] == PHONE
    code = re.search(r"\d{6}", message["text"]).group(0)
    # The gateway's code is the one the platform accepts; the outbox row does not keep it.
    row = await OutboundMessage.get(recipient=PHONE)
    assert row.status == DeliveryStatus.SENT and code not in row.body
    token = await login(api, *CSUST)
    await _age_send_slot(PHONE)
    await send_code(api, "CHANGE_PHONE", PHONE, token=token)
    new_code = re.search(r"\d{6}", sms_gateway.received[-1]["text"]).group(0)
    done = await api(CHECK_PHONE, {"input": {"password": CSUST[1], "newPhone": PHONE, "code": new_code}}, token=token)
    assert done.ok("changePhone")["account"]["phone"] == PHONE


async def test_f1_3_gateway_failure_is_reported_and_frees_the_phone(
    make_api, demo: None, sms_gateway: SmsGateway
) -> None:
    api = await make_api(sms_gateway_url=sms_gateway.url)
    sms_gateway.status = 503
    failed = await send_code(api, "REGISTER", PHONE)
    assert [e["code"] for e in failed["errors"]] == ["SMS_DELIVERY_FAILED"]
    assert await VerificationCode.filter(phone=PHONE).count() == 0
    sms_gateway.status = 200
    assert (await send_code(api, "REGISTER", PHONE))["errors"] == []


async def test_f13_2_code_can_also_be_mailed_to_the_contact_email(
    make_api, demo: None, smtp_server: SmtpServer
) -> None:
    api = await make_api(smtp_url=smtp_server.url)
    token = await login(api, *CSUST)
    sent = await send_code(api, "CHANGE_PASSWORD", token=token, also_email=True)
    assert sent["errors"] == []
    assert sent["mailedTo"] == "c***@csust.example.cn"
    sms_code = await last_code(api, "13800000001")
    await api.app.state.services.background.drain()
    messages = await asyncio.to_thread(smtp_server.inbox.wait_for, 1)
    assert len(messages) == 1
    mail = messages[0]
    assert mail["To"] == "contact@csust.example.cn"
    body = mail.get_payload(decode=True).decode()
    assert sms_code in body
    row = await OutboundMessage.get(recipient="contact@csust.example.cn")
    assert row.status == DeliveryStatus.SENT and row.attempts == 1


async def test_f13_2_refused_mail_is_retried_then_marked_failed(
    make_api, demo: None, smtp_server: SmtpServer
) -> None:
    api = await make_api(smtp_url=smtp_server.url)
    api.app.state.services.mail.backoff_seconds = 0.01
    smtp_server.inbox.refuse = True
    token = await login(api, *CSUST)
    sent = await send_code(api, "CHANGE_PASSWORD", token=token, also_email=True)
    assert sent["errors"] == []  # the SMS went out; mail is retried in the background
    await api.app.state.services.background.drain()
    row = await OutboundMessage.get(recipient="contact@csust.example.cn")
    assert row.status == DeliveryStatus.FAILED
    assert row.attempts == 3 and "554" in row.last_error
