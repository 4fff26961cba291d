"""Review a 10,000-learner batch with one reviewConversion call (allMatching = every pending
row of the batch), and in the same run time the floor: the same status updates done directly
through the ORM in one transaction on a second, identical batch. Prints rows per second for both
and, last, ``review_vs_floor: <ratio>``. The floor makes the same writes the review makes — the
status update, a review event and a conversion result per row — straight through the ORM.

    .venv/bin/python bench/review_batch.py [--learners 10000] [--database postgres]
"""

from __future__ import annotations

import asyncio
from datetime import date
from decimal import Decimal

from common import Timer, arguments, bench_app


async def setup(bench, learners: int) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    """Two published CSUST rules on one 湖南大学 certificate; HNU learners holding it; one batch
    per rule sent by HNU through applyConversion."""
    from tortoise.timezone import now
    from tortoise.transactions import in_transaction

    from adapters.pdf import simple_pdf
    from models.account import Account
    from models.achievement import Achievement, AchievementCategory, AchievementSubtype, RecognitionStatus
    from models.conversion import ConversionMethod, PublishStatus
    from models.institution import Institution
    from models.learner import Learner, LearnerAchievement
    from resolvers.ids import encode_id
    from server.bulk import bulk_insert
    from validators.id_number import check_digit

    csust = await Institution.get(school__code="4143010536").select_related("school")
    hnu = await Institution.get(school__code="4143010532").select_related("school")
    await Account.filter(username="4143010532").update(must_change_password=False)
    source = await Achievement.create(
        institution=hnu, category=AchievementCategory.NON_DEGREE, subtype=AchievementSubtype.X_CERTIFICATE,
        name="学习成果名录3(高级)", issuer="新疆美食培训", certificate_name="学习成果名录3",
        recognition_status=RecognitionStatus.RECOGNIZED, live_key="bench-x")
    course = await Achievement.create(
        institution=csust, category=AchievementCategory.DEGREE, subtype=AchievementSubtype.VOCATIONAL_COURSE,
        name="测试成果1", issuer=csust.school.name, course_name="测试成果1", original_hours=12,
        original_credits=Decimal("4"), introduction="x", live_key="bench-course")
    pdf = simple_pdf("规则", ["x"])
    key = await bench.app.state.services.storage.save(pdf, ".pdf")
    await ConversionMethod.create(institution=csust, name="办法", file_key=key, file_name="a.pdf",
                                  file_size=len(pdf), status=PublishStatus.PUBLISHED,
                                  published_slot=csust.id, pledged_by_id=1, pledged_at=now())
    await Institution.filter(id=csust.id).update(security_commitment_at=now(), security_commitment_by_id=1)
    async with in_transaction():
        await bulk_insert(Learner, [
            {"institution_id": hnu.id, "name": f"学员{n}",
             "id_number": (f17 := f"3301011995{n // 28 % 12 + 1:02d}{n % 28 + 1:02d}{n // 336:03d}") + check_digit(f17)}
            for n in range(learners)
        ])
        ids = await Learner.filter(institution_id=hnu.id).values_list("id", flat=True)
        await bulk_insert(LearnerAchievement, [
            {"institution_id": hnu.id, "learner_id": pk, "achievement_id": source.id,
             "achievement_name": source.name, "category": source.category, "subtype": source.subtype,
             "personal_number": f"P{pk}", "issued_on": date(2022, 3, 1), "live_key": f"{source.id}|P{pk}"}
            for pk in ids
        ])
    csust_token = bench.token
    hnu_token = (await bench.client.post("/graphql", json={"query": 'mutation { login(input: {account: "4143010532", password: "xfyh@123!"}) { token } }'})).json()["data"]["login"]["token"]
    create = """mutation($i: ConversionRuleInput!) { createConversionRule(input: $i, publish: true) {
        rule { id } errors { code message } } }"""
    batches = []
    for _ in range(2):
        import json

        response = await bench.client.post(
            "/graphql",
            data={"operations": json.dumps({"query": create, "variables": {"i": {
                "ruleType": "NON_DEGREE_TO_DEGREE", "file": None, "pledgeAccepted": True,
                "sources": [{"achievementId": encode_id("Achievement", source.id), "credits": 5}],
                "targetCourseIds": [encode_id("Achievement", course.id)]}}}),
                "map": json.dumps({"0": ["variables.i.file"]})},
            files={"0": ("r.pdf", pdf, "application/pdf")},
            headers={"Authorization": f"Bearer {csust_token}", "Apollo-Require-Preflight": "true"})
        rule = response.json()["data"]["createConversionRule"]["rule"]["id"]
        applied = await bench.client.post("/graphql", json={
            "query": "mutation($i: ApplyConversionInput!) { applyConversion(input: $i) { batch { id learnerCount } errors { code } } }",
            "variables": {"i": {"ruleId": rule, "allMatching": True}}},
            headers={"Authorization": f"Bearer {hnu_token}"})
        batch = applied.json()["data"]["applyConversion"]["batch"]
        assert batch["learnerCount"] == learners, applied.json()
        batches.append(batch["id"])
    return batches[0], batches[1]


async def main() -> None:
    args = arguments(__doc__ or "", learners=10_000)
    async with bench_app(args.database) as bench:
        from tortoise.timezone import now
        from tortoise.transactions import in_transaction

        from models.application import (
            ApplicationStatus,
            ConversionApplication,
            ConversionResult,
            ReviewAction,
            ReviewEvent,
        )
        from resolvers.ids import decode_id

        reviewed, floor_batch = await setup(bench, args.learners)
        query = """mutation($i: ReviewConversionInput!) { reviewConversion(input: $i) {
            succeeded failed errors { code } } }"""
        with Timer() as review:
            data = await bench.gql(query, {"i": {"decision": "PASSED", "allMatching": True,
                                                "filter": {"batchId": reviewed}}})
        assert data["reviewConversion"]["succeeded"] == args.learners, data
        batch_id = decode_id(floor_batch, "ApplicationBatch")
        pending = await ConversionApplication.filter(batch_id=batch_id).values_list("id", "id_number")
        with Timer() as floor:
            # The same writes straight through the ORM: the status update, one review event and
            # one conversion result per row, in one transaction.
            async with in_transaction():
                updated = await ConversionApplication.filter(
                    batch_id=batch_id, status=ApplicationStatus.PENDING
                ).update(status=ApplicationStatus.PASSED, decided_at=now(), decided_by_id=1)
                await ReviewEvent.bulk_create([
                    ReviewEvent(application_id=pk, action=ReviewAction.PASSED, actor_id=1) for pk, _ in pending
                ], batch_size=2000)
                await ConversionResult.bulk_create([
                    ConversionResult(application_id=pk, id_number=id_number, source={"rule": "x"},
                                     granted={"courses": []}, granted_credits=Decimal("4"))
                    for pk, id_number in pending
                ], batch_size=2000)
        assert updated == args.learners
        rate, floor_rate = args.learners / review.seconds, args.learners / floor.seconds
        print(f"review: {review.seconds:.2f} s for {args.learners} rows ({args.database}), "
              "with review events, conversion results, audit and messages")
        print(f"floor:  {floor.seconds:.2f} s ({floor_rate:,.0f} rows/s): the same writes through the "
              "ORM (UPDATE + bulk_create of events and results) in one transaction")
        print(f"review_rows_per_s: {rate:,.0f}")
        print(f"review_vs_floor: {rate / floor_rate:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
