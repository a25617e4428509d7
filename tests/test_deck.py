"""The deck opened with python-pptx, as a user's PowerPoint would read it; expected figures are
worked out by hand from the factory dataset (tests/export_support.py: its docstring has the sums)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from export_support import (
    DOCUMENTS,
    EVIL_NAME,
    INFO,
    TODAY,
    categories,
    charts,
    dataset,
    deck,
    label_formats,
    texts,
    title,
    values,
)
from factory import csv_bytes, pillar_range_rows, row
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches, Pt

from funding.base.errors import UnreadableFile
from funding.exports import CHARTS, export_pptx
from funding.exports.deck_parts import lines
from funding.exports.deck_tables import TABLE_PT
from funding.exports.figures import chart_spec
from funding.exports.slides import MAX_TABLE_ROWS
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, EU_PILLAR, INSTRUMENT_TYPE, STATUS, Lang
from funding.registry.loading import parse_csv
from funding.selecting.selection import ORIGIN_LABELS, Filters, apply
from funding.selecting.totals import NotSummable

M = 1_000_000
LOAN_ONLY = Filters(type=("loan",))


def K(kind: str, lang: Lang = "en") -> str:
    return AMOUNT_KIND.label(kind, lang)


def test_the_slides_tell_the_story_in_order() -> None:
    """Title; headline; what the battery figure is made of, and where documents disagree;
    public funding compared and broken down (one bar charts said in words instead); then the
    kinds kept apart with more than one figure (only the two targets); the stated figures (10,
    at most 8 a slide); the 2 entries without an amount; the sources."""
    prs = deck()
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    framework = t("framework_eu", "en")
    assert [title(s) for s in prs.slides] == [
        t("deck_title", "en"),
        t("headline", "en"),
        t("lead_title", "en"),
        t("lead_disagreements", "en"),
        t("chart_envelopes", "en", kind=K("public")),
        t("chart_pillar", "en", kind=K("public"), framework=framework),
        t("chart_source", "en", kind=K("public")),
        t("chart_beneficiary", "en", kind=K("public")),
        t("chart_instrument_type", "en", kind=K("public")),
        t("chart_envelopes", "en", kind=K("target")),
        t("table_title", "en"),
        f"{t('table_title', 'en')} {t('continued', 'en')}",
        t("unstated_title", "en"),
        t("sources_title", "en"),
    ]
    for slide in prs.slides:
        assert not any(shape.shape_type == 13 for shape in slide.shapes), "charts are native, not pictures"


def all_chart_slides(prs: Any) -> list[tuple[Any, Any]]:
    return [(slide, shape.chart) for slide in prs.slides for shape in slide.shapes if shape.has_chart]


@pytest.mark.parametrize(
    "lang, filters",
    [
        ("en", Filters()),
        ("nl", Filters(level=("NL",), framework="nl")),
        ("en", LOAN_ONLY),
        ("en", Filters(q="nothing")),
    ],
)
def test_no_chart_slide_has_a_single_category(lang: Lang, filters: Filters) -> None:
    for slide, chart in all_chart_slides(deck(lang, filters)):
        assert len(categories(chart)) >= 2, title(slide)


def test_one_bar_charts_become_sentences_on_the_headline() -> None:
    """One loan: the comparison and the four breakdowns each have one bar; none is drawn, each
    is said on the headline slide. The loan is no battery-only money, so there is no battery
    figure to take apart: title, headline, table, sources."""
    prs = deck(filters=LOAN_ONLY)
    assert not all_chart_slides(prs)
    assert [title(s) for s in prs.slides] == [
        t("deck_title", "en"),
        t("headline", "en"),
        t("table_title", "en"),
        t("sources_title", "en"),
    ]
    headline = texts(prs.slides[1])
    envelopes = t("chart_envelopes", "en", kind=K("public"))
    assert (
        t("one_figure", "en", title=envelopes, name="Cell loans", amount="EUR 1.5 bn · not battery-specific")
        in headline
    )
    by_type = t("chart_instrument_type", "en", kind=K("public"))
    assert (
        t(
            "one_group",
            "en",
            title=by_type,
            group=INSTRUMENT_TYPE.label("loan", "en"),
            amount="EUR 1.5 bn ◇ not battery-specific",  # the loan is wider money: marked as such
        )
        in headline
    )
    assert headline.count("EUR 1.5 bn") >= 6  # wider envelopes, and the five sentences


def test_charts_are_native_bars_with_sources_and_no_fixed_axis_maximum() -> None:
    prs = deck()
    found = all_chart_slides(prs)
    assert len(found) == 6
    footer = t("deck_footer", "en", title=INFO.title, version=INFO.version, date=INFO.date)
    for slide, chart in found:
        assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
        assert footer in texts(slide) and t("documents", "en", refs="[X").split("X")[0] in texts(slide)
        assert chart.value_axis.maximum_scale is None  # an edited value rescales the chart
        assert slide.notes_slide.notes_text_frame.text.strip()


def test_data_labels_come_from_the_values_through_number_formats() -> None:
    """No label is fixed text: each shows its value through a format that writes it as the page
    does (tests/test_number_formats.py renders them): 1.5 bn with one decimal at the bn scale, the
    programme's parts with their qualifiers, the loan marked as not battery-specific."""
    chart = charts(deck())[t("chart_envelopes", "en", kind=K("public"))]
    assert categories(chart) == [
        "Cell loans",
        "Materials programme",
        "↳ Allocated in 2025",
        "↳ Cluster grant",
        EVIL_NAME,
    ]
    assert values(chart) == [1500 * M, 296 * M, 120 * M, 7600000.5, 50 * M]
    not_battery = t("not_battery_specific", "en")
    assert label_formats(chart) == [
        f'[$-809]"EUR "#,##0.0,,," bn · {not_battery}"',
        '[$-809]"EUR "#,##0,," m"',
        '[$-809]"at least EUR "#,##0,," m"',
        '[$-809]"about EUR "#,##0.0',  # 7.600|0005 m: three decimals drop 0.5 euros, so in full
        '[$-809]"EUR "#,##0,," m"',
    ]
    series = chart.plots[0].series[0]._element
    assert series.xpath("./c:dLbls/c:dLbl/c:tx") == []  # no text typed into a label
    assert set(series.xpath("./c:dLbls/c:dLbl/c:numFmt/@sourceLinked")) == {"0"}
    assert set(series.xpath("./c:dLbls/c:dLbl/c:showVal/@val")) == {"1"}
    counted = [v for v, c in zip(values(chart), categories(chart), strict=True) if not c.startswith("↳")]
    assert sum(counted) == 1846 * M  # the parts are shown, never added


