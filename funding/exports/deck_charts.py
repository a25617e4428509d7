"""The deck's native bar charts: editable in PowerPoint, and still true after an edit.

Data labels come from the values through number formats (funding.exports.number_formats), the
value axis has no fixed maximum, and room for the category names and the labels is kept by the
plot area's layout instead. Every chart, table and picture gets alt text (`descr` on `p:cNvPr`,
which PowerPoint shows as Alt Text; python-pptx has no setter for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.dml import MSO_PATTERN, MSO_THEME_COLOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Inches, Pt

from funding.charts.labels import fitted_names
from funding.exports.deck_parts import Box
from funding.exports.figures import Bar, ChartSpec
from funding.exports.number_formats import label_format
from funding.exports.xml_text import clean_text
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang

LABEL_PT = 12
# Fewer bars leave room for larger type: (at most this many bars, type size in points).
LARGER_PT = ((4, 16), (8, 14))
# Average width of a character at 12 pt, in inches, with a margin for the renderer's font
# (LibreOffice substitutes DejaVu Sans, wider than Calibri).
CHAR_IN = 0.095
BAR_IN = 0.42  # the least height per bar: a name on two lines of 12 pt
MAX_BAR_IN = 0.7  # the thickest bar: fewer bars spread over the height with wider gaps
MIN_PLOT_IN = 2.5  # the bars' own width, whatever the names and amounts beside them
NAMES_IN = (3.5, 6.0)  # the names' column: at least, and at most
PLOT_H = 0.96  # the plot area's share of the chart's height
LINE_SPACING = 1.2


@dataclass(frozen=True)
class ChartText:
    """How a chart's texts are set: the type size, the names as shown, the room either side."""

    size: int
    names: tuple[str, ...]  # lines joined by "\n"
    names_in: float  # the names' column, in inches
    amounts_in: float  # the amounts' column on the right


def chart_text(bars: Sequence[Bar], box: Box) -> ChartText:
    """Names wrapped onto two lines, three where a bar's slot has the height, in the room the
    amounts leave; shortened only beyond that, and then told apart (funding.charts.labels)."""
    size = next((pt for most, pt in LARGER_PT if len(bars) <= most), LABEL_PT)
    char_in = CHAR_IN * size / LABEL_PT
    amounts_in = max((len(b.label_text) for b in bars), default=10) * char_in + 0.3
    room = box.width / Inches(1) - amounts_in - MIN_PLOT_IN
    names_cap = min(NAMES_IN[1], max(NAMES_IN[0], room))
    slot_pt = box.height * PLOT_H / Pt(1) / max(1, len(bars))
    lines = 3 if slot_pt >= 3 * size * LINE_SPACING + 8 else 2
    fitted = fitted_names([b.label for b in bars], int((names_cap - 0.2) / char_in), lines)
    longest = max((len(line) for name in fitted for line in name), default=10)
    return ChartText(size, tuple("\n".join(name) for name in fitted), longest * char_in + 0.2, amounts_in)


def set_alt_text(shape: Any, text: str) -> None:
    """Alt text on a graphic frame (chart, table) or a picture."""
    # The shape's non-visual properties come first: p:nvGraphicFramePr or p:nvPicPr, then p:cNvPr.
    (properties,) = shape._element.xpath("./*[1]/p:cNvPr")
    properties.set("descr", clean_text(text))


def bars_fitting(height: int) -> int:
    """How many bars a chart `height` EMU high holds, two lines of name each."""
    return max(2, int(height * PLOT_H / Inches(BAR_IN)))


def gap_width(height: int, bars: int) -> int:
    """The gap between bars, in per cent of a bar: 50, or wider where bars would grow thicker
    than MAX_BAR_IN, so that a few bars still spread over the chart's whole height."""
    slot = height * PLOT_H / Inches(1) / max(1, bars)
    return int(min(500, max(50, (slot / MAX_BAR_IN - 1) * 100)))


