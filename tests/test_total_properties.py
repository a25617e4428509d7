"""Net totals stay honest whatever the data and whatever the filters (hypothesis invariants).

For every amount kind and every selection: low <= high <= every amount added; the high end never exceeds the
whole dataset's; adding a row never lowers either end (so parts whose whole is left out never
count above it); and the low end is never below the largest single amount selected (money that
is certainly there). What the ends are for a given case is tested by hand in test_totals.py."""

from __future__ import annotations

import math
from dataclasses import replace

from factory import csv_bytes, row
from fixtures import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import SHIPPED, filters, forests

from funding.i18n.vocab import AMOUNT_KIND
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.loading import parse_csv
from funding.selecting.filter_index import select
from funding.selecting.selection import Filters, apply
from funding.selecting.totals import net_bounds, totals_by_kind


def check(ds: Dataset, selection: list[Instrument], extra: Instrument | None) -> None:
    whole = totals_by_kind(ds, ds.records)
    for kind, total in totals_by_kind(ds, selection).items():
        net = total.net
        every_amount = sum(r.amount_eur or 0.0 for r in selection if r.amount_kind == kind)
        assert 0 <= net.low <= net.high <= every_amount + 0.01
        assert net.high <= whole[kind].net.high + 0.01
        amounts = [r.amount_eur for r in selection if r.amount_kind == kind and r.amount_eur is not None]
        assert net.low + 0.01 >= max(amounts, default=0)
        assert set(net.uncertain) <= set(net.rows)
        assert net.is_range == bool(net.uncertain) or not net.is_range
        if extra is not None and extra not in selection:
            more = net_bounds(ds, [*selection, extra], kind)
            assert more.low + 0.01 >= net.low
            assert more.high + 0.01 >= net.high  # so parts never count above a whole left out
        assert math.isfinite(net.high)


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.data())
def test_bounds_over_random_datasets(rows: list[dict[str, str]], data: st.DataObject) -> None:
    ds = parse_csv(csv_bytes(rows))
    selection = data.draw(st.lists(st.sampled_from(ds.records), unique_by=lambda r: r.id))
    check(ds, selection, data.draw(st.sampled_from(ds.records)))


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(filters(), st.sampled_from(SHIPPED.records))
def test_bounds_over_the_shipped_data_with_any_filters(chosen: Filters, extra: Instrument) -> None:
    check(SHIPPED, apply(chosen, SHIPPED.records), extra)


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(filters())
def test_the_array_index_selects_what_the_row_by_row_filter_selects(chosen: Filters) -> None:
    """`select` (arrays, used by the page and the CLI) against `apply` (one row at a time)."""
    assert [r.id for r in select(chosen, SHIPPED)] == [r.id for r in apply(chosen, SHIPPED.records)]


@settings(max_examples=examples(100), suppress_health_check=[HealthCheck.too_slow])
@given(forests(), filters(), st.sampled_from(("", "r1", "R2", " r ", "r1\x00")))
def test_the_array_index_agrees_on_random_datasets(
    rows: list[dict[str, str]], chosen: Filters, q: str
) -> None:
    ds = parse_csv(csv_bytes(rows))
    chosen = replace(chosen, source=(), q=q)
    assert [r.id for r in select(chosen, ds)] == [r.id for r in apply(chosen, ds.records)]


@settings(max_examples=examples(300), suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.data())
def test_arrays_and_one_record_at_a_time_give_the_same_bounds(
    rows: list[dict[str, str]], data: st.DataObject
) -> None:
    """Large selections take the array path; both paths must agree on every end, qualifier and
    row, whatever the hierarchy, the overlaps and the selection."""
    ds = parse_csv(csv_bytes(rows))
    drawn = data.draw(st.lists(st.sampled_from(ds.records), unique_by=lambda r: r.id))
    parts_only = [r for r in ds.records if r.parent_id]  # every whole left out
    for selection in (drawn, parts_only):
        for kind in AMOUNT_KIND.codes:
            assert net_bounds(ds, selection, kind, arrays=True) == net_bounds(
                ds, selection, kind, arrays=False
            )


def test_arrays_cap_parts_at_their_whole_left_out() -> None:
    """Whole w EUR 100 with parts a 80 and b 80 that may overlap, w filtered out: low = the
    largest part, 80; high = 80 + 80 = 160, capped at the whole: 100."""
    ds = parse_csv(csv_bytes([row("w", "100"), row("a", "80", parent_id="w"), row("b", "80", parent_id="w")]))
    bounds = net_bounds(ds, [ds.by_id["a"], ds.by_id["b"]], "public", arrays=True)
    assert (bounds.low, bounds.high, bounds.uncertain) == (80.0, 100.0, ("a", "b"))


def test_arrays_agree_over_the_shipped_data_with_a_status_filter() -> None:
    """The hand-checked case of test_totals (MICB's parts without their whole) on both paths."""
    chosen = apply(Filters(status=("allocated",)), SHIPPED.records)
    for kind in AMOUNT_KIND.codes:
        assert net_bounds(SHIPPED, chosen, kind, arrays=True) == net_bounds(
            SHIPPED, chosen, kind, arrays=False
        )


def _copies(rows: list[dict[str, str]], n: int) -> list[dict[str, str]]:
    """`rows` n times, ids and relations renamed per copy (as the bench's replica of the shipped
    rows): the overlap groups repeat with the same shape, so the array path groups them by shape."""
    out = []
    for copy in range(n):
        for cells in rows:
            renamed = dict(cells, id=f"{cells['id']}c{copy}")
            for name in ("parent_id", "may_overlap"):
                renamed[name] = ";".join(f"{i}c{copy}" for i in cells.get(name, "").split(";") if i)
            out.append(renamed)
    return out


@settings(max_examples=examples(200), suppress_health_check=[HealthCheck.too_slow])
@given(forests(), st.integers(1, 4), st.data())
def test_arrays_group_repeated_overlap_shapes_as_one_group_at_a_time(
    rows: list[dict[str, str]], n: int, data: st.DataObject
) -> None:
    """Overlap groups of one shape, each copy with its own members selected (so one shape splits
    into different groups per copy), give the bounds the record-by-record walk gives."""
    ds = parse_csv(csv_bytes(_copies(rows, n)))
    drawn = data.draw(st.lists(st.sampled_from(ds.records), unique_by=lambda r: r.id))
    for selection in (drawn, ds.records):
        for kind in AMOUNT_KIND.codes:
            assert net_bounds(ds, selection, kind, arrays=True) == net_bounds(
                ds, selection, kind, arrays=False
            )


def test_a_path_of_overlaps_keeps_the_heaviest_separate_figures() -> None:
    """b 2 - c 5 - a 4 - d 3 may overlap along a path: the most money that is certainly separate is
    c + d = 5 + 3 = 8 (b + a = 6, b + d = 5); the high end adds all, 2 + 5 + 4 + 3 = 14. (In id
    order the path's masks overlap: a group found by adding them instead of joining them was wrong.)"""
    ds = parse_csv(
        csv_bytes(
            [
                row("a", "4", may_overlap="c;d"),
                row("b", "2", may_overlap="c"),
                row("c", "5", may_overlap="a;b"),
                row("d", "3", may_overlap="a"),
            ]
        )
    )
    for arrays in (True, False):
        bounds = net_bounds(ds, ds.records, "public", arrays=arrays)
        assert (bounds.low, bounds.high) == (8.0, 14.0)
