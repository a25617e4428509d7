"""Required columns are one rule: the loader refuses an empty cell exactly where the data package
(and so `frictionless validate`) does, and both follow the codebook's "Required" column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from factory import csv_bytes, row
from fixtures import CODEBOOK_REQUIRED
from frictionless import Resource, Schema

from funding.base.errors import InvalidData
from funding.intake.records import COLUMNS, REQUIRED_COLUMNS
from funding.registry.datapackage import PACKAGE
from funding.registry.loading import parse_csv


def one_empty_cell_per_row() -> tuple[bytes, dict[int, str]]:
    """A valid row without an amount, once per column with that column's cell emptied: line
    n + 2 (after the header) has column n empty."""
    rows = [{**row(f"r{n}"), column: ""} for n, column in enumerate(COLUMNS)]
    return csv_bytes(rows), {n + 2: column for n, column in enumerate(COLUMNS)}


def loader_refuses(data: bytes) -> set[tuple[int, str]]:
    try:
        parse_csv(data, known_documents={"doc"})
    except InvalidData as error:
        return {(p.line, p.column) for p in error.problems}
    return set()


def package_refuses(data: bytes, tmp_path: Path) -> set[tuple[int, str]]:
    """frictionless with the funding resource's schema from data/datapackage.json (without its
    foreign keys: the other tables are not part of this file)."""
    package = json.loads(PACKAGE.read_text(encoding="utf-8"))
    descriptor: dict[str, Any] = next(r for r in package["resources"] if r["name"] == "funding")["schema"]
    schema = Schema.from_descriptor({**descriptor, "foreignKeys": []})
    (tmp_path / "funding.csv").write_bytes(data)
    report = Resource(path="funding.csv", basepath=str(tmp_path), schema=schema).validate()
    # An empty id is also a primary-key error of the whole row (no field); its cell is reported.
    return {(line, column) for line, column in report.flatten(["rowNumber", "fieldName"]) if column}


def test_the_one_table_is_the_codebooks() -> None:
    assert REQUIRED_COLUMNS == CODEBOOK_REQUIRED
    assert len(COLUMNS) == 29  # the codebook's §2 numbers its columns 1 to 29 (notes_nl since 1.2.0)


def test_loader_and_data_package_refuse_the_same_empty_cells(tmp_path: Path) -> None:
    data, emptied = one_empty_cell_per_row()
    loader = loader_refuses(data)
    assert loader == package_refuses(data, tmp_path)
    assert loader == {(line, column) for line, column in emptied.items() if column in CODEBOOK_REQUIRED}


def test_a_row_with_no_amount_and_no_quote_or_locator_is_refused_by_both(tmp_path: Path) -> None:
    data = csv_bytes([row("a", source_locator="", source_quote="")])
    expected = {(2, "source_locator"), (2, "source_quote")}
    assert loader_refuses(data) == expected
    assert package_refuses(data, tmp_path) == expected
    with pytest.raises(InvalidData) as refused:
        parse_csv(data, known_documents={"doc"})
    assert {p.code for p in refused.value.problems} == {"required"}
