"""Whole figures that may share money (`may_overlap`): grouped, and the least money a group is.

Shared by the two ways net totals are computed (`funding.selecting.totals`, and
`funding.selecting.overlap_arrays` for `net_arrays`, which holds its shapes to `least_of_group`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

Mask = int  # bit i: the i-th member of a group (in id order)


def overlap_groups(roots: set[str], overlaps: Mapping[str, frozenset[str]]) -> list[list[str]]:
    """The selected whole figures, grouped by possible overlap (most are a group of one)."""
    seen: set[str] = set()
    groups: list[list[str]] = []
    for start in sorted(roots):
        if start in seen:
            continue
        group, todo = [], [start]
        seen.add(start)
        while todo:
            node = todo.pop()
            group.append(node)
            for other in overlaps.get(node, ()):
                if other in roots and other not in seen:
                    seen.add(other)
                    todo.append(other)
        groups.append(group)
    return groups


def adjacency(names: Sequence[str], overlaps: Mapping[str, frozenset[str]]) -> tuple[Mask, ...]:
    """For each of `names` (a group, in id order), the members it may overlap, as bits."""
    bit = {name: 1 << n for n, name in enumerate(names)}
    return tuple(sum(bit.get(other, 0) for other in overlaps.get(name, ())) for name in names)


def apart_sets(adjacent: Sequence[Mask], members: Mask) -> tuple[Mask, ...]:
    """The largest sets of `members` of which no two may overlap: they must be separate money,
    and as amounts are never negative the least a group can be is the heaviest of them. Exact for
    the small groups the loader allows (`dataset_rules.MAX_OVERLAP_GROUP`: 2^12 subsets)."""
    apart = [s for s in _subsets(members) if not any(adjacent[i] & s for i in bits(s))]
    return tuple(s for s in apart if not any(s != t and s & t == s for t in apart))


def bits(mask: Mask) -> tuple[int, ...]:
    return tuple(i for i in range(mask.bit_length()) if mask >> i & 1)


def _subsets(mask: Mask) -> list[Mask]:
    subsets, subset = [], mask
    while subset:
        subsets.append(subset)
        subset = (subset - 1) & mask
    return subsets


def least_of_group(
    group: Sequence[str], weight: Mapping[str, float], overlaps: Mapping[str, frozenset[str]]
) -> float:
    """The least money a group of possibly overlapping figures can be: the heaviest of its
    `apart_sets`."""
    names = sorted(group)
    sets = apart_sets(adjacency(names, overlaps), (1 << len(names)) - 1)
    return max(math.fsum(weight[names[i]] for i in bits(s)) for s in sets)
