"""The figure builders, read back from their figure dicts; expected numbers are worked out by hand
(the fixture and its arithmetic are in tests/fixtures.py)."""

from __future__ import annotations

import json
import math
import re
from typing import Any

import plotly.io
import pytest
from factory import csv_bytes, row
from fixtures import fixture, fixture_rows

from funding import charts
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND
from funding.intake.records import Instrument
from funding.registry.dataset import Dataset
from funding.registry.loading import load_dataset, parse_csv
from funding.selecting.breakdowns import NOT_STATED_GROUP, breakdown
from funding.selecting.selection import Filters, apply
from funding.selecting.totals import NotSummable

M = 1_000_000
NBSP = "\u00a0"


def spec(chart: charts.Chart) -> dict[str, Any]:
    """The figure as Streamlit sends it to the browser."""
    return dict(json.loads(plotly.io.to_json(chart.spec, validate=False)))


def bars(figure: dict[str, Any]) -> dict[str, tuple[float, str, str]]:
    """Bar id -> (value on the axis, label text, pattern shape) over every trace."""
    out: dict[str, tuple[float, str, str]] = {}
    for trace in figure["data"]:
        shapes = trace.get("marker", {}).get("pattern", {}).get("shape") or [""] * len(trace["y"])
        for x, y, text, shape in zip(trace["x"], trace["y"], trace["text"], shapes, strict=True):
            out[y] = (x, text, shape)
    return out


def factor_of(figure: dict[str, Any]) -> float:
    unit = figure["layout"]["xaxis"]["title"]["text"]
    return {"EUR bn": 1e9, "EUR m": 1e6, "EUR": 1.0, "€ mld": 1e9, "€ mln": 1e6, "€": 1.0}[unit]


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u2060", "")


# --- headline --------------------------------------------------------------------------------


def test_headline_figures_match_the_hand_computed_totals() -> None:
    ds = fixture()
    figures = charts.headline(ds, ds.records, "en")
    main = {m.key: plain(m.value) for m in figures.main}
    # Said at three significant digits that stay true: an "up to" figure is rounded up
    # (3.721 -> 3.73, 6.721 -> 6.73), never down to a figure below what the rows state.
    assert main == {
        "battery_public": "up to EUR 3.73 bn",
        "wider_public": "EUR 3 bn",
        "net_public": "up to EUR 6.73 bn",
        "instruments": "14",  # every row of the fixture is an instrument
        "without_amount": "2 of 14 instruments",
    }
    assert figures.main[0].key == "battery_public"  # battery money leads
    apart = {m.key: plain(m.value) for m in figures.apart}
    assert apart["guarantee"] == "for batteries: EUR 200 m"
    assert apart["state_aid_ceiling"] == "for batteries: up to EUR 6.1 bn"
    assert apart["private_expected"] == t("none_stated", "en")
    # Two targets, never added up: 55 + 6 = 61 bn must appear nowhere.
    assert apart["target"] == t("targets_value", "en", n=2)
    assert not any("61" in m.value for m in figures.main + figures.apart)


def test_headline_in_dutch_uses_dutch_words_and_decimal_comma() -> None:
    ds = fixture()
    values = {m.key: plain(m.value) for m in charts.headline(ds, ds.records, "nl").main}
    assert values["net_public"] == "tot € 6,73 mld"  # tot 6,721 rounded up at three digits
    assert values["battery_public"] == "tot € 3,73 mld"  # tot 3,721 rounded up


def test_headline_of_a_part_alone_counts_the_part() -> None:
    ds = fixture()
    figures = charts.headline(ds, [ds.by_id["batt-part"]], "en")
    assert plain(figures.main[0].value) == "EUR 382 m"


