"""Share and cite, as OWID's grapher does: the link of the view as it is now (filters, view,
chart clicks, language) ready to copy, an iframe of it for an intranet page, and how to cite the
dataset, in the reader's language.

The box sits above the views but is drawn last (`place`, then `draw`/`finish`): `st.query_params`
read early in a run does not hold what the tabs and the view's widgets write later in it, so a
box drawn in place would give the link of the step before. A view whose widgets live in a
fragment (the Overview's comparison) redraws the box at the fragment's end, since a fragment
rerun does not reach the end of the page.
"""

from __future__ import annotations

from dataclasses import replace

import streamlit as st

from app import url_state
from app.context import Deferred, Page
from funding.base.markdown import plain_text
from funding.i18n import t
from funding.registry.citation import citation


def place(page: Page) -> Page:
    """Reserve the box's place here; the returned page carries it to whoever draws it."""
    return replace(page, share=Deferred(st.container(key="share_place")))


def finish(page: Page) -> None:
    """At the end of the run: draw the box unless the open view already drew it."""
    if page.share is not None and not page.share.drawn:
        draw(page)


def draw(page: Page) -> None:
    """The box, in its reserved place, from the URL as every widget so far has written it."""
    if page.share is None:
        return
    page.share.drawn = True
    with page.share.where:
        _share_box(page)


def _share_box(page: Page) -> None:
    lang = page.lang
    # Drawn once opened: the link, the iframe and the citation change with every click, so every
    # rerun sent them afresh (about 900 bytes); opening the box reruns the page, so it shows the
    # link of the view as it is then.
    box = st.popover(t("share_cite", lang), key="share_open", on_change="rerun")
    if not box.open:
        return
    params = [(key, value) for key in st.query_params for value in st.query_params.get_all(key)]
    # The box opens on a click, so the browser's address is known (a script run without a browser,
    # as in AppTest, has none: the link is then relative).
    base = st.context.url or ""
    link = plain_text(url_state.share_link(base, params))
    with box:
        st.caption(t("share_link", lang))
        st.code(link, language=None, wrap_lines=True)
        st.caption(t("share_embed", lang))
        snippet = plain_text(url_state.embed_snippet(base, params, t("page_title", lang)))
        st.code(snippet, language="html", wrap_lines=True)
        info = page.data.info
        if page.data.uploaded or info is None:
            # An uploaded or edited file is not the published dataset: it has no citation.
            st.caption(t("cite_not_published", lang))
        else:
            st.caption(t("cite_as", lang))
            st.code(citation(info, lang, link=link), language=None, wrap_lines=True)