def test_breakdowns_equal_hand_computed_totals_largest_first() -> None:
    found = charts(deck())
    pillar = found[t("chart_pillar", "en", kind=K("public"), framework=t("framework_eu", "en"))]
    assert categories(pillar) == [
        EU_PILLAR.label("financing", "en"),
        EU_PILLAR.label("research_skills", "en"),
        t("not_stated_group", "en"),  # "not stated" last whatever its size
    ]
    assert values(pillar) == [1500 * M, 296 * M, 50 * M]
    types = found[t("chart_instrument_type", "en", kind=K("public"))]
    # grant: the programme 296 + the hostile row 50 = 346; the programme's parts are inside it.
    assert dict(zip(categories(types), values(types), strict=True)) == {
        INSTRUMENT_TYPE.label("loan", "en"): 1500 * M,
        INSTRUMENT_TYPE.label("grant", "en"): 346 * M,
    }
    beneficiary = found[t("chart_beneficiary", "en", kind=K("public"))]
    assert values(beneficiary) == [1500 * M, 346 * M, 296 * M]  # research 296 + 50, start-ups 296


def test_a_group_whose_figures_may_share_money_is_a_range() -> None:
    """Two figures of one pillar that may share money (3,000 and 300): the bar is drawn to the
    high end, 3,300, and labelled "EUR 3.0–3.3 bn", never a point figure."""
    ds = parse_csv(csv_bytes(pillar_range_rows()))
    spec = chart_spec(ds, ds.records, Filters(), "pillar", "en")
    assert [(b.low, b.high, b.text) for b in spec.bars] == [
        (3000 * M, 3300 * M, "EUR 3.0–3.3 bn"),
        (100 * M, 100 * M, "EUR 100 m"),
    ]
    assert t("deck_range_bars", "en") in spec.notes


