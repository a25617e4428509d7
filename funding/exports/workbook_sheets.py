"""The workbook's other sheets: totals per kind (as ranges, never across kinds), disagreements
between documents, the sources, and what the export is (selection, the same view elsewhere,
version, citation, licence)."""

from __future__ import annotations

import shlex
from collections.abc import Mapping, Sequence
from datetime import date

from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from funding.exports.citations import citations
from funding.exports.reproduce import filter_arguments, iso_today, query_string
from funding.exports.workbook_cells import HEADER_FONT, TOP, WRAP, amount_cell, header_row, link, put
from funding.exports.workbook_columns import Context
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, QUALIFIER, STATUS, Lang
from funding.intake.records import Instrument
from funding.registry.citation import citation, licence
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.disagreements import Disagreements
from funding.registry.documents import Document
from funding.selecting.figures import Figure, KindFigures, exact_text, figures
from funding.selecting.formatting import format_eur
from funding.selecting.selection import ORIGIN_LABELS, Filters, describe
from funding.selecting.totals import origin_split

Line = list[str | float | int | None]
TOTAL_COLUMNS = (
    "tot_kind",
    "tot_what",
    "tot_written",
    "tot_low",
    "tot_high",
    "tot_qualifier",
    "tot_counted",
    "tot_with",
    "tot_without",
    "tot_range_rows",
)
# About 185 characters: one A4 page wide, landscape, at a scale that still reads on paper.
TOTAL_WIDTHS = (20, 30, 18, 15, 15, 12, 11, 11, 11, 44)


def _figure_line(dataset: Dataset, figure: Figure, lang: Lang, counts: Sequence[int | None] = ()) -> Line:
    """A figure of `funding.selecting.figures` with every digit: written, low, high and what makes a range."""
    bounds = figure.bounds
    names = "; ".join(dataset.by_id[i].name(lang) for i in bounds.uncertain if i in dataset.by_id)
    # Parts of a whole outside the selection are listed, never summed into a new figure.
    ends: list[float | None] = (
        [None, None] if bounds.empty or figure.parts_only else [bounds.low, bounds.high]
    )
    return [
        AMOUNT_KIND.label(figure.kind, lang),
        figure.label,
        figure.exact,
        *ends,
        None if bounds.empty else QUALIFIER.label(bounds.qualifier, lang),
        *(list(counts) or [None, None, None]),
        names or None,
    ]


def _kind_lines(
    dataset: Dataset, selection: Sequence[Instrument], group: KindFigures, lang: Lang
) -> list[Line]:
    """Battery money, (for public funding) its origins, wider envelopes, then all counted once."""
    total = group.total
    counts = [total.counted, total.with_amount, total.without_amount]
    label = AMOUNT_KIND.label(group.kind, lang)
    if not total.with_amount:
        none = t("none_stated" if total.without_amount else "none_in_selection", lang)
        return [[label, t("tot_all", lang), none, None, None, None, *counts, None]]
    if not group.summable:
        written = t("targets_stated", lang, n=total.with_amount)
        return [[label, t("tot_not_summed", lang), written, None, None, None, None, *counts[1:], None]]
    scoped = group.by_scope
    lines = [_figure_line(dataset, scoped["battery"], lang)]
    if group.kind == "public":
        for origin, bounds in origin_split(dataset, selection).items():
            name = ORIGIN_LABELS.label(origin, lang)  # lower-cased at its first letter only: "MFF" stays
            what = t("tot_by_origin", lang, origin=name[:1].lower() + name[1:])
            ends = [bounds.low, bounds.high]
            qualifier = QUALIFIER.label(bounds.qualifier, lang)
            lines.append([label, what, exact_text(bounds, lang), *ends, qualifier, None, None, None, None])
    lines.append(_figure_line(dataset, scoped["wider"], lang))
    lines.append(_figure_line(dataset, scoped["all"], lang, counts))
    return lines


def totals_sheet(
    sheet: Worksheet, dataset: Dataset, selection: Sequence[Instrument], filters: Filters, lang: Lang
) -> None:
    put(sheet, 1, 1, t("totals_title", lang)).font = Font(name="Calibri", bold=True, size=14)
    for row, key in enumerate(("explain_net", "explain_scope", "explain_range"), start=2):
        cell = put(sheet, row, 1, t(key, lang))
        cell.alignment = WRAP
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=len(TOTAL_COLUMNS))
    found = figures(dataset, selection, filters, lang)
    put(sheet, 5, 1, t("selection", lang, text=found.selection)).font = HEADER_FONT
    header_row(sheet, 6, [t(k, lang) for k in TOTAL_COLUMNS])
    row = 7
    for group in found.kinds.values():
        for line in _kind_lines(dataset, selection, group, lang):
            for column, value in enumerate(line, start=1):
                cell = put(sheet, row, column, value)
                if column in (4, 5):
                    amount_cell(cell, "amount")
                else:
                    cell.alignment = WRAP
            row += 1
    for index, width in enumerate(TOTAL_WIDTHS):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    sheet.freeze_panes = "A7"


