"""Unexpected errors leave the server as a generic message with an error ID found in the log."""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncIterator, Iterator

import asyncpg
from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.schema.exceptions import InvalidOperationTypeError
from tortoise.exceptions import DBConnectionError

from resolvers.errors import ClientError
from resolvers.messages import session_still_valid

log = logging.getLogger("credit_bank.errors")


def is_unexpected(error: GraphQLError) -> bool:
    """Client errors (ours, and GraphQL's own parse/validation errors) pass; the rest is masked."""
    original = error.original_error
    if original is None or isinstance(original, (ClientError, InvalidOperationTypeError)):
        return False
    return not isinstance(original, GraphQLError)


def database_unavailable(exc: BaseException | None) -> bool:
    """The database could not be reached (restarting, network): a retry may succeed."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (ConnectionError, DBConnectionError, asyncpg.PostgresConnectionError,
                            asyncpg.exceptions.ConnectionDoesNotExistError, asyncpg.InterfaceError)):
            return True
        if isinstance(exc, OSError) and not isinstance(exc, FileNotFoundError):
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


class MaskUnexpectedErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        error_id = uuid.uuid4().hex[:12]
        if database_unavailable(error.original_error):
            log.warning("database unavailable %s at %s: %s", error_id,
                        ".".join(str(p) for p in error.path or []), error.original_error)
            return GraphQLError(
                message=f"数据库暂时不可用，请稍后重试（错误编号 {error_id}）",
                nodes=error.nodes, source=error.source, positions=error.positions, path=error.path,
                extensions={"code": "SERVICE_UNAVAILABLE", "errorId": error_id},
            )
        log.error(
            "unexpected error %s at %s",
            error_id,
            ".".join(str(p) for p in error.path or []),
            exc_info=error.original_error,
        )
        return GraphQLError(
            message=f"服务器内部错误，请联系管理员（错误编号 {error_id}）",
            nodes=error.nodes,
            source=error.source,
            positions=error.positions,
            path=error.path,
            extensions={"code": "INTERNAL_SERVER_ERROR", "errorId": error_id},
        )


class RecordOperation(SchemaExtension):
    """Tell the context which operation ran (its name comes from the document when the client
    sent none), for metrics and logs."""

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context.context
        if hasattr(context, "loaders"):
            context.loaders = {}  # a websocket's context outlives operations: no stale caches
        yield
        if hasattr(context, "operation_name"):
            try:
                context.operation_name = self.execution_context.operation_name or ""
            except Exception:  # noqa: BLE001 - several operations and none chosen
                context.operation_name = ""


class RecheckWebsocketLogin(SchemaExtension):
    """A websocket is authenticated once, at connection_init; every operation on it checks again
    that its login still stands, so a disabled user or an ended login can do nothing more."""

    async def on_operation(self) -> AsyncIterator[None]:
        context = self.execution_context.context
        request = getattr(context, "request", None)
        if (request is not None and request.scope.get("type") == "websocket"
                and context.session is not None and not await session_still_valid(context)):
            context.session, context.token_rejected = None, True
        yield
