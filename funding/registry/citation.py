"""How to cite the dataset: title, version, date and a link, in the reader's language.

One text for the page's share-and-cite control, the deck's sources slide and the spreadsheet's
About sheet. It names what a recipient can find (the dataset's title and version, and a link when
there is one), never a file inside the repository.
"""

from __future__ import annotations

from datetime import date

from babel.dates import format_date

from funding.i18n import t
from funding.i18n.languages import language
from funding.i18n.vocab import Lang
from funding.registry.dataset_info import DatasetInfo


def long_date(iso: str, lang: Lang) -> str:
    """ "2026-12-01" as "1 December 2026" / "1 december 2026"; anything else as written."""
    try:
        day = date.fromisoformat(iso)
    except ValueError:
        return iso
    return str(format_date(day, format="long", locale=language(lang).babel_locale))


def citation(info: DatasetInfo, lang: Lang, *, link: str | None = None) -> str:
    """EN "EU and Dutch public funding for batteries, dataset version 1.1.0 (1 December 2026).
    https://…"; the link is the view's own (the page's share link) or the dataset's `url`."""
    text = t(
        "citation",
        lang,
        title=info.title_in(lang),
        version=info.version,
        date=long_date(info.date, lang),
    )
    where = link or info.url
    return f"{text} {where}" if where else text


def licence(lang: Lang) -> str:
    """The reuse terms in the reader's words (the codebook's licence note, data/README.md)."""
    return t("licence_text", lang)
