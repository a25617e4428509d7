"""The Edit view through AppTest: the loader's problems by row and column as you edit, a preview
of every view on the edit for this session only, and the shipped file never written.

AppTest cannot type into the grid: an edit is the edit state Streamlit's grid would send
(`edited_rows` by row position, `added_rows`, `deleted_rows`), assigned before a run.

Hand-computed preview: on the shipped data the overview's "all public funding, counted once" is
up to EUR 5.796-8.021 bn (see tests/test_app_changes.py). battery-booster-facility (grid row 2)
is EUR 1.5 bn, battery-specific, part of eu-innovation-fund which states no amount, and named in
no may_overlap: it is counted at both ends. Raising it to EUR 2.0 bn adds 0.5 bn to each end:
5.796 + 0.5 = 6.296 and 8.021 + 0.5 = 8.521, up to EUR 6.296-8.521 bn; the battery-specific
headline goes from 4.021 to 4.521.
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pandas as pd
import pytest
from apptest_support import app, metric, open_view, run, said
from changes_support import downloads
from fixtures import DATA, DOCUMENTS
from streamlit.testing.v1 import AppTest

from app import url_state
from bench import synth
from funding.changes import editing
from funding.changes.diff_files import CSV_COLUMNS
from funding.changes.version_changes import column_label
from funding.i18n import t
from funding.registry.documents import load_documents
from funding.registry.loading import parse_csv

pytestmark = pytest.mark.apptest
BOOSTER = 1  # battery-booster-facility: position 1, grid row 2


def edit(
    at: AppTest, edited: dict[int, dict[str, object]], *, added: list[dict[str, object]] | None = None
) -> AppTest:
    """Send the grid's edit state, as the browser would after typing."""
    key = at.data_editor[0].key
    assert key is not None
    at.session_state[key] = {"edited_rows": edited, "added_rows": added or [], "deleted_rows": []}
    return run(at)


def problems(at: AppTest) -> set[tuple[object, str, str, str]]:
    """(grid row, id, column label, code) of every problem listed beside the grid."""
    found = [e.value for e in at.dataframe if t("edit_code", "en") in e.value.columns]
    if not found:
        return set()
    frame = found[0]
    assert isinstance(frame, pd.DataFrame)
    return {
        (r[t("edit_row", "en")], r[t("col_id", "en")], r[t("col_field", "en")], r[t("edit_code", "en")])
        for _, r in frame.iterrows()
    }


def shipped_hash() -> str:
    return hashlib.sha256(DATA.read_bytes()).hexdigest()


def test_a_broken_edit_shows_its_problem_and_fixing_it_clears_it() -> None:
    at = app(view="edit")
    assert problems(at) == set() and [e.value for e in at.success] == [t("edit_valid", "en")]
    edit(at, {BOOSTER: {"amount_eur": -5}, 2: {"level": None}})
    assert problems(at) == {
        (2, "battery-booster-facility", column_label("amount_eur", "en"), "amount_negative"),
        (3, "if-ev-battery-cell-grants-2024", column_label("level", "en"), "required"),
    }
    edit(at, {BOOSTER: {"amount_eur": 1.5e9}, 2: {"level": None}})
    assert {p[3] for p in problems(at)} == {"required"}
    edit(at, {BOOSTER: {"amount_eur": 1.5e9}})
    assert problems(at) == set() and at.success


def test_an_added_row_is_checked_at_its_grid_row() -> None:
    at = app(view="edit")
    # The browser fills a new row's defaults (record_type, battery_specific) before sending it.
    new = {"id": "new-call", "name_en": "New call", "record_type": "instrument", "battery_specific": True}
    edit(at, {}, added=[new])
    found = problems(at)
    # 62 shipped rows: the added one is row 63.
    assert {(r, i) for r, i, _, _ in found} == {(63, "new-call")}
    assert {c for _, _, _, c in found} == {"required"}
    assert column_label("level", "en") in {col for _, _, col, _ in found}


