"""The typed record for one funding instrument, and the rules a single row must satisfy.

Rules that need more than one row (unique ids, parents, parts within their whole, overlaps)
live in `funding.registry.dataset_rules`, because a record cannot see its neighbours.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping, Sequence
from datetime import date
from itertools import repeat
from operator import setitem
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from funding.i18n import t
from funding.i18n.languages import data_text
from funding.i18n.vocab import (
    AMOUNT_KIND,
    BENEFICIARY,
    EU_PILLAR,
    INSTRUMENT_TYPE,
    LEVEL,
    MONEY_ORIGIN,
    NL_PILLAR,
    PILLAR_BASIS,
    QUALIFIER,
    RECORD_TYPE,
    STATUS,
    Lang,
    Vocabulary,
)

SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
ROW_RULES_CHECKED = "row_rules_checked"
PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


# Every per-cell check is a pattern that pydantic-core runs in Rust: at 100,000 rows a Python
# callback per cell cost more than the rest of validation. The readable messages are made only
# for the cells that fail (`pattern_message`).


def _in(vocab: Vocabulary) -> Any:  # Field() is typed Any
    return Field(pattern="^(?:" + "|".join(re.escape(code) for code in vocab.codes) + ")$")


PERIOD_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"

MARKUP = re.compile(r"<[a-zA-Z!/?]")
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
CONTROL_CHARACTER = re.compile(f"[{_CONTROL}]")
# Text that holds neither a tag nor a control character. A "<" is fine when what follows cannot
# open a tag ("< 5 m", "a<", "<<3"). Text may start with =, +, - or @ ("- see the 2025 letter",
# "+CityxChange"): every spreadsheet export neutralises such cells instead (funding.exports).
_TOKEN = rf"[^<{_CONTROL}]|<+[^a-zA-Z!/?<{_CONTROL}]|<+$"
SAFE_TEXT = rf"^(?:{_TOKEN})*$"


def unsafe_text_reason(value: str) -> str | None:
    """Why a text would be refused (its code), or None: a browser reads markup."""
    if MARKUP.search(value):
        return "markup"
    if CONTROL_CHARACTER.search(value):
        return "control_characters"
    return None


class CellRefused(ValueError):
    """A cell check's refusal, by its text ("invalid_<text>" in funding.i18n), so the loader
    says it in the reader's language; the exception itself says it in English."""

    def __init__(self, text: str) -> None:
        super().__init__(t(f"invalid_{text}", "en"))
        self.text = text


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(values)) != len(values):
        raise CellRefused("listed_twice")
    return values


# Longest cells, in characters; funding.intake.columns checks the same limits on whole columns.
SLUG_MAX, TEXT_MAX, LONG_TEXT_MAX, NOTES_MAX, URL_MAX = 64, 300, 2000, 5000, 500
URL_PATTERN = r"^https?://\S+$"

Slug = Annotated[str, Field(pattern=SLUG, max_length=SLUG_MAX)]
Text = Annotated[str, Field(min_length=1, max_length=TEXT_MAX, pattern=SAFE_TEXT)]
LongText = Annotated[str, Field(min_length=1, max_length=LONG_TEXT_MAX, pattern=SAFE_TEXT)]
Period = Annotated[str, Field(pattern=PERIOD_PATTERN)]


