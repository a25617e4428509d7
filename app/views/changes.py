"""What changed: an earlier release against the data on the page (curated, uploaded or edited),
as counts, the net totals before and after, every changed entry, and the change list as CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from app.context import Page
from app.loading import TTL_SECONDS, stamp
from app.signed import cache_resource
from app.widgets import one_choice
from funding.base.markdown import markdown_text
from funding.changes.diff import DatasetDiff, TableDiff
from funding.changes.diff_files import render_csv
from funding.changes.version_changes import (
    CHANGE_CODES,
    change_rows,
    column_label,
    compare,
    counts,
    total_rows,
)
from funding.i18n import t
from funding.i18n.vocab import RECORD_TYPE, Lang
from funding.registry.dataset import Dataset
from funding.registry.documents import Document
from funding.registry.versions import DatasetVersion, Release, VersionUnreadable, read_version, releases

RELEASE_KEY = "release"


@cache_resource(max_entries=8, show_spinner=False)
def release(folder: str, stamp: tuple[int, int]) -> DatasetVersion | VersionUnreadable:
    """A release folder, read once per version of its file (releases never change, but a
    working tree might); why not, when it cannot be read."""
    try:
        return read_version(Path(folder))
    except VersionUnreadable as exc:
        return exc


@cache_resource(max_entries=8, ttl=TTL_SECONDS, show_spinner=False)
def changes(
    folder: str,
    stamp: tuple[int, int],
    digest: str,
    _old: DatasetVersion,
    _new: Dataset,
    _documents: dict[str, Document],
) -> DatasetDiff:
    return compare(_old, _new, _documents)


def render(page: Page) -> None:
    lang = page.lang
    st.subheader(t("changes_heading", lang))
    found = list(reversed(releases()))  # newest first
    if not found:
        st.info(t("changes_no_releases", lang))
        return
    labels = {r.version: _label(r) for r in found}
    current = page.data.info.version if page.data.info and not page.data.uploaded else None
    default = next((r.version for r in found if r.version != current), found[0].version)
    version = one_choice(
        st,
        RELEASE_KEY,
        t("changes_pick", lang),
        list(labels),
        lambda v: labels[v],
        default=default,
        widget="selectbox",
    )
    chosen = next(r for r in found if r.version == version)
    csv_path = chosen.folder / "funding.csv"
    old = release(str(chosen.folder), stamp(csv_path))
    if isinstance(old, VersionUnreadable):
        reason = old.reason_in(lang)
        st.error(markdown_text(t("changes_unreadable", lang, version=version, reason=reason)))
        return
    diff = changes(str(chosen.folder), stamp(csv_path), page.digest, old, page.dataset, page.data.documents)
    st.caption(markdown_text(t("changes_against", lang, old=old.label, new=_page_data(page))))
    if diff.identical:
        st.success(t("changes_identical", lang))
        return
    st.dataframe(summary_table(diff, lang), hide_index=True)
    if diff.funding.columns_added:
        names = ", ".join(column_label(c, lang) for c in diff.funding.columns_added)
        default = RECORD_TYPE.label("instrument", lang)
        st.caption(markdown_text(t("changes_columns_added", lang, columns=names, default=default)))
    show_totals(diff, lang)
    st.markdown(f"#### {t('changes_records_heading', lang)}")
    for table in (diff.funding, *diff.others):
        show_table(table, lang)
    st.download_button(
        t("changes_download", lang),
        data=render_csv(diff).encode("utf-8"),
        file_name=f"changes-{version}-to-page.csv",
        mime="text/csv",
        key="changes_download",
        on_click="ignore",
        icon=":material/download:",
        help=t("changes_download_help", lang),
    )


def _label(found: Release) -> str:
    old = release(str(found.folder), stamp(found.folder / "funding.csv"))
    return old.label if isinstance(old, DatasetVersion) else found.version


def _page_data(page: Page) -> str:
    info = page.data.info
    if page.data.uploaded or info is None:
        return page.data.loaded.source
    return t("curated_dataset", page.lang, version=info.version, date=info.date)


def summary_table(diff: DatasetDiff, lang: Lang) -> pd.DataFrame:
    """Per table: entries before and after and how many were added, removed, renamed, changed."""
    rows = []
    for table in (diff.funding, *diff.others):
        found = counts(table)
        rows.append(
            {
                t("col_entry", lang): t(f"changes_table_{table.table}", lang),
                t("col_before", lang): table.old_rows,
                t("col_after", lang): table.new_rows,
                **{t(f"changes_count_{code}", lang): found[code] for code in CHANGE_CODES},
            }
        )
    return pd.DataFrame(rows)


def show_totals(diff: DatasetDiff, lang: Lang) -> None:
    st.markdown(f"#### {t('changes_totals_heading', lang)}")
    st.caption(t("changes_totals_note", lang))
    rows = total_rows(diff, lang)
    if not rows:
        st.info(t("changes_no_total_moved", lang))
        return
    headers = {
        "kind": t("col_kind", lang),
        "total": t("col_total", lang),
        "before": t("col_before", lang),
        "after": t("col_after", lang),
        "moved": t("col_change", lang),
    }
    st.dataframe(pd.DataFrame(rows).rename(columns=headers), hide_index=True)


def show_table(table: TableDiff, lang: Lang) -> None:
    title = t(f"changes_table_{table.table}", lang)
    st.markdown(f"##### {title}")
    rows = change_rows(table, lang)
    if not rows:
        st.caption(t("changes_none_in_table", lang))
        return
    headers = {
        "change": t("col_change", lang),
        "id": t("col_id", lang),
        "old_id": t("col_old_id", lang),
        "entry": t("col_entry", lang),
        "column": t("col_field", lang),
        "old": t("col_old_value", lang),
        "new": t("col_new_value", lang),
    }
    frame = pd.DataFrame(rows).rename(columns=headers)
    if not any(r["old_id"] for r in rows):
        frame = frame.drop(columns=[headers["old_id"]])
    st.dataframe(frame, hide_index=True)
