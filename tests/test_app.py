"""The dashboard driven through Streamlit's AppTest: every view and control, URLs, uploads.

Expected figures come from the fixture in tests/fixtures.py (worked out by hand there) after
uploading it, or, for the shipped dataset, are recomputed from the CSV rows with the csv module,
independently of `funding`. Texts are looked up by catalogue key, never written out here.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from apptest_support import (
    app,
    bar_ids,
    bar_values,
    data_upload,
    details,
    figures,
    metric,
    metrics,
    open_view,
    panels,
    problems,
    run,
    said,
    with_fixture,
)
from factory import csv_bytes, row
from fixtures import DATA, DOCUMENTS, ROOT, document_id, fixture_rows, instruments, net_public, shipped_rows
from streamlit.testing.v1 import AppTest

from bench import synth
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND
from funding.selecting.selection import ORIGIN_LABELS, Filters, describe

pytestmark = pytest.mark.apptest
EN_PILLAR_TITLE = t("by_pillar", "en", framework=t("framework_eu", "en"))
VIEW_CHARTS = {
    "overview": [t("envelopes", "en")],
    "breakdowns": [
        EN_PILLAR_TITLE,
        t("by_source", "en"),
        t("by_beneficiary", "en"),
        t("by_instrument_type", "en"),
    ],
    "structure": [t("hierarchy", "en"), t("flow", "en")],
    "timeline": [t("timeline", "en")],
    "instruments": [],
    "data": [],
}


def test_default_view_of_the_shipped_data() -> None:
    at = app()
    rows = shipped_rows()
    assert metric(at, "instruments") == str(instruments(rows))
    unstated = sum(1 for r in rows if r["record_type"] == "instrument" and not r["amount_eur"])
    assert metric(at, "without_amount") == f"{unstated} of {instruments(rows)} instruments"
    net = net_public(rows, {r["id"] for r in rows})
    assert net > 1e9
    number = metric(at, "net_public").split("EUR ")[1]
    low, _, high = number.removesuffix(" bn").partition("–")
    # A range when documents leave overlaps open: the high end assumes none, as net_public does,
    # and is said at three digits rounded up: at most EUR 0.01 bn above the exact high end.
    assert 0 <= float(high or low) * 1e9 - net < 0.01e9
    # Every chart carries the dataset's version in its source line.
    version = json.loads((ROOT / "data" / "dataset.json").read_text(encoding="utf-8"))["version"]
    for figure in figures(at).values():
        assert f"v{version}" in figure["layout"]["title"]["subtitle"]["text"]


@pytest.mark.parametrize("view", list(VIEW_CHARTS))
def test_only_the_open_view_is_built(view: str) -> None:
    """Each view draws its own charts and no other's: the lazy tabs skip the rest."""
    at = app(view=view)
    assert list(figures(at)) == VIEW_CHARTS[view]
    assert bool(at.metric) == (view == "overview")  # the headline is the overview's
    assert (view == "instruments") == (t("detail_hint", "en") in [c.value for c in at.caption])


def test_the_view_is_in_the_url_and_survives_a_language_switch() -> None:
    # EU rows have stated periods (Batt4EU 2021-2027); since 1.2.0 no Dutch row has one (the
    # South Korea funds lost their 2026, a section heading's year, data/README.md §8)
    at = app(view="timeline", level="EU")
    assert at.query_params["view"] == "timeline"
    assert list(figures(at)) == [t("timeline", "en")]
    at.radio(key="lang").set_value("nl")
    run(at)
    assert list(figures(at)) == [t("timeline", "nl")]
    assert at.query_params["view"] == "timeline" and at.query_params["level"] == "EU"
    open_view(at, "overview")
    assert "view" not in at.query_params  # the default is left out of the URL
    at = app(view="no-such-view")
    assert list(figures(at)) == VIEW_CHARTS["overview"] and "view" not in at.query_params


