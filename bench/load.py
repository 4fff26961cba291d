"""Load (issue 9): many concurrent clients drive a realistic mix against two uvicorn workers on
PostgreSQL and Redis, for a fixed time, and the throughput and p50/p95/p99 of every operation.

Everything is its own and on loopback only: a fresh PostgreSQL database (``python -m server
migrate`` and ``seed-demo``, dropped at the end), a ``redis-server`` on a free port, and two
workers started the way production starts them (the app factory configured by environment
variables, REDIS_URL set, the per-address rate limits raised since every client is 127.0.0.1).

The data: the demo's two institutions (长沙理工大学 and 湖南大学) with ``--learners`` learners each
holding two records on the institution's courses and certificates (entry times spread over
2022–2025), ``--pending`` learners of each holding its X certificate; each institution publishes a
rule with the other's X certificate as source and the other applies for all its holders through
``applyConversion``, so both have ``--pending`` rows to review; ``--messages`` messages for every
account; learner accounts linked to their records. Bulk rows go straight in through the ORM; the
method, rules and applications go through the API.

Each client logs in once (argon2, timed and shown apart), then loops until the time is up over
both workers in turn, with no think time. Institution clients (admins of both institutions and
CSUST's sub-user 李老师) run, by weight: list (learnerAchievements with a filter, a random page),
detail (``node(id:)`` of a learner achievement), store (storeLearnerAchievement, a new or an
existing learner), withdraw (withdrawRecords of one or two records, the reason PDF uploaded),
review (one page of pending received applications, then reviewConversion of up to three of its
rows, pass or fail) and messages (the list, unreadMessageCount, markMessagesRead of a few).
Learner clients read myAchievements and their messages.

Every HTTP request is one operation in the table. One counts as an error when it fails at the
transport or HTTP level, answers ``errors``, or its payload refuses it; the refusal expected
under contention (ALREADY_DECIDED: another reviewer decided the row first) is counted apart.
The first ``--warmup`` seconds are not counted. Latency is measured by the client, which shares
the machine's cores with the workers and PostgreSQL: the CPU line says where the cores went.
Afterwards each operation runs again a few times, one at a time, through the app in this process
to count the SQL statements a request sends and the pool resets behind them (the SQL and resets
columns). PostgreSQL's sessions of the database are sampled four times a second. ``--profile`` samples both workers with py-spy during
the counted run (py-spy is not a project dependency: ``pip install py-spy``; it costs CPU itself)
and prints where their time went. Last lines: ``load_total_ops_per_s`` (requests per second, all
operations) and ``load_worst_p99_ms`` (the highest p99 of the table).

    .venv/bin/python bench/load.py [--clients 50] [--duration 60] [--seed 1] [--profile]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import ipaddress
import json
import logging
import math
import os
import random
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("AERICH_NO_TORTOISE_V1_WARNING", "1")

import httpx
from tortoise import Tortoise

from server import database
from tests.support.api import Api
from tests.support.applications import APPLICATION, REVIEW
from tests.support.flows import CSUST, CSUST_TEACHER, HNU_SYNCED, LOGIN
from tests.support.learner_records import (
    MY_ACHIEVEMENTS,
    PDF,
    REASON_PDF,
    RECORD,
    STORE_RECORD,
    WITHDRAW,
    check_digit,
)
from tests.support.messages import MARK_READ, MESSAGES, UNREAD
from tests.support.processes import AppProcess, RedisServer, app_env, run_cli
from tests.support.rules import create_rule, degree_rule, source, upload_method

PG_ADMIN_URL = os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
LEARNER_PASSWORD = "Learner2024"
UNLIMITED = "1000000"

# --- documents: the tests' fields, with the page offset the screens send -----------------------------

LIST = f"""
query Records($filter: LearnerAchievementFilter, $first: Int, $offset: Int) {{
  learnerAchievements(filter: $filter, first: $first, offset: $offset) {{ totalCount nodes {{ {RECORD} }} }}
}}
"""
DETAIL = f"query Detail($id: ID!) {{ node(id: $id) {{ __typename ... on LearnerAchievement {{ {RECORD} }} }} }}"
PENDING = f"""
query Pending($filter: ApplicationFilter, $first: Int, $offset: Int) {{
  receivedApplications(filter: $filter, first: $first, offset: $offset) {{ totalCount nodes {{ {APPLICATION} }} }}
}}
"""
APPLY = """mutation Apply($input: ApplyConversionInput!) {
  applyConversion(input: $input) { batch { id learnerCount } errors { code message } } }"""

# --- the mix ---------------------------------------------------------------------------------------

INSTITUTION_MIX = {"list": 30, "detail": 20, "store": 12, "withdraw": 5, "review": 10, "messages": 23}
LEARNER_MIX = {"my_achievements": 40, "messages": 60}
# Client i plays ROLES[i % len(ROLES)]: both admins most, CSUST's sub-user and learners less.
ROLES = ["csust", "hnu", "csust", "teacher", "hnu", "learner"]
# What a refusal may say without counting as an error (rows another reviewer decided first).
EXPECTED_ROW_REFUSALS = {"review": {"ALREADY_DECIDED"}}
LIST_FILTERS: list[dict[str, Any]] = [
    {"category": "DEGREE"}, {"category": "NON_DEGREE"}, {"entryYear": 2023}, {"entryYear": 2025},
    {"subtype": "VOCATIONAL_COURSE"}, {"name": "证书"}, {"learnerName": "学员1"},
]


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--duration", type=float, default=60.0, help="counted seconds (default 60)")
    parser.add_argument("--warmup", type=float, default=5.0, help="uncounted seconds first (default 5)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (default 2)")
    parser.add_argument("--learners", type=int, default=3000, help="learners per institution (default 3000)")
    parser.add_argument("--pending", type=int, default=1500,
                        help="pending applications each institution receives (default 1500)")
    parser.add_argument("--messages", type=int, default=200, help="messages per account (default 200)")
    parser.add_argument("--profile", action="store_true", help="sample the workers with py-spy")
    parser.add_argument("--profile-out", type=Path, default=None,
                        help="keep py-spy's collapsed stacks in this folder (--profile)")
    parser.add_argument("--py-spy", default=shutil.which("py-spy") or str(Path(sys.prefix) / "bin" / "py-spy"),
                        help="the py-spy binary (--profile)")
    args = parser.parse_args()
    if args.pending > args.learners:
        parser.error("--pending cannot exceed --learners")
    return args


def assert_loopback(url: str) -> None:
    """Never load anything but this machine."""
    host = urlsplit(url).hostname or ""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    assert loopback, f"{url} is not a loopback address: this benchmark only targets 127.0.0.1"


def id_number(region: str, n: int) -> str:
    """A valid resident ID, unique per (region, n): n picks the birth date and the sequence."""
    born = date(1970, 1, 1) + timedelta(days=n // 1000)
    first17 = f"{region}{born:%Y%m%d}{n % 1000:03d}"
    return first17 + check_digit(first17)


# --- data -------------------------------------------------------------------------------------------


@dataclass
class Side:
    """One institution's share of the data."""

    code: str
    institution_id: int
    region: str
    x_certificate: int = 0
    course: int = 0
    achievements: list[tuple[int, str]] = field(default_factory=list)   # (id, "COURSE"/"CERT")
    learners: list[tuple[str, str]] = field(default_factory=list)       # (name, ID number) sample
    detail_ids: list[int] = field(default_factory=list)
    withdraw_ids: list[int] = field(default_factory=list)


