"""Object types as views over stored models, all reachable through ``node(id:)``.

A type names the model it shows; which rows a caller may read is the read policy's
(``resolvers.policy``), so ``node(id:)`` and the lists answer alike: another institution's ID is
NOT_FOUND there as everywhere.
"""

from __future__ import annotations

from typing import Any, ClassVar

import strawberry
from strawberry import relay
from strawberry.dataloader import DataLoader
from strawberry.relay import from_base64
from strawberry.types import Info
from tortoise.models import Model
from tortoise.queryset import QuerySet

from resolvers import policy
from resolvers.errors import NotFound
from resolvers.ids import key_of
from server.context import current_context

NODE_TYPES: dict[str, type[ModelNode]] = {}


class ModelNode(relay.Node):
    model: ClassVar[type[Model]]
    type_name: ClassVar[str]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "model" in cls.__dict__:
            NODE_TYPES[cls.type_name] = cls

    @classmethod
    def is_type_of(cls, obj: Any, info: Any) -> bool:
        return isinstance(obj, cls.model)

    @classmethod
    def resolve_id(cls, root: Any, *, info: Info) -> str:
        return str(root.pk)

    @classmethod
    def resolve_typename(cls, root: Any, info: Info) -> str:
        return cls.type_name

    @classmethod
    def visible(cls, info: Info) -> QuerySet[Any]:
        """The rows of ``model`` the caller may read (the read policy's answer)."""
        return policy.visible(info.context, cls.model)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> Any:
        keys = [key_of(str(i), cls.type_name) for i in node_ids]
        found = {row.pk: row for row in await cls.visible(info).filter(pk__in=[k for k in keys if k])}
        return [found.get(k) if k else None for k in keys]


async def resolve_node(info: Info, global_id: str) -> Any:
    try:
        type_name, _ = from_base64(global_id)
    except (ValueError, TypeError) as exc:
        raise NotFound() from exc
    node_type = NODE_TYPES.get(type_name)
    if node_type is None:
        raise NotFound()
    return await policy.lookup(info.context, node_type.model, global_id)


@strawberry.type
class NodeQuery:
    @strawberry.field(description="按全局ID取任意对象；无权访问或不存在时返回 NOT_FOUND 错误")
    async def node(self, info: Info, id: strawberry.ID) -> relay.Node:
        return await resolve_node(info, id)


async def related(obj: Model, name: str) -> Any:
    """A foreign-key object, fetched only when the query that loaded ``obj`` did not — and then
    batched: the same field of every row of a page is one ``IN`` query per request (DataLoader),
    and an object many rows point at is fetched once."""
    value = getattr(obj, name)
    if value is None or isinstance(value, Model):
        return value
    key = getattr(obj, f"{name}_id", None)
    context = current_context.get(None)
    if key is None or context is None:
        return await value
    model = obj._meta.fields_map[name].related_model  # type: ignore[attr-defined]
    loader = context.loaders.get(("related", model))
    if loader is None:
        async def batch(keys: list[Any]) -> list[Any]:
            found = {row.pk: row for row in await model.filter(pk__in=set(keys))}
            return [found.get(k) for k in keys]

        loader = context.loaders[("related", model)] = DataLoader(load_fn=batch)
    return await loader.load(key)


async def children(model: type[Model], parent: str, parent_id: int, *, with_: tuple[str, ...] = ()) -> list[Any]:
    """The rows of ``model`` whose ``parent`` column is ``parent_id``, in id order — batched like
    ``related``: for a page of parents one ``IN`` query per request, not one per parent."""
    context = current_context.get(None)
    if context is None:
        return list(await model.filter(**{parent: parent_id}).order_by("id").select_related(*with_))
    key = ("children", model, parent, with_)
    loader = context.loaders.get(key)
    if loader is None:
        async def batch(ids: list[int]) -> list[list[Any]]:
            grouped: dict[int, list[Any]] = {pk: [] for pk in ids}
            rows = await model.filter(**{f"{parent}__in": set(ids)}).order_by("id").select_related(*with_)
            for row in rows:
                grouped[getattr(row, parent)].append(row)
            return [grouped[pk] for pk in ids]

        loader = context.loaders[key] = DataLoader(load_fn=batch)
    return await loader.load(parent_id)


async def readable(info: Info, model: type[Model], pk: int | None) -> Any:
    """The row ``pk`` of ``model`` when the caller may read it (the read policy's ``visible``),
    else None — batched like ``related``. For references a snapshot keeps as plain keys (a rule
    version's targets, a conversion result's courses): the object shows only to readers who may
    see it, and only while it is live; the snapshot's own values stay readable either way."""
    if not pk:
        return None
    loaders = info.context.loaders
    key = ("readable", model)
    loader = loaders.get(key)
    if loader is None:
        context = info.context

        async def batch(keys: list[int]) -> list[Any]:
            found = {row.pk: row for row in await policy.visible(context, model).filter(pk__in=set(keys))}
            return [found.get(k) for k in keys]

        loader = loaders[key] = DataLoader(load_fn=batch)
    return await loader.load(pk)
