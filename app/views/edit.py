"""Edit: the dataset in a grid, checked by the loader as you type, its problems beside it by row
and column, a preview of every view on the edit (this session only), and the edit as files."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pandas as pd
import streamlit as st

from app import editing as session
from app.context import Page
from funding.base.markdown import markdown_text
from funding.changes import editing
from funding.changes.diff import diff_datasets
from funding.changes.version_changes import column_label
from funding.i18n import t
from funding.i18n.vocab import Lang, Vocabulary
from funding.intake.columns import REQUIRED_COLUMNS
from funding.intake.records import COLUMNS, FIELD_VOCABULARIES
from funding.registry.loading import MAX_BYTES


def render(page: Page) -> None:
    lang = page.lang
    st.subheader(t("edit_heading", lang))
    rows = len(page.dataset.records)
    if rows > editing.MAX_ROWS and not session.previewing(page.data):
        st.warning(t("edit_too_many_rows", lang, rows=rows, limit=editing.MAX_ROWS))  # numbers only
        return
    gone = session.stale_draft()
    edit = session.start(page.data, page.dataset)
    st.caption(t("edit_intro", lang))
    st.caption(markdown_text(t("edit_of", lang, name=edit.name)))
    if edit.restored is not None:
        saved = datetime.fromtimestamp(edit.restored, UTC).strftime("%Y-%m-%d %H:%M")
        st.info(t("edit_draft_restored", lang, time=saved), icon=":material/history:")
    elif gone:
        st.caption(t("edit_draft_gone", lang))
    if (edit.grid_key not in st.session_state or edit.lang != lang) and edit.table is not edit.base:
        edit.restart(edit.table)  # the grid was not drawn last run, or in another language
    edit.lang = lang
    grid, side = st.columns([5, 2])
    with grid:
        edit.table = st.data_editor(
            edit.base,
            key=edit.grid_key,
            num_rows="dynamic",
            hide_index=False,  # the row numbers the problems refer to
            height=460,
            column_config=column_config(lang, tuple(page.data.documents)),
        )
        row_tools(edit, lang)
        paste_box(edit, lang)
    edit.checked = editing.check(edit.table, tuple(page.data.documents), previous=edit.checked)
    session.keep_draft(edit)
    with side:
        show_status(edit, lang)
        preview_switch(edit, lang)
        edit_downloads(edit, lang)
    if page.digest != session.shown_digest(edit):
        st.rerun()  # the page above (header, downloads) was drawn from the edit before this one


def column_config(lang: Lang, documents: tuple[str, ...]) -> dict[str, Any]:
    """Codes stored, labels shown; amounts as numbers; yes/no as a checkbox or a choice."""
    config: dict[str, Any] = {"_index": st.column_config.NumberColumn(t("edit_row", lang), disabled=True)}
    for column in COLUMNS:
        label = column_label(column, lang)
        hint, need = f"`{column}`", column in REQUIRED_COLUMNS
        if column in editing.LISTS:
            vocab = editing.LISTS[column]
            config[column] = st.column_config.MultiselectColumn(
                label, options=vocab.codes, format_func=_labels(vocab, lang), help=hint, required=need
            )
        elif column in FIELD_VOCABULARIES:
            vocab = FIELD_VOCABULARIES[column]
            default = "instrument" if column == "record_type" else None
            config[column] = st.column_config.SelectboxColumn(
                label,
                options=vocab.codes,
                format_func=_labels(vocab, lang),
                default=default,
                help=hint,
                required=need,
            )
        elif column == editing.AMOUNT:
            config[column] = st.column_config.NumberColumn(
                label, min_value=0, format="localized", help=hint, required=need
            )
        elif column == editing.FLAG:
            config[column] = st.column_config.CheckboxColumn(label, default=True, help=hint, required=need)
        elif column == editing.OPTIONAL_FLAG:
            config[column] = st.column_config.SelectboxColumn(
                label,
                options=editing.YES_NO,
                format_func=lambda v: t(f"value_{v}", lang),
                help=hint,
                required=need,
            )
        elif column == "source_document":
            config[column] = st.column_config.SelectboxColumn(
                label, options=documents, help=hint, required=need
            )
        else:
            config[column] = st.column_config.TextColumn(
                label,
                pinned=column == "id",
                width=None if column == "id" else "medium",
                help=hint,
                required=need,
            )
    return config


def _labels(vocab: Vocabulary, lang: Lang) -> Callable[[Any], str]:
    return lambda code: vocab.label(str(code), lang)


def row_tools(edit: session.EditSession, lang: Lang) -> None:
    """Duplicate a row (the grid adds and deletes rows itself), or start again."""
    rows = [int(r) for r in edit.table.index]
    ids = {r: editing.cell_of(i) for r, i in zip(rows, edit.table["id"], strict=True)}

    def named(row: int) -> str:
        return f"{row} · {ids[row]}"

    pick, copy, reset = st.columns([2, 1, 1], vertical_alignment="bottom")
    chosen: int | None = pick.selectbox(
        t("edit_duplicate_pick", lang),
        rows,
        format_func=named,
        key="edit_duplicate_row",
        help=t("edit_duplicate_help", lang),
    )
    copy.button(
        t("edit_duplicate", lang),
        key="edit_duplicate",
        on_click=_duplicate,
        args=(edit,),
        disabled=chosen is None,
        icon=":material/content_copy:",
    )
    reset.button(
        t("edit_reset", lang), key="edit_reset", on_click=_reset, args=(edit,), icon=":material/restart_alt:"
    )


def _duplicate(edit: session.EditSession) -> None:
    row = st.session_state.get("edit_duplicate_row")  # as picked now, not when the button was drawn
    if row is not None and row in edit.table.index:
        edit.restart(editing.duplicate(edit.table, row))


def _reset(edit: session.EditSession) -> None:
    """Every trace of the edit goes: the grid's table, the preview and its banner, pasted text."""
    edit.restart(editing.table_of(edit.original))
    edit.preview = False
    session.forget_draft(edit)
    for key in (PASTE_KEY, _PASTED):
        st.session_state.pop(key, None)


