"""The workbook prints: landscape, one page wide, its header on every page, rows as tall as
their wrapped text; and LibreOffice renders the full workbook's Totals and Figures one page wide."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from funding.cli import main
from funding.exports.workbook_print import fit_wrapped_rows, print_setup, wrapped_lines
from funding.i18n import t


def test_wrapped_lines_count_each_paragraph_and_each_full_line() -> None:
    assert wrapped_lines("a" * 100, 30) == 4  # 30 + 30 + 30 + 10
    assert wrapped_lines("abc\n" + "b" * 61, 30) == 1 + 3  # "abc", then 30 + 30 + 1
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


def test_every_sheet_prints_landscape_one_page_wide_with_its_header_repeated(tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    assert main(["export", str(out)]) == 0
    book = load_workbook(out)
    for sheet in book.worksheets:
        assert sheet.page_setup.orientation == "landscape"
        assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
        assert sheet.sheet_properties.pageSetUpPr.fitToPage
    # Figures: the warning and the header (above the frozen pane at C3) on every page.
    assert book[t("sheet_data", "en")].print_title_rows == "$1:$2"
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


def _pages_by_sheet(pdf: Path, pages: int) -> dict[str, list[str]]:
    """Each page's text under the sheet its footer names ("Figures · 2 / 5")."""
    found: dict[str, list[str]] = {}
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(number), "-l", str(number), "-layout", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
        footer = re.search(r"(\S+) · \d+ / \d+", text)
        if footer:  # LibreOffice may add a blank page after a tall last row: no footer, no text
            found.setdefault(footer.group(1), []).append(text)
    return found


@pytest.mark.subprocess
def test_libreoffice_prints_totals_and_figures_one_page_wide(tmp_path: Path) -> None:
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
    info = subprocess.run(["pdfinfo", str(tmp_path / "all.pdf")], capture_output=True, text=True, check=True)
    pages = int(re.search(r"Pages:\s+(\d+)", info.stdout).group(1))  # type: ignore[union-attr]
    by_sheet = _pages_by_sheet(tmp_path / "all.pdf", pages)
    book = load_workbook(io.BytesIO(out.read_bytes()))
    for key in ("sheet_totals", "sheet_data"):
        sheet = book[t(key, "en")]
        header = int(str(sheet.print_title_rows).split(":")[1].lstrip("$"))
        names = [c.value for c in sheet[header] if c.value]
        first, last = str(names[0]), str(names[-1])
        assert by_sheet[sheet.title], f"{sheet.title}: no page"
        for text in by_sheet[sheet.title]:
            # One page wide: every page holds the header's first and last column (their words:
            # a header wrapped in its cell comes out on two lines).
            words = set(text.split())
            assert set(first.split()) <= words and set(last.split()) <= words, (sheet.title, first, last)
