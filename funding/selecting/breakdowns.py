"""Aggregations behind every chart, slide and export table, as rows (and DataFrames for tables).

Charts (plotly), slides (python-pptx) and spreadsheets all draw from these tables, so a figure
on a slide is the same number as on the page. Every table is for one amount kind: kinds are
never added together. Groups sum only the rows that count towards the net total, so parts are
never added to their whole; the beneficiary breakdown is the one exception that cannot add up
(an instrument open to several types appears under each) and says so with `additive=False`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import numpy as np

from funding.i18n import t
from funding.i18n.vocab import (
    BENEFICIARY,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LEVEL,
    NL_PILLAR,
    Lang,
    Vocabulary,
)
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.net_arrays import array_positions, shown_whole, stated_at, tree_index
from funding.selecting.totals import NO_BOUNDS, Bounds, counted_ids, net_bounds

NOT_STATED_GROUP = "_not_stated"
# One instrument of `envelope_rows`: id, name, amount, qualifier, level, instrument_type, source,
# parent (its whole's id, shown above it, or None), depth (below that whole) and counted.
Envelope = dict[str, Any]


@dataclass(frozen=True)
class Breakdown:
    """Groups with net amounts; `additive` tells whether the groups may be summed, and `total` is
    the net total of the selection (not the sum of the bars: groups may share money)."""

    dimension: str
    kind: str
    rows: list[dict[str, Any]]  # one per group, keys: see TABLE_COLUMNS
    additive: bool
    total: Bounds = NO_BOUNDS


# `amount` is the high end of a group's net total and `low` its low end; they differ where
# figures in the group may share money. Counts are of instruments (not frameworks or context).
# `wider_low`, `wider` and `wider_qualifier`: the group's money in envelopes that are not only for
# batteries (zero where there is none), as a net total of its own.
TABLE_COLUMNS = [
    "group",
    "label",
    "amount",
    "low",
    "qualifier",
    "instruments",
    "without_amount",
    "wider_low",
    "wider",
    "wider_qualifier",
]


def _dimension(name: str) -> tuple[Callable[[Instrument], Sequence[str | None]], Vocabulary | None]:
    dimensions: dict[str, tuple[Callable[[Instrument], Sequence[str | None]], Vocabulary | None]] = {
        "eu_pillar": (lambda r: [r.eu_pillar], EU_PILLAR),
        "nl_pillar": (lambda r: [r.nl_pillar], NL_PILLAR),
        "source": (lambda r: [r.source], None),
        "instrument_type": (lambda r: [r.instrument_type], INSTRUMENT_TYPE),
        "level": (lambda r: [r.level], LEVEL),
        "beneficiary": (lambda r: list(r.beneficiary_types) or [None], BENEFICIARY),
    }
    if name not in dimensions:
        raise ValueError(f"unknown dimension {name!r}; valid: {', '.join(dimensions)}")
    return dimensions[name]


def breakdown(
    dataset: Dataset, selection: Sequence[Instrument], dimension: str, kind: str, lang: Lang
) -> Breakdown:
    """Net amount of one kind per group, plus how many instruments (with or without amount) fall in it."""
    rows, total = breakdown_rows(dataset, selection, dimension, kind, lang)
    return Breakdown(dimension, kind, rows, additive=dimension != "beneficiary", total=total)


def breakdown_rows(
    dataset: Dataset, selection: Sequence[Instrument], dimension: str, kind: str, lang: Lang
) -> tuple[list[dict[str, Any]], Bounds]:
    """`breakdown`'s rows (one dict per group, `TABLE_COLUMNS`) and the net total."""
    _, vocab = _dimension(dimension)
    of_kind = [r for r in selection if r.amount_kind == kind]
    counted = counted_ids(dataset, of_kind)
    buckets: dict[str, _Bucket] = {}
    for record in of_kind:
        for group in group_codes(record, dimension):
            bucket = buckets.setdefault(group, _Bucket())
            if record.record_type == "instrument":
                bucket.instruments += 1
                bucket.without_amount += record.amount_eur is None
            if record.id in counted:
                bucket.counted.append(record)
    order = list(vocab.codes) if vocab is not None else sorted(k for k in buckets if k != NOT_STATED_GROUP)
    order.append(NOT_STATED_GROUP)
    rows = []
    for key in order:
        if key not in buckets:
            continue
        bounds = net_bounds(dataset, buckets[key].counted, kind)
        wider = net_bounds(dataset, [r for r in buckets[key].counted if not r.battery_specific], kind)
        rows.append(
            {
                "group": key,
                "label": _label(key, vocab, lang),
                "amount": bounds.high,
                "low": bounds.low,
                "qualifier": bounds.qualifier,
                "instruments": buckets[key].instruments,
                "without_amount": buckets[key].without_amount,
                "wider_low": wider.low,
                "wider": wider.high,
                "wider_qualifier": wider.qualifier,
            }
        )
    return rows, net_bounds(dataset, [r for r in of_kind if r.id in counted], kind)


