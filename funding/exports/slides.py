"""A 16:9 PowerPoint deck of the current view, every figure with its source.

Slides: title (the selection in words), headline figures (public funding net, gross and overlap;
the other figure kinds beside it, never added), one native chart per chart (editable in
PowerPoint, not a picture), the instruments as a table, and the documents cited. Every slide
but the first carries the dataset's source line; chart slides also name the numbered documents
behind their bars, and their speaker notes give each figure's locator and quote.

With a user template the deck uses its slide layouts and theme (colours, fonts, logo); charts
are coloured with theme colours so they follow the template too. Positions are computed from
the slide size, so a 4:3 template still works.
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from funding.archives import checked_template
from funding.breakdowns import envelopes
from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo
from funding.documents import Document
from funding.errors import UnreadableFile
from funding.exports.common import Citation, citations, clean_text, iso_today, references, source_line
from funding.exports.figures import PART_MARK, Bar, ChartSpec, deck_charts
from funding.exports.texts import tx
from funding.formatting import format_bounds, format_eur, format_eur_full, with_qualifier
from funding.i18n import t
from funding.records import Instrument
from funding.selection import Filters, describe
from funding.totals import KindTotal, counted_ids, totals_by_kind
from funding.vocab import AMOUNT_KIND, STATUS, Lang

WIDE = (Inches(13.333), Inches(7.5))
MAX_BARS = 14  # per chart slide; more continue on the next slide
_MARGIN = Inches(0.5)
_GREY = RGBColor(0x59, 0x59, 0x59)  # type: ignore[no-untyped-call]
_LANGUAGE = {"en": MSO_LANGUAGE_ID.ENGLISH_UK, "nl": MSO_LANGUAGE_ID.DUTCH}
_TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_PRESENTATION_TYPE = b"application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def export_pptx(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    documents: Mapping[str, Document],
    info: DatasetInfo,
    *,
    template: bytes | None = None,
    today: date | None = None,
    upload_name: str | None = None,
) -> bytes:
    """The deck as .pptx bytes; `template` is a .pptx or .potx file's bytes (UnreadableFile if not).

    `upload_name`: the file name when the data is an upload; every slide then says so instead of
    citing the curated dataset."""
    deck = _Deck(template, lang, info, upload_name)
    cited = citations(selection, documents)
    deck.title_slide(describe(filters, lang), iso_today(today))
    deck.headline_slide(totals_by_kind(dataset, selection), len(selection), dataset)
    for spec in deck_charts(dataset, selection, filters, lang):
        deck.chart_slides(spec, cited)
    deck.table_slides(_table_rows(dataset, selection, cited, lang))
    deck.sources_slides(cited)
    deck.number_slides()
    properties = deck.prs.core_properties
    properties.title = tx("deck_title", lang)
    properties.subject = clean_text(describe(filters, lang))[:250]
    properties.author = info.title
    properties.last_modified_by = info.title
    properties.comments = info.citation
    properties.language = "en-GB" if lang == "en" else "nl-NL"
    moment = datetime.combine(today or date.today(), datetime.min.time())
    properties.created = properties.modified = moment
    properties.revision = 1
    buffer = io.BytesIO()
    deck.prs.save(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class _Box:
    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass(frozen=True)
class _Row:
    instrument: str
    kind: str
    amount: str
    status: str
    document: str


class _Deck:
    def __init__(
        self, template: bytes | None, lang: Lang, info: DatasetInfo, upload_name: str | None
    ) -> None:
        self.lang = lang
        self.info = info
        self.upload_name = upload_name
        self.custom = template is not None
        if template is None:
            self.prs = Presentation()
            self.prs.slide_width, self.prs.slide_height = WIDE
        else:
            self.prs = _open_template(template)
        self.width = int(self.prs.slide_width or WIDE[0])
        self.height = int(self.prs.slide_height or WIDE[1])
        layouts = list(self.prs.slide_layouts)
        self.title_layout = _pick_layout(layouts, title_slide=True)
        self.content_layout = _pick_layout(layouts, title_slide=False)
        self.area = self._content_area()

    def _content_area(self) -> _Box:
        """The free area under a content slide's title and above the source line."""
        top: int = Inches(1.35)
        if self.custom:
            for placeholder in self.content_layout.placeholders:
                if placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                    bottom = int(placeholder.top or 0) + int(placeholder.height or 0)
                    top = max(Inches(0.6), bottom + Inches(0.1))
        bottom = self.height - Inches(0.75)
        return _Box(_MARGIN, top, self.width - 2 * _MARGIN, max(Inches(1), bottom - top))

    # -- building blocks ---------------------------------------------------------------------

    def _new_slide(self, title: str) -> tuple[Any, _Box]:
        """A content slide with its title; returns the slide and the free area under the title."""
        slide = self.prs.slides.add_slide(self.content_layout)
        title_shape = slide.shapes.title
        if title_shape is not None:
            if not self.custom:
                title_shape.left, title_shape.top = _MARGIN, Inches(0.35)
                title_shape.width, title_shape.height = self.width - 2 * _MARGIN, Inches(0.85)
            frame = title_shape.text_frame
            frame.text = clean_text(title)
            frame.word_wrap = True
            if self.custom:  # a template's large title font: shrink long titles into their box
                frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
            paragraph = frame.paragraphs[0]
            if not self.custom:
                frame.margin_left = frame.margin_right = 0
                paragraph.alignment = PP_ALIGN.LEFT
                paragraph.font.size = Pt(28)
                paragraph.font.bold = True
            for run in paragraph.runs:
                run.font.language_id = _LANGUAGE[self.lang]
        else:
            self._text(
                slide,
                _Box(_MARGIN, Inches(0.35), self.width - 2 * _MARGIN, Inches(0.85)),
                [title],
                28,
                bold=True,
            )
        _drop_empty_placeholders(slide)
        return slide, self.area

    def _text(
        self,
        slide: Any,
        box: _Box,
        paragraphs: Sequence[str],
        size: float,
        *,
        bold: bool = False,
        color: RGBColor | None = None,
        theme_color: MSO_THEME_COLOR | None = None,
        align: PP_ALIGN = PP_ALIGN.LEFT,
        anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
        space_after: float = 0,
    ) -> None:
        shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = 0
        for index, text in enumerate(paragraphs):
            paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
            paragraph.alignment = align
            if space_after:
                paragraph.space_after = Pt(space_after)
            run = paragraph.add_run()
            run.text = clean_text(text)
            font = run.font
            font.size = Pt(size)
            font.bold = bold
            font.language_id = _LANGUAGE[self.lang]
            if color is not None:
                font.color.rgb = color
            elif theme_color is not None:
                font.color.theme_color = theme_color

    def _footer(self, slide: Any, extra: str = "") -> None:
        line = source_line(self.info, self.lang, self.upload_name)
        box = _Box(_MARGIN, self.height - Inches(0.68), self.width - 2 * _MARGIN - Inches(0.7), Inches(0.5))
        self._text(slide, box, [f"{line} {extra}".strip()], 10, color=_GREY, anchor=MSO_ANCHOR.BOTTOM)

    # -- slides ------------------------------------------------------------------------------

    def title_slide(self, selection: str, today: str) -> None:
        slide = self.prs.slides.add_slide(self.title_layout)
        lang = self.lang
        lines = [
            tx("selection", lang, selection=selection),
            tx("dataset_line", lang, version=self.info.version, date=self.info.date, today=today)
            if self.upload_name is None
            else tx("about_upload", lang, name=self.upload_name).capitalize() + f" · {today}",
        ]
        title = slide.shapes.title
        subtitle = next(
            (
                p
                for p in slide.placeholders
                if p.placeholder_format.type in (PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.BODY)
            ),
            None,
        )
        if title is not None:
            title.text_frame.text = tx("deck_title", lang)
            title.text_frame.word_wrap = True
            if not self.custom:
                title.left, title.top = _MARGIN, Inches(1.6)
                title.width, title.height = self.width - 2 * _MARGIN, Inches(1.6)
                title.text_frame.paragraphs[0].font.size = Pt(40)
                title.text_frame.paragraphs[0].font.bold = True
        else:
            self._text(
                slide,
                _Box(_MARGIN, Inches(1.6), self.width - 2 * _MARGIN, Inches(1.6)),
                [tx("deck_title", lang)],
                40,
                bold=True,
            )
        if subtitle is not None:
            frame = subtitle.text_frame
            frame.word_wrap = True
            frame.text = clean_text(lines[0])
            for line in lines[1:]:
                frame.add_paragraph().text = clean_text(line)
            if not self.custom:
                subtitle.left, subtitle.top = _MARGIN, Inches(3.5)
                subtitle.width, subtitle.height = self.width - 2 * _MARGIN, Inches(2.2)
                for paragraph in frame.paragraphs:
                    paragraph.font.size = Pt(20)
        else:
            box = _Box(_MARGIN, int(self.height * 0.5), self.width - 2 * _MARGIN, Inches(2.0))
            self._text(slide, box, lines, 20)
        _drop_empty_placeholders(slide)
        citation_box = _Box(_MARGIN, self.height - Inches(1.2), self.width - 2 * _MARGIN, Inches(0.8))
        citation = (
            self.info.citation if self.upload_name is None else source_line(self.info, lang, self.upload_name)
        )
        self._text(slide, citation_box, [citation], 11, color=_GREY, anchor=MSO_ANCHOR.BOTTOM)

    def headline_slide(self, totals: Mapping[str, KindTotal], count: int, dataset: Dataset) -> None:
        lang = self.lang
        slide, area = self._new_slide(tx("headline_title", lang))
        public = totals["public"]
        left = _Box(area.left, area.top, int(area.width * 0.5), area.height)
        self._text(
            slide,
            _Box(left.left, left.top, left.width, Inches(0.45)),
            [t("battery_public", lang)],
            18,
            color=_GREY,
        )
        lead = (
            format_bounds(public.battery, lang) if not public.battery.empty else tx("none_in_selection", lang)
        )
        self._text(
            slide,
            _Box(left.left, left.top + Inches(0.45), left.width, Inches(0.9)),
            [lead],
            40,
            bold=True,
            theme_color=MSO_THEME_COLOR.ACCENT_1,
        )
        details: list[str] = []
        if public.with_amount:
            wider = (
                format_bounds(public.wider, lang) if not public.wider.empty else tx("none_in_selection", lang)
            )
            self._text(
                slide,
                _Box(left.left, left.top + Inches(1.35), left.width, Inches(0.5)),
                [f"{t('wider_public', lang)}: {wider}"],
                20,
                bold=True,
            )
            details += [
                f"{t('net_public', lang)}: {format_bounds(public.net, lang)}",
                f"{t('gross_public', lang)}: {format_eur(public.gross, lang, public.gross_qualifier)}",
                tx("counted_rows", lang, counted=public.counted, with_amount=public.with_amount),
            ]
            if public.net.is_range:
                names = "; ".join(dataset.by_id[i].name(lang) for i in public.net.uncertain)
                details.append(t("range_help", lang, names=names))
        with_amount = sum(total.with_amount for total in totals.values())
        details.append(tx("counts", lang, n=count, with_amount=with_amount, without=count - with_amount))
        if count == 0:
            details.append(tx("empty_selection", lang))
        self._text(
            slide,
            _Box(left.left, left.top + Inches(2.0), left.width - Inches(0.3), Inches(3.2)),
            details,
            15,
            space_after=6,
        )
        right = _Box(area.left + int(area.width * 0.54), area.top, int(area.width * 0.46), area.height)
        self._text(
            slide,
            _Box(right.left, right.top, right.width, Inches(0.7)),
            [t("kept_apart", lang)],
            16,
            bold=True,
        )
        top = right.top + Inches(0.8)
        step = min(Inches(1.15), (right.bottom - top) // max(1, len(totals) - 1))
        for kind, total in totals.items():
            if kind == "public":
                continue
            self._text(
                slide,
                _Box(right.left, top, right.width, Inches(0.35)),
                [AMOUNT_KIND.label(kind, lang)],
                14,
                color=_GREY,
            )
            if not total.with_amount:
                value = tx("none_in_selection", lang)
            elif total.summable:
                value = format_bounds(total.net, lang)
            else:  # targets may overlap: counted, never summed
                value = tx("not_summed", lang, n=total.with_amount)
            self._text(
                slide,
                _Box(right.left, top + Inches(0.32), right.width, Inches(0.5)),
                [value],
                24 if total.with_amount and total.summable else 18,
                bold=bool(total.with_amount),
            )
            if not total.summable and total.with_amount:
                counts = tx("not_summed_why", lang)
            elif total.with_amount or total.without_amount:
                counts = tx("kind_rows", lang, counted=total.counted, without=total.without_amount)
            else:
                counts = ""
            if counts:
                self._text(
                    slide,
                    _Box(right.left, top + Inches(0.78), right.width, Inches(0.3)),
                    [counts],
                    11,
                    color=_GREY,
                )
            top += step
        self._footer(slide)

    def chart_slides(self, spec: ChartSpec, cited: Sequence[Citation]) -> None:
        pages = [spec.bars[i : i + MAX_BARS] for i in range(0, len(spec.bars), MAX_BARS)] or [()]
        notes_height = Inches(0.3) * len(spec.notes)
        refs = references(spec.records, cited)
        extra = tx("documents", self.lang, refs=refs) if refs else ""
        top_value = max((bar.amount for bar in spec.bars), default=0.0)
        for number, bars in enumerate(pages):
            title = spec.title + (f" {tx('continued', self.lang)}" if number else "")
            slide, area = self._new_slide(title)
            available = area.height - notes_height
            height = min(available, Inches(0.8) + Inches(0.45) * len(bars))
            if bars:
                _bar_chart(
                    slide, _Box(area.left, area.top, area.width, height), bars, spec, top_value, self.lang
                )
            notes_box = _Box(area.left, area.top + height + Inches(0.1), area.width, notes_height)
            self._text(slide, notes_box, spec.notes, 12, color=_GREY)
            self._footer(slide, extra)
            slide.notes_slide.notes_text_frame.text = clean_text(_speaker_notes(spec, cited, self.lang))

    def table_slides(self, rows: Sequence[_Row]) -> None:
        lang = self.lang
        headers = [tx(f"col_{c}", lang) for c in ("instrument", "kind", "amount", "status", "document")]
        if not rows:
            slide, area = self._new_slide(tx("table_title", lang))
            self._text(slide, area, [tx("empty_selection", lang)], 18)
            self._footer(slide)
            return
        fractions = (0.36, 0.15, 0.17, 0.12, 0.20)
        width_in = self.area.width / Inches(1)
        heights = [_row_height(row, fractions, width_in) for row in rows]
        for number, page in enumerate(_paginate(heights, self.area.height - _HEADER_ROW)):
            title = tx("table_title", lang) + (f" {tx('continued', lang)}" if number else "")
            slide, area = self._new_slide(title)
            height = _HEADER_ROW + sum(heights[i] for i in page)
            shape = slide.shapes.add_table(len(page) + 1, 5, area.left, area.top, area.width, height)
            table = shape.table
            table.rows[0].height = _HEADER_ROW
            for r, i in enumerate(page, start=1):
                table.rows[r].height = heights[i]
            for index, fraction in enumerate(fractions):
                table.columns[index].width = int(area.width * fraction)
            for column, header in enumerate(headers):
                _cell(table.cell(0, column), header, 11, bold=True, lang=lang)
            for r, row in enumerate((rows[i] for i in page), start=1):
                for column, value in enumerate(
                    (row.instrument, row.kind, row.amount, row.status, row.document)
                ):
                    _cell(
                        table.cell(r, column),
                        value,
                        10,
                        lang=lang,
                        align=PP_ALIGN.RIGHT if column == 2 else PP_ALIGN.LEFT,
                    )
            self._footer(slide)

    def sources_slides(self, cited: Sequence[Citation]) -> None:
        lang = self.lang
        entries = [_source_entry(c, lang) for c in cited] or [tx("no_sources", lang)]
        per_line = self.area.width / Inches(1) * 11  # 13 pt: about 13 characters per inch, with a margin
        heights = [int(Inches(0.23) * math.ceil(len(e) / per_line) + Pt(8)) for e in entries]
        for number, page in enumerate(_paginate(heights, self.area.height)):
            title = tx("sources_title", lang) + (f" {tx('continued', lang)}" if number else "")
            slide, area = self._new_slide(title)
            self._text(slide, area, [entries[i] for i in page], 13, space_after=8)
            self._footer(slide)

    def number_slides(self) -> None:
        slides = list(self.prs.slides)
        for number, slide in enumerate(slides[1:], start=2):
            box = _Box(
                self.width - _MARGIN - Inches(0.6), self.height - Inches(0.68), Inches(0.6), Inches(0.5)
            )
            self._text(
                slide,
                box,
                [f"{number}/{len(slides)}"],
                10,
                color=_GREY,
                align=PP_ALIGN.RIGHT,
                anchor=MSO_ANCHOR.BOTTOM,
            )


def _bar_chart(
    slide: Any, box: _Box, items: Sequence[Bar], spec: ChartSpec, top_value: float, lang: Lang
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


def _speaker_notes(spec: ChartSpec, cited: Sequence[Citation], lang: Lang) -> str:
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


def _table_rows(
    dataset: Dataset, selection: Sequence[Instrument], cited: Sequence[Citation], lang: Lang
) -> list[_Row]:
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
    rows: list[_Row] = []
    for record in ordered:
        part = record.amount_eur is not None and record.id not in counted
        amount = (
            with_qualifier(format_eur_full(record.amount_eur, lang), record.amount_qualifier, lang)
            if record.amount_eur is not None
            else tx("not_stated", lang)
        )
        locator = record.source_locator or ""
        document = f"{number.get(record.source_document or '', '')} {locator}".strip()
        rows.append(
            _Row(
                instrument=(PART_MARK if part else "") + record.name(lang),
                kind=AMOUNT_KIND.label(record.amount_kind, lang),
                amount=amount,
                status=STATUS.label(record.status, lang) if record.status else "—",
                document=document or "—",
            )
        )
    return rows


_CHARS_PER_INCH = 15  # 10 pt Calibri measured about 17 per inch; a margin for wide letters
_LINE = Inches(0.175)
_HEADER_ROW: int = Inches(0.4)


def _row_height(row: _Row, fractions: Sequence[float], width_in: float) -> int:
    """Estimated height of a table row: its longest cell wrapped at the column's width."""
    values = (row.instrument, row.kind, row.amount, row.status, row.document)
    lines = max(
        math.ceil(len(value) / max(1.0, (fraction * width_in - 0.2) * _CHARS_PER_INCH))
        for value, fraction in zip(values, fractions, strict=True)
    )
    return int(Inches(0.1) + _LINE * max(1, lines))


def _paginate(heights: Sequence[int], available: int) -> list[list[int]]:
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


def _cell(
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
    run.font.language_id = _LANGUAGE[lang]
    cell.margin_top = cell.margin_bottom = Inches(0.03)


def _source_entry(cited: Citation, lang: Lang) -> str:
    document = cited.document
    if document is None:
        text = f"{cited.id} {tx('unregistered', lang)}"
    else:
        text = document.citation(lang) + (f". {document.url}" if document.url else "")
    return f"{cited.reference()} {text} ({tx('cited_by', lang, n=len(cited.rows))})"


# -- templates and layouts ---------------------------------------------------------------------


def _open_template(data: bytes) -> Any:
    checked = checked_template(data)  # sizes as inflated, no macros: before python-pptx sees it
    try:
        prs = Presentation(io.BytesIO(_as_presentation(checked)))
    except Exception as exc:  # a user file: any parse failure means "not a usable template"
        raise UnreadableFile(
            "template", "template_not_pptx", f"is not a PowerPoint .pptx/.potx file ({type(exc).__name__})"
        ) from None
    slide_ids = prs.slides._sldIdLst  # python-pptx has no public API to delete slides
    for slide_id in list(slide_ids):
        prs.part.drop_rel(slide_id.rId)
        slide_ids.remove(slide_id)
    return prs


def _as_presentation(data: bytes) -> bytes:
    """A .potx is a .pptx with another content type; python-pptx only opens the latter."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            types = source.read("[Content_Types].xml")
            if _TEMPLATE_TYPE not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
                for item in source.infolist():
                    content = source.read(item.filename)
                    if item.filename == "[Content_Types].xml":
                        content = content.replace(_TEMPLATE_TYPE, _PRESENTATION_TYPE)
                    target.writestr(item, content)
            return out.getvalue()
    except (zipfile.BadZipFile, KeyError):
        return data  # let python-pptx report it


def _placeholder_types(layout: Any) -> list[object]:
    return [p.placeholder_format.type for p in layout.placeholders]


_FURNITURE = {PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}


def _pick_layout(layouts: Sequence[Any], *, title_slide: bool) -> Any:
    """A title layout (centre title) or a "title only" layout, found by placeholders, not by name,
    so that templates in any language work; falls back to the layout with the fewest placeholders."""
    if not layouts:
        raise UnreadableFile("template", "template_no_layouts", "has no slide layouts")
    if title_slide:
        for layout in layouts:
            if PP_PLACEHOLDER.CENTER_TITLE in _placeholder_types(layout):
                return layout
    candidates = [
        layout
        for layout in layouts
        if PP_PLACEHOLDER.TITLE in _placeholder_types(layout)
        or PP_PLACEHOLDER.CENTER_TITLE in _placeholder_types(layout)
    ]

    def extra(layout: Any) -> int:
        return sum(
            1
            for kind in _placeholder_types(layout)
            if kind not in _FURNITURE and kind not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        )

    return min(candidates or layouts, key=extra)


def _drop_empty_placeholders(slide: Any) -> None:
    """Layout placeholders we do not fill would show "Click to add text" in the editor."""
    for placeholder in list(slide.placeholders):
        if placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            continue
        if not placeholder.has_text_frame or not placeholder.text_frame.text:
            element = placeholder._element
            element.getparent().remove(element)
