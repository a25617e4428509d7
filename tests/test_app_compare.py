"""The Overview's comparison across kinds, read back from the page: every kind in its own panel,
the IPCEI ceiling in the default view, and instruments picked to compare through `compare=`.

Expected ids and amounts come from data/funding.csv read as plain CSV, never from the page's code.
"""

from __future__ import annotations

from typing import Any

import pytest
from apptest_support import app, bar_ids, bar_values, figures, panels, run, said
from fixtures import shipped_rows
from streamlit.testing.v1 import AppTest

from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, LEVEL

pytestmark = pytest.mark.apptest

IPCEI = "ipcei-batteries-state-aid"  # "up to EUR 6.1 bn", the largest money envelope in the CSV
BOOSTER = "battery-booster-facility"  # EUR 1.5 bn of public loans
IPCEI_FIRST = "ipcei-batteries-1-state-aid"  # EUR 3.1 bn, a part of IPCEI


def comparison(at: AppTest) -> dict[str, Any]:
    return figures(at)[t("envelopes", "en")]


def test_default_view_compares_every_kind_and_holds_the_ipcei_ceiling() -> None:
    at = app()
    figure = comparison(at)
    rows = shipped_rows()
    stated = [r for r in rows if r["amount_eur"]]
    # One panel per kind with an amount, in vocabulary order (public funding first).
    kinds = [k for k in AMOUNT_KIND.codes if any(r["amount_kind"] == k for r in stated)]
    assert [p.rsplit(" (", 1)[0] for p in panels(figure)] == [AMOUNT_KIND.label(k, "en") for k in kinds]
    assert len(kinds) == 5
    values = bar_values(figure)
    assert values[IPCEI] == pytest.approx(6.1e9)
    # The shipped file has fewer than 25 amounts of each kind, so every stated amount is a bar.
    assert sorted(bar_ids(figure)) == sorted(r["id"] for r in stated)
    labels = {y: x for trace in figure["data"] for x, y in zip(trace["text"], trace["y"], strict=True)}
    assert labels[IPCEI].startswith("up to EUR 6.1 bn")


def test_the_comparison_adds_no_kinds_together() -> None:
    """No bar, label or table row is a total: every bar is one CSV row's own amount."""
    figure = comparison(app())
    by_id = {r["id"]: float(r["amount_eur"]) for r in shipped_rows() if r["amount_eur"]}
    assert bar_values(figure) == pytest.approx({i: by_id[i] for i in bar_values(figure)})


def test_compare_picks_from_the_url_show_just_those() -> None:
    at = app(compare=[IPCEI, BOOSTER])
    assert at.multiselect(key="compare").value == [IPCEI, BOOSTER]
    figure = comparison(at)
    assert bar_ids(figure) == [BOOSTER, IPCEI]  # public funding's panel first, then the ceiling's
    assert bar_values(figure) == pytest.approx({BOOSTER: 1.5e9, IPCEI: 6.1e9})
    assert [p.rsplit(" (", 1)[0] for p in panels(figure)] == [
        AMOUNT_KIND.label("public", "en"),
        AMOUNT_KIND.label("state_aid_ceiling", "en"),
    ]
    # A saved PNG names what it compares.
    assert "Compared: Battery IPCEIs approved" in figure["layout"]["title"]["subtitle"]["text"]


def test_a_picked_part_stays_under_its_picked_whole_and_is_not_added() -> None:
    figure = comparison(app(compare=[IPCEI_FIRST, IPCEI]))
    assert bar_ids(figure) == [IPCEI, IPCEI_FIRST]
    shapes = {
        y: shape
        for trace in figure["data"]
        for y, shape in zip(trace["y"], trace["marker"]["pattern"]["shape"], strict=True)
    }
    assert shapes == {IPCEI: "", IPCEI_FIRST: "/"}


def test_one_pick_asks_for_another_and_more_than_six_keep_the_first_six() -> None:
    at = app(compare=[IPCEI])
    assert t("compare_one_more", "en") in [c.value for c in at.caption]
    assert len(bar_ids(comparison(at))) > 2  # still every envelope
    ids = [r["id"] for r in shipped_rows() if r["amount_eur"]][:8]
    at = app(compare=ids)
    assert at.multiselect(key="compare").value == ids[:6]
    assert sorted(bar_ids(comparison(at))) == sorted(ids[:6])


def test_picking_writes_the_ids_to_the_url() -> None:
    at = app()
    at.multiselect(key="compare").set_value([BOOSTER, IPCEI])
    run(at)
    assert at.query_params["compare"] == [BOOSTER, IPCEI]
    assert bar_ids(comparison(at)) == [BOOSTER, IPCEI]


def test_picks_a_filter_hides_stay_and_come_back_when_it_is_lifted() -> None:
    rows = shipped_rows()
    micb = "ngf-micb"  # the one Dutch pick
    assert next(r for r in rows if r["id"] == micb)["level"] == "NL"
    others = [IPCEI, BOOSTER, IPCEI_FIRST]  # EU and member-state rows
    assert all(next(r for r in rows if r["id"] == i)["level"] != "NL" for i in others)
    at = app(compare=[IPCEI, micb, BOOSTER, IPCEI_FIRST])
    assert at.multiselect(key="compare").value == [IPCEI, micb, BOOSTER, IPCEI_FIRST]
    at.multiselect(key="level").set_value(["NL"])
    run(at)
    # The Dutch filter hides the three others: one shown, three named as hidden, none dropped.
    assert at.multiselect(key="compare").value == [micb]
    names = "; ".join(next(r["name_en"] for r in rows if r["id"] == i) for i in (IPCEI, BOOSTER, IPCEI_FIRST))
    assert t("compare_hidden", "en", n=3, names=names) in said(at.caption)
    at.multiselect(key="level").set_value([])
    run(at)
    assert at.multiselect(key="compare").value == [IPCEI, micb, BOOSTER, IPCEI_FIRST]
    assert sorted(bar_ids(comparison(at))) == sorted([IPCEI, micb, BOOSTER, IPCEI_FIRST])


def test_the_picker_leads_with_public_budgets_names_what_the_money_is_and_cannot_select_all() -> None:
    widget = app().multiselect(key="compare")
    options = list(widget.options)
    public = AMOUNT_KIND.label("public", "en")
    assert f" · {public}, " in options[0]  # not the EUR 55 bn investment target
    kinds = [AMOUNT_KIND.label(k, "en") for k in AMOUNT_KIND.codes]
    ranks = [next(i for i, k in enumerate(kinds) if f" · {k}, " in o) for o in options]
    assert ranks == sorted(ranks)  # grouped by kind, in the vocabulary's order
    # The battery IPCEIs' rows (three State-aid ceilings, three private figures) each say which
    # money they are: the member states' State aid says its kind and level.
    ipcei = [o for o in options if "IPCEI" in o]
    assert len(ipcei) == 6 and len(set(ipcei)) == 6
    state_aid = f" · {AMOUNT_KIND.label('state_aid_ceiling', 'en')}, {LEVEL.label('MS', 'en')}"
    assert sum(o.endswith(state_aid) for o in ipcei) == 3
    assert widget.proto.select_all == 0  # no "Select all"
    assert widget.proto.filter_mode == 1  # FILTER_MODE_CONTAINS: words, not fuzzy letters
