"""The columns of the spreadsheet's figures sheet: one line per entry, a human label for every
code, amounts in euros and in millions, and the provenance down to the lines of the checked text.

The columns a reader needs come first and are the ones that print (`PRINTED`): 42 columns on one
page width came out at LibreOffice's smallest scale, too small to read. Codes stay, after them
(they are what the dataset, the dashboard's URL and the command line use), for filtering.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from funding.i18n import t
from funding.i18n.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LEVEL,
    NL_PILLAR,
    PILLAR_BASIS,
    QUALIFIER,
    RECORD_TYPE,
    STATUS,
    Lang,
    Vocabulary,
)
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.disagreements import Disagreements
from funding.registry.documents import Document
from funding.registry.locators import section
from funding.selecting.selection import ORIGIN_LABELS, origin_of

Value = str | float | None


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    counted: frozenset[str]
    documents: Mapping[str, Document]
    disagreements: Disagreements
    lang: Lang


@dataclass(frozen=True)
class Column:
    header: str  # catalogue key
    value: Callable[[Instrument, Context], Value]
    width: int
    style: str = "text"  # text | wrap | code | amount | millions
    code: bool = False  # the header says "(code)"


def _label(vocab: Vocabulary, field: str) -> Callable[[Instrument, Context], Value]:
    def value(record: Instrument, c: Context) -> Value:
        code = getattr(record, field)
        return vocab.label(code, c.lang) if code else None

    return value


def _yes(flag: bool | None, lang: Lang) -> str | None:
    return None if flag is None else t("yes" if flag else "no", lang)


def _code(header: str, field: str) -> Column:
    return Column(header, lambda r, c: getattr(r, field), 14, "code", code=True)


def _coded(header: str, field: str, vocab: Vocabulary, width: int = 24) -> list[Column]:
    return [_code(header, field), Column(header, _label(vocab, field), width)]


def _parent(record: Instrument, c: Context) -> Value:
    parent = c.dataset.by_id.get(record.parent_id or "")
    return parent.name(c.lang) if parent else None


def _origin(record: Instrument, c: Context) -> Value:
    return ORIGIN_LABELS.label(origin_of(record), c.lang) if record.amount_eur is not None else None


def _document(record: Instrument, c: Context) -> Value:
    document = c.documents.get(record.source_document or "")
    return document.title(c.lang) if document else None


def _disagreements(record: Instrument, c: Context) -> Value:
    return " | ".join(d.summary(c.lang) for d in c.disagreements.of(record.id)) or None


# What a reader needs on paper, in the widths that print one A4 page wide at a legible scale
# (about 180 characters in all): labels, the figure, where it stands in which document.
PRINTED: tuple[Column, ...] = (
    Column("x_name", lambda r, c: r.name(c.lang), 24, "wrap"),
    Column("x_level", _label(LEVEL, "level"), 11, "wrap"),
    Column("x_kind", _label(AMOUNT_KIND, "amount_kind"), 12, "wrap"),
    Column("x_amount_m", lambda r, c: None if r.amount_eur is None else r.amount_eur / 1e6, 10, "millions"),
    Column("x_qualifier", _label(QUALIFIER, "amount_qualifier"), 12, "wrap"),
    Column("x_battery", lambda r, c: _yes(r.battery_specific, c.lang), 10, "wrap"),
    Column("x_origin", _origin, 12, "wrap"),
    Column("x_status", _label(STATUS, "status"), 12, "wrap"),
    Column("x_period_start", lambda r, c: r.period_start, 8, "wrap"),
    Column("x_period_end", lambda r, c: r.period_end, 8, "wrap"),
    Column("x_document", _document, 20, "wrap"),
    Column("x_section", lambda r, c: section(r.source_locator, c.lang) or None, 14, "wrap"),
    Column("x_quote", lambda r, c: r.source_quote, 30, "wrap"),
)
# The rest, for filtering and for tools: codes, ids, the whole euros, pillars, curators' notes.
COLUMNS: tuple[Column, ...] = (
    *PRINTED,
    Column(
        "x_counted", lambda r, c: _yes(r.id in c.counted if r.amount_eur is not None else None, c.lang), 14
    ),
    Column("x_disagreements", _disagreements, 40, "wrap"),
    Column("x_id", lambda r, c: r.id, 30, "code"),
    *_coded("x_record_type", "record_type", RECORD_TYPE),
    _code("x_level", "level"),
    Column("x_source", lambda r, c: r.source, 28, "wrap"),
    Column("x_parent_id", lambda r, c: r.parent_id, 24, "code"),
    Column("x_parent", _parent, 36, "wrap"),
    *_coded("x_type", "instrument_type", INSTRUMENT_TYPE),
    _code("x_kind", "amount_kind"),
    Column("x_amount", lambda r, c: r.amount_eur, 19, "amount"),
    _code("x_qualifier", "amount_qualifier"),
    _code("x_status", "status"),
    *_coded("x_eu_pillar", "eu_pillar", EU_PILLAR, 36),
    Column("x_eu_basis", _label(PILLAR_BASIS, "eu_pillar_basis"), 20),
    *_coded("x_nl_pillar", "nl_pillar", NL_PILLAR, 24),
    Column("x_nl_basis", _label(PILLAR_BASIS, "nl_pillar_basis"), 20),
    Column("x_beneficiaries", lambda r, c: ";".join(r.beneficiary_types) or None, 24, "code", code=True),
    Column(
        "x_beneficiaries",
        lambda r, c: "; ".join(BENEFICIARY.label(b, c.lang) for b in r.beneficiary_types) or None,
        36,
        "wrap",
    ),
    Column("x_may_overlap", lambda r, c: ";".join(r.may_overlap) or None, 28, "code"),
    Column("x_parts_disjoint", lambda r, c: _yes(r.parts_disjoint, c.lang), 14),
    Column("x_document_id", lambda r, c: r.source_document, 24, "code"),
    Column("x_lines", lambda r, c: r.source_locator, 30, "wrap"),
    Column("x_notes", lambda r, c: r.note(c.lang), 90, "wrap"),
    Column("x_url", lambda r, c: r.source_url, 30),
)


def header(column: Column, lang: Lang) -> str:
    label = t(column.header, lang)
    return t("x_code", lang, label=label) if column.code else label


def cells(record: Instrument, context: Context, columns: Sequence[Column] = COLUMNS) -> list[Value]:
    return [column.value(record, context) for column in columns]
