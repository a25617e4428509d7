"""The editor's table and its way back to a file (funding.editing): the loader's problems located
by grid row, id and column; the shipped file written back byte for byte."""

from __future__ import annotations

import csv
import io

import pandas as pd
from factory import csv_bytes, row
from fixtures import DATA, DOCUMENTS, M

from funding import editing
from funding.diff_files import CSV_COLUMNS
from funding.documents import load_documents
from funding.loading import MAX_BYTES, load_dataset, parse_csv
from funding.version_changes import value_label


def shipped() -> tuple[editing.Checked, pd.DataFrame]:
    known = load_documents(DOCUMENTS)
    table = editing.table_of(load_dataset(DATA, known_documents=known))
    return editing.check(table, known), table


def small() -> pd.DataFrame:
    """Three rows: a whole of EUR 500 m and its part of 200 m, and another figure of 300 m."""
    rows = [
        row("whole", str(500 * M), parts_disjoint="yes"),
        row("part", str(200 * M), parent_id="whole", notes="two\nlines"),
        row("other", str(300 * M)),
    ]
    return editing.table_of(parse_csv(csv_bytes(rows), known_documents=["doc"]))


def located(checked: editing.Checked) -> set[tuple[int | None, str, str, str]]:
    return {(p.row, p.id, p.column, p.code) for p in checked.problems}


def test_the_shipped_file_round_trips_byte_for_byte() -> None:
    checked, table = shipped()
    assert checked.dataset is not None
    assert checked.data == DATA.read_bytes()
    original = load_dataset(DATA, known_documents=load_documents(DOCUMENTS))
    assert checked.dataset.records == original.records
    assert list(table.index) == list(range(1, 63))  # 62 rows, numbered as the grid shows them


def test_a_broken_cell_is_reported_at_its_grid_row_id_and_column() -> None:
    table = small()
    table.loc[3, "amount_eur"] = -1.0
    table.loc[2, "level"] = "XX"
    checked = editing.check(table, ["doc"])
    assert not checked.valid
    # Row 2's notes hold a line break, so row 3 starts on file line 5: the row, not the line.
    assert located(checked) == {
        (2, "part", "level", "unknown_code"),
        (3, "other", "amount_eur", "amount_negative"),
    }


def test_fixing_the_cell_clears_the_problem() -> None:
    table = small()
    table.loc[3, "amount_eur"] = -1.0
    assert not editing.check(table, ["doc"]).valid
    table.loc[3, "amount_eur"] = 350.0 * M
    checked = editing.check(table, ["doc"])
    assert checked.dataset is not None and checked.problems == ()
    assert checked.dataset.by_id["other"].amount_eur == 350 * M


def test_an_added_row_is_numbered_after_the_last_and_an_empty_one_is_skipped() -> None:
    table = small().astype({"battery_specific": object})  # an added row's checkbox starts empty
    table.loc[4] = [None] * len(table.columns)  # added and never filled
    table.loc[5] = [None] * len(table.columns)
    table.loc[5, "id"] = "new"
    checked = editing.check(table, ["doc"])
    assert {(r, i, c) for r, i, c, _ in located(checked)} >= {(5, "new", "name_en"), (5, "new", "level")}
    assert all(p.row == 5 for p in checked.problems)


def test_a_duplicated_row_is_a_duplicate_id_until_renamed() -> None:
    table = editing.duplicate(small(), 1)
    assert list(table["id"]) == ["whole", "whole", "part", "other"]
    assert list(table.index) == [1, 2, 3, 4]
    checked = editing.check(table, ["doc"])
    assert located(checked) == {(2, "whole", "id", "duplicate_id")}
    table.loc[2, "id"] = "copy"
    assert editing.check(table, ["doc"]).valid


def test_list_and_yes_no_cells_are_written_as_the_file_spells_them() -> None:
    table = small()
    table.at[3, "beneficiary_types"] = ["research", "companies"]  # type: ignore[assignment]
    table.at[3, "battery_specific"] = False
    checked = editing.check(table, ["doc"])
    assert checked.dataset is not None
    other = checked.dataset.by_id["other"]
    assert other.beneficiary_types == ("research", "companies") and other.battery_specific is False
    assert b"research;companies" in checked.data


def test_the_diff_of_an_edit_lists_the_changed_cell() -> None:
    table = small()
    original = editing.check(table, ["doc"]).dataset
    table.loc[3, "amount_eur"] = 350.0 * M
    edited = editing.check(table, ["doc"]).dataset
    assert original is not None and edited is not None
    lines = list(csv.reader(io.StringIO(editing.diff_csv(original, edited))))
    assert lines[0] == list(CSV_COLUMNS)
    assert lines[1:] == [["funding", "changed", "other", "", "amount_eur", "300000000", "350000000"]]


def test_an_edit_over_the_upload_limit_is_unreadable_not_a_crash() -> None:
    table = small()
    table.at[3, "notes"] = "x" * (MAX_BYTES + 1)
    checked = editing.check(table, ["doc"])
    assert not checked.valid and checked.reason and checked.problems == ()


def test_a_changed_amount_reads_with_its_unit_in_both_languages() -> None:
    assert value_label("amount_eur", "1500000000", "en") == "EUR 1,500,000,000"
    assert value_label("amount_eur", "7600000.5", "nl") == "€ 7.600.000,5"
    assert value_label("amount_eur", "", "en") == ""


def test_an_unchanged_table_is_not_parsed_again() -> None:
    """The same grid gives the same CSV bytes: the earlier check is returned as it is."""
    table = small()
    first = editing.check(table, ["doc"])
    assert editing.check(table, ["doc"], previous=first) is first
    changed = table.copy()
    changed.loc[2, "name_en"] = "Another name"
    assert editing.check(changed, ["doc"], previous=first) is not first
