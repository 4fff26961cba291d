"""The README and docs/ stand on their own for someone who has only the repository: no path
outside it, and every file, folder and heading they point to exists."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")
CODE = re.compile(r"`([^`\s]+)`")


def tracked_top_level() -> set[str]:
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return {line.split("/", 1)[0] for line in files.splitlines()}


def slug(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_no_reference_leaves_the_repository(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    assert "../" not in text, [line for line in text.splitlines() if "../" in line]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_link_points_at_a_file_or_heading_that_exists(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    anchors = {slug(line.lstrip("#")) for line in text.splitlines() if line.startswith("#")}
    broken = []
    for target in LINK.findall(text):
        if target.startswith(("http://", "https://", "mailto:")):
            continue
        if target.startswith("#"):
            if target[1:] not in anchors:
                broken.append(target)
        elif not (page.parent / target.split("#", 1)[0]).exists():
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_repository_path_named_exists(page: Path) -> None:
    """`docs/ERRORS.md`, `tests/edge/test_tenant_isolation.py`, `frontend-check/run.sh`…: a
    path starting with one of the repository's own top-level entries must be there."""
    top = tracked_top_level()
    missing = []
    for token in CODE.findall(page.read_text(encoding="utf-8")):
        path = token.split("::", 1)[0].rstrip(".,:;")  # a test's node ID names its file
        if "/" not in path or path.split("/", 1)[0] not in top or any(c in path for c in "…<>*{}"):
            continue
        module = path.rsplit(".", 1)[0] + ".py"  # resolvers/checks.text: a module's function
        if not (ROOT / path).exists() and not (ROOT / module).exists():
            missing.append(path)
    assert missing == []