@dataclass
class _Bucket:
    counted: list[Instrument] = field(default_factory=list)
    instruments: int = 0
    without_amount: int = 0


def group_codes(record: Instrument, dimension: str) -> list[str]:
    """The groups a record falls in (a beneficiary breakdown: possibly several), "not stated" included.

    Clicking a bar narrows the page with this same function, so the rows a click keeps are the
    rows behind the bar's figure."""
    groups_of, _ = _dimension(dimension)
    return [g if g is not None else NOT_STATED_GROUP for g in groups_of(record)]


def _label(key: str, vocab: Vocabulary | None, lang: Lang) -> str:
    if key == NOT_STATED_GROUP:
        return t("not_stated_group", lang)
    return vocab.label(key, lang) if vocab is not None else key


def envelope_rows(
    dataset: Dataset, selection: Sequence[Instrument], kind: str, lang: Lang, *, limit: int | None = None
) -> list[Envelope]:
    """Instruments with an amount of one kind, each whole followed by its parts (depth-first), a
    dict per instrument (`Envelope`).

    `counted` is False for a part whose whole is in the selection: it is shown under its parent
    and never added on top of it. Parents keep their size order among their siblings. `limit`
    keeps the first rows of that order, so a chart of the largest 25 never tables 100,000 rows.
    """
    positions = array_positions(dataset, selection)
    if positions is not None:
        return _rows(envelope_order(dataset, positions, kind, limit), lang)
    rows = [r for r in selection if r.amount_kind == kind and r.amount_eur is not None]
    counted = counted_ids(dataset, rows)
    in_rows = {r.id: r for r in rows}
    chains = dataset.ancestor_chains
    children: dict[str | None, list[Instrument]] = {}
    for record in rows:
        shown_ancestor = next((a for a in chains[record.id] if a in in_rows), None)
        children.setdefault(shown_ancestor, []).append(record)

    def walk(parent: str | None, depth: int) -> Iterator[tuple[Instrument, int, str | None]]:
        for record in sorted(children.get(parent, []), key=lambda r: -(r.amount_eur or 0)):
            yield record, depth, parent
            yield from walk(record.id, depth + 1)

    return _rows(
        ((r, depth, parent, r.id in counted) for r, depth, parent in islice(walk(None, 0), limit)), lang
    )


def _rows(rows: Iterable[tuple[Instrument, int, str | None, bool]], lang: Lang) -> list[Envelope]:
    return [
        {
            "id": r.id,
            "name": r.name(lang),
            "amount": r.amount_eur,
            "qualifier": r.amount_qualifier,
            "level": r.level,
            "instrument_type": r.instrument_type,
            "source": r.source,
            "parent": parent,
            "depth": depth,
            "counted": counted,
        }
        for r, depth, parent, counted in rows
    ]


def envelope_order(
    dataset: Dataset, positions: np.ndarray, kind: str, limit: int | None
) -> list[tuple[Instrument, int, str | None, bool]]:
    """The envelope rows at `positions` in the dataset, as arrays, in the comparison's order (each
    whole followed by its parts, siblings largest first, ties in file order), built only as far
    as `limit` rows."""
    ix = tree_index(dataset)
    at = stated_at(ix, positions, kind)
    parent = shown_whole(ix, at)[at]
    order = np.lexsort((at, -ix.amount[at], parent))
    parents, children = parent[order], at[order]

    def parts(node: int) -> Iterator[int]:
        low, high = np.searchsorted(parents, [node, node + 1])
        return iter(children[low:high].tolist())

    found: list[tuple[Instrument, int, str | None, bool]] = []
    stack: list[tuple[Iterator[int], str | None]] = [(parts(-1), None)]
    while stack and (limit is None or len(found) < limit):
        node = next(stack[-1][0], None)
        if node is None:
            stack.pop()
            continue
        record = dataset.records[int(ix.row[node])]
        found.append((record, len(stack) - 1, stack[-1][1], len(stack) == 1))
        stack.append((parts(node), record.id))
    return found
