"""Warnings: a valid file that still contradicts itself or speaks one language. Each warning is
asserted by (line, column, code); line 1 is the header, so the first row is line 2."""

from __future__ import annotations

import subprocess
import sys

import pytest
from factory import csv_bytes, row
from fixtures import ROOT

from funding.i18n.vocab import Lang
from funding.registry.dataset_rules import dataset_warnings
from funding.registry.loading import parse_csv


def warned(*rows: dict[str, str]) -> set[tuple[int, str, str]]:
    dataset = parse_csv(csv_bytes(rows), known_documents={"doc"})
    return {(w.line, w.column, w.code) for w in dataset_warnings(dataset)}


WHOLE = row(
    "whole",
    "6100",
    "up_to",
    money_origin="earlier_commitment",
    status="allocated",
    period_start="2021",
    period_end="2027",
    notes="n",
    notes_nl="n",
)


def part(**cells: str) -> dict[str, str]:
    """A part of WHOLE (3100 of 6100, same kind) that inherits everything unless told otherwise."""
    base = {"parent_id": "whole", "money_origin": "earlier_commitment", "status": "allocated"}
    return row("part", "3100", **{**base, **cells})


def test_a_part_that_inherits_its_whole_is_not_warned() -> None:
    assert warned(WHOLE, part(period_start="2025", period_end="2027")) == set()


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"money_origin": ""}, "money_origin"),  # the IPCEI parts of 1.1.0: "not stated" under a stated whole
        ({"money_origin": "new"}, "money_origin"),
        ({"status": "reserved"}, "status"),  # "vrijgemaakt" under an approval
        ({"battery_specific": "no"}, "battery_specific"),
        ({"period_start": "2020"}, "period_start"),  # before the whole's 2021
        ({"period_end": "2028-01"}, "period_end"),  # after the whole's 2027
    ],
)
def test_a_part_that_contradicts_its_whole_is_warned_at_its_own_cell(
    cells: dict[str, str], column: str
) -> None:
    assert warned(WHOLE, part(**cells)) == {(3, column, "part_contradicts_whole")}


def test_what_the_whole_leaves_unstated_the_part_may_state() -> None:
    """MICB (no status, no origin) and its part "allocated in 2025": more detail, no contradiction;
    a battery-only part of a wider whole is fine too."""
    whole = row("whole", "296", battery_specific="no")
    assert (
        warned(whole, row("part", "120", parent_id="whole", status="allocated", money_origin="new")) == set()
    )


def test_a_child_of_another_kind_is_no_part() -> None:
    """A target under a guarantee row is not part of its amount, so nothing is inherited."""
    child = row("target", "55000", "about", parent_id="whole", amount_kind="target")
    assert warned(WHOLE, child) == set()


def test_a_note_in_one_language_is_warned_in_the_missing_column() -> None:
    assert warned(
        row("a", notes="English only"),
        row("b", notes_nl="Alleen Nederlands"),
        row("c"),
        row("d", notes="x", notes_nl="x"),
    ) == {(2, "notes_nl", "note_language_missing"), (3, "notes", "note_language_missing")}


@pytest.mark.subprocess
def test_validate_prints_warnings_and_fails_on_them_only_when_strict(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "one-language.csv"
    path.write_bytes(csv_bytes([row("a", notes="English only")]))
    documents = tmp_path / "documents.csv"
    documents.write_text("id,title_en,title_nl,publisher,issued,language,file,url\ndoc,D,D,P,,en,d.txt,\n")
    command = [sys.executable, "-m", "funding", "validate", str(path), "--documents", str(documents)]
    loose = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    strict = subprocess.run([*command, "--strict"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert (loose.returncode, strict.returncode) == (0, 1)
    assert f"warning: {path}:2: notes_nl: " in loose.stdout
    assert loose.stdout.rstrip().endswith("[note_language_missing]")


def test_the_curated_dataset_has_no_warnings() -> None:
    from funding.registry.loading import load_dataset

    assert dataset_warnings(load_dataset()) == []


@pytest.mark.slow  # half a second or more: the full suite runs it
def test_the_dutch_workbook_carries_the_dutch_notes_and_the_english_one_the_english() -> None:
    """Every curated row has both notes (test above); each language's workbook shows its own,
    and no English note reaches the Dutch workbook (issue 20: "a Dutch export has no English note")."""
    import io

    from openpyxl import load_workbook

    from funding.base.paths import DATA_DIR
    from funding.exports import export_xlsx
    from funding.i18n import t
    from funding.registry.dataset_info import load_info
    from funding.registry.documents import load_documents
    from funding.registry.loading import load_dataset
    from funding.selecting.selection import Filters

    data = load_dataset()

    def notes_in(lang: Lang) -> set[str]:
        book = load_workbook(
            io.BytesIO(
                export_xlsx(
                    data,
                    data.records,
                    Filters(),
                    lang,
                    load_documents(),
                    load_info(DATA_DIR / "dataset.json"),
                )
            )
        )
        found: set[str] = set()
        for sheet in book.worksheets:
            for column in sheet.iter_cols(values_only=True):
                if t("x_notes", lang) in column:
                    found |= {v for v in column[column.index(t("x_notes", lang)) + 1 :] if isinstance(v, str)}
        return found

    english = {r.notes for r in data.records if r.notes}
    dutch = {r.notes_nl for r in data.records if r.notes_nl}
    assert notes_in("nl") == dutch
    assert notes_in("en") == english
    assert not notes_in("nl") & english