PASTE_KEY = "edit_paste"
_PASTED = "_edit_pasted"  # what the last paste did, shown under its button
PASTE_REFUSALS = {
    "nothing_pasted": "edit_paste_nothing_pasted",
    "too_many_rows": "edit_paste_too_many_rows",
    "too_many_cells": "edit_paste_too_many_cells",
}


def paste_box(edit: session.EditSession, lang: Lang) -> None:
    """Lines from a spreadsheet added as rows: all of them, or none with the reason."""
    with st.expander(t("edit_paste", lang)):
        st.text_area(t("edit_paste_text", lang), key=PASTE_KEY, max_chars=MAX_BYTES)
        st.button(t("edit_paste_add", lang), key="edit_paste_add", on_click=_paste, args=(edit,))
        pasted: editing.Pasted | None = st.session_state.get(_PASTED)
        if pasted is None:
            return
        if pasted.table is not None:
            last = int(max(pasted.table.index))
            first = last - pasted.added + 1
            st.success(t("edit_paste_added", lang, n=pasted.added, first=first, last=last))
        else:
            st.error(t(PASTE_REFUSALS[pasted.code], lang, line=pasted.line, limit=editing.MAX_ROWS))


def _paste(edit: session.EditSession) -> None:
    pasted = editing.paste_rows(edit.table, st.session_state.get(PASTE_KEY) or "")
    st.session_state[_PASTED] = pasted
    if pasted.table is not None:
        edit.restart(pasted.table)
        st.session_state[PASTE_KEY] = ""


def show_status(edit: session.EditSession, lang: Lang) -> None:
    checked = edit.checked
    if checked.too_many_rows:
        st.error(t("edit_grid_too_many_rows", lang, rows=checked.too_many_rows, limit=editing.MAX_ROWS))
        return
    if checked.empty_rows:
        st.caption(t("edit_empty_rows", lang, rows=", ".join(str(r) for r in checked.empty_rows)))
    if checked.unreadable is not None:
        st.error(markdown_text(t("edit_unreadable", lang, reason=checked.unreadable.reason_in(lang))))
    elif checked.dataset is None:
        st.error(t("edit_problems", lang, n=len(checked.problems)))
        st.dataframe(problem_frame(checked.problems, lang), hide_index=True, key="edit_problems")
    else:
        st.success(t("edit_valid", lang))
        changed = len(diff_datasets(edit.original, checked.dataset)[0].changes)
        st.caption(t("edit_changed", lang, n=changed) if changed else t("edit_unchanged", lang))


def problem_frame(problems: tuple[editing.EditProblem, ...], lang: Lang) -> pd.DataFrame:
    """Where first (row, column), then what: the side panel is narrow."""
    return pd.DataFrame(
        {
            t("edit_row", lang): [
                p.row if p.row is not None else t("edit_whole_file", lang) for p in problems
            ],
            t("col_field", lang): [column_label(p.column, lang) if p.column else "" for p in problems],
            t("problem_message", lang): [p.message_in(lang) for p in problems],
            t("edit_code", lang): [p.code for p in problems],
            t("col_id", lang): [p.id for p in problems],
            t("problem_value", lang): [p.value for p in problems],
        }
    )


def preview_switch(edit: session.EditSession, lang: Lang) -> None:
    edit.preview = st.toggle(
        t("edit_preview", lang),
        value=edit.preview,
        key=f"edit_preview_{edit.generation}",
        help=t("edit_preview_help", lang),
    )
    if edit.preview and not edit.checked.valid:
        st.caption(t("edit_preview_blocked", lang))


def edit_downloads(edit: session.EditSession, lang: Lang) -> None:
    checked = edit.checked
    if checked.too_many_rows:
        return  # nothing was written or checked: there is no file to offer
    st.download_button(
        t("edit_download_csv", lang),
        data=checked.data,
        file_name="funding-edited.csv",
        mime="text/csv",
        key="edit_download_csv",
        on_click="ignore",
        icon=":material/download:",
        help=None if checked.valid else t("edit_download_invalid_help", lang),
    )
    if checked.dataset is not None:
        st.download_button(
            t("edit_download_diff", lang),
            data=editing.diff_csv(edit.original, checked.dataset).encode("utf-8"),
            file_name="funding-edited-changes.csv",
            mime="text/csv",
            key="edit_download_diff",
            on_click="ignore",
            icon=":material/difference:",
        )
    elif checked.problems:
        st.download_button(
            t("edit_download_problems", lang),
            data=editing.problems_csv(checked.problems, lang),
            file_name="funding-edited-problems.csv",
            mime="text/csv",
            key="edit_download_problems",
            on_click="ignore",
            icon=":material/report:",
        )
