"""The real thing: `streamlit run` in a subprocess and Debian's chromium through Playwright.

Few and fast (one server for the module): headline figures against the CSV rows, the Dutch deep
link on a phone-width screen, URL write-back and click-to-filter, a real upload of an invalid
file, how plotly shows markup in a name, and presentation mode on a projector-sized screen with
a real XLSX download (every slide is measured in tests/test_browser_present.py). Screenshots
go to test-output/. Skipped when chromium is missing, unless CI is set (then it fails).
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from browser_support import PHONE, open_app, screenshot, settle, wait_for_url
from factory import csv_bytes, row
from fixtures import DATA, document_id, instruments, net_public, shipped_rows

from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND

pytestmark = pytest.mark.browser
METRICS = "[data-testid='stMetricValue']"
PROJECTOR = {"width": 1920, "height": 1080}


def values(page: Any) -> list[str]:
    return [
        v.replace("\u00a0", " ").replace("\u2060", "")
        for v in page.get_by_test_id("stMetricValue").all_inner_texts()
    ]


def labels(page: Any) -> list[str]:
    return [v.strip() for v in page.get_by_test_id("stMetricLabel").all_inner_texts()]


def metrics_shown(page: Any, *needed: str) -> dict[str, str]:
    """The metrics by label, once every needed label is on the page (they draw one by one)."""
    for label in needed:
        page.get_by_test_id("stMetricLabel").filter(has_text=label).first.wait_for()
    return dict(zip(labels(page), values(page), strict=True))


def amount_in_bn(text: str) -> float:
    """The figure, or a range's high end (which assumes no overlap, as net_public does)."""
    match = re.fullmatch(r"(?:up to |at least |about )?EUR (?:[\d.]+–)?([\d.]+) bn", text)
    assert match, text
    return float(match.group(1)) * 1e9


def assert_lead_above_the_fold(page: Any, viewport: dict[str, int]) -> None:
    """The first screen answers: the lead sentence and its splits inside the first viewport."""
    lead = page.locator(".st-key-lead")
    lead.wait_for()
    box = lead.bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= viewport["height"], box


@pytest.mark.parametrize("size", [(1280, 720), (1440, 900)])
def test_the_lead_figure_is_above_the_fold(app_server: Any, browser: Any, size: tuple[int, int]) -> None:
    viewport = {"width": size[0], "height": size[1]}
    page = browser.new_page(viewport=viewport)
    try:
        open_app(page, app_server.url, "/", ready=METRICS)
        assert_lead_above_the_fold(page, viewport)
    finally:
        page.close()


def test_headline_figures_on_a_laptop_screen(app_server: Any, page: Any) -> None:
    open_app(page, app_server.url, "/", ready=METRICS)
    rows = shipped_rows()
    shown = metrics_shown(page, t("net_public", "en"), t("instruments", "en"), t("without_amount", "en"))
    # The high end as a tile says it: three digits, rounded up, so at most EUR 0.01 bn above.
    said = amount_in_bn(shown[t("net_public", "en")])
    assert 0 <= said - net_public(rows, {r["id"] for r in rows}) < 0.01e9
    assert shown[t("instruments", "en")] == str(instruments(rows))
    unstated = sum(1 for r in rows if r["record_type"] == "instrument" and not r["amount_eur"])
    assert shown[t("without_amount", "en")] == f"{unstated} of {instruments(rows)} instruments"
    page.locator(".js-plotly-plot g.point path").first.wait_for()
    screenshot(page, "dashboard-desktop.png")


