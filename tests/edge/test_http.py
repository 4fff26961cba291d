"""GraphQL over HTTP: ``application/graphql-response+json`` with its status codes, the legacy
``application/json`` (always 200), content types, and batched requests."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from server.documents import sha256_hex
from tests.support.api import Api
from tests.support.edge import (
    GRAPHQL_RESPONSE,
    LEGACY_JSON,
    apq,
    codes,
    media_type,
    stored_documents,
)

PARSE_ERROR = "{ provinces { name }"
UNKNOWN_FIELD = "{ provinces { noSuchField } }"
PAGE = "query Page($first: Int!) { schools(first: $first) { totalCount } }"
# Well-formed and valid: refused by the resolver at execution (a field error), not a request error.
NEEDS_LOGIN = "{ subUsers { totalCount } }"
MODERN = {"accept": GRAPHQL_RESPONSE}


async def post(api: Api, body: Any, accept: str | None = None, **headers: str) -> Any:
    if accept is not None:
        headers["accept"] = accept
    return await api.client.post("/graphql", json=body, headers=headers)


async def test_edge_graphql_response_media_type_is_answered_when_asked(api: Api) -> None:
    for accept in (GRAPHQL_RESPONSE, f"{GRAPHQL_RESPONSE}, application/json;q=0.9"):
        response = await post(api, {"query": "{ __typename }"}, accept)
        assert response.status_code == 200
        assert media_type(response) == GRAPHQL_RESPONSE, accept
        assert response.json() == {"data": {"__typename": "Query"}}
    over_get = await api.client.get("/graphql", params={"query": "{ __typename }"}, headers=MODERN)
    assert over_get.status_code == 200 and media_type(over_get) == GRAPHQL_RESPONSE
    legacy = await post(api, {"query": "{ __typename }"}, LEGACY_JSON)
    assert media_type(legacy) == "application/json"


async def test_edge_parse_error_is_400_graphql_parse_failed(api: Api) -> None:
    response = await post(api, {"query": PARSE_ERROR}, GRAPHQL_RESPONSE)
    assert response.status_code == 400, response.text
    assert media_type(response) == GRAPHQL_RESPONSE
    assert response.json().get("data") is None
    assert codes(response) == ["GRAPHQL_PARSE_FAILED"]


async def test_edge_unknown_field_is_400_graphql_validation_failed(api: Api) -> None:
    response = await post(api, {"query": UNKNOWN_FIELD}, GRAPHQL_RESPONSE)
    assert response.status_code == 400, response.text
    assert response.json().get("data") is None
    assert codes(response) == ["GRAPHQL_VALIDATION_FAILED"]
    assert "noSuchField" in response.json()["errors"][0]["message"]


@pytest.mark.parametrize("variables", [{"first": "many"}, {}, {"first": None}, {"first": 2 ** 40}],
                         ids=["wrong-type", "missing", "null-for-non-null", "out-of-int-range"])
async def test_edge_bad_variable_is_a_400_request_error(api: Api, variables: dict[str, Any]) -> None:
    response = await post(api, {"query": PAGE, "variables": variables}, GRAPHQL_RESPONSE)
    assert response.status_code == 400, response.text
    assert response.json().get("data") is None
    assert len(codes(response)) == 1 and codes(response)[0] is not None


@pytest.mark.parametrize("variables", [{"first": "many"}, {}], ids=["wrong-type", "missing"])
async def test_edge_bad_variable_has_code_bad_user_input(api: Api, variables: dict[str, Any]) -> None:
    response = await post(api, {"query": PAGE, "variables": variables}, GRAPHQL_RESPONSE)
    assert codes(response) == ["BAD_USER_INPUT"], response.text


async def test_edge_resolver_refusal_is_200_with_data(api: Api) -> None:
    refused = await post(api, {"query": NEEDS_LOGIN}, GRAPHQL_RESPONSE)
    assert refused.status_code == 200, refused.text
    assert media_type(refused) == GRAPHQL_RESPONSE
    assert "data" in refused.json()  # null: the refused field is non-null, so null bubbles up
    assert codes(refused) == ["UNAUTHENTICATED"]
    # A nullable field keeps the rest of the data.
    partial = await post(api, {"query": "{ __typename me { id } }"}, GRAPHQL_RESPONSE,
                         authorization="Bearer not-a-real-token")
    assert partial.status_code == 200, partial.text
    assert partial.json()["data"] == {"__typename": "Query", "me": None}
    assert codes(partial) == ["UNAUTHENTICATED"]


@pytest.mark.parametrize("accept", [LEGACY_JSON, None, "*/*"], ids=["application-json", "no-accept", "any"])
async def test_edge_legacy_json_answers_request_errors_with_200(api: Api, accept: str | None) -> None:
    cases = [({"query": PARSE_ERROR}, "GRAPHQL_PARSE_FAILED"),
             ({"query": UNKNOWN_FIELD}, "GRAPHQL_VALIDATION_FAILED"),
             ({"query": PAGE, "variables": {"first": "many"}}, None),
             ({"query": NEEDS_LOGIN}, "UNAUTHENTICATED")]
    for body, code in cases:
        headers = {} if accept is None else {"accept": accept}
        response = await api.client.post("/graphql", json=body, headers=headers)
        assert response.status_code == 200, (body, response.text)
        assert media_type(response) == "application/json"
        assert response.json().get("data") is None
        if code is not None:
            assert codes(response) == [code], body
        else:
            assert len(response.json()["errors"]) == 1


@pytest.mark.parametrize("content_type", ["text/plain", "application/graphql", "application/x-www-form-urlencoded",
                                          None])
async def test_edge_unsupported_content_type_is_refused_with_4xx(api: Api, content_type: str | None) -> None:
    headers = {} if content_type is None else {"content-type": content_type}
    response = await api.client.post("/graphql", content=b'{"query": "{ __typename }"}', headers=headers)
    assert 400 <= response.status_code < 500, response.text
    assert "__typename" not in response.text


async def test_edge_malformed_json_body_and_missing_query_are_400(api: Api) -> None:
    for body in (b"{", b"{}", b'{"query": null}', b'{"query": 42}', b'{"query": "{ __typename }", "variables": []}',
                 b'{"query": "{ __typename }", "extensions": "x"}', b'[{"documentId": null}]'):
        response = await api.client.post("/graphql", content=body, headers={"content-type": "application/json"})
        assert response.status_code == 400, (body, response.status_code, response.text)


@pytest.mark.parametrize("body", [b'"just a string"', b"null", b"42", b"[1]", b"[null]"])
async def test_edge_json_body_that_is_not_an_object_is_400(api: Api, body: bytes) -> None:
    transport = httpx.ASGITransport(app=api.app, raise_app_exceptions=False)  # type: ignore[attr-defined]
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        response = await client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, (response.status_code, response.text)


async def test_edge_batch_of_up_to_ten_operations_runs_each(api: Api) -> None:
    batch = [{"query": "query Op($n: Int!) { schools(first: $n) { totalCount } __typename }",
              "variables": {"n": i}} for i in range(10)]
    response = await post(api, batch)
    assert response.status_code == 200, response.text
    answers = response.json()
    assert isinstance(answers, list) and len(answers) == 10
    assert all(a == {"data": {"schools": {"totalCount": 0}, "__typename": "Query"}} for a in answers), answers
    single = await post(api, [{"query": "{ __typename }"}])
    assert single.json() == [{"data": {"__typename": "Query"}}]


async def test_edge_batch_of_eleven_operations_is_400(api: Api, make_api: Any) -> None:
    response = await post(api, [{"query": "{ __typename }"}] * 11)
    assert response.status_code == 400, response.text
    assert "Query" not in response.text
    # The limit is the setting.
    wider = await make_api(max_batch=11)
    assert (await post(wider, [{"query": "{ __typename }"}] * 11)).status_code == 200


async def test_edge_batch_mixing_persisted_query_items_runs_each(api: Api) -> None:
    known = '{ labels(names: ["AccountKind"]) { name } }'
    await post(api, {"query": known, "extensions": apq(known)})
    fresh = '{ labels(names: ["AccountStatus"]) { name } }'
    batch = [
        {"query": "{ __typename }"},
        {"extensions": apq(known)},                       # hash only, already stored
        {"query": fresh, "extensions": apq(fresh)},       # registered by this batch
        {"documentId": f"sha256:{sha256_hex(known)}"},    # GraphQL over HTTP's form
    ]
    response = await post(api, batch)
    assert response.status_code == 200, response.text
    assert response.json() == [
        {"data": {"__typename": "Query"}},
        {"data": {"labels": [{"name": "AccountKind"}]}},
        {"data": {"labels": [{"name": "AccountStatus"}]}},
        {"data": {"labels": [{"name": "AccountKind"}]}},
    ]
    assert set(await stored_documents()) == {sha256_hex(known), sha256_hex(fresh)}


async def test_edge_batch_with_one_unknown_hash_answers_each_item(api: Api) -> None:
    response = await post(api, [{"query": "{ __typename }"}, {"extensions": apq("{ provinces { code } }")}])
    body = response.json()
    assert isinstance(body, list) and len(body) == 2, body
    assert body[0] == {"data": {"__typename": "Query"}}
    assert body[1]["errors"][0]["message"] == "PersistedQueryNotFound"


async def test_edge_refusals_answer_in_the_accepted_media_type(api: Api) -> None:
    query = "{ __typename }"
    refusals = [
        await api.client.post("/graphql", json={"query": query, "extensions": apq(query, sha="0" * 64)},
                              headers=MODERN),
        await api.client.post("/graphql", json={"documentId": "sha256:" + "1" * 64}, headers=MODERN),
        await api.client.get("/graphql", params={"query": "mutation { logout { errors { code } } }"},
                             headers=MODERN),
    ]
    assert [r.status_code for r in refusals] == [400, 404, 405]
    assert [media_type(r) for r in refusals] == [GRAPHQL_RESPONSE] * 3
