"""Filtering records: one table of filter fields shared by the dashboard, its URL and the command line.

A filter is a row in `FIELDS`: its name (the URL parameter and, with dashes, the command-line
option), the record field it reads, its values (a vocabulary, or whatever the data holds), its
labels in the catalogue and its --help. `Filters`, `choices`, `matches`, `describe`, the array
index (`funding.selecting.filter_index`), export file names, the command-line options, the sidebar and
the URL table (docs/url-parameters.md) all follow it, so a new filter is a row here, an attribute of `Filters`
and its labels in the catalogue (docs/adding-a-filter.md).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from functools import cache
from typing import Any, Literal

from funding.base.errors import InvalidData, UnreadableFile
from funding.i18n import t
from funding.i18n.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
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
from funding.intake.records import Instrument, period_bounds
from funding.registry.dataset import Dataset
from funding.registry.documents import load_documents

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


Shape = Literal["codes", "choice", "year", "flag", "text"]


def _cell(value: str | None) -> tuple[str, ...]:
    """A cell that holds one code, or none."""
    return () if value is None else (value,)


def _cells(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _origin(value: str | None) -> tuple[str, ...]:
    return (origin_code(value),)


@cache
def _registry() -> Mapping[str, Any]:
    """The curated document registry, which names the cited-document filter's values; without it
    (unreadable) every document is named by its id."""
    try:
        return load_documents()
    except (UnreadableFile, InvalidData):
        return {}


def document_title(code: str, lang: Lang) -> str:
    """A cited document's title, or its id when the registry does not have it (an upload's own)."""
    document = _registry().get(code)
    return str(document.title(lang)) if document is not None else code


@dataclass(frozen=True)
class FilterField:
    """One filter. `column` is the record attribute and dataset column it reads ("{framework}"
    filled in for the pillars); `codes` turns a cell into the codes it stands for (a beneficiary
    cell holds several); `vocabulary` None: the values are what the data holds, named by `title`
    (or as written). `shape` "codes" is a multi-value filter; the others hold one value each."""

    name: str
    shape: Shape
    label_key: str  # catalogue: the widget's label
    describe_key: str = ""  # catalogue: the field in a description of the selection
    help: str = ""  # --help and the URL table (English): what the values are, if not a vocabulary
    column: str = ""
    codes: Callable[[Any], tuple[str, ...]] = _cell
    vocabulary: Vocabulary | Mapping[str, Vocabulary] | None = None
    title: Callable[[str, Lang], str] | None = None
    sidebar: bool = True  # drawn in the sidebar (the instruments compared are picked in the Overview)
    # Its values are few enough to list: the valid ones beside an unknown one, each in a file
    # name (not ids: too many, and a comparison is named as one).
    listed: bool = True

    @property
    def multi(self) -> bool:
        return self.shape == "codes"

    @property
    def option(self) -> str:
        return "--" + self.name.replace("_", "-")

    @property
    def by_framework(self) -> bool:
        """Its vocabulary and column follow the pillar framework chosen."""
        return isinstance(self.vocabulary, Mapping)

    def column_for(self, framework: str) -> str:
        return self.column.format(framework=framework)

    def vocab(self, framework: str) -> Vocabulary | None:
        if isinstance(self.vocabulary, Mapping):
            return self.vocabulary.get(framework)
        return self.vocabulary

    def all_codes(self) -> tuple[str, ...]:
        """Every code of its vocabulary (of every framework); none for values from the data."""
        if isinstance(self.vocabulary, Mapping):
            return tuple(c for v in self.vocabulary.values() for c in v.codes)
        return self.vocabulary.codes if self.vocabulary is not None else ()

    def of(self, record: Instrument, framework: str) -> tuple[str, ...]:
        """The codes `record` holds for this filter (none for a framework that does not exist)."""
        if self.by_framework and self.vocab(framework) is None:
            return ()
        return self.codes(getattr(record, self.column_for(framework)))

    def offered(self, dataset: Dataset, framework: str = "eu") -> tuple[str, ...]:
        """The values to choose from: the vocabulary's, or those the data holds, sorted."""
        if self.vocabulary is not None:
            vocab = self.vocab(framework)
            return vocab.codes if vocab is not None else ()
        column = self.column_for(framework)

        def held(ds: Dataset) -> tuple[str, ...]:
            return tuple(sorted({code for cell in set(ds.column(column)) for code in self.codes(cell)}))

        return dataset.kept(f"offered:{self.name}:{column}", held)

    def label(self, code: str, lang: Lang, framework: str = "eu") -> str:
        vocab = self.vocab(framework)
        if vocab is not None:
            return vocab.label(code, lang)
        return self.title(code, lang) if self.title is not None else code


