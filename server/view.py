"""The GraphQL view: strawberry's ASGI view with our context and authentication (bearer tokens,
partner keys, websocket connection_init), persisted documents, GraphQL over HTTP's
``application/graphql-response+json``, an offline IDE page and UTF-8 JSON."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from pathlib import Path
from typing import Any

from cross_web import HTTPException
from graphql.error import GraphQLError
from starlette.requests import HTTPConnection, Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.schema.exceptions import InvalidOperationTypeError
from strawberry.types import ExecutionResult
from strawberry.types.unset import UNSET

from models.partner import CallOutcome, PartnerCall
from resolvers.errors import RateLimited
from resolvers.messages import watch_connection
from schema import build_schema
from schema.limits import code_request_errors
from server.context import Context, api_key, bearer_token, current_context
from server.csrf import refuse_cross_site
from server.documents import DocumentStore, RequestRefused, lift_document_id, resolve_document
from server.observability import observe_request
from server.services import Services

STATIC = Path(__file__).with_name("static")
GRAPHQL_RESPONSE = "application/graphql-response+json"
MISSING = "_persisted_query_missing"  # marks a batch item whose persisted query is unknown
log = logging.getLogger("credit_bank.requests")


def wants_graphql_response(accept: str) -> bool:
    """GraphQL over HTTP: the client prefers ``application/graphql-response+json``."""
    return GRAPHQL_RESPONSE in accept


class GraphQLApp(GraphQL):
    def __init__(self, services: Services) -> None:
        settings = services.settings
        super().__init__(
            build_schema(settings),
            graphql_ide="graphiql" if settings.graphiql else None,
            multipart_uploads_enabled=True,
            allowed_origins=settings.cors_origins,
            max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
        )
        self.services = services
        self.documents = DocumentStore()
        self._ide_html = (STATIC / "graphiql" / "index.html").read_text(encoding="utf-8")

    # --- who is calling ---------------------------------------------------------------------

    async def get_context(self, request: HTTPConnection, response: Any) -> Context:
        context = Context(request=request, response=response, services=self.services)
        request.state.context = context
        current_context.set(context)
        key = api_key(request)
        if key is not None and request.scope["type"] == "http":
            known = await context.authenticate_partner(key)
            # Every call with a key counts per address, so guessing keys is throttled too.
            await _limited(context, (f"partner:ip:{context.ip}", self.services.settings.partner_rate_per_address))
            if not known:
                raise RequestRefused(401, "INVALID_API_KEY", "合作方密钥无效、已吊销或已过期")
            return context
        await context.authenticate(bearer_token(request))
        return context

    async def on_ws_connect(self, context: Context) -> Any:
        """The token comes in connection_init (browsers cannot set websocket headers): as
        ``token``/``authToken``, or ``Authorization: Bearer …``; a header works too."""
        params = context.connection_params or {}
        token = params.get("token") or params.get("authToken")
        authorization = params.get("Authorization") or params.get("authorization")
        if not token and isinstance(authorization, str):
            scheme, _, value = authorization.partition(" ")
            token = value.strip() if scheme.lower() == "bearer" else None
        if isinstance(token, str) and token:
            context.session, context.token_rejected = None, False
            await context.authenticate(token)
        if context.session is None or context.account is None or context.account.must_change_password:
            raise ConnectionRejectionError({"code": "UNAUTHENTICATED", "message": "请先登录"})
        context.request.state.watcher = asyncio.get_running_loop().create_task(watch_connection(context))
        return UNSET

    # --- what is run ------------------------------------------------------------------------

    def parse_json(self, data: str | bytes) -> Any:
        return lift_document_id(super().parse_json(data))

    def parse_query_params(self, params: Any) -> dict[str, Any]:
        return lift_document_id(super().parse_query_params(params))

    def should_render_graphql_ide(self, request: Any) -> bool:
        persisted = any(name in request.query_params for name in ("extensions", "documentId", "doc_id"))
        return not persisted and super().should_render_graphql_ide(request)

    async def parse_http_body(self, request: Any) -> Any:
        try:
            data = await super().parse_http_body(request)
        except (AttributeError, TypeError) as exc:  # a body that is not an object (or array of them)
            raise RequestRefused(400, "BAD_REQUEST", "请求体应为 JSON 对象，或（批量时）对象的数组") from exc
        context: Context = request._request.state.context
        items = data if isinstance(data, list) else [data]
        for item in items:
            try:
                await resolve_document(item, context, self.documents)
            except RequestRefused as refused:
                if not isinstance(data, list) or refused.status != 200:
                    raise
                # In a batch, an unknown hash is that item's answer; the others still run.
                item.extensions = {**(item.extensions or {}), MISSING: refused}
        if context.partner_key is not None:
            # Each operation of a batch counts.
            await _limited(context, (f"partner:key:{context.partner_key.id}",
                                     self.services.settings.partner_rate_per_key), count=len(items))
        return data

    async def execute_single(self, request: Any, request_adapter: Any, *args: Any, **kwargs: Any) -> Any:
        missing = (kwargs.get("request_data").extensions or {}).get(MISSING) if kwargs.get("request_data") else None
        if missing is not None:
            return ExecutionResult(data=None, errors=[GraphQLError(missing.message,
                                                                   extensions={"code": missing.code})])
        try:
            return await super().execute_single(request, request_adapter, *args, **kwargs)
        except HTTPException as exc:
            if request_adapter.method == "GET" and isinstance(exc.__cause__, InvalidOperationTypeError):
                raise RequestRefused(405, "METHOD_NOT_ALLOWED", "变更只能通过 POST 发送",
                                     {"Allow": "POST"}) from exc
            raise

    # --- how it is answered -----------------------------------------------------------------

    async def run(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        if not isinstance(request, Request):  # a websocket, for its whole life
            try:
                return await super().run(request, *args, **kwargs)
            finally:
                watcher = getattr(request.state, "watcher", None)
                if watcher is not None:
                    watcher.cancel()
        started = time.perf_counter()
        try:
            refuse_cross_site(request)
            response = await super().run(request, *args, **kwargs)
        except RequestRefused as refused:
            response = JSONResponse(refused.body(), status_code=refused.status, headers=refused.headers,
                                    media_type=GRAPHQL_RESPONSE if getattr(request.state, "graphql_response", False)
                                    else "application/json")
            request.state.outcome = CallOutcome.REFUSED
            request.state.refusal = refused.code
        finally:
            # Strawberry reads multipart forms but never closes their uploaded files.
            await request.close()
        context = getattr(request.state, "context", None)
        if (context is not None and context.persisted and response.status_code < 400
                and not getattr(request.state, "request_error", False)):
            # Apollo's servers keep a query only once it has parsed, validated and run.
            for sha, query in context.persisted:
                await self.documents.put(sha, query)
        await self._log_partner_call(request, response)
        self._observe(request, response, time.perf_counter() - started)
        return response

    def _observe(self, request: Request, response: Response, seconds: float) -> None:
        context: Context | None = getattr(request.state, "context", None)
        operation = (context.operation_name if context else "") or _operation_name(request) or (
            context.partner_calls[0][1] if context and context.partner_calls else "")
        outcome = getattr(request.state, "outcome", CallOutcome.OK).value.lower()
        observe_request(operation, outcome, seconds)
        log.info("graphql %s %s %d", operation or "-", outcome, response.status_code, extra={"fields": {
            "operation": operation, "outcome": outcome, "status": response.status_code,
            "ms": round(seconds * 1000, 1),
        }})

    async def get_sub_response(self, request: Any) -> Response:
        response = await super().get_sub_response(request)
        request.state.graphql_response = wants_graphql_response(request.headers.get("accept", ""))
        request.state.sub_response = response
        response.graphql_response_json = request.state.graphql_response  # type: ignore[attr-defined]
        return response

    async def process_result(self, request: Any, result: Any) -> Any:
        request.state.outcomes = [*getattr(request.state, "outcomes", []),
                                  CallOutcome.ERRORS if result.errors else CallOutcome.OK]
        if result.errors:
            request_error = code_request_errors(result.errors)
            request.state.request_error = getattr(request.state, "request_error", False) or request_error
            request.state.outcome = CallOutcome.ERRORS
            if request_error and result.data is None and request.state.graphql_response:
                request.state.sub_response.status_code = 400
        return await super().process_result(request, result)

    def create_response(self, response_data: Any, sub_response: Response) -> Response:
        response = super().create_response(response_data, sub_response)
        if getattr(sub_response, "graphql_response_json", False):
            response.headers["content-type"] = GRAPHQL_RESPONSE + "; charset=utf-8"
        return response

    async def render_graphql_ide(self, request: Request) -> Response:
        return HTMLResponse(self._ide_html)

    def encode_json(self, data: object) -> str:
        # Chinese text as UTF-8, not \\uXXXX escapes (half the bytes on the wire).
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"))

    async def _log_partner_call(self, request: Request, response: Response) -> None:
        """One row per operation the partner's request ran or tried (a batch has several)."""
        context: Context | None = getattr(request.state, "context", None)
        if context is None or context.partner is None:
            return
        refused = getattr(request.state, "refusal", "")
        outcomes = getattr(request.state, "outcomes", [])
        calls = context.partner_calls or [["", context.operation_name or _operation_name(request)]]
        await PartnerCall.bulk_create([
            PartnerCall(
                partner_id=context.partner.id, key_id=context.partner_key.id if context.partner_key else None,
                operation_name=(name or (context.operation_name or _operation_name(request)
                                         if len(calls) == 1 else ""))[:128],
                document_id=document_id[:128],
                outcome=CallOutcome.REFUSED if refused else (outcomes[i] if i < len(outcomes) else CallOutcome.OK),
                detail=refused[:200], ip=context.ip,
            )
            for i, (document_id, name) in enumerate(calls)
        ])


async def _limited(context: Context, bucket: tuple[str, int], count: int = 1) -> None:
    try:
        await context.limit(bucket, count=count)
    except RateLimited as limited:
        raise RequestRefused(429, "RATE_LIMITED", limited.message,
                             {"Retry-After": str(limited.retry_after)}) from limited


def _operation_name(request: Request) -> str:
    name = request.query_params.get("operationName")
    if name:
        return name
    body = getattr(request, "_body", None)
    if body:
        try:
            data = json.loads(body)
        except ValueError:
            return ""
        if isinstance(data, dict):
            return str(data.get("operationName") or "")
    return ""


__all__ = ["GraphQLApp", "GraphQLError"]
