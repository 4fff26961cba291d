"""Institution information (F13.1), changing the password (F13.2) and the bound phone (F13.3),
all through the GraphQL API of the real app."""

from __future__ import annotations

import asyncio
import gc
import re
import struct
import warnings
import zlib
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

import pytest
from tortoise.timezone import now

from models.audit import AuditLog
from models.institution import Institution
from models.verification import PhoneSendSlot, VerificationCode
from server import demo as demo_data
from server.files import signed_url
from server.settings import Settings
from tests.support.api import Api
from tests.support.db import snapshot
from tests.support.flows import (
    CSUST,
    CSUST_TEACHER,
    HNU_SYNCED,
    LOGIN,
    OUTBOX,
    code_for,
    last_code,
    login,
    send_code,
)

# --- documents --------------------------------------------------------------------------------

INSTITUTION_FIELDS = """
  id name schoolCode supervisingUnit province { code name }
  creditCode schoolType legalRepresentative contactName contactPhone contactEmail
  postcode address businessScope introduction avatarUrl registrationStep
"""

ME_INSTITUTION = "{ me { username institution { " + INSTITUTION_FIELDS + " } } }"

UPDATE_INFO = """
mutation Update($input: InstitutionInfoInput!) {
  updateInstitutionInfo(input: $input) {
    institution { """ + INSTITUTION_FIELDS + """ }
    errors { field code message }
  }
}
"""

CHANGE_PASSWORD = """
mutation ChangePassword($input: ChangePasswordInput!) {
  changePassword(input: $input) {
    account { username mustChangePassword }
    errors { field code message }
  }
}
"""

CHANGE_PHONE = """
mutation ChangePhone($input: ChangePhoneInput!) {
  changePhone(input: $input) {
    account { username phone maskedPhone }
    errors { field code message }
  }
}
"""

ME = "{ me { username phone maskedPhone } }"

CSUST_PHONE = "13800000001"
TEACHER_PHONE = "13800000002"
NEW_PHONE = "13900000077"
OTHER_PHONE = "13900000078"
THIRD_PHONE = "13900000079"
NEW_PASSWORD = "Csust2024x"

# --- helpers ----------------------------------------------------------------------------------

