"""Exports opened with the libraries a user's software would use; expected figures worked out by hand.

The factory dataset: an Innovation-Fund-like parent without an amount; a EUR 296 m programme with
two parts (120 m "at least", 7.6 m "about"); a 1.5 bn loan that is not battery-specific; a 200 m
guarantee top-up; a 6.1 bn State-aid ceiling; 13.8 bn expected private investment; two targets
(55 bn, 6 bn) that may overlap; a 50 m grant whose texts try formula injection; and an instrument
without an amount. Net public funding is 296 + 1500 + 50 = 1846 m (the parts are inside the
programme), of which 296 + 50 = 346 m battery-specific; the other kinds are never added, and the
targets are not even added to each other.

The loader refuses formula-like text since the curation rules were tightened, so the hostile row
is put in after loading (as a dataset built any other way could have it): the exports are the
second line of defence and must hold on their own.
"""

from __future__ import annotations

import csv
import functools
import io
import re
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from factory import csv_bytes, row
from openpyxl import load_workbook
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches

from funding.dataset import Dataset
from funding.dataset_info import DatasetInfo
from funding.documents import Document
from funding.errors import UnreadableFile
from funding.exports import CHARTS, export_csv, export_pptx, export_xlsx
from funding.exports.common import EXPORT_COLUMNS
from funding.exports.figures import chart_spec
from funding.exports.tables import EURO_FORMAT
from funding.i18n import t
from funding.loading import parse_csv
from funding.records import Instrument
from funding.selection import Filters, apply
from funding.vocab import AMOUNT_KIND, BENEFICIARY, EU_PILLAR, INSTRUMENT_TYPE, LEVEL, STATUS, Lang


def K(kind: str, lang: Lang = "en") -> str:
    """A figure kind's label, as charts and sheets write it."""
    return AMOUNT_KIND.label(kind, lang)


