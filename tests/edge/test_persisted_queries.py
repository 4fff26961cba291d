"""D3: Apollo's automatic persisted queries and GraphQL-over-HTTP's ``documentId`` for every
client, over POST and GET; the store is a table every worker shares; a mutation over GET is 405."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from models.partner import PersistedQuery
from server.documents import sha256_hex
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.edge import (
    APOLLO_CLIENT_DIR,
    GRAPHQL_RESPONSE,
    apq,
    apq_params,
    codes,
    install_node_packages,
    media_type,
    node_tools,
    run_process,
    stored_documents,
)
from tests.support.flows import CSUST, login

LEVELS = 'query Labels { labels(names: ["AccountStatus"]) { name values { value label } } }'
LEVELS_DATA = {"labels": [{"name": "AccountStatus", "values": [
    {"value": "ACTIVE", "label": "启用"}, {"value": "DISABLED", "label": "停用"},
    {"value": "DELETED", "label": "已删除"}]}]}
SCHOOLS = "query Schools($first: Int) { schools(first: $first) { totalCount nodes { code } } }"
ME = "query Me { me { username } }"
LOGOUT = "mutation Logout { logout { errors { code } } }"


def not_found(response: Any) -> None:
    """Apollo's answer to an unknown hash: HTTP 200, the exact message clients look for."""
    assert response.status_code == 200, response.text
    body = response.json()
    assert body.get("data") is None
    assert [e["message"] for e in body["errors"]] == ["PersistedQueryNotFound"]
    assert codes(response) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_d3_apq_unknown_hash_answers_persisted_query_not_found(api: Api) -> None:
    over_post = await api.client.post("/graphql", json={"extensions": apq(LEVELS)})
    not_found(over_post)
    over_get = await api.client.get("/graphql", params=apq_params(LEVELS),
                                    headers={"accept": "application/json"})
    not_found(over_get)
    # Asking under GraphQL over HTTP's media type changes nothing: Apollo clients send that Accept.
    modern = await api.client.post("/graphql", json={"extensions": apq(LEVELS)},
                                   headers={"accept": f"{GRAPHQL_RESPONSE}, application/json;q=0.9"})
    not_found(modern)
    assert await stored_documents() == {}


async def test_d3_apq_query_with_its_hash_runs_and_is_stored(api: Api) -> None:
    response = await api.client.post("/graphql", json={"query": LEVELS, "extensions": apq(LEVELS)})
    assert response.status_code == 200, response.text
    assert response.json() == {"data": LEVELS_DATA}
    assert await stored_documents() == {sha256_hex(LEVELS): LEVELS}
    # Sending it again (another client that had no hash yet) neither fails nor duplicates.
    again = await api.client.post("/graphql", json={"query": LEVELS, "extensions": apq(LEVELS)})
    assert again.json() == {"data": LEVELS_DATA}
    assert await PersistedQuery.all().count() == 1


async def test_d3_apq_hash_only_then_runs_over_post_and_get(api: Api, demo: None) -> None:
    registered = await api.client.post("/graphql", json={
        "query": SCHOOLS, "variables": {"first": 2}, "operationName": "Schools",
        "extensions": apq(SCHOOLS)})
    expected = registered.json()
    assert expected["data"]["schools"]["totalCount"] > 2 and len(expected["data"]["schools"]["nodes"]) == 2

    over_post = await api.client.post("/graphql", json={
        "variables": {"first": 2}, "operationName": "Schools", "extensions": apq(SCHOOLS)})
    assert over_post.status_code == 200 and over_post.json() == expected, over_post.text
    # A GET a browser or CDN sends: the IDE page must not answer it, whatever the Accept says.
    for accept in ("*/*", "text/html", "text/html,application/xhtml+xml,*/*;q=0.8", "application/json"):
        over_get = await api.client.get("/graphql", params=apq_params(
            SCHOOLS, variables={"first": 2}, operationName="Schools"), headers={"accept": accept})
        assert over_get.status_code == 200, (accept, over_get.text[:200])
        assert media_type(over_get) == "application/json", accept
        assert over_get.json() == expected, accept
    # The IDE is still there for a plain browser visit (demo settings).
    page = await api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200 and "<html" in page.text.lower()


