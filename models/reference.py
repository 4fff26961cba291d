"""Reference lists the catalogue chooses from (F4.3): levels, graduation conclusions, and the
major catalogue (学科门类 / 专业大类 → 专业类 → 专业 with its code)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Level(Model):
    """层次, e.g. 高职, 本科, 硕士."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=16, unique=True)
    sort = fields.IntField(default=0)

    class Meta:
        table = "ref_level"
        ordering = ["sort"]


class GraduationConclusion(Model):
    """毕业结论, e.g. 毕业证书, 学位证书."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=16, unique=True)
    sort = fields.IntField(default=0)

    class Meta:
        table = "ref_graduation_conclusion"
        ordering = ["sort"]


class Discipline(Model):
    """学科门类 (degree catalogue) or 专业大类 (vocational catalogue), e.g. 02 经济学."""

    id = fields.IntField(primary_key=True)
    code = fields.CharField(max_length=4, unique=True)
    name = fields.CharField(max_length=32)

    class Meta:
        table = "ref_discipline"
        ordering = ["code"]


class MajorClass(Model):
    """专业类, e.g. 0201 经济学类."""

    id = fields.IntField(primary_key=True)
    discipline: fields.ForeignKeyRelation[Discipline] = fields.ForeignKeyField(
        "models.Discipline", related_name="major_classes", on_delete=fields.RESTRICT
    )
    code = fields.CharField(max_length=6, unique=True)
    name = fields.CharField(max_length=32)

    class Meta:
        table = "ref_major_class"
        ordering = ["code"]


class Major(Model):
    """专业 with its catalogue code, e.g. 020102 经济统计学, 410106 植物保护与检疫技术."""

    id = fields.IntField(primary_key=True)
    major_class: fields.ForeignKeyRelation[MajorClass] = fields.ForeignKeyField(
        "models.MajorClass", related_name="majors", on_delete=fields.RESTRICT
    )
    code = fields.CharField(max_length=8, unique=True)
    name = fields.CharField(max_length=64, db_index=True)

    class Meta:
        table = "ref_major"
        ordering = ["code"]
