"""Provinces and schools: read by anyone (registration's drop-downs), kept by bank staff."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from models.directory import Province, School
from models.institution import Institution
from resolvers import directory
from schema.connection import Connection, paginate
from schema.errors import Payload, mutate
from schema.loaders import loader
from schema.node import ModelNode, related


async def _registered_schools(school_ids: list[int]) -> list[bool]:
    registered = set(
        await Institution.filter(school_id__in=school_ids).values_list("school_id", flat=True)
    )
    return [school_id in registered for school_id in school_ids]


@strawberry.type(name="Province", description="省级教育部门")
class ProvinceType(ModelNode):
    model = Province
    type_name = "Province"

    name: str = strawberry.field(description="名称，如 湖南省教育厅")
    code: str = strawberry.field(description="行政区划代码（6位），如 430000")



@strawberry.type(name="School", description="院校（目录中的学校）")
class SchoolType(ModelNode):
    model = School
    type_name = "School"

    name: str = strawberry.field(description="院校名称")
    code: str = strawberry.field(description="院校标识码（10位）")
    school_type: str = strawberry.field(description="学校类型，如 本科、高职")
    supervising_unit: str = strawberry.field(description="主管单位")

    @strawberry.field(description="所属省级教育部门")
    async def province(self, root: strawberry.Parent[Any]) -> ProvinceType:
        return await related(root, "province")

    @strawberry.field(description="是否已有机构注册")
    async def registered(self, info: Info, root: strawberry.Parent[Any]) -> bool:
        return await loader(info, _registered_schools).load(root.id)



@strawberry.input(description="院校筛选")
class SchoolFilter:
    province_id: strawberry.ID | None = strawberry.field(default=None, description="省级教育部门")
    name: str | None = strawberry.field(default=None, description="名称包含")
    code: str | None = strawberry.field(default=None, description="院校标识码前缀")
    registered: bool | None = strawberry.field(default=None, description="是否已注册")


@strawberry.input(description="省级教育部门信息")
class ProvinceInput:
    name: str = strawberry.field(description="名称")
    code: str = strawberry.field(description="行政区划代码（6位数字）")


@strawberry.input(description="院校信息")
class SchoolInput:
    province_id: strawberry.ID = strawberry.field(description="所属省级教育部门")
    name: str = strawberry.field(description="院校名称")
    code: str = strawberry.field(description="院校标识码（10位数字）")
    school_type: str | None = strawberry.field(default=None, description="学校类型；修改时不传保持原值")
    supervising_unit: str | None = strawberry.field(default=None, description="主管单位；修改时不传保持原值")


@strawberry.type(description="省级教育部门变更结果")
class ProvincePayload(Payload):
    province: ProvinceType | None = strawberry.field(default=None, description="变更后的省级教育部门")


@strawberry.type(description="院校变更结果")
class SchoolPayload(Payload):
    school: SchoolType | None = strawberry.field(default=None, description="变更后的院校")


@strawberry.type
class DirectoryQuery:
    @strawberry.field(description="全部省级教育部门（注册第一步的下拉框），无需登录")
    async def provinces(self) -> list[ProvinceType]:
        return await directory.provinces()  # type: ignore[return-value]

    @strawberry.field(description="院校列表，可按省级教育部门筛选，无需登录")
    async def schools(
        self,
        filter: SchoolFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        offset: int | None = None,
    ) -> Connection[SchoolType]:
        return await paginate(
            directory.schools(filter).select_related("province"), first, after, offset
        )


@strawberry.type
class DirectoryMutation:
    @strawberry.mutation(description="新增省级教育部门（学分银行工作人员）")
    async def create_province(self, info: Info, input: ProvinceInput) -> ProvincePayload:
        return await mutate(info, ProvincePayload, directory.create_province(info.context, input), "province")

    @strawberry.mutation(description="修改省级教育部门（学分银行工作人员）")
    async def update_province(self, info: Info, id: strawberry.ID, input: ProvinceInput) -> ProvincePayload:
        return await mutate(info, ProvincePayload, directory.update_province(info.context, id, input), "province")

    @strawberry.mutation(description="删除没有院校的省级教育部门（学分银行工作人员）")
    async def delete_province(self, info: Info, id: strawberry.ID) -> ProvincePayload:
        return await mutate(info, ProvincePayload, directory.delete_province(info.context, id), "province")

    @strawberry.mutation(description="新增院校（学分银行工作人员）")
    async def create_school(self, info: Info, input: SchoolInput) -> SchoolPayload:
        return await mutate(info, SchoolPayload, directory.create_school(info.context, input), "school")

    @strawberry.mutation(description="修改院校（学分银行工作人员）；已注册院校的标识码不能修改")
    async def update_school(self, info: Info, id: strawberry.ID, input: SchoolInput) -> SchoolPayload:
        return await mutate(info, SchoolPayload, directory.update_school(info.context, id, input), "school")

    @strawberry.mutation(description="删除未注册的院校（学分银行工作人员）")
    async def delete_school(self, info: Info, id: strawberry.ID) -> SchoolPayload:
        return await mutate(info, SchoolPayload, directory.delete_school(info.context, id), "school")
