"""Fill 200,000 learner achievements, then time the first page of the learner-achievement list
(20 rows, filtered by entry year and type, with totalCount) through GraphQL against the same
rows read by a plain Starlette JSON endpoint in the same process (same auth, same query, same
masking). Prints the SQL statements one page costs at 10 and at 100 rows (equal: no N+1) and
last ``graphql_vs_plain: <ratio>`` (requests per second through GraphQL / plain).

    .venv/bin/python bench/list_learner_achievements.py [--rows 200000] [--requests 300] [--database postgres]
"""

from __future__ import annotations

import asyncio
import logging
import statistics
import time
from datetime import date, datetime, timedelta
from typing import Any

from common import arguments, bench_app
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

QUERY = """query($first: Int!) {
  learnerAchievements(first: $first, filter: {entryYear: 2025, category: DEGREE}) {
    totalCount
    edges { node { id achievementName category subtype personalNumber issuedOn source enteredAt
      learner { name maskedIdNumber maskedPhone } } }
  }
}"""


async def fill(rows: int) -> None:
    from tortoise.transactions import in_transaction

    from models.achievement import Achievement, AchievementCategory, AchievementSubtype
    from models.institution import Institution
    from models.learner import Learner, LearnerAchievement, LearnerStatus, StorageSource
    from server.bulk import bulk_insert
    from validators.id_number import check_digit

    institution = await Institution.get(school__code="4143010536").select_related("school")
    subtypes = [(AchievementSubtype.VOCATIONAL_COURSE, AchievementCategory.DEGREE),
                (AchievementSubtype.OTHER_NON_DEGREE, AchievementCategory.NON_DEGREE)]
    achievements = []
    for i in range(40):
        subtype, category = subtypes[i % 2]
        achievements.append(await Achievement.create(
            institution=institution, category=category, subtype=subtype, name=f"成果{i}",
            issuer=institution.school.name, course_name=f"成果{i}", introduction="简介",
            live_key=f"bench{i}",
        ))
    learners = rows // 10
    start = datetime(2022, 1, 1).astimezone()
    async with in_transaction():
        for offset in range(0, learners, 5000):
            batch = []
            for n in range(offset, min(learners, offset + 5000)):
                first17 = f"1101011990{(n // 1000) % 12 + 1:02d}{n % 28 + 1:02d}{n % 1000:03d}"
                batch.append({"institution_id": institution.id, "name": f"学员{n}",
                              "id_number": first17 + check_digit(first17),
                              "phone": f"170{n:08d}"[:11] if n % 3 == 0 else "",
                              "status": LearnerStatus.ACTIVE if n % 3 == 0 else LearnerStatus.INACTIVE,
                              "created_at": start, "updated_at": start})
            await bulk_insert(Learner, batch)
        learner_ids = await Learner.filter(institution_id=institution.id).order_by("id").values_list("id", flat=True)
        for offset in range(0, rows, 5000):
            batch = []
            for n in range(offset, min(rows, offset + 5000)):
                achievement = achievements[n % len(achievements)]
                moment = start + timedelta(minutes=n * 10)  # spread over the years 2022–2026
                batch.append({
                    "institution_id": institution.id, "learner_id": learner_ids[n % len(learner_ids)],
                    "achievement_id": achievement.id, "achievement_name": achievement.name,
                    "category": achievement.category, "subtype": achievement.subtype,
                    "personal_number": f"P{n}", "issued_on": date(2022, 3, 1), "score": "",
                    "earned_credits": None, "source": StorageSource.INSTITUTION,
                    "live_key": f"{achievement.id}|P{n}", "created_at": moment, "updated_at": moment,
                })
            await bulk_insert(LearnerAchievement, batch)
    connection = LearnerAchievement._choose_db()
    if connection.capabilities.dialect == "postgres":
        await connection.execute_script("ANALYZE")  # as autovacuum would after a bulk load


