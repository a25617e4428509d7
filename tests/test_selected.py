"""A selection kept as positions (`funding.selecting.selected`) gives exactly what the same records give.

The page hands its totals, headline, envelope table and compare picker a `Selected`, which they
compute as arrays; a plain list of the same records goes through the record-by-record code,
the reference every result is compared with."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from factory import csv_bytes, row
from fixtures import arrays_always, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import SHIPPED, filters, forests

from funding import charts
from funding.charts.comparison import compare_choices
from funding.charts.headline_figures import headline
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.loading import parse_csv
from funding.selecting import net_arrays
from funding.selecting.breakdowns import envelope_rows, group_codes
from funding.selecting.figures import battery_figure, figures
from funding.selecting.filter_index import select
from funding.selecting.frameworks import default_framework
from funding.selecting.selected import Selected, positions_in
from funding.selecting.selection import Filters
from funding.selecting.totals import origin_split, stated_by_kind, summable, totals_by_kind


def _results(
    ds: Dataset, rows: Sequence[Instrument], limit: int | None, framework_of: Dataset | None
) -> tuple[Any, ...]:
    return (
        totals_by_kind(ds, rows),
        origin_split(ds, rows),
        stated_by_kind(ds, rows),
        [envelope_rows(ds, rows, kind, "en", limit=limit) for kind in AMOUNT_KIND.codes],
        compare_choices(ds, rows, "en", 3),
        headline(ds, rows, "nl"),
        default_framework(rows, framework_of),
    )


def _same_results(ds: Dataset, chosen: Selected, limit: int | None) -> None:
    expected = _results(ds, list(chosen), limit, None)  # a plain list: record by record
    with arrays_always():
        found = _results(ds, chosen, limit, ds)
    assert found == expected


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(forests(), filters(), st.one_of(st.none(), st.integers(1, 6)))
def test_positions_give_what_the_records_give_on_random_datasets(
    rows: list[dict[str, str]], chosen: Filters, limit: int | None
) -> None:
    ds = parse_csv(csv_bytes(rows))
    picked = select(replace(chosen, source=(), q=""), ds)
    assert isinstance(picked, Selected)
    _same_results(ds, picked, limit)


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(filters(), st.one_of(st.none(), st.integers(1, 30)))
def test_positions_give_what_the_records_give_on_the_shipped_data(chosen: Filters, limit: int | None) -> None:
    picked = select(replace(chosen, q=""), SHIPPED)
    assert isinstance(picked, Selected)
    _same_results(SHIPPED, picked, limit)


def test_envelopes_from_positions_put_parts_under_their_whole() -> None:
    """Whole a EUR 100 (parts b 60 and c 40) and d 80: a first (largest), then its parts largest
    first, then d; with a limit of 3 the table stops after c. Only a and d count: 100 + 80."""
    ds = parse_csv(
        csv_bytes(
            [
                row("d", "80"),
                row("a", "100", parts_disjoint="yes"),
                row("c", "40", parent_id="a"),
                row("b", "60", parent_id="a"),
            ]
        )
    )
    everything = select(Filters(), ds)
    table = envelope_rows(ds, everything, "public", "en")
    assert [row["id"] for row in table] == ["a", "b", "c", "d"]
    assert [row["depth"] for row in table] == [0, 1, 1, 0]
    assert [row["parent"] for row in table] == [None, "a", "a", None]
    assert [row["counted"] for row in table] == [True, False, False, True]
    assert [row["id"] for row in envelope_rows(ds, everything, "public", "en", limit=3)] == ["a", "b", "c"]
    assert totals_by_kind(ds, everything)["public"].net.low == 180.0


def test_a_selection_reads_as_its_records_and_keeps_its_positions() -> None:
    picked = select(Filters(level=("NL",)), SHIPPED)
    assert isinstance(picked, Selected)
    expected = [r for r in SHIPPED.records if r.level == "NL"]
    assert list(picked) == expected and len(picked) == len(expected)
    assert picked[0] == expected[0] and picked[-1] == expected[-1]
    assert list(picked[1:4]) == expected[1:4] and list(picked[::-1]) == expected[::-1]
    assert [SHIPPED.records[i] for i in positions_in(SHIPPED, picked).tolist()] == expected  # type: ignore[union-attr]
    assert positions_in(SHIPPED, expected) is None  # a plain list: found one record at a time
    assert positions_in(parse_csv(csv_bytes([row("x", "1")])), picked) is None  # another dataset's


def test_narrowing_by_a_click_keeps_the_positions() -> None:
    picked = select(Filters(), SHIPPED)
    clicked = {"pillar": ["financing", "upstream"]}
    narrowed = charts.narrow(SHIPPED, picked, clicked, "eu")
    assert isinstance(narrowed, Selected)
    assert list(narrowed) == list(charts.narrow(SHIPPED, list(picked), clicked, "eu")) != []
    assert np.all(np.diff(narrowed.positions) > 0)


def groups(record: Instrument, dimension: str, framework: str) -> list[str]:
    """The groups a chart puts a row in (`breakdowns.group_codes`): the rows behind a bar."""
    if dimension == charts.INSTRUMENT:
        return [record.id]
    return group_codes(record, charts.breakdown_dimension(dimension, framework))


@st.composite
def clicks(draw: st.DrawFn, framework: str) -> dict[str, list[str]]:
    """Up to three click dimensions, each with a few of the groups the shipped rows fall in."""
    known = {dim: sorted(charts.groups_in(SHIPPED, SHIPPED.records, dim, framework)) for dim in DIMENSIONS}
    dims = draw(st.lists(st.sampled_from(DIMENSIONS), max_size=3, unique=True))
    return {d: draw(st.lists(st.sampled_from(known[d]), min_size=1, max_size=3, unique=True)) for d in dims}


DIMENSIONS = (*charts.PICK_DIMENSIONS, charts.INSTRUMENT)


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(filters(), st.sampled_from(("eu", "nl")), st.data())
def test_a_click_narrows_positions_to_the_rows_behind_its_bars(
    chosen: Filters, framework: str, data: st.DataObject
) -> None:
    """Through the array filter, a click keeps exactly the rows a chart draws in the picked
    groups (checked one row at a time), and folds into filters only when those select the same."""
    picked = data.draw(clicks(framework))
    chosen = replace(chosen, framework=framework)
    rows = select(chosen, SHIPPED)
    expected = [
        r for r in rows if all(set(groups(r, d, framework)) & set(codes) for d, codes in picked.items())
    ]
    assert list(charts.narrow(SHIPPED, rows, picked, framework)) == expected
    folded = charts.picks_as_filters(chosen, picked, SHIPPED)
    if folded is not None:
        assert [r.id for r in select(folded, SHIPPED)] == [r.id for r in expected]


def test_the_groups_a_click_can_name_are_those_the_charts_draw() -> None:
    for dim in DIMENSIONS:
        for framework in ("eu", "nl"):
            drawn = {g for r in SHIPPED.records for g in groups(r, dim, framework)}
            assert charts.groups_in(SHIPPED, SHIPPED.records, dim, framework) == drawn, (dim, framework)


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(forests(), filters(), st.sampled_from(["en", "nl"]))
def test_one_battery_figure_is_the_one_every_figure_gives(
    rows: list[dict[str, str]], chosen: Filters, lang: Lang
) -> None:
    """The lead's EU and NL splits make only the battery figure of a kind (`battery_figure`): the
    same Figure as `figures` makes among all the others, from positions and from a list alike."""
    ds = parse_csv(csv_bytes(rows))
    picked = select(replace(chosen, source=(), q=""), ds)
    assert isinstance(picked, Selected)
    eu = picked.where([r.level == "EU" for r in picked])
    for selection in (picked, list(picked), eu, list(eu)):
        every = figures(ds, selection, chosen, lang)
        for kind in AMOUNT_KIND.codes:
            if summable(kind):
                expected = every.kinds[kind].by_scope["battery"]
                assert battery_figure(ds, selection, chosen, lang, kind) == expected
                with arrays_always():
                    assert battery_figure(ds, selection, chosen, lang, kind) == expected


def test_a_small_selection_is_read_record_by_record_and_a_large_one_as_arrays() -> None:
    """The shipped file's 62 rows are under `ARRAY_ROWS` (200): their positions are not used; a
    selection of at least that many rows is taken as arrays."""
    everything = select(Filters(), SHIPPED)
    assert len(everything) < net_arrays.ARRAY_ROWS
    assert net_arrays.array_positions(SHIPPED, everything) is None
    with arrays_always():
        assert list(net_arrays.array_positions(SHIPPED, everything)) == list(range(len(everything)))  # type: ignore[arg-type]
