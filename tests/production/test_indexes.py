"""Every list of the API reads its page and its total through indexes (issue 9).

Over a production-sized data set (tests/support/seed.py: 3 institutions sharing 30k learners, 60k
learner achievements, 15k achievements, 6k rules with 9k sources and 9k targets, 20k applications,
1k batches, 20k messages, 20k audit rows, 3k import records), after VACUUM and ANALYZE, each list
is requested through the real GraphQL API the way an institution's main account, a learner or the
public portal opens it: its default query (first page, newest first) and the manual's filters.
Every SELECT the request sends is recorded and EXPLAINed, with the planner left to its own choices
(``enable_seqscan`` stays on). No plan may read a large table with a sequential scan, and no page
may be cut by sorting more than SORT_LIMIT matches (it should be read in index order).

A case that ``tolerate``s a table says why no index beats a scan of it over
this data (each institution holds a third of every table here).

PostgreSQL only: the planner and its statistics are the subject; CI's PostgreSQL pass runs it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import pytest
import pytest_asyncio
from tortoise import Tortoise
from tortoise.backends.asyncpg.client import AsyncpgDBClient

from models.conversion import ConversionRule, PublishStatus, RuleSource
from resolvers.ids import encode_id
from server.demo import seed as seed_demo
from server.security import Passwords
from tests.support.db import backend, empty_all_tables
from tests.support.flows import CSUST, login
from tests.support.seed import (
    LEARNER_ID_NUMBER,
    LEARNER_PASSWORD,
    Seeded,
    entry_year_of_data,
    seed_volume,
)

pytestmark = pytest.mark.skipif(
    backend() != "postgres",
    reason="query plans are PostgreSQL's: run with TEST_DATABASE=postgres (CI's PostgreSQL pass)",
)

# Tables that grow with use. A sequential scan of any of them in a list's query is a failure;
# reference lists, accounts, institutions and other small tables may be scanned.
LARGE = {
    "learner", "learner_achievement", "achievement", "conversion_rule", "rule_source", "rule_target",
    "conversion_application", "message", "audit_log", "import_job",
}
# A page may be sorted from at most this many (estimated) matches; more means a missing index order.
SORT_LIMIT = 1000
ADMIN = CSUST
LEARNER = (LEARNER_ID_NUMBER, LEARNER_PASSWORD)
PUBLIC = None


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def volume(migrated_database: str) -> Any:
    """The data set, seeded once for the module and emptied after it."""
    passwords = Passwords(1, 1024)
    started = time.perf_counter()
    await seed_demo(passwords)
    seeded = await seed_volume(passwords)
    connection = Tortoise.get_connection("default")
    # What autovacuum does in production: the visibility map (index-only scans) and statistics, here
    # from every row: a sample would let borderline plans differ from run to run.
    for table in sorted(LARGE | {"feedback", "application_batch", "rule_version", "account", "institution"}):
        await connection.execute_script(f'VACUUM "{table}"')
        await connection.execute_script(
            f'SET default_statistics_target = 1000; ANALYZE "{table}"; RESET default_statistics_target')
    print(f"\nseeded and analysed in {time.perf_counter() - started:.1f}s")
    yield seeded
    await empty_all_tables()


@pytest_asyncio.fixture
async def clean_database() -> Any:
    """Overrides the suite's per-test emptying: the module's cases share one data set, which
    the ``volume`` fixture empties when the module ends."""
    yield


@dataclass(frozen=True)
class Statement:
    sql: str
    params: list[Any]


@contextmanager
def recorded(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Statement]]:
    """Every query the app sends through Tortoise's asyncpg client (only recorded: each still runs
    as it would)."""
    statements: list[Statement] = []
    for name in ("execute_query", "execute_query_dict"):
        original = getattr(AsyncpgDBClient, name)

        def wrapper(self: Any, query: str, values: list | None = None, *, _original: Any = original) -> Any:
            statements.append(Statement(query, list(values or [])))
            return _original(self, query, values)

        monkeypatch.setattr(AsyncpgDBClient, name, wrapper)
    try:
        yield statements
    finally:
        monkeypatch.undo()


async def explain(statement: Statement) -> dict[str, Any]:
    connection = Tortoise.get_connection("default")
    rows = await connection.execute_query_dict(f"EXPLAIN (FORMAT JSON) {statement.sql}", statement.params)
    plan = rows[0]["QUERY PLAN"]
    return (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]


def nodes(plan: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield plan
    for child in plan.get("Plans", []):
        yield from nodes(child)


def outline(plan: dict[str, Any], depth: int = 0) -> list[str]:
    """The plan's top nodes and every scan below them, one a line: node type, table, index."""
    text = plan["Node Type"]
    if plan.get("Scan Direction") == "Backward":
        text += " Backward"
    if "Index Name" in plan:
        text += f" using {plan['Index Name']}"
    if "Relation Name" in plan:
        text += f" on {plan['Relation Name']}"
    shown = depth < 2 or "Relation Name" in plan or "Index Name" in plan
    lines = ["  " * depth + text] if shown else []
    for child in plan.get("Plans", []):
        lines += outline(child, depth + 1)
    return lines


