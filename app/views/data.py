"""Data: which dataset the page shows, an upload in its place, its problems, and the codebook."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from app.context import Page
from app.loading import Loaded, Source, forget_upload, remember_upload, upload_key
from app.widgets import Where
from funding.base import paths
from funding.base.errors import Problem, UnreadableFile
from funding.base.markdown import markdown_text
from funding.base.reading import COMPANION_MAX_BYTES, read_file
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.registry.loading import MAX_BYTES

MAX_PROBLEMS_SHOWN = 500


def render(page: Page) -> None:
    data_section(page.data, page.lang)


def data_section(data: Source, lang: Lang) -> None:
    """The uploader, what is in use, and the codebook; also the whole page when no data is valid."""
    st.subheader(t("data_heading", lang))
    key = upload_key()
    st.file_uploader(
        t("upload", lang),
        type=["csv"],
        key=key,
        help=t("upload_help", lang),
        max_upload_size=MAX_BYTES // (1024 * 1024),
        on_change=remember_upload,
        args=(key,),
    )
    if data.uploaded:
        st.caption(markdown_text(t("viewing_upload", lang, name=data.loaded.source)))
        back_button(st, lang, "data")
    elif data.info is not None:
        st.caption(markdown_text(t("curated_dataset", lang, version=data.info.version, date=data.info.date)))
    codebook = _codebook()
    if codebook is not None:
        st.download_button(
            t("codebook", lang),
            data=codebook,
            file_name="codebook.md",
            mime="text/markdown",
            key="codebook",
            on_click="ignore",
            icon=":material/menu_book:",
            help=t("codebook_help", lang),
        )


def _codebook() -> bytes | None:
    """The codebook's bytes, read as every local file is (`funding.base.reading`); None without one."""
    try:
        return read_file(paths.DEFAULT_DATA.parent / "README.md", limit=COMPANION_MAX_BYTES)
    except UnreadableFile:
        return None


def back_button(where: Where, lang: Lang, place: str) -> None:
    where.button(
        t("back_to_curated", lang), key=f"back_{place}", on_click=forget_upload, icon=":material/undo:"
    )


def show_problems(loaded: Loaded, lang: Lang, *, uploaded: bool) -> None:
    """Why there are no figures: every problem of the file, as a table, and no traceback."""
    if loaded.unreadable is not None:
        key = "upload_unreadable" if uploaded else "shipped_unreadable"
        reason = loaded.unreadable.reason_in(lang)
        st.error(markdown_text(t(key, lang, reason=reason, name=loaded.source)))
    else:
        key = "upload_invalid" if uploaded else "shipped_invalid"
        st.error(markdown_text(t(key, lang, n=loaded.problem_count, name=loaded.source)))
        shown = loaded.problems[:MAX_PROBLEMS_SHOWN]
        # A static table: its text is in the page for screen readers and can be copied. st.table
        # reads cells as Markdown, so every cell is escaped and shows exactly what the file holds.
        st.table(problem_table(shown, lang), hide_index=True)
        if len(shown) < loaded.problem_count:
            st.caption(t("problems_more", lang, shown=len(shown), total=loaded.problem_count))
    if uploaded:
        back_button(st, lang, "problems")


def problem_table(problems: Sequence[Problem], lang: Lang) -> pd.DataFrame:
    """Problems with every text cell Markdown-escaped (st.table would read them as Markdown)."""
    escape = markdown_text
    return pd.DataFrame(
        {
            t("problem_line", lang): [p.line for p in problems],
            t("problem_column", lang): [escape(p.column) for p in problems],
            t("problem_message", lang): [escape(p.message_in(lang)) for p in problems],
            t("problem_value", lang): [escape(p.value) for p in problems],
        }
    )