ROOT = Path(__file__).resolve().parent.parent
M = 1_000_000
EVIL_NAME = '=HYPERLINK("http://x","y")'
TODAY = date(2026, 11, 23)
INFO = DatasetInfo(
    title="Test funding dataset",
    title_nl="Testdataset financiering",
    version="9.9.9",
    date="2026-01-02",
    citation="Test funding dataset v9.9.9, cite me like this.",
    licence="CC0",
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
SOURCE_LINE = t("source_line", "en", title=INFO.title, version=INFO.version, date=INFO.date)
PILLAR_TITLE = t("chart_pillar", "en", kind=K("public"), framework=t("framework_eu", "en"))


def dataset() -> Dataset:
    nl = {"level": "NL", "source": "Nationaal Groeifonds", "source_document": "doc-nl"}
    loaded = parse_csv(
        csv_bytes(
            [
                row("fund", instrument_type="fund", source_document="doc-eu"),
                row(
                    "programme",
                    str(296 * M),
                    eu_pillar="research_skills",
                    eu_pillar_basis="document",
                    beneficiary_types="research;startups_smes",
                    **nl,
                ),
                row("allocated", str(120 * M), "at_least", parent_id="programme", status="allocated", **nl),
                row(
                    "cluster", "7600000.5", "about", parent_id="programme", beneficiary_types="research", **nl
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
                ),
                row(
                    "topup",
                    str(200 * M),
                    parent_id="fund",
                    instrument_type="guarantee",
                    amount_kind="guarantee",
                    source_document="doc-eu",
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
                ),
                row(
                    "private",
                    str(13800 * M),
                    "at_least",
                    amount_kind="private_expected",
                    level="private",
                    source="Private investors",
                    source_document="doc-unregistered",
                ),
                row("target-a", str(55000 * M), "about", amount_kind="target", source_document="doc-eu"),
                row("target-b", str(6000 * M), "about", amount_kind="target", source_document="doc-eu"),
                row("evil", str(50 * M), beneficiary_types="research", source_document="doc-eu"),
                row("unknown", parent_id="fund", name_en="Unknown amount", source_document="doc-eu"),
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
    return Dataset(tuple(r.model_copy(update=hostile) if r.id == "evil" else r for r in loaded.records))


def everything(ds: Dataset) -> tuple[list[Instrument], Filters]:
    filters = Filters()
    return apply(filters, ds.records), filters


# -- CSV -------------------------------------------------------------------------------------------


def read_csv(data: bytes, delimiter: str = ",") -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so Excel reads the encoding"
    return list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline=""), delimiter=delimiter))


def test_csv_is_exactly_the_selection_with_provenance() -> None:
    ds = dataset()
    filters = Filters(level=("NL",))
    selection = apply(filters, ds.records)
    rows = read_csv(export_csv(ds, selection, filters, "en", DOCUMENTS, INFO))
    assert [r["id"] for r in rows] == ["programme", "allocated", "cluster"]
    assert list(rows[0]) == list(EXPORT_COLUMNS)
    assert rows[0]["source_document"] == "doc-nl"
    assert rows[0]["source_document_title"] == "Progress letter"
    assert rows[0]["source_locator"] == "L1" and rows[0]["source_quote"] == "a quote"
    assert [r["amount_eur"] for r in rows] == ["296000000", "120000000", "7600000.5"]
    assert [r["counted_in_net_total"] for r in rows] == ["yes", "no", "no"]
    assert rows[0]["beneficiary_types"] == "research;startups_smes"


def test_csv_neutralises_formulas_in_text_columns_only() -> None:
    ds = dataset()
    selection, filters = everything(ds)
    rows = {r["id"]: r for r in read_csv(export_csv(ds, selection, filters, "en", DOCUMENTS, INFO))}
    evil = rows["evil"]
    assert evil["name_en"] == "'" + EVIL_NAME
    assert evil["source"] == "'@Evil source"
    assert evil["source_quote"] == "'-2+3 is not a formula here"
    assert evil["notes"] == "'\tstarts with a tab"
    assert evil["amount_eur"] == "50000000"  # numbers stay numbers
    prefixed = [(r["id"], k) for r in rows.values() for k, v in r.items() if v.startswith("'")]
    assert sorted(prefixed) == sorted(
        ("evil", k) for k in ("name_en", "name_nl", "source", "source_quote", "notes")
    ), "only the hostile cells are touched"


def test_dutch_csv_uses_semicolons_and_decimal_commas() -> None:
    ds = dataset()
    selection, filters = everything(ds)
    rows = {r["id"]: r for r in read_csv(export_csv(ds, selection, filters, "nl", DOCUMENTS, INFO), ";")}
    assert rows["cluster"]["amount_eur"] == "7600000,5"
    assert rows["programme"]["source_document_title"] == "Voortgangsbrief"


# -- XLSX ------------------------------------------------------------------------------------------


def workbook(lang: str = "en", filters: Filters | None = None):  # type: ignore[no-untyped-def]
    ds = dataset()
    filters = filters or Filters()
    selection = apply(filters, ds.records)
    data = export_xlsx(ds, selection, filters, lang, DOCUMENTS, INFO, today=TODAY)  # type: ignore[arg-type]
    return load_workbook(io.BytesIO(data)), data


def test_xlsx_sheets_numbers_and_formats() -> None:
    book, _ = workbook()
    assert book.sheetnames == [t(f"sheet_{s}", "en") for s in ("data", "sources", "about")]
    sheet = book[t("sheet_data", "en")]
    header = [c.value for c in sheet[1]]
    assert header == list(EXPORT_COLUMNS)
    assert sheet.freeze_panes == "B2"
    amount = header.index("amount_eur") + 1
    ids = [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)]
    assert ids == [r.id for r in dataset().records]
    cells = {sheet.cell(r, 1).value: sheet.cell(r, amount) for r in range(2, sheet.max_row + 1)}
    assert cells["loan"].value == 1500 * M and cells["loan"].data_type == "n"
    assert cells["cluster"].value == 7600000.5
    assert cells["loan"].number_format == EURO_FORMAT and "€" in EURO_FORMAT
    assert cells["fund"].value is None
    url = header.index("source_url") + 1
    assert all(sheet.cell(r, url).value is None for r in range(2, sheet.max_row + 1))


def test_xlsx_stores_formula_like_text_as_text() -> None:
    book, data = workbook()
    sheet = book[t("sheet_data", "en")]
    header = [c.value for c in sheet[1]]
    evil = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == "evil")
    name = sheet.cell(evil, header.index("name_en") + 1)
    assert name.value == EVIL_NAME  # kept exactly as curated ...
    assert name.data_type == "s"  # ... but as a string, never a formula
    assert name.quotePrefix
    for sheet in book.worksheets:
        assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert all(
            b"<f>" not in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")
        )


