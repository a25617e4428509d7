"""What the page sends for a chart: the builder's dict as it is (no plotly template, nothing
added), and the chart's data table only once its expander is opened."""

from __future__ import annotations

import json
import math

import plotly.io
import pytest
from apptest_support import app, run
from fixtures import DATA

from app.as_built import AsBuilt, _plotly_to_json, plain_json
from app.picks import pick_key
from funding import charts
from funding.i18n import t
from funding.registry.loading import load_dataset
from funding.selecting.breakdowns import breakdown

pytestmark = pytest.mark.apptest


def test_a_breakdown_chart_is_sent_as_built_with_its_table_only_when_opened() -> None:
    at = app(view="breakdowns")
    sent = [json.loads(e.proto.spec) for e in at.get("plotly_chart")]
    assert len(sent) == 4 and all("template" not in figure["layout"] for figure in sent)
    assert all(e.proto.theme == "streamlit" for e in at.get("plotly_chart"))
    assert len(at.expander) == 4 and not at.dataframe  # four closed tables, none sent
    # The first chart is the pillar breakdown of all rows, public funding, as the builder makes it.
    ds = load_dataset(DATA, known_documents=None)
    result = breakdown(ds, ds.records, "eu_pillar", "public", "en")
    built = charts.breakdown_chart(result, "en", title=charts.breakdown_title("pillar", "eu", "en"))
    page = next(f for f in sent if f["layout"]["title"]["text"] == built.spec["layout"]["title"]["text"])
    assert page["data"] == json.loads(json.dumps(built.spec["data"]))  # the page adds only its source line
    at.session_state[pick_key("pillar", "eu") + "_table_open"] = True
    run(at)
    assert len(at.dataframe) == 1
    assert list(at.dataframe[0].value[t("col_group", "en")]) == list(built.table[t("col_group", "en")])


def test_a_chart_is_sent_as_plain_json_that_reads_as_plotlys() -> None:
    """`app.as_built`: the page's JSON parses to exactly what plotly's own writing parses to,
    without plotly's HTML escapes (`<br>` as 4 bytes, not 14; "⚑" as 3 UTF-8 bytes, not 6)."""
    at = app(view="breakdowns")
    for element in at.get("plotly_chart"):
        sent = element.proto.spec
        figure = json.loads(sent)
        plotlys = _plotly_to_json(AsBuilt(figure), validate=False)
        assert json.loads(plotlys) == figure
        assert "<br>" in sent and "\\u003c" not in sent and "\\u002f" not in sent
        escapes = sum(plotlys.count(e) for e in ("\\u003c", "\\u003e", "\\u002f"))
        assert len(sent.encode()) < len(plotlys.encode()) - 5 * escapes + 1  # each escape 5 bytes more
    # Any other figure is written as plotly writes it.
    other = {"data": [{"type": "bar", "name": "<b>⚑"}]}
    assert (
        plotly.io.to_json(other, validate=False)
        == '{"data":[{"type":"bar","name":"\\u003cb\\u003e\\u2691"}]}'
    )


def test_a_chart_holding_nan_is_still_written_plainly() -> None:
    """Plotly writes NaN and infinities as null by writing the text again; that pass keeps "⚑"
    as itself too (3 bytes, not the 6 of "\\u2691")."""
    assert (
        plain_json({"name": "⚑<br>", "y": [1.5, math.nan, math.inf]})
        == '{"name":"⚑<br>","y":[1.5,null,null]}'
    )
