"""One chart as a PNG at slide resolution, rendered server-side by kaleido (needs a Chromium).

The figure is the dashboard's own (funding.charts), so a PNG shows exactly the chart on the page,
with its source line inside the image.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from funding.base.errors import FundingError
from funding.exports.common import citations, source_line
from funding.exports.figures import CHARTS
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.dataset_info import DatasetInfo
from funding.registry.documents import Document
from funding.selecting.kinds import default_kind
from funding.selecting.selection import Filters

# Slide width at twice the pixels: sharp on a projected slide.
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

    The height defaults to the figure's own, which grows with the number of bars."""
    figure = chart_figure(
        dataset, selection, filters, lang, documents, info, chart=chart, upload_name=upload_name
    )
    if find_chromium() is None:
        raise ChromiumMissing()
    figure.update_layout(paper_bgcolor="white", plot_bgcolor="white")
    height = height or int(figure.layout.height or HEIGHT)
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
    upload_name: str | None = None,
) -> Any:
    """The dashboard's own figure (funding.charts), so a PNG shows what the page shows, with the
    source line and, since an image travels alone, the cited documents written out."""
    from funding import charts

    if chart not in CHARTS:
        raise ValueError(f"unknown chart {chart!r}; valid: {', '.join(CHARTS)}")
    kind = default_kind(selection, filters.kind)
    source = source_line(info, lang, upload_name)
    figure = charts.slide_chart(
        chart, dataset, selection, kind, filters.framework, lang, source=source
    ).figure
    behind = [r for r in selection if r.amount_kind == kind and r.amount_eur is not None]
    _add_documents(figure, behind, documents, lang)
    return figure


def _add_documents(
    figure: Any, records: Sequence[Instrument], documents: Mapping[str, Document], lang: Lang
) -> None:
    """Under the chart, every document its bars cite: an image travels without the Sources sheet.

    (The page's figure keeps its source line short for a narrow column; here there is room.)"""
    from funding.charts import plotly_text

    cited = citations(records, documents)
    if not cited:
        return
    names = [c.document.citation(lang) if c.document else c.id for c in cited]
    lines = textwrap.wrap(t("documents_png", lang, names="; ".join(names)), _DOCUMENT_LINE)
    figure.add_annotation(
        text="<br>".join(plotly_text(line) for line in lines),
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="top",
        yshift=-58,
        align="left",
        showarrow=False,
        font={"size": 11, "color": "#595959"},
    )
    extra = 16 * len(lines) + 12
    margin = figure.layout.margin
    figure.update_layout(
        margin={"b": int(margin.b or 50) + extra},
        height=int(figure.layout.height or HEIGHT) + extra,
    )


_DOCUMENT_LINE = 140  # characters at 11 px in the plot width of a 1280 px image