def test_xlsx_sources_sheet_lists_each_cited_document_and_its_rows() -> None:
    book, _ = workbook()
    rows = list(book[t("sheet_sources", "en")].iter_rows(min_row=2, values_only=True))
    by_id = {r[1]: r for r in rows}
    assert set(by_id) == {"doc-eu", "doc-nl", "doc-unregistered"}
    assert by_id["doc-eu"][2:6] == (
        "EU strategy",
        "European Commission",
        "2025-12-16",
        "https://example.eu/strategy",
    )
    assert by_id["doc-nl"][6] == 3 and by_id["doc-nl"][7] == "programme, allocated, cluster"
    assert "not in the document registry" in by_id["doc-unregistered"][2]
    assert book[t("sheet_sources", "en")].cell(2, 6).hyperlink.target == "https://example.eu/strategy"


def test_xlsx_about_sheet_has_selection_version_citation_and_totals_by_kind() -> None:
    book, _ = workbook(filters=Filters(level=("EU", "NL")))
    values = [
        v for row in book[t("sheet_about", "en")].iter_rows(values_only=True) for v in row if v is not None
    ]
    assert f"{t('describe_level', 'en')}: EU, {LEVEL.label('NL', 'en')}" in values
    assert "level=EU&level=NL" in values
    assert "OUT --level EU --level NL" in values
    assert "9.9.9" in values and "2026-01-02" in values and "2026-11-23" in values
    assert INFO.citation in values
    sheet = book[t("sheet_about", "en")]
    totals = {
        sheet.cell(r, 1).value: [sheet.cell(r, c) for c in range(2, 15)]
        for r in range(1, sheet.max_row + 1)
        if sheet.cell(r, 1).value
        in [K(kind) for kind in ("public", "guarantee", "state_aid_ceiling", "target")]
    }
    public = totals[K("public")]
    # NL + EU rows: battery-specific programme 296 m + evil 50 m = 346 m (the parts are inside the
    # programme); the loan, 1500 m, is not battery-specific; all counted once: 1846 m, no range.
    values = [c.value for c in public]
    assert values[:6] == [346 * M, 346 * M, 1500 * M, 1500 * M, 1846 * M, 1846 * M]
    assert all(c.data_type == "n" and c.number_format == EURO_FORMAT for c in public[:6])
    assert values[6] == "exactly"
    assert values[7] == 296 * M + 120 * M + 7600000.5 + 1500 * M + 50 * M
    assert values[8] == "about"
    assert values[9:12] == [3, 5, 2]
    assert not values[12]  # nothing may share money: no rows make a range
    assert totals[K("guarantee")][0].value == 200 * M
    assert totals[K("state_aid_ceiling")][0].value is None  # MS level is filtered out: no amount, no zero
    target = totals[K("target")]  # targets may overlap: counted, never summed
    assert all(c.value is None for c in target[:6]) and target[7].value is None
    assert target[6].value == t("tot_not_summed", "en")
    assert target[10].value == 2  # stated amounts


def test_xlsx_follows_the_language() -> None:
    book, _ = workbook("nl")
    assert book.sheetnames == [t(f"sheet_{s}", "nl") for s in ("data", "sources", "about")]
    values = [
        v for row in book[t("sheet_about", "nl")].iter_rows(values_only=True) for v in row if v is not None
    ]
    assert t("describe_all", "nl") in values and K("public", "nl") in values


# -- PPTX ------------------------------------------------------------------------------------------


@functools.cache
def deck_bytes(lang: str, filters: Filters, template: bytes | None) -> bytes:
    """Each deck is built once per test session; every test opens its own copy."""
    ds = dataset()
    selection = apply(filters, ds.records)
    return export_pptx(ds, selection, filters, lang, DOCUMENTS, INFO, template=template, today=TODAY)  # type: ignore[arg-type]


def deck(lang: str = "en", filters: Filters | None = None, template: bytes | None = None):  # type: ignore[no-untyped-def]
    return Presentation(io.BytesIO(deck_bytes(lang, filters or Filters(), template)))


def texts(slide) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)


def charts(prs) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return {
        slide.shapes.title.text_frame.text: shape.chart
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_chart
    }


