"""Stored and generated files are served as what we checked or made them to be, never as what the
uploader's file name says: a conversion method's PDF uploaded as ``evil.html`` is
``application/pdf`` and downloads as ``evil.pdf``; every file answer says
``X-Content-Type-Options: nosniff`` so no browser second-guesses the type."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any
from urllib.parse import unquote

from server.files import signed_url
from server.settings import Settings
from tests.support.api import Api
from tests.support.catalogue import store_course
from tests.support.flows import CSUST, code_for, login
from tests.support.methods import method_pdf, upload
from tests.support.rules import RULE_PDF, create_rule, degree_rule, source, world
from tests.support.xlsx import XLSX, workbook_bytes

PDF = "application/pdf"
IMAGE = "image/png"
IMPORT = """mutation($input: ImportAchievementsInput!) { importAchievements(input: $input) {
  job { sourceFile { url filename } rejectedFile { url filename } importedFile { url filename } }
  errors { code } } }"""
EXPORT = """mutation($input: ExportAchievementsInput!) {
  exportAchievements(input: $input) { file { url filename } errors { code } } }"""
TEMPLATES = """{ achievementImportTemplate(subtype: VOCATIONAL_COURSE) { url filename }
  learnerImportTemplate { url filename } conversionMethodTemplate { url filename } }"""
AVATAR = """mutation($input: InstitutionInfoInput!) {
  updateInstitutionInfo(input: $input) { institution { avatarUrl } errors { code } } }"""
COURSE_HEADERS = ["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"]
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
       b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")
SUFFIX = {PDF: ".pdf", XLSX: ".xlsx", IMAGE: ".png"}
CSUST_PHONE = "13800000001"


def disposition_name(response: Any) -> str:
    header = response.headers.get("content-disposition", "")
    if "filename*=utf-8''" in header:
        return unquote(header.split("filename*=utf-8''", 1)[1])
    return header.split('filename="', 1)[1].rstrip('"') if 'filename="' in header else ""


async def served(api: Api, link: dict[str, Any] | str, media_type: str, *, content: bytes | None = None) -> str:
    """GET a link: it must answer ``media_type``, nosniff, and (when the link names a file) a
    download name with that type's extension. Answers the download name."""
    url = link if isinstance(link, str) else link["url"]
    response = await api.client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type, (url, response.headers)
    assert response.headers["x-content-type-options"] == "nosniff"
    if content is not None:
        assert response.content == content
    name = disposition_name(response)
    if isinstance(link, dict):
        assert PurePath(name).suffix == SUFFIX[media_type], (name, media_type)
        assert link["filename"] == name  # the API says the name the browser will save
        assert response.headers["content-disposition"].startswith("attachment")
    return name


async def test_edge_uploaded_files_are_served_as_the_type_we_checked(api: Api, demo: None) -> None:
    w = await world(api, csust_method=False)
    token = w.csust.token
    # A real PDF named like a web page, an image, a script.
    for filename in ("evil.html", "evil.svg", "转换办法.js", "no-extension"):
        method = (await upload(api, token, filename=filename, media="text/html")).ok("uploadConversionMethod")
        name = await served(api, method["method"]["file"], PDF, content=method_pdf())
        assert name == f"{PurePath(filename).stem}.pdf"
        await api("mutation($id: ID!) { deleteConversionMethod(id: $id) { errors { code } } }",
                  {"id": method["method"]["id"]}, token=token)
    await upload(api, token)
    rule = await create_rule(api, token, degree_rule([source(w.hnu.certificate)], [w.csust.course]),
                             file=("rule.html", RULE_PDF, "text/html"))
    assert await served(api, rule["file"], PDF, content=RULE_PDF) == "rule.pdf"

    # A spreadsheet named .html is kept and served as the spreadsheet it is; so are the sheets
    # made from it.
    content = workbook_bytes(COURSE_HEADERS, [["课程甲", "01", 10, 1, "简介"], ["", "02", 10, 1, "简介"]])
    result = await api(IMPORT, {"input": {"subtype": "VOCATIONAL_COURSE", "file": None}}, token=token,
                       files={"input.file": ("courses.html", content, "text/html")})
    job = result.payload("importAchievements")["job"]
    assert await served(api, job["sourceFile"], XLSX, content=content) == "courses.xlsx"
    await served(api, job["rejectedFile"], XLSX)
    await served(api, job["importedFile"], XLSX)

    # An avatar is shown in place, as the image it is.
    saved = (await api(AVATAR, {"input": {"avatar": None}}, token=token,
                       files={"input.avatar": ("avatar.html", PNG, "text/html")})).ok("updateInstitutionInfo")
    await served(api, saved["institution"]["avatarUrl"], IMAGE, content=PNG)
    avatar = await api.client.get(saved["institution"]["avatarUrl"])
    assert not avatar.headers.get("content-disposition", "").startswith("attachment")


async def test_edge_generated_files_are_served_with_their_type_and_nosniff(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    templates = (await api(TEMPLATES, token=token)).data
    await served(api, templates["achievementImportTemplate"], XLSX)
    await served(api, templates["learnerImportTemplate"], XLSX)
    await served(api, templates["conversionMethodTemplate"], PDF)
    course = await store_course(api, token, "课程甲")
    code = await code_for(api, "EXPORT", token=token, bound_phone=CSUST_PHONE)
    exported = (await api(EXPORT, {"input": {"ids": [course["id"]], "code": code}}, token=token)
                ).payload("exportAchievements")
    assert exported["errors"] == []
    await served(api, exported["file"], XLSX)


async def test_edge_a_file_of_an_unknown_kind_is_an_attachment_never_a_page(api: Api, settings: Settings) -> None:
    """A file an older release kept under the uploader's suffix (``.html``) is not served as a page."""
    storage = api.app.state.services.storage  # type: ignore[attr-defined]
    spreadsheet = workbook_bytes(COURSE_HEADERS, [])
    for key, data, media_type, name in (
        ("2024/01/old.html", spreadsheet, XLSX, "导入文件.xlsx"),  # what it really is, by its bytes
        ("2024/01/page.html", b"<script>alert(1)</script>", "application/octet-stream", "导入文件.bin"),
    ):
        await storage.save_as(key, data)
        response = await api.client.get(signed_url(settings, key, filename="导入文件.html"))
        assert response.status_code == 200
        assert response.headers["content-type"].split(";")[0] == media_type
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["content-disposition"].startswith("attachment")
        assert disposition_name(response) == name
    # Refusals carry it too.
    refused = await api.client.get("/files/2024/01/page.html?expires=1&signature=x")
    assert refused.status_code == 403 and refused.headers["x-content-type-options"] == "nosniff"
