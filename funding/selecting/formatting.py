"""Amounts as people read them: EN "EUR 1.5 bn", NL "€ 1,5 mld", with the qualifier in front.

Babel supplies the locale's digits and separators; the short scale words are ours because
Babel's compact forms ("1.5B", "1,5 mld.") are not what Dutch and EU briefing notes use.
"""

from __future__ import annotations

import functools

from babel import Locale
from babel.numbers import NumberPattern, parse_pattern
from babel.numbers import format_decimal as babel_format_decimal

from funding.i18n import t
from funding.i18n.languages import language
from funding.i18n.vocab import QUALIFIER, Lang
from funding.selecting.totals import Bounds

NBSP = "\u00a0"  # a space that never breaks a figure from its unit


def format_decimal(number: float, *, format: str | None = None, locale: str) -> str:
    """Babel's, with the pattern and the locale parsed once: parsing them on every call was two
    thirds of its cost, and the compare picker formats up to 500 amounts per new selection."""
    return babel_format_decimal(number, format=_pattern(format), locale=_locale(locale))


@functools.cache
def _pattern(format: str | None) -> NumberPattern | None:
    return None if format is None else parse_pattern(format)


@functools.cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


def format_eur(amount: float | None, lang: Lang, qualifier: str | None = None) -> str:
    """Short form for headlines and bar labels (EUR 7.6 m, EUR 2.796 bn): at most three decimals at
    its scale, and every digit where those would round one away (1,313,087 is never "1.313 m")."""
    if amount is None:
        return t("amount_not_stated", lang)
    row = language(lang)
    factor, word = next(((f, w) for f, w in row.scales if abs(amount) >= f), (1.0, ""))
    if word and _decimals(amount / factor) <= 3:
        number = format_decimal(amount / factor, format="#,##0.###", locale=row.babel_locale)
        text = f"{row.currency}{number} {word}"
    else:
        text = format_eur_full(amount, lang)
    return with_qualifier(text, qualifier, lang)


def format_range(low: float, high: float, lang: Lang, qualifier: str | None = None) -> str:
    """A range at one scale with equal decimals (EN "EUR 7.721–8.021 bn", NL "€ 7,721–8,021 mld");
    one figure when the ends are equal. Ends too far apart for one scale get a scale each."""
    if low == high:
        return format_eur(high, lang, qualifier)
    row = language(lang)
    factor, word = next(((f, w) for f, w in row.scales if abs(high) >= f), (1.0, ""))
    # At least one decimal on a scaled range ("EUR 3.0–4.0 bn"), as briefing notes write them.
    places = max(_decimals(low / factor), _decimals(high / factor), 1 if word else 0)
    if places > 3 or (low and abs(low) < factor / 1000):
        ends = f"{format_eur(low, lang)}–{format_eur(high, lang)}"
        return with_qualifier(ends, qualifier, lang)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    numbers = "–".join(
        format_decimal(v / factor, format=pattern, locale=row.babel_locale) for v in (low, high)
    )
    return with_qualifier(f"{row.currency}{numbers}{' ' + word if word else ''}", qualifier, lang)


def format_bounds(bounds: Bounds, lang: Lang) -> str:
    """A net total as people read it: one figure, or a range where overlaps are uncertain."""
    return format_range(bounds.low, bounds.high, lang, bounds.qualifier)


def _decimals(value: float) -> int:
    """Decimal places needed to write `value` without rounding it (beyond float noise)."""
    for places in range(7):
        if abs(round(value, places) - value) < 1e-9 * max(1.0, abs(value)):
            return places
    return 7


def format_eur_full(amount: float | None, lang: Lang) -> str:
    """Every digit, for tables and exports where the exact figure matters."""
    if amount is None:
        return t("amount_not_stated", lang)
    row = language(lang)
    return row.currency + format_decimal(amount, format="#,##0.##", locale=row.babel_locale)


def with_qualifier(text: str, qualifier: str | None, lang: Lang) -> str:
    if qualifier is None or qualifier == "exact":
        return text
    return f"{QUALIFIER.label(qualifier, lang)} {text}"


def format_count(n: int, lang: Lang) -> str:
    return str(format_decimal(n, locale=language(lang).babel_locale))