def sequential_scans(plan: dict[str, Any]) -> list[str]:
    return sorted({node["Relation Name"] for node in nodes(plan)
                   if node["Node Type"] == "Seq Scan" and node.get("Relation Name") in LARGE})


def full_sorts(plan: dict[str, Any]) -> list[str]:
    """Sorts of many rows under a LIMIT: the page was cut from every match, not read in index order."""
    if plan["Node Type"] != "Limit":
        return []
    return [f"Sort of ~{node['Plan Rows']} rows" for node in nodes(plan)
            if node["Node Type"] == "Sort" and node["Plan Rows"] > SORT_LIMIT]


@dataclass(frozen=True)
class Case:
    id: str
    query: str
    variables: dict[str, Any] | None = None
    who: tuple[str, str] | None = ADMIN
    # Large tables this case may scan, and why no index can do better over the seeded data.
    tolerate: tuple[str, ...] = ()
    why: str = ""


ACHIEVEMENTS = """query($filter: AchievementFilter) { achievements(filter: $filter, first: 20) { totalCount
  nodes { id name category subtype recognitionStatus learnerCount relatedRuleCount } } }"""
LEARNERS = """query($filter: LearnerFilter) { learners(filter: $filter, first: 20) { totalCount
  nodes { id name maskedIdNumber maskedPhone status enteredAt } } }"""
RECORDS = """query($filter: LearnerAchievementFilter) { learnerAchievements(filter: $filter, first: 20) {
  totalCount nodes { id achievementName category subtype source enteredAt
  learner { name maskedIdNumber maskedPhone } } } }"""
FEEDBACKS = """query($filter: FeedbackFilter) { feedbacks(filter: $filter, first: 20) { totalCount
  nodes { id content status reportedAt handledAt learner { name } learnerAchievement { achievementName } } } }"""
METHODS = """query($filter: ConversionMethodFilter) { conversionMethods(filter: $filter, first: 20) {
  totalCount nodes { id name status publishedAt uploadedAt } } }"""
RULE_FIELDS = "totalCount nodes { id code ruleType status createdAt inForce institution { name } }"
APPLICATION_FIELDS = "totalCount nodes { id kind ruleCode learnerName maskedIdNumber status appliedAt decidedAt }"
IMPORT_FIELDS = "totalCount nodes { id kind status operatorName createdAt importedCount rejectedCount }"


def listing(field: str, arguments: str, fields: str, variables: str = "") -> str:
    head = f"query({variables})" if variables else "query"
    return head + " { " + field + "(" + arguments + "first: 20) { " + fields + " } }"


MY_RULES = listing("myConversionRules", "filter: $filter, ", RULE_FIELDS, "$filter: ConversionRuleFilter")
RELATED_RULES = listing("relatedConversionRules", "filter: $filter, ", RULE_FIELDS, "$filter: ConversionRuleFilter")
PORTAL_RULES = listing("portalConversionRules", "filter: $filter, ", RULE_FIELDS, "$filter: PortalRuleFilter")
MATCH_FIELDS = ("totalCount nodes { fullyMet canApply alreadyApplied rule { id code ruleType institution { name } } "
                "sources { held records { id } } missingSources { achievement { name } } }")
MATCHING = listing("myMatchingRules", "filter: $filter, ", MATCH_FIELDS, "$filter: RuleMatchFilter")
PARTLY_MATCHING = listing("myPartlyMatchingRules", "filter: $filter, ", MATCH_FIELDS, "$filter: RuleMatchFilter")
PORTAL_METHODS = """query($institutionId: ID) { portalConversionMethods(institutionId: $institutionId, first: 20) {
  totalCount nodes { id name publishedAt institution { name } } } }"""
