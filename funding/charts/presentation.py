"""Presentation mode's charts: which ones a selection has, each drawn by the page's own builder,
and the same figure in larger type for a projector."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import plotly.graph_objects as go

from funding.breakdowns import breakdown
from funding.charts.breakdown import breakdown_chart, breakdown_dimension, breakdown_title
from funding.charts.envelopes import envelope_chart
from funding.charts.flow import flow_chart
from funding.charts.hierarchy import hierarchy_chart
from funding.charts.layout import Chart
from funding.charts.picks import PICK_DIMENSIONS
from funding.charts.timeline import timeline_chart
from funding.dataset import Dataset
from funding.records import Instrument
from funding.totals import summable
from funding.vocab import Lang

# Presentation mode shows these one at a time, in this order (the page's order).
SLIDES = ("envelopes", *PICK_DIMENSIONS, "hierarchy", "flow", "timeline")
# How much larger presentation mode draws a chart than the page: text, margins and height.
PROJECTION_SCALE = 1.5


def slides(selection: Sequence[Instrument], kind: str) -> list[str]:
    """The charts presentation mode shows for this selection and figure kind: those with
    something to draw, and only the envelope comparison for kinds that are never summed."""
    names: list[str] = []
    if any(r.amount_kind == kind and r.amount_eur is not None for r in selection):
        names.append("envelopes")
        if summable(kind):
            names += [*PICK_DIMENSIONS, "hierarchy", "flow"]
    if any(r.period_start or r.period_end for r in selection):
        names.append("timeline")
    return names


def slide_chart(
    name: str,
    dataset: Dataset,
    selection: Sequence[Instrument],
    kind: str,
    framework: str,
    lang: Lang,
    *,
    source: str,
    colour_by: str = "level",
    top: int = 25,
) -> Chart:
    """One chart of presentation mode, drawn by the same builder as on the page."""
    if name == "envelopes":
        return envelope_chart(dataset, selection, kind, lang, colour_by=colour_by, top=top, source=source)
    if name in PICK_DIMENSIONS:
        result = breakdown(dataset, selection, breakdown_dimension(name, framework), kind, lang)
        return breakdown_chart(result, lang, title=breakdown_title(name, framework, lang), source=source)
    if name == "hierarchy":
        return hierarchy_chart(dataset, selection, kind, lang, source=source)
    if name == "flow":
        return flow_chart(dataset, selection, kind, framework, lang, source=source)
    if name == "timeline":
        return timeline_chart(selection, lang, source=source)
    raise ValueError(f"unknown chart {name!r}; valid: {', '.join(SLIDES)}")


_SMALL_SPAN = re.compile(r"font-size:(\d+)px")
# A category row of a projected bar chart: two lines of label at the projected font size.
PROJECTED_ROW_PX = 50


def for_projection(
    figure: go.Figure, scale: float = PROJECTION_SCALE, max_height: int | None = None
) -> go.Figure:
    """A copy of a figure with every text and margin scaled up for a projector.

    The builders size margins from line counts at plotly's default font sizes, so scaling fonts
    and margins by the same factor keeps titles, source lines and plots apart. The plot area
    grows with them, up to `max_height` for the whole figure, but never below two lines of
    label per bar, so labels never overlap."""
    fig = go.Figure(figure)
    size = round(12 * scale)

    def bigger(text: Any) -> Any:
        if not isinstance(text, str):
            return text
        return _SMALL_SPAN.sub(lambda m: f"font-size:{round(int(m.group(1)) * scale)}px", text)

    layout = fig.layout
    top = round((layout.margin.t or 0) * scale)
    bottom = round((layout.margin.b or 0) * scale)
    plot = round(((layout.height or 450) - (layout.margin.t or 0) - (layout.margin.b or 0)) * scale)
    if max_height is not None:
        rows = len(layout.yaxis.categoryarray or ())
        plot = min(plot, max(max_height - top - bottom, rows * PROJECTED_ROW_PX))
    fig.update_layout(
        font={"size": size},
        title={
            "font": {"size": round(17 * scale)},
            "subtitle": {"font": {"size": size}, "text": bigger(layout.title.subtitle.text)},
            "pad": {"t": round(12 * scale)},
        },
        legend={"font": {"size": size}},
        margin={"t": top, "b": bottom, "r": round((layout.margin.r or 0) * scale)},
        height=top + bottom + plot,
    )
    fig.update_xaxes(tickfont={"size": size}, title={"font": {"size": size}})
    fig.update_yaxes(tickfont={"size": size})
    if layout.yaxis.ticktext:
        fig.update_yaxes(ticktext=[bigger(x) for x in layout.yaxis.ticktext])
    fig.update_traces(textfont={"size": size}, selector={"type": "bar"})
    fig.update_traces(textfont={"size": size}, selector={"type": "treemap"})
    fig.update_traces(textfont={"size": size}, selector={"type": "sankey"})
    return fig
