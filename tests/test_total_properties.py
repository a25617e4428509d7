"""Net totals stay honest whatever the data and whatever the filters (hypothesis invariants).

For every amount kind and every selection: low <= high <= every amount added; the high end never exceeds the
whole dataset's; adding a row never lowers either end (so parts whose whole is left out never
count above it); and the low end is never below the largest single amount selected (money that
is certainly there). What the ends are for a given case is tested by hand in test_totals.py."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from factory import csv_bytes, row
from fixtures import examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from funding.dataset import Dataset
from funding.filter_index import select
from funding.loading import load_dataset, parse_csv
from funding.records import Instrument
from funding.selection import Filters, apply, choices
from funding.totals import net_bounds, totals_by_kind
from funding.vocab import AMOUNT_KIND, QUALIFIER


@st.composite
def forests(draw: st.DrawFn) -> list[dict[str, str]]:
    """Random valid datasets: parts under earlier rows, wholes that say (or not) that their parts
    are separate money, and whole figures that may share money with each other."""
    n = draw(st.integers(1, 25))
    rows: list[dict[str, str]] = []
    wholes: list[int | None] = []
    for i in range(n):
        parent = draw(st.one_of(st.none(), st.integers(0, i - 1))) if i else None
        kind = draw(st.sampled_from(AMOUNT_KIND.codes[:3]))
        amount = draw(st.one_of(st.none(), st.integers(0, 10**6)))
        whole = _whole_above(rows, f"r{parent}" if parent is not None else "", kind)
        if whole is not None and amount is not None:
            amount = min(amount, int(rows[whole]["amount_eur"]))  # a part never exceeds its whole
        wholes.append(whole if amount is not None else None)
        rows.append(
            row(
                f"r{i}",
                "" if amount is None else str(amount),
                qualifier=draw(st.sampled_from(QUALIFIER.codes)) if amount is not None else "",
                parent_id="" if parent is None else f"r{parent}",
                amount_kind=kind,
                battery_specific=draw(st.sampled_from(("yes", "no"))),
            )
        )
    for i, cells in enumerate(rows):
        if cells["amount_eur"]:
            parts = [int(r["amount_eur"]) for j, r in enumerate(rows) if wholes[j] == i]
            fits = sum(parts) <= int(cells["amount_eur"]) or cells["amount_qualifier"] not in (
                "exact",
                "up_to",
            )
            cells["parts_disjoint"] = draw(st.sampled_from(("", "no", "yes") if fits else ("", "no")))
    roots = [i for i, r in enumerate(rows) if r["amount_eur"] and wholes[i] is None]
    for _ in range(draw(st.integers(0, 4))):
        if len(roots) < 2:
            break
        a, b = draw(st.lists(st.sampled_from(roots), min_size=2, max_size=2, unique=True))
        if rows[a]["amount_kind"] == rows[b]["amount_kind"] and f"r{b}" not in rows[a].get("may_overlap", ""):
            for x, y in ((a, b), (b, a)):
                rows[x]["may_overlap"] = ";".join(filter(None, [rows[x].get("may_overlap", ""), f"r{y}"]))
    return rows


def _whole_above(rows: list[dict[str, str]], parent: str, kind: str) -> int | None:
    """The nearest row at or above `parent` with an amount of this kind."""
    while parent:
        i = int(parent[1:])
        if rows[i]["amount_kind"] == kind and rows[i]["amount_eur"]:
            return i
        parent = rows[i]["parent_id"]
    return None


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


SHIPPED = load_dataset(known_documents=None)
VALID = choices(SHIPPED)


@st.composite
def filters(draw: st.DrawFn) -> Filters:
    picked: dict[str, Any] = {
        name: tuple(draw(st.lists(st.sampled_from(values), max_size=3, unique=True)))
        for name, values in VALID.items()
        if values
    }
    year_from = draw(st.one_of(st.none(), st.integers(2018, 2030)))
    year_to = draw(st.one_of(st.none(), st.integers(year_from or 2018, 2032)))
    q = draw(st.sampled_from(("", "micb", "innovation", "ipcei", "grant", "batt")))
    # Instruments compared: a few ids, or none (no comparison) as often as not.
    ids = [r.id for r in SHIPPED.records]
    compare = draw(st.one_of(st.just(()), st.lists(st.sampled_from(ids), max_size=4, unique=True).map(tuple)))
    return replace(
        Filters(),
        **picked,
        compare=compare,
        year_from=year_from,
        year_to=year_to,
        undated=draw(st.booleans()),
        battery_only=draw(st.booleans()),
        q=q,
    )


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
