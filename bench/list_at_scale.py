"""Time the manual's list queries through GraphQL against the national-scale database made by
bench/seed_national.py (issue 9).

    .venv/bin/python bench/list_at_scale.py [--database-url postgres://postgres@127.0.0.1:5432/credit_bank_national]
        [--account 4143010536] [--learner <ID number>] [--repeat 20] [--warmup 2] [--plans /tmp/list_at_scale_plans.txt]

The real app runs in-process (httpx ASGITransport, as the other benchmarks); the caller is the
main account of the largest institution (长沙理工大学 by default), logged in through a session row
with a known token (no password hashing in the loop). For each list — learners, learner
achievements, achievements, my rules, rules related to me, received and initiated applications,
messages, the public portal's rules (also those accepting one achievement: the most popular
source), and a learner's matching rules, fully and partly met (B10; the registered learner whose
held achievements are the sources of the most rules, unless --learner names one) — four cases: the first page (20 rows), a filtered page
(a filter of the manual), page 500 (offset 9,980) and totalCount alone. Each case runs --warmup
times, then --repeat times; prints p50/p95 and the SQL statements one request runs. Cases whose
p95 is over the goal (or --explain-over) get EXPLAIN (ANALYZE, BUFFERS) of every statement they
run, with a custom and with a generic plan (the driver prepares statements, and PostgreSQL may
keep a generic plan after five runs), written to --plans; the summary shows custom / generic ms. Last line: ``worst_p95_ms: <n>``.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("AERICH_NO_TORTOISE_V1_WARNING", "1")

import httpx
from tortoise import Tortoise

from resolvers.ids import encode_id
from server import database
from server.app import create_app
from server.settings import Settings

GOAL_MS = 200.0
DEEP_OFFSET = 9980

RULE_COLUMNS = ("id code ruleType status validFrom validTo createdAt institution { name } "
                "sources { achievement { name } credits } targetCourses { name } "
                "targetCertificate { achievement { name } }")
MATCH_COLUMNS = ("fullyMet canApply alreadyApplied application { id status } "
                 f"rule {{ {RULE_COLUMNS} }} sources {{ held source {{ credits achievement {{ name }} }} "
                 "records { id personalNumber } } missingSources { achievement { name } }")
APPLICATION_COLUMNS = ("id kind ruleCode learnerName maskedIdNumber status appliedAt decidedAt "
                       "source { achievementName }")

# (label, field, node selection, filter of the manual, caller: True the institution's main
# account, LEARNER the learner, False nobody)
LEARNER = "learner"
LISTS: list[tuple[str, str, str, str, bool | str]] = [
    ("learners", "learners", "id name maskedIdNumber maskedPhone status enteredAt",
     '{name: "张伟"}', True),
    ("learner achievements", "learnerAchievements",
     ("id achievementName category subtype personalNumber issuedOn source enteredAt "
      "learner { name maskedIdNumber maskedPhone }"), "{entryYear: 2025, category: DEGREE}", True),
    ("achievements", "achievements",
     "id name category subtype recognitionStatus learnerCount relatedRuleCount enteredAt",
     '{name: "数据"}', True),
    ("my rules", "myConversionRules", RULE_COLUMNS, "{status: PUBLISHED}", True),
    ("rules related to me", "relatedConversionRules", RULE_COLUMNS, "{ruleType: NON_DEGREE_TO_DEGREE}", True),
    ("received applications", "receivedApplications", APPLICATION_COLUMNS, "{kind: PERSONAL, year: 2026}", True),
    ("initiated applications", "initiatedApplications", APPLICATION_COLUMNS, "{year: 2025}", True),
    ("messages", "messages", "id kind title read createdAt module objectId", "{read: false}", True),
    ("portal rules", "portalConversionRules", RULE_COLUMNS, '{ruleType: NON_DEGREE_TO_DEGREE, sourceName: "电工"}', False),
    ("portal rules by source", "portalConversionRules", RULE_COLUMNS, "{sourceAchievementId: $SOURCE}", False),
    ("my matching rules", "myMatchingRules", MATCH_COLUMNS, "{ruleType: NON_DEGREE_TO_DEGREE}", LEARNER),
    ("my partly matching rules", "myPartlyMatchingRules", MATCH_COLUMNS, "{ruleType: NON_DEGREE_TO_DEGREE}", LEARNER),
]
CASES = ("first page", "filtered page", "page 500", "totalCount")
# Lists whose filter is what they are about: every case carries it.
ALWAYS_FILTERED = {"portal rules by source"}


def document(field: str, columns: str, filter_: str, case: str, always: bool = False) -> str:
    if case == "totalCount":
        return f"{{ {field}(first: 0{', filter: ' + filter_ if always else ''}) {{ totalCount }} }}"
    args = ["first: 20"]
    if case == "filtered page" or always:
        args.append(f"filter: {filter_}")
    if case == "page 500":
        args.append(f"offset: {DEEP_OFFSET}")
    return f"{{ {field}({', '.join(args)}) {{ edges {{ node {{ {columns} }} }} pageInfo {{ hasNextPage }} }} }}"


class SqlCapture(logging.Handler):
    """Collects the statements Tortoise runs (its DEBUG log) while enabled."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[tuple[str, list[Any]]] = []
        self.on = False

    def emit(self, record: logging.LogRecord) -> None:
        if not self.on or record.msg != "%s: %s" or not isinstance(record.args, tuple):
            return
        query, values = record.args
        if isinstance(query, str) and query.lstrip().upper().startswith(("SELECT", "WITH")):
            self.statements.append((query, list(values or [])))


