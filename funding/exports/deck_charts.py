"""The deck's native bar charts: editable in PowerPoint, and still true after an edit.

Data labels come from the values through number formats (funding.exports.number_formats), the
value axis has no fixed maximum, and room for the category names and the labels is kept by the
plot area's layout instead. Every chart, table and picture gets alt text (`descr` on `p:cNvPr`,
which PowerPoint shows as Alt Text; python-pptx has no setter for it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.dml import MSO_PATTERN, MSO_THEME_COLOR
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.util import Inches, Pt

from funding.exports.deck_parts import Box
from funding.exports.figures import Bar, ChartSpec
from funding.exports.number_formats import label_format
from funding.exports.xml_text import clean_text
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang

LABEL_PT = 12
# Average width of a character at 12 pt, in inches, with a margin for the renderer's font
# (LibreOffice substitutes DejaVu Sans, wider than Calibri).
CHAR_IN = 0.095
BAR_IN = 0.42  # height per bar
MAX_NAME_IN = 4.6  # category names wrap beyond this


def set_alt_text(shape: Any, text: str) -> None:
    """Alt text on a graphic frame (chart, table) or a picture."""
    # The shape's non-visual properties come first: p:nvGraphicFramePr or p:nvPicPr, then p:cNvPr.
    (properties,) = shape._element.xpath("./*[1]/p:cNvPr")
    properties.set("descr", clean_text(text))


def chart_height(bars: int) -> int:
    return int(Inches(0.35) + Inches(BAR_IN) * max(1, bars))


def bar_chart(slide: Any, box: Box, spec: ChartSpec, bars: Sequence[Bar], lang: Lang) -> Any:
    """A clustered bar chart in euros; parts lighter; returns the graphic frame.

    Where a bar is a range, as on the page: solid to the low end and lighter and hatched on to the
    high end (a second series, the low ends, drawn over the first with full overlap)."""
    ranged = any(b.low != b.high for b in bars)
    data = CategoryChartData(number_format="#,##0")  # type: ignore[no-untyped-call]
    data.categories = [b.label for b in bars]
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
    chart.font.size = Pt(LABEL_PT)
    plot = chart.plots[0]
    plot.gap_width = 50
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
    labels.font.size = Pt(LABEL_PT)
    for index, bar in enumerate(bars):
        point = series.points[index]
        if bar.part:
            point.format.fill.solid()
            point.format.fill.fore_color.theme_color = MSO_THEME_COLOR.ACCENT_1
            point.format.fill.fore_color.brightness = 0.55
        _linked_label(point, label_format(bar.low, bar.high, bar.qualifier, lang, suffix=_suffix(bar)))
    if ranged:  # the low ends carry no label: the high end's label writes the range
        _no_labels(plot.series[1])
    _keep_room(chart, box, bars)
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


def _linked_label(point: Any, number_format: str) -> None:
    """A point's label shows its value through `number_format`, on one line."""
    label = point.data_label
    label.position = XL_LABEL_POSITION.OUTSIDE_END
    label.font.size = Pt(LABEL_PT)
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


def _keep_room(chart: Any, box: Box, bars: Sequence[Bar]) -> None:
    """Lay the plot area out by hand: room on the left for the names, on the right for the longest
    label, so neither is cut off whatever the values (the axis itself stays automatic)."""
    width_in = box.width / Inches(1)
    longest_name = max((len(b.label) for b in bars), default=10)
    names_in = min(MAX_NAME_IN, longest_name * CHAR_IN + 0.2)
    if longest_name * CHAR_IN > MAX_NAME_IN:  # wrapped over two or three lines
        names_in = MAX_NAME_IN
    label_in = max((len(b.label_text) for b in bars), default=10) * CHAR_IN + 0.3
    x = names_in / width_in
    w = max(0.2, 1 - x - label_in / width_in)
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
            f"<c:x val='{x:.4f}'/><c:y val='0.02'/><c:w val='{w:.4f}'/><c:h val='0.96'/></c:manualLayout>"
        )
    )


def chart_alt_text(spec: ChartSpec, bars: Sequence[Bar], lang: Lang) -> str:
    """What the chart shows, bar by bar in reading order, for a screen reader."""
    shown = "; ".join(f"{b.label.strip()}: {b.label_text}" for b in bars)
    return t("alt_chart", lang, title=spec.title, n=len(bars), bars=shown)
