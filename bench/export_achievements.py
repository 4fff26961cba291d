"""Export 100,000 achievements through GraphQL (exportAchievements, with its phone code) and, in
the same run, time the floor: openpyxl write-only writing the same rows, already in memory.
Exports 20,000 rows first and 100,000 after and prints the peak memory after each, to show that
memory does not grow with the row count. Last line ``export_vs_floor: <ratio>``.

    .venv/bin/python bench/export_achievements.py [--rows 100000] [--database postgres]
"""

from __future__ import annotations

import asyncio
import tempfile
from decimal import Decimal
from pathlib import Path

from common import Timer, arguments, bench_app, peak_rss_mb
from openpyxl import Workbook

EXPORT = """mutation($input: ExportAchievementsInput!) { exportAchievements(input: $input) {
    rowCount file { url } errors { code message } } }"""


async def fill(rows: int) -> None:
    from tortoise.timezone import now
    from tortoise.transactions import in_transaction

    from models.achievement import Achievement, AchievementCategory, AchievementSubtype, RecognitionStatus
    from models.institution import Institution
    from server.bulk import bulk_insert

    institution = await Institution.get(school__code="4143010536").select_related("school")
    moment = now()
    async with in_transaction():
        for start in range(0, rows, 5000):
            await bulk_insert(Achievement, [
                {
                    "institution_id": institution.id, "category": AchievementCategory.DEGREE,
                    "subtype": AchievementSubtype.VOCATIONAL_COURSE, "name": f"课程{i:06d}",
                    "issuer": institution.school.name, "course_name": f"课程{i:06d}",
                    "course_code": f"K{i:06d}", "original_hours": 32, "original_credits": Decimal("2.0"),
                    "introduction": f"第{i}门课程", "live_key": f"k{i}", "certificate_name": "",
                    "external_id": "", "recognition_status": RecognitionStatus.UNRECOGNIZED,
                    "created_at": moment, "updated_at": moment,
                }
                for i in range(start, min(rows, start + 5000))
            ])


async def floor_rows(limit: int) -> list[list[object]]:
    """The exported columns of the same rows, read beforehand (not timed)."""
    from models.achievement import Achievement
    from resolvers.achievement.export import HEADERS

    rows = await Achievement.all().order_by("-id").limit(limit).values_list(
        "name", "category", "subtype", "recognition_status", "issuer", "course_name", "course_code",
        "original_hours", "original_credits", "introduction", "created_at",
    )
    # The export's column order, with its empty cells left empty as the export leaves them.
    result = []
    for name, category, subtype, status, issuer, course, code, hours, credits, intro, created in rows:
        result.append([name, category, subtype, status, 0, 0, issuer, None, None, None, None, None,
                       None, None, hours, credits, None, course, code, None, None, None, created,
                       intro])
    assert all(len(row) == len(HEADERS) for row in result)
    return result


def floor(rows: list[list[object]], path: Path) -> None:
    from resolvers.achievement.export import HEADERS

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("机构成果")
    sheet.append(HEADERS)
    for row in rows:
        sheet.append([float(v) if isinstance(v, Decimal) else (v.isoformat() if hasattr(v, "isoformat") else v) for v in row])
    workbook.save(path)


async def export(bench, limit: int) -> float:  # type: ignore[no-untyped-def]
    from models.achievement import Achievement

    ids = None
    if limit:
        ids = await Achievement.all().order_by("-id").limit(limit).values_list("id", flat=True)
    code = await bench.export_code()
    from resolvers.ids import encode_id

    selection = ({"ids": [encode_id("Achievement", i) for i in ids]} if ids else {"allMatching": True})
    variables = {"input": {"code": code, **selection}}
    with Timer() as timer:
        data = await bench.gql(EXPORT, variables)
    result = data["exportAchievements"]
    assert result["errors"] == [], result
    return timer.seconds


async def main() -> None:
    args = arguments(__doc__ or "", rows=100_000)
    async with bench_app(args.database) as bench:
        await fill(args.rows)
        small = await export(bench, args.rows // 5)
        small_peak = peak_rss_mb()
        full = await export(bench, 0)
        full_peak = peak_rss_mb()
        rows = await floor_rows(args.rows)
        with tempfile.TemporaryDirectory() as tmp, Timer() as floored:
            await asyncio.to_thread(floor, rows, Path(tmp) / "floor.xlsx")
        export_rate, floor_rate = args.rows / full, args.rows / floored.seconds
        print(f"export {args.rows // 5} rows: {small:.2f} s; peak_rss_mb after: {small_peak:.0f}")
        print(f"export {args.rows} rows: {full:.2f} s, {export_rate:,.0f} rows/s; peak_rss_mb after: {full_peak:.0f}")
        print(f"floor:  {floored.seconds:.2f} s, {floor_rate:,.0f} rows/s (openpyxl write-only, rows in memory)")
        print(f"export_vs_floor: {export_rate / floor_rate:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
