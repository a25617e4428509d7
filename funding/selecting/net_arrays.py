"""Net bounds of a large selection as array operations, level by level of the hierarchy.

`funding.selecting.totals.net_bounds` walks the hierarchy one record at a time, which is clear and fast for
the few hundred rows a chart tile or the curated file holds, but cost about 0.1 s per call at
100,000 rows, and a headline needs fifteen. For selections of at least `ARRAY_ROWS` rows it
calls `net_bounds_arrays`, which computes the same bounds with numpy over an index built once
per dataset: which rows are counted (no selected whole above them), and for each whole left out,
its parts' sums, capped at its amount. A hypothesis test checks that both paths agree.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat
from typing import Any

import numpy as np

from funding.i18n.vocab import AMOUNT_KIND
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.overlap_arrays import grouped
from funding.selecting.selected import positions_in
from funding.selecting.selection import origin_code

KIND_CODE = {kind: code for code, kind in enumerate(AMOUNT_KIND.codes)}
# Below this, one record at a time is faster than setting up arrays the size of the dataset.
ARRAY_ROWS = 200


def use_arrays(rows: int) -> bool:
    """Whether a selection of `rows` is totalled as arrays (the shipped 62 rows: totals by kind
    0.7 ms one record at a time, 2.3 ms as arrays); the one threshold every caller asks."""
    return rows >= ARRAY_ROWS


def array_positions(dataset: Dataset, selection: Sequence[Instrument]) -> np.ndarray | None:
    """`positions_in`, for a selection large enough for arrays (`use_arrays`)."""
    positions = positions_in(dataset, selection)
    return positions if positions is not None and use_arrays(len(positions)) else None


@dataclass(frozen=True)
class TreeIndex:
    """Every record with an amount, by position: its whole (-1 for none) and depth below it."""

    position: dict[str, int]
    ids: np.ndarray
    amount: np.ndarray
    whole: np.ndarray
    disjoint: np.ndarray
    qualifier: np.ndarray
    at_depth: tuple[np.ndarray, ...]  # positions of the records at depth 0, 1, 2, ...
    row: np.ndarray  # the position of each in the dataset's records
    of_row: np.ndarray  # per row of the dataset: its position here, -1 for a row without amount
    kind: np.ndarray  # codes: positions in AMOUNT_KIND.codes
    row_kind: np.ndarray  # the kind code of every row of the dataset, with an amount or not
    linked: np.ndarray  # whole figures that may share money with another (`may_overlap`)
    battery: np.ndarray
    origin: np.ndarray
    by_id: np.ndarray  # positions in the order of their ids, for sorted id lists without a sort


def tree_index(dataset: Dataset) -> TreeIndex:
    """The dataset's index, built on first use and kept with it (the dataset is immutable)."""
    return dataset.kept("tree_index", _build)


def _build(dataset: Dataset) -> TreeIndex:
    """From the dataset's columns (the records of a large file are not made for it)."""
    column = dataset.column
    amounts = column("amount_eur")
    stated = np.fromiter((a is not None for a in amounts), bool, len(amounts))
    row = np.flatnonzero(stated)
    row_kind = np.fromiter(map(KIND_CODE.__getitem__, column("amount_kind")), np.intp, len(amounts))
    of_row = np.full(len(stated), -1, dtype=np.intp)
    of_row[stated] = np.arange(len(row), dtype=np.intp)

    def of_stated(name: str) -> list[Any]:
        return list(compress(column(name), stated))

    ids = of_stated("id")
    position = dict(zip(ids, range(len(ids)), strict=True))
    whole_of = dataset.whole_of
    whole = np.fromiter(map(position.get, map(whole_of.get, ids), repeat(-1)), np.intp, len(ids))
    depth = np.zeros(len(ids), dtype=np.intp)
    for i in np.flatnonzero(whole >= 0).tolist():  # (wholes come before their parts only by convention: walk)
        node, steps = i, 0
        while whole[node] >= 0:
            node, steps = int(whole[node]), steps + 1
        depth[i] = steps
    at_depth = tuple(np.flatnonzero(depth == d) for d in range(int(depth.max(initial=0)) + 1))
    names = np.array(ids, dtype=object)
    return TreeIndex(
        position=position,
        ids=names,
        amount=np.array(of_stated("amount_eur"), dtype=float),
        whole=whole,
        disjoint=np.array(of_stated("parts_disjoint"), dtype=bool),
        qualifier=np.array([q or "exact" for q in of_stated("amount_qualifier")], dtype=object),
        at_depth=at_depth,
        row=row,
        of_row=of_row,
        kind=row_kind[stated],
        row_kind=row_kind,
        battery=np.array(of_stated("battery_specific"), dtype=bool),
        origin=np.array([origin_code(o) for o in of_stated("money_origin")], dtype=object),
        linked=np.array([i in dataset.overlaps for i in ids], dtype=bool),
        by_id=np.argsort(names, kind="stable"),
    )


