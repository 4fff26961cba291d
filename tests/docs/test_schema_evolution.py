"""Schema evolution front ends can trust (server/schema_evolution.py): the committed schema
against the released one, and the rules on small schemas — a breaking change passes only after
a dated deprecation kept DEPRECATION_DAYS, and the changelog lists every difference."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from server import schema_evolution
from server.schema_evolution import DEPRECATION_DAYS, ROOT, check, release

DEPRECATED_ON = date(2026, 1, 5)
LONG_AFTER = DEPRECATED_ON + timedelta(days=DEPRECATION_DAYS)
TOO_SOON = LONG_AFTER - timedelta(days=1)

RELEASED = '''
type Query {
  rules(status: Status, legacyOrder: Boolean @deprecated(reason: "不再使用；2026-01-05 起弃用")): [Rule!]!
  rule(id: ID!): Rule
  oldRules: [OldRule!]! @deprecated(reason: "请改用 rules；2026-01-05 起弃用")
  count: Int
}
type Rule { id: ID! code: String! credits: String @deprecated(reason: "请改用 creditValue；2026-01-05 起弃用") }
type OldRule { id: ID! }
enum Status { DRAFT PUBLISHED LEGACY @deprecated(reason: "2026-01-05 起弃用") }
'''


def files(tmp_path: Path, current: str, changelog: str = "## Unreleased\n", *,
          released: str = RELEASED) -> dict[str, Path]:
    paths = {"released_path": tmp_path / "released.graphql", "current_path": tmp_path / "schema.graphql",
             "changelog_path": tmp_path / "CHANGELOG.md"}
    paths["released_path"].write_text(released, encoding="utf-8")
    paths["current_path"].write_text(current, encoding="utf-8")
    paths["changelog_path"].write_text(f"# Changes\n\n{changelog}\n\n## 2026-01-01\n\n- First release.\n",
                                       encoding="utf-8")
    return paths


def changed(**replacements: str) -> str:
    current = RELEASED
    for old, new in replacements.items():
        assert old in current, old
        current = current.replace(old, new)
    return current


def test_the_committed_schema_passes_against_the_released_one() -> None:
    """The CI check: schema/schema.graphql against schema/released.graphql, dated deprecations,
    docs/SCHEMA_CHANGELOG.md listing every difference (make check-schema says the same)."""
    assert check() == []


def test_check_schema_command_answers_zero_on_the_repository() -> None:
    done = subprocess.run([sys.executable, "-m", "server", "check-schema"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr


def test_an_unchanged_schema_has_nothing_to_list(tmp_path: Path) -> None:
    assert check(TOO_SOON, **files(tmp_path, RELEASED)) == []


def test_ending_a_deprecation_is_a_change(tmp_path: Path) -> None:
    current = changed(**{"LEGACY @deprecated(reason: \"2026-01-05 起弃用\")": "LEGACY"})
    assert check(TOO_SOON, **files(tmp_path, current)) == [
        'CHANGELOG.md does not list, under "## Unreleased": - Changed `Status.LEGACY`  (no longer deprecated)']


@pytest.mark.parametrize("current, coordinate", [
    (changed(**{"  count: Int\n": ""}), "Query.count"),
    (changed(**{"code: String!": "code: Int!"}), "Rule.code"),
    (changed(**{"enum Status { DRAFT PUBLISHED": "enum Status { DRAFT"}), "Status.PUBLISHED"),
    (changed(**{"rule(id: ID!)": "rule"}), "Query.rule(id:)"),
])
def test_removing_or_retyping_what_was_not_deprecated_is_refused(tmp_path: Path, current: str,
                                                                 coordinate: str) -> None:
    problems = check(LONG_AFTER, **files(tmp_path, current, f"## Unreleased\n\n- Removed `{coordinate}`\n"
                                                            f"- Changed `{coordinate}`"))
    assert len(problems) == 1, problems
    assert problems[0].startswith("breaking:") and coordinate in problems[0]
    assert "was not deprecated in the released schema" in problems[0]


@pytest.mark.parametrize("current, listed", [
    (changed(**{"  oldRules: [OldRule!]! @deprecated(reason: \"请改用 rules；2026-01-05 起弃用\")\n": "",
                "type OldRule { id: ID! }\n": ""}), ["Removed `Query.oldRules`", "Removed `OldRule`"]),
    (changed(**{"credits: String @deprecated": "credits: Float @deprecated"}), ["Changed `Rule.credits`"]),
    (changed(**{" LEGACY @deprecated(reason: \"2026-01-05 起弃用\")": ""}), ["Removed `Status.LEGACY`"]),
    (changed(**{", legacyOrder: Boolean @deprecated(reason: \"不再使用；2026-01-05 起弃用\")": ""}),
     ["Removed `Query.rules(legacyOrder:)`"]),
])
def test_what_was_deprecated_long_enough_ago_may_go(tmp_path: Path, current: str, listed: list[str]) -> None:
    changelog = "## Unreleased\n\n" + "\n".join(f"- {line}" for line in listed)
    assert check(LONG_AFTER, **files(tmp_path, current, changelog)) == []
    refused = check(TOO_SOON, **files(tmp_path, current, changelog))
    assert refused and all(f"it must stay until {LONG_AFTER}" in p for p in refused), refused


def test_a_type_goes_only_when_every_use_of_it_was_deprecated(tmp_path: Path) -> None:
    """OldRule's one use, Query.oldRules, was deprecated long ago: both may go (above). Rule is
    held by Query.rules and Query.rule, never deprecated: it may not."""
    gone = changed(**{"type Rule { id: ID! code: String! credits: String "
                      "@deprecated(reason: \"请改用 creditValue；2026-01-05 起弃用\") }\n": "",
                      "): [Rule!]!": "): [OldRule!]!", "rule(id: ID!): Rule": "rule(id: ID!): OldRule"})
    problems = check(LONG_AFTER, **files(tmp_path, gone))
    assert any(p.startswith("breaking: Rule was removed. Refused: Query.rule") and "it was not deprecated" in p
               for p in problems), problems


def test_an_undated_deprecation_is_refused_and_cannot_announce_a_removal(tmp_path: Path) -> None:
    released = changed(**{"  count: Int\n": "  count: Int\n  undated: Int @deprecated(reason: \"请改用 count\")\n"})
    problems = check(LONG_AFTER, **files(tmp_path, RELEASED, "## Unreleased\n\n- Removed `Query.undated`",
                                         released=released))
    assert problems == [("breaking: Field Query.undated was removed. Refused: its deprecation gives no date "
                        "(… YYYY-MM-DD 起弃用).")]
    undated = check(LONG_AFTER, **files(tmp_path, released, released=released))
    assert undated == [(f'deprecation of Query.undated gives no date: end its reason with "{LONG_AFTER} 起弃用" '
                       "(the day it was deprecated)")]


def test_a_new_required_argument_is_never_allowed(tmp_path: Path) -> None:
    current = changed(**{"count: Int": "count(year: Int!): Int"})
    problems = check(LONG_AFTER, **files(tmp_path, current, "## Unreleased\n\n- Added `Query.count(year:)`"))
    assert problems == [("breaking: A required argument Query.count(year:) was added. Refused: no deprecation "
                        "can announce it: add a new element instead.")]


def test_the_changelog_must_list_each_addition_deprecation_and_change(tmp_path: Path) -> None:
    current = changed(**{
        "type OldRule { id: ID! }": "type OldRule { id: ID! }\ntype Batch { id: ID! size: Int! }",
        "  count: Int\n": "  count: Int @deprecated(reason: \"请改用 total；2026-01-05 起弃用\")\n"
                          "  total: Int\n  batch(id: ID!): Batch\n",
        "enum Status { DRAFT PUBLISHED": "enum Status { DRAFT PUBLISHED TAKEN_DOWN",
        "rules(status: Status,": "rules(status: Status = PUBLISHED,",
    })
    problems = check(DEPRECATED_ON, **files(tmp_path, current))
    missing = [p.split(": ", 1)[1] for p in problems]
    assert missing == [
        "- Added `Batch`", "- Added `Query.batch`", "- Added `Query.total`", "- Added `Status.TAKEN_DOWN`",
        "- Deprecated `Query.count`  (请改用 total；2026-01-05 起弃用)",
        "- Changed `Query.rules(status:)`  (Status → Status = PUBLISHED)",
    ]
    listed = ("## Unreleased\n\n- Added `Batch` and `Query.batch` to read a batch\n- Added `Query.total`, "
              "`Status.TAKEN_DOWN`\n- Deprecated `Query.count`: use total\n- Changed `Query.rules(status:)` "
              "defaults to PUBLISHED")
    assert check(DEPRECATED_ON, **files(tmp_path, current, listed)) == []


def test_release_dates_the_entries_and_makes_the_current_schema_the_released_one(tmp_path: Path) -> None:
    current = changed(**{"  count: Int\n": "  count: Int\n  total: Int\n"})
    paths = files(tmp_path, current, "## Unreleased\n\n- Added `Query.total`")
    assert release(TOO_SOON, **paths).startswith(f"released the schema of {TOO_SOON}")
    assert paths["released_path"].read_text(encoding="utf-8") == current
    assert paths["changelog_path"].read_text(encoding="utf-8") == (
        f"# Changes\n\n## Unreleased\n\n(nothing yet)\n\n## {TOO_SOON}\n\n- Added `Query.total`\n\n"
        "## 2026-01-01\n\n- First release.\n")
    assert release(TOO_SOON, **paths) == "nothing to release: the schema is the released one"


def test_release_is_refused_while_the_check_fails_and_changes_nothing(tmp_path: Path) -> None:
    paths = files(tmp_path, changed(**{"  count: Int\n": ""}), "## Unreleased\n\n- Removed `Query.count`")
    before = {name: path.read_text(encoding="utf-8") for name, path in paths.items()}
    with pytest.raises(ValueError, match="Query.count was removed"):
        release(LONG_AFTER, **paths)
    assert {name: path.read_text(encoding="utf-8") for name, path in paths.items()} == before


def test_the_first_release_creates_the_released_schema(tmp_path: Path) -> None:
    paths = files(tmp_path, RELEASED, "## Unreleased\n\n- First release.")
    paths["released_path"].unlink()
    assert schema_evolution.check(TOO_SOON, **paths)[-1].startswith("released.graphql is missing")
    release(TOO_SOON, **paths)
    assert paths["released_path"].read_text(encoding="utf-8") == paths["current_path"].read_text(encoding="utf-8")
    assert check(TOO_SOON, **paths) == []
