"""Limits and defences at the edge: depth, aliases, tokens, body size, query cost, introspection
and the IDE, masked unexpected errors, CORS and websocket origins, rate limits."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
from typing import Any

import httpx
import pytest
import websockets
from tortoise import Tortoise
from websockets.exceptions import InvalidStatus

from server.settings import Settings
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.edge import GRAPHQL_RESPONSE, codes, media_type
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, LOGIN, SEND_CODE, STAFF, login
from tests.support.live import TRANSPORT_WS


async def still_serves(api: Api) -> None:
    response = await api.client.post("/graphql", json={"query": "{ __typename labels(names: [\"AccountKind\"]) { name } }"})
    assert response.status_code == 200, response.text
    assert response.json() == {"data": {"__typename": "Query", "labels": [{"name": "AccountKind"}]}}


def nested(levels: int) -> str:
    """disciplines → majorClasses → discipline → majorClasses … ``levels`` fields deep."""
    path = ["disciplines"] + [("majorClasses", "discipline")[i % 2] for i in range(levels - 2)]
    selection = "name"
    for field in reversed(path):
        selection = f"{field} {{ {selection} }}"
    return f"{{ {selection} }}"


# --- depth, aliases, tokens ---------------------------------------------------------------------

async def test_edge_fifty_levels_deep_is_query_too_deep(api: Api) -> None:
    shallow = await api.client.post("/graphql", json={"query": nested(4)})
    assert shallow.status_code == 200 and "errors" not in shallow.json(), shallow.text
    assert shallow.json()["data"]["disciplines"][0]["majorClasses"][0]["discipline"]["name"]
    assert nested(50).count("{") == 50

    for accept, status in ((GRAPHQL_RESPONSE, 400), ("application/json", 200)):
        deep = await api.client.post("/graphql", json={"query": nested(50)}, headers={"accept": accept})
        assert deep.status_code == status, deep.text
        assert deep.json().get("data") is None
        assert "QUERY_TOO_DEEP" in codes(deep), deep.text
        assert set(codes(deep)) == {"QUERY_TOO_DEEP"}
    # Hidden in fragments, the depth is the same.
    fragments = "\n".join(
        f"fragment D{i} on Discipline {{ majorClasses {{ ...M{i} }} }}\n"
        f"fragment M{i} on MajorClass {{ discipline {{ {'...D' + str(i + 1) if i < 24 else 'name'} }} }}"
        for i in range(25))
    hidden = await api.client.post("/graphql", json={"query": "{ disciplines { ...D0 } }\n" + fragments})
    assert hidden.json().get("data") is None and set(codes(hidden)) == {"QUERY_TOO_DEEP"}, hidden.text
    await still_serves(api)


async def test_edge_too_many_aliases_within_the_token_budget_is_too_many_aliases(api: Api) -> None:
    for count in (31, 1000):
        query = "{ " + " ".join(f"a{i}: __typename" for i in range(count)) + " }"
        response = await api.client.post("/graphql", json={"query": query}, headers={"accept": GRAPHQL_RESPONSE})
        assert response.status_code == 400, response.text
        assert response.json().get("data") is None
        assert codes(response) == ["TOO_MANY_ALIASES"], count
    within = "{ " + " ".join(f"a{i}: __typename" for i in range(30)) + " }"
    assert len((await api.client.post("/graphql", json={"query": within})).json()["data"]) == 30


async def test_edge_ten_thousand_aliases_are_refused_before_running_and_server_still_serves(api: Api) -> None:
    query = "{ " + " ".join(f"a{i}: provinces {{ code }}" for i in range(10_000)) + " }"
    response = await api.client.post("/graphql", json={"query": query}, headers={"accept": GRAPHQL_RESPONSE})
    assert response.status_code == 400, response.text[:300]
    body = response.json()
    assert body.get("data") is None and len(body["errors"]) == 1
    assert "4000 tokens" in body["errors"][0]["message"]
    assert codes(response)[0] in {"TOO_MANY_TOKENS", "TOO_MANY_ALIASES", "GRAPHQL_PARSE_FAILED"}
    await still_serves(api)


async def test_edge_ten_thousand_aliases_answer_the_stable_code_too_many_tokens(api: Api) -> None:
    query = "{ " + " ".join(f"a{i}: provinces {{ code }}" for i in range(10_000)) + " }"
    response = await api.client.post("/graphql", json={"query": query})
    assert codes(response) == ["TOO_MANY_TOKENS"], response.text[:300]


# --- body size ----------------------------------------------------------------------------------

def too_large(response: httpx.Response) -> None:
    assert response.status_code == 413, response.text[:300]
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "REQUEST_TOO_LARGE"
    assert error["extensions"]["maxBytes"] == 1_000_000


async def five_megabytes() -> Any:
    yield b'{"query": "{ __typename }", "variables": {"pad": "'
    for _ in range(50):
        yield b"x" * 100_000
    yield b'"}}'


async def test_edge_five_megabyte_query_is_413_request_too_large(api: Api) -> None:
    huge = "{ __typename }" + " " * 5_000_000
    too_large(await api.client.post("/graphql", json={"query": huge}))
    # Streamed without a Content-Length (chunked): counted as it arrives.
    streamed = await api.client.post("/graphql", content=five_megabytes(),
                                     headers={"content-type": "application/json"})
    assert "content-length" not in streamed.request.headers
    assert streamed.request.headers.get("transfer-encoding") == "chunked"
    too_large(streamed)
    # Just under the limit is served.
    under = await api.client.post("/graphql", json={"query": "{ __typename }", "variables": {"pad": "x" * 900_000}})
    assert under.status_code == 200 and under.json() == {"data": {"__typename": "Query"}}
    await still_serves(api)


async def test_edge_chunked_body_over_the_limit_is_413_on_a_real_server(live_server: Any) -> None:
    streamed = await live_server.http.post("/graphql", content=five_megabytes(),
                                           headers={"content-type": "application/json"})
    too_large(streamed)
    await still_serves(live_server.api)


# --- query cost ---------------------------------------------------------------------------------

NESTED_PAGES = "{ partners(first: 100) { nodes { calls(first: 100) { nodes { operationName outcome } } } } }"


async def test_edge_nested_pages_over_the_cost_limit_are_query_too_costly(api: Api, demo: None) -> None:
    staff = await login(api, *STAFF)
    for query in (NESTED_PAGES,
                  "query($n: Int = 100) { partners(first: $n) { nodes { calls(first: $n) { nodes { operationName } } } } }",
                  "query($n: Int) { partners(first: $n) { nodes { calls(first: $n) { nodes { operationName } } } } }"):
        response = await api.client.post("/graphql", json={"query": query}, headers={
            "authorization": f"Bearer {staff}", "accept": GRAPHQL_RESPONSE})
        assert response.status_code == 400, response.text
        assert response.json().get("data") is None
        assert codes(response) == ["QUERY_TOO_COSTLY"], query
        extensions = response.json()["errors"][0]["extensions"]
        assert extensions["maxCost"] == 10_000 and extensions["cost"] > 10_000
    # A full page of one list is fine.
    page = await api.client.post("/graphql", json={
        "query": "{ schools(first: 100) { totalCount nodes { id code name province { code name } } } "
                 "partners(first: 100) { nodes { name calls(first: 10) { nodes { operationName } } } } }"},
        headers={"authorization": f"Bearer {staff}"})
    assert page.status_code == 200 and "errors" not in page.json(), page.text[:300]
    assert len(page.json()["data"]["schools"]["nodes"]) == min(100, page.json()["data"]["schools"]["totalCount"])


@pytest.mark.parametrize("spelling", ["fragment-spread", "inline-fragment"])
async def test_edge_connections_behind_fragments_count_their_page_size(api: Api, spelling: str) -> None:
    fields = " ".join(["operationName"] * 30)
    inline = f"{{ partners {{ nodes {{ calls {{ nodes {{ {fields} }} }} }} }} }}"
    refused = await api.client.post("/graphql", json={"query": inline})
    assert codes(refused) == ["QUERY_TOO_COSTLY"], refused.text
    if spelling == "fragment-spread":
        query = ("{ partners { ...P } } fragment P on PartnerConnection { nodes { calls { ...C } } } "
                 f"fragment C on PartnerCallTypeConnection {{ nodes {{ {fields} }} }}")
    else:
        query = ("{ partners { ... on PartnerConnection { nodes { calls { ... on PartnerCallTypeConnection "
                 f"{{ nodes {{ {fields} }} }} }} }} }} }} }}")
    response = await api.client.post("/graphql", json={"query": query})
    assert codes(response) == ["QUERY_TOO_COSTLY"], response.text


# --- introspection and the IDE ------------------------------------------------------------------

INTROSPECTION = "{ __schema { queryType { name } } }"


async def test_edge_introspection_and_graphiql_off_when_disabled(make_api: Any, sms_gateway: Any) -> None:
    api = await make_api(graphiql=False, introspection=False, demo=False, sms_gateway_url=sms_gateway.url)
    for query in (INTROSPECTION, '{ __type(name: "Query") { name } }'):
        response = await api.client.post("/graphql", json={"query": query}, headers={"accept": GRAPHQL_RESPONSE})
        assert response.status_code == 400, response.text
        assert response.json().get("data") is None
        assert set(codes(response)) == {"INTROSPECTION_DISABLED"}, response.text
    page = await api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 404
    assert "graphiql" not in page.text.lower()
    # Everything else still works, __typename included.
    await still_serves(api)


async def test_edge_introspection_and_graphiql_follow_demo_settings(make_api: Any, monkeypatch: pytest.MonkeyPatch,
                                                                   sms_gateway: Any) -> None:
    monkeypatch.setenv("SECRET_KEY", "edge-test-secret")
    for name in ("GRAPHIQL", "INTROSPECTION", "DEMO"):
        monkeypatch.delenv(name, raising=False)
    production = Settings.from_env()
    assert (production.graphiql, production.introspection) == (False, False)
    monkeypatch.setenv("DEMO", "1")
    demo = Settings.from_env()
    assert (demo.demo, demo.graphiql, demo.introspection) == (True, True, True)

    api = await make_api(demo=demo.demo, graphiql=demo.graphiql, introspection=demo.introspection)
    response = await api.client.post("/graphql", json={"query": INTROSPECTION})
    assert response.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}
    page = await api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and media_type(page) == "text/html" and "GraphiQL" in page.text

    off = await make_api(demo=production.demo, graphiql=production.graphiql, introspection=production.introspection,
                         sms_gateway_url=sms_gateway.url)
    assert codes(await off.client.post("/graphql", json={"query": INTROSPECTION}))[0] == "INTROSPECTION_DISABLED"
    assert (await off.client.get("/graphql", headers={"accept": "text/html"})).status_code == 404


# Every kind of "Did you mean …?" GraphQL can add, each in a request that does not run: a field,
# an argument (of a field and of a directive), a type (of a variable and of a fragment), an enum
# value and an input field, in the document and in variables.
SEND = ("mutation($input: SendVerificationCodeInput!) { sendVerificationCode(input: $input) "
        "{ sentTo errors { message } } }")
SUGGESTING: list[tuple[str, dict[str, Any], str]] = [
    ("{ learner { totalCount } }", {}, "learners"),
    ("{ learners(frist: 1) { totalCount } }", {}, "first"),
    ("{ learners { totalCount @include(iff: true) } }", {}, "if"),
    ("query($f: LearnerFiltr) { learners(filter: $f) { totalCount } }", {}, "LearnerFilter"),
    ("{ learners { ... on LearnerConection { totalCount } } }", {}, "LearnerConnection"),
    ('mutation { sendVerificationCode(input: {purpose: REGISTR, phone: "13900000001"}) { sentTo } }', {},
     "REGISTER"),
    ('mutation { sendVerificationCode(input: {purpose: REGISTER, phon: "13900000001"}) { sentTo } }', {},
     "phone"),
    (SEND, {"input": {"purpose": "REGISTR", "phone": "13900000001"}}, "REGISTER"),
    (SEND, {"input": {"purpose": "REGISTER", "phon": "13900000001"}}, "phone"),
]


async def suggestion_messages(api: Api) -> list[list[str]]:
    answers = []
    for query, variables, _ in SUGGESTING:
        response = await api.client.post("/graphql", json={"query": query, "variables": variables})
        body = response.json()
        if body.get("data"):
            # A mutation's variable its type cannot read is a field error of the payload
            # (INVALID_CHOICE), which lists the choices only while introspection is on.
            payload = body["data"]["sendVerificationCode"]
            assert payload["errors"] and payload["sentTo"] is None, (query, body)
            answers.append([error["message"] for error in payload["errors"]])
            continue
        assert body["errors"], (query, body)
        assert set(codes(response)) <= {"GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"}, (query, body)
        answers.append([error["message"] for error in body["errors"]])
    return answers


async def test_edge_no_field_suggestions_when_introspection_is_off(make_api: Any, sms_gateway: Any) -> None:
    # With introspection on (development), GraphQL suggests the names it knows: the documents
    # above do draw a suggestion each.
    open_api = await make_api(introspection=True)
    for (query, _, suggested), messages in zip(SUGGESTING, await suggestion_messages(open_api), strict=True):
        assert any(("Did you mean" in m or "可选：" in m) and suggested in m for m in messages), (query, messages)

    # Off, nothing of the schema's names leaks through a typo.
    closed = await make_api(introspection=False, graphiql=False, demo=False, sms_gateway_url=sms_gateway.url)
    for (query, _, suggested), messages in zip(SUGGESTING, await suggestion_messages(closed), strict=True):
        assert not any("Did you mean" in m or "可选：" in m or f"'{suggested}'" in m or f"{suggested}（" in m
                       for m in messages), (query, messages)
    assert sms_gateway.received == []
    await still_serves(closed)


# --- unexpected errors --------------------------------------------------------------------------

SUB_USERS = "{ subUsers { nodes { username status } } }"


async def corrupt_sub_user_status() -> None:
    """A status this release does not know, as a newer release would write it mid rolling upgrade
    (or a hand edit of the database): reading the row fails in the ORM, not in a check of ours."""
    await Tortoise.get_connection("default").execute_query(
        "UPDATE account SET status = 'ARCHIVED' WHERE username = 'csust_teacher'")


async def test_edge_unexpected_error_is_masked_with_an_error_id_found_in_the_log(
        api: Api, demo: None, caplog: pytest.LogCaptureFixture) -> None:
    token = await login(api, *CSUST)
    await corrupt_sub_user_status()
    with caplog.at_level(logging.ERROR, logger="credit_bank.errors"):
        response = await api.client.post("/graphql", json={"query": SUB_USERS},
                                         headers={"authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    error_id = error["extensions"]["errorId"]
    assert len(error_id) >= 8 and error_id in error["message"]
    assert "ARCHIVED" not in response.text and "AccountStatus" not in response.text
    assert error["path"] == ["subUsers"]
    logged = [r for r in caplog.records if r.name == "credit_bank.errors" and error_id in r.getMessage()]
    assert len(logged) == 1, [r.getMessage() for r in caplog.records]
    assert logged[0].levelno == logging.ERROR
    assert logged[0].exc_info and "ARCHIVED" in str(logged[0].exc_info[1])
    # Each occurrence has its own ID.
    again = await api.client.post("/graphql", json={"query": SUB_USERS}, headers={"authorization": f"Bearer {token}"})
    assert again.json()["errors"][0]["extensions"]["errorId"] != error_id
    await still_serves(api)


async def test_edge_debug_shows_the_real_message(make_api: Any, demo: None) -> None:
    api = await make_api(debug=True)
    token = await login(api, *CSUST)
    await corrupt_sub_user_status()
    response = await api.client.post("/graphql", json={"query": SUB_USERS}, headers={"authorization": f"Bearer {token}"})
    (error,) = response.json()["errors"]
    assert "'ARCHIVED' is not a valid AccountStatus" in error["message"], error
    assert "errorId" not in (error.get("extensions") or {})


@pytest.mark.parametrize("offset", ["9223372036854775807", "99999999999999999999999"])
async def test_edge_out_of_range_cursor_is_bad_cursor(api: Api, offset: str) -> None:
    cursor = base64.b64encode(f"offset:{offset}".encode()).decode()
    response = await api.client.post("/graphql", json={
        "query": "query($after: String) { schools(after: $after) { nodes { code } } }",
        "variables": {"after": cursor}})
    assert codes(response) == ["BAD_CURSOR"], response.text


# --- CORS and websocket origins -----------------------------------------------------------------

SCHOOL = "https://school.example"
OTHER = "https://attacker.example"


async def preflight(api: Api, origin: str, headers: str = "content-type, authorization") -> httpx.Response:
    return await api.client.options("/graphql", headers={
        "origin": origin, "access-control-request-method": "POST", "access-control-request-headers": headers})


async def test_edge_cors_preflight_allows_only_the_configured_origin(make_api: Any) -> None:
    api = await make_api(cors_origins=(SCHOOL,))
    allowed = await preflight(api, SCHOOL)
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == SCHOOL
    assert "POST" in allowed.headers["access-control-allow-methods"]
    assert {"authorization", "content-type"} <= {
        h.strip().lower() for h in allowed.headers["access-control-allow-headers"].split(",")}

    refused = await preflight(api, OTHER)
    assert refused.status_code >= 400
    assert "access-control-allow-origin" not in refused.headers

    # The request itself: only the configured origin may read the answer.
    ok = await api.client.post("/graphql", json={"query": "{ __typename }"}, headers={"origin": SCHOOL})
    assert ok.headers.get("access-control-allow-origin") == SCHOOL
    other = await api.client.post("/graphql", json={"query": "{ __typename }"}, headers={"origin": OTHER})
    assert "access-control-allow-origin" not in other.headers

    # Without configured origins nothing cross-origin is allowed.
    closed = await make_api()
    assert "access-control-allow-origin" not in (await preflight(closed, SCHOOL)).headers


async def ws_connect(server: Any, origin: str, token: str) -> dict[str, Any]:
    """Open a websocket from a page on ``origin`` and answer the server's reply to connection_init."""
    async with websockets.connect(server.ws_url, subprotocols=[TRANSPORT_WS], origin=origin,
                                  open_timeout=10) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
        return json.loads(await asyncio.wait_for(ws.recv(), 10))


