"""Phones, emails, postcodes and the masked forms lists show."""

from __future__ import annotations

import re

# Mainland mobile numbers: 11 digits starting 13–19 (+86 is implied).
_MOBILE = re.compile(r"^1[3-9][0-9]{9}$")
_EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
_POSTCODE = re.compile(r"^[0-9]{6}$")


def normalize_phone(value: str) -> str:
    phone = re.sub(r"[\s-]", "", value.strip())
    if phone.startswith("+86"):
        phone = phone[3:]
    return phone


def is_mobile(value: str) -> bool:
    return bool(_MOBILE.match(normalize_phone(value)))


def is_email(value: str) -> bool:
    return len(value) <= 128 and bool(_EMAIL.match(value.strip()))


def is_postcode(value: str) -> bool:
    return bool(_POSTCODE.match(value.strip()))


def mask_phone(phone: str) -> str:
    """``170****9087``."""
    if len(phone) != 11:
        return phone
    return f"{phone[:3]}****{phone[-4:]}"
