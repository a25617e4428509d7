"""The loader's records are made when read (`funding.intake.lazy_records`): they read exactly as the
records the model makes, and the page's figures over a large file make almost none of them."""

from __future__ import annotations

import pickle

import pytest
from factory import csv_bytes, row

from funding.charts import comparison_chart, headline
from funding.intake.lazy_records import LazyRecords
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.loading import parse_csv
from funding.selecting.filter_index import select
from funding.selecting.selection import Filters
from funding.selecting.totals import totals_by_kind


def _loaded(rows: int) -> Dataset:
    """`rows` funds of EUR 1,000 each, every other with a part of EUR 10 below it."""
    cells = []
    for i in range(rows // 2):
        cells += [row(f"f{i}", "1000", parts_disjoint="yes"), row(f"p{i}", "10", parent_id=f"f{i}")]
    return parse_csv(csv_bytes(cells), max_bytes=None)


def test_records_read_one_by_one_are_the_models_and_stay_the_same_objects() -> None:
    ds = _loaded(6)
    records = ds.records
    assert isinstance(records, LazyRecords) and records.made == 0
    first, last = records[0], records[-1]
    assert records.made == 2
    assert first == Instrument.model_validate(first.model_dump()) and (first.id, last.id) == ("f0", "p2")
    everything = records.all()
    assert records.made == 6 and everything[0] is first and everything[5] is last
    assert [r.id for r in records] == ["f0", "p0", "f1", "p1", "f2", "p2"]
    assert records == everything and everything == records and hash(records) == hash(everything)
    assert list(records[1:3]) == list(everything[1:3])
    with pytest.raises(IndexError):
        records[6]


def test_a_copy_is_the_plain_tuple_of_records() -> None:
    ds = _loaded(4)
    copied = pickle.loads(pickle.dumps(ds.records))
    assert isinstance(copied, tuple) and copied == ds.records.all()  # type: ignore[attr-defined]


def test_rows_the_model_checked_itself_are_its_records() -> None:
    """Decimal commas make the column checks send each amount through the model: "1000,5" is
    EUR 1,000.5 there, and the records (and the lists the dataset reads) say so."""
    data = csv_bytes([row("a", "1000,5"), row("b", "7")], delimiter=";")
    ds = parse_csv(data)
    assert [r.amount_eur for r in ds.records] == [1000.5, 7.0]
    assert list(ds.column("amount_eur")) == [1000.5, 7.0]


def test_the_pages_figures_over_2000_rows_make_a_few_dozen_records() -> None:
    """Headline, totals and the comparison of 25 bars per kind read the columns as arrays; the
    records made are those shown by name: at most 25 bars plus the headline's 12 wider envelopes
    and 4 names per help text, well under 100 of 2,000. Totals by hand: 1,000 funds of EUR
    1,000 hold their parts, so the net public total is 1,000 x 1,000 = EUR 1,000,000."""
    ds = _loaded(2000)
    picked = select(Filters(), ds)
    assert totals_by_kind(ds, picked)["public"].net.low == 1_000_000.0
    headline(ds, picked, "en")
    comparison_chart(ds, picked, ["public"], "en")
    assert isinstance(ds.records, LazyRecords) and 0 < ds.records.made < 100


def test_a_pass_over_a_few_rows_makes_only_those_and_one_over_many_makes_all() -> None:
    """80 rows: 5 of them are fewer than an eighth (10), so 5 are made; a pass over all 80 makes
    all 80 (the first 256 one by one would be all of them here, then none is left)."""
    ds = _loaded(80)
    everything = select(Filters(), ds)
    assert [r.id for r in everything[:5]] == ["f0", "p0", "f1", "p1", "f2"]
    assert isinstance(ds.records, LazyRecords) and ds.records.made == 5
    assert len(list(everything)) == 80 and ds.records.made == 80
