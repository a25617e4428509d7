"""The deck's table of stated figures: 12 pt or more, a bounded number of rows a slide, amounts
written as on the charts and documents as their number and section."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.enum.text import PP_ALIGN
from pptx.util import Inches, Pt

from funding.exports.deck_charts import set_alt_text
from funding.exports.deck_content import Row
from funding.exports.deck_parts import Box, cell, lines, paginate
from funding.i18n import t
from funding.i18n.vocab import Lang

TABLE_PT = 12
COLUMNS = ("name", "kind", "amount", "status", "document")
# Wide enough for the longest word of a figure kind or status ("Staatssteunplafond",
# "voorwaardelijk"), which would otherwise break inside the word.
FRACTIONS = (0.31, 0.16, 0.17, 0.14, 0.22)
_PADDING = Inches(0.12)  # a cell's margins and borders


def row_height(values: Sequence[str], width: int, size: float = TABLE_PT, *, bold: bool = False) -> int:
    """Height of a table row: its tallest cell wrapped at its column's width."""
    tallest = max(
        lines(value, size, int(width * fraction) - Inches(0.2), bold=bold)
        for value, fraction in zip(values, FRACTIONS, strict=True)
    )
    return int(Pt(size * 1.22 * tallest) + _PADDING)


def headers(lang: Lang) -> list[str]:
    return [t(f"col_{c}", lang) for c in COLUMNS]


def table_pages(rows: Sequence[Row], area: Box, most: int, lang: Lang) -> list[list[int]]:
    """Row indexes per slide: as many as fit under the header, at most `most`."""
    header = row_height(headers(lang), area.width, bold=True)
    heights = [row_height(row.cells(), area.width) for row in rows]
    return paginate(heights, area.height - header, most)


def add_table(slide: Any, area: Box, rows: Sequence[Row], title: str, lang: Lang) -> None:
    names = headers(lang)
    heights = [row_height(names, area.width, bold=True)] + [row_height(r.cells(), area.width) for r in rows]
    shape = slide.shapes.add_table(len(rows) + 1, len(COLUMNS), area.left, area.top, area.width, sum(heights))
    table = shape.table
    for index, height in enumerate(heights):
        table.rows[index].height = height
    for index, fraction in enumerate(FRACTIONS):
        table.columns[index].width = int(area.width * fraction)
    for column, header in enumerate(names):
        cell(table.cell(0, column), header, TABLE_PT, bold=True, lang=lang)
    for r, row in enumerate(rows, start=1):
        for column, value in enumerate(row.cells()):
            align = PP_ALIGN.RIGHT if COLUMNS[column] == "amount" else PP_ALIGN.LEFT
            cell(table.cell(r, column), value, TABLE_PT, lang=lang, align=align)
    described = "; ".join(f"{r.instrument}: {r.amount}" for r in rows)
    set_alt_text(shape, t("alt_table", lang, title=title, n=len(rows), rows=described))