RECEIVED = listing("receivedApplications", "filter: $filter, ", APPLICATION_FIELDS, "$filter: ApplicationFilter")
INITIATED = listing("initiatedApplications", "filter: $filter, ", APPLICATION_FIELDS, "$filter: ApplicationFilter")
BATCHES = """query($received: Boolean!, $ruleCode: String, $year: Int, $initiatorName: String) {
  applicationBatches(received: $received, ruleCode: $ruleCode, year: $year, initiatorName: $initiatorName, first: 20) {
  totalCount nodes { id name learnerCount pendingCount createdAt initiator { name } target { name } rule { code } } } }"""
ELIGIBLE = """query($ruleId: ID!) { eligibleLearnerAchievements(ruleId: $ruleId, first: 20) {
  totalCount nodes { id achievementName learner { name maskedIdNumber } } } }"""
MY_APPLICATIONS = listing("myApplications", "", APPLICATION_FIELDS)
MY_ACHIEVEMENTS = """query { myAchievements(first: 20) { totalCount
  nodes { id achievementName category issuedOn institution { name } } } }"""
MESSAGES = """query($filter: MessageFilter) { messages(filter: $filter, first: 20) {
  totalCount nodes { id kind title createdAt read module objectId } } }"""
UNREAD = "query { unreadMessageCount }"
ACHIEVEMENT_IMPORTS = listing("achievementImports", "", IMPORT_FIELDS)
LEARNER_IMPORTS = listing("learnerImports", "", IMPORT_FIELDS)
RECORD_IMPORTS = listing("learnerAchievementImports", "achievementId: $achievementId, ", IMPORT_FIELDS,
                         "$achievementId: ID")


# Why some seeded lists may read a large table whole (see the module's docstring).
THIRD = ("the seeded institutions each hold a third of the rules, so this reads about a third of rule_source "
         "and conversion_rule: a hash join over whole-table scans is the cheaper plan at that share")
SUBSTRING_JOIN = ("a name substring matches ~1/30 of all achievements (every institution's); joining their "
                  "rule links reads the small link table whole, which the planner rightly prefers")
IN_FORCE = "the portal counts every in-force published rule, 70% of the table: a scan is the cheapest count"
YEAR = entry_year_of_data()
# What a user types: part of an achievement's name, a learner's full name, a rule code's month.
SUBJECT, PERSON, CODE, ID_PREFIX = "经济统计", "周伟艳", f"{YEAR}03", "4300000000000012"


def f(**values: Any) -> dict[str, Any]:
    return {"filter": values}


