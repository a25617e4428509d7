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
from collections.abc import Iterator
from typing import Any

import openpyxl
import pytest
from apptest_support import APP, Download, data_upload, download_buttons, metric, open_view, run
from fixtures import DATA, fixture_csv, instruments, shipped_rows, with_references
from pptx import Presentation
from pptx.util import Emu
from streamlit.testing.v1 import AppTest

from app.present import CHROME_PX, SMALL_SCREEN_PX
from funding.base.markdown import SEPARATOR
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND

pytestmark = pytest.mark.apptest


def K(kind: str, lang: str = "en") -> str:
    return AMOUNT_KIND.label(kind, lang)  # type: ignore[arg-type]


# The deck's charts of the whole dataset (funding.exports.story), after the headline slide: public
# funding by instrument and its four breakdowns, then each other kind by instrument (the shipped
# data has at least two figures of each, so none becomes a sentence).
TITLES = [
    t("chart_envelopes", "en", kind=K("public")),
    t("chart_pillar", "en", kind=K("public"), framework=t("framework_eu", "en")),
    t("chart_source", "en", kind=K("public")),
    t("chart_beneficiary", "en", kind=K("public")),
    t("chart_instrument_type", "en", kind=K("public")),
    *(
        t("chart_envelopes", "en", kind=K(k))
        for k in ("guarantee", "state_aid_ceiling", "private_expected", "target")
    ),
]
# funding.exports.names: what the selection is, in the page's language, then the date.
FILE_NAME = re.compile(
    r"(battery-funding|batterijfinanciering)-(own-file-|eigen-bestand-)?[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.(csv|xlsx|pptx)"
)


@pytest.fixture()
def downloads() -> Iterator[dict[str, Download]]:
    """The download buttons of the latest run, by key, with the callable each was given."""
    with download_buttons() as seen:
        yield seen


def start(**query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    return run(at)


def ids_in_csv(data: bytes) -> list[str]:
    """The page's CSV is the dataset's own format: UTF-8 as data/funding.csv, "," in any language."""
    return [r["id"] for r in csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))]


def xlsx_rows(data: bytes, lang: str = "en") -> tuple[list[dict[str, Any]], Any]:
    """The figures sheet's rows by column key (row 1 warns not to add up, row 2 is the header)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book[t("sheet_data", lang)]  # type: ignore[arg-type]
    keys = {t(key, lang): key for key in ("x_id", "x_amount")}  # type: ignore[arg-type]
    header = [keys.get(c.value, c.value) for c in sheet[2]]
    rows = [dict(zip(header, (c for c in row), strict=True)) for row in sheet.iter_rows(min_row=3)]
    return rows, book


def deck_names(data: bytes) -> tuple[list[str], Any]:
    """The instrument column of the deck's table slides (the stated figures), and the deck."""
    deck = Presentation(io.BytesIO(data))
    names = []
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                names += [row.cells[0].text.removeprefix("↳ ") for row in list(shape.table.rows)[1:]]
    return names, deck


def chart_title(at: AppTest) -> str:
    """A chart slide's title: the text above its chart (Markdown's escapes taken out)."""
    (title,) = at.subheader
    return str(title.value).replace(SEPARATOR, "").replace("\\", "")


def chart_count(at: AppTest) -> int:
    """One chart a slide, or two where a large screen shows more bars (CSS shows one of them)."""
    charts = at.get("plotly_chart")
    keys = sorted(json.loads(c.proto.spec)["layout"]["height"] for c in charts)
    assert len(charts) in (1, 2) and keys == sorted(set(keys)), keys
    return len(charts)


# --- downloads ---------------------------------------------------------------------------------


