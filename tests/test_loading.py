"""Loading and validation: problems are asserted as (line, column) tuples, never as message text."""

from __future__ import annotations

from unittest import mock

import pytest
from factory import csv_bytes, row
from fixtures import examples
from hypothesis import given, settings
from hypothesis import strategies as st

from funding.base.errors import InvalidData, UnreadableFile
from funding.registry import loading
from funding.registry.loading import parse_csv


def problems_of(data: bytes) -> set[tuple[int, str]]:
    with pytest.raises(InvalidData) as caught:
        parse_csv(data)
    return {(p.line, p.column) for p in caught.value.problems}


def test_valid_rows_become_records() -> None:
    data = csv_bytes(
        [row("fund"), row("part", "1500000000", parent_id="fund", beneficiary_types="recyclers;research")]
    )
    dataset = parse_csv(data)
    assert [r.id for r in dataset.records] == ["fund", "part"]
    assert dataset.by_id["part"].amount_eur == 1_500_000_000
    assert dataset.by_id["part"].beneficiary_types == ("recyclers", "research")
    assert dataset.by_id["fund"].amount_eur is None
    assert dataset.ancestor_chains["part"] == ("fund",)


def test_every_problem_in_the_file_is_reported_at_once() -> None:
    data = csv_bytes(
        [
            row("ok"),
            row("Bad Id", level="Mars"),  # line 3: two field problems in one row
            row("neg", "-5"),  # line 4
            row("q", qualifier="up_to"),  # line 5: qualifier without an amount
            row("ok"),  # line 6: duplicate id
            row("orphan", parent_id="nowhere"),  # line 7
        ]
    )
    assert problems_of(data) == {
        (3, "id"),
        (3, "level"),
        (4, "amount_eur"),
        (5, "amount_qualifier"),
        (6, "id"),
        (7, "parent_id"),
    }


def test_problem_carries_the_offending_value() -> None:
    with pytest.raises(InvalidData) as caught:
        parse_csv(csv_bytes([row("a", level="Mars")]))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column, problem.value) == (2, "level", "Mars")


@pytest.mark.parametrize(
    ("cells", "column"),
    [
        ({"amount_eur": "nan"}, "amount_eur"),
        ({"amount_eur": "inf"}, "amount_eur"),
        ({"amount_eur": "lots"}, "amount_eur"),
        ({"amount_eur": "1,500,000"}, "amount_eur"),
        ({"amount_eur": "1e400"}, "amount_eur"),
        ({"beneficiary_types": "aliens"}, "beneficiary_types"),
        ({"period_start": "2027", "period_end": "2025"}, "period_end"),
        ({"period_start": "2025-13"}, "period_start"),
        ({"period_end": "2025-02-30"}, "period_end"),
        ({"eu_pillar": "financing"}, "eu_pillar_basis"),
        ({"battery_specific": "maybe"}, "battery_specific"),
        ({"source_url": "javascript:alert(1)"}, "source_url"),
        ({"name_en": ""}, "name_en"),
        ({"name_en": "x" * 301}, "name_en"),
        ({"name_en": "<img src=x onerror=alert(1)>"}, "name_en"),
        ({"source_quote": "a </script> quote"}, "source_quote"),
        ({"notes": "bell\x07"}, "notes"),
    ],
)
def test_single_cell_problems_name_line_and_column(cells: dict[str, str], column: str) -> None:
    qualifier = "exact" if "amount_eur" in cells else ""
    assert (2, column) in problems_of(csv_bytes([row("a", qualifier=qualifier, **cells)]))


@pytest.mark.parametrize(
    "cells",
    [
        {"name_en": '=HYPERLINK("http://x","y")'},
        {"name_nl": "+CityxChange"},
        {"source": "-2+3"},
        {"notes": "- see the 2025 letter"},
        {"source_locator": "@page 4"},
        {"source_quote": "\t=1+1"},  # surrounding whitespace is stripped: the quote is "=1+1"
    ],
)
def test_text_that_starts_like_a_formula_is_accepted_as_written(cells: dict[str, str]) -> None:
    """Refusing "- see the 2025 letter" helped nobody: spreadsheet exports neutralise such cells."""
    (record,) = parse_csv(csv_bytes([row("a", **cells)])).records
    ((column, written),) = cells.items()
    assert getattr(record, column) == written.strip()


def test_an_amount_needs_its_source() -> None:
    data = csv_bytes([row("a", "100", source_document="", source_locator="", source_quote="")])
    assert problems_of(data) == {(2, "source_document"), (2, "source_locator"), (2, "source_quote")}


