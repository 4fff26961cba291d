"""First proof of partner access through trusted documents (D3)."""

from __future__ import annotations

import json

from server.documents import sha256_hex
from tests.support.catalogue import institution_id
from tests.support.flows import CSUST, STAFF, login

ME = "query PartnerMe { me { username institution { id } } }"


async def test_d3_partner_runs_only_registered_documents(api, demo):
    staff = await login(api, *STAFF)
    admin = await login(api, *CSUST)
    institution = await institution_id(api, admin)
    partner = (await api("mutation($i: CreatePartnerInput!) { createPartner(input: $i) { partner { id } errors { code } } }",
                         {"i": {"name": "教务系统", "institutionId": institution}}, token=staff)).ok("createPartner")["partner"]
    key = (await api("mutation($i: IssuePartnerKeyInput!) { issuePartnerKey(input: $i) { key errors { code } } }",
                     {"i": {"partnerId": partner["id"]}}, token=staff)).ok("issuePartnerKey")["key"]
    manifest = {"format": "apollo-persisted-query-manifest", "version": 1,
                "operations": [{"id": sha256_hex(ME), "name": "PartnerMe", "type": "query", "body": ME}]}
    registered = (await api("mutation($i: RegisterPartnerManifestInput!) { registerPartnerManifest(input: $i) { registered errors { code message } } }",
                            {"i": {"partnerId": partner["id"], "manifest": json.dumps(manifest)}}, token=staff)).ok("registerPartnerManifest")
    assert registered["registered"] == 1
    response = await api.client.post("/graphql", json={"documentId": f"sha256:{sha256_hex(ME)}"},
                                     headers={"X-Api-Key": key})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["me"]["institution"]["id"] == institution
    refused = await api.client.post("/graphql", json={"query": ME}, headers={"X-Api-Key": key})
    assert refused.status_code == 400 and refused.json()["errors"][0]["extensions"]["code"] == "TRUSTED_DOCUMENT_REQUIRED"
    bad = await api.client.post("/graphql", json={"documentId": "sha256:" + "0" * 64}, headers={"X-Api-Key": key + "x"})
    assert bad.status_code == 401 and bad.json()["errors"][0]["extensions"]["code"] == "INVALID_API_KEY"


async def test_d3_apq_protocol(api, demo):
    query = "query Levels { labels(names: [\"ErrorCode\"]) { name } }"
    ext = {"persistedQuery": {"version": 1, "sha256Hash": sha256_hex(query)}}
    first = await api.client.get("/graphql", params={"extensions": json.dumps(ext)}, headers={"accept": "application/json"})
    assert first.json()["errors"][0]["message"] == "PersistedQueryNotFound", first.text
    stored = await api.client.post("/graphql", json={"query": query, "extensions": ext})
    assert stored.json()["data"]["labels"][0]["name"] == "ErrorCode"
    again = await api.client.get("/graphql", params={"extensions": json.dumps(ext)}, headers={"accept": "*/*"})
    assert again.json()["data"]["labels"][0]["name"] == "ErrorCode", again.text
    wrong = await api.client.post("/graphql", json={"query": query + " ", "extensions": ext})
    assert wrong.status_code == 400
    mutation_get = await api.client.get("/graphql", params={"query": "mutation { logout { errors { code } } }"})
    assert mutation_get.status_code == 405 and mutation_get.headers["allow"] == "POST", mutation_get.text