def plain_endpoint(services: Any) -> Route:
    """The same list as a plain JSON endpoint: same auth, same query, same masking."""
    from models.achievement import AchievementCategory
    from models.base import SHANGHAI
    from resolvers.ids import encode_id
    from resolvers.learner import records
    from server.context import Context, bearer_token
    from validators.contact import mask_phone
    from validators.id_number import mask

    def beijing_time(value: datetime) -> str:
        return value.astimezone(SHANGHAI).isoformat(timespec="seconds")

    class Filter:
        entry_year, category = 2025, AchievementCategory.DEGREE
        name = subtype = learner_name = id_number = achievement_id = learner_id = None

    async def handler(request: Request) -> JSONResponse:
        context = Context(request=request, response=None, services=services)
        await context.authenticate(bearer_token(request))
        first = int(request.query_params.get("first", "20"))
        query = records.filtered(context, Filter()).select_related("learner")
        rows = await query.limit(first)
        total = await query.count()
        return JSONResponse({"totalCount": total, "edges": [{"node": {
            "id": encode_id("LearnerAchievement", row.id), "achievementName": row.achievement_name,
            "category": row.category.value, "subtype": row.subtype.value,
            "personalNumber": row.personal_number, "issuedOn": row.issued_on.isoformat(),
            "source": row.source.value, "enteredAt": beijing_time(row.created_at),
            "learner": {"name": row.learner.name, "maskedIdNumber": mask(row.learner.id_number),
                        "maskedPhone": mask_phone(row.learner.phone)},
        }} for row in rows]})

    return Route("/plain/learner-achievements", handler)


class QueryCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage().lstrip().upper()
        if message.startswith(("SELECT", "INSERT", "UPDATE", "DELETE")):
            self.count += 1


async def main() -> None:
    args = arguments(__doc__ or "", rows=200_000, requests=300)
    async with bench_app(args.database) as bench:
        t0 = time.perf_counter()
        await fill(args.rows)
        print(f"filled {args.rows} learner achievements in {time.perf_counter() - t0:.1f} s ({args.database})")
        bench.app.router.routes.append(plain_endpoint(bench.app.state.services))
        headers = {"Authorization": f"Bearer {bench.token}"}

        async def graphql(first: int) -> dict[str, Any]:
            response = await bench.client.post("/graphql", json={"query": QUERY, "variables": {"first": first}}, headers=headers)
            body = response.json()
            assert "errors" not in body, body
            return body["data"]["learnerAchievements"]

        async def plain(first: int) -> dict[str, Any]:
            response = await bench.client.get(f"/plain/learner-achievements?first={first}", headers=headers)
            return response.json()

        a, b = await graphql(20), await plain(20)
        assert a == b, f"the two endpoints must answer the same rows:\n{a['edges'][0]}\n{b['edges'][0]}"
        assert len(a["edges"]) == 20 and a["totalCount"] > 0

        counter = QueryCounter()
        client_log = logging.getLogger("tortoise.db_client")
        client_log.addHandler(counter)
        client_log.setLevel(logging.DEBUG)
        statements = {}
        for first in (10, 100):
            counter.count = 0
            await graphql(first)
            statements[first] = counter.count
        client_log.removeHandler(counter)
        client_log.setLevel(logging.WARNING)

        timings: dict[str, list[float]] = {"graphql": [], "plain": []}
        for _ in range(args.requests):
            for name, call in (("graphql", graphql), ("plain", plain)):
                start = time.perf_counter()
                await call(20)
                timings[name].append(time.perf_counter() - start)
        g, p = statistics.median(timings["graphql"]), statistics.median(timings["plain"])
        print(f"total matching rows: {a['totalCount']}")
        print(f"SQL statements per page: 10 rows → {statements[10]}, 100 rows → {statements[100]}")
        print(f"first page, median of {args.requests}: graphql {g * 1000:.2f} ms, plain {p * 1000:.2f} ms")
        print(f"graphql_vs_plain: {p / g:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
