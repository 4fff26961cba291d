"""Cross-site request forgery: a page on any site can make a visitor's browser POST a plain HTML
form (multipart/form-data, application/x-www-form-urlencoded) or text/plain to /graphql without
asking first (a "simple request": no CORS preflight). Such a request runs only with a header a
simple request cannot carry — Apollo-Require-Preflight, X-Apollo-Operation-Name or our own
X-CSRF-Prevention — which forces the browser's preflight, and CORS_ORIGINS decides there."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.edge import GRAPHQL_RESPONSE, apq_params, codes
from tests.support.flows import CSUST, SEND_CODE, login
from tests.support.methods import method_pdf

PHONE = "13900000061"
SEND = {"query": SEND_CODE, "variables": {"input": {"purpose": "REGISTER", "phone": PHONE}}}
PREFLIGHT_HEADERS = [{"Apollo-Require-Preflight": "true"}, {"X-Apollo-Operation-Name": "Send"},
                     {"X-CSRF-Prevention": "1"}]


async def post_form(api: Api, kind: str, headers: dict[str, str] | None = None) -> Any:
    """sendVerificationCode as a page on another site can have a browser send it unasked."""
    if kind == "multipart":  # <form enctype="multipart/form-data">
        return await api.client.post("/graphql", headers=headers, data={
            "operations": json.dumps(SEND), "map": "{}"}, files={"none": ("", b"", "text/plain")})
    if kind == "urlencoded":  # <form method="post">
        return await api.client.post("/graphql", headers=headers, data={
            "query": SEND["query"], "variables": json.dumps(SEND["variables"])})
    # fetch(url, {method: "POST", mode: "no-cors", body: JSON.stringify(…)}) sends text/plain;
    # a Blob body without a type sends no content type at all.
    content_type = {"text": "text/plain;charset=UTF-8", "none": None}[kind]
    return await api.client.post("/graphql", content=json.dumps(SEND).encode(),
                                 headers={**({"content-type": content_type} if content_type else {}),
                                          **(headers or {})})


def csrf_refused(response: Any) -> None:
    assert response.status_code == 400, response.text
    assert codes(response) == ["CSRF_PREVENTION"], response.text
    message = response.json()["errors"][0]["message"]
    assert "Apollo-Require-Preflight" in message and any("\u4e00" <= ch <= "\u9fff" for ch in message)
    assert "data" not in response.json()


@pytest.mark.parametrize("kind", ["multipart", "urlencoded", "text", "none"])
async def test_edge_cross_site_simple_request_is_refused_and_changes_nothing(api: Api, demo: None, kind: str
                                                                              ) -> None:
    before = await snapshot()
    for headers in ({}, {"Apollo-Require-Preflight": ""}, {"X-CSRF-Prevention": " "},
                    {"Origin": "https://e.vil.example"}):
        csrf_refused(await post_form(api, kind, headers))
    assert await snapshot() == before  # no code made, no SMS kept, nothing logged as sent


@pytest.mark.parametrize("headers", PREFLIGHT_HEADERS)
async def test_edge_multipart_with_a_preflight_header_runs(api: Api, demo: None, headers: dict[str, str]) -> None:
    response = await post_form(api, "multipart", headers)
    assert response.status_code == 200, response.text
    assert response.json()["data"]["sendVerificationCode"]["errors"] == []


async def test_edge_uploads_run_with_the_header_and_json_and_get_need_none(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    upload = """mutation($input: UploadConversionMethodInput!) {
      uploadConversionMethod(input: $input) { method { name } errors { code } } }"""
    operations = {"query": upload, "variables": {"input": {
        "name": "办法", "file": None, "pledgeAccepted": True, "securityCommitmentAccepted": True}}}
    form = {"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.input.file"]})}
    files = {"0": ("办法.pdf", method_pdf(), "application/pdf")}
    authorization = {"Authorization": f"Bearer {token}"}
    # A bearer token does not stand in for the header: the rule is the same for every caller.
    csrf_refused(await api.client.post("/graphql", data=form, files=files, headers=authorization))
    uploaded = await api.client.post("/graphql", data=form, files=files,
                                     headers={**authorization, "Apollo-Require-Preflight": "true"})
    assert uploaded.json()["data"]["uploadConversionMethod"] == {"method": {"name": "办法"}, "errors": []}
    # JSON needs a preflight anyway; GET runs queries only (and persisted ones, from caches).
    assert (await api.client.post("/graphql", json={"query": "{ __typename }"})).json() == {
        "data": {"__typename": "Query"}}
    assert (await api.client.post("/graphql", json={"query": "{ __typename }"},
                                  headers={"accept": GRAPHQL_RESPONSE})).status_code == 200
    assert (await api.client.get("/graphql", params={"query": "{ __typename }"})).json() == {
        "data": {"__typename": "Query"}}
    stored = {"query": "{ provinces { code } }", "extensions": {"persistedQuery": {
        "version": 1, "sha256Hash": json.loads(apq_params("{ provinces { code } }")["extensions"])[
            "persistedQuery"]["sha256Hash"]}}}
    assert (await api.client.post("/graphql", json=stored)).status_code == 200
    hashed = await api.client.get("/graphql", params=apq_params("{ provinces { code } }"))
    assert hashed.status_code == 200 and len(hashed.json()["data"]["provinces"]) == 31


async def test_edge_cors_lets_allowed_origins_send_the_preflight_headers(make_api: Any) -> None:
    api = await make_api(cors_origins=("https://space.example.edu.cn",))
    response = await api.client.options("/graphql", headers={
        "Origin": "https://space.example.edu.cn", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "apollo-require-preflight, x-apollo-operation-name, x-csrf-prevention, "
                                          "authorization, content-type"})
    assert response.status_code == 200, response.text
    allowed = {h.strip().lower() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"apollo-require-preflight", "x-apollo-operation-name", "x-csrf-prevention"} <= allowed
