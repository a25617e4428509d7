"""A 16:9 PowerPoint deck of the current view that an adviser can show as it is.

The slides tell the selection's story (funding.exports.story): the title; the headline figures
(battery-specific public funding first, wider envelopes apart, every other kind kept apart) with
the single-bar charts said in words; what the lead figure is made of; one native, editable chart
per comparison and breakdown; the stated figures as a table; the rows without an amount as a
list; the documents cited and how to cite the dataset. Every slide but the first carries the
dataset's source line; chart slides name the numbered documents behind their bars, and the
speaker notes give each figure's locator and quote in the order of the bars.

With a user template the deck uses its slide layouts and theme (colours, fonts, logo); charts
are coloured with theme colours so they follow the template too. Positions are computed from
the slide size, so a 4:3 template still works.
"""

from __future__ import annotations

import io
import math
from collections.abc import Mapping, Sequence
from datetime import date, datetime

from pptx.util import Inches

from funding.exports.calls import call_lines
from funding.exports.citations import Citation, citations, references
from funding.exports.deck_charts import bar_chart, bars_fitting
from funding.exports.deck_content import (
    HeadlineTexts,
    LeadParts,
    Row,
    headline_texts,
    lead_notes,
    lead_parts,
    source_entry,
    speaker_notes,
    table_rows,
    unstated_items,
)
from funding.exports.deck_frame import Frame, Para
from funding.exports.deck_parts import Box, text_height
from funding.exports.deck_tables import add_table, table_pages
from funding.exports.figures import ChartSpec
from funding.exports.reproduce import iso_today
from funding.exports.story import story
from funding.exports.xml_text import clean_text
from funding.i18n import t
from funding.i18n.languages import language
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.calls import Call
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.disagreements import Disagreements
from funding.registry.documents import Document
from funding.selecting.figures import figures
from funding.selecting.selection import Filters, describe

MAX_TABLE_ROWS = 8  # rows of a table slide: read from the back of a room, not studied


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
    calls: Sequence[Call] = (),
) -> bytes:
    """The deck as .pptx bytes; `template` is a .pptx or .potx file's bytes (UnreadableFile if not).

    `upload_name`: the file name when the data is an upload; every slide then says so instead of
    citing the curated dataset.
    Where other documents give other figures comes from `dataset.disagreements`."""
    disagreements = dataset.disagreements
    deck = _Deck(template, lang, info, upload_name)
    cited = citations(selection, documents, disagreements)
    plan = story(dataset, selection, filters, lang)
    found = figures(dataset, selection, filters, lang)
    deck.selection = found.selection
    deck.title_slide(found.selection, iso_today(today))
    deck.headline_slide(
        headline_texts(found, plan.sentences, lang),
        lead_notes(dataset, selection, cited, disagreements, lang),
    )
    parts = lead_parts(dataset, selection, found.public.total, disagreements, lang)
    if parts:
        deck.lead_slide(parts)
    for spec in plan.charts:
        deck.chart_slides(spec, cited, disagreements)
    deck.table_slides(table_rows(dataset, selection, cited, lang), bool(selection))
    deck.unstated_slides(unstated_items(plan.unstated, cited, lang))
    deck.calls_slides(call_lines(calls, documents, lang))
    deck.sources_slides(cited)
    deck.number_slides()
    properties = deck.prs.core_properties
    properties.title = t("deck_title", lang)
    properties.subject = clean_text(describe(filters, lang, dataset))[:250]
    properties.author = properties.last_modified_by = info.title_in(lang)
    properties.comments = clean_text(deck.citation)
    properties.language = language(lang).tag
    moment = datetime.combine(today or date.today(), datetime.min.time())
    properties.created = properties.modified = moment
    properties.revision = 1
    buffer = io.BytesIO()
    deck.prs.save(buffer)
    return buffer.getvalue()