def test_headline_lists_the_twelve_largest_wider_envelopes_and_counts_all() -> None:
    """15 wider envelopes of EUR 1..15 m: the list holds 15 m down to 4 m (12 rows), the count 15."""
    rows = [row(f"w{n}", str(n * 1_000_000), battery_specific="no") for n in range(1, 16)]
    ds = parse_csv(csv_bytes(rows))
    figures = charts.headline(ds, ds.records, "en")
    assert figures.wider_count == 15
    assert [plain(amount) for _, amount in figures.wider] == [f"EUR {n} m" for n in range(15, 3, -1)]


# --- envelopes -------------------------------------------------------------------------------


def test_envelopes_sorted_with_parts_under_their_whole_and_not_counted() -> None:
    ds = fixture()
    figure = spec(charts.envelope_chart(ds, ds.records, "public", "en"))
    order = figure["layout"]["yaxis"]["categoryarray"]
    assert order == ["crm", "loan", "grant", "batt", "batt-part", "prog", "prog-a", "prog-b"]
    assert figure["layout"]["yaxis"]["autorange"] == "reversed"  # largest at the top
    shown = bars(figure)
    factor = factor_of(figure)
    counted = sum(x * factor for x, _, shape in shown.values() if shape == "")
    assert math.isclose(counted, 6721 * M)
    assert {i for i, (_, _, shape) in shown.items() if shape} == {"batt-part", "prog-a", "prog-b"}
    ticks = dict(
        zip(figure["layout"]["yaxis"]["tickvals"], figure["layout"]["yaxis"]["ticktext"], strict=True)
    )
    assert ticks["batt-part"].startswith("↳")
    assert not ticks["batt"].startswith("↳")
    subtitle = " ".join(re.sub(r"<[^>]+>", " ", figure["layout"]["title"]["subtitle"]["text"]).split())
    assert t("envelopes_sub", "en", kind=AMOUNT_KIND.label("public", "en")) in subtitle


def test_envelope_labels_carry_the_qualifier_and_the_battery_caveat() -> None:
    ds = fixture()
    shown = bars(spec(charts.envelope_chart(ds, ds.records, "public", "en")))
    assert shown["batt"][1] == "up to EUR 925 m"
    assert shown["prog-a"][1] == "at least EUR 120 m"
    assert shown["prog-b"][1] == "about EUR 7.6 m"
    assert shown["crm"][1] == f"EUR 3 bn · {t('not_battery_specific', 'en')}"


def test_envelopes_show_only_the_largest_n() -> None:
    ds = fixture()
    chart = charts.envelope_chart(ds, ds.records, "public", "en", top=3)
    assert (chart.shown, chart.total) == (3, 8)
    assert spec(chart)["layout"]["yaxis"]["categoryarray"] == ["crm", "loan", "grant"]
    assert len(chart.table) == 3  # the data table holds the bars drawn (the details table has all)


def test_envelope_colour_by_level_or_type() -> None:
    ds = fixture()
    by_level = spec(charts.envelope_chart(ds, ds.records, "public", "en", colour_by="level"))
    assert [t["name"] for t in by_level["data"]] == ["EU", "Netherlands"]
    by_type = spec(charts.envelope_chart(ds, ds.records, "public", "en", colour_by="type"))
    assert [t["name"] for t in by_type["data"]] == [
        "Grant",
        "Loan (incl. zero-interest)",
        "R&amp;I partnership / programme",
        "Other",
    ]
    colours = {t["name"]: t["marker"]["color"] for t in by_level["data"]}
    assert colours["EU"] == charts.OKABE_ITO[0] and colours["Netherlands"] == charts.OKABE_ITO[1]


def test_envelopes_for_targets_list_each_target_alone() -> None:
    ds = fixture()
    shown = bars(spec(charts.envelope_chart(ds, ds.records, "target", "en")))
    assert set(shown) == {"target-a", "target-b"}
    assert shown["target-a"][1] == "about EUR 55 bn"


# --- breakdowns ------------------------------------------------------------------------------


