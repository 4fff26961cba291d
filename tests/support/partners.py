"""Partner access through trusted documents (D3) through the public API: staff register a
partner, issue it keys and register its manifest; the partner then calls with its key, by
document id only. Also the ``python -m server partner …`` command line against the test database."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from server.documents import sha256_hex
from tests.support.api import Api, GraphQLResult

ROOT = Path(__file__).resolve().parents[2]
ERRORS = "errors { field code message }"

KEY_FIELDS = "id prefix createdAt expiresAt revokedAt lastUsedAt"
CALL_FIELDS = "operationName documentId outcome detail ip createdAt"
PARTNER_FIELDS = f"""
  id name createdAt institution {{ id name }}
  keys {{ {KEY_FIELDS} }}
  documents {{ documentId operationName createdAt }}
"""

CREATE = f"""
mutation CreatePartner($input: CreatePartnerInput!) {{
  createPartner(input: $input) {{ partner {{ {PARTNER_FIELDS} }} {ERRORS} }}
}}
"""
ISSUE = f"""
mutation IssueKey($input: IssuePartnerKeyInput!) {{
  issuePartnerKey(input: $input) {{ key apiKey {{ {KEY_FIELDS} }} {ERRORS} }}
}}
"""
REVOKE = f"""
mutation RevokeKey($id: ID!) {{ revokePartnerKey(id: $id) {{ apiKey {{ {KEY_FIELDS} }} {ERRORS} }} }}
"""
REGISTER = f"""
mutation RegisterManifest($input: RegisterPartnerManifestInput!) {{
  registerPartnerManifest(input: $input) {{ registered unchanged partner {{ id documents {{ documentId operationName }} }} {ERRORS} }}
}}
"""
PARTNERS = f"""
query Partners {{
  partners(first: 20) {{ totalCount nodes {{ {PARTNER_FIELDS} calls(first: 50) {{ totalCount nodes {{ {CALL_FIELDS} }} }} }} }}
}}
"""
PARTNER = f"""
query Partner($id: ID!) {{
  node(id: $id) {{ ... on Partner {{ {PARTNER_FIELDS} calls(first: 100) {{ totalCount nodes {{ {CALL_FIELDS} }} }} }} }}
}}
"""

# Documents partners typically run.
ME = "query PartnerMe { me { username kind institution { id name } } }"
ACHIEVEMENT_NODE = "query AchievementById($id: ID!) { node(id: $id) { __typename ... on Achievement { id name institution { id name } } } }"


def document_id(body: str) -> str:
    """The GraphQL-over-HTTP form of a document's id: ``sha256:<hex>``."""
    return f"sha256:{sha256_hex(body)}"


def apollo_manifest(*bodies: str, ids: dict[str, str] | None = None,
                    names: dict[str, str] | None = None) -> str:
    """An ``apollo-persisted-query-manifest`` as @apollo/generate-persisted-query-manifest and
    GraphQL Codegen's client preset emit: ids are the SHA-256 of the body unless ``ids`` says."""
    operations = []
    for body in bodies:
        kind = body.lstrip().split(None, 1)[0] if body.lstrip()[:1] != "{" else "query"
        name = (names or {}).get(body) or _name(body)
        operations.append({"id": (ids or {}).get(body, sha256_hex(body)), "name": name,
                           "type": kind, "body": body})
    return json.dumps({"format": "apollo-persisted-query-manifest", "version": 1, "operations": operations},
                      ensure_ascii=False)


def relay_manifest(documents: dict[str, str]) -> str:
    """Relay's persisted-query map (``persistOutput``): ``{"<id>": "<document>"}``."""
    return json.dumps(documents, ensure_ascii=False)


def _name(body: str) -> str:
    words = body.replace("(", " ").replace("{", " ").split()
    return words[1] if len(words) > 1 and words[0] in ("query", "mutation", "subscription") else ""


# --- staff steps -----------------------------------------------------------------------------------

async def create_partner_result(api: Api, staff: str, institution: str, name: str | None = "教务系统") -> GraphQLResult:
    return await api(CREATE, {"input": {"name": name, "institutionId": institution}}, token=staff)


async def create_partner(api: Api, staff: str, institution: str, name: str = "教务系统") -> dict[str, Any]:
    return (await create_partner_result(api, staff, institution, name)).ok("createPartner")["partner"]


async def issue_key_result(api: Api, staff: str, partner_id: str, expires_at: str | None = None) -> GraphQLResult:
    return await api(ISSUE, {"input": {"partnerId": partner_id, "expiresAt": expires_at}}, token=staff)


async def issue_key(api: Api, staff: str, partner_id: str, expires_at: str | None = None) -> tuple[str, dict[str, Any]]:
    """(the key, shown this once; its PartnerKey)."""
    payload = (await issue_key_result(api, staff, partner_id, expires_at)).ok("issuePartnerKey")
    return payload["key"], payload["apiKey"]


async def revoke_key(api: Api, staff: str, key_id: str) -> dict[str, Any]:
    return (await api(REVOKE, {"id": key_id}, token=staff)).ok("revokePartnerKey")["apiKey"]


