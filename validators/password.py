"""The password rule of F1.2: 8–16 characters with both digits and letters."""

from __future__ import annotations

import re

_ALLOWED = re.compile(r"^[\x21-\x7e]{8,16}$")


def problem(password: str) -> str | None:
    """None when acceptable, else LENGTH, CHARACTERS or WEAK."""
    if not 8 <= len(password) <= 16:
        return "LENGTH"
    if not _ALLOWED.match(password):
        return "CHARACTERS"
    if not (re.search(r"[0-9]", password) and re.search(r"[A-Za-z]", password)):
        return "WEAK"
    return None
