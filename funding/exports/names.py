"""File names that say what a download holds, in the reader's language: the page's download
buttons and the command line name files with this one function.

"batterijfinanciering-nederland-lening-2026-12-01.pptx" tells a recipient what the selection is
before they open it; the names use only lowercase ASCII letters, digits and hyphens, so they
survive every mail client and file system.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.selecting.selection import CODE_FIELDS, Filters

MAX_SELECTION = 60  # characters of the name that describe the selection


def slug(text: str) -> str:
    """ "Loan (incl. zero-interest)" -> "loan": words without accents, brackets dropped."""
    text = re.sub(r"\([^)]*\)", " ", text)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def selection_words(filters: Filters, lang: Lang) -> str:
    """The filters as a short slug ("netherlands-loan"), "all" / "alles" without any; a comparison
    says so first ("comparison-netherlands"), not its ids."""
    words: list[str] = [slug(t("file_comparison", lang))] if filters.compare else []
    for field in (f for f in CODE_FIELDS if f.listed):
        words += [slug(field.label(v, lang, filters.framework)) for v in getattr(filters, field.name)]
    if filters.year_from is not None or filters.year_to is not None:
        words.append(f"{filters.year_from or ''}-{filters.year_to or ''}".strip("-"))
    if filters.battery_only:
        words.append(slug(t("file_battery_only", lang)))
    if filters.q:
        words.append(slug(t("file_search", lang, q=filters.q)))
    text = "-".join(w for w in words if w) or slug(t("file_all", lang))
    if len(text) > MAX_SELECTION:
        text = text[:MAX_SELECTION].rsplit("-", 1)[0]
    return text


def export_file_name(
    filters: Filters,
    fmt: str,
    lang: Lang,
    *,
    uploaded: bool = False,
    schema: bool = False,
    today: date | None = None,
) -> str:
    """ "battery-funding-netherlands-2026-12-01.xlsx"; an upload says so, and a CSV in the
    dataset's own format ends in "-dataset-format" / "-datasetformaat"."""
    parts = [t("file_stem", lang)]
    if uploaded:
        parts.append(t("file_upload", lang))
    parts.append(selection_words(filters, lang))
    if schema:
        parts.append(t("file_schema", lang))
    parts.append((today or date.today()).isoformat())
    return f"{'-'.join(parts)}.{fmt}"
