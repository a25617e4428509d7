"""One chart as a PNG at slide resolution, rendered server-side by kaleido (needs a Chromium).

The figure here is deliberately minimal and built from the same `figures.chart_spec` as the deck.
When the dashboard's own figures (funding.charts) exist, this should render those instead, so a
PNG looks exactly like the chart on the page.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from funding.dataset_info import DatasetInfo
from funding.documents import Document
from funding.exports.common import citations, clean_text, references, source_line
from funding.exports.figures import chart_spec
from funding.exports.texts import tx
from funding.loading import Dataset, FundingError
from funding.records import Instrument
from funding.selection import Filters
from funding.vocab import Lang

# 16:9 at twice the pixels: sharp on a projected slide.
WIDTH, HEIGHT, SCALE = 1280, 720, 2
INSTALL_HINT = (
    "PNG export renders charts with a headless Chromium, and none was found. "
    "Install it with: sudo apt-get install chromium  (or set BROWSER_PATH to a Chrome/Chromium binary). "
    "CSV, XLSX and PPTX exports do not need it."
)


class ChromiumMissing(FundingError):
    """No Chrome/Chromium for kaleido; the message says how to install one."""

    def __init__(self) -> None:
        super().__init__(INSTALL_HINT)


def find_chromium() -> str | None:
    """The browser kaleido would use (BROWSER_PATH first, then PATH and the usual places), if it exists."""
    from choreographer.browsers import Chromium

    path = Chromium.find_browser(skip_local=False)
    return str(path) if path and Path(path).is_file() else None


def export_png(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    documents: Mapping[str, Document],
    info: DatasetInfo,
    *,
    chart: str = "envelopes",
    width: int = WIDTH,
    height: int | None = None,
    scale: float = SCALE,
    upload_name: str | None = None,
) -> bytes:
    """PNG bytes of one chart (see figures.CHARTS); raises ChromiumMissing without a browser.

    The default height is 16:9 up to ten bars and grows with more, so labels never collide."""
    figure = chart_figure(
        dataset, selection, filters, lang, documents, info, chart=chart, width=width, upload_name=upload_name
    )
    if find_chromium() is None:
        raise ChromiumMissing()
    if height is None:
        bars = len(figure.data[0].y or ())
        height = max(HEIGHT, 200 + 52 * bars)
    image: bytes = figure.to_image(format="png", width=width, height=height, scale=scale)
    return image


def chart_figure(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    documents: Mapping[str, Document],
    info: DatasetInfo,
    *,
    chart: str = "envelopes",
    width: int = WIDTH,
    upload_name: str | None = None,
) -> Any:
    """A plotly horizontal bar figure with the qualifier on every bar and the source line under it."""
    import plotly.graph_objects as go

    spec = chart_spec(dataset, selection, filters, chart, lang)
    refs = references(spec.records, citations(selection, documents))
    source = source_line(info, lang, upload_name)
    if refs:
        source += " " + tx("documents", lang, refs=refs)
    colours = ["rgba(31,119,180,0.45)" if bar.part else "rgb(31,119,180)" for bar in spec.bars]
    figure = go.Figure(
        go.Bar(
            x=[bar.amount for bar in spec.bars],
            y=[_wrap(bar.label) for bar in spec.bars],
            orientation="h",
            text=[_escape(bar.text) for bar in spec.bars],
            textposition="outside",
            cliponaxis=False,
            marker={"color": colours},
            hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )
    top = max((bar.amount for bar in spec.bars), default=1.0)
    footer = "<br>".join(_escape(line) for line in (*spec.notes, source))
    # A fixed left margin from the longest label (not automargin), so the footer can start at the
    # figure's left edge instead of under the plot area, where a long source line would be cut off.
    longest = max((len(line) for bar in spec.bars for line in _lines(bar.label)), default=10)
    left = min(width // 2, 24 + 7 * longest)
    right = 40
    footer_x = -(left - 14) / max(1, width - left - right)
    figure.update_layout(
        title={"text": _escape(spec.title), "x": 0.01, "xanchor": "left", "font": {"size": 22}},
        template="plotly_white",
        font={"size": 15},
        showlegend=False,
        margin={"l": left, "r": right, "t": 70, "b": 60 + 22 * (len(spec.notes) + 1)},
        xaxis={"visible": False, "range": [0, top * 1.3]},
        yaxis={
            "autorange": "reversed",
            "automargin": False,
            "ticklabelstandoff": 8,
            "tickfont": {"size": 13},
        },
        annotations=[
            {
                "text": footer,
                "xref": "paper",
                "yref": "paper",
                "x": footer_x,
                "y": 0,
                "yshift": -12,
                "yanchor": "top",
                "xanchor": "left",
                "align": "left",
                "showarrow": False,
                "font": {"size": 12, "color": "#595959"},
            }
        ],
    )
    return figure


_LABEL_WIDTH = 50


def _lines(label: str) -> list[str]:
    return textwrap.wrap(label, _LABEL_WIDTH, max_lines=3, placeholder=" …") or [""]


def _wrap(label: str) -> str:
    """A long instrument name on up to three lines, so the bars keep most of the width."""
    return "<br>".join(_escape(line) for line in _lines(label))


def _escape(text: str) -> str:
    """Plotly reads a few HTML tags in text; data is shown as written, never as markup."""
    return clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
