"""The XLSX download: a workbook an adviser can use without reformatting it.

Sheets: Totals first (per kind, each euro counted once, as ranges, with the battery figure by
origin), so the right answer is the first thing seen; Figures (one line per entry, under a
warning not to add up its amount columns, the columns a reader needs first and the only ones
printed, codes and ids after them, euro formats without cents from a million up, long text
wrapped); Disagreements; Sources; About (selection, the same view's URL parameters and command,
version, citation, licence). Every label is in the export's language.

Text is stored as text, never as a formula: a cell that a spreadsheet would execute keeps
Excel's own quote prefix, which keeps the text exactly as written.
"""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from funding.exports.calls import calls_sheet
from funding.exports.workbook_cells import TOP, WRAP, amount_cell, header_row, link, put, warning
from funding.exports.workbook_columns import COLUMNS, PRINTED, Context, cells, header
from funding.exports.workbook_print import print_setup
from funding.exports.workbook_sheets import about_sheet, disagreements_sheet, sources_sheet, totals_sheet
from funding.exports.xml_text import clean_text
from funding.i18n import t
from funding.i18n.languages import language
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.calls import Call
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.documents import Document
from funding.selecting.selection import Filters, describe
from funding.selecting.totals import counted_ids


def export_xlsx(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    documents: Mapping[str, Document],
    info: DatasetInfo,
    *,
    today: date | None = None,
    upload_name: str | None = None,
    calls: Sequence[Call] = (),
) -> bytes:
    """The workbook as bytes. `upload_name`: the file name when the data is an upload, so the
    workbook never passes it off as the published dataset; `calls`: the selection's dated calls,
    a sheet of their own when there are any."""
    workbook = Workbook()
    totals = workbook.active
    assert totals is not None
    totals.title = t("sheet_totals", lang)
    totals_sheet(totals, dataset, selection, filters, lang)
    context = Context(dataset, counted_ids(dataset, selection), documents, dataset.disagreements, lang)
    data_sheet(workbook.create_sheet(t("sheet_data", lang)), selection, context)
    disagreements_sheet(workbook.create_sheet(t("sheet_disagreements", lang)), selection, context)
    if calls:
        calls_sheet(workbook.create_sheet(t("sheet_calls", lang)), calls, documents, lang)
    sources = workbook.create_sheet(t("sheet_sources", lang))
    sources_sheet(sources, selection, documents, lang, dataset.disagreements)
    about_sheet(
        workbook.create_sheet(t("sheet_about", lang)),
        selection,
        filters,
        lang,
        info,
        today,
        upload_name,
        dataset,
    )
    printed_footer(workbook, describe(filters, lang, dataset), info, lang, upload_name)
    properties = workbook.properties
    properties.title = clean_text(f"{info.title_in(lang)} — {describe(filters, lang, dataset)}")[:250]
    properties.creator = properties.lastModifiedBy = info.title_in(lang)
    properties.language = language(lang).tag
    print_setup(workbook)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def printed_footer(
    workbook: Workbook, selection: str, info: DatasetInfo, lang: Lang, upload_name: str | None
) -> None:
    """Every printed page names its selection and source: a page taken alone cannot be misread."""
    source = (
        t("deck_footer", lang, title=info.title_in(lang), version=info.version, date=info.date)
        if upload_name is None
        else t("source_upload", lang, name=clean_text(upload_name))
    )
    for sheet in workbook.worksheets:
        # "&" starts a footer code (&P is the page number): a literal one is written "&&".
        sheet.oddFooter.left.text = clean_text(t("selection", lang, text=selection))[:120].replace("&", "&&")
        sheet.oddFooter.left.size = 8
        sheet.oddFooter.right.text = clean_text(source)[:120].replace("&", "&&") + " &P/&N"
        sheet.oddFooter.right.size = 8


def data_sheet(sheet: Worksheet, selection: Sequence[Instrument], context: Context) -> None:
    lang = context.lang
    warning(sheet, 1, t("xlsx_warning", lang), len(PRINTED))
    header_row(sheet, 2, [header(c, lang) for c in COLUMNS])
    sheet.row_dimensions[2].height = 32
    url_column = next(i for i, c in enumerate(COLUMNS, start=1) if c.header == "x_url")
    for row, record in enumerate(selection, start=3):
        for column, (spec, value) in enumerate(zip(COLUMNS, cells(record, context), strict=True), start=1):
            cell = put(sheet, row, column, value)
            if spec.style in ("amount", "millions"):
                amount_cell(cell, spec.style)
            else:
                cell.alignment = WRAP if spec.style == "wrap" else TOP
        link(sheet.cell(row=row, column=url_column), record.source_url)
    for column, spec in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = spec.width
    sheet.freeze_panes = "B3"
    last = max(2, len(selection) + 2)
    sheet.auto_filter.ref = f"A2:{get_column_letter(len(COLUMNS))}{last}"
    sheet.print_area = f"A1:{get_column_letter(len(PRINTED))}{last}"
