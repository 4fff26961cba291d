"""Import a generated 100,000-row achievement file through GraphQL, and in the same run time the
floor: reading that file with the same reader (python-calamine) plus one bulk insert of the same
rows. Prints rows per second for both, peak memory, and last ``import_vs_floor: <ratio>``.

    .venv/bin/python bench/import_achievements.py [--rows 100000] [--database postgres]
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

from common import Timer, arguments, bench_app, peak_rss_mb
from openpyxl import Workbook

HEADERS = ["课程名称*", "课程代码", "原始学时", "原始学分", "成果简介*"]


def generate(path: Path, rows: int) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("数据")
    sheet.append(HEADERS)
    for i in range(rows):
        sheet.append([f"课程{i:06d}", f"K{i:06d}", 32 + i % 40, 2 + i % 3, f"第{i}门课程的简介"])
    workbook.save(path)


async def floor(path: Path, institution_id: int, school_name: str) -> int:
    """Read with calamine and insert the same rows with the same multi-row INSERT: nothing else."""
    from decimal import Decimal

    import python_calamine
    from tortoise.timezone import now
    from tortoise.transactions import in_transaction

    from models.achievement import Achievement, AchievementCategory, AchievementSubtype, RecognitionStatus
    from server.bulk import bulk_insert

    workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))
    rows = workbook.get_sheet_by_name("数据").iter_rows()
    next(rows)
    moment = now()
    values = [
        {
            "institution_id": institution_id, "category": AchievementCategory.DEGREE,
            "subtype": AchievementSubtype.VOCATIONAL_COURSE, "name": f"F{row[0]}",
            "issuer": school_name, "course_name": f"F{row[0]}", "course_code": str(row[1]),
            "original_hours": int(row[2]), "original_credits": Decimal(str(row[3])),
            "introduction": str(row[4]), "live_key": f"floor|{row[1]}",
            "recognition_status": RecognitionStatus.UNRECOGNIZED, "certificate_name": "",
            "external_id": "", "stored_by_id": None, "import_job_id": None, "created_at": moment,
            "updated_at": moment,
        }
        for row in rows
    ]
    async with in_transaction():
        for start in range(0, len(values), 2000):
            await bulk_insert(Achievement, values[start:start + 2000])
    return len(values)


async def main() -> None:
    args = arguments(__doc__ or "", rows=100_000)
    async with bench_app(args.database) as bench:
        from models.achievement import Achievement
        from models.institution import Institution

        path = bench.tmp / "achievements.xlsx"
        generate(path, args.rows)
        print(f"file: {args.rows} rows, {path.stat().st_size / 1e6:.1f} MB ({args.database})")
        content = path.read_bytes()
        query = """mutation($input: ImportAchievementsInput!) { importAchievements(input: $input) {
            importedCount rejectedCount errors { code message } } }"""
        import json

        with Timer() as imported:
            response = await bench.client.post(
                "/graphql",
                data={"operations": json.dumps({"query": query, "variables": {"input": {
                    "subtype": "VOCATIONAL_COURSE", "file": None}}}),
                      "map": json.dumps({"0": ["variables.input.file"]})},
                files={"0": ("achievements.xlsx", content, "application/octet-stream")},
                headers={"Authorization": f"Bearer {bench.token}", "Apollo-Require-Preflight": "true"},
            )
        result = response.json()["data"]["importAchievements"]
        assert result["errors"] == [] and result["importedCount"] == args.rows, result
        import_peak = peak_rss_mb()
        institution = await Institution.get(school__code="4143010536").select_related("school")
        with Timer() as floored:
            count = await floor(path, institution.id, institution.school.name)
        assert count == args.rows
        assert await Achievement.all().count() == 2 * args.rows
        import_rate, floor_rate = args.rows / imported.seconds, args.rows / floored.seconds
        print(f"import: {imported.seconds:.2f} s, {import_rate:,.0f} rows/s (through GraphQL)")
        print(f"floor:  {floored.seconds:.2f} s, {floor_rate:,.0f} rows/s (calamine read + bulk insert)")
        print(f"peak_rss_mb after import: {import_peak:.0f}")
        print(f"import_vs_floor: {import_rate / floor_rate:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
