"""CSV and XLSX downloads of exactly the selected rows, with their provenance and no live formulas.

Both carry every CSV column plus the cited document's title. Text that a spreadsheet would
execute (starting with =, +, -, @, tab or CR) is neutralised in text columns only, so amounts
stay numbers: in CSV with a leading apostrophe, in XLSX by storing the cell as a string with
Excel's own "quote prefix" style, which keeps the text exactly as curated.
"""

from __future__ import annotations

import csv
import io
import shlex
from collections.abc import Mapping, Sequence
from datetime import date

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo
from funding.documents import Document
from funding.exports.common import (
    EXPORT_COLUMNS,
    NUMERIC_COLUMNS,
    citations,
    clean_text,
    export_rows,
    filter_arguments,
    is_formula_like,
    iso_today,
    neutralise,
    query_string,
)
from funding.i18n import t
from funding.markdown import plain_text
from funding.records import Instrument
from funding.selection import Filters, describe
from funding.totals import totals_by_kind
from funding.vocab import AMOUNT_KIND, QUALIFIER, Lang

EURO_FORMAT = '"€" #,##0.00'
_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
_MAX_WIDTH = 60


def export_csv(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    documents: Mapping[str, Document],
    info: DatasetInfo,
    *,
    delimiter: str | None = None,
) -> bytes:
    """The selected rows as CSV, UTF-8 with BOM so Excel detects the encoding.

    The separator follows the language unless given: "," with a decimal point for English,
    ";" with a decimal comma for Dutch, which is what Excel in each locale opens as columns
    (and what `funding.loading` reads). `filters` and `info` are unused: the CSV is only rows.
    """
    delimiter = delimiter or ("," if lang == "en" else ";")
    decimal_comma = delimiter == ";"
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    for cells in export_rows(dataset, selection, documents, lang):
        writer.writerow([_csv_cell(cells[c], decimal_comma) for c in EXPORT_COLUMNS])
    return b"\xef\xbb\xbf" + out.getvalue().encode("utf-8")


