"""The page's downloads hold what the page shows: with `compare=` set, the instruments compared,
in files named as a comparison. Read from the buttons as a click would build them."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from apptest_support import app, download_buttons, said
from fixtures import shipped_rows, with_references
from openpyxl import load_workbook
from pptx import Presentation

from funding.cli import main
from funding.i18n import t

pytestmark = pytest.mark.apptest

COMPARED = ["ipcei-batteries-state-aid", "ngf-micb", "battery-booster-facility", "batt4eu-partnership"]


def csv_ids(data: bytes) -> list[str]:
    return [r["id"] for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))]


def test_a_comparison_is_what_the_files_hold_and_what_they_are_named() -> None:
    with download_buttons() as files:
        at = app(compare=COMPARED)
    in_file_order = [r["id"] for r in shipped_rows() if r["id"] in COMPARED]
    assert len(in_file_order) == 4
    for fmt in ("csv", "xlsx", "pptx"):
        assert "-comparison-" in files[f"download_{fmt}"].file_name
    # The CSV is the dataset's format: the compared rows and the rows they refer to.
    assert csv_ids(files["download_csv"].data()) == with_references(COMPARED)
    assert set(in_file_order) < set(with_references(COMPARED))  # parents were added
    book = load_workbook(io.BytesIO(files["download_xlsx"].data()))
    figures = book[t("sheet_data", "en")]
    assert figures.max_row == 2 + 4  # the warning, the header, the four compared figures
    deck = Presentation(io.BytesIO(files["download_pptx"].data()))
    text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    # RESourceEU's EUR 3 bn is in every deck of the whole dataset, and not compared here.
    resource = next(r["name_en"] for r in shipped_rows() if r["id"] == "resourceeu-crm-funding")
    assert resource not in text
    assert t("download_scope_compare", "en", n=4) in said(at.caption)


def test_without_a_comparison_the_files_hold_the_selection() -> None:
    with download_buttons() as files:
        app(compare=COMPARED[:1])  # one pick is not a comparison
    assert "-comparison-" not in files["download_csv"].file_name
    assert len(csv_ids(files["download_csv"].data())) == len(shipped_rows())


def test_the_csv_button_gives_a_file_that_validates_with_the_parent_of_a_loan(tmp_path: Path) -> None:
    with download_buttons() as files:
        app(type="loan")
    loans = [r["id"] for r in shipped_rows() if r["instrument_type"] == "loan"]
    path = tmp_path / files["download_csv"].file_name
    path.write_bytes(files["download_csv"].data())
    ids = csv_ids(path.read_bytes())
    assert ids == with_references(loans) and len(ids) > len(loans)  # the loans and their wholes
    assert main(["validate", str(path)]) == 0
    assert f"-{t('file_schema', 'en')}-" in path.name  # the name says which CSV it is
