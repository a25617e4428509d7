"""A chart as an image for a slide: one size rule for the modebar's camera, the page's "Download
chart" button and `python -m funding export OUT.png`.

An image is 16:9 and at least 1280 x 720 CSS pixels. A chart keeps its own height when it is
taller (a comparison of 20 bars is), and the width follows from it, so nothing is squeezed: its
title, subtitle, selection, source line, licence and legend are laid out in pixels for that
height by `funding.charts.layout.chart_layout`, and every bar keeps the room its wrapped name
needs. The figure is the page's own, so the image shows the page's numbers and words.
"""

from __future__ import annotations

import math
import re
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import plotly.graph_objects as go

from funding.charts.layout import (
    BAR_PX,
    LEGEND_ROW_PX,
    LINE_PX,
    SUBTITLE_LINE_PX,
    TITLE_LINE_PX,
    TOP_PX,
    bar_slot,
    label_lines,
    label_margin,
    legend_lines,
)

RATIO = 16 / 9
SLIDE_HEIGHT = 720  # CSS pixels: a 1280 x 720 slide
SLIDE_LABEL = 60  # characters a line of a bar's name on a slide: most names on one line
SLIDE_TEXT = 120  # characters a subtitle line on a slide (13 px), and its smaller lines (10 px)
SLIDE_SMALL_TEXT = 150
LABEL_AIR = 8  # pixels between a bar's name and the bar
SLIDE_PIXELS = 2560  # an image at least this wide is sharp on a full-width 1440p slide


def slide_size(figure: go.Figure | Mapping[str, Any]) -> tuple[int, int]:
    """Width and height (CSS pixels) of the image: 16:9, the chart's own height or 720. The page
    passes its chart's dict (`Chart.spec`), which it never turns into a Figure."""
    own = figure["layout"].get("height") if isinstance(figure, Mapping) else figure.layout.height
    height = max(SLIDE_HEIGHT, int(own or SLIDE_HEIGHT))
    return round(height * RATIO), height


def slide_scale(width: int) -> int:
    """Device pixels per CSS pixel: 2 for a 1280-wide slide, 1 once the image is that sharp."""
    return max(1, math.ceil(SLIDE_PIXELS / width))


def image_options(figure: go.Figure | Mapping[str, Any], filename: str) -> dict[str, Any]:
    """Plotly's `toImageButtonOptions`: the camera saves the PNG the download button makes."""
    width, height = slide_size(figure)
    return {
        "format": "png",
        "filename": filename,
        "width": width,
        "height": height,
        "scale": slide_scale(width),
    }


def slide_figure(figure: go.Figure) -> go.Figure:
    """A copy of the figure for a slide: bar names on longer lines (`wide_labels`), at its slide
    size, on white with light grid lines as Streamlit's theme draws it on the page (kaleido
    draws without that theme). The modebar's camera cannot do the first step; its image is the
    page's figure at the same size rule."""
    slide = go.Figure(figure)
    _widen_subtitle(slide)
    _widen_labels(slide)
    _fit_top(slide)
    width, height = slide_size(slide)
    slide.update_layout(width=width, height=height, template="plotly_white", paper_bgcolor="white")
    return slide


def wide_labels(ticktext: Sequence[str]) -> list[str]:
    """Category labels rewrapped to SLIDE_LABEL characters a line (a slide is wider than a phone);
    the builders wrap and never cut, so joining the lines gives the whole name back. Smaller
    note lines (a `<span>`) stay as they are."""
    labels = []
    for label in ticktext:
        lines = label.split("<br>")
        name = " ".join(line for line in lines if not line.startswith("<span"))
        notes = [line for line in lines if line.startswith("<span")]
        labels.append(
            "<br>".join([*(textwrap.wrap(name, SLIDE_LABEL, break_on_hyphens=False) or [""]), *notes])
        )
    return labels