def test_a_duplicated_row_is_a_duplicate_id_at_the_copy() -> None:
    at = app(view="edit")
    at.selectbox(key="edit_duplicate_row").set_value(2)
    at.button(key="edit_duplicate").click()
    run(at)
    assert problems(at) == {(3, "battery-booster-facility", column_label("id", "en"), "duplicate_id")}
    assert len(at.data_editor[0].value) == 63


def test_a_valid_edit_previews_on_every_view_for_this_session_only(monkeypatch: pytest.MonkeyPatch) -> None:
    before = shipped_hash()
    at = app(view="edit")
    edit(at, {BOOSTER: {"amount_eur": 2.0e9}})
    with downloads(monkeypatch) as files:
        at.toggle(key="edit_preview_0").set_value(True)
        run(at)
    open_view(at, "overview")
    assert metric(at, "net_public") == "up to EUR 6.29–8.53 bn"  # 6.296 down, 8.521 up
    banner = t("edit_previewing", "en", name=t("edit_edited_name", "en", name="funding.csv"))
    assert banner in said(at.warning)
    assert any(t("edit_preview_stop", "en") == b.label for b in at.button)
    # Another session sees the curated data, and the curated file is untouched.
    other = app()
    assert metric(other, "net_public") == "up to EUR 5.79–8.03 bn"  # 5.796 down, 8.021 up
    assert shipped_hash() == before
    # The downloads: the edited file parses and differs in that cell only.
    edited = parse_csv(files["funding-edited.csv"], known_documents=load_documents(DOCUMENTS))
    assert edited.by_id["battery-booster-facility"].amount_eur == 2.0e9
    lines = list(csv.reader(io.StringIO(files["funding-edited-changes.csv"].decode("utf-8"))))
    assert lines == [
        list(CSV_COLUMNS),
        ["funding", "changed", "battery-booster-facility", "", "amount_eur", "1500000000", "2000000000"],
    ]


def test_the_edit_survives_a_view_switch_and_stopping_the_preview_restores_the_data() -> None:
    at = app(view="edit")
    edit(at, {BOOSTER: {"amount_eur": 2.0e9}})
    at.toggle(key="edit_preview_0").set_value(True)
    run(at)
    open_view(at, "timeline")
    open_view(at, "edit")
    assert at.data_editor[0].value.loc[2, "amount_eur"] == 2.0e9  # given back to a fresh grid
    assert at.toggle[0].value is True
    open_view(at, "overview")
    next(b for b in at.button if b.key == "preview_stop").click()
    run(at)
    assert metric(at, "net_public") == "up to EUR 5.79–8.03 bn"  # 5.796 down, 8.021 up


def test_the_edit_survives_a_language_switch() -> None:
    at = app(view="edit")
    edit(at, {BOOSTER: {"amount_eur": -5}})
    at.radio(key="lang").set_value("nl")
    run(at)
    assert at.data_editor[0].value.loc[2, "amount_eur"] == -5
    found = next(e.value for e in at.dataframe if t("edit_code", "nl") in e.value.columns)
    assert list(found[t("edit_code", "nl")]) == ["amount_negative"]


def test_a_preview_waits_for_the_problems_to_be_fixed() -> None:
    at = app(view="edit")
    edit(at, {BOOSTER: {"amount_eur": -5}})
    at.toggle(key="edit_preview_0").set_value(True)
    run(at)
    assert t("edit_preview_blocked", "en") in [c.value for c in at.caption]
    open_view(at, "overview")
    assert metric(at, "net_public") == "up to EUR 5.79–8.03 bn"  # 5.796 down, 8.021 up


def test_the_edit_view_in_dutch_labels_columns_and_problems() -> None:
    at = app(view="edit", lang="nl")
    edit(at, {BOOSTER: {"amount_eur": -5}})
    assert at.data_editor[0].value.columns[11] == "amount_eur"  # codes stored, labels shown
    found = next(e.value for e in at.dataframe if t("edit_code", "nl") in e.value.columns)
    assert list(found[t("col_field", "nl")]) == [column_label("amount_eur", "nl")]
    assert list(found[t("edit_code", "nl")]) == ["amount_negative"]