def test_deck_structure() -> None:
    prs = deck()
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles == [
        t("deck_title", "en"),
        t("headline", "en"),
        # one chart per figure kind that has amounts (kinds are never on one chart) ...
        *[t("chart_envelopes", "en", kind=K(kind)) for kind in AMOUNT_KIND.codes],
        # ... then the breakdowns of public funding
        PILLAR_TITLE,
        t("chart_source", "en", kind=K("public")),
        t("chart_instrument_type", "en", kind=K("public")),
        t("chart_beneficiary", "en", kind=K("public")),
        t("table_title", "en"),
        t("sources_title", "en"),
    ]
    title_slide = texts(prs.slides[0])
    assert t("selection", "en", text=t("describe_all", "en")) in title_slide
    assert t("dataset_line", "en", version="9.9.9", date="2026-01-02", today="2026-11-23") in title_slide
    for slide in prs.slides:
        assert not any(shape.shape_type == 13 for shape in slide.shapes), "charts are native, not pictures"


def test_every_chart_is_a_native_bar_chart_with_its_source_line() -> None:
    prs = deck()
    found = 0
    for slide in prs.slides:
        if any(shape.has_chart for shape in slide.shapes):
            found += 1
            chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
            assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
            assert SOURCE_LINE in texts(slide)
            assert t("documents", "en", refs="[X").split("X")[0] in texts(slide)
            assert slide.notes_slide.notes_text_frame.text.strip()
    assert found == 9


def values(chart) -> list[float]:  # type: ignore[no-untyped-def]
    return list(chart.plots[0].series[0].values)


def labels(chart) -> list[str]:  # type: ignore[no-untyped-def]
    return [point.data_label.text_frame.text for point in chart.plots[0].series[0].points]


def test_envelope_chart_shows_parts_under_their_whole_never_summed() -> None:
    chart = charts(deck())[t("chart_envelopes", "en", kind=K("public"))]
    categories = list(chart.plots[0].categories)
    assert categories == [
        "Example instrument",  # loan 1500 m
        "Example instrument",  # programme 296 m
        "↳ Example instrument",  # its part: 120 m
        "↳ Example instrument",  # its part: 7.6 m
        EVIL_NAME,  # 50 m
    ]
    assert values(chart) == [1500 * M, 296 * M, 120 * M, 7600000.5, 50 * M]
    assert labels(chart) == [
        f"EUR 1.5 bn · {t('not_battery_specific', 'en')}",
        "EUR 296 m",
        "at least EUR 120 m",
        "about EUR 7.6 m",
        "EUR 50 m",
    ]
    counted = [v for v, c in zip(values(chart), categories, strict=True) if not c.startswith("↳")]
    assert sum(counted) == 1846 * M


def test_breakdown_charts_equal_hand_computed_totals() -> None:
    found = charts(deck())
    pillar = found[PILLAR_TITLE]
    assert list(pillar.plots[0].categories) == [
        EU_PILLAR.label("financing", "en"),
        EU_PILLAR.label("research_skills", "en"),
        t("not_stated_group", "en"),
    ]
    assert values(pillar) == [1500 * M, 296 * M, 50 * M]
    source = found[t("chart_source", "en", kind=K("public"))]
    assert dict(zip(source.plots[0].categories, values(source), strict=True)) == {
        "EU Innovation Fund": 1500 * M,
        "Nationaal Groeifonds": 296 * M,
        "@Evil source": 50 * M,
    }
    types = found[t("chart_instrument_type", "en", kind=K("public"))]
    assert dict(zip(types.plots[0].categories, values(types), strict=True)) == {
        INSTRUMENT_TYPE.label("loan", "en"): 1500 * M,
        INSTRUMENT_TYPE.label("grant", "en"): 346 * M,
    }
    assert sum(values(types)) == 1846 * M


def test_beneficiary_chart_says_it_is_not_additive() -> None:
    prs = deck()
    slide = next(
        s
        for s in prs.slides
        if s.shapes.title.text_frame.text == t("chart_beneficiary", "en", kind=K("public"))
    )
    chart = next(shape.chart for shape in slide.shapes if shape.has_chart)
    # programme (296 m) is open to research and start-ups; evil (50 m) to research: 296 m counts twice.
    assert list(zip(chart.plots[0].categories, values(chart), strict=True)) == [
        (BENEFICIARY.label("cell_manufacturers", "en"), 1500 * M),
        (BENEFICIARY.label("research", "en"), 346 * M),
        (BENEFICIARY.label("startups_smes", "en"), 296 * M),
    ]
    assert sum(values(chart)) > 1846 * M  # which is why it must say so
    assert t("not_additive", "en") in texts(slide)


