"""Chart clicks as URL state (app/pick_state.py): pure functions, no Streamlit."""

from __future__ import annotations

from app.pick_state import PARAMS, clicks, from_url, stale

NONE: dict[str, list[str]] = {dim: [] for dim in PARAMS}
KNOWN = {
    "source": {"Horizon Europe", "Innovation Fund"},
    "instrument": {"micb"},
    "pillar": {"financing", "raw_materials"},
}


def test_a_link_holds_the_picks_each_once() -> None:
    picks = from_url(
        {"pick_source": ["Horizon Europe", "Horizon Europe"], "pick_instrument": ["micb"], "level": ["NL"]},
        pillars={"financing"},
        known=KNOWN,
    )
    assert picks == {**NONE, "source": ["Horizon Europe"], "instrument": ["micb"]}


def test_a_pick_the_data_no_longer_has_is_dropped_and_named() -> None:
    """A stale link (a source renamed since) would narrow the page to nothing: it is let go, the
    known pick stays, and `stale` names exactly the unknown ones, each once."""
    query = {
        "pick_source": ["Horizon Europe", "Horizon 2020", "Horizon 2020"],
        "pick_instrument": ["gone"],
        "pick_type": ["loan"],  # a valid code, but no row of this data has it
    }
    picks = from_url(query, pillars={"financing"}, known=KNOWN)
    assert picks == {**NONE, "source": ["Horizon Europe"]}
    assert stale(query, KNOWN) == [
        ("source", "Horizon 2020"),
        ("instrument_type", "loan"),
        ("instrument", "gone"),
    ]


def test_a_pillar_of_the_other_framework_is_let_go() -> None:
    query = {"pick_pillar": ["raw_materials", "financing"]}
    picks = from_url(query, pillars={"financing", "demand"}, known=KNOWN)
    assert picks["pillar"] == ["financing"]
    assert stale(query, KNOWN) == []  # it exists, in the other framework: no note


def test_chart_clicks_outlive_their_chart() -> None:
    key = "pick_source_0"
    # Clicked: the chart reports a group it did not report before.
    picks, seen = clicks(NONE, {}, {key: {"source": ["Horizon Europe"]}})
    assert picks["source"] == ["Horizon Europe"]
    # Another view is open: the chart is not drawn, its state is gone; the click is kept.
    picks, seen = clicks(picks, seen, {key: None})
    assert picks["source"] == ["Horizon Europe"] and seen == {key: None}
    # Back in the view, drawn afresh: it reports nothing, which is not a click.
    picks, seen = clicks(picks, seen, {key: {"source": []}})
    assert picks["source"] == ["Horizon Europe"]
    # The reader clears the chart's own selection: that is a click.
    picks, seen = clicks(picks, {key: {"source": ["Horizon Europe"]}}, {key: {"source": []}})
    assert picks["source"] == []


def test_a_link_s_pick_stays_until_a_chart_says_something_new() -> None:
    linked = {**NONE, "source": ["EU Innovation Fund"]}
    # The treemap, drawn for the first time with nothing selected, changes nothing.
    picks, seen = clicks(linked, {}, {"tiles": {"source": [], "instrument": []}})
    assert picks == linked
    # A click on an instrument tile picks it and lets go of the tile's source (both are its own).
    picks, seen = clicks(picks, seen, {"tiles": {"source": [], "instrument": ["booster"]}})
    assert picks == {**NONE, "instrument": ["booster"]}
    # The same report again (a rerun for another reason) is not a new click.
    picks, _ = clicks(
        {**picks, "pillar": ["financing"]}, seen, {"tiles": {"source": [], "instrument": ["booster"]}}
    )
    assert picks == {**NONE, "instrument": ["booster"], "pillar": ["financing"]}
