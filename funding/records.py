"""The typed record for one funding instrument, and the rules a single row must satisfy.

Rules that need more than one row (unique ids, parents, parts within their whole, overlaps)
live in `funding.dataset_rules`, because a record cannot see its neighbours.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from funding.vocab import (
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

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKUP = re.compile(r"<[a-zA-Z!/?]")
_CONTROL = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
# Text that neither starts like a formula nor holds a tag or a control character. A "<" is fine
# when what follows cannot open a tag ("< 5 m", "a<", "<<3").
_TOKEN = rf"[^<{_CONTROL}]|<+[^a-zA-Z!/?<{_CONTROL}]|<+$"
_FIRST = rf"[^=+\-@\t\r<{_CONTROL}]|<+[^a-zA-Z!/?<{_CONTROL}]|<+$"
SAFE_TEXT = rf"^(?:(?:{_FIRST})(?:{_TOKEN})*)?$"


def unsafe_text_reason(value: str) -> tuple[str, str] | None:
    """Why a text would be refused (code, message), or None: a browser reads markup."""
    if value.startswith(_FORMULA_START):
        return "formula_like", "starts with =, +, -, @ or a tab: a spreadsheet would run it as a formula"
    if _MARKUP.search(value):
        return "markup", "contains HTML/XML markup (<...>); write the text without tags"
    if re.search(f"[{_CONTROL}]", value):
        return "control_characters", "contains control characters"
    return None


def _unique(values: tuple[str, ...]) -> tuple[str, ...]:
    if len(set(values)) != len(values):
        raise ValueError("a beneficiary type is listed twice")
    return values


Slug = Annotated[str, Field(pattern=SLUG, max_length=64)]
Text = Annotated[str, Field(min_length=1, max_length=300, pattern=SAFE_TEXT)]
LongText = Annotated[str, Field(min_length=1, max_length=2000, pattern=SAFE_TEXT)]
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
    source_document: Slug | None = None
    source_url: Annotated[str, Field(pattern=r"^https?://\S+$", max_length=500)] | None = None
    source_locator: Text | None = None
    source_quote: LongText | None = None
    notes: Annotated[str, Field(max_length=5000, pattern=SAFE_TEXT)] | None = None

    @model_validator(mode="after")
    def _row_rules(self, info: ValidationInfo) -> Instrument:
        if info.context and info.context.get(ROW_RULES_CHECKED):
            return self  # the loader has checked them on the raw row, with better error locations
        problems = row_rule_problems(self.__dict__)
        if problems:
            raise ValueError("; ".join(f"{column}: {message}" for column, _, message in problems))
        return self

    def name(self, lang: Lang) -> str:
        return self.name_en if lang == "en" else self.name_nl


MONEY_RECORD_TYPES = frozenset({"instrument", "proposal"})


def row_rule_problems(row: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Rules across the fields of one row, as (column, code, message) triples.

    Works on raw values too (empty cells as None), so the loader can report these problems in
    the same pass as field errors instead of only after every field is valid.
    """
    problems: list[tuple[str, str, str]] = []
    has_amount = row.get("amount_eur") is not None
    if not has_amount and row.get("amount_qualifier") is not None:
        problems.append(("amount_qualifier", "qualifier_without_amount", "a qualifier needs an amount"))
    if has_amount and row.get("amount_qualifier") is None:
        problems.append(
            (
                "amount_qualifier",
                "amount_without_qualifier",
                "an amount needs a qualifier (exact, up_to, at_least, about)",
            )
        )
    if has_amount:
        for column in ("source_document", "source_locator", "source_quote"):
            if row.get(column) is None:
                problems.append(
                    (
                        column,
                        "amount_without_source",
                        "every amount needs its source document, locator and verbatim quote",
                    )
                )
        if row.get("record_type", "instrument") not in MONEY_RECORD_TYPES | {None}:
            problems.append(
                (
                    "amount_eur",
                    "amount_on_non_money_row",
                    "only instruments and proposals carry an amount; a framework, service or "
                    "context row does not",
                )
            )
    else:
        if row.get("money_origin") is not None:
            problems.append(("money_origin", "origin_without_amount", "a money origin needs an amount"))
        if row.get("parts_disjoint") is not None:
            problems.append(
                (
                    "parts_disjoint",
                    "disjoint_without_amount",
                    "parts_disjoint is said of a whole with an amount; without one, "
                    "link parts that may share money with may_overlap",
                )
            )
        if row.get("may_overlap"):
            problems.append(
                ("may_overlap", "overlap_without_amount", "only a row with an amount can overlap another")
            )
    if row.get("parent_id") is not None and row.get("parent_id") == row.get("id"):
        problems.append(("parent_id", "own_parent", "a row cannot be its own parent"))
    overlaps = row.get("may_overlap") or ()
    if row.get("id") is not None and row.get("id") in overlaps:
        problems.append(("may_overlap", "overlaps_itself", "a row cannot overlap itself"))
    if len(set(overlaps)) != len(overlaps):
        problems.append(("may_overlap", "overlap_listed_twice", "a row id is listed twice"))
    for framework in ("eu", "nl"):
        if (row.get(f"{framework}_pillar") is None) != (row.get(f"{framework}_pillar_basis") is None):
            problems.append(
                (
                    f"{framework}_pillar_basis",
                    "pillar_basis_mismatch",
                    "a pillar and its basis (document or analyst) go together",
                )
            )
    for column in ("period_start", "period_end"):
        value = row.get(column)
        if isinstance(value, str) and PERIOD.match(value) and not _real_date(value):
            problems.append((column, "not_a_calendar_date", "is not a date in the calendar"))
    start, end = row.get("period_start"), row.get("period_end")
    if (
        isinstance(start, str) and isinstance(end, str) and PERIOD.match(start) and PERIOD.match(end)
    ) and _expand(start, low=True) > _expand(end, low=False):
        problems.append(("period_end", "period_end_before_start", "period_end is before period_start"))
    return problems


def _real_date(value: str) -> bool:
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
    start = _expand(record.period_start, low=True) if record.period_start else "0000-01-01"
    end = _expand(record.period_end, low=False) if record.period_end else "9999-12-31"
    return start, end


def _expand(value: str, *, low: bool) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        parts.append("01" if low else "12")
    if len(parts) == 2:
        parts.append("01" if low else "31")
    return "-".join(parts)


COLUMNS: tuple[str, ...] = tuple(Instrument.model_fields)

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


def pattern_problem(column: str, value: str) -> tuple[str, str]:
    """The code and readable reason a cell failed its pattern, for the loader's problem list."""
    if column in FIELD_VOCABULARIES:
        codes = ", ".join(FIELD_VOCABULARIES[column].codes)
        return "unknown_code", f"unknown code {value!r}; must be one of: {codes}"
    if column in ("period_start", "period_end"):
        return "bad_date", "must be a date written YYYY, YYYY-MM or YYYY-MM-DD"
    if column in ("id", "parent_id", "source_document", "may_overlap"):
        return "bad_id", "must be lowercase letters, digits and single hyphens (e.g. battery-booster)"
    if column == "source_url":
        return "bad_url", "must be an http:// or https:// address without spaces"
    reason = unsafe_text_reason(value)
    if reason is not None:
        return reason
    return "bad_form", "has a form that is not allowed here"
