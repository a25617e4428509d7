"""The dashboard driven through Streamlit's AppTest: every control, query parameters, uploads.

Expected figures come from the fixture in test_charts.py (worked out by hand there) after
uploading it, or, for the shipped dataset, are recomputed here from the CSV rows with the csv
module, independently of `funding`.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest
from factory import csv_bytes, row
from streamlit.testing.v1 import AppTest
from test_charts import fixture_rows

from bench import synth

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard.py")
DATA = ROOT / "data" / "funding.csv"
DOCUMENTS = ROOT / "data" / "documents.csv"
NBSP = "\u00a0"


def document_id() -> str:
    with DOCUMENTS.open(encoding="utf-8-sig", newline="") as f:
        return next(csv.DictReader(f))["id"]


def fixture_csv() -> bytes:
    return csv_bytes(fixture_rows(document_id()))


def app(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def data_upload(at: AppTest) -> Any:
    """The sidebar's CSV uploader (the slide-template uploader is another one)."""
    return at.file_uploader(key="upload_0")


def with_fixture(at: AppTest) -> AppTest:
    data_upload(at).set_value(("fixture.csv", fixture_csv(), "text/csv"))
    return run(at)


def said(elements: Any) -> list[str]:
    """Messages as the reader sees them: data in them is Markdown-escaped (\\. shows as .)."""
    return [re.sub(r"\\(.)", r"\1", e.value) for e in elements]


def metrics(at: AppTest) -> dict[str, str]:
    return {m.label: str(m.value).replace(NBSP, " ") for m in at.metric}


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


def details(at: AppTest) -> Any:
    return (
        table_with(at, "Qualifier", "Kind")
        if at.radio(key="lang").value == "en"
        else table_with(at, "Kwalificatie", "Soort")
    )


def problems(at: AppTest) -> Any:
    """The problem list (a static table whose cells are Markdown-escaped), as the reader sees it."""
    frame = at.table[0].value
    return frame.map(lambda v: re.sub(r"\\(.)", r"\1", v) if isinstance(v, str) else v)


def bar_ids(figure: dict[str, Any]) -> list[str]:
    return list(figure["layout"]["yaxis"]["categoryarray"])


def bar_values(figure: dict[str, Any]) -> dict[str, float]:
    scale = {"EUR bn": 1e9, "EUR m": 1e6, "EUR": 1.0, "€ mld": 1e9, "€ mln": 1e6, "€": 1.0}
    factor = scale[figure["layout"]["xaxis"]["title"]["text"]]
    return {y: x * factor for trace in figure["data"] for x, y in zip(trace["x"], trace["y"], strict=True)}


# --- the shipped dataset, recomputed from its rows ---------------------------------------------


def shipped_rows() -> list[dict[str, str]]:
    with DATA.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def net_public(rows: list[dict[str, str]], selected: set[str]) -> float:
    """Net public funding of the selected ids: a row counts unless a selected ancestor has a public amount."""
    by_id = {r["id"]: r for r in rows}
    total = 0.0
    for rid in selected:
        r = by_id[rid]
        if r["amount_kind"] != "public" or not r["amount_eur"]:
            continue
        parent, covered = r["parent_id"], False
        while parent:
            p = by_id[parent]
            if parent in selected and p["amount_kind"] == "public" and p["amount_eur"]:
                covered = True
            parent = p["parent_id"]
        if not covered:
            total += float(r["amount_eur"])
    return total