def test_speaker_notes_follow_the_bars_with_locators_quotes_and_disagreements() -> None:
    prs = deck()
    slide = next(s for s in prs.slides if title(s) == t("chart_envelopes", "en", kind=K("public")))
    notes = slide.notes_slide.notes_text_frame.text
    chart = charts(prs)[title(slide)]
    where = [notes.index(name.removeprefix("↳ ")) for name in categories(chart)]
    assert where == sorted(where), "in bar order"
    assert "[1] Pillar I, L1095: “EUR 1.5 billion in loans”" in notes  # line numbers: notes only
    assert f"{t('deck_other_document', 'en')}: EU strategy: EUR 291 m" in notes
    by_pillar = t("chart_pillar", "en", kind=K("public"), framework=t("framework_eu", "en"))
    pillar = next(s for s in prs.slides if title(s) == by_pillar)
    spoken = pillar.notes_slide.notes_text_frame.text
    bars = [spoken.index(label) for label in categories(charts(prs)[title(pillar)])]
    assert bars == sorted(bars)


def test_readers_see_sections_never_line_numbers() -> None:
    for lang, filters in (("en", Filters()), ("nl", Filters())):
        for slide in deck(lang, filters).slides:  # type: ignore[arg-type]
            assert not re.search(r"\bL\d+", texts(slide)), title(slide)
    table = next(shape.table for shape in deck().slides[10].shapes if shape.has_table)
    rows = [[cell.text for cell in r.cells] for r in table.rows]
    loan = next(r for r in rows if r[0] == "Cell loans")
    # amounts as on the charts; the loan is no battery-only money and says so
    assert loan[2:] == [f"EUR 1.5 bn · {t('not_battery_specific', 'en')}", "—", "[1] Pillar I"]


def table_slides(prs: Any) -> list[Any]:
    return [shape for slide in prs.slides for shape in slide.shapes if shape.has_table]


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_tables_are_12_pt_or_more_with_a_bounded_number_of_rows(lang: Lang) -> None:
    shapes = table_slides(deck(lang))
    assert sum(len(s.table.rows) - 1 for s in shapes) == 10  # the stated figures, on two slides
    assert len(shapes) == 2
    for shape in shapes:
        assert len(shape.table.rows) - 1 <= MAX_TABLE_ROWS
        sizes = [
            run.font.size
            for r in shape.table.rows
            for c in r.cells
            for p in c.text_frame.paragraphs
            for run in p.runs
        ]
        assert sizes and min(sizes) >= Pt(12)
    for slide in deck(lang).slides:
        for shape in slide.shapes:
            if shape.has_text_frame and not re.fullmatch(
                r"\d+/\d+|"
                + re.escape(
                    t("deck_footer", lang, title=INFO.title_in(lang), version=INFO.version, date=INFO.date)
                )
                + ".*",
                shape.text_frame.text,
            ):
                sizes = [
                    run.font.size for p in shape.text_frame.paragraphs for run in p.runs if run.font.size
                ]
                assert all(size >= Pt(12) for size in sizes), (
                    shape.text_frame.text
                )  # only the footer is smaller


