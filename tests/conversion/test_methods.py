"""Conversion methods 转换办法 (manual 2.3.1): the list and its filters (F8.1), upload with the
PDF checked by content, the security commitment and the truthfulness pledge (F8.2), save or
publish with only one published method per institution, also under racing requests (F8.3),
revoke / modify / delete (F8.4), the public portal (F8.5, F17), the staff take-down with its
messages (F16) and sub-users limited to other modules (B9).

Everything goes through the GraphQL API; the database is written only to age publication times
for the date-range filter, and read to prove what was (and was not) kept."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from tortoise.timezone import now

from models.account import Account
from models.base import SHANGHAI
from models.conversion import ConversionMethod, PublishStatus
from models.institution import Institution
from models.message import Message, MessageKind
from resolvers.ids import decode_id
from server.settings import Settings
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import CSUST, CSUST_TEACHER, STAFF, login
from tests.support.methods import (
    DELETE,
    LIST,
    PDF_TYPE,
    PUBLISH,
    REVOKE,
    TAKE_DOWN,
    TEMPLATE,
    UPLOAD,
    act,
    hnu_login,
    limited_sub_user,
    listed,
    method_pdf,
    pdf_of_size,
    portal,
    stored_files,
    update,
    upload,
    uploaded,
)
from tests.support.xlsx import XLSX, download, workbook_bytes

ALREADY_PUBLISHED = "已有一条已发布状态的转换办法"
MB = 1024 * 1024


def _pk(method: dict) -> int:
    return decode_id(method["id"], "ConversionMethod")


async def _age(method: dict, published_at: datetime) -> None:
    """Set-up only: pretend the method was published at ``published_at`` (stored in UTC, as the
    platform stores every instant)."""
    await ConversionMethod.filter(id=_pk(method)).update(published_at=published_at.astimezone(UTC))


def _beijing(year: int, month: int, day: int, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def _names(connection: dict) -> list[str]:
    return [node["name"] for node in connection["nodes"]]


# F8.1 ---------------------------------------------------------------------------------------


async def test_f8_1_list_filters_by_publish_date_range_and_status(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    january = await uploaded(api, token, name="一月办法", publish=True)
    (await act(api, token, REVOKE, january["id"])).ok("revokeConversionMethod")
    february = await uploaded(api, token, name="二月办法", publish=True)
    (await act(api, staff, TAKE_DOWN, february["id"], reason="文件不清晰")).ok("takeDownConversionMethod")
    march = await uploaded(api, token, name="三月办法", publish=True)
    never = await uploaded(api, token, name="未发布办法")
    hnu = await hnu_login(api)
    other = await uploaded(api, hnu, name="湖南大学转换办法", publish=True)
    # Publication times in Beijing time, two of them either side of a day boundary that UTC
    # would place on the other day.
    await _age(january, _beijing(2024, 1, 15, 10))
    await _age(february, _beijing(2024, 2, 29, 23, 30))
    await _age(march, _beijing(2024, 3, 1, 0, 30))
    await _age(other, _beijing(2024, 2, 10))

    everything = await listed(api, token)
    assert everything["totalCount"] == 4
    assert _names(everything) == ["未发布办法", "三月办法", "二月办法", "一月办法"]
    assert {n["institution"]["name"] for n in everything["nodes"]} == {"长沙理工大学"}
    assert [n["publishedAt"] is None for n in everything["nodes"]] == [True, False, False, False]
    assert never["id"] in {n["id"] for n in everything["nodes"]}

    cases = [
        ({"publishedFrom": "2024-03-01"}, ["三月办法"]),
        ({"publishedTo": "2024-02-29"}, ["二月办法", "一月办法"]),
        ({"publishedFrom": "2024-02-01", "publishedTo": "2024-02-29"}, ["二月办法"]),
        ({"publishedFrom": "2024-01-15", "publishedTo": "2024-01-15"}, ["一月办法"]),
        ({"publishedFrom": "2024-01-16", "publishedTo": "2024-02-28"}, []),
        ({"status": "UNPUBLISHED"}, ["未发布办法", "一月办法"]),
        ({"status": "PUBLISHED"}, ["三月办法"]),
        ({"status": "TAKEN_DOWN"}, ["二月办法"]),
        ({"status": "UNPUBLISHED", "publishedTo": "2024-12-31"}, ["一月办法"]),
        ({"status": "PUBLISHED", "publishedTo": "2024-02-29"}, []),
    ]
    for filter, expected in cases:
        found = await listed(api, token, **filter)
        assert (_names(found), found["totalCount"]) == (expected, len(expected)), filter

    page = (await api(LIST, {"first": 2, "offset": 2}, token=token)).data["conversionMethods"]
    assert page["totalCount"] == 4 and _names(page) == ["二月办法", "一月办法"]
    # The other institution sees only its own.
    theirs = await listed(api, hnu)
    assert (_names(theirs), theirs["totalCount"]) == (["湖南大学转换办法"], 1)
    assert (await listed(api, hnu, publishedTo="2024-02-29"))["totalCount"] == 1


async def test_f8_1_list_needs_a_login(api: Api, demo: None) -> None:
    assert (await api(LIST)).error_codes == ["UNAUTHENTICATED"]
    assert (await api(TEMPLATE)).error_codes == ["UNAUTHENTICATED"]


async def test_f8_1_sub_user_sees_and_manages_the_institutions_methods(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    mine = await uploaded(api, admin, name="主账户上传")
    found = await listed(api, teacher)
    assert _names(found) == ["主账户上传"]
    published = (await act(api, teacher, PUBLISH, mine["id"])).ok("publishConversionMethod")["method"]
    assert published["status"] == "PUBLISHED"


# F8.2 ---------------------------------------------------------------------------------------


async def test_f8_2_not_a_pdf_too_large_or_empty_is_refused_and_nothing_kept(
    api: Api, demo: None, settings: Settings
) -> None:
    token = await login(api, *CSUST)
    files_before = stored_files(settings.file_dir)
    before = await snapshot()
    script = b"#!/bin/sh\necho '%PDF-1.4'\nrm -rf /tmp/x\n"
    truncated = method_pdf()[:-200]  # a PDF header, but cut off before its end
    assert workbook_bytes(["a"], [["b"]])[:2] == b"PK"
    for filename, content, media, code in (
        ("转换办法.pdf", workbook_bytes(["a"], [["b"]]), PDF_TYPE, "NOT_A_PDF"),   # xlsx renamed .pdf
        ("转换办法.pdf", script, PDF_TYPE, "NOT_A_PDF"),
        ("转换办法.pdf", truncated, PDF_TYPE, "NOT_A_PDF"),
        ("转换办法.pdf", pdf_of_size(11 * MB), PDF_TYPE, "FILE_TOO_LARGE"),
        ("转换办法.pdf", b"", PDF_TYPE, "FILE_EMPTY"),
    ):
        result = await upload(api, token, content=content, filename=filename, media=media)
        errors = result.payload("uploadConversionMethod")["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("file", code)], filename
        assert result.data["uploadConversionMethod"]["method"] is None
    assert await snapshot() == before
    assert stored_files(settings.file_dir) == files_before
    institution = await Institution.get(school__code=CSUST[0])
    assert institution.security_commitment_at is None and institution.security_commitment_by_id is None


async def test_f8_2_checked_by_content_not_by_name(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    content = method_pdf("按内容识别")
    method = await uploaded(api, token, content=content, filename="办法扫描件.txt", media="text/plain")
    assert method["status"] == "UNPUBLISHED"
    assert method["file"]["filename"] == "办法扫描件.pdf"  # named by the type it was checked as
    assert await download(api, method["file"]) == content
    xlsx = workbook_bytes(["a"], [["b"]])
    renamed = await upload(api, token, content=xlsx, filename="办法.pdf", media=XLSX)
    assert renamed.refused("uploadConversionMethod") == ["NOT_A_PDF"]


async def test_f8_2_ten_megabytes_is_the_largest_pdf(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    largest = pdf_of_size(10 * MB)
    method = await uploaded(api, token, content=largest)
    stored = await ConversionMethod.get(id=_pk(method))
    assert stored.file_size == 10 * MB
    assert await download(api, method["file"]) == largest
    one_more = await upload(api, token, content=pdf_of_size(10 * MB + 1))
    assert one_more.refused("uploadConversionMethod") == ["FILE_TOO_LARGE"]
    assert await ConversionMethod.all().count() == 1


async def test_f8_2_name_is_required_and_limited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    for name, code in ((None, "REQUIRED"), ("   ", "REQUIRED"), ("办" * 101, "TOO_LONG")):
        result = await upload(api, token, name=name)
        errors = result.payload("uploadConversionMethod")["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("name", code)]
    missing_file = await api(UPLOAD, {"input": {"name": "无文件", "pledgeAccepted": True,
                                                "securityCommitmentAccepted": True}}, token=token)
    assert [(e["field"], e["code"]) for e in missing_file.payload("uploadConversionMethod")["errors"]] == [
        ("file", "REQUIRED")]
    assert await snapshot() == before
    method = await uploaded(api, token, name="  " + "办" * 100 + " ")
    assert method["name"] == "办" * 100


async def test_f8_2_first_upload_needs_the_security_commitment_kept_with_who_and_when(
    api: Api, demo: None, settings: Settings
) -> None:
    admin = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    files_before = stored_files(settings.file_dir)
    before = await snapshot()
    refused = await upload(api, admin, commitment=False)
    errors = refused.payload("uploadConversionMethod")["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("securityCommitmentAccepted", "SECURITY_COMMITMENT_REQUIRED")]
    assert "信息发布安全承诺书" in errors[0]["message"]
    assert await snapshot() == before and stored_files(settings.file_dir) == files_before

    started = now()
    first = await uploaded(api, admin, name="首次上传", commitment=True)
    finished = now()
    institution = await Institution.get(school__code=CSUST[0])
    admin_account = await Account.get(username=CSUST[0])
    assert institution.security_commitment_by_id == admin_account.id
    assert institution.security_commitment_at is not None
    assert started <= institution.security_commitment_at <= finished
    kept_at = institution.security_commitment_at

    # Later uploads (by anyone of the institution) don't need it, and don't overwrite who/when.
    later = await uploaded(api, teacher, name="子用户上传", commitment=False)
    again = await uploaded(api, admin, name="再次上传", commitment=True)
    await institution.refresh_from_db()
    assert (institution.security_commitment_by_id, institution.security_commitment_at) == (admin_account.id, kept_at)
    assert {first["status"], later["status"], again["status"]} == {"UNPUBLISHED"}
    teacher_account = await Account.get(username=CSUST_TEACHER[0])
    assert (await ConversionMethod.get(id=_pk(later))).pledged_by_id == teacher_account.id


async def test_f8_2_every_save_needs_the_pledge(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    refused = await upload(api, token, pledge=False)
    errors = refused.payload("uploadConversionMethod")["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("pledgeAccepted", "PLEDGE_REQUIRED")]
    both = await upload(api, token, pledge=False, commitment=False)
    assert sorted(both.refused("uploadConversionMethod")) == ["PLEDGE_REQUIRED", "SECURITY_COMMITMENT_REQUIRED"]
    assert await snapshot() == before

    method = await uploaded(api, token, name="原名称")
    files_before = stored_files(settings.file_dir)
    before = await snapshot()
    no_pledge = await update(api, token, method["id"], name="新名称", content=method_pdf("新文件"), pledge=False)
    errors = no_pledge.payload("updateConversionMethod")["errors"]
    assert [(e["field"], e["code"]) for e in errors] == [("pledgeAccepted", "PLEDGE_REQUIRED")]
    assert await snapshot() == before and stored_files(settings.file_dir) == files_before
    # The security commitment is given once: an update never asks for it.
    teacher = await login(api, *CSUST_TEACHER)
    renamed = (await update(api, teacher, method["id"], name="新名称")).ok("updateConversionMethod")["method"]
    assert renamed["name"] == "新名称"
    stored = await ConversionMethod.get(id=_pk(method))
    assert stored.pledged_by_id == (await Account.get(username=CSUST_TEACHER[0])).id


async def test_f8_2_template_pdf_downloads(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    link = (await api(TEMPLATE, token=token)).data["conversionMethodTemplate"]
    assert link["filename"].endswith(".pdf") and "模板" in link["filename"]
    assert link["expiresInSeconds"] > 0
    response = await api.client.get(link["url"])
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/pdf")
    assert response.content.startswith(b"%PDF-") and b"%%EOF" in response.content[-1024:]
    assert b"/Type /Page" in response.content
    # Asked again, the same file.
    again = (await api(TEMPLATE, token=token)).data["conversionMethodTemplate"]
    assert await download(api, again) == response.content
    # A tampered link is refused.
    assert (await api.client.get(link["url"].replace("signature=", "signature=0"))).status_code == 403


# F8.3 ---------------------------------------------------------------------------------------


async def test_f8_3_save_is_unpublished_publish_is_published(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    saved = await uploaded(api, token, name="暂存办法")
    assert (saved["status"], saved["publishedAt"]) == ("UNPUBLISHED", None)
    assert saved["uploadedAt"]
    published = (await act(api, token, PUBLISH, saved["id"])).ok("publishConversionMethod")["method"]
    assert published["status"] == "PUBLISHED" and published["publishedAt"]
    stored = await ConversionMethod.get(id=_pk(saved))
    assert stored.status == PublishStatus.PUBLISHED and stored.published_at is not None
    again = await act(api, token, PUBLISH, saved["id"])
    assert again.refused("publishConversionMethod") == ["STATUS_FORBIDS"]


async def test_f8_3_upload_and_publish_at_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    method = await uploaded(api, token, name="直接发布", publish=True)
    assert method["status"] == "PUBLISHED" and method["publishedAt"]
    assert _names(await portal(api)) == ["直接发布"]


async def test_f8_3_only_one_published_method(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    first = await uploaded(api, token, name="第一条", publish=True)
    second = await uploaded(api, token, name="第二条")
    files_before = stored_files(settings.file_dir)
    before = await snapshot()

    refused = await act(api, token, PUBLISH, second["id"])
    errors = refused.payload("publishConversionMethod")["errors"]
    assert [(e["code"], e["message"]) for e in errors] == [("METHOD_ALREADY_PUBLISHED", ALREADY_PUBLISHED)]
    also = await upload(api, token, name="第三条", publish=True)
    errors = also.payload("uploadConversionMethod")["errors"]
    assert [(e["code"], e["message"]) for e in errors] == [("METHOD_ALREADY_PUBLISHED", ALREADY_PUBLISHED)]
    assert await snapshot() == before
    assert stored_files(settings.file_dir) == files_before

    # Another institution has its own one published method.
    hnu = await hnu_login(api)
    assert (await uploaded(api, hnu, name="湖南大学办法", publish=True))["status"] == "PUBLISHED"
    # Once the first is revoked, the second can be published.
    (await act(api, token, REVOKE, first["id"])).ok("revokeConversionMethod")
    assert (await act(api, token, PUBLISH, second["id"])).ok("publishConversionMethod")["method"]["status"] == "PUBLISHED"
    assert await ConversionMethod.filter(status=PublishStatus.PUBLISHED).count() == 2


@pytest.mark.parametrize("racers", [2, 5])
async def test_f8_3_racing_publishes_exactly_one_wins(api: Api, demo: None, racers: int) -> None:
    token = await login(api, *CSUST)
    methods = [await uploaded(api, token, name=f"办法{i}") for i in range(racers)]
    results = await asyncio.gather(*(act(api, token, PUBLISH, m["id"]) for m in methods))
    payloads = [r.payload("publishConversionMethod") for r in results]
    winners = [p["method"]["id"] for p in payloads if not p["errors"]]
    losers = [p["errors"] for p in payloads if p["errors"]]
    assert len(winners) == 1, payloads
    assert all([(e["code"], e["message"]) for e in errors] == [("METHOD_ALREADY_PUBLISHED", ALREADY_PUBLISHED)]
               for errors in losers), losers
    published = await ConversionMethod.filter(status=PublishStatus.PUBLISHED).values_list("id", flat=True)
    assert published == [_pk({"id": winners[0]})]
    assert await ConversionMethod.filter(published_slot__isnull=False).count() == 1
    assert _names(await portal(api)) == [m["name"] for m in methods if m["id"] == winners[0]]


async def test_f8_3_racing_upload_and_publish_exactly_one_wins(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await uploaded(api, token, name="已上传")  # the security commitment is given
    results = await asyncio.gather(*(upload(api, token, name=f"同时发布{i}", publish=True) for i in range(4)))
    payloads = [r.payload("uploadConversionMethod") for r in results]
    assert sum(1 for p in payloads if not p["errors"]) == 1, payloads
    assert all([e["code"] for e in p["errors"]] == ["METHOD_ALREADY_PUBLISHED"] for p in payloads if p["errors"])
    assert await ConversionMethod.filter(status=PublishStatus.PUBLISHED).count() == 1
    assert await ConversionMethod.all().count() == 2


async def test_f8_3_upload_losing_the_publish_race_leaves_no_file(
    api: Api, demo: None, settings: Settings
) -> None:
    token = await login(api, *CSUST)
    await uploaded(api, token, name="已上传")
    results = await asyncio.gather(*(upload(api, token, name=f"同时发布{i}", content=method_pdf(f"第{i}份"),
                                            publish=True) for i in range(4)))
    assert sum(1 for r in results if not r.payload("uploadConversionMethod")["errors"]) == 1
    kept = {Path(key) for key in await ConversionMethod.all().values_list("file_key", flat=True)}
    assert stored_files(settings.file_dir) == kept


# F8.4 ---------------------------------------------------------------------------------------


async def test_f8_4_revoke_makes_it_unpublished_and_off_the_portal(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    method = await uploaded(api, token, name="将撤销", publish=True)
    assert (await portal(api))["totalCount"] == 1
    revoked = (await act(api, token, REVOKE, method["id"])).ok("revokeConversionMethod")["method"]
    assert revoked["status"] == "UNPUBLISHED"
    assert (await portal(api))["totalCount"] == 0
    stored = await ConversionMethod.get(id=_pk(method))
    assert stored.status == PublishStatus.UNPUBLISHED and stored.published_slot is None
    before = await snapshot()
    again = await act(api, token, REVOKE, method["id"])
    assert again.refused("revokeConversionMethod") == ["STATUS_FORBIDS"]
    assert await snapshot() == before


async def test_f8_4_published_cannot_be_modified_or_deleted(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    method = await uploaded(api, token, name="已发布办法", publish=True)
    files_before = stored_files(settings.file_dir)
    before = await snapshot()
    edited = await update(api, token, method["id"], name="改名", content=method_pdf("新"))
    assert edited.refused("updateConversionMethod") == ["STATUS_FORBIDS"]
    deleted = await act(api, token, DELETE, method["id"])
    assert deleted.refused("deleteConversionMethod") == ["STATUS_FORBIDS"]
    assert await snapshot() == before
    assert stored_files(settings.file_dir) == files_before


async def test_f8_4_modify_an_unpublished_method(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST)
    original = method_pdf("原文件")
    method = await uploaded(api, token, name="原名称", content=original, filename="原文件.pdf")
    renamed = (await update(api, token, method["id"], name="新名称")).ok("updateConversionMethod")["method"]
    assert (renamed["name"], renamed["status"], renamed["file"]["filename"]) == ("新名称", "UNPUBLISHED", "原文件.pdf")
    assert await download(api, renamed["file"]) == original

    before = await snapshot()
    files_before = stored_files(settings.file_dir)
    bad = await update(api, token, method["id"], content=b"#!/bin/sh\nexit 0\n", filename="x.pdf")
    assert bad.refused("updateConversionMethod") == ["NOT_A_PDF"]
    assert await snapshot() == before and stored_files(settings.file_dir) == files_before

    replacement = method_pdf("新文件")
    refiled = (await update(api, token, method["id"], content=replacement, filename="新文件.pdf")).ok(
        "updateConversionMethod")["method"]
    assert (refiled["name"], refiled["file"]["filename"]) == ("新名称", "新文件.pdf")
    assert await download(api, refiled["file"]) == replacement
    stored = await ConversionMethod.get(id=_pk(method))
    assert stored.file_size == len(replacement)


async def test_f8_4_delete_hides_it_from_the_list(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await uploaded(api, token, name="保留")
    gone = await uploaded(api, token, name="删除")
    assert (await listed(api, token))["totalCount"] == 2
    (await act(api, token, DELETE, gone["id"])).ok("deleteConversionMethod")
    after = await listed(api, token)
    assert (_names(after), after["totalCount"]) == (["保留"], 1)
    assert (await listed(api, token, status="UNPUBLISHED"))["totalCount"] == 1
    # Gone for every operation.
    for document in (DELETE, PUBLISH, REVOKE):
        assert (await act(api, token, document, gone["id"])).error_codes == ["NOT_FOUND"]
    assert (await update(api, token, gone["id"], name="复活")).error_codes == ["NOT_FOUND"]
    assert (await ConversionMethod.get(id=_pk(gone))).deleted_at is not None


async def test_f8_4_another_institutions_method_is_not_found(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_login(api)
    unpublished = await uploaded(api, hnu, name="湖南大学未发布")
    published = await uploaded(api, hnu, name="湖南大学已发布", publish=True)
    before = await snapshot()
    for method in (unpublished, published):
        for document in (PUBLISH, REVOKE, DELETE):
            assert (await act(api, csust, document, method["id"])).error_codes == ["NOT_FOUND"], document
        assert (await update(api, csust, method["id"], name="抢改")).error_codes == ["NOT_FOUND"]
    assert await snapshot() == before
    assert (await listed(api, csust))["totalCount"] == 0


# F8.5 / F17 ---------------------------------------------------------------------------------


async def test_f8_5_f17_portal_shows_published_methods_without_login(api: Api, demo: None) -> None:
    csust = await login(api, *CSUST)
    hnu = await hnu_login(api)
    content = method_pdf("长沙理工大学转换办法（正式）")
    live = await uploaded(api, csust, name="长沙理工大学转换办法", content=content, publish=True)
    await uploaded(api, csust, name="长沙理工大学草稿")
    revoked = await uploaded(api, hnu, name="湖南大学旧办法", publish=True)
    (await act(api, hnu, REVOKE, revoked["id"])).ok("revokeConversionMethod")
    hnu_live = await uploaded(api, hnu, name="湖南大学转换办法", publish=True)

    everything = await portal(api)
    assert everything["totalCount"] == 2
    assert set(_names(everything)) == {"长沙理工大学转换办法", "湖南大学转换办法"}
    assert {n["status"] for n in everything["nodes"]} == {"PUBLISHED"}
    csust_only = await portal(api, live["institution"]["id"])
    assert (_names(csust_only), csust_only["totalCount"]) == (["长沙理工大学转换办法"], 1)
    assert csust_only["nodes"][0]["institution"]["name"] == "长沙理工大学"
    hnu_only = await portal(api, hnu_live["institution"]["id"])
    assert _names(hnu_only) == ["湖南大学转换办法"]
    # Anyone can read the published file.
    assert await download(api, csust_only["nodes"][0]["file"]) == content

    (await act(api, csust, REVOKE, live["id"])).ok("revokeConversionMethod")
    assert (await portal(api, live["institution"]["id"]))["totalCount"] == 0
    assert _names(await portal(api)) == ["湖南大学转换办法"]


async def test_f17_portal_does_not_disclose_institution_private_info(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    await uploaded(api, token, name="长沙理工大学转换办法", publish=True)
    public = await api("{ portalConversionMethods { nodes { name institution { id name } } } }")
    assert public.data["portalConversionMethods"]["nodes"][0]["institution"]["name"] == "长沙理工大学"
    institution = await Institution.get(school__code=CSUST[0])
    private_values = [institution.contact_phone, institution.contact_email, institution.credit_code,
                      institution.address, institution.registrant_id_number[-4:]]
    assert all(private_values)
    probe = await api("""{ portalConversionMethods { nodes { institution {
        contactPhone contactEmail creditCode legalRepresentative address
        registrant { name maskedIdNumber } } } } }""")
    disclosed = [value for value in private_values if value in probe.response.text]
    assert disclosed == []


# F16 ----------------------------------------------------------------------------------------


async def test_f16_staff_take_down_with_reason_notifies_the_institution(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    await limited_sub_user(api, admin, ["ACHIEVEMENTS"])
    hnu = await hnu_login(api)
    staff = await login(api, *STAFF)
    method = await uploaded(api, admin, name="被下架的办法", publish=True)
    await uploaded(api, hnu, name="湖南大学办法", publish=True)

    before = await snapshot()
    for reason in (None, "", "   "):
        missing = await act(api, staff, TAKE_DOWN, method["id"], reason=reason)
        errors = missing.payload("takeDownConversionMethod")["errors"]
        assert [(e["field"], e["code"]) for e in errors] == [("reason", "REQUIRED")]
    assert (await act(api, staff, TAKE_DOWN, method["id"], reason="x" * 501)).refused(
        "takeDownConversionMethod") == ["TOO_LONG"]
    assert await snapshot() == before

    taken = (await act(api, staff, TAKE_DOWN, method["id"], reason="盖章不清晰")).ok(
        "takeDownConversionMethod")["method"]
    assert (taken["status"], taken["takenDownReason"]) == ("TAKEN_DOWN", "盖章不清晰")
    assert _names(await portal(api)) == ["湖南大学办法"]
    assert _names(await listed(api, admin, status="TAKEN_DOWN")) == ["被下架的办法"]

    institution = await Institution.get(school__code=CSUST[0])
    admin_id = (await Account.get(username=CSUST[0])).id
    teacher_id = (await Account.get(username=CSUST_TEACHER[0])).id
    messages = await Message.filter(kind=MessageKind.METHOD_TAKEN_DOWN).order_by("account_id")
    assert sorted(m.account_id for m in messages) == sorted([admin_id, teacher_id])
    for message in messages:
        assert message.institution_id == institution.id
        assert "被下架的办法" in message.title and "盖章不清晰" in message.body
        assert message.module == "CONVERSION_RULES" and message.object_id == method["id"]
        assert message.read_at is None
    # A sub-user limited to other modules is not told; nor is any other institution.
    limited_id = (await Account.get(username="method_limited")).id
    hnu_id = (await Account.get(username="4143010532")).id
    assert not await Message.filter(account_id__in=[limited_id, hnu_id]).exists()

    # Only a published method can be taken down.
    again = await act(api, staff, TAKE_DOWN, method["id"], reason="再次下架")
    assert again.refused("takeDownConversionMethod") == ["STATUS_FORBIDS"]


async def test_f16_only_staff_can_take_down(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    hnu = await hnu_login(api)
    method = await uploaded(api, admin, name="已发布", publish=True)
    before = await snapshot()
    for token in (admin, teacher, hnu):
        result = await act(api, token, TAKE_DOWN, method["id"], reason="自行下架")
        assert result.error_codes == ["FORBIDDEN"]
    assert (await act(api, None, TAKE_DOWN, method["id"], reason="匿名")).error_codes == ["UNAUTHENTICATED"]
    assert await snapshot() == before


async def test_f16_taken_down_method_can_be_edited_and_published_again(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    method = await uploaded(api, admin, name="初版", publish=True)
    (await act(api, staff, TAKE_DOWN, method["id"], reason="内容有误")).ok("takeDownConversionMethod")
    # Taken down frees the institution's published slot: another method can be published...
    other = await uploaded(api, admin, name="另一条", publish=True)
    # ...so the taken-down one cannot be published while that one is.
    refused = await act(api, admin, PUBLISH, method["id"])
    assert [(e["code"], e["message"]) for e in refused.payload("publishConversionMethod")["errors"]] == [
        ("METHOD_ALREADY_PUBLISHED", ALREADY_PUBLISHED)]
    (await act(api, admin, REVOKE, other["id"])).ok("revokeConversionMethod")

    replacement = method_pdf("修订版")
    edited = (await update(api, admin, method["id"], name="修订版", content=replacement)).ok(
        "updateConversionMethod")["method"]
    assert (edited["name"], edited["status"]) == ("修订版", "TAKEN_DOWN")
    republished = (await act(api, admin, PUBLISH, method["id"])).ok("publishConversionMethod")["method"]
    assert republished["status"] == "PUBLISHED"
    live = await portal(api)
    assert _names(live) == ["修订版"]
    assert await download(api, live["nodes"][0]["file"]) == replacement


async def test_f16_method_published_again_no_longer_shows_the_take_down_reason(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    method = await uploaded(api, admin, name="初版", publish=True)
    (await act(api, staff, TAKE_DOWN, method["id"], reason="内容有误")).ok("takeDownConversionMethod")
    (await update(api, admin, method["id"], content=method_pdf("修订版"))).ok("updateConversionMethod")
    republished = (await act(api, admin, PUBLISH, method["id"])).ok("publishConversionMethod")["method"]
    assert republished["status"] == "PUBLISHED"
    assert [n["takenDownReason"] for n in (await portal(api))["nodes"]] == [""]


async def test_f16_taken_down_method_can_be_deleted(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    staff = await login(api, *STAFF)
    method = await uploaded(api, admin, name="将删除", publish=True)
    (await act(api, staff, TAKE_DOWN, method["id"], reason="违规")).ok("takeDownConversionMethod")
    (await act(api, admin, DELETE, method["id"])).ok("deleteConversionMethod")
    assert (await listed(api, admin))["totalCount"] == 0


# B9 -----------------------------------------------------------------------------------------


async def test_b9_sub_user_limited_to_other_modules_gets_module_forbidden(api: Api, demo: None) -> None:
    admin = await login(api, *CSUST)
    method = await uploaded(api, admin, name="本校办法")
    limited = await limited_sub_user(api, admin, ["ACHIEVEMENTS", "MESSAGES"])
    before = await snapshot()
    assert (await api(LIST, token=limited)).error_codes == ["MODULE_FORBIDDEN"]
    assert (await api(TEMPLATE, token=limited)).error_codes == ["MODULE_FORBIDDEN"]
    assert (await upload(api, limited, name="越权上传")).error_codes == ["MODULE_FORBIDDEN"]
    for document in (PUBLISH, REVOKE, DELETE):
        assert (await act(api, limited, document, method["id"])).error_codes == ["MODULE_FORBIDDEN"], document
    assert (await update(api, limited, method["id"], name="越权修改")).error_codes == ["MODULE_FORBIDDEN"]
    assert await snapshot() == before
    # The portal is open to everyone, limited or not.
    assert (await api("{ portalConversionMethods { totalCount } }", token=limited)).errors == []

    allowed = await limited_sub_user(api, admin, ["CONVERSION_RULES"], username="method_allowed",
                                     phone="13900000089")
    assert _names(await listed(api, allowed)) == ["本校办法"]