@dataclass(frozen=True)
class ArrayBounds:
    low: float
    high: float
    qualifiers: frozenset[str]
    uncertain: tuple[str, ...]
    rows: tuple[str, ...]


def net_bounds_arrays(dataset: Dataset, rows: Sequence[Instrument]) -> ArrayBounds:
    """`rows` are of one kind, each with an amount."""
    ix = tree_index(dataset)
    at = np.fromiter((ix.position[r.id] for r in rows), dtype=np.intp, count=len(rows))
    return net_bounds_at(dataset, at)


def stated_at(ix: TreeIndex, positions: np.ndarray, kind: str | None = None) -> np.ndarray:
    """The index positions of the dataset rows at `positions` that state an amount (of `kind`)."""
    at: np.ndarray = ix.of_row[positions]
    at = at[at >= 0]
    return at if kind is None else at[ix.kind[at] == KIND_CODE[kind]]


def shown_whole(ix: TreeIndex, at: np.ndarray) -> np.ndarray:
    """For every position of the index: the nearest whole above it among the positions `at`
    (-1 for none). A row without one is counted in the net total; one with one is inside it."""
    selected = np.zeros(len(ix.ids), dtype=bool)
    selected[at] = True
    shown = np.full(len(ix.ids), -1, dtype=np.intp)
    for nodes in ix.at_depth[1:]:
        wholes = ix.whole[nodes]
        shown[nodes] = np.where(selected[wholes], wholes, shown[wholes])
    return shown


def counted_at(ix: TreeIndex, at: np.ndarray) -> np.ndarray:
    """The positions of `at` whose amounts are in the net total: no whole above them is in `at`."""
    counted: np.ndarray = at[shown_whole(ix, at)[at] < 0]
    return counted


def sorted_ids(ix: TreeIndex, chosen: np.ndarray) -> tuple[str, ...]:
    """The ids of a boolean mask over the index, sorted (as `sorted` sorts them)."""
    return tuple(ix.ids[ix.by_id[chosen[ix.by_id]]].tolist())


def kind_index(dataset: Dataset, code: int) -> tuple[TreeIndex, np.ndarray]:
    """The index of one amount kind's rows (a part's whole is of its kind, so each kind is a
    forest of its own), with the position in it of every position of the whole index (-1 for
    another kind): a net total of a kind of 5,000 rows then costs arrays of 5,000, not 60,000."""
    return dataset.kept(f"tree_index:{code}", lambda ds: _of_kind(tree_index(ds), code))


