"""Share and cite, as OWID's grapher does: the link of the view as it is now (filters, view,
chart clicks, language) ready to copy, and how to cite the dataset, in the reader's language."""

from __future__ import annotations

import streamlit as st

from app import url_state
from app.context import Page
from funding.citation import citation
from funding.i18n import t
from funding.markdown import plain_text


def share_section(page: Page) -> None:
    lang = page.lang
    params = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    # The browser's address is known once the page has loaded; until then the link is relative.
    link = plain_text(url_state.share_link(st.context.url or "", params))
    with st.popover(t("share_cite", lang)):
        st.caption(t("share_link", lang))
        st.code(link, language=None, wrap_lines=True)
        info = page.data.info
        if page.data.uploaded or info is None:
            # An uploaded or edited file is not the published dataset: it has no citation.
            st.caption(t("cite_not_published", lang))
        else:
            st.caption(t("cite_as", lang))
            st.code(citation(info, lang, link=link), language=None, wrap_lines=True)
