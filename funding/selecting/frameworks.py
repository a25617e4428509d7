"""Which strategy's pillars a view groups by when nobody chose: one rule for the page, the deck,
presentation mode and the command line.

The EU Battery Booster's pillars name EU instruments only, so a Dutch selection grouped by them is
one "not stated" bar; the Dutch strategy's own five pillars are what its rows carry.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from funding.i18n.vocab import PILLAR_FRAMEWORKS
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.filter_index import index_of, select
from funding.selecting.selected import positions_in
from funding.selecting.selection import Filters


def default_framework(selection: Sequence[Instrument], dataset: Dataset | None = None) -> str:
    """ "nl" when every row of a non-empty selection is Dutch (level NL), otherwise "eu". A
    selection of `dataset` (`funding.selecting.selected`) is looked at as an array of levels."""
    positions = positions_in(dataset, selection) if dataset is not None else None
    if dataset is not None and positions is not None:
        levels = index_of(dataset).level[positions]
        return "nl" if len(levels) and bool((levels == "NL").all()) else "eu"
    return "nl" if selection and all(r.level == "NL" for r in selection) else "eu"


def with_default_framework(filters: Filters, dataset: Dataset, chosen: str | None = None) -> Filters:
    """The filters with their framework: the one chosen, else the one the pillar codes belong to
    (the two frameworks share no code), else `default_framework` of what the filters select."""
    if chosen is not None:
        return dataclasses.replace(filters, framework=chosen)
    if filters.pillar:
        owner = next(
            (name for name, vocab in PILLAR_FRAMEWORKS.items() if all(p in vocab for p in filters.pillar)),
            "eu",
        )
        return dataclasses.replace(filters, framework=owner)
    # Without a pillar filter the framework selects nothing, so the rows can be chosen first.
    return dataclasses.replace(filters, framework=default_framework(select(filters, dataset), dataset))