async def login(account_name: str) -> tuple[str, str]:
    """A session row with a known token for the account (what login would store)."""
    from tortoise.timezone import now

    from models.account import Account, Session
    from server.security import new_token, token_digest

    account = await Account.get(username=account_name).select_related("institution__school")
    token = new_token()
    await Session.create(token_digest=token_digest(token), account=account,
                         expires_at=now() + timedelta(hours=12), user_agent="list_at_scale")
    return token, account.institution.school.name if account.institution else account_name


async def pick_learner(username: str | None) -> tuple[str, int, list[int]]:
    """The learner whose matches are timed (B10): the one given, else a registered learner whose
    held achievements are the sources of the most rules (several records, popular sources) — the
    hardest case for matching. Returns (username, account id, held achievement ids)."""
    conn = Tortoise.get_connection("default")
    if username is None:
        rows = await conn.execute_query_dict(
            "WITH popular AS (SELECT achievement_id, count(*) AS n FROM rule_source GROUP BY 1 "
            "ORDER BY n DESC LIMIT 200) "
            "SELECT l.account_id, count(DISTINCT la.achievement_id) AS held, sum(p.n) AS rules "
            "FROM popular p JOIN learner_achievement la ON la.achievement_id = p.achievement_id "
            "AND la.withdrawn_at IS NULL JOIN learner l ON l.id = la.learner_id "
            "WHERE l.account_id IS NOT NULL GROUP BY l.account_id ORDER BY rules DESC, held DESC LIMIT 1")
        account = rows[0]["account_id"]
        username = (await conn.execute_query_dict("SELECT username FROM account WHERE id = $1", [account]))[0]["username"]
    else:
        account = (await conn.execute_query_dict("SELECT id FROM account WHERE username = $1", [username]))[0]["id"]
    held = await conn.execute_query_dict(
        "SELECT DISTINCT la.achievement_id FROM learner_achievement la JOIN learner l ON l.id = la.learner_id "
        "WHERE l.account_id = $1 AND la.withdrawn_at IS NULL", [account])
    assert username is not None
    return username, account, [row["achievement_id"] for row in held]


async def popular_source() -> int:
    """The achievement most in-force published rules accept (the portal's "which rules accept X")."""
    conn = Tortoise.get_connection("default")
    rows = await conn.execute_query_dict(
        "SELECT s.achievement_id FROM rule_source s JOIN conversion_rule r ON r.id = s.rule_id "
        "WHERE r.status = 'PUBLISHED' AND r.deleted_at IS NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")
    return int(rows[0]["achievement_id"])


