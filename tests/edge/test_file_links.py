"""Download links a front end on another origin can follow (issue 14): with ``PUBLIC_BASE_URL`` set
every signed link (FileLink.url, an institution's avatarUrl) is absolute on that address; without
it links stay relative to the service. Either way a link says when it stops working, and the
schema says how long links live."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import pytest

from server.settings import ConfigurationError
from tests.support.api import Api
from tests.support.flows import CSUST, login
from tests.support.xlsx import XLSX

TEMPLATE = "{ learnerImportTemplate { url filename expiresInSeconds expiresAt } }"
AVATAR = """mutation($input: InstitutionInfoInput!) {
  updateInstitutionInfo(input: $input) { institution { avatarUrl } errors { code } } }"""
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
       b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
DESCRIPTIONS = '{ __type(name: "FileLink") { description fields { name description } } }'


async def links(api: Api) -> tuple[dict[str, Any], str]:
    token = await login(api, *CSUST)
    template = (await api(TEMPLATE, token=token)).data["learnerImportTemplate"]
    saved = await api(AVATAR, {"input": {"avatar": None}}, token=token, files={"input.avatar": ("头像.png", PNG, "image/png")})
    return template, saved.ok("updateInstitutionInfo")["institution"]["avatarUrl"]


def lives_ten_minutes(link: dict[str, Any]) -> None:
    assert link["expiresInSeconds"] == 600
    expires_at = datetime.fromisoformat(link["expiresAt"])
    assert link["expiresAt"].endswith("+08:00")
    assert abs(expires_at - (datetime.now(UTC) + timedelta(seconds=600))) < timedelta(seconds=30)
    assert f"expires={int(expires_at.timestamp())}" in link["url"]


async def test_without_a_public_base_url_links_are_relative_to_the_service(api: Api, demo: None) -> None:
    template, avatar = await links(api)
    assert template["url"].startswith("/files/") and avatar.startswith("/files/")
    lives_ten_minutes(template)
    downloaded = await api.client.get(template["url"])
    assert downloaded.status_code == 200 and downloaded.headers["content-type"] == XLSX


@pytest.mark.parametrize("base", ["https://api.example.cn", "https://gw.example.edu.cn/credit-bank/"])
async def test_with_a_public_base_url_links_are_absolute_on_it(
        make_api: Callable[..., Any], demo: None, base: str) -> None:
    api = await make_api(public_base_url=base)
    template, avatar = await links(api)
    prefix = base.rstrip("/") + "/files/"
    assert template["url"].startswith(prefix) and avatar.startswith(prefix)
    lives_ten_minutes(template)
    # What the proxy at that address forwards: the same path below the prefix, still signed.
    for url, media in ((template["url"], XLSX), (avatar, "image/png")):
        parts = urlsplit(url)
        served = await api.client.get(f"/files/{parts.path.split('/files/', 1)[1]}?{parts.query}")
        assert served.status_code == 200 and served.headers["content-type"] == media


async def test_the_schema_says_how_long_a_link_lives(api: Api) -> None:
    described = (await api(DESCRIPTIONS)).data["__type"]
    assert "600 秒" in described["description"] and "410" in described["description"]
    fields = {f["name"]: f["description"] for f in described["fields"]}
    assert "PUBLIC_BASE_URL" in fields["url"] and "绝对地址" in fields["url"]
    assert "expiresAt" in fields


@pytest.mark.parametrize("base", ["api.example.cn", "ftp://api.example.cn", "https://api.example.cn/?x=1", "https://"])
async def test_a_public_base_url_links_cannot_be_built_on_is_refused_at_start(
        make_api: Callable[..., Any], base: str) -> None:
    with pytest.raises(ConfigurationError, match="PUBLIC_BASE_URL"):
        await make_api(public_base_url=base)
