"""Verification codes outside the demo: production (DEMO=0) does not start without an SMS gateway
(the outbox would keep every code, undelivered), and no log line ever carries a code's text, in
any mode (the demo shows its outbox through ``demoOutbox``, never through the log)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from server.app import create_app
from server.settings import ConfigurationError, Settings
from tests.support.flows import CSUST, last_code, login, send_code
from tests.support.processes import ROOT, AppProcess, app_env
from tests.support.services import SmsGateway, SmtpServer, free_port

REFUSAL = "SMS_GATEWAY_URL"


def refusal_in(text: str) -> None:
    assert REFUSAL in text and "DEMO=0" in text, text
    assert "短信网关" in text and "SMS gateway" in text, text


def test_production_settings_without_an_sms_gateway_do_not_build_an_app(settings: Settings,
                                                                       sms_gateway: SmsGateway) -> None:
    with pytest.raises(ConfigurationError) as refused:
        create_app(settings.with_(demo=False, sms_gateway_url=None), manage_database=False)
    refusal_in(str(refused.value))
    # With a gateway, or in the demo, the app is built.
    create_app(settings.with_(demo=False, sms_gateway_url=sms_gateway.url), manage_database=False)
    create_app(settings.with_(demo=True, sms_gateway_url=None), manage_database=False)


async def test_production_server_refuses_to_start_without_an_sms_gateway(tmp_path: Any) -> None:
    env = app_env(os.environ["CREDIT_BANK_TEST_DB_URL"], tmp_path / "app", DEMO="0")
    env.pop("SMS_GATEWAY_URL", None)
    # `python -m server serve`, the documented start: a clear message and a failing exit status.
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "serve", "--port", str(free_port()), cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        out, err = await asyncio.wait_for(process.communicate(), 30)
    finally:
        if process.returncode is None:  # it started serving
            process.kill()
            await process.wait()
    assert process.returncode != 0, (out, err)
    refusal_in(err.decode())
    # A worker started by uvicorn itself on the app factory stops too, with the same message.
    worker = AppProcess(env, name="production")
    worker.launch()
    try:
        with pytest.raises(RuntimeError) as exited:
            await worker.wait_ready(timeout=30)
    finally:
        worker.stop()
    refusal_in(str(exited.value))


# The service's own loggers, at their most talkative; everything else at the level production
# logs (INFO). The ORM's DEBUG log prints SQL parameters, personal data included: never on.
APP_LOGGERS = ("adapters", "resolvers", "schema", "server", "credit_bank")
TEST_PEERS = ("mail.log",)  # aiosmtpd, the test's SMTP server, logs what it receives


@contextlib.contextmanager
def logging_captured(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    with contextlib.ExitStack() as stack:
        stack.enter_context(caplog.at_level(logging.INFO))
        for name in APP_LOGGERS:
            stack.enter_context(caplog.at_level(logging.DEBUG, logger=name))
        yield


def no_code_logged(caplog: pytest.LogCaptureFixture, code: str) -> None:
    assert re.fullmatch(r"\d{6}", code)
    records = [r for r in caplog.records if not r.name.startswith(TEST_PEERS)]
    assert any(r.name.startswith(APP_LOGGERS) for r in records), "the test must capture the app's logging"
    for record in records:
        assert code not in record.getMessage(), (record.name, record.getMessage())
        assert code not in str(record.exc_info or ""), record.name


async def test_demo_outbox_keeps_codes_out_of_the_log(api: Any, demo: None, caplog: pytest.LogCaptureFixture
                                                      ) -> None:
    with logging_captured(caplog):
        sent = await send_code(api, "LEARNER_REGISTER", "13900000077")
        assert sent["errors"] == []
    no_code_logged(caplog, await last_code(api, "13900000077"))


async def test_gateway_and_mail_keep_codes_out_of_the_log(make_api: Any, demo: None, sms_gateway: SmsGateway,
                                                          smtp_server: SmtpServer,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    api = await make_api(demo=False, sms_gateway_url=sms_gateway.url, smtp_url=smtp_server.url)
    with logging_captured(caplog):
        token = await login(api, *CSUST)
        sent = await send_code(api, "CHANGE_PASSWORD", token=token, also_email=True)
        assert sent["errors"] == []
        await api.app.state.services.background.drain()  # type: ignore[attr-defined]
        mails = await asyncio.to_thread(smtp_server.inbox.wait_for, 1)
    (message,) = sms_gateway.received
    code = re.search(r"\d{6}", message["text"]).group(0)  # type: ignore[union-attr]
    assert code in mails[0].get_payload(decode=True).decode()
    no_code_logged(caplog, code)