def test_deep_link_opens_the_dutch_view_on_a_phone(app_server: Any, browser: Any) -> None:
    context = browser.new_context(viewport=PHONE, locale="nl-NL", is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        open_app(page, app_server.url, "/?level=NL&lang=nl", ready=METRICS)
        rows = shipped_rows()
        dutch = {r["id"] for r in rows if r["level"] == "NL"}
        shown = metrics_shown(page, t("net_public", "nl"), t("instruments", "nl"))
        net = net_public(rows, dutch)
        assert shown[t("net_public", "nl")] == f"€ {net / 1e6:g} mln".replace(".", ",")
        assert shown[t("instruments", "nl")] == str(instruments([r for r in rows if r["id"] in dutch]))
        assert page.get_by_role("heading", name=t("page_title", "nl")).is_visible()
        assert_lead_above_the_fold(page, PHONE)
        # Nothing wider than the screen: the columns wrapped (the tab bar scrolls, with an arrow).
        overflow = page.evaluate(
            "() => [...document.querySelectorAll('[data-testid=stMain] *')]"
            ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
            " && !e.closest('.js-plotly-plot, [data-testid=stDataFrame], [role=tablist]')).length"
        )
        assert overflow == 0
        page.locator(".js-plotly-plot g.point path").first.wait_for()
        screenshot(page, "dashboard-phone-nl.png")
    finally:
        context.close()


def test_controls_write_codes_to_the_url_and_a_click_narrows_the_page(app_server: Any, page: Any) -> None:
    open_app(page, app_server.url, "/", ready=METRICS)
    before = values(page)
    page.get_by_text(t("filter_battery_only", "en")).click()
    seconds = settle(page)
    print(f"browser rerun after a filter change: {seconds * 1000:.0f} ms")
    wait_for_url(page, "battery_only=true")
    page.get_by_text("Nederlands", exact=True).click()
    settle(page)
    wait_for_url(page, "lang=nl")
    page.get_by_text("English", exact=True).click()
    page.get_by_text(t("filter_battery_only", "en")).click()
    settle(page)
    wait_for_url(page, absent=("lang=", "battery_only"))
    assert values(page) == before

    # A tab click opens the view and writes its code to the URL; only its charts are drawn.
    page.get_by_role("tab", name=t("view_breakdowns", "en")).click()
    settle(page)
    wait_for_url(page, r"[?&]view=breakdowns(&|$)")
    page.locator(".js-plotly-plot g.point path").first.wait_for()
    assert page.locator(".js-plotly-plot").count() == 4
    # Click the first bar of the pillar breakdown: the overview's headline narrows to that pillar.
    bar = page.locator(".js-plotly-plot").first.locator("g.point path").first
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    settle(page)
    banner = page.locator(".st-key-pick_banner")
    banner.wait_for()
    wait_for_url(page, "pick_pillar=")  # the click is in the link
    page.get_by_role("tab", name=t("view_overview", "en")).click()
    settle(page)
    wait_for_url(page, absent=("view=",))
    narrowed = values(page)
    assert narrowed != before  # the click outlives its chart's view
    assert banner.count() == 1
    # The copied link reproduces the narrowed page in a fresh session.
    other = page.context.new_page()
    open_app(other, page.url, "", ready=METRICS)
    assert values(other) == narrowed and other.locator(".st-key-pick_banner").count() == 1
    other.close()
    page.get_by_role("button", name=t("clear_pick", "en")).click()
    settle(page)
    assert banner.count() == 0
    wait_for_url(page, absent=("pick_",))
    assert values(page) == before


def test_a_treemap_tile_click_narrows_the_page_and_lands_in_the_url(app_server: Any, page: Any) -> None:
    open_app(page, app_server.url, "/?view=structure", ready=".js-plotly-plot g.slice")
    tiles = page.locator(".js-plotly-plot").first.locator("g.slice")
    # Tiles in plotly's order: the root ("All sources") first, then the largest source.
    tile = tiles.nth(1)
    tile.scroll_into_view_if_needed()
    box = tile.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + 8)
    settle(page)
    page.locator(".st-key-pick_banner").wait_for()
    wait_for_url(page, r"[?&]pick_(source|instrument)=")