async def sizes(account_name: str, held: list[int], source: int) -> dict[str, int]:
    """How many rows each list has for the caller (to tell whether page 500 exists)."""
    conn = Tortoise.get_connection("default")
    rows = await conn.execute_query_dict(
        "SELECT a.id AS account, a.institution_id AS inst FROM account a WHERE username = $1", [account_name])
    account, inst = rows[0]["account"], rows[0]["inst"]
    queries = {
        "learners": ("SELECT count(*) FROM learner WHERE institution_id = $1", [inst]),
        "learner achievements": (("SELECT count(*) FROM learner_achievement WHERE institution_id = $1 "
                                  "AND withdrawn_at IS NULL"), [inst]),
        "achievements": ("SELECT count(*) FROM achievement WHERE institution_id = $1 AND deleted_at IS NULL", [inst]),
        "my rules": ("SELECT count(*) FROM conversion_rule WHERE institution_id = $1 AND deleted_at IS NULL", [inst]),
        "rules related to me": ((
            "SELECT count(*) FROM conversion_rule WHERE status = 'PUBLISHED' AND deleted_at IS NULL "
            "AND institution_id <> $1 AND id IN (SELECT s.rule_id FROM rule_source s JOIN achievement a "
            "ON a.id = s.achievement_id WHERE a.institution_id = $1)"), [inst]),
        "received applications": ("SELECT count(*) FROM conversion_application WHERE target_institution_id = $1", [inst]),
        "initiated applications": ("SELECT count(*) FROM conversion_application WHERE initiator_institution_id = $1", [inst]),
        "messages": ("SELECT count(*) FROM message WHERE account_id = $1", [account]),
        "portal rules": (("SELECT count(*) FROM conversion_rule WHERE status = 'PUBLISHED' AND deleted_at IS NULL "
                          "AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date)"), []),
        "portal rules by source": ((
            "SELECT count(*) FROM conversion_rule WHERE status = 'PUBLISHED' AND deleted_at IS NULL "
            "AND valid_from <= current_date AND (valid_to IS NULL OR valid_to >= current_date) "
            "AND id IN (SELECT rule_id FROM rule_source WHERE achievement_id = $1)"), [source]),
    }
    # B10: the learner's candidate rules (naming one of the held achievements), in force, split by
    # whether a source is missing.
    matched = (
        "SELECT count(*) FILTER (WHERE missing = 0) AS fully, count(*) FILTER (WHERE missing > 0) AS partly "
        "FROM (SELECT s.rule_id, count(*) FILTER (WHERE NOT s.achievement_id = ANY($1::int[])) AS missing "
        "FROM rule_source s WHERE s.rule_id IN (SELECT rule_id FROM rule_source WHERE achievement_id = ANY($1::int[])) "
        "GROUP BY s.rule_id) m JOIN conversion_rule r ON r.id = m.rule_id WHERE r.status = 'PUBLISHED' "
        "AND r.deleted_at IS NULL AND r.valid_from <= current_date AND (r.valid_to IS NULL OR r.valid_to >= current_date)")
    found = {}
    for label, (sql, values) in queries.items():
        found[label] = (await conn.execute_query_dict(sql, values))[0]["count"]
    row = (await conn.execute_query_dict(matched, [held]))[0]
    found["my matching rules"], found["my partly matching rules"] = row["fully"], row["partly"]
    return found


