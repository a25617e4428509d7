"""`python -m funding validate`'s summary stays a few lines however many rows make a range: it
names the first few ids and counts the rest (on a replica of 100,000 rows it printed 259 KB)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from factory import csv_bytes, row
from fixtures import document_id

from funding.cli import main
from funding.cli.validate import NAMED_IDS
from funding.i18n import t
from funding.selecting.formatting import format_count


def pairs_file(path: Path, pairs: int) -> Path:
    """`pairs` pairs of battery-specific public funds of EUR 100 each, each pair saying it may share
    money: the battery total is the range 100 x pairs .. 200 x pairs, made by all 2 x pairs rows."""
    rows = []
    for k in range(1, pairs + 1):
        first, second = f"fund-{2 * k - 1}", f"fund-{2 * k}"
        for rid, other in ((first, second), (second, first)):
            rows.append(row(rid, "100", may_overlap=other, source_document=document_id()))
    path.write_bytes(csv_bytes(rows))
    return path


def range_lines(path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["validate", str(path)]) == 0
    return [line for line in capsys.readouterr().out.splitlines() if re.search(r"\bfund-\d+", line)]


@pytest.mark.parametrize("pairs", [2, 10, 100])
def test_each_range_names_a_few_rows_and_counts_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], pairs: int
) -> None:
    lines = range_lines(pairs_file(tmp_path / "pairs.csv", pairs), capsys)
    # Two ranges: battery-specific public funding and all public funding counted once (the same
    # rows); no wider envelopes, so no third line.
    assert len(lines) == 2
    rows = 2 * pairs  # 4, 20, 200
    for line in lines:
        assert len(re.findall(r"\bfund-\d+\b", line)) == min(rows, NAMED_IDS)
        more = t("and_more", "en", n=format_count(rows - NAMED_IDS, "en"))  # "and 16 more", "and 196 more"
        assert line.endswith(more) == (rows > NAMED_IDS)


def test_the_summary_does_not_grow_with_the_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    small = range_lines(pairs_file(tmp_path / "small.csv", 10), capsys)
    large = range_lines(pairs_file(tmp_path / "large.csv", 1_000), capsys)
    # 20 against 2,000 rows: the lines differ only in the ids' digits, the amounts and the count
    # ("16" against "1,996"), a few characters each, never by a name per row.
    assert all(abs(len(a) - len(b)) < 40 for a, b in zip(small, large, strict=True))
