"""The workbook prints: landscape, one page wide, its header on every page, rows as tall as
their wrapped text; and LibreOffice renders the full workbook's Totals and Figures one page wide."""

from __future__ import annotations

import io
import re
import shutil
import statistics
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.utils.cell import range_boundaries
from openpyxl.worksheet.worksheet import Worksheet

from funding.cli import main
from funding.exports.workbook_columns import PRINTED
from funding.exports.workbook_print import fit_wrapped_rows, print_setup, wrapped_lines
from funding.i18n import t


def test_wrapped_lines_count_each_paragraph_and_break_between_words() -> None:
    # Width 30 holds int(30 × 1.15) − 1 (the padding) = 33 characters a line.
    assert wrapped_lines("a" * 100, 30) == 4  # one word cut: 33 + 33 + 33 + 1
    assert wrapped_lines("abc\n" + "b" * 61, 30) == 1 + 2  # "abc", then 33 + 28
    assert wrapped_lines(" ".join(["a" * 20] * 3), 30) == 3  # 20 + 1 + 20 > 33: a word a line
    assert wrapped_lines("aaaa " * 7, 30) == 2  # 6 words (6 × 4 + 5 spaces = 29), then 1
    assert wrapped_lines("", 30) == 1


def test_a_row_is_as_tall_as_its_most_wrapped_cell() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.column_dimensions["A"].width = 10
    sheet["A1"] = "x" * 45  # 10 characters a line: 5 lines
    sheet["A1"].alignment = Alignment(wrap_text=True)
    sheet["A2"] = "x" * 45  # not wrapped: one line, height left alone
    sheet.row_dimensions[3].height = 40
    sheet["A3"] = "short"
    sheet["A3"].alignment = Alignment(wrap_text=True)
    fit_wrapped_rows(sheet)
    assert sheet.row_dimensions[1].height == 74  # ceil(5 lines × 11 pt × 1.3 = 71.5) + 2
    assert sheet.row_dimensions[2].height is None
    assert sheet.row_dimensions[3].height == 40  # never lower than it was set


def test_a_sheet_with_a_print_area_fits_its_rows_to_the_printed_columns() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for letter in "AB":
        sheet.column_dimensions[letter].width = 10
    sheet["A1"] = "x" * 20  # 10 characters a line: 2 lines, printed
    sheet["B1"] = "x" * 90  # 9 lines, off the printed page
    for cell in (sheet["A1"], sheet["B1"]):
        cell.alignment = Alignment(wrap_text=True)
    sheet.print_area = "A1:A1"
    fit_wrapped_rows(sheet)
    assert sheet.row_dimensions[1].height == 31  # ceil(2 lines × 11 pt × 1.3 = 28.6) + 2


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_repeated(tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    assert main(["export", str(out)]) == 0
    book = load_workbook(out)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # Figures: the warning and the header (above the frozen pane at B3) on every page.
    assert book[t("sheet_data", "en")].print_title_rows == "$1:$2"
    # Figures prints its reading columns, the first ones; codes, ids and notes stay on screen.
    figures = book[t("sheet_data", "en")]
    last = get_column_letter(len(PRINTED))
    assert figures.print_area == f"'{figures.title}'!$A$1:${last}${figures.max_row}"
    assert [c.value for c in figures[2]][: len(PRINTED)] == [t(c.header, "en") for c in PRINTED]
    assert len(list(figures[2])) > len(PRINTED)
    assert book[t("sheet_about", "en")].print_title_rows is None  # no table, no header
    unset = Workbook()
    print_setup(unset)  # a sheet without a pane gets no print titles and no error
    assert unset.worksheets[0].print_title_rows is None


def _libreoffice() -> str:
    found = shutil.which("libreoffice") or shutil.which("soffice")
    if not found:
        pytest.skip("no LibreOffice (sudo apt-get install libreoffice-calc poppler-utils)")
    if not shutil.which("pdftotext"):
        pytest.skip("no pdftotext (sudo apt-get install poppler-utils)")
    return found


def _page_text(pdf: Path, number: int, *flags: str) -> str:
    return subprocess.run(
        ["pdftotext", "-f", str(number), "-l", str(number), *flags, str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def _pages_by_sheet(pdf: Path, pages: int) -> dict[str, list[int]]:
    """Each page's number under the sheet its footer names ("Figures · 2 / 5")."""
    found: dict[str, list[int]] = {}
    for number in range(1, pages + 1):
        footer = re.search(r"(\S+) · \d+ / \d+", _page_text(pdf, number, "-layout"))
        if footer:  # LibreOffice may add a blank page after a tall last row: no footer, no text
            found.setdefault(footer.group(1), []).append(number)
    return found


def _word_height(pdf: Path, number: int) -> float:
    """The median height of the page's word boxes, in points: the printed size of its text."""
    boxes = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', _page_text(pdf, number, "-bbox"))
    return statistics.median(float(high) - float(low) for low, high in boxes)


def _printed_header(sheet: Worksheet) -> list[str]:
    """The header row's names in the columns the sheet prints (its print area, or all)."""
    row = int(str(sheet.print_title_rows).split(":")[1].lstrip("$"))
    columns = range(1, sheet.max_column + 1)
    if sheet.print_area:
        low, _, high, _ = range_boundaries(str(sheet.print_area).split("!")[-1].replace("$", ""))
        columns = range(low or 1, (high or 1) + 1)
    return [str(sheet.cell(row, c).value) for c in columns if sheet.cell(row, c).value]


@pytest.mark.subprocess
def test_libreoffice_prints_totals_and_figures_one_page_wide_and_legible(tmp_path: Path) -> None:
    office = _libreoffice()
    out = tmp_path / "all.xlsx"
    assert main(["export", str(out)]) == 0
    subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            *("--convert-to", "pdf", "--outdir", str(tmp_path), str(out)),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pdf = tmp_path / "all.pdf"
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    by_sheet = _pages_by_sheet(pdf, pages)
    book = load_workbook(io.BytesIO(out.read_bytes()))
    for key in ("sheet_totals", "sheet_data"):
        sheet = book[t(key, "en")]
        names = _printed_header(sheet)
        first, last = names[0], names[-1]
        assert by_sheet[sheet.title], f"{sheet.title}: no page"
        for number in by_sheet[sheet.title]:
            # One page wide: every page holds the header's first and last printed column (their
            # words: a header wrapped in its cell comes out on two lines).
            words = set(_page_text(pdf, number, "-layout").split())
            assert set(first.split()) <= words and set(last.split()) <= words, (sheet.title, first, last)
            # Legible: 11 pt text printed at 100 % makes word boxes 14.3 pt tall (measured with
            # this LibreOffice), so 8 pt means a scale of at least 8 / 14.3 = 56 %, text of 6.2 pt
            # or more on paper; these print at 8.5-8.7 pt (59-61 %), where the 42 columns of
            # Figures on one page width made 0.65 pt boxes (4.5 %) and Totals 6.4 pt.
            assert _word_height(pdf, number) >= 8.0, (sheet.title, number)