CASES = [
    # F4.1 institution achievements
    Case("achievements", ACHIEVEMENTS),
    Case("achievements-name", ACHIEVEMENTS, f(name=SUBJECT)),
    Case("achievements-category", ACHIEVEMENTS, f(category="DEGREE")),
    Case("achievements-subtype", ACHIEVEMENTS, f(subtype="VOCATIONAL_COURSE")),
    Case("achievements-recognition", ACHIEVEMENTS, f(recognitionStatus="RECOGNIZED")),
    # F4.9 / F5.3 / F6.4 import records
    Case("achievementImports", ACHIEVEMENT_IMPORTS),
    Case("learnerImports", LEARNER_IMPORTS),
    Case("learnerAchievementImports", RECORD_IMPORTS),
    Case("learnerAchievementImports-achievement", RECORD_IMPORTS, {"achievementId": "@achievement"}),
    # F6.1 learners
    Case("learners", LEARNERS),
    Case("learners-entryYear", LEARNERS, f(entryYear=YEAR)),
    Case("learners-name", LEARNERS, f(name=PERSON)),
    Case("learners-idNumber", LEARNERS, f(idNumber=ID_PREFIX)),
    Case("learners-status", LEARNERS, f(status="ACTIVE")),
    # F5.1 learner achievements
    Case("learnerAchievements", RECORDS),
    Case("learnerAchievements-entryYear", RECORDS, f(entryYear=YEAR)),
    Case("learnerAchievements-name", RECORDS, f(name=SUBJECT)),
    Case("learnerAchievements-category", RECORDS, f(category="NON_DEGREE")),
    Case("learnerAchievements-subtype", RECORDS, f(subtype="X_CERTIFICATE")),
    Case("learnerAchievements-learnerName", RECORDS, f(learnerName=PERSON)),
    Case("learnerAchievements-idNumber", RECORDS, f(idNumber=ID_PREFIX)),
    Case("learnerAchievements-achievement", RECORDS, f(achievementId="@achievement")),
    Case("learnerAchievements-learner", RECORDS, f(learnerId="@learner")),
    # F15 the learner's own
    Case("myAchievements", MY_ACHIEVEMENTS, who=LEARNER),
    Case("myApplications", MY_APPLICATIONS, who=LEARNER),
    # F7.2 feedback
    Case("feedbacks", FEEDBACKS),
    Case("feedbacks-range", FEEDBACKS, f(startDate=f"{YEAR}-01-01", endDate=f"{YEAR}-06-30")),
    Case("feedbacks-status", FEEDBACKS, f(status="UNRESOLVED")),
    Case("feedbacks-learner", FEEDBACKS, who=LEARNER),
    # F8.1 / F8.5 conversion methods
    Case("conversionMethods", METHODS),
    Case("conversionMethods-status", METHODS, f(status="PUBLISHED")),
    Case("portalConversionMethods", PORTAL_METHODS, who=PUBLIC),
    Case("portalConversionMethods-institution", PORTAL_METHODS, {"institutionId": "@institution"}, who=PUBLIC),
    # F9.1 rules: mine, and related to me
    Case("myConversionRules", MY_RULES),
    Case("myConversionRules-code", MY_RULES, f(code=CODE)),
    Case("myConversionRules-ruleType", MY_RULES, f(ruleType="DEGREE_TO_DEGREE")),
    Case("myConversionRules-status", MY_RULES, f(status="TAKEN_DOWN")),
    Case("myConversionRules-sourceName", MY_RULES, f(sourceName=SUBJECT),
         tolerate=("rule_source",), why=SUBSTRING_JOIN),
    Case("myConversionRules-targetName", MY_RULES, f(targetName=SUBJECT),
         tolerate=("rule_target",), why=SUBSTRING_JOIN),
    Case("relatedConversionRules", RELATED_RULES,
         tolerate=("achievement", "rule_source", "conversion_rule"), why=THIRD),
    Case("relatedConversionRules-code", RELATED_RULES, f(code=CODE)),
    Case("relatedConversionRules-ruleType", RELATED_RULES, f(ruleType="DEGREE_TO_DEGREE"),
         tolerate=("achievement", "rule_source", "conversion_rule"), why=THIRD),
    Case("relatedConversionRules-institutionName", RELATED_RULES, f(institutionName="湖南大学")),
    Case("relatedConversionRules-sourceName", RELATED_RULES, f(sourceName=SUBJECT),
         tolerate=("rule_source",), why=SUBSTRING_JOIN),
    # F17 the public portal
    Case("portalConversionRules", PORTAL_RULES, who=PUBLIC,
         tolerate=("conversion_rule",), why=IN_FORCE),
    Case("portalConversionRules-institution", PORTAL_RULES, f(institutionId="@institution"), who=PUBLIC),
    Case("portalConversionRules-ruleType", PORTAL_RULES, f(ruleType="DEGREE_TO_DEGREE"), who=PUBLIC,
         tolerate=("conversion_rule",), why=IN_FORCE),
    Case("portalConversionRules-code", PORTAL_RULES, f(code=CODE), who=PUBLIC),
    Case("portalConversionRules-sourceName", PORTAL_RULES, f(sourceName=SUBJECT), who=PUBLIC, tolerate=("rule_source",), why=SUBSTRING_JOIN),
    Case("portalConversionRules-sourceAchievement", PORTAL_RULES, f(sourceAchievementId="@source"), who=PUBLIC),
    # B10 the rules a learner's achievements meet, fully or in part
    Case("myMatchingRules", MATCHING, who=LEARNER),
    Case("myMatchingRules-ruleType", MATCHING, f(ruleType="DEGREE_TO_DEGREE"), who=LEARNER),
    Case("myMatchingRules-institution", MATCHING, f(institutionId="@institution"), who=LEARNER),
    Case("myMatchingRules-targetName", MATCHING, f(targetName=SUBJECT), who=LEARNER),
    Case("myPartlyMatchingRules", PARTLY_MATCHING, who=LEARNER),
    # F10 / F11 applications and batches
    Case("receivedApplications", RECEIVED),
    Case("receivedApplications-personal", RECEIVED, f(kind="PERSONAL")),
    Case("receivedApplications-pending", RECEIVED, f(kind="PERSONAL", status="PENDING")),
    Case("receivedApplications-year", RECEIVED, f(year=YEAR)),
    Case("receivedApplications-ruleCode", RECEIVED, f(ruleCode=CODE)),
    Case("receivedApplications-learnerName", RECEIVED, f(learnerName=PERSON)),
    Case("receivedApplications-idNumber", RECEIVED, f(idNumber=ID_PREFIX)),
    Case("receivedApplications-batch", RECEIVED, f(batchId="@batch")),
    Case("initiatedApplications", INITIATED),
    Case("initiatedApplications-status", INITIATED, f(status="PASSED")),
    Case("initiatedApplications-year", INITIATED, f(year=YEAR)),
    Case("initiatedApplications-idNumber", INITIATED, f(idNumber=ID_PREFIX)),
    Case("applicationBatches", BATCHES, {"received": True}),
    Case("applicationBatches-initiated", BATCHES, {"received": False}),
    Case("applicationBatches-ruleCode", BATCHES, {"received": True, "ruleCode": CODE}),
    Case("applicationBatches-year", BATCHES, {"received": True, "year": YEAR}),
    Case("eligibleLearnerAchievements", ELIGIBLE, {"ruleId": "@related_rule"}),
    # F12 messages
    Case("messages", MESSAGES),
    Case("messages-unread", MESSAGES, f(read=False)),
    Case("messages-kind", MESSAGES, f(kind="APPLICATION_RECEIVED")),
    Case("messages-learner", MESSAGES, who=LEARNER),
    Case("unreadMessageCount", UNREAD),
]


