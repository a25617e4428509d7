"""Chart images for slides (funding.charts.slide): 16:9, with the chart's title, selection, source
line and licence inside the exported layout, and names wrapped, never cut."""

from __future__ import annotations

import html
import re

import plotly.graph_objects as go
from factory import csv_bytes, row

from funding import charts
from funding.charts.slide import image_options, slide_figure, slide_scale, slide_size
from funding.exports.images import chart_figure
from funding.i18n import t
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo, source_line
from funding.registry.loading import parse_csv
from funding.selecting.kinds import offered_kinds
from funding.selecting.selection import Filters, apply, describe

M = 1_000_000
INFO = DatasetInfo(
    title="Battery money",
    title_nl="Batterijgeld",
    version="9.9.9",
    date="2026-12-01",
    citation="c",
    licence="l",
)
LONG = (
    "InvestEU: critical raw material-related investment to mobilise by 2027 under the "
    "strategic investments window, with a name much longer than any label line"
)


def dataset() -> Dataset:
    return parse_csv(
        csv_bytes(
            [
                row("a", str(1500 * M), level="NL"),
                row("b", str(300 * M), level="NL", name_en=LONG, name_nl=LONG),
                row("c", str(925 * M), level="EU"),
            ]
        )
    )


def words(text: str) -> str:
    """What a reader sees of plotly text: no markup, no line breaks, one space between words."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text.replace("<br>", " "))).split())


def test_the_slide_size_is_16_9_and_at_least_1280_by_720() -> None:
    # A 500 px chart is drawn at the 720 px slide height: 720 * 16 / 9 = 1280 wide, at 2x
    # (2560 / 1280 = 2) for a sharp slide.
    assert slide_size(go.Figure(layout={"height": 500})) == (1280, 720)
    # A 1080 px chart keeps its height: 1080 * 16 / 9 = 1920, at ceil(2560 / 1920) = 2.
    assert slide_size(go.Figure(layout={"height": 1080})) == (1920, 1080)
    assert (slide_scale(1280), slide_scale(1920), slide_scale(2700)) == (2, 2, 1)
    options = image_options(go.Figure(layout={"height": 1080}), "name")
    assert options == {"format": "png", "filename": "name", "width": 1920, "height": 1080, "scale": 2}


def test_the_exported_layout_is_16_9_and_carries_title_selection_source_and_licence() -> None:
    for lang in ("en", "nl"):
        ds = dataset()
        filters = Filters(level=("NL",))
        figure = chart_figure(ds, apply(filters, ds.records), filters, lang, INFO)
        slide = slide_figure(figure)
        width, height = int(slide.layout.width), int(slide.layout.height)
        assert height >= 720 and width == round(height * 16 / 9)
        assert words(slide.layout.title.text) == t("envelopes", lang)
        said = words(slide.layout.title.subtitle.text)
        assert t("selection", lang, text=describe(filters, lang)) in said
        assert source_line(INFO, lang) in said
        assert t("chart_licence", lang) in said


def test_a_long_name_is_wrapped_whole_on_the_page_and_on_the_slide() -> None:
    ds = dataset()
    chart = charts.comparison_chart(ds, ds.records, offered_kinds(()), "en", source="Source: s.")
    for figure in (chart.figure, slide_figure(chart.figure)):
        ticks = [words(label) for label in figure.layout.yaxis.ticktext]
        assert LONG in ticks and not any("…" in label for label in ticks)
    # The slide puts SLIDE_LABEL (60) characters a line where the page puts 34: fewer lines.
    page_lines = max(label.count("<br>") for label in chart.figure.layout.yaxis.ticktext)
    slide_lines = max(label.count("<br>") for label in slide_figure(chart.figure).layout.yaxis.ticktext)
    assert slide_lines < page_lines
