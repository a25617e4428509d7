"""Whole figures that may share money (`may_overlap`): grouped, and the least money a group is.

Shared by the two ways net totals are computed (`funding.selecting.totals`, and
`funding.selecting.overlap_arrays` for `net_arrays`, which holds its shapes to `least_of_group`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence


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


def least_of_group(
    group: Sequence[str], weight: Mapping[str, float], overlaps: Mapping[str, frozenset[str]]
) -> float:
    """The least money a group of possibly overlapping figures can be: the heaviest set of figures
    of which no two may overlap (these must be separate money). Exact for the small groups the
    loader allows (`dataset_rules.MAX_OVERLAP_GROUP`)."""
    if len(group) == 1:
        return weight[group[0]]

    def best(candidates: frozenset[str]) -> float:
        if not candidates:
            return 0.0
        pick = max(candidates)
        without = best(candidates - {pick})
        with_pick = weight[pick] + best(candidates - {pick} - overlaps.get(pick, frozenset()))
        return max(without, with_pick)

    return best(frozenset(group))