@dataclass
class Fixture:
    sides: dict[str, Side]
    learner_accounts: list[str]
    account_ids: dict[str, int]


async def insert_data(args: argparse.Namespace, rng: random.Random) -> Fixture:
    """Achievements, learners, records, learner accounts and messages, through the ORM."""
    from tortoise.timezone import now
    from tortoise.transactions import in_transaction

    from models.account import Account, AccountKind
    from models.achievement import (
        Achievement,
        AchievementCategory,
        AchievementSubtype,
        RecognitionStatus,
    )
    from models.institution import Institution
    from models.learner import Learner, LearnerAchievement, LearnerStatus, StorageSource
    from models.message import Message, MessageKind
    from server.bulk import bulk_insert
    from server.security import Passwords
    from server.settings import Settings

    await Account.filter(username=HNU_SYNCED[0]).update(must_change_password=False)
    sides: dict[str, Side] = {}
    start = datetime(2022, 1, 1).astimezone()
    span = (datetime(2025, 12, 1).astimezone() - start).total_seconds()
    for key, code, region in (("csust", CSUST[0], "430102"), ("hnu", HNU_SYNCED[0], "430104")):
        institution = await Institution.get(school__code=code).select_related("school")
        side = sides[key] = Side(code=code, institution_id=institution.id, region=region)
        issuer = institution.school.name
        for k in range(4):
            course = await Achievement.create(
                institution=institution, category=AchievementCategory.DEGREE,
                subtype=AchievementSubtype.VOCATIONAL_COURSE, name=f"课程{k}", issuer=issuer,
                course_name=f"课程{k}", original_hours=32, original_credits=4, introduction="简介",
                live_key=f"load-course-{k}")
            certificate = await Achievement.create(
                institution=institution, category=AchievementCategory.NON_DEGREE,
                subtype=AchievementSubtype.OTHER_NON_DEGREE, name=f"证书{k}", issuer=issuer,
                certificate_name=f"证书{k}", introduction="简介", live_key=f"load-cert-{k}")
            side.achievements += [(course.id, "COURSE"), (certificate.id, "CERT")]
        side.course = side.achievements[0][0]
        x = await Achievement.create(
            institution=institution, category=AchievementCategory.NON_DEGREE,
            subtype=AchievementSubtype.X_CERTIFICATE, name=f"学习成果名录{key}(高级)", issuer="新疆美食培训",
            certificate_name=f"学习成果名录{key}", recognition_status=RecognitionStatus.RECOGNIZED,
            live_key=f"load-x-{key}")
        side.x_certificate = x.id
        names = {a.id: a for a in await Achievement.filter(institution_id=institution.id)}
        async with in_transaction():
            await bulk_insert(Learner, [
                {"institution_id": institution.id, "name": f"学员{n}", "id_number": id_number(region, n),
                 "status": LearnerStatus.INACTIVE, "created_at": start, "updated_at": start}
                for n in range(args.learners)
            ])
            learner_ids = await (Learner.filter(institution_id=institution.id).order_by("id")
                                 .values_list("id", flat=True))
            rows = []
            for n, pk in enumerate(learner_ids):
                held = [side.achievements[n % 8][0], side.achievements[(n + 3) % 8][0]]
                if n < args.pending:
                    held.append(x.id)
                for k, achievement_id in enumerate(held):
                    achievement = names[achievement_id]
                    moment = start + timedelta(seconds=span * ((n * 3 + k) / (args.learners * 3)))
                    rows.append({
                        "institution_id": institution.id, "learner_id": pk, "achievement_id": achievement.id,
                        "achievement_name": achievement.name, "category": achievement.category,
                        "subtype": achievement.subtype, "personal_number": f"R{n}-{k}",
                        "issued_on": date(2022, 3, 1), "score": "", "earned_credits": None,
                        "source": StorageSource.INSTITUTION, "live_key": f"{achievement.id}|R{n}-{k}",
                        "created_at": moment, "updated_at": moment})
            for offset in range(0, len(rows), 5000):
                await bulk_insert(LearnerAchievement, rows[offset:offset + 5000])
        side.learners = [(f"学员{n}", id_number(region, n)) for n in rng.sample(range(args.learners),
                                                                                 min(500, args.learners))]
        regular = await LearnerAchievement.filter(
            institution_id=institution.id, achievement_id__not=x.id).values_list("id", flat=True)
        regular = list(regular)
        rng.shuffle(regular)
        reserve = min(len(regular) // 2, 40 * args.clients)
        side.withdraw_ids, side.detail_ids = regular[:reserve], regular[reserve:reserve + 5000]

    # Learner accounts (registered learners, F15) linked to the first CSUST learners, with the
    # workers' argon2 cost so their logins cost what a real one does.
    learner_clients = sum(1 for i in range(args.clients) if ROLES[i % len(ROLES)] == "learner")
    passwords = Passwords(Settings.argon2_time_cost, Settings.argon2_memory_kib)
    password_hash = await passwords.hash(LEARNER_PASSWORD)
    usernames = [id_number(sides["csust"].region, n) for n in range(learner_clients)]
    moment = now()
    async with in_transaction():
        await bulk_insert(Account, [
            {"username": username, "password_hash": password_hash, "kind": AccountKind.LEARNER,
             "name": f"学员{n}", "phone": f"139{n:08d}", "password_changed_at": moment}
            for n, username in enumerate(usernames)
        ])
        for account_id, username in await Account.filter(username__in=usernames).values_list("id", "username"):
            await Learner.filter(id_number=username).update(
                status=LearnerStatus.ACTIVE, account_id=account_id, activated_at=moment)
    account_ids = dict(await Account.all().values_list("username", "id"))
    kinds = [MessageKind.GRANT_CHANGED, MessageKind.IMPORT_FINISHED, MessageKind.FEEDBACK_RECEIVED,
             MessageKind.APPLICATION_DECIDED]
    rows = []
    for username, account_id in account_ids.items():
        institution = (sides["csust"].institution_id if username in (CSUST[0], CSUST_TEACHER[0])
                       else sides["hnu"].institution_id if username == HNU_SYNCED[0] else None)
        for n in range(args.messages):
            rows.append({"account_id": account_id, "institution_id": institution, "kind": kinds[n % 4],
                         "title": f"压测消息{n}", "body": "压测消息内容", "module": "", "object_id": "",
                         "read_at": moment if n % 3 == 0 else None,
                         "created_at": moment - timedelta(minutes=args.messages - n)})
    await bulk_insert(Message, rows)
    await LearnerAchievement._choose_db().execute_script("ANALYZE")  # as autovacuum would after a load
    return Fixture(sides=sides, learner_accounts=usernames, account_ids=account_ids)


async def login(client: httpx.AsyncClient, account: str, password: str) -> tuple[str, float]:
    started = time.perf_counter()
    response = await client.post("/graphql", json={"query": LOGIN, "variables": {"account": account,
                                                                                  "password": password}})
    elapsed = time.perf_counter() - started
    payload = response.json()
    assert not payload.get("errors") and not payload["data"]["login"]["errors"], payload
    return payload["data"]["login"]["token"], elapsed


async def publish_and_apply(url: str, fixture: Fixture, pending: int) -> None:
    """Each institution uploads its method and publishes a rule taking the other's X certificate to
    its first course; the other applies for all its holders (applyConversion, allMatching)."""
    from resolvers.ids import encode_id

    async with httpx.AsyncClient(base_url=url, timeout=600) as client:
        api = Api(client)
        tokens = {"csust": (await login(client, *CSUST))[0], "hnu": (await login(client, *HNU_SYNCED))[0]}
        for publisher, initiator in (("csust", "hnu"), ("hnu", "csust")):
            mine, theirs = fixture.sides[publisher], fixture.sides[initiator]
            await upload_method(api, tokens[publisher], publish=True)
            rule = await create_rule(api, tokens[publisher], degree_rule(
                [source({"id": encode_id("Achievement", theirs.x_certificate)})],
                [{"id": encode_id("Achievement", mine.course)}]), publish=True)
            applied = await api(APPLY, {"input": {"ruleId": rule["id"], "allMatching": True}},
                                token=tokens[initiator])
            batch = applied.ok("applyConversion")["batch"]
            assert batch["learnerCount"] == pending, batch


# --- measuring ----------------------------------------------------------------------------------------


@dataclass
class Stat:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    refused: int = 0          # requests answered with an expected refusal on some row
    refused_rows: int = 0
    samples: list[str] = field(default_factory=list)


class Run:
    def __init__(self) -> None:
        self.stats: dict[str, Stat] = defaultdict(Stat)
        self.counting_from: float | None = None
        self.counting_until: float | None = None
        self.last_end = 0.0
        self.stop = asyncio.Event()
        self.skipped: Counter[str] = Counter()

    def counted(self, started: float) -> bool:
        return (self.counting_from is not None and started >= self.counting_from
                and (self.counting_until is None or started < self.counting_until))

    def record(self, name: str, started: float, elapsed: float, error: str | None,
               refused_rows: int = 0, sample: str = "") -> None:
        if not self.counted(started):
            return
        stat = self.stats[name]
        stat.latencies.append(elapsed)
        self.last_end = max(self.last_end, started + elapsed)
        if error:
            stat.errors[error] += 1
            if len(stat.samples) < 3:
                stat.samples.append(f"{error}: {sample[:300]}")
        elif refused_rows:
            stat.refused += 1
            stat.refused_rows += refused_rows


def payload_error(body: dict[str, Any] | None, field_name: str) -> tuple[str | None, dict[str, Any]]:
    """The error of an answered request (None if it succeeded) and its payload."""
    if body is None:
        return "no body", {}
    if body.get("errors"):
        error = body["errors"][0]
        return f"errors {error.get('extensions', {}).get('code') or error.get('message', '')[:40]}", {}
    payload = (body.get("data") or {}).get(field_name)
    if payload is None:
        return "no data", {}
    if isinstance(payload, dict) and payload.get("errors"):
        return f"refused {payload['errors'][0]['code']}", payload
    return None, payload


class Client:
    """One user at one browser: logged in once, one request at a time, the two workers in turn."""

    def __init__(self, index: int, role: str, urls: list[str], run: Run, fixture: Fixture, seed: int) -> None:
        self.index, self.role, self.run, self.fixture = index, role, run, fixture
        self.rng = random.Random(seed * 1_000_003 + index)
        self.http = [httpx.AsyncClient(base_url=url, timeout=60, limits=httpx.Limits(max_connections=2))
                     for url in urls]
        self.turn = index
        self.token = ""
        self.side = fixture.sides["hnu" if role == "hnu" else "csust"]
        self.stored: list[int] = []
        self.reserve: list[int] = []
        self.counter = 0

    def next_http(self) -> httpx.AsyncClient:
        self.turn += 1
        return self.http[self.turn % len(self.http)]

    async def close(self) -> None:
        for http in self.http:
            await http.aclose()

    async def login(self) -> float:
        account = {"csust": CSUST, "hnu": HNU_SYNCED, "teacher": CSUST_TEACHER}.get(self.role)
        if account is None:
            learner = sum(1 for i in range(self.index) if ROLES[i % len(ROLES)] == "learner")
            account = (self.fixture.learner_accounts[learner], LEARNER_PASSWORD)
        self.token, elapsed = await login(self.next_http(), *account)
        return elapsed

    async def post(self, name: str, query: str, variables: dict[str, Any],
                   files: dict[str, tuple[str, bytes, str]] | None = None
                   ) -> tuple[dict[str, Any] | None, str | None, float, float]:
        """(body, transport or HTTP error, start, seconds)."""
        http = self.next_http()
        headers = {"Authorization": f"Bearer {self.token}"}
        started = time.perf_counter()
        try:
            if files:
                response = await http.post("/graphql", files=files, data={
                    "operations": json.dumps({"query": query, "variables": variables}),
                    "map": json.dumps({"0": ["variables.input.reasonFile"]})},
                    headers={**headers, "Apollo-Require-Preflight": "true"})
            else:
                response = await http.post("/graphql", headers=headers,
                                           json={"query": query, "variables": variables})
            body = response.json() if response.status_code == 200 else None
            error = None if response.status_code == 200 else f"HTTP {response.status_code}"
            if error:
                return {"text": response.text[:300]}, error, started, time.perf_counter() - started
        except (httpx.HTTPError, json.JSONDecodeError) as exc:
            return None, type(exc).__name__, started, time.perf_counter() - started
        return body, None, started, time.perf_counter() - started

    async def call(self, name: str, field_name: str, query: str, variables: dict[str, Any],
                   files: dict[str, tuple[str, bytes, str]] | None = None) -> dict[str, Any] | None:
        """One request; recorded (if counted); its payload when it succeeded."""
        body, error, started, elapsed = await self.post(name, query, variables, files)
        payload: dict[str, Any] = {}
        if error is None:
            error, payload = payload_error(body, field_name)
        refused = 0
        if error is None and isinstance(payload, dict) and "results" in payload:
            allowed = EXPECTED_ROW_REFUSALS.get(name, set())
            codes = [r["error"]["code"] for r in payload["results"] if not r["ok"]]
            unexpected = [c for c in codes if c not in allowed]
            if unexpected:
                error = f"row {unexpected[0]}"
            refused = len(codes) - len(unexpected)
        self.run.record(name, started, elapsed, error, refused, json.dumps(body, ensure_ascii=False)
                        if error else "")
        return None if error else payload

    # --- operations ---

    async def op_list(self) -> None:
        page = 0 if self.rng.random() < 0.5 else self.rng.randint(1, 30)
        await self.call("list", "learnerAchievements", LIST, {
            "filter": self.rng.choice(LIST_FILTERS), "first": 20, "offset": page * 20})

    async def op_detail(self) -> None:
        from resolvers.ids import encode_id

        pk = self.rng.choice(self.side.detail_ids)
        await self.call("detail", "node", DETAIL, {"id": encode_id("LearnerAchievement", pk)})

    async def op_store(self) -> None:
        from resolvers.ids import encode_id

        self.counter += 1
        achievement_id, form = self.rng.choice(self.side.achievements)
        if self.rng.random() < 0.5:
            name, number = self.rng.choice(self.side.learners)
        else:  # a learner the institution does not know yet: created on the way (F5.2)
            name = f"新学员{self.index}-{self.counter}"
            number = id_number(str(int(self.side.region) + 1), self.index * 100_000 + self.counter)
        values: dict[str, Any] = {
            "achievementId": encode_id("Achievement", achievement_id), "name": name, "idNumber": number,
            "personalNumber": f"L{self.index}-{self.counter}", "issuedOn": "2024-06-30"}
        if form == "COURSE":
            values.update(score="85", earnedCredits=2)
        payload = await self.call("store", "storeLearnerAchievement", STORE_RECORD, {"input": values})
        if payload:
            self.stored.append(int(_pk(payload["learnerAchievement"]["id"])))

    async def op_withdraw(self) -> None:
        from resolvers.ids import encode_id

        ids = []
        for _ in range(self.rng.choice((1, 1, 2))):
            pool = self.stored or self.reserve
            if pool:
                ids.append(pool.pop(self.rng.randrange(len(pool))))
        if not ids:
            self.run.skipped["withdraw: nothing left to withdraw"] += 1
            return
        await self.call("withdraw", "withdrawRecords", WITHDRAW, {
            "input": {"ids": [encode_id("LearnerAchievement", pk) for pk in ids],
                      "reason": "证书信息录入错误", "reasonFile": None}},
            files={"0": ("撤回说明.pdf", REASON_PDF, PDF)})

    async def op_review(self) -> None:
        page = await self.call("review.pending", "receivedApplications", PENDING, {
            "filter": {"status": "PENDING", "kind": "INSTITUTION"}, "first": 20,
            "offset": 20 * self.rng.randint(0, 4)})
        if not page:
            return
        rows = [node["id"] for node in page["nodes"]]
        if not rows:
            self.run.skipped["review: no pending row on the page"] += 1
            return
        chosen = self.rng.sample(rows, min(len(rows), self.rng.randint(1, 3)))
        passing = self.rng.random() < 0.7
        await self.call("review", "reviewConversion", REVIEW, {"input": {
            "ids": chosen, "decision": "PASSED" if passing else "FAILED",
            "reason": None if passing else "证书等级不符"}})

    async def op_messages(self) -> None:
        unread_only = self.rng.random() < 0.5
        page = await self.call("messages.list", "messages", MESSAGES, {
            "filter": {"read": False} if unread_only else None, "first": 20, "offset": 0})
        await self.call("messages.unread", "unreadMessageCount", UNREAD, {})
        if page:
            unread = [m["id"] for m in page["nodes"] if not m["read"]]
            if unread:
                await self.call("messages.mark", "markMessagesRead", MARK_READ, {
                    "input": {"ids": self.rng.sample(unread, min(len(unread), 3))}})

    async def op_my_achievements(self) -> None:
        await self.call("my_achievements", "myAchievements", MY_ACHIEVEMENTS, {"first": 20})

    async def loop(self) -> None:
        mix = LEARNER_MIX if self.role == "learner" else INSTITUTION_MIX
        names, weights = list(mix), list(mix.values())
        while not self.run.stop.is_set():
            await getattr(self, f"op_{self.rng.choices(names, weights)[0]}")()


def _pk(global_id: str) -> str:
    from strawberry.relay import from_base64

    return from_base64(global_id)[1]


def percentile(values: list[float], q: float) -> float:
    """Nearest rank."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, math.ceil(q / 100 * len(ordered)) - 1))]


# --- where the time went: CPU per process, PostgreSQL sessions, py-spy ------------------------------

TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    try:
        fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields_[11]) + int(fields_[12])) / TICK


async def backend_pids() -> list[int]:
    """The PostgreSQL backends serving the benchmark's database (the workers' pools, this one)."""
    rows = await Tortoise.get_connection("default").execute_query_dict(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
    return [row["pid"] for row in rows]


async def cpu_snapshot(workers: list[AppProcess], redis: RedisServer) -> dict[str, dict[int, float]]:
    """CPU seconds so far of each process, by what it is."""
    snapshot = {"load client": {os.getpid(): cpu_seconds(os.getpid())},
                "redis": {redis.process.pid: cpu_seconds(redis.process.pid)},
                "postgres (this database)": {pid: cpu_seconds(pid) for pid in await backend_pids()}}
    for n, worker in enumerate(workers):
        assert worker.process is not None
        snapshot[f"worker {n + 1}"] = {worker.process.pid: cpu_seconds(worker.process.pid)}
    return snapshot


async def database_counters() -> dict[str, int]:
    """Transactions and rows of the benchmark's database so far (pg_stat_database)."""
    rows = await Tortoise.get_connection("default").execute_query_dict(
        "SELECT xact_commit + xact_rollback AS transactions, tup_returned AS returned, tup_fetched AS fetched, "
        "blks_read AS read, blks_hit AS hit FROM pg_stat_database WHERE datname = current_database()")
    return {key: int(value) for key, value in rows[0].items()}


