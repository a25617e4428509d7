"""Overview: the headline figures and the envelope comparison."""

from __future__ import annotations

import streamlit as st

from app import cached
from app.context import Page
from app.display import chart_kind, headline_section, show_chart
from app.widgets import one_choice
from funding.i18n import t

TOP_CHOICES = (10, 25, 50, 100, 250, 1000)


def render(page: Page) -> None:
    headline_section(page)
    if not page.narrowed:
        st.info(t("no_selection", page.lang), icon=":material/filter_alt_off:")
        return
    draw(page, chart_kind(page))


def draw(page: Page, kind: str) -> None:
    envelope_section(page, kind)


# A fragment: changing the colouring or the number of bars reruns this section only.
@st.fragment
def envelope_section(page: Page, kind: str) -> None:
    lang = page.lang
    left, right = st.columns([3, 1])
    colour = one_choice(
        left,
        "color",
        t("colour_by", lang),
        ("level", "type"),
        lambda c: t(f"colour_{c}", lang),
        default="level",
    )
    top = one_choice(right, "top", t("top", lang), TOP_CHOICES, str, default=25, widget="selectbox")
    chart = cached.chart(
        "envelopes",
        page.digest,
        page.filters,
        page.picks,
        lang,
        kind,
        page.source,
        page.dataset,
        colour,
        int(top),
    )
    if chart.total == 0:
        st.info(t("no_amounts", lang))
        return
    if chart.shown < chart.total:
        st.caption(t("showing", lang, shown=chart.shown, total=chart.total))
    show_chart(chart, lang, key="envelopes", name="envelopes")