FIELDS: tuple[FilterField, ...] = (
    FilterField("level", "codes", "filter_level", "describe_level", column="level", vocabulary=LEVEL),
    FilterField(
        "type", "codes", "filter_type", "describe_type", column="instrument_type", vocabulary=INSTRUMENT_TYPE
    ),
    FilterField(
        "source",
        "codes",
        "filter_source",
        "describe_source",
        "a source name exactly as in the data's source column, e.g. 'EU Innovation Fund'",
        column="source",
    ),
    FilterField(
        "framework",
        "choice",
        "filter_framework",
        help="pillar framework: eu or nl (default: nl for an all-Dutch selection, else eu; funding.selecting.frameworks)",
    ),
    FilterField(
        "pillar",
        "codes",
        "filter_pillar",
        "describe_pillar",
        column="{framework}_pillar",
        vocabulary=PILLAR_FRAMEWORKS,
    ),
    FilterField(
        "beneficiary",
        "codes",
        "filter_beneficiary",
        "describe_beneficiary",
        column="beneficiary_types",
        codes=_cells,
        vocabulary=BENEFICIARY,
    ),
    FilterField("status", "codes", "filter_status", "describe_status", column="status", vocabulary=STATUS),
    FilterField(
        "kind", "codes", "filter_kind", "describe_kind", column="amount_kind", vocabulary=AMOUNT_KIND
    ),
    FilterField(
        "origin",
        "codes",
        "filter_origin",
        "describe_origin",
        column="money_origin",
        codes=_origin,
        vocabulary=ORIGIN_LABELS,
    ),
    FilterField(
        "record_type",
        "codes",
        "filter_record_type",
        "describe_record_type",
        column="record_type",
        vocabulary=RECORD_TYPE,
    ),
    FilterField(
        "document",
        "codes",
        "filter_document",
        "describe_document",
        "a document id of documents.csv: the entries quoted from it (their source_document)",
        column="source_document",
        title=document_title,
    ),
    FilterField(
        "year_from", "year", "filter_year_from", help="a year: instruments whose period overlaps the range"
    ),
    FilterField("year_to", "year", "filter_year_to", help="a year: the range's last year"),
    FilterField(
        "undated",
        "flag",
        "filter_undated",
        help="keep undated instruments when a period is set (default: keep)",
    ),
    FilterField("battery_only", "flag", "filter_battery_only", help="only battery-specific instruments"),
    FilterField("q", "text", "filter_q", help="text search in ids, names, sources, notes"),
    FilterField(
        "compare",
        "codes",
        "pick_instrument",
        "describe_compare",
        "an instrument id (data's id column): just the instruments compared, as the page's compare=",
        column="id",
        sidebar=False,
        listed=False,
    ),
)
BY_NAME = {f.name: f for f in FIELDS}
CODE_FIELDS = tuple(f for f in FIELDS if f.multi)
MULTI_FIELDS = tuple(f.name for f in CODE_FIELDS)


@dataclass(frozen=True)
class Filters:
    """One attribute per row of `FIELDS`, in its order (a test checks it); an empty tuple means
    "no restriction" for that field."""

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
    document: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    undated: bool = True
    battery_only: bool = False
    q: str = ""
    # Instrument ids: the instruments compared (`?compare=`), a selection like any other.
    compare: tuple[str, ...] = ()


FIELD_NAMES = tuple(f.name for f in fields(Filters))


def choices(dataset: Dataset, framework: str = "eu") -> dict[str, tuple[str, ...]]:
    """Valid values per multi-value filter whose values can be listed (not the ids compared)."""
    return {f.name: f.offered(dataset, framework) for f in CODE_FIELDS if f.listed}


def apply(filters: Filters, records: Sequence[Instrument]) -> list[Instrument]:
    """The records that pass every filter, in their original order."""
    return [r for r in records if matches(filters, r)]


def matches(filters: Filters, record: Instrument) -> bool:
    for field in CODE_FIELDS:
        wanted = getattr(filters, field.name)
        if wanted and not any(code in wanted for code in field.of(record, filters.framework)):
            return False
    if filters.battery_only and not record.battery_specific:
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


def describe(filters: Filters, lang: Lang, dataset: Dataset | None = None) -> str:
    """The selection in words, for titles of slides and the About sheet of exports; with the
    `dataset`, the instruments compared by their names (a reader does not know the ids), set
    apart by semicolons as the page's charts do, since a name may hold a comma; without it, how
    many (presentation mode's title row, whose footer names them)."""
    parts: list[str] = []
    for field in CODE_FIELDS:
        values = getattr(filters, field.name)
        if values and field.name == "compare" and dataset is None:
            parts.append(t("describe_compare_count", lang, n=len(values)))
        elif values:
            shown = [_value_label(field, v, lang, filters.framework, dataset) for v in values]
            joiner = "; " if field.name == "compare" else ", "
            parts.append(f"{t(field.describe_key, lang)}: {joiner.join(shown)}")
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


def _value_label(field: FilterField, value: str, lang: Lang, framework: str, dataset: Dataset | None) -> str:
    record = dataset.by_id.get(value) if dataset is not None and field.name == "compare" else None
    return record.name(lang) if record is not None else field.label(value, lang, framework)
