"""Chart text that reaches WCAG AA contrast (4.5:1) wherever plotly draws it.

Streamlit's plotly theme writes titles, ticks, legends, outside bar labels and Sankey labels in
#808495, which is 3.7:1 on white and 2.3:1 on a Sankey flow, and plotly picks white or black
for text on a bar or tile by its own rule, which gives white on the bluish green (3.4:1). So every
figure gets explicit colours here: dark text on the page's white, and black or white on a fill,
whichever reads better by WCAG relative luminance. The same figures go into PNG exports.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

TEXT = "#262730"  # 15:1 on white, 9:1 on the Sankey's grey flows
MUTED = "#4F4F4F"  # subtitles and the source line: 8.5:1 on white
_WHITE = (255, 255, 255)
AXIS = re.compile(r"[xy]axis\d*")


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def relative_luminance(rgb: Sequence[float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour given as 0-255 channels."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: Sequence[float], b: Sequence[float]) -> float:
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def on_white(colour: str, opacity: float = 1.0) -> tuple[float, float, float]:
    """A fill drawn at `opacity` over the white page, as the reader sees it."""
    rgb = _rgb(colour)
    return tuple(c * opacity + w * (1 - opacity) for c, w in zip(rgb, _WHITE, strict=True))  # type: ignore[return-value]


@functools.lru_cache(maxsize=256)  # a palette's colours at a few opacities, asked for every bar
def text_on(colour: str, opacity: float = 1.0) -> str:
    """Black or white, whichever has the higher contrast on this fill."""
    fill = on_white(colour, opacity)
    return "#000000" if contrast_ratio((0, 0, 0), fill) >= contrast_ratio(_WHITE, fill) else "#FFFFFF"


def _per_point(value: Any, count: int) -> list[Any]:
    if isinstance(value, list | tuple):
        return list(value)
    return [value] * count


def _merge(target: dict[str, Any], update: dict[str, Any]) -> None:
    """`update` written into `target`, nested dicts merged key by key (as plotly's update does)."""
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


def _colour(key: str) -> dict[str, Any]:
    return {key: {"color": TEXT}}


def legible(figure: dict[str, Any]) -> dict[str, Any]:
    """The figure (plain data, changed in place) with every text colour set: layout text dark,
    text on fills black or white."""
    layout = figure["layout"]
    _merge(layout, {**_colour("font"), "title": {**_colour("font"), "subtitle": {"font": {"color": MUTED}}}})
    _merge(layout, {"legend": _colour("font")})
    axes = [k for k in layout if AXIS.fullmatch(k)] or ["xaxis", "yaxis"]
    for name in axes:
        _merge(layout.setdefault(name, {}), {**_colour("tickfont"), "title": _colour("font")})
    for trace in figure["data"]:
        kind = trace["type"]
        if kind == "bar":
            count = len(trace.get("x") or ())
            marker = trace.get("marker", {})
            colours = _per_point(marker.get("color"), count)
            opacities = _per_point(marker.get("opacity", 1.0), count)
            if trace.get("insidetextfont", {}).get("color") is None:
                inside = [text_on(c, o) for c, o in zip(colours, opacities, strict=True)]
                _merge(trace, {"insidetextfont": {"color": inside}})
            _merge(trace, {"outsidetextfont": {"color": TEXT}})
        elif kind == "treemap":
            _merge(trace, {"textfont": {"color": [text_on(c) for c in trace["marker"]["colors"]]}})
            _merge(trace, {"pathbar": {"textfont": {"color": TEXT}}})
        elif kind == "sankey":
            _merge(trace, {"textfont": {"color": TEXT}})
    return figure