def test_a_file_above_the_editor_limit_is_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = synth.write(tmp_path / "funding.csv", editing.MAX_ROWS + 1)
    monkeypatch.setenv("FUNDING_DATA", str(data))
    at = app(view="edit")
    assert not at.data_editor
    expected = t("edit_too_many_rows", "en", rows=editing.MAX_ROWS + 1, limit=editing.MAX_ROWS)
    assert [w.value for w in at.warning] == [expected]


def test_discarding_the_edits_clears_every_trace_and_the_banner() -> None:
    """Discard left the banner saying "edited" over the curated data. Now the preview stops
    with it: no banner, the curated figures, and no edit left in the grid."""
    at = app(view="edit")
    edit(at, {BOOSTER: {"amount_eur": 2.0e9}})
    at.toggle(key="edit_preview_0").set_value(True)
    run(at)
    banner = t("edit_previewing", "en", name=t("edit_edited_name", "en", name="funding.csv"))
    assert banner in said(at.warning)
    at.button(key="edit_reset").click()
    run(at)
    assert banner not in said(at.warning)
    assert [e.value for e in at.success] == [t("edit_valid", "en")]
    assert t("edit_unchanged", "en") in [c.value for c in at.caption]
    open_view(at, "overview")
    assert metric(at, "net_public") == "up to EUR 5.79–8.03 bn"  # the curated 5.796–8.021, said


def test_pasted_lines_are_added_at_the_end_and_checked() -> None:
    at = app(view="edit")
    lines = "id\tname_en\nnew-a\tNew A\nnew-b\tNew B\nnew-c\tNew C\nnew-d\tNew D\nnew-e\tNew E"
    at.text_area(key="edit_paste").input(lines)
    at.button(key="edit_paste_add").click()
    run(at)
    assert len(at.data_editor[0].value) == 67  # 62 shipped rows + 5 pasted: rows 63 to 67
    assert t("edit_paste_added", "en", n=5, first=63, last=67) in [s.value for s in at.success]
    assert {r for r, _, _, _ in problems(at)} == {63, 64, 65, 66, 67}  # each checked: level etc. missing


def test_a_grid_grown_past_the_limit_is_refused_on_every_rerun_without_a_download() -> None:
    at = app(view="edit")
    added = [{"id": f"r{n}", "name_en": "x", "battery_specific": True} for n in range(editing.MAX_ROWS)]
    edit(at, {}, added=added)
    expected = t("edit_grid_too_many_rows", "en", rows=62 + editing.MAX_ROWS, limit=editing.MAX_ROWS)
    assert expected in [e.value for e in at.error]
    assert not [b for b in at.get("download_button") if b.proto.id and "edit_download" in b.proto.id]


def test_an_edit_comes_back_in_a_new_session_from_its_link_only() -> None:
    """A reload is a new session: with the URL's draft token the edit is back (and says when it
    was saved); a session without the token sees the curated data; the share link leaves the
    token out; discarding deletes the draft."""
    at = app(view="edit")
    edit(at, {BOOSTER: {"amount_eur": -5}})
    token = at.query_params["draft"]
    assert isinstance(token, str) and len(token) == 32
    reloaded = app(view="edit", draft=token)
    assert problems(reloaded) == {
        (2, "battery-booster-facility", column_label("amount_eur", "en"), "amount_negative")
    }
    assert any(t("edit_draft_restored", "en", time="")[:20] in i.value for i in reloaded.info)
    other = app(view="edit")
    assert problems(other) == set() and "draft" not in other.query_params
    share = url_state.share_link("http://host", [("view", "edit"), ("draft", token)])
    assert share == "http://host/?view=edit"
    reloaded.button(key="edit_reset").click()
    run(reloaded)
    assert "draft" not in reloaded.query_params
    again = app(view="edit", draft=token)
    assert problems(again) == set()
    assert t("edit_draft_gone", "en") in [c.value for c in again.caption]