def _widen_labels(figure: go.Figure) -> None:
    """Rewrap the category labels and give the bars back the height their fewer lines free: each
    panel (y axis) shrinks by its bars' saving, the gaps between panels stay, and the subplot
    titles and the legend move with the panels' tops."""
    layout = figure.layout
    axes = sorted(
        (name for name in layout if name.startswith("yaxis") and layout[name].ticktext),
        key=lambda name: -_domain(layout, name)[1],
    )
    if not axes:
        return
    plot = int(layout.height) - int(layout.margin.t) - int(layout.margin.b)
    old = {name: list(layout[name].ticktext) for name in axes}
    new = {name: wide_labels(old[name]) for name in axes}
    saved = {name: len(old[name]) * _saving(old[name], new[name]) for name in axes}
    narrower = plot - sum(saved.values())
    tops, top = {}, 0.0
    for number, name in enumerate(axes):
        d0, d1 = _domain(layout, name)
        tops[d1] = 1 - top / narrower
        top += (d1 - d0) * plot - saved[name]
        layout[name].domain = (1 - top / narrower, tops[d1])
        if number + 1 < len(axes):
            top += (d0 - _domain(layout, axes[number + 1])[1]) * plot
        layout[name].ticktext = new[name]
        layout[name].ticklabelstandoff = LABEL_AIR
    for note in layout.annotations:
        if note.yref == "paper" and note.y is not None:
            note.y = next((y for d1, y in tops.items() if math.isclose(note.y, d1)), note.y)
    if layout.legend.y is not None and layout.legend.y > 1:
        layout.legend.y = 1 + (layout.legend.y - 1) * plot / narrower
    figure.update_layout(
        height=int(layout.height) - (plot - narrower),
        margin={"l": label_margin([label for name in axes for label in new[name]]) + LABEL_AIR},
    )


def _domain(layout: Any, name: str) -> tuple[float, float]:
    domain = layout[name].domain
    return (float(domain[0]), float(domain[1])) if domain else (0.0, 1.0)


def _saving(old: Sequence[str], new: Sequence[str]) -> int:
    """Pixels a bar gives back when its labels take fewer lines: on a slide a bar needs its
    lines and a little air, not the page's room for a finger."""
    return max(0, bar_slot(old) - max(BAR_PX, LINE_PX * label_lines(new) + 14))


def _widen_subtitle(figure: go.Figure) -> None:
    """The subtitle's paragraphs (the note, the source line, the licence: each its own style)
    rewrapped to SLIDE_TEXT characters a line, and the top margin shrunk by the lines saved."""
    title = figure.layout.title
    if not title.subtitle or not title.subtitle.text:
        return
    lines = str(title.subtitle.text).split("<br>")
    paragraphs: list[tuple[str, list[str]]] = []
    for line in lines:
        match = re.fullmatch(r"(<span style='[^']*'>)(.*)</span>", line)
        style, words = (match.group(1), match.group(2)) if match else ("", line)
        if paragraphs and paragraphs[-1][0] == style:
            paragraphs[-1][1].append(words)
        else:
            paragraphs.append((style, [words]))
    wide = [
        f"{style}{line}</span>" if style else line
        for style, words in paragraphs
        for line in textwrap.wrap(
            " ".join(words), SLIDE_TEXT if not style else SLIDE_SMALL_TEXT, break_on_hyphens=False
        )
    ]
    title.subtitle.text = "<br>".join(wide)


def _fit_top(figure: go.Figure) -> None:
    """The top margin cut to what the slide needs: the title and subtitle as wrapped now, a
    legend row (the page reserves the rows a phone needs), and whatever the page kept between
    the legend and the plot (a panel's title)."""
    layout = figure.layout
    title_lines = str(layout.title.text or "").count("<br>") + 1
    subtitle = str(layout.title.subtitle.text or "") if layout.title.subtitle else ""
    sub_lines = subtitle.count("<br>") + 1 if subtitle else 0
    top, bottom = int(layout.margin.t), int(layout.margin.b)
    plot = int(layout.height) - top - bottom
    above = (float(layout.legend.y) - 1) * plot if layout.legend.y is not None and layout.legend.y > 1 else 0
    names = [
        str(trace.name) for trace in figure.data if trace.type == "bar" and trace.showlegend and trace.name
    ]
    width = slide_size(figure)[0] - int(layout.margin.l or 0)
    need = TOP_PX + TITLE_LINE_PX * title_lines + SUBTITLE_LINE_PX * sub_lines
    need += LEGEND_ROW_PX * legend_lines(names, width) + math.ceil(above)
    if need < top:
        figure.update_layout(height=int(layout.height) - (top - need), margin={"t": need})
