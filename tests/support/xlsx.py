"""Building spreadsheets for import tests, and reading the ones the API hands back."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook, load_workbook

from tests.support.api import Api

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def workbook_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]], *, sheet: str = "数据",
                   meta: dict[str, str] | None = None) -> bytes:
    workbook = Workbook()
    data = workbook.active
    data.title = sheet
    data.append(list(headers))
    for row in rows:
        data.append(list(row))
    if meta:
        hidden = workbook.create_sheet("模板信息")
        for key, value in meta.items():
            hidden.append([key, value])
        hidden.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


async def download(api: Api, link: dict[str, Any]) -> bytes:
    response = await api.client.get(link["url"])
    assert response.status_code == 200, response.text
    return response.content


def read_rows(content: bytes, sheet: str | None = None) -> list[list[Any]]:
    workbook = load_workbook(io.BytesIO(content), read_only=True)
    worksheet = workbook[sheet] if sheet else workbook.worksheets[0]
    rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
    workbook.close()
    return rows


def template_rows(content: bytes) -> tuple[list[Any], list[Any]]:
    """A template's header row and sample row."""
    rows = read_rows(content, "数据")
    return rows[0], rows[1]
