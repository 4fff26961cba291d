"""Live fan-out (D2) across two workers: N graphql-transport-ws subscribers split between two
uvicorn worker processes on PostgreSQL and Redis, one event per subscriber's institution made
through the GraphQL API over HTTP (staff ``grantSubtype``: a GRANT_CHANGED message for every
user of the institution), and the delay from the moment each triggering request was sent to the
moment its subscribers received the message.

Everything is its own: a fresh PostgreSQL database (migrated with ``python -m server migrate``,
dropped at the end), a redis-server on a free port, two workers started the way production
starts them (the app factory configured by environment variables). Institutions, accounts and
their logins (Session rows with known tokens) are inserted directly, so set-up takes seconds.

Each subscriber is one websocket with ``messageReceived`` and ``unreadMessageCount`` (what the
institution space's bell and message list keep open); it counts as live at its first unread
count. Subscribers alternate between the workers; triggers go ``--concurrency`` at a time, each to
the worker NOT holding its institution's (first) subscriber, so every event crosses processes
through Redis. Prints the delivery latency p50/p95/p99 in ms (messageReceived; the unread
count's update too), the count delivered and, last, ``fanout_p99_ms: <n>``. The CPU line tells
where the cores went while the triggers ran (the machine may be shared with other work: the
first line says how busy it was before the run).

    .venv/bin/python bench/fanout.py [--subscribers 1000] [--per-institution 1] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import secrets
import signal
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("AERICH_NO_TORTOISE_V1_WARNING", "1")

import httpx
import websockets
from tortoise import Tortoise

from server import database
from tests.support.processes import (
    AppProcess,
    RedisServer,
    app_env,
    app_processes,
    describe,
    redis_server,
    run_cli,
)

PG_ADMIN_URL = os.environ.get("POSTGRES_ADMIN_URL", "postgres://postgres@127.0.0.1:5432/postgres")
GOAL_MS = 1000
SUBTYPE = "SKILL_LEVEL_CERTIFICATE"
TITLE = "学分银行已授权贵机构存储“职业技能等级证书(人社部)”类成果"
GRANT = """mutation Grant($institutionId: ID!, $subtype: GrantableSubtype!) {
  grantSubtype(institutionId: $institutionId, subtype: $subtype) { grant { id } errors { code } } }"""
MESSAGE_RECEIVED = "subscription { messageReceived { id title } }"
UNREAD = "subscription { unreadMessageCount }"


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--subscribers", type=int, default=1000, help="websocket subscribers (default 1000)")
    parser.add_argument("--per-institution", type=int, default=1,
                        help="subscribers (accounts) per institution; one event per institution (default 1)")
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes (default 2)")
    parser.add_argument("--concurrency", type=int, default=8, help="triggering requests in flight (default 8)")
    parser.add_argument("--wait", type=float, default=30.0,
                        help="seconds to wait for deliveries after the last trigger (default 30)")
    parser.add_argument("--no-compression", action="store_true",
                        help="subscribers do not offer permessage-deflate (browsers do)")
    return parser.parse_args()


# --- data -------------------------------------------------------------------------------------------

@dataclass
class Fixture:
    staff_token: str
    institutions: list[int]                      # institution ids, one event each
    subscribers: list[tuple[str, int]]           # (token, institution id) per subscriber


async def insert_data(subscribers: int, per_institution: int) -> Fixture:
    """Demo data for the staff account, then N/per institutions (a registered school each) with
    ``per_institution`` users, and a login per user and for staff, with known tokens."""
    from tortoise.timezone import now
    from tortoise.transactions import in_transaction

    from models.account import Account, AccountKind, Session
    from models.directory import Province, School
    from models.institution import Institution, RegistrationStep
    from server.bulk import bulk_insert
    from server.demo import seed
    from server.security import Passwords, token_digest

    await seed(Passwords(1, 1024))
    count = math.ceil(subscribers / per_institution)
    province = await Province.get(code="430000")
    moment = now()
    expires = moment + timedelta(hours=12)
    async with in_transaction():
        await bulk_insert(School, [
            {"province_id": province.id, "name": f"压测学校{n}", "code": f"9{n:09d}", "school_type": "高职"}
            for n in range(count)
        ])
        schools = dict(await School.filter(code__startswith="9").values_list("code", "id"))
        await bulk_insert(Institution, [
            {"school_id": schools[f"9{n:09d}"], "registration_step": RegistrationStep.COMPLETE,
             "registered_at": moment, "contact_name": "压测"}
            for n in range(count)
        ])
        by_school = dict(await Institution.filter(school_id__in=list(schools.values()))
                         .values_list("school_id", "id"))
        institutions = [by_school[schools[f"9{n:09d}"]] for n in range(count)]
        await bulk_insert(Account, [
            {"username": f"fanout{n}", "password_hash": "!", "name": "压测",
             "kind": AccountKind.INSTITUTION_ADMIN if n % per_institution == 0 else AccountKind.INSTITUTION_USER,
             "all_modules": True, "institution_id": institutions[n // per_institution]}
            for n in range(subscribers)
        ])
        accounts = dict(await Account.filter(username__startswith="fanout").values_list("username", "id"))
        staff = await Account.get(username="bankstaff")
        tokens = [f"fanout-{n}-{secrets.token_urlsafe(16)}" for n in range(subscribers)]
        staff_token = f"fanout-staff-{secrets.token_urlsafe(16)}"
        await bulk_insert(Session, [
            {"token_digest": token_digest(token), "account_id": accounts[f"fanout{n}"], "expires_at": expires}
            for n, token in enumerate(tokens)
        ] + [{"token_digest": token_digest(staff_token), "account_id": staff.id, "expires_at": expires}])
    return Fixture(staff_token=staff_token, institutions=institutions,
                   subscribers=[(token, institutions[n // per_institution]) for n, token in enumerate(tokens)])


# --- subscribers ------------------------------------------------------------------------------------

@dataclass
class Client:
    institution: int
    live: asyncio.Event = field(default_factory=asyncio.Event)
    message_at: float | None = None
    count_at: float | None = None
    title: str = ""
    problems: list[str] = field(default_factory=list)


async def subscribe(client: Client, url: str, token: str, compression: str | None,
                    connecting: asyncio.Semaphore, stop: asyncio.Event) -> None:
    ws: Any = None
    try:
        async with connecting:
            ws = await websockets.connect(url, subprotocols=["graphql-transport-ws"], open_timeout=60,
                                          ping_interval=None, compression=compression, max_queue=None)
            await ws.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
            ack = json.loads(await asyncio.wait_for(ws.recv(), 60))
            if ack.get("type") != "connection_ack":
                raise RuntimeError(f"connection refused: {ack}")
            await ws.send(json.dumps({"id": "m", "type": "subscribe", "payload": {"query": MESSAGE_RECEIVED}}))
            await ws.send(json.dumps({"id": "u", "type": "subscribe", "payload": {"query": UNREAD}}))
        async with ws:
            receiving = asyncio.ensure_future(_receive(client, ws))
            await asyncio.wait([receiving, asyncio.ensure_future(stop.wait())],
                               return_when=asyncio.FIRST_COMPLETED)
            receiving.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await receiving
    except Exception as exc:  # noqa: BLE001 - reported in the figures
        client.problems.append(f"{type(exc).__name__}: {exc}")
        client.live.set()
        if ws is not None:
            with contextlib.suppress(Exception):
                await ws.close()


async def _receive(client: Client, ws: Any) -> None:
    counts = 0
    async for raw in ws:
        moment = time.perf_counter()
        message = json.loads(raw)
        kind = message.get("type")
        if kind == "ping":
            await ws.send(json.dumps({"type": "pong"}))
            continue
        if kind != "next":
            client.problems.append(f"unexpected {message}")
            client.live.set()
            continue
        if message["payload"].get("errors"):
            client.problems.append(f"errors {message['payload']['errors']}")
            client.live.set()
            continue
        data = message["payload"]["data"]
        if message["id"] == "u":
            counts += 1
            if counts == 1:
                client.live.set()
            elif client.count_at is None:
                client.count_at = moment
        elif client.message_at is None:
            client.message_at = moment
            client.title = data["messageReceived"]["title"]
        else:
            client.problems.append("a second message")


# --- triggers ---------------------------------------------------------------------------------------

async def trigger_all(workers: list[AppProcess], fixture: Fixture, concurrency: int,
                      per_institution: int) -> tuple[dict[int, float], dict[int, float], list[float], list[str]]:
    """One grantSubtype per institution, ``concurrency`` in flight, alternating workers, each sent
    to a worker other than the one holding the institution's first subscriber; answers the send
    moment and answer moment per institution, the request durations and any failures."""
    from resolvers.ids import encode_id

    sent: dict[int, float] = {}
    answered: dict[int, float] = {}
    durations: list[float] = []
    failures: list[str] = []
    queue = list(enumerate(fixture.institutions))
    queue.reverse()
    headers = {"Authorization": f"Bearer {fixture.staff_token}"}
    clients = [httpx.AsyncClient(base_url=w.url, timeout=60,
                                 limits=httpx.Limits(max_connections=concurrency)) for w in workers]

    async def run() -> None:
        while queue:
            index, institution = queue.pop()
            body = {"query": GRANT, "variables": {"institutionId": encode_id("Institution", institution),
                                                  "subtype": SUBTYPE}}
            # On another worker than the institution's first subscriber: the event crosses processes.
            http = clients[(index * per_institution + 1) % len(clients)]
            started = time.perf_counter()
            sent[institution] = started
            try:
                response = await http.post("/graphql", json=body, headers=headers)
                payload = response.json()
                if payload.get("errors") or payload["data"]["grantSubtype"]["errors"]:
                    failures.append(json.dumps(payload, ensure_ascii=False)[:300])
            except Exception as exc:  # noqa: BLE001
                failures.append(f"{type(exc).__name__}: {exc}")
            answered[institution] = time.perf_counter()
            durations.append(answered[institution] - started)

    try:
        # Open the connections first (a TCP handshake is not what is measured).
        await asyncio.gather(*(http.get("/healthz") for http in clients for _ in range(concurrency)))
        await asyncio.gather(*(run() for _ in range(concurrency)))
    finally:
        for http in clients:
            await http.aclose()
    return sent, answered, durations, failures


# --- figures ----------------------------------------------------------------------------------------

async def backend_seconds() -> dict[int, float]:
    """CPU time so far of each PostgreSQL backend connected to this run's database (the workers'
    pools and this process)."""
    rows = await Tortoise.get_connection("default").execute_query_dict(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")
    found = {}
    for row in rows:
        with contextlib.suppress(OSError):
            found[row["pid"]] = cpu_seconds(row["pid"])
    return found


def cpu_seconds(pid: int | None = None) -> float:
    """CPU time (user + system) of a process so far, or of the whole machine (every core)."""
    ticks = os.sysconf("SC_CLK_TCK")
    if pid is None:
        with open("/proc/stat") as stat:
            values = [int(v) for v in stat.readline().split()[1:]]
        return (sum(values) - values[3] - values[4]) / ticks  # all but idle and iowait
    with open(f"/proc/{pid}/stat") as stat:
        values = stat.read().rsplit(")", 1)[1].split()
    return (int(values[11]) + int(values[12])) / ticks



def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(math.ceil(p / 100 * len(ordered)) - 1, 0)]


def figures(label: str, seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (f"{label}: p50 {percentile(ms, 50):.0f} ms, p95 {percentile(ms, 95):.0f} ms, "
            f"p99 {percentile(ms, 99):.0f} ms, max {max(ms, default=float('nan')):.0f} ms")


# --- the run ----------------------------------------------------------------------------------------

async def run(args: argparse.Namespace, tmp: Path) -> float:
    # SIGTERM ends the run like Ctrl-C: everything started is stopped, the database dropped.
    task = asyncio.current_task()
    assert task is not None
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)
    name = f"credit_bank_bench_fanout_{os.getpid()}"
    url = await database.create_database(PG_ADMIN_URL, name)
    redis: RedisServer | None = None
    workers: list[AppProcess] = []
    try:
        started = time.perf_counter()
        env = app_env(url, tmp / "app", secret_key="bench-secret-key")
        await run_cli(env, "migrate")
        await database.init_orm(url)
        fixture = await insert_data(args.subscribers, args.per_institution)
        print(f"set-up: database migrated, {len(fixture.institutions)} institutions, "
              f"{args.subscribers} accounts and logins in {time.perf_counter() - started:.1f} s")

        with redis_server(tmp / "redis") as redis:
            env = app_env(url, tmp / "app", redis_url=redis.url, secret_key="bench-secret-key", DEMO="1")
            async with app_processes(env, args.workers) as workers:
                return await measure(args, fixture, workers)
    except Exception:
        if workers or redis:
            print(describe(*workers, *([redis] if redis else [])), file=sys.stderr)
        raise
    finally:
        await Tortoise.close_connections()
        await database.drop_database(PG_ADMIN_URL, name)


async def measure(args: argparse.Namespace, fixture: Fixture, workers: list[AppProcess]) -> float:
    idle_before = cpu_seconds()
    await asyncio.sleep(1)
    busy = (cpu_seconds() - idle_before) / (os.cpu_count() or 1)
    print(f"machine before the run: {busy:.0%} busy (other processes share these cores)")
    stop = asyncio.Event()
    connecting = asyncio.Semaphore(50)
    compression = None if args.no_compression else "deflate"
    clients = [Client(institution) for _, institution in fixture.subscribers]
    started = time.perf_counter()
    tasks = [
        asyncio.ensure_future(subscribe(client, workers[n % len(workers)].ws_url, token, compression,
                                        connecting, stop))
        for n, (client, (token, _)) in enumerate(zip(clients, fixture.subscribers))
    ]
    try:
        deadline = time.perf_counter() + 120
        while not all(client.live.is_set() for client in clients):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"{sum(not c.live.is_set() for c in clients)} subscribers not live in 120 s")
            await asyncio.sleep(0.05)
        broken = [c for c in clients if c.problems]
        if broken:
            raise RuntimeError(f"{len(broken)} subscribers failed, e.g. {broken[0].problems[:3]}")
        print(f"subscribers: {len(clients)} live over {len(workers)} workers "
              f"in {time.perf_counter() - started:.1f} s")
        await asyncio.sleep(1)  # let the connection burst settle

        pids = [w.process.pid for w in workers if w.process]
        backends = await backend_seconds()
        before = [cpu_seconds(pid) for pid in pids] + [0.0, cpu_seconds(os.getpid()), cpu_seconds()]
        began = time.perf_counter()
        sent, answered, durations, failures = await trigger_all(workers, fixture, args.concurrency, args.per_institution)
        triggered = time.perf_counter() - began
        database_cpu = sum(seconds - backends.get(pid, 0.0) for pid, seconds in (await backend_seconds()).items())
        after = [cpu_seconds(pid) for pid in pids] + [database_cpu, cpu_seconds(os.getpid()), cpu_seconds()]
        used = [b - a for a, b in zip(before, after)]
        if failures:
            raise RuntimeError(f"{len(failures)} triggers failed, e.g. {failures[:3]}")
        print(f"triggers: {len(sent)} grantSubtype requests in {triggered:.1f} s "
              f"({len(sent) / triggered:.0f}/s, {args.concurrency} in flight, alternating workers)")
        print(figures("request", durations))
        print("CPU during the triggers: " + ", ".join(
            f"worker{n + 1} {seconds:.1f} s" for n, seconds in enumerate(used[:len(pids)]))
            + f", PostgreSQL (this database) {used[-3]:.1f} s, this client {used[-2]:.1f} s, whole machine {used[-1]:.1f} s "
            f"of {triggered * (os.cpu_count() or 1):.1f} s ({os.cpu_count()} cores)")

        deadline = time.perf_counter() + args.wait
        while time.perf_counter() < deadline and not all(
                c.message_at is not None and c.count_at is not None for c in clients):
            await asyncio.sleep(0.05)
    finally:
        stop.set()
        await asyncio.gather(*tasks, return_exceptions=True)

    delivered = [c for c in clients if c.message_at is not None]
    latencies = [c.message_at - sent[c.institution] for c in delivered]  # type: ignore[operator]
    counted = [c.count_at - sent[c.institution] for c in clients if c.count_at is not None]  # type: ignore[operator]
    wrong = [c for c in delivered if c.title != TITLE]
    problems = [p for c in clients for p in c.problems]
    print(f"delivered: {len(delivered)}/{len(clients)} messages"
          + (f", {len(wrong)} with a wrong title" if wrong else "")
          + (f", {len(problems)} problems (e.g. {problems[0]})" if problems else ""))
    print(figures("messageReceived latency", latencies))
    print(figures("unreadMessageCount latency", counted) + f" ({len(counted)} updated)")
    print(figures("messageReceived after the trigger's HTTP answer",
                  [c.message_at - answered[c.institution] for c in delivered])  # type: ignore[operator]
          + " (negative: the message came first)")
    p99 = percentile([s * 1000 for s in latencies], 99) if len(delivered) == len(clients) else math.inf
    goal = "met" if p99 < GOAL_MS else "NOT met"
    print(f"goal p99 < {GOAL_MS} ms: {goal}")
    return p99


def main() -> None:
    args = arguments()
    try:
        import uvloop

        asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())
    except ImportError:
        pass
    with tempfile.TemporaryDirectory(prefix="fanout-") as tmp:
        try:
            p99 = asyncio.run(run(args, Path(tmp)))
        except (KeyboardInterrupt, asyncio.CancelledError):
            print("interrupted: workers and Redis stopped, database dropped", file=sys.stderr)
            sys.exit(130)
    print(f"fanout_p99_ms: {p99:.0f}" if math.isfinite(p99) else "fanout_p99_ms: inf")


if __name__ == "__main__":
    main()
