"""Chart clicks: the groups picked in the breakdown charts, the rows they keep, and as filters."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from itertools import compress
from typing import Any

from funding.base.vocab import BENEFICIARY, INSTRUMENT_TYPE, PILLAR_FRAMEWORKS, Lang, Vocabulary
from funding.charts.breakdown import breakdown_dimension
from funding.i18n import t
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import NOT_STATED_GROUP, group_codes
from funding.selecting.selected import Selected
from funding.selecting.selection import Filters, apply

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


def narrow(
    records: Sequence[Instrument], picks: Mapping[str, Iterable[str]], framework: str
) -> Sequence[Instrument]:
    """The records in every picked group (groups of one dimension are alternatives)."""
    wanted = {dim: set(codes) for dim, codes in picks.items() if codes}
    if not wanted:
        return records if isinstance(records, Selected) else list(records)
    keep = [all(_in(r, dim, codes, framework) for dim, codes in wanted.items()) for r in records]
    if isinstance(records, Selected):  # (kept as positions: the totals stay in arrays)
        return records.where(keep)
    return list(compress(records, keep))


def _in(record: Instrument, dimension: str, codes: set[str], framework: str) -> bool:
    if dimension == INSTRUMENT:
        return record.id in codes
    return bool(set(group_codes(record, breakdown_dimension(dimension, framework))) & codes)


def pick_values(dataset: Dataset) -> dict[str, frozenset[str]]:
    """Every code a pick can name in this dataset, per dimension (pillars of either framework,
    "not stated" where a row has none): a link's pick outside these names nothing that exists."""
    values: dict[str, frozenset[str]] = {INSTRUMENT: frozenset(dataset.by_id)}
    for dim in PICK_DIMENSIONS:
        frameworks = tuple(PILLAR_FRAMEWORKS) if dim == "pillar" else ("eu",)
        dimensions = {breakdown_dimension(dim, framework) for framework in frameworks}
        values[dim] = frozenset(c for r in dataset.records for d in dimensions for c in group_codes(r, d))
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
    filters: Filters, picks: Mapping[str, Sequence[str]], records: Sequence[Instrument]
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
    expected = narrow(apply(filters, records), active, filters.framework)
    if [r.id for r in apply(folded, records)] != [r.id for r in expected]:
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
