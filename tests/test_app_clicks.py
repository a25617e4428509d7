"""Chart clicks as URL parameters: a click lands in the URL, and a URL with a pick narrows the page
as the click did. AppTest cannot click a chart; a click is the selection state Streamlit stores.

Expected counts come from data/funding.csv read as plain CSV.
"""

from __future__ import annotations

import pytest
from apptest_support import app, figures, metric, open_view, run
from fixtures import instruments, shipped_rows

from funding.i18n import t

pytestmark = pytest.mark.apptest

BOOSTER = "battery-booster-facility"


def selection(**point: str) -> dict[str, object]:
    return {"selection": {"points": [point], "point_indices": [0], "box": [], "lasso": []}}


def eu_horizon() -> str:
    return str(
        instruments([r for r in shipped_rows() if r["level"] == "EU" and r["source"] == "Horizon Europe"])
    )


def test_a_link_with_a_pick_narrows_the_page_as_the_click_did() -> None:
    at = app(level="EU", pick_source="Horizon Europe")
    assert metric(at, "instruments") == eu_horizon()
    assert at.button(key="clear_pick")  # the banner says what narrows the page
    assert at.query_params["pick_source"] == "Horizon Europe"  # kept in the link
    at.button(key="clear_pick").click()
    run(at)
    assert "pick_source" not in at.query_params
    assert metric(at, "instruments") == str(instruments([r for r in shipped_rows() if r["level"] == "EU"]))


def test_a_treemap_tile_click_lands_in_the_url_and_narrows_the_page() -> None:
    at = app(view="structure", level="EU")
    at.session_state["pick_hierarchy_0"] = selection(id="source:Horizon Europe")
    run(at)
    assert at.query_params["pick_source"] == "Horizon Europe"
    open_view(at, "overview")  # the treemap is no longer drawn: the pick holds
    assert metric(at, "instruments") == eu_horizon()


def test_a_timeline_bar_click_picks_its_instrument() -> None:
    at = app(view="timeline")
    at.session_state["pick_timeline_0"] = selection(y=BOOSTER)
    run(at)
    assert at.query_params["pick_instrument"] == BOOSTER
    open_view(at, "overview")
    assert metric(at, "instruments") == "1"
    # The same page from the link alone.
    assert metric(app(pick_instrument=BOOSTER), "instruments") == "1"


def test_the_sankey_pickers_narrow_like_a_click() -> None:
    """Streamlit cannot report a Sankey click: the pickers beside it write the same parameter."""
    at = app(view="structure", level="EU")
    at.multiselect(key="flow_source_eu").set_value(["Horizon Europe"])
    run(at)
    assert at.query_params["pick_source"] == "Horizon Europe"
    open_view(at, "overview")
    assert metric(at, "instruments") == eu_horizon()


def test_a_saved_png_says_which_clicks_narrow_its_chart() -> None:
    """The footer (the subtitle's source line) names the picks that apply to that chart: the
    comparison is narrowed by a source click, the breakdown clicked is not."""
    at = app(level="EU", pick_source="Horizon Europe")
    footer = figures(at)[t("envelopes", "en")]["layout"]["title"]["subtitle"]["text"]
    narrowed = t("picked", "en", text="")  # the line's words before the picks it names
    assert narrowed in footer and "Horizon Europe" in footer
    open_view(at, "breakdowns")
    drawn = figures(at)
    assert len(drawn) == 4  # pillar, source, beneficiary and instrument type
    for figure in drawn.values():
        assert narrowed not in figure["layout"]["title"]["subtitle"]["text"]
