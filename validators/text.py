"""Characters refused in text people type (issue 13.2), in every field, form or spreadsheet row.

Refused everywhere:
- C0 controls but tab, line feed and carriage return (NUL, BEL, ESC…), DEL and the C1 controls:
  nothing a person types, and several break XML, spreadsheets or PostgreSQL (which refuses NUL);
- Unicode's Bidi_Control characters: the embeddings and overrides U+202A–U+202E, the isolates
  U+2066–U+2069 and the marks U+200E (LRM), U+200F (RLM) and U+061C (ALM). They make a name, a
  reason or a file name read differently from what it holds (Trojan Source, CVE-2021-42574). The
  marks are weaker than overrides but equally invisible, and no field here needs them: names are
  written as on the ID card (Chinese characters, ``·``), other text is Chinese or Latin;
- lone surrogates, which are not text at all (JSON can carry them, UTF-8 cannot).
Single-line fields (names, codes, numbers, addresses) also refuse tab, line and paragraph breaks;
multi-line fields (introductions, descriptions, reasons, replies) keep them.

Other invisible characters (zero-width space and joiner, BOM) are left alone: emoji use the joiner
and they do not reorder text.
"""

from __future__ import annotations

import re

_ALWAYS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ud800-\udfff]"
)
_LINE_BREAKS = re.compile("[\t\n\r\u2028\u2029]")


def has_controls(value: str, *, multiline: bool = False) -> bool:
    """Whether ``value`` (as typed, before trimming) holds a character its field refuses. Breaks
    at either end are trimmed by the caller, not refused."""
    if value.isprintable():  # False for every character refused here; true for most text
        return False
    if _ALWAYS.search(value):
        return True
    return not multiline and _LINE_BREAKS.search(value.strip()) is not None


def normalize_newlines(value: str) -> str:
    """CR LF and a lone CR (old Mac, some paste buffers) become LF."""
    return value.replace("\r\n", "\n").replace("\r", "\n")
