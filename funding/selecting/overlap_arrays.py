"""Whole figures that may share money, for the array path: grouped by shape, not one group at a time.

`net_arrays.net_bounds_at` walked the selection's overlap groups one by one (`overlap_groups`,
`least_of_group`): on the replica of the shipped rows that is 4,836 groups and 0.13 s a call,
about fifteen calls a rerun. Which figures may share money depends only on the dataset: its
overlap graph falls into small connected components, each with a shape (its size and who may
overlap whom, members in id order). Components of one shape with the same members selected
split into the same groups, whose least money is the best of the same independent sets, so a
call costs a few array operations per shape and selected pattern, whatever the number of groups.
The rule itself (which sets must be separate money) is `overlap_groups.apart_sets`, for both paths.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from funding.registry.dataset import Dataset
from funding.registry.dataset_rules import MAX_OVERLAP_GROUP
from funding.selecting.overlap_groups import Mask, adjacency, apart_sets, bits, overlap_groups


@dataclass(frozen=True)
class Shape:
    adjacency: tuple[Mask, ...]  # per member: the members it may overlap
    members: np.ndarray  # (components, size): tree-index positions, each row in id order


@dataclass(frozen=True)
class OverlapIndex:
    shapes: tuple[Shape, ...]


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
    for component in overlap_groups(linked, overlaps):
        names = sorted(component)
        if len(names) > MAX_OVERLAP_GROUP:  # the loader refuses such a file
            raise ValueError(f"{len(names)} rows linked by may_overlap; at most {MAX_OVERLAP_GROUP} may be")
        shapes.setdefault(adjacency(names, overlaps), []).append([position[i] for i in names])
    return OverlapIndex(tuple(Shape(adj, np.array(rows, dtype=np.intp)) for adj, rows in shapes.items()))


@functools.lru_cache(maxsize=4096)  # bounded: shapes × selections, across uploaded datasets
def _groups(
    adjacent: tuple[Mask, ...], selected: Mask
) -> tuple[tuple[tuple[int, ...], tuple[tuple[int, ...], ...]], ...]:
    """The groups of two or more that the `selected` members form, each with its `apart_sets`."""
    found = []
    left = selected
    while left:
        group, todo = 0, left & -left
        while todo:
            group |= todo
            todo = functools.reduce(operator.or_, (adjacent[i] for i in bits(todo))) & selected & ~group
        left &= ~group
        if group & (group - 1):  # two or more
            found.append((bits(group), tuple(bits(s) for s in apart_sets(adjacent, group))))
    return tuple(found)


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
    empty = np.zeros(0, dtype=np.intp)
    return Grouped(
        members=np.concatenate(members) if members else empty,
        least=np.concatenate(least) if least else np.zeros(0),
        ranged=np.concatenate(ranged) if ranged else empty,
    )