async def test_edge_websocket_from_a_disallowed_origin_is_refused(make_live_server: Any, demo: None) -> None:
    server = await make_live_server(cors_origins=(SCHOOL,))
    token = await login(server.api, *CSUST)
    assert (await ws_connect(server, SCHOOL, token))["type"] == "connection_ack"
    with pytest.raises(InvalidStatus) as refused:
        await ws_connect(server, OTHER, token)
    assert refused.value.response.status_code == 403

    closed = await make_live_server()
    with pytest.raises(InvalidStatus) as default:
        await ws_connect(closed, SCHOOL, token)
    assert default.value.response.status_code == 403


# --- rate limits --------------------------------------------------------------------------------

def login_body(account: str, password: str) -> dict[str, Any]:
    return {"query": LOGIN, "variables": {"account": account, "password": password}}


def rate_limited(response: httpx.Response) -> int:
    """Assert a RATE_LIMITED answer (429, Retry-After, extensions.retryAfter); the wait."""
    assert response.status_code == 429, response.text
    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    retry_after = response.headers["retry-after"]
    assert retry_after.isdigit() and 1 <= int(retry_after) <= 60
    assert error["extensions"]["retryAfter"] == int(retry_after)
    assert retry_after in error["message"]
    return int(retry_after)


async def test_edge_logins_beyond_the_per_address_limit_are_rate_limited(make_api: Any, demo: None) -> None:
    api = await make_api(login_rate_per_address=3)
    tokens = [await login(api, *account) for account in (CSUST, CSUST_TEACHER)]
    wrong = await api.client.post("/graphql", json=login_body(STAFF[0], "wrong-password"))
    assert wrong.json()["data"]["login"]["errors"][0]["code"] == "INVALID_CREDENTIALS"

    before = await snapshot()
    for body, accept in ((login_body(HNU_SYNCED[0], "wrong-password"), "application/json"),
                         (login_body(*STAFF), GRAPHQL_RESPONSE)):
        rate_limited(await api.client.post("/graphql", json=body, headers={"accept": accept}))
    # Nothing changed: no session, no wrong-password count, no audit row.
    assert await snapshot() == before

    # Other requests are still served, signed-in ones included.
    await still_serves(api)
    me = await api.client.post("/graphql", json={"query": "{ me { username } }"},
                               headers={"authorization": f"Bearer {tokens[0]}"})
    assert me.json() == {"data": {"me": {"username": CSUST[0]}}}


async def test_edge_code_sending_beyond_the_per_address_limit_is_rate_limited(make_api: Any, demo: None) -> None:
    api = await make_api(code_rate_per_address=2)

    def send(phone: str) -> dict[str, Any]:
        return {"query": SEND_CODE, "variables": {"input": {"purpose": "REGISTER", "phone": phone}}}

    for phone in ("13912340001", "13912340002"):
        sent = await api.client.post("/graphql", json=send(phone))
        assert sent.json()["data"]["sendVerificationCode"]["errors"] == [], sent.text
    before = await snapshot()
    rate_limited(await api.client.post("/graphql", json=send("13912340003")))
    assert await snapshot() == before
    outbox = await api.client.post("/graphql", json={
        "query": "query($r: String!) { demoOutbox(recipient: $r) { body } }", "variables": {"r": "13912340003"}})
    assert outbox.json() == {"data": {"demoOutbox": []}}
    # Logins are counted apart from code sending.
    assert await login(api, *CSUST)
    await still_serves(api)
