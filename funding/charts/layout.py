"""What every chart shares: the palette, the title block with its source line, bar axes and scales.

Categories are keyed by id or code, never by label, so two instruments with the same name stay
two bars.
"""

from __future__ import annotations

import copy
import html
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from funding.charts.text import plotly_text, wrapped
from funding.i18n import t
from funding.i18n.vocab import Lang, Vocabulary
from funding.registry.dataset import Dataset

if TYPE_CHECKING:
    import plotly.graph_objects as go
from funding.i18n.languages import language

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies. The same list is
# `chartCategoricalColors` in .streamlit/config.toml; colours are fixed per code here so that EU
# is the same colour on every chart and every slide, whatever the filters leave.
OKABE_ITO = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#D55E00",  # vermillion
    "#56B4E9",  # sky blue
    "#CC79A7",  # reddish purple
    "#F0E442",  # yellow
    "#000000",  # black
)
NBSP = "\u00a0"
GREY = "#8C8C8C"
ROOT_GREY = "#E6E6E6"
PART_PATTERN = "/"
PART_OPACITY = 0.55
OPEN_OPACITY = 0.35
BAR_PX = 30
LINE_PX = 15  # one more line of a wrapped 12 px label
CHAR_PX = 6.2  # an average character of a 12 px label in CHART_FONT
# The envelope charts' defaults, on the page and in every builder: bars by level, the largest 25.
DEFAULT_COLOUR = "level"
DEFAULT_TOP = 25
# Titles, subtitles and source lines are wrapped by hand (plotly does not wrap) so that they fit
# a 390 px phone screen as well as a slide.
WRAP = 55
SMALL = "font-size:10px"  # the source line's style, and the licence's, told apart when rewrapped
LICENCE = "font-size:10px;font-style:italic"
SUBTITLE_LINE_PX = 15
TITLE_LINE_PX = 22
LEGEND_ROW_PX = 22
TOP_PX = 28  # above the title and between the subtitle and what follows
# A font every browser and kaleido draw with the same metrics. With Streamlit's web font the
# modebar's PNG measured the labels in it but drew them in a fallback (the web font does not
# reach the image), wider, so they overflowed: the first letters cut, the legend's last entry too.
CHART_FONT = "Arial, 'Liberation Sans', Helvetica, sans-serif"
# Room right of the longest bar for a label outside it. Labels go inside a bar when they fit and
# outside otherwise; always outside on hatched parts and on zero-length bars ("amount not stated"),
# where inside text would be unreadable or hidden.
LABEL_ROOM = 1.3
INSIDE_PLOT_PX = 300  # see short_bars_outside
RANGE_LABEL_ROOM = 2.3  # a range's label ("about EUR 120.0–127.6 m") is twice as long, in a half-width column


Spec = dict[str, Any]  # a plotly figure as plain data: {"data": [trace, ...], "layout": {...}}
Columns = Mapping[str, Sequence[Any]]  # a data table, column name to values


@dataclass(frozen=True)
class Chart:
    """A figure and the table it draws, for the data-table alternative under every chart.

    The figure is built as plain data (`spec`), which the page sends as it is: plotly's property
    API validated every value on the way in and copied the figure on the way out, three quarters
    of a fresh rerun. `figure` makes a plotly Figure of it for exports that edit or render one.
    The table is kept as columns (`columns`) and made a DataFrame only when read (`table`): the
    page sends it only once its expander is opened, and the frames were a fifth of a rerun."""

    spec: Spec
    columns: Columns
    shown: int = 0
    total: int = 0

    @property
    def table(self) -> pd.DataFrame:
        return pd.DataFrame(self.columns)

    @property
    def figure(self) -> go.Figure:
        """A new plotly Figure of a copy of `spec` on every call (with plotly's default template).

        A copy, because plotly takes each trace's "type" out of the dict it is given while it
        builds the trace and puts it back after: on a cached spec that another session is
        sending or drawing at that moment, the bar would be read as a scatter."""
        import plotly.graph_objects as go

        return go.Figure(copy.deepcopy(self.spec))


def bar(**props: Any) -> dict[str, Any]:
    """A bar trace as data."""
    return {"type": "bar", **props}


def scale_for(max_amount: float, lang: Lang) -> tuple[float, str]:
    if max_amount >= 1e9:
        return 1e9, t("scale_bn", lang)
    if max_amount >= 1e6:
        return 1e6, t("scale_m", lang)
    return 1.0, t("scale_1", lang)


def bar_axes(categories: list[Any], ticktext: list[str], unit: str, top: float) -> dict[str, Any]:
    """Axes of a horizontal bar chart: categories keyed by code or id, in the given order, top down."""
    return {
        "yaxis": {
            "type": "category",
            "categoryorder": "array",
            "categoryarray": categories,
            "autorange": "reversed",
            "tickmode": "array",
            "tickvals": categories,
            "ticktext": ticktext,
            "automargin": True,
        },
        "xaxis": {"title": {"text": plotly_text(unit)}, "range": [0, top], "automargin": True},
    }


def axis_end(amounts: Iterable[float], factor: float, room: float = LABEL_ROOM) -> float:
    """The value axis' end: the largest bar plus room for its outside label."""
    largest = max((float(a) for a in amounts), default=0.0)
    return (largest / factor if largest > 0 else 1.0) * room


def text_position(amount: float, part: bool) -> str:
    return "outside" if part or not amount else "auto"


