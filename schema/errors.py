"""Payload errors (``errors { field code message }``) and the mutation runner."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable
from typing import Any, TypeVar

import strawberry
from strawberry.types import Info

from adapters.storage import StorageFull
from resolvers.errors import Code, Invalid
from schema.labels import labeled_enum

ErrorCode = labeled_enum(
    Code, name="ErrorCode", description="业务错误代码：稳定的英文代码，值的说明为默认中文提示"
)


@strawberry.type(description="一条业务校验错误")
class UserError:
    field: str | None = strawberry.field(description=(
        "出错的输入字段：在 input 中的路径（camelCase），嵌套的输入和列表项以点分隔，"
        "如 diploma.validFrom、sources.0.credits；其他参数用参数名；整体错误时为空"
    ))
    code: ErrorCode = strawberry.field(description="稳定的错误代码")  # type: ignore[valid-type]
    message: str = strawberry.field(description="中文提示")


@strawberry.type(description="变更结果的公共部分")
class Payload:
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="业务校验错误；为空表示成功，且此时才有其余字段"
    )


P = TypeVar("P", bound=Payload)


async def mutate(info: Info, payload: type[P], action: Awaitable[Any], key: str | None = None) -> P:
    """Run a resolver and wrap its result in ``payload``.

    A refusal (``Invalid``) becomes the payload's ``errors``; on success the result is given
    to the payload under ``key``, or field by field when it is a dataclass, and the after-commit
    jobs the resolver queued are started.
    """
    context = info.context
    try:
        result = await action
    except Invalid as refusal:
        context.discard_after_commit()
        return payload(
            errors=[UserError(field=p.field, code=p.code, message=p.message) for p in refusal.problems]
        )
    except StorageFull:
        context.discard_after_commit()
        return payload(errors=[UserError(field=None, code=Code.STORAGE_FULL, message=Code.STORAGE_FULL.label)])
    except BaseException:
        context.discard_after_commit()
        raise
    context.flush_after_commit()
    if key is not None:
        return payload(**{key: result})
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return payload(**{f.name: getattr(result, f.name) for f in dataclasses.fields(result)})
    if result is None:
        return payload()
    return payload(**result)


@strawberry.type(description="批量操作中一项的结果")
class ItemResultType:
    id: strawberry.ID = strawberry.field(description="所选对象的ID")
    ok: bool = strawberry.field(description="是否成功")
    error: UserError | None = strawberry.field(description="失败原因")


@strawberry.type(description="批量操作结果：逐项说明成功与否")
class BatchPayload(Payload):
    results: list[ItemResultType] = strawberry.field(default_factory=list, description="逐项结果，与所选顺序一致")

    @strawberry.field(description="成功的项数（allMatching 时即按筛选条件实际处理的条数）")
    def succeeded(self) -> int:
        return sum(1 for item in self.results if item.ok)

    @strawberry.field(description="失败的项数")
    def failed(self) -> int:
        return sum(1 for item in self.results if not item.ok)


async def batch(info: Info, action: Awaitable[Any]) -> BatchPayload:
    """Run a per-item resolver and answer each item."""

    async def run() -> dict[str, Any]:
        results = await action
        return {
            "results": [
                ItemResultType(
                    id=strawberry.ID(item.id),
                    ok=item.ok,
                    error=None if item.problem is None else UserError(
                        field=item.problem.field, code=item.problem.code, message=item.problem.message
                    ),
                )
                for item in results
            ]
        }

    return await mutate(info, BatchPayload, run())
