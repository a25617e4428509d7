"""The editor's table and its way back to a file (funding.changes.editing): the loader's problems located
by grid row, id and column; the shipped file written back byte for byte."""

from __future__ import annotations

import csv
import io

import pandas as pd
import pytest
from factory import csv_bytes, row
from fixtures import DATA, DOCUMENTS, M

from funding.changes import editing
from funding.changes.diff_files import CSV_COLUMNS
from funding.changes.version_changes import value_label
from funding.intake.records import COLUMNS
from funding.registry.documents import load_documents
from funding.registry.loading import MAX_BYTES, load_dataset, parse_csv


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
    assert not checked.valid and checked.problems == ()
    assert checked.unreadable is not None and checked.unreadable.code == "too_large"


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


def test_a_grid_past_the_row_limit_is_refused_before_any_checking_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """10,062 pasted rows were written, parsed and checked (102 MiB) before the size limit
    refused them, on every rerun. Now the row count alone refuses them: nothing is written."""
    table = small()
    big = pd.concat([table] * (editing.MAX_ROWS // 3 + 1), ignore_index=True)  # 3 * 334 = 1,002 rows

    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("checking work done on a table past the row limit")

    monkeypatch.setattr(editing, "rows_of", no_work)
    monkeypatch.setattr(editing, "parse_csv", no_work)
    checked = editing.check(big, ["doc"])
    assert (checked.too_many_rows, checked.data, checked.valid) == (1002, b"", False)


def test_rows_added_and_left_empty_are_named_not_dropped_silently() -> None:
    table = small().astype({"battery_specific": object})
    # a row the grid added and nobody filled: every cell empty (the checkbox too)
    empty = {c: float("nan") if c == "amount_eur" else None for c in table.columns}
    table = pd.concat([table, pd.DataFrame([empty], index=[4]).astype(table.dtypes.to_dict())])
    checked = editing.check(table, ["doc"])
    assert checked.valid and checked.empty_rows == (4,)


def _tsv(*ids: str) -> str:
    """Lines as a spreadsheet copies them: tab-separated, the file's columns in order."""
    lines = []
    for i in ids:
        cells = row(i, str(7 * M), source_document="doc")
        lines.append("\t".join(cells.get(c, "") for c in COLUMNS))
    return "\n".join(lines)


def test_pasted_lines_are_added_as_rows_after_the_last() -> None:
    """Five lines pasted below three rows: rows 4 to 8, each checked as the file would be."""
    pasted = editing.paste_rows(small(), _tsv("p1", "p2", "p3", "p4", "p5"))
    assert pasted.table is not None and pasted.added == 5
    assert list(pasted.table.index) == [1, 2, 3, 4, 5, 6, 7, 8]
    checked = editing.check(pasted.table, ["doc"])
    assert checked.dataset is not None
    assert [r.id for r in checked.dataset.records][3:] == ["p1", "p2", "p3", "p4", "p5"]
    assert checked.dataset.by_id["p5"].amount_eur == 7 * M


def test_pasted_lines_with_a_header_follow_its_column_order() -> None:
    text = "name_en\tid\nPasted name\tpasted-id"
    pasted = editing.paste_rows(small(), text)
    assert pasted.table is not None
    assert (pasted.table.loc[4, "id"], pasted.table.loc[4, "name_en"]) == ("pasted-id", "Pasted name")


def test_a_paste_is_refused_whole_with_its_reason() -> None:
    table = small()
    assert editing.paste_rows(table, " \n").code == "nothing_pasted"
    too_wide = editing.paste_rows(table, _tsv("a") + "\n" + _tsv("b") + "\textra")
    assert (too_wide.table, too_wide.code, too_wide.line) == (None, "too_many_cells", 2)
    # 3 rows + 998 lines = 1,001 > MAX_ROWS (1,000): refused before a cell is read
    over = editing.paste_rows(table, "\n".join(["x"] * (editing.MAX_ROWS - 2)))
    assert (over.table, over.code) == (None, "too_many_rows")
    fits = editing.paste_rows(table, "\n".join([f"id-{n}" for n in range(editing.MAX_ROWS - 3)]))
    assert fits.table is not None and len(fits.table) == editing.MAX_ROWS
