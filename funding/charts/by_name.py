"""The page's charts by name (the name is the cache key and the click source), each drawn by its
own builder. Presentation mode draws the deck's charts instead (`funding.exports.projected`)."""

from __future__ import annotations

from collections.abc import Sequence

from funding.charts.breakdown import breakdown_chart, breakdown_dimension, breakdown_title
from funding.charts.envelopes import envelope_chart
from funding.charts.flow import flow_chart
from funding.charts.hierarchy import hierarchy_chart
from funding.charts.layout import DEFAULT_COLOUR, DEFAULT_TOP, Chart
from funding.charts.picks import PICK_DIMENSIONS
from funding.charts.timeline import timeline_chart
from funding.i18n.vocab import Lang
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.selecting.breakdowns import breakdown

# Every chart by name, in the one order the page, the deck, presentation mode, the CLI's
# `--chart` and the PNG export use.
SLIDES = ("envelopes", *PICK_DIMENSIONS, "hierarchy", "flow", "timeline")
# Those a deck draws as native, editable bar charts (and presentation mode after it), in that order.
DECK_CHARTS = ("envelopes", *PICK_DIMENSIONS)


def slide_chart(
    name: str,
    dataset: Dataset,
    selection: Sequence[Instrument],
    kind: str,
    framework: str,
    lang: Lang,
    *,
    source: str,
    colour_by: str = DEFAULT_COLOUR,
    top: int = DEFAULT_TOP,
) -> Chart:
    """One chart of the page by its name."""
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