async def test_d3_apq_store_is_shared_between_two_workers(make_api: Any) -> None:
    first, second = await make_api(), await make_api()
    stored = await first.client.post("/graphql", json={"query": LEVELS, "extensions": apq(LEVELS)})
    assert stored.json() == {"data": LEVELS_DATA}
    # The other worker never saw the query: it reads it from the shared table.
    over_get = await second.client.get("/graphql", params=apq_params(LEVELS), headers={"accept": "*/*"})
    assert over_get.status_code == 200 and over_get.json() == {"data": LEVELS_DATA}, over_get.text
    over_post = await second.client.post("/graphql", json={"extensions": apq(LEVELS)})
    assert over_post.json() == {"data": LEVELS_DATA}

    # Two workers registering the same new query at the same moment: both answer, one row.
    query = "query Twice { labels(names: [\"AccountKind\"]) { name } }"
    answers = await asyncio.gather(*[
        api.client.post("/graphql", json={"query": query, "extensions": apq(query)})
        for api in (first, second, first, second)])
    assert [a.json() for a in answers] == [{"data": {"labels": [{"name": "AccountKind"}]}}] * 4
    assert set(await stored_documents()) == {sha256_hex(LEVELS), sha256_hex(query)}


async def test_d3_apq_wrong_hash_is_400_hash_mismatch_and_nothing_stored(api: Api) -> None:
    other = sha256_hex(LEVELS + " ")
    for extensions in (apq(LEVELS, sha=other), apq(LEVELS, sha="0" * 64), apq(LEVELS, sha="not-a-hash")):
        response = await api.client.post("/graphql", json={"query": LEVELS, "extensions": extensions})
        assert response.status_code == 400, response.text
        assert codes(response) == ["PERSISTED_QUERY_HASH_MISMATCH"]
        assert response.json().get("data") is None
    over_get = await api.client.get("/graphql", params={
        "query": LEVELS, "extensions": json.dumps(apq(LEVELS, sha=other))})
    assert over_get.status_code == 400 and codes(over_get) == ["PERSISTED_QUERY_HASH_MISMATCH"]
    assert await stored_documents() == {}
    # Nothing was learnt under the wrong hash: it is still unknown.
    not_found(await api.client.post("/graphql", json={"extensions": apq(LEVELS, sha=other)}))


async def test_d3_apq_version_2_is_refused_with_400(api: Api) -> None:
    for persisted in ({"version": 2, "sha256Hash": sha256_hex(LEVELS)},
                      {"version": "1", "sha256Hash": sha256_hex(LEVELS)},
                      {"version": 1}, "yes"):
        response = await api.client.post("/graphql", json={"query": LEVELS,
                                                            "extensions": {"persistedQuery": persisted}})
        assert response.status_code == 400, (persisted, response.text)
        assert codes(response) == ["PERSISTED_QUERY_INVALID"], persisted
    assert await stored_documents() == {}


async def test_d3_document_id_in_a_post_body_runs_the_stored_document(api: Api) -> None:
    await api.client.post("/graphql", json={"query": LEVELS, "extensions": apq(LEVELS)})
    for document_id in (f"sha256:{sha256_hex(LEVELS)}", f"SHA256:{sha256_hex(LEVELS).upper()}"):
        response = await api.client.post("/graphql", json={"documentId": document_id})
        assert response.status_code == 200, response.text
        assert response.json() == {"data": LEVELS_DATA}, document_id
    # The same under GraphQL over HTTP's own media type.
    modern = await api.client.post("/graphql", json={"documentId": f"sha256:{sha256_hex(LEVELS)}"},
                                   headers={"accept": GRAPHQL_RESPONSE})
    assert modern.status_code == 200 and media_type(modern) == GRAPHQL_RESPONSE
    assert modern.json() == {"data": LEVELS_DATA}


async def test_d3_document_id_in_a_get_query_string_runs_the_stored_document(api: Api) -> None:
    await api.client.post("/graphql", json={"query": LEVELS, "extensions": apq(LEVELS)})
    for accept in ("*/*", "text/html", "application/json"):
        response = await api.client.get("/graphql", params={"documentId": f"sha256:{sha256_hex(LEVELS)}"},
                                        headers={"accept": accept})
        assert response.status_code == 200, (accept, response.text[:200])
        assert response.json() == {"data": LEVELS_DATA}, accept


async def test_d3_unknown_document_id_is_persisted_query_not_found(api: Api) -> None:
    over_post = await api.client.post("/graphql", json={"documentId": "sha256:" + "1" * 64})
    over_get = await api.client.get("/graphql", params={"documentId": "sha256:" + "1" * 64},
                                    headers={"accept": "text/html"})
    for response in (over_post, over_get):
        assert response.status_code == 404, response.text
        assert codes(response) == ["PERSISTED_QUERY_NOT_FOUND"]


