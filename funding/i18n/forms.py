"""Plural forms: a catalogue entry is one text, or one text per CLDR plural category.

"1 instruments" and "figure(s)" read as machine output on a minister's slide. An entry such as
`{"one": "{n} instrument", "other": "{n} instruments"}` is chosen by Babel's plural rules for the
language (`Locale.plural_form`), so each language gets its own grammar and no "(s)".
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from babel import Locale

from funding.i18n.languages import Lang, decimal_text, language

# A text, or its plural forms keyed by CLDR category; "other" is always there.
Entry = str | Mapping[str, str]


@cache
def _locale(babel_locale: str) -> Locale:
    return Locale.parse(babel_locale)


def categories(lang: Lang) -> frozenset[str]:
    """The plural categories the language distinguishes (English and Dutch: one, other)."""
    return frozenset(_locale(language(lang).babel_locale).plural_form.tags) | {"other"}


def pick(entry: Entry, lang: Lang, values: Mapping[str, object]) -> tuple[str, dict[str, object]]:
    """The text for these values, and the values with the count `n` written in the language's digits.

    A plural entry needs an integer `n`; a missing one is a programming error (TypeError), and so
    is a form the language distinguishes that the entry lacks (KeyError)."""
    if isinstance(entry, str):
        return entry, dict(values)
    n = values.get("n")
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError(f"a text with plural forms needs an integer n, got {n!r}")
    babel_locale = language(lang).babel_locale
    form = _locale(babel_locale).plural_form(n)
    return entry[form], {**values, "n": decimal_text(n, babel_locale)}
