"""Filter values that select nothing valid, as data: a code, the field, the value and the valid ones.

The page shows them above the charts and the command line refuses them (exit 1), each with the
values it would have accepted, all at once.
"""

from __future__ import annotations

from dataclasses import dataclass

from funding.i18n import t
from funding.i18n.vocab import PILLAR_FRAMEWORKS, Lang
from funding.registry.dataset import Dataset
from funding.selecting.selection import CODE_FIELDS, Filters, choices


@dataclass(frozen=True)
class FilterProblem:
    """A filter value that selects nothing valid: what is wrong (code), where (field), and with what
    (value); `valid` lists what would have been accepted."""

    code: str  # "unknown_value" | "unknown_id" | "years_reversed"
    field: str
    value: str
    valid: tuple[str, ...] = ()  # for years_reversed: the year_to that year_from passes

    def message(self, lang: Lang) -> str:
        if self.code == "years_reversed":
            return t("filter_years_reversed", lang, year_from=self.value, year_to=self.valid[0])
        if self.code == "unknown_id":
            return t("filter_unknown_id", lang, field=self.field, value=self.value)
        return t(
            "filter_unknown_value", lang, field=self.field, value=self.value, valid=", ".join(self.valid)
        )


def filter_problems(filters: Filters, dataset: Dataset) -> list[FilterProblem]:
    """Every value that matches nothing valid, each with the valid ones, all at once."""
    problems: list[FilterProblem] = []
    if filters.framework not in PILLAR_FRAMEWORKS:
        problems.append(
            FilterProblem("unknown_value", "framework", filters.framework, tuple(PILLAR_FRAMEWORKS))
        )
    valid = choices(dataset, filters.framework)
    for name in valid:
        for value in getattr(filters, name):
            if value not in valid[name]:
                problems.append(FilterProblem("unknown_value", name, value, valid[name]))
    # Ids are too many to list as the valid values.
    problems += [
        FilterProblem("unknown_id", f.name, value, ())
        for f in CODE_FIELDS
        if not f.listed
        for value in getattr(filters, f.name)
        if value not in dataset.positions
    ]
    if filters.year_from is not None and filters.year_to is not None and filters.year_from > filters.year_to:
        problems.append(
            FilterProblem("years_reversed", "year_from", str(filters.year_from), (str(filters.year_to),))
        )
    return problems
