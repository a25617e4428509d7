"""Calls and application windows with their dates as a document states them (data/calls.csv),
and which of them are open or upcoming on a given day.

A date is kept as written: a day, a month, a quarter or a year, with how firm the document is
about it (a deadline, a plan, an aim). A call is only ever called open between dates a document
gives: with no stated opening it is open only up to a stated closing date, and with no closing
date it is "past its stated opening, no closing date stated", never simply open.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from funding.base.errors import InvalidData, Problem, not_utf8, problem, validation_problems
from funding.base.paths import DEFAULT_CALLS
from funding.base.reading import COMPANION_MAX_BYTES, read_file
from funding.i18n import t
from funding.i18n.languages import data_text
from funding.i18n.vocab import BENEFICIARY, DATE_QUALIFIER, Lang
from funding.intake.records import SLUG, Instrument, LongText, Text

# YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD: as precise as the document is.
STATED_DATE = r"^\d{4}(?:-Q[1-4]|-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_CODES = "^(?:" + "|".join(DATE_QUALIFIER.codes) + ")$"


def date_range(stated: str) -> tuple[date, date]:
    """The first and last day a stated date can mean ("2026-Q1" is 1 January to 31 March)."""
    quarter = _QUARTER.match(stated)
    if quarter:
        year, q = int(quarter[1]), int(quarter[2])
        first, last = 3 * q - 2, 3 * q
        return date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1])
    parts = [int(p) for p in stated.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        return date(parts[0], parts[1], 1), date(parts[0], parts[1], calendar.monthrange(*parts)[1])
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


class Call(BaseModel):
    """One call or application window; `record_id` is the funding row it belongs to, if any."""

    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)

    id: str = Field(pattern=SLUG)
    record_id: str | None = Field(default=None, pattern=SLUG)
    name_en: Text
    name_nl: Text
    beneficiary_types: tuple[str, ...] = ()
    opens: str | None = Field(default=None, pattern=STATED_DATE)
    opens_qualifier: str | None = Field(default=None, pattern=_CODES)
    closes: str | None = Field(default=None, pattern=STATED_DATE)
    closes_qualifier: str | None = Field(default=None, pattern=_CODES)
    source_document: str = Field(pattern=SLUG)
    source_locator: Text
    source_quote: LongText
    notes: str | None = None
    notes_nl: str | None = None

    def name(self, lang: Lang) -> str:
        return data_text(lang, self.name_en, self.name_nl)


def call_problems(call: Call) -> list[tuple[str, str, dict[str, str]]]:
    """Rules across a call's fields, as (column, code, details of its text)."""
    problems: list[tuple[str, str, dict[str, str]]] = []
    for end in ("opens", "closes"):
        value, qualifier = getattr(call, end), getattr(call, f"{end}_qualifier")
        if (value is None) != (qualifier is None):
            code = "date_without_qualifier" if qualifier is None else "qualifier_without_date"
            problems.append((f"{end}_qualifier", code, {"end": end}))
        if value is not None:
            try:
                date_range(value)
            except ValueError:
                problems.append((end, "not_a_calendar_date", {}))
    if call.opens is None and call.closes is None:
        problems.append(("opens", "undated_call", {}))
    elif (
        not problems and call.opens and call.closes and date_range(call.opens)[0] > date_range(call.closes)[1]
    ):
        problems.append(("closes", "closes_before_opens", {}))
    for code in set(call.beneficiary_types) - set(BENEFICIARY.codes):
        problems.append(("beneficiary_types", "unknown_code", {"given": repr(code)}))
    return problems


# The texts of call codes that the funding rows say otherwise ("invalid_<text>").
_CALL_TEXTS = {
    "date_without_qualifier": "date_and_qualifier",
    "qualifier_without_date": "date_and_qualifier",
    "unknown_code": "unknown_beneficiary",
}


# A call's state on a day; closed calls are not listed.
UPCOMING, OPENING, OPEN, OPENED, CLOSED = "upcoming", "opening", "open", "opened", "closed"