def _csv_cell(value: str | float | None, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        text = plain_number(value)
        return text.replace(".", ",") if decimal_comma else text
    return neutralise(plain_text(value))


def plain_number(value: float) -> str:
    """Digits only, to the cent, no exponent and no thousands separator: 1500000000, 7.6."""
    text = f"{value:.2f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


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
) -> bytes:
    """A workbook with the data, the cited sources, and what was exported (About, with totals).

    `upload_name`: the file name when the data is an upload, so the workbook never passes it
    off as the curated dataset."""
    workbook = Workbook()
    data = workbook.active
    assert data is not None
    data.title = t("sheet_data", lang)
    _data_sheet(data, dataset, selection, documents, lang)
    _sources_sheet(workbook.create_sheet(t("sheet_sources", lang)), selection, documents, lang)
    _about_sheet(
        workbook.create_sheet(t("sheet_about", lang)),
        dataset,
        selection,
        filters,
        lang,
        info,
        today,
        upload_name,
    )
    workbook.properties.title = clean_text(f"{info.title_in(lang)} — {describe(filters, lang)}")[:250]
    workbook.properties.creator = info.title
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _put(sheet: Worksheet, row: int, column: int, value: str | float | int | None) -> Cell:
    """Write a cell; text is always stored as a string, never as a formula."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would otherwise store "=..." as a live formula
        if is_formula_like(text):
            cell.quotePrefix = True  # what Excel does when a user types '=...
    else:
        cell.value = value
    return cell


def _header(sheet: Worksheet, row: int, names: Sequence[str]) -> None:
    for column, name in enumerate(names, start=1):
        cell = _put(sheet, row, column, name)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL


def _link(cell: Cell, url: str | None) -> None:
    if url and url.startswith(("https://", "http://")):
        cell.hyperlink = url
        cell.style = "Hyperlink"


def _data_sheet(
    sheet: Worksheet,
    dataset: Dataset,
    selection: Sequence[Instrument],
    documents: Mapping[str, Document],
    lang: Lang,
) -> None:
    _header(sheet, 1, EXPORT_COLUMNS)
    url_column = EXPORT_COLUMNS.index("source_url") + 1
    for row, cells in enumerate(export_rows(dataset, selection, documents, lang), start=2):
        for column, name in enumerate(EXPORT_COLUMNS, start=1):
            cell = _put(sheet, row, column, cells[name])
            if name in NUMERIC_COLUMNS:
                cell.number_format = EURO_FORMAT
        _link(sheet.cell(row=row, column=url_column), _str(cells["source_url"]))
    sheet.freeze_panes = "B2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(EXPORT_COLUMNS))}{max(1, len(selection) + 1)}"
    _fit_columns(sheet, minimum={EXPORT_COLUMNS.index("amount_eur") + 1: 18})


def _str(value: str | float | None) -> str | None:
    return value if isinstance(value, str) else None


def _sources_sheet(
    sheet: Worksheet, selection: Sequence[Instrument], documents: Mapping[str, Document], lang: Lang
) -> None:
    _header(
        sheet,
        1,
        [
            "#",
            t("src_id", lang),
            t("src_title", lang),
            t("src_publisher", lang),
            t("src_issued", lang),
            t("src_url", lang),
            t("src_count", lang),
            t("src_rows", lang),
        ],
    )
    for row, cited in enumerate(citations(selection, documents), start=2):
        document = cited.document
        values: list[str | int | None] = [
            cited.reference(),
            cited.id,
            document.title(lang) if document else t("unregistered", lang),
            document.publisher if document else None,
            document.issued if document else None,
            document.url if document else None,
            len(cited.rows),
            ", ".join(cited.rows),
        ]
        for column, value in enumerate(values, start=1):
            _put(sheet, row, column, value)
        _link(sheet.cell(row=row, column=6), document.url if document else None)
    sheet.freeze_panes = "A2"
    _fit_columns(sheet)


def _about_sheet(
    sheet: Worksheet,
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    info: DatasetInfo,
    today: date | None,
    upload_name: str | None,
) -> None:
    title = _put(sheet, 1, 1, t("about_title", lang))
    title.font = Font(bold=True, size=14)
    arguments = filter_arguments(filters)
    facts: list[tuple[str, str | int]] = [
        (t("about_selection", lang), describe(filters, lang)),
        (t("about_parameters", lang), query_string(filters) or "—"),
        ("python -m funding export", shlex.join(["OUT", *arguments])),
        (t("about_rows", lang), len(selection)),
        (
            t("about_dataset", lang),
            info.title_in(lang) if upload_name is None else t("about_upload", lang, name=upload_name),
        ),
        (t("about_version", lang), info.version),
        (t("about_date", lang), info.date),
        (t("about_exported", lang), iso_today(today)),
        (t("about_cite", lang), info.citation),
        (t("about_licence", lang), info.licence),
        (t("about_columns", lang), t("about_columns_text", lang)),
    ]
    row = 3
    for label, value in facts:
        _put(sheet, row, 1, label).font = _HEADER_FONT
        cell = _put(sheet, row, 2, value)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=11)
        row += 1
    row += 1
    _put(sheet, row, 1, t("totals_title", lang)).font = Font(bold=True, size=12)
    row += 1
    _header(
        sheet,
        row,
        [
            t("tot_kind", lang),
            t("tot_battery_low", lang),
            t("tot_battery_high", lang),
            t("tot_wider_low", lang),
            t("tot_wider_high", lang),
            t("tot_net_low", lang),
            t("tot_net_high", lang),
            t("tot_qualifier", lang),
            t("tot_gross", lang),
            t("tot_gross_qualifier", lang),
            t("tot_counted", lang),
            t("tot_with", lang),
            t("tot_without", lang),
            t("tot_range_rows", lang),
        ],
    )
    for kind, total in totals_by_kind(dataset, selection).items():
        row += 1
        # No sum where there is no amount (not a misleading zero) or where sums are not allowed.
        sums = total.with_amount > 0 and total.summable
        if sums:
            qualifier = QUALIFIER.label(total.net.qualifier, lang)
        elif total.with_amount:
            qualifier = t("tot_not_summed", lang)
        else:
            qualifier = t("none_in_selection", lang)
        ranged = [dataset.by_id[i].name(lang) for i in total.net.uncertain]
        cells: list[str | float | int | None] = [
            AMOUNT_KIND.label(kind, lang),
            *[
                end
                for b in (total.battery, total.wider, total.net)
                for end in ((b.low, b.high) if sums and not b.empty else (None, None))
            ],
            qualifier,
            total.gross if sums else None,
            QUALIFIER.label(total.gross_qualifier, lang) if sums else None,
            total.counted,
            total.with_amount,
            total.without_amount,
            "; ".join(ranged) if sums else None,
        ]
        for column, item in enumerate(cells, start=1):
            cell = _put(sheet, row, column, item)
            if column in (2, 3, 4, 5, 6, 7, 9):
                cell.number_format = EURO_FORMAT
    row += 2
    _put(sheet, row, 1, t("kept_apart", lang))
    sheet.column_dimensions["A"].width = 38
    for letter in "BCDEFGHIJKLMN":
        sheet.column_dimensions[letter].width = 20


def _fit_columns(sheet: Worksheet, minimum: Mapping[int, int] | None = None) -> None:
    """Widths from the longest value (capped), so a 2,000-character quote does not push everything away."""
    widths: dict[int, int] = dict(minimum or {})
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is not None:
                length = len(str(cell.value)) + 2
                widths[cell.column] = min(_MAX_WIDTH, max(widths.get(cell.column, 8), length))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = width
