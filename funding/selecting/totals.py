"""Totals over a selection, per amount kind, as bounds that never count money twice.

A *net* total counts each figure once:

- A row counts only when no whole above it (an ancestor with an amount of the same kind) is in
  the selection: the whole's figure includes the part.
- Parts whose whole was filtered out still count once against each other and never above the
  whole's amount. Where the whole says its parts are separate money (`parts_disjoint`), they add
  up; where it does not, they may overlap, and the low end takes only the largest of them.
- Whole figures that the documents say nothing about but that may share money (`may_overlap`)
  are added at the high end and counted as completely overlapping at the low end.

So every net total is a range: low assumes every possible overlap is complete, high assumes none.
Where nothing is uncertain the two are equal and one figure is shown. Qualifiers ("up to",
"about") travel with the figures. No sum that adds parts to their wholes is ever made: it is not a
figure anyone could defend.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from funding.i18n.vocab import AMOUNT_KIND
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.net_arrays import (
    ArrayBounds,
    array_positions,
    counted_at,
    net_bounds_arrays,
    net_bounds_at,
    stated_at,
    tree_index,
    use_arrays,
)
from funding.selecting.overlap_groups import least_of_group, overlap_groups
from funding.selecting.selected import positions_in
from funding.selecting.selection import ORIGINS, origin_of

# The InvestEU "nearly EUR 55 billion" and "around EUR 6 billion" targets may well overlap; the
# documents do not say, so no sum of targets is ever shown as a figure.
NOT_SUMMED_KINDS = frozenset({"target"})


class NotSummable(ValueError):
    """Amounts of this kind are aims that may overlap: they are shown one by one, never added."""

    code = "not_summable"

    def __init__(self, kind: str) -> None:
        super().__init__(f"amounts of kind {kind!r} may overlap and are never added up")
        self.kind = kind


def summable(kind: str) -> bool:
    return kind not in NOT_SUMMED_KINDS


def refuse_unsummable(kind: str) -> None:
    if not summable(kind):
        raise NotSummable(kind)


@dataclass(frozen=True)
class Bounds:
    """A net total: between `low` and `high` euros, with the qualifier of the figures in it.

    `uncertain` names the rows whose possible overlap makes the range (empty when low == high);
    `rows` are the ids of every figure in the total."""

    low: float
    high: float
    qualifier: str = "exact"
    uncertain: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()

    @property
    def is_range(self) -> bool:
        return self.low != self.high

    @property
    def empty(self) -> bool:
        return not self.rows


NO_BOUNDS = Bounds(0.0, 0.0)


def _cents(value: float) -> float:
    """Euro sums to the cent, so 120 + 7.6 is 127.6 and not 127.59999999999991."""
    return round(value, 2)


def combine_qualifiers(qualifiers: Iterable[str]) -> str:
    """The weakest qualifier of a sum: exact terms keep a bound, mixed bounds leave only "about".

    A sum of "up to" amounts is still bounded above, and of "at least" amounts bounded below;
    adding an upper and a lower bound (or an approximation) bounds nothing, so it is "about".
    """
    loose = {q for q in qualifiers if q != "exact"}
    if not loose:
        return "exact"
    if len(loose) == 1:
        return loose.pop()
    return "about"


def counted_ids(dataset: Dataset, selection: Sequence[Instrument]) -> frozenset[str]:
    """Ids of the rows whose amounts are in the net totals: no whole above them is selected."""
    selected = {r.id for r in selection if r.amount_eur is not None}
    whole_of = dataset.whole_of
    counted: set[str] = set()
    for record_id in selected:
        whole = whole_of.get(record_id)
        while whole is not None and whole not in selected:
            whole = whole_of.get(whole)
        if whole is None:
            counted.add(record_id)
    return frozenset(counted)


@dataclass
class _Node:
    low: float
    high: float
    qualifiers: list[str] = field(default_factory=list)
    uncertain: set[str] = field(default_factory=set)
    rows: list[str] = field(default_factory=list)


def net_bounds(
    dataset: Dataset, selection: Iterable[Instrument], kind: str, *, arrays: bool | None = None
) -> Bounds:
    """The net total of one kind over a selection, as bounds (see the module docstring).

    Large selections are computed as arrays (`funding.selecting.net_arrays`), the same rules level by
    level; `arrays` forces one way or the other, for the tests that hold both to each other."""
    rows = [r for r in selection if r.amount_kind == kind and r.amount_eur is not None]
    if not rows:
        return NO_BOUNDS
    if arrays if arrays is not None else use_arrays(len(rows)):
        return _from_arrays(net_bounds_arrays(dataset, rows))
    counted = counted_ids(dataset, rows)
    whole_of = dataset.whole_of
    children: dict[str, set[str]] = {}
    roots: set[str] = set()
    for record_id in counted:
        node = record_id
        while (whole := whole_of.get(node)) is not None:
            children.setdefault(whole, set()).add(node)
            node = whole
        roots.add(node)
    nodes: dict[str, _Node] = {}
    for root in roots:
        _evaluate(root, dataset.by_id, counted, children, nodes)
    total = _Node(0.0, 0.0)
    for group in overlap_groups(roots, dataset.overlaps):
        members = [nodes[r] for r in group]
        high = math.fsum(m.high for m in members)
        low = least_of_group(group, {r: nodes[r].low for r in group}, dataset.overlaps)
        total.low += low
        total.high += high
        for m in members:
            total.qualifiers += m.qualifiers
            total.uncertain |= m.uncertain
            total.rows += m.rows
        if _cents(low) < _cents(high):
            total.uncertain |= {row for m in members for row in m.rows}
    return Bounds(
        low=_cents(total.low),
        high=_cents(total.high),
        qualifier=combine_qualifiers(total.qualifiers),
        uncertain=tuple(sorted(total.uncertain)),
        rows=tuple(sorted(total.rows)),
    )


def _evaluate(
    node_id: str,
    by_id: Mapping[str, Instrument],
    counted: frozenset[str],
    children: Mapping[str, set[str]],
    nodes: dict[str, _Node],
) -> _Node:
    """Bounds of one figure in the selection: its own amount, or those of its selected parts."""
    record = by_id[node_id]
    amount = record.amount_eur or 0.0
    if node_id in counted:
        node = _Node(amount, amount, [record.amount_qualifier or "exact"], rows=[node_id])
    else:
        parts = [_evaluate(c, by_id, counted, children, nodes) for c in sorted(children[node_id])]
        high = math.fsum(p.high for p in parts)
        low = math.fsum(p.low for p in parts) if record.parts_disjoint else max(p.low for p in parts)
        node = _Node(low, high)
        for part in parts:
            node.qualifiers += part.qualifiers
            node.uncertain |= part.uncertain
            node.rows += part.rows
        if high > amount:  # the parts never add up to more than their whole
            node.high = amount
            node.qualifiers.append(record.amount_qualifier or "exact")
        node.low = min(node.low, node.high)
        if _cents(node.low) < _cents(node.high) and not record.parts_disjoint:
            node.uncertain |= set(node.rows)
    nodes[node_id] = node
    return node


@dataclass(frozen=True)
class KindTotal:
    """Totals of one amount kind. `battery` counts only rows marked battery-specific and `wider`
    only envelopes that cover more than batteries: RESourceEU is for all critical raw materials,
    so a net total alone overstates battery money. They are never merged into one figure."""

    kind: str
    net: Bounds
    battery: Bounds
    wider: Bounds
    counted: int
    with_amount: int
    without_amount: int

    @property
    def summable(self) -> bool:
        """Targets are aims that overlap in ways the documents do not state; show them one by one."""
        return summable(self.kind)


def kind_total(dataset: Dataset, selection: Sequence[Instrument], kind: str) -> KindTotal:
    rows = [r for r in selection if r.amount_kind == kind]
    with_amount = [r for r in rows if r.amount_eur is not None]
    net = net_bounds(dataset, with_amount, kind)
    return KindTotal(
        kind=kind,
        net=net,
        battery=net_bounds(dataset, (r for r in with_amount if r.battery_specific), kind),
        wider=net_bounds(dataset, (r for r in with_amount if not r.battery_specific), kind),
        counted=len(net.rows),  # the rows in the net total are the counted ones
        with_amount=len(with_amount),
        without_amount=len(rows) - len(with_amount),
    )


def battery_total(dataset: Dataset, selection: Sequence[Instrument], kind: str) -> tuple[Bounds, int]:
    """`kind_total(...).battery` and `.with_amount` alone, for a figure that needs no other."""
    positions = array_positions(dataset, selection)
    if positions is not None:
        ix = tree_index(dataset)
        of_kind = stated_at(ix, positions, kind)
        return _bounds_at(dataset, of_kind[ix.battery[of_kind]]), len(of_kind)
    with_amount = [r for r in selection if r.amount_kind == kind and r.amount_eur is not None]
    return net_bounds(dataset, (r for r in with_amount if r.battery_specific), kind), len(with_amount)


def totals_by_kind(dataset: Dataset, selection: Sequence[Instrument]) -> dict[str, KindTotal]:
    """One KindTotal per amount kind, in vocabulary order, for every kind (zero when absent)."""
    positions = array_positions(dataset, selection)
    if positions is not None:
        return _totals_at(dataset, positions)
    by_kind: dict[str, list[Instrument]] = {kind: [] for kind in AMOUNT_KIND.codes}
    for record in selection:  # one pass, not one per kind: 100,000 rows cost 25 ms a pass
        by_kind[record.amount_kind].append(record)
    return {kind: kind_total(dataset, rows, kind) for kind, rows in by_kind.items()}


def origin_split(
    dataset: Dataset, selection: Sequence[Instrument], kind: str = "public"
) -> dict[str, Bounds]:
    """The battery-specific net total split by where the money comes from (new, re-prioritised,
    an earlier commitment, or not stated), for the origins the selection has."""
    positions = array_positions(dataset, selection)
    if positions is not None:
        ix = tree_index(dataset)
        at = stated_at(ix, positions, kind)
        tops = counted_at(ix, at[ix.battery[at]])
        found = {origin: _bounds_at(dataset, tops[ix.origin[tops] == origin]) for origin in ORIGINS}
        return {origin: bounds for origin, bounds in found.items() if not bounds.empty}
    battery = [
        r for r in selection if r.battery_specific and r.amount_kind == kind and r.amount_eur is not None
    ]
    # Coverage is decided over the whole battery selection: a part inside a selected whole is
    # that whole's money, whatever origin the part itself states.
    counted = counted_ids(dataset, battery)
    top = [r for r in battery if r.id in counted]
    split = {
        origin: net_bounds(dataset, (r for r in top if origin_of(r) == origin), kind) for origin in ORIGINS
    }
    return {origin: bounds for origin, bounds in split.items() if not bounds.empty}


# The same totals over positions in the dataset (a `funding.selecting.selected.Selected` of 100,000 rows):
# array operations only, no pass over the records. Tests compare them with the ones above.


def _from_arrays(found: ArrayBounds) -> Bounds:
    return Bounds(
        low=_cents(found.low),
        high=_cents(found.high),
        qualifier=combine_qualifiers(found.qualifiers),
        uncertain=found.uncertain,
        rows=found.rows,
    )


def _bounds_at(dataset: Dataset, at: np.ndarray) -> Bounds:
    return _from_arrays(net_bounds_at(dataset, at)) if len(at) else NO_BOUNDS


def stated_by_kind(dataset: Dataset, selection: Sequence[Instrument]) -> Counter[str]:
    """How many rows of the selection state an amount, per kind."""
    positions = positions_in(dataset, selection)
    if positions is None:
        return Counter(r.amount_kind for r in selection if r.amount_eur is not None)
    ix = tree_index(dataset)
    counts = np.bincount(ix.kind[stated_at(ix, positions)], minlength=len(AMOUNT_KIND.codes))
    return Counter({kind: n for kind, n in zip(AMOUNT_KIND.codes, counts.tolist(), strict=True) if n})


def _totals_at(dataset: Dataset, positions: np.ndarray) -> dict[str, KindTotal]:
    ix = tree_index(dataset)
    rows_of_kind = np.bincount(ix.row_kind[positions], minlength=len(AMOUNT_KIND.codes))
    totals: dict[str, KindTotal] = {}
    for code, kind in enumerate(AMOUNT_KIND.codes):
        of_kind = stated_at(ix, positions, kind)
        battery = ix.battery[of_kind]
        net = _bounds_at(dataset, of_kind)
        totals[kind] = KindTotal(
            kind=kind,
            net=net,
            battery=_bounds_at(dataset, of_kind[battery]),
            wider=_bounds_at(dataset, of_kind[~battery]),
            counted=len(net.rows),
            with_amount=len(of_kind),
            without_amount=int(rows_of_kind[code]) - len(of_kind),
        )
    return totals