def breakdown_figure(ds: Dataset, dimension: str, lang: str = "en") -> dict[str, Any]:
    result = breakdown(ds, ds.records, dimension, "public", "en" if lang == "en" else "nl")
    return spec(charts.breakdown_chart(result, "en" if lang == "en" else "nl", title="t"))


@pytest.mark.parametrize("dimension", ["eu_pillar", "nl_pillar", "source", "instrument_type", "level"])
def test_additive_breakdowns_add_up_to_the_net_total(dimension: str) -> None:
    figure = breakdown_figure(fixture(), dimension)
    factor = factor_of(figure)
    assert math.isclose(sum(figure["data"][0]["x"]) * factor, 6721 * M)
    subtitle = " ".join(re.sub(r"<[^>]+>", " ", figure["layout"]["title"]["subtitle"]["text"]).split())
    kind = AMOUNT_KIND.label("public", "en")
    # up to 6,721 m said at three digits, rounded up: up to EUR 6.73 bn
    assert t("total_counted", "en", kind=kind, total="up to EUR 6.73 bn") in subtitle


def test_pillar_breakdown_by_hand() -> None:
    figure = breakdown_figure(fixture(), "eu_pillar")
    factor = factor_of(figure)
    values = {y: x * factor for x, y in zip(figure["data"][0]["x"], figure["data"][0]["y"], strict=True)}
    assert values == pytest.approx(
        {"financing": 2500 * M, "upstream": 3000 * M, "research_skills": 925 * M, NOT_STATED_GROUP: 296 * M}
    )


def test_beneficiary_breakdown_says_not_additive_and_shows_no_total() -> None:
    figure = breakdown_figure(fixture(), "beneficiary")
    subtitle = " ".join(re.sub(r"<[^>]+>", " ", figure["layout"]["title"]["subtitle"]["text"]).split())
    assert t("not_additive", "en") in subtitle
    kind = AMOUNT_KIND.label("public", "en")
    assert t("total_counted", "en", kind=kind, total="X").split("X")[0] not in subtitle  # no total
    factor = factor_of(figure)
    values = {y: x * factor for x, y in zip(figure["data"][0]["x"], figure["data"][0]["y"], strict=True)}
    # The grant is open to cell manufacturers and suppliers and counts under both.
    assert values["cell_manufacturers"] == pytest.approx(2500 * M)
    assert values["suppliers"] == pytest.approx(1000 * M)
    assert values["companies"] == pytest.approx((925 + 296) * M)
    assert sum(values.values()) > 6721 * M  # which is why no total is shown


def test_unstated_groups_are_named_never_drawn_as_zero_bars() -> None:
    ds = fixture()
    figure = breakdown_figure(ds, "source")
    ticks = dict(
        zip(figure["layout"]["yaxis"]["tickvals"], figure["layout"]["yaxis"]["ticktext"], strict=True)
    )
    assert t("plus_not_stated", "en", n=1) in ticks["NGF"]  # "unknown" has no amount
    only_unknown = breakdown(ds, [ds.by_id["unknown"]], "source", "public", "en")
    figure = spec(charts.breakdown_chart(only_unknown, "en", title="t"))
    assert figure["data"][0]["y"] == []  # no bar of EUR 0
    assert t("groups_unstated", "en", groups="NGF") in figure["layout"]["title"]["subtitle"]["text"]


def test_aggregate_charts_refuse_targets() -> None:
    ds = fixture()
    with pytest.raises(NotSummable) as refused:
        charts.breakdown_chart(breakdown(ds, ds.records, "source", "target", "en"), "en", title="t")
    assert refused.value.kind == "target"
    with pytest.raises(ValueError):
        charts.hierarchy_chart(ds, ds.records, "target", "en")
    with pytest.raises(ValueError):
        charts.flow_chart(ds, ds.records, "target", "eu", "en")


# --- hierarchy and flow ----------------------------------------------------------------------