# GB 32100-2015: 31 characters (no I, O, S, V, Z), weights 3^i mod 31, check = 31 - sum mod 31.
# Written here from the standard, independently of validators.credit_code.
_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def uscc_check_character(first17: str) -> str:
    total = sum(_USCC_CHARS.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    return _USCC_CHARS[(31 - total % 31) % 31]


def valid_uscc(first17: str) -> str:
    return first17 + uscc_check_character(first17)


def with_wrong_check_character(code: str) -> str:
    right = code[-1]
    wrong = next(ch for ch in _USCC_CHARS if ch != right)
    return code[:-1] + wrong


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (200, 30, 40),
        padding: int = 0) -> bytes:
    """A real PNG (8-bit RGB, filter 0 rows); ``padding`` adds a tEXt chunk of that many bytes."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    chunks = [
        _png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),
        _png_chunk(b"IDAT", zlib.compress(raw)),
    ]
    if padding:
        keyword = b"Comment\x00"
        chunks.append(_png_chunk(b"tEXt", keyword + b"x" * (padding - len(keyword))))
    chunks.append(_png_chunk(b"IEND", b""))
    return b"\x89PNG\r\n\x1a\n" + b"".join(chunks)


def png_of_size(size: int) -> bytes:
    base = len(png())
    return png(padding=size - base - 12)  # a chunk costs 12 bytes besides its data


def parse_png(content: bytes) -> tuple[int, int, bytes]:
    """Width, height and decompressed pixel rows; asserts every chunk's CRC."""
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    position, width, height, idat = 8, 0, 0, b""
    while position < len(content):
        (length,) = struct.unpack(">I", content[position:position + 4])
        kind = content[position + 4:position + 8]
        data = content[position + 8:position + 8 + length]
        (crc,) = struct.unpack(">I", content[position + 8 + length:position + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        if kind == b"IHDR":
            width, height = struct.unpack(">II", data[:8])
        elif kind == b"IDAT":
            idat += data
        position += 12 + length
    return width, height, zlib.decompress(idat)


# The classic 1×1 GIF89a.
GIF = bytes.fromhex(
    "474946383961010001008000000000ffffff21f90401000000002c00000000010001000002024401003b"
)
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def field_codes(payload: dict[str, Any]) -> set[tuple[str | None, str]]:
    return {(e["field"], e["code"]) for e in payload["errors"]}


async def age_send_slot(phone: str) -> None:
    """Move the phone's last send a minute into the past (instead of sleeping 60 s)."""
    await PhoneSendSlot.filter(phone=phone).update(last_sent_at=now() - timedelta(seconds=61))


async def outbox(api: Api, recipient: str) -> list[dict[str, Any]]:
    return (await api(OUTBOX, {"recipient": recipient})).data["demoOutbox"]


def wrong_code(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def stored_files(settings: Settings) -> list[Path]:
    root = Path(settings.file_dir)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


async def institution_of(api: Api, token: str) -> dict[str, Any]:
    result = await api(ME_INSTITUTION, token=token)
    assert not result.errors, result.errors
    return result.data["me"]["institution"]


async def update(api: Api, token: str | None, **values: Any) -> Any:
    return await api(UPDATE_INFO, {"input": values}, token=token)


class Upload:
    """The result of an upload, and the upload files the app left open (ResourceWarnings)."""

    def __init__(self, result: Any, unclosed: list[str]) -> None:
        self.result = result
        self.unclosed = unclosed


async def upload(api: Api, token: str | None, filename: str, content: bytes, content_type: str,
                 **values: Any) -> Upload:
    """updateInstitutionInfo with an avatar, by the GraphQL multipart request spec.

    The app does not close the temporary files of a multipart request (see
    test_f13_1_uploaded_files_are_closed_after_the_request); their ResourceWarnings are caught
    here, by collecting garbage inside the block, so they are reported by that test alone and
    do not surface as errors in whichever later test happens to trigger the collection.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ResourceWarning)
        result = await api(UPDATE_INFO, {"input": values}, token=token,
                           files={"input.avatar": (filename, content, content_type)})
        gc.collect()
    unclosed = [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)]
    for other in caught:
        if not issubclass(other.category, ResourceWarning):
            warnings.warn_explicit(other.message, other.category, other.filename, other.lineno)
    return Upload(result, unclosed)


async def login_result(api: Api, account: str, password: str) -> dict[str, Any]:
    return (await api(LOGIN, {"account": account, "password": password})).payload("login")


async def change_password(api: Api, token: str, *, old: str = CSUST[1], new: str = NEW_PASSWORD,
                          confirmation: str | None = None, code: str) -> Any:
    variables = {"input": {"oldPassword": old, "newPassword": new,
                           "confirmation": new if confirmation is None else confirmation,
                           "code": code}}
    return await api(CHANGE_PASSWORD, variables, token=token)


async def change_phone(api: Api, token: str, *, phone: str = NEW_PHONE,
                       password: str = CSUST[1], code: str) -> Any:
    variables = {"input": {"password": password, "newPhone": phone, "code": code}}
    return await api(CHANGE_PHONE, variables, token=token)


# --- F13.1 view and edit ----------------------------------------------------------------------


async def test_f13_1_main_account_sees_its_institution_info(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    info = await institution_of(api, token)
    province_code, school_code, school_name, _, supervising_unit = next(
        s for s in demo_data.SCHOOLS if s[1] == CSUST[0]
    )
    seeded = demo_data.INSTITUTION_INFO[CSUST[0]]
    assert info["name"] == school_name == "长沙理工大学"
    assert info["schoolCode"] == school_code
    assert info["supervisingUnit"] == supervising_unit
    assert info["province"] == {"code": province_code, "name": dict(demo_data.PROVINCES)[province_code]}
    for field in ("credit_code", "school_type", "legal_representative", "contact_name",
                  "contact_phone", "contact_email", "postcode", "address", "business_scope"):
        camel = re.sub(r"_(\w)", lambda m: m.group(1).upper(), field)
        assert info[camel] == seeded[field], field
    assert info["introduction"] == ""
    assert info["avatarUrl"] is None
    assert info["registrationStep"] == "COMPLETE"
    assert not info["id"].isdigit()


async def test_f13_1_valid_edit_is_saved_and_read_back(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    # The helper agrees with the example code printed in GB 32100-2015.
    assert valid_uscc("91350100M000100Y4") == "91350100M000100Y43"
    credit_code = valid_uscc("12430000MB0Q12345")
    other_institution = await Institution.get(school__code=HNU_SYNCED[0]).values()
    values = {
        "creditCode": credit_code.lower(),  # entered in lower case: kept in upper case
        "schoolType": "高职",
        "legalRepresentative": "王校长",
        "contactName": "赵老师",
        "contactPhone": "+86 139-0000-0055",
        "contactEmail": "zhao@csust.example.cn",
        "postcode": "410114",
        "address": "  湖南省长沙市雨花区万家丽南路二段960号  ",
        "businessScope": "高等学历教育；继续教育；职业技能培训",
        "introduction": "长沙理工大学是一所以工为主的多科性大学。",
    }
    saved = (await update(api, token, **values)).ok("updateInstitutionInfo")["institution"]
    expected = {**values, "creditCode": credit_code, "contactPhone": "13900000055",
                "address": "湖南省长沙市雨花区万家丽南路二段960号"}
    for field, value in expected.items():
        assert saved[field] == value, field
    # Read back by a new query (and a new login), not just from the payload.
    again = await institution_of(api, await login(api, *CSUST))
    for field, value in expected.items():
        assert again[field] == value, field
    # Directory fields stay as the directory has them.
    assert again["name"] == "长沙理工大学" and again["schoolCode"] == CSUST[0]
    # Only the caller's institution changed.
    assert await Institution.get(school__code=HNU_SYNCED[0]).values() == other_institution
    audit = await AuditLog.filter(action="institution.update").order_by("-id").first()
    assert audit is not None
    assert "credit_code" in audit.detail["fields"] and "introduction" in audit.detail["fields"]


async def test_f13_1_fields_not_given_keep_their_value(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await institution_of(api, token)
    saved = (await update(api, token, address="湖南省长沙市新地址1号")).ok("updateInstitutionInfo")
    after = saved["institution"]
    assert after["address"] == "湖南省长沙市新地址1号"
    for field in ("creditCode", "schoolType", "legalRepresentative", "contactName", "contactPhone",
                  "contactEmail", "postcode", "businessScope", "introduction"):
        assert after[field] == before[field], field
    # The optional introduction may be cleared.
    await update(api, token, introduction="简介")
    cleared = (await update(api, token, introduction="")).ok("updateInstitutionInfo")
    assert cleared["institution"]["introduction"] == ""


async def test_f13_1_fields_at_their_maximum_length_are_accepted(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    values = {
        "schoolType": "类" * 32,
        "legalRepresentative": "名" * 32,
        "contactName": "联" * 32,
        "address": "址" * 200,
        "businessScope": "范" * 500,
        "introduction": "简" * 2000,
    }
    saved = (await update(api, token, **values)).ok("updateInstitutionInfo")["institution"]
    again = await institution_of(api, token)
    for field, value in values.items():
        assert saved[field] == value and again[field] == value, field


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("creditCode", with_wrong_check_character(valid_uscc("91430100MA4L12345")), "INVALID_CREDIT_CODE"),
        ("creditCode", with_wrong_check_character("91350100M000100Y43"), "INVALID_CREDIT_CODE"),
        ("creditCode", "91430100MA4L1234", "INVALID_CREDIT_CODE"),  # 16 characters
        ("creditCode", "91430100MA4L1O345X", "INVALID_CREDIT_CODE"),  # O is not in the alphabet
        ("contactEmail", "contact.csust.example.cn", "INVALID_EMAIL"),
        ("contactEmail", "contact@", "INVALID_EMAIL"),
        ("postcode", "41011", "INVALID_POSTCODE"),
        ("postcode", "41011A", "INVALID_POSTCODE"),
        ("contactPhone", "1380000000", "INVALID_PHONE"),
        ("contactPhone", "23800000001", "INVALID_PHONE"),
        ("schoolType", "类" * 33, "TOO_LONG"),
        ("legalRepresentative", "名" * 33, "TOO_LONG"),
        ("contactName", "联" * 33, "TOO_LONG"),
        ("address", "址" * 201, "TOO_LONG"),
        ("businessScope", "范" * 501, "TOO_LONG"),
        ("introduction", "简" * 2001, "TOO_LONG"),
        ("schoolType", "", "REQUIRED"),
        ("legalRepresentative", "   ", "REQUIRED"),
        ("contactName", "", "REQUIRED"),
        ("contactPhone", "", "REQUIRED"),
        ("contactEmail", "", "REQUIRED"),
        ("postcode", "", "REQUIRED"),
        ("address", "", "REQUIRED"),
        ("businessScope", "", "REQUIRED"),
    ],
)
async def test_f13_1_bad_value_is_refused_and_nothing_changes(
    api: Api, demo: None, field: str, value: str, code: str
) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    # A valid change of another field rides along: it must not be saved either.
    ride_along = "contactName" if field == "introduction" else "introduction"
    result = await update(api, token, **{field: value, ride_along: "不应保存"})
    errors = result.refused("updateInstitutionInfo")
    assert errors == [code]
    assert result.data["updateInstitutionInfo"]["errors"][0]["field"] == field
    assert result.data["updateInstitutionInfo"]["institution"] is None
    assert await snapshot() == before


async def test_f13_1_every_problem_is_reported_at_once(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await update(
        api, token, creditCode=with_wrong_check_character("91350100M000100Y43"),
        contactEmail="bad", postcode="1", address="址" * 201, contactName="",
    )
    assert field_codes(result.payload("updateInstitutionInfo")) == {
        ("creditCode", "INVALID_CREDIT_CODE"), ("contactEmail", "INVALID_EMAIL"),
        ("postcode", "INVALID_POSTCODE"), ("address", "TOO_LONG"), ("contactName", "REQUIRED"),
    }
    assert await snapshot() == before


async def test_f13_1_directory_fields_cannot_be_edited(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    result = await api(UPDATE_INFO, {"input": {"name": "别的大学"}}, token=token)
    assert result.errors and result.data is None
    assert await snapshot() == before


async def test_f13_1_sub_user_cannot_edit(api: Api, demo: None, settings: Settings) -> None:
    token = await login(api, *CSUST_TEACHER)
    before = await snapshot()
    result = await update(api, token, address="湖南省长沙市子用户改的地址")
    assert result.error_codes == ["FORBIDDEN"]
    assert "主账户" in result.errors[0]["message"]
    with_avatar = await upload(api, token, "avatar.png", png(), "image/png")
    assert with_avatar.result.error_codes == ["FORBIDDEN"]
    assert await snapshot() == before
    assert stored_files(settings) == []


async def test_f13_1_anonymous_cannot_edit(api: Api, demo: None, settings: Settings) -> None:
    before = await snapshot()
    result = await update(api, None, address="匿名地址")
    assert result.error_codes == ["UNAUTHENTICATED"]
    with_avatar = await upload(api, None, "avatar.png", png(), "image/png")
    assert with_avatar.result.error_codes == ["UNAUTHENTICATED"]
    assert await snapshot() == before
    assert stored_files(settings) == []


async def test_f13_1_f13_2_account_on_its_initial_password_must_change_it_first(
    api: Api, demo: None
) -> None:
    token = await login(api, *HNU_SYNCED)
    before = await snapshot()
    edit = await update(api, token, address="湖南省长沙市岳麓区新地址")
    assert edit.error_codes == ["PASSWORD_CHANGE_REQUIRED"]
    change = await change_password(api, token, old=HNU_SYNCED[1], new="Hnu2024ab", code="123456")
    assert change.error_codes == ["PASSWORD_CHANGE_REQUIRED"]
    assert await snapshot() == before


# --- F13.1 avatar -----------------------------------------------------------------------------


async def test_f13_1_avatar_upload_is_served_by_a_signed_url(
    api: Api, demo: None, settings: Settings
) -> None:
    token = await login(api, *CSUST)
    image = png(3, 2)
    assert parse_png(image)[:2] == (3, 2)  # the bytes really are a PNG
    sent = await upload(api, token, "avatar.png", image, "image/png", contactName="头像联系人")
    saved = sent.result.ok("updateInstitutionInfo")["institution"]
    assert saved["contactName"] == "头像联系人"
    url = saved["avatarUrl"]
    parts = urlsplit(url)
    assert parts.path.startswith("/files/") and not parts.netloc
    query = parse_qs(parts.query)
    assert set(query) >= {"expires", "signature"}
    assert len(stored_files(settings)) == 1

    download = await api.client.get(url)
    assert download.status_code == 200
    assert download.content == image
    assert download.headers["content-type"] == "image/png"
    assert parse_png(download.content)[:2] == (3, 2)

    # A later read gives a working URL too.
    read_url = (await institution_of(api, token))["avatarUrl"]
    assert (await api.client.get(read_url)).content == image


async def test_f13_1_tampered_avatar_url_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    image = png()
    sent = await upload(api, token, "a.png", image, "image/png")
    url = sent.result.ok("updateInstitutionInfo")["institution"]["avatarUrl"]
    parts = urlsplit(url)
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    signature = query["signature"]

    flipped = signature[:-1] + ("0" if signature[-1] != "0" else "1")
    tampered = await api.client.get(f"{parts.path}?{urlencode({**query, 'signature': flipped})}")
    assert tampered.status_code == 403
    assert tampered.content != image

    later = str(int(query["expires"]) + 3600)
    extended = await api.client.get(f"{parts.path}?{urlencode({**query, 'expires': later})}")
    assert extended.status_code == 403

    unsigned = await api.client.get(parts.path)
    assert unsigned.status_code == 403

    other_key = parts.path.rsplit("/", 1)[0] + "/" + "0" * 32 + ".png"
    moved = await api.client.get(f"{other_key}?{parts.query}")
    assert moved.status_code == 403

    # The genuine URL still works.
    assert (await api.client.get(url)).content == image


async def test_f13_1_expired_avatar_url_is_refused(
    api: Api, demo: None, settings: Settings
) -> None:
    token = await login(api, *CSUST)
    sent = await upload(api, token, "a.png", png(), "image/png")
    url = sent.result.ok("updateInstitutionInfo")["institution"]["avatarUrl"]
    key = unquote(urlsplit(url).path.removeprefix("/files/"))
    # A correctly signed link whose time is up (signed as the server would have, 10 s ago).
    expired = signed_url(settings, key, ttl_seconds=-10)
    response = await api.client.get(expired)
    assert response.status_code == 410
    assert response.content != png()


async def test_f13_1_new_avatar_replaces_the_old_one(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    first, second = png(rgb=(1, 2, 3)), png(rgb=(250, 251, 252))
    (await upload(api, token, "1.png", first, "image/png")).result.ok("updateInstitutionInfo")
    sent = await upload(api, token, "2.png", second, "image/png")
    url = sent.result.ok("updateInstitutionInfo")["institution"]["avatarUrl"]
    assert (await api.client.get(url)).content == second
    assert (await api.client.get((await institution_of(api, token))["avatarUrl"])).content == second


async def test_f13_1_gif_avatar_is_accepted(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    sent = await upload(api, token, "a.gif", GIF, "image/gif")
    url = sent.result.ok("updateInstitutionInfo")["institution"]["avatarUrl"]
    download = await api.client.get(url)
    assert download.content == GIF
    assert download.headers["content-type"] == "image/gif"


async def test_f13_1_avatar_of_exactly_two_megabytes_is_accepted(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    image = png_of_size(2 * 1024 * 1024)
    assert len(image) == 2 * 1024 * 1024
    sent = await upload(api, token, "big.png", image, "image/png")
    url = sent.result.ok("updateInstitutionInfo")["institution"]["avatarUrl"]
    assert (await api.client.get(url)).content == image


@pytest.mark.parametrize(
    ("filename", "content", "content_type", "code"),
    [
        ("avatar.png", PDF, "image/png", "INVALID_FILE_TYPE"),  # a PDF renamed .png
        ("avatar.pdf", PDF, "application/pdf", "INVALID_FILE_TYPE"),
        ("avatar.svg", SVG, "image/svg+xml", "INVALID_FILE_TYPE"),
        ("avatar.png", b"just some text, not an image", "image/png", "INVALID_FILE_TYPE"),
        ("avatar.png", b"", "image/png", "FILE_EMPTY"),
        ("avatar.png", png_of_size(2 * 1024 * 1024 + 1), "image/png", "FILE_TOO_LARGE"),
    ],
    ids=["pdf-renamed-png", "pdf", "svg", "text", "empty", "over-2mb"],
)
async def test_f13_1_bad_avatar_is_refused_and_nothing_is_kept(
    api: Api, demo: None, settings: Settings, filename: str, content: bytes,
    content_type: str, code: str,
) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    sent = await upload(api, token, filename, content, content_type,
                        address="湖南省长沙市不应保存的地址")
    payload = sent.result.payload("updateInstitutionInfo")
    assert sent.result.refused("updateInstitutionInfo") == [code]
    assert payload["errors"][0]["field"] == "avatar"
    assert payload["institution"] is None
    assert await snapshot() == before
    assert stored_files(settings) == []
    assert (await institution_of(api, token))["avatarUrl"] is None


# Strawberry never closes a multipart request's files; GraphQLApp.run does (ResourceWarning
# otherwise, an error under filterwarnings=error).
@pytest.mark.parametrize("size", [1024, 2 * 1024 * 1024], ids=["in-memory", "spooled-to-disk"])
async def test_f13_1_uploaded_files_are_closed_after_the_request(
    api: Api, demo: None, size: int
) -> None:
    token = await login(api, *CSUST)
    sent = await upload(api, token, "avatar.png", png_of_size(size), "image/png")
    sent.result.ok("updateInstitutionInfo")
    assert sent.unclosed == []



def before_except_throttle(before: dict) -> dict:
    return {table: rows for table, rows in before.items() if table != "login_throttle"}


async def wrong_password_count(username: str) -> int:
    from models.account import LoginThrottle

    rows = await LoginThrottle.filter(account_name=username).exclude(address="")
    return sum(row.failures for row in rows)


async def test_f13_2_wrong_passwords_with_a_signed_in_token_are_throttled_like_logins(
    make_api: Any, demo: None, from_address: Any
) -> None:
    """A stolen token does not allow unlimited password guesses: they count like failed logins
    from the same address, and the owner elsewhere is not locked out."""
    api = await make_api(login_delay_seconds=60)
    token = await login(api, *CSUST)
    # Without the code sent to the owner's phone, no guess is even checked.
    blind = await change_password(api, token, old="Guess0x9", code="123456")
    assert blind.refused("changePassword") == ["CODE_INVALID"]
    assert await wrong_password_count(CSUST[0]) == 0
    # With it (each try uses one of its five checks), wrong guesses count like failed logins.
    code = await code_for(api, "CHANGE_PASSWORD", token=token, bound_phone=CSUST_PHONE)
    codes = []
    for attempt in range(6):
        result = await change_password(api, token, old=f"Guess{attempt}x9", code=code)
        codes += result.error_codes or [e["code"] for e in result.payload("changePassword")["errors"]]
    assert codes == ["WRONG_PASSWORD"] * 5 + ["CODE_ATTEMPTS_EXCEEDED"]
    assert await wrong_password_count(CSUST[0]) == 5
    phone = await change_phone(api, token, password=CSUST[1], code="123456")
    assert phone.error_codes == ["RATE_LIMITED"] and phone.response.status_code == 429
    same_address = await api(LOGIN, {"account": CSUST[0], "password": CSUST[1]})
    assert same_address.error_codes == ["RATE_LIMITED"]
    assert await login(from_address(api, "198.51.100.7"), *CSUST)


# --- F13.2 change password --------------------------------------------------------------------


async def test_f13_2_code_goes_to_the_bound_phone(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    sent = await send_code(api, "CHANGE_PASSWORD", token=token)
    assert sent["errors"] == []
    assert sent["sentTo"] == f"{CSUST_PHONE[:3]}****{CSUST_PHONE[-4:]}"
    messages = await outbox(api, CSUST_PHONE)
    assert len(messages) == 1 and "修改密码" in messages[0]["body"]
    assert re.search(r"\d{6}", messages[0]["body"])


async def test_f13_2_change_password_revokes_other_sessions(api: Api, demo: None) -> None:
    current = await login(api, *CSUST)
    other = await login(api, *CSUST)
    teacher = await login(api, *CSUST_TEACHER)
    code = await code_for(api, "CHANGE_PASSWORD", token=current, bound_phone=CSUST_PHONE)

    done = (await change_password(api, current, code=code)).ok("changePassword")
    assert done["account"] == {"username": CSUST[0], "mustChangePassword": False}

    # This device stays signed in; the other session of the same account is signed out.
    assert (await api(ME, token=current)).data["me"]["username"] == CSUST[0]
    assert (await api(ME, token=other)).error_codes == ["UNAUTHENTICATED"]
    # Other accounts of the institution are not affected.
    assert (await api(ME, token=teacher)).data["me"]["username"] == CSUST_TEACHER[0]

    old = await login_result(api, CSUST[0], CSUST[1])
    assert [e["code"] for e in old["errors"]] == ["INVALID_CREDENTIALS"] and old["token"] is None
    fresh = await login(api, CSUST[0], NEW_PASSWORD)
    assert (await api(ME, token=fresh)).data["me"]["username"] == CSUST[0]

    # The code was used up.
    again = await change_password(api, current, old=NEW_PASSWORD, new="Another2024", code=code)
    assert again.refused("changePassword") == ["CODE_USED"]


async def test_f13_2_wrong_old_password_changes_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    other = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PASSWORD", token=token, bound_phone=CSUST_PHONE)
    before = await snapshot(ignore=("verification_code",))
    result = await change_password(api, token, old="Wrong2021", code=code)
    assert result.refused("changePassword") == ["WRONG_PASSWORD"]
    assert result.data["changePassword"]["errors"][0]["field"] == "oldPassword"
    # The code was checked first (one of its checks) but not used; the wrong password counts like
    # a failed login.
    assert await snapshot(ignore=("login_throttle", "verification_code")) == before_except_throttle(before)
    assert await wrong_password_count(CSUST[0]) == 1
    assert (await api(ME, token=other)).data["me"]["username"] == CSUST[0]
    assert await login(api, *CSUST)
    # The code is still good for a correct request.
    assert (await change_password(api, token, code=code)).ok("changePassword")


@pytest.mark.parametrize(
    ("old", "new", "confirmation", "field", "code"),
    [
        (CSUST[1], "abcdefgh", "abcdefgh", "newPassword", "PASSWORD_WEAK"),
        (CSUST[1], "12345678", "12345678", "newPassword", "PASSWORD_WEAK"),
        (CSUST[1], "Ab1cd2", "Ab1cd2", "newPassword", "PASSWORD_LENGTH"),
        (CSUST[1], "Abcdefgh12345678x", "Abcdefgh12345678x", "newPassword", "PASSWORD_LENGTH"),
        (CSUST[1], "Csust 2024", "Csust 2024", "newPassword", "PASSWORD_CHARACTERS"),
        (CSUST[1], "Csust2024", "Csust2025", "confirmation", "PASSWORD_MISMATCH"),
        (CSUST[1], CSUST[1], CSUST[1], "newPassword", "PASSWORD_REUSED"),
        ("", "Csust2024", "Csust2024", "oldPassword", "REQUIRED"),
    ],
    ids=["letters-only", "digits-only", "short", "long", "space", "mismatch", "reused", "no-old"],
)
async def test_f13_2_bad_new_password_changes_nothing(
    api: Api, demo: None, old: str, new: str, confirmation: str, field: str, code: str
) -> None:
    token = await login(api, *CSUST)
    sms = await code_for(api, "CHANGE_PASSWORD", token=token, bound_phone=CSUST_PHONE)
    before = await snapshot(ignore=("verification_code",))
    result = await change_password(api, token, old=old, new=new, confirmation=confirmation, code=sms)
    assert result.refused("changePassword") == [code]
    assert result.data["changePassword"]["errors"][0]["field"] == field
    # Only the code's check was counted (it stays usable).
    assert await snapshot(ignore=("verification_code",)) == before
    assert await VerificationCode.filter(phone=CSUST_PHONE, consumed_at__isnull=True).exists()
    assert await login(api, *CSUST)


async def test_f13_2_every_problem_of_the_form_is_reported_at_once(api: Api, demo: None) -> None:
    """A short new password no longer hides the mismatch, the wrong code and the wrong old
    password; the old password is checked only with the right code."""
    token = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PASSWORD", token=token, bound_phone=CSUST_PHONE)
    before = await snapshot(ignore=("verification_code", "login_throttle"))
    mistyped = await change_password(api, token, old="Wrong2021", new="Ab1", confirmation="Ab2",
                                     code=wrong_code(code))
    assert field_codes(mistyped.payload("changePassword")) == {
        ("newPassword", "PASSWORD_LENGTH"), ("confirmation", "PASSWORD_MISMATCH"), ("code", "CODE_INVALID"),
    }
    # Without the right code the old password was not even checked.
    assert await wrong_password_count(CSUST[0]) == 0
    right_code = await change_password(api, token, old="Wrong2021", new="Ab1", confirmation="Ab2", code=code)
    assert field_codes(right_code.payload("changePassword")) == {
        ("newPassword", "PASSWORD_LENGTH"), ("confirmation", "PASSWORD_MISMATCH"), ("oldPassword", "WRONG_PASSWORD"),
    }
    for result in (mistyped, right_code):
        for error in result.payload("changePassword")["errors"]:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"]), error
    blank = await change_password(api, token, old="", new="", confirmation="x", code="")
    assert field_codes(blank.payload("changePassword")) == {
        ("oldPassword", "REQUIRED"), ("newPassword", "PASSWORD_LENGTH"), ("confirmation", "PASSWORD_MISMATCH"),
        ("code", "REQUIRED"),
    }
    assert await snapshot(ignore=("verification_code", "login_throttle")) == before
    # The code is still good, and the old password still works.
    assert (await change_password(api, token, code=code)).ok("changePassword")


async def test_f13_2_wrong_code_is_refused_and_counted(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    other = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PASSWORD", token=token, bound_phone=CSUST_PHONE)
    before = await snapshot(ignore=("verification_code",))
    result = await change_password(api, token, code=wrong_code(code))
    assert result.refused("changePassword") == ["CODE_INVALID"]
    error = result.data["changePassword"]["errors"][0]
    assert error["field"] == "code" and "4次" in error["message"]
    assert await snapshot(ignore=("verification_code",)) == before
    row = await VerificationCode.get(phone=CSUST_PHONE, purpose="CHANGE_PASSWORD")
    assert row.failed_attempts == 1 and row.consumed_at is None
    # Old password still works, the other session too; then the right code succeeds.
    assert await login(api, *CSUST)
    assert (await api(ME, token=other)).data["me"]["username"] == CSUST[0]
    assert (await change_password(api, token, code=code)).ok("changePassword")


async def test_f13_2_code_without_sending_or_for_another_purpose_fails(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    nothing_sent = await change_password(api, token, code="123456")
    assert nothing_sent.refused("changePassword") == ["CODE_INVALID"]
    empty = await change_password(api, token, code="")
    assert empty.refused("changePassword") == ["REQUIRED"]
    assert await snapshot() == before
    # A code sent to the same phone for registration does not change the password.
    register_code = await code_for(api, "REGISTER", CSUST_PHONE)
    before = await snapshot()
    result = await change_password(api, token, code=register_code)
    assert result.refused("changePassword") == ["CODE_INVALID"]
    assert await snapshot() == before
    assert await login(api, *CSUST)


async def test_f13_2_sub_user_changes_own_password_with_own_phone(api: Api, demo: None) -> None:
    token = await login(api, *CSUST_TEACHER)
    sent = await send_code(api, "CHANGE_PASSWORD", token=token)
    assert sent["sentTo"] == f"{TEACHER_PHONE[:3]}****{TEACHER_PHONE[-4:]}"
    assert await outbox(api, CSUST_PHONE) == []
    code = await last_code(api, TEACHER_PHONE)
    done = await change_password(api, token, old=CSUST_TEACHER[1], new="Teacher2024", code=code)
    assert done.ok("changePassword")["account"]["username"] == CSUST_TEACHER[0]
    assert await login(api, CSUST_TEACHER[0], "Teacher2024")
    assert await login(api, *CSUST)  # the main account is untouched


async def test_f13_2_one_code_changes_the_password_once_under_a_race(api: Api, demo: None) -> None:
    # One token for every racer: the winner keeps its own session, so the losers are refused by
    # the code (or, when they start after the winner committed, by the now-wrong old password).
    token = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PASSWORD", token=token, bound_phone=CSUST_PHONE)
    passwords = [f"Racer{i}pass" for i in range(4)]
    results = await asyncio.gather(
        *(change_password(api, token, new=password, code=code) for password in passwords)
    )
    payloads = [r.payload("changePassword") for r in results]
    winners = [i for i, p in enumerate(payloads) if p["errors"] == []]
    assert len(winners) == 1, payloads
    for i, payload in enumerate(payloads):
        if i != winners[0]:
            assert [e["code"] for e in payload["errors"]] in (
                ["CODE_USED"], ["WRONG_PASSWORD"]
            ), payload
    assert await login(api, CSUST[0], passwords[winners[0]])
    for i, password in enumerate(passwords):
        if i != winners[0]:
            refused = await login_result(api, CSUST[0], password)
            assert [e["code"] for e in refused["errors"]] == ["INVALID_CREDENTIALS"]
    assert await AuditLog.filter(action="account.password_changed").count() == 1


# --- F13.3 change bound phone -----------------------------------------------------------------


async def test_f13_3_change_phone_then_codes_go_to_the_new_phone(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    sent = await send_code(api, "CHANGE_PHONE", NEW_PHONE, token=token)
    assert sent["errors"] == [] and sent["sentTo"] == f"{NEW_PHONE[:3]}****{NEW_PHONE[-4:]}"
    code = await last_code(api, NEW_PHONE)
    assert "更换手机号" in (await outbox(api, NEW_PHONE))[0]["body"]

    done = (await change_phone(api, token, code=code)).ok("changePhone")
    assert done["account"]["phone"] == NEW_PHONE
    assert (await api(ME, token=token)).data["me"]["phone"] == NEW_PHONE
    fresh = await login(api, *CSUST)  # the password is unchanged
    assert (await api(ME, token=fresh)).data["me"]["phone"] == NEW_PHONE

    audit = await AuditLog.get(action="account.phone_changed")
    assert audit.detail == {"old": "138****0001", "new": f"{NEW_PHONE[:3]}****{NEW_PHONE[-4:]}"}

    # A later password change sends its code to the new phone, not the old one.
    old_phone_messages = len(await outbox(api, CSUST_PHONE))
    await age_send_slot(NEW_PHONE)
    sent = await send_code(api, "CHANGE_PASSWORD", token=token)
    assert sent["errors"] == [] and sent["sentTo"] == f"{NEW_PHONE[:3]}****{NEW_PHONE[-4:]}"
    assert len(await outbox(api, CSUST_PHONE)) == old_phone_messages
    latest = (await outbox(api, NEW_PHONE))[0]["body"]
    assert "修改密码" in latest
    password_code = await last_code(api, NEW_PHONE)
    assert (await change_password(api, token, code=password_code)).ok("changePassword")
    assert await login(api, CSUST[0], NEW_PASSWORD)


async def test_f13_3_password_code_sent_to_the_old_phone_dies_with_the_change(
    api: Api, demo: None
) -> None:
    token = await login(api, *CSUST)
    old_phone_code = await code_for(api, "CHANGE_PASSWORD", token=token, bound_phone=CSUST_PHONE)
    phone_code = await code_for(api, "CHANGE_PHONE", NEW_PHONE, token=token)
    assert (await change_phone(api, token, code=phone_code)).ok("changePhone")
    before = await snapshot()
    result = await change_password(api, token, code=old_phone_code)
    assert result.refused("changePassword") == ["CODE_INVALID"]
    assert await snapshot() == before
    assert await login(api, *CSUST)


async def test_f13_3_wrong_password_changes_nothing(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PHONE", NEW_PHONE, token=token)
    before = await snapshot()
    result = await change_phone(api, token, password="Wrong2021", code=code)
    assert result.refused("changePhone") == ["WRONG_PASSWORD"]
    assert result.data["changePhone"]["errors"][0]["field"] == "password"
    assert await snapshot(ignore=("login_throttle",)) == before_except_throttle(before)
    assert await wrong_password_count(CSUST[0]) == 1
    assert (await api(ME, token=token)).data["me"]["phone"] == CSUST_PHONE
    # The code was neither used nor counted.
    assert (await change_phone(api, token, code=code)).ok("changePhone")["account"]["phone"] == NEW_PHONE


async def test_f13_3_same_phone_is_refused(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    before = await snapshot()
    sent = await send_code(api, "CHANGE_PHONE", CSUST_PHONE, token=token)
    assert [e["code"] for e in sent["errors"]] == ["PHONE_UNCHANGED"]
    result = await change_phone(api, token, phone=CSUST_PHONE, code="123456")
    assert result.refused("changePhone") == ["PHONE_UNCHANGED"]
    assert result.data["changePhone"]["errors"][0]["field"] == "newPhone"
    same_written_differently = await change_phone(api, token, phone="+86 138-0000-0001", code="123456")
    assert same_written_differently.refused("changePhone") == ["PHONE_UNCHANGED"]
    assert await snapshot() == before


@pytest.mark.parametrize(
    ("password", "phone", "expected"),
    [
        ("", NEW_PHONE, {("password", "REQUIRED")}),
        (CSUST[1], "", {("newPhone", "REQUIRED")}),
        (CSUST[1], "1390000007", {("newPhone", "INVALID_PHONE")}),
        (CSUST[1], "12900000077", {("newPhone", "INVALID_PHONE")}),
    ],
    ids=["no-password", "no-phone", "short-phone", "bad-prefix"],
)
async def test_f13_3_bad_input_changes_nothing(
    api: Api, demo: None, password: str, phone: str, expected: set[tuple[str, str]]
) -> None:
    token = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PHONE", NEW_PHONE, token=token)
    before = await snapshot()
    result = await change_phone(api, token, password=password, phone=phone, code=code)
    assert field_codes(result.payload("changePhone")) == expected
    assert await snapshot() == before


async def test_f13_3_code_sent_to_another_phone_does_not_work(api: Api, demo: None) -> None:
    token = await login(api, *CSUST)
    code = await code_for(api, "CHANGE_PHONE", NEW_PHONE, token=token)
    # No code was ever sent to OTHER_PHONE: NEW_PHONE's code does not bind it.
    before = await snapshot()
    result = await change_phone(api, token, phone=OTHER_PHONE, code=code)
    assert result.refused("changePhone") == ["CODE_INVALID"]
    assert await snapshot() == before

    # With a live code of its own, OTHER_PHONE still refuses NEW_PHONE's code (and counts it).
    other_code = await code_for(api, "CHANGE_PHONE", OTHER_PHONE, token=token)
    if other_code != code:  # one chance in a million that both phones got the same digits
        before = await snapshot(ignore=("verification_code",))
        result = await change_phone(api, token, phone=OTHER_PHONE, code=code)
        assert result.refused("changePhone") == ["CODE_INVALID"]
        assert await snapshot(ignore=("verification_code",)) == before
        counted = await VerificationCode.get(phone=OTHER_PHONE, purpose="CHANGE_PHONE")
        assert counted.failed_attempts == 1
    assert (await api(ME, token=token)).data["me"]["phone"] == CSUST_PHONE

    # A registration code sent to the new phone is for another purpose.
    register_code = await code_for(api, "REGISTER", THIRD_PHONE)
    before = await snapshot()
    result = await change_phone(api, token, phone=THIRD_PHONE, code=register_code)
    assert result.refused("changePhone") == ["CODE_INVALID"]
    assert await snapshot() == before

    # NEW_PHONE's own code still works for NEW_PHONE.
    assert (await change_phone(api, token, code=code)).ok("changePhone")["account"]["phone"] == NEW_PHONE


async def test_f13_3_needs_login(api: Api, demo: None) -> None:
    before = await snapshot()
    sent = await api(
        "mutation($p: String) { sendVerificationCode(input: {purpose: CHANGE_PHONE, phone: $p}) "
        "{ sentTo } }",
        {"p": NEW_PHONE},
    )
    assert sent.error_codes == ["UNAUTHENTICATED"]
    result = await api(
        CHANGE_PHONE, {"input": {"password": CSUST[1], "newPhone": NEW_PHONE, "code": "123456"}}
    )
    assert result.error_codes == ["UNAUTHENTICATED"]
    assert await snapshot() == before
