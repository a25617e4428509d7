"""The languages a reader can choose: one row each, everything that differs besides the texts.

Numbers, documents, spreadsheets and charts ask this table, never `lang == "en"`, so a new
language is a row here (and its code in `Lang`) plus its texts in the catalogue and vocabulary
labels; an unknown code raises KeyError wherever it is asked for, nothing falls back to English
or Dutch.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, TypeVar

from babel import Locale
from babel.numbers import NumberPattern, format_decimal, get_decimal_symbol, get_group_symbol, parse_pattern

Lang = Literal["en", "nl"]
# The curated data's own texts (names, notes, titles, summaries) exist in these two languages.
DataLang = Literal["en", "nl"]
T = TypeVar("T")


@dataclass(frozen=True)
class Language:
    """How one language writes what is not a catalogue text."""

    code: Lang
    name: str  # in its own language, for the language chooser
    babel_locale: str  # digits, separators, dates and plural rules
    tag: str  # BCP 47, in the properties of every document written (deck, workbook)
    pptx_language: str  # a member of python-pptx's MSO_LANGUAGE_ID, for spell checking
    excel_locale: str  # the number-format prefix that makes a viewer write its separators
    csv_delimiter: str  # what a spreadsheet in this locale opens as columns (see exports.tables)
    currency: str  # written before an amount, with its space
    billion: str
    million: str
    data: DataLang  # which of the curated data's text columns a reader of this language sees

    @property
    def scales(self) -> tuple[tuple[float, str], ...]:
        return ((1e9, self.billion), (1e6, self.million))

    @property
    def separators(self) -> str:
        """The decimal then the thousands separator, as plotly's `separators` takes them."""
        return _separators(self.babel_locale)


LANGUAGES: dict[str, Language] = {
    "en": Language(
        code="en",
        name="English",
        babel_locale="en_GB",
        tag="en-GB",
        pptx_language="ENGLISH_UK",
        excel_locale="[$-809]",
        csv_delimiter=",",
        currency="EUR ",
        billion="bn",
        million="m",
        data="en",
    ),
    "nl": Language(
        code="nl",
        name="Nederlands",
        babel_locale="nl_NL",
        tag="nl-NL",
        pptx_language="DUTCH",
        excel_locale="[$-413]",
        csv_delimiter=";",
        currency="€ ",
        billion="mld",
        million="mln",
        data="nl",
    ),
}
DEFAULT: Lang = "en"


def language(code: str) -> Language:
    """The row of a language; an unknown code is a programming error (KeyError)."""
    return LANGUAGES[code]


def codes() -> tuple[Lang, ...]:
    """Every language a reader can choose, in the chooser's order."""
    return tuple(row.code for row in LANGUAGES.values())


def decimal_text(number: float, babel_locale: str, pattern: str | None = None) -> str:
    """Babel's `format_decimal`, remembered: a rerun writes the same few hundred amounts again,
    and Babel parses the pattern on every call (about 55 µs each). At most 8,192 are kept."""
    if number == 0:  # -0.0 equals 0.0 (one key) but is written "-0"
        return str(format_decimal(number, format=_pattern(pattern), locale=_locale(babel_locale)))
    return _decimal_text(number, babel_locale, pattern)


@lru_cache(maxsize=8192, typed=True)  # typed: 1 and 1.0 are kept apart, as Babel may write them
def _decimal_text(number: float, babel_locale: str, pattern: str | None) -> str:
    return str(format_decimal(number, format=_pattern(pattern), locale=_locale(babel_locale)))


@cache
def _pattern(pattern: str | None) -> NumberPattern | None:
    """Parsed once: parsing the pattern and the locale on every call was two thirds of Babel's cost."""
    return None if pattern is None else parse_pattern(pattern)


@cache
def _locale(name: str) -> Locale:
    return Locale.parse(name)


@cache
def _separators(babel_locale: str) -> str:
    return get_decimal_symbol(babel_locale) + get_group_symbol(babel_locale)


def data_text(lang: str, en: T, nl: T) -> T:
    """Of the curated data's English and Dutch text, the one a reader of `lang` sees."""
    return {"en": en, "nl": nl}[language(lang).data]
