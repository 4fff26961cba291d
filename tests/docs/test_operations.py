"""The operations of docs/operations: valid against the committed schema, each run by a screen
scenario (tests/docs/test_screens_*.py), each mapped to the manual in docs/FEATURES.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from graphql import build_schema, parse, validate

from schema import SDL_PATH
from tests.support.operations import CATALOG, OPERATIONS_DIR, load

DOCS = OPERATIONS_DIR.parent
# The screen scenarios, and the support module's steps they share (sms_code).
SCENARIOS = [*sorted(Path(__file__).parent.glob("test_screens_*.py")),
             Path(__file__).parents[1] / "support" / "operations.py"]
# [`Name`](operations/<file>.graphql) in docs/FEATURES.md
FEATURE_LINK = re.compile(r"\[`(\w+)`\]\(operations/([\w.-]+\.graphql)\)")


def test_operation_files_parse_and_names_are_unique_across_files() -> None:
    assert CATALOG.operations, "no operation found in docs/operations"
    assert CATALOG.problems == []


def test_a_duplicate_name_across_files_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.graphql").write_text("query Same { me { id } }\nfragment F on Account { id }\n")
    (tmp_path / "b.graphql").write_text("query Same { me { ...F } }\nfragment F on Account { name }\n")
    assert load(tmp_path).problems == ["b.graphql: operation Same is also in a.graphql",
                                       "b.graphql: fragment F is also in a.graphql"]


def test_every_operation_is_valid_against_the_committed_schema() -> None:
    schema = build_schema(SDL_PATH.read_text(encoding="utf-8"))
    invalid = {}
    for name in CATALOG.operations:
        errors = validate(schema, parse(CATALOG.document(name)))
        if errors:
            invalid[name] = [error.message for error in errors]
    assert invalid == {}


def test_every_fragment_is_used_by_an_operation() -> None:
    used: set[str] = set()
    for name in CATALOG.operations:
        used |= set(re.findall(r"^fragment (\w+) on", CATALOG.document(name), re.MULTILINE))
    assert set(CATALOG.fragments) - used == set()


RUNNERS = {None, "ok", "data", "subscribe"}


def scenario_runs() -> dict[str, set[str]]:
    """Operation names the scenarios pass to ``ops(…)``, ``ops.ok``, ``ops.data`` or ``ops.subscribe``,
    by scenario file."""
    runs: dict[str, set[str]] = {}
    for path in SCENARIOS:
        names = runs.setdefault(path.name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            method = node.func.attr if isinstance(node.func, ast.Attribute) else None
            target = node.func.value if isinstance(node.func, ast.Attribute) else node.func
            if not (isinstance(target, ast.Name) and target.id == "ops" and method in RUNNERS):
                continue
            for arg in node.args[:2]:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    names.add(arg.value)
    return runs


def test_every_operation_is_run_by_a_screen_scenario() -> None:
    """Each scenario step asserts its operation answered without errors; an operation no scenario
    runs is not known to work. Add a step to the scenario of its screen."""
    ran = set().union(*scenario_runs().values())
    assert sorted(set(CATALOG.operations) - ran) == []
    assert sorted(ran - set(CATALOG.operations)) == []


def test_features_page_maps_every_operation_to_the_file_defining_it() -> None:
    text = (DOCS / "FEATURES.md").read_text(encoding="utf-8")
    links = FEATURE_LINK.findall(text)
    wrong = [(name, file) for name, file in links
             if name not in CATALOG.operations or CATALOG.operations[name].path.name != file]
    assert wrong == []
    assert sorted(set(CATALOG.operations) - {name for name, _ in links}) == []
