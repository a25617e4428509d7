"""A chart image is a slide: the "Download chart" SVG of a 4-instrument comparison is 16:9 and
every text in it lies inside the image (measured by chromium), and the camera's PNG is 16:9."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest
from browser_support import OUTPUT, open_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(400)]
COMPARED = ("battery-booster-facility", "ngf-micb", "net-zero-technologies-call", "ipcei-batteries-state-aid")
PLOT = ".js-plotly-plot"
# Each text's box against the SVG's own: how far outside the image any text reaches, in px.
OUTSIDE = """svg => {
  const frame = svg.getBoundingClientRect();
  return [...svg.querySelectorAll('text')].filter(e => e.textContent.trim()).map(e => {
    const box = e.getBoundingClientRect();
    return {text: e.textContent.trim(), left: frame.left - box.left, top: frame.top - box.top,
            right: box.right - frame.right, bottom: box.bottom - frame.bottom};
  });
}"""


def download(page: Any, trigger: Any, name: str) -> Path:
    with page.expect_download(timeout=180_000) as event:
        trigger()
    path = OUTPUT / name
    event.value.save_as(path)
    return path


def png_size(path: Path) -> tuple[int, int]:
    width, height = struct.unpack(">II", path.read_bytes()[16:24])  # the IHDR chunk
    return int(width), int(height)


def test_the_chart_images_are_16_9_with_every_text_inside(app_server: Any, browser: Any) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    try:
        query = "&".join(f"compare={i}" for i in COMPARED)
        open_app(page, app_server.url, f"/?{query}", ready=PLOT)
        page.locator(PLOT).first.hover()
        camera = page.locator(f"{PLOT} .modebar-btn[data-title*='png' i]").first
        width, height = png_size(download(page, camera.click, "chart-camera.png"))
        assert abs(width / height - 16 / 9) < 0.01 and height >= 720

        page.locator(".st-key-envelopes_image button").first.click()
        svg_button = page.locator(".st-key-envelopes_image_svg button")
        svg = download(page, svg_button.click, "chart-download.svg").read_text(encoding="utf-8")
        page.keyboard.press("Escape")
    finally:
        context.close()
    viewer = browser.new_page()
    try:
        viewer.set_content(f"<body style='margin:0'>{svg}</body>")
        frame = viewer.locator("svg").first
        size = frame.evaluate("s => [s.width.baseVal.value, s.height.baseVal.value]")
        assert abs(size[0] / size[1] - 16 / 9) < 0.01 and size[1] >= 720
        texts = frame.evaluate(OUTSIDE)
        said = " ".join(x["text"] for x in texts)
        assert "Licence" in said and "Battery Booster Facility" in said  # the frame and a name
        outside = [x for x in texts if max(x["left"], x["top"], x["right"], x["bottom"]) > 0.5]
        assert outside == []
    finally:
        viewer.close()
