"""Generate a national-scale data set into its own PostgreSQL database, fast (issue 9).

    .venv/bin/python bench/seed_national.py [--scale 1] [--drop] [--workers 2]
        [--database-url postgres://postgres@127.0.0.1:5432/credit_bank_national]

At --scale 1: 3,000 institutions (each a school of the directory with a main account), 750,000
achievements, 5,000,000 learners (about a third registered, with learner accounts), 10,000,000
learner achievements, 200,000 conversion rules (sources, targets, exempt modules, one version per
publication), 2,000,000 applications (institution batches and personal ones) with their review
events, conversion results and messages. --scale 0.01 is a quick run; every count scales.

The database is created and migrated by server/database.py (with the demo data of server/demo.py:
长沙理工大学 ``4143010536`` / ``Csust2021`` is the largest institution, 湖南大学 the second). An
existing database is refused unless --drop. Secondary indexes and unique/foreign-key constraints
of the loaded tables are dropped before the load and rebuilt after it from their own definitions
(foreign keys validated then), and the final indexes and constraints are checked equal to the
migrated ones. Workers (processes) generate rows from a shared plan and COPY them (asyncpg binary
COPY) in parallel; then VACUUM ANALYZE. Prints progress, per table rows and seconds, and the total.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import os
import resource
import sys
import time
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))
os.environ.setdefault("AERICH_NO_TORTOISE_V1_WARNING", "1")

import asyncpg
import national_plan as NP

from server import database

PG_ADMIN_URL = os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
DEFAULT_NAME = "credit_bank_national"
CHUNK = 50_000

# Tables this script writes, in the order the small ones are written.
LOADED = ["school", "institution", "account", "conversion_method", "subtype_grant", "rule_code_counter",
          "achievement", "learner", "learner_achievement", "conversion_rule", "rule_source",
          "rule_target", "exempt_module", "rule_version", "application_batch",
          "conversion_application", "review_event", "conversion_result", "message"]

PLAN: NP.Plan | None = None   # set in the main process before the workers fork
DSN = ""


def asyncpg_dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


def with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def log(message: str) -> None:
    print(message, flush=True)


# --- workers -----------------------------------------------------------------------------------

class Stats:
    def __init__(self) -> None:
        self.tables: dict[str, list[float]] = {}

    def add(self, table: str, rows: int, seconds: float) -> None:
        entry = self.tables.setdefault(table, [0, 0.0])
        entry[0] += rows
        entry[1] += seconds


async def _connect() -> asyncpg.Connection:
    conn = await asyncpg.connect(DSN)
    await conn.execute("SET synchronous_commit = off")
    return conn


async def _copy(conn: asyncpg.Connection, stats: Stats, table: str, columns: tuple[str, ...],
                rows: list[tuple], gen_seconds: float = 0.0) -> None:
    started = time.perf_counter()
    if rows:
        await conn.copy_records_to_table(table, records=rows, columns=columns)
    stats.add(table, len(rows), gen_seconds + time.perf_counter() - started)


async def _stream(conn: asyncpg.Connection, stats: Stats, table: str, columns: tuple[str, ...],
                  rows: Any) -> None:
    while True:
        started = time.perf_counter()
        chunk = list(islice(rows, CHUNK))
        if not chunk:
            return
        await _copy(conn, stats, table, columns, chunk, time.perf_counter() - started)


async def _reserve(conn: asyncpg.Connection, table: str, count: int) -> list[int]:
    if count <= 0:
        return []
    rows = await conn.fetch(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id')) "
                            f"FROM generate_series(1, $1)", count)
    return sorted((row[0] for row in rows), reverse=True)  # pop() hands them out ascending


async def _task(kind: str, a: int, b: int) -> dict[str, list[float]]:
    plan = PLAN
    assert plan is not None
    stats = Stats()
    conn = await _connect()
    try:
        if kind == "achievement":
            await _stream(conn, stats, "achievement", NP.ACHIEVEMENT_COLUMNS,
                          NP.achievement_rows(plan, range(a, b)))
        elif kind == "learner":
            accounts: list[tuple] = []
            rows = NP.learner_rows(plan, a, b, accounts)
            while True:
                started = time.perf_counter()
                chunk = list(islice(rows, CHUNK))
                if not chunk:
                    break
                await _copy(conn, stats, "learner", NP.LEARNER_COLUMNS, chunk, time.perf_counter() - started)
                await _copy(conn, stats, "account", NP.ACCOUNT_COLUMNS, accounts)
                accounts.clear()
        elif kind == "learner_achievement":
            await _stream(conn, stats, "learner_achievement", NP.LA_COLUMNS,
                          NP.learner_achievement_rows(plan, range(a, b)))
        elif kind == "rule":
            columns = {"conversion_rule": NP.RULE_COLUMNS, "rule_source": NP.SOURCE_COLUMNS,
                       "rule_target": NP.TARGET_COLUMNS, "exempt_module": NP.MODULE_COLUMNS,
                       "rule_version": NP.VERSION_COLUMNS}
            for start in range(a, b, 10_000):
                out: dict[str, list] = {table: [] for table in columns}
                started = time.perf_counter()
                NP.rule_rows(plan, plan.rules[start:min(b, start + 10_000)], out)
                generated = time.perf_counter() - started
                for table, rows in out.items():
                    await _copy(conn, stats, table, columns[table], rows,
                                generated if table == "conversion_rule" else 0.0)
        elif kind == "application":
            columns = {"application_batch": NP.BATCH_COLUMNS, "conversion_application": NP.APPLICATION_COLUMNS,
                       "review_event": NP.EVENT_COLUMNS, "conversion_result": NP.RESULT_COLUMNS,
                       "message": NP.MESSAGE_COLUMNS}
            rules = [rule for rule in plan.rules[a:b] if rule.groups]
            app_ids, batch_ids = NP.Ids(), NP.Ids()
            app_ids.free = await _reserve(conn, "conversion_application", sum(n for r in rules for _, n in r.groups))
            batch_ids.free = await _reserve(conn, "application_batch", sum(len(r.groups) for r in rules))
            out = {table: [] for table in columns}
            generated = 0.0
            for index, rule in enumerate(rules):
                started = time.perf_counter()
                NP.application_rows(plan, rule, app_ids, batch_ids, out)
                generated += time.perf_counter() - started
                if len(out["conversion_application"]) >= CHUNK or index == len(rules) - 1:
                    for table, rows in out.items():
                        await _copy(conn, stats, table, columns[table], rows,
                                    generated if table == "conversion_application" else 0.0)
                        rows.clear()
                    generated = 0.0
        else:
            raise ValueError(kind)
    finally:
        await conn.close()
    return stats.tables


def run_task(task: tuple[str, int, int, str]) -> tuple[str, dict[str, list[float]], float, float]:
    kind, a, b, label = task
    started = time.perf_counter()
    tables = asyncio.run(_task(kind, a, b))
    return label, tables, time.perf_counter() - started, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_tasks(plan: NP.Plan) -> list[tuple[float, tuple[str, int, int, str]]]:
    """(estimated cost, task) — workers take the most expensive first."""
    tasks: list[tuple[float, tuple[str, int, int, str]]] = []

    def group_ranks(kind: str, sizes: list[int], per_task: int, cost: float) -> None:
        start, acc = 0, 0
        for rank, size in enumerate(sizes):
            acc += size
            if acc >= per_task or rank == len(sizes) - 1:
                tasks.append((acc * cost, (kind, start, rank + 1, f"{kind} institutions {start}–{rank}")))
                start, acc = rank + 1, 0

    group_ranks("achievement", [len(a) for a in plan.ach], 150_000, 1.0)
    group_ranks("learner_achievement", [sum(h) for h in plan.holders], 400_000, 1.2)
    learners = len(plan.l_rank)
    for first in range(1, learners + 1, 250_000):
        last = min(learners + 1, first + 250_000)
        tasks.append(((last - first) * 1.2, ("learner", first, last, f"learner {first:,}–{last - 1:,}")))
    for first in range(0, len(plan.rules), 25_000):
        last = min(len(plan.rules), first + 25_000)
        tasks.append(((last - first) * 8.0, ("rule", first, last, f"rule {first + 1:,}–{last:,}")))
    start, acc = 0, 0
    for index, rule in enumerate(plan.rules):
        acc += sum(n for _, n in rule.groups)
        if acc >= 100_000 or index == len(plan.rules) - 1:
            tasks.append((acc * 5.0, ("application", start, index + 1, f"application rules {start + 1:,}–{index + 1:,}")))
            start, acc = index + 1, 0
    tasks.sort(key=lambda item: -item[0])
    return tasks


# --- schema: drop and restore secondary indexes and constraints -----------------------------------

async def schema_snapshot(conn: asyncpg.Connection) -> tuple[list[tuple], list[tuple]]:
    indexes = await conn.fetch("SELECT tablename, indexname, indexdef FROM pg_indexes "
                               "WHERE schemaname = 'public' ORDER BY 1, 2")
    constraints = await conn.fetch(
        "SELECT conrelid::regclass::text, conname, contype, pg_get_constraintdef(oid) FROM pg_constraint "
        "WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2")
    return [tuple(r) for r in indexes], [tuple(r) for r in constraints]


async def drop_secondary(conn: asyncpg.Connection) -> list[tuple[str, str, str]]:
    """Drop the foreign keys, unique constraints and plain indexes of the loaded tables; returns
    (table, kind, statement) to restore them exactly."""
    constraints = await conn.fetch(
        "SELECT conrelid::regclass::text AS t, conname, contype::text AS contype, pg_get_constraintdef(oid) AS def "
        "FROM pg_constraint WHERE contype IN ('u', 'f') AND conrelid::regclass::text = ANY($1::text[])",
        LOADED)
    indexes = await conn.fetch(
        "SELECT c.relname AS t, i.relname AS name, pg_get_indexdef(x.indexrelid) AS def "
        "FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class c ON c.oid = x.indrelid "
        "WHERE c.relname = ANY($1::text[]) AND NOT x.indisprimary "
        "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)", LOADED)
    restore: list[tuple[str, str, str]] = []
    for row in sorted(constraints, key=lambda r: r["contype"] != "f"):  # foreign keys first
        await conn.execute(f'ALTER TABLE "{row["t"]}" DROP CONSTRAINT "{row["conname"]}"')
        kind = "foreign key" if row["contype"] == "f" else "unique"
        restore.append((row["t"], kind, f'ALTER TABLE "{row["t"]}" ADD CONSTRAINT "{row["conname"]}" {row["def"]}'))
    for row in indexes:
        await conn.execute(f'DROP INDEX "{row["name"]}"')
        restore.append((row["t"], "index", row["def"]))
    return restore


async def restore_secondary(restore: list[tuple[str, str, str]], sizes: dict[str, int],
                            workers: int) -> dict[str, float]:
    """Unique constraints and indexes (largest tables first) on ``workers`` connections, then the
    foreign keys (validated against the rebuilt tables). Returns seconds per table."""
    seconds: dict[str, float] = {}

    async def run(statements: list[tuple[str, str, str]]) -> None:
        queue: asyncio.Queue[tuple[str, str, str]] = asyncio.Queue()
        for item in statements:
            queue.put_nowait(item)

        async def worker() -> None:
            conn = await asyncpg.connect(DSN)
            try:
                await conn.execute("SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'; "
                                   "SET max_parallel_maintenance_workers = 0")
                while not queue.empty():
                    table, kind, statement = queue.get_nowait()
                    started = time.perf_counter()
                    await conn.execute(statement)
                    took = time.perf_counter() - started
                    seconds[table] = seconds.get(table, 0.0) + took
                    if took > 1:
                        log(f"  {took:6.1f}s  {kind} on {table}: {statement.split(' ON ')[0][:90]}")
            finally:
                await conn.close()

        await asyncio.gather(*(worker() for _ in range(workers)))

    first = [r for r in restore if r[1] != "foreign key"]
    first.sort(key=lambda r: -sizes.get(r[0], 0))
    await run(first)
    keys = [r for r in restore if r[1] == "foreign key"]
    keys.sort(key=lambda r: -sizes.get(r[0], 0))
    await run(keys)
    return seconds


async def vacuum(tables: list[str], workers: int) -> None:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for table in tables:
        queue.put_nowait(table)

    async def worker() -> None:
        conn = await asyncpg.connect(DSN)
        try:
            while not queue.empty():
                await conn.execute(f'VACUUM (ANALYZE) "{queue.get_nowait()}"')
        finally:
            await conn.close()

    await asyncio.gather(*(worker() for _ in range(workers)))


# --- main ----------------------------------------------------------------------------------------

async def prepare(url: str, admin: str, name: str, drop: bool) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(admin))
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
    finally:
        await conn.close()
    if exists and not drop:
        log(f"database {name} exists: refusing to touch it (pass --drop to recreate it)")
        raise SystemExit(2)
    await database.create_database(admin, name)
    await database.migrate(url)
    from tortoise import Tortoise

    from server.demo import seed
    from server.security import Passwords

    await database.init_orm(url, global_fallback=False)
    try:
        await seed(Passwords(3, 65536))
    finally:
        await Tortoise.close_connections()


async def read_existing(scale: float, seed: int) -> tuple[NP.Plan, dict[str, Any]]:
    from argon2 import PasswordHasher

    conn = await asyncpg.connect(DSN)
    try:
        provinces = [tuple(r) for r in await conn.fetch("SELECT id, code, name FROM province ORDER BY code")]
        levels = [tuple(r) for r in await conn.fetch("SELECT id, name FROM ref_level ORDER BY sort")]
        conclusions = [tuple(r) for r in await conn.fetch("SELECT id, name FROM ref_graduation_conclusion ORDER BY sort")]
        majors = [tuple(r) for r in await conn.fetch("SELECT id, code, name FROM ref_major ORDER BY code")]
        staff = await conn.fetchval("SELECT id FROM account WHERE kind = 'STAFF' ORDER BY id LIMIT 1")
        rows = await conn.fetch(
            "SELECT i.id, i.school_id, s.code, s.name, s.school_type, p.code AS province_code, "
            "p.name AS province_name FROM institution i JOIN school s ON s.id = i.school_id "
            "JOIN province p ON p.id = s.province_id ORDER BY (s.code = '4143010536') DESC, i.id")
        existing = []
        for row in rows:
            accounts = await conn.fetch(
                "SELECT id, kind, all_modules, modules FROM account WHERE institution_id = $1 AND status = 'ACTIVE' "
                "ORDER BY kind = 'INSTITUTION_ADMIN' DESC, id", row["id"])
            main = next(a["id"] for a in accounts if a["kind"] == "INSTITUTION_ADMIN")
            # The recipients resolvers/messages.py picks (B9: every module only when given all).
            recipients = [a["id"] for a in accounts
                          if a["kind"] == "INSTITUTION_ADMIN" or a["all_modules"]
                          or "CONVERSION_REVIEW" in (a["modules"] or "")]
            existing.append({**dict(row), "main_account": main, "recipients": recipients})
        bases = {
            "school": await conn.fetchval("SELECT coalesce(max(id), 0) + 1 FROM school"),
            "institution": await conn.fetchval("SELECT coalesce(max(id), 0) + 1 FROM institution"),
            "account": await conn.fetchval("SELECT coalesce(max(id), 0) + 1 FROM account"),
        }
        taken = {r[0] for r in await conn.fetch("SELECT code FROM school")}
        for table in ("achievement", "learner", "learner_achievement", "conversion_rule", "rule_version",
                      "conversion_method", "subtype_grant"):
            assert await conn.fetchval(f"SELECT count(*) FROM {table}") == 0, table
    finally:
        await conn.close()
    password_hash = PasswordHasher().hash("Bench2026")  # every generated account: Bench2026
    plan = NP.Plan(scale=scale, seed=seed, now_ts=time.time(), counts=NP.scaled_counts(scale),
                   password_hash=password_hash, staff_account=staff, provinces=provinces,
                   levels=levels, conclusions=conclusions, majors=majors)
    return plan, {"existing": existing, "bases": bases, "taken": taken}


async def write_small(plan: NP.Plan, stats: Stats) -> None:
    conn = await asyncpg.connect(DSN)
    try:
        methods = NP.method_rows(plan)  # first: it marks the institutions that have a method
        small = [
            ("school", ("created_at", "updated_at", "id", "name", "code", "school_type", "supervising_unit",
                        "province_id"), NP.school_rows(plan)),
            ("institution", ("created_at", "updated_at", "id", "registration_step", "registered_at",
                             "registrant_certificate_type", "registrant_name", "registrant_id_number",
                             "credit_code", "school_type", "legal_representative", "contact_name",
                             "contact_phone", "contact_email", "postcode", "address", "business_scope",
                             "introduction", "avatar_key", "school_id", "security_commitment_by_id",
                             "security_commitment_at"), NP.institution_rows(plan)),
            ("account", ("created_at", "updated_at", "id", "username", "password_hash", "kind", "status",
                         "name", "phone", "email", "modules", "must_change_password", "synced_from",
                         "password_changed_at", "deleted_at", "institution_id", "notify_by_email"),
             NP.main_account_rows(plan)),
            ("conversion_method", ("created_at", "updated_at", "id", "name", "status", "file_key", "file_name",
                                   "file_size", "published_slot", "published_at", "pledged_by_id",
                                   "pledged_at", "taken_down_reason", "deleted_at", "institution_id"), methods),
            ("subtype_grant", ("id", "subtype", "granted_by_id", "granted_at", "revoked_by_id", "revoked_at",
                               "live_key", "institution_id"), NP.grant_rows(plan)),
            ("rule_code_counter", ("day", "last_number"), NP.counter_rows(plan)),
        ]
        for table, columns, rows in small:
            await _copy(conn, stats, table, columns, rows)
        for inst in plan.insts:  # the demo institutions accept the security commitment too
            if inst.existing and inst.has_method:
                await conn.execute(
                    "UPDATE institution SET security_commitment_by_id = $1, security_commitment_at = "
                    "registered_at WHERE id = $2", inst.main_account, inst.id)
    finally:
        await conn.close()


async def finish(restore: list[tuple[str, str, str]], sizes: dict[str, int], workers: int,
                 before: tuple[list[tuple], list[tuple]]) -> tuple[dict[str, float], float, float]:
    started = time.perf_counter()
    conn = await asyncpg.connect(DSN)
    try:
        for table in LOADED:  # statistics for the planner of the foreign-key checks
            await conn.execute(f'ANALYZE "{table}"')
    finally:
        await conn.close()
    index_seconds = await restore_secondary(restore, sizes, workers)
    conn = await asyncpg.connect(DSN)
    try:
        for table in LOADED:
            if table != "rule_code_counter":
                await conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                   f"(SELECT coalesce(max(id), 1) FROM \"{table}\"))")
        after = await schema_snapshot(conn)
    finally:
        await conn.close()
    if after != before:
        log("SCHEMA DIFFERS from the migrated one:")
        for label, old, new in (("indexes", before[0], after[0]), ("constraints", before[1], after[1])):
            for item in sorted(set(old) ^ set(new)):
                log(f"  {label}: {'missing' if item in old else 'extra'} {item}")
        raise SystemExit(1)
    log(f"schema check: {len(after[0])} indexes and {len(after[1])} constraints identical to the migrated schema")
    restored = time.perf_counter() - started
    started = time.perf_counter()
    await vacuum(LOADED, workers)
    return index_seconds, restored, time.perf_counter() - started


def main() -> None:
    global PLAN, DSN
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--database-url", default=with_database(PG_ADMIN_URL, DEFAULT_NAME))
    parser.add_argument("--drop", action="store_true", help="drop and recreate an existing database")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--seed", type=int, default=9)
    args = parser.parse_args()
    url = args.database_url
    name = urlsplit(url).path.lstrip("/")
    admin = with_database(url, "postgres")
    DSN = asyncpg_dsn(url)
    total_started = time.perf_counter()

    started = time.perf_counter()
    asyncio.run(prepare(url, admin, name, args.drop))
    log(f"created and migrated {name} (+ demo data) in {time.perf_counter() - started:.1f}s")

    started = time.perf_counter()
    plan, found = asyncio.run(read_existing(args.scale, args.seed))
    bases = found["bases"]
    NP.build_plan(plan, found["existing"], bases["school"], bases["institution"], bases["account"], found["taken"])
    top = plan.insts[0]
    log(f"plan at scale {args.scale:g} in {time.perf_counter() - started:.1f}s: "
        + ", ".join(f"{k} {v:,}" for k, v in plan.counts.items())
        + f"; largest institution {top.name} ({top.code}): {len(plan.by_rank[0]):,} learners, "
        f"{len(plan.ach[0]):,} achievements, {sum(plan.holders[0]):,} learner achievements, "
        f"{sum(1 for r in plan.rules if r.rank == 0):,} rules")
    PLAN = plan

    async def drop() -> tuple[tuple[list[tuple], list[tuple]], list[tuple[str, str, str]]]:
        conn = await asyncpg.connect(DSN)
        try:
            before = await schema_snapshot(conn)
            return before, await drop_secondary(conn)
        finally:
            await conn.close()

    before, restore = asyncio.run(drop())
    log(f"dropped {len(restore)} secondary indexes and constraints of {len(LOADED)} tables")

    stats = Stats()
    started = time.perf_counter()
    asyncio.run(write_small(plan, stats))
    log(f"small tables in {time.perf_counter() - started:.1f}s")

    tasks = make_tasks(plan)
    started = time.perf_counter()
    peak = 0.0
    with mp.get_context("fork").Pool(args.workers) as pool:
        for done, (label, tables, seconds, rss) in enumerate(
                pool.imap_unordered(run_task, [t for _, t in tasks]), 1):
            peak = max(peak, rss)
            for table, (rows, table_seconds) in tables.items():
                stats.add(table, int(rows), table_seconds)
            summary = ", ".join(f"{t} {int(r):,}" for t, (r, _) in tables.items())
            log(f"[{done:3d}/{len(tasks)}] {time.perf_counter() - started:7.1f}s  {label}: {summary} ({seconds:.1f}s)")
    load_seconds = time.perf_counter() - started
    log(f"loaded in {load_seconds:.1f}s with {args.workers} workers")

    sizes = {table: int(rows) for table, (rows, _) in stats.tables.items()}
    index_seconds, restore_seconds, vacuum_seconds = asyncio.run(finish(restore, sizes, args.workers, before))
    log(f"indexes and constraints rebuilt in {restore_seconds:.1f}s; VACUUM ANALYZE in {vacuum_seconds:.1f}s")

    log("")
    log(f"{'table':24} {'rows':>12} {'load s':>9} {'index s':>9}   (load s: generate + COPY, summed over workers)")
    for table in LOADED:
        rows, seconds = stats.tables.get(table, [0, 0.0])
        log(f"{table:24} {int(rows):12,} {seconds:9.1f} {index_seconds.get(table, 0.0):9.1f}")
    main_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    log(f"peak memory: main {main_rss:.0f} MB, worker {peak:.0f} MB")
    log(f"total: {time.perf_counter() - total_started:.1f}s (scale {args.scale:g}, database {name})")


if __name__ == "__main__":
    main()
