"""Cross-site request forgery at the GraphQL endpoint.

A page on any site can make its visitor's browser POST to /graphql without asking first (a CORS
"simple request") when the body is a plain HTML form (``multipart/form-data``,
``application/x-www-form-urlencoded``) or ``text/plain``, or has no content type: the browser
sends it and only hides the answer, so a mutation such as ``sendVerificationCode`` would already
have run. As Apollo Server's CSRF prevention does, such a request runs only with a header a simple
request cannot carry; sending one makes the browser ask first (preflight), and CORS_ORIGINS
answers that. JSON bodies always need a preflight; GET runs queries only.
"""

from __future__ import annotations

from starlette.requests import Request

from server.documents import RequestRefused

SIMPLE_CONTENT_TYPES = frozenset({"multipart/form-data", "application/x-www-form-urlencoded", "text/plain", ""})
# Any non-empty value of one of these: Apollo's two, and ours for clients that are not Apollo's.
PREFLIGHT_HEADERS = ("apollo-require-preflight", "x-apollo-operation-name", "x-csrf-prevention")


def refuse_cross_site(request: Request) -> None:
    """Raise CSRF_PREVENTION for a POST a browser could have sent from another site unasked."""
    if request.method != "POST":
        return
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in SIMPLE_CONTENT_TYPES:
        return
    if any(request.headers.get(name, "").strip() for name in PREFLIGHT_HEADERS):
        return
    raise RequestRefused(
        400, "CSRF_PREVENTION",
        "为防止跨站请求伪造，表单（multipart/form-data、application/x-www-form-urlencoded）、text/plain "
        "或未声明内容类型的 POST 请求须带请求头 Apollo-Require-Preflight（任意非空值，也可用 "
        "X-Apollo-Operation-Name 或 X-CSRF-Prevention）；上传文件时请加上该请求头",
    )