def test_downloads_hold_exactly_the_filtered_rows(downloads: dict[str, Download]) -> None:
    at = start(level="NL", lang="nl")
    rows = shipped_rows()
    dutch = [r for r in rows if r["level"] == "NL"]
    expected = {r["id"] for r in dutch}
    files = [b.key for b in at.download_button if str(b.key).startswith("download_")]
    assert files == ["download_csv", "download_xlsx", "download_pptx"]
    # The comparison's "Download chart": PNG and SVG once it is opened, built only on a click (a
    # callable, no rerun).
    assert not [k for k in downloads if k.startswith("envelopes_image_")]
    at.session_state["envelopes_image"] = True
    run(at)
    images = {k: d for k, d in downloads.items() if k.startswith("envelopes_image_")}
    assert sorted(images) == ["envelopes_image_png", "envelopes_image_svg"]
    assert all(callable(d.data) and d.on_click == "ignore" for d in images.values())
    assert [b.label for b in at.download_button if str(b.key).startswith("download_")] == [
        t(f"download_{f}", "nl") for f in ("csv", "xlsx", "pptx")
    ]
    for fmt in ("csv", "xlsx", "pptx"):
        button = downloads[f"download_{fmt}"]
        assert callable(button.data) and button.on_click == "ignore"  # built on click, no rerun
        assert FILE_NAME.fullmatch(button.file_name) and button.file_name.endswith(f".{fmt}")
        assert button.file_name.startswith("batterijfinanciering-nederland-")

    # The dataset's own format, with the rows the selected ones refer to.
    assert ids_in_csv(downloads["download_csv"].data()) == with_references(sorted(expected))

    data_rows, book = xlsx_rows(downloads["download_xlsx"].data(), "nl")
    assert {r["x_id"].value for r in data_rows} == expected and len(data_rows) == len(expected)
    for r in data_rows:
        source = next(x for x in dutch if x["id"] == r["x_id"].value)
        if source["amount_eur"]:
            assert r["x_amount"].data_type == "n"
            assert r["x_amount"].value == pytest.approx(float(source["amount_eur"]))
    sheets = ("totals", "data", "disagreements", "sources", "about")
    assert book.sheetnames == [t(f"sheet_{s}", "nl") for s in sheets]

    names, deck = deck_names(downloads["download_pptx"].data())
    assert sorted(names) == sorted(r["name_nl"] for r in dutch if r["amount_eur"])
    listed = "\n".join(
        shape.text_frame.text
        for slide in deck.slides
        if slide.shapes.title.text_frame.text.startswith(t("unstated_title", "nl"))
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert [r["name_nl"] for r in dutch if not r["amount_eur"] and r["name_nl"] not in listed] == []
    assert "Nederland" in deck.core_properties.subject


def test_a_chart_selection_narrows_the_files_and_their_description(downloads: dict[str, Download]) -> None:
    at = start(level="EU")
    # What a click on the "Horizon Europe" bar of the source breakdown leaves in session state.
    at.session_state["pick_source_0"] = {
        "selection": {"points": [{"y": "Horizon Europe"}], "point_indices": [0], "box": [], "lasso": []}
    }
    run(at)
    expected = {r["id"] for r in shipped_rows() if r["level"] == "EU" and r["source"] == "Horizon Europe"}
    assert metric(at, "instruments") == str(instruments([r for r in shipped_rows() if r["id"] in expected]))
    assert ids_in_csv(downloads["download_csv"].data()) == with_references(sorted(expected))
    data_rows, book = xlsx_rows(downloads["download_xlsx"].data())
    assert {r["x_id"].value for r in data_rows} == expected
    about = " ".join(str(c.value) for row in book[t("sheet_about", "en")].iter_rows() for c in row if c.value)
    # The click became a filter, so the About sheet describes, and its URL reproduces, the rows.
    assert f"{t('describe_source', 'en')}: Horizon Europe" in about and "source=Horizon+Europe" in about


def test_an_uploaded_file_is_named_in_the_files(downloads: dict[str, Download]) -> None:
    at = start()
    data_upload(at).set_value(("fixture.csv", fixture_csv(), "text/csv"))
    run(at)
    files = [d for key, d in downloads.items() if key.startswith("download_")]
    assert files and all(d.file_name.startswith("battery-funding-own-file-") for d in files)
    _, book = xlsx_rows(downloads["download_xlsx"].data())
    about = " ".join(str(c.value) for row in book[t("sheet_about", "en")].iter_rows() for c in row if c.value)
    assert t("about_upload", "en", name="fixture.csv") in about


def test_a_slide_template_is_checked_when_uploaded(downloads: dict[str, Download]) -> None:
    at = start()
    at.file_uploader(key="pptx_template").set_value(("brand.pptx", b"not a zip", "application/zip"))
    run(at)
    assert len(at.error) == 1 and "brand.pptx" in at.error[0].value.replace("\\", "")
    assert at.download_button(key="download_pptx").label == t("download_pptx", "en")

    template = io.BytesIO()
    blank = Presentation()
    blank.slide_width, blank.slide_height = Emu(12_192_000), Emu(6_858_000)
    blank.save(template)
    at.file_uploader(key="pptx_template").set_value(("brand.pptx", template.getvalue(), "application/zip"))
    run(at)
    assert not at.error
    assert at.download_button(key="download_pptx").label == t("download_pptx_template", "en")
    _, deck = deck_names(downloads["download_pptx"].data())
    assert deck.slide_width == 12_192_000  # the template's size, not the default deck's


def test_every_chart_exports_a_png_at_slide_resolution() -> None:
    at = start(lang="nl")
    shown: list[Any] = []
    for view in ("overview", "breakdowns", "structure", "timeline"):
        shown += open_view(at, view).get("plotly_chart")
    assert len(shown) == 8  # envelopes, 4 breakdowns, hierarchy, flow, timeline
    for chart in shown:
        options = json.loads(chart.proto.config)["toImageButtonOptions"]
        # A 16:9 slide (funding.charts.slide): at least 720 px high, the width 16/9 of it.
        assert options["format"] == "png" and options["height"] >= 720
        assert options["width"] == round(options["height"] * 16 / 9) and options["scale"] >= 1
        # Named in the page's language, as the downloads are (the catalogue's file stem).
        assert re.fullmatch(r"batterijfinanciering-[a-z-]+-\d{4}-\d{2}-\d{2}", options["filename"])


# --- presentation mode -----------------------------------------------------------------------


def test_presentation_mode_opens_on_the_headline_then_one_chart_a_slide() -> None:
    at = start(view="present", level="EU")
    eu = [r for r in shipped_rows() if r["level"] == "EU"]
    assert metric(at, "instruments") == str(instruments(eu))
    unstated = sum(1 for r in eu if r["record_type"] == "instrument" and not r["amount_eur"])
    assert metric(at, "without_amount") == f"{unstated} of {instruments(eu)} instruments"
    assert metric(at, "net_public") and metric(at, "wider_public")  # the total and what widens it
    # Guarantees split: the EUR 200 m battery top-up apart from the InvestEU-wide EUR 2.9 bn.
    guarantee = next(
        m.value.replace("\u00a0", " ")
        for m in at.markdown
        if m.value.startswith(AMOUNT_KIND.label("guarantee", "en"))
    )
    battery, wider = guarantee.split(" · ")  # markdown escapes the colons and dots
    assert battery.endswith("EUR 200 m") and wider.endswith("EUR 2\\.9 bn**")
    assert not at.get("plotly_chart")  # slide 1: the figures, large, and no chart
    assert not at.download_button and not at.get("arrow_data_frame")  # a clean page
    assert at.button(key="exit_present").label == t("exit_present", "en")
    at = start(view="present", level="EU", slide="2")
    assert chart_count(at) == 1
    assert chart_title(at) == t("chart_envelopes", "en", kind=K("public"))
    layout = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]
    assert layout["font"]["size"] >= 18 and layout["height"] <= SMALL_SCREEN_PX - CHROME_PX  # fits 720p
    # The whole dataset's public figures, names on two lines: fewer fit a 720p screen than a
    # 1080p one, so both charts are sent (CSS shows one) and the larger shows more bars.
    both = start(view="present", slide="2")
    assert chart_count(both) == 2
    small, large = (json.loads(c.proto.spec) for c in both.get("plotly_chart"))
    assert small["layout"]["height"] < large["layout"]["height"]
    assert len(small["data"][0]["y"]) < len(large["data"][0]["y"])


