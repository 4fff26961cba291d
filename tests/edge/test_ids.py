"""Global IDs whose key no row can have: beyond the database's integer range (a 40-digit key, one
past 32 and 64 bits), negative, zero, or digits that are not ASCII. Each answers as an ID that
matches nothing (NOT_FOUND, or an empty list for a filter), on SQLite and PostgreSQL, never a
masked internal error; every place that reads an ID, not only ``node``."""

from __future__ import annotations

import base64
from typing import Any

import pytest
from tortoise.fields import BigIntField

from models.account import Account
from models.message import Message, MessageKind
from resolvers.ids import BIGINT_KEYS
from schema.node import NODE_TYPES
from tests.support.api import Api
from tests.support.flows import CSUST, login

KEYS = [
    "9" * 40,
    str(2**31),  # one past PostgreSQL's integer
    str(2**63),  # one past a 64-bit integer (SQLite's, PostgreSQL's bigint)
    "-1",
    "0",
    "²",  # a digit to str.isdigit(), not to int()
    "١٢",  # Arabic-Indic 12: int() reads it, but it is no ID we wrote
    "12 ",
    "",
]


def gid(type_name: str, key: str) -> str:
    return base64.b64encode(f"{type_name}:{key}".encode()).decode()


NODE = "query($id: ID!) { node(id: $id) { id } }"
SCHOOLS = "query($p: ID) { schools(filter: {provinceId: $p}) { totalCount } }"
PORTAL = "query($i: ID) { portalConversionMethods(institutionId: $i) { totalCount } }"
MARK_READ = """mutation($ids: [ID!]) { markMessagesRead(input: {ids: $ids}) { marked errors { code } } }"""
DELETE_LEARNERS = "mutation($ids: [ID!]!) { deleteLearners(ids: $ids) { results { ok error { code } } errors { code } } }"


def not_found(result: Any) -> None:
    assert result.data is None or result.data.get("node") is None, result.body
    assert result.error_codes == ["NOT_FOUND"], result.body


@pytest.mark.parametrize("key", KEYS)
async def test_edge_out_of_range_ids_are_not_found_everywhere(api: Api, demo: None, key: str) -> None:
    token = await login(api, *CSUST)
    province = (await api("{ provinces { id } }")).data["provinces"][0]["id"]
    assert (await api(NODE, {"id": province})).data["node"] == {"id": province}  # a real one is found

    for type_name in ("Province", "Learner", "Message", "Institution", "ConversionApplication"):
        not_found(await api(NODE, {"id": gid(type_name, key)}, token=token))
    # Filters by an ID that matches nothing find nothing.
    assert (await api(SCHOOLS, {"p": gid("Province", key)})).data == {"schools": {"totalCount": 0}}
    assert (await api(PORTAL, {"i": gid("Institution", key)})).data == {
        "portalConversionMethods": {"totalCount": 0}}
    # Mutations: a lookup (NOT_FOUND) and a batch answered per item.
    marked = await api(MARK_READ, {"ids": [gid("Message", key)]}, token=token)
    assert "INTERNAL_SERVER_ERROR" not in marked.error_codes, marked.body
    assert marked.error_codes == ["NOT_FOUND"] or marked.data["markMessagesRead"]["marked"] == 0, marked.body
    deleted = await api(DELETE_LEARNERS, {"ids": [gid("Learner", key)]}, token=token)
    assert not deleted.errors, deleted.body
    assert [r["ok"] for r in deleted.data["deleteLearners"]["results"]] == [False]


async def test_edge_message_ids_use_the_whole_bigint_range(api: Api, demo: None) -> None:
    """Messages have 64-bit keys: an ID past 32 bits still finds its message."""
    token = await login(api, *CSUST)
    account = await Account.get(username=CSUST[0])
    wide = 2**31 + 5
    await Message.create(id=wide, account_id=account.id, institution_id=account.institution_id,
                         kind=MessageKind.GRANT_CHANGED, title="授权变更")
    result = await api(NODE, {"id": gid("Message", str(wide))}, token=token)
    assert result.data == {"node": {"id": gid("Message", str(wide))}}, result.body
    not_found(await api(NODE, {"id": gid("Message", str(2**63))}, token=token))


def test_edge_bigint_keys_are_the_types_with_64_bit_keys() -> None:
    """resolvers/ids.py knows which types have 64-bit keys; it must agree with the models."""
    import schema  # noqa: F401 - every type registers itself in NODE_TYPES

    wide = {name for name, node in NODE_TYPES.items()
            if isinstance(node.model._meta.fields_map[node.model._meta.pk_attr], BigIntField)}
    assert wide == set(BIGINT_KEYS) == {"Message", "AuditEntry"}
