"""What goes on the deck's slides: native bar charts, speaker notes, the instruments table's
rows and their pagination, and the sources' entries."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from funding.breakdowns import envelopes
from funding.dataset import Dataset
from funding.exports.common import Citation, clean_text
from funding.exports.figures import PART_MARK, Bar, ChartSpec
from funding.formatting import format_bounds, format_eur, format_eur_full, with_qualifier
from funding.i18n import t
from funding.records import Instrument
from funding.totals import KindTotal, counted_ids
from funding.vocab import AMOUNT_KIND, STATUS, Lang

GREY = RGBColor(0x59, 0x59, 0x59)  # type: ignore[no-untyped-call]
LANGUAGE = {"en": MSO_LANGUAGE_ID.ENGLISH_UK, "nl": MSO_LANGUAGE_ID.DUTCH}


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class Row:
    instrument: str
    kind: str
    amount: str
    status: str
    document: str


def bar_chart(
    slide: Any, box: Box, items: Sequence[Bar], spec: ChartSpec, top_value: float, lang: Lang
) -> None:
    """A native clustered bar chart: one series in euros, labels carry the qualifier, parts lighter."""
    data = CategoryChartData(number_format="#,##0")  # type: ignore[no-untyped-call]
    data.categories = [b.label for b in items]
    data.add_series(  # type: ignore[no-untyped-call]
        AMOUNT_KIND.label(spec.kind, lang) + " (EUR)", [b.amount for b in items]
    )
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, box.left, box.top, box.width, box.height, data
    )
    chart = frame.chart
    chart.has_legend = False
    chart.has_title = False
    chart.font.size = Pt(12)
    plot = chart.plots[0]
    plot.gap_width = 50
    plot.vary_by_categories = False
    category_axis = chart.category_axis
    category_axis.reverse_order = True  # first bar on top, as read
    category_axis.has_major_gridlines = False
    category_axis.format.line.fill.background()
    value_axis = chart.value_axis
    value_axis.visible = False  # the labels carry the amounts, in the deck's language
    value_axis.has_major_gridlines = False
    value_axis.minimum_scale = 0
    # Room after the longest bar for its label ("EUR 3 bn · not battery-specific").
    longest = max((len(b.text) for b in items), default=10)
    value_axis.maximum_scale = top_value * (1.2 + 0.015 * longest) if top_value > 0 else 1
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    plot.has_data_labels = True
    for index, bar in enumerate(items):
        point = series.points[index]
        if bar.part:
            point.format.fill.solid()
            point.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            point.format.fill.fore_color.brightness = 0.55
        label = point.data_label
        label.has_text_frame = True
        label.text_frame.text = clean_text(bar.text)
        label.text_frame.word_wrap = False  # "up to EUR 6.1 bn" on one line, not three
        label.position = XL_LABEL_POSITION.OUTSIDE_END
        label.font.size = Pt(12)


def speaker_notes(spec: ChartSpec, cited: Sequence[Citation], lang: Lang) -> str:
    """Every figure behind the chart with its document, locator and verbatim quote."""
    number = {c.id: c.reference() for c in cited}
    lines = [spec.title, ""]
    for record in spec.records:
        ref = number.get(record.source_document or "", "")
        amount = format_eur(record.amount_eur, lang, record.amount_qualifier)
        lines.append(
            f"{record.name(lang)}: {amount}. {ref} {record.source_locator or ''}: “{record.source_quote or ''}”"
        )
    return "\n".join(lines)


def table_rows(
    dataset: Dataset, selection: Sequence[Instrument], cited: Sequence[Citation], lang: Lang
) -> list[Row]:
    """Per figure kind: instruments with amounts (each whole followed by its parts), then those without."""
    counted = counted_ids(dataset, selection)
    number = {c.id: c.reference() for c in cited}
    by_id = {r.id: r for r in selection}
    ordered: list[Instrument] = []
    for kind in AMOUNT_KIND.codes:
        table = envelopes(dataset, selection, kind, lang)
        ordered += [by_id[i] for i in table["id"]]
        ordered += [r for r in selection if r.amount_kind == kind and r.amount_eur is None]
    ordered += [r for r in selection if r.amount_kind not in AMOUNT_KIND.codes]
    rows: list[Row] = []
    for record in ordered:
        part = record.amount_eur is not None and record.id not in counted
        amount = (
            with_qualifier(format_eur_full(record.amount_eur, lang), record.amount_qualifier, lang)
            if record.amount_eur is not None
            else t("not_stated", lang)
        )
        locator = record.source_locator or ""
        document = f"{number.get(record.source_document or '', '')} {locator}".strip()
        rows.append(
            Row(
                instrument=(PART_MARK if part else "") + record.name(lang),
                kind=AMOUNT_KIND.label(record.amount_kind, lang),
                amount=amount,
                status=STATUS.label(record.status, lang) if record.status else "—",
                document=document or "—",
            )
        )
    return rows


CHARS_PER_INCH = 15  # 10 pt Calibri measured about 17 per inch; a margin for wide letters
LINE = Inches(0.175)
HEADER_ROW: int = Inches(0.4)


def row_height(row: Row, fractions: Sequence[float], width_in: float) -> int:
    """Estimated height of a table row: its longest cell wrapped at the column's width."""
    values = (row.instrument, row.kind, row.amount, row.status, row.document)
    lines = max(
        math.ceil(len(value) / max(1.0, (fraction * width_in - 0.2) * CHARS_PER_INCH))
        for value, fraction in zip(values, fractions, strict=True)
    )
    return int(Inches(0.1) + LINE * max(1, lines))


