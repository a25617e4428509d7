"""Chart clicks: the groups picked in the breakdown charts, the rows they keep, and as filters.

A click narrows positions in the dataset through the array filter (`funding.selecting.filter_index`),
reading the column its chart groups by: at 100,000 rows a row-by-row pass cost seconds per rerun.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from funding.i18n import t
from funding.i18n.vocab import BENEFICIARY, INSTRUMENT_TYPE, PILLAR_FRAMEWORKS, Lang, Vocabulary
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import NOT_STATED_GROUP
from funding.selecting.filter_index import cells_of, holding, select
from funding.selecting.selected import Positions, Selected, positions_in
from funding.selecting.selection import Filters

# Breakdown dimensions that can be clicked to narrow the page, and the URL-free keys for them.
PICK_DIMENSIONS = ("pillar", "source", "beneficiary", "instrument_type")
# One instrument, picked on a treemap tile or a timeline bar.
INSTRUMENT = "instrument"

# A breakdown chart's click dimension and the `Filters` field that says the same thing.
PICK_FIELDS = {
    "pillar": "pillar",
    "source": "source",
    "beneficiary": "beneficiary",
    "instrument_type": "type",
}
# The filter (`selection.FIELDS`) whose column each click dimension groups by: a click keeps the
# rows behind the bar, as `breakdowns.group_codes` groups them, through the array filter.
_READS = {**PICK_FIELDS, INSTRUMENT: "compare"}


def narrow(
    dataset: Dataset, selection: Sequence[Instrument], picks: Mapping[str, Iterable[str]], framework: str
) -> Selected:
    """The selection's rows in every picked group (groups of one dimension are alternatives),
    as positions in the dataset."""
    positions = _positions(dataset, selection)
    for dimension, codes in picks.items():
        wanted = set(codes)
        if wanted:
            positions = positions[in_groups(dataset, dimension, wanted, framework)[positions]]
    return Selected(dataset.records, positions)


def in_groups(dataset: Dataset, dimension: str, codes: Collection[str], framework: str) -> np.ndarray:
    """Which rows of the dataset fall in one of the groups `codes` of a click dimension
    ("not stated": the rows that name none)."""
    named = set(codes) - {NOT_STATED_GROUP}
    return holding(dataset, _READS[dimension], framework, named, or_none=NOT_STATED_GROUP in codes)


def groups_in(dataset: Dataset, selection: Sequence[Instrument], dimension: str, framework: str) -> set[str]:
    """The groups of a click dimension that the selection's rows fall in, "not stated" included."""
    cells = cells_of(dataset, _READS[dimension], framework)
    if cells is None:
        return set()
    rows, codes = cells
    positions = _positions(dataset, selection)
    # Every distinct cell occurs in the whole dataset: no need to look which.
    present = range(len(codes)) if len(positions) == len(rows) else np.unique(rows[positions]).tolist()
    return {code for i in present for code in codes[i] or (NOT_STATED_GROUP,)}


def _positions(dataset: Dataset, selection: Sequence[Instrument]) -> Positions:
    """Where the selection's rows sit in the dataset (found by id for a plain list of its records)."""
    found = positions_in(dataset, selection)
    if found is not None:
        return found
    return np.fromiter((dataset.positions[r.id] for r in selection), np.intp, len(selection))


def pick_values(dataset: Dataset) -> dict[str, frozenset[str]]:
    """Every code a pick can name in this dataset, per dimension (pillars of either framework,
    "not stated" where a row has none): a link's pick outside these names nothing that exists."""
    values: dict[str, frozenset[str]] = {}
    for dim in _READS:
        frameworks = tuple(PILLAR_FRAMEWORKS) if dim == "pillar" else ("eu",)
        values[dim] = frozenset(c for f in frameworks for c in groups_in(dataset, dataset.records, dim, f))
    return values


