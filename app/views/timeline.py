"""Timeline: each dated instrument's period."""

from __future__ import annotations

import streamlit as st

from app import cached
from app.context import Page
from app.display import nothing_selected, show_chart
from app.picks import pick_key
from funding.i18n import t


def render(page: Page) -> None:
    lang = page.lang
    if nothing_selected(page):
        return
    # The timeline draws every kind; the kind argument only keys the cache.
    chart = cached.chart(
        "timeline", page.digest, page.filters, page.picks, lang, "", page.source, page.dataset
    )
    if chart.total == 0:
        st.info(t("no_dates", lang))
        return
    if chart.shown < chart.total:
        st.caption(t("showing", lang, shown=chart.shown, total=chart.total))
    st.caption(t("bar_click_hint", lang))
    show_chart(chart, lang, key=pick_key("timeline", page.filters.framework), name="timeline", clickable=True)