def short_bars_outside(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure (changed in place) with the label of every bar too short to hold it outside.

    Plotly's "auto" also lets a label in when it would fit across the bar's thickness; with the
    text kept level (`textangle=0`) it then shrinks it inside a short, thick bar until it cannot
    be read ("EUR 1 bn" at 5 px). A label stays "auto" only when the bar is long enough for it at
    INSIDE_PLOT_PX, the narrowest plot area a bar chart gets beside its names on a laptop."""
    layout = figure["layout"]
    for trace in figure["data"]:
        positions = trace.get("textposition")
        if trace.get("type") != "bar" or not isinstance(positions, list):
            continue
        axis = layout.get("xaxis" + str(trace.get("xaxis", "x"))[1:], {})
        end = float((axis.get("range") or [0, 0])[1])
        trace["textposition"] = [
            "outside"
            if position == "auto" and (end <= 0 or float(x) / end * INSIDE_PLOT_PX < _label_px(str(text)))
            else position
            for position, x, text in zip(positions, trace["x"], trace["text"], strict=True)
        ]
    return figure


def _label_px(text: str) -> float:
    """The width of a 12 px bar label, with room either side."""
    return len(html.unescape(re.sub(r"<[^>]+>", "", text))) * CHAR_PX + 12


def battery_specific(dataset: Dataset, record_id: str) -> bool:
    record = dataset.by_id.get(record_id)
    return record is None or record.battery_specific


def separators(lang: Lang) -> str:
    """Plotly's decimal and thousands separators: 1.5 in English, 1,5 in Dutch."""
    return language(lang).separators


def colour_map(vocab: Vocabulary) -> dict[str, str]:
    """A fixed colour per code, in vocabulary order; codes beyond the palette get grey."""
    return {code: OKABE_ITO[i] if i < len(OKABE_ITO) else GREY for i, code in enumerate(vocab.codes)}


def _lines(text: str, width: int) -> list[str]:
    return wrapped(text, width=width, lines=None).split("<br>")


def legend_lines(names: Sequence[str], width: float) -> int:
    """Rows a horizontal legend of these names takes in `width` pixels (an estimate: plotly
    wraps it itself)."""
    return math.ceil(sum(len(name) * 6.5 + 40 for name in names) / width) if names else 0


def label_lines(ticktext: Sequence[str]) -> int:
    """The most lines any wrapped label takes."""
    return max((label.count("<br>") + 1 for label in ticktext), default=1)


def bar_slot(ticktext: Sequence[str]) -> int:
    """Pixels per bar: one or two lines as before, then a line's height more for each further line
    (names are wrapped, never cut, so a long one takes three or four)."""
    lines = label_lines(ticktext)
    return BAR_PX * lines if lines <= 2 else 2 * BAR_PX + LINE_PX * (lines - 2)


def label_margin(ticktext: Sequence[str]) -> int:
    """A left margin for the widest label line (a note line in a smaller `<span>` at 10/12 of
    the width), for a slide whose labels were rewrapped (automargin still widens it where the
    font draws wider)."""
    widest = 0.0
    for label in ticktext:
        for line in label.split("<br>"):
            size = 10 / 12 if line.startswith("<span") else 1.0
            widest = max(widest, len(html.unescape(re.sub(r"<[^>]+>", "", line))) * size)
    return int(widest * CHAR_PX) + 16


def chart_layout(
    *,
    title: str,
    subtitle: str,
    source: str,
    lang: Lang,
    plot_height: int,
    legend: Sequence[str] = (),
) -> dict[str, Any]:
    """The layout shared by every chart: title, subtitle, the source line (with the selection)
    and the licence above the plot, anchored to the figure's left edge.

    The source line and the licence are part of the figure, so an image of the chart (modebar
    or download, `funding.charts.slide`) still says what it shows, where it comes from and how
    it may be reused. They sit in the subtitle because plotly can anchor titles, but not
    annotations, to the container: an annotation starts at the plot area, after the axis labels,
    and is cut off on a phone. Nothing is cut: every line is wrapped.
    """
    title_lines = _lines(title, 50)
    sub_lines = _lines(subtitle, WRAP)
    source_lines = _lines(source, WRAP + 10) if source else []
    licence_lines = _lines(t("chart_licence", lang), WRAP + 10)
    small = [*source_lines, *licence_lines]
    text = "<br>".join(
        [
            *sub_lines,
            *(f"<span style='{SMALL}'>{line}</span>" for line in source_lines),
            *(f"<span style='{LICENCE}'>{line}</span>" for line in licence_lines),
        ]
    )
    # The legend sits between the subtitle and the plot; on a phone it wraps, so make room for the
    # rows it needs at about 340 px wide (on a laptop that leaves a little air).
    legend_rows = math.ceil(sum(len(label) * 6.5 + 40 for label in legend) / 340) if legend else 0
    top = (
        16 + 22 * len(title_lines) + SUBTITLE_LINE_PX * (len(sub_lines) + len(small)) + 12 + 22 * legend_rows
    )
    bottom = 50
    return dict(
        title={
            "text": "<br>".join(title_lines),
            "subtitle": {"text": text},
            "x": 0,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yanchor": "top",
            "yref": "container",
            "pad": {"t": 12, "l": 4},
        },
        separators=separators(lang),
        font={"family": CHART_FONT},
        height=top + bottom + plot_height,
        margin={"l": 10, "r": 20, "t": top, "b": bottom},
    )
