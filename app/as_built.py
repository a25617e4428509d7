"""A chart's dict, handed to `st.plotly_chart` as it is and sent as plain JSON.

Given a dict, Streamlit validates it by building a `go.Figure` of it; given a Figure, it copies it
with `to_dict()`; then it writes JSON with `plotly.io.to_json`. Our dicts are built valid
(tests/data/figures) and the cached ones are never changed, so `AsBuilt.to_dict()` is the dict
itself (in a marked shallow copy) and a rerun only writes the JSON.

That JSON is made to sit in an HTML page's script tag: plotly writes `<`, `>` and `/` as `\\u003c`,
`\\u003e` and `\\u002f` and every non-ASCII letter as `\\uXXXX`, so a `<br>` takes 14 bytes, and
that was 11 to 19 % of every chart's bytes. Streamlit puts it in a protobuf string that the
page reads with `JSON.parse`, which gives the same strings either way, so `send_plain_json` has
`plotly.io.to_json` write an `AsBuilt` figure's dict plainly (UTF-8, plotly's own encoder otherwise);
every other figure, and every other use of `plotly.io.to_json`, is written as before.
tests/test_app_charts_sent.py holds the page's JSON to plotly's, parsed.
"""

from __future__ import annotations

import json
from typing import Any

import plotly.io
from plotly.basedatatypes import BaseFigure
from plotly.utils import PlotlyJSONEncoder

from funding import charts

_plotly_to_json = plotly.io.to_json


class _Plain(dict[str, Any]):
    """A chart's dict on its way to `plotly.io.to_json` (Streamlit hands on what `to_dict` gives)."""


class AsBuilt(BaseFigure):  # type: ignore[misc]
    """A chart's dict as a Figure that is never built: plotly's `__init__` is skipped on purpose,
    nothing but `to_dict()` is read."""

    def __init__(self, spec: charts.Spec) -> None:
        object.__setattr__(self, "_spec", spec)

    def to_dict(self) -> charts.Spec:
        return _Plain(self._spec)


class _PlainEncoder(PlotlyJSONEncoder):  # type: ignore[misc]
    """Plotly's encoder, unescaped also where it writes the text a second time to turn NaN and
    infinities into null (it would escape every non-ASCII letter there)."""

    def encode(self, o: Any) -> str:
        text = json.JSONEncoder.encode(self, o)
        if "NaN" not in text and "Infinity" not in text:
            return text
        strict = json.loads(text, parse_constant=self.coerce_to_strict)
        return json.dumps(strict, separators=(self.item_separator, self.key_separator), ensure_ascii=False)


def plain_json(spec: charts.Spec) -> str:
    """The figure as compact JSON, NaN and infinities as null as plotly writes them, unescaped."""
    return json.dumps(spec, cls=_PlainEncoder, separators=(",", ":"), ensure_ascii=False)


def _to_json(fig: Any, *args: Any, **kwargs: Any) -> str:
    if isinstance(fig, _Plain):
        return plain_json(fig)
    return str(_plotly_to_json(fig, *args, **kwargs))


def send_plain_json() -> None:
    """Install the rule (idempotent): once per server process, before a chart is drawn."""
    plotly.io.to_json = _to_json
