"""What you share is what you see: the share box's link equals the address bar after a tab, a
compare pick and the colour option change it (the box is drawn after every widget of the run,
and again after the Overview's comparison fragment reruns on its own)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest
from browser_support import open_app, screenshot, settle, wait_idle

from funding.i18n import t

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]
METRICS = "[data-testid='stMetricValue']"
BODY = "[data-testid='stPopoverBody']"


def shared_link(page: Any) -> str:
    """The link the share box offers now (opened, read, closed)."""
    page.locator(".st-key-share_place [data-testid='stPopover'] button").click()
    code = page.locator(f"{BODY} [data-testid='stCode'] code").first
    code.wait_for()
    link: str = code.inner_text().strip()
    page.keyboard.press("Escape")
    page.locator(BODY).wait_for(state="hidden")
    return link


def address(url: str) -> tuple[str, str, list[tuple[str, str]]]:
    """Host, path and parameters, order-insensitive ("/" and "" are the same root)."""
    parts = urlsplit(url)
    return parts.netloc, parts.path or "/", sorted(parse_qsl(parts.query))


def assert_link_is_the_address(page: Any, must_hold: str) -> None:
    """Once the address holds `must_hold` and the run that wrote it has drawn the share box (on a
    busy machine the box's last draw can trail the address: read again after each idle state)."""
    page.wait_for_function("text => location.search.includes(text)", arg=must_hold)
    for _ in range(10):
        wait_idle(page)
        shared, here = address(shared_link(page)), address(page.evaluate("location.href"))
        if shared == here:
            break
    assert shared == here


def test_the_share_link_follows_a_tab_a_compare_pick_and_the_colour(app_server: Any, page: Any) -> None:
    open_app(page, app_server.url, "/?level=NL", ready=METRICS)
    page.get_by_role("tab", name=t("view_instruments", "en")).click()
    settle(page)
    assert_link_is_the_address(page, "view=instruments")

    page.get_by_role("tab", name=t("view_overview", "en")).click()
    settle(page)
    page.wait_for_function("() => !location.search.includes('view=')")
    assert address(shared_link(page)) == address(page.evaluate("location.href"))

    picker = page.locator(".st-key-compare input")
    for _ in range(2):
        picker.click()
        page.keyboard.press("ArrowDown")  # opens the list
        page.locator("[role='option'][aria-selected='false']:not([data-key='__select_all__'])").first.click()
        settle(page)
        page.keyboard.press("Escape")
    page.wait_for_function("() => new URLSearchParams(location.search).getAll('compare').length === 2")
    assert_link_is_the_address(page, "compare=")
    picked = [v for k, v in parse_qsl(urlsplit(page.url).query) if k == "compare"]
    assert len(picked) == 2

    page.locator(".st-key-color").get_by_text(t("colour_type", "en")).click()
    settle(page)
    assert_link_is_the_address(page, "color=type")
    screenshot(page, "share-after-compare.png", full_page=False)
