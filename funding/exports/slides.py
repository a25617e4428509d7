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
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo
from funding.documents import Document
from funding.exports.common import Citation, citations, clean_text, iso_today, references, source_line
from funding.exports.deck_layouts import drop_empty_placeholders, open_template, pick_layout
from funding.exports.deck_parts import (
    GREY,
    HEADER_ROW,
    LANGUAGE,
    Box,
    Row,
    bar_chart,
    cell,
    headline_texts,
    paginate,
    row_height,
    source_entry,
    speaker_notes,
    table_rows,
)
from funding.exports.figures import ChartSpec, deck_charts
from funding.i18n import t
from funding.records import Instrument
from funding.selection import Filters, describe
from funding.totals import KindTotal, totals_by_kind
from funding.vocab import Lang

WIDE = (Inches(13.333), Inches(7.5))
MAX_BARS = 14  # per chart slide; more continue on the next slide
_MARGIN = Inches(0.5)


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
    deck.table_slides(table_rows(dataset, selection, cited, lang))
    deck.sources_slides(cited)
    deck.number_slides()
    properties = deck.prs.core_properties
    properties.title = t("deck_title", lang)
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
            self.prs = open_template(template)
        self.width = int(self.prs.slide_width or WIDE[0])
        self.height = int(self.prs.slide_height or WIDE[1])
        layouts = list(self.prs.slide_layouts)
        self.title_layout = pick_layout(layouts, title_slide=True)
        self.content_layout = pick_layout(layouts, title_slide=False)
        self.area = self._content_area()

    def _content_area(self) -> Box:
        """The free area under a content slide's title and above the source line."""
        top: int = Inches(1.35)
        if self.custom:
            for placeholder in self.content_layout.placeholders:
                if placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                    bottom = int(placeholder.top or 0) + int(placeholder.height or 0)
                    top = max(Inches(0.6), bottom + Inches(0.1))
        bottom = self.height - Inches(0.75)
        return Box(_MARGIN, top, self.width - 2 * _MARGIN, max(Inches(1), bottom - top))

    # -- building blocks ---------------------------------------------------------------------

    def _new_slide(self, title: str) -> tuple[Any, Box]:
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
                run.font.language_id = LANGUAGE[self.lang]
        else:
            self._text(
                slide,
                Box(_MARGIN, Inches(0.35), self.width - 2 * _MARGIN, Inches(0.85)),
                [title],
                28,
                bold=True,
            )
        drop_empty_placeholders(slide)
        return slide, self.area

    def _text(
        self,
        slide: Any,
        box: Box,
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
            font.language_id = LANGUAGE[self.lang]
            if color is not None:
                font.color.rgb = color
            elif theme_color is not None:
                font.color.theme_color = theme_color

    def _footer(self, slide: Any, extra: str = "") -> None:
        line = source_line(self.info, self.lang, self.upload_name)
        box = Box(_MARGIN, self.height - Inches(0.68), self.width - 2 * _MARGIN - Inches(0.7), Inches(0.5))
        self._text(slide, box, [f"{line} {extra}".strip()], 10, color=GREY, anchor=MSO_ANCHOR.BOTTOM)

    # -- slides ------------------------------------------------------------------------------

    def title_slide(self, selection: str, today: str) -> None:
        slide = self.prs.slides.add_slide(self.title_layout)
        lang = self.lang
        lines = [
            t("selection", lang, text=selection),
            t("dataset_line", lang, version=self.info.version, date=self.info.date, today=today)
            if self.upload_name is None
            else t("about_upload", lang, name=self.upload_name).capitalize() + f" · {today}",
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
            title.text_frame.text = t("deck_title", lang)
            title.text_frame.word_wrap = True
            if not self.custom:
                title.left, title.top = _MARGIN, Inches(1.6)
                title.width, title.height = self.width - 2 * _MARGIN, Inches(1.6)
                title.text_frame.paragraphs[0].font.size = Pt(40)
                title.text_frame.paragraphs[0].font.bold = True
        else:
            self._text(
                slide,
                Box(_MARGIN, Inches(1.6), self.width - 2 * _MARGIN, Inches(1.6)),
                [t("deck_title", lang)],
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
            box = Box(_MARGIN, int(self.height * 0.5), self.width - 2 * _MARGIN, Inches(2.0))
            self._text(slide, box, lines, 20)
        drop_empty_placeholders(slide)
        citation_box = Box(_MARGIN, self.height - Inches(1.2), self.width - 2 * _MARGIN, Inches(0.8))
        citation = (
            self.info.citation if self.upload_name is None else source_line(self.info, lang, self.upload_name)
        )
        self._text(slide, citation_box, [citation], 11, color=GREY, anchor=MSO_ANCHOR.BOTTOM)

    def headline_slide(self, totals: Mapping[str, KindTotal], count: int, dataset: Dataset) -> None:
        lang = self.lang
        said = headline_texts(totals, count, dataset, lang)
        slide, area = self._new_slide(t("headline", lang))
        left = Box(area.left, area.top, int(area.width * 0.5), area.height)
        self._text(
            slide, Box(left.left, left.top, left.width, Inches(0.45)), [said.lead_label], 18, color=GREY
        )
        self._text(
            slide,
            Box(left.left, left.top + Inches(0.45), left.width, Inches(0.9)),
            [said.lead],
            40,
            bold=True,
            theme_color=MSO_THEME_COLOR.ACCENT_1,
        )
        if said.wider:
            box = Box(left.left, left.top + Inches(1.35), left.width, Inches(0.5))
            self._text(slide, box, [said.wider], 20, bold=True)
        box = Box(left.left, left.top + Inches(2.0), left.width - Inches(0.3), Inches(3.2))
        self._text(slide, box, list(said.details), 15, space_after=6)
        right = Box(area.left + int(area.width * 0.54), area.top, int(area.width * 0.46), area.height)
        self._text(
            slide,
            Box(right.left, right.top, right.width, Inches(0.7)),
            [t("kept_apart", lang)],
            16,
            bold=True,
        )
        top = right.top + Inches(0.8)
        step = min(Inches(1.15), (right.bottom - top) // max(1, len(said.kinds)))
        for kind in said.kinds:
            self._text(slide, Box(right.left, top, right.width, Inches(0.35)), [kind.label], 14, color=GREY)
            self._text(
                slide,
                Box(right.left, top + Inches(0.32), right.width, Inches(0.5)),
                [kind.value],
                24 if kind.large else 18,
                bold=kind.stated,
            )
            if kind.counts:
                box = Box(right.left, top + Inches(0.78), right.width, Inches(0.3))
                self._text(slide, box, [kind.counts], 11, color=GREY)
            top += step
        self._footer(slide)

    def chart_slides(self, spec: ChartSpec, cited: Sequence[Citation]) -> None:
        pages = [spec.bars[i : i + MAX_BARS] for i in range(0, len(spec.bars), MAX_BARS)] or [()]
        notes_height = Inches(0.3) * len(spec.notes)
        refs = references(spec.records, cited)
        extra = t("documents", self.lang, refs=refs) if refs else ""
        top_value = max((bar.amount for bar in spec.bars), default=0.0)
        for number, bars in enumerate(pages):
            title = spec.title + (f" {t('continued', self.lang)}" if number else "")
            slide, area = self._new_slide(title)
            available = area.height - notes_height
            height = min(available, Inches(0.8) + Inches(0.45) * len(bars))
            if bars:
                bar_chart(
                    slide, Box(area.left, area.top, area.width, height), bars, spec, top_value, self.lang
                )
            notes_box = Box(area.left, area.top + height + Inches(0.1), area.width, notes_height)
            self._text(slide, notes_box, spec.notes, 12, color=GREY)
            self._footer(slide, extra)
            slide.notes_slide.notes_text_frame.text = clean_text(speaker_notes(spec, cited, self.lang))

    def table_slides(self, rows: Sequence[Row]) -> None:
        lang = self.lang
        headers = [t(f"col_{c}", lang) for c in ("name", "kind", "amount", "status", "document")]
        if not rows:
            slide, area = self._new_slide(t("table_title", lang))
            self._text(slide, area, [t("empty_selection", lang)], 18)
            self._footer(slide)
            return
        fractions = (0.36, 0.15, 0.17, 0.12, 0.20)
        width_in = self.area.width / Inches(1)
        heights = [row_height(row, fractions, width_in) for row in rows]
        for number, page in enumerate(paginate(heights, self.area.height - HEADER_ROW)):
            title = t("table_title", lang) + (f" {t('continued', lang)}" if number else "")
            slide, area = self._new_slide(title)
            height = HEADER_ROW + sum(heights[i] for i in page)
            shape = slide.shapes.add_table(len(page) + 1, 5, area.left, area.top, area.width, height)
            table = shape.table
            table.rows[0].height = HEADER_ROW
            for r, i in enumerate(page, start=1):
                table.rows[r].height = heights[i]
            for index, fraction in enumerate(fractions):
                table.columns[index].width = int(area.width * fraction)
            for column, header in enumerate(headers):
                cell(table.cell(0, column), header, 11, bold=True, lang=lang)
            for r, row in enumerate((rows[i] for i in page), start=1):
                for column, value in enumerate(
                    (row.instrument, row.kind, row.amount, row.status, row.document)
                ):
                    cell(
                        table.cell(r, column),
                        value,
                        10,
                        lang=lang,
                        align=PP_ALIGN.RIGHT if column == 2 else PP_ALIGN.LEFT,
                    )
            self._footer(slide)

    def sources_slides(self, cited: Sequence[Citation]) -> None:
        lang = self.lang
        entries = [source_entry(c, lang) for c in cited] or [t("no_sources", lang)]
        per_line = self.area.width / Inches(1) * 11  # 13 pt: about 13 characters per inch, with a margin
        heights = [int(Inches(0.23) * math.ceil(len(e) / per_line) + Pt(8)) for e in entries]
        for number, page in enumerate(paginate(heights, self.area.height)):
            title = t("sources_title", lang) + (f" {t('continued', lang)}" if number else "")
            slide, area = self._new_slide(title)
            self._text(slide, area, [entries[i] for i in page], 13, space_after=8)
            self._footer(slide)

    def number_slides(self) -> None:
        slides = list(self.prs.slides)
        for number, slide in enumerate(slides[1:], start=2):
            box = Box(
                self.width - _MARGIN - Inches(0.6), self.height - Inches(0.68), Inches(0.6), Inches(0.5)
            )
            self._text(
                slide,
                box,
                [f"{number}/{len(slides)}"],
                10,
                color=GREY,
                align=PP_ALIGN.RIGHT,
                anchor=MSO_ANCHOR.BOTTOM,
            )
