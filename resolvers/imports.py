"""The spreadsheet import engine shared by every import (F4.8/F4.9, F5.3, F6.4, B7).

One upload is checked as a spreadsheet (content, size, zip bomb, template, headers), every row is
checked by the import's ``ImportSpec``, duplicates inside the file and against stored data are
refused, and the good rows are stored in one transaction under a per-institution lock, so two
imports of one file at once store each row exactly once and a failure half-way stores nothing.
A dry run (B7) answers every row's verdict and writes nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, Protocol

from tortoise import Tortoise
from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.filetypes import spreadsheet_suffix
from adapters.spreadsheets import Column, SpreadsheetError, XlsxWriter, open_sheet
from adapters.storage import StorageFull, full_disk
from models.account import Module
from models.imports import ImportJob, ImportKind, ImportStatus
from models.message import MessageKind
from resolvers import audit, checks
from resolvers.errors import Code, Invalid, Problems
from resolvers.ids import encode_id
from resolvers.messages import Progress, notify
from validators.text import has_controls

if TYPE_CHECKING:
    from models.account import Account
    from server.context import Context

log = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_ROWS = 100_000
BATCH_ROWS = 2000
TEMPLATE_KEY = "模板"


@dataclass
class RowVerdict:
    row: int
    ok: bool
    reason: str = ""
    cells: list[str] = field(default_factory=list)


@dataclass
class ImportOutcome:
    total: int
    imported: int
    rejected: int
    verdicts: list[RowVerdict]
    job: ImportJob | None = None
    failed: bool = False
    # Only checked: ``imported`` rows would be stored, none was.
    dry_run: bool = False


class ImportSpec(Protocol):
    kind: ImportKind
    # Imports that write the same table share a lock name (learners come from two imports).
    lock_name: str
    target: str
    columns: Sequence[Column]
    template_name: str

    def field_title(self, field: str | None) -> str: ...

    async def prepare(self) -> None:
        """Load what checking rows needs (reference lists) once per import."""

    def check_row(self, raw: dict[str, Any], problems: Problems) -> tuple[str, Any]:
        """Check one row; return its identity key and the values to store."""

    async def existing_keys(self) -> set[str]:
        """Keys already stored; called under the import lock."""

    async def insert(self, values: list[Any], job_id: int | None) -> None:
        """Store checked rows (inside the import's transaction)."""


async def read_upload(upload: Any) -> bytes:
    if upload is None:
        raise Invalid.one("file", Code.REQUIRED, "请选择要导入的文件")
    named = Problems()
    checks.upload_name(named, "file", upload)
    named.raise_any()
    data = await upload.read(MAX_UPLOAD_BYTES + 1)
    if not data:
        raise Invalid.one("file", Code.FILE_EMPTY)
    if len(data) > MAX_UPLOAD_BYTES:
        raise Invalid.one("file", Code.FILE_TOO_LARGE, "文件不能超过20MB")
    return data


def _open(spec: ImportSpec, data: bytes) -> tuple[Any, dict[str, int]]:
    try:
        sheet = open_sheet(data)
    except SpreadsheetError as exc:
        if exc.reason == "TOO_LARGE":
            raise Invalid.one("file", Code.SPREADSHEET_TOO_LARGE) from exc
        raise Invalid.one("file", Code.NOT_A_SPREADSHEET) from exc
    marker = sheet.meta.get(TEMPLATE_KEY)
    if marker is not None and marker != spec.template_name:
        raise Invalid.one("file", Code.TEMPLATE_MISMATCH,
                          f"这是“{marker}”的模板，请下载“{spec.template_name}”的模板")
    positions = {title: i for i, title in enumerate(sheet.headers) if title}
    missing = [c.title for c in spec.columns if c.required and c.title not in positions]
    if missing:
        if not any(c.title in positions for c in spec.columns):
            raise Invalid.one("file", Code.TEMPLATE_MISMATCH)
        raise Invalid.one("file", Code.MISSING_COLUMNS, "表格缺少必填列：" + "、".join(missing))
    return sheet, {c.key: positions[c.title] for c in spec.columns if c.title in positions}


def _reason(spec: ImportSpec, problems: Problems) -> str:
    # A problem's field is the spec's input field name, or a column key (the engine's own checks).
    titles = {c.key: c.title for c in spec.columns}
    return "；".join(f"{titles.get(p.field or '') or spec.field_title(p.field)}：{p.message}"
                    for p in problems.items)


def _check_controls(spec: ImportSpec, raw: dict[str, Any], problems: Problems) -> None:
    """Every cell of every import, whatever its column: no control or bidi characters (the
    spec's checks then hold single-line text to one line). Read before ``cell_text`` trims."""
    for column in spec.columns:
        value = raw.get(column.key)
        if isinstance(value, str) and has_controls(value, multiline=True):
            problems.add(column.key, Code.CONTROL_CHARACTERS)


INTERRUPTED = "导入过程中服务中断，已全部撤销，未导入任何数据，请重新导入"
# A RUNNING job younger than this may still be starting its transaction.
SETTLE_AFTER = timedelta(seconds=30)


def _job_key(job_id: int) -> int:
    digest = hashlib.blake2b(f"import-job:{job_id}".encode(), digest_size=8)
    return int.from_bytes(digest.digest(), "big", signed=True)


async def _hold_job(job_id: int) -> None:
    """Held by the import's transaction: while it is held the import is alive; a worker that dies
    releases it with its connection (and the transaction rolls back)."""
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect == "postgres":
        await connection.execute_query("SELECT pg_advisory_xact_lock($1)", [_job_key(job_id)])


async def settle_interrupted(ctx: Context | None, institution_id: int | None = None, *,
                             at_startup: bool = False, older_than: timedelta = SETTLE_AFTER) -> int:
    """Mark imports whose worker died mid-way as failed and tell their operator. Their transaction
    rolled back, so nothing of the file is stored; the job says so. On PostgreSQL a job is dead
    when nobody holds its lock; on SQLite (one process) every running job is dead at start-up."""
    postgres = Tortoise.get_connection("default").capabilities.dialect == "postgres"
    if not postgres and not at_startup:
        return 0
    query = ImportJob.filter(status=ImportStatus.RUNNING)
    if postgres:
        query = query.filter(created_at__lt=now() - older_than)
    if institution_id is not None:
        query = query.filter(institution_id=institution_id)
    settled = 0
    for job in await query:
        async with in_transaction() as connection:
            if postgres:
                free = await connection.execute_query_dict(
                    "SELECT pg_try_advisory_xact_lock($1) AS free", [_job_key(job.id)])
                if not free[0]["free"]:
                    continue
            moved = await ImportJob.filter(id=job.id, status=ImportStatus.RUNNING).update(
                status=ImportStatus.FAILED, finished_at=now(), error=INTERRUPTED)
            if moved:
                job.error = INTERRUPTED
                await _tell_operator(ctx, job, MessageKind.IMPORT_FAILED, f"{job.source_name}导入失败", INTERRUPTED)
                settled += 1
    if settled:
        log.warning("settled %d interrupted import(s)", settled)
    return settled


async def _lock(name: str, institution_id: int) -> None:
    """Serialise the imports that share ``name`` per institution (PostgreSQL; SQLite serialises
    writers anyway)."""
    connection = Tortoise.get_connection("default")
    if connection.capabilities.dialect == "postgres":
        digest = hashlib.blake2b(f"import:{name}:{institution_id}".encode(), digest_size=8)
        key = int.from_bytes(digest.digest(), "big", signed=True)
        await connection.execute_query("SELECT pg_advisory_xact_lock($1)", [key])


async def run_import(ctx: Context, account: Account, spec: ImportSpec, upload: Any,
                     dry_run: bool) -> ImportOutcome:
    async with Progress(ctx, 0, "校验" if dry_run else "导入").until_finished() as progress:
        data = await read_upload(upload)
        sheet, positions = _open(spec, data)
        await spec.prepare()
        progress.total = sheet.row_count
        outcome = await _run(ctx, account, spec, data, upload, sheet, positions, dry_run, progress)
        progress.done = progress.total
        return outcome


async def _run(ctx: Context, account: Account, spec: ImportSpec, data: bytes, upload: Any, sheet: Any,
               positions: dict[str, int], dry_run: bool, progress: Progress) -> ImportOutcome:
    institution_id: int = account.institution_id  # type: ignore[attr-defined]
    if dry_run:
        outcome = await _process(spec, sheet, positions, await spec.existing_keys(), None, True, progress)
        if outcome.total == 0:
            raise Invalid.one("file", Code.NO_ROWS)
        outcome.dry_run = True
        return outcome

    filename = PurePath(getattr(upload, "filename", "") or "import.xlsx").name[:200]
    # Kept under the suffix of what it was read as, never the uploader's (served by that type).
    source_key = await ctx.services.storage.save(data, spreadsheet_suffix(data[:8]))
    job = await ImportJob.create(
        institution_id=institution_id, kind=spec.kind, target=spec.target,
        operator_id=account.id, operator_name=account.name or account.username,
        source_name=filename, source_key=source_key,
    )
    try:
        async with in_transaction():
            await _hold_job(job.id)
            await _lock(spec.lock_name, institution_id)
            outcome = await _process(spec, sheet, positions, await spec.existing_keys(), job, False, progress)
            if outcome.total == 0:
                raise Invalid.one("file", Code.NO_ROWS)
            await audit.record(ctx, f"import.{spec.kind.value.lower()}", job,
                               imported=outcome.imported, rejected=outcome.rejected)
            # The record says DONE in the same commit as the rows: a worker dying later (while
            # writing the rejected-rows sheet) cannot leave stored rows under a RUNNING job.
            job.status, job.finished_at = ImportStatus.DONE, now()
            job.total_rows, job.imported_count, job.rejected_count = (
                outcome.total, outcome.imported, outcome.rejected
            )
            await job.save()
            await _tell_operator(ctx, job, MessageKind.IMPORT_FINISHED, f"{job.source_name}导入完成",
                                 f"共{outcome.total}条，成功导入{outcome.imported}条，未导入{outcome.rejected}条。")
    except Invalid:
        await job.delete()
        await ctx.services.storage.delete(source_key)
        raise
    except Exception as exc:  # the transaction rolled back: nothing of this file is stored
        log.exception("import %s failed", job.id)
        job.status, job.finished_at = ImportStatus.FAILED, now()
        job.error = f"导入过程中出错，已全部撤销，未导入任何数据（{type(exc).__name__}）"[:500]
        async with in_transaction():
            await job.save()
            await _tell_operator(ctx, job, MessageKind.IMPORT_FAILED, f"{job.source_name}导入失败", job.error)
        return ImportOutcome(total=0, imported=0, rejected=0, verdicts=[], job=job, failed=True)

    if outcome.rejected:
        try:
            job.rejected_key = await _write_rejected(ctx, spec, outcome.verdicts)
        except StorageFull:
            job.error = "存储空间不足，未导入数据表格未能生成；已导入的数据不受影响"
        await job.save(update_fields=["rejected_key", "error"])
    outcome.job = job
    return outcome


async def _tell_operator(ctx: Context | None, job: ImportJob, kind: MessageKind, title: str,
                         body: str) -> None:
    await notify(ctx, [job.operator_id], kind, title, body,  # type: ignore[attr-defined]
                 institution_id=job.institution_id, module=Module.ACHIEVEMENTS,  # type: ignore[attr-defined]
                 object_id=encode_id("ImportJob", job.id))


async def _process(spec: ImportSpec, sheet: Any, positions: dict[str, int], stored: set[str],
                   job: ImportJob | None, dry_run: bool, progress: Progress) -> ImportOutcome:
    seen: dict[str, int] = {}
    verdicts: list[RowVerdict] = []
    batch: list[Any] = []
    total = imported = 0
    width = max(positions.values()) + 1
    for number, row in enumerate(sheet.rows, start=2):
        if _blank(row):
            continue
        total += 1
        if total % 500 == 0:
            await progress.report(number - 1)
        if total > MAX_ROWS:
            raise Invalid.one("file", Code.TOO_MANY_ROWS, f"一次最多导入{MAX_ROWS}行")
        cells = list(row) + [None] * (width - len(row))
        raw = {key: cells[index] for key, index in positions.items()}
        problems = Problems()
        _check_controls(spec, raw, problems)
        if not problems.items:
            key, values = spec.check_row(raw, problems)
        if not problems.items:
            if key in seen:
                problems.add("row", Code.DUPLICATE_IN_FILE, f"与第{seen[key]}行重复")
            elif key in stored:
                problems.add("row", Code.ACHIEVEMENT_EXISTS, "已存在相同的数据，不能重复导入")
        if problems.items:
            verdicts.append(RowVerdict(number, False, _reason(spec, problems), _texts(cells, positions, spec)))
            continue
        seen[key] = number
        imported += 1
        if dry_run:
            verdicts.append(RowVerdict(number, True))
            continue
        batch.append(values)
        if len(batch) >= BATCH_ROWS:
            await spec.insert(batch, job.id if job else None)
            batch = []
            await asyncio.sleep(0)
    if batch:
        await spec.insert(batch, job.id if job else None)
    return ImportOutcome(total=total, imported=imported, rejected=total - imported, verdicts=verdicts)


def _blank(row: list[Any]) -> bool:
    for cell in row:
        if cell is not None and cell != "":
            return False
    return True


def _texts(cells: list[Any], positions: dict[str, int], spec: ImportSpec) -> list[str]:
    from adapters.spreadsheets import cell_text

    return [cell_text(cells[positions[c.key]]) if c.key in positions else "" for c in spec.columns]


async def _write_rejected(ctx: Context, spec: ImportSpec, verdicts: list[RowVerdict]) -> str:
    key, path = ctx.services.storage.reserve(".xlsx")
    headers = ["原行号", *[c.title for c in spec.columns], "失败原因"]

    def write() -> None:
        writer = XlsxWriter(path, "未导入数据", headers)
        writer.append_many([v.row, *v.cells, v.reason] for v in verdicts if not v.ok)
        writer.close()

    try:
        await asyncio.to_thread(write)
    except OSError as exc:
        path.unlink(missing_ok=True)
        if full_disk(exc):
            raise StorageFull(str(exc)) from exc
        raise
    return key