@pytest.mark.parametrize("lang, filters", [("en", Filters()), ("nl", Filters()), ("en", LOAN_ONLY)])
def test_every_chart_table_and_picture_has_alt_text(lang: Lang, filters: Filters) -> None:
    data = io.BytesIO()
    deck(lang, filters).save(data)
    with zipfile.ZipFile(data) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"ppt/slides/slide\d+\.xml", name):
                xml = archive.read(name).decode("utf-8")
                frames = re.findall(r"<p:(?:graphicFrame|pic)>.*?<p:cNvPr ([^>]*)>", xml, re.S)
                assert all(re.search(r'descr="[^"]{20,}"', attributes) for attributes in frames), name
    for slide, chart in all_chart_slides(deck(lang, filters)):
        frame = next(shape for shape in slide.shapes if shape.has_chart)
        described = frame._element.xpath("./*[1]/p:cNvPr/@descr")[0]
        assert title(slide) in described and categories(chart)[0].strip() in described


def test_headline_keeps_kinds_apart_and_explains_its_words() -> None:
    text = texts(deck().slides[1])
    assert f"{t('battery_public', 'en')}\nEUR 346 m\n{t('lead_help', 'en')}" in text  # the lead, explained
    assert f"{t('wider_public', 'en')}: EUR 1.5 bn" in text  # the loan, kept apart
    # 346 + 1,500 = 1,846 m, said at three digits: EUR 1.85 bn, which is no longer exact: "about".
    assert f"{t('net_public', 'en')}: about EUR 1.85 bn" in text
    assert t("net_help", "en") in text
    # No sum that adds the programme's parts to it (296 + 120 + 7.6 + 1,500 + 50 = 1,973.6).
    assert "1.974" not in text and "1.97" not in text
    assert "for batteries: EUR 200 m" in text and "for batteries: up to EUR 6.1 bn" in text
    assert "for batteries: at least EUR 13.8 bn" in text
    assert t("targets_stated", "en", n=2) in text
    # All 12 rows are instruments; the fund parent and the unknown one state no amount.
    assert "12 funding instruments; 2 of them state no amount" in text


def test_the_lead_slide_says_what_the_battery_figure_is_made_of() -> None:
    prs = deck()
    text = texts(prs.slides[2])
    assert "Materials programme: EUR 296 m" in text and f"{EVIL_NAME}: EUR 50 m" in text
    assert f"{ORIGIN_LABELS.label('not_stated', 'en')}: EUR 346 m" in text
    # Where documents disagree, on a slide of its own: the other document's figure.
    assert title(prs.slides[3]) == t("lead_disagreements", "en")
    assert "Materials programme: EU strategy: EUR 291 m" in texts(prs.slides[3])


def test_entries_without_an_amount_are_a_list_not_bars() -> None:
    prs = deck()
    listed = texts(next(s for s in prs.slides if title(s) == t("unstated_title", "en")))
    assert "Innovation fund [1]" in listed and "Unknown amount [1]" in listed
    assert t("unstated_instruments", "en", n=2) in listed
    assert not any("Unknown amount" in c for chart in charts(prs).values() for c in categories(chart))


def test_sources_slide_cites_the_documents_and_the_dataset() -> None:
    sources = texts(deck().slides[-1])
    assert "[1] European Commission, EU strategy, 2025-12-16. https://example.eu/strategy" in sources
    assert f"[2] Ministry, Progress letter ({t('cited_for', 'en', n=3)})" in sources
    assert f"[3] doc-unregistered {t('unregistered', 'en')} ({t('cited_for', 'en', n=1)})" in sources
    assert "Test funding dataset, dataset version 9.9.9 (2 January 2026)." in sources
    assert "README" not in sources and "curated" not in sources


def test_dutch_deck_is_dutch_down_to_its_properties() -> None:
    prs = deck("nl")
    assert title(prs.slides[1]) == t("headline", "nl")
    assert "circa € 1,85 mld" in texts(prs.slides[1])  # 1.846 said at three digits
    chart = charts(prs)[t("chart_envelopes", "nl", kind=K("public", "nl"))]
    assert label_formats(chart)[2] == '[$-413]"minstens € "#,##0,," mln"'
    footer = t("deck_footer", "nl", title=INFO.title_nl, version="9.9.9", date="2026-01-02")
    assert footer in texts(prs.slides[3])
    properties = prs.core_properties
    assert properties.author == properties.last_modified_by == INFO.title_nl
    assert properties.title == t("deck_title", "nl") and properties.language == "nl-NL"
    assert properties.comments == "Testdataset financiering, datasetversie 9.9.9 (2 januari 2026)."