def test_invalid_upload_through_the_file_input(app_server: Any, page: Any) -> None:
    shipped = hashlib.sha256(DATA.read_bytes()).hexdigest()
    open_app(page, app_server.url, "/?view=data", ready="[data-testid='stFileUploader']")
    bad = csv_bytes(
        [
            row("ok", "100", source_document=document_id()),
            row("bad-amount", "1.500.000", source_document=document_id()),
        ]
    )
    page.locator("input[type=file]").first.set_input_files(
        files=[{"name": "bad.csv", "mimeType": "text/csv", "buffer": bad}]
    )
    table = page.get_by_test_id("stTable")
    table.wait_for()
    settle(page)
    text = table.inner_text()
    assert "amount_eur" in text and "1.500.000" in text
    alert = page.get_by_test_id("stAlert").first.inner_text()
    assert alert == t("upload_invalid", "en", n=1, name="bad.csv")
    assert page.get_by_test_id("stMetricValue").count() == 0
    screenshot(page, "dashboard-invalid-upload.png", full_page=False)
    page.get_by_role("button", name=t("back_to_curated", "en")).first.click()
    settle(page)
    page.get_by_role("tab", name=t("view_overview", "en")).click()
    page.get_by_test_id("stMetricValue").first.wait_for()
    assert hashlib.sha256(DATA.read_bytes()).hexdigest() == shipped


def test_markup_in_a_name_is_shown_as_written(browser: Any) -> None:
    """Plotly reads <b>, <a href> and friends in labels; escaped names show exactly as written."""
    sys.path.insert(0, str(DATA.parent.parent))
    from funding.charts import envelope_chart
    from funding.intake.records import Instrument
    from funding.registry.dataset import Dataset
    from funding.registry.loading import parse_csv

    names = [
        "<img src=x onerror=alert(1)>",
        "<b>bold</b> <a href='https://example.org'>link</a>",
        "R&D &amp;",
    ]
    base = parse_csv(csv_bytes([row(f"r{i}", str(10 + i)) for i in range(3)])).records
    rigged = tuple(
        Instrument.model_construct(**{**r.model_dump(), "name_en": n})
        for r, n in zip(base, names, strict=True)
    )
    html = envelope_chart(Dataset(rigged), rigged, "public", "en").figure.to_html(include_plotlyjs=True)
    tab = browser.new_page()
    dialogs: list[str] = []

    def dismiss(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", dismiss)
    try:
        tab.set_content(html)
        tab.wait_for_selector(".ytick text")
        ticks = tab.locator(".ytick text").all_text_contents()
        assert sorted(ticks) == sorted(names)
        assert tab.locator("svg a").count() == 0 and tab.locator("img").count() == 0
        assert tab.locator(".ytick tspan[style*='bold']").count() == 0
        assert dialogs == []
    finally:
        tab.close()


def test_presentation_mode_on_a_projector_and_a_real_download(app_server: Any, page: Any) -> None:
    page.set_viewport_size(PROJECTOR)
    open_app(page, app_server.url, "/?view=present&level=EU&slide=2", ready=".js-plotly-plot .bars .point")
    eu = {r["id"] for r in shipped_rows() if r["level"] == "EU"}
    title = page.locator(".st-key-present_head h3")
    assert (title.text_content() or "").startswith(
        t("chart_envelopes", "en", kind=AMOUNT_KIND.label("public", "en"))
    )
    screenshot(page, "present.png", full_page=False)

    page.get_by_role("button", name=t("exit_present", "en")).click()
    settle(page)
    wait_for_url(page, "level=EU", absent=("view=",))
    with page.expect_download() as download:
        page.locator(".st-key-download_xlsx button").first.click()
    # funding.exports.names: the selection (level EU: "eu") in the name, then the date.
    assert re.fullmatch(r"battery-funding-eu-\d{4}-\d{2}-\d{2}\.xlsx", download.value.suggested_filename)
    book = openpyxl.load_workbook(io.BytesIO(Path(download.value.path()).read_bytes()))
    sheet = book[t("sheet_data", "en")]
    column = [c.value for c in sheet[2]].index(t("x_id", "en"))  # row 1: do not add these up
    assert {row[column] for row in sheet.iter_rows(min_row=3, values_only=True)} == eu
