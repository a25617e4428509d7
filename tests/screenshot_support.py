"""The README's picture of the first screen, taken from the running page (`scripts/screenshot`).

A picture drawn by hand goes stale with the first change to the page; this one is taken the way a
reader sees the page (the shipped data, English, a 1280x720 laptop screen) once the lead figure is
drawn and the script is idle, and kept small enough to check in (palette PNG, under LIMIT_BYTES).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from browser_support import ROOT, chromium, open_app, streamlit_server, wait_idle
from PIL import Image

TARGET = ROOT / "docs" / "first-screen.png"
VIEWPORT = {"width": 1280, "height": 720}
LIMIT_BYTES = 250_000
LEAD = ".st-key-lead"


def first_screen(page: Any, url: str) -> bytes:
    """The first viewport of the page, once the lead figure, the headline tiles, the first chart's
    bars and the fonts are drawn."""
    open_app(page, url, "/", ready=LEAD)
    page.get_by_test_id("stMetricValue").first.wait_for()
    page.locator(".js-plotly-plot g.point path").first.wait_for(state="attached")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    wait_idle(page)
    return bytes(page.screenshot())


def small_png(png: bytes) -> bytes:
    """The same picture in at most 256 colours: a page of text and flat colours loses nothing
    visible, and the file shrinks to a fraction."""
    image = Image.open(io.BytesIO(png)).convert("RGB")
    out = io.BytesIO()
    image.quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(out, format="PNG", optimize=True)
    return out.getvalue()


def capture(target: Path, *, port: int | None = None) -> int:
    """Start the page, take its first screen and write it to `target`; returns the file's size."""
    with streamlit_server(port=port) as server, chromium() as browser:
        context = browser.new_context(viewport=VIEWPORT, locale="en-GB", device_scale_factor=1)
        try:
            png = small_png(first_screen(context.new_page(), server.url))
        finally:
            context.close()
    if len(png) > LIMIT_BYTES:
        raise SystemExit(f"screenshot: {len(png):,} bytes, over the {LIMIT_BYTES:,} limit")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(png)
    return len(png)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the README's picture of the first screen.")
    parser.add_argument("target", nargs="?", type=Path, default=TARGET)
    parser.add_argument("--port", type=int, help="serve on this port (default: a free one)")
    args = parser.parse_args(argv)
    size = capture(args.target, port=args.port)
    print(f"screenshot: wrote {args.target} ({size:,} bytes, {VIEWPORT['width']}x{VIEWPORT['height']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