def test_next_and_previous_step_through_the_decks_charts_and_the_url() -> None:
    at = start(view="present")
    assert at.button(key="present_previous").disabled and not at.get("plotly_chart")
    titles = []
    while not at.button(key="present_next").disabled:
        at.button(key="present_next").click()
        run(at)
        titles.append(chart_title(at))
        assert at.query_params["slide"] == str(len(titles) + 1)
        assert chart_count(at) >= 1
    assert titles == TITLES
    at.button(key="present_previous").click()
    run(at)
    assert chart_title(at) == titles[-2]


@pytest.mark.parametrize(("slide", "title"), [("3", TITLES[1]), ("99", TITLES[-1])])
def test_the_slide_in_the_url_selects_the_chart(slide: str, title: str) -> None:
    assert chart_title(start(view="present", slide=slide)) == title


def test_an_unreadable_slide_number_opens_the_headline() -> None:
    at = start(view="present", slide="x")
    assert not at.get("plotly_chart") and metric(at, "net_public")


def test_a_dutch_selection_presents_the_dutch_pillars_in_dutch() -> None:
    at = start(view="present", lang="nl", level="NL", framework="nl", slide="2")
    assert at.button(key="present_next").label == t("next", "nl")
    assert at.button(key="present_previous").label == t("previous", "nl")
    assert at.button(key="exit_present").label == t("exit_present", "nl")
    markdown = [m.value for m in at.markdown]
    assert any(m.startswith(t("present_slide_of", "nl", number=2, total=2)) for m in markdown)
    # The Dutch rows: public funding by instrument; pillar, source and type are one group each,
    # and by beneficiary type one programme in two groups, so they are sentences on the headline
    # slide (the NL deck alike).
    assert chart_title(at) == t("chart_envelopes", "nl", kind=K("public", "nl"))
    title_nl = json.loads((DATA.parent / "dataset.json").read_text(encoding="utf-8"))["title_nl"]
    source = next(c.value.replace("\\", "") for c in at.caption if c.value.startswith("Bron"))
    assert title_nl in source  # the dataset cited by its Dutch title
    first = start(view="present", lang="nl", level="NL", framework="nl")
    sentences = [m.value for m in first.markdown if "alles in één groep" in m.value]
    assert len(sentences) == 3
    assert any("één instrument" in m.value for m in first.markdown)