def test_unparsable_amount_is_still_an_amount_for_the_row_rules() -> None:
    # The qualifier is fine: the amount is there, only badly written.
    assert problems_of(csv_bytes([row("a", "EUR 5", qualifier="up_to")])) == {(2, "amount_eur")}


def test_parent_cycle_is_reported_on_each_member() -> None:
    data = csv_bytes(
        [row("a", parent_id="b"), row("b", parent_id="c"), row("c", parent_id="a"), row("d", parent_id="a")]
    )
    assert problems_of(data) == {(2, "parent_id"), (3, "parent_id"), (4, "parent_id")}


def test_part_larger_than_parent_of_same_kind() -> None:
    data = csv_bytes([row("whole", "100"), row("part", "101", parent_id="whole")])
    assert problems_of(data) == {(3, "amount_eur")}


def test_part_larger_than_a_grandparent_of_same_kind() -> None:
    rows = [
        row("whole", "100"),
        row("middle", "500", parent_id="whole", amount_kind="guarantee"),
        row("part", "101", parent_id="middle"),
    ]
    assert problems_of(csv_bytes(rows)) == {(4, "amount_eur")}


def test_part_of_another_kind_may_be_larger() -> None:
    data = csv_bytes([row("whole", "100"), row("part", "101", parent_id="whole", amount_kind="guarantee")])
    assert len(parse_csv(data).records) == 2


def test_missing_and_unknown_columns_are_header_problems() -> None:
    from funding.intake.records import COLUMNS

    columns = [c for c in COLUMNS if c != "notes"] + ["amount_euro"]
    assert problems_of(csv_bytes([row("a")], columns=columns)) == {(1, "notes"), (1, "amount_euro")}


def test_multiline_cells_keep_physical_line_numbers() -> None:
    data = csv_bytes([row("a", notes="one\ntwo\nthree"), row("b", level="Mars")])
    assert problems_of(data) == {(5, "level")}


def test_ragged_row_is_reported() -> None:
    data = csv_bytes([row("a")]) + b"b,too,few\r\n"
    assert problems_of(data) == {(3, "")}


def test_unknown_source_document_when_registry_given() -> None:
    data = csv_bytes([row("a", source_document="known"), row("b", source_document="unknown")])
    with pytest.raises(InvalidData) as caught:
        parse_csv(data, known_documents={"known"})
    assert {(p.line, p.column) for p in caught.value.problems} == {(3, "source_document")}


def test_dutch_excel_file_loads() -> None:
    """Excel in a Dutch locale: semicolons, a BOM and a decimal comma."""
    data = csv_bytes([row("a", "7600000,5", qualifier="about")], delimiter=";", bom=True)
    assert parse_csv(data).records[0].amount_eur == 7_600_000.5


def test_dutch_excel_file_with_thousands_separators_fails_clearly() -> None:
    data = csv_bytes([row("a", "1.500.000")], delimiter=";")
    assert problems_of(data) == {(2, "amount_eur")}


@pytest.mark.parametrize(
    "data",
    [
        "naïve,é".encode("cp1252"),
        b"\x00\x01\x02binary",
        "id,name".encode("utf-16"),
    ],
)
def test_unreadable_bytes(data: bytes) -> None:
    with pytest.raises(UnreadableFile):
        parse_csv(data)


def test_empty_file_and_header_only() -> None:
    assert problems_of(b"") == {(1, "")}
    assert len(parse_csv(csv_bytes([])).records) == 0


def test_size_limit() -> None:
    with pytest.raises(UnreadableFile):
        parse_csv(csv_bytes([row("a")]), max_bytes=10)


def test_wrong_delimiter_says_so() -> None:
    data = csv_bytes([row("a")], delimiter="|")
    assert (1, "") in problems_of(data)


def test_records_built_in_code_obey_the_row_rules_too() -> None:
    from pydantic import ValidationError

    from funding.intake.records import Instrument

    raw = parse_csv(csv_bytes([row("a", "100")])).records[0].model_dump()
    with pytest.raises(ValidationError):
        Instrument.model_validate({**raw, "amount_eur": None})  # a qualifier left without its amount


@settings(max_examples=examples(300))
@given(
    st.lists(st.one_of(st.text(max_size=4).map(str.encode), st.binary(max_size=3)), max_size=8).map(b"".join),
    st.integers(1, 5),
)
def test_utf8_is_checked_in_chunks_as_decoding_the_whole_would(data: bytes, chunk: int) -> None:
    """A large file is checked a chunk at a time, not decoded: a character across two chunks
    is whole, a broken one anywhere is found."""
    try:
        data.decode("utf-8")
        whole = True
    except UnicodeDecodeError:
        whole = False
    with mock.patch.object(loading, "_UTF8_CHUNK", chunk):
        assert loading.is_utf8(data) is whole