def test_hierarchy_holds_counted_rows_only() -> None:
    ds = fixture()
    trace = spec(charts.hierarchy_chart(ds, ds.records, "public", "en"))["data"][0]
    values = dict(zip(trace["ids"], trace["values"], strict=True))
    leaves = {i.removeprefix("instrument:"): v for i, v in values.items() if i.startswith("instrument:")}
    assert set(leaves) == {"loan", "grant", "batt", "prog", "crm"}
    assert math.isclose(sum(leaves.values()), 6721 * M)
    assert math.isclose(values["root"], 6721 * M)
    assert math.isclose(values["source:Innovation Fund"], 2500 * M)
    assert trace["branchvalues"] == "total"


def test_hierarchy_folds_small_tiles_without_changing_sums() -> None:
    ds = fixture()
    # Two instrument tiles (crm 3000, loan 1500); the grant folds into "1 other instruments" of the
    # Innovation Fund; with two named sources, Horizon Europe and NGF share one "other sources" tile.
    chart = charts.hierarchy_chart(ds, ds.records, "public", "en", leaves=2, sources=2)
    trace = spec(chart)["data"][0]
    values = dict(zip(trace["ids"], trace["values"], strict=True))
    labels = dict(zip(trace["ids"], trace["labels"], strict=True))
    assert {i for i in values if i.startswith("instrument:")} == {"instrument:crm", "instrument:loan"}
    assert values["rest:Innovation Fund"] == pytest.approx(1000 * M)
    assert labels["rest:Innovation Fund"] == t("other_instruments", "en", n=1)
    assert values["rest:"] == pytest.approx((925 + 296) * M)
    assert labels["rest:"] == t("other_sources", "en", n=2)
    assert values["root"] == pytest.approx(6721 * M)
    top = [v for i, v in values.items() if trace["parents"][trace["ids"].index(i)] == "root"]
    assert sum(top) == pytest.approx(6721 * M)
    assert (chart.shown, chart.total) == (2, 5)


def test_flow_folds_small_sources_without_changing_sums() -> None:
    ds = fixture()
    trace = spec(charts.flow_chart(ds, ds.records, "public", "eu", "en", sources=1))["data"][0]
    labels = [label.split("<br>")[0] for label in trace["node"]["label"]]
    first = {labels.index("EU funds"), labels.index("3 other sources")}
    links = zip(trace["link"]["source"], trace["link"]["value"], strict=True)
    assert math.isclose(sum(v for a, v in links if a in first), 6721 * M)


def test_flow_conserves_amounts_and_counts_parts_once() -> None:
    ds = fixture()
    trace = spec(charts.flow_chart(ds, ds.records, "public", "eu", "en"))["data"][0]
    labels = [label.split("<br>")[0] for label in trace["node"]["label"]]
    links = list(zip(trace["link"]["source"], trace["link"]["target"], trace["link"]["value"], strict=True))
    sources = {
        i
        for i, label in enumerate(labels)
        if label in {"Innovation Fund", "Horizon Europe", "NGF", "EU funds"}
    }
    assert math.isclose(sum(v for a, _, v in links if a in sources), 6721 * M)
    middle = {b for a, b, _ in links if a in sources}
    for node in middle:  # instrument types: what flows in flows out
        inflow = sum(v for _, b, v in links if b == node)
        outflow = sum(v for a, _, v in links if a == node)
        assert math.isclose(inflow, outflow)


# --- timeline --------------------------------------------------------------------------------


def test_timeline_widens_partial_dates_and_marks_open_ends() -> None:
    ds = fixture()
    chart = charts.timeline_chart(ds.records, "en")
    figure = spec(chart)
    rows = {}
    for trace in figure["data"]:
        for base, x, y, opacity in zip(
            trace["base"], trace["x"], trace["y"], trace["marker"]["opacity"], strict=True
        ):
            rows[y] = (base, x, opacity)
    assert set(rows) == {"batt", "batt-part", "unknown"}
    base, duration, opacity = rows["batt-part"]
    assert base == "2025-03-01"
    assert duration == ((1036) * 86_400_000)  # 2025-03-01 .. 2027-12-31 inclusive: 306 + 365 + 365 days
    assert opacity == 1.0
    assert rows["unknown"][2] < 1.0  # no end stated: drawn lighter to the edge
    assert chart.total == 3


