"""Opaque global IDs on the wire (Relay): base64 of ``TypeName:pk``."""

from __future__ import annotations

from strawberry.relay import from_base64, to_base64

from resolvers.errors import NotFound

# The largest key a column can hold: PostgreSQL's ``integer`` (an IntField key) and ``bigint``
# (a BigIntField key; SQLite's INTEGER is 64-bit either way). A larger number is no row's key,
# and handed to the database it is an error instead of "not found".
INT_KEY_MAX = 2**31 - 1
BIGINT_KEY_MAX = 2**63 - 1
# The types whose model has a BigIntField key (a test holds this list to the models).
BIGINT_KEYS = frozenset({"Message", "AuditEntry"})


def encode_id(type_name: str, pk: int) -> str:
    return to_base64(type_name, pk)


def key_of(text: str, type_name: str) -> int | None:
    """The primary key ``text`` names for ``type_name``, or None when no row can have it: not
    ASCII digits (``-1``, ``²``, ``١٢``), zero, or past the key column's range."""
    if not (text.isascii() and text.isdigit()):
        return None
    pk = int(text)
    limit = BIGINT_KEY_MAX if type_name in BIGINT_KEYS else INT_KEY_MAX
    return pk if 0 < pk <= limit else None


def decode_id(value: object, type_name: str, *, strict: bool = True) -> int:
    """The primary key behind a global ID of ``type_name``.

    A malformed ID, one of another type or one no row can have is NOT_FOUND (strict), or 0,
    which matches no row, when the caller reports it as a field problem instead.
    """
    try:
        found_type, text = from_base64(str(value))
        pk = key_of(text, type_name) if found_type == type_name else None
        if pk is not None:
            return pk
    except (ValueError, TypeError):
        pass
    if strict:
        raise NotFound()
    return 0
