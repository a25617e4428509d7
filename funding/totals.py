"""Totals over a selection of records, per amount kind, without counting a part and its whole twice.

The "net" total counts a row only when no ancestor in the selection already carries an amount
of the same kind: the ancestor's figure includes the part. A parent without a stated amount,
or with an amount of another kind (an Innovation Fund row above a guarantee), covers nothing,
so its parts still count. The "gross" sum adds every amount of the kind and is shown beside the
net total so the overlap is visible.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from funding.loading import Dataset
from funding.records import Instrument
from funding.vocab import AMOUNT_KIND

# The InvestEU "nearly EUR 55 billion" and "around EUR 6 billion" targets may well overlap; the
# documents do not say, so no sum of targets is ever shown as a figure.
NOT_SUMMED_KINDS = frozenset({"target"})


@dataclass(frozen=True)
class KindTotal:
    """`battery_specific` is the part of `net` from rows marked battery-specific: envelopes such
    as RESourceEU cover all critical raw materials, so the net total alone overstates batteries."""

    kind: str
    net: float
    gross: float
    qualifier: str
    gross_qualifier: str
    counted: int
    with_amount: int
    without_amount: int
    battery_specific: float
    battery_specific_qualifier: str
    overlap_qualifier: str

    @property
    def summable(self) -> bool:
        """Targets are aims that overlap in ways the documents do not state; show them one by one."""
        return self.kind not in NOT_SUMMED_KINDS

    @property
    def overlap(self) -> float:
        return _cents(self.gross - self.net)


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
    """Ids of the rows whose amounts make up the net totals of this selection."""
    # id -> kind of every selected row that carries an amount: only those can cover a part.
    covering = {r.id: r.amount_kind for r in selection if r.amount_eur is not None}
    chains = dataset.ancestor_chains
    return frozenset(
        record_id
        for record_id, kind in covering.items()
        if not any(covering.get(a) == kind for a in chains[record_id])
    )


def totals_by_kind(dataset: Dataset, selection: Sequence[Instrument]) -> dict[str, KindTotal]:
    """One KindTotal per amount kind, in vocabulary order, for every kind (zero when absent)."""
    counted = counted_ids(dataset, selection)
    result: dict[str, KindTotal] = {}
    for kind in AMOUNT_KIND.codes:
        rows = [r for r in selection if r.amount_kind == kind]
        with_amount = [r for r in rows if r.amount_eur is not None]
        net_rows = [r for r in with_amount if r.id in counted]
        battery_rows = [r for r in net_rows if r.battery_specific]
        covered_rows = [r for r in with_amount if r.id not in counted]
        result[kind] = KindTotal(
            kind=kind,
            net=_cents(math.fsum(r.amount_eur or 0.0 for r in net_rows)),
            gross=_cents(math.fsum(r.amount_eur or 0.0 for r in with_amount)),
            qualifier=combine_qualifiers(r.amount_qualifier or "exact" for r in net_rows),
            gross_qualifier=combine_qualifiers(r.amount_qualifier or "exact" for r in with_amount),
            counted=len(net_rows),
            with_amount=len(with_amount),
            without_amount=len(rows) - len(with_amount),
            battery_specific=_cents(math.fsum(r.amount_eur or 0.0 for r in battery_rows)),
            battery_specific_qualifier=combine_qualifiers(
                r.amount_qualifier or "exact" for r in battery_rows
            ),
            # The overlap is the sum of the covered parts, so their qualifiers are its own.
            overlap_qualifier=combine_qualifiers(r.amount_qualifier or "exact" for r in covered_rows),
        )
    return result
