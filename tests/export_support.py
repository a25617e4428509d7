"""The exports' hand-made dataset and the helpers that open the files they produce.

The factory dataset (EUR million): an Innovation-Fund-like parent without an amount; a 296
programme with two parts (120 "at least", 7.6 "about"); a 1,500 loan that is not battery-specific;
a 200 guarantee top-up; a 6,100 State-aid ceiling; 13,800 expected private investment; two
targets (55,000, 6,000); a 50 grant whose texts try formula injection; an instrument without an
amount.

Public funding for batteries = 296 + 50 = 346 (the parts are inside the programme); wider
envelopes = the loan, 1,500; all public funding counted once = 1,846; gross = 296 + 120 + 7.6 +
1,500 + 50 = 1,973.6 (about: "at least" and "about" mixed). The other kinds are never added, and
the targets not even to each other.

The loader refuses formula-like text, so the hostile row is put in after loading (as a dataset
built any other way could have it): the exports are the second line of defence and hold alone.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from datetime import date
from typing import Any

from factory import csv_bytes, row
from pptx import Presentation

from funding.exports import export_pptx, export_xlsx
from funding.i18n.vocab import Lang
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.disagreements import Disagreement, Disagreements
from funding.registry.documents import Document
from funding.registry.loading import parse_csv
from funding.selecting.selection import Filters, apply

M = 1_000_000
EVIL_NAME = '=HYPERLINK("http://x","y")'
TODAY = date(2026, 11, 23)
INFO = DatasetInfo(
    title="Test funding dataset",
    title_nl="Testdataset financiering",
    version="9.9.9",
    date="2026-01-02",
    citation="Test funding dataset v9.9.9, curated, see data/README.md.",
    licence="Curated; see data/README.md.",
)
DOCUMENTS = {
    "doc-eu": Document(
        id="doc-eu",
        title_en="EU strategy",
        title_nl="EU-strategie",
        publisher="European Commission",
        issued="2025-12-16",
        language="en",
        url="https://example.eu/strategy",
    ),
    "doc-nl": Document(
        id="doc-nl",
        title_en="Progress letter",
        title_nl="Voortgangsbrief",
        publisher="Ministry",
        language="nl",
    ),
}
# The programme's other figure, in another document.
DISAGREEMENTS = Disagreements(
    (
        Disagreement(
            id="programme-amount",
            record_id="programme",
            column="amount_eur",
            other_document="doc-eu",
            other_locator="Pillar V, L2000-2001",
            other_quote="EUR 291 million for the programme",
            other_amount_eur=291 * M,
            other_qualifier="exact",
            summary_en="EU strategy: EUR 291 m",
            summary_nl="EU-strategie: € 291 mln",
        ),
    )
)


@functools.cache
def dataset() -> Dataset:
    nl = {"level": "NL", "source": "Nationaal Groeifonds", "source_document": "doc-nl"}
    loaded = parse_csv(
        csv_bytes(
            [
                row("fund", instrument_type="fund", source_document="doc-eu", name_en="Innovation fund"),
                row(
                    "programme",
                    str(296 * M),
                    eu_pillar="research_skills",
                    eu_pillar_basis="document",
                    beneficiary_types="research;startups_smes",
                    name_en="Materials programme",
                    name_nl="Materialenprogramma",
                    source_locator="Pijler 4, In 2025, L268-269",
                    **nl,
                ),
                row(
                    "allocated",
                    str(120 * M),
                    "at_least",
                    parent_id="programme",
                    status="allocated",
                    name_en="Allocated in 2025",
                    name_nl="Toegekend in 2025",
                    **nl,
                ),
                row(
                    "cluster",
                    "7600000.5",
                    "about",
                    parent_id="programme",
                    beneficiary_types="research",
                    name_en="Cluster grant",
                    name_nl="Clustersubsidie",
                    **nl,
                ),
                row(
                    "loan",
                    str(1500 * M),
                    parent_id="fund",
                    instrument_type="loan",
                    eu_pillar="financing",
                    eu_pillar_basis="document",
                    beneficiary_types="cell_manufacturers",
                    battery_specific="no",
                    source_document="doc-eu",
                    source_locator="Pillar I, L1095",
                    source_quote="EUR 1.5 billion in loans",
                    name_en="Cell loans",
                    name_nl="Celleningen",
                ),
                row(
                    "topup",
                    str(200 * M),
                    parent_id="fund",
                    instrument_type="guarantee",
                    amount_kind="guarantee",
                    source_document="doc-eu",
                    name_en="Guarantee top-up",
                ),
                row(
                    "ceiling",
                    str(6100 * M),
                    "up_to",
                    amount_kind="state_aid_ceiling",
                    instrument_type="state_aid",
                    level="MS",
                    source="Member-state budgets",
                    source_document="doc-eu",
                    name_en="State aid",
                ),
                row(
                    "private",
                    str(13800 * M),
                    "at_least",
                    amount_kind="private_expected",
                    level="private",
                    source="Private investors",
                    source_document="doc-unregistered",
                    name_en="Private money",
                ),
                row(
                    "target-a",
                    str(55000 * M),
                    "about",
                    amount_kind="target",
                    source_document="doc-eu",
                    name_en="Target A",
                ),
                row(
                    "target-b",
                    str(6000 * M),
                    "about",
                    amount_kind="target",
                    source_document="doc-eu",
                    name_en="Target B",
                ),
                row("evil", str(50 * M), beneficiary_types="research", source_document="doc-eu"),
                row(
                    "unknown",
                    parent_id="fund",
                    name_en="Unknown amount",
                    name_nl="Onbekend bedrag",
                    source_document="doc-eu",
                ),
            ]
        )
    )
    hostile = {
        "name_en": EVIL_NAME,
        "name_nl": EVIL_NAME,
        "source": "@Evil source",
        "source_quote": "-2+3 is not a formula here",
        "notes": "\tstarts with a tab",
    }
    records = tuple(r.model_copy(update=hostile) if r.id == "evil" else r for r in loaded.records)
    return Dataset(records).with_disagreements(DISAGREEMENTS)


@functools.cache
def deck_bytes(lang: Lang, filters: Filters, template: bytes | None = None) -> bytes:
    """Each deck is built once per test session; every test opens its own copy."""
    ds = dataset()
    selection = apply(filters, ds.records)
    return export_pptx(
        ds,
        selection,
        filters,
        lang,
        DOCUMENTS,
        INFO,
        template=template,
        today=TODAY,
    )


def deck(lang: Lang = "en", filters: Filters | None = None, template: bytes | None = None) -> Any:
    return Presentation(io.BytesIO(deck_bytes(lang, filters or Filters(), template)))


@functools.cache
def workbook_bytes(lang: Lang, filters: Filters) -> bytes:
    ds = dataset()
    selection = apply(filters, ds.records)
    return export_xlsx(ds, selection, filters, lang, DOCUMENTS, INFO, today=TODAY)


def title(slide: Any) -> str:
    return str(slide.shapes.title.text_frame.text)


def texts(slide: Any) -> str:
    """What a reader sees on a slide: its text boxes and table cells (not the speaker notes), with
    the no-break spaces and word joiners that keep a figure on one line read as plain spaces."""
    found = [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]
    found += [
        cell.text for shape in slide.shapes if shape.has_table for r in shape.table.rows for cell in r.cells
    ]
    return "\n".join(found).replace("\u00a0", " ").replace("\u2060", "")


def charts(prs: Any) -> dict[str, Any]:
    return {title(slide): shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart}


def categories(chart: Any) -> list[str]:
    """The bar names as read, their line breaks (funding.charts.labels wraps long names) as spaces."""
    return [" ".join(str(name).split("\n")) for name in chart.plots[0].categories]


def values(chart: Any) -> list[float]:
    return list(chart.plots[0].series[0].values)


def label_formats(chart: Any) -> list[str]:
    """Each point's data-label number format, in bar order."""
    ser = chart.plots[0].series[0]._element
    found = {}
    for label in ser.xpath("./c:dLbls/c:dLbl"):
        index = int(label.xpath("./c:idx/@val")[0])
        found[index] = label.xpath("./c:numFmt/@formatCode")[0]
    return [found[i] for i in sorted(found)]


def deck_texts(data: bytes) -> Iterator[str]:
    """Slide text, table cells, speaker notes, chart titles and categories, alt text, properties."""
    prs = Presentation(io.BytesIO(data))
    for slide in prs.slides:
        yield from shape_texts(slide.shapes)
        if slide.has_notes_slide:
            yield slide.notes_slide.notes_text_frame.text
    props = prs.core_properties
    yield from (props.title or "", props.subject or "", props.author or "", props.comments or "")


def shape_texts(shapes: Any) -> Iterator[str]:
    for shape in shapes:
        yield from shape._element.xpath("./*[1]/p:cNvPr/@descr")  # the alt text
        if shape.has_text_frame:
            yield shape.text_frame.text
        if shape.has_table:
            yield from (cell.text for row in shape.table.rows for cell in row.cells)
        if shape.has_chart:
            chart = shape.chart
            yield chart.chart_title.text_frame.text if chart.has_title else ""
            yield from (str(c) for c in chart.plots[0].categories)
