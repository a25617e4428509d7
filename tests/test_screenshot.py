"""scripts/screenshot's picture of the first screen, taken as the script takes it: the page at
1280x720 once the lead figure is drawn, shrunk to a palette PNG under the limit the README's
check holds it to (test_layout.py)."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image
from screenshot_support import LIMIT_BYTES, VIEWPORT, first_screen, small_png

pytestmark = pytest.mark.browser


def test_the_first_screen_is_taken_with_its_lead_and_kept_small(app_server: Any, browser: Any) -> None:
    context = browser.new_context(viewport=VIEWPORT, locale="en-GB", device_scale_factor=1)
    try:
        page = context.new_page()
        png = small_png(first_screen(page, app_server.url))
        lead = page.locator(".st-key-lead").bounding_box()
    finally:
        context.close()
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == (1280, 720) and image.mode == "P"
    assert len(png) < LIMIT_BYTES
    assert lead is not None and lead["y"] >= 0 and lead["y"] + lead["height"] <= VIEWPORT["height"]