# --- narrowing by clicked bars ---------------------------------------------------------------


def test_picked_groups_read_streamlit_selection_state() -> None:
    state = {"selection": {"points": [{"y": "financing", "x": 2.5}, {"y": "upstream"}, {"y": "financing"}]}}
    assert charts.picked_groups(state) == ["financing", "upstream"]
    assert charts.picked_groups(None) == []
    assert charts.picked_groups({"selection": {"points": []}}) == []


def test_narrow_keeps_rows_in_the_picked_groups() -> None:
    ds = fixture()
    picked = charts.narrow(ds, ds.records, {"beneficiary": ["suppliers"]}, "eu")
    assert [r.id for r in picked] == ["grant"]
    picked = charts.narrow(
        ds, ds.records, {"pillar": ["financing", "upstream"], "source": ["EU funds"]}, "eu"
    )
    assert [r.id for r in picked] == ["crm"]
    picked = charts.narrow(ds, ds.records, {"pillar": [NOT_STATED_GROUP]}, "eu")
    assert "prog" in {r.id for r in picked}
    assert list(charts.narrow(ds, ds.records, {"source": []}, "eu")) == list(ds.records)


# --- details and text safety -----------------------------------------------------------------


def test_details_list_rows_without_amounts() -> None:
    ds = fixture()
    table = charts.details_table(ds, ds.records, "nl")
    assert len(table) == len(ds.records)
    assert table.loc["unknown", t("col_amount", "nl")] == t("amount_not_stated", "nl")
    assert table.loc["loan", t("col_amount", "nl")] == "€ 1.500.000.000"
    assert table.loc["batt", t("col_qualifier", "nl")] == "tot"


def test_markup_in_names_is_shown_as_text_not_read_by_plotly() -> None:
    # The validator refuses markup in CSV cells; the charts escape anyway (a second line of defence).
    ds = fixture()
    evil = Instrument.model_construct(
        **{**ds.by_id["crm"].model_dump(), "name_en": "<img src=x onerror=alert(1)>"}
    )
    rigged = Dataset(tuple(evil if r.id == "crm" else r for r in ds.records))
    text = json.dumps(charts.envelope_chart(rigged, rigged.records, "public", "en").spec)
    assert "<img" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text
    assert charts.plotly_text("R&D <b>") == "R&amp;D &lt;b&gt;"


def test_qualifiers_travel_into_flow_hover_and_overlap() -> None:
    """A bound on a source figure is data: every amount a reader can see keeps it."""
    rows = [
        row(
            "whole", str(925 * M), qualifier="up_to", source="Horizon Europe", instrument_type="rd_programme"
        ),
        row("part", str(382 * M), parent_id="whole", source="Horizon Europe", instrument_type="rd_programme"),
        row("other", str(100 * M), qualifier="at_least", source="NGF"),
    ]
    ds = parse_csv(csv_bytes(rows))
    flow = spec(charts.flow_chart(ds, ds.records, "public", "eu", "en"))["data"][0]
    assert all(text.startswith(("up to", "at least")) for text in flow["link"]["customdata"])
    envelope = spec(charts.envelope_chart(ds, ds.records, "public", "en"))
    hovers = [h[0] for trace in envelope["data"] for h in trace["customdata"]]
    assert any("up to EUR 925,000,000" in h for h in hovers)
    net = {m.key: m.value for m in charts.headline(ds, ds.records, "en").main}["net_public"]
    # up to 925 + at least 100 = about 1,025 m, said at three digits (half up): about EUR 1.03 bn
    assert net.replace("\xa0", " ") == "about EUR 1.03 bn"


