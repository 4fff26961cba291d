"""What a file really is, by its first bytes rather than its name."""

from __future__ import annotations

from pathlib import PurePath

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLS_TYPE = "application/vnd.ms-excel"
_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
    (b"%PDF-", "application/pdf", ".pdf"),
)

# Every kind of file the platform keeps or makes, by the suffix its storage key was given when
# the file was checked (uploads) or written (exports, templates): the only types files are served as.
SERVED_TYPES = {
    ".pdf": "application/pdf",
    ".xlsx": XLSX_TYPE,
    ".xls": XLS_TYPE,
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}
UNKNOWN = ("application/octet-stream", ".bin")


def sniff(head: bytes) -> tuple[str, str] | None:
    """(media type, suffix) of a known file, from its first bytes; None when unknown."""
    for magic, media_type, suffix in _SIGNATURES:
        if head.startswith(magic):
            return media_type, suffix
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def spreadsheet_suffix(head: bytes) -> str:
    """The suffix of a spreadsheet already read as one: ``.xlsx`` (a zip) or ``.xls``."""
    return ".xlsx" if head.startswith(_XLSX_MAGIC) else ".xls"


def served_type(key: str, head: bytes) -> tuple[str, str]:
    """(media type, suffix) a stored file is served as: by its key's suffix, which we chose from
    what we checked; a key an older release named after the uploader's file goes by the file's
    first bytes instead, and what is none of ours is an opaque download."""
    suffix = PurePath(key).suffix.lower()
    if suffix in SERVED_TYPES:
        return SERVED_TYPES[suffix], suffix
    if head.startswith(_XLSX_MAGIC):
        return XLSX_TYPE, ".xlsx"
    if head.startswith(_XLS_MAGIC):
        return XLS_TYPE, ".xls"
    return sniff(head) or UNKNOWN


def with_suffix(filename: str, suffix: str) -> str:
    """``filename`` with the extension of the type it is served as (``evil.html`` → ``evil.pdf``)."""
    path = PurePath(filename)
    stem = path.stem if path.suffix else path.name
    return f"{stem}{suffix}"


def is_image(media_type: str) -> bool:
    return media_type.startswith("image/")
