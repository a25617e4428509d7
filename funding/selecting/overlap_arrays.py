"""Whole figures that may share money, for the array path: grouped by shape, not one group at a time.

`net_arrays.net_bounds_at` walked the selection's overlap groups one by one (`overlap_groups`,
`least_of_group`): on the replica of the shipped rows that is 4,836 groups and 0.13 s a call,
about fifteen calls a rerun. Which figures may share money depends only on the dataset: its
overlap graph falls into small connected components, each with a shape (its size and who may
overlap whom, members in id order). Components of one shape with the same members selected
split into the same groups, whose least money is the best of the same independent sets, so a
call costs a few array operations per shape and selected pattern, whatever the number of groups.
Components larger than the loader allows (an invalid file) keep the walk.
"""

from __future__ import annotations

import functools
import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from funding.registry.dataset import Dataset
from funding.registry.dataset_rules import MAX_OVERLAP_GROUP
from funding.selecting.overlap_groups import least_of_group, overlap_groups

Mask = int  # bit i: the i-th member of a component (in id order)


@dataclass(frozen=True)
class Shape:
    adjacency: tuple[Mask, ...]  # per member: the members it may overlap
    members: np.ndarray  # (components, size): tree-index positions, each row in id order


@dataclass(frozen=True)
class OverlapIndex:
    shapes: tuple[Shape, ...]
    large: tuple[np.ndarray, ...]  # components over MAX_OVERLAP_GROUP, walked as before


@dataclass(frozen=True)
class Grouped:
    """The selection's groups of two or more: their members, each group's least money, and the
    members of groups whose least is below their high end (a range)."""

    members: np.ndarray
    least: np.ndarray
    ranged: np.ndarray


def overlap_index(dataset: Dataset, key: str, ids: np.ndarray, position: Mapping[str, int]) -> OverlapIndex:
    """Built once per dataset and tree index (`key` names it; `ids`, `position`: its rows)."""
    return dataset.kept(f"overlap_index:{key}", lambda ds: _build(ds.overlaps, ids, position))


def _build(
    overlaps: Mapping[str, frozenset[str]], ids: np.ndarray, position: Mapping[str, int]
) -> OverlapIndex:
    linked = {i for i in overlaps if i in position}
    shapes: dict[tuple[Mask, ...], list[list[int]]] = {}
    large: list[np.ndarray] = []
    for component in overlap_groups(linked, overlaps):
        names = sorted(component)
        if len(names) > MAX_OVERLAP_GROUP:
            large.append(np.array([position[i] for i in names], dtype=np.intp))
            continue
        bit = {name: 1 << n for n, name in enumerate(names)}
        adjacency = tuple(sum(bit.get(o, 0) for o in overlaps[name]) for name in names)
        shapes.setdefault(adjacency, []).append([position[i] for i in names])
    return OverlapIndex(
        shapes=tuple(Shape(adj, np.array(rows, dtype=np.intp)) for adj, rows in shapes.items()),
        large=tuple(large),
    )


@functools.lru_cache(maxsize=4096)  # bounded: shapes × selections, across uploaded datasets
def _groups(
    adjacency: tuple[Mask, ...], selected: Mask
) -> tuple[tuple[tuple[int, ...], tuple[tuple[int, ...], ...]], ...]:
    """The groups of two or more that the `selected` members form, each with its maximal sets of
    members of which no two may overlap (amounts are never negative: the least money is the
    heaviest of these); `least_of_group` is the rule (tests/test_total_properties.py holds the array totals to the
    record path, which applies it)."""
    found = []
    left = selected
    while left:
        group, todo = 0, left & -left
        while todo:
            group |= todo
            todo = functools.reduce(operator.or_, (adjacency[i] for i in _bits(todo))) & selected & ~group
        left &= ~group
        members = _bits(group)
        if len(members) < 2:
            continue
        apart = [
            subset for subset in _subsets(group) if not any(adjacency[i] & subset for i in _bits(subset))
        ]
        maximal = [s for s in apart if not any(s != t and s & t == s for t in apart)]
        found.append((members, tuple(_bits(s) for s in maximal)))
    return tuple(found)


def _bits(mask: Mask) -> tuple[int, ...]:
    return tuple(i for i in range(mask.bit_length()) if mask >> i & 1)


def _subsets(mask: Mask) -> list[Mask]:
    subsets, subset = [], mask
    while subset:
        subsets.append(subset)
        subset = (subset - 1) & mask
    return subsets


def grouped(
    dataset: Dataset,
    key: str,
    position: Mapping[str, int],
    ids: np.ndarray,
    selected: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
) -> Grouped:
    """The groups among the `selected` figures (a mask over the tree index: the selection's
    wholes at the top), with `low` and `high` their ends: what `least_of_group` gives, group by
    group. `key`, `ids` and `position` name the tree index and its rows."""
    ox = overlap_index(dataset, key, ids, position)
    members: list[np.ndarray] = []
    least: list[np.ndarray] = []
    ranged: list[np.ndarray] = []
    for shape in ox.shapes:
        chosen = selected[shape.members]
        patterns = chosen @ (1 << np.arange(chosen.shape[1]))
        many = np.count_nonzero(chosen, axis=1) >= 2
        for pattern in np.unique(patterns[many]).tolist():
            rows = shape.members[patterns == pattern]
            for group, apart in _groups(shape.adjacency, pattern):
                at = rows[:, group]
                best = np.max([low[rows[:, s]].sum(axis=1) for s in apart], axis=0)
                wide = np.round(best, 2) < np.round(high[at].sum(axis=1), 2)
                members.append(at.ravel())
                least.append(best)
                ranged.append(at[wide].ravel())
    for component in ox.large:
        for names in overlap_groups(set(ids[component[selected[component]]].tolist()), dataset.overlaps):
            if len(names) < 2:
                continue
            at = np.array([position[i] for i in names], dtype=np.intp)
            one = least_of_group(names, dict(zip(names, low[at].tolist(), strict=True)), dataset.overlaps)
            members.append(at)
            least.append(np.array([one]))
            ranged.append(at if round(one, 2) < round(math.fsum(high[at].tolist()), 2) else at[:0])
    empty = np.zeros(0, dtype=np.intp)
    return Grouped(
        members=np.concatenate(members) if members else empty,
        least=np.concatenate(least) if least else np.zeros(0),
        ranged=np.concatenate(ranged) if ranged else empty,
    )