def test_deep_link_opens_the_dutch_view_of_dutch_instruments() -> None:
    at = app(level="NL", lang="nl")
    rows = shipped_rows()
    dutch = [r for r in rows if r["level"] == "NL"]
    assert metric(at, "instruments", "nl") == str(instruments(dutch))
    net = net_public(rows, {r["id"] for r in dutch})
    assert 1e6 <= net < 1e9  # the MICB programme and its parts
    assert metric(at, "net_public", "nl") == f"€ {net / 1e6:g} mln".replace(".", ",")
    assert at.multiselect(key="level").value == ["NL"]
    assert at.multiselect(key="level").label == t("filter_level", "nl")
    assert at.multiselect(key="source").placeholder == t("choose", "nl")  # not Streamlit's English
    assert at.radio(key="lang").value == "nl"
    envelope = figures(at)[t("envelopes", "nl")]
    assert "niveau: Nederland" in envelope["layout"]["title"]["subtitle"]["text"]  # a saved PNG says so
    dutch_public = {r["id"] for r in dutch if r["amount_kind"] == "public" and r["amount_eur"]}
    assert set(bar_ids(envelope)) == dutch_public
    open_view(at, "instruments")
    table = details(at, "nl")
    assert len(table) == len(dutch)
    assert t("amount_not_stated", "nl") in set(table[t("col_amount", "nl")])


def test_an_all_dutch_selection_groups_by_the_dutch_pillars_unless_the_link_says_otherwise() -> None:
    """Every NL row is Dutch, so the framework defaults to the Dutch strategy's pillars (as the
    deck's); the default stays out of the URL; an explicit framework=eu is kept."""
    at = app(level="NL")
    assert at.radio(key="framework").value == "nl"
    assert "framework" not in at.query_params
    assert app().radio(key="framework").value == "eu"  # EU and Dutch rows together
    assert app(level="NL", framework="eu").radio(key="framework").value == "eu"


def test_member_states_show_their_state_aid_ceilings() -> None:
    """`/?level=MS`: the MS rows state ceilings, no public budget, so the page shows the ceilings
    (funding.selecting.kinds), as `python -m funding export --level MS` does."""
    at = app(level="MS")
    rows = shipped_rows()
    ceilings = {
        r["id"]
        for r in rows
        if r["level"] == "MS" and r["amount_kind"] == "state_aid_ceiling" and r["amount_eur"]
    }
    assert ceilings and not any(
        r["level"] == "MS" and r["amount_kind"] == "public" and r["amount_eur"] for r in rows
    )
    comparison = figures(at)[t("envelopes", "en")]
    label = AMOUNT_KIND.label("state_aid_ceiling", "en")
    assert panels(comparison) == [t("compare_panel", "en", kind=label, n=len(ceilings))]
    assert set(bar_ids(comparison)) == ceilings
    open_view(at, "structure")  # the views that add amounts up pick the same kind by default
    assert at.selectbox(key="chart_kind").value == "state_aid_ceiling"
    assert "chart_kind" not in at.query_params  # the default, left out of the link


def test_query_parameters_set_every_filter() -> None:
    at = app(
        level=["EU", "NL"],
        type="grant",
        kind="public",
        framework="nl",
        pillar="economic_prospects",
        beneficiary="companies",
        status="allocated",
        year_from="2020",
        year_to="2030",
        undated="false",
        battery_only="true",
        q="micb",
    )
    assert at.multiselect(key="level").value == ["EU", "NL"]
    assert at.multiselect(key="type").value == ["grant"]
    assert at.multiselect(key="kind").value == ["public"]
    assert at.radio(key="framework").value == "nl"
    assert at.multiselect(key="pillar").value == ["economic_prospects"]
    assert at.multiselect(key="beneficiary").value == ["companies"]
    assert at.multiselect(key="status").value == ["allocated"]
    assert (at.number_input(key="year_from").value, at.number_input(key="year_to").value) == (2020, 2030)
    assert at.checkbox(key="undated").value is False
    assert at.checkbox(key="battery_only").value is True
    assert at.text_input(key="q").value == "micb"


