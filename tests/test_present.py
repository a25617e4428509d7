"""Downloads and presentation mode on the dashboard, driven through Streamlit's AppTest.

AppTest shows download buttons but not their files: without a running server Streamlit never
registers a button's data callable. The `downloads` fixture records the callable each button is
given (a spy on DeltaGenerator.download_button that then draws the real button), so the tests
call exactly what a click would and open the result with csv, openpyxl and python-pptx. Expected
rows are recomputed from data/funding.csv with the csv module, not with `funding`.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import openpyxl
import pytest
from factory import csv_bytes
from pptx import Presentation
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest
from test_app import APP, DATA, data_upload, fixture_csv, metrics, run, shipped_rows
from test_charts import fixture_rows

from funding import charts
from funding.breakdowns import NOT_STATED_GROUP
from funding.loading import parse_csv
from funding.selection import Filters, apply

FILE_NAME = re.compile(r"battery-funding-(upload-)?\d{4}-\d{2}-\d{2}-(en|nl)\.(csv|xlsx|pptx)")


@dataclass
class Download:
    data: Callable[[], bytes]
    file_name: str
    mime: str
    on_click: Any


@pytest.fixture()
def downloads(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Download]]:
    """The download buttons of the latest run, by key, with the callable each was given."""
    seen: dict[str, Download] = {}
    original = DeltaGenerator.download_button

    def spy(self: DeltaGenerator, label: str, data: Any, *args: Any, **kwargs: Any) -> bool:
        seen[kwargs["key"]] = Download(data, kwargs["file_name"], kwargs["mime"], kwargs.get("on_click"))
        return bool(original(self, label, data, *args, **kwargs))

    monkeypatch.setattr(DeltaGenerator, "download_button", spy)
    yield seen


def start(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return run(at)


def ids_in_csv(data: bytes, delimiter: str) -> list[str]:
    assert data.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    return [r["id"] for r in csv.DictReader(io.StringIO(data[3:].decode("utf-8")), delimiter=delimiter)]


def xlsx_rows(data: bytes) -> tuple[list[dict[str, Any]], Any]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c for c in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    return rows, book


def deck_names(data: bytes) -> tuple[list[str], Any]:
    """The instrument column of the deck's table slides, and the deck."""
    deck = Presentation(io.BytesIO(data))
    names = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                names += [row.cells[0].text.removeprefix("↳ ") for row in list(shape.table.rows)[1:]]
    return names, deck


def chart_title(at: AppTest) -> str:
    (chart,) = at.get("plotly_chart")
    return str(json.loads(chart.proto.spec)["layout"]["title"]["text"]).split("<br>")[0]


# --- the pure helpers, on the hand-made fixture of test_charts -----------------------------------


def test_a_chart_selection_becomes_filters_only_when_they_select_the_same_rows() -> None:
    records = parse_csv(csv_bytes(fixture_rows())).records
    assert charts.picks_as_filters(Filters(), {"source": []}, records) == Filters()
    folded = charts.picks_as_filters(Filters(level=("EU",)), {"source": ["Horizon Europe"]}, records)
    assert folded == Filters(level=("EU",), source=("Horizon Europe",))
    assert [r.id for r in apply(folded, records)] == ["batt", "batt-part"]
    # "Not stated" is no filter value; a beneficiary clicked within a beneficiary filter means
    # "open to both", which one filter cannot say.
    assert charts.picks_as_filters(Filters(), {"pillar": [NOT_STATED_GROUP]}, records) is None
    assert (
        charts.picks_as_filters(
            Filters(beneficiary=("suppliers",)), {"beneficiary": ["cell_manufacturers"]}, records
        )
        is None
    )


def test_presentation_charts_follow_the_kind() -> None:
    records = parse_csv(csv_bytes(fixture_rows())).records
    everything = [
        "envelopes",
        "pillar",
        "source",
        "beneficiary",
        "instrument_type",
        "hierarchy",
        "flow",
        "timeline",
    ]
    assert charts.slides(records, "public") == everything
    assert charts.slides(records, "target") == ["envelopes", "timeline"]  # targets are never summed
    undated = [r for r in records if not (r.period_start or r.period_end)]
    assert charts.slides(undated, "state_aid_ceiling") == everything[:-1]  # no dates, no timeline
    assert charts.slides(undated, "private_expected") == []


