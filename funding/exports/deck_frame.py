"""The deck's frame: the presentation (a user's template or a 16:9 default), content slides with
their title, text laid out top to bottom, the source line on every slide and the slide numbers.

Text is placed as a column of paragraphs whose heights are estimated (funding.exports.deck_parts),
so a long name pushes what follows down instead of running over it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Inches, Pt

from funding.exports.deck_layouts import drop_empty_placeholders, open_template, pick_layout
from funding.exports.deck_parts import Box, in_language, language_id, lines, paginate, text_height
from funding.exports.xml_text import clean_text
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.registry.citation import citation
from funding.registry.dataset_info import DatasetInfo

WIDE = (Inches(13.333), Inches(7.5))
MARGIN = Inches(0.5)
GREY = RGBColor(0x59, 0x59, 0x59)  # type: ignore[no-untyped-call]
FOOTER_PT = 10


MIN_PT = 12


@dataclass(frozen=True)
class Para:
    """One paragraph of a text column: its size in points and how it looks."""

    text: str
    size: float
    bold: bool = False
    grey: bool = False
    accent: bool = False
    after: float = 0  # space after, in points
    before: float = 0


def column_height(paras: Sequence[Para], width: int) -> int:
    return sum(
        text_height([p.text], p.size, width, p.after, bold=p.bold) + int(Pt(p.before))
        for p in paras
        if p.text
    )


def fitted(paras: Sequence[Para], box: Box) -> list[Para]:
    """The paragraphs, smaller in steps of 5 % until they fit the box (none below MIN_PT)."""
    scale = 1.0
    current = list(paras)
    while column_height(current, box.width) > box.height and scale > 0.5:
        scale -= 0.05
        current = [dataclasses.replace(p, size=max(min(p.size, MIN_PT), p.size * scale)) for p in paras]
    return current


class Frame:
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
        self.selection = ""  # what the deck shows, in words: every slide's footer names it
        # An upload is not the dataset: it is never cited as such.
        self.citation = (
            citation(info, lang)
            if upload_name is None
            else t("source_upload", lang, name=clean_text(upload_name))
        )

    def _content_area(self) -> Box:
        """The free area under a content slide's title and above the source line."""
        top: int = Inches(1.35)
        if self.custom:
            for placeholder in self.content_layout.placeholders:
                if placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                    bottom = int(placeholder.top or 0) + int(placeholder.height or 0)
                    top = max(Inches(0.6), bottom + Inches(0.1))
        bottom = self.height - Inches(0.8)
        return Box(MARGIN, top, self.width - 2 * MARGIN, max(Inches(1), bottom - top))

    # -- building blocks ---------------------------------------------------------------------

    def new_slide(self, title: str) -> tuple[Any, Box]:
        """A content slide with its title; returns the slide and the free area under the title."""
        slide = self.prs.slides.add_slide(self.content_layout)
        title_shape = slide.shapes.title
        if title_shape is not None:
            if not self.custom:
                title_shape.left, title_shape.top = MARGIN, Inches(0.35)
                title_shape.width, title_shape.height = self.width - 2 * MARGIN, Inches(0.85)
            frame = title_shape.text_frame
            frame.text = clean_text(title)
            frame.word_wrap = True
            if self.custom:  # a template's large title font: shrink long titles into their box
                frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE
            paragraph = frame.paragraphs[0]
            if not self.custom:
                frame.margin_left = frame.margin_right = 0
                paragraph.alignment = PP_ALIGN.LEFT
                paragraph.font.size = Pt(
                    28 if lines(title, 28, int(title_shape.width), bold=True) == 1 else 24
                )
                paragraph.font.bold = True
            for run in paragraph.runs:
                run.font.language_id = language_id(self.lang)
        else:
            box = Box(MARGIN, Inches(0.35), self.width - 2 * MARGIN, Inches(0.85))
            self.flow(slide, box, [Para(title, 28, bold=True)])
        drop_empty_placeholders(slide)
        return slide, self.area

    def flow(self, slide: Any, box: Box, paras: Sequence[Para]) -> int:
        """The paragraphs one under the other from the box's top; returns where they end. Text
        that would run out of the box is set smaller, never below MIN_PT."""
        paras = fitted(paras, box)
        top = box.top
        for para in paras:
            if not para.text:
                continue
            top += int(Pt(para.before))
            height = text_height([para.text], para.size, box.width, para.after, bold=para.bold)
            self.text(slide, Box(box.left, top, box.width, height), para)
            top += height
        return top

    def columns(self, paras: Sequence[Para], width: int) -> list[list[Para]]:
        """The paragraphs split into columns `width` wide that each fit the content area's height;
        a heading (bold) never ends a column without what it heads."""
        heights = [column_height([p], width) for p in paras]
        pages = [[paras[i] for i in page] for page in paginate(heights, self.area.height)]
        for index in range(len(pages) - 1):
            while len(pages[index]) > 1 and pages[index][-1].bold:
                pages[index + 1].insert(0, pages[index].pop())
        return [page for page in pages if page]

    def text(
        self,
        slide: Any,
        box: Box,
        para: Para,
        *,
        align: PP_ALIGN = PP_ALIGN.LEFT,
        anchor: MSO_ANCHOR = MSO_ANCHOR.TOP,
    ) -> None:
        shape = slide.shapes.add_textbox(box.left, box.top, box.width, box.height)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = anchor
        frame.margin_left = frame.margin_right = 0
        frame.margin_top = frame.margin_bottom = 0
        paragraph = frame.paragraphs[0]
        paragraph.alignment = align
        run = paragraph.add_run()
        run.text = clean_text(para.text)
        font = run.font
        font.size = Pt(para.size)
        font.bold = para.bold
        font.language_id = language_id(self.lang)
        if para.grey:
            font.color.rgb = GREY
        elif para.accent:
            font.color.theme_color = MSO_THEME_COLOR.ACCENT_1

    def footer(self, slide: Any, extra: str = "") -> None:
        if self.upload_name is None:
            info = self.info
            line = t(
                "deck_footer", self.lang, title=info.title_in(self.lang), version=info.version, date=info.date
            )
        else:
            line = self.citation
        if self.selection:  # a slide taken alone still says what it shows
            line = f"{line.rstrip('.')}. {t('selection', self.lang, text=self.selection)}."
        box = Box(MARGIN, self.height - Inches(0.68), self.width - 2 * MARGIN - Inches(0.8), Inches(0.5))
        self.text(slide, box, Para(f"{line} {extra}".strip(), FOOTER_PT, grey=True), anchor=MSO_ANCHOR.BOTTOM)

    def notes(self, slide: Any, text: str) -> None:
        slide.notes_slide.notes_text_frame.text = clean_text(text)

    def number_slides(self) -> None:
        slides = list(self.prs.slides)
        for number, slide in enumerate(slides[1:], start=2):
            box = Box(self.width - MARGIN - Inches(0.7), self.height - Inches(0.68), Inches(0.7), Inches(0.5))
            self.text(
                slide,
                box,
                Para(f"{number}/{len(slides)}", FOOTER_PT, grey=True),
                align=PP_ALIGN.RIGHT,
                anchor=MSO_ANCHOR.BOTTOM,
            )

    def title_slide(self, selection: str, today: str) -> None:
        slide = self.prs.slides.add_slide(self.title_layout)
        lang = self.lang
        lines = [
            t("selection", lang, text=selection),
            t("dataset_line", lang, version=self.info.version, date=self.info.date, today=today)
            if self.upload_name is None
            else f"{self.citation} · {today}",
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
            in_language(title.text_frame, lang)
            if not self.custom:
                title.left, title.top = MARGIN, Inches(1.6)
                title.width, title.height = self.width - 2 * MARGIN, Inches(1.6)
                title.text_frame.paragraphs[0].font.size = Pt(40)
                title.text_frame.paragraphs[0].font.bold = True
        else:
            box = Box(MARGIN, Inches(1.6), self.width - 2 * MARGIN, Inches(1.6))
            self.flow(slide, box, [Para(t("deck_title", lang), 40, bold=True)])
        if subtitle is not None:
            frame = subtitle.text_frame
            frame.word_wrap = True
            frame.text = clean_text(lines[0])
            for line in lines[1:]:
                frame.add_paragraph().text = clean_text(line)
            in_language(frame, lang)
            if not self.custom:
                subtitle.left, subtitle.top = MARGIN, Inches(3.5)
                subtitle.width, subtitle.height = self.width - 2 * MARGIN, Inches(2.2)
                for paragraph in frame.paragraphs:
                    paragraph.font.size = Pt(20)
        else:
            box = Box(MARGIN, int(self.height * 0.5), self.width - 2 * MARGIN, Inches(2.0))
            self.flow(slide, box, [Para(line, 20) for line in lines])
        drop_empty_placeholders(slide)
        box = Box(MARGIN, self.height - Inches(1.2), self.width - 2 * MARGIN, Inches(0.8))
        self.text(slide, box, Para(self.citation, 12, grey=True), anchor=MSO_ANCHOR.BOTTOM)