def test_query_parameters_set_the_display_controls(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # 300 synthetic rows, so that both limits are smaller than what there is to show.
    data = synth.write(tmp_path / "funding.csv", 300)
    (tmp_path / "dataset.json").write_bytes((ROOT / "data" / "dataset.json").read_bytes())
    monkeypatch.setenv("FUNDING_DATA", str(data))
    at = app(color="type", top="10", rows="100")
    assert at.radio(key="color").value == "type"
    assert at.selectbox(key="top").value == 10
    layout = figures(at)[t("envelopes", "en")]["layout"]
    per_panel = [len(layout[k]["categoryarray"]) for k in layout if k.startswith("yaxis")]
    assert per_panel[0] == 10 and max(per_panel) == 10  # at most 10 bars of each kind
    open_view(at, "instruments")
    assert at.selectbox(key="rows").value == 100
    assert len(details(at)) == 100
    # The overview's settings stay in the URL while another view is open, and come back with it.
    assert at.query_params["top"] == "10" and at.query_params["color"] == "type"
    open_view(at, "overview")
    assert at.selectbox(key="top").value == 10 and at.radio(key="color").value == "type"


def test_chart_kind_from_the_url() -> None:
    at = app(chart_kind="state_aid_ceiling", view="structure")
    assert at.selectbox(key="chart_kind").value == "state_aid_ceiling"


def test_translated_labels_in_the_url_are_not_codes_and_are_dropped() -> None:
    # bind="query-params" would have put "Netherlands" in the URL; the page speaks codes only.
    at = app(level=["Netherlands", "NL", "XX"])
    assert at.multiselect(key="level").value == ["NL"]
    assert at.query_params["level"] == "NL"


def test_changing_a_filter_writes_codes_to_the_url() -> None:
    at = app()
    at.multiselect(key="level").set_value(["NL", "MS"])
    run(at)
    assert at.query_params["level"] == ["NL", "MS"]
    at.radio(key="lang").set_value("nl")
    run(at)
    assert at.query_params["lang"] == "nl"
    assert at.query_params["level"] == ["NL", "MS"]  # codes stay codes in Dutch
    at.multiselect(key="level").set_value([])
    run(at)
    assert "level" not in at.query_params


def test_a_chart_click_narrows_every_view_and_outlives_its_chart() -> None:
    at = app(view="breakdowns", level="EU")
    expected = [r for r in shipped_rows() if r["level"] == "EU" and r["source"] == "Horizon Europe"]
    # What a click on the "Horizon Europe" bar of the source breakdown leaves in session state.
    at.session_state["pick_source_0"] = {
        "selection": {"points": [{"y": "Horizon Europe"}], "point_indices": [0], "box": [], "lasso": []}
    }
    run(at)
    assert at.button(key="clear_pick")  # the banner says what narrows the page
    open_view(at, "overview")  # the breakdown charts are no longer drawn ...
    open_view(at, "overview")  # ... and Streamlit has forgotten their selection
    assert metric(at, "instruments") == str(instruments(expected))
    open_view(at, "instruments")
    assert len(details(at)) == len(expected)
    open_view(at, "breakdowns")  # drawn afresh, unselected: the click still holds
    open_view(at, "overview")
    assert metric(at, "instruments") == str(instruments(expected))
    at.button(key="clear_pick").click()
    run(at)
    assert "clear_pick" not in [b.key for b in at.button]
    assert metric(at, "instruments") == str(instruments([r for r in shipped_rows() if r["level"] == "EU"]))


# --- the fixture, uploaded: every control against hand-computed figures ------------------------


@pytest.fixture()
def at() -> AppTest:
    return with_fixture(app())


def test_upload_replaces_the_data_and_says_so(at: AppTest) -> None:
    # "up to" 6.721 and 3.721 bn said at three digits, rounded up: 6.73 and 3.73.
    assert metric(at, "net_public") == "up to EUR 6.73 bn"
    assert metric(at, "battery_public") == "up to EUR 3.73 bn"
    assert metric(at, "wider_public") == "EUR 3 bn"
    assert metric(at, "instruments") == "14"
    assert metric(at, "without_amount") == "2 of 14 instruments"
    shown = metrics(at)
    assert shown[AMOUNT_KIND.label("guarantee", "en")] == "for batteries: EUR 200 m"
    assert shown[AMOUNT_KIND.label("state_aid_ceiling", "en")] == "for batteries: up to EUR 6.1 bn"
    assert shown[AMOUNT_KIND.label("target", "en")] == t("targets_value", "en", n=2)
    assert any("fixture.csv" in w for w in said(at.warning))


def test_level_filter(at: AppTest) -> None:
    at.multiselect(key="level").set_value(["NL"])
    run(at)
    assert metric(at, "net_public") == "EUR 296 m"  # the programme; its parts are inside it
    assert metric(at, "instruments") == "4"
    assert bar_ids(figures(at)[t("envelopes", "en")]) == ["prog", "prog-a", "prog-b"]


def test_type_source_status_beneficiary_filters(at: AppTest) -> None:
    at.multiselect(key="type").set_value(["loan"])
    run(at)
    assert metric(at, "net_public") == "EUR 1.5 bn"
    at.multiselect(key="type").set_value([])
    at.multiselect(key="source").set_value(["Horizon Europe"])
    run(at)
    assert metric(at, "net_public") == "up to EUR 925 m"  # the 382 part is inside it
    at.multiselect(key="source").set_value([])
    at.multiselect(key="beneficiary").set_value(["suppliers"])
    run(at)
    assert metric(at, "net_public") == "EUR 1 bn"
    at.multiselect(key="beneficiary").set_value([])
    at.multiselect(key="status").set_value(["allocated"])
    run(at)
    assert metric(at, "instruments") == "0"
    # No fixture row is allocated; without the status filter all 14 rows match (the headline's count).
    why = t("empty_by_filter", "en", n=14, filter=describe(Filters(status=("allocated",)), "en"))
    empty = " ".join([t("no_selection", "en"), why])
    assert empty in said(at.info)
    assert not figures(at)  # no empty charts
    for view in ("breakdowns", "structure", "timeline", "instruments"):
        open_view(at, view)
        assert empty in said(at.info) and not figures(at)


def test_new_money_among_dutch_entries_says_no_dutch_entry_states_an_origin() -> None:
    dutch = [r for r in shipped_rows() if r["level"] == "NL"]
    assert dutch and not any(r["money_origin"] for r in dutch)  # what the sentence is about
    at = app(level="NL", origin="new")
    # Without the origin filter the Dutch entries match, none stating where its money comes from.
    label = ORIGIN_LABELS.label("not_stated", "en")
    why = t("empty_origin_unstated", "en", n=len(dutch), label=label)
    assert any(why in message for message in said(at.info))


def test_kind_filter_and_chart_kind(at: AppTest) -> None:
    at.multiselect(key="kind").set_value(["guarantee", "target"])
    run(at)
    assert metric(at, "net_public") == t("none_stated", "en")
    # The comparison shows both kinds the filter allows, each in its own panel, the largest first.
    comparison = figures(at)[t("envelopes", "en")]
    assert bar_ids(comparison) == ["topup", "target-a", "target-b"]
    assert [p.rsplit(" (", 1)[0] for p in panels(comparison)] == [
        AMOUNT_KIND.label("guarantee", "en"),
        AMOUNT_KIND.label("target", "en"),
    ]
    open_view(at, "structure")
    assert at.selectbox(key="chart_kind").options == [
        AMOUNT_KIND.label("guarantee", "en"),
        AMOUNT_KIND.label("target", "en"),
    ]
    at.selectbox(key="chart_kind").set_value("target")
    run(at)
    # Targets are never summed: no breakdowns, hierarchy or flow, and each view says why.
    why = t("not_summable", "en", kind=AMOUNT_KIND.label("target", "en"))
    for view in ("structure", "breakdowns"):
        open_view(at, view)
        assert at.selectbox(key="chart_kind").value == "target"  # the choice follows the reader
        assert not figures(at) and why in [i.value for i in at.info]


def test_framework_and_pillar(at: AppTest) -> None:
    at.multiselect(key="pillar").set_value(["financing"])
    run(at)
    assert metric(at, "net_public") == "EUR 2.5 bn"
    at.radio(key="framework").set_value("nl")
    run(at)
    # The EU pillar no longer applies; the pillar list is now the Dutch one.
    assert at.multiselect(key="pillar").value == []
    assert "1. Raw materials" in at.multiselect(key="pillar").options
    open_view(at, "breakdowns")
    assert t("by_pillar", "en", framework=t("framework_nl", "en")) in figures(at)
    at.multiselect(key="pillar").set_value(["economic_prospects"])
    run(at)
    open_view(at, "overview")
    assert metric(at, "net_public") == "EUR 296 m"


def test_years_undated_battery_only_and_search(at: AppTest) -> None:
    at.number_input(key="year_from").set_value(2028)
    run(at)
    # Dated rows running in 2028: unknown (2026, open end); undated rows stay by default.
    assert metric(at, "instruments") == "12"
    at.checkbox(key="undated").uncheck()
    run(at)
    assert metric(at, "instruments") == "1"
    at.checkbox(key="undated").check()
    at.number_input(key="year_from").set_value(None)
    at.checkbox(key="battery_only").check()
    run(at)
    assert metric(at, "net_public") == "up to EUR 3.73 bn"  # up to 3.721, rounded up at 3 digits
    at.checkbox(key="battery_only").uncheck()
    at.text_input(key="q").input("batt4eu")
    run(at)
    assert metric(at, "net_public") == "up to EUR 925 m"
    assert metric(at, "instruments") == "2"


def test_year_range_backwards_is_refused_as_the_command_line_refuses_it(at: AppTest) -> None:
    """2030 to 2020 selects nothing: no figures, no charts, no downloads, and the reason (the
    CLI's exit 1 with the same problem); the sidebar stays to change it."""
    at.number_input(key="year_from").set_value(2030)
    at.number_input(key="year_to").set_value(2020)
    run(at)
    expected = t("filter_years_reversed", "en", year_from=2030, year_to=2020)
    assert t("filter_refused", "en", text=expected) in said(at.error)
    assert (at.metric.len, len(at.get("plotly_chart")), len(at.get("download_button"))) == (0, 0, 0)
    assert at.number_input(key="year_from").value == 2030
    at.number_input(key="year_to").set_value(2031)
    run(at)
    assert metric(at, "instruments") != ""  # changed in the sidebar: the page is back


def legend(figure: dict[str, Any]) -> list[str]:
    return [trace["name"] for trace in figure["data"] if trace.get("showlegend", True)]


def test_colour_and_bar_count(at: AppTest) -> None:
    # Public (EU, NL), guarantee (EU), ceiling (MS), targets (EU): each colour once in the legend.
    assert legend(figures(at)[t("envelopes", "en")]) == ["EU", "Netherlands", "EU member states"]
    at.radio(key="color").set_value("type")
    run(at)
    assert legend(figures(at)[t("envelopes", "en")])[:2] == ["Grant", "Loan (incl. zero-interest)"]
    at.selectbox(key="top").set_value(10)
    run(at)
    layout = figures(at)[t("envelopes", "en")]["layout"]
    assert len(layout["yaxis"]["categoryarray"]) == 8  # all 8 public amounts fit
    open_view(at, "instruments")
    at.selectbox(key="rows").set_value(100)
    run(at)
    assert len(details(at)) == 14


def test_language_switch_translates_labels_values_and_numbers(at: AppTest) -> None:
    at.radio(key="lang").set_value("nl")
    run(at)
    assert metric(at, "net_public", "nl") == "tot € 6,73 mld"  # tot 6,721, rounded up
    assert metric(at, "battery_public", "nl") == "tot € 3,73 mld"  # tot 3,721, rounded up
    assert t("envelopes", "nl") in figures(at)
    assert at.multiselect(key="type").options[0] == "Subsidie"
    open_view(at, "instruments")
    table = details(at, "nl")
    assert list(table.columns[:3]) == [t("col_name", "nl"), t("col_amount", "nl"), t("col_qualifier", "nl")]


def test_breakdown_charts_show_hand_computed_groups(at: AppTest) -> None:
    shown = figures(open_view(at, "breakdowns"))
    pillar = bar_values(shown[EN_PILLAR_TITLE])
    assert pillar["financing"] == pytest.approx(2500e6)
    assert pillar["upstream"] == pytest.approx(3000e6)
    beneficiary = shown[t("by_beneficiary", "en")]
    subtitle = " ".join(re.sub(r"<[^>]+>", " ", beneficiary["layout"]["title"]["subtitle"]["text"]).split())
    assert t("not_additive", "en") in subtitle
    kind = AMOUNT_KIND.label("public", "en")
    assert t("total_counted", "en", kind=kind, total="X").split("X")[0] not in subtitle  # no total
    assert bar_values(beneficiary)["cell_manufacturers"] == pytest.approx(2500e6)


def pick_row(at: AppTest, position: int) -> AppTest:
    """What a click on a row of the instruments table leaves in session state (AppTest cannot click)."""
    at.session_state["details_table"] = {"selection": {"rows": [position], "columns": [], "cells": []}}
    return run(at)


def test_instrument_detail_shows_source_document_locator_and_quote(at: AppTest) -> None:
    open_view(at, "instruments")
    assert t("detail_hint", "en") in [c.value for c in at.caption]  # no row picked: no panel
    assert not [m for m in at.markdown if m.value == "**Batt4EU**"]
    # The table lists the fixture's rows in file order; "batt" is its fifth (fund, loan, grant, topup).
    assert [r["id"] for r in fixture_rows()].index("batt") == 4
    pick_row(at, 4)
    texts = [t.value for t in at.text]
    assert "**Batt4EU**" in [m.value for m in at.markdown]
    assert f"{AMOUNT_KIND.label('public', 'en')}: up to EUR 925,000,000" in texts
    # The fixture's locator is only a line number, which analysts never see; its quote is in no
    # document text, so it stands alone.
    assert "L1" not in texts and t("detail_none", "en") in texts and "a quote" in texts
    with DOCUMENTS.open(encoding="utf-8-sig", newline="") as f:
        title = next(csv.DictReader(f))["title_en"]
    assert any(title in t for t in texts)


def test_the_upload_outlives_its_view_and_back_returns_to_the_curated_dataset(at: AppTest) -> None:
    for view in ("breakdowns", "instruments", "overview"):
        open_view(at, view)
        assert any("fixture.csv" in w for w in said(at.warning))  # still the uploaded file
    assert metric(at, "instruments") == "14"
    at.button(key="back_banner").click()
    run(at)
    assert metric(at, "instruments") == str(instruments(shipped_rows()))
    assert not any("fixture.csv" in w for w in said(at.warning))


# --- invalid files ---------------------------------------------------------------------------


def test_invalid_upload_lists_its_problems_and_leaves_the_shipped_file_alone() -> None:
    before = hashlib.sha256(DATA.read_bytes()).hexdigest()
    at = app()
    bad = csv_bytes(
        [
            row("ok", "100", source_document=document_id()),
            row("bad-amount", "1.500.000", source_document=document_id()),
            row("ok", source_document="no-such-document"),
        ]
    )
    data_upload(at).set_value(("bad.csv", bad, "text/csv"))
    run(at)
    assert not at.metric  # no figures from a file that failed validation
    assert t("upload_invalid", "en", n=3, name="bad.csv") in said(at.error)
    found_problems = problems(at)
    assert list(found_problems.columns) == [
        t(f"problem_{c}", "en") for c in ("line", "column", "message", "value")
    ]
    found = {
        (int(line), column)
        for line, column in zip(
            found_problems[t("problem_line", "en")], found_problems[t("problem_column", "en")], strict=True
        )
    }
    assert found == {(3, "amount_eur"), (4, "id"), (4, "source_document")}
    assert hashlib.sha256(DATA.read_bytes()).hexdigest() == before
    at.button(key="back_problems").click()
    open_view(run(at), "overview")
    assert metric(at, "instruments") == str(instruments(shipped_rows()))


def test_unreadable_upload_says_why() -> None:
    at = app(lang="nl")
    data_upload(at).set_value(("bad.csv", "naam;bedrag\n".encode("utf-16"), "text/csv"))
    run(at)
    assert any("UTF-16" in e for e in said(at.error))


def test_invalid_shipped_file_shows_problems_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "funding.csv"
    broken.write_bytes(csv_bytes([row("a", "10", qualifier="roughly", source_document=document_id())]))
    monkeypatch.setattr("funding.base.paths.DEFAULT_DATA", broken)
    at = app()
    assert not at.metric
    assert t("shipped_invalid", "en", name="funding.csv", n=1) in said(at.error)
    assert list(problems(at)[t("problem_column", "en")]) == ["amount_qualifier"]
    assert at.file_uploader(key="upload_0")  # another file can still be tried


def test_two_sessions_on_one_link_build_each_figure_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Figures are cached by what determines them, across sessions: a second reader of the same
    link gets the first one's charts; another filter builds its own."""
    from app import cached
    from funding import charts

    built: list[str] = []
    original = charts.slide_chart

    def counting(name: str, *args: Any, **kwargs: Any) -> charts.Chart:
        built.append(name)
        return original(name, *args, **kwargs)

    monkeypatch.setattr(charts, "slide_chart", counting)
    cached.chart.clear()
    app(view="breakdowns", level="EU")
    assert sorted(built) == sorted(charts.PICK_DIMENSIONS)
    app(view="breakdowns", level="EU")  # another session, same link
    assert len(built) == len(charts.PICK_DIMENSIONS)
    app(view="breakdowns", level="NL")
    assert len(built) == 2 * len(charts.PICK_DIMENSIONS)


def test_a_release_served_with_funding_data_is_shown_as_that_release(monkeypatch: pytest.MonkeyPatch) -> None:
    """The page takes a CSV's companions from the folder it is in (funding.registry.versions.companions),
    as the export does: release 1.0.0 of 2026-11-23 (data/releases/1.0.0/dataset.json), which has
    no disagreements.csv, so the curated data's ⚑ line is not shown."""
    note = t("disputes_line", "en", items="")  # the line's words before the figures it lists

    def disputed(at: AppTest) -> list[str]:
        return [c for c in said(at.caption) if c.startswith(note)]

    assert disputed(app())  # the curated data has disagreements
    release = ROOT / "data" / "releases" / "1.0.0"
    monkeypatch.setenv("FUNDING_DATA", str(release / "funding.csv"))
    at = app()
    assert disputed(at) == []
    footer = figures(at)[t("envelopes", "en")]["layout"]["title"]["subtitle"]["text"]
    title = json.loads((release / "dataset.json").read_text(encoding="utf-8"))["title"]
    expected = t("source_line", "en", title=title, version="1.0.0", date="2026-11-23")
    assert expected in " ".join(re.sub(r"<[^>]+>", " ", footer).split())  # the footer wraps its lines
