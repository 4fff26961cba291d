"""Files, imports and exports: signed download links, import records and row verdicts."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import UTC, datetime, timedelta
from typing import Any

import strawberry
from strawberry.types import Info

from models.imports import ImportJob, ImportKind, ImportStatus
from resolvers.errors import Code
from resolvers.import_records import imported_file
from resolvers.imports import ImportOutcome, settle_interrupted
from schema.errors import Payload, UserError, mutate
from schema.labels import labeled_enum
from schema.node import ModelNode
from server.files import DEFAULT_TTL_SECONDS, download_name, signed_link

ImportKindEnum = labeled_enum(ImportKind, description="导入类别")
ImportStatusEnum = labeled_enum(ImportStatus, description="导入状态")


@strawberry.type(description=f"文件下载链接：签名地址，GET 即可下载，无需登录令牌；自签发起 {DEFAULT_TTL_SECONDS} 秒"
                              f"（{DEFAULT_TTL_SECONDS // 60} 分钟）内有效，过期后访问返回 410，请重新查询取得新链接")
class FileLink:
    url: str = strawberry.field(description="下载地址：服务配置了对外地址（PUBLIC_BASE_URL）时为绝对地址"
                                            "（https://…/files/…），否则为相对本服务的路径（/files/…），"
                                            "由前端拼接 API 所在的主机")
    filename: str = strawberry.field(description="文件名")
    expires_in_seconds: int = strawberry.field(description=f"链接有效秒数（签发时起 {DEFAULT_TTL_SECONDS} 秒）")
    expires_at: datetime = strawberry.field(description="链接失效时间")


def file_link(info: Info, key: str | None, filename: str) -> FileLink | None:
    if not key:
        return None
    filename = download_name(key, filename)  # the extension of the type it is served as
    url, expires = signed_link(info.context.settings, key, filename=filename)
    return FileLink(
        url=url,
        filename=filename,
        expires_in_seconds=DEFAULT_TTL_SECONDS,
        expires_at=datetime.fromtimestamp(expires, UTC),
    )


@strawberry.type(name="ImportJob", description="一次导入的记录：操作人、导入时间、成功与失败条数及其表格")
class ImportJobType(ModelNode):
    model = ImportJob
    type_name = "ImportJob"

    kind: ImportKindEnum = strawberry.field(description="导入类别")  # type: ignore[valid-type]
    status: ImportStatusEnum = strawberry.field(description="状态")  # type: ignore[valid-type]
    operator_name: str = strawberry.field(description="操作人")
    created_at: datetime = strawberry.field(description="导入时间")
    finished_at: datetime | None = strawberry.field(description="完成时间")
    source_name: str = strawberry.field(description="上传的文件名")
    total_rows: int = strawberry.field(description="数据行数")
    imported_count: int = strawberry.field(description="成功导入条数")
    rejected_count: int = strawberry.field(description="未导入条数")
    error: str = strawberry.field(description="导入失败时的说明")

    @strawberry.field(description="上传的原始文件")
    def source_file(self, info: Info, root: strawberry.Parent[Any]) -> FileLink | None:
        return file_link(info, root.source_key, root.source_name or "导入文件.xlsx")

    @strawberry.field(description="未导入数据（每行附失败原因）；没有时为空")
    def rejected_file(self, info: Info, root: strawberry.Parent[Any]) -> FileLink | None:
        return file_link(info, root.rejected_key, "未导入数据.xlsx")

    @strawberry.field(description="成功导入的数据；没有时为空")
    async def imported_file(self, info: Info, root: strawberry.Parent[Any]) -> FileLink | None:
        return file_link(info, await imported_file(info.context, root), "已导入数据.xlsx")



@strawberry.type(description="表格中一行的校验结论")
class RowVerdict:
    row: int = strawberry.field(description="Excel 行号（表头为第1行）")
    ok: bool = strawberry.field(description="能否导入")
    reason: str = strawberry.field(description="不能导入的原因")


@strawberry.type(description="导入结果；试导入（dryRun）时只校验、不写入任何数据，逐行给出结论："
                              "界面据 dryRun 与 importedCount 说“校验通过 N 条”或“成功导入 N 条”")
class ImportPayload(Payload):
    job: ImportJobType | None = strawberry.field(default=None, description="导入记录（试导入时为空）")
    dry_run: bool = strawberry.field(default=False, description="是否为试导入：为 true 时没有写入任何数据，importedCount 为 0")
    total_rows: int = strawberry.field(default=0, description="数据行数")
    accepted_count: int = strawberry.field(
        default=0, description="通过校验的条数：正式导入时即已导入的条数，试导入时为可以导入（尚未导入）的条数")
    imported_count: int = strawberry.field(default=0, description="实际导入（已写入）的条数；试导入时为 0")
    rejected_count: int = strawberry.field(default=0, description="未通过校验、不会导入的条数")
    rows: list[RowVerdict] = strawberry.field(
        default_factory=list, description="逐行结论：试导入时为全部行，正式导入时为未导入的行"
    )


def import_payload(outcome: ImportOutcome) -> dict[str, Any]:
    return {
        "job": outcome.job,
        "dry_run": outcome.dry_run,
        "total_rows": outcome.total,
        "accepted_count": outcome.imported,
        "imported_count": 0 if outcome.dry_run else outcome.imported,
        "rejected_count": outcome.rejected,
        "rows": [RowVerdict(row=v.row, ok=v.ok, reason=v.reason) for v in outcome.verdicts],
    }


@strawberry.type(description="导出结果")
class ExportPayload(Payload):
    file: FileLink | None = strawberry.field(default=None, description="导出的表格")
    row_count: int = strawberry.field(default=0, description="导出条数（根据查询条件共查询出 N 条数据）")


async def import_records(info: Info, query: Any, first: int | None, after: str | None,
                         offset: int | None) -> Any:
    """A list of import records; imports whose worker died are settled first, so the list says
    they failed instead of running forever."""
    from schema.connection import paginate

    account = info.context.account
    await settle_interrupted(info.context, account.institution_id if account else None,  # type: ignore[attr-defined]
                             older_than=timedelta(seconds=info.context.settings.import_settle_seconds))
    return await paginate(query, first, after, offset)


def follow_progress(info: Info, key: str | None) -> None:
    """Report this request's import or export progress to ``progress(key:)`` subscribers."""
    info.context.progress_key = key.strip()[:64] if key and key.strip() else None


async def import_mutation(info: Info, action: Awaitable[ImportOutcome]) -> ImportPayload:
    """Run an import; a failure half-way (everything undone) is reported as IMPORT_FAILED."""

    async def run() -> dict[str, Any]:
        return import_payload(await action)

    payload = await mutate(info, ImportPayload, run())
    job = payload.job
    if job is not None and job.status == ImportStatus.FAILED:  # type: ignore[attr-defined]
        payload.errors = [UserError(field="file", code=Code.IMPORT_FAILED, message=job.error)]  # type: ignore[attr-defined]
    return payload
