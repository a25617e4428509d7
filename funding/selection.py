"""Filtering records: one definition shared by the dashboard, its URL and the command line.

The field names of `Filters` are the URL query parameters and the command-line options, so a
link copied from the dashboard and a weekly export job describe a view in the same words.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields

from funding.dataset import Dataset
from funding.i18n import t
from funding.records import Instrument, period_bounds
from funding.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LEVEL,
    MONEY_ORIGIN,
    NOT_STATED_ORIGIN,
    PILLAR_FRAMEWORKS,
    RECORD_TYPE,
    STATUS,
    Lang,
    Vocabulary,
    term,
)

ORIGINS = (*MONEY_ORIGIN.codes, NOT_STATED_ORIGIN)
# The origins a filter offers: the vocabulary plus "not stated" (an empty cell).
ORIGIN_LABELS = Vocabulary(
    "origin",
    (
        *MONEY_ORIGIN.terms,
        term(
            NOT_STATED_ORIGIN,
            "Origin of the figure itself not stated",
            "Herkomst van het bedrag zelf niet vermeld",
        ),
    ),
)


def origin_of(record: Instrument) -> str:
    return origin_code(record.money_origin)


def origin_code(money_origin: str | None) -> str:
    """The origin filter's code for a `money_origin` cell (empty: not stated)."""
    return money_origin or NOT_STATED_ORIGIN


@dataclass(frozen=True)
class Filters:
    """An empty tuple means "no restriction" for that field."""

    level: tuple[str, ...] = ()
    type: tuple[str, ...] = ()
    source: tuple[str, ...] = ()
    framework: str = "eu"
    pillar: tuple[str, ...] = ()
    beneficiary: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    origin: tuple[str, ...] = ()
    record_type: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    undated: bool = True
    battery_only: bool = False
    q: str = ""
    # Instrument ids: the instruments compared (`?compare=`), a selection like any other.
    compare: tuple[str, ...] = ()


MULTI_FIELDS = (
    "level",
    "type",
    "source",
    "pillar",
    "beneficiary",
    "status",
    "kind",
    "origin",
    "record_type",
    "compare",
)
FIELD_NAMES = tuple(f.name for f in fields(Filters))


def choices(dataset: Dataset, framework: str = "eu") -> dict[str, tuple[str, ...]]:
    """Valid values per multi-value filter; sources come from the data, the rest from vocabularies."""
    return {
        "level": LEVEL.codes,
        "type": INSTRUMENT_TYPE.codes,
        "source": dataset.sources,
        "pillar": PILLAR_FRAMEWORKS[framework].codes if framework in PILLAR_FRAMEWORKS else (),
        "beneficiary": BENEFICIARY.codes,
        "status": STATUS.codes,
        "kind": AMOUNT_KIND.codes,
        "origin": ORIGINS,
        "record_type": RECORD_TYPE.codes,
    }


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
        FilterProblem("unknown_id", "compare", i) for i in filters.compare if i not in dataset.positions
    ]
    if filters.year_from is not None and filters.year_to is not None and filters.year_from > filters.year_to:
        problems.append(
            FilterProblem("years_reversed", "year_from", str(filters.year_from), (str(filters.year_to),))
        )
    return problems


def apply(filters: Filters, records: Sequence[Instrument]) -> list[Instrument]:
    """The records that pass every filter, in their original order."""
    return [r for r in records if matches(filters, r)]


def matches(filters: Filters, record: Instrument) -> bool:
    if filters.level and record.level not in filters.level:
        return False
    if filters.type and record.instrument_type not in filters.type:
        return False
    if filters.source and record.source not in filters.source:
        return False
    if filters.pillar and pillar_of(record, filters.framework) not in filters.pillar:
        return False
    if filters.beneficiary and not set(record.beneficiary_types) & set(filters.beneficiary):
        return False
    if filters.status and record.status not in filters.status:
        return False
    if filters.kind and record.amount_kind not in filters.kind:
        return False
    if filters.origin and origin_of(record) not in filters.origin:
        return False
    if filters.record_type and record.record_type not in filters.record_type:
        return False
    if filters.battery_only and not record.battery_specific:
        return False
    if filters.compare and record.id not in filters.compare:
        return False
    if not _in_period(filters, record):
        return False
    return not filters.q or _text_matches(filters.q, record)


def pillar_of(record: Instrument, framework: str) -> str | None:
    return record.eu_pillar if framework == "eu" else record.nl_pillar


def _in_period(filters: Filters, record: Instrument) -> bool:
    if filters.year_from is None and filters.year_to is None:
        return True
    if record.period_start is None and record.period_end is None:
        return filters.undated
    start, end = period_bounds(record)
    low = f"{filters.year_from:04d}-01-01" if filters.year_from is not None else "0000-01-01"
    high = f"{filters.year_to:04d}-12-31" if filters.year_to is not None else "9999-12-31"
    return start <= high and end >= low


def _text_matches(query: str, record: Instrument) -> bool:
    needle = query.casefold().strip()
    haystack = (record.id, record.name_en, record.name_nl, record.source, record.notes or "")
    return any(needle in text.casefold() for text in haystack)


def _span(filters: Filters) -> str:
    if filters.year_from is not None and filters.year_from == filters.year_to:
        return str(filters.year_from)
    return f"{filters.year_from or '…'}–{filters.year_to or '…'}"


def _in_sentence(label: str) -> str:
    """A label inside a sentence: "Recyclers" becomes "recyclers", "SMEs" stays "SMEs"."""
    return label[0].lower() + label[1:] if label[1:2].islower() else label


def attribute_phrase(filters: Filters, lang: Lang) -> str:
    """What a beneficiary or period filter means for every figure under it: the envelopes open to
    that group or active in that period, counted whole; never money for that group or year."""
    parts = []
    if filters.beneficiary:
        groups = ", ".join(_in_sentence(BENEFICIARY.label(b, lang)) for b in filters.beneficiary)
        parts.append(f"{t('describe_beneficiary', lang)} {groups}")
    if filters.year_from is not None or filters.year_to is not None:
        parts.append(t("describe_period", lang, span=_span(filters)))
    return "; ".join(parts)


def describe(filters: Filters, lang: Lang) -> str:
    """The selection in words, for titles of slides and the About sheet of exports."""
    labels: Mapping[str, Vocabulary] = {
        "level": LEVEL,
        "type": INSTRUMENT_TYPE,
        "pillar": PILLAR_FRAMEWORKS.get(filters.framework, EU_PILLAR),
        "beneficiary": BENEFICIARY,
        "status": STATUS,
        "kind": AMOUNT_KIND,
        "origin": ORIGIN_LABELS,
        "record_type": RECORD_TYPE,
    }
    parts: list[str] = []
    for name in MULTI_FIELDS:
        values = getattr(filters, name)
        if values:
            vocab = labels.get(name)
            shown = [vocab.label(v, lang) if vocab is not None else v for v in values]
            parts.append(f"{t(f'describe_{name}', lang)}: {', '.join(shown)}")
    if filters.year_from is not None or filters.year_to is not None:
        # Undated instruments are left out only when asked, and only under a period: say so.
        key = "describe_period" if filters.undated else "describe_period_dated"
        parts.append(t(key, lang, span=_span(filters)))
    if filters.battery_only:
        parts.append(t("describe_battery_only", lang))
    if filters.q:
        parts.append(t("describe_search", lang, q=filters.q))
    if not parts:
        return t("describe_all", lang)
    return "; ".join(parts)