def test_a_projected_figure_is_the_same_figure_in_larger_type() -> None:
    dataset = parse_csv(csv_bytes(fixture_rows()))
    chart = charts.slide_chart("source", dataset, dataset.records, "public", "eu", "en", source="Source: x")
    projected = charts.for_projection(chart.figure, 1.5, max_height=600)
    before, after = chart.figure.to_plotly_json(), projected.to_plotly_json()
    assert after["data"][0]["x"] == before["data"][0]["x"] and after["data"][0]["y"] == before["data"][0]["y"]
    assert after["layout"]["font"]["size"] == 18 and "size" not in before["layout"]["font"]
    assert "font-size:15px" in after["layout"]["title"]["subtitle"]["text"]
    assert after["layout"]["margin"]["t"] == round(before["layout"]["margin"]["t"] * 1.5)
    rows = len(before["layout"]["yaxis"]["categoryarray"])
    assert after["layout"]["height"] >= rows * charts.PROJECTED_ROW_PX


# --- downloads ---------------------------------------------------------------------------------


def test_downloads_hold_exactly_the_filtered_rows(downloads: dict[str, Download]) -> None:
    at = start(level="NL", lang="nl")
    rows = shipped_rows()
    dutch = [r for r in rows if r["level"] == "NL"]
    expected = {r["id"] for r in dutch}
    assert [b.key for b in at.download_button] == ["download_csv", "download_xlsx", "download_pptx"]
    assert [b.label for b in at.download_button] == ["CSV", "Excel (XLSX)", "PowerPoint (PPTX)"]
    for fmt in ("csv", "xlsx", "pptx"):
        button = downloads[f"download_{fmt}"]
        assert callable(button.data) and button.on_click == "ignore"  # built on click, no rerun
        assert FILE_NAME.fullmatch(button.file_name) and button.file_name.endswith(f"-nl.{fmt}")

    assert set(ids_in_csv(downloads["download_csv"].data(), ";")) == expected  # Dutch Excel: ";"

    data_rows, book = xlsx_rows(downloads["download_xlsx"].data())
    assert {r["id"].value for r in data_rows} == expected and len(data_rows) == len(expected)
    for r in data_rows:
        source = next(x for x in dutch if x["id"] == r["id"].value)
        if source["amount_eur"]:
            assert r["amount_eur"].data_type == "n"
            assert r["amount_eur"].value == pytest.approx(float(source["amount_eur"]))
    assert book.sheetnames == ["Gegevens", "Bronnen", "Over"]

    names, deck = deck_names(downloads["download_pptx"].data())
    assert sorted(names) == sorted(r["name_nl"] for r in dutch)
    assert "Nederland" in deck.core_properties.subject


def test_a_chart_selection_narrows_the_files_and_their_description(downloads: dict[str, Download]) -> None:
    at = start(level="EU")
    # What a click on the "Horizon Europe" bar of the source breakdown leaves in session state.
    at.session_state["pick_source_0"] = {
        "selection": {"points": [{"y": "Horizon Europe"}], "point_indices": [0], "box": [], "lasso": []}
    }
    run(at)
    expected = {r["id"] for r in shipped_rows() if r["level"] == "EU" and r["source"] == "Horizon Europe"}
    assert metrics(at)["Instruments"] == str(len(expected))
    assert set(ids_in_csv(downloads["download_csv"].data(), ",")) == expected
    data_rows, book = xlsx_rows(downloads["download_xlsx"].data())
    assert {r["id"].value for r in data_rows} == expected
    about = " ".join(str(c.value) for row in book["About"].iter_rows() for c in row if c.value)
    # The click became a filter, so the About sheet describes, and its URL reproduces, the rows.
    assert "source: Horizon Europe" in about and "source=Horizon+Europe" in about


def test_an_uploaded_file_is_named_in_the_files(downloads: dict[str, Download]) -> None:
    at = start()
    data_upload(at).set_value(("fixture.csv", fixture_csv(), "text/csv"))
    run(at)
    assert all("-upload-" in d.file_name for d in downloads.values())
    _, book = xlsx_rows(downloads["download_xlsx"].data())
    about = " ".join(str(c.value) for row in book["About"].iter_rows() for c in row if c.value)
    assert "fixture.csv, not the curated dataset" in about


def test_a_slide_template_is_checked_when_uploaded(downloads: dict[str, Download]) -> None:
    at = start()
    at.file_uploader(key="pptx_template").set_value(("brand.pptx", b"not a zip", "application/zip"))
    run(at)
    assert any("brand.pptx cannot be used as a template" in e.value.replace("\\", "") for e in at.error)
    assert at.download_button(key="download_pptx").label == "PowerPoint (PPTX)"

    template = io.BytesIO()
    blank = Presentation()
    blank.slide_width, blank.slide_height = 12_192_000, 6_858_000
    blank.save(template)
    at.file_uploader(key="pptx_template").set_value(("brand.pptx", template.getvalue(), "application/zip"))
    run(at)
    assert not at.error
    assert at.download_button(key="download_pptx").label == "PowerPoint (PPTX, your template)"
    _, deck = deck_names(downloads["download_pptx"].data())
    assert deck.slide_width == 12_192_000  # the template's size, not the default deck's


