"""The page: language, data and filters in the sidebar, then either presentation mode or the
view tabs, of which only the open one is built (see `app.views`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from app import (
    as_built,
    cached,
    deferred_downloads,
    display,
    downloads,
    editing,
    picks,
    precompute,
    present,
    share,
    sidebar,
    url_state,
)
from app.context import Page, source_text
from app.loading import Loaded, data_source
from app.views import RENDER
from app.views.data import back_button, data_section, show_problems
from app.views.overview import COMPARE_KEY, comparison_of
from app.widgets import view_tabs
from funding import charts
from funding.base.markdown import markdown_text
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.registry.dataset import Dataset
from funding.selecting.filter_problems import filter_problems
from funding.selecting.selection import Filters, describe


def main() -> None:
    with precompute.WORKER.script_run():
        drawn = draw()
    if drawn is not None:  # the page is on its way: what is one click from it, in the background
        precompute.after_paint(drawn)


def draw() -> precompute.Target | None:
    """The page; what the background may make next (None for an upload, an edit in preview or
    a view that draws no figures)."""
    presenting = url_state.view_of(st.query_params.get_all("view")) == url_state.PRESENT
    page = prepare(presenting=presenting)
    if page is None:
        return None
    if presenting:
        present.render(compared(page))
        return target(page, url_state.PRESENT)
    page = header(replace(page, compare=comparison_of(page)))
    code, tab = view_tabs(page.lang)
    with tab:
        RENDER[code](page)
    display.source_caption(page)
    share.finish(page)  # last: the link sees what the tabs and the view's widgets wrote
    return target(page, code)


def target(page: Page, view: str) -> precompute.Target | None:
    """The page as the background worker knows it: its keys and the chart settings in the URL."""
    if page.data.uploaded or editing.previewing(page.data) or view not in precompute.VIEWS:
        return None
    top = st.query_params.get("top", "")
    return precompute.Target(
        page.digest,
        page.filters,
        page.lang,
        view,
        page.data.info,
        page.dataset,
        page.picks,
        colour=st.query_params.get("color", charts.DEFAULT_COLOUR),
        top=int(top) if top.isdigit() else charts.DEFAULT_TOP,
        kind=st.query_params.get("chart_kind"),
        framework_chosen="framework" in st.query_params,
    )


# Static CSS, no data in it: the upload size error shown on the page, not only on hover.
PAGE_CSS = Path(__file__).resolve().parent.parent / "dashboard.css"


def compared(page: Page) -> Page:
    """A comparison is a selection like any other: presentation mode tells the story of the
    instruments compared, and every slide's source line says so."""
    compare = comparison_of(page)
    if not compare:
        return page
    filters = replace(page.filters, compare=compare)
    rows = cached.selection(page.dataset, filters, ())
    upload = page.data.loaded.source if page.data.uploaded else None
    source = source_text(page.data.info, upload, filters, page.lang, page.dataset)
    return replace(page, filters=filters, selection=rows, narrowed=rows, compare=compare, source=source)


precompute.start()
deferred_downloads.keep_built_downloads()
as_built.send_plain_json()


def prepare(*, presenting: bool = False) -> Page | None:
    """Page settings, the sidebar and the selection; None (with the file's problems shown) when
    there is no valid dataset."""
    st.set_page_config(
        page_title="Battery funding · Batterijfinanciering",
        layout="wide",
        initial_sidebar_state="collapsed" if presenting else "auto",
    )
    st.html(PAGE_CSS)
    if presenting:
        st.html(present.PRESENT_CSS)
    # In presentation mode the sidebar is drawn but hidden: its widgets keep reading the URL, so
    # the filters are the page's own, and leaving the mode finds them as they were.
    lang = sidebar.language()
    data = editing.previewed(data_source(), lang)
    if not presenting:
        st.title(t("page_title", lang))
    loaded = data.loaded
    dataset = loaded.dataset
    if dataset is None:
        if presenting:
            present.exit_button(lang)
        show_problems(loaded, lang, uploaded=data.uploaded)
        data_section(data, lang)
        return None
    if editing.previewing(data):
        editing.preview_banner(data, lang, presenting=presenting)
    elif data.uploaded:
        upload_banner(loaded, lang, presenting=presenting)
    filters = sidebar.filter_controls(dataset, lang)
    precompute.WORKER.needed(filters, lang)
    source = source_text(data.info, loaded.source if data.uploaded else None, filters, lang)
    # Presentation mode shows the filters alone: entering it moved what clicks it could into them.
    clicked = {} if presenting else picks.current(filters.framework, loaded.digest, dataset)
    chosen = tuple((dim, tuple(codes)) for dim, codes in clicked.items() if codes)
    picks.drop_stale(COMPARE_KEY, dataset.by_id)
    if refused(filters, dataset, lang):
        if presenting:
            present.exit_button(lang)
        return None
    rows = cached.selection(dataset, filters, ())
    return Page(
        dataset=dataset,
        digest=loaded.digest,
        filters=filters,
        picks=chosen,
        selection=rows,
        narrowed=cached.narrowed(dataset, rows, filters, chosen),
        lang=lang,
        source=source,
        data=data,
    )


def refused(filters: Filters, dataset: Dataset, lang: Lang) -> bool:
    """Filters the command line refuses (a period whose start is after its end) show no figures
    and no downloads here either: the reason, and the sidebar to change them."""
    problems = filter_problems(filters, dataset)
    for problem in problems:
        st.error(
            markdown_text(t("filter_refused", lang, text=problem.message(lang))), icon=":material/block:"
        )
    return bool(problems)


def header(page: Page) -> Page:
    """What every view shares above the tabs: the answer first (the lead figure, what it covers
    and as of when, and the splits asked first), then the selection with the chart clicks in it,
    a note on what a link picked that no longer exists, the clicks' banner, downloads, and the
    place of the share box (drawn at the end of the run); the page that knows that place."""
    info = None if page.data.uploaded else page.data.info
    said = cached.lead(page.digest, page.filters, page.picks, page.lang, page.dataset, info)
    with st.container(key="lead", gap="small"):
        st.markdown(markdown_text(said.sentence))  # the first element: styled as the page's message
        splits = (f"{markdown_text(label)}: **{markdown_text(value)}**" for label, value in said.splits)
        st.markdown(" · ".join(splits))
    text = describe(page.filters, page.lang)
    clicked = charts.describe_picks(page.pick_map, page.filters.framework, page.lang, page.dataset)
    if clicked:
        text = f"{text}; {t('picked', page.lang, text=clicked)}"
    st.caption(markdown_text(t("selection", page.lang, text=text)))
    picks.stale_note(page.lang)
    picks.banner(page.pick_map, page.filters.framework, page.lang, page.dataset)
    downloads.download_section(page)
    return share.place(page)


def upload_banner(loaded: Loaded, lang: Lang, *, presenting: bool) -> None:
    with st.container(border=True, key="upload_banner"):
        st.warning(
            markdown_text(t("viewing_upload", lang, name=loaded.source)),
            icon=":material/upload_file:",
        )
        if not presenting:
            back_button(st, lang, "banner")
