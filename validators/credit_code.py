"""Unified social credit codes (GB 32100-2015): 18 characters, a MOD 31 check character."""

from __future__ import annotations

import re

_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_SHAPE = re.compile(r"^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")


def normalize(value: str) -> str:
    return value.strip().upper()


def check_character(first17: str) -> str:
    total = sum(_ALPHABET.index(c) * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return _ALPHABET[(31 - total % 31) % 31]


def is_valid(value: str) -> bool:
    code = normalize(value)
    return bool(_SHAPE.match(code)) and check_character(code[:17]) == code[17]
