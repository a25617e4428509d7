"""Amounts as people read them: EN "EUR 1.5 bn", NL "€ 1,5 mld", with the qualifier in front.

Babel supplies the locale's digits and separators; the short scale words are ours because
Babel's compact forms ("1.5B", "1,5 mld.") are not what Dutch and EU briefing notes use.
"""

from __future__ import annotations

from babel.numbers import format_decimal

from funding.vocab import QUALIFIER, Lang

_LOCALE = {"en": "en_GB", "nl": "nl_NL"}
_CURRENCY = {"en": "EUR ", "nl": "€ "}
_SCALES = {"en": ((1e9, "bn"), (1e6, "m")), "nl": ((1e9, "mld"), (1e6, "mln"))}
NOT_STATED = {"en": "amount not stated", "nl": "bedrag niet vermeld"}


def format_eur(amount: float | None, lang: Lang, qualifier: str | None = None) -> str:
    """Short form for headlines and bar labels; up to three decimals so no figure is rounded away
    at the scale it is shown in (EUR 7.6 m, EUR 2.796 bn)."""
    if amount is None:
        return NOT_STATED[lang]
    for factor, word in _SCALES[lang]:
        if abs(amount) >= factor:
            number = format_decimal(amount / factor, format="#,##0.###", locale=_LOCALE[lang])
            text = f"{_CURRENCY[lang]}{number} {word}"
            break
    else:
        text = _CURRENCY[lang] + format_decimal(amount, format="#,##0.##", locale=_LOCALE[lang])
    return with_qualifier(text, qualifier, lang)


def format_eur_full(amount: float | None, lang: Lang) -> str:
    """Every digit, for tables and exports where the exact figure matters."""
    if amount is None:
        return NOT_STATED[lang]
    return _CURRENCY[lang] + format_decimal(amount, format="#,##0.##", locale=_LOCALE[lang])


def with_qualifier(text: str, qualifier: str | None, lang: Lang) -> str:
    if qualifier is None or qualifier == "exact":
        return text
    return f"{QUALIFIER.label(qualifier, lang)} {text}"


def format_count(n: int, lang: Lang) -> str:
    return str(format_decimal(n, locale=_LOCALE[lang]))
