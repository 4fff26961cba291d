"""Field checks shared by every input: each adds a Problem instead of raising at the first."""

from __future__ import annotations

import re
from typing import Any

from resolvers.errors import Code, Problems
from validators import contact, credit_code, id_number, password
from validators import text as typed

# Sub-user logins hold a letter: all-digit logins belong to schools (their 10-digit code).
_USERNAME = re.compile(r"^(?=.*[A-Za-z])[A-Za-z0-9_]{4,32}$")


SINGLE_LINE_CONTROLS = "不能包含换行、制表符等控制字符或文字方向控制符"


def text(problems: Problems, field: str, value: Any, max_length: int, *,
         required: bool = True, multiline: bool = False) -> str:
    """Free text as typed in a form or a spreadsheet cell: trimmed, within ``max_length``, and
    without control or bidi characters (``validators.text``). ``multiline`` fields (introductions,
    descriptions, reasons, replies) keep line breaks and tabs, as LF; every other field is one line.
    Every free-text input goes through here."""
    raw = "" if value is None else str(value)
    if multiline:
        raw = typed.normalize_newlines(raw)
    value = raw.strip()
    if typed.has_controls(raw, multiline=multiline):
        problems.add(field, Code.CONTROL_CHARACTERS, None if multiline else SINGLE_LINE_CONTROLS)
    elif not value:
        if required:
            problems.add(field, Code.REQUIRED)
    elif len(value) > max_length:
        problems.add(field, Code.TOO_LONG, f"长度不能超过{max_length}个字符")
    return value


def upload_name(problems: Problems, field: str, upload: Any) -> None:
    """An uploaded file's name is kept and shown to others: no control or bidi characters
    (``转换办法\u202efdp.exe`` would read as ``转换办法exe.pdf``)."""
    name = getattr(upload, "filename", None) or ""
    if typed.has_controls(name):
        problems.add(field, Code.CONTROL_CHARACTERS, "文件名不能包含控制字符或文字方向控制符，请重命名后再上传")


def phone(problems: Problems, field: str, value: str | None) -> str:
    normalized = contact.normalize_phone(value or "")
    if not normalized:
        problems.add(field, Code.REQUIRED)
    elif not contact.is_mobile(normalized):
        problems.add(field, Code.INVALID_PHONE)
    return normalized


def email(problems: Problems, field: str, value: str | None, *, required: bool = True) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            problems.add(field, Code.REQUIRED)
    elif not contact.is_email(value):
        problems.add(field, Code.INVALID_EMAIL)
    return value


def postcode(problems: Problems, field: str, value: str | None, *, required: bool = True) -> str:
    value = (value or "").strip()
    if not value:
        if required:
            problems.add(field, Code.REQUIRED)
    elif not contact.is_postcode(value):
        problems.add(field, Code.INVALID_POSTCODE)
    return value


def uscc(problems: Problems, field: str, value: str | None, *, required: bool = False) -> str:
    value = credit_code.normalize(value or "")
    if not value:
        if required:
            problems.add(field, Code.REQUIRED)
    elif not credit_code.is_valid(value):
        problems.add(field, Code.INVALID_CREDIT_CODE)
    return value


def resident_id(problems: Problems, field: str, value: str | None) -> str:
    number = id_number.normalize(value or "")
    if not number:
        problems.add(field, Code.REQUIRED)
        return number
    problem = id_number.problem(number)
    if problem is not None:
        problems.add(field, Code(f"ID_NUMBER_{problem}"))
    return number


def new_password(problems: Problems, field: str, value: str | None,
                 confirmation: str | None, confirmation_field: str) -> str:
    value = value or ""
    problem = password.problem(value)
    if problem is not None:
        problems.add(field, Code(f"PASSWORD_{problem}"))
    # Reported beside a bad password too: the form marks both fields at once.
    if value != (confirmation or ""):
        problems.add(confirmation_field, Code.PASSWORD_MISMATCH)
    return value


def username(problems: Problems, field: str, value: str | None) -> str:
    value = (value or "").strip()
    if not value:
        problems.add(field, Code.REQUIRED)
    elif not _USERNAME.match(value):
        problems.add(field, Code.INVALID_USERNAME)
    return value