async def test_d3_mutation_over_get_is_405_allow_post_and_changes_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    auth = {"authorization": f"Bearer {token}"}
    # Registered by POST while signed out (the logout is refused), so the hash is known.
    registered = await api.client.post("/graphql", json={"query": LOGOUT, "extensions": apq(LOGOUT)})
    assert codes(registered) == ["UNAUTHENTICATED"], registered.text
    before = await snapshot()

    attempts = {
        "plain": {"query": LOGOUT},
        "persisted hash": apq_params(LOGOUT),
        "documentId": {"documentId": f"sha256:{sha256_hex(LOGOUT)}"},
    }
    for name, params in attempts.items():
        for accept in ("application/json", GRAPHQL_RESPONSE, "*/*"):
            response = await api.client.get("/graphql", params=params, headers={**auth, "accept": accept})
            assert response.status_code == 405, (name, accept, response.text)
            assert response.headers["allow"] == "POST", name
            assert codes(response) == ["METHOD_NOT_ALLOWED"], name

    assert await snapshot() == before
    # The login the GET tried to end still stands.
    me = await api.client.post("/graphql", json={"query": ME}, headers=auth)
    assert me.json() == {"data": {"me": {"username": CSUST[0]}}}


async def test_d3_mutation_over_get_with_its_query_and_hash_stores_nothing(api: Api) -> None:
    before = await snapshot()
    response = await api.client.get("/graphql", params={"query": LOGOUT, "extensions": json.dumps(apq(LOGOUT))})
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert await snapshot() == before


@pytest.mark.parametrize("text", ["{ this is not graphql", "{ noSuchField }", "#" + "x" * 500_000],
                         ids=["unparseable", "invalid", "half-megabyte-comment"])
async def test_d3_document_that_does_not_parse_or_validate_is_not_stored(api: Api, text: str) -> None:
    response = await api.client.post("/graphql", json={"query": text, "extensions": apq(text)})
    assert response.json().get("data") is None and response.json()["errors"]
    assert await stored_documents() == {}


async def test_d3_apollo_client_persisted_queries_work_unchanged(live_server: Any, demo: None) -> None:
    """The real @apollo/client (PersistedQueryLink with hashed queries over GET, HttpLink) against
    a real uvicorn: hash only → PersistedQueryNotFound → retried with the query; then hash only
    over GET answers data."""
    if node_tools() is None:
        pytest.skip("node and npm are needed for the Apollo client check")
    await install_node_packages()
    code, out, err = await run_process("node", "client.mjs", f"http://127.0.0.1:{live_server.port}/graphql",
                                       cwd=APOLLO_CLIENT_DIR, timeout=120)
    assert code == 0, f"node failed ({code}):\n{out}\n{err}"
    seen = json.loads(out.strip().splitlines()[-1])
    first, second = seen["rounds"]

    expected = (await live_server.api(
        "{ schools(first: 3) { totalCount nodes { code name } } }")).data["schools"]
    for round_ in (first, second):
        assert round_["error"] is None, round_
        assert round_["data"]["schools"]["totalCount"] == expected["totalCount"]
        assert [(n["code"], n["name"]) for n in round_["data"]["schools"]["nodes"]] == [
            (n["code"], n["name"]) for n in expected["nodes"]]

    # First round: the hash alone over GET, told PersistedQueryNotFound, then the query by POST.
    assert [r["method"] for r in first["requests"]] == ["GET", "POST"], first["requests"]
    probe, retry = first["requests"]
    assert "query" not in probe["params"]
    sha = json.loads(probe["params"]["extensions"])["persistedQuery"]["sha256Hash"]
    assert probe["status"] == 200
    assert probe["response"]["errors"][0]["message"] == "PersistedQueryNotFound"
    assert probe["response"]["errors"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
    assert retry["body"]["query"] and retry["body"]["extensions"]["persistedQuery"]["sha256Hash"] == sha
    assert retry["status"] == 200 and "errors" not in retry["response"]
    stored = await stored_documents()
    assert list(stored) == [sha] and stored[sha] == retry["body"]["query"]

    # Second round: one GET with the hash only, answered with data.
    assert [r["method"] for r in second["requests"]] == ["GET"], second["requests"]
    (again,) = second["requests"]
    assert "query" not in again["params"] and again["body"] is None
    assert json.loads(again["params"]["extensions"])["persistedQuery"]["sha256Hash"] == sha
    assert again["status"] == 200 and "errors" not in again["response"]
    assert again["response"]["data"]["schools"]["totalCount"] == expected["totalCount"]
