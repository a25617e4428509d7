"""Presentation mode (`?view=present`): the deck's story on a projector, one slide at a time.

Slide 1 holds the headline figures (battery money first, the other kinds apart, and the charts of
a single bar said in words); the slides after it are the deck's charts in the deck's order
(`funding.exports.story`), each across the whole width. `slide=N` reopens on the N-th slide, so
`/?view=present&level=EU&slide=2` is the EU view's first chart. A chart slide is one screen:
the page is a column as high as the window, and the chart takes whatever the title, the chart's
title and notes and the source line leave (CSS, no script); the server only chooses how many
bars fit the smallest screen, 1280x720, and a larger one gives the same bars more room.
"""

from __future__ import annotations

import math

import plotly.graph_objects as go
import streamlit as st

from app import cached, url_state
from app.context import Page
from app.display import METRIC_CSS, plotly_config
from funding.base.markdown import markdown_text
from funding.exports.figures import ChartSpec
from funding.exports.projected import alt_text, notes_text, projected_figure
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.selecting.selection import describe

# The least a chart gets, on a 1280x720 screen: the screen less the title, the navigation, the
# chart's title, the source line and the space between them, less the chart's notes, measured
# at NOTE_CHARS characters a line (tests/test_browser_present.py measures every slide).
# Type grows with the screen (the CSS above), and so does what it takes: about 0.15 px a pixel.
SMALL_SCREEN_PX, LARGE_SCREEN_PX = 720, 1000
CHROME_PX = 224  # 190 measured, and the line that says how many bars are left out
NOTE_LINE_PX = 26
NOTE_CHARS = 150


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
[class*="st-key-present_chart"] [data-testid="stCaptionContainer"],
.st-key-present_source [data-testid="stCaptionContainer"],
.st-key-present_headline [data-testid="stCaptionContainer"] { font-size: clamp(0.95rem, 1.1vw, 1.25rem); }
.st-key-present_nav p { font-size: clamp(1rem, 1.2vw, 1.35rem); }
.st-key-present_words p { font-size: clamp(1rem, 2.3vh, 1.5rem); margin-bottom: 0.2rem; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
.st-key-present_head h3 { font-size: clamp(1.35rem, 3.2vh, 2.3rem); padding: 0; }
/* Streamlit pulls what follows a heading 1rem up; a chart right under it hid the heading's foot. */
.st-key-present_head [data-testid="stHeading"] [data-testid="stMarkdownContainer"] { margin-bottom: 0; }
.st-key-present_head [data-testid="stCaptionContainer"] { font-size: clamp(1rem, 2.1vh, 1.4rem); }
/* A chart slide is one screen: a column as high as the window, the chart taking what is left. */
[data-testid="stMainBlockContainer"]:has(.stPlotlyChart) { height: 100vh; display: flex; flex-direction: column; }
[data-testid="stMainBlockContainer"] [data-testid="stVerticalBlock"]:has(.stPlotlyChart),
[data-testid="stMainBlockContainer"] [data-testid="stLayoutWrapper"]:has(.stPlotlyChart),
[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]:has(> * > .stPlotlyChart) {
  flex: 1 1 0; min-height: 0;
}
[data-testid="stFullScreenFrame"]:has(> .stPlotlyChart), .stPlotlyChart { height: 100%; }
/* Where a large screen shows more bars than a small one, both charts are sent: one is shown. */
@media (max-height: LARGE_PX) { [data-testid="stLayoutWrapper"]:has(> .st-key-present_chart_large) { display: none; } }
@media not (max-height: LARGE_PX) { [data-testid="stLayoutWrapper"]:has(> .st-key-present_chart_small) { display: none; } }
</style>""".replace("LARGE_PX", f"{LARGE_SCREEN_PX - 0.02}px")
# The lead figure with the wider envelopes that explain the total beside it, then the counts.
PRESENT_MONEY = ("battery_public", "wider_public", "net_public")
PRESENT_COUNTS = ("instruments", "without_amount")


def least_chart_px(notes: str, screen_px: int) -> int:
    """The least height a chart gets on a screen `screen_px` high with these notes above it."""
    grown = (screen_px - SMALL_SCREEN_PX) * 0.15
    lines = math.ceil(len(notes) / NOTE_CHARS)
    return int(screen_px - CHROME_PX - grown - NOTE_LINE_PX * lines * screen_px / SMALL_SCREEN_PX)


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
    """Back to the page: the whole page is run again (the button may sit in the slides' fragment)."""
    if st.button(
        t("exit_present", lang), key="exit_present", type="tertiary", icon=":material/close_fullscreen:"
    ):
        stop_presenting()
        st.rerun()


def render(page: Page) -> None:
    """The selection, the navigation and the way out in one row; then the headline slide or one
    chart, full width."""
    lang = page.lang
    st.html(METRIC_CSS)
    if not page.selection:  # the figures (all zero) say so too, and the source names the filters
        title_row(page, None)
        headline(page, ())
        st.info(t("no_selection", lang), icon=":material/filter_alt_off:")
        source(page)
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


def source(page: Page) -> None:
    with st.container(key="present_source"):
        st.caption(markdown_text(page.source))


# A fragment: next and previous redraw the title row and the slide only, not the sidebar's filters.
@st.fragment
def slide_section(page: Page) -> None:
    lang = page.lang
    plan = cached.planned(page.digest, page.filters, lang, page.dataset, page.selection)
    total = len(plan.charts) + 1
    number = url_state.slide_number(st.query_params.get("slide"), total)
    title_row(page, (number, total))
    if number == 1:
        headline(page, plan.sentences)
        source(page)
        return
    chart_slide(page, plan.charts[number - 2])


def title_row(page: Page, slide: tuple[int, int] | None) -> None:
    """The page's title and selection, the slide's number with previous and next (when there
    are slides), the way out: one row, so the slide keeps the screen's height."""
    lang = page.lang
    with st.container(key="present_title"):
        left, middle, right = st.columns([5, 4, 1.6], vertical_alignment="top")
        left.title(t("page_title", lang))
        left.caption(markdown_text(t("selection", lang, text=describe(page.filters, lang))))
        if slide is not None:
            with middle:
                navigation(lang, *slide)
        with right:
            exit_button(lang)


def navigation(lang: Lang, number: int, total: int) -> None:
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
    if number == 1:  # said once, where a talk starts; a chart slide keeps the line for its chart
        st.caption(t("present_full_screen", lang))


def chart_slide(page: Page, spec: ChartSpec) -> None:
    """The chart's title and notes, the chart, the source line. The bars are chosen for the least
    room a small screen (720 px high) leaves; where a large one (LARGE_SCREEN_PX and up) shows
    more of them, both charts are sent and CSS shows the one that fits the screen."""
    lang = page.lang
    notes = notes_text(spec, lang)
    with st.container(key="present_head", gap="small"):
        st.subheader(markdown_text(spec.title), anchor=False)
        if notes:
            st.caption(markdown_text(notes))
    small = projected_figure(spec, lang, least_chart_px(notes, SMALL_SCREEN_PX))
    large = projected_figure(spec, lang, least_chart_px(notes, LARGE_SCREEN_PX))
    if small[1] == large[1]:
        projected(spec, lang, small, "present_chart")
    else:
        projected(spec, lang, small, "present_chart_small")
        projected(spec, lang, large, "present_chart_large")
    source(page)


def projected(spec: ChartSpec, lang: Lang, drawn: tuple[go.Figure, int], key: str) -> None:
    figure, shown = drawn
    with st.container(key=key, gap="small"):
        st.plotly_chart(
            figure,
            key=f"{key}_plot",
            width="stretch",
            height="stretch",
            config=plotly_config(figure, spec.name, lang),
            theme=None,  # the figure's own dark text: the theme's grey labels fall below 4.5:1
            alt=alt_text(spec, shown, lang),
        )
        if shown < len(spec.bars):
            st.caption(t("present_showing", lang, shown=shown, n=len(spec.bars)))
