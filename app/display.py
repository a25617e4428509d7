"""How the page shows a chart, the headline figures and the kind selector, in every view."""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

import streamlit as st

from app import cached
from app.as_built import AsBuilt
from app.context import Page
from app.widgets import one_choice
from funding import charts
from funding.base.markdown import markdown_text, plain_table, plain_text
from funding.charts.slide import image_options
from funding.charts.text import NBSP
from funding.exports.images import IMAGE_FORMATS, chart_image
from funding.i18n import t
from funding.i18n.vocab import AMOUNT_KIND, Lang
from funding.selecting.empty_selection import why_empty
from funding.selecting.formatting import format_count
from funding.selecting.kinds import default_kind, offered_kinds
from funding.selecting.totals import summable

IMAGE_TYPES = {"png": "image/png", "svg": "image/svg+xml"}

# Static CSS, no data in it: long figures such as "at least EUR 13.8 bn" wrap instead of being cut
# to "at least E…", which would hide the number itself.
METRIC_CSS = """<style>
[data-testid="stMetricValue"] { font-size: clamp(1.35rem, 2.1vw, 2rem); }
.st-key-headline_apart [data-testid="stMetricValue"] { font-size: clamp(1.1rem, 1.4vw, 1.5rem); }
[data-testid="stMetricValue"] div, [data-testid="stMetricValue"] p,
[data-testid="stMetricLabel"] div, [data-testid="stMetricLabel"] p {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
</style>"""


def image_name(name: str, lang: Lang) -> str:
    """A chart's image file name: the chart, the day and the language's stem."""
    return f"{t('file_stem', lang)}-{name.replace('_', '-')}-{date.today().isoformat()}"


def plotly_config(figure: Any, name: str, lang: Lang) -> dict[str, Any]:
    """The modebar's camera button saves the 16:9 slide image the download button makes
    (`funding.charts.slide`), named after the chart, the day and the language."""
    return {"displaylogo": False, "toImageButtonOptions": image_options(figure, image_name(name, lang))}


def show_chart(chart: charts.Chart, lang: Lang, *, key: str, name: str, clickable: bool = False) -> None:
    """The figure, a "Download chart" control beside it, and, right under it, the same numbers as
    a table (the accessible alternative), sent only once the reader opens it: a closed expander's
    content is sent all the same."""
    config = plotly_config(chart.spec, name, lang)
    figure = AsBuilt(chart.spec)
    if clickable:
        st.plotly_chart(
            figure, key=key, on_select="rerun", selection_mode="points", width="stretch", config=config
        )
    else:
        st.plotly_chart(figure, key=key, width="stretch", config=config)
    image_downloads(chart, lang, key=key, name=name)
    table = st.expander(t("data_table", lang), key=f"{key}_table_open", on_change="rerun")
    if table.open:
        table.dataframe(plain_table(chart.table), hide_index=True, width="stretch", key=f"{key}_table")


def _image(chart: charts.Chart, fmt: str) -> bytes:
    """The slide image, its plotly Figure made only now: on the click, not on every rerun."""
    return chart_image(chart.figure, fmt)


def image_downloads(chart: charts.Chart, lang: Lang, *, key: str, name: str) -> None:
    """PNG and SVG of the chart as a 16:9 slide, drawn by kaleido only when a button is clicked.

    `st.download_button` takes a callable for `data` (Streamlit 1.67) and calls it on the click,
    in a thread of its own, so it builds no image; `on_click="ignore"` spares the page a rerun
    after the download. The buttons are drawn once the reader opens the control, as the data
    table is: each run registers a new file id for them, so every rerun sent them afresh (two
    buttons, about 470 bytes a chart). Without a Chromium on the server the control says so."""
    box = st.popover(
        t("download_chart", lang), icon=":material/image:", key=f"{key}_image", on_change="rerun"
    )
    if not box.open:
        return
    if not cached.draws_images():
        box.caption(t("download_chart_unavailable", lang))
        return
    box.caption(t("download_chart_help", lang))
    for fmt in IMAGE_FORMATS:
        box.download_button(
            t(f"download_chart_{fmt}", lang),
            data=functools.partial(_image, chart, fmt),
            file_name=f"{image_name(name, lang)}.{fmt}",
            mime=IMAGE_TYPES[fmt],
            key=f"{key}_image_{fmt}",
            on_click="ignore",
        )


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
    # Four to a row, where "for batteries: EUR 200 m · wider envelopes, …" took seven lines at
    # the lead figures' size: smaller type for the figures kept apart.
    with st.container(key="headline_apart"):
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
    one `funding.selecting.kinds.default_kind` picks for the filtered rows, as the deck and the CLI do (not
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
