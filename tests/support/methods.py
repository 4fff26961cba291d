"""Conversion methods (转换办法, F8) through the public API: query documents, PDFs to upload, and
the logins the method tests share."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from adapters.pdf import simple_pdf
from tests.support.api import Api, GraphQLResult
from tests.support.flows import HNU_SYNCED, login

PDF_TYPE = "application/pdf"
ERRORS = "errors { field code message }"
METHOD = """id name status publishedAt uploadedAt takenDownReason
            file { url filename expiresInSeconds } institution { id name }"""

UPLOAD = f"""
mutation Upload($input: UploadConversionMethodInput!) {{
  uploadConversionMethod(input: $input) {{ method {{ {METHOD} }} {ERRORS} }}
}}"""

UPDATE = f"""
mutation Update($id: ID!, $input: UpdateConversionMethodInput!) {{
  updateConversionMethod(id: $id, input: $input) {{ method {{ {METHOD} }} {ERRORS} }}
}}"""

PUBLISH = f"""
mutation Publish($id: ID!) {{ publishConversionMethod(id: $id) {{ method {{ {METHOD} }} {ERRORS} }} }}"""

REVOKE = f"""
mutation Revoke($id: ID!) {{ revokeConversionMethod(id: $id) {{ method {{ {METHOD} }} {ERRORS} }} }}"""

DELETE = f"""
mutation Delete($id: ID!) {{ deleteConversionMethod(id: $id) {{ method {{ id }} {ERRORS} }} }}"""

TAKE_DOWN = f"""
mutation TakeDown($id: ID!, $reason: String) {{
  takeDownConversionMethod(id: $id, reason: $reason) {{ method {{ {METHOD} }} {ERRORS} }}
}}"""

LIST = f"""
query Methods($filter: ConversionMethodFilter, $first: Int, $offset: Int) {{
  conversionMethods(filter: $filter, first: $first, offset: $offset) {{ totalCount nodes {{ {METHOD} }} }}
}}"""

PORTAL = f"""
query Portal($institutionId: ID) {{
  portalConversionMethods(institutionId: $institutionId) {{ totalCount nodes {{ {METHOD} }} }}
}}"""

TEMPLATE = "{ conversionMethodTemplate { url filename expiresInSeconds } }"

CHANGE_INITIAL = f"""
mutation Change($input: ChangeInitialPasswordInput!) {{
  changeInitialPassword(input: $input) {{ account {{ mustChangePassword }} {ERRORS} }}
}}"""

ADD_SUB_USER = f"""
mutation Add($input: AddSubUserInput!) {{ addSubUser(input: $input) {{ account {{ id modules }} {ERRORS} }} }}"""


def method_pdf(title: str = "长沙理工大学转换办法", *lines: str) -> bytes:
    """A real (small) PDF, as a sealed method would be."""
    return simple_pdf(title, list(lines) or ["第一章 总则", "第一条 为落实学分银行制度，制定本办法。", "（加盖院校公章）"])


def pdf_of_size(size: int) -> bytes:
    """A real PDF of exactly ``size`` bytes: full lines of text, one last line as long as needed,
    and a few blank bytes after %%EOF (which readers ignore)."""
    title, line = "转换办法", "学分银行转换办法正文" * 25  # 1000 bytes per line once hex-encoded
    count = max(0, (size - 4096) // 1024)
    content = simple_pdf(title, [line] * count)
    while count and len(content) > size - 1100:
        count -= 1
        content = simple_pdf(title, [line] * count)
    assert len(content) <= size - 1100, "size too small for a PDF with text"
    overhead = len(simple_pdf(title, [line] * count + ["字"])) - len(content) - 4
    tail = (size - len(content) - overhead) // 4
    content = simple_pdf(title, [line] * count + ["字" * tail])
    while len(content) > size:  # a number in the file (a length, an offset) grew by a digit
        tail -= 1
        content = simple_pdf(title, [line] * count + ["字" * tail])
    assert size - 16 < len(content) <= size, (len(content), size)
    return content + b"\n" * (size - len(content))


async def upload(api: Api, token: str | None, *, name: str | None = "长沙理工大学转换办法",
                 content: bytes | None = None, filename: str = "转换办法.pdf", media: str = PDF_TYPE,
                 pledge: bool = True, commitment: bool = True, publish: bool = False) -> GraphQLResult:
    variables = {"input": {"name": name, "file": None, "pledgeAccepted": pledge,
                           "securityCommitmentAccepted": commitment, "publish": publish}}
    return await api(UPLOAD, variables, token=token,
                     files={"input.file": (filename, method_pdf() if content is None else content, media)})


async def uploaded(api: Api, token: str, **kwargs: Any) -> dict[str, Any]:
    """A method that must have been uploaded."""
    return (await upload(api, token, **kwargs)).ok("uploadConversionMethod")["method"]


async def update(api: Api, token: str, method_id: str, *, name: str | None = None,
                 content: bytes | None = None, filename: str = "新转换办法.pdf",
                 pledge: bool = True) -> GraphQLResult:
    variables = {"id": method_id, "input": {"name": name, "file": None, "pledgeAccepted": pledge}}
    files = {"input.file": (filename, content, PDF_TYPE)} if content is not None else None
    return await api(UPDATE, variables, token=token, files=files)


async def act(api: Api, token: str | None, document: str, method_id: str, **variables: Any) -> GraphQLResult:
    return await api(document, {"id": method_id, **variables}, token=token)


async def listed(api: Api, token: str, **filter: Any) -> dict[str, Any]:
    result = await api(LIST, {"filter": filter or None}, token=token)
    assert not result.errors, result.errors
    return result.data["conversionMethods"]


async def portal(api: Api, institution_id: str | None = None) -> dict[str, Any]:
    result = await api(PORTAL, {"institutionId": institution_id})
    assert not result.errors, result.errors
    return result.data["portalConversionMethods"]


async def hnu_login(api: Api, password: str = "Hnu2024new") -> str:
    """湖南大学's synced main account, after the required change of the initial password."""
    token = await login(api, *HNU_SYNCED)
    changed = await api(CHANGE_INITIAL, {"input": {"newPassword": password, "confirmation": password}},
                        token=token)
    assert changed.ok("changeInitialPassword")["account"]["mustChangePassword"] is False
    return token


async def limited_sub_user(api: Api, admin_token: str, modules: list[str], *,
                           username: str = "method_limited", phone: str = "13900000088") -> str:
    """A sub-user limited to ``modules`` (B9), logged in with its own password set."""
    added = await api(ADD_SUB_USER, {"input": {
        "username": username, "name": "受限用户", "phone": phone, "password": "Limit2024",
        "passwordConfirmation": "Limit2024", "modules": modules}}, token=admin_token)
    added.ok("addSubUser")
    token = await login(api, username, "Limit2024")
    changed = await api(CHANGE_INITIAL, {"input": {"newPassword": "Limit2025", "confirmation": "Limit2025"}},
                        token=token)
    assert not changed.errors, changed.errors
    return token


def stored_files(root: Path) -> set[Path]:
    """Every file under the storage root (temporary ``.part`` files included)."""
    return {p.relative_to(root) for p in root.rglob("*") if p.is_file()} if root.exists() else set()