def bar_chart(slide: Any, box: Box, spec: ChartSpec, bars: Sequence[Bar], lang: Lang) -> Any:
    """A clustered bar chart in euros; parts lighter; returns the graphic frame.

    Where a bar is a range, as on the page: solid to the low end and lighter and hatched on to the
    high end (a second series, the low ends, drawn over the first with full overlap)."""
    ranged = any(b.low != b.high for b in bars)
    text = chart_text(bars, box)
    size = text.size
    data = CategoryChartData(number_format="#,##0")  # type: ignore[no-untyped-call]
    data.categories = text.names
    data.add_series(  # type: ignore[no-untyped-call]
        AMOUNT_KIND.label(spec.kind, lang) + " (EUR)", [b.high for b in bars]
    )
    if ranged:
        data.add_series(t("deck_low_series", lang) + " (EUR)", [b.low for b in bars])  # type: ignore[no-untyped-call]
    frame = slide.shapes.add_chart(
        XL_CHART_TYPE.BAR_CLUSTERED, box.left, box.top, box.width, box.height, data
    )
    chart = frame.chart
    chart.has_legend = False
    chart.has_title = False
    chart.font.size = Pt(size)
    plot = chart.plots[0]
    plot.gap_width = gap_width(box.height, len(bars))
    plot.vary_by_categories = False
    category_axis = chart.category_axis
    category_axis.reverse_order = True  # first bar on top, as read
    category_axis.has_major_gridlines = False
    category_axis.format.line.fill.background()
    value_axis = chart.value_axis
    value_axis.visible = False  # the labels carry the amounts, in the deck's language
    value_axis.has_major_gridlines = False
    value_axis.minimum_scale = 0  # and no maximum: an edited value rescales the bars
    series = plot.series[0]
    if ranged:
        plot.overlap = 100
        _hatched(series.format.fill)
        low_series = plot.series[1]
        low_series.format.fill.solid()
        low_series.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    else:
        series.format.fill.solid()
        series.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    plot.has_data_labels = True
    labels = plot.data_labels
    labels.show_value = True
    labels.number_format_is_linked = False
    labels.number_format = "#,##0"
    labels.position = XL_LABEL_POSITION.OUTSIDE_END
    labels.font.size = Pt(size)
    for index, bar in enumerate(bars):
        point = series.points[index]
        if bar.part:
            point.format.fill.solid()
            point.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            point.format.fill.fore_color.brightness = 0.55
        _linked_label(point, label_format(bar.low, bar.high, bar.qualifier, lang, suffix=_suffix(bar)), size)
    if ranged:  # the low ends carry no label: the high end's label writes the range
        _no_labels(plot.series[1])
    _keep_room(chart, box, text)
    set_alt_text(frame, chart_alt_text(spec, bars, lang))
    return frame


def _hatched(fill: Any) -> None:
    fill.patterned()
    fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
    fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
    fill.back_color.theme_color = MSO_THEME_COLOR.BACKGROUND_1


def _no_labels(series: Any) -> None:
    labels = series._element.get_or_add_dLbls()
    for tag in ("c:showVal", "c:showCatName", "c:showSerName", "c:showLegendKey", "c:showPercent"):
        found = labels.find(qn(tag))
        if found is not None:
            found.set("val", "0")


def _suffix(bar: Bar) -> str:
    return f" {bar.suffix}" if bar.suffix else ""


def _linked_label(point: Any, number_format: str, size: int) -> None:
    """A point's label shows its value through `number_format`, on one line."""
    label = point.data_label
    label.position = XL_LABEL_POSITION.OUTSIDE_END
    label.font.size = Pt(size)
    element = label._dLbl
    element.get_or_add_txPr().find(qn("a:bodyPr")).set("wrap", "none")
    number = parse_xml(f'<c:numFmt {nsdecls("c")} sourceLinked="0"/>')
    number.set("formatCode", number_format)
    element.insert_element_before(
        number, "c:spPr", "c:txPr", "c:dLblPos", "c:showLegendKey", "c:showVal", "c:showCatName"
    )
    show = element.find(qn("c:showVal"))
    if show is not None:
        show.set("val", "1")


def _keep_room(chart: Any, box: Box, text: ChartText) -> None:
    """Lay the plot area out by hand: room on the left for the names' longest line, on the right
    for the longest amount, so neither is cut off whatever the values (the axis stays automatic)."""
    width_in = box.width / Inches(1)
    x = text.names_in / width_in
    w = max(0.2, 1 - x - text.amounts_in / width_in)
    plot_area = chart._chartSpace.chart.plotArea
    layout = plot_area.find(qn("c:layout"))
    if layout is None:
        layout = parse_xml(f"<c:layout {nsdecls('c')}/>")
        plot_area.insert(0, layout)
    for child in list(layout):
        layout.remove(child)
    layout.append(
        parse_xml(
            f"<c:manualLayout {nsdecls('c')}><c:layoutTarget val='inner'/>"
            "<c:xMode val='edge'/><c:yMode val='edge'/>"
            f"<c:x val='{x:.4f}'/><c:y val='{(1 - PLOT_H) / 2:.4f}'/><c:w val='{w:.4f}'/>"
            f"<c:h val='{PLOT_H:.4f}'/></c:manualLayout>"
        )
    )


def chart_alt_text(spec: ChartSpec, bars: Sequence[Bar], lang: Lang) -> str:
    """What the chart shows, bar by bar in reading order, for a screen reader."""
    shown = "; ".join(f"{b.label.strip()}: {b.label_text}" for b in bars)
    return t("alt_chart", lang, title=spec.title, n=len(bars), bars=shown)
