"""Institution achievements (机构成果): the catalogue, storing, deleting, recognition, grants."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from models.achievement import (
    Achievement,
    AchievementCategory,
    AchievementSubtype,
    CertificateGrade,
    GrantableSubtype,
    RecognitionStatus,
    StorableSubtype,
    SubtypeGrant,
)
from resolvers import policy
from resolvers.access import require_staff
from resolvers.achievement import delete, export, grants, imports, listing, recognition, store, sync
from resolvers.achievement.counts import learner_counts, related_rule_counts
from resolvers.imports import read_upload
from schema.connection import Connection, paginate
from schema.errors import BatchPayload, Payload, batch, mutate
from schema.institution import InstitutionType
from schema.labels import labeled_enum
from schema.loaders import loader
from schema.node import ModelNode, related
from schema.reference import (
    DisciplineType,
    GraduationConclusionType,
    LevelType,
    MajorClassType,
    MajorType,
)
from schema.selection import all_matching, selected_ids
from schema.spreadsheet import (
    ExportPayload,
    FileLink,
    ImportJobType,
    ImportPayload,
    RowVerdict,
    file_link,
    follow_progress,
    import_mutation,
    import_records,
)

AchievementCategoryEnum = labeled_enum(AchievementCategory, description="成果类型")
AchievementSubtypeEnum = labeled_enum(AchievementSubtype, description="成果子类型")
StorableSubtypeEnum = labeled_enum(
    StorableSubtype, description="可手工存储或导入的成果子类型：职业技能等级证书(X证书)由平台同步，不在其中"
)
GrantableSubtypeEnum = labeled_enum(GrantableSubtype, description="须经学分银行授权才能存储的成果子类型")
RecognitionStatusEnum = labeled_enum(RecognitionStatus, description="认定状态")
CertificateGradeEnum = labeled_enum(CertificateGrade, description="证书等级")


def _number(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


async def _learner_counts(achievement_ids: list[int]) -> list[int]:
    counts = await learner_counts(achievement_ids)
    return [counts.get(i, 0) for i in achievement_ids]


async def _rule_counts(achievement_ids: list[int]) -> list[int]:
    counts = await related_rule_counts(achievement_ids)
    return [counts.get(i, 0) for i in achievement_ids]


@strawberry.type(name="Achievement", description="机构成果：院校颁发的证书或课程")
class AchievementType(ModelNode):
    model = Achievement
    type_name = "Achievement"

    name: str = strawberry.field(description="成果名称，由子类型所需信息生成，如 经济统计学毕业证书(本科)")
    category: AchievementCategoryEnum = strawberry.field(description="成果类型")  # type: ignore[valid-type]
    subtype: AchievementSubtypeEnum = strawberry.field(description="成果子类型")  # type: ignore[valid-type]
    recognition_status: RecognitionStatusEnum = strawberry.field(description="认定状态")  # type: ignore[valid-type]
    issuer: str = strawberry.field(description="颁证机构")
    valid_from: date | None = strawberry.field(description="有效期起始时间")
    original_hours: int | None = strawberry.field(description="原始学时")
    introduction: str = strawberry.field(description="成果简介")
    course_name: str = strawberry.field(description="课程名称（课程类）")
    course_code: str = strawberry.field(description="课程代码（课程类）")
    certificate_name: str = strawberry.field(description="证书名称（非学历证书）")
    grade: CertificateGradeEnum | None = strawberry.field(description="证书等级（非学历证书）")  # type: ignore[valid-type]
    recognized_at: datetime | None = strawberry.field(description="认定完成时间")

    @strawberry.field(description="入库时间")
    def entered_at(self, root: strawberry.Parent[Any]) -> datetime:
        return root.created_at

    @strawberry.field(description="学制（年）")
    def years(self, root: strawberry.Parent[Any]) -> float | None:
        return _number(root.years)

    @strawberry.field(description="原始学分")
    def original_credits(self, root: strawberry.Parent[Any]) -> float | None:
        return _number(root.original_credits)

    @strawberry.field(description="最低毕业学分")
    def min_graduation_credits(self, root: strawberry.Parent[Any]) -> float | None:
        return _number(root.min_graduation_credits)

    @strawberry.field(description="层次")
    async def level(self, root: strawberry.Parent[Any]) -> LevelType | None:
        return await related(root, "level")

    @strawberry.field(description="毕业结论")
    async def graduation_conclusion(self, root: strawberry.Parent[Any]) -> GraduationConclusionType | None:
        return await related(root, "graduation_conclusion")

    @strawberry.field(description="专业及代码")
    async def major(self, root: strawberry.Parent[Any]) -> MajorType | None:
        return await related(root, "major")

    @strawberry.field(description="专业类")
    async def major_class(self, root: strawberry.Parent[Any]) -> MajorClassType | None:
        major = await related(root, "major")
        return await related(major, "major_class") if major is not None else None

    @strawberry.field(description="学科门类或专业大类")
    async def discipline(self, root: strawberry.Parent[Any]) -> DisciplineType | None:
        major = await related(root, "major")
        if major is None:
            return None
        return await related(await related(major, "major_class"), "discipline")

    @strawberry.field(description="所属机构")
    async def institution(self, root: strawberry.Parent[Any]) -> InstitutionType:
        return await related(root, "institution")

    @strawberry.field(description="获证学员数量（未撤回的学员成果中的学员数）；点击可按成果筛选学员成果列表。"
                                  "仅成果所属机构（成果及学员管理）与工作人员可见，其他人为 null")
    async def learner_count(self, info: Info, root: strawberry.Parent[Any]) -> int | None:
        if not policy.may(info.context, policy.Facet.ACHIEVEMENT_HOLDERS, root):
            return None
        return await loader(info, _learner_counts).load(root.id)

    @strawberry.field(description="关联转换规则数量（以本成果为来源的规则）；点击可按来源成果筛选规则列表。"
                                  "仅成果所属机构（成果及学员管理）与工作人员可见，其他人为 null")
    async def related_rule_count(self, info: Info, root: strawberry.Parent[Any]) -> int | None:
        if not policy.may(info.context, policy.Facet.ACHIEVEMENT_HOLDERS, root):
            return None
        return await loader(info, _rule_counts).load(root.id)



@strawberry.type(name="SubtypeGrant", description="学分银行工作人员对机构存储某类非学历成果的授权")
class SubtypeGrantType(ModelNode):
    model = SubtypeGrant
    type_name = "SubtypeGrant"
    subtype: AchievementSubtypeEnum = strawberry.field(description="授权的成果子类型")  # type: ignore[valid-type]
    granted_at: datetime = strawberry.field(description="授权时间")
    revoked_at: datetime | None = strawberry.field(description="撤销时间")

    @strawberry.field(description="被授权机构")
    async def institution(self, root: strawberry.Parent[Any]) -> InstitutionType:
        return await related(root, "institution")



@strawberry.input(description="机构成果列表筛选（F4.1）")
class AchievementFilter:
    name: str | None = strawberry.field(default=None, description="成果名称包含")
    category: AchievementCategoryEnum | None = strawberry.field(default=None, description="成果类型")  # type: ignore[valid-type]
    subtype: AchievementSubtypeEnum | None = strawberry.field(default=None, description="成果子类型")  # type: ignore[valid-type]
    recognition_status: RecognitionStatusEnum | None = strawberry.field(default=None, description="认定状态")  # type: ignore[valid-type]
    institution_id: strawberry.ID | None = strawberry.field(
        default=None, description="机构（仅学分银行工作人员使用）"
    )


@strawberry.input(description="学历证书所需信息（层次、专业、毕业结论取自参考列表）")
class DiplomaInput:
    level_id: strawberry.ID | None = strawberry.field(default=None, description="层次（必填）")
    major_id: strawberry.ID | None = strawberry.field(default=None, description="专业（必填，决定学科门类与专业类）")
    graduation_conclusion_id: strawberry.ID | None = strawberry.field(default=None, description="毕业结论（必填）")
    years: float | None = strawberry.field(default=None, description="学制（年，必填）")
    original_hours: int | None = strawberry.field(default=None, description="原始学时")
    original_credits: float | None = strawberry.field(default=None, description="原始学分")
    min_graduation_credits: float | None = strawberry.field(default=None, description="最低毕业学分（必填）")
    valid_from: date | None = strawberry.field(default=None, description="有效期起始时间")
    introduction: str | None = strawberry.field(default=None, description="成果简介（必填）")


@strawberry.input(description="学历课程所需信息")
class CourseInput:
    course_name: str | None = strawberry.field(default=None, description="课程名称（必填）")
    course_code: str | None = strawberry.field(default=None, description="课程代码")
    original_hours: int | None = strawberry.field(default=None, description="原始学时")
    original_credits: float | None = strawberry.field(default=None, description="原始学分")
    introduction: str | None = strawberry.field(default=None, description="成果简介（必填）")


@strawberry.input(description="非学历证书所需信息（需授权的子类型）")
class CertificateInput:
    certificate_name: str | None = strawberry.field(default=None, description="证书名称（必填）")
    grade: CertificateGradeEnum | None = strawberry.field(default=None, description="等级")  # type: ignore[valid-type]
    valid_from: date | None = strawberry.field(default=None, description="有效期起始时间")
    introduction: str | None = strawberry.field(default=None, description="成果简介（必填）")


@strawberry.input(description="存储新成果：选择子类型，并只填写与之对应的一组信息")
class StoreAchievementInput:
    subtype: StorableSubtypeEnum = strawberry.field(description="成果子类型")  # type: ignore[valid-type]
    diploma: DiplomaInput | None = strawberry.field(default=None, description="学历证书信息")
    course: CourseInput | None = strawberry.field(default=None, description="学历课程信息")
    certificate: CertificateInput | None = strawberry.field(default=None, description="非学历证书信息")


@strawberry.type(description="成果存储结果")
class AchievementPayload(Payload):
    achievement: AchievementType | None = strawberry.field(default=None, description="存储的成果")


@strawberry.type(description="授权变更结果")
class SubtypeGrantPayload(Payload):
    grant: SubtypeGrantType | None = strawberry.field(default=None, description="授权")


@strawberry.input(description="批量导入机构成果（F4.8）")
class ImportAchievementsInput:
    subtype: StorableSubtypeEnum = strawberry.field(description="导入的成果子类型")  # type: ignore[valid-type]
    file: Upload = strawberry.field(description="按模板填写的 .xlsx 或 .xls 文件（不超过20MB）")
    dry_run: bool = strawberry.field(default=False, description="试导入：逐行校验并给出结论，不写入任何数据（B7）")
    progress_key: str | None = strawberry.field(default=None, description="进度订阅的键：先以同一键订阅 progress(key:)，即可收到进度（B8）")


@strawberry.input(description="导出机构成果（F4.10）：勾选的行，或 allMatching 为 true 时当前筛选条件下的全部行")
class ExportAchievementsInput:
    ids: list[strawberry.ID] | None = selected_ids("成果")
    all_matching: bool = all_matching()
    filter: AchievementFilter | None = strawberry.field(default=None, description="当前列表的筛选条件")
    code: str | None = strawberry.field(default=None, description="发往当前账户绑定手机的验证码（用途 EXPORT）")
    progress_key: str | None = strawberry.field(default=None, description="进度订阅的键：先以同一键订阅 progress(key:)，即可收到进度（B8）")


@strawberry.type(description="X证书同步结果")
class SyncPayload(Payload):
    created: int = strawberry.field(default=0, description="新增的证书（已认定）")
    updated: int = strawberry.field(default=0, description="信息有变化而更新的证书")
    unchanged: int = strawberry.field(default=0, description="无变化的证书")
    rejected_count: int = strawberry.field(default=0, description="不能同步的行")
    rows: list[RowVerdict] = strawberry.field(default_factory=list, description="不能同步的行及原因")
    job: ImportJobType | None = strawberry.field(default=None, description="同步记录")


ACHIEVEMENT_RELATIONS = ("level", "graduation_conclusion", "major__major_class__discipline")


@strawberry.type
class AchievementQuery:
    @strawberry.field(description="机构成果列表（F4.1）；学分银行工作人员可查看全部机构")
    async def achievements(
        self,
        info: Info,
        filter: AchievementFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        offset: int | None = None,
    ) -> Connection[AchievementType]:
        query = listing.filtered(info.context, filter).select_related(*ACHIEVEMENT_RELATIONS)
        return await paginate(query, first, after, offset)

    @strawberry.field(description="某子类型的导入模板（.xlsx，含下拉选项、示例行和填写说明）")
    async def achievement_import_template(
        self, info: Info, subtype: StorableSubtypeEnum  # type: ignore[valid-type]
    ) -> FileLink:
        key, filename = await imports.template_key(info.context, subtype)
        return file_link(info, key, filename)  # type: ignore[return-value]

    @strawberry.field(description="机构成果的导入记录，最新的在前（F4.9）")
    async def achievement_imports(
        self, info: Info, first: int | None = None, after: str | None = None, offset: int | None = None
    ) -> Connection[ImportJobType]:
        return await import_records(info, imports.import_jobs(info.context), first, after, offset)

    @strawberry.field(description="有效的成果子类型授权；机构看自己的，工作人员看全部；institutionId 在其中再按机构筛选")
    async def subtype_grants(self, info: Info, institution_id: strawberry.ID | None = None) -> list[SubtypeGrantType]:
        return await grants.live_grants(info.context, institution_id)  # type: ignore[return-value]


@strawberry.type
class AchievementMutation:
    @strawberry.mutation(description="存储新成果（F4.3）；已存储的成果不可修改，可删除后重新存储")
    async def store_achievement(self, info: Info, input: StoreAchievementInput) -> AchievementPayload:
        return await mutate(info, AchievementPayload, store.store(info.context, input), "achievement")

    @strawberry.mutation(description="删除成果（F4.7）：只能删除未认定的成果，逐项返回结果；已存储的学员成果不受影响")
    async def delete_achievements(self, info: Info, ids: list[strawberry.ID]) -> BatchPayload:
        return await batch(info, delete.delete_many(info.context, ids))

    @strawberry.mutation(description="批量导入机构成果（F4.8）：合格的行入库，不合格的行附原因；dryRun 只校验不写入")
    async def import_achievements(self, info: Info, input: ImportAchievementsInput) -> ImportPayload:
        follow_progress(info, input.progress_key)
        return await import_mutation(
            info, imports.import_achievements(info.context, input.subtype, input.file, input.dry_run)
        )

    @strawberry.mutation(description="导出机构成果（F4.10）：需绑定手机验证码；返回表格下载链接")
    async def export_achievements(self, info: Info, input: ExportAchievementsInput) -> ExportPayload:
        follow_progress(info, input.progress_key)
        async def run() -> dict[str, Any]:
            result = await export.export(info.context, input.ids, input.all_matching, input.filter, input.code)
            return {"file": file_link(info, result.key, result.filename), "row_count": result.row_count}

        return await mutate(info, ExportPayload, run())

    @strawberry.mutation(description="X证书同步（F4.4，学分银行工作人员）：上传同步文件（Excel 或 JSON Lines），按证书编号与等级幂等地新增或更新，已认定")
    async def sync_x_certificates(self, info: Info, file: Upload) -> SyncPayload:
        async def run() -> dict[str, Any]:
            staff = require_staff(info.context)
            data = await read_upload(file)
            result = await sync.sync_x_certificates(data, getattr(file, "filename", "") or "", staff)
            return {
                "created": result.created, "updated": result.updated, "unchanged": result.unchanged,
                "rejected_count": len(result.rejected), "job": result.job,
                "rows": [RowVerdict(row=n, ok=False, reason=r) for n, r in result.rejected],
            }

        return await mutate(info, SyncPayload, run())

    @strawberry.mutation(description="开始认定：未认定 → 认定中（学分银行工作人员）")
    async def start_recognition(self, info: Info, ids: list[strawberry.ID]) -> BatchPayload:
        return await batch(info, recognition.advance(info.context, ids, RecognitionStatus.RECOGNIZING))

    @strawberry.mutation(description="完成认定：认定中 → 已认定（学分银行工作人员）")
    async def recognize_achievements(self, info: Info, ids: list[strawberry.ID]) -> BatchPayload:
        return await batch(info, recognition.advance(info.context, ids, RecognitionStatus.RECOGNIZED))

    @strawberry.mutation(description="授权机构存储某类非学历成果（F4.5，学分银行工作人员）")
    async def grant_subtype(
        self, info: Info, institution_id: strawberry.ID, subtype: GrantableSubtypeEnum  # type: ignore[valid-type]
    ) -> SubtypeGrantPayload:
        return await mutate(info, SubtypeGrantPayload, grants.grant(info.context, institution_id, subtype), "grant")

    @strawberry.mutation(description="撤销授权（学分银行工作人员）；已存储的成果不受影响")
    async def revoke_subtype(
        self, info: Info, institution_id: strawberry.ID, subtype: GrantableSubtypeEnum  # type: ignore[valid-type]
    ) -> SubtypeGrantPayload:
        return await mutate(info, SubtypeGrantPayload, grants.revoke(info.context, institution_id, subtype), "grant")
