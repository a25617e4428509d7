"""Presentation mode (`?view=present`): the deck's story on a projector, one slide at a time.

Slide 1 holds the headline figures (battery money first, the other kinds apart, and the charts of
a single bar said in words); the slides after it are the deck's charts in the deck's order
(`funding.exports.story`), each across the whole width. `slide=N` reopens on the N-th slide, so
`/?view=present&level=EU&slide=2` is the EU view's first chart. A chart is as high as a
1280x720 screen leaves it under the title, so it fits that screen and a 1920x1080 one alike.
"""

from __future__ import annotations

import streamlit as st

from app import cached, url_state
from app.context import Page
from app.display import METRIC_CSS, plotly_config
from funding.exports.projected import alt_text, projected_figure
from funding.i18n import t
from funding.markdown import markdown_text
from funding.selection import describe
from funding.vocab import Lang

# Static CSS, no data in it: no sidebar (nor the button that opens it), large type. The top
# padding leaves room for Streamlit's fixed header (its menu stays reachable).
PRESENT_CSS = """<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stExpandSidebarButton"], [data-testid="stSidebarCollapseButton"] { display: none !important; }
[data-testid="stMainBlockContainer"] { padding: 3.5rem 2.5rem 1rem 2.5rem; max-width: 100%; }
.st-key-present_title h1 { font-size: clamp(1.6rem, 2.2vw, 2.6rem); padding: 0; }
.st-key-present_title [data-testid="stCaptionContainer"] { font-size: clamp(1rem, 1.2vw, 1.35rem); }
.st-key-present_main [data-testid="stMetricValue"] { font-size: clamp(1.4rem, 1.9vw, 2.6rem); }
.st-key-present_headline [data-testid="stMetricLabel"] p { font-size: clamp(0.95rem, 1.1vw, 1.3rem); }
.st-key-present_apart p { font-size: clamp(1rem, 1.2vw, 1.4rem); }
.st-key-present_slide [data-testid="stCaptionContainer"],
.st-key-present_headline [data-testid="stCaptionContainer"] { font-size: clamp(0.95rem, 1.1vw, 1.25rem); }
.st-key-present_nav p { font-size: clamp(1rem, 1.2vw, 1.35rem); }
.st-key-present_words p { font-size: clamp(1rem, 2.3vh, 1.5rem); margin-bottom: 0.2rem; }
</style>"""
# The lead figure with the wider envelopes that explain the total beside it, then the counts.
PRESENT_MONEY = ("battery_public", "wider_public", "net_public")
PRESENT_COUNTS = ("instruments", "without_amount")
PRESENT_CHART_PX = 440  # what a 1280x720 screen has under the title and over the source line


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
    """The selection and the way out on top; then the headline slide or one chart, full width."""
    lang = page.lang
    with st.container(key="present_title"):
        left, right = st.columns([6, 1], vertical_alignment="top")
        left.title(t("page_title", lang))
        left.caption(markdown_text(t("selection", lang, text=describe(page.filters, lang))))
        with right:
            exit_button(lang)
    st.html(METRIC_CSS)
    if not page.selection:  # the figures (all zero) say so too, and the source names the filters
        headline(page, ())
        st.info(t("no_selection", lang), icon=":material/filter_alt_off:")
        st.caption(markdown_text(page.source))
        return
    slide_section(page)


def headline(page: Page, sentences: tuple[str, ...]) -> None:
    """Battery money and counts; the other kinds apart, never added; one-bar charts in words."""
    figures = cached.headline(page.digest, page.filters, (), page.lang, page.dataset)
    main = {m.key: m for m in figures.main}
    money, apart = st.columns([3, 2], gap="large")

    def tiles(keys: tuple[str, ...]) -> None:
        for column, key in zip(st.columns(len(keys)), keys, strict=True):
            column.metric(main[key].label, main[key].value, help=markdown_text(main[key].help), border=True)

    # Money on the left with the one-bar charts in words; the counts head the right column, so
    # the slide fits a 1280x720 projector.
    with money, st.container(key="present_headline"):
        with st.container(key="present_main"):
            tiles(PRESENT_MONEY)
        with st.container(key="present_words"):
            for sentence in sentences:
                st.markdown(markdown_text(sentence))
    with apart:
        with st.container(key="present_counts"):
            tiles(PRESENT_COUNTS)
        st.caption(markdown_text(f"{t('other_kinds', page.lang)}: {t('kept_apart', page.lang)}"))
        with st.container(key="present_apart", gap="small"):
            for metric in figures.apart:
                label, value = markdown_text(metric.label), markdown_text(metric.value)
                st.markdown(f"{label}: **{value}**", help=markdown_text(metric.help))


# A fragment: next and previous redraw the slide only, not the title above it.
@st.fragment
def slide_section(page: Page) -> None:
    lang = page.lang
    plan = cached.planned(page.digest, page.filters, lang, page.dataset, page.selection)
    total = len(plan.charts) + 1
    number = url_state.slide_number(st.query_params.get("slide"), total)
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
            disabled=number == total,
            on_click=_go_to_slide,
            args=(number + 1,),
            shortcut="Right",
        )
        st.markdown(t("present_slide_of", lang, number=number, total=total))
        st.caption(t("present_full_screen", lang))
    if number == 1:
        headline(page, plan.sentences)
        st.caption(markdown_text(page.source))
        return
    spec = plan.charts[number - 2]
    figure, shown = projected_figure(spec, lang, PRESENT_CHART_PX)
    with st.container(key="present_slide"):
        st.plotly_chart(
            figure,
            key="present_chart",
            width="stretch",
            config=plotly_config(spec.name, lang),
            theme=None,  # the figure's own dark text: the theme's grey labels fall below 4.5:1
            alt=alt_text(spec, shown, lang),
        )
        if shown < len(spec.bars):
            st.caption(t("present_showing", lang, shown=shown, n=len(spec.bars)))
        st.caption(markdown_text(page.source))
