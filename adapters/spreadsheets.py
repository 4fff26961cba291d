"""Spreadsheets: reading uploads safely and fast (python-calamine), writing templates and exports
(openpyxl; exports in write-only mode so memory does not grow with the row count).

Every cell the platform writes is made by ``_cell``: text stays text (see there). Nothing else in
the code base imports openpyxl; a test holds that.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import python_calamine
from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, Cell
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

DATA_SHEET = "数据"
NOTES_SHEET = "填写说明"
META_SHEET = "模板信息"
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_COMPRESSION_RATIO = 200

_XLSX_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class SpreadsheetError(Exception):
    """The file cannot be read as a spreadsheet; ``reason`` is NOT_A_SPREADSHEET or TOO_LARGE."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    required: bool = False
    choices: tuple[str, ...] = ()
    width: int = 16

    @property
    def header(self) -> str:
        return f"{self.title}*" if self.required else self.title


@dataclass
class Sheet:
    """An opened upload: its header cells, its data rows (lazily), and the template's marker."""

    headers: list[str]
    rows: Iterator[list[Any]]
    meta: dict[str, str] = field(default_factory=dict)
    # Data rows below the header, blank ones included (for progress; rows are read lazily).
    row_count: int = 0


def header_title(cell: Any) -> str:
    """A header as the template wrote it, without the required-column star."""
    return str(cell or "").strip().rstrip("*＊").strip()


def open_sheet(data: bytes) -> Sheet:
    if data.startswith(_XLSX_MAGIC):
        _check_zip(data)
    elif not data.startswith(_XLS_MAGIC):
        raise SpreadsheetError("NOT_A_SPREADSHEET")
    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = workbook.sheet_names
        sheet = workbook.get_sheet_by_name(DATA_SHEET if DATA_SHEET in names else names[0])
        meta: dict[str, str] = {}
        if META_SHEET in names:
            for row in workbook.get_sheet_by_name(META_SHEET).iter_rows():
                if len(row) >= 2 and row[0]:
                    meta[str(row[0])] = str(row[1])
        rows = sheet.iter_rows()
        headers = [header_title(cell) for cell in next(rows, [])]
    except (python_calamine.CalamineError, python_calamine.ZipError, python_calamine.XmlError,
            IndexError, ValueError) as exc:
        raise SpreadsheetError("NOT_A_SPREADSHEET", str(exc)) from exc
    return Sheet(headers=headers, rows=rows, meta=meta, row_count=max(sheet.height - 1, 0))


def _check_zip(data: bytes) -> None:
    """Refuse zip bombs before any XML is parsed: bounded total size and compression ratio."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            total = sum(m.file_size for m in members)
            names = {m.filename for m in members}
    except zipfile.BadZipFile as exc:
        raise SpreadsheetError("NOT_A_SPREADSHEET", str(exc)) from exc
    if "xl/workbook.xml" not in names:
        raise SpreadsheetError("NOT_A_SPREADSHEET", "no workbook in the zip")
    if total > MAX_UNZIPPED_BYTES or total > MAX_COMPRESSION_RATIO * max(len(data), 1):
        raise SpreadsheetError("TOO_LARGE", f"{total} bytes unzipped")


def cell_text(value: Any) -> str:
    """A cell as text: calamine gives whole numbers as floats (``1.0``) and dates as objects."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def cell_date(value: Any) -> date | None | str:
    """A date cell or ``YYYY-MM-DD`` text → date; empty → None; anything else → "" (invalid)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        try:
            return date.fromisoformat(text)
        except ValueError:
            return ""
    return ""


# A text starting with one of these is a formula (or a DDE command) to Excel, WPS or LibreOffice
# once typed or re-parsed (OWASP's CSV-injection list, and the full-width forms a Chinese IME types).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
# What XML 1.0 cannot carry (openpyxl refuses it outright) and the bidi controls that make a cell
# show other text than it holds; input refuses both, rows from before that show U+FFFD instead.
_UNSHOWABLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def _cell(sheet: Any, value: Any) -> Any:
    """The one place a value becomes a cell. Text is always a string cell, never a formula or an
    error value: openpyxl would otherwise write ``=…`` as a live formula and ``#N/A`` as an error.

    A text that starts like a formula is written as a string cell with the quote prefix — what
    Excel itself stores when someone types a leading apostrophe — rather than with a ``'`` put in
    front of it: the cell shows exactly the stored text (a re-import reads it back unchanged, and
    nobody sees an apostrophe they did not type), and editing the cell in Excel, WPS or LibreOffice
    keeps it text instead of re-parsing it into a formula.
    """
    if not isinstance(value, str):
        return value
    # isprintable() is False for every character _UNSHOWABLE matches, and fast (most cells).
    text = value if value.isprintable() else _UNSHOWABLE.sub("\ufffd", value)
    formula_like = text.startswith(_FORMULA_START)
    if not formula_like and text not in ERROR_CODES:
        return text
    cell = Cell(sheet, row=1, column=1, value=text)  # append() places it
    cell.data_type = "s"
    if formula_like:
        cell.quotePrefix = True
    return cell


def _append(sheet: Any, values: Iterable[Any]) -> None:
    sheet.append([_cell(sheet, value) for value in values])


def build_template(columns: Sequence[Column], sample: Sequence[Any], notes: Iterable[str],
                   meta: dict[str, str]) -> bytes:
    """An import template: Chinese headers with required ones starred and filled, drop-down
    validation for closed lists, one sample row, an explanation sheet and a hidden marker."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = DATA_SHEET
    _append(sheet, [c.header for c in columns])
    _append(sheet, sample)
    required_fill = PatternFill("solid", fgColor="FCE4D6")
    for index, column in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = Font(bold=True, color="C00000" if column.required else "000000")
        if column.required:
            cell.fill = required_fill
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = column.width
        if column.choices:
            validation = DataValidation(
                type="list", formula1='"' + ",".join(column.choices) + '"', allow_blank=True,
                showErrorMessage=True, errorTitle="无效的值", error=f"请从下拉列表中选择{column.title}",
            )
            validation.add(f"{letter}2:{letter}100000")
            sheet.add_data_validation(validation)
    sheet.freeze_panes = "A2"
    notes_sheet = workbook.create_sheet(NOTES_SHEET)
    notes_sheet.column_dimensions["A"].width = 100
    for line in notes:
        _append(notes_sheet, [line])
    meta_sheet = workbook.create_sheet(META_SHEET)
    for key, value in meta.items():
        _append(meta_sheet, [key, value])
    meta_sheet.sheet_state = "hidden"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


class XlsxWriter:
    """Rows written as they come (openpyxl write-only); ``append_many`` is called off the loop."""

    def __init__(self, path: Path, title: str, headers: Sequence[str]) -> None:
        self.path = path
        self._workbook = Workbook(write_only=True)
        self._sheet = self._workbook.create_sheet(title)
        _append(self._sheet, headers)
        self.rows = 0

    def append_many(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            _append(self._sheet, row)
            self.rows += 1

    def close(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._workbook.save(self.path)
