"""The page's downloads hold what the page shows: with `compare=` set, the instruments compared,
in files named as a comparison. Read from the buttons as a click would build them."""

from __future__ import annotations

import csv
import io

import pytest
from apptest_support import app, captured_downloads, said
from fixtures import shipped_rows
from openpyxl import load_workbook
from pptx import Presentation

from funding.i18n import t

pytestmark = pytest.mark.apptest

COMPARED = ["ipcei-batteries-state-aid", "ngf-micb", "battery-booster-facility", "batt4eu-partnership"]


def csv_ids(data: bytes) -> list[str]:
    return [r["id"] for r in csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))]


def test_a_comparison_is_what_the_files_hold_and_what_they_are_named() -> None:
    with captured_downloads() as files:
        at = app(compare=COMPARED)
    in_file_order = [r["id"] for r in shipped_rows() if r["id"] in COMPARED]
    assert len(in_file_order) == 4
    for fmt in ("csv", "xlsx", "pptx"):
        assert "-comparison-" in files[f"download_{fmt}"].file_name
    assert csv_ids(files["download_csv"].build()) == in_file_order
    book = load_workbook(io.BytesIO(files["download_xlsx"].build()))
    figures = book[t("sheet_data", "en")]
    assert figures.max_row == 2 + 4  # the warning, the header, the four compared figures
    deck = Presentation(io.BytesIO(files["download_pptx"].build()))
    text = " ".join(s.text_frame.text for slide in deck.slides for s in slide.shapes if s.has_text_frame)
    # RESourceEU's EUR 3 bn is in every deck of the whole dataset, and not compared here.
    resource = next(r["name_en"] for r in shipped_rows() if r["id"] == "resourceeu-crm-funding")
    assert resource not in text
    assert t("download_scope_compare", "en", n=4) in said(at.caption)


def test_without_a_comparison_the_files_hold_the_selection() -> None:
    with captured_downloads() as files:
        app(compare=COMPARED[:1])  # one pick is not a comparison
    assert "-comparison-" not in files["download_csv"].file_name
    assert len(csv_ids(files["download_csv"].build())) == len(shipped_rows())