# --- chart picks as filters and presentation mode's charts ---------------------------------------


def test_a_chart_selection_becomes_filters_only_when_they_select_the_same_rows() -> None:
    ds = parse_csv(csv_bytes(fixture_rows()))
    records = ds.records
    assert charts.picks_as_filters(Filters(), {"source": []}, ds) == Filters()
    folded = charts.picks_as_filters(Filters(level=("EU",)), {"source": ["Horizon Europe"]}, ds)
    assert folded == Filters(level=("EU",), source=("Horizon Europe",))
    assert [r.id for r in apply(folded, records)] == ["batt", "batt-part"]
    # "Not stated" is no filter value; a beneficiary clicked within a beneficiary filter means
    # "open to both", which one filter cannot say.
    assert charts.picks_as_filters(Filters(), {"pillar": [NOT_STATED_GROUP]}, ds) is None
    assert (
        charts.picks_as_filters(
            Filters(beneficiary=("suppliers",)), {"beneficiary": ["cell_manufacturers"]}, ds
        )
        is None
    )


# --- comparison across kinds -------------------------------------------------------------------


def test_comparison_puts_each_kind_in_its_own_panel_on_one_money_scale() -> None:
    ds = fixture()
    chart = charts.comparison_chart(ds, ds.records, AMOUNT_KIND.codes, "en", top=3)
    figure = spec(chart)
    layout = figure["layout"]
    axes = [layout[k] for k in ("yaxis", "yaxis2", "yaxis3", "yaxis4")]
    # Public: the 3 largest of 8 (crm 3 bn, loan 1.5 bn, grant 1 bn); one guarantee, one ceiling,
    # two targets; the fixture has no expected private investment, so no empty panel for it.
    assert [a["categoryarray"] for a in axes] == [
        ["crm", "loan", "grant"],
        ["topup"],
        ["ceiling"],
        ["target-a", "target-b"],
    ]
    assert "yaxis5" not in layout
    assert [a["text"] for a in layout["annotations"]][:3] == [
        t("compare_panel", "en", kind=AMOUNT_KIND.label("public", "en"), n=8),
        t("compare_panel", "en", kind=AMOUNT_KIND.label("guarantee", "en"), n=1),
        t("compare_panel", "en", kind=AMOUNT_KIND.label("state_aid_ceiling", "en"), n=1),
    ]
    # Money shares one axis, up to the largest money bar (the 6.1 bn ceiling) plus label room:
    # 6.1 x 1.3 = 7.93 bn; targets (55 bn x 1.3 = 71.5) have their own, and say so.
    ranges = [layout[k]["range"][1] for k in ("xaxis", "xaxis2", "xaxis3", "xaxis4")]
    assert ranges[:3] == pytest.approx([7.93] * 3) and ranges[3] == pytest.approx(71.5)
    assert layout["annotations"][3]["text"].startswith(AMOUNT_KIND.label("target", "en"))
    assert layout["annotations"][3]["text"] != t(
        "compare_panel", "en", kind=AMOUNT_KIND.label("target", "en"), n=2
    )
    # Bars are the rows' own amounts (in bn): nothing is a sum.
    assert {y: x for y, (x, _, _) in bars(figure).items()} == pytest.approx(
        {
            "crm": 3.0,
            "loan": 1.5,
            "grant": 1.0,
            "topup": 0.2,
            "ceiling": 6.1,
            "target-a": 55.0,
            "target-b": 6.0,
        }
    )
    assert (chart.shown, chart.total) == (7, 12)  # 3 + 1 + 1 + 2 drawn of 8 + 1 + 1 + 2 stated


