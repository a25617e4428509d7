"""Breakdowns: net amounts by pillar, source, beneficiary and instrument type; a click narrows
every other view (see `app.picks`)."""

from __future__ import annotations

import streamlit as st

from app import cached
from app.context import Page
from app.display import chart_kind, never_summed, nothing_selected, show_chart
from app.picks import pick_key
from funding import charts
from funding.i18n import t


def render(page: Page) -> None:
    if not nothing_selected(page):
        draw(page, chart_kind(page))


def draw(page: Page, kind: str) -> None:
    """The view's charts of one figure kind (the one the kind selector shows)."""
    lang = page.lang
    if never_summed(kind, lang):
        return
    st.caption(t("click_hint", lang))
    framework = page.filters.framework
    dimensions = charts.PICK_DIMENSIONS
    for pair in (dimensions[:2], dimensions[2:]):
        for column, dimension in zip(st.columns(2), pair, strict=True):
            with column:
                chart = cached.chart(
                    dimension, page.digest, page.filters, page.picks, lang, kind, page.source, page.dataset
                )
                show_chart(chart, lang, key=pick_key(dimension, framework), name=dimension, clickable=True)
