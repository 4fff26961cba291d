"""The tenant-isolation walker's machinery (issue 8).

It reads a GraphQL schema (the live one), finds every Query and Mutation field that takes an ID —
as an argument, or as an ``ID``/``[ID]`` field of an input object at any depth — and for each such
*slot* infers which node type the ID must be of. It then writes one minimal, valid document per
field and, for a probe, the variables that put a chosen global ID into one slot while every other
required argument gets a plausible value. Nothing here knows the fields by name: a field added to
the schema later is planned like the others.

Also here: what the walker compares (answers with the probed ID and signed file links masked),
the scan of an answer for another tenant's private values, and ``Watcher``, which tells whether a
call changed any table (a one-statement fingerprint of every table around each call, and the
row-by-row difference of two ``tests.support.db.snapshot`` when it moved).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNamedType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    GraphQLUnionType,
    NullValueNode,
    Undefined,
    get_named_type,
    is_leaf_type,
)
from tortoise import Tortoise

from tests.support.db import app_models, snapshot

# A name that says less than its type: the catalogue calls courses, certificates and diplomas
# "achievements" (成果), and a learner's achievement a "record" (学员成果). Used only when the
# name matches no node type by itself.
WORD_ALIASES = {
    "Course": "Achievement",
    "Certificate": "Achievement",
    "Diploma": "Achievement",
    "Recognition": "Achievement",
    "Record": "LearnerAchievement",
    "User": "Account",
}

# A tiny but real PDF, for any required Upload (a reason file, a method, a spreadsheet slot: the
# upload is checked after the ID in every resolver we know, and a wrong type is just a refusal).
TINY_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
UPLOAD_FILE = ("walker.pdf", TINY_PDF, "application/pdf")

# The API's one flag for "every row of the current filter" (issue 14): a bulk input selects by its
# list of IDs or, with the flag on, by its filter (and the IDs in the filter); never both. The
# walker turns the flag on unless the probed slot is that list.
SELECT_ALL = "allMatching"


@dataclass(frozen=True)
class Slot:
    """One place an ID goes: ``("input", "filter", "batchId")``."""

    path: tuple[str, ...]
    where: str  # "InputType.field", or "Mutation.field(arg)" for an argument: what overrides name
    types: tuple[str, ...]  # the node types it may be; several when the name does not tell
    inferred_by: str  # "argument name", "return type", "payload", "field name", "alias", "every type"
    required: bool  # every step of the path is required (non-null without a default)

    @property
    def name(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class FieldPlan:
    operation: str  # "query" or "mutation"
    name: str
    slots: tuple[Slot, ...]
    document: str
    operation_name: str

    @property
    def key(self) -> str:
        return f"{self.operation}.{self.name}"


@dataclass
class Probe:
    """A call to make: the plan, the slot, and the variables (and files) that put ``value`` there."""

    plan: FieldPlan
    slot: Slot
    value: str
    variables: dict[str, Any]
    files: dict[str, tuple[str, bytes, str]] = field(default_factory=dict)
    sent_ids: frozenset[str] = frozenset()  # every ID the variables carry (answers may echo them)


# --- naming -----------------------------------------------------------------------------------------


def camel_words(name: str) -> list[str]:
    return re.findall(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])", name)


def singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _match_phrase(phrase: str, node_types: Iterable[str]) -> list[str]:
    """Node types named ``phrase`` (any case), else the ones ending with it (Rule → ConversionRule),
    else those containing it (Conversion → ConversionRule, ConversionMethod, ConversionApplication)."""
    types = sorted(node_types)
    exact = [t for t in types if t.lower() == phrase.lower()]
    if exact:
        return exact
    ending = [t for t in types if t.endswith(phrase[:1].upper() + phrase[1:])]
    if ending:
        return ending
    return [t for t in types if phrase[:1].upper() + phrase[1:] in t]


def types_from_words(words: list[str], node_types: set[str]) -> tuple[list[str], str]:
    """The node types a run of camel-case words names: the longest run ending at any word wins
    (learner + Achievements → LearnerAchievement), aliases after plain names."""
    words = [w[:1].upper() + w[1:] for w in words]
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            phrase = "".join(words[start:start + size - 1]) + singular(words[start + size - 1])
            found = _match_phrase(phrase, node_types)
            if found:
                return found, "name"
    for word in reversed(words):
        alias = WORD_ALIASES.get(singular(word))
        if alias in node_types:
            return [alias], "alias"
    return [], ""


# --- planning ---------------------------------------------------------------------------------------


def _unwrap(type_: Any) -> tuple[Any, bool, bool]:
    """(named type, required, is a list)."""
    required = isinstance(type_, GraphQLNonNull)
    inner = type_.of_type if required else type_
    is_list = isinstance(inner, GraphQLList)
    return get_named_type(type_), required, is_list


def _has_default(item: Any) -> bool:
    """An argument or input field with a default value: in a schema built from code
    (``default_value``) or from introspection (graphql-core 3.3 keeps the literal in ``default``)."""
    return item.default_value is not Undefined or getattr(item, "default", None) is not None


def _has_real_default(item: Any) -> bool:
    """A default other than ``null`` (an optional field whose default is null is just optional)."""
    if item.default_value is not Undefined:
        return item.default_value is not None
    default = getattr(item, "default", None)
    return default is not None and not isinstance(getattr(default, "literal", None), NullValueNode)


def id_paths(type_: Any, path: tuple[str, ...], required: bool, seen: frozenset[str], where: str = ""
             ) -> list[tuple[tuple[str, ...], str, bool]]:
    """(path, where, required all the way) of every ID under an argument or input field."""
    named = get_named_type(type_)
    if isinstance(named, GraphQLScalarType) and named.name == "ID":
        return [(path, where, required)]
    found = []
    if isinstance(named, GraphQLInputObjectType) and named.name not in seen:
        for name, input_field in named.fields.items():
            step_required = isinstance(input_field.type, GraphQLNonNull) and not _has_default(input_field)
            found += id_paths(input_field.type, (*path, name), required and step_required, seen | {named.name},
                              f"{named.name}.{name}")
    return found


def node_types_of(schema: GraphQLSchema) -> set[str]:
    node = schema.get_type("Node")
    assert isinstance(node, GraphQLInterfaceType), "the schema has no Node interface"
    return {t.name for t in schema.get_possible_types(node)}


def infer_types(schema: GraphQLSchema, field_name: str, field_def: Any, path: tuple[str, ...],
                node_types: set[str]) -> tuple[tuple[str, ...], str]:
    """Which node types an ID slot takes.

    ``ruleId`` → its name (ConversionRule); a bare ``id``/``ids`` → the field's return type when it
    is a node (or Node itself: every type), else the one node its payload holds
    (``updateLearner`` → LearnerPayload.learner), else the field's name (``deleteAchievements``,
    ``markMessagesRead``); nothing → every node type (the walker then tries them all)."""
    last = path[-1]
    if last not in ("id", "ids"):
        stem = re.sub(r"Ids?$", "", last)
        found, how = types_from_words(camel_words(stem), node_types)
        if found:
            return tuple(found), "argument name" if how == "name" else "alias"
    returned = get_named_type(field_def.type)
    if isinstance(returned, GraphQLInterfaceType) and returned.name == "Node":
        return tuple(sorted(node_types)), "return type (Node: every type)"
    if returned.name in node_types:
        return (returned.name,), "return type"
    if isinstance(returned, GraphQLObjectType):
        held = sorted({get_named_type(f.type).name for f in returned.fields.values()} & node_types)
        if len(held) == 1:
            return (held[0],), "payload"
    words = camel_words(field_name)
    found, how = types_from_words(words[1:] or words, node_types)
    if found:
        return tuple(found), "field name" if how == "name" else "alias"
    return tuple(sorted(node_types)), "every type"


def selection(type_: GraphQLNamedType, depth: int, aliases: dict[str, str] | None = None) -> str:
    """``__typename`` and every leaf field without required arguments, ``depth`` object levels
    down (errors of payloads included: they are objects). A connection's ``edges`` are left out
    when it has ``nodes`` (the same rows twice only costs). ``aliases`` renames fields of this level
    (fragments on several types may not select one name with two types)."""
    if is_leaf_type(type_):
        return ""
    parts = ["__typename"]
    if isinstance(type_, (GraphQLObjectType, GraphQLInterfaceType)):
        for name, field_def in type_.fields.items():
            if any(isinstance(a.type, GraphQLNonNull) and not _has_default(a)
                   for a in field_def.args.values()):
                continue
            if name == "edges" and "nodes" in type_.fields:
                continue
            named = get_named_type(field_def.type)
            label = f"{aliases[name]}: {name}" if aliases and name in aliases else name
            if is_leaf_type(named):
                parts.append(label)
            elif depth > 0:
                parts.append(f"{label} {selection(named, depth - 1)}")
    return "{ " + " ".join(parts) + " }"


def _conflict_aliases(types: list[GraphQLObjectType]) -> dict[str, dict[str, str]]:
    """For fragments on ``types``: a field name that has different types in different types keeps
    its name where its most common type is, and gets an alias (``Type_name``) elsewhere."""
    by_name: dict[str, dict[str, list[str]]] = {}
    for t in types:
        for name, field_def in t.fields.items():
            by_name.setdefault(name, {}).setdefault(str(field_def.type), []).append(t.name)
    aliases: dict[str, dict[str, str]] = {}
    for name, variants in by_name.items():
        if len(variants) < 2:
            continue
        keep = max(variants, key=lambda v: (len(variants[v]), v))
        for variant, owners in variants.items():
            if variant != keep:
                for owner in owners:
                    aliases.setdefault(owner, {})[name] = f"{owner}_{name}"
    return aliases


def root_selection(schema: GraphQLSchema, type_: GraphQLNamedType) -> str:
    """What a walker document selects: two levels of the return type; for an interface or union
    (``node``), one level of every type it may be."""
    if isinstance(type_, (GraphQLInterfaceType, GraphQLUnionType)):
        possible = sorted(schema.get_possible_types(type_), key=lambda t: t.name)
        aliases = _conflict_aliases(possible)
        fragments = " ".join(f"... on {t.name} {selection(t, 1, aliases.get(t.name))}" for t in possible)
        return "{ __typename " + fragments + " }"
    return selection(type_, 2)


def plan_schema(schema: GraphQLSchema, overrides: dict[str, tuple[str, ...]] | None = None) -> list[FieldPlan]:
    """Every Query and Mutation field with at least one ID slot, in schema order. ``overrides``
    gives the types of slots whose name misleads (by ``Slot.where``)."""
    node_types = node_types_of(schema)
    plans = []
    for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        if root is None:
            continue
        for field_name, field_def in root.fields.items():
            slots = []
            for arg_name, arg in field_def.args.items():
                arg_required = isinstance(arg.type, GraphQLNonNull) and not _has_default(arg)
                top = f"{root.name}.{field_name}({arg_name})"
                for path, where, required in id_paths(arg.type, (arg_name,), arg_required, frozenset(), top):
                    if overrides and where in overrides:
                        types, how = overrides[where], "override"
                    else:
                        types, how = infer_types(schema, field_name, field_def, path, node_types)
                    slots.append(Slot(path=path, where=where, types=types, inferred_by=how, required=required))
            if not slots:
                continue
            operation_name = f"Walk_{field_name}"
            declared = ", ".join(f"${a}: {arg.type}" for a, arg in field_def.args.items())
            passed = ", ".join(f"{a}: ${a}" for a in field_def.args)
            body = f"{field_name}({passed})" if passed else field_name
            sel = root_selection(schema, get_named_type(field_def.type))
            document = f"{operation} {operation_name}({declared}) {{ {body} {sel} }}"
            plans.append(FieldPlan(operation, field_name, tuple(slots), document, operation_name))
    return plans


def plan_reads(schema: GraphQLSchema) -> list[FieldPlan]:
    """Every Query field that takes no required argument and no ID (``me``, the lists, the
    account centre's counts): one document each, two levels of its type, called without
    variables."""
    plans = []
    assert schema.query_type is not None
    for field_name, field_def in schema.query_type.fields.items():
        required = any(isinstance(a.type, GraphQLNonNull) and not _has_default(a) for a in field_def.args.values())
        ids = any(id_paths(a.type, (n,), True, frozenset()) for n, a in field_def.args.items())
        if required or ids or field_name.startswith("__"):
            continue
        operation_name = f"Read_{field_name}"
        document = f"query {operation_name} {{ {field_name} {root_selection(schema, get_named_type(field_def.type))} }}"
        plans.append(FieldPlan("query", field_name, (), document, operation_name))
    return plans


# --- variables ----------------------------------------------------------------------------------------


def plausible_scalar(named: GraphQLScalarType) -> Any:
    name = named.name
    if name == "String":
        return "测试"
    if name == "Int":
        return 1
    if name == "Float":
        return 1.0
    if name == "Boolean":
        return False
    if name == "Date":
        return date.today().isoformat()
    if name == "DateTime":
        return "2099-01-01T08:00:00+08:00"  # a constant: a probe and its twin must send the same
    if name == "JSON":
        return {}
    return "测试"


class VariableBuilder:
    """Variables for one probe: ``value`` in ``probe``'s slot; any other required ID slot gets
    ``filler(slot)``; required scalars a plausible value, enums their first value, uploads a tiny
    PDF (sent by the multipart request spec); optional fields off the probed path are left out."""

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema

    def build(self, plan: FieldPlan, probe: Slot, value: str, filler: Callable[[Slot], str], *,
              fill_optional: bool = False, enum_rank: int = 0) -> Probe:
        """``fill_optional``: also give every optional scalar, enum, upload and input field of the
        input objects a value (not other ID slots, not the root field's optional arguments) —
        a business check that needs them (a reason, a name, a file) then lets the call through.
        ``SELECT_ALL`` is on unless the probe is the input's own list of IDs (the selection).
        ``enum_rank``: which value every enum gets (the first by default; a rule's type decides
        which of its targets is read)."""
        root = self.schema.query_type if plan.operation == "query" else self.schema.mutation_type
        assert root is not None
        field_def = root.fields[plan.name]
        slots = {s.path: s for s in plan.slots}
        files: dict[str, tuple[str, bytes, str]] = {}
        sent: set[str] = set()

        def make(type_: Any, path: tuple[str, ...], file_path: tuple[str, ...]) -> Any:
            named, _, is_list = _unwrap(type_)
            if is_list:
                inner = type_.of_type if isinstance(type_, GraphQLNonNull) else type_
                return [make(inner.of_type, path, (*file_path, "0"))]
            if isinstance(named, GraphQLScalarType) and named.name == "ID":
                chosen = value if path == probe.path else filler(slots[path])
                sent.add(chosen)
                return chosen
            if isinstance(named, GraphQLScalarType) and named.name == "Upload":
                files[".".join(file_path)] = UPLOAD_FILE
                return None
            if isinstance(named, GraphQLScalarType):
                return plausible_scalar(named)
            if isinstance(named, GraphQLEnumType):
                values = list(named.values)
                return values[enum_rank % len(values)]
            assert isinstance(named, GraphQLInputObjectType), named
            built = {}
            for name, input_field in named.fields.items():
                sub = (*path, name)
                on_probe = probe.path[:len(sub)] == sub
                needed = isinstance(input_field.type, GraphQLNonNull) and not _has_default(input_field)
                wanted = fill_optional and not _holds_id(input_field.type) and not _has_real_default(input_field)
                if name == SELECT_ALL and not on_probe:
                    built[name] = not _selects(named, path, probe.path)
                elif on_probe or needed or wanted:
                    built[name] = make(input_field.type, sub, (*file_path, name))
            return built

        variables = {}
        for arg_name, arg in field_def.args.items():
            on_probe = probe.path[0] == arg_name
            non_null = isinstance(arg.type, GraphQLNonNull)
            if on_probe or non_null:
                variables[arg_name] = make(arg.type, (arg_name,), (arg_name,))
        return Probe(plan=plan, slot=probe, value=value, variables=variables, files=files,
                     sent_ids=frozenset(sent))


def _selects(input_type: GraphQLInputObjectType, path: tuple[str, ...], probe: tuple[str, ...]) -> bool:
    """Whether ``probe`` is a list of IDs right in ``input_type`` (at ``path``): its selection."""
    if len(probe) != len(path) + 1 or probe[:len(path)] != path:
        return False
    _, _, is_list = _unwrap(input_type.fields[probe[-1]].type)
    return is_list


def _holds_id(type_: Any) -> bool:
    return bool(id_paths(type_, ("x",), True, frozenset()))


def enum_count(schema: GraphQLSchema, plan: FieldPlan) -> int:
    """The most values an enum among the field's arguments has (at any depth)."""
    root = schema.query_type if plan.operation == "query" else schema.mutation_type
    assert root is not None
    most, seen = 1, set()

    def visit(type_: Any) -> None:
        nonlocal most
        named = get_named_type(type_)
        if isinstance(named, GraphQLEnumType):
            most = max(most, len(named.values))
        elif isinstance(named, GraphQLInputObjectType) and named.name not in seen:
            seen.add(named.name)
            for input_field in named.fields.values():
                visit(input_field.type)

    for arg in root.fields[plan.name].args.values():
        visit(arg.type)
    return most


# --- comparing answers ------------------------------------------------------------------------------

_URL = re.compile(r'"(?:https?://[^"/]+)?/files/[^"]*"')
_SIGNED = re.compile(r"(expires|signature|sig|token)=[^&\"]+")


def normalized(body: Any, ids: Iterable[str]) -> str:
    """An answer as text, the probed IDs masked and signed file links masked: two answers that
    are equal here tell the caller the same thing."""
    text = json.dumps(body, ensure_ascii=False, sort_keys=True)
    for value in sorted(set(ids), key=len, reverse=True):
        text = text.replace(json.dumps(value, ensure_ascii=False), '"<PROBED ID>"')
    text = _URL.sub('"<FILE URL>"', text)
    return _SIGNED.sub(r"\1=<SIGNED>", text)


def leaked(body: Any, canaries: dict[str, str], sent: Iterable[str]) -> list[str]:
    """The canaries (another tenant's private values, and the IDs of its private objects) found in
    an answer, but the IDs the caller sent itself (an answer may echo them, e.g. per-item results)."""
    text = json.dumps(body, ensure_ascii=False)
    for value in sent:
        text = text.replace(value, "")
    return sorted(label for value, label in canaries.items() if value and value in text)


def top_level_codes(body: Any) -> list[str | None]:
    return [(e.get("extensions") or {}).get("code") for e in (body.get("errors") or [])]


def payload_codes(body: Any, field_name: str) -> list[str] | None:
    """The codes an answered mutation refused with: its ``errors``, and when every per-item
    result failed, those items' codes. None when it was not refused at all."""
    data = (body.get("data") or {}).get(field_name)
    if not isinstance(data, dict):
        return None
    codes = [e.get("code") for e in data.get("errors") or []]
    results = data.get("results")
    if isinstance(results, list) and results and all(not r.get("ok") for r in results):
        codes += [(r.get("error") or {}).get("code") for r in results]
    return codes or None


# --- database differences -------------------------------------------------------------------------


def row_key(row: dict[str, Any]) -> Any:
    return row.get("id", json.dumps(row, sort_keys=True, default=str))


def differences(before: dict[str, list[dict[str, Any]]], after: dict[str, list[dict[str, Any]]],
                ignore_columns: dict[str, set[str]]) -> list[str]:
    """What changed between two snapshots, one line per row (ignoring ``ignore_columns``)."""
    found = []
    for table in sorted(set(before) | set(after)):
        skip = ignore_columns.get(table, set())
        old = {row_key(r): r for r in before.get(table, [])}
        new = {row_key(r): r for r in after.get(table, [])}
        for key in sorted(set(old) | set(new), key=str):
            if key not in new:
                found.append(f"{table}#{key} deleted")
            elif key not in old:
                found.append(f"{table}#{key} inserted: {_short(new[key])}")
            else:
                changed = {c: (old[key].get(c), new[key].get(c)) for c in set(old[key]) | set(new[key])
                           if c not in skip and old[key].get(c) != new[key].get(c)}
                if changed:
                    found.append(f"{table}#{key} updated: " + ", ".join(
                        f"{c} {a!r}→{b!r}" for c, (a, b) in sorted(changed.items())))
    return found


def _short(row: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in row.items() if v not in (None, "", [], {})},
                      ensure_ascii=False, default=str)[:300]


class Watcher:
    """Whether a call changed any table, and what.

    A full snapshot (``tests.support.db.snapshot``) costs a query per table; the walker makes
    hundreds of calls. So each call is bracketed by a *fingerprint* — one statement, every table's
    row count and rows as text — and the full snapshot, with the row-by-row difference, is taken
    only when the fingerprint moved. ``ignore_tables`` and ``ignore_columns`` are left out of both.
    """

    def __init__(self, ignore_tables: tuple[str, ...] = (), ignore_columns: dict[str, set[str]] | None = None) -> None:
        self.ignore_tables = ignore_tables
        self.ignore_columns = ignore_columns or {}
        self.rows: dict[str, list[dict[str, Any]]] = {}
        self.print: list[tuple[Any, ...]] = []
        self._sql = ""

    def _statement(self) -> str:
        connection = Tortoise.get_connection("default")
        postgres = connection.capabilities.dialect == "postgres"
        parts = []
        for model in sorted(app_models(), key=lambda m: m._meta.db_table):
            table = model._meta.db_table
            if table in self.ignore_tables:
                continue
            skip = self.ignore_columns.get(table, set())
            columns = [c for c in model._meta.fields_db_projection.values() if c not in skip]
            if postgres:
                row = " || '|' || ".join(f"coalesce(\"{c}\"::text, '~')" for c in columns)
                parts.append(f"SELECT '{table}' AS t, count(*) AS n, "
                             f"md5(coalesce(string_agg({row}, ',' ORDER BY {row}), '')) AS h FROM \"{table}\"")
            else:
                row = " || '|' || ".join(f"quote(\"{c}\")" for c in columns)
                parts.append(f"SELECT '{table}' AS t, count(*) AS n, "
                             f"(SELECT group_concat(r, ',') FROM (SELECT {row} AS r FROM \"{table}\" ORDER BY 1)) AS h "
                             f"FROM \"{table}\"")
        return " UNION ALL ".join(parts)

    async def fingerprint(self) -> list[tuple[Any, ...]]:
        if not self._sql:
            self._sql = self._statement()
        _, rows = await Tortoise.get_connection("default").execute_query(self._sql)
        return sorted((r["t"], r["n"], r["h"]) for r in rows)

    async def start(self) -> None:
        self.rows = await snapshot(ignore=self.ignore_tables)
        self.print = await self.fingerprint()

    async def settle(self) -> None:
        """Take whatever happened since the last look as the new starting point (a twin's call)."""
        now = await self.fingerprint()
        if now != self.print:
            await self.start()

    async def changes(self) -> list[str]:
        """What changed since the last look (and make now the starting point)."""
        now = await self.fingerprint()
        if now == self.print:
            return []
        after = await snapshot(ignore=self.ignore_tables)
        found = differences(self.rows, after, self.ignore_columns)
        self.rows, self.print = after, now
        return found
