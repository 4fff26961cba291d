"""When each request-level error code happens and what a screen does about it: the codes of
GraphQL errors (``errors[].extensions.code``) that refuse a whole request or one field — missing
login, missing permission, another tenant's ID, limits, malformed requests. docs/ERRORS.md is
generated from this table; tests/docs/test_errors_doc.py finds every code the code base raises
(``code="…"``, ``{"code": "…"}``, ``RequestRefused(status, "…")``…) and fails for one missing here.
"""

from __future__ import annotations

from typing import NamedTuple


class RequestCode(NamedTuple):
    status: str  # the HTTP status with application/graphql-response+json (application/json: 200)
    message: str  # the Chinese message (or what it says)
    when: str
    do: str


LOGIN = "Go to the login page; after login, come back to the screen."
PROGRAM = "A program error of the front end or partner: log it with the operation name and fix the document."

# code: (status, message, when it happens, what a screen does)
REQUEST_GUIDE: dict[str, RequestCode] = {
    # --- who may do it ------------------------------------------------------------------------
    "UNAUTHENTICATED": RequestCode("200", "请先登录", "No token, or a token that is invalid, expired, "
                                   "logged out, or of a disabled or deleted account (websockets: "
                                   "connection_init without one is closed with 4403).", LOGIN),
    "FORBIDDEN": RequestCode("200", "没有权限进行此操作", "The caller's kind may not do it at all (a "
                             "sub-user reading the audit trail, a learner calling an institution's "
                             "list, demoOutbox outside the demo).", "Hide the entry to the screen for "
                             "this kind of account; show the message if reached."),
    "NOT_FOUND": RequestCode("200", "对象不存在或无权访问", "The ID matches nothing the caller may see: "
                             "deleted, never existed, or another institution's (existence is never "
                             "revealed).", "Say the object is gone; go back to its list and reload it."),
    "PASSWORD_CHANGE_REQUIRED": RequestCode("200", "请先修改初始密码", "An account with an initial or "
                                            "reset password calls anything but changeInitialPassword "
                                            "(F2.2).", "Open the 修改初始密码 form (ChangeInitialPassword)."),
    "REGISTRATION_INCOMPLETE": RequestCode("200", "请先完成机构注册", "An institution whose registration "
                                           "is unfinished calls a screen of the space.", "Open the "
                                           "registration step RegistrationProgress names."),
    "MODULE_FORBIDDEN": RequestCode("200", "没有该模块的权限", "A sub-user reads or acts in a module "
                                    "(Module) not ticked for them (B9).", "Hide the menus of modules not "
                                    "in me.modules (unless allModules); show the message if reached."),
    # --- what a request may ask ---------------------------------------------------------------
    "BAD_USER_INPUT": RequestCode("400", "the value's Chinese message; extensions.field and "
                                  "extensions.reason (an ErrorCode such as INVALID_DATE)",
                                  "A variable or literal its type cannot read in a query (a day that "
                                  "does not exist…), or a variable missing or of the wrong type. In a "
                                  "mutation's variables such values are payload errors instead.",
                                  "For a filter: mark extensions.field with the message. Otherwise: "
                                  + PROGRAM),
    "BAD_FILTER": RequestCode("200", "e.g. 年份无效, 开始日期不能晚于结束日期", "A list filter it cannot use "
                              "(a year out of range, an audit range that ends before it starts).",
                              "Mark the filter inputs with the message; keep the last good list."),
    "INVALID_RANGE": RequestCode("200", "结束日期 … 不能早于开始日期 …", "A list filter's date range ends "
                                 "before it starts (startDate/endDate, publishedFrom/publishedTo).",
                                 "Mark the range inputs with the message."),
    "BAD_CURSOR": RequestCode("200", "游标无效", "An `after` cursor that this list did not give.",
                              "Reload the list from its first page."),
    "BAD_PAGE_SIZE": RequestCode("200", "每页条数应在0到100之间 / offset 应在…之间", "`first` above 100 or "
                                 "negative, or an `offset` out of range.", PROGRAM),
    "GRAPHQL_PARSE_FAILED": RequestCode("400", "GraphQL's syntax error (English)", "The document is not "
                                        "GraphQL.", PROGRAM),
    "GRAPHQL_VALIDATION_FAILED": RequestCode("400", "GraphQL's validation error (English)", "The document "
                                             "does not fit the schema (a field that does not exist, a "
                                             "missing selection…).", PROGRAM + " Validate the operations "
                                             "against schema/schema.graphql in CI."),
    "INTROSPECTION_DISABLED": RequestCode("400", "GraphQL's message (English)", "Schema introspection "
                                          "while it is off (production).", "Generate types from "
                                          "schema/schema.graphql, not from the server."),
    "QUERY_TOO_DEEP": RequestCode("400", "GraphQL's message (English)", "Selections nested deeper than "
                                  "MAX_QUERY_DEPTH (12).", PROGRAM),
    "TOO_MANY_ALIASES": RequestCode("400", "GraphQL's message (English)", "More aliases than MAX_ALIASES "
                                    "(30).", PROGRAM),
    "TOO_MANY_TOKENS": RequestCode("400", "GraphQL's message (English)", "A document longer than "
                                   "MAX_TOKENS (4000) tokens.", PROGRAM),
    "QUERY_TOO_COSTLY": RequestCode("400", "查询代价 N 超过上限 M：请减少每页条数或嵌套的列表", "The "
                                    "document's static cost (fields × page sizes) is above MAX_QUERY_COST "
                                    "(10000); extensions.cost and maxCost say by how much.",
                                    "Ask smaller pages (first) or fewer nested lists."),
    "REQUEST_TOO_LARGE": RequestCode("413", "请求体超过 N MB 的上限", "A body above MAX_BODY_BYTES (JSON) or "
                                     "MAX_UPLOAD_BYTES (uploads); extensions.maxBytes says the limit.",
                                     "Say the file is too large (the limit); for JSON: " + PROGRAM),
    "BAD_REQUEST": RequestCode("400", "请求体应为 JSON 对象，或（批量时）对象的数组", "A body that is not "
                               "a GraphQL request.", PROGRAM),
    "METHOD_NOT_ALLOWED": RequestCode("405", "变更只能通过 POST 发送", "A mutation sent over GET (header "
                                      "Allow: POST).", PROGRAM),
    "CSRF_PREVENTION": RequestCode("400", "为防止跨站请求伪造，… 须带请求头 Apollo-Require-Preflight …",
                                   "A multipart, form or text/plain POST without the "
                                   "Apollo-Require-Preflight header (uploads).", "Send uploads with "
                                   "`Apollo-Require-Preflight: true`."),
    "RATE_LIMITED": RequestCode("429", "操作过于频繁，请N秒后再试 / 账号或密码错误次数过多，请N秒后再试",
                                "Too many logins, code sends or checks, or partner calls from this "
                                "address or account; extensions.retryAfter and the Retry-After header "
                                "give the seconds.", "Disable the action and count down retryAfter "
                                "seconds; then let the user try again."),
    # --- persisted queries and partners -------------------------------------------------------
    "PERSISTED_QUERY_NOT_FOUND": RequestCode("200 (APQ) / 404 (documentId)", "PersistedQueryNotFound",
                                             "An automatic persisted query's hash the server does not "
                                             "know yet (or a documentId it does not hold).",
                                             "Apollo's persisted-query link sends the query with its "
                                             "hash by itself; nothing to show."),
    "PERSISTED_QUERY_INVALID": RequestCode("400", "只支持 persistedQuery version 1 及 sha256Hash",
                                           "A persistedQuery extension of another version or without "
                                           "sha256Hash.", PROGRAM),
    "PERSISTED_QUERY_HASH_MISMATCH": RequestCode("400", "provided sha does not match query", "The sent "
                                                 "query's SHA-256 is not the hash sent with it.", PROGRAM),
    "TRUSTED_DOCUMENT_REQUIRED": RequestCode("400", "合作方密钥只能按 documentId 执行已登记的操作，不能发送查询文本",
                                             "A partner key sent query text instead of a registered "
                                             "documentId.", "Partners: send documentId (register the "
                                             "manifest first)."),
    "DOCUMENT_NOT_REGISTERED": RequestCode("400", "该操作未在合作方的操作清单中登记", "A partner key sent a "
                                           "documentId not in its registered manifest.", "Partners: "
                                           "register the operation's manifest (staff), then call it."),
    "DOCUMENT_MISMATCH": RequestCode("400", "发送的查询文本与登记的操作不一致", "A partner sent a documentId "
                                     "together with a query text other than the registered one.",
                                     "Partners: send the documentId alone."),
    "INVALID_API_KEY": RequestCode("401", "合作方密钥无效、已吊销或已过期", "An X-Api-Key that is unknown, "
                                   "revoked or expired.", "Partners: ask the bank's staff for a new key."),
    # --- the service --------------------------------------------------------------------------
    "SERVICE_UNAVAILABLE": RequestCode("200", "数据库暂时不可用，请稍后重试（错误编号 …）", "The database "
                                       "did not answer (a restart, a failover); extensions.errorId is in "
                                       "the log.", "Say to try again in a moment; retry a query once."),
    "INTERNAL_SERVER_ERROR": RequestCode("200", "服务器内部错误，请联系管理员（错误编号 …）", "An "
                                         "unexpected fault; details are masked, extensions.errorId is in "
                                         "the log.", "Show the message with the error number so the user "
                                         "can report it."),
}