_ABOUT_COLUMN = {
    "amount_eur": "x_amount",
    "amount_qualifier": "x_qualifier",
    "amount_kind": "x_kind",
    "status": "x_status",
    "period_start": "x_period_start",
    "period_end": "x_period_end",
    "beneficiary_types": "x_beneficiaries",
    "name_nl": "x_name",
    "scope": "what_scope",
}


def _recorded(record: Instrument, column: str, lang: Lang) -> str | None:
    if column == "amount_eur":
        return format_eur(record.amount_eur, lang, record.amount_qualifier)
    if column == "amount_qualifier" and record.amount_qualifier:
        return QUALIFIER.label(record.amount_qualifier, lang)
    if column == "amount_kind":
        return AMOUNT_KIND.label(record.amount_kind, lang)
    if column == "status" and record.status:
        return STATUS.label(record.status, lang)
    value = getattr(record, column, None)
    return None if value is None or isinstance(value, tuple | bool) else str(value)


def disagreements_sheet(sheet: Worksheet, selection: Sequence[Instrument], context: Context) -> None:
    lang = context.lang
    names = (
        "x_id",
        "x_name",
        "dis_about",
        "dis_recorded",
        "dis_document",
        "dis_where",
        "dis_quote",
        "dis_amount",
        "dis_summary",
    )
    header_row(sheet, 1, [t(n, lang) for n in names])
    row = 2
    for record in selection:
        for item in context.disagreements.of(record.id):
            document = context.documents.get(item.other_document)
            other = (
                None
                if item.other_amount_eur is None
                else format_eur(item.other_amount_eur, lang, item.other_qualifier)
            )
            about = _ABOUT_COLUMN.get(item.column)
            values = (
                record.id,
                record.name(lang),
                t(about, lang) if about else item.column,
                _recorded(record, item.column, lang),
                document.title(lang) if document else item.other_document,
                item.other_locator,
                item.other_quote,
                other,
                item.summary(lang),
            )
            for column, value in enumerate(values, start=1):
                put(sheet, row, column, value).alignment = WRAP
            row += 1
    if row == 2:
        put(sheet, 2, 1, t("no_disagreements", lang))
    for letter, width in zip("ABCDEFGHI", (30, 40, 18, 22, 36, 30, 60, 22, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C2"


def sources_sheet(
    sheet: Worksheet,
    selection: Sequence[Instrument],
    documents: Mapping[str, Document],
    lang: Lang,
    disagreements: Disagreements | None = None,
) -> None:
    names = ("src_id", "src_title", "src_publisher", "src_issued", "src_url", "src_count", "src_rows")
    header_row(sheet, 1, ["#", *(t(n, lang) for n in names)])
    for row, cited in enumerate(citations(selection, documents, disagreements), start=2):
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
            put(sheet, row, column, value).alignment = WRAP
        link(sheet.cell(row=row, column=6), document.url if document else None)
    for letter, width in zip("ABCDEFGH", (6, 26, 60, 36, 12, 30, 14, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"


def about_sheet(
    sheet: Worksheet,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    info: DatasetInfo,
    today: date | None,
    upload_name: str | None,
    dataset: Dataset,
) -> None:
    put(sheet, 1, 1, t("about_title", lang)).font = Font(name="Calibri", bold=True, size=14)
    arguments = filter_arguments(filters, lang) + ([] if upload_name is None else ["--data", upload_name])
    uploaded = upload_name is not None
    facts: list[tuple[str, str | int]] = [
        (t("about_selection", lang), describe(filters, lang, dataset)),
        (t("about_parameters", lang), f"{info.url or ''}?{query_string(filters, lang)}"),
        (t("about_command", lang), shlex.join(["python", "-m", "funding", "export", "OUT.xlsx", *arguments])),
        (t("about_rows", lang), len(selection)),
        (
            t("about_dataset", lang),
            t("about_upload", lang, name=upload_name) if uploaded else info.title_in(lang),
        ),
        (t("about_version", lang), info.version),
        (t("about_date", lang), info.date),
        (t("about_exported", lang), iso_today(today)),
        (
            t("about_cite", lang),
            t("source_upload", lang, name=upload_name) if uploaded else citation(info, lang),
        ),
        (t("about_licence", lang), licence(lang)),
        (t("about_sheets", lang), t("about_sheets_text", lang)),
    ]
    for row, (label, value) in enumerate(facts, start=3):
        cell = put(sheet, row, 1, label)
        cell.font = HEADER_FONT
        cell.alignment = TOP
        put(sheet, row, 2, value).alignment = WRAP
    sheet.column_dimensions["A"].width = 38
    sheet.column_dimensions["B"].width = 110
