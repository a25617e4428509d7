"""A dataset's filter columns as arrays: a selection of 100,000 rows in a few array operations.

`funding.selecting.selection.apply` decides row by row and stays the reference (a test checks that both
agree on every filter); the page and the command line select through this index, built once
per dataset, because a Python loop over every row on every rerun cost 0.2-0.4 s at 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from funding.base.vocab import BENEFICIARY
from funding.intake.records import Instrument, earliest, latest
from funding.registry.dataset import Dataset
from funding.selecting.selected import Selected
from funding.selecting.selection import Filters, apply, origin_code

# Joins a row's searchable texts: the loader refuses control characters in cells, so a needle
# without one never matches across two texts.
_SEPARATOR = "\x00"


@dataclass(frozen=True)
class FilterIndex:
    rows: int
    columns: pd.DataFrame  # one column per filter field, codes as in the records
    battery: np.ndarray  # battery-specific rows
    dated: np.ndarray  # rows with a start or an end
    beneficiaries: dict[str, np.ndarray]  # per beneficiary code: which rows name it
    text: pd.Series  # the casefolded searchable texts of each row, joined by _SEPARATOR


def build(dataset: Dataset) -> FilterIndex:
    """From the dataset's columns (the records of a large file are not made for it)."""
    column = dataset.column
    starts, ends = column("period_start"), column("period_end")
    columns = pd.DataFrame(
        {
            "level": column("level"),
            "type": column("instrument_type"),
            "source": column("source"),
            "eu_pillar": column("eu_pillar"),
            "nl_pillar": column("nl_pillar"),
            "status": column("status"),
            "kind": column("amount_kind"),
            "origin": [origin_code(origin) for origin in column("money_origin")],
            "record_type": column("record_type"),
            "compare": column("id"),
            "start": _each_distinct(earliest, starts),
            "end": _each_distinct(latest, ends),
        },
        dtype=object,
    )
    named = column("beneficiary_types")
    beneficiaries = {
        code: np.array([code in types for types in named], dtype=bool) for code in BENEFICIARY.codes
    }
    texts = zip(
        column("id"), column("name_en"), column("name_nl"), column("source"), column("notes"), strict=True
    )
    text = pd.Series(
        [
            _SEPARATOR.join((rid, en, nl, source, notes or "")).casefold()
            for rid, en, nl, source, notes in texts
        ],
        dtype=object,
    )
    return FilterIndex(
        len(dataset.records),
        columns,
        np.array(column("battery_specific"), dtype=bool),
        np.array([s is not None or e is not None for s, e in zip(starts, ends, strict=True)], dtype=bool),
        beneficiaries,
        text,
    )


def _each_distinct(convert: Callable[[Any], str], values: Sequence[Any]) -> list[str]:
    """`convert` of every value, computed once per distinct value."""
    converted = {value: convert(value) for value in set(values)}
    return list(map(converted.__getitem__, values))


def index_of(dataset: Dataset) -> FilterIndex:
    """The dataset's index, built on first use and kept with it (the dataset is immutable)."""
    return dataset.kept("filter_index", build)


_FIELDS = {
    "level": "level",
    "type": "type",
    "source": "source",
    "status": "status",
    "kind": "kind",
    "origin": "origin",
    "record_type": "record_type",
    "compare": "compare",
}


def select(filters: Filters, dataset: Dataset) -> Sequence[Instrument]:
    """The records that pass every filter, in file order: `apply` over the dataset, as arrays
    (and kept as positions in it, `funding.selecting.selected`)."""
    if _SEPARATOR in filters.q:
        return apply(filters, dataset.records)  # (a needle no cell can hold; not worth an array)
    index = index_of(dataset)
    columns = index.columns
    keep = np.ones(index.rows, dtype=bool)
    for name, column in _FIELDS.items():
        wanted = getattr(filters, name)
        if wanted:
            keep &= columns[column].isin(wanted).to_numpy()
    if filters.pillar:
        column = "eu_pillar" if filters.framework == "eu" else "nl_pillar"
        keep &= columns[column].isin(filters.pillar).to_numpy()
    if filters.beneficiary:
        named = np.zeros(len(keep), dtype=bool)
        for code in filters.beneficiary:
            if code in index.beneficiaries:
                named |= index.beneficiaries[code]
        keep &= named
    if filters.battery_only:
        keep &= index.battery
    if filters.year_from is not None or filters.year_to is not None:
        keep &= _in_period(filters, columns, index.dated)
    needle = filters.q.casefold().strip()
    if needle:
        keep &= index.text.str.contains(needle, regex=False).to_numpy(dtype=bool)
    return Selected(dataset.records, np.flatnonzero(keep))


def _in_period(filters: Filters, columns: pd.DataFrame, dated: np.ndarray) -> np.ndarray:
    low = f"{filters.year_from:04d}-01-01" if filters.year_from is not None else "0000-01-01"
    high = f"{filters.year_to:04d}-12-31" if filters.year_to is not None else "9999-12-31"
    overlapping = ((columns["start"] <= high) & (columns["end"] >= low)).to_numpy(dtype=bool)
    return np.where(dated, overlapping, filters.undated)
