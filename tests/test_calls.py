"""Calls and application windows (data/calls.csv): dates kept as stated, every problem located,
and which calls are open or upcoming on a day, worked out by hand from the file."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from fixtures import ROOT
from openpyxl import load_workbook
from pptx import Presentation

from funding.base.errors import InvalidData
from funding.changes.quotes import DEFAULT_SOURCES, normalise
from funding.exports.render import ExportRequest, render
from funding.i18n import t
from funding.registry.calls import (
    CLOSED,
    OPEN,
    OPENED,
    OPENING,
    UPCOMING,
    Call,
    calls_on,
    date_range,
    load_calls,
    state_on,
)
from funding.registry.dataset_info import load_info
from funding.registry.documents import load_documents
from funding.registry.loading import load_dataset
from funding.selecting.selection import Filters

HEADER = (
    "id,record_id,name_en,name_nl,beneficiary_types,opens,opens_qualifier,closes,closes_qualifier,"
    "source_document,source_locator,source_quote,notes,notes_nl\n"
)


def shipped() -> dict[str, Call]:
    calls = load_calls(record_ids=load_dataset().by_id, known_documents=load_documents())
    return {c.id: c for c in calls}


def test_a_stated_date_means_every_day_it_can_mean() -> None:
    assert date_range("2026-Q1") == (date(2026, 1, 1), date(2026, 3, 31))  # January to March
    assert date_range("2026-02") == (date(2026, 2, 1), date(2026, 2, 28))  # 2026 is no leap year
    assert date_range("2026") == (date(2026, 1, 1), date(2026, 12, 31))
    assert date_range("2026-01-15") == (date(2026, 1, 15),) * 2


def test_states_of_the_shipped_calls_on_days_worked_out_by_hand() -> None:
    """BBF call: opens 2026-Q1 (an aim), no end. CRMA call: no stated opening, closes 2026-01-15.
    Raw Materials Mechanism: opens 2026-03 (planned). EIC call: opens 2026 (planned)."""
    calls = shipped()
    bbf, crma = calls["battery-booster-facility-call"], calls["crma-strategic-projects-call-2"]
    rmm, eic = calls["raw-materials-mechanism-round-1"], calls["eic-accelerator-energy-storage-call"]
    assert [state_on(c, date(2025, 12, 20)) for c in (bbf, crma, rmm, eic)] == [
        UPCOMING,
        OPEN,
        UPCOMING,
        UPCOMING,
    ]
    # 10 January 2026: inside Q1 and inside 2026, before 15 January, before March
    assert [state_on(c, date(2026, 1, 10)) for c in (bbf, crma, rmm, eic)] == [
        OPENING,
        OPEN,
        UPCOMING,
        OPENING,
    ]
    # 1 April 2026: Q1 and March are past (no end stated), the deadline has passed, still in 2026
    assert [state_on(c, date(2026, 4, 1)) for c in (bbf, crma, rmm, eic)] == [OPENED, CLOSED, OPENED, OPENING]


def test_the_list_on_a_day_for_a_group() -> None:
    """On 1 February 2026 for raw-material projects: the CRMA call closed on 15 January, the
    mechanism opens in March: only the mechanism, upcoming."""
    listed = calls_on(shipped().values(), date(2026, 2, 1), ["raw_materials"])
    assert [(item.call.id, item.state) for item in listed] == [("raw-materials-mechanism-round-1", UPCOMING)]


def test_every_quote_is_verbatim_in_its_document() -> None:
    if not DEFAULT_SOURCES.is_dir():
        pytest.skip(f"source documents not found at {DEFAULT_SOURCES}")
    documents = load_documents()
    for call in shipped().values():
        seed = documents[call.source_document].file
        assert seed is not None, call.source_document
        text = (DEFAULT_SOURCES / seed).read_text(encoding="utf-8")
        assert normalise(call.source_quote) in normalise(text), call.id


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        ("2026-Q5,stated,,", (2, "opens", "string_pattern_mismatch")),
        ("2026-02-30,stated,,", (2, "opens", "not_a_calendar_date")),
        ("2026-03,,,", (2, "opens_qualifier", "date_without_qualifier")),
        ("2026,planned,,stated", (2, "closes_qualifier", "qualifier_without_date")),
        (",,,", (2, "opens", "undated_call")),
        ("2026-03,planned,2026-02,stated", (2, "closes", "closes_before_opens")),
        ("2026,soon,,", (2, "opens_qualifier", "string_pattern_mismatch")),
    ],
)
def test_every_problem_has_its_line_column_and_code(
    tmp_path: Path, cells: str, problem: tuple[int, str, str]
) -> None:
    path = tmp_path / "calls.csv"
    path.write_text(HEADER + f"c,,Call,Oproep,startups_smes,{cells},doc,L1,a quote,,\n", encoding="utf-8")
    with pytest.raises(InvalidData) as caught:
        load_calls(path, known_documents={"doc"})
    assert caught.value.codes == {problem}


def test_unknown_rows_documents_and_groups_are_located(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text(
        HEADER + "c,nope,Call,Oproep,gnomes,2026,planned,,,elsewhere,L1,a quote,,\n", encoding="utf-8"
    )
    with pytest.raises(InvalidData) as caught:
        load_calls(path, record_ids={"a"}, known_documents={"doc"})
    assert caught.value.codes == {
        (2, "beneficiary_types", "unknown_code"),
        (2, "record_id", "unknown_record"),
        (2, "source_document", "unknown_document"),
    }


@pytest.mark.subprocess
def test_the_command_lists_calls_with_their_dates_and_sources() -> None:
    command = [
        sys.executable,
        "-m",
        "funding",
        "calls",
        "--on",
        "2026-01-10",
        "--beneficiary",
        "raw_materials",
    ]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # the CRMA call (open, closes 15 January) and the mechanism (upcoming, March)
    assert lines[0].startswith("Second call for strategic projects") and lines[0].endswith(": open")
    assert "closes 2026-01-15" in lines[1]
    assert lines[4].startswith("Raw Materials Mechanism") and lines[4].endswith(": upcoming")
    assert "Pillar II" in lines[7] and "L1185" not in lines[7]  # the section, no line numbers
    bad = subprocess.run([*command[:4], "2026-13-01"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert bad.returncode == 2


def test_files_list_the_calls_of_their_rows_and_no_others() -> None:
    """The Battery Booster Facility row has its call (data/calls.csv ties it by record_id): its
    workbook has a Calls sheet with that one call and its deck a calls slide; MICB has none."""
    dataset, documents = load_dataset(), load_documents()
    calls = load_calls(known_documents=documents)

    def request(row_id: str) -> ExportRequest:
        rows = [dataset.by_id[row_id]]
        return ExportRequest(dataset, rows, Filters(), "en", documents, load_info(), calls=calls)

    book = load_workbook(io.BytesIO(render("xlsx", request("battery-booster-facility"))))
    sheet = book[t("sheet_calls", "en")]
    assert [c.value for c in sheet["A"]][1:] == ["Battery Booster Facility: call for proposals"]
    deck = Presentation(io.BytesIO(render("pptx", request("battery-booster-facility"))))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert t("calls_slide_title", "en") in titles
    assert (
        t("sheet_calls", "en")
        not in load_workbook(io.BytesIO(render("xlsx", request("ngf-micb")))).sheetnames
    )