def test_every_chart_exports_a_png_at_slide_resolution() -> None:
    at = start(lang="nl")
    assert len(at.get("plotly_chart")) == 8  # envelopes, 4 breakdowns, hierarchy, flow, timeline
    for chart in at.get("plotly_chart"):
        options = json.loads(chart.proto.config)["toImageButtonOptions"]
        assert options["format"] == "png" and options["scale"] == 3
        assert re.fullmatch(r"battery-funding-[a-z-]+-\d{4}-\d{2}-\d{2}-nl", options["filename"])


# --- presentation mode -----------------------------------------------------------------------


def test_presentation_mode_shows_the_headline_and_one_chart() -> None:
    at = start(view="present", level="EU")
    eu = [r for r in shipped_rows() if r["level"] == "EU"]
    shown = metrics(at)
    assert shown["Instruments"] == str(len(eu))
    assert shown["Amount not stated"] == str(sum(1 for r in eu if not r["amount_eur"]))
    assert "All public funding, counted once" in shown
    assert any(m.value.startswith("Guarantee capacity: **EUR\u00a03") for m in at.markdown)  # kept apart
    assert len(at.get("plotly_chart")) == 1
    assert chart_title(at) == "Envelopes compared"
    assert not at.download_button and not at.get("arrow_data_frame")  # a clean page
    assert at.button(key="exit_present").label == "Exit presentation"
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    assert layout["font"]["size"] >= 18  # projector type


def test_next_and_previous_step_through_the_charts_and_the_url() -> None:
    at = start(view="present")
    titles = [chart_title(at)]
    assert at.button(key="present_previous").disabled
    while not at.button(key="present_next").disabled:
        at.button(key="present_next").click()
        run(at)
        titles.append(chart_title(at))
        assert at.query_params["slide"] == str(len(titles))
        assert len(at.get("plotly_chart")) == 1
    assert titles == [
        "Envelopes compared",
        "By pillar: EU Battery Booster strategy",
        "By source",
        "By beneficiary type",
        "By instrument type",
        "Sources and their instruments",
        "From source to instrument type to pillar",
        "Timeline",
    ]
    at.button(key="present_previous").click()
    run(at)
    assert chart_title(at) == titles[-2]


@pytest.mark.parametrize(
    ("slide", "title"), [("3", "By source"), ("99", "Timeline"), ("x", "Envelopes compared")]
)
def test_the_slide_in_the_url_selects_the_chart(slide: str, title: str) -> None:
    assert chart_title(start(view="present", slide=slide)) == title


def test_presentation_mode_in_dutch() -> None:
    at = start(view="present", lang="nl", slide="2")
    assert "Alle publieke financiering, eenmaal geteld" in metrics(at)
    assert chart_title(at) == "Naar pijler: EU Battery Booster-strategie"
    assert at.button(key="present_next").label == "Volgende"
    assert at.button(key="present_previous").label == "Vorige"
    assert at.button(key="exit_present").label == "Presentatie verlaten"
    assert any("Grafiek 2 van" in m.value for m in at.markdown)
    title_nl = json.loads((DATA.parent / "dataset.json").read_text(encoding="utf-8"))["title_nl"]
    subtitle = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["subtitle"]["text"]
    words = " ".join(re.sub(r"<[^>]+>", " ", subtitle).split())
    assert f"Bron: {title_nl}" in words  # the dataset cited by its Dutch title


def test_present_and_exit_keep_the_filters_and_carry_a_chart_selection() -> None:
    at = start(level="EU")
    at.session_state["pick_source_0"] = {
        "selection": {"points": [{"y": "Horizon Europe"}], "point_indices": [0], "box": [], "lasso": []}
    }
    run(at)
    narrowed = metrics(at)["Instruments"]
    at.button(key="present").click()
    run(at)
    assert at.query_params["view"] == "present"
    assert at.query_params["source"] == "Horizon Europe"  # the click, now a filter in the URL
    assert metrics(at)["Instruments"] == narrowed and len(at.get("plotly_chart")) == 1
    at.button(key="exit_present").click()
    run(at)
    assert "view" not in at.query_params
    assert at.multiselect(key="level").value == ["EU"]
    assert at.multiselect(key="source").value == ["Horizon Europe"]
    assert metrics(at)["Instruments"] == narrowed
    assert len(at.download_button) == 3