def test_empty_selection_still_makes_a_deck() -> None:
    prs = deck(filters=Filters(q="no such thing"))
    assert [title(s) for s in prs.slides] == [
        t("deck_title", "en"),
        t("headline", "en"),
        t("table_title", "en"),
        t("sources_title", "en"),
    ]
    assert t("empty_selection", "en") in texts(prs.slides[2])


def test_long_selection_paginates_bars_evenly_and_tables() -> None:
    """30 bars: three slides of 10, never a slide of a single bar."""
    rows = [row(f"i{n}", str((n + 1) * M), name_en=f"Instrument number {n} " + "x" * 80) for n in range(30)]
    ds = parse_csv(csv_bytes(rows))
    prs = Presentation(io.BytesIO(export_pptx(ds, ds.records, Filters(), "en", DOCUMENTS, INFO, today=TODAY)))
    titles = [title(s) for s in prs.slides]
    envelopes = t("chart_envelopes", "en", kind=K("public"))
    bars = [len(values(c)) for s, c in all_chart_slides(prs) if title(s).startswith(envelopes)]
    assert sum(bars) == 30 and min(bars) >= 2 and max(bars) - min(bars) <= 1
    assert titles.count(f"{t('table_title', 'en')} {t('continued', 'en')}") >= 3  # 30 rows, 8 a slide at most


def test_every_chart_takes_the_height_between_its_title_and_the_footer() -> None:
    """The 16:9 deck's free area runs from 1.35 in (under the title) to 7.5 - 0.8 = 6.7 in
    (over the source line): the chart starts at its top and the chart, 0.1 in of space and its
    notes end at its bottom, so the chart is the whole area less its notes."""
    selections: list[tuple[Lang, Filters]] = [
        ("en", Filters()),
        ("nl", Filters(level=("NL",), framework="nl")),
    ]
    for lang, filters in selections:
        for slide, _ in all_chart_slides(deck(lang, filters)):
            frame = next(shape for shape in slide.shapes if shape.has_chart)
            assert frame.top == Inches(1.35), title(slide)
            below = [s for s in slide.shapes if s.top > frame.top and s.top < Inches(6.7)]
            bottom = max(s.top + s.height for s in [frame, *below])
            assert Inches(6.7) - 10 <= bottom <= Inches(6.7), title(slide)
            assert frame.height >= Inches(7.5) / 2, title(slide)  # most of the slide, not a third


def test_long_names_wrap_and_names_alike_stay_apart_when_shortened() -> None:
    """Two 150-character names that differ only in their last words. Two bars: 16 pt type, and
    each bar's slot has the height for three lines. Too long even so, both are shortened, and
    both keep their own last words (cut at the end they would read the same)."""
    start = (
        "InvestEU: critical raw material-related investment to mobilise for the battery value "
        "chain, as the action plan and its annexes set out in detail for each member state, "
    )
    rows = [
        row("a", str(6000 * M), name_en=start + "by 2027"),
        row("b", str(2000 * M), name_en=start + "in 2026-2027"),
    ]
    ds = parse_csv(csv_bytes(rows))
    prs = Presentation(io.BytesIO(export_pptx(ds, ds.records, Filters(), "en", DOCUMENTS, INFO, today=TODAY)))
    (chart,) = charts(prs).values()
    names = [str(name) for name in chart.plots[0].categories]
    assert len(set(names)) == 2 and all(len(name.split("\n")) <= 3 and "…" in name for name in names)
    assert names[0].endswith("state, by 2027") and names[1].endswith("state, in 2026-2027")
    assert all(name.split("\n")[-1].startswith("… ") for name in names)  # the middle left out
    assert names[0].startswith("InvestEU: critical raw")