async def register_result(api: Api, staff: str, partner_id: str, manifest: str) -> GraphQLResult:
    return await api(REGISTER, {"input": {"partnerId": partner_id, "manifest": manifest}}, token=staff)


async def register(api: Api, staff: str, partner_id: str, manifest: str) -> dict[str, Any]:
    """Register a manifest that must be accepted; returns {registered, unchanged, partner}."""
    return (await register_result(api, staff, partner_id, manifest)).ok("registerPartnerManifest")


async def register_refused(api: Api, staff: str, partner_id: str, manifest: str) -> list[dict[str, Any]]:
    """Register a manifest that must be refused; returns its errors."""
    result = await register_result(api, staff, partner_id, manifest)
    payload = result.payload("registerPartnerManifest")
    assert payload["errors"], f"the manifest was expected to be refused: {payload}"
    assert payload["registered"] == 0 and payload["partner"] is None, payload
    return payload["errors"]


async def partner_detail(api: Api, staff: str, partner_id: str) -> dict[str, Any]:
    """The partner as staff see it: keys, documents and its calls (newest first)."""
    result = await api(PARTNER, {"id": partner_id}, token=staff)
    assert not result.errors, result.errors
    return result.data["node"]


async def calls(api: Api, staff: str, partner_id: str) -> list[dict[str, Any]]:
    """The partner's calls, oldest first."""
    found = (await partner_detail(api, staff, partner_id))["calls"]
    assert found["totalCount"] == len(found["nodes"])
    return list(reversed(found["nodes"]))


@dataclass
class Onboarded:
    partner: dict[str, Any]
    key: str
    api_key: dict[str, Any]

    @property
    def id(self) -> str:
        return self.partner["id"]


async def onboard(api: Api, staff: str, institution: str, *documents: str, name: str = "教务系统") -> Onboarded:
    """A partner of ``institution`` with one key and ``documents`` registered (Apollo manifest)."""
    partner = await create_partner(api, staff, institution, name)
    key, api_key = await issue_key(api, staff, partner["id"])
    if documents:
        answer = await register(api, staff, partner["id"], apollo_manifest(*documents))
        assert answer["registered"] == len(documents), answer
    return Onboarded(partner, key, api_key)


# --- the partner's calls -----------------------------------------------------------------------------

def key_headers(key: str, scheme: str = "x-api-key") -> dict[str, str]:
    """``X-Api-Key: cbk_…`` or ``Authorization: ApiKey cbk_…``."""
    return {"X-Api-Key": key} if scheme == "x-api-key" else {"Authorization": f"ApiKey {key}"}


async def call(api: Api, key: str, *, document: str | None = None, document_id_value: str | None = None,
               via: str = "documentId", method: str = "POST", variables: dict[str, Any] | None = None,
               query: str | None = None, operation_name: str | None = None, scheme: str = "x-api-key",
               headers: dict[str, str] | None = None) -> httpx.Response:
    """A partner's request with its key.

    ``via``: ``documentId`` (GraphQL over HTTP, ``sha256:<hex>`` of ``document`` unless
    ``document_id_value`` says), ``doc_id`` (Relay), ``apq`` (extensions.persistedQuery, the bare
    hex) or ``none`` (only ``query``). ``query`` also sends a query text."""
    body: dict[str, Any] = {}
    if via in ("documentId", "doc_id"):
        body[via] = document_id_value or document_id(document)  # type: ignore[arg-type]
    elif via == "apq":
        sha = document_id_value or sha256_hex(document)  # type: ignore[arg-type]
        body["extensions"] = {"persistedQuery": {"version": 1, "sha256Hash": sha}}
    if query is not None:
        body["query"] = query
    if variables is not None:
        body["variables"] = variables
    if operation_name is not None:
        body["operationName"] = operation_name
    all_headers = {**key_headers(key, scheme), "accept": "application/json", **(headers or {})}
    if method == "GET":
        params = {k: json.dumps(v) if isinstance(v, dict) else v for k, v in body.items()}
        return await api.client.get("/graphql", params=params, headers=all_headers)
    return await api.client.post("/graphql", json=body, headers=all_headers)


def error_code(response: httpx.Response) -> str | None:
    errors = response.json().get("errors") or []
    return errors[0].get("extensions", {}).get("code") if errors else None


# --- the command line ------------------------------------------------------------------------------

@dataclass
class CliResult:
    returncode: int
    out: str
    err: str


async def partner_cli(*args: str) -> CliResult:
    """``python -m server partner …`` against the test database (CREDIT_BANK_TEST_DB_URL)."""
    with tempfile.TemporaryDirectory(prefix="partner-cli-") as data:
        env = {**os.environ, "DATABASE_URL": os.environ["CREDIT_BANK_TEST_DB_URL"], "SECRET_KEY": "cli",
               "DATA_DIR": data, "AERICH_NO_TORTOISE_V1_WARNING": "1"}
        process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "server", "partner", *args, cwd=ROOT, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        out, err = await process.communicate()
    return CliResult(process.returncode or 0, out.decode(), err.decode())
