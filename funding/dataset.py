"""A validated dataset: the records in file order plus the lookups totals and charts ask for.

The lookups are built once per dataset (a rerun of the page asks for them every time): parent
chains, and for every amount the *whole* it is a part of, i.e. the nearest ancestor that carries
an amount of the same kind. Wholes and parts form one forest per amount kind; totals walk it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from funding.disagreements import NO_DISAGREEMENTS, Disagreements
from funding.records import Instrument


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


@dataclass(frozen=True)
class Dataset:
    """`disagreements` are those of the curated dataset about rows of this one (by id): where
    another document gives another figure, the page and the files say so next to the figure."""

    records: tuple[Instrument, ...]
    source: str = "funding.csv"
    disagreements: Disagreements = field(default=NO_DISAGREEMENTS, compare=False)

    def with_disagreements(self, disagreements: Disagreements) -> Dataset:
        return replace(self, disagreements=disagreements.only(self.by_id))

    @cached_property
    def by_id(self) -> dict[str, Instrument]:
        return {r.id: r for r in self.records}

    @cached_property
    def sources(self) -> tuple[str, ...]:
        """The programmes and funds named in `source`, sorted (the source filter's choices)."""
        return tuple(sorted({r.source for r in self.records}))

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
        """Id of each amount's whole (see `nearest_whole`); amounts that are no part are absent."""
        wholes: dict[str, str] = {}
        for record in self.records:
            if record.amount_eur is None or record.parent_id is None:
                continue  # (no whole without a parent: not worth a call, 100,000 times a load)
            whole = nearest_whole(record, self.by_id)
            if whole is not None:
                wholes[record.id] = whole.id
        return wholes

    @cached_property
    def overlaps(self) -> dict[str, frozenset[str]]:
        """`may_overlap` as a symmetric lookup (the loader has checked that both rows list it)."""
        pairs: dict[str, set[str]] = {}
        for record in self.records:
            for other in record.may_overlap:
                pairs.setdefault(record.id, set()).add(other)
                pairs.setdefault(other, set()).add(record.id)
        return {key: frozenset(value) for key, value in pairs.items()}
