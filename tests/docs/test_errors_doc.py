"""docs/ERRORS.md is generated from the error codes (server/errors_doc/): it is current, every
business code has its guidance, and every request code the code base raises is documented."""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from server.errors_doc import DOC_PATH, guidance_problems, render
from server.errors_doc.business import GUIDE
from server.errors_doc.requests import REQUEST_GUIDE

ROOT = Path(__file__).resolve().parents[2]
UPPER_SNAKE = re.compile(r"^[A-Z][A-Z0-9_]{3,}$")


def source_packages() -> list[Path]:
    """The project's packages, as pyproject.toml lists them for the build."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = config["tool"]["setuptools"]["packages"]["find"]["include"]
    return sorted(path for path in ROOT.iterdir() if (path / "__init__.py").exists()
                  and any(path.name == pattern.rstrip("*") for pattern in patterns))


def raised_codes(files: list[Path]) -> set[str]:
    """Codes given to GraphQL errors: ``code="X"`` arguments, ``{"code": "X"}`` extensions,
    ``code = "X"`` (class defaults and local choices, constants inside the value included),
    ``…Refused(status, "X", …)`` and ("message text", "X") tables."""
    found: set[str] = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):
                values += [k.value for k in node.keywords if k.arg == "code"]
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name.endswith("Refused"):
                    values += node.args
            elif isinstance(node, ast.Dict):
                values += [v for k, v in zip(node.keys, node.values)
                           if isinstance(k, ast.Constant) and k.value == "code"]
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "code"
                                                      for t in node.targets):
                values += [n for n in ast.walk(node.value) if isinstance(n, ast.expr)]
            elif isinstance(node, ast.Tuple) and len(node.elts) == 2:
                text, code = node.elts
                if isinstance(text, ast.Constant) and isinstance(text.value, str) \
                        and not UPPER_SNAKE.match(text.value):
                    values.append(code)
            found |= {v.value for v in values if isinstance(v, ast.Constant) and isinstance(v.value, str)
                      and UPPER_SNAKE.match(v.value)}
    return found


def project_files() -> list[Path]:
    return [path for package in source_packages() for path in package.rglob("*.py")]


def test_errors_doc_is_current() -> None:
    assert DOC_PATH.read_text(encoding="utf-8") == render(), "run `make errors-doc` and commit docs/ERRORS.md"


def test_every_business_code_has_guidance() -> None:
    assert guidance_problems() == []
    assert [code for code, (when, do) in GUIDE.items() if not when.strip() or not do.strip()] == []


def test_every_request_code_raised_has_guidance_and_none_is_stale() -> None:
    raised = raised_codes(project_files())
    assert {"UNAUTHENTICATED", "MODULE_FORBIDDEN", "QUERY_TOO_DEEP", "GRAPHQL_VALIDATION_FAILED",
            "PERSISTED_QUERY_NOT_FOUND", "REQUEST_TOO_LARGE"} <= raised  # the finder finds each form
    assert sorted(raised - set(REQUEST_GUIDE)) == [], "add guidance to server/errors_doc/requests.py"
    assert sorted(set(REQUEST_GUIDE) - raised) == []
    assert [code for code, entry in REQUEST_GUIDE.items() if not all(entry)] == []


def test_a_new_request_code_without_guidance_is_found(tmp_path: Path) -> None:
    module = tmp_path / "edge.py"
    module.write_text('def refuse():\n    raise RequestRefused(400, "SUBSCRIPTION_OVER_HTTP", "订阅请使用 WebSocket")\n'
                      'def other():\n    raise ClientError("格式不对", code="BAD_THING")\n'
                      'ERROR = {"message": "x", "extensions": {"code": "ODD_ONE"}}\n')
    assert raised_codes([module]) - set(REQUEST_GUIDE) == {"SUBSCRIPTION_OVER_HTTP", "BAD_THING", "ODD_ONE"}
