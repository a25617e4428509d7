"""How the page shows a chart, the headline figures and the kind selector, in every view."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from app import cached
from app.context import Page
from app.widgets import one_choice
from funding import charts
from funding.charts.text import NBSP
from funding.empty_selection import why_empty
from funding.formatting import format_count
from funding.i18n import t
from funding.kinds import default_kind, offered_kinds
from funding.markdown import markdown_text, plain_text
from funding.totals import summable
from funding.vocab import AMOUNT_KIND, Lang

PNG_SCALE = 3  # modebar PNGs at three times the on-screen size: sharp on a full-width slide

# Static CSS, no data in it: long figures such as "at least EUR 13.8 bn" wrap instead of being cut
# to "at least E…", which would hide the number itself.
METRIC_CSS = """<style>
[data-testid="stMetricValue"] { font-size: clamp(1.35rem, 2.1vw, 2rem); }
[data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p,
[data-testid="stMetricLabel"] div, [data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
</style>"""


def plotly_config(name: str, lang: Lang) -> dict[str, Any]:
    """The modebar's camera button saves a PNG at three times the screen size (slide resolution),
    named after the chart, the day and the language; the source line is part of the figure."""
    filename = f"{t('file_stem', lang)}-{name.replace('_', '-')}-{date.today().isoformat()}"
    return {
        "displaylogo": False,
        "toImageButtonOptions": {"format": "png", "scale": PNG_SCALE, "filename": filename},
    }


def show_chart(chart: charts.Chart, lang: Lang, *, key: str, name: str, clickable: bool = False) -> None:
    """The figure and, right under it, the same numbers as a table (the accessible alternative)."""
    config = plotly_config(name, lang)
    if clickable:
        st.plotly_chart(
            chart.figure, key=key, on_select="rerun", selection_mode="points", width="stretch", config=config
        )
    else:
        st.plotly_chart(chart.figure, key=key, width="stretch", config=config)
    with st.expander(t("data_table", lang)):
        st.dataframe(chart.table, hide_index=True, width="stretch", key=f"{key}_table")  # plain (app.cached)


def headline_section(page: Page) -> None:
    figures = cached.headline(page.digest, page.filters, page.picks, page.lang, page.dataset)
    lang = page.lang
    st.html(METRIC_CSS)
    st.header(t("headline", lang))
    with st.expander(t("how_counted", lang), icon=":material/calculate:"):
        st.markdown(markdown_text(t("headline_explained", lang)))
    for number, row in enumerate((figures.main[:3], figures.main[3:])):
        for column, metric in zip(st.columns(len(row)), row, strict=True):
            column.metric(metric.label, metric.value, help=markdown_text(metric.help), border=True)
        if number == 0:
            headline_notes(figures, lang)
    st.caption(markdown_text(f"{t('other_kinds', lang)}: {t('kept_apart', lang)}"))
    for column, metric in zip(st.columns(len(figures.apart)), figures.apart, strict=True):
        column.metric(metric.label, metric.value, help=markdown_text(metric.help), border=True)


def headline_notes(figures: charts.Headline, lang: Lang) -> None:
    """Under the lead figures: where battery money comes from, which wider envelopes there are
    (one click away), and the figures another document states differently."""
    if figures.origins:
        split = " · ".join(f"{m.label}: {m.value}" for m in figures.origins).replace(NBSP, " ")
        st.caption(markdown_text(t("origin_split", lang, split=split)))
    if figures.wider:
        with st.expander(t("wider_list", lang, n=format_count(figures.wider_count, lang))):
            for name, amount in figures.wider:
                st.text(plain_text(f"{name}: {amount}"))
            if figures.wider_count > len(figures.wider):
                more = format_count(figures.wider_count - len(figures.wider), lang)
                st.caption(t("and_more", lang, n=more))
    if figures.disputes:
        st.caption(markdown_text(t("disputes_line", lang, items="; ".join(figures.disputes))))


def chart_kind(page: Page) -> str:
    """The one kind of figure the charts show (kinds are never added together); by default the
    one `funding.kinds.default_kind` picks for the filtered rows, as the deck and the CLI do (not
    for the clicked ones: a click must not change the kind of the chart clicked)."""
    lang = page.lang
    return str(
        one_choice(
            st.columns([2, 3])[0],
            "chart_kind",
            t("chart_kind", lang),
            offered_kinds(page.filters.kind),
            lambda c: AMOUNT_KIND.label(c, lang),
            default=default_kind(page.selection, page.filters.kind),
            widget="selectbox",
        )
    )


def source_caption(page: Page) -> None:
    st.divider()
    st.caption(markdown_text(page.source))


def nothing_selected(page: Page) -> bool:
    """True, with a notice, when the filters and chart clicks leave no entry to show."""
    if page.narrowed:
        return False
    lang = page.lang
    # Filters alone emptying it: say which one and what the rest lack (clicks only narrow).
    reasons = [] if page.selection else why_empty(page.filters, page.dataset, lang)
    text = " ".join([t("no_selection", lang), *reasons])
    st.info(markdown_text(text), icon=":material/filter_alt_off:")
    return True


def never_summed(kind: str, lang: Lang) -> bool:
    """True, with a notice, for a kind whose amounts are never added (the views that add up)."""
    if summable(kind):
        return False
    st.info(t("not_summable", lang, kind=AMOUNT_KIND.label(kind, lang)))
    return True