async def resolve(value: Any, seeded: Seeded) -> Any:
    """Fill in ``@name`` placeholders with ids of the seeded rows."""
    if isinstance(value, dict):
        return {k: await resolve(v, seeded) for k, v in value.items()}
    if not isinstance(value, str) or not value.startswith("@"):
        return value
    mine = seeded.institutions[0]
    from models.application import ApplicationBatch
    from models.learner import Learner

    if value == "@achievement":
        return encode_id("Achievement", seeded.achievement_ids[mine][len(seeded.achievement_ids[mine]) // 2])
    if value == "@learner":
        learner = await Learner.filter(institution_id=mine).order_by("id").offset(5000).first()
        return encode_id("Learner", learner.id)  # type: ignore[union-attr]
    if value == "@institution":
        return encode_id("Institution", mine)
    if value == "@batch":
        batch = await ApplicationBatch.filter(target_id=mine).order_by("-id").first()
        return encode_id("ApplicationBatch", batch.id)  # type: ignore[union-attr]
    if value == "@source":  # an achievement of a published rule's sources
        source: Any = await RuleSource.filter(rule__status=PublishStatus.PUBLISHED).order_by("-id").limit(1).values_list(
            "achievement_id", flat=True)
        return encode_id("Achievement", source[0])
    if value == "@related_rule":
        rule_id: Any = await RuleSource.filter(
            achievement__institution_id=mine, rule__status=PublishStatus.PUBLISHED, rule__deleted_at__isnull=True,
            rule__valid_to__isnull=True,
        ).order_by("-rule_id").limit(1).values_list("rule_id", flat=True)
        rule_id = rule_id[0]
        assert await ConversionRule.exists(id=rule_id)
        return encode_id("ConversionRule", rule_id)  # type: ignore[arg-type]
    raise AssertionError(value)


def _params(case: Case) -> Any:
    return pytest.param(case, id=case.id)


@pytest.mark.parametrize("case", [_params(case) for case in CASES])
async def test_issue_9_list_reads_no_large_table_sequentially(
    case: Case, volume: Seeded, api: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = await login(api, *case.who) if case.who else None
    variables = await resolve(case.variables or {}, volume)
    with recorded(monkeypatch) as statements:
        result = await api(case.query, variables, token=token)
    assert not result.errors, result.errors
    selects = [s for s in statements if s.sql.lstrip().upper().startswith("SELECT")]
    assert selects, "the request sent no SELECT"
    report, scanned = [], []
    for statement in selects:
        plan = await explain(statement)
        found = [table for table in sequential_scans(plan) if table not in case.tolerate]
        found += full_sorts(plan)
        scanned += found
        role = "count" if "COUNT(" in statement.sql else "page" if "ORDER BY" in statement.sql else "other"
        report.append(f"FAIL {role} {found} {statement.sql} -- {statement.params}" if found
                      else f"ok {role} " + statement.sql[:140].replace("\n", " "))
        report += ["    " + line for line in outline(plan)]
    if case.tolerate:
        report.append(f"tolerated: sequential scans of {', '.join(case.tolerate)}: {case.why}")
    print(f"\n[{case.id}]\n" + "\n".join(report))
    assert not scanned, f"sequential scan or full sort: {sorted(set(scanned))}:\n" + "\n".join(report)
