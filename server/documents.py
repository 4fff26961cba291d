"""Which GraphQL document a request runs (D3).

- Anyone: the query text, or Apollo's automatic persisted queries — ``extensions.persistedQuery
  {version: 1, sha256Hash}`` without a query answers ``PersistedQueryNotFound`` until the query has
  been sent once with its hash (checked); the store is a database table every worker shares.
  GraphQL-over-HTTP's ``documentId: "sha256:<hex>"`` reads the same store.
- Partner keys: only the documents registered in their manifest, by ``documentId``, Relay's
  ``doc_id`` or the APQ hash; a query text of their own is refused.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from typing import TYPE_CHECKING, Any

from models.partner import PartnerDocument, PersistedQuery
from server.bulk import bulk_insert

if TYPE_CHECKING:
    from server.context import Context


class RequestRefused(Exception):
    """A request answered before execution, with a GraphQL-shaped error body."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.headers = headers or {}

    def body(self) -> dict[str, Any]:
        return {"errors": [{"message": self.message, "extensions": {"code": self.code}}]}


def sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_hash(value: object) -> str:
    """``sha256:<hex>`` or a bare id, as stored."""
    text = str(value).strip()
    return text[len("sha256:"):].lower() if text.lower().startswith("sha256:") else text


def lift_document_id(data: Any) -> Any:
    """Move a top-level ``documentId`` (GraphQL over HTTP) or ``doc_id`` (Relay) into
    ``extensions.documentId``, which the view keeps (it drops unknown top-level keys)."""
    items = data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            continue
        value = item.get("documentId", item.get("doc_id"))
        if value is not None:
            extensions = item.get("extensions")
            extensions = dict(extensions) if isinstance(extensions, dict) else {}
            extensions["documentId"] = value
            item["extensions"] = extensions
    return data


class DocumentStore:
    """Automatic persisted queries, in the database with a small per-process cache."""

    def __init__(self, cache_size: int = 2048) -> None:
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._cache_size = cache_size

    async def get(self, sha: str) -> str | None:
        query = self._cache.get(sha)
        if query is None:
            row = await PersistedQuery.get_or_none(sha256=sha)
            if row is None:
                return None
            query = row.query
            self._remember(sha, query)  # type: ignore[arg-type]
        return query  # type: ignore[return-value]

    async def put(self, sha: str, query: str) -> None:
        if sha in self._cache:
            return
        await bulk_insert(PersistedQuery, [{"sha256": sha, "query": query}], skip_existing=True)
        self._remember(sha, query)

    def _remember(self, sha: str, query: str) -> None:
        self._cache[sha] = query
        self._cache.move_to_end(sha)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)


async def resolve_document(item: Any, ctx: Context, store: DocumentStore) -> None:
    """Fill ``item.query`` (strawberry's GraphQLRequestData) from the persisted forms."""
    extensions = item.extensions if isinstance(item.extensions, dict) else {}
    document_id = extensions.get("documentId")
    persisted = extensions.get("persistedQuery")
    if ctx.partner is not None:
        await _trusted(item, ctx, document_id, persisted)
        return
    if document_id is not None:
        query = await store.get(document_hash(document_id))
        if query is None:
            raise RequestRefused(404, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
        item.query = query
        return
    if persisted is None:
        return
    if (not isinstance(persisted, dict) or persisted.get("version") != 1
            or not isinstance(persisted.get("sha256Hash"), str)):
        raise RequestRefused(400, "PERSISTED_QUERY_INVALID", "只支持 persistedQuery version 1 及 sha256Hash")
    sha = persisted["sha256Hash"].lower()
    if item.query is not None:
        if sha256_hex(item.query) != sha:
            raise RequestRefused(400, "PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query")
        ctx.persisted.append((sha, item.query))  # kept once the request has run (see the view)
        return
    query = await store.get(sha)
    if query is None:
        # Apollo clients look for this exact message, then resend the query with its hash.
        raise RequestRefused(200, "PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound")
    item.query = query


async def _trusted(item: Any, ctx: Context, document_id: Any, persisted: Any) -> None:
    assert ctx.partner is not None
    sha = None
    if document_id is not None:
        sha = document_hash(document_id)
    elif isinstance(persisted, dict) and isinstance(persisted.get("sha256Hash"), str):
        sha = persisted["sha256Hash"].lower()
    if not sha:
        ctx.partner_calls.append(["", ""])
        raise RequestRefused(400, "TRUSTED_DOCUMENT_REQUIRED",
                             "合作方密钥只能按 documentId 执行已登记的操作，不能发送查询文本")
    call = [sha, ""]
    ctx.partner_calls.append(call)
    document = await PartnerDocument.get_or_none(partner_id=ctx.partner.id, document_id=sha)
    if document is None:
        raise RequestRefused(400, "DOCUMENT_NOT_REGISTERED", "该操作未在合作方的操作清单中登记")
    call[1] = document.operation_name
    if item.query is not None and item.query != document.body:
        raise RequestRefused(400, "DOCUMENT_MISMATCH", "发送的查询文本与登记的操作不一致")
    item.query = document.body