class Instrument(BaseModel):
    """One funding instrument, fund, programme, call or figure, as one CSV row."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: Slug
    name_en: Text
    name_nl: Text
    record_type: Annotated[str, _in(RECORD_TYPE)] = "instrument"
    level: Annotated[str, _in(LEVEL)]
    source: Text
    parent_id: Slug | None = None
    # On a whole: whether its parts of the same kind are separate money (None: not stated, so
    # totals treat them as possibly overlapping).
    parts_disjoint: bool | None = None
    # Whole figures in other hierarchies that may share money with this one (no document says).
    may_overlap: tuple[Slug, ...] = ()
    instrument_type: Annotated[str, _in(INSTRUMENT_TYPE)]
    amount_kind: Annotated[str, _in(AMOUNT_KIND)]
    amount_eur: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None
    amount_qualifier: Annotated[str, _in(QUALIFIER)] | None = None
    money_origin: Annotated[str, _in(MONEY_ORIGIN)] | None = None
    status: Annotated[str, _in(STATUS)] | None = None
    eu_pillar: Annotated[str, _in(EU_PILLAR)] | None = None
    eu_pillar_basis: Annotated[str, _in(PILLAR_BASIS)] | None = None
    nl_pillar: Annotated[str, _in(NL_PILLAR)] | None = None
    nl_pillar_basis: Annotated[str, _in(PILLAR_BASIS)] | None = None
    beneficiary_types: Annotated[tuple[Annotated[str, _in(BENEFICIARY)], ...], AfterValidator(_unique)] = ()
    battery_specific: bool = True
    period_start: Period | None = None
    period_end: Period | None = None
    source_document: Slug
    source_url: Annotated[str, Field(pattern=URL_PATTERN, max_length=URL_MAX)] | None = None
    source_locator: Text
    source_quote: LongText
    notes: Annotated[str, Field(max_length=NOTES_MAX, pattern=SAFE_TEXT)] | None = None
    notes_nl: Annotated[str, Field(max_length=NOTES_MAX, pattern=SAFE_TEXT)] | None = None

    @model_validator(mode="after")
    def _row_rules(self, info: ValidationInfo) -> Instrument:
        if info.context and info.context.get(ROW_RULES_CHECKED):
            return self  # the loader has checked them on the raw row, with better error locations
        problems = row_rule_problems(self.__dict__)
        if problems:
            raise ValueError(
                "; ".join(f"{column}: {t(f'invalid_{code}', 'en')}" for column, code in problems)
            )
        return self

    def name(self, lang: Lang) -> str:
        return data_text(lang, self.name_en, self.name_nl)

    def note(self, lang: Lang) -> str | None:
        """The curator's note in the reader's language; a missing Dutch note falls back to the
        English one (`validate` warns `note_language_missing`), never to nothing."""
        return data_text(lang, self.notes, self.notes_nl or self.notes)


MONEY_RECORD_TYPES = frozenset({"instrument", "proposal"})

# The columns every row must fill, the one table of them: the loader's column checks, the page's
# editor and data/datapackage.json take it from here (the codebook's "Required" column is checked
# against it when the package is generated), and the model's fields above refuse an empty cell
# in exactly these (tests/test_required.py). Every row cites its source, amount or not.
REQUIRED_COLUMNS = frozenset(
    {
        "id",
        "name_en",
        "name_nl",
        "record_type",
        "level",
        "source",
        "instrument_type",
        "amount_kind",
        "battery_specific",
        "source_document",
        "source_locator",
        "source_quote",
    }
)


def row_rule_problems(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Rules across the fields of one row, as (column, code) pairs ("invalid_<code>" says each).

    Works on raw values too (empty cells as None), so the loader can report these problems in
    the same pass as field errors instead of only after every field is valid.
    """
    return [*_amount_rules(row), *_link_rules(row), *_pillar_and_period_rules(row)]


