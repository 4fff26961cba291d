"""Legacy .xls (BIFF8) files for import tests, written with xlwt."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

import xlwt


def xls_bytes(headers: Sequence[str], rows: Sequence[Sequence[Any]], sheet: str = "数据") -> bytes:
    book = xlwt.Workbook(encoding="utf-8")
    data = book.add_sheet(sheet)
    for column, title in enumerate(headers):
        data.write(0, column, title)
    for r, row in enumerate(rows, start=1):
        for column, value in enumerate(row):
            data.write(r, column, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
