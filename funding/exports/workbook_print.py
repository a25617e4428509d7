"""How the workbook prints: an adviser prints the XLSX for a meeting, and without a print setup
the full workbook came out as 53 portrait pages, the columns of one row spread over several of
them, and wrapped notes printed over the rows below (LibreOffice keeps a row's stored height).

Every sheet prints landscape on A4, one page wide (as many pages tall as it needs), with the
rows above its frozen pane (the header) repeated on every page, page numbers and the sheet's
name in the footer, and row heights that fit the wrapped text they hold.
"""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.worksheet import Worksheet

DEFAULT_WIDTH = 8.43  # characters: a column openpyxl was given no width
DEFAULT_FONT_PT = 11.0
LINE_FACTOR = 1.3  # a text line's height over its font size (Calibri in Excel and LibreOffice)
MAX_ROW_PT = 409.0  # Excel's highest row
# Characters of text per unit of column width: a width counts "0" digits, and text averages
# about as wide; taking one (not more) errs on a taller row, never on text printed over the next.
CHARS_PER_WIDTH = 1.0
FOOTER = "&A · &P / &N"  # the sheet's name, page of pages: the same codes in every language


def print_setup(workbook: Workbook) -> None:
    """Every sheet of `workbook` set up for printing (see the module docstring)."""
    for sheet in workbook.worksheets:
        _page(sheet)
        fit_wrapped_rows(sheet)


def _page(sheet: Worksheet) -> None:
    setup = sheet.page_setup
    setup.orientation = "landscape"
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0  # as many pages tall as the rows need
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = FOOTER
    header_rows = _rows_above_pane(sheet)
    if header_rows:
        sheet.print_title_rows = f"1:{header_rows}"
        sheet.print_options.gridLines = True  # a table read on paper


def _rows_above_pane(sheet: Worksheet) -> int:
    """The rows frozen at the top (the header a reader scrolls with), 0 without a pane."""
    if not sheet.freeze_panes:
        return 0
    _, row = coordinate_from_string(sheet.freeze_panes)
    return int(row) - 1


def fit_wrapped_rows(sheet: Worksheet) -> None:
    """Each row as tall as its most wrapped cell needs (never lower than it was set)."""
    widths = {letter: d.width for letter, d in sheet.column_dimensions.items() if d.width}
    # A merged cell (the warning over the Figures sheet) wraps across all its columns.
    merged = {
        (r.min_row, r.min_col): sum(
            widths.get(get_column_letter(c), DEFAULT_WIDTH) for c in range(r.min_col, r.max_col + 1)
        )
        for r in sheet.merged_cells.ranges
    }
    for row in sheet.iter_rows():
        lines = 1
        points = DEFAULT_FONT_PT
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            width = merged.get((cell.row, cell.column)) or widths.get(cell.column_letter, DEFAULT_WIDTH)
            needed = wrapped_lines(cell.value, width)
            if needed > lines:
                lines = needed
                points = float(cell.font.sz or DEFAULT_FONT_PT)
        if lines > 1:
            number = row[0].row
            dimension = sheet.row_dimensions[number]
            height = min(MAX_ROW_PT, math.ceil(lines * points * LINE_FACTOR) + 2)
            dimension.height = max(dimension.height or 0, height)


def wrapped_lines(text: str, width: float) -> int:
    """The lines `text` takes in a column `width` characters wide: each paragraph on its own
    lines, each broken where a line is full."""
    per_line = max(1, int(width * CHARS_PER_WIDTH))
    return sum(max(1, math.ceil(len(paragraph) / per_line)) for paragraph in text.split("\n"))