def test_control_characters_do_not_break_files() -> None:
    loaded = parse_csv(csv_bytes([row("a", "5")]))
    from funding.exports import export_xlsx
    from funding.registry.dataset import Dataset

    ds = Dataset((loaded.records[0].model_copy(update={"name_en": "bell\x07 and vertical\x0btab"}),))
    for export in (export_xlsx, export_pptx):
        assert export(ds, ds.records, Filters(), "en", DOCUMENTS, INFO)[:2] == b"PK"


def template_bytes(pptx: Any) -> bytes:
    buffer = io.BytesIO()
    pptx.save(buffer)
    return buffer.getvalue()


def test_template_layouts_are_used_and_its_slides_dropped() -> None:
    template = Presentation()  # 4:3, with a slide that must not appear in the deck
    template.slides.add_slide(template.slide_layouts[1]).shapes.title.text = "TEMPLATE SLIDE"
    prs = deck(template=template_bytes(template))
    assert (prs.slide_width, prs.slide_height) == (template.slide_width, template.slide_height)
    titles = [title(s) for s in prs.slides]
    assert "TEMPLATE SLIDE" not in titles and titles[1] == t("headline", "en")
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert prs.slides[1].slide_layout.name == "Title Only"
    assert len(charts(prs)) == 6


@pytest.mark.slow  # half a second or more: the full suite runs it
def test_potx_template_is_accepted() -> None:
    pptx = template_bytes(Presentation())
    source = zipfile.ZipFile(io.BytesIO(pptx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                content = content.replace(b"presentation.main+xml", b"template.main+xml")
            target.writestr(item, content)
    assert [title(s) for s in deck(template=out.getvalue()).slides] == [
        title(s) for s in deck(template=pptx).slides
    ]


def test_bad_template_is_an_unreadable_file() -> None:
    with pytest.raises(UnreadableFile) as caught:
        deck(template=b"this is not a presentation")
    assert (caught.value.source, caught.value.code) == ("template", "template_not_pptx")


def test_chart_names_are_the_cli_names_and_targets_are_never_grouped() -> None:
    ds = dataset()
    selection = apply(Filters(), ds.records)
    assert CHARTS == ("envelopes", "pillar", "source", "beneficiary", "instrument_type")  # the page's order
    with pytest.raises(ValueError, match="valid: envelopes"):
        chart_spec(ds, selection, Filters(), "pie", "en")
    with pytest.raises(NotSummable) as refused:
        chart_spec(ds, selection, Filters(), "source", "en", kind="target")
    assert (refused.value.code, refused.value.kind) == ("not_summable", "target")
    only_targets = Filters(kind=("target",))
    prs = deck(filters=only_targets)
    assert len(charts(prs)) == 1  # the targets one by one; no breakdown sums them
    slide = next(s for s in prs.slides if any(sh.has_chart for sh in s.shapes))
    assert t("not_summed_chart", "en") in texts(slide)


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_no_figure_kind_or_status_breaks_inside_a_word_in_the_table(lang: Lang) -> None:
    """Every word of every figure kind and status label fits one line of its column in the
    deck's table, as `lines` measures 12 pt text: at 14% of the width "Staatssteunplafond" was
    cut to "Staatssteunplafon" / "d", and "voorwaardelijk" at 12%."""
    table = next(s.table for slide in deck(lang).slides for s in slide.shapes if s.has_table)
    header = [table.cell(0, c).text_frame.text for c in range(len(table.columns))]
    for key, vocab in (("col_kind", AMOUNT_KIND), ("col_status", STATUS)):
        width = table.columns[header.index(t(key, lang))].width - Inches(0.2)
        words = {w for code in vocab.codes for w in vocab.label(code, lang).split()}
        assert [w for w in sorted(words) if lines(w, TABLE_PT, width) > 1] == [], key
