"""The TypeScript check of the front-end kit: GraphQL Codegen types docs/operations against the
schema and tsc compiles the typed client (frontend-check/run.sh), as CI runs it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.edge import node_tools

CHECK = Path(__file__).resolve().parents[2] / "frontend-check"

pytestmark = pytest.mark.skipif(node_tools() is None, reason="the front-end check needs node and npm on PATH")


def run(*command: str, cwd: Path = CHECK) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=600, check=False)


def test_codegen_types_every_operation_and_the_typed_client_compiles() -> None:
    done = run("./run.sh")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "frontend check passed" in done.stdout
    operations = (CHECK / "src" / "generated" / "operations.ts").read_text(encoding="utf-8")
    assert "data: Types.LoginMutation;" in operations and "data: Types.OnProgressSubscription;" in operations


def test_the_compiler_refuses_a_client_that_misuses_an_operation(tmp_path: Path) -> None:
    """The check can fail: a screen reading a field its operation does not select, or sending a
    variable of the wrong type, does not compile."""
    if not (CHECK / "src" / "generated" / "operations.ts").exists():
        assert run("./run.sh").returncode == 0
    generated = (CHECK / "src" / "generated").as_posix()
    (tmp_path / "screen.ts").write_text(
        f'import type {{ Operations }} from "{generated}/operations.js";\n'
        'export const total = (data: Operations["Achievements"]["data"]) => data.achievements.totalCount;\n'
        'export const wrong = (data: Operations["Achievements"]["data"]) => data.achievements.nodes[0]?.idNumber;\n'
        'export const page: Operations["Achievements"]["variables"] = { first: "ten" };\n', encoding="utf-8")
    (tmp_path / "tsconfig.json").write_text(json.dumps({
        "extends": (CHECK / "tsconfig.json").as_posix(), "include": [(tmp_path / "screen.ts").as_posix()]}))
    done = run((CHECK / "node_modules" / ".bin" / "tsc").as_posix(), "--noEmit", "-p", "tsconfig.json",
               cwd=tmp_path)
    assert done.returncode != 0
    errors = [line for line in done.stdout.splitlines() if "error TS" in line]
    assert len(errors) == 2 and "idNumber" in errors[0] and "string" in errors[1], done.stdout
