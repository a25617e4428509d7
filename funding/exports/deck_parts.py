"""Geometry the deck's slides share: boxes, how tall a text will be, and filling pages in order.

python-pptx lays nothing out, so heights are estimated from character counts; the estimates are
generous for the wider font LibreOffice substitutes, so text never runs out of its box.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.enum.lang import MSO_LANGUAGE_ID
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from funding.exports.xml_text import clean_text
from funding.i18n.languages import language
from funding.i18n.vocab import Lang

EM_PER_CHAR = 0.55  # average character width in ems, with a margin, from LibreOffice's renders
BOLD = 1.1  # bold text is wider
LINE_SPACING = 1.2  # line height in ems


def language_id(lang: Lang) -> MSO_LANGUAGE_ID:
    """PowerPoint's id for the language, so its spell checker reads the slides as written."""
    return MSO_LANGUAGE_ID[language(lang).pptx_language]


def in_language(frame: Any, lang: Lang) -> None:
    """Every run of a text frame filled by its `text` (a placeholder's), in the deck's language."""
    for paragraph in frame.paragraphs:
        for run in paragraph.runs:
            run.font.language_id = language_id(lang)


@dataclass(frozen=True)
class Box:
    left: int
    top: int
    width: int
    height: int

    @property
    def bottom(self) -> int:
        return self.top + self.height


def lines(text: str, size: float, width: int, *, bold: bool = False) -> int:
    """Lines a paragraph wraps to at `size` pt in a box `width` EMU wide."""
    per_line = max(1, int((width / Pt(1)) / (size * EM_PER_CHAR * (BOLD if bold else 1.0))))
    count, used = 0, per_line  # the first word opens the first line
    for word in text.split():
        if len(word) > per_line:  # a long name or link breaks wherever it must
            count += math.ceil(len(word) / per_line)
            used = len(word) % per_line or per_line
        elif used + 1 + len(word) > per_line:
            count, used = count + 1, len(word)
        else:
            used += 1 + len(word)
    return max(1, count)


def text_height(
    paragraphs: Sequence[str], size: float, width: int, space_after: float = 0, *, bold: bool = False
) -> int:
    """Height of paragraphs at `size` pt in a box `width` EMU wide, with their spacing."""
    total = sum(lines(p, size, width, bold=bold) for p in paragraphs) * size * LINE_SPACING
    return int(Pt(total + space_after * len(paragraphs)) + Inches(0.05))


def paginate(heights: Sequence[int], available: int, most: int | None = None) -> list[list[int]]:
    """Indexes of the items on each page, filling pages in order up to the available height and
    at most `most` items a page."""
    pages: list[list[int]] = [[]]
    used = 0
    for index, height in enumerate(heights):
        full = most is not None and len(pages[-1]) >= most
        if pages[-1] and (used + height > available or full):
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
    run.font.language_id = language_id(lang)
    cell.margin_top = cell.margin_bottom = Inches(0.04)
