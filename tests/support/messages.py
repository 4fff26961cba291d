"""The message centre (我的消息, F12) through the public API: query documents, the steps that read
and mark messages, the cheapest events that leave messages, and an SMTP peer whose delivery the
test holds open (to prove a request never waits for mail)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from email.header import decode_header, make_header
from email.message import Message as Mail
from typing import Any

from aiosmtpd.controller import Controller
from tortoise import Tortoise

from tests.support.api import Api, GraphQLResult
from tests.support.catalogue import GRANT, REVOKE, institution_id
from tests.support.services import MailInbox, SmtpServer, free_port

ERRORS = "errors { field code message }"
MESSAGE = "id kind title body createdAt readAt read module objectId"

MESSAGES = f"""
query Messages($filter: MessageFilter, $first: Int, $after: String, $offset: Int) {{
  messages(filter: $filter, first: $first, after: $after, offset: $offset) {{
    totalCount
    pageInfo {{ hasNextPage hasPreviousPage startCursor endCursor }}
    nodes {{ {MESSAGE} }}
  }}
}}
"""
UNREAD = "{ unreadMessageCount }"
MESSAGE_NODE = f"query Node($id: ID!) {{ node(id: $id) {{ __typename ... on Message {{ {MESSAGE} }} }} }}"
# What 【处理】 opens: any object by its global ID.
OBJECT = "query Object($id: ID!) { node(id: $id) { __typename id } }"
MARK_READ = f"""
mutation Mark($input: MarkMessagesReadInput!) {{
  markMessagesRead(input: $input) {{ marked unreadCount {ERRORS} }}
}}
"""
PREFERENCES = f"""
mutation Prefs($byEmail: Boolean!, $email: String) {{
  setMessagePreferences(input: {{byEmail: $byEmail, email: $email}}) {{ account {{ id notifyByEmail email }} {ERRORS} }}
}}
"""
ME = "{ me { id notifyByEmail } }"


# --- reading ------------------------------------------------------------------------------------


def chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


async def inbox(api: Api, token: str, filter: dict[str, Any] | None = None, **page: Any) -> dict[str, Any]:
    """One page of the caller's messages (the connection as answered)."""
    result = await api(MESSAGES, {"filter": filter, **page}, token=token)
    assert not result.errors, result.errors
    return result.data["messages"]


async def all_messages(api: Api, token: str, **filter: Any) -> list[dict[str, Any]]:
    """Every message of the caller matching ``filter`` (kind, read), newest first."""
    found = await inbox(api, token, filter or None, first=100)
    assert found["totalCount"] == len(found["nodes"]), found
    return found["nodes"]


async def the_message(api: Api, token: str, kind: str) -> dict[str, Any]:
    """The caller's one message of ``kind``, which must be readable: Chinese title and body."""
    found = await all_messages(api, token, kind=kind)
    assert len(found) == 1, found
    message = found[0]
    assert message["kind"] == kind and message["read"] is False and message["readAt"] is None
    assert chinese(message["title"]) and chinese(message["body"]), message
    return message


async def kinds(api: Api, token: str) -> list[str]:
    return [m["kind"] for m in await all_messages(api, token)]


async def unread(api: Api, token: str) -> int:
    result = await api(UNREAD, token=token)
    assert not result.errors, result.errors
    return result.data["unreadMessageCount"]


async def message_node(api: Api, token: str, message_id: str) -> GraphQLResult:
    return await api(MESSAGE_NODE, {"id": message_id}, token=token)


async def open_object(api: Api, token: str, message: dict[str, Any]) -> str:
    """Follow a message's objectId as 【处理】 does; the type of the object found."""
    assert message["objectId"], message
    result = await api(OBJECT, {"id": message["objectId"]}, token=token)
    assert not result.errors, result.errors
    assert result.data["node"]["id"] == message["objectId"]
    return result.data["node"]["__typename"]


