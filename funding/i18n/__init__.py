"""The one text catalogue: every UI, chart, export and CLI-facing text in English and Dutch.

Vocabulary labels live in funding.i18n.vocab; this holds the rest, in data modules by where a text
appears (figures, page, charts, files, deck, selection, a file's problems), merged behind one `t()`. A key exists once:
the page, the deck and the spreadsheet say the same thing in the same words. An entry that
counts something has plural forms (funding.i18n.forms) and is asked for with `n=`.
"""

from __future__ import annotations

from collections.abc import Mapping

from funding.i18n import (
    calls,
    cell_problems,
    changes,
    charts,
    compare,
    deck,
    figures,
    files,
    page,
    picking,
    problems,
    rule_problems,
    scan,
    selection,
    share,
)
from funding.i18n.forms import Entry, pick
from funding.i18n.languages import Lang


def _merged(*parts: Mapping[str, Mapping[Lang, Entry]]) -> dict[str, Mapping[Lang, Entry]]:
    merged: dict[str, Mapping[Lang, Entry]] = {}
    for part in parts:
        twice = set(merged) & set(part)
        if twice:
            raise ValueError(f"text keys defined twice: {', '.join(sorted(twice))}")
        merged.update(part)
    return merged


TEXTS = _merged(
    figures.TEXTS,
    page.TEXTS,
    charts.TEXTS,
    files.TEXTS,
    deck.TEXTS,
    selection.TEXTS,
    compare.TEXTS,
    picking.TEXTS,
    changes.TEXTS,
    share.TEXTS,
    scan.TEXTS,
    calls.TEXTS,
    problems.TEXTS,
    cell_problems.TEXTS,
    rule_problems.TEXTS,
)


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for a key; a missing key, or a language the key has no text in, is a programming
    error and raises KeyError (no other language stands in). For an entry
    with plural forms, `n` (an int) picks the form and is written in the language's digits."""
    text, filled = pick(TEXTS[key][lang], lang, values)
    return text.format(**filled) if filled else text
