"""Downloads by short-lived signed URLs: ``/files/<key>?expires=<unix>&signature=<hmac>``."""

from __future__ import annotations

import hmac
import mimetypes
import time
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response

from server.security import sign
from server.settings import Settings

DEFAULT_TTL_SECONDS = 600


def signed_url(settings: Settings, key: str, *, filename: str = "",
               ttl_seconds: int = DEFAULT_TTL_SECONDS) -> str:
    expires = int(time.time()) + ttl_seconds
    query = {"expires": expires, "signature": sign(settings.secret_key, f"{key}:{expires}:{filename}")}
    if filename:
        query["filename"] = filename
    return f"/files/{quote(key)}?{urlencode(query)}"


async def download(request: Request) -> Response:
    settings: Settings = request.app.state.services.settings
    key = request.path_params["key"]
    expires = request.query_params.get("expires", "")
    filename = request.query_params.get("filename", "")
    signature = request.query_params.get("signature", "")
    expected = sign(settings.secret_key, f"{key}:{expires}:{filename}")
    if not expires.isdigit() or not hmac.compare_digest(signature, expected):
        return PlainTextResponse("链接无效", status_code=403)
    if int(expires) < time.time():
        return PlainTextResponse("链接已过期", status_code=410)
    try:
        path = request.app.state.services.storage.path(key)
    except FileNotFoundError:
        return PlainTextResponse("文件不存在", status_code=404)
    if not path.is_file():
        return PlainTextResponse("文件不存在", status_code=404)
    media_type = mimetypes.guess_type(filename or path.name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media_type, filename=filename or None)
