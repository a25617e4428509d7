"""A validated dataset: the records in file order plus the lookups totals and charts ask for.

The lookups are built once per dataset (a rerun of the page asks for them every time): parent
chains, and for every amount the *whole* it is a part of, i.e. the nearest ancestor that carries
an amount of the same kind. Wholes and parts form one forest per amount kind; totals walk it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import repeat
from operator import is_not
from typing import Any, TypeVar

import numpy as np

from funding.intake.lazy_records import LazyRecords
from funding.intake.records import Instrument
from funding.registry.disagreements import NO_DISAGREEMENTS, Disagreements

T = TypeVar("T")


def nearest_whole(record: Instrument, by_id: Mapping[str, Instrument]) -> Instrument | None:
    """The closest ancestor with an amount of the same kind: the figure this part is included in.

    An ancestor without an amount, or with one of another kind (a fund above a guarantee),
    includes nothing of this amount, so the search goes past it."""
    parent = by_id.get(record.parent_id) if record.parent_id else None
    if parent is None or parent.id == record.id:
        return None
    if parent.amount_kind == record.amount_kind and parent.amount_eur is not None:
        return parent  # the usual case, decided without the cycle guard below (100,000 times a load)
    seen = {record.id}
    while parent is not None and parent.id not in seen:
        if parent.amount_kind == record.amount_kind and parent.amount_eur is not None:
            return parent
        seen.add(parent.id)
        parent = by_id.get(parent.parent_id) if parent.parent_id else None
    return None


# Levels of parents climbed as arrays; deeper chains (and cycles) are walked one by one.
_ARRAY_LEVELS = 64


@dataclass(frozen=True)
class Dataset:
    """`disagreements` are those of the curated dataset about rows of this one (by id): where
    another document gives another figure, the page and the files say so next to the figure."""

    records: Sequence[Instrument]  # a tuple, or the loader's `LazyRecords`
    source: str = "funding.csv"
    disagreements: Disagreements = field(default=NO_DISAGREEMENTS, compare=False)
    # The physical line each record starts on in its file, for warnings that name a place
    # (empty for records not read from a file: a record's position + 2 stands in).
    lines: Sequence[int] = field(default=(), compare=False, repr=False)

    def line_of(self, position: int) -> int:
        return self.lines[position] if self.lines else position + 2

    def column(self, name: str) -> Sequence[Any]:
        """One field of every record, in order: the loader's checked column itself, so that the
        lookups below read lists instead of making 100,000 records."""
        if isinstance(self.records, LazyRecords):
            return self.records.columns[name]
        return self.kept(f"column:{name}", lambda ds: [getattr(r, name) for r in ds.records])

    def kept(self, key: str, build: Callable[[Dataset], T]) -> T:
        """What `build` makes of this dataset, made on first use and kept with it (a dataset
        never changes): the columns above, and the filter and tree indexes."""
        if key not in self._kept:
            self._kept[key] = build(self)
        return self._kept[key]  # type: ignore[no-any-return]

    @cached_property
    def _kept(self) -> dict[str, Any]:
        return {}

    def with_disagreements(self, disagreements: Disagreements) -> Dataset:
        return replace(self, disagreements=disagreements.only(self.by_id))

    @cached_property
    def positions(self) -> dict[str, int]:
        """Where each id is in `records` (its last row, should an invalid file repeat an id)."""
        ids = self.column("id")
        return dict(zip(ids, range(len(ids)), strict=True))

    @cached_property
    def by_id(self) -> Mapping[str, Instrument]:
        return _ById(self.positions, self.records)

    @cached_property
    def sources(self) -> tuple[str, ...]:
        """The programmes and funds named in `source`, sorted (the source filter's choices)."""
        return tuple(sorted(set(self.column("source"))))

    @cached_property
    def ancestor_chains(self) -> dict[str, tuple[str, ...]]:
        """Parent, grandparent, ... of every record."""
        chains: dict[str, tuple[str, ...]] = {}

        def chain(record_id: str) -> tuple[str, ...]:
            found = chains.get(record_id)
            if found is None:
                parent = self.by_id[record_id].parent_id
                found = () if parent is None else (parent, *chain(parent))
                chains[record_id] = found
            return found

        for record in self.records:
            chain(record.id)
        return chains

    @cached_property
    def whole_of(self) -> dict[str, str]:
        """Id of each amount's whole (see `nearest_whole`); amounts that are no part are absent.

        Found for all rows at once, one level of parents per array step (a walk per record cost
        0.15 s of a 100,000-row load); a chain still climbing after `_ARRAY_LEVELS` levels (a
        very deep hierarchy, or a cycle, which the loader reports) is left to `nearest_whole`."""
        ids = self.column("id")
        up = np.fromiter(map(self.positions.get, self.column("parent_id"), repeat(-1)), np.intp, len(ids))
        kind = np.array(self.column("amount_kind"), dtype=object)
        stated = np.fromiter(map(is_not, self.column("amount_eur"), repeat(None)), bool, len(ids))
        rows = np.flatnonzero(stated & (up >= 0))
        above = up[rows]
        parts, wholes = [], []
        for _ in range(_ARRAY_LEVELS):
            keep = above != rows  # back at itself: no whole
            rows, above = rows[keep], above[keep]
            found = stated[above] & (kind[above] == kind[rows])
            parts.append(rows[found])
            wholes.append(above[found])
            rows, above = rows[~found], up[above[~found]]
            keep = above >= 0
            rows, above = rows[keep], above[keep]
            if not len(rows):
                break
        for i in rows.tolist():
            whole = nearest_whole(self.records[i], self.by_id)
            if whole is not None:
                parts.append(np.array([i]))
                wholes.append(np.array([self.positions[whole.id]]))
        if not parts:
            return {}
        part, whole_at = np.concatenate(parts), np.concatenate(wholes)
        order = np.argsort(part, kind="stable")  # in file order, as a walk finds them
        names = np.array(ids, dtype=object)
        return dict(zip(names[part[order]].tolist(), names[whole_at[order]].tolist(), strict=True))

    @cached_property
    def overlaps(self) -> dict[str, frozenset[str]]:
        """`may_overlap` as a symmetric lookup (the loader has checked that both rows list it)."""
        pairs: dict[str, set[str]] = {}
        for rid, others in zip(self.column("id"), self.column("may_overlap"), strict=True):
            for other in others:
                pairs.setdefault(rid, set()).add(other)
                pairs.setdefault(other, set()).add(rid)
        return {key: frozenset(value) for key, value in pairs.items()}


class _ById(Mapping[str, Instrument]):
    """Records by id, each read from `records` when asked for (so none is made in advance)."""

    def __init__(self, positions: dict[str, int], records: Sequence[Instrument]) -> None:
        self._positions = positions
        self._records = records

    def __getitem__(self, key: str) -> Instrument:
        return self._records[self._positions[key]]

    def __contains__(self, key: object) -> bool:
        return key in self._positions

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)
