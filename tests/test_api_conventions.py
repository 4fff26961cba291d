"""The API conventions of DESIGN.md: offline IDE, committed SDL, global IDs, connections,
request limits, Chinese JSON, enum labels."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from schema import SDL_PATH, sdl
from tests.support.api import Api
from tests.support.flows import CSUST, login


class _AssetRefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.refs.append(attributes["src"] or "")
        if tag == "link" and attributes.get("rel") == "stylesheet":
            self.refs.append(attributes.get("href") or "")


async def test_graphiql_works_without_internet(api: Api) -> None:
    page = await api.client.get("/graphql", headers={"accept": "text/html"})
    assert page.status_code == 200
    assert "GraphiQL" in page.text
    parser = _AssetRefs()
    parser.feed(page.text)
    assert len(parser.refs) >= 5, parser.refs
    for ref in parser.refs:
        assert not re.match(r"^(https?:)?//", ref), f"external asset: {ref}"
        asset = await api.client.get(ref)
        assert asset.status_code == 200, ref
        assert len(asset.content) > 500, ref


def test_committed_schema_matches_code() -> None:
    assert SDL_PATH.read_text(encoding="utf-8") == sdl(), "run `make schema` and commit the SDL"


def test_every_type_and_field_is_described() -> None:
    from schema import build_schema

    schema = build_schema()._schema
    missing = []
    for name, graphql_type in schema.type_map.items():
        if name.startswith("__") or name in {"String", "Boolean", "Int", "Float", "ID"}:
            continue
        if not graphql_type.description:
            missing.append(name)
        for field_name, field in getattr(graphql_type, "fields", {}).items():
            if not field.description:
                missing.append(f"{name}.{field_name}")
    assert missing == []


async def test_chinese_text_is_utf8_not_escaped(api: Api, demo: None) -> None:
    response = await api.client.post("/graphql", json={"query": "{ provinces { name } }"})
    assert "湖南省教育厅".encode() in response.content
    assert b"\\u" not in response.content


async def test_ids_are_opaque_and_node_resolves_them(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    me = (await api("{ me { id institution { id name } } }", token=token)).data["me"]
    assert not me["id"].isdigit()
    found = await api(
        "query($id: ID!) { node(id: $id) { id ... on Institution { name } } }",
        {"id": me["institution"]["id"]},
        token=token,
    )
    assert found.data["node"]["name"] == "长沙理工大学"


async def test_node_of_another_institution_shows_its_public_identity_only(api: Api, demo: None) -> None:
    """An institution signs its published rules, so anyone may read its public identity (name,
    code, province) through ``node(id:)`` as on the portal; its registration details stay null,
    and an ID that is not one is NOT_FOUND."""
    staff_view = await api(
        "{ schools(filter: {code: \"4143010532\"}) { nodes { id } } }"
    )
    assert staff_view.data["schools"]["nodes"]
    token = await login(api, *CSUST)
    from resolvers.ids import encode_id
    from models.institution import Institution

    other = await Institution.get(school__code="4143010532")
    result = await api(
        "query($id: ID!) { node(id: $id) { id ... on Institution { name creditCode contactPhone } } }",
        {"id": encode_id("Institution", other.id)}, token=token,
    )
    assert result.data["node"] == {"id": encode_id("Institution", other.id), "name": "湖南大学",
                                   "creditCode": None, "contactPhone": None}
    bogus = await api("query { node(id: \"not-an-id\") { id } }", token=token)
    assert bogus.error_codes == ["NOT_FOUND"]


async def test_connections_have_total_count_and_jump_to_page(api: Api, demo: None) -> None:
    query = """query($first: Int, $offset: Int, $after: String) {
      schools(first: $first, offset: $offset, after: $after) {
        totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { code } } }"""
    all_rows = (await api(query, {"first": 100})).data["schools"]
    total = all_rows["totalCount"]
    assert total == len(all_rows["nodes"]) >= 5
    page_two = (await api(query, {"first": 2, "offset": 2})).data["schools"]
    assert [n["code"] for n in page_two["nodes"]] == [n["code"] for n in all_rows["nodes"][2:4]]
    assert page_two["pageInfo"]["hasPreviousPage"] is True
    following = (await api(query, {"first": 2, "after": page_two["pageInfo"]["endCursor"]})).data
    assert [n["code"] for n in following["schools"]["nodes"]] == [
        n["code"] for n in all_rows["nodes"][4:6]
    ]
    too_big = await api(query, {"first": 101})
    assert too_big.error_codes == ["BAD_PAGE_SIZE"]


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("{ " + "schools { nodes { province { " * 6 + "name" + " } } }" * 6 + " }", "depth"),
        ("{ " + " ".join(f"a{i}: provinces {{ name }}" for i in range(40)) + " }", "alias"),
        ("{ provinces { " + " ".join(["name"] * 5000) + " } }", "token"),
    ],
    ids=["depth", "aliases", "tokens"],
)
async def test_request_limits(api: Api, query: str, needle: str) -> None:
    response = await api.client.post("/graphql", json={"query": query})
    body = response.json()
    assert body.get("data") is None
    assert needle in body["errors"][0]["message"].lower()


async def test_enum_labels_are_available(api: Api) -> None:
    result = await api('{ labels(names: ["AccountStatus", "ErrorCode"]) { name values { value label } } }')
    labels = {item["name"]: {v["value"]: v["label"] for v in item["values"]} for item in result.data["labels"]}
    assert labels["AccountStatus"]["DISABLED"] == "停用"
    assert labels["ErrorCode"]["CODE_EXPIRED"].startswith("验证码")


async def test_missing_login_is_unauthenticated_and_bad_token_is_rejected(api: Api, demo: None) -> None:
    anonymous = await api("{ me { id } }")
    assert anonymous.data == {"me": None}
    needs_login = await api("{ subUsers { totalCount } }")
    assert needs_login.error_codes == ["UNAUTHENTICATED"]
    bad_token = await api("{ me { id } }", token="not-a-real-token")
    assert bad_token.error_codes == ["UNAUTHENTICATED"]
    assert "登录" in bad_token.errors[0]["message"]