class _Deck(Frame):
    def headline_slide(self, said: HeadlineTexts, notes: str) -> None:
        slide, area = self.new_slide(t("headline", self.lang))
        apart = bool(said.kinds)
        left = Box(area.left, area.top, int(area.width * (0.55 if apart else 1.0)), area.height)
        column = [
            Para(said.lead.label, 16, grey=True),
            Para(said.lead.value, 36, bold=True, accent=True, after=2),
            Para(said.lead.help, 13, after=10),
        ]
        for figure in said.public:
            column += [Para(f"{figure.label}: {figure.value}", 16, bold=True), Para(figure.help, 13, after=8)]
        column += [Para(text, 13, after=6) for text in said.explain]
        bottom = self.flow(slide, left, column)
        if apart:
            right = Box(area.left + int(area.width * 0.6), area.top, int(area.width * 0.4), area.height)
            kinds = [Para(t("kept_apart", self.lang), 15, bold=True, after=6)]
            for kind in said.kinds:
                kinds.append(Para(kind.label, 13, grey=True))
                for index, value in enumerate(kind.values):  # battery money first, in bold
                    first = kind.stated and index == 0
                    kinds.append(Para(value, 17 if first else 14, bold=first))
                kinds.append(Para(kind.counts, 12, grey=True, after=8))
            bottom = max(bottom, self.flow(slide, right, kinds))
        rest = [Para(said.counts, 13, after=4), *[Para(s, 13, after=3) for s in said.sentences]]
        self.flow(slide, Box(area.left, bottom + Inches(0.1), area.width, area.bottom - bottom), rest)
        self.footer(slide)
        self.notes(slide, notes)

    def lead_slide(self, parts: LeadParts) -> None:
        """Its figures and their origin, and what makes a range: a column each. Where documents
        disagree follows on a slide of its own (three columns ran into the source line)."""
        lang = self.lang
        slide, area = self.new_slide(t("lead_title", lang))
        first = [Para(t("lead_figures", lang), 15, bold=True, after=4)]
        first += [Para(line, 13, after=3) for line in parts.figures] or [
            Para(t("none_in_selection", lang), 13)
        ]
        if parts.origins:
            first += [Para(t("lead_origins", lang), 15, bold=True, after=4, before=12)]
            first += [Para(line, 13, after=3) for line in parts.origins]
            first.append(Para(t("origin_help", lang), 12, grey=True, before=4))
        columns = [first]
        if parts.ranges:
            columns.append([Para(t("lead_ranges", lang), 15, bold=True, after=4)])
            columns[-1] += [Para(line, 13, after=3) for line in parts.ranges]
        gap = Inches(0.35)
        width = (area.width - gap) // 2
        for index, column in enumerate(columns):
            self.flow(slide, Box(area.left + index * (width + gap), area.top, width, area.height), column)
        self.footer(slide)
        if parts.disagreements:
            self.disagreement_slides(parts.disagreements, width, gap)

    def disagreement_slides(self, lines: Sequence[str], width: int, gap: int) -> None:
        """Where documents give other figures: a slide of its own, in two columns, so that
        neither it nor what the figure is made of runs into the source line."""
        paras = [Para(line, 13, after=6) for line in lines]
        columns = self.columns(paras, width)
        for number in range(0, len(columns), 2):
            title = t("lead_disagreements", self.lang) + (f" {t('continued', self.lang)}" if number else "")
            slide, area = self.new_slide(title)
            for index, column in enumerate(columns[number : number + 2]):
                self.flow(slide, Box(area.left + index * (width + gap), area.top, width, area.height), column)
            self.footer(slide)

    def chart_slides(self, spec: ChartSpec, cited: Sequence[Citation], disagreements: Disagreements) -> None:
        notes = [Para(note, 12, grey=True, after=2) for note in spec.notes]
        notes_height = sum(text_height([n.text], n.size, self.area.width, n.after) for n in notes)
        room = self.area.height - notes_height - Inches(0.1)  # the chart takes all of it
        most = bars_fitting(room)
        pages = math.ceil(len(spec.bars) / most)
        size = math.ceil(len(spec.bars) / pages)  # even pages: never a last slide of one bar
        refs = references(spec.records, cited)
        extra = t("documents", self.lang, refs=refs) if refs else ""
        spoken = speaker_notes(spec, cited, disagreements, self.lang)
        for number in range(pages):
            bars = spec.bars[number * size : (number + 1) * size]
            slide, area = self.new_slide(spec.title + (f" {t('continued', self.lang)}" if number else ""))
            bar_chart(slide, Box(area.left, area.top, area.width, room), spec, bars, self.lang)
            self.flow(slide, Box(area.left, area.top + room + Inches(0.1), area.width, notes_height), notes)
            self.footer(slide, extra)
            self.notes(slide, spoken)

    def table_slides(self, rows: Sequence[Row], any_selected: bool) -> None:
        lang = self.lang
        if not rows:
            if not any_selected:
                slide, area = self.new_slide(t("table_title", lang))
                self.flow(slide, area, [Para(t("empty_selection", lang), 18)])
                self.footer(slide)
            return
        for number, page in enumerate(table_pages(rows, self.area, MAX_TABLE_ROWS, lang)):
            title = t("table_title", lang) + (f" {t('continued', lang)}" if number else "")
            slide, area = self.new_slide(title)
            add_table(slide, area, [rows[i] for i in page], title, lang)
            self.footer(slide)

    def unstated_slides(self, groups: Sequence[tuple[str, list[str]]]) -> None:
        if not groups:
            return
        lang = self.lang
        paras: list[Para] = []
        for heading, items in groups:
            paras.append(Para(heading, 14, bold=True, after=4, before=8 if paras else 0))
            paras += [Para(item, 12, after=3) for item in items]
        width = int(self.area.width * 0.48)
        columns = self.columns(paras, width)
        for number in range(0, len(columns), 2):
            title = t("unstated_title", lang) + (f" {t('continued', lang)}" if number else "")
            slide, area = self.new_slide(title)
            for offset, column in enumerate(columns[number : number + 2]):
                left = area.left + offset * int(area.width * 0.52)
                self.flow(slide, Box(left, area.top, width, area.height), column)
            self.footer(slide)

    def calls_slides(self, lines: Sequence[tuple[str, str]]) -> None:
        """The dated calls of the selection's instruments, if any: what a company can apply for."""
        paras: list[Para] = []
        for name, detail in lines:
            paras += [Para(name, 15, bold=True, after=2), Para(detail, 13, after=8)]
        for number, column in enumerate(self.columns(paras, self.area.width) if paras else []):
            title = t("calls_slide_title", self.lang) + (f" {t('continued', self.lang)}" if number else "")
            slide, area = self.new_slide(title)
            self.flow(slide, area, column)
            self.footer(slide)

    def sources_slides(self, cited: Sequence[Citation]) -> None:
        lang = self.lang
        paras = [Para(source_entry(c, lang), 13, after=8) for c in cited] or [Para(t("no_sources", lang), 13)]
        paras += [
            Para(t("cite_dataset", lang), 13, bold=True, before=8, after=2),
            Para(self.citation, 13, after=8),
        ]
        for number, column in enumerate(self.columns(paras, self.area.width)):
            title = t("sources_title", lang) + (f" {t('continued', lang)}" if number else "")
            slide, area = self.new_slide(title)
            self.flow(slide, area, column)
            self.footer(slide)
