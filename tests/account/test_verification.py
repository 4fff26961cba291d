"""Verification codes: 6 digits, 5 minutes, 5 checks each claimed before the compare, checks
rate-limited, one send per phone a minute, stored hashed; delivered by the SMS outbox or an HTTP
gateway, and optionally mailed (F1.3, F13.2)."""

from __future__ import annotations

import asyncio
import re
from datetime import timedelta
from typing import Any

from tortoise.timezone import now

from models.institution import Institution
from models.outbox import DeliveryStatus, OutboundMessage
from models.verification import PhoneSendSlot, VerificationCode
from tests.account.test_registration import HUNAU, START, start_input
from tests.account.test_registration import PHONE as REGISTER_PHONE
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, STAFF, code_for, last_code, login, send_code
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


def wrong(code: str, offset: int = 1) -> str:
    return f"{(int(code) + offset) % 1_000_000:06d}"


async def test_f1_3_fifty_racing_guesses_check_a_code_at_most_five_times(make_api: Any, demo: None) -> None:
    """Each check first claims one of the code's five tries in the database (a conditional
    UPDATE); a request that finds none left is refused without comparing."""
    api = await make_api(code_check_rate_per_address=1000, code_check_rate_per_account=1000)
    code = await code_for(api, "REGISTER", REGISTER_PHONE)
    base = await start_input(api)
    guesses = [wrong(code, offset) for offset in range(1, 50)]
    guesses.insert(25, code)
    results = await asyncio.gather(
        *(api(START, {"input": {**base, "code": guess}}) for guess in guesses)
    )
    answers = [result.payload("startRegistration") for result in results]
    accepted = [i for i, a in enumerate(answers) if a["errors"] == []]
    # A wrong code that was compared says how many tries are left; one refused unchecked does not.
    compared_wrong = [a for a in answers if a["errors"] and "还可尝试" in a["errors"][0]["message"]]
    row = await VerificationCode.get(phone=REGISTER_PHONE, purpose="REGISTER")
    assert row.failed_attempts <= 5, row.failed_attempts
    assert len(compared_wrong) + len(accepted) <= 5, (len(compared_wrong), accepted)
    assert accepted in ([], [25])
    assert await Institution.filter(school__code=HUNAU).count() == len(accepted)
    if not accepted:
        # The right code came too late: the code is burnt, a new one must be requested.
        assert [e["code"] for e in answers[25]["errors"]] == ["CODE_ATTEMPTS_EXCEEDED"]
        late = await api(START, {"input": {**base, "code": code}})
        assert late.refused("startRegistration") == ["CODE_ATTEMPTS_EXCEEDED"]
        assert await Institution.filter(school__code=HUNAU).count() == 0


async def test_f1_3_code_checks_beyond_the_per_address_limit_are_rate_limited(
    make_api: Any, demo: None, from_address: Any
) -> None:
    api = await make_api(code_check_rate_per_address=3)
    base = await start_input(api)
    for n in range(3):
        tried = await api(START, {"input": {**base, "phone": f"1391234000{n}", "code": "000000"}})
        assert tried.refused("startRegistration") == ["CODE_INVALID"]
    before = await snapshot()
    limited = await api(START, {"input": {**base, "phone": "13912340009", "code": "000000"}})
    assert limited.error_codes == ["RATE_LIMITED"] and limited.response.status_code == 429
    assert limited.response.headers["retry-after"].isdigit()
    assert await snapshot() == before
    elsewhere = from_address(api, "198.51.100.7")
    tried = await elsewhere(START, {"input": {**base, "phone": "13912340009", "code": "000000"}})
    assert tried.refused("startRegistration") == ["CODE_INVALID"]


async def test_f1_3_code_checks_beyond_the_per_account_limit_are_rate_limited(
    make_api: Any, demo: None, from_address: Any
) -> None:
    """Per account when signed in, per phone when registering; from any address."""
    api = await make_api(code_check_rate_per_account=2)
    token = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PHONE", PHONE, token=token)
    change = {"input": {"password": CSUST[1], "newPhone": PHONE, "code": wrong(code)}}
    for _ in range(2):
        assert (await api(CHECK_PHONE, change, token=token)).refused("changePhone") == ["CODE_INVALID"]
    before = await snapshot()
    elsewhere = from_address(api, "198.51.100.7")
    right = {"input": {**change["input"], "code": code}}
    assert (await elsewhere(CHECK_PHONE, right, token=token)).error_codes == ["RATE_LIMITED"]
    assert await snapshot() == before
    # Another account is not held back.
    staff = await login(api, *STAFF)
    other = {"input": {"password": STAFF[1], "newPhone": "13900000041", "code": "000000"}}
    assert (await api(CHECK_PHONE, other, token=staff)).refused("changePhone") == ["CODE_INVALID"]

    base = await start_input(api, phone="13900000042")
    for address in ("198.51.100.8", "198.51.100.9"):
        tried = await from_address(api, address)(START, {"input": {**base, "code": "000000"}})
        assert tried.refused("startRegistration") == ["CODE_INVALID"]
    third = await from_address(api, "198.51.100.10")(START, {"input": {**base, "code": "000000"}})
    assert third.error_codes == ["RATE_LIMITED"]


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
