"""What a file really is, by its first bytes rather than its name."""

from __future__ import annotations

_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png", ".png"),
    (b"\xff\xd8\xff", "image/jpeg", ".jpg"),
    (b"GIF87a", "image/gif", ".gif"),
    (b"GIF89a", "image/gif", ".gif"),
    (b"%PDF-", "application/pdf", ".pdf"),
)


def sniff(head: bytes) -> tuple[str, str] | None:
    """(media type, suffix) of a known file, from its first bytes; None when unknown."""
    for magic, media_type, suffix in _SIGNATURES:
        if head.startswith(magic):
            return media_type, suffix
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return "image/webp", ".webp"
    return None


def is_image(media_type: str) -> bool:
    return media_type.startswith("image/")
