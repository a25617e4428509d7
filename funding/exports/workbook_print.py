"""How the workbook prints: an adviser prints the XLSX for a meeting, and without a print setup
the full workbook came out as 53 portrait pages, the columns of one row spread over several of
them, and wrapped notes printed over the rows below (LibreOffice keeps a row's stored height).

Every sheet prints landscape on A4, one page wide (as many pages tall as it needs), with the
rows above its frozen pane (the header) repeated on every page, page numbers and the sheet's
name in the footer, and row heights that fit the wrapped text they hold. A sheet that prints only
some of its columns (a print area: the Figures sheet's reading columns) gets rows as tall as
those columns need: a curator's note off the page must not make every printed row a page tall.
"""

from __future__ import annotations

import math

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import coordinate_from_string, range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

DEFAULT_WIDTH = 8.43  # characters: a column openpyxl was given no width
DEFAULT_FONT_PT = 11.0
LINE_FACTOR = 1.3  # a text line's height over its font size (Calibri in Excel and LibreOffice)
MAX_ROW_PT = 409.0  # Excel's highest row
# Characters of text per unit of column width: a width counts "0" digits of Calibri 11 (7 px in
# Excel), and its text averages about 6 px a character (LibreOffice fits 1.3 a unit); 1.15, with a
# character of the width kept for the cell's padding, errs on a taller row, never on text cut off.
CHARS_PER_WIDTH = 1.15
PADDING_CHARS = 1  # the cell's inner margins, left and right together
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
    sheet.oddFooter.center.size = 8  # as the footer's sides: at 11 pt LibreOffice cut its foot off
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


def _printed_columns(sheet: Worksheet) -> range | None:
    """The column numbers of the sheet's print area, None when it prints every column."""
    if not sheet.print_area:
        return None
    min_col, _, max_col, _ = range_boundaries(str(sheet.print_area).split("!")[-1].replace("$", ""))
    return range(min_col or 1, (max_col or 1) + 1)


def fit_wrapped_rows(sheet: Worksheet) -> None:
    """Each row as tall as its most wrapped printed cell needs (never lower than it was set)."""
    printed = _printed_columns(sheet)
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
            if printed is not None and cell.column not in printed:
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
    lines, broken between words as a spreadsheet breaks them (a word longer than a line is cut)."""
    per_line = max(1, int(width * CHARS_PER_WIDTH) - PADDING_CHARS)
    return sum(_paragraph_lines(paragraph.split(), per_line) for paragraph in text.split("\n"))


def _paragraph_lines(words: list[str], per_line: int) -> int:
    lines, used = 1, 0
    for word in words:
        if used and used + 1 + len(word) <= per_line:
            used += 1 + len(word)
            continue
        if used:
            lines += 1
        lines += (len(word) - 1) // per_line
        used = (len(word) - 1) % per_line + 1
    return lines