def test_default_view_of_the_shipped_data() -> None:
    at = app()
    rows = shipped_rows()
    shown = metrics(at)
    assert shown["Instruments"] == str(sum(1 for r in rows if r["record_type"] == "instrument"))
    assert shown["Amount not stated"] == str(sum(1 for r in rows if not r["amount_eur"]))
    # The lead figure: battery-specific rows only (no two of them may share money in the CSV).
    net = net_public(rows, {r["id"] for r in rows if r["battery_specific"] == "yes"})
    assert net > 1e9
    number = shown["Public funding for batteries"].split("EUR ")[1]
    assert number.endswith(" bn") and abs(float(number[:-3]) * 1e9 - net) < 0.5e6
    assert set(figures(at)) >= {
        "Envelopes compared",
        "By pillar: EU Battery Booster strategy",
        "By source",
        "By beneficiary type",
        "By instrument type",
        "Sources and their instruments",
        "From source to instrument type to pillar",
        "Timeline",
    }
    # Every chart carries the dataset's version in its source line.
    version = json.loads((ROOT / "data" / "dataset.json").read_text(encoding="utf-8"))["version"]
    for figure in figures(at).values():
        assert f"v{version}" in figure["layout"]["title"]["subtitle"]["text"]


def test_deep_link_opens_the_dutch_view_of_dutch_instruments() -> None:
    at = app(level="NL", lang="nl")
    rows = shipped_rows()
    dutch = {r["id"] for r in rows if r["level"] == "NL"}
    shown = metrics(at)
    assert shown["Instrumenten"] == str(
        sum(1 for r in rows if r["id"] in dutch and r["record_type"] == "instrument")
    )
    net = net_public(rows, dutch)
    assert 1e6 <= net < 1e9  # the MICB programme and its parts
    assert shown["Alle publieke financiering, eenmaal geteld"] == f"€ {net / 1e6:g} mln".replace(".", ",")
    assert at.multiselect(key="level").value == ["NL"]
    assert at.multiselect(key="level").label == "Niveau"
    assert at.radio(key="lang").value == "nl"
    envelope = figures(at)["Budgetten vergeleken"]
    assert "niveau: Nederland" in envelope["layout"]["title"]["subtitle"]["text"]  # a saved PNG says so
    dutch_public = {
        r["id"] for r in rows if r["level"] == "NL" and r["amount_kind"] == "public" and r["amount_eur"]
    }
    assert set(bar_ids(envelope)) == dutch_public
    table = details(at)
    assert len(table) == len(dutch)
    assert "bedrag niet vermeld" in set(table["Bedrag"])


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
    assert at.selectbox(key="rows").value == 100
    assert len(bar_ids(figures(at)["Envelopes compared"])) == 10
    assert len(details(at)) == 100


def test_chart_kind_from_the_url() -> None:
    at = app(chart_kind="state_aid_ceiling")
    rows = shipped_rows()
    ceilings = {r["id"] for r in rows if r["amount_kind"] == "state_aid_ceiling" and r["amount_eur"]}
    assert set(bar_ids(figures(at)["Envelopes compared"])) == ceilings
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


# --- the fixture, uploaded: every control against hand-computed figures ------------------------


@pytest.fixture()
def at() -> AppTest:
    return with_fixture(app())


def test_upload_replaces_the_data_and_says_so(at: AppTest) -> None:
    shown = metrics(at)
    assert shown["All public funding, counted once"] == "up to EUR 6.721 bn"
    assert shown["Public funding for batteries"] == "up to EUR 3.721 bn"
    assert shown["Wider envelopes open to batteries"] == "EUR 3 bn"
    assert shown["Gross sum of public amounts"] == "about EUR 7.231 bn"
    assert shown["Instruments"] == "14"
    assert shown["Amount not stated"] == "2"
    assert shown["Guarantee capacity"] == "EUR 200 m"
    assert shown["State-aid ceiling"] == "up to EUR 6.1 bn"
    assert shown["Investment / mobilisation target"] == "2 stated, not added up"
    assert any("fixture.csv" in w for w in said(at.warning))


def test_level_filter(at: AppTest) -> None:
    at.multiselect(key="level").set_value(["NL"])
    run(at)
    shown = metrics(at)
    assert shown["All public funding, counted once"] == "EUR 296 m"
    assert shown["Gross sum of public amounts"] == "about EUR 423.6 m"
    assert shown["Instruments"] == "4"
    assert bar_ids(figures(at)["Envelopes compared"]) == ["prog", "prog-a", "prog-b"]


