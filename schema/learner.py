"""Learners (学员账户) and learner achievements (学员成果): lists, storing, imports, withdrawals,
exports, and the learner's own account."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from strawberry.file_uploads import Upload
from strawberry.types import Info

from models.imports import ImportKind
from models.learner import Learner, LearnerAchievement, LearnerStatus, RecordStatus, StorageSource
from resolvers import policy
from resolvers.ids import decode_id
from resolvers.learner import account as learner_account
from resolvers.learner import export, imports, learners, records, withdrawn
from schema.account import AccountType
from schema.achievement import AchievementCategoryEnum, AchievementSubtypeEnum, AchievementType
from schema.connection import Connection, paginate
from schema.errors import BatchPayload, Payload, batch, mutate
from schema.institution import InstitutionType
from schema.labels import labeled_enum
from schema.loaders import loader
from schema.node import ModelNode, related
from schema.selection import all_matching, selected_ids
from schema.spreadsheet import (
    ExportPayload,
    FileLink,
    ImportJobType,
    ImportPayload,
    file_link,
    follow_progress,
    import_mutation,
    import_records,
)
from validators.contact import mask_phone
from validators.id_number import mask

LearnerStatusEnum = labeled_enum(LearnerStatus, description="学员账户状态")
StorageSourceEnum = labeled_enum(StorageSource, description="成果状态：由谁存储")
RecordStatusEnum = labeled_enum(RecordStatus, description="学员成果是否有效：撤回后为已撤回")


@strawberry.type(name="Learner", description="机构的学员（列表中身份证号与手机号均脱敏）")
class LearnerType(ModelNode):
    model = Learner
    type_name = "Learner"

    name: str = strawberry.field(description="学员姓名")
    status: LearnerStatusEnum = strawberry.field(description="账户状态：学员本人注册后为已激活")  # type: ignore[valid-type]

    @strawberry.field(description="身份证号（脱敏），如 632323*****0922")
    def masked_id_number(self, root: strawberry.Parent[Any]) -> str:
        return mask(root.id_number)

    @strawberry.field(description="手机号码（脱敏），学员注册后才有")
    def masked_phone(self, root: strawberry.Parent[Any]) -> str:
        return mask_phone(root.phone)

    @strawberry.field(description="入库时间")
    def entered_at(self, root: strawberry.Parent[Any]) -> datetime:
        return root.created_at

    @strawberry.field(description="姓名不一致：该身份证号的学员已注册，但本记录的姓名与其注册姓名不符，"
                                  "故未激活、未关联；将姓名修改为一致后即自动激活")
    async def name_mismatch(self, info: Info, root: strawberry.Parent[Any]) -> bool:
        if root.status != LearnerStatus.INACTIVE:
            return False
        return await loader(info, learners.registered_id_numbers).load(root.id_number)


@strawberry.type(description="学员成果的撤回记录（F5.5）：何时、为何撤回；撤回人与撤回原因文件只给存储机构"
                              "（成果及学员管理）与学分银行工作人员，学员本人看到的这两项为空")
class Withdrawal:
    withdrawn_at: datetime = strawberry.field(description="撤回时间")
    reason: str = strawberry.field(description="撤回原因")
    withdrawn_by: str | None = strawberry.field(description="撤回人（姓名，无姓名时为登录账号）")
    file: FileLink | None = strawberry.field(description="撤回原因文件（PDF或图片）")


@strawberry.type(name="LearnerAchievement", description="学员成果：机构为学员存储的成果")
class LearnerAchievementType(ModelNode):
    model = LearnerAchievement
    type_name = "LearnerAchievement"

    achievement_name: str = strawberry.field(description="成果名称")
    category: AchievementCategoryEnum = strawberry.field(description="成果类型")  # type: ignore[valid-type]
    subtype: AchievementSubtypeEnum = strawberry.field(description="成果子类型")  # type: ignore[valid-type]
    personal_number: str = strawberry.field(description="个人成果编号（证书类为证书编号）")
    issued_on: date = strawberry.field(description="颁证日期")
    score: str = strawberry.field(description="成绩（课程类）")
    source: StorageSourceEnum = strawberry.field(description="成果状态：机构存储、学分银行存储等")  # type: ignore[valid-type]

    @strawberry.field(description="获得学分（课程类）")
    def earned_credits(self, root: strawberry.Parent[Any]) -> float | None:
        return float(root.earned_credits) if root.earned_credits is not None else None

    @strawberry.field(description="入库时间")
    def entered_at(self, root: strawberry.Parent[Any]) -> datetime:
        return root.created_at

    @strawberry.field(description="学员")
    async def learner(self, root: strawberry.Parent[Any]) -> LearnerType:
        return await related(root, "learner")

    @strawberry.field(description="成果的完整信息（颁证机构、层次、专业等）")
    async def achievement(self, root: strawberry.Parent[Any]) -> AchievementType:
        return await related(root, "achievement")

    @strawberry.field(description="存储机构")
    async def institution(self, root: strawberry.Parent[Any]) -> InstitutionType:
        return await related(root, "institution")

    @strawberry.field(description="有效或已撤回")
    def status(self, root: strawberry.Parent[Any]) -> RecordStatusEnum:  # type: ignore[valid-type]
        return root.status

    @strawberry.field(description="撤回记录；未撤回时为空")
    async def withdrawal(self, info: Info, root: strawberry.Parent[Any]) -> Withdrawal | None:
        if root.withdrawn_at is None:
            return None
        trail = policy.may(info.context, policy.Facet.WITHDRAWAL_TRAIL, root)
        by = root.withdrawn_by_id
        return Withdrawal(
            withdrawn_at=root.withdrawn_at, reason=root.withdraw_reason,
            withdrawn_by=(await loader(info, withdrawn.withdrawer_names).load(by) or None) if trail and by else None,
            file=file_link(info, root.withdraw_file_key, root.withdraw_file_name or "撤回原因") if trail else None,
        )



@strawberry.type(description="学员成果详情（F5.4）：含完整身份证号，每次查看都记入审计日志")
class LearnerAchievementDetail:
    record: LearnerAchievementType = strawberry.field(description="学员成果")
    id_number: str = strawberry.field(description="完整身份证号")
    learner_name: str = strawberry.field(description="学员姓名")


@strawberry.input(description="学员筛选（F6.1）")
class LearnerFilter:
    entry_year: int | None = strawberry.field(default=None, description="入库年份（按北京时间的日期划分年份）")
    name: str | None = strawberry.field(default=None, description="学员姓名包含")
    id_number: str | None = strawberry.field(default=None, description="身份证号前缀")
    status: LearnerStatusEnum | None = strawberry.field(default=None, description="账户状态")  # type: ignore[valid-type]
    name_mismatch: bool | None = strawberry.field(
        default=None, description="姓名不一致：true 只列出该身份证号已有学员注册、但姓名与注册姓名不符而未激活的学员"
                                  "（修改姓名后即激活）；false 不含这些学员")


@strawberry.input(description="学员成果筛选（F5.1）")
class LearnerAchievementFilter:
    entry_year: int | None = strawberry.field(default=None, description="入库年份（按北京时间的日期划分年份）")
    name: str | None = strawberry.field(default=None, description="成果名称包含")
    category: AchievementCategoryEnum | None = strawberry.field(default=None, description="成果类型")  # type: ignore[valid-type]
    subtype: AchievementSubtypeEnum | None = strawberry.field(default=None, description="成果子类型")  # type: ignore[valid-type]
    learner_name: str | None = strawberry.field(default=None, description="学员姓名包含")
    id_number: str | None = strawberry.field(default=None, description="身份证号前缀")
    achievement_id: strawberry.ID | None = strawberry.field(default=None, description="机构成果（获证学员下钻）")
    learner_id: strawberry.ID | None = strawberry.field(default=None, description="学员（查看成果下钻，F6.7）")


@strawberry.input(description="新增或修改学员：新增时两项必填；修改只改所给的字段，不传或为 null 的保持原值")
class LearnerInput:
    name: str | None = strawberry.field(default=None, description="学员姓名（新增时必填）")
    id_number: str | None = strawberry.field(default=None, description="身份证号（18位，新增时必填）")


@strawberry.input(description="为学员存储成果（F5.2）：选择本机构的成果并填写学员信息；未登记的学员自动新增为未激活")
class StoreLearnerAchievementInput:
    achievement_id: strawberry.ID = strawberry.field(description="本机构的成果")
    name: str | None = strawberry.field(default=None, description="学员姓名（必填）")
    id_number: str | None = strawberry.field(default=None, description="身份证号（必填）")
    personal_number: str | None = strawberry.field(default=None, description="个人成果编号（证书类为证书编号，必填）")
    issued_on: date | None = strawberry.field(default=None, description="颁证日期（必填）")
    score: str | None = strawberry.field(default=None, description="成绩（仅课程类）")
    earned_credits: float | None = strawberry.field(default=None, description="获得学分（仅课程类，不超过原始学分）")


@strawberry.input(description="撤回学员成果（F5.5）")
class WithdrawRecordsInput:
    ids: list[strawberry.ID] = strawberry.field(description="要撤回的学员成果（至少勾选一条，撤回没有“全部”）")
    reason: str | None = strawberry.field(default=None, description="撤回原因（必填，不超过500字）")
    reason_file: Upload | None = strawberry.field(default=None, description="撤回原因文件（必填，PDF或图片，不超过10MB）")


@strawberry.input(description="导入学员（F6.4）")
class ImportLearnersInput:
    file: Upload = strawberry.field(description=".xlsx 或 .xls 文件")
    dry_run: bool = strawberry.field(default=False, description="试导入：只校验不写入")
    progress_key: str | None = strawberry.field(default=None, description="进度订阅的键：先以同一键订阅 progress(key:)，即可收到进度（B8）")


@strawberry.input(description="向某成果导入学员成果（F5.3）")
class ImportLearnerAchievementsInput:
    achievement_id: strawberry.ID = strawberry.field(description="本机构的成果")
    file: Upload = strawberry.field(description=".xlsx 或 .xls 文件")
    dry_run: bool = strawberry.field(default=False, description="试导入：只校验不写入")
    progress_key: str | None = strawberry.field(default=None, description="进度订阅的键：先以同一键订阅 progress(key:)，即可收到进度（B8）")


@strawberry.input(description="导出学员（F6.5）：勾选的学员，或 allMatching 为 true 时当前筛选条件下的全部学员")
class ExportLearnersInput:
    ids: list[strawberry.ID] | None = selected_ids("学员")
    all_matching: bool = all_matching()
    filter: LearnerFilter | None = strawberry.field(default=None, description="当前列表的筛选条件")
    code: str | None = strawberry.field(default=None, description="绑定手机验证码（用途 EXPORT）")
    progress_key: str | None = strawberry.field(default=None, description="进度订阅的键：先以同一键订阅 progress(key:)，即可收到进度（B8）")


@strawberry.input(description="导出学员成果（F5.6）：勾选的学员成果，或 allMatching 为 true 时当前筛选条件下的全部")
class ExportLearnerAchievementsInput:
    ids: list[strawberry.ID] | None = selected_ids("学员成果")
    all_matching: bool = all_matching()
    filter: LearnerAchievementFilter | None = strawberry.field(default=None, description="当前列表的筛选条件")
    code: str | None = strawberry.field(default=None, description="绑定手机验证码（用途 EXPORT）")
    progress_key: str | None = strawberry.field(default=None, description="进度订阅的键：先以同一键订阅 progress(key:)，即可收到进度（B8）")


@strawberry.input(description="学员注册（F15）")
class RegisterLearnerInput:
    phone: str | None = strawberry.field(default=None, description="手机号")
    code: str | None = strawberry.field(default=None, description="验证码（用途 LEARNER_REGISTER）")
    name: str | None = strawberry.field(default=None, description="姓名：须与身份证一致；只有院校登记的姓名与之一致的学员记录才会关联")
    id_number: str | None = strawberry.field(default=None, description="身份证号，也是登录账号")
    password: str | None = strawberry.field(default=None, description="密码：8-16位，须同时含数字和字母")
    password_confirmation: str | None = strawberry.field(default=None, description="确认密码")
    agreement_accepted: bool = strawberry.field(default=False, description="已阅读并同意注册协议")


@strawberry.type(description="学员变更结果")
class LearnerPayload(Payload):
    learner: LearnerType | None = strawberry.field(default=None, description="学员")


@strawberry.type(description="学员成果存储结果")
class LearnerAchievementPayload(Payload):
    learner_achievement: LearnerAchievementType | None = strawberry.field(default=None, description="存储的学员成果")


@strawberry.type(description="学员注册结果")
class RegisterLearnerPayload(Payload):
    token: str | None = strawberry.field(default=None, description="访问令牌")
    account: AccountType | None = strawberry.field(default=None, description="学员账户（登录账号为身份证号）")
    activated_records: int = strawberry.field(default=0, description="随之激活的各机构学员记录数（身份证号与姓名均一致的记录）")


def _export(info: Info, result: Any) -> dict[str, Any]:
    return {"file": file_link(info, result.key, result.filename), "row_count": result.row_count}


@strawberry.type
class LearnerQuery:
    @strawberry.field(description="学员列表（F6.1）")
    async def learners(
        self, info: Info, filter: LearnerFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[LearnerType]:
        return await paginate(learners.filtered(info.context, filter), first, after, offset)

    @strawberry.field(description="学员成果列表（F5.1），不含已撤回")
    async def learner_achievements(
        self, info: Info, filter: LearnerAchievementFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[LearnerAchievementType]:
        query = records.filtered(info.context, filter).select_related("learner")
        return await paginate(query, first, after, offset)

    @strawberry.field(description="已撤回的学员成果（F5.5），最近撤回的在前：筛选条件与学员成果列表相同，每条附撤回记录"
                                  "（何时、撤回人、原因、原因文件）；它们不在学员成果列表、统计与导出中")
    async def withdrawn_learner_achievements(
        self, info: Info, filter: LearnerAchievementFilter | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[LearnerAchievementType]:
        query = records.filtered(info.context, filter, withdrawn=True).select_related("learner")
        return await paginate(query, first, after, offset)

    @strawberry.field(description="学员成果详情（F5.4）：完整身份证号，查看记入审计日志")
    async def learner_achievement_detail(self, info: Info, id: strawberry.ID) -> LearnerAchievementDetail:
        record = await records.detail(info.context, id)
        return LearnerAchievementDetail(record=record, id_number=record.learner.id_number,  # type: ignore[arg-type]
                                        learner_name=record.learner.name)

    @strawberry.field(description="学员导入模板")
    async def learner_import_template(self, info: Info) -> FileLink:
        key, filename = await imports.learner_template(info.context)
        return file_link(info, key, filename)  # type: ignore[return-value]

    @strawberry.field(description="某成果的学员成果导入模板（字段随成果类型不同）")
    async def learner_achievement_import_template(self, info: Info, achievement_id: strawberry.ID) -> FileLink:
        key, filename = await imports.record_template(info.context, achievement_id)
        return file_link(info, key, filename)  # type: ignore[return-value]

    @strawberry.field(description="学员导入记录，最新的在前")
    async def learner_imports(
        self, info: Info, first: int | None = None, after: str | None = None, offset: int | None = None
    ) -> Connection[ImportJobType]:
        return await import_records(info, imports.import_jobs(info.context, ImportKind.LEARNERS), first, after, offset)

    @strawberry.field(description="学员成果导入记录（只展示近一年），可按成果筛选")
    async def learner_achievement_imports(
        self, info: Info, achievement_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None, offset: int | None = None,
    ) -> Connection[ImportJobType]:
        target = decode_id(achievement_id, "Achievement", strict=False) if achievement_id else None
        query = imports.import_jobs(info.context, ImportKind.LEARNER_ACHIEVEMENTS, target)
        return await import_records(info, query, first, after, offset)

    @strawberry.field(description="学员本人：自己在各机构的成果（F15）")
    async def my_achievements(
        self, info: Info, first: int | None = None, after: str | None = None, offset: int | None = None
    ) -> Connection[LearnerAchievementType]:
        return await paginate(learner_account.my_achievements(info.context), first, after, offset)

    @strawberry.field(description="学员本人：被机构撤回的成果，最近撤回的在前，每条附撤回时间与原因"
                                  "（撤回时另有消息通知）；它们不在“我的成果”中")
    async def my_withdrawn_achievements(
        self, info: Info, first: int | None = None, after: str | None = None, offset: int | None = None
    ) -> Connection[LearnerAchievementType]:
        return await paginate(withdrawn.my_withdrawn(info.context), first, after, offset)


@strawberry.type
class LearnerMutation:
    @strawberry.mutation(description="新增学员（F6.2）：初始为未激活，学员本人注册后为已激活")
    async def add_learner(self, info: Info, input: LearnerInput) -> LearnerPayload:
        return await mutate(info, LearnerPayload, learners.add(info.context, input), "learner")

    @strawberry.mutation(description="修改学员（F6.3）：只能修改未激活的学员；只改所给的字段")
    async def update_learner(self, info: Info, id: strawberry.ID, input: LearnerInput) -> LearnerPayload:
        return await mutate(info, LearnerPayload, learners.update(info.context, id, input), "learner")

    @strawberry.mutation(description="删除学员（F6.6）：只能删除未激活且未关联成果的学员，逐项说明原因")
    async def delete_learners(self, info: Info, ids: list[strawberry.ID]) -> BatchPayload:
        return await batch(info, learners.delete_many(info.context, ids))

    @strawberry.mutation(description="导入学员（F6.4）")
    async def import_learners(self, info: Info, input: ImportLearnersInput) -> ImportPayload:
        follow_progress(info, input.progress_key)
        return await import_mutation(info, imports.import_learners(info.context, input.file, input.dry_run))

    @strawberry.mutation(description="导出学员（F6.5）")
    async def export_learners(self, info: Info, input: ExportLearnersInput) -> ExportPayload:
        follow_progress(info, input.progress_key)
        async def run() -> dict[str, Any]:
            return _export(info, await export.export_learners(info.context, input.ids, input.all_matching, input.filter,
                                                          input.code))

        return await mutate(info, ExportPayload, run())

    @strawberry.mutation(description="为学员存储成果（F5.2）")
    async def store_learner_achievement(
        self, info: Info, input: StoreLearnerAchievementInput
    ) -> LearnerAchievementPayload:
        return await mutate(info, LearnerAchievementPayload, records.store(info.context, input), "learner_achievement")

    @strawberry.mutation(description="向某成果导入学员成果（F5.3）")
    async def import_learner_achievements(self, info: Info, input: ImportLearnerAchievementsInput) -> ImportPayload:
        follow_progress(info, input.progress_key)
        return await import_mutation(
            info, imports.import_records(info.context, input.achievement_id, input.file, input.dry_run)
        )

    @strawberry.mutation(description="撤回学员成果（F5.5，D1）：需撤回原因及原因文件；撤回的成果离开列表、不能参与转换，但保留记录")
    async def withdraw_records(self, info: Info, input: WithdrawRecordsInput) -> BatchPayload:
        return await batch(info, records.withdraw(info.context, input.ids, input.reason, input.reason_file))

    @strawberry.mutation(description="导出学员成果（F5.6）")
    async def export_learner_achievements(self, info: Info, input: ExportLearnerAchievementsInput) -> ExportPayload:
        follow_progress(info, input.progress_key)
        async def run() -> dict[str, Any]:
            return _export(info, await export.export_records(info.context, input.ids, input.all_matching, input.filter,
                                                         input.code))

        return await mutate(info, ExportPayload, run())

    @strawberry.mutation(description="学员注册（F15）：激活各机构中该身份证号的学员记录")
    async def register_learner(self, info: Info, input: RegisterLearnerInput) -> RegisterLearnerPayload:
        return await mutate(info, RegisterLearnerPayload, learner_account.register(info.context, input))

