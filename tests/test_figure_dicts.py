"""The dict-built figures against the figures plotly's property API built before (tests/legacy_charts):
the same JSON, the same table, for the shipped data, the hand-made fixture and random selections in
English and Dutch. Plotly adds its default template to a `go.Figure`; that is the one key left out."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

import legacy_charts.breakdown as old_breakdown
import legacy_charts.comparison as old_comparison
import legacy_charts.envelopes as old_envelopes
import legacy_charts.flow as old_flow
import legacy_charts.hierarchy as old_hierarchy
import legacy_charts.timeline as old_timeline
import plotly.io
import pytest
from fixtures import fixture
from hypothesis import given, settings
from hypothesis import strategies as st
from strategies import SHIPPED, filters

from funding import charts
from funding.breakdowns import breakdown
from funding.dataset import Dataset
from funding.kinds import offered_kinds
from funding.records import Instrument
from funding.selection import Filters, apply
from funding.totals import NotSummable
from funding.vocab import AMOUNT_KIND, Lang

DIMENSIONS = ("pillar", "source", "beneficiary", "instrument_type")


def old_json(chart: Any) -> dict[str, Any]:
    found = dict(json.loads(chart.figure.to_json()))
    found["layout"].pop("template", None)
    return found


def new_json(chart: charts.Chart) -> dict[str, Any]:
    return dict(json.loads(plotly.io.to_json(chart.spec, validate=False)))


def same(old: Callable[[], Any], new: Callable[[], charts.Chart]) -> None:
    try:
        before = old()
    except NotSummable:
        with pytest.raises(NotSummable):
            new()
        return
    after = new()
    assert new_json(after) == old_json(before)
    assert after.table.equals(before.table)
    assert (after.shown, after.total) == (before.shown, before.total)


def every_chart(
    ds: Dataset, rows: Sequence[Instrument], lang: Lang, framework: str, kind: str, top: int, colour: str
) -> None:
    """Each builder once on this selection (the aggregate ones refuse kinds that are never summed)."""
    source = "Source: <i>test</i> & more"
    same(
        lambda: old_envelopes.envelope_chart(ds, rows, kind, lang, colour_by=colour, top=top, source=source),
        lambda: charts.envelope_chart(ds, rows, kind, lang, colour_by=colour, top=top, source=source),
    )
    kinds = offered_kinds((kind,) if top % 2 else ())
    same(
        lambda: old_comparison.comparison_chart(
            ds, rows, kinds, lang, colour_by=colour, top=top, source=source
        ),
        lambda: charts.comparison_chart(ds, rows, kinds, lang, colour_by=colour, top=top, source=source),
    )
    for dimension in DIMENSIONS:
        dim = charts.breakdown_dimension(dimension, framework)
        title = charts.breakdown_title(dimension, framework, lang)
        result = breakdown(ds, rows, dim, kind, lang)
        same(
            lambda r=result, n=title: old_breakdown.breakdown_chart(r, lang, title=n),  # type: ignore[misc]
            lambda r=result, n=title: charts.breakdown_chart(r, lang, title=n),  # type: ignore[misc]
        )
    same(
        lambda: old_hierarchy.hierarchy_chart(ds, rows, kind, lang, source=source, leaves=top),
        lambda: charts.hierarchy_chart(ds, rows, kind, lang, source=source, leaves=top),
    )
    same(
        lambda: old_flow.flow_chart(ds, rows, kind, framework, lang, source=source, sources=top),
        lambda: charts.flow_chart(ds, rows, kind, framework, lang, source=source, sources=top),
    )
    same(
        lambda: old_timeline.timeline_chart(rows, lang, source=source, limit=top),
        lambda: charts.timeline_chart(rows, lang, source=source, limit=top),
    )


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("kind", AMOUNT_KIND.codes)
def test_every_chart_of_the_shipped_data_and_the_fixture_is_unchanged(lang: Lang, kind: str) -> None:
    for ds in (SHIPPED, fixture()):
        every_chart(ds, ds.records, lang, "eu", kind, 25, "level")
        every_chart(ds, ds.records, lang, "nl", kind, 3, "instrument_type")


@settings(max_examples=60)
@given(
    filters(),
    st.sampled_from(("en", "nl")),
    st.sampled_from(AMOUNT_KIND.codes),
    st.integers(1, 30),
    st.sampled_from(("level", "instrument_type")),
)
def test_random_selections_draw_the_same_figures(
    found: Filters, lang: Lang, kind: str, top: int, colour: str
) -> None:
    rows = apply(found, SHIPPED.records)
    every_chart(SHIPPED, rows, lang, found.framework, kind, top, colour)