def test_headline_slide_keeps_kinds_apart() -> None:
    text = texts(deck().slides[1])
    assert f"{t('battery_public', 'en')}\nEUR 346 m" in text  # the lead: programme 296 + evil 50
    assert f"{t('wider_public', 'en')}: EUR 1.5 bn" in text  # the loan, kept apart
    assert f"{t('net_public', 'en')}: EUR 1.846 bn" in text
    assert "about EUR 1.974 bn" in text  # gross, mixed qualifiers
    assert "EUR 200 m" in text and "up to EUR 6.1 bn" in text and "at least EUR 13.8 bn" in text
    assert t("kept_apart", "en") in text
    assert t("counts", "en", n=12, with_amount=10, without=2) in text


def test_table_and_sources_slides() -> None:
    prs = deck()
    table = next(shape.table for shape in prs.slides[-2].shapes if shape.has_table)
    rows = [[cell.text for cell in r.cells] for r in table.rows]
    assert rows[0] == [t(f"col_{c}", "en") for c in ("name", "kind", "amount", "status", "document")]
    assert len(rows) == 1 + 12
    loan = next(r for r in rows if r[4] == "[1] Pillar I, L1095")
    assert loan[2] == "EUR 1,500,000,000"
    assert [
        "↳ Example instrument",
        K("public"),
        "at least EUR 120,000,000",
        STATUS.label("allocated", "en"),
    ] in [r[:4] for r in rows]
    sources = texts(prs.slides[-1])
    assert "[1] European Commission, EU strategy, 2025-12-16. https://example.eu/strategy" in sources
    assert f"[2] Ministry, Progress letter ({t('cited_by', 'en', n=3)})" in sources
    assert f"[3] doc-unregistered {t('unregistered', 'en')}" in sources


def test_dutch_deck() -> None:
    prs = deck("nl")
    assert prs.slides[1].shapes.title.text_frame.text == t("headline", "nl")
    assert "€ 1,846 mld" in texts(prs.slides[1])
    chart = charts(prs)[t("chart_envelopes", "nl", kind=K("public", "nl"))]
    assert labels(chart)[2] == "minstens € 120 mln"
    assert t("source_line", "nl", title=INFO.title_nl, version="9.9.9", date="2026-01-02") in texts(
        prs.slides[2]
    )
    assert prs.slides[-1].shapes.title.text_frame.text == t("sources_title", "nl")


def test_empty_selection_still_makes_a_deck() -> None:
    prs = deck(filters=Filters(q="no such thing"))
    assert len(prs.slides) == 4  # title, headline, table, sources
    assert t("empty_selection", "en") in texts(prs.slides[2])


def test_long_selection_paginates_bars_and_table(tmp_path: Path) -> None:
    rows = [row(f"i{n}", str((n + 1) * M), name_en=f"Instrument number {n} " + "x" * 80) for n in range(30)]
    ds = parse_csv(csv_bytes(rows))
    filters = Filters()
    prs = Presentation(io.BytesIO(export_pptx(ds, ds.records, filters, "en", DOCUMENTS, INFO, today=TODAY)))
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    envelopes = t("chart_envelopes", "en", kind=K("public"))
    assert titles.count(envelopes) == 1
    assert titles.count(f"{envelopes} {t('continued', 'en')}") == 2
    bars = [len(values(shape.chart)) for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert bars[:3] == [14, 14, 2]
    assert titles.count(f"{t('table_title', 'en')} {t('continued', 'en')}") >= 1


def test_control_characters_do_not_break_files() -> None:
    loaded = parse_csv(csv_bytes([row("a", "5")]))
    ds = Dataset((loaded.records[0].model_copy(update={"name_en": "bell\x07 and vertical\x0btab"}),))
    filters = Filters()
    for export in (export_xlsx, export_pptx):
        data = export(ds, ds.records, filters, "en", DOCUMENTS, INFO)
        assert data[:2] == b"PK"


def test_template_layouts_are_used_and_its_slides_dropped() -> None:
    template = Presentation()  # 4:3, with a slide that must not appear in the deck
    template.slides.add_slide(template.slide_layouts[1]).shapes.title.text = "TEMPLATE SLIDE"
    buffer = io.BytesIO()
    template.save(buffer)
    prs = deck(template=buffer.getvalue())
    assert (prs.slide_width, prs.slide_height) == (template.slide_width, template.slide_height)
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert "TEMPLATE SLIDE" not in titles and titles[1] == "Headline figures"
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert prs.slides[1].slide_layout.name == "Title Only"
    assert len(charts(prs)) == 9


def test_potx_template_is_accepted() -> None:
    buffer = io.BytesIO()
    Presentation().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"presentation.main+xml", b"template.main+xml")
            target.writestr(item, content)
    pptx = buffer.getvalue()
    assert [s.shapes.title.text_frame.text for s in deck(template=out.getvalue()).slides] == [
        s.shapes.title.text_frame.text for s in deck(template=pptx).slides
    ]


