"""One session's edit of the dataset: kept in its session state (never in a shared cache),
surviving reruns and view switches, and shown on every view when the preview is on.

Each edit is also kept as a draft on the server (`funding.changes.drafts`) under a private token in the
URL (`?draft=...`), so a reload, a server restart or another replica finds it again; only a
holder of that link can, and the share link leaves the token out (`app.url_state`).

The grid (`st.data_editor`) keeps only the edits made since it was last given a table, and
Streamlit forgets them when the grid is not drawn (another view is open). So every run stores
the grid's whole table here; when the grid comes back, or a row is duplicated or all edits are
discarded, it is given that table afresh under a new key.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

import pandas as pd
import streamlit as st

from app.loading import Loaded, Source
from app.url_state import DRAFT
from app.widgets import url_write
from funding.base.markdown import markdown_text
from funding.changes import editing
from funding.changes.drafts import Draft, DraftStore, new_token, valid_token
from funding.i18n import t
from funding.i18n.vocab import Lang
from funding.registry.dataset import Dataset

STATE = "_edit"


@dataclass
class EditSession:
    """What is edited (the dataset of `origin`, by its digest) and how far: `table` is the grid's
    latest table and `checked` what the loader says of it."""

    origin: str  # the digest of the bytes the edited dataset was read from
    name: str  # that file's name
    original: Dataset
    base: pd.DataFrame  # what the grid was last given
    generation: int
    table: pd.DataFrame
    checked: editing.Checked
    preview: bool = False
    lang: str = ""  # the grid's labels: another language makes another grid, given the table afresh
    pristine: str = ""  # the digest of the unedited table's CSV: no draft is kept for it
    token: str = ""  # the draft's token, once there is a draft
    saved: str = ""  # the digest of the CSV last kept as the draft
    restored: float | None = None  # when the draft this edit was restored from was saved

    @property
    def grid_key(self) -> str:
        return f"edit_grid_{self.generation}"

    def restart(self, table: pd.DataFrame) -> None:
        """Give the grid this table under a new key (its own edits are in the table already)."""
        self.base = self.table = table
        self.generation += 1


def session() -> EditSession | None:
    found = st.session_state.get(STATE)
    return found if isinstance(found, EditSession) else None


def start(source: Source, dataset: Dataset) -> EditSession:
    """The edit under way (also while its preview is what the page shows), the draft the URL names
    (after a reload or a restart), or a new edit of the dataset in use."""
    found = session()
    if found is not None and (found.origin == source.loaded.digest or previewing(source)):
        return found
    table = editing.table_of(dataset)
    checked = editing.check(table, tuple(source.documents))
    started = EditSession(source.loaded.digest, source.loaded.source, dataset, table, 0, table, checked)
    started.pristine = checked.digest
    token = st.query_params.get(DRAFT)
    draft = DraftStore().load(token)
    if token is not None and draft is not None and draft.origin == started.origin:
        restored = editing.paste_rows(table.iloc[0:0], draft.data.decode("utf-8")).table
        if restored is not None:
            started.restart(restored)
            started.checked = editing.check(restored, tuple(source.documents))
            started.token, started.saved, started.restored = token, started.checked.digest, draft.saved
    st.session_state[STATE] = started
    return started


def keep_draft(edit: EditSession) -> None:
    """Keep the edit as this URL's draft when it changed; an edit undone leaves no draft."""
    checked = edit.checked
    if checked.too_many_rows or checked.digest == edit.saved:
        return
    if checked.digest == edit.pristine:
        forget_draft(edit)
        return
    token = edit.token or new_token()
    if DraftStore().save(token, Draft(edit.origin, edit.name, checked.data, time.time())):
        edit.token, edit.saved = token, checked.digest
        url_write(DRAFT, [token])


def forget_draft(edit: EditSession) -> None:
    """No draft for this edit any more: off the server and out of the URL."""
    DraftStore().delete(edit.token or None)
    edit.token, edit.saved, edit.restored = "", "", None
    url_write(DRAFT, [])


def stale_draft() -> bool:
    """The URL names a draft that is not there (expired, or of other data): say so."""
    token = st.query_params.get(DRAFT)
    found = session()
    return valid_token(token) and (found is None or found.token != token)


def edited_name(name: str, lang: Lang) -> str:
    return t("edit_edited_name", lang, name=name.rsplit("/", 1)[-1])


def previewed(source: Source, lang: Lang) -> Source:
    """The data the page shows: the session's valid edit when its preview is on, else `source`.
    An edit of other data (an upload came or went) is dropped: it no longer applies."""
    found = session()
    if found is None:
        return source
    if found.origin != source.loaded.digest:
        del st.session_state[STATE]
        return source
    dataset = found.checked.dataset
    if not found.preview or dataset is None or source.loaded.dataset is None:
        return source
    edited = dataset.with_disagreements(source.loaded.dataset.disagreements)
    shown = Loaded(edited, edited_name(found.name, lang), found.checked.digest)
    return replace(source, loaded=shown, uploaded=True)


def shown_digest(edit: EditSession) -> str:
    """The data the page should show for this edit: the edit's when previewed and valid."""
    return edit.checked.digest if edit.preview and edit.checked.valid else edit.origin


def previewing(source: Source) -> bool:
    found = session()
    return found is not None and found.preview and source.loaded.digest == found.checked.digest


def stop_preview() -> None:
    found = session()
    if found is not None:
        found.preview = False


def preview_banner(source: Source, lang: Lang, *, presenting: bool) -> None:
    """Above every view while the preview is on: whose data these are, and the way back."""
    with st.container(border=True, key="preview_banner"):
        st.warning(
            markdown_text(t("edit_previewing", lang, name=source.loaded.source)), icon=":material/edit_note:"
        )
        if not presenting:
            st.button(
                t("edit_preview_stop", lang),
                key="preview_stop",
                on_click=stop_preview,
                icon=":material/undo:",
            )
