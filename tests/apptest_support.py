"""Driving the page through Streamlit's AppTest: open a URL, switch views, read what a reader sees.

AppTest cannot click tabs or charts: a view is opened through its URL parameter (`?view=...`),
as a copied link would, and a chart click is the selection state Streamlit would store.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from fixtures import ROOT, fixture_csv
from streamlit.testing.v1 import AppTest

from funding.base.markdown import SEPARATOR
from funding.i18n import t
from funding.i18n.vocab import Lang

APP = str(ROOT / "dashboard.py")
NBSP = "\u00a0"


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def app(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return run(at)


def open_view(at: AppTest, view: str) -> AppTest:
    """Open a view as a link would (the tabs' own clicks are out of AppTest's reach)."""
    at.query_params["view"] = view
    return run(at)


def data_upload(at: AppTest) -> Any:
    """The Data view's CSV uploader (the slide-template uploader is another one)."""
    if "upload_0" not in [w.key for w in at.get("file_uploader")]:
        open_view(at, "data")
    return at.file_uploader(key="upload_0")


def with_fixture(at: AppTest) -> AppTest:
    """Upload the hand-made fixture and come back to the overview."""
    data_upload(at).set_value(("fixture.csv", fixture_csv(), "text/csv"))
    run(at)
    return open_view(at, "overview")


def said(elements: Any) -> list[str]:
    """Messages as the reader sees them: escapes (\\. shows as .) resolved, and the empty
    separators that keep links and icons from forming drawn as nothing."""
    return [re.sub(r"\\(.)", r"\1", e.value.replace(SEPARATOR, "")) for e in elements]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: str(m.value).replace(NBSP, " ").replace("\u2060", "") for m in at.metric}


def metric(at: AppTest, key: str, lang: Lang = "en") -> str:
    """A headline figure by its catalogue key (its label may go on to name the selection's
    envelopes: "… — in envelopes open to suppliers")."""
    label = t(key, lang)
    shown = metrics(at)
    found = [v for k, v in shown.items() if k == label or k.startswith(f"{label} — ")]
    assert len(found) == 1, (label, list(shown))
    return found[0]


def figures(at: AppTest) -> dict[str, dict[str, Any]]:
    """Plotly figures on the page by the first line of their title."""
    out = {}
    for element in at.get("plotly_chart"):
        figure = json.loads(element.proto.spec)
        out[figure["layout"]["title"]["text"].split("<br>")[0]] = figure
    return out


def table_with(at: AppTest, *columns: str) -> Any:
    """The first table on the page with these column headers (AppTest tables carry no key)."""
    for element in at.dataframe:
        frame = element.value
        if all(c in frame.columns for c in columns):
            return frame
    raise KeyError(columns)


def details(at: AppTest, lang: Lang = "en") -> Any:
    """The Instruments view's table (the view must be open)."""
    return table_with(at, t("col_qualifier", lang), t("col_kind", lang))


def problems(at: AppTest) -> Any:
    """The problem list (a static table whose cells are Markdown-escaped), as the reader sees it."""
    frame = at.table[0].value
    return frame.map(lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)


def bar_ids(figure: dict[str, Any]) -> list[str]:
    """The bars top down, over every panel of a figure with several (yaxis, yaxis2, ...)."""
    layout = figure["layout"]
    axes = sorted((k for k in layout if re.fullmatch(r"yaxis\d*", k)), key=lambda k: int(k[5:] or 1))
    return [i for k in axes for i in layout[k].get("categoryarray", [])]


def panels(figure: dict[str, Any]) -> list[str]:
    """The panel titles of a comparison across kinds, top down."""
    return [a["text"] for a in figure["layout"].get("annotations", [])]


def bar_values(figure: dict[str, Any]) -> dict[str, float]:
    scale = {"EUR bn": 1e9, "EUR m": 1e6, "EUR": 1.0, "€ mld": 1e9, "€ mln": 1e6, "€": 1.0}
    layout = figure["layout"]
    # The unit is under the bottom axis: the only one of a comparison's panels with a title.
    unit = next(
        v["title"]["text"]
        for k, v in layout.items()
        if k.startswith("xaxis") and "text" in v.get("title", {})
    )
    factor = scale[unit]
    return {y: x * factor for trace in figure["data"] for x, y in zip(trace["x"], trace["y"], strict=True)}


@dataclass
class Download:
    data: Callable[[], bytes]  # what a click runs: the file's bytes
    file_name: str
    mime: str
    on_click: Any


@contextmanager
def download_buttons() -> Iterator[dict[str, Download]]:
    """The download buttons of the runs inside, by key, with the callable each was given."""
    from streamlit.delta_generator import DeltaGenerator

    seen: dict[str, Download] = {}
    original = DeltaGenerator.download_button

    def spy(self: DeltaGenerator, label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        seen[kwargs["key"]] = Download(data, kwargs["file_name"], kwargs["mime"], kwargs.get("on_click"))
        return bool(original(self, label, data, *args, **kwargs))

    DeltaGenerator.download_button = spy  # type: ignore[method-assign,assignment]
    try:
        yield seen
    finally:
        DeltaGenerator.download_button = original  # type: ignore[method-assign]
