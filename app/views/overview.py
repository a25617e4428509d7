"""Overview: the headline figures and the envelope comparison across kinds (never summed)."""

from __future__ import annotations

import streamlit as st

from app import cached, share, url_state
from app.context import Page
from app.display import headline_section, nothing_selected, show_chart
from app.widgets import kept_multi_choice, one_choice
from funding import charts
from funding.base.markdown import markdown_text
from funding.i18n import t

TOP_CHOICES = (10, 25, 50, 100, 250, 1000)
COMPARE_KEY = "compare"
COMPARE_MAX = 6
# The compare picker lists the largest amounts of the selection: a 100,000-row upload would
# otherwise send every name to the browser on each rerun.
COMPARE_OPTIONS = 500
_RERUN_FOR = "_compare_rerun"  # the comparison the page was last redrawn for


def comparison_of(page: Page) -> tuple[str, ...]:
    """The instruments the URL compares, among those the picker offers (`url_state.compared`):
    read before the picker is drawn, for what is drawn above it (the downloads)."""
    url = st.query_params.get_all(COMPARE_KEY)
    if not url:
        return ()
    options = cached.compare_choices(
        page.digest, page.filters, page.picks, page.lang, COMPARE_OPTIONS, page.dataset
    )
    return url_state.compared(url, options, COMPARE_MAX)


def render(page: Page) -> None:
    headline_section(page)
    if not nothing_selected(page):
        envelope_section(page)


# A fragment: the colouring, the number of bars or the instruments to compare rerun this section
# only; the share box, drawn from the URL these widgets write, is redrawn with it.
@st.fragment
def envelope_section(page: Page) -> None:
    envelopes(page)
    share.draw(page)


def envelopes(page: Page) -> None:
    lang = page.lang
    options = cached.compare_choices(
        page.digest, page.filters, page.picks, lang, COMPARE_OPTIONS, page.dataset
    )
    # Picks the filters hide stay in the URL and come back when the filter is lifted.
    picked, hidden = kept_multi_choice(
        st,
        COMPARE_KEY,
        t("compare_pick", lang),
        list(options),
        options.__getitem__,
        known=page.dataset.by_id,
        placeholder=t("choose", lang),
        max_selections=COMPARE_MAX,
        help=t("compare_pick_help", lang),
    )
    if hidden:
        names = "; ".join(page.dataset.by_id[i].name(lang) for i in hidden)
        st.caption(markdown_text(t("compare_hidden", lang, n=len(hidden), names=names)))
    compare = url_state.compared(picked, picked, COMPARE_MAX)
    if compare != page.compare and st.session_state.get(_RERUN_FOR) != compare:
        # A new comparison changes what the downloads above hold: draw the whole page again
        # (once per comparison, so a disagreement can never loop).
        st.session_state[_RERUN_FOR] = compare
        st.rerun(scope="app")
    if len(picked) == 1:
        st.caption(t("compare_one_more", lang))
    left, right = st.columns([3, 1])
    colour = one_choice(
        left,
        "color",
        t("colour_by", lang),
        ("level", "type"),
        lambda c: t(f"colour_{c}", lang),
        default=charts.DEFAULT_COLOUR,
    )
    top = int(
        one_choice(
            right, "top", t("top", lang), TOP_CHOICES, str, default=charts.DEFAULT_TOP, widget="selectbox"
        )
    )
    source = page.source
    if compare:
        names = "; ".join(page.dataset.by_id[i].name(lang) for i in compare)
        source = f"{source} {t('compared', lang, names=names)}"
    chart = cached.comparison(
        page.digest, page.filters, page.picks, lang, source, page.dataset, colour, top, compare
    )
    if chart.total == 0:
        st.info(t("compare_no_amounts", lang))
        return
    if compare:
        st.caption(markdown_text(t("compare_picked", lang, n=len(compare))))
    elif chart.shown < chart.total:
        st.caption(t("compare_showing", lang, shown=chart.shown, total=chart.total, top=top))
    show_chart(chart, lang, key="envelopes", name="envelopes")
