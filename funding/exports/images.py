"""One chart as a 16:9 slide image (PNG or SVG), rendered server-side by kaleido (needs a Chromium).

The figure is the dashboard's own (funding.charts) and the size rule is `funding.charts.slide`'s,
the one the page's camera button uses, so an image shows exactly the chart on the page, with its
title, selection, source line and licence inside it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import plotly.graph_objects as go

from funding.base.errors import FundingError
from funding.charts.slide import slide_figure, slide_scale
from funding.exports.citations import chart_source
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.selecting.kinds import default_kind
from funding.selecting.selection import Filters

IMAGE_FORMATS: tuple[str, ...] = ("png", "svg")
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
    info: DatasetInfo,
    *,
    chart: str = "envelopes",
    upload_name: str | None = None,
) -> bytes:
    """PNG bytes of one chart of the page (funding.charts.SLIDES) as a slide image; raises ChromiumMissing
    without a browser. The source line names the dataset and its version, as the page's image
    does (the same figure, the same layout)."""
    figure = chart_figure(dataset, selection, filters, lang, info, chart=chart, upload_name=upload_name)
    return chart_image(figure, "png")


def chart_image(figure: go.Figure, fmt: str) -> bytes:
    """The figure as a 16:9 slide image (funding.charts.slide), "png" or "svg"; the same for the
    page's download button and the command line. Raises ChromiumMissing without a browser."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(f"unknown image format {fmt!r}; valid: {', '.join(IMAGE_FORMATS)}")
    if find_chromium() is None:
        raise ChromiumMissing()
    slide = slide_figure(figure)
    width, height = int(slide.layout.width), int(slide.layout.height)
    scale = slide_scale(width) if fmt == "png" else 1
    image: bytes = slide.to_image(format=fmt, width=width, height=height, scale=scale)
    return image


def chart_figure(
    dataset: Dataset,
    selection: Sequence[Instrument],
    filters: Filters,
    lang: Lang,
    info: DatasetInfo,
    *,
    chart: str = "envelopes",
    upload_name: str | None = None,
) -> go.Figure:
    """The dashboard's own figure (funding.charts), with the page's source line and selection,
    so a PNG shows what the page shows."""
    from funding import charts

    if chart not in charts.SLIDES:
        raise ValueError(f"unknown chart {chart!r}; valid: {', '.join(charts.SLIDES)}")
    kind = default_kind(selection, filters.kind)
    source = chart_source(info, lang, filters, upload_name, dataset)
    return charts.slide_chart(chart, dataset, selection, kind, filters.framework, lang, source=source).figure
