"""Unexpected errors leave the server as a generic message with an error ID found in the log."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator

from graphql import GraphQLError
from strawberry.extensions import MaskErrors, SchemaExtension

from resolvers.errors import ClientError

log = logging.getLogger("credit_bank.errors")


def is_unexpected(error: GraphQLError) -> bool:
    """Client errors (ours, and GraphQL's own parse/validation errors) pass; the rest is masked."""
    original = error.original_error
    if original is None or isinstance(original, ClientError):
        return False
    return not isinstance(original, GraphQLError)


class MaskUnexpectedErrors(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=is_unexpected)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        error_id = uuid.uuid4().hex[:12]
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
        yield
        context = self.execution_context.context
        if hasattr(context, "operation_name"):
            try:
                context.operation_name = self.execution_context.operation_name or ""
            except Exception:  # noqa: BLE001 - several operations and none chosen
                context.operation_name = ""
