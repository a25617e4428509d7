"""Overview: the headline figures and the envelope comparison across kinds (never summed)."""

from __future__ import annotations

import streamlit as st

from app import cached
from app.context import Page
from app.display import headline_section, nothing_selected, show_chart
from app.widgets import multi_choice, one_choice
from funding.formatting import format_eur
from funding.i18n import t
from funding.markdown import markdown_text, plain_text
from funding.records import Instrument
from funding.vocab import AMOUNT_KIND

TOP_CHOICES = (10, 25, 50, 100, 250, 1000)
COMPARE_KEY = "compare"
COMPARE_MAX = 6
# The compare picker lists the largest amounts of the selection: a 100,000-row upload would
# otherwise send every name to the browser on each rerun.
COMPARE_OPTIONS = 500


def render(page: Page) -> None:
    headline_section(page)
    if not nothing_selected(page):
        envelope_section(page)


def compare_options(rows: tuple[Instrument, ...]) -> list[Instrument]:
    """What can be picked to compare: the selection's stated amounts, the largest first."""
    stated = [r for r in rows if r.amount_eur is not None]
    return sorted(stated, key=lambda r: -(r.amount_eur or 0.0))[:COMPARE_OPTIONS]


# A fragment: the colouring, the number of bars or the instruments to compare rerun this section only.
@st.fragment
def envelope_section(page: Page) -> None:
    lang = page.lang
    options = {r.id: r for r in compare_options(page.narrowed)}

    def label(record_id: str) -> str:
        r = options[record_id]
        amount = format_eur(r.amount_eur or 0.0, lang, r.amount_qualifier)
        return plain_text(f"{r.name(lang)} · {AMOUNT_KIND.label(r.amount_kind, lang)} · {amount}")

    picked = multi_choice(
        st,
        COMPARE_KEY,
        t("compare_pick", lang),
        list(options),
        label,
        placeholder=t("choose", lang),
        max_selections=COMPARE_MAX,
        help=t("compare_pick_help", lang),
    )
    compare = tuple(picked) if len(picked) >= 2 else ()
    if len(picked) == 1:
        st.caption(t("compare_one_more", lang))
    left, right = st.columns([3, 1])
    colour = one_choice(
        left,
        "color",
        t("colour_by", lang),
        ("level", "type"),
        lambda c: t(f"colour_{c}", lang),
        default="level",
    )
    top = int(one_choice(right, "top", t("top", lang), TOP_CHOICES, str, default=25, widget="selectbox"))
    source = page.source
    if compare:
        names = "; ".join(options[i].name(lang) for i in compare)
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
