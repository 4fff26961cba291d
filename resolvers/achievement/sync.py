"""The periodic X-certificate sync (F4.4, F16): certificates with their grades arrive from the
vocational skill certificate platform, already recognised, and are upserted idempotently.

A sync file is a spreadsheet with the columns of ``SYNC_COLUMNS`` or JSON lines with the keys
``schoolCode, certificateId, name, grade, issuer, introduction, validFrom``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from tortoise.timezone import now
from tortoise.transactions import in_transaction

from adapters.spreadsheets import Column, SpreadsheetError, cell_date, cell_text, open_sheet
from models.achievement import (
    Achievement,
    AchievementCategory,
    AchievementSubtype,
    CertificateGrade,
    RecognitionStatus,
)
from models.imports import ImportJob, ImportKind, ImportStatus
from models.institution import Institution
from resolvers.errors import Code, Invalid
from validators.text import has_controls

if TYPE_CHECKING:
    from models.account import Account

SYNC_COLUMNS = (
    Column("school_code", "院校标识码", required=True),
    Column("certificate_id", "证书编号", required=True),
    Column("name", "证书名称", required=True),
    Column("grade", "等级", required=True),
    Column("issuer", "颁证机构", required=True),
    Column("introduction", "成果简介"),
    Column("valid_from", "有效期起始时间"),
)
JSON_KEYS = {"schoolCode": "school_code", "certificateId": "certificate_id", "name": "name",
             "grade": "grade", "issuer": "issuer", "introduction": "introduction",
             "validFrom": "valid_from"}
_TEXTS = {"school_code": "院校标识码", "certificate_id": "证书编号", "name": "证书名称", "grade": "等级",
          "issuer": "颁证机构", "introduction": "成果简介"}
_GRADES = {g.label: g for g in CertificateGrade} | {g.value: g for g in CertificateGrade}


@dataclass
class SyncResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[tuple[int, str]] = field(default_factory=list)
    job: ImportJob | None = None


def _records(data: bytes) -> tuple[int, Iterator[tuple[int, dict[str, Any]]]]:
    """How many records (blank rows included for spreadsheets), and (line or row number, record)
    from JSON lines or a spreadsheet."""
    if data.lstrip()[:1] == b"{":
        lines = data.decode("utf-8-sig").splitlines()
        return sum(1 for line in lines if line.strip()), _json_records(lines)
    try:
        sheet = open_sheet(data)
    except SpreadsheetError as exc:
        raise Invalid.one("file", Code.NOT_A_SPREADSHEET, "同步文件应为Excel表格或JSON Lines") from exc
    positions = {title: i for i, title in enumerate(sheet.headers)}
    missing = [c.title for c in SYNC_COLUMNS if c.required and c.title not in positions]
    if missing:
        raise Invalid.one("file", Code.MISSING_COLUMNS, "同步文件缺少列：" + "、".join(missing))
    return sheet.row_count, _sheet_records(sheet, positions)


def _json_records(lines: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            yield number, {"_error": "不是有效的JSON"}
            continue
        yield number, {JSON_KEYS[k]: v for k, v in item.items() if k in JSON_KEYS}


def _sheet_records(sheet: Any, positions: dict[str, int]) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, row in enumerate(sheet.rows, start=2):
        if any(cell not in (None, "") for cell in row):
            yield number, {c.key: row[positions[c.title]] if positions.get(c.title, 99) < len(row) else None
                           for c in SYNC_COLUMNS if c.title in positions}


async def sync_x_certificates(data: bytes, source_name: str, operator: Account | None, *,
                              on_progress: Callable[[int, int], None] | None = None) -> SyncResult:
    """Upsert the file's certificates; ``on_progress(done, total)`` is called as records are
    handled (the CLI draws a progress bar with it)."""
    if not data:
        raise Invalid.one("file", Code.FILE_EMPTY)
    if has_controls(source_name):
        raise Invalid.one("file", Code.CONTROL_CHARACTERS, "文件名不能包含控制字符或文字方向控制符，请重命名后再上传")
    total, records = _records(data)
    institutions = {
        code: institution_id
        for code, institution_id in await Institution.all().values_list("school__code", "id")
    }
    result = SyncResult()
    job = await ImportJob.create(
        kind=ImportKind.X_CERTIFICATE_SYNC, operator_id=operator.id if operator else 0,
        operator_name=(operator.name or operator.username) if operator else "命令行",
        source_name=source_name[:200],
    )
    async with in_transaction():
        for done, (number, record) in enumerate(records, start=1):
            problem = record.get("_error") or await _upsert(record, institutions, result, job.id)
            if problem:
                result.rejected.append((number, problem))
            if on_progress is not None:
                on_progress(done, total)
    job.status, job.finished_at = ImportStatus.DONE, now()
    job.total_rows = result.created + result.updated + result.unchanged + len(result.rejected)
    job.imported_count = result.created + result.updated + result.unchanged
    job.rejected_count = len(result.rejected)
    await job.save()
    result.job = job
    return result


async def _upsert(record: dict[str, Any], institutions: dict[str, int], result: SyncResult,
                  job_id: int) -> str | None:
    controls = [title for key, title in _TEXTS.items() if isinstance(record.get(key), str)
                and has_controls(record[key], multiline=key == "introduction")]
    if controls:
        return "、".join(controls) + "不能包含控制字符或文字方向控制符"
    school_code = cell_text(record.get("school_code"))
    certificate_id = cell_text(record.get("certificate_id"))
    name = cell_text(record.get("name"))
    issuer = cell_text(record.get("issuer"))
    grade = _GRADES.get(cell_text(record.get("grade")))
    missing = [title for title, value in (("院校标识码", school_code), ("证书编号", certificate_id),
                                          ("证书名称", name), ("颁证机构", issuer)) if not value]
    if missing:
        return "缺少" + "、".join(missing)
    if grade is None:
        return "等级应为初级、中级或高级"
    if len(name) > 100 or len(issuer) > 128 or len(certificate_id) > 64:
        return "证书名称、颁证机构或证书编号过长"
    institution_id = institutions.get(school_code)
    if institution_id is None:
        return f"院校标识码{school_code}没有已注册的院校"
    valid_from = cell_date(record.get("valid_from"))
    if valid_from == "":
        return "有效期起始时间应为YYYY-MM-DD"
    values = {
        "name": f"{name}({grade.label})",
        "certificate_name": name,
        "issuer": issuer,
        "introduction": cell_text(record.get("introduction")),
        "valid_from": valid_from,
    }
    live_key = f"{AchievementSubtype.X_CERTIFICATE.value}|{certificate_id}|{grade.value}"
    existing = await Achievement.get_or_none(institution_id=institution_id, live_key=live_key)
    if existing is None:
        await Achievement.create(
            institution_id=institution_id, category=AchievementCategory.NON_DEGREE,
            subtype=AchievementSubtype.X_CERTIFICATE, grade=grade, external_id=certificate_id,
            live_key=live_key, recognition_status=RecognitionStatus.RECOGNIZED,
            recognized_at=now(), import_job_id=job_id, **values,
        )
        result.created += 1
    elif any(getattr(existing, k) != v for k, v in values.items()):
        await Achievement.filter(id=existing.id).update(**values)
        result.updated += 1
    else:
        result.unchanged += 1
    return None