def picked_groups(state: Mapping[str, Any] | None) -> list[str]:
    """Group codes clicked in a breakdown chart, read from Streamlit's selection state (bars' y)."""
    if not state:
        return []
    selection = state.get("selection") or {}
    points = selection.get("points") or []
    codes: list[str] = []
    for point in points:
        value = point.get("y") if isinstance(point, Mapping) else None
        if isinstance(value, str) and value not in codes:
            codes.append(value)
    return codes


def picked_tiles(state: Mapping[str, Any] | None) -> dict[str, list[str]]:
    """What a click on the treemap says: a source tile picks its source, an instrument tile its
    instrument (ids as `hierarchy_chart` gives them); the root and the folded "other" tiles pick
    nothing."""
    points = ((state or {}).get("selection") or {}).get("points") or []
    picked: dict[str, list[str]] = {"source": [], INSTRUMENT: []}
    for point in points:
        tile = point.get("id") if isinstance(point, Mapping) else None
        kind, _, code = tile.partition(":") if isinstance(tile, str) else ("", "", "")
        dimension = {"source": "source", "instrument": INSTRUMENT}.get(kind)
        if dimension and code and code not in picked[dimension]:
            picked[dimension].append(code)
    return picked


def pick_label(dimension: str, code: str, framework: str, lang: Lang) -> str:
    if code == NOT_STATED_GROUP:
        return t("not_stated_group", lang)
    vocab: Vocabulary | None = {
        "pillar": PILLAR_FRAMEWORKS.get(framework),
        "beneficiary": BENEFICIARY,
        "instrument_type": INSTRUMENT_TYPE,
    }.get(dimension)
    return vocab.label(code, lang) if vocab is not None else code


def picks_as_filters(
    filters: Filters, picks: Mapping[str, Sequence[str]], dataset: Dataset
) -> Filters | None:
    """The filters plus the groups clicked in the charts, as one `Filters` that selects exactly the
    narrowed rows, so an export's description and URL reproduce what it holds; None when no
    `Filters` can say it (one instrument, a "not stated" group, or a beneficiary clicked on top of a beneficiary
    filter, which narrows to instruments open to both)."""
    active = {dim: tuple(codes) for dim, codes in picks.items() if codes}
    if not active:
        return filters
    if INSTRUMENT in active or any(NOT_STATED_GROUP in codes for codes in active.values()):
        return None
    changes: dict[str, Any] = {PICK_FIELDS[dim]: codes for dim, codes in active.items()}
    folded = replace(filters, **changes)
    expected = narrow(dataset, select(filters, dataset), active, filters.framework)
    if not np.array_equal(_positions(dataset, select(folded, dataset)), expected.positions):
        return None
    return folded


def pick_dimension_label(dimension: str, lang: Lang) -> str:
    keys = {
        "pillar": "filter_pillar",
        "source": "filter_source",
        "beneficiary": "filter_beneficiary",
        "instrument_type": "filter_type",
        INSTRUMENT: "pick_instrument",
    }
    return t(keys[dimension], lang)


def describe_picks(picks: Mapping[str, Sequence[str]], framework: str, lang: Lang, dataset: Dataset) -> str:
    """The clicks in words ("Source: Horizon Europe; Instrument: ..."), "" when there are none."""

    def label(dim: str, code: str) -> str:
        if dim == INSTRUMENT:
            record = dataset.by_id.get(code)
            return record.name(lang) if record is not None else code
        return pick_label(dim, code, framework, lang)

    return "; ".join(
        f"{pick_dimension_label(dim, lang)}: {', '.join(label(dim, c) for c in codes)}"
        for dim, codes in picks.items()
        if codes
    )


def with_picks(
    source: str, picks: Mapping[str, Sequence[str]], framework: str, lang: Lang, dataset: Dataset
) -> str:
    """A chart's source line plus the clicks that narrow it, so a saved PNG says what it shows."""
    text = describe_picks(picks, framework, lang, dataset)
    return f"{source} {t('picked', lang, text=text)}" if text else source