def _amount_rules(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What an amount needs (a qualifier, a row that carries money) and what needs an amount."""
    problems: list[tuple[str, str]] = []
    has_amount = row.get("amount_eur") is not None
    if not has_amount and row.get("amount_qualifier") is not None:
        problems.append(("amount_qualifier", "qualifier_without_amount"))
    if has_amount and row.get("amount_qualifier") is None:
        problems.append(("amount_qualifier", "amount_without_qualifier"))
    if has_amount:
        if row.get("record_type", "instrument") not in MONEY_RECORD_TYPES | {None}:
            problems.append(("amount_eur", "amount_on_non_money_row"))
        return problems
    if row.get("money_origin") is not None:
        problems.append(("money_origin", "origin_without_amount"))
    if row.get("parts_disjoint") is not None:
        problems.append(("parts_disjoint", "disjoint_without_amount"))
    if row.get("may_overlap"):
        problems.append(("may_overlap", "overlap_without_amount"))
    return problems


def _link_rules(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A row's links to other rows never point at itself or twice at one row."""
    problems: list[tuple[str, str]] = []
    if row.get("parent_id") is not None and row.get("parent_id") == row.get("id"):
        problems.append(("parent_id", "own_parent"))
    overlaps = row.get("may_overlap") or ()
    if row.get("id") is not None and row.get("id") in overlaps:
        problems.append(("may_overlap", "overlaps_itself"))
    if len(set(overlaps)) != len(overlaps):
        problems.append(("may_overlap", "overlap_listed_twice"))
    return problems


def _pillar_and_period_rules(row: Mapping[str, Any]) -> list[tuple[str, str]]:
    """A pillar goes with its basis; a period's dates are real and in order."""
    problems: list[tuple[str, str]] = []
    for framework in ("eu", "nl"):
        if (row.get(f"{framework}_pillar") is None) != (row.get(f"{framework}_pillar_basis") is None):
            problems.append((f"{framework}_pillar_basis", "pillar_basis_mismatch"))
    for column in ("period_start", "period_end"):
        value = row.get(column)
        if isinstance(value, str) and PERIOD.match(value) and not real_date(value):
            problems.append((column, "not_a_calendar_date"))
    start, end = row.get("period_start"), row.get("period_end")
    if (
        isinstance(start, str) and isinstance(end, str) and PERIOD.match(start) and PERIOD.match(end)
    ) and expand_period(start, low=True) > expand_period(end, low=False):
        problems.append(("period_end", "period_end_before_start"))
    return problems


def real_date(value: str) -> bool:
    """2025-02-30 has the right shape but no day; the pattern alone cannot tell."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) < 3:
        return True
    try:
        date(*parts)
    except ValueError:
        return False
    return True


def period_bounds(record: Instrument) -> tuple[str, str]:
    """Comparable (earliest, latest) ISO dates; partial dates widen to their whole year or month."""
    return earliest(record.period_start), latest(record.period_end)


def earliest(period_start: str | None) -> str:
    return expand_period(period_start, low=True) if period_start else "0000-01-01"


def latest(period_end: str | None) -> str:
    return expand_period(period_end, low=False) if period_end else "9999-12-31"


def expand_period(value: str, *, low: bool) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        parts.append("01" if low else "12")
    if len(parts) == 2:
        parts.append("01" if low else "31")
    return "-".join(parts)


COLUMNS: tuple[str, ...] = tuple(Instrument.model_fields)
# Shared by the records `trusted_records` makes: 100,000 copies of a 31-name set took 200 MB.
# Safe because the model is frozen, and model_copy copies the set before it adds to it.
_FIELDS_SET = set(COLUMNS)
_TEMPLATE: dict[str, Any] = dict.fromkeys(COLUMNS)
_new = object.__new__
_set = object.__setattr__


def trusted_records(columns: Mapping[str, Sequence[Any]], rows: int) -> list[Instrument]:
    """Instruments from values that have passed every check the model makes, without validating
    them again: `columns` holds `rows` values per field, in the model's types.

    This is the end of `Instrument.model_construct` without its per-field Python loop, which at
    100,000 rows cost as much as validating; the records are built column by column with C-level
    maps, from a pre-sized dict template. Tests compare them with `model_validate`'s."""
    dicts = list(map(dict.copy, repeat(_TEMPLATE, rows)))
    for name in COLUMNS:
        deque(map(setitem, dicts, repeat(name), columns[name]), maxlen=0)
    records: list[Instrument] = list(map(_new, repeat(Instrument, rows)))
    for attribute, values in (
        ("__dict__", dicts),
        ("__pydantic_fields_set__", repeat(_FIELDS_SET)),
        ("__pydantic_extra__", repeat(None)),
        ("__pydantic_private__", repeat(None)),
    ):
        deque(map(_set, records, repeat(attribute), values), maxlen=0)
    return records


FIELD_VOCABULARIES: dict[str, Vocabulary] = {
    "record_type": RECORD_TYPE,
    "level": LEVEL,
    "instrument_type": INSTRUMENT_TYPE,
    "amount_kind": AMOUNT_KIND,
    "amount_qualifier": QUALIFIER,
    "money_origin": MONEY_ORIGIN,
    "status": STATUS,
    "eu_pillar": EU_PILLAR,
    "eu_pillar_basis": PILLAR_BASIS,
    "nl_pillar": NL_PILLAR,
    "nl_pillar_basis": PILLAR_BASIS,
    "beneficiary_types": BENEFICIARY,
}


def pattern_problem(column: str, value: str) -> tuple[str, dict[str, str]]:
    """The code a cell that failed its pattern is refused with, and the details of its text."""
    if column in FIELD_VOCABULARIES:
        return "unknown_code", {"given": repr(value), "codes": ", ".join(FIELD_VOCABULARIES[column].codes)}
    if column in ("period_start", "period_end"):
        return "bad_date", {}
    if column in ("id", "parent_id", "source_document", "may_overlap"):
        return "bad_id", {}
    if column == "source_url":
        return "bad_url", {}
    return unsafe_text_reason(value) or "bad_form", {}
