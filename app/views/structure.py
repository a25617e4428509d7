"""Structure: sources and their instruments (treemap, clickable) and the flow from source to
pillar (Sankey, narrowed from the pickers beside it)."""

from __future__ import annotations

import streamlit as st

from app import cached
from app.context import Page
from app.display import chart_kind, never_summed, nothing_selected, show_chart
from app.picks import flow_control, pick_key
from funding.i18n import t


def render(page: Page) -> None:
    if not nothing_selected(page):
        draw(page, chart_kind(page))


def draw(page: Page, kind: str) -> None:
    """The view's charts of one figure kind (the one the kind selector shows)."""
    lang = page.lang
    if never_summed(kind, lang):
        return
    framework = page.filters.framework
    hierarchy_tab, flow_tab = st.tabs([t("hierarchy_tab", lang), t("flow_tab", lang)])
    with hierarchy_tab:
        st.caption(t("tile_click_hint", lang))
        chart = cached.chart(
            "hierarchy", page.digest, page.filters, page.picks, lang, kind, page.source, page.dataset
        )
        show_chart(chart, lang, key=pick_key("hierarchy", framework), name="hierarchy", clickable=True)
    with flow_tab:
        # Streamlit 1.67 reports no click on a Sankey: the same narrowing sits beside it.
        flow_control(page.dataset, page.selection, page.pick_map, framework, lang)
        chart = cached.chart(
            "flow", page.digest, page.filters, page.picks, lang, kind, page.source, page.dataset
        )
        show_chart(chart, lang, key="flow", name="flow")