def machine_busy() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine."""
    numbers = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = numbers[3] + numbers[4]
    return sum(numbers) - idle, sum(numbers)


async def sample_sessions(run: Run, samples: list[list[dict[str, Any]]]) -> None:
    """pg_stat_activity of the benchmark's database, four times a second."""
    connection = Tortoise.get_connection("default")
    while not run.stop.is_set():
        if run.counting_from is not None:
            rows = await connection.execute_query_dict(
                "SELECT state, wait_event_type, wait_event, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS q "
                "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                "AND backend_type = 'client backend'")
            samples.append(rows)
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(run.stop.wait(), 0.25)


def report_sessions(samples: list[list[dict[str, Any]]]) -> None:
    if not samples:
        return
    states: Counter[str] = Counter()
    waits: Counter[str] = Counter()
    queries: Counter[str] = Counter()
    for rows in samples:
        for row in rows:
            states[row["state"] or "?"] += 1
            if row["state"] == "active":
                waits[f"{row['wait_event_type']}:{row['wait_event']}" if row["wait_event_type"] else "CPU"] += 1
                queries[row["q"]] += 1
    n = len(samples)
    print(f"\nPostgreSQL sessions of the database ({n} samples): " + ", ".join(
        f"{state} {count / n:.1f}" for state, count in states.most_common()) + " on average")
    if waits:
        print("  active sessions were: " + ", ".join(f"{w} {c / n:.2f}" for w, c in waits.most_common(6)))
        for query, count in queries.most_common(6):
            print(f"  {count / n:5.2f} active  {query}")


async def start_profiles(args: argparse.Namespace, workers: list[AppProcess], directory: Path
                         ) -> list[tuple[asyncio.subprocess.Process, Path]]:
    if not args.profile:
        return []
    if not Path(args.py_spy).exists():
        print(f"--profile: no py-spy at {args.py_spy} (pip install py-spy, or --py-spy PATH); not profiling")
        return []
    started = []
    for worker in workers:
        assert worker.process is not None
        out = directory / f"profile-{worker.process.pid}.txt"
        process = await asyncio.create_subprocess_exec(
            args.py_spy, "record", "--pid", str(worker.process.pid), "--duration", str(int(args.duration)),
            "--rate", "97", "--format", "raw", "--nonblocking", "--full-filenames", "--output", str(out),
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)
        started.append((process, out))
    return started


# Where a frame's file lies, to say which layer a sample was in.
LAYERS = [
    ("argon2", "argon2 (password hashing)"), ("asyncpg", "asyncpg"), ("pypika", "tortoise/pypika (ORM)"),
    ("tortoise", "tortoise/pypika (ORM)"), ("graphql/", "graphql-core"), ("strawberry", "strawberry"),
    ("uvicorn", "uvicorn/starlette/http"), ("starlette", "uvicorn/starlette/http"),
    ("httptools", "uvicorn/starlette/http"), ("h11", "uvicorn/starlette/http"),
    ("multipart", "multipart upload parsing"), ("redis", "redis client"), ("asyncio", "asyncio event loop"),
    ("prometheus", "prometheus metrics"), ("logging", "logging"), ("json", "json"),
]
VENV = str(Path(sys.prefix).resolve())


def in_app(where: str) -> bool:
    """A frame of the project's own code (not of the virtualenv's packages)."""
    return where.startswith(str(ROOT)) and not where.startswith(VENV) and "/site-packages/" not in where


def layer_of(frame: str) -> str:
    where = frame.rsplit("(", 1)[-1]
    if in_app(where):
        return "application code"
    for marker, layer in LAYERS:
        if f"/{marker}" in where:
            return layer
    return "other"


def short(frame: str) -> str:
    """``function (path)`` with the path from the project or from site-packages."""
    function, _, where = frame.rpartition(" (")
    path = where.rstrip(")").rsplit(":", 1)[0]
    path = path.split("/site-packages/")[-1].removeprefix(str(ROOT) + "/")
    path = path.split("/lib/python3.")[-1].split("/", 1)[-1] if "/lib/python3." in path else path
    return f"{function} ({path})"


def report_profiles(profiles: list[tuple[Any, Path]]) -> None:
    if not profiles:
        return
    self_time: Counter[str] = Counter()
    layers: Counter[str] = Counter()
    inclusive: Counter[str] = Counter()
    total = 0
    for _, path in profiles:
        if not path.exists():
            continue
        for line in path.read_text(errors="replace").splitlines():
            stack, _, count_text = line.rpartition(" ")
            if not stack or not count_text.isdigit():
                continue
            count = int(count_text)
            frames = stack.split(";")
            total += count
            leaf = frames[-1]
            self_time[short(leaf)] += count
            layers[layer_of(leaf)] += count
            for name in {short(frame) for frame in frames if in_app(frame.rsplit("(", 1)[-1])}:
                inclusive[name] += count
    if not total:
        print("\npy-spy: no samples")
        return
    print(f"\nworker CPU profile (py-spy, both workers, {total} samples while busy):")
    print("  by layer (self time): "
          + ", ".join(f"{layer} {100 * c / total:.0f}%" for layer, c in layers.most_common(10)))
    print("  top functions by self time:")
    for name, count in self_time.most_common(15):
        print(f"    {100 * count / total:5.1f}%  {name}")
    print("  application functions by inclusive time:")
    for name, count in inclusive.most_common(15):
        print(f"    {100 * count / total:5.1f}%  {name}")


# --- statements per request: each operation again, in this process, one at a time ----------------


class StatementCounter(logging.Handler):
    """Counts the SQL statements Tortoise sends (its client logs each one at DEBUG)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.getMessage().lstrip()[:6].upper() in ("SELECT", "INSERT", "UPDATE", "DELETE", "WITH R", "WITH "):
            self.count += 1


class CountingClient(Client):
    """A load client whose requests go to an app in this process, with the statements each one
    sent and the pool resets (asyncpg resets a connection each time the pool gets it back: one
    more round trip, ``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``)."""

    def __init__(self, model: Client, http: httpx.AsyncClient, app: Any, counter: StatementCounter,
                 resets: list[int], run: Run) -> None:
        self.__dict__.update(model.__dict__)
        self.http, self.app, self.statements, self.resets, self.run = [http], app, counter, resets, run
        self.rng = random.Random(model.index)
        self.stored, self.reserve = [], list(model.reserve[-20:])
        self.seen: dict[str, list[tuple[int, int]]] = defaultdict(list)

    async def post(self, name: str, query: str, variables: dict[str, Any],
                   files: dict[str, tuple[str, bytes, str]] | None = None
                   ) -> tuple[dict[str, Any] | None, str | None, float, float]:
        statements, resets = self.statements.count, self.resets[0]
        answer = await super().post(name, query, variables, files)
        await self.app.state.services.background.drain()
        self.seen[name].append((self.statements.count - statements, self.resets[0] - resets))
        return answer


async def count_statements(url: str, env: dict[str, str], clients: list[Client], rounds: int = 6
                           ) -> dict[str, tuple[float, float, int]]:
    """Statements and pool resets per request, averaged over ``rounds`` runs of each operation."""
    from asyncpg.connection import Connection

    from server.app import create_app
    from server.settings import Settings

    settings = Settings(database_url=url, secret_key=env["SECRET_KEY"], demo=True,
                        file_dir=Path(env["FILE_DIR"]))
    app = create_app(settings, manage_database=False)
    counter, resets = StatementCounter(), [0]
    original = Connection.reset

    async def counted_reset(self: Any, *args: Any, **kwargs: Any) -> Any:
        resets[0] += 1
        return await original(self, *args, **kwargs)

    log = logging.getLogger("tortoise.db_client")
    level = log.level
    log.addHandler(counter)
    log.setLevel(logging.DEBUG)
    Connection.reset = counted_reset  # type: ignore[method-assign]
    seen: dict[str, list[tuple[int, int]]] = defaultdict(list)
    run = Run()  # nothing is recorded: it never counts
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://in-process",
                                     timeout=60) as http:
            for role in ("csust", "learner"):
                model = next((c for c in clients if c.role == role), None)
                if model is None:
                    continue
                client = CountingClient(model, http, app, counter, resets, run)
                mix = LEARNER_MIX if role == "learner" else INSTITUTION_MIX
                for _ in range(rounds):
                    for op in mix:
                        await getattr(client, f"op_{op}")()
                for name, values in client.seen.items():
                    seen[name] += values
    finally:
        Connection.reset = original  # type: ignore[method-assign]
        log.removeHandler(counter)
        log.setLevel(level)
        await app.state.services.background.drain()
    return {name: (sum(s for s, _ in values) / len(values), sum(r for _, r in values) / len(values), len(values))
            for name, values in seen.items()}


# --- the run ----------------------------------------------------------------------------------------


def print_table(run: Run, logins: list[float], seconds: float,
                statements: dict[str, tuple[float, float, int]]) -> tuple[float, float]:
    print(f"\n{'operation':<17}{'count':>8}{'errors':>8}{'refused':>9}{'ops/s':>9}"
          f"{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'SQL':>6}{'resets':>8}")
    total = errors = 0
    worst = 0.0
    for name in sorted(run.stats):
        stat = run.stats[name]
        ms = [v * 1000 for v in stat.latencies]
        failed = sum(stat.errors.values())
        total += len(ms)
        errors += failed
        p99 = percentile(ms, 99)
        worst = max(worst, p99)
        sql, resets, _ = statements.get(name, (float("nan"), float("nan"), 0))
        print(f"{name:<17}{len(ms):>8}{failed:>8}{stat.refused:>9}{len(ms) / seconds:>9.1f}"
              f"{percentile(ms, 50):>9.1f}{percentile(ms, 95):>9.1f}{p99:>9.1f}{max(ms):>9.1f}"
              f"{sql:>6.1f}{resets:>8.1f}")
    print(f"{'total':<17}{total:>8}{errors:>8}{'':>9}{total / seconds:>9.1f}")
    print("(SQL: statements one request sends, resets: connections asyncpg's pool resets after it, "
          "one round trip each; both counted afterwards, one request at a time, in this process)")
    if logins:
        ms = [v * 1000 for v in logins]
        print(f"(login, once per client before the run, all at once: {len(ms)} logins, "
              f"p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, max {max(ms):.0f} ms)")
    for name, stat in sorted(run.stats.items()):
        if stat.refused:
            print(f"{name}: {stat.refused} requests had {stat.refused_rows} rows already decided by another "
                  "reviewer (ALREADY_DECIDED, expected under contention; not errors)")
        for error, count in stat.errors.most_common():
            print(f"{name}: {count} × {error}")
        for sample in stat.samples:
            print(f"  e.g. {sample}")
    for what, count in run.skipped.items():
        print(f"skipped {count} × {what}")
    return total / seconds, worst


async def load(args: argparse.Namespace) -> None:
    assert_loopback(PG_ADMIN_URL)
    rng = random.Random(args.seed)
    tmp = Path(tempfile.mkdtemp(prefix="credit-bank-load-"))
    name = f"credit_bank_load_{os.getpid()}"
    workers: list[AppProcess] = []
    redis: RedisServer | None = None
    clients: list[Client] = []
    tasks: list[asyncio.Task[None]] = []
    profiles: list[tuple[asyncio.subprocess.Process, Path]] = []
    env: dict[str, str] = {}
    orm = False
    try:
        url = await database.create_database(PG_ADMIN_URL, name)
        redis = RedisServer(tmp / "redis")
        redis.start()
        assert_loopback(redis.url)
        env = app_env(url, redis_url=redis.url, DEMO="1", LOGIN_RATE_PER_ADDRESS=UNLIMITED,
                         CODE_RATE_PER_ADDRESS=UNLIMITED, CODE_CHECK_RATE_PER_ADDRESS=UNLIMITED,
                         CODE_CHECK_RATE_PER_ACCOUNT=UNLIMITED,
                         PARTNER_RATE_PER_KEY=UNLIMITED, PARTNER_RATE_PER_ADDRESS=UNLIMITED)
        t0 = time.perf_counter()
        await run_cli(env, "migrate")
        await run_cli(env, "seed-demo")
        await database.init_orm(url)
        orm = True
        fixture = await insert_data(args, rng)
        workers = [AppProcess(env, name="server") for _ in range(args.workers)]
        for worker in workers:
            assert_loopback(worker.url)
        await asyncio.gather(*(worker.start() for worker in workers))
        await publish_and_apply(workers[0].url, fixture, args.pending)
        print(f"set-up {time.perf_counter() - t0:.1f} s: PostgreSQL {name}, redis {redis.url}, "
              f"{args.workers} workers ({', '.join(w.url for w in workers)}); per institution "
              f"{args.learners} learners, {args.learners * 2 + args.pending} records, {args.pending} pending "
              f"applications received; {args.messages} messages per account")

        busy_start = machine_busy()
        await asyncio.sleep(1)
        busy_end = machine_busy()
        idle_before = (os.cpu_count() or 1) * (busy_end[0] - busy_start[0]) / max(1, busy_end[1] - busy_start[1])
        run = Run()
        urls = [worker.url for worker in workers]
        clients = [Client(i, ROLES[i % len(ROLES)], urls, run, fixture, args.seed) for i in range(args.clients)]
        logins = await asyncio.gather(*(client.login() for client in clients))
        for client in clients:
            mine = [c for c in clients if c.side is client.side and c.role != "learner"]
            if client.role != "learner":
                share = len(client.side.withdraw_ids) // len(mine)
                slot = mine.index(client)
                client.reserve = client.side.withdraw_ids[slot * share:(slot + 1) * share]
        roles = Counter(client.role for client in clients)
        print(f"{args.clients} clients ({', '.join(f'{n} {r}' for r, n in roles.items())}) logged in; "
              f"warm-up {args.warmup:.0f} s, then {args.duration:.0f} s counted")

        sessions: list[list[dict[str, Any]]] = []
        tasks = [asyncio.ensure_future(client.loop()) for client in clients]
        tasks.append(asyncio.ensure_future(sample_sessions(run, sessions)))
        await asyncio.sleep(args.warmup)
        before, busy_before = await cpu_snapshot(workers, redis), machine_busy()
        counters_before = await database_counters()
        run.counting_from = time.perf_counter()
        if args.profile_out:
            args.profile_out.mkdir(parents=True, exist_ok=True)
        profiles = await start_profiles(args, workers, args.profile_out or tmp)
        await asyncio.sleep(args.duration)
        run.counting_until = time.perf_counter()
        after, busy_after = await cpu_snapshot(workers, redis), machine_busy()
        counters_after = await database_counters()
        run.stop.set()
        await asyncio.wait_for(asyncio.gather(*tasks), 120)
        for process, _ in profiles:
            with contextlib.suppress(asyncio.TimeoutError):
                await asyncio.wait_for(process.wait(), 60)
        seconds = max(run.last_end, run.counting_until) - run.counting_from

        statements = await count_statements(url, env, clients)
        throughput, worst = print_table(run, logins, seconds, statements)
        window = run.counting_until - run.counting_from
        used = {what: sum(cpu - before[what].get(pid, 0.0) for pid, cpu in pids.items())
                for what, pids in after.items()}
        cores = os.cpu_count() or 1
        busy = cores * (busy_after[0] - busy_before[0]) / max(1, busy_after[1] - busy_before[1])
        print(f"\nCPU over the {window:.0f} s counted, in cores of {cores}: "
              + ", ".join(f"{what} {seconds_ / window:.2f}" for what, seconds_ in used.items())
              + f"; whole machine {busy:.2f} busy, of which {max(0.0, busy - sum(used.values()) / window):.2f} "
              f"by other processes (before the run: {idle_before:.2f} busy)")
        done = sum(len(stat.latencies) for stat in run.stats.values())
        delta = {key: counters_after[key] - counters_before[key] for key in counters_after}
        print(f"PostgreSQL per request: {delta['transactions'] / max(1, done):.1f} transactions (each statement "
              f"outside a transaction is one), {delta['returned'] / max(1, done):.0f} rows scanned, "
              f"{delta['fetched'] / max(1, done):.0f} fetched by index; buffer hits "
              f"{100 * delta['hit'] / max(1, delta['hit'] + delta['read']):.1f}%; worker CPU "
              f"{1000 * sum(v for k, v in used.items() if k.startswith('worker')) / max(1, done):.1f} ms per request")
        report_sessions(sessions)
        report_profiles(profiles)
        remaining = await Tortoise.get_connection("default").execute_query_dict(
            "SELECT count(*) AS n FROM conversion_application WHERE status = 'PENDING'")
        print(f"pending applications left: {remaining[0]['n']} of {2 * args.pending}")
        print(f"load_total_ops_per_s: {throughput:.1f}")
        print(f"load_worst_p99_ms: {worst:.1f}")
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        for process, _ in profiles:
            if process.returncode is None:
                with contextlib.suppress(ProcessLookupError):
                    process.terminate()
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(process.wait(), 10)
        for client in clients:
            with contextlib.suppress(Exception):
                await client.close()
        for worker in workers:
            if worker.process is not None and worker.process.poll() is not None and worker.process.returncode:
                print(f"worker {worker.url} exited with {worker.process.returncode}:\n{worker.output()}")
            worker.stop()
        if redis is not None:
            redis.stop()
        if orm:
            await Tortoise.close_connections()
        with contextlib.suppress(Exception):
            await database.drop_database(PG_ADMIN_URL, name)
        shutil.rmtree(tmp, ignore_errors=True)
        if env.get("DATA_DIR"):
            shutil.rmtree(env["DATA_DIR"], ignore_errors=True)


async def main() -> None:
    args = arguments()
    task = asyncio.current_task()
    assert task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    await load(args)


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except (KeyboardInterrupt, asyncio.CancelledError):
        print("interrupted: workers and redis stopped, database dropped", file=sys.stderr)
        sys.exit(130)