def paginate(heights: Sequence[int], available: int) -> list[list[int]]:
    """Indexes of the items on each page, filling pages in order up to the available height."""
    pages: list[list[int]] = [[]]
    used = 0
    for index, height in enumerate(heights):
        if pages[-1] and used + height > available:
            pages.append([])
            used = 0
        pages[-1].append(index)
        used += height
    return pages


def cell(
    cell: Any, text: str, size: float, *, lang: Lang, bold: bool = False, align: PP_ALIGN = PP_ALIGN.LEFT
) -> None:
    frame = cell.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = clean_text(text)
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.language_id = LANGUAGE[lang]
    cell.margin_top = cell.margin_bottom = Inches(0.03)


def source_entry(cited: Citation, lang: Lang) -> str:
    document = cited.document
    if document is None:
        text = f"{cited.id} {t('unregistered', lang)}"
    else:
        text = document.citation(lang) + (f". {document.url}" if document.url else "")
    return f"{cited.reference()} {text} ({t('cited_by', lang, n=len(cited.rows))})"


@dataclass(frozen=True)
class KindLine:
    """One other figure kind on the headline slide: its label, its total, and how it was counted."""

    label: str
    value: str
    counts: str
    stated: bool  # some row states an amount of this kind
    large: bool  # a total (targets are counted, never summed, and shown smaller)


@dataclass(frozen=True)
class HeadlineTexts:
    """What the headline slide says, in its order: battery money first, wider envelopes apart,
    then all public funding and the counts; the other kinds beside it, never added."""

    lead_label: str
    lead: str
    wider: str  # "" when the selection states no public amount
    details: tuple[str, ...]
    kinds: tuple[KindLine, ...]


def headline_texts(
    totals: Mapping[str, KindTotal], count: int, dataset: Dataset, lang: Lang
) -> HeadlineTexts:
    public = totals["public"]
    none = t("none_in_selection", lang)
    lead = format_bounds(public.battery, lang) if not public.battery.empty else none
    wider = ""
    details: list[str] = []
    if public.with_amount:
        wider_total = format_bounds(public.wider, lang) if not public.wider.empty else none
        wider = f"{t('wider_public', lang)}: {wider_total}"
        details += [
            f"{t('net_public', lang)}: {format_bounds(public.net, lang)}",
            f"{t('gross_public', lang)}: {format_eur(public.gross, lang, public.gross_qualifier)}",
            t("counted_rows", lang, counted=public.counted, with_amount=public.with_amount),
        ]
        if public.net.is_range:
            names = "; ".join(dataset.by_id[i].name(lang) for i in public.net.uncertain)
            details.append(t("range_help", lang, names=names))
    with_amount = sum(total.with_amount for total in totals.values())
    details.append(t("counts", lang, n=count, with_amount=with_amount, without=count - with_amount))
    if count == 0:
        details.append(t("empty_selection", lang))
    kinds = tuple(_kind_line(kind, total, lang) for kind, total in totals.items() if kind != "public")
    return HeadlineTexts(t("battery_public", lang), lead, wider, tuple(details), kinds)


def _kind_line(kind: str, total: KindTotal, lang: Lang) -> KindLine:
    if not total.with_amount:
        value = t("none_in_selection", lang)
    elif total.summable:
        value = format_bounds(total.net, lang)
    else:  # targets may overlap: counted, never summed
        value = t("targets_value", lang, n=total.with_amount)
    if not total.summable and total.with_amount:
        counts = t("not_summed_why", lang)
    elif total.with_amount or total.without_amount:
        counts = t("kind_rows", lang, counted=total.counted, without=total.without_amount)
    else:
        counts = ""
    stated = bool(total.with_amount)
    return KindLine(AMOUNT_KIND.label(kind, lang), value, counts, stated, stated and total.summable)
