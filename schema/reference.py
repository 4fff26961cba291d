"""Reference lists: levels, graduation conclusions and the major catalogue (public, read-only)."""

from __future__ import annotations

from typing import Any

import strawberry

from models.reference import Discipline, GraduationConclusion, Level, Major, MajorClass
from schema.connection import Connection, paginate
from schema.node import ModelNode, related


@strawberry.type(name="Level", description="层次，如 高职、本科")
class LevelType(ModelNode):
    model = Level
    type_name = "Level"
    name: str = strawberry.field(description="名称")



@strawberry.type(name="GraduationConclusion", description="毕业结论，如 毕业证书、学位证书")
class GraduationConclusionType(ModelNode):
    model = GraduationConclusion
    type_name = "GraduationConclusion"
    name: str = strawberry.field(description="名称")



@strawberry.type(name="Discipline", description="学科门类（本科目录）或专业大类（职业教育目录）")
class DisciplineType(ModelNode):
    model = Discipline
    type_name = "Discipline"
    code: str = strawberry.field(description="代码")
    name: str = strawberry.field(description="名称")

    @strawberry.field(description="所含专业类")
    async def major_classes(self, root: strawberry.Parent[Any]) -> list[MajorClassType]:
        return await MajorClass.filter(discipline_id=root.id).order_by("code")  # type: ignore[return-value]



@strawberry.type(name="MajorClass", description="专业类，如 经济学类")
class MajorClassType(ModelNode):
    model = MajorClass
    type_name = "MajorClass"
    code: str = strawberry.field(description="代码")
    name: str = strawberry.field(description="名称")

    @strawberry.field(description="所属学科门类或专业大类")
    async def discipline(self, root: strawberry.Parent[Any]) -> DisciplineType:
        return await related(root, "discipline")



@strawberry.type(name="Major", description="专业及其目录代码，如 经济统计学 020102")
class MajorType(ModelNode):
    model = Major
    type_name = "Major"
    code: str = strawberry.field(description="专业代码")
    name: str = strawberry.field(description="专业名称")

    @strawberry.field(description="所属专业类")
    async def major_class(self, root: strawberry.Parent[Any]) -> MajorClassType:
        return await related(root, "major_class")



@strawberry.input(description="专业筛选")
class MajorFilter:
    discipline_id: strawberry.ID | None = strawberry.field(default=None, description="学科门类或专业大类")
    major_class_id: strawberry.ID | None = strawberry.field(default=None, description="专业类")
    name: str | None = strawberry.field(default=None, description="名称包含")
    code: str | None = strawberry.field(default=None, description="代码前缀")


@strawberry.type
class ReferenceQuery:
    @strawberry.field(description="全部层次（下拉框）")
    async def levels(self) -> list[LevelType]:
        return await Level.all().order_by("sort")  # type: ignore[return-value]

    @strawberry.field(description="全部毕业结论（下拉框）")
    async def graduation_conclusions(self) -> list[GraduationConclusionType]:
        return await GraduationConclusion.all().order_by("sort")  # type: ignore[return-value]

    @strawberry.field(description="学科门类与专业大类")
    async def disciplines(self) -> list[DisciplineType]:
        return await Discipline.all().order_by("code")  # type: ignore[return-value]

    @strawberry.field(description="专业目录，可按学科门类、专业类、名称筛选")
    async def majors(
        self,
        filter: MajorFilter | None = None,
        first: int | None = None,
        after: str | None = None,
        offset: int | None = None,
    ) -> Connection[MajorType]:
        from resolvers.ids import decode_id

        query = Major.all().select_related("major_class__discipline")
        if filter is not None:
            if filter.discipline_id:
                query = query.filter(
                    major_class__discipline_id=decode_id(filter.discipline_id, "Discipline", strict=False)
                )
            if filter.major_class_id:
                query = query.filter(
                    major_class_id=decode_id(filter.major_class_id, "MajorClass", strict=False)
                )
            if filter.name:
                query = query.filter(name__icontains=filter.name.strip())
            if filter.code:
                query = query.filter(code__startswith=filter.code.strip())
        return await paginate(query.order_by("code"), first, after, offset)