async def mark_read(api: Api, token: str | None, ids: list[str] | None = None, *,
                    everything: bool = False) -> GraphQLResult:
    return await api(MARK_READ, {"input": {"ids": ids, "allMatching": everything}}, token=token)


async def marked(api: Api, token: str, ids: list[str] | None = None, *,
                 everything: bool = False) -> tuple[int, int]:
    """markMessagesRead that must succeed: (marked, unreadCount)."""
    payload = (await mark_read(api, token, ids, everything=everything)).ok("markMessagesRead")
    return payload["marked"], payload["unreadCount"]


async def set_by_email(api: Api, token: str, by_email: bool, email: str | None = None) -> GraphQLResult:
    return await api(PREFERENCES, {"byEmail": by_email, "email": email}, token=token)


async def notify_by_email(api: Api, token: str) -> bool:
    result = await api(ME, token=token)
    assert not result.errors, result.errors
    return result.data["me"]["notifyByEmail"]


# --- events -------------------------------------------------------------------------------------


async def grant_change(api: Api, staff: str, institution_token: str, subtype: str, *,
                       revoke: bool = False) -> None:
    """Staff grant (or revoke) a subtype to the institution of ``institution_token``: the
    cheapest event, one GRANT_CHANGED message for each of its users."""
    document, field = (REVOKE, "revokeSubtype") if revoke else (GRANT, "grantSubtype")
    variables = {"institutionId": await institution_id(api, institution_token), "subtype": subtype}
    (await api(document, variables, token=staff)).ok(field)


def subject_of(mail: Mail) -> str:
    """A received mail's subject, RFC 2047 words decoded."""
    return str(make_header(decode_header(mail["Subject"])))


def text_of(mail: Mail) -> str:
    return mail.get_payload(decode=True).decode()  # type: ignore[union-attr]


# --- a slow SMTP server -------------------------------------------------------------------------


class GatedInbox(MailInbox):
    """An inbox that holds every mail's DATA step until the test opens ``gate``; ``entered``
    tells the test a delivery has reached it."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()
        self.entered = threading.Event()

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.entered.set()
        await asyncio.to_thread(self.gate.wait, 120)
        return await super().handle_DATA(server, session, envelope)


class GatedSmtpServer(SmtpServer):
    def __init__(self) -> None:
        self.inbox: GatedInbox = GatedInbox()
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=free_port())


@contextmanager
def gated_smtp_server() -> Iterator[GatedSmtpServer]:
    server = GatedSmtpServer()
    server.start()
    try:
        yield server
    finally:
        server.inbox.gate.set()  # never leave a delivery hanging in the server's thread
        server.stop()


# --- a failing import ---------------------------------------------------------------------------


@asynccontextmanager
async def refusing_course(name: str) -> AsyncIterator[None]:
    """A database trigger that refuses to store a course called ``name``: an import holding it
    fails half-way (the way tests/achievement/test_import.py provokes it)."""
    connection = Tortoise.get_connection("default")
    postgres = connection.capabilities.dialect == "postgres"
    if postgres:
        await connection.execute_script(
            "CREATE FUNCTION refuse_course() RETURNS trigger AS $$ BEGIN "
            f"IF NEW.course_name = '{name}' THEN RAISE EXCEPTION 'injected failure'; END IF; "
            "RETURN NEW; END $$ LANGUAGE plpgsql;"
            "CREATE TRIGGER refuse_course BEFORE INSERT ON achievement "
            "FOR EACH ROW EXECUTE FUNCTION refuse_course();"
        )
    else:
        await connection.execute_script(
            f"CREATE TRIGGER refuse_course BEFORE INSERT ON achievement WHEN NEW.course_name = '{name}' "
            "BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"
        )
    try:
        yield
    finally:
        await connection.execute_script(
            "DROP TRIGGER IF EXISTS refuse_course ON achievement; DROP FUNCTION refuse_course();"
            if postgres else "DROP TRIGGER IF EXISTS refuse_course;"
        )