def test_type_source_status_beneficiary_filters(at: AppTest) -> None:
    at.multiselect(key="type").set_value(["loan"])
    run(at)
    assert metrics(at)["All public funding, counted once"] == "EUR 1.5 bn"
    at.multiselect(key="type").set_value([])
    at.multiselect(key="source").set_value(["Horizon Europe"])
    run(at)
    assert metrics(at)["All public funding, counted once"] == "up to EUR 925 m"
    assert metrics(at)["Gross sum of public amounts"] == "up to EUR 1.307 bn"  # 925 + 382
    at.multiselect(key="source").set_value([])
    at.multiselect(key="beneficiary").set_value(["suppliers"])
    run(at)
    assert metrics(at)["All public funding, counted once"] == "EUR 1 bn"
    at.multiselect(key="beneficiary").set_value([])
    at.multiselect(key="status").set_value(["allocated"])
    run(at)
    assert metrics(at)["Instruments"] == "0"
    assert any("No instrument matches these filters" in i.value for i in at.info)
    assert not figures(at)  # no empty charts


def test_kind_filter_and_chart_kind(at: AppTest) -> None:
    at.multiselect(key="kind").set_value(["guarantee", "target"])
    run(at)
    assert metrics(at)["All public funding, counted once"] == "none stated"
    assert at.selectbox(key="chart_kind").options == [
        "Guarantee capacity",
        "Investment / mobilisation target",
    ]
    assert bar_ids(figures(at)["Envelopes compared"]) == ["topup"]
    at.selectbox(key="chart_kind").set_value("target")
    run(at)
    charts_shown = figures(at)
    assert set(bar_ids(charts_shown["Envelopes compared"])) == {"target-a", "target-b"}
    # Targets are never summed: no breakdowns, hierarchy or flow.
    assert "By source" not in charts_shown and "Sources and their instruments" not in charts_shown
    assert any("never added up" in i.value for i in at.info)


def test_framework_and_pillar(at: AppTest) -> None:
    at.multiselect(key="pillar").set_value(["financing"])
    run(at)
    assert metrics(at)["All public funding, counted once"] == "EUR 2.5 bn"
    at.radio(key="framework").set_value("nl")
    run(at)
    # The EU pillar no longer applies; the pillar list is now the Dutch one.
    assert at.multiselect(key="pillar").value == []
    assert "1. Raw materials" in at.multiselect(key="pillar").options
    assert "By pillar: Dutch battery strategy" in figures(at)
    at.multiselect(key="pillar").set_value(["economic_prospects"])
    run(at)
    assert metrics(at)["All public funding, counted once"] == "EUR 296 m"


def test_years_undated_battery_only_and_search(at: AppTest) -> None:
    at.number_input(key="year_from").set_value(2028)
    run(at)
    # Dated rows running in 2028: unknown (2026, open end); undated rows stay by default.
    assert metrics(at)["Instruments"] == "12"
    at.checkbox(key="undated").uncheck()
    run(at)
    assert metrics(at)["Instruments"] == "1"
    at.checkbox(key="undated").check()
    at.number_input(key="year_from").set_value(None)
    at.checkbox(key="battery_only").check()
    run(at)
    assert metrics(at)["All public funding, counted once"] == "up to EUR 3.721 bn"
    at.checkbox(key="battery_only").uncheck()
    at.text_input(key="q").input("batt4eu")
    run(at)
    assert metrics(at)["All public funding, counted once"] == "up to EUR 925 m"
    assert metrics(at)["Instruments"] == "2"


def test_year_range_backwards_warns(at: AppTest) -> None:
    at.number_input(key="year_from").set_value(2030)
    at.number_input(key="year_to").set_value(2020)
    run(at)
    assert any("year_from 2030 is after year_to 2020" in w for w in said(at.warning))


