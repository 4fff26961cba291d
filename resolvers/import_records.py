"""The "imported rows" sheet of an import record (F4.9, F5.3, F6.4): built from the rows the
import stored that are still there, on first download, then kept."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from adapters.spreadsheets import XlsxWriter
from models.achievement import Achievement
from models.imports import ImportJob, ImportKind
from models.learner import Learner, LearnerAchievement

if TYPE_CHECKING:
    from server.context import Context


def _source(job: ImportJob):  # type: ignore[no-untyped-def]
    from resolvers.achievement.export import HEADERS as ACHIEVEMENT_HEADERS
    from resolvers.achievement.export import _rows as achievement_rows
    from resolvers.learner.export import (
        LEARNER_HEADERS,
        RECORD_HEADERS,
        _learner_rows,
        _record_rows,
    )

    if job.kind == ImportKind.ACHIEVEMENTS:
        return ACHIEVEMENT_HEADERS, achievement_rows(
            Achievement.filter(import_job_id=job.id, deleted_at__isnull=True))
    if job.kind == ImportKind.LEARNERS:
        return LEARNER_HEADERS, _learner_rows(Learner.filter(import_job_id=job.id))
    if job.kind == ImportKind.LEARNER_ACHIEVEMENTS:
        return RECORD_HEADERS, _record_rows(
            LearnerAchievement.filter(import_job_id=job.id, withdrawn_at__isnull=True))
    return None


async def imported_file(ctx: Context, job: ImportJob) -> str | None:
    source = _source(job) if job.imported_count else None
    if source is None:
        return None
    headers, rows = source
    key = f"imports/{job.id}/imported.xlsx"
    storage = ctx.services.storage
    if not storage.exists(key):
        path = storage.path(key)
        partial = path.with_suffix(".part.xlsx")
        writer = XlsxWriter(partial, "已导入数据", headers)
        async for chunk in rows:
            await asyncio.to_thread(writer.append_many, chunk)
        await asyncio.to_thread(writer.close)
        partial.replace(path)
    return key
