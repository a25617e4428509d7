"""How the workbook writes a cell: text as text (never a formula), amounts with euro formats,
headers and warnings styled once for every sheet."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from funding.base.formulas import is_formula_like
from funding.exports.number_formats import euro_cell_format, millions_cell_format
from funding.exports.xml_text import clean_text

HEADER_FONT = Font(name="Calibri", bold=True)  # named: LibreOffice would print an unnamed one in a serif
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
WARNING_FILL = PatternFill("solid", fgColor="FFF2CC")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")


def put(sheet: Worksheet, row: int, column: int, value: str | float | int | None) -> Cell:
    """Write a cell; text is always stored as a string, never as a formula."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a live formula
        if is_formula_like(text):
            cell.quotePrefix = True  # what Excel does when a user types '=...
    else:
        cell.value = value
    return cell


def header_row(sheet: Worksheet, row: int, names: Sequence[str]) -> None:
    for column, name in enumerate(names, start=1):
        cell = put(sheet, row, column, name)
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = WRAP


def link(cell: Cell, url: str | None) -> None:
    if url and url.startswith(("https://", "http://")):
        cell.hyperlink = url
        cell.style = "Hyperlink"


def warning(sheet: Worksheet, row: int, text: str, columns: int) -> None:
    """A merged, wrapped line above a table that must not be added up."""
    cell = put(sheet, row, 1, text)
    cell.font = HEADER_FONT
    cell.fill = WARNING_FILL
    cell.alignment = WRAP
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=columns)
    sheet.row_dimensions[row].height = 36


def amount_cell(cell: Cell, style: str) -> None:
    if isinstance(cell.value, int | float):
        value = float(cell.value)
        cell.number_format = euro_cell_format(value) if style == "amount" else millions_cell_format(value)
    cell.alignment = TOP
