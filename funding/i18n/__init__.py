"""The one text catalogue: every UI, chart, export and CLI-facing text in English and Dutch.

Vocabulary labels live in funding.vocab; this holds the rest, in data modules by where a text
appears (figures, page, charts, files, selection), merged behind one `t()`. A key exists once:
the page, the deck and the spreadsheet say the same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Mapping

from funding.i18n import changes, charts, figures, files, page, selection
from funding.vocab import Lang


def _merged(*parts: Mapping[str, dict[Lang, str]]) -> dict[str, dict[Lang, str]]:
    merged: dict[str, dict[Lang, str]] = {}
    for part in parts:
        twice = set(merged) & set(part)
        if twice:
            raise ValueError(f"text keys defined twice: {', '.join(sorted(twice))}")
        merged.update(part)
    return merged


TEXTS = _merged(figures.TEXTS, page.TEXTS, charts.TEXTS, files.TEXTS, selection.TEXTS, changes.TEXTS)


def t(key: str, lang: Lang, **values: object) -> str:
    """The text for a key; a missing key is a programming error and raises KeyError."""
    text = TEXTS[key][lang]
    return text.format(**values) if values else text