def _of_kind(ix: TreeIndex, code: int) -> tuple[TreeIndex, np.ndarray]:
    keep = ix.kind == code
    new = np.full(len(keep) + 1, -1, dtype=np.intp)  # (the last: -1 maps to -1)
    new[np.flatnonzero(keep)] = np.arange(np.count_nonzero(keep), dtype=np.intp)
    ids = ix.ids[keep]
    return (
        TreeIndex(
            position=dict(zip(ids.tolist(), range(len(ids)), strict=True)),
            ids=ids,
            amount=ix.amount[keep],
            whole=new[ix.whole[keep]],
            disjoint=ix.disjoint[keep],
            qualifier=ix.qualifier[keep],
            at_depth=tuple(new[d[keep[d]]] for d in ix.at_depth),
            row=ix.row[keep],
            of_row=new[ix.of_row],
            kind=ix.kind[keep],
            row_kind=ix.row_kind,
            linked=ix.linked[keep],
            battery=ix.battery[keep],
            origin=ix.origin[keep],
            by_id=new[ix.by_id[keep[ix.by_id]]],
        ),
        new[:-1],
    )


def net_bounds_at(dataset: Dataset, at: np.ndarray) -> ArrayBounds:
    """The net bounds of the index positions `at`, all of one kind (computed in that kind's own
    index). Whole figures that may share money are grouped by `funding.selecting.overlap_arrays`,
    as `funding.selecting.totals` groups them."""
    code = int(tree_index(dataset).kind[at[0]]) if len(at) else 0
    ix, new = kind_index(dataset, code)
    at = new[at]
    if (at < 0).any():
        raise ValueError("net bounds of figures of several kinds: kinds are never added together")
    n = len(ix.ids)
    counted = np.zeros(n, dtype=bool)
    counted[counted_at(ix, at)] = True
    active = counted.copy()
    for nodes in reversed(ix.at_depth[1:]):
        active[ix.whole[nodes[active[nodes]]]] = True
    low = np.where(counted, ix.amount, 0.0)
    high = low.copy()
    capped = np.zeros(n, dtype=bool)
    ranged = np.zeros(n, dtype=bool)
    sum_low = np.zeros(n)
    sum_high = np.zeros(n)
    max_low = np.zeros(n)
    for depth in range(len(ix.at_depth) - 1, 0, -1):
        parts = ix.at_depth[depth]
        parts = parts[active[parts]]
        wholes = ix.whole[parts]
        np.add.at(sum_low, wholes, low[parts])
        np.add.at(sum_high, wholes, high[parts])
        np.maximum.at(max_low, wholes, low[parts])
        above = ix.at_depth[depth - 1]
        above = above[active[above] & ~counted[above]]
        amount = ix.amount[above]
        disjoint = ix.disjoint[above]
        top = np.minimum(sum_high[above], amount)
        bottom = np.minimum(np.where(disjoint, sum_low[above], max_low[above]), top)
        capped[above] = sum_high[above] > amount
        high[above] = top
        low[above] = bottom
        ranged[above] = (np.round(bottom, 2) < np.round(top, 2)) & ~disjoint
    roots = ix.at_depth[0][active[ix.at_depth[0]]] if ix.at_depth else np.zeros(0, dtype=np.intp)
    total_high = math.fsum(high[roots].tolist())
    on_top = np.zeros(n, dtype=bool)
    on_top[roots[ix.linked[roots]]] = True
    groups = grouped(dataset, str(code), ix.position, ix.ids, on_top, low, high)
    on_top[groups.members] = False  # a group's figures count as its least money
    total_low = math.fsum([*low[roots[~ix.linked[roots] | on_top[roots]]].tolist(), *groups.least.tolist()])
    ranged[groups.ranged] = True
    for nodes in ix.at_depth[1:]:
        ranged[nodes] |= ranged[ix.whole[nodes]]
    qualifiers = frozenset(ix.qualifier[counted]) | frozenset(ix.qualifier[capped & active & ~counted])
    return ArrayBounds(
        low=total_low,
        high=total_high,
        qualifiers=qualifiers,
        uncertain=sorted_ids(ix, counted & ranged),
        rows=sorted_ids(ix, counted),
    )
