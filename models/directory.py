"""The directory that bank staff keep: provincial education departments and their schools (F16)."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model

from models.base import Timestamped


class Province(Timestamped, Model):
    """省级教育部门."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=64, unique=True)
    # GB/T 2260 code of the province, e.g. 430000 for 湖南省.
    code = fields.CharField(max_length=6, unique=True)

    schools: fields.ReverseRelation[School]

    class Meta:
        table = "province"
        ordering = ["code"]


class School(Timestamped, Model):
    """院校, identified by its 10-digit 院校标识码."""

    id = fields.IntField(primary_key=True)
    province: fields.ForeignKeyRelation[Province] = fields.ForeignKeyField(
        "models.Province", related_name="schools", on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=128)
    code = fields.CharField(max_length=10, unique=True)
    school_type = fields.CharField(max_length=32, default="")
    supervising_unit = fields.CharField(max_length=128, default="")

    class Meta:
        table = "school"
        ordering = ["code"]
