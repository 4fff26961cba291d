"""Opaque global IDs on the wire (Relay): base64 of ``TypeName:pk``."""

from __future__ import annotations

from strawberry.relay import from_base64, to_base64

from resolvers.errors import NotFound


def encode_id(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


def decode_id(value: object, type_name: str, *, strict: bool = True) -> int:
    """The primary key behind a global ID of ``type_name``.

    A malformed ID or one of another type is NOT_FOUND (strict), or 0, which matches no row,
    when the caller reports it as a field problem instead.
    """
    try:
        found_type, pk = from_base64(str(value))
        if found_type == type_name and pk.isdigit():
            return int(pk)
    except (ValueError, TypeError):
        pass
    if strict:
        raise NotFound()
    return 0