def literal(value: Any) -> str:
    """A statement parameter as SQL text (EXECUTE takes no bound parameters)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        return str(value)
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text.replace("'", "''") + "'"


async def explain(url: str, statements: list[tuple[str, list[Any]]]) -> list[tuple[str, str]]:
    """(custom plan, generic plan) of each statement. The app's driver prepares its statements,
    and after five executions PostgreSQL may keep a generic plan, made without the values."""
    import asyncpg

    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    out = []
    try:
        for sql, values in statements:
            head = f"-- {sql}\n-- values: {values}\n"
            rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", *values)
            custom = head + "-- custom plan\n" + "\n".join(r[0] for r in rows)
            await conn.execute(f"PREPARE list_at_scale AS {sql}")
            try:
                await conn.execute("SET plan_cache_mode = force_generic_plan")
                args = f"({', '.join(literal(v) for v in values)})" if values else ""
                rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS) EXECUTE list_at_scale{args}")
                generic = head + "-- generic plan\n" + "\n".join(r[0] for r in rows)
            finally:
                await conn.execute("RESET plan_cache_mode; DEALLOCATE list_at_scale")
            out.append((custom, generic))
    finally:
        await conn.close()
    return out


def shape(sql: str) -> str:
    """The statement without its select list, to group repeats (N+1)."""
    import re

    sql = re.sub(r"\s+", " ", sql)
    found = re.search(r" FROM ", sql)
    return ("SELECT … " + sql[found.start() + 1:]) if found else sql


def execution_ms(plan: str) -> float:
    for line in plan.splitlines()[::-1]:
        if line.startswith("Execution Time:"):
            return float(line.split()[2])
    return 0.0


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", default="postgres://postgres@127.0.0.1:5432/credit_bank_national")
    parser.add_argument("--account", default="4143010536")
    parser.add_argument("--learner", default=None,
                        help="the learner (ID number) of the matching lists; default: the registered learner "
                             "whose achievements are the sources of the most rules")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--plans", default="/tmp/list_at_scale_plans.txt")
    parser.add_argument("--only", default="", help="comma-separated list labels to run")
    parser.add_argument("--explain-over", type=float, default=GOAL_MS,
                        help="EXPLAIN the statements of cases whose p95 is over this (ms)")
    args = parser.parse_args()

    await database.init_orm(args.database_url)
    settings = Settings(database_url=args.database_url, secret_key="bench", demo=True)
    app = create_app(settings, manage_database=False)
    token, who = await login(args.account)
    learner, _, held = await pick_learner(args.learner)
    learner_token, _ = await login(learner)
    source = await popular_source()
    counts = await sizes(args.account, held, source)
    capture = SqlCapture()
    db_log = logging.getLogger("tortoise.db_client")
    db_log.setLevel(logging.DEBUG)
    db_log.addHandler(capture)
    db_log.propagate = False
    print(f"caller: {args.account} ({who}); learner {learner[:6]}…, {len(held)} held achievements; "
          f"portal source achievement {source}; rows per list: "
          + ", ".join(f"{k} {v:,}" for k, v in counts.items()), flush=True)

    results: list[tuple[str, str, float, float, int]] = []
    slow: list[tuple[str, str, list[tuple[str, list[Any]]]]] = []
    wanted = {s.strip() for s in args.only.split(",") if s.strip()}
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench",
                                 timeout=600) as client:
        async def request(query: str, signed_in: bool | str) -> None:
            bearer = learner_token if signed_in == LEARNER else token if signed_in else None
            headers = {"Authorization": f"Bearer {bearer}"} if bearer else {}
            response = await client.post("/graphql", json={"query": query}, headers=headers)
            body = response.json()
            assert response.status_code == 200 and not body.get("errors"), (query, body)

        print(f"{'list':24} {'case':14} {'p50 ms':>8} {'p95 ms':>8} {'SQL':>4}", flush=True)
        for label, field, columns, filter_, signed_in in LISTS:
            if wanted and label not in wanted:
                continue
            filter_ = filter_.replace("$SOURCE", f'"{encode_id("Achievement", source)}"')
            for case in CASES:
                query = document(field, columns, filter_, case, label in ALWAYS_FILTERED)
                for _ in range(args.warmup):
                    await request(query, signed_in)
                capture.statements, capture.on = [], True
                await request(query, signed_in)
                capture.on = False
                statements = capture.statements
                timings = []
                for _ in range(args.repeat):
                    started = time.perf_counter()
                    await request(query, signed_in)
                    timings.append((time.perf_counter() - started) * 1000)
                timings.sort()
                p50 = statistics.median(timings)
                p95 = timings[min(len(timings) - 1, round(0.95 * (len(timings) - 1)))]
                results.append((label, case, p50, p95, len(statements)))
                flag = "  OVER GOAL" if p95 > GOAL_MS else ""
                print(f"{label:24} {case:14} {p50:8.1f} {p95:8.1f} {len(statements):4d}{flag}", flush=True)
                if p95 > args.explain_over:
                    slow.append((label, case, statements))

    if slow:
        lines = []
        print(f"\ncases over {args.explain_over:g} ms — where the time goes (EXPLAIN ANALYZE in full in "
              f"{args.plans}):", flush=True)
        for label, case, statements in slow:
            plans = await explain(args.database_url, statements)
            timed = sorted(zip(plans, statements, strict=True), key=lambda p: -execution_ms(p[0][1]))
            lines.append(f"==== {label} / {case} ({len(statements)} statements) ====")
            for (custom, generic), _ in timed:
                lines += [custom, generic]
            custom_ms = sum(execution_ms(c) for (c, _), _ in timed)
            generic_ms = sum(execution_ms(g) for (_, g), _ in timed)
            print(f"  {label} / {case}: {len(statements)} statements, {custom_ms:.1f} ms executing in PostgreSQL "
                  f"with custom plans, {generic_ms:.1f} ms with generic plans", flush=True)
            shapes: dict[str, list[tuple[float, float]]] = {}
            for (custom, generic), (sql, _) in timed:
                shapes.setdefault(shape(sql), []).append((execution_ms(custom), execution_ms(generic)))
            for sql, times in sorted(shapes.items(), key=lambda item: -sum(g for _, g in item[1]))[:4]:
                c, g = sum(t for t, _ in times), sum(t for _, t in times)
                print(f"    {len(times):3d}× {c:7.1f} / {g:7.1f} ms  {sql[:140]}", flush=True)
        Path(args.plans).write_text("\n\n".join(lines))

    await Tortoise.close_connections()
    worst = max(p95 for *_, p95, _ in results)
    print(f"worst_p95_ms: {worst:.0f}")


if __name__ == "__main__":
    asyncio.run(main())
