"""A filter change in a real browser: what did not change comes as a reference to what the page holds.

Streamlit's page keeps every element marked cacheable and lists their hashes with its next rerun
request; `.streamlit/config.toml` marks every element (`global.minCachedMessageSize = 0`), so
after a click the sidebar's filters, which did not change, arrive as references of a few dozen
bytes. The page must show what it showed with everything sent: the same figures and filters.
"""

from __future__ import annotations

from typing import Any

import pytest
from browser_support import open_app, settle
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from funding.i18n import t

pytestmark = pytest.mark.browser

METRICS = "[data-testid='stMetricValue']"
SIDEBAR = 1  # the sidebar's root container in a message's delta path


def _shown(page: Any) -> list[str]:
    """The headline's figures and the sidebar's filter labels, as the reader sees them."""
    figures = page.get_by_test_id("stMetricValue").all_inner_texts()
    filters = page.locator("[data-testid='stSidebar'] [data-testid='stWidgetLabel']").all_inner_texts()
    return [*figures, *filters]


def test_unchanged_filters_arrive_as_references_and_the_page_is_the_same(app_server: Any, page: Any) -> None:
    frames: list[bytes] = []
    page.on(
        "websocket",
        lambda ws: ws.on("framereceived", lambda p: frames.append(p) if isinstance(p, bytes) else None),
    )
    errors: list[str] = []
    page.on(
        "console", lambda m: errors.append(m.text) if "ForwardMsg" in m.text and m.type == "error" else None
    )
    open_app(page, app_server.url, "/", ready=METRICS)
    before = _shown(page)
    held = {m.hash: len(f) for f in frames if (m := ForwardMsg.FromString(f)).metadata.cacheable}
    checkbox = page.get_by_text(t("filter_battery_only", "en"))
    received = []
    for _ in range(2):  # on and off again: the page as it was
        frames.clear()
        checkbox.click()
        settle(page)
        received.append([ForwardMsg.FromString(f) for f in frames])
        held |= {m.hash: len(f) for f, m in zip(frames, received[-1], strict=True) if m.metadata.cacheable}
        print(f"received {sum(map(len, frames)):,} bytes in {len(frames)} messages after a filter change")
    back = received[-1]
    sidebar = [
        m
        for m in back
        if m.WhichOneof("type") in ("delta", "ref_hash") and m.metadata.delta_path[0] == SIDEBAR
    ]
    elements = [
        m
        for m in sidebar
        if m.WhichOneof("type") == "ref_hash" or m.delta.WhichOneof("type") == "new_element"
    ]
    # Every filter (and the sidebar's heading) is one the page held: none is sent again in full.
    assert len(elements) >= 10 and all(m.WhichOneof("type") == "ref_hash" for m in elements)
    assert all(m.ref_hash in held for m in back if m.WhichOneof("type") == "ref_hash")
    # The first click changed the headline: figures the page did not hold come in full.
    assert any(
        m.WhichOneof("type") == "delta" and m.delta.new_element.WhichOneof("type") == "metric"
        for m in received[0]
    )
    assert _shown(page) == before and not errors
    assert not page.locator("[data-testid='stException']").count()
