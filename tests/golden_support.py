"""Golden figures: a handful of selections whose figure JSON is kept in tests/data/figures/, so a
change to what a chart sends is seen in review (tests/test_figure_goldens.py).

The goldens were first written from the charts as plotly's property API built them, before the
builders wrote dicts; after a deliberate change to a chart's design, write them again and review
the diff:

    scripts/figure_goldens            # every file in tests/data/figures/
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import plotly.io
from fixtures import fixture

from funding import charts
from funding.registry.dataset import Dataset
from funding.registry.disagreements import load_disagreements
from funding.registry.loading import load_dataset
from funding.selecting.breakdowns import breakdown
from funding.selecting.selection import Filters, apply

FIGURES = Path(__file__).parent / "data" / "figures"
# A released version, so the goldens do not move with the working copy's curation.
RELEASE = Path(__file__).resolve().parent.parent / "data" / "releases" / "1.2.0"
SOURCE = "Source: test line & more"


def release() -> Dataset:
    ds = load_dataset(RELEASE / "funding.csv", known_documents=None)
    return ds.with_disagreements(load_disagreements(RELEASE / "disagreements.csv", record_ids=ds.by_id))


def cases() -> dict[str, Callable[[], charts.Chart]]:
    """Golden name -> the chart it holds."""
    shipped, small = release(), fixture()
    everything = shipped.records
    dutch = apply(Filters(level=("NL",)), shipped.records)
    ranged = small.records
    kinds = ("public", "guarantee", "state_aid_ceiling", "private_expected", "target")
    return {
        "comparison-all-en": lambda: charts.comparison_chart(shipped, everything, kinds, "en", source=SOURCE),
        "comparison-nl-type-top5-nl": lambda: charts.comparison_chart(
            shipped, dutch, kinds, "nl", colour_by="instrument_type", top=5, source=SOURCE
        ),
        "envelopes-ceiling-en": lambda: charts.envelope_chart(
            shipped, everything, "state_aid_ceiling", "en", source=SOURCE
        ),
        "breakdown-pillar-en": lambda: charts.breakdown_chart(
            breakdown(shipped, everything, "eu_pillar", "public", "en"),
            "en",
            title="By pillar",
            source=SOURCE,
        ),
        "breakdown-beneficiary-nl": lambda: charts.breakdown_chart(
            breakdown(shipped, dutch, "beneficiary", "public", "nl"), "nl", title="Per begunstigde"
        ),
        "breakdown-source-fixture-en": lambda: charts.breakdown_chart(
            breakdown(small, ranged, "source", "public", "en"), "en", title="By source"
        ),
        "hierarchy-all-en": lambda: charts.hierarchy_chart(
            shipped, everything, "public", "en", source=SOURCE
        ),
        "flow-nl-framework-nl": lambda: charts.flow_chart(
            shipped, dutch, "public", "nl", "nl", source=SOURCE
        ),
        "timeline-all-nl": lambda: charts.timeline_chart(everything, "nl", source=SOURCE),
        "timeline-fixture-en": lambda: charts.timeline_chart(ranged, "en"),
    }


def figure_json(chart: charts.Chart) -> dict[str, Any]:
    """The figure as the page sends it (plotly's JSON encoder), without plotly's default template."""
    found = dict(json.loads(plotly.io.to_json(chart.spec, validate=False)))
    found["layout"].pop("template", None)
    return found


def write(name: str, figure: dict[str, Any]) -> None:
    text = json.dumps(figure, indent=1, sort_keys=True, ensure_ascii=False)
    (FIGURES / f"{name}.json").write_text(text + "\n", encoding="utf-8")


def main() -> int:
    FIGURES.mkdir(parents=True, exist_ok=True)
    for name, build in cases().items():
        write(name, figure_json(build()))
    print(f"wrote {len(cases())} figures to {FIGURES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
