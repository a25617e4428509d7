"""Presentation mode (`?view=present`): the headline figures and one chart at a time, large, for
a projector; `slide=N` its N-th chart, so `/?view=present&level=EU&slide=2` reopens on the
second chart of the EU view."""

from __future__ import annotations

import streamlit as st

from app import cached, url_state
from app.context import Page
from app.display import METRIC_CSS, plotly_config
from funding import charts
from funding.i18n import t
from funding.kinds import default_kind, offered_kinds
from funding.markdown import markdown_text
from funding.selection import describe
from funding.vocab import AMOUNT_KIND, Lang

# Static CSS, no data in it: no sidebar (nor the button that opens it), large type. The top
# padding leaves room for Streamlit's fixed header (its menu stays reachable).
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 3.5rem 2.5rem 1rem 2.5rem; max-width: 100%; }
.st-key-present_title h1 { font-size: clamp(1.6rem, 2.2vw, 2.6rem); padding: 0; }
.st-key-present_title [data-testid="stCaptionContainer"] { font-size: clamp(1rem, 1.2vw, 1.35rem); }
.st-key-present_main [data-testid="stMetricValue"] { font-size: clamp(1.6rem, 2.2vw, 2.6rem); }
.st-key-present_headline [data-testid="stMetricLabel"] p { font-size: clamp(0.95rem, 1.1vw, 1.3rem); }
.st-key-present_apart p { font-size: clamp(1rem, 1.2vw, 1.4rem); }
.st-key-present_slide [data-testid="stCaptionContainer"],
.st-key-present_headline [data-testid="stCaptionContainer"] { font-size: clamp(0.95rem, 1.1vw, 1.25rem); }
.st-key-present_nav p { font-size: clamp(1rem, 1.2vw, 1.35rem); }
</style>"""
PRESENT_MAIN = ("battery_public", "net_public", "instruments", "without_amount")
PRESENT_CHART_PX = 780  # the tallest a projected chart gets unless its bars need more
PRESENT_TOP = 10  # bars in presentation mode's envelope chart unless ?top= says otherwise
TOP_CHOICES = ("10", "25", "50", "100", "250", "1000")


def stop_presenting() -> None:
    for key in ("view", "slide"):
        if key in st.query_params:
            del st.query_params[key]


def _go_to_slide(number: int) -> None:
    if number > 1:
        st.query_params["slide"] = str(number)
    elif "slide" in st.query_params:
        del st.query_params["slide"]


def exit_button(lang: Lang) -> None:
    st.button(
        t("exit_present", lang),
        key="exit_present",
        type="tertiary",
        icon=":material/close_fullscreen:",
        on_click=stop_presenting,
    )


def render(page: Page) -> None:
    """The headline figures and one chart, large, with the selection and the source on screen."""
    lang = page.lang
    with st.container(key="present_title"):
        left, right = st.columns([6, 1], vertical_alignment="top")
        left.title(t("page_title", lang))
        left.caption(markdown_text(t("selection", lang, text=describe(page.filters, lang))))
        with right:
            exit_button(lang)
    st.html(METRIC_CSS)
    figures_column, chart_column = st.columns([1, 3], gap="large")
    with figures_column:
        headline(page)
    with chart_column:
        if not page.selection:
            st.info(t("no_selection", lang), icon=":material/filter_alt_off:")
            st.caption(markdown_text(page.source))
            return
        default = default_kind(page.selection, page.filters.kind)
        kind = url_state.display_value(
            st.query_params.get("chart_kind"), offered_kinds(page.filters.kind), default
        )
        slide_section(page, kind)


def headline(page: Page) -> None:
    """Battery money and counts, one under the other; the other kinds apart, never added."""
    figures = cached.headline(page.digest, page.filters, (), page.lang, page.dataset)
    main = {m.key: m for m in figures.main}
    with st.container(key="present_headline"):
        with st.container(key="present_main"):
            # The amounts one under the other (they are long); the two counts side by side.
            for key in PRESENT_MAIN[:2]:
                st.metric(main[key].label, main[key].value, help=markdown_text(main[key].help), border=True)
            for column, key in zip(st.columns(2), PRESENT_MAIN[2:], strict=True):
                column.metric(
                    main[key].label, main[key].value, help=markdown_text(main[key].help), border=True
                )
        st.caption(markdown_text(f"{t('other_kinds', page.lang)}: {t('kept_apart', page.lang)}"))
        # One line each: boxes this narrow would break long Dutch words ("Garantiecapaciteit").
        with st.container(key="present_apart", gap="small"):
            for metric in figures.apart:
                label, value = markdown_text(metric.label), markdown_text(metric.value)
                st.markdown(f"{label}: **{value}**", help=markdown_text(metric.help))


# A fragment: next and previous redraw the chart only, not the headline figures beside it.
@st.fragment
def slide_section(page: Page, kind: str) -> None:
    lang = page.lang
    names = charts.slides(page.selection, kind)
    if not names:
        st.info(t("present_no_charts", lang, kind=AMOUNT_KIND.label(kind, lang)))
        st.caption(markdown_text(page.source))
        return
    number = url_state.slide_number(st.query_params.get("slide"), len(names))
    with st.container(key="present_nav", horizontal=True, vertical_alignment="center"):
        st.button(
            t("previous", lang),
            key="present_previous",
            icon=":material/arrow_back:",
            disabled=number == 1,
            on_click=_go_to_slide,
            args=(number - 1,),
            shortcut="Left",
        )
        st.button(
            t("next", lang),
            key="present_next",
            icon=":material/arrow_forward:",
            disabled=number == len(names),
            on_click=_go_to_slide,
            args=(number + 1,),
            shortcut="Right",
        )
        st.markdown(t("slide_of", lang, number=number, total=len(names)))
    name = names[number - 1]
    top = int(url_state.display_value(st.query_params.get("top"), TOP_CHOICES, str(PRESENT_TOP)))
    colour = url_state.display_value(st.query_params.get("color"), ("level", "type"), "level")
    chart = cached.projected(
        name, page.digest, page.filters, lang, kind, page.source, page.dataset, colour, top, PRESENT_CHART_PX
    )
    with st.container(key="present_slide"):
        st.plotly_chart(chart.figure, key="present_chart", width="stretch", config=plotly_config(name, lang))
        if chart.shown < chart.total:
            st.caption(t("showing", lang, shown=chart.shown, total=chart.total))
        st.caption(markdown_text(page.source))