def test_bad_template_is_an_unreadable_file() -> None:
    with pytest.raises(UnreadableFile, match="not a PowerPoint"):
        deck(template=b"this is not a presentation")


def test_chart_names_are_the_cli_names() -> None:
    ds = dataset()
    selection, filters = everything(ds)
    assert CHARTS == ("envelopes", "pillar", "source", "instrument_type", "beneficiary")
    with pytest.raises(ValueError, match="valid: envelopes"):
        chart_spec(ds, selection, filters, "pie", "en")


# -- Rendering (only where LibreOffice is installed; CI need not have it) -------------------------


@pytest.mark.skipif(
    shutil.which("libreoffice") is None or shutil.which("pdftoppm") is None,
    reason="needs LibreOffice and poppler (apt-get install libreoffice-impress poppler-utils)",
)
@pytest.mark.subprocess
def test_deck_renders_one_png_per_slide(tmp_path: Path) -> None:
    ds = dataset()
    selection, filters = everything(ds)
    path = tmp_path / "deck.pptx"
    data = export_pptx(ds, selection, filters, "nl", DOCUMENTS, INFO, today=TODAY)
    path.write_bytes(data)
    result = subprocess.run(
        [str(ROOT / "scripts" / "render_deck"), str(path), str(tmp_path / "png"), "30"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "png").glob("deck-*.png"))) == len(Presentation(io.BytesIO(data)).slides)


# -- PNG figure (the data only; rendering needs Chromium and is tested in test_cli_export) ---------


def subtitle(figure) -> str:  # type: ignore[no-untyped-def]
    text = figure.layout.title.subtitle.text.replace("<br>", " ")
    return re.sub(r"<[^>]+>", "", text)


def test_png_figure_is_the_dashboards_chart_with_sources() -> None:
    from funding.exports.images import chart_figure

    ds = dataset()
    marked = Dataset(
        tuple(
            r.model_copy(update={"name_en": "<img src=x onerror=alert(1)>"}) if r.id == "loan" else r
            for r in ds.records
        )
    )
    selection, filters = everything(marked)
    figure = chart_figure(marked, selection, filters, "en", DOCUMENTS, INFO, chart="instrument_type")
    bars = {y: x for trace in figure.data for x, y in zip(trace.x, trace.y, strict=True)}
    assert bars["loan"] == 1.5 and bars["grant"] == 0.346  # EUR bn: 1500 m and 296 m + 50 m
    envelopes = chart_figure(marked, selection, filters, "en", DOCUMENTS, INFO, chart="envelopes")
    ticks = " ".join(envelopes.layout.yaxis.ticktext)
    assert "&lt;img" in ticks and "<img" not in ticks  # shown as written, never read as markup
    text = " ".join(subtitle(envelopes).split())
    assert SOURCE_LINE in text
    documents = " ".join(envelopes.layout.annotations[-1].text.replace("<br>", " ").split())
    names = "Ministry, Progress letter; European Commission, EU strategy, 2025-12-16"
    assert documents == t("documents_png", "en", names=names)
    uploaded = chart_figure(marked, selection, filters, "en", DOCUMENTS, INFO, upload_name="mine.csv")
    assert t("source_line_upload", "en", name="mine.csv") in " ".join(subtitle(uploaded).split())
    targets = Filters(kind=("target",))
    only = chart_figure(ds, apply(targets, ds.records), targets, "en", DOCUMENTS, INFO)
    assert {y for trace in only.data for y in trace.y} == {"target-a", "target-b"}


def test_targets_are_never_grouped_into_sums() -> None:
    ds = dataset()
    selection, filters = everything(ds)
    with pytest.raises(ValueError, match="never added up"):
        chart_spec(ds, selection, filters, "source", "en", kind="target")
    only_targets = Filters(kind=("target",))
    prs = deck(filters=only_targets)
    assert len(charts(prs)) == 1  # the targets one by one; no breakdown sums them
    assert t("not_summed_chart", "en") in texts(
        next(s for s in prs.slides if any(sh.has_chart for sh in s.shapes))
    )
