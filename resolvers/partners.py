"""Partners and their trusted documents (D3): staff register a partner system for an
institution, issue it API keys (shown once, stored hashed, revocable, expiring) and register its
manifest of operations — the only documents its keys may run. The CLI uses the same functions."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    parse,
    validate,
)
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from models.institution import Institution
from models.partner import Partner, PartnerDocument, PartnerKey
from resolvers import audit, checks, policy
from resolvers.access import require_staff
from resolvers.errors import Code, Invalid, NotFound, Problems
from server.bulk import bulk_insert
from server.documents import sha256_hex
from server.security import new_api_key

if TYPE_CHECKING:
    from server.context import Context

# Partners read; of the writes, only storing achievements and learner achievements is theirs.
PARTNER_MUTATIONS = frozenset({"storeAchievement", "storeLearnerAchievement"})
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class IssuedKey:
    key: str
    api_key: PartnerKey


@dataclass
class Manifest:
    partner: Partner
    registered: int
    unchanged: int


# --- the operations, shared by the staff API and the CLI ------------------------------------

async def create_partner(name: str | None, institution_id: int, actor_id: int | None) -> Partner:
    problems = Problems()
    clean = checks.text(problems, "name", name, 100)
    problems.raise_any()
    if not await Institution.exists(id=institution_id):
        raise NotFound()
    return await Partner.create(name=clean, institution_id=institution_id, created_by_id=actor_id)


async def issue_key(partner: Partner, expires_at: datetime | None) -> IssuedKey:
    if expires_at is not None and expires_at <= now():
        raise Invalid.one("expiresAt", Code.INVALID_PERIOD, "过期时间应晚于现在")
    key, prefix, digest = new_api_key()
    row = await PartnerKey.create(partner_id=partner.id, prefix=prefix, secret_digest=digest,
                                  expires_at=expires_at)
    return IssuedKey(key=key, api_key=row)


async def revoke_key(row: PartnerKey) -> PartnerKey:
    if row.revoked_at is None:
        await PartnerKey.filter(id=row.id, revoked_at__isnull=True).update(revoked_at=now())
        await row.refresh_from_db()
    return row


def read_manifest(text: str) -> tuple[bool, list[tuple[str, str, str]]]:
    """Whether the ids must be SHA-256 (Apollo's format), and (document id, operation name, body)
    of an Apollo persisted-query manifest (``{"format": "apollo-persisted-query-manifest",
    "operations": [{id, name, body}]}``) or of Relay's JSON map (``{"<id>": "<document>"}``)."""
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise Invalid.one("manifest", Code.MANIFEST_INVALID, "操作清单不是有效的JSON") from exc
    if isinstance(data, dict) and isinstance(data.get("operations"), list):
        found = []
        for item in data["operations"]:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) \
                    or not isinstance(item.get("body"), str):
                raise Invalid.one("manifest", Code.MANIFEST_INVALID, "每个操作须有 id 和 body")
            found.append((item["id"], str(item.get("name") or ""), item["body"]))
        return True, found
    if isinstance(data, dict) and data and all(isinstance(k, str) and isinstance(v, str) for k, v in data.items()):
        return False, [(key, "", value) for key, value in data.items()]
    raise Invalid.one("manifest", Code.MANIFEST_INVALID,
                      "操作清单应为 apollo-persisted-query-manifest 格式或 Relay 的 JSON 映射")


def _root_fields(selection_set: Any, fragments: dict[str, FragmentDefinitionNode], seen: set[str]) -> set[str]:
    """The root fields an operation selects, through inline fragments and named fragments."""
    names: set[str] = set()
    for selection in selection_set.selections:
        if isinstance(selection, FieldNode):
            names.add(selection.name.value)
        elif isinstance(selection, InlineFragmentNode):
            names |= _root_fields(selection.selection_set, fragments, seen)
        elif isinstance(selection, FragmentSpreadNode) and selection.name.value not in seen:
            fragment = fragments.get(selection.name.value)
            if fragment is not None:
                names |= _root_fields(fragment.selection_set, fragments, seen | {selection.name.value})
    return names


