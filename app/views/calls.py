"""Open to apply (`?view=calls`): the calls and application windows open or upcoming on a day,
for the beneficiary types the sidebar selects, each with its dates as the document states them and
its source. Nothing is called open that a document does not date (`funding.registry.calls`)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from app.context import Page
from app.loading import calls_of
from app.views.data import show_problems
from funding.base.markdown import markdown_text, plain_text
from funding.i18n import t
from funding.i18n.vocab import BENEFICIARY
from funding.registry.calls import STATE_TEXTS, calls_on, dates_text
from funding.registry.loading import Loaded
from funding.registry.locators import section


def render(page: Page) -> None:
    lang = page.lang
    st.header(t("calls_title", lang))
    st.caption(markdown_text(t("calls_explained", lang)))
    found = calls_of(page.data.documents)
    if isinstance(found, Loaded):  # the calls file cannot be had: say why; the rest of the page works
        st.warning(markdown_text(t("calls_unreadable", lang)))
        show_problems(found, lang, uploaded=False)
        return
    day = st.date_input(t("calls_on", lang), value=date.today(), key="calls_on", format="YYYY-MM-DD")
    listed = calls_on(found, day, page.filters.beneficiary)
    if page.filters.beneficiary:
        groups = ", ".join(BENEFICIARY.label(b, lang) for b in page.filters.beneficiary)
        st.caption(markdown_text(t("calls_for_groups", lang, groups=groups)))
    if not listed:
        st.info(markdown_text(t("calls_none", lang, day=day.isoformat())), icon=":material/event_busy:")
        return
    for item in listed:
        call = item.call
        document = page.data.documents.get(call.source_document)
        cited = document.citation(lang) if document else call.source_document
        with st.container(border=True):
            st.markdown(
                f"**{markdown_text(call.name(lang))}** · {markdown_text(t(STATE_TEXTS[item.state], lang))}"
            )
            st.text(plain_text(dates_text(call, lang)))
            if call.beneficiary_types:
                groups = ", ".join(BENEFICIARY.label(b, lang) for b in call.beneficiary_types)
                st.text(plain_text(t("call_for", lang, groups=groups)))
            where = ", ".join(x for x in (cited, section(call.source_locator, lang)) if x)
            st.caption(markdown_text(f"{where}: “{call.source_quote}”"))
