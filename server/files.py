"""Downloads by short-lived signed URLs: ``/files/<key>?expires=<unix>&signature=<hmac>``, on
``PUBLIC_BASE_URL`` when it is set (``https://api.example.cn/files/…``).

A file is served as the type it was checked or made as (its storage key's suffix), never as the
uploader's file name says, with ``nosniff`` so browsers do not guess either; the download name
carries that type's extension.
"""

from __future__ import annotations

import hmac
import time
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

from adapters.filetypes import is_image, served_type, with_suffix
from server.security import sign
from server.settings import Settings

DEFAULT_TTL_SECONDS = 600
NOSNIFF = {"X-Content-Type-Options": "nosniff"}


def download_name(key: str, filename: str) -> str:
    """The name a file downloads as: ``filename`` with the extension of the type it is served as
    (the key's suffix; a key without a known one keeps the name, the type is found on download)."""
    media_type, suffix = served_type(key, b"")
    return with_suffix(filename, suffix) if filename and media_type != "application/octet-stream" else filename


def signed_link(settings: Settings, key: str, *, filename: str = "",
                ttl_seconds: int = DEFAULT_TTL_SECONDS) -> tuple[str, int]:
    """A link valid for ``ttl_seconds`` and the Unix time it stops working. Absolute on
    ``PUBLIC_BASE_URL`` when it is set (a front end on another origin follows it as it is), else
    relative to this service."""
    expires = int(time.time()) + ttl_seconds
    query = {"expires": expires, "signature": sign(settings.secret_key, f"{key}:{expires}:{filename}")}
    if filename:
        query["filename"] = filename
    return f"{settings.public_base_url.rstrip('/')}/files/{quote(key)}?{urlencode(query)}", expires


def signed_url(settings: Settings, key: str, *, filename: str = "",
               ttl_seconds: int = DEFAULT_TTL_SECONDS) -> str:
    return signed_link(settings, key, filename=filename, ttl_seconds=ttl_seconds)[0]


def _refused(text: str, status: int) -> Response:
    return PlainTextResponse(text, status_code=status, headers=NOSNIFF)


async def download(request: Request) -> Response:
    settings: Settings = request.app.state.services.settings
    key = request.path_params["key"]
    expires = request.query_params.get("expires", "")
    filename = request.query_params.get("filename", "")
    signature = request.query_params.get("signature", "")
    expected = sign(settings.secret_key, f"{key}:{expires}:{filename}")
    if not expires.isdigit() or not hmac.compare_digest(signature, expected):
        return _refused("链接无效", 403)
    if int(expires) < time.time():
        return _refused("链接已过期", 410)
    try:
        path = request.app.state.services.storage.path(key)
    except FileNotFoundError:
        return _refused("文件不存在", 404)
    if not path.is_file():
        return _refused("文件不存在", 404)
    with path.open("rb") as file:
        head = file.read(16)
    media_type, suffix = served_type(key, head)
    # An image without a download name (an avatar) is shown in place; everything else downloads.
    inline = is_image(media_type) and not filename
    return FileResponse(path, media_type=media_type, headers=NOSNIFF,
                        filename=with_suffix(filename or path.name, suffix),
                        content_disposition_type="inline" if inline else "attachment")
