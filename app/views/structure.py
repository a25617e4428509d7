"""Structure: sources and their instruments (treemap) and the flow from source to pillar (Sankey)."""

from __future__ import annotations

import streamlit as st

from app import cached
from app.context import Page
from app.display import chart_kind, show_chart
from funding.i18n import t
from funding.totals import summable
from funding.vocab import AMOUNT_KIND


def render(page: Page) -> None:
    lang = page.lang
    if not page.narrowed:
        st.info(t("no_selection", lang), icon=":material/filter_alt_off:")
        return
    draw(page, chart_kind(page))


def draw(page: Page, kind: str) -> None:
    """The view's charts of one figure kind (the one the kind selector shows)."""
    lang = page.lang
    if not summable(kind):
        st.info(t("not_summable", lang, kind=AMOUNT_KIND.label(kind, lang)))
        return
    hierarchy_tab, flow_tab = st.tabs([t("hierarchy_tab", lang), t("flow_tab", lang)])
    for tab, name in ((hierarchy_tab, "hierarchy"), (flow_tab, "flow")):
        with tab:
            chart = cached.chart(
                name, page.digest, page.filters, page.picks, lang, kind, page.source, page.dataset
            )
            show_chart(chart, lang, key=name, name=name)