COMPARED = [
    "battery-booster-facility",
    "ngf-micb",
    "investeu-crm-investment-target",
    "investeu-crm-investment-target-2026-2027",
]


def test_a_comparison_is_presented_as_its_own_story() -> None:
    """Four instruments compared: two public budgets (the Booster's EUR 1.5 bn loans and MICB's
    EUR 296 m) and two investment targets. The headline counts the four; the slides are the
    deck's for them: the budgets compared and broken down (two bars each), then the targets."""
    rows = {r["id"]: r for r in shipped_rows()}
    assert [rows[i]["amount_kind"] for i in COMPARED] == ["public", "public", "target", "target"]
    at = start(view="present", compare=COMPARED)
    assert metric(at, "instruments") == "4"
    assert metric(at, "without_amount") == "0 of 4 instruments"
    titles = []
    while not at.button(key="present_next").disabled:
        at.button(key="present_next").click()
        run(at)
        titles.append(chart_title(at))
    assert titles == [*TITLES[:5], TITLES[-1]]


def test_present_and_exit_keep_the_filters_and_carry_a_chart_selection() -> None:
    at = start(level="EU")
    at.session_state["pick_source_0"] = {
        "selection": {"points": [{"y": "Horizon Europe"}], "point_indices": [0], "box": [], "lasso": []}
    }
    run(at)
    narrowed = metric(at, "instruments")
    at.button(key="present").click()
    run(at)
    assert at.query_params["view"] == "present"
    assert at.query_params["source"] == "Horizon Europe"  # the click, now a filter in the URL
    assert metric(at, "instruments") == narrowed and not at.get("plotly_chart")  # the headline
    at.button(key="exit_present").click()
    run(at)
    assert "view" not in at.query_params
    assert at.multiselect(key="level").value == ["EU"]
    assert at.multiselect(key="source").value == ["Horizon Europe"]
    assert metric(at, "instruments") == narrowed
    assert len([b for b in at.download_button if str(b.key).startswith("download_")]) == 3