def test_flow_and_treemap_tables_give_net_ends_where_figures_may_share_money() -> None:
    """Two grants of one source that may share money, EUR 3,000 and 300: the flow's link and the
    treemap's folded tile hold at least the larger, 3,000, and at most 3,000 + 300 = 3,300,
    never the 3,300 alone as if it were certain."""
    rows = [row("a", "3000", may_overlap="b"), row("b", "300", may_overlap="a")]
    ds = parse_csv(csv_bytes(rows))
    flow = charts.flow_chart(ds, ds.records, "public", "eu", "en").table
    low, high = t("col_amount_low_eur", "en"), t("col_amount_high_eur", "en")
    assert set(zip(flow[low], flow[high], strict=True)) == {(3000.0, 3300.0)}
    tree = charts.hierarchy_chart(ds, ds.records, "public", "en", leaves=0).table
    assert list(zip(tree[low], tree[high], strict=True)) == [(3000.0, 3300.0)]


def test_making_a_figure_never_touches_the_cached_spec() -> None:
    """plotly takes "type" out of each trace dict while it builds the trace: on a spec shared
    between sessions (app.cached), another session's rerun then saw a bar as a scatter ("Invalid
    property scatter.Marker: 'pattern'" under load). `Chart.figure` must leave the spec alone."""
    touched: list[tuple[int, str]] = []

    class Watched(dict[str, object]):
        def pop(self, key: str, *default: object) -> object:
            touched.append((id(self), key))
            return super().pop(key, *default)

    trace = Watched(type="bar", x=[1.0], y=["a"], marker={"pattern": {"shape": ["/"]}})
    chart = charts.Chart({"data": [trace], "layout": {}}, {})
    assert chart.figure.data[0].type == "bar"
    assert [key for who, key in touched if who == id(trace)] == [] and trace["type"] == "bar"


def test_a_label_too_long_for_its_bar_goes_outside_it() -> None:
    """A level label is kept inside only when the bar, at 300 px of plot, is longer than the text
    (6.2 px a character plus 12 px of room); plotly would otherwise shrink it into a short bar."""
    figure: dict[str, Any] = {
        "data": [
            {
                "type": "bar",
                "x": [10.0, 1.0, 1.0],
                "text": ["EUR 1.5 bn", "EUR 1 bn", "EUR 1 bn"],
                "textposition": ["auto", "auto", "outside"],
            },
            {"type": "bar", "x": [2.0], "text": ["EUR 1 bn"], "textposition": ["auto"], "xaxis": "x2"},
        ],
        "layout": {"xaxis": {"range": [0, 10.0]}, "xaxis2": {"range": [0, 4.0]}},
    }
    charts.layout.short_bars_outside(figure)
    # 10/10*300 = 300 px >= 10*6.2+12 = 74 px; 1/10*300 = 30 px < 8*6.2+12 = 61.6 px;
    # on its own panel's axis 2/4*300 = 150 px >= 61.6 px.
    assert figure["data"][0]["textposition"] == ["auto", "outside", "outside"]
    assert figure["data"][1]["textposition"] == ["auto"]


def test_no_shipped_envelope_label_is_shrunk_into_a_short_bar() -> None:
    """Every label left to plotly ("auto") in the overview's Dutch chart fits its bar at 300 px;
    "tot € 925 mln" on Batt4EU's bar did not, and was drawn at 4 px inside it."""
    shipped = load_dataset()
    figure = spec(charts.comparison_chart(shipped, shipped.records, AMOUNT_KIND.codes, "nl"))
    axes = {k: v["range"][1] for k, v in figure["layout"].items() if re.fullmatch(r"xaxis\d*", k)}
    auto = [
        (x / axes["xaxis" + trace.get("xaxis", "x")[1:]] * 300, text)
        for trace in figure["data"]
        for x, text, position in zip(trace["x"], trace["text"], trace["textposition"], strict=True)
        if position == "auto"
    ]
    assert auto
    assert all(px >= len(text) * 6.2 + 12 for px, text in auto)
