"""Schema evolution front ends can trust.

``schema/released.graphql`` is the schema of the last release; ``schema/schema.graphql`` is the
current one. Between them:

- graphql-core's ``find_breaking_changes`` finds what could break a released front end. A
  breaking change passes only where the released schema had already deprecated the element
  (``@deprecated(reason: "… YYYY-MM-DD 起弃用")``) at least ``DEPRECATION_DAYS`` days before today:
  a removed or retyped field, argument, input field or enum value, or a type whose every use was
  deprecated. What no deprecation can announce (a new required argument or input field, a
  type's kind, a union member, an interface) never passes: add a new element instead.
- every deprecation of the current schema says from which day (the date above), so its period
  can be counted;
- ``docs/SCHEMA_CHANGELOG.md`` lists under "## Unreleased" each addition, deprecation, removal and
  change (``find_dangerous_changes`` included) by its coordinate in backticks.

``python -m server check-schema`` runs the three checks (a test runs them in CI);
``make release-schema`` releases: the changelog's Unreleased section gets today's date and the
current schema becomes the released one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from graphql import (
    BreakingChangeType,
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    GraphQLUnionType,
    build_schema,
    find_breaking_changes,
    find_dangerous_changes,
    get_named_type,
    is_specified_scalar_type,
    print_ast,
)

from models.base import SHANGHAI

ROOT = Path(__file__).resolve().parents[1]
CURRENT_PATH = ROOT / "schema" / "schema.graphql"
RELEASED_PATH = ROOT / "schema" / "released.graphql"
CHANGELOG_PATH = ROOT / "docs" / "SCHEMA_CHANGELOG.md"

# How long a deprecated element stays before it may be removed or changed: a school term, so a
# front end released once a term has met the deprecation before the element goes.
DEPRECATION_DAYS = 90
DEPRECATED_SINCE = re.compile(r"(\d{4}-\d{2}-\d{2})\s*起弃用")
UNRELEASED = "## Unreleased"
NOTHING_YET = "(nothing yet)"
KINDS = {"added": "Added", "deprecated": "Deprecated", "removed": "Removed", "changed": "Changed"}
# "Field T.f was removed.", "Argument T.f(a:) has changed type …", "Enum value E.V was removed."
CHANGED_COORDINATE = re.compile(r"\b(\w+)\.(\w+)(?:\((\w+):\))?")
ANNOUNCEABLE = {
    BreakingChangeType.FIELD_REMOVED, BreakingChangeType.FIELD_CHANGED_KIND,
    BreakingChangeType.VALUE_REMOVED_FROM_ENUM, BreakingChangeType.ARG_REMOVED,
    BreakingChangeType.ARG_CHANGED_KIND, BreakingChangeType.TYPE_REMOVED,
}


def beijing_today() -> date:
    return datetime.now(SHANGHAI).date()


def load(path: Path) -> GraphQLSchema:
    return build_schema(path.read_text(encoding="utf-8"))


# --- the elements of a schema, by coordinate ---------------------------------------------------


@dataclass(frozen=True)
class Element:
    coordinate: str  # Type, Type.field, Type.field(arg:), Enum.VALUE
    signature: str  # what a change of would matter to a client: kind, type, default
    deprecation: str | None
    uses: str | None = None  # the named type a field, argument or input field holds


def _default(node: object) -> str:
    value = getattr(node, "default_value", None)
    return f" = {print_ast(value)}" if value is not None else ""


def _type_signature(named: GraphQLNamedType) -> str:
    if isinstance(named, GraphQLUnionType):
        return "union " + " | ".join(sorted(t.name for t in named.types))
    if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)):
        kind = "interface" if isinstance(named, GraphQLInterfaceType) else "type"
        interfaces = sorted(i.name for i in named.interfaces)
        return kind + (" implements " + " & ".join(interfaces) if interfaces else "")
    return type(named).__name__.removeprefix("GraphQL").removesuffix("Type").lower()


def elements(schema: GraphQLSchema) -> dict[str, Element]:
    found: dict[str, Element] = {}

    def add(element: Element) -> None:
        found[element.coordinate] = element

    for name, named in schema.type_map.items():
        if name.startswith("__") or is_specified_scalar_type(named):
            continue
        add(Element(name, _type_signature(named), None))
        if isinstance(named, (GraphQLObjectType, GraphQLInterfaceType)):
            for field_name, field in named.fields.items():
                add(Element(f"{name}.{field_name}", str(field.type), field.deprecation_reason,
                            get_named_type(field.type).name))
                for arg_name, arg in field.args.items():
                    add(Element(f"{name}.{field_name}({arg_name}:)", f"{arg.type}{_default(arg.ast_node)}",
                                arg.deprecation_reason, get_named_type(arg.type).name))
        elif isinstance(named, GraphQLInputObjectType):
            for field_name, input_field in named.fields.items():
                add(Element(f"{name}.{field_name}", f"{input_field.type}{_default(input_field.ast_node)}",
                            input_field.deprecation_reason, get_named_type(input_field.type).name))
        elif isinstance(named, GraphQLEnumType):
            for value_name, value in named.values.items():
                add(Element(f"{name}.{value_name}", "", value.deprecation_reason))
    return found


def _parent(coordinate: str) -> str | None:
    if "(" in coordinate:
        return coordinate.split("(", 1)[0]
    return coordinate.split(".", 1)[0] if "." in coordinate else None


# --- what changed -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Difference:
    kind: str  # added | deprecated | removed | changed
    coordinate: str
    detail: str = ""

    def __str__(self) -> str:
        return f"{KINDS[self.kind]} `{self.coordinate}`" + (f" ({self.detail})" if self.detail else "")


def differences(released: GraphQLSchema, current: GraphQLSchema) -> list[Difference]:
    """Additions, deprecations, removals and changes, by coordinate. What an added (removed)
    type or field holds is part of that addition (removal) and is not listed again."""
    old, new = elements(released), elements(current)
    found: list[Difference] = []
    for coordinate, element in new.items():
        before = old.get(coordinate)
        if before is None:
            if _parent(coordinate) not in new or _parent(coordinate) in old:
                found.append(Difference("added", coordinate))
            continue
        if before.signature != element.signature:
            found.append(Difference("changed", coordinate, f"{before.signature or '—'} → {element.signature}"))
        if element.deprecation is not None and before.deprecation is None:
            found.append(Difference("deprecated", coordinate, element.deprecation))
        elif element.deprecation is None and before.deprecation is not None:
            found.append(Difference("changed", coordinate, "no longer deprecated"))
    for coordinate in old:
        if coordinate not in new and (_parent(coordinate) is None or _parent(coordinate) in new):
            found.append(Difference("removed", coordinate))
    # Dangerous changes not seen above (a union gaining a member, an interface added) are changes.
    seen = {d.coordinate for d in found}
    for change in find_dangerous_changes(released, current):
        match = CHANGED_COORDINATE.search(change.description)
        words = change.description.rstrip(".").split()
        coordinate = match.group(0) if match else words[-1]
        if coordinate not in seen:
            found.append(Difference("changed", coordinate, change.description))
            seen.add(coordinate)
    return sorted(found, key=lambda d: (list(KINDS).index(d.kind), d.coordinate))


# --- may it break? ------------------------------------------------------------------------------


def deprecated_on(reason: str | None) -> date | None:
    found = DEPRECATED_SINCE.search(reason or "")
    if found is None:
        return None
    try:
        return date.fromisoformat(found.group(1))
    except ValueError:
        return None


def _announced(element: Element | None, today: date) -> str | None:
    """None when ``element`` was deprecated long enough ago; else why not."""
    if element is None:
        return "it is not in the released schema"
    if element.deprecation is None:
        return "it was not deprecated in the released schema"
    since = deprecated_on(element.deprecation)
    if since is None:
        return "its deprecation gives no date (… YYYY-MM-DD 起弃用)"
    if today < since + timedelta(days=DEPRECATION_DAYS):
        return f"deprecated on {since}, it must stay until {since + timedelta(days=DEPRECATION_DAYS)}"
    return None


def breaking_problems(released: GraphQLSchema, current: GraphQLSchema, today: date) -> list[str]:
    old = elements(released)

    def refusal(coordinate: str) -> str | None:
        """Why the released element at ``coordinate`` may not go yet; an argument may also go
        with its field."""
        why = _announced(old.get(coordinate), today)
        if why is not None and "(" in coordinate and _announced(old.get(_parent(coordinate) or ""), today) is None:
            return None
        return why

    problems = []
    for change in find_breaking_changes(released, current):
        if change.description.startswith("Standard scalar"):
            continue  # built into every client: no longer used is not gone
        why: str | None = "no deprecation can announce it: add a new element instead"
        if change.type is BreakingChangeType.TYPE_REMOVED:
            name = change.description.split()[0]
            uses = [e.coordinate for e in old.values() if e.uses == name]
            why = next((f"{use}: {r}" for use in uses if (r := refusal(use))), None) if uses \
                else "no deprecated field, argument or input field held it"
        elif change.type in ANNOUNCEABLE:
            match = CHANGED_COORDINATE.search(change.description)
            why = refusal(match.group(0)) if match else why
        if why is not None:
            problems.append(f"breaking: {change.description} Refused: {why}.")
    return problems


def deprecation_problems(current: GraphQLSchema, today: date) -> list[str]:
    problems = []
    for element in elements(current).values():
        if element.deprecation is None:
            continue
        since = deprecated_on(element.deprecation)
        if since is None:
            problems.append(f"deprecation of {element.coordinate} gives no date: end its reason with "
                            f"\"{today} 起弃用\" (the day it was deprecated)")
        elif since > today:
            problems.append(f"deprecation of {element.coordinate} is dated in the future ({since})")
    return problems


# --- the changelog ------------------------------------------------------------------------------


def unreleased_section(changelog: str) -> str:
    start = changelog.find(UNRELEASED)
    if start < 0:
        return ""
    rest = changelog[start + len(UNRELEASED):]
    end = rest.find("\n## ")
    return rest if end < 0 else rest[:end]


def changelog_problems(found: list[Difference], changelog: str, name: str = CHANGELOG_PATH.name) -> list[str]:
    if UNRELEASED not in changelog:
        return [f"{name} has no \"{UNRELEASED}\" section"]
    lines = [line.strip() for line in unreleased_section(changelog).splitlines()]
    problems = []
    for difference in found:
        word, mark = KINDS[difference.kind], f"`{difference.coordinate}`"
        if not any(line.startswith(f"- {word}") and mark in line for line in lines):
            problems.append(f"{name} does not list, under \"{UNRELEASED}\": "
                            f"- {word} {mark}" + (f"  ({difference.detail})" if difference.detail else ""))
    return problems


def check(today: date | None = None, *, released_path: Path = RELEASED_PATH,
          current_path: Path = CURRENT_PATH, changelog_path: Path = CHANGELOG_PATH) -> list[str]:
    """Every reason the current schema may not be released as it is (empty: it may)."""
    today = today or beijing_today()
    current = load(current_path)
    problems = deprecation_problems(current, today)
    if not released_path.exists():
        return problems + [f"{released_path.name} is missing: run `make release-schema` once"]
    released = load(released_path)
    problems += breaking_problems(released, current, today)
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.exists() else ""
    return problems + changelog_problems(differences(released, current), changelog, changelog_path.name)


def release(today: date | None = None, *, released_path: Path = RELEASED_PATH,
            current_path: Path = CURRENT_PATH, changelog_path: Path = CHANGELOG_PATH) -> str:
    """Release the current schema: the Unreleased entries get today's date; answers what it did.
    Raises ValueError with the problems when the check fails."""
    today = today or beijing_today()
    first = not released_path.exists()
    changelog = changelog_path.read_text(encoding="utf-8") if changelog_path.exists() else ""
    if first:  # nothing to compare with: the Unreleased section describes the first release
        problems = deprecation_problems(load(current_path), today)
        problems += changelog_problems([], changelog, changelog_path.name)
    else:
        problems = check(today, released_path=released_path, current_path=current_path,
                         changelog_path=changelog_path)
    if problems:
        raise ValueError("\n".join(problems))
    entries = unreleased_section(changelog).strip()
    current_text = current_path.read_text(encoding="utf-8")
    if not first and released_path.read_text(encoding="utf-8") == current_text \
            and entries in ("", NOTHING_YET):
        return "nothing to release: the schema is the released one"
    start = changelog.index(UNRELEASED) + len(UNRELEASED)
    end = start + len(unreleased_section(changelog))
    if entries in ("", NOTHING_YET):
        entries = "- No change to the schema."
    dated = f"\n\n{NOTHING_YET}\n\n## {today}\n\n{entries}\n"
    changelog_path.write_text(changelog[:start] + dated + changelog[end:], encoding="utf-8")
    released_path.write_text(current_text, encoding="utf-8")
    return f"released the schema of {today}: {released_path.name} updated, changelog dated"
