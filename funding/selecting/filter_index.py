"""A dataset's filter columns as arrays: a selection of 100,000 rows in a few array operations.

`funding.selecting.selection.apply` decides row by row and stays the reference (a test checks that both
agree on every filter); the page and the command line select through this index, built once
per dataset, because a Python loop over every row on every rerun cost 0.2-0.4 s at 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from funding.i18n.vocab import PILLAR_FRAMEWORKS
from funding.intake.records import Instrument, earliest, latest
from funding.registry.dataset import Dataset
from funding.selecting.selected import Selected
from funding.selecting.selection import BY_NAME, CODE_FIELDS, FilterField, Filters, apply

# Joins a row's searchable texts: the loader refuses control characters in cells, so a needle
# without one never matches across two texts.
_SEPARATOR = "\x00"


# One filter column: each row's number of its distinct cell, and the codes of each distinct cell.
Cells = tuple[np.ndarray, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True)
class FilterIndex:
    rows: int
    columns: pd.DataFrame  # each row's start and end, as ISO dates
    level: np.ndarray  # each row's level code (read by other modules, per selection)
    instrument: np.ndarray  # rows that are instruments (not programmes, context, ...)
    battery: np.ndarray  # battery-specific rows
    dated: np.ndarray  # rows with a start or an end


def build(dataset: Dataset) -> FilterIndex:
    """From the dataset's columns (the records of a large file are not made for it)."""
    column = dataset.column
    starts, ends = column("period_start"), column("period_end")
    columns = pd.DataFrame(
        {
            "start": _each_distinct(earliest, starts),
            "end": _each_distinct(latest, ends),
        },
        dtype=object,
    )
    return FilterIndex(
        len(dataset.records),
        columns,
        np.array(column("level"), dtype=object),
        np.array([kind == "instrument" for kind in column("record_type")], dtype=bool),
        np.array(column("battery_specific"), dtype=bool),
        np.array([s is not None or e is not None for s, e in zip(starts, ends, strict=True)], dtype=bool),
    )


def search_text(dataset: Dataset) -> pd.Series:
    """The casefolded searchable texts of each row, joined by _SEPARATOR; made on the first
    search and kept with the dataset (`validate` and the page's totals never search, and at
    100,000 rows of real notes the texts took longer to make than the rest of the index)."""
    return dataset.kept("filter_text", _search_text)


def _search_text(dataset: Dataset) -> pd.Series:
    column = dataset.column
    texts = zip(
        column("id"), column("name_en"), column("name_nl"), column("source"), column("notes"), strict=True
    )
    return pd.Series(
        [
            _SEPARATOR.join((rid, en, nl, source, notes or "")).casefold()
            for rid, en, nl, source, notes in texts
        ],
        dtype=object,
    )


def _distinct(field: FilterField, values: Sequence[Any]) -> Cells:
    """Each row's distinct-cell number, and each distinct cell's codes: a filter then decides
    once per distinct cell (a few dozen sources, not 100,000 rows)."""
    numbers: dict[Any, int] = {}
    rows = np.fromiter((numbers.setdefault(v, len(numbers)) for v in values), np.intp, len(values))
    return rows, tuple(field.codes(cell) for cell in numbers)


def _each_distinct(convert: Callable[[Any], str], values: Sequence[Any]) -> list[str]:
    """`convert` of every value, computed once per distinct value."""
    converted = {value: convert(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


def index_of(dataset: Dataset) -> FilterIndex:
    """The dataset's index, built on first use and kept with it (the dataset is immutable)."""
    return dataset.kept("filter_index", build)


def select(filters: Filters, dataset: Dataset) -> Sequence[Instrument]:
    """The records that pass every filter, in file order: `apply` over the dataset, as arrays
    (and kept as positions in it, `funding.selecting.selected`)."""
    if _SEPARATOR in filters.q:
        return apply(filters, dataset.records)  # (a needle no cell can hold; not worth an array)
    index = index_of(dataset)
    keep = np.ones(index.rows, dtype=bool)
    for field in CODE_FIELDS:
        wanted = getattr(filters, field.name)
        if wanted:
            keep &= holding(dataset, field.name, filters.framework, wanted)
    if filters.battery_only:
        keep &= index.battery
    if filters.year_from is not None or filters.year_to is not None:
        keep &= _in_period(filters, index.columns, index.dated)
    needle = filters.q.casefold().strip()
    if needle:
        keep &= search_text(dataset).str.contains(needle, regex=False).to_numpy(dtype=bool)
    return Selected(dataset.records, np.flatnonzero(keep))


def holding(
    dataset: Dataset, field: str, framework: str, wanted: Collection[str], *, or_none: bool = False
) -> np.ndarray:
    """Which rows hold one of the `wanted` codes of filter `field` (`selection.FIELDS`), or
    (`or_none`) no code at all: a chart's "not stated" group."""
    cells = cells_of(dataset, field, framework)
    if cells is None:  # a framework that does not exist: no row holds its pillars
        return np.zeros(len(dataset.records), dtype=bool)
    rows, codes = cells
    chosen = frozenset(wanted)
    hit = np.fromiter(((or_none and not c) or not chosen.isdisjoint(c) for c in codes), bool, len(codes))
    return hit[rows]


def cells_of(dataset: Dataset, field: str, framework: str) -> Cells | None:
    """Filter `field`'s column as distinct cells (None for a framework that does not exist), made
    on first use and kept with the dataset: a filter nobody sets costs nothing."""
    found = BY_NAME[field]
    if found.by_framework and framework not in PILLAR_FRAMEWORKS:
        return None
    column = found.column_for(framework)
    return dataset.kept(f"filter_cells:{field}:{column}", lambda ds: _distinct(found, ds.column(column)))


def _in_period(filters: Filters, columns: pd.DataFrame, dated: np.ndarray) -> np.ndarray:
    low = f"{filters.year_from:04d}-01-01" if filters.year_from is not None else "0000-01-01"
    high = f"{filters.year_to:04d}-12-31" if filters.year_to is not None else "9999-12-31"
    overlapping = ((columns["start"] <= high) & (columns["end"] >= low)).to_numpy(dtype=bool)
    return np.where(dated, overlapping, filters.undated)
