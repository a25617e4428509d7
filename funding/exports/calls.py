"""The calls tied to a selection's rows, as the workbook's Calls sheet and the deck's closing list:
name, dates as the documents state them, who may apply, and the source (no line numbers)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from openpyxl.worksheet.worksheet import Worksheet

from funding.exports.workbook_cells import WRAP, header_row, put
from funding.i18n import t
from funding.i18n.vocab import BENEFICIARY, Lang
from funding.registry.calls import Call, dates_text
from funding.registry.documents import Document
from funding.registry.locators import section

COLUMNS = ("call_col_name", "call_col_dates", "call_col_for", "call_col_source", "call_col_quote")
WIDTHS = (44, 34, 30, 50, 70)


def _cells(call: Call, documents: Mapping[str, Document], lang: Lang) -> tuple[str, ...]:
    document = documents.get(call.source_document)
    cited = document.citation(lang) if document else call.source_document
    groups = ", ".join(BENEFICIARY.label(b, lang) for b in call.beneficiary_types)
    where = ", ".join(x for x in (cited, section(call.source_locator, lang)) if x)
    return (call.name(lang), dates_text(call, lang), groups, where, call.source_quote)


def calls_sheet(
    sheet: Worksheet, calls: Sequence[Call], documents: Mapping[str, Document], lang: Lang
) -> None:
    header_row(sheet, 1, [t(key, lang) for key in COLUMNS])
    for row, call in enumerate(calls, start=2):
        for column, value in enumerate(_cells(call, documents, lang), start=1):
            put(sheet, row, column, value).alignment = WRAP
    for letter, width in zip("ABCDE", WIDTHS, strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def call_lines(calls: Sequence[Call], documents: Mapping[str, Document], lang: Lang) -> list[tuple[str, str]]:
    """(heading, detail) per call for a slide: the name, then dates, who may apply and the source."""
    lines = []
    for call in calls:
        name, dates, groups, where, _ = _cells(call, documents, lang)
        detail = " · ".join(
            x for x in (dates, t("call_for", lang, groups=groups) if groups else "", where) if x
        )
        lines.append((name, detail))
    return lines
