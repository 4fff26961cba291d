"""Resident identity card numbers (GB 11643-1999): 17 digits and an ISO 7064 MOD 11-2 check."""

from __future__ import annotations

import re
from datetime import date

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE = re.compile(r"^[0-9]{17}[0-9X]$")


def normalize(value: str) -> str:
    return value.strip().upper()


def check_digit(first17: str) -> str:
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def birth_date(number: str) -> date | None:
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None
    return born


def problem(value: str, *, today: date | None = None) -> str | None:
    """None when the number is valid, else one of SHAPE, CHECK_DIGIT, BIRTH_DATE."""
    number = normalize(value)
    if not _SHAPE.match(number):
        return "SHAPE"
    born = birth_date(number)
    today = today or date.today()
    if born is None or born.year < 1900 or born > today:
        return "BIRTH_DATE"
    if check_digit(number[:17]) != number[17]:
        return "CHECK_DIGIT"
    return None


def mask(number: str) -> str:
    """The manual's list form: ``632323*****0922`` (first six, five stars, last four)."""
    if len(number) < 10:
        return "*" * len(number)
    return f"{number[:6]}*****{number[-4:]}"
