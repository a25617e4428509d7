"""Presentation mode measured in the browser: every slide of four selections (the whole dataset,
the Dutch level, a loan instrument, the Dutch page) at 1280x720 and 1920x1080 fits the screen
without scrolling, and on a chart slide the chart takes at least 55 % of the screen's height.

Each slide's state is awaited (its number in the URL and the navigation, its bars drawn, the
chart drawn to its container's height), never a fixed sleep. Screenshots of every slide go to
test-output/present-<selection>-<height>-<slide>.png, to look at.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from browser_support import WAIT_S, open_app, screenshot, wait_for_url

from funding.i18n import t

pytestmark = pytest.mark.browser
SCREENS = {"720": {"width": 1280, "height": 720}, "1080": {"width": 1920, "height": 1080}}
SELECTIONS = {
    "all": ("", "en"),
    "nl-level": ("&level=NL", "en"),
    "loan": ("&type=loan", "en"),
    "dutch": ("&lang=nl", "nl"),
}
CHART_SHARE = 0.55
# The tallest scrolling thing on the page: the document, or Streamlit's own scroll container.
SCROLL_HEIGHT = """() => Math.max(document.documentElement.scrollHeight,
  ...[...document.querySelectorAll('*')]
    .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowY))
    .map(e => e.scrollHeight))"""
# The run finished and its elements replaced the last slide's; the chart on screen (a slide may
# hold a second one that CSS hides) drawn to its container's height.
CHART_DRAWN = """() => {
  if (!document.querySelector("[data-testid=stApp][data-test-script-state=notRunning]")) return false;
  if (document.querySelector("[data-stale=true]")) return false;
  const shown = [...document.querySelectorAll('.stPlotlyChart')].filter(c => c.offsetParent !== null);
  const svg = shown.length === 1 && shown[0].querySelector('svg.main-svg');
  return !!svg && svg.querySelectorAll('.bars .point').length > 0
    && Math.abs(svg.getBoundingClientRect().height - shown[0].getBoundingClientRect().height) < 2;
}"""


def slide_line(lang: str, number: int, total: int) -> str:
    return t("present_slide_of", lang, number=number, total=total)  # type: ignore[arg-type]


def measure(page: Any, screen: dict[str, int], where: str) -> float:
    """Assert the slide fits the screen; return the share of its height the chart takes (0 if
    the slide has no chart)."""
    assert page.evaluate(SCROLL_HEIGHT) <= screen["height"], where
    assert page.evaluate("() => document.documentElement.scrollWidth") <= screen["width"], where
    source = page.locator(".st-key-present_source").bounding_box()
    assert source and source["y"] + source["height"] <= screen["height"], where
    charts = [box for box in page.locator(".js-plotly-plot").evaluate_all(BOXES) if box["height"] > 0]
    assert len(charts) <= 1, where
    for box in charts:
        assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"], where
        assert box["y"] >= 0 and box["y"] + box["height"] <= screen["height"], where
    return max((box["height"] / screen["height"] for box in charts), default=0.0)


BOXES = "charts => charts.map(c => { const r = c.getBoundingClientRect(); return {x: r.x, y: r.y, width: r.width, height: r.height}; })"


@pytest.mark.parametrize("size", SCREENS)
@pytest.mark.parametrize("selection", SELECTIONS)
def test_every_slide_fits_the_screen_and_charts_fill_it(
    app_server: Any, browser: Any, selection: str, size: str
) -> None:
    query, lang = SELECTIONS[selection]
    screen = SCREENS[size]
    page = browser.new_page(viewport=screen)
    try:
        open_app(page, app_server.url, f"/?view=present{query}", ready="[data-testid='stMetricValue']")
        assert not page.get_by_test_id("stSidebar").is_visible()
        nav = page.locator(".st-key-present_nav")
        said = re.escape(slide_line(lang, 1, 999)).replace("999", r"(\d+)")
        total = int(re.findall(said, nav.inner_text())[0])
        nav.filter(has_text=slide_line(lang, 1, total)).wait_for()
        shares = [measure(page, screen, f"{selection} {size} slide 1")]
        screenshot(page, f"present-{selection}-{size}-01.png", full_page=False)
        for number in range(2, total + 1):
            page.locator(".st-key-present_next button").click()
            wait_for_url(page, rf"[?&]slide={number}(&|$)")
            nav.filter(has_text=slide_line(lang, number, total)).wait_for()
            page.wait_for_function(CHART_DRAWN, timeout=WAIT_S * 1000)
            where = f"{selection} {size} slide {number}"
            shares.append(measure(page, screen, where))
            assert shares[-1] >= CHART_SHARE, (where, shares[-1])
            screenshot(page, f"present-{selection}-{size}-{number:02d}.png", full_page=False)
        assert page.locator(".st-key-present_next button").is_disabled()
        assert shares[0] == 0.0  # the headline slide: figures, no chart
        print(selection, size, " ".join(f"{share:.0%}" for share in shares))
    finally:
        page.close()
