"""Number formats that keep an exported figure tied to its value.

A chart's data label that is fixed text stays "EUR 1.5 bn" after someone edits the bar to 2 bn
in PowerPoint. A label drawn from the value through a number format (`"up to EUR "#,##0.0,,," bn"`)
follows the edit. The formats here write exactly what `funding.selecting.formatting.format_range` writes for
the value they are made for: the same scale, decimals, qualifier and currency, in the deck's
language (the `[$-413]` locale tag makes Dutch decimals commas where the viewer honours it).

Spreadsheet cells get euro formats without cents once an amount is a million or more.
"""

from __future__ import annotations

import math

from babel.numbers import format_decimal

from funding.i18n.languages import language
from funding.i18n.vocab import QUALIFIER, Lang
from funding.selecting.formatting import format_eur

MAX_PLACES = 3


def decimals(value: float, limit: int = MAX_PLACES) -> int:
    """Decimal places needed to write `value` without rounding it, at most `limit`."""
    for places in range(limit + 1):
        if abs(round(value, places) - value) < 1e-9 * max(1.0, abs(value)):
            return places
    return limit


def _shown_places(value: float, limit: int) -> int:
    """The decimals format_eur shows: rounded to `limit` places, trailing zeros dropped."""
    return decimals(round(value, limit), limit)


def literal(text: str) -> str:
    """Text inside a number format; a double quote cannot be escaped there, so it becomes ”."""
    return f'"{text.replace(chr(34), "”")}"' if text else ""


def _scale(amount: float, lang: Lang) -> tuple[float, str, int]:
    """Factor, word and the number of thousands separators a format divides by ("," per 1,000)."""
    for factor, word in language(lang).scales:
        if abs(amount) >= factor:
            return factor, word, round(math.log10(factor)) // 3
    return 1.0, "", 0


def _pattern(places: int, commas: int) -> str:
    return "#,##0" + ("." + "0" * places if places else "") + "," * commas


def _full(amount: float) -> str:
    """Whole euros and the cents there are, as `format_eur_full` writes them."""
    return _pattern(_shown_places(amount, 2), 0)


def _qualifier(qualifier: str | None, lang: Lang) -> str:
    return "" if qualifier in (None, "exact") else QUALIFIER.label(qualifier, lang) + " "


def label_format(low: float, high: float, qualifier: str | None, lang: Lang, *, suffix: str = "") -> str:
    """The data-label format for a bar whose value is `high`: the value is linked, and for a range
    the low end (not a value of the chart) is written before it as text."""
    factor, word, commas = _scale(high, lang)
    row = language(lang)
    unit = f" {word}" if word else ""
    if low == high:
        front = _qualifier(qualifier, lang) + row.currency
        if word and decimals(high / factor, 7) > MAX_PLACES:  # as format_eur: every digit, in full
            return row.excel_locale + literal(front) + _full(high) + literal(suffix)
        places = _shown_places(high / factor, MAX_PLACES if word else 2)
        return row.excel_locale + literal(front) + _pattern(places, commas) + literal(unit + suffix)
    # As format_range: both ends at the high end's scale with equal decimals, at least one.
    places = max(decimals(low / factor, 7), decimals(high / factor, 7), 1 if word else 0)
    if places > MAX_PLACES or (low and abs(low) < factor / 1000):
        # As format_range: each end short where that loses no digit, in full euros otherwise.
        front = _qualifier(qualifier, lang) + format_eur(low, lang) + "–" + row.currency
        if decimals(high / factor, 7) > MAX_PLACES:
            return row.excel_locale + literal(front) + _full(high) + literal(suffix)
        own = _shown_places(high / factor, MAX_PLACES if word else 2)
        return row.excel_locale + literal(front) + _pattern(own, commas) + literal(unit + suffix)
    written_low = format_decimal(low / factor, format=_pattern(places, 0), locale=row.babel_locale)
    front = _qualifier(qualifier, lang) + row.currency + written_low + "–"
    return row.excel_locale + literal(front) + _pattern(places, commas) + literal(unit + suffix)


def euro_cell_format(amount: float) -> str:
    """Whole euros from a million up (no "€ 3.000.000.000,00"); cents below only where there are any."""
    if abs(amount) >= 1e6 or decimals(amount, 2) == 0:
        return '"€" #,##0'
    return '"€" #,##0.00'


def millions_cell_format(millions: float) -> str:
    """An amount in millions with the decimals it needs (7.6, 296, 1,500)."""
    return _pattern(decimals(millions), 0)