def check_document(schema: Any, document_id: str, body: str, *, sha256_ids: bool) -> tuple[str, str | None]:
    """The stored id of one manifest entry, and the reason it is refused (None when it is not)."""
    bare = document_id.removeprefix("sha256:").lower()
    normalized = bare if _SHA256.match(bare) else document_id
    if sha256_ids and not _SHA256.match(bare):
        return normalized, f"{document_id[:40]}：id 应为文档的 SHA-256（64位十六进制）"
    if _SHA256.match(normalized) and sha256_hex(body) != normalized:
        return normalized, f"{document_id}：id 与文档的 SHA-256 不符"
    if len(normalized) > 128:
        return normalized, f"{document_id[:20]}…：id 过长"
    try:
        document = parse(body)
    except GraphQLError as exc:
        return normalized, f"{document_id}：无法解析（{exc.message}）"
    errors = validate(schema._schema, document)
    if errors:
        return normalized, f"{document_id}：文档与接口不符（{errors[0].message}）"
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    for operation in (d for d in document.definitions if isinstance(d, OperationDefinitionNode)):
        if operation.operation == OperationType.SUBSCRIPTION:
            return normalized, f"{document_id}：合作方不能使用订阅"
        if operation.operation == OperationType.MUTATION:
            names = _root_fields(operation.selection_set, fragments, set()) - {"__typename"}
            if not names <= PARTNER_MUTATIONS:
                return normalized, f"{document_id}：合作方不能调用变更 {'、'.join(sorted(names - PARTNER_MUTATIONS))}"
    return normalized, None


async def register_manifest(schema: Any, partner: Partner, text: str) -> Manifest:
    """All or nothing: one refused operation refuses the manifest, naming every reason."""
    sha256_ids, entries = read_manifest(text)
    problems = Problems()
    documents: dict[str, tuple[str, str]] = {}
    for document_id, name, body in entries:
        normalized, reason = check_document(schema, document_id, body, sha256_ids=sha256_ids)
        if reason:
            problems.add("manifest", Code.MANIFEST_INVALID, reason)
        documents[normalized] = (name or _operation_name(body), body)
    problems.raise_any()
    existing = dict(await PartnerDocument.filter(partner_id=partner.id).values_list("document_id", "body"))
    conflicting = [d for d, (_, body) in documents.items() if d in existing and existing[d] != body]
    if conflicting:
        raise Invalid.one("manifest", Code.MANIFEST_INVALID, f"已登记的操作 {conflicting[0]} 不能改为其他文档")
    new = [{"partner_id": partner.id, "document_id": d, "operation_name": name[:128], "body": body}
           for d, (name, body) in documents.items() if d not in existing]
    await bulk_insert(PartnerDocument, new, skip_existing=True)
    return Manifest(partner=partner, registered=len(new), unchanged=len(documents) - len(new))


def _operation_name(body: str) -> str:
    found = re.search(r"\b(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)", body)
    return found.group(1) if found else ""


# --- the staff API ---------------------------------------------------------------------------

async def _partner(ctx: Context, partner_id: Any) -> Partner:
    return await policy.get(ctx, Partner, partner_id, owned=True)


async def create(ctx: Context, data: Any) -> Partner:
    staff = require_staff(ctx)
    async with in_transaction():
        institution = await policy.get(ctx, Institution, data.institution_id, owned=True)
        partner = await create_partner(data.name, institution.id, staff.id)
        await audit.record(ctx, "partner.create", partner, institution_id=partner.institution_id)
    return partner


async def issue(ctx: Context, data: Any) -> IssuedKey:
    require_staff(ctx)
    partner = await _partner(ctx, data.partner_id)
    async with in_transaction():
        issued = await issue_key(partner, data.expires_at)
        await audit.record(ctx, "partner.key.issue", issued.api_key, institution_id=partner.institution_id,
                           prefix=issued.api_key.prefix)
    return issued


async def revoke(ctx: Context, key_id: Any) -> PartnerKey:
    require_staff(ctx)
    row = await policy.get(ctx, PartnerKey, key_id, owned=True)
    async with in_transaction():
        row = await revoke_key(row)
        await audit.record(ctx, "partner.key.revoke", row, prefix=row.prefix)
    return row


async def register(ctx: Context, data: Any, schema: Any) -> Manifest:
    require_staff(ctx)
    partner = await _partner(ctx, data.partner_id)
    async with in_transaction():
        manifest = await register_manifest(schema, partner, data.manifest)
        await audit.record(ctx, "partner.manifest", partner, institution_id=partner.institution_id,
                           registered=manifest.registered)
    return manifest


def partners(ctx: Context) -> Any:
    require_staff(ctx)
    return policy.owned(ctx, Partner).order_by("-id")
