"""Why a selection is empty, in words a reader can act on.

"No instrument matches these filters" leaves the reader guessing; asking for new money among
Dutch instruments finds nothing because no Dutch entry states where its money comes from, and
the page should say so. For each filter that on its own empties the selection (the others
select something), this says how many entries the others select and what they lack.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from funding.i18n import t
from funding.i18n.vocab import NOT_STATED_ORIGIN, Lang
from funding.registry.dataset import Dataset
from funding.selecting.filter_index import select
from funding.selecting.selection import MULTI_FIELDS, ORIGIN_LABELS, Filters, describe, origin_of

# A filter by what resets it: the multi-value ones to "any", the period as one, the rest to off.
_LOOSENED: dict[str, dict[str, Any]] = {
    **{name: {name: ()} for name in MULTI_FIELDS},
    "period": {"year_from": None, "year_to": None},
    "battery_only": {"battery_only": False},
    "q": {"q": ""},
}


@dataclass(frozen=True)
class Emptying:
    """A filter (`field`, a key of `_LOOSENED`) without which the selection has `others` entries,
    none of which passes it; `unstated`: it is the origin filter and none of those entries states
    an origin at all (no origin filter short of "not stated" could find one)."""

    field: str
    others: int
    unstated: bool


def emptying_filters(filters: Filters, dataset: Dataset) -> tuple[Emptying, ...]:
    """Every set filter that alone leaves the selection empty; none when it is not empty."""
    if select(filters, dataset):
        return ()
    found: list[Emptying] = []
    for field, reset in _LOOSENED.items():
        loosened = replace(filters, **reset)
        if loosened == filters:
            continue  # not set
        others = select(loosened, dataset)
        if others:
            unstated = field == "origin" and all(origin_of(r) == NOT_STATED_ORIGIN for r in others)
            found.append(Emptying(field, len(others), unstated))
    return tuple(found)


def why_empty(filters: Filters, dataset: Dataset, lang: Lang) -> list[str]:
    """One sentence per filter that alone empties the selection, in the reader's language."""
    return [_sentence(filters, e, lang) for e in emptying_filters(filters, dataset)]


def _sentence(filters: Filters, emptying: Emptying, lang: Lang) -> str:
    if emptying.unstated:
        label = ORIGIN_LABELS.label(NOT_STATED_ORIGIN, lang)
        return t("empty_origin_unstated", lang, n=emptying.others, label=label)
    alone = replace(Filters(framework=filters.framework), **_only(filters, emptying.field))
    return t("empty_by_filter", lang, n=emptying.others, filter=describe(alone, lang))


def _only(filters: Filters, field: str) -> dict[str, Any]:
    """The values of the one filter `field` stands for, as `Filters` keywords."""
    return {name: getattr(filters, name) for name in _LOOSENED[field]}