def test_colour_and_bar_count(at: AppTest) -> None:
    assert [t["name"] for t in figures(at)["Envelopes compared"]["data"]] == ["EU", "Netherlands"]
    at.radio(key="color").set_value("type")
    run(at)
    names = [t["name"] for t in figures(at)["Envelopes compared"]["data"]]
    assert names[:2] == ["Grant", "Loan (incl. zero-interest)"]
    at.selectbox(key="top").set_value(10)
    run(at)
    assert len(bar_ids(figures(at)["Envelopes compared"])) == 8  # all 8 public amounts fit
    at.selectbox(key="rows").set_value(100)
    run(at)
    assert len(details(at)) == 14


def test_language_switch_translates_labels_values_and_numbers(at: AppTest) -> None:
    at.radio(key="lang").set_value("nl")
    run(at)
    shown = metrics(at)
    assert shown["Alle publieke financiering, eenmaal geteld"] == "tot € 6,721 mld"
    assert shown["Publieke financiering voor batterijen"] == "tot € 3,721 mld"
    assert "Budgetten vergeleken" in figures(at)
    assert at.multiselect(key="type").options[0] == "Subsidie"
    table = details(at)
    assert list(table.columns[:3]) == ["Instrument", "Bedrag", "Kwalificatie"]


def test_breakdown_charts_show_hand_computed_groups(at: AppTest) -> None:
    shown = figures(at)
    pillar = bar_values(shown["By pillar: EU Battery Booster strategy"])
    assert pillar["financing"] == pytest.approx(2500e6)
    assert pillar["upstream"] == pytest.approx(3000e6)
    beneficiary = shown["By beneficiary type"]
    assert "Not additive" in beneficiary["layout"]["title"]["subtitle"]["text"]
    assert "total" not in beneficiary["layout"]["title"]["subtitle"]["text"].replace("Not additive", "")
    assert bar_values(beneficiary)["cell_manufacturers"] == pytest.approx(2500e6)


def test_instrument_detail_shows_source_document_locator_and_quote(at: AppTest) -> None:
    at.selectbox(key="detail").set_value("batt")
    run(at)
    texts = [t.value for t in at.text]
    assert "**Batt4EU**" in [m.value for m in at.markdown]
    assert "Public funding (budget): up to EUR 925,000,000" in texts
    assert "L1" in texts and "a quote" in texts  # locator and verbatim quote of the fixture row
    with DOCUMENTS.open(encoding="utf-8-sig", newline="") as f:
        title = next(csv.DictReader(f))["title_en"]
    assert any(title in t for t in texts)


def test_back_to_the_curated_dataset(at: AppTest) -> None:
    at.button(key="back_banner").click()
    run(at)
    assert metrics(at)["Instruments"] == str(
        sum(1 for r in shipped_rows() if r["record_type"] == "instrument")
    )
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
    assert any("3 problem" in e for e in said(at.error))
    found_problems = problems(at)
    assert list(found_problems.columns) == ["Line", "Column", "Problem", "Value"]
    found = {
        (int(line), column)
        for line, column in zip(found_problems["Line"], found_problems["Column"], strict=True)
    }
    assert found == {(3, "amount_eur"), (4, "id"), (4, "source_document")}
    assert hashlib.sha256(DATA.read_bytes()).hexdigest() == before
    at.button(key="back_problems").click()
    run(at)
    assert metrics(at)["Instruments"] == str(
        sum(1 for r in shipped_rows() if r["record_type"] == "instrument")
    )


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
    monkeypatch.setattr("funding.paths.DEFAULT_DATA", broken)
    at = app()
    assert not at.metric
    assert any("does not pass validation" in e for e in said(at.error))
    found_problems = problems(at)
    assert list(found_problems["Column"]) == ["amount_qualifier"]