def state_on(call: Call, day: date) -> str:
    """upcoming: opens after `day`; opening: `day` falls in the stated opening period (a month,
    a quarter); open: opened and a stated closing date not passed; opened: opened, no closing
    date stated; closed: the stated closing date has passed."""
    if call.closes is not None and date_range(call.closes)[1] < day:
        return CLOSED
    if call.opens is not None:
        first, last = date_range(call.opens)
        if day < first:
            return UPCOMING
        if day <= last:
            return OPENING
    return OPEN if call.closes is not None else OPENED


@dataclass(frozen=True)
class Listed:
    call: Call
    state: str


# Each state a listed call can be in, by its text key (closed calls are not listed).
STATE_TEXTS = {UPCOMING: "call_upcoming", OPENING: "call_opening", OPEN: "call_open", OPENED: "call_opened"}


def dates_text(call: Call, lang: Lang) -> str:
    """The dates as the document states them: "opens 2026-Q1 (an aim); closes …"."""
    said = []
    if call.opens is not None:
        qualifier = DATE_QUALIFIER.label(call.opens_qualifier or "stated", lang)
        said.append(t("call_opens", lang, date=call.opens, qualifier=qualifier))
    if call.closes is not None:
        qualifier = DATE_QUALIFIER.label(call.closes_qualifier or "stated", lang)
        said.append(t("call_closes", lang, date=call.closes, qualifier=qualifier))
    return "; ".join(said)


def calls_of(calls: Iterable[Call], selection: Iterable[Instrument]) -> list[Call]:
    """The calls a file about this selection lists: those the documents tie to a selected row
    (`record_id`). A call tied to no row belongs to no selection; the page's Open to apply view
    and `python -m funding calls` list every call."""
    ids = {r.id for r in selection}
    return [c for c in calls if c.record_id is not None and c.record_id in ids]


def calls_on(calls: Iterable[Call], day: date, beneficiaries: Collection[str] = ()) -> list[Listed]:
    """Calls not closed on `day`, for any of `beneficiaries` (all when empty), soonest first."""
    listed = []
    for call in calls:
        if beneficiaries and not set(beneficiaries) & set(call.beneficiary_types):
            continue
        state = state_on(call, day)
        if state != CLOSED:
            listed.append(Listed(call, state))
    return sorted(listed, key=lambda c: date_range(c.call.opens or c.call.closes or "9999")[0])


def load_calls(
    path: str | Path = DEFAULT_CALLS,
    *,
    record_ids: Collection[str] | None = None,
    known_documents: Mapping[str, object] | Collection[str] | None = None,
) -> tuple[Call, ...]:
    """Read and check the file; raises UnreadableFile or InvalidData with every problem located
    (line 1 is the header)."""
    path = Path(path)
    try:  # the one bounded reader: a regular file, never past the companions' limit
        text = read_file(path, limit=COMPANION_MAX_BYTES).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise not_utf8(str(path), exc) from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    calls: list[Call] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for cells in reader:
        line = reader.line_num
        raw: dict[str, object] = {k: (v or "").strip() or None for k, v in cells.items() if k}
        raw["beneficiary_types"] = (
            tuple(str(raw["beneficiary_types"] or "").split(";")) if raw.get("beneficiary_types") else ()
        )
        try:
            call = Call.model_validate(raw)
        except ValidationError as exc:
            problems += validation_problems(exc, line, raw)
            continue
        problems += [
            problem(line, column, code, text=_CALL_TEXTS.get(code, ""), **details)
            for column, code, details in call_problems(call)
        ]
        if call.id in seen:
            problems.append(problem(line, "id", "duplicate_id", call.id, text="duplicate_call_id"))
        seen.add(call.id)
        if record_ids is not None and call.record_id is not None and call.record_id not in record_ids:
            problems.append(problem(line, "record_id", "unknown_record", call.record_id))
        if known_documents is not None and call.source_document not in known_documents:
            problems.append(
                problem(
                    line,
                    "source_document",
                    "unknown_document",
                    call.source_document,
                    text="unknown_registry_document",
                )
            )
        calls.append(call)
    if problems:
        raise InvalidData(str(path), problems)
    return tuple(calls)
